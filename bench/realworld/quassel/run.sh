#!/usr/bin/env bash
# bench/realworld/quassel/run.sh - the Quassel IRC core 0.14.0 (a Qt 5 server)
# from Debian 12's source package: fetch, configure the core only with CMake,
# annotate (annotations.patch), run privacy-scan with catalog.json and
# clang++ -fsyntax-only, compare with expected.json.
# usage: bench/realworld/quassel/run.sh [--scan PRIVACY_SCAN] [--work DIR] [-j JOBS] [--no-timing] [--reuse]
NAME=quassel PKG=quassel VERSION=1:0.14.0-1
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

deps() {
  install_deps cmake pkg-config dpkg-dev patch time qtbase5-dev libqca-qt5-2-dev \
    libboost-dev zlib1g-dev libssl-dev
}

unpack() {
  if fetch_source; then
    dpkg-source --no-check -x "$DSC" "$SRC" > /dev/null
  else
    # The mirror this harness was written on serves the .dsc and the upstream
    # tarball but not quassel_0.14.0-1.debian.tar.xz. The upstream tarball,
    # checked against the .dsc's SHA-256, is the same source without Debian's
    # packaging (debian/); the annotation patch touches only src/.
    local orig="$DL/quassel_0.14.0.orig.tar.xz"
    [ -f "$orig" ] && check_sha256 "$orig" ||
      { echo "quassel/run.sh: no verified $orig" >&2; exit 2; }
    log "debian.tar.xz not served: using the verified upstream tarball"
    mkdir -p "$SRC" && tar -xf "$orig" -C "$SRC" --strip-components=1
  fi
}

configure() {
  log "cmake, core only (compile_commands.json)"
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_CXX_FLAGS="-I$ROOT/annotations" \
    -DWANT_CORE=ON -DWANT_QTCLIENT=OFF -DWANT_MONO=OFF -DWITH_KDE=OFF \
    -DWITH_WEBENGINE=OFF -DWITH_LDAP=OFF -DUSE_CCACHE=OFF -DEMBED_DATA=OFF \
    -DWITH_BUNDLED_ICONS=OFF > "$WORK/cmake.log" 2>&1 ||
    { echo "quassel/run.sh: CMake failed, see $WORK/cmake.log" >&2; exit 2; }
  # The moc/rcc outputs (mocs_compilation.cpp, qrc_sql.cpp) are generated at
  # build time; filter_db leaves them out: Qt's generated code, not Quassel's.
  # Two sources include their moc output themselves: make just those with moc
  # (building the autogen targets would build quassel_common first).
  local gen="$BUILD/privacy-moc"
  mkdir -p "$gen"
  /usr/lib/qt5/bin/moc -o "$gen/moc_authenticator.cpp" "$SRC/src/core/authenticator.h"
  /usr/lib/qt5/bin/moc -o "$gen/sessionthread.moc" "$SRC/src/core/sessionthread.cpp"
  python3 - "$BUILD/compile_commands.json" "$gen" <<'PY'
import json, sys
path, gen = sys.argv[1], sys.argv[2]
db = json.load(open(path))
for e in db:
    if e["file"].endswith(("src/core/authenticator.cpp", "src/core/sessionthread.cpp")):
        e["command"] = e["command"].replace(" -c ", " -I%s -c " % gen, 1)
json.dump(db, open(path, "w"), indent=1)
PY
}

main "$@"
