#!/usr/bin/env bash
# The main job on the bundled example: configures examples/cloudz to get its
# compile_commands.json, runs privacy-scan over the whole program with the
# example's policy (the Cloud Z policy of 2019), prints the findings and
# writes the reports to build/reports/.
#
# The example has findings on purpose (examples/README.md lists them), so
# privacy-scan's exit status 1 ("findings") is the expected outcome here;
# anything else (2: a broken policy, database or translation unit) fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_BUILD_DIR:-$root/build}"
example="$root/examples/cloudz"
example_build="$build/examples/cloudz"
reports="$build/reports"
scan="$build/bin/privacy-scan"

cmake -S "$example" -B "$example_build" -G Ninja >/dev/null
mkdir -p "$reports"

cd "$example"
echo "privacy-scan: examples/cloudz against $(readlink -f privacy-policy.json)"
status=0
"$scan" -p "$example_build" --policy privacy-policy.json --format text || status=$?
if [ "$status" -gt 1 ]; then
  echo "run-example: privacy-scan failed (exit $status)" >&2
  exit "$status"
fi

for format in json sarif html; do
  ext=$format
  "$scan" -q -p "$example_build" --policy privacy-policy.json --format "$format" \
    -o "$reports/cloudz.$ext" || [ $? -eq 1 ]
done
for lang in en ko; do
  "$scan" -q -p "$example_build" --policy privacy-policy.json --format markdown \
    --lang "$lang" -o "$reports/cloudz.$lang.md" || [ $? -eq 1 ]
done
"$scan" -q -p "$example_build" --policy privacy-policy.json --format html \
  --lang ko -o "$reports/cloudz.ko.html" || [ $? -eq 1 ]

echo
echo "Reports: $reports/cloudz.{html,ko.html,en.md,ko.md,json,sarif}"
