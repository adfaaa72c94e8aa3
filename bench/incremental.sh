#!/usr/bin/env bash
# bench/incremental.sh - privacy-scan --cache-dir on Poco 1.11: a full scan
# that fills an empty cache, a rescan with nothing changed, a rescan after one
# .cpp changed, and a rescan after a header that many translation units
# include changed (docs/scan.md, "Incremental scans").
#
# Uses the Poco sources and compile database of bench/poco.sh (run that
# first, or pass the same -d). A change is a comment appended to the file,
# which moves no line; every file is restored at the end. Each rescan's
# inventory must be the same bytes as the full scan's: the script says so.
# Prints wall and CPU time, peak RSS and how many translation units each
# scan analysed.
#
# usage: bench/incremental.sh [-j JOBS] [-d DIR] [-b BUILD_DIR] [--only PART]
#                             [--cpp FILE] [--header FILE]
#   --only  scan only the translation units of one part of Poco (Net, Foundation...)
#   FILE is relative to the Poco source tree; defaults Net/src/HTTPCookie.cpp
#   and Net/include/Poco/Net/Net.h (included by every file of Net).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JOBS=2 DIR=/tmp/privacy-bench-poco BUILD="$ROOT/build"
CPP=Net/src/HTTPCookie.cpp HEADER=Net/include/Poco/Net/Net.h ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    -j) JOBS="$2"; shift 2 ;;
    -d) DIR="$2"; shift 2 ;;
    -b) BUILD="$2"; shift 2 ;;
    --cpp) CPP="$2"; shift 2 ;;
    --header) HEADER="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "incremental.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
SCAN="$BUILD/bin/privacy-scan"
[ -x "$SCAN" ] || { echo "incremental.sh: build privacy-scan first ($SCAN)" >&2; exit 2; }
SRC="$(find "$DIR" -mindepth 1 -maxdepth 1 -type d -name 'poco-[0-9]*' | head -n 1)"
DB="$DIR/build"
[ -n "$SRC" ] && [ -f "$DB/compile_commands.json" ] ||
  { echo "incremental.sh: no Poco in $DIR: run bench/poco.sh -d $DIR first" >&2; exit 2; }
if [ -n "$ONLY" ]; then
  # The compile commands of that part only.
  mkdir -p "$DIR/build-$ONLY"
  python3 - "$DB/compile_commands.json" "$SRC/$ONLY/" "$DIR/build-$ONLY/compile_commands.json" <<'PY'
import json, sys
db = [e for e in json.load(open(sys.argv[1])) if e["file"].startswith(sys.argv[2])]
json.dump(db, open(sys.argv[3], "w"), indent=1)
PY
  DB="$DIR/build-$ONLY"
fi
for f in "$CPP" "$HEADER"; do
  [ -f "$SRC/$f" ] || { echo "incremental.sh: no $SRC/$f" >&2; exit 2; }
done
CACHE="$DIR/cache" OUT="$DIR/incremental"
rm -rf "$CACHE" "$OUT"
mkdir -p "$OUT"
cp "$SRC/$CPP" "$OUT/cpp.orig"
cp "$SRC/$HEADER" "$OUT/header.orig"
restore() {
  cp "$OUT/cpp.orig" "$SRC/$CPP"
  cp "$OUT/header.orig" "$SRC/$HEADER"
}
trap restore EXIT

# scan NAME: one scan with the cache; "NAME wall cpu rss analysed".
scan() {
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/$1.time" "$SCAN" -p "$DB" -j "$JOBS" \
    --cache-dir "$CACHE" --policy "$ROOT/rules/policies/cloudz-2019.json" \
    --format json -o "$OUT/$1.json" 2> "$OUT/$1.err" || [ $? -eq 1 ]
  read -r wall user sys rss < <(tail -n 1 "$OUT/$1.time")
  analysed="$(sed -n 's/^privacy-scan: cache: .*, analysed \([0-9]*\)$/\1/p' "$OUT/$1.err")"
  same="same inventory as the full scan"
  [ "$1" = full ] || cmp -s "$OUT/full.json" "$OUT/$1.json" || same="INVENTORY DIFFERS"
  [ "$1" = full ] && same=""
  printf '%-22s %8.2f s wall %8.2f s cpu %6d MiB  analysed %5s of %s  %s\n' "$1" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$analysed" \
    "$(sed -n 's/^privacy-scan: cache: [0-9]* of \([0-9]*\) .*/\1/p' "$OUT/$1.err")" "$same"
}

echo "Poco: $SRC${ONLY:+ ($ONLY only)}, -j $JOBS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "changed .cpp: $CPP; changed header: $HEADER"
scan full
scan unchanged
echo "// changed by bench/incremental.sh" >> "$SRC/$CPP"
scan one-cpp
echo "// changed by bench/incremental.sh" >> "$SRC/$HEADER"
scan header
