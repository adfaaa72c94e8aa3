#!/usr/bin/env bash
# bench/scan.sh - privacy-scan over a whole generated program against
# clang++ -fsyntax-only over the same files, with the same parallelism.
#
# Generates a code base of at least 200 translation units (bench/generate.py),
# then times, interleaved and repeated, `clang++-19 -fsyntax-only` on every
# file (JOBS at a time) and `privacy-scan -j JOBS` on the database; prints
# the medians, the ratio scan/syntax-only, the findings and privacy-scan's
# peak RSS. It reports; it never fails on timing.
#
# usage: bench/scan.sh [-j JOBS] [-r REPEATS] [-n FILES] [-m FUNCTIONS] [-o DIR] [-b BUILD_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JOBS=2 REPEATS=2 FILES=220 FUNCTIONS=120 OUT="" BUILD="$ROOT/build"
while [ $# -gt 0 ]; do
  case "$1" in
    -j) JOBS="$2"; shift 2 ;;
    -r) REPEATS="$2"; shift 2 ;;
    -n) FILES="$2"; shift 2 ;;
    -m) FUNCTIONS="$2"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    -b) BUILD="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scan.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
SCAN="$BUILD/bin/privacy-scan"
[ -x "$SCAN" ] || { echo "scan.sh: build privacy-scan first ($SCAN)" >&2; exit 2; }
[ -n "$OUT" ] || OUT="$(mktemp -d /tmp/privacy-bench-scan.XXXXXX)"

python3 "$HERE/generate.py" "$OUT" -n "$FILES" -m "$FUNCTIONS" > /dev/null
DB="$OUT"
[ -f "$DB/compile_commands.json" ] || { echo "scan.sh: no compile_commands.json in $DB" >&2; exit 2; }

syntax_only() { # prints "wall failures"
  python3 "$HERE/syntax_only.py" "$DB/compile_commands.json" "$JOBS" | awk '{print $1, $3}'
}

scan_once() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss.txt" "$SCAN" -q -p "$DB" -j "$JOBS" --policy "$DB/privacy-policy.json" \
    --format json -o "$OUT/inventory.json" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  python3 -c "print('%.2f' % ($end - $start))"
}

syntax_times=() scan_times=()
for i in $(seq "$REPEATS"); do
  read -r t failed < <(syntax_only)
  syntax_times+=("$t")
  scan_times+=("$(scan_once)")
  echo "round $i: syntax-only ${syntax_times[-1]} s, privacy-scan ${scan_times[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
s=$(median "${syntax_times[@]}")
p=$(median "${scan_times[@]}")
python3 - "$OUT/inventory.json" "$s" "$p" "$(tail -n 1 "$OUT/rss.txt")" "$JOBS" "$REPEATS" "$failed" <<'PY'
import json, sys
inv = json.load(open(sys.argv[1]))
s, p, rss, jobs, reps, failed = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
a = inv["analysis"]
print("translation units   %d (analysed %d, failed %d; clang++ failures %s)" % (a["translation_units"], a["analysed"], len(a["failed"]), failed))
print("functions analysed  %d" % a["functions"])
print("findings            %d" % len(inv["findings"]))
print("jobs / repeats      %s / %s" % (jobs, reps))
print("syntax-only         %.2f s (median)" % s)
print("privacy-scan        %.2f s (median)" % p)
print("ratio scan/syntax   %.2fx" % (p / s))
print("peak RSS (scan)     %.0f MiB" % (rss / 1024))
PY
