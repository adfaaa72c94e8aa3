#!/usr/bin/env bash
# Builds the libFuzzer targets of the JSON loaders with clang++-19
# (-fsanitize=fuzzer,address,undefined) in build-fuzz/ and runs each on its
# seed corpus (test/fuzz/<target>/), one after the other.
#
#   scripts/fuzz.sh [RUNS]     # RUNS executions per target (default 1000000)
#
# Not part of .ci/run (too slow); see docs/testing.md, "Fuzzing". Needs
# clang-19 and libclang-rt-19-dev (scripts/install-deps.sh installs them).
# New findings (crash-*, leak-*, timeout-*) are written to build-fuzz/findings/
# and make the script fail.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_FUZZ_BUILD_DIR:-$root/build-fuzz}"
runs="${1:-1000000}"

# One line per target: NAME (checker/fuzz/NAME.cpp, listed in CMakeLists.txt)
# and its seed corpus under test/fuzz/. A third loader is one more line here
# and one more name in CMakeLists.txt's PRIVACY_FUZZ block.
targets=(
  "PolicyFuzzer policy"
  "ApiCatalogFuzzer catalog"
  "AnnotationsFuzzer annotations"
)

"$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  CC=/usr/lib/llvm-19/bin/clang CXX=/usr/lib/llvm-19/bin/clang++ \
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPRIVACY_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
names=()
for t in "${targets[@]}"; do names+=("${t%% *}"); done
cmake --build "$build" --target "${names[@]}"

mkdir -p "$build/findings"
status=0
for t in "${targets[@]}"; do
  name="${t%% *}"
  seeds="$root/test/fuzz/${t#* }"
  # The corpus grows in build-fuzz/corpus/; the seeds in the tree stay as
  # they are.
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  echo "fuzz: $name, $runs runs, seeds in ${seeds#$root/}"
  if ! "$build/fuzz/$name" -runs="$runs" -max_len=8192 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/findings/$name-" "$corpus" "$seeds" \
      2> "$build/findings/$name.log"; then
    status=1
    echo "fuzz: $name FAILED; see $build/findings/$name.log" >&2
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' \
    "$build/findings/$name.log" | sed "s/^/fuzz: $name: /" || true
done
exit $status
