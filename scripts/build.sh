#!/usr/bin/env bash
# Configures (once) and builds privacy-tidy in build/ with Ninja.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPRIVACY_WERROR="${PRIVACY_WERROR:-OFF}"
fi
cmake --build "$build"
