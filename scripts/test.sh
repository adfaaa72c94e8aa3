#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every lit test
# and ends with one line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

results="$build/test/results.json"
rm -f "$results"
set +e
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv --order=lexical \
  -o "$results" "$build/test"
lit_status=$?
set -e

python3 - "$results" "$lit_status" <<'PY'
import json, sys
path, status = sys.argv[1], int(sys.argv[2])
try:
    tests = json.load(open(path))["tests"]
except (OSError, ValueError, KeyError):
    print("0 passed, 1 failed (lit did not run: exit %d)" % status)
    sys.exit(1)
ok = {"PASS", "XFAIL"}
passed = sum(t["code"] in ok for t in tests)
skipped = sum(t["code"] in {"UNSUPPORTED", "SKIPPED"} for t in tests)
failed = len(tests) - passed - skipped
print()
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(0 if failed == 0 and status == 0 and passed > 0 else 1)
PY
