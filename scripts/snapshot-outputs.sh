#!/usr/bin/env bash
# Writes every output the tools produce on fixed inputs into one folder, so
# that a refactoring can be shown to change nothing: run it before and after
# and compare the two folders with `diff -r` (docs/developers.md).
#
# What it captures: privacy-scan on examples/cloudz in every format and
# language, with --summaries-dir and then --from-summaries over those
# summaries; privacy-scan on a generated benchmark program (bench/generate.py);
# clang-tidy-19 with the module and the compiler plugin on the example's
# files. Absolute paths of the checkout and of the output are replaced by
# placeholders, so two checkouts compare equal.
#
# usage: scripts/snapshot-outputs.sh OUT_DIR [-b BUILD_DIR] [-n FILES] [-m FUNCTIONS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out="$(mkdir -p "$1" && cd "$1" && pwd)"
shift
build="$root/build" files=60 functions=60
while [ $# -gt 0 ]; do
  case "$1" in
    -b) build="$(cd "$2" && pwd)"; shift 2 ;;
    -n) files="$2"; shift 2 ;;
    -m) functions="$2"; shift 2 ;;
    *) echo "snapshot-outputs: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
scan="$build/bin/privacy-scan"
[ -x "$scan" ] || { echo "snapshot-outputs: build first ($scan)" >&2; exit 2; }
llvm_bin=/usr/lib/llvm-19/bin
work="$out/.work"
rm -rf "$work" && mkdir -p "$work"
rm -f "$out"/*.txt "$out"/*.json "$out"/*.sarif "$out"/*.md "$out"/*.html

# Every output of a run goes through here: paths of the checkout, the build
# and the scratch folder become placeholders.
normalise() {
  sed -e "s#$work#<WORK>#g" -e "s#$build#<BUILD>#g" -e "s#$root#<ROOT>#g"
}
# run NAME CMD...: stdout to NAME.out.txt, stderr to NAME.err.txt, exit to NAME.exit.txt
run() {
  local name="$1"
  shift
  local status=0
  "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
  normalise <"$work/stdout" >"$out/$name.out.txt"
  normalise <"$work/stderr" >"$out/$name.err.txt"
  echo "$status" >"$out/$name.exit.txt"
}
# The reports written with -o.
keep() { normalise <"$1" >"$out/$2"; }

example="$root/examples/cloudz"
example_build="$work/cloudz-build"
cmake -S "$example" -B "$example_build" -G Ninja >/dev/null
policy="$example/privacy-policy.json"
cd "$example"
run example-text "$scan" -p "$example_build" --policy "$policy" --format text
for format in json sarif html markdown; do
  for lang in en ko; do
    run "example-$format-$lang" "$scan" -q -p "$example_build" --policy "$policy" \
      --format "$format" --lang "$lang" -o "$work/report"
    keep "$work/report" "example.$lang.$format"
  done
done
run example-summaries "$scan" -q -p "$example_build" --policy "$policy" \
  --summaries-dir "$work/summaries" --format json -o "$work/report"
for summary in "$work"/summaries/*; do
  keep "$summary" "summary.$(basename "$summary")"
done
run example-from-summaries "$scan" -q --from-summaries "$work/summaries" \
  --policy "$policy" --format json -o "$work/report"
keep "$work/report" example.from-summaries.json

# clang-tidy and the compiler plugin on each file of the example.
for src in "$example"/src/*.cpp; do
  name="$(basename "$src" .cpp)"
  run "tidy-$name" "$llvm_bin/clang-tidy" --load "$build/lib/libprivacy-tidy.so" \
    --checks='-*,privacy-*' --config="{CheckOptions: {privacy-*.PolicyFile: '$policy'}}" \
    -p "$example_build" "$src"
  run "plugin-$name" "$llvm_bin/clang++" -std=c++17 -fsyntax-only \
    -fplugin="$build/lib/libprivacy-plugin.so" \
    -fplugin-arg-privacy-policy="$policy" -I"$example/include" -I"$root/annotations" "$src"
done

# The generated benchmark program.
python3 "$root/bench/generate.py" "$work/bench" -n "$files" -m "$functions" >/dev/null
cd "$work/bench"
run bench-json "$scan" -q -p "$work/bench" -j 2 --policy "$work/bench/privacy-policy.json" \
  --format json -o "$work/report"
keep "$work/report" bench.json
run bench-sarif "$scan" -q -p "$work/bench" -j 2 --policy "$work/bench/privacy-policy.json" \
  --format sarif -o "$work/report"
keep "$work/report" bench.sarif

rm -rf "$work"
echo "snapshot-outputs: $(ls "$out" | wc -l) files in $out"
