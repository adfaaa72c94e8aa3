#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang++-19, build-sanitize/) and runs the whole lit suite on that build.
# Ends like scripts/test.sh with "N passed, N failed, N skipped"; any
# sanitizer report fails the test it happens in.
#
# The plugins are sanitized too: they are built against ASan's shared
# runtime, which the lit configuration preloads (LD_PRELOAD) into every
# process of a test, so that the unsanitized clang-tidy-19 and clang++-19
# can load them (docs/testing.md, "Sanitizers"). Needs clang-19 and
# libclang-rt-19-dev (scripts/install-deps.sh installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_SANITIZE_BUILD_DIR:-$root/build-sanitize}"

"$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  CC=/usr/lib/llvm-19/bin/clang CXX=/usr/lib/llvm-19/bin/clang++ \
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPRIVACY_SANITIZE=ON
fi
PRIVACY_BUILD_DIR="$build" exec "$root/scripts/test.sh"
