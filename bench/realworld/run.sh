#!/usr/bin/env bash
# bench/realworld/run.sh - the real-code precision harness: runs each code base's
# run.sh (znc, quassel), one after the other, and prints the summary table.
#
# usage: bench/realworld/run.sh [--scan PRIVACY_SCAN] [--work DIR] [-j JOBS]
#                               [--no-timing] [--reuse] [--timeout S] [NAME...]
#   --scan  privacy-scan to measure (default: build/bin/privacy-scan of this checkout)
#   --work  work folder (default /tmp/privacy-realworld); NAME's files go to DIR/NAME
#   -j      translation units at once (default 2)
#   NAME    code bases to run (default: all: znc quassel)
# Takes about 25 minutes per code base on a quiet 2-core machine; not part of .ci/run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK=/tmp/privacy-realworld
pass=() names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scan|-j|--timeout) pass+=("$1" "$2"); shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --no-timing|--reuse) pass+=("$1"); shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
[ ${#names[@]} -gt 0 ] || names=(znc quassel)
mkdir -p "$WORK"
rows=() status=0
for n in "${names[@]}"; do
  [ -x "$HERE/$n/run.sh" ] || { echo "run.sh: no code base '$n'" >&2; exit 2; }
  if "$HERE/$n/run.sh" "${pass[@]}" --work "$WORK/$n" > "$WORK/$n.log" 2>&1; then
    rows+=("$WORK/$n/out/row.json")
  else
    echo "run.sh: $n failed; see $WORK/$n.log" >&2; status=2
  fi
done
echo
[ ${#rows[@]} -eq 0 ] || python3 "$HERE/classify.py" --table "${rows[@]}"
for n in "${names[@]}"; do echo "details: $WORK/$n/out/report.txt (log: $WORK/$n.log)"; done
exit $status
