#!/usr/bin/env bash
# bench/realworld/znc/run.sh - ZNC 1.8.2 (IRC bouncer) from Debian 12's source
# package: fetch, configure with CMake, annotate (annotations.patch), run
# privacy-scan and clang++ -fsyntax-only, compare with expected.json.
# usage: bench/realworld/znc/run.sh [--scan PRIVACY_SCAN] [--work DIR] [-j JOBS] [--no-timing] [--reuse]
NAME=znc PKG=znc VERSION=1.8.2-3.1+deb12u1
# The pinned version is bookworm's (main); the security update deb12u2 is newer,
# but its files were not served by the mirror this harness was written on.
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

deps() { install_deps cmake pkg-config libssl-dev dpkg-dev patch time; }

unpack() {
  fetch_source
  log "dpkg-source -x (Debian's patches applied)"
  dpkg-source --no-check -x "$DSC" "$SRC" > /dev/null
}

configure() {
  log "cmake (compile_commands.json)"
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_CXX_FLAGS="-I$ROOT/annotations" \
    -DWANT_PERL=OFF -DWANT_PYTHON=OFF -DWANT_TCL=OFF -DWANT_CYRUS=OFF \
    -DWANT_I18N=OFF -DWANT_ICU=OFF -DWANT_ZLIB=OFF > "$WORK/cmake.log" 2>&1 ||
    { echo "znc/run.sh: CMake failed, see $WORK/cmake.log" >&2; exit 2; }
  # Generated headers the sources include (znc/Csocket.h is copied at build time).
  # Generated files the sources include or that are compiled: znc/Csocket.h and
  # src/Csocket.cpp are copied from third_party/Csocket at build time (ZNC's socket
  # layer, kept in the database); src/versionc.cpp is generated.
  make -C "$BUILD" copy_csocket_h copy_csocket_cc version >> "$WORK/cmake.log" 2>&1
}
KEEP_GENERATED="src/Csocket.cpp src/versionc.cpp"

main "$@"
