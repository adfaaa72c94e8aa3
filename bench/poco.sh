#!/usr/bin/env bash
# bench/poco.sh - privacy-scan over a real, unannotated code base: Poco 1.11
# from Debian's source package, against clang -fsyntax-only on the same files
# with the same parallelism.
#
# Fetches the source with `apt-get source poco` (needs a deb-src line in the
# apt sources) unless DIR already holds it, configures it with CMake to get
# compile_commands.json, then times both passes once and prints wall and CPU
# time, the ratios, peak RSS and what the inventory says was analysed.
# It reports; it never fails on timing.
#
# usage: bench/poco.sh [-j JOBS] [-d DIR] [-b BUILD_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JOBS=2 DIR=/tmp/privacy-bench-poco BUILD="$ROOT/build"
while [ $# -gt 0 ]; do
  case "$1" in
    -j) JOBS="$2"; shift 2 ;;
    -d) DIR="$2"; shift 2 ;;
    -b) BUILD="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "poco.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
SCAN="$BUILD/bin/privacy-scan"
[ -x "$SCAN" ] || { echo "poco.sh: build privacy-scan first ($SCAN)" >&2; exit 2; }
mkdir -p "$DIR"

SRC="$(find "$DIR" -mindepth 1 -maxdepth 1 -type d -name 'poco-[0-9]*' | head -n 1)"
if [ -z "$SRC" ]; then
  if ! (cd "$DIR" && apt-get source -qq poco); then
    echo "poco.sh: 'apt-get source poco' failed; add 'deb-src' to the Types: line of" >&2
    echo "  /etc/apt/sources.list.d/debian.sources and run 'apt-get update'" >&2
    exit 2
  fi
  SRC="$(find "$DIR" -mindepth 1 -maxdepth 1 -type d -name 'poco-[0-9]*' | head -n 1)"
fi
DB="$DIR/build"
if [ ! -f "$DB/compile_commands.json" ]; then
  cmake -S "$SRC" -B "$DB" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DENABLE_NETSSL=OFF -DENABLE_CRYPTO=OFF -DENABLE_JWT=OFF \
    -DENABLE_DATA_MYSQL=OFF -DENABLE_DATA_POSTGRESQL=OFF -DENABLE_DATA_ODBC=OFF \
    -DENABLE_APACHECONNECTOR=OFF -DENABLE_TESTS=OFF > "$DIR/cmake.log" 2>&1 ||
    { echo "poco.sh: CMake failed, see $DIR/cmake.log" >&2; exit 2; }
fi

# One pass of -fsyntax-only, JOBS at a time: "wall cpu failures maxrss".
python3 "$HERE/syntax_only.py" "$DB/compile_commands.json" "$JOBS" > "$DIR/syntax.txt"
read -r syntax_wall syntax_cpu syntax_failed syntax_rss < "$DIR/syntax.txt"

/usr/bin/time -f "%e %U %S %M" -o "$DIR/scan-time.txt" "$SCAN" -q -p "$DB" -j "$JOBS" \
  --policy "$ROOT/rules/policies/cloudz-2019.json" --format json -o "$DIR/inventory.json" ||
  [ $? -eq 1 ]
read -r scan_wall scan_user scan_sys scan_rss < <(tail -n 1 "$DIR/scan-time.txt")

python3 - "$DIR/inventory.json" "$syntax_wall" "$syntax_cpu" "$syntax_failed" "$syntax_rss" \
  "$scan_wall" "$scan_user" "$scan_sys" "$scan_rss" "$JOBS" <<'PY'
import json, sys
inv = json.load(open(sys.argv[1]))
sw, sc, sf, srss = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
pw, pc, prss, jobs = float(sys.argv[6]), float(sys.argv[7]) + float(sys.argv[8]), int(sys.argv[9]), sys.argv[10]
a = inv["analysis"]
print("translation units   %d (analysed %d, failed %d; -fsyntax-only failures %d)"
      % (a["translation_units"], a["analysed"], len(a["failed"]), sf))
print("functions analysed  %d, annotations %d, personal data annotated: %s"
      % (a["functions"], a["annotations"], "yes" if a["personal_data_annotated"] else "no"))
print("findings            %d" % len(inv["findings"]))
print("jobs                %s" % jobs)
print("syntax-only         %.2f s wall, %.2f s cpu, peak RSS %d MiB" % (sw, sc, srss // 1024))
print("privacy-scan        %.2f s wall, %.2f s cpu, peak RSS %d MiB" % (pw, pc, prss // 1024))
print("ratio scan/syntax   %.2fx wall, %.2fx cpu" % (pw / sw, pc / sc))
PY
