#!/usr/bin/env bash
# Installs what privacy-tidy needs on Debian 12 and is not there yet.
# Idempotent: does nothing (and needs no network) when all is installed.
set -euo pipefail

PACKAGES=(
  # the toolchain the plugin is built for and loaded by
  clang-19 clang-tidy-19 clang-tools-19 libclang-19-dev llvm-19-dev llvm-19-tools
  # sanitizer and libFuzzer runtimes of clang-19 (scripts/sanitize.sh, scripts/fuzz.sh)
  libclang-rt-19-dev
  # the format check of the project's own code (test/lint)
  clang-format-19
  # build
  cmake ninja-build g++ gcc python3
  # privacy-scan's allocator (CMakeLists.txt, PRIVACY_SCAN_TCMALLOC)
  libtcmalloc-minimal4
  # policy files: JSON and JSON Schema validation
  nlohmann-json3-dev libvalijson-dev
  # schema patterns are matched with RE2 (linear, no recursion: docs/robustness.md)
  libre2-dev pkg-config
  # unit tests of the library (unittests/)
  libgtest-dev
  # headers whose real declarations the tests parse (the API catalogs in
  # rules/sinks describe libcurl, spdlog with fmt, SQLite and libpq)
  libcurl4-openssl-dev libspdlog-dev libsqlite3-dev libpq-dev
  # Qt 5's headers, for the tests of rules/sinks/qt5-*.json
  qtbase5-dev
  # the other libraries of rules/sinks, whose tests parse their headers
  # (test/checkers/catalog-*.cpp): glog, Boost.Log, Poco, cpp-httplib, the
  # MariaDB C API, hiredis, and protobuf with protoc for generated messages
  libgoogle-glog-dev libboost-log-dev libpoco-dev libcpp-httplib-dev
  libmariadb-dev libhiredis-dev libprotobuf-dev protobuf-compiler
  # a real LSP client for privacy-lsp's test (test/lsp/neovim.test)
  neovim
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO=sudo
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
