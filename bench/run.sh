#!/usr/bin/env bash
# bench/run.sh - how much does privacy-tidy cost on top of parsing?
#
# Generates a large annotated code base (bench/generate.py), then times, with
# the same parallelism, over every file of it:
#   syntax    clang++ -fsyntax-only                       (the compiler's front end)
#   baseline  clang-tidy -checks='-*,misc-definitions-in-headers'  (clang-tidy's own cost)
#   privacy   clang-tidy --load=libprivacy-tidy.so -checks='-*,privacy-*'
# one process per file (like run-clang-tidy), each pass repeated with the
# order of the modes rotating; then again "paired": the three commands back to
# back on each file, so all three see the same load of a shared machine.
# Prints the medians, the ratios privacy/syntax and privacy/baseline, the
# findings and the peak RSS of one privacy run on the largest file.
# It reports; it never fails on timing.
#
# usage: bench/run.sh [-j JOBS] [-r REPEATS] [-n FILES] [-m FUNCTIONS]
#                     [-o DIR] [-b BUILD_DIR] [--seed N] [--no-generate] [--no-paired]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
LLVM_BIN="${LLVM_BIN:-/usr/lib/llvm-19/bin}"
JOBS=2
REPEATS=3
FILES=60
FUNCTIONS=300
SEED=2019
OUT=""
BUILD="$ROOT/build"
GENERATE=1
PAIRED=1

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    -j) JOBS="$2"; shift 2 ;;
    -j*) JOBS="${1#-j}"; shift ;;
    -r) REPEATS="$2"; shift 2 ;;
    -n) FILES="$2"; shift 2 ;;
    -m) FUNCTIONS="$2"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    -b) BUILD="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-generate) GENERATE=0; shift ;;
    --no-paired) PAIRED=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
done

PLUGIN="$BUILD/lib/libprivacy-tidy.so"
CLANGXX="$LLVM_BIN/clang++"
CLANG_TIDY="$LLVM_BIN/clang-tidy"
for f in "$PLUGIN" "$CLANGXX" "$CLANG_TIDY"; do
  [ -e "$f" ] || { echo "run.sh: missing $f (build with: ninja -C $BUILD)" >&2; exit 2; }
done

if [ -z "$OUT" ]; then
  OUT="$(mktemp -d "${TMPDIR:-/tmp}/privacy-bench.XXXXXX")"
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if [ "$GENERATE" = 1 ]; then
  python3 "$HERE/generate.py" "$OUT" -n "$FILES" -m "$FUNCTIONS" --seed "$SEED" \
    --annotations "$ROOT/annotations"
fi
[ -f "$OUT/compile_commands.json" ] || { echo "run.sh: no code base in $OUT" >&2; exit 2; }
if [ -x "$BUILD/bin/privacy-policy-check" ]; then
  "$BUILD/bin/privacy-policy-check" "$OUT/privacy-policy.json" >&2
fi

LOGS="$OUT/logs"
mkdir -p "$LOGS"
find "$OUT/src" -name '*.cpp' | sort > "$OUT/files.txt"

# Each mode is one command line ending in the file. Every process runs
# through the same tiny wrapper that writes its output to logs/<mode>/<file>.log,
# so all modes pay the same per-process overhead and outputs never interleave.
SYNTAX_CMD=("$CLANGXX" -std=c++17 "-I$ROOT/annotations" "-I$OUT/include" -fsyntax-only)
BASELINE_CMD=("$CLANG_TIDY" --quiet "-checks=-*,misc-definitions-in-headers" -p "$OUT")
PRIVACY_CMD=("$CLANG_TIDY" --quiet "--load=$PLUGIN" "-checks=-*,privacy-*" -p "$OUT")

run_mode() { # run_mode MODE -> runs every file, JOBS at a time
  local mode="$1"; shift
  mkdir -p "$LOGS/$mode"
  # shellcheck disable=SC2016
  xargs -P "$JOBS" -n 1 bash -c \
    'f="${@: -1}"; "$@" > "'"$LOGS/$mode"'/$(basename "$f").log" 2>&1 || echo "$f" >> "'"$LOGS/$mode"'.failed"' \
    _ "$@" < "$OUT/files.txt"
}

# Times one command: wall seconds and CPU seconds (user+sys of the children).
TIMER='
import resource, subprocess, sys, time
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[1:])
t1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print("%.3f %.3f %d" % (t1 - t0, cpu, rc))
'
export -f run_mode
export LOGS OUT JOBS

time_mode() { # time_mode MODE CMD... -> appends "mode wall cpu rc" to times.txt
  local mode="$1"; shift
  rm -rf "$LOGS/$mode" "$LOGS/$mode.failed"
  local t
  t="$(python3 -c "$TIMER" bash -c 'run_mode "$@"' _ "$mode" "$@")"
  echo "$mode $t" >> "$OUT/times.txt"
  echo "  $mode: $t (wall s, cpu s, rc)" >&2
}

NFILES=$(wc -l < "$OUT/files.txt")
echo "bench: $NFILES files in $OUT, -j $JOBS, $REPEATS repeats" >&2

# Warm-up (untimed): caches the system headers and the plugin's pages.
first="$(head -n 1 "$OUT/files.txt")"
"${SYNTAX_CMD[@]}" "$first" > /dev/null 2>&1 || true
"${PRIVACY_CMD[@]}" "$first" > /dev/null 2>&1 || true

: > "$OUT/times.txt"
for ((rep = 1; rep <= REPEATS; rep++)); do
  echo "round $rep/$REPEATS" >&2
  # Rotate the order so no mode always runs first (or last) in a round.
  case $(( (rep - 1) % 3 )) in
    0) order=(syntax baseline privacy) ;;
    1) order=(baseline privacy syntax) ;;
    *) order=(privacy syntax baseline) ;;
  esac
  for mode in "${order[@]}"; do
    case "$mode" in
      syntax) time_mode syntax "${SYNTAX_CMD[@]}" ;;
      baseline) time_mode baseline "${BASELINE_CMD[@]}" ;;
      privacy) time_mode privacy "${PRIVACY_CMD[@]}" ;;
    esac
  done
done

# Paired measurement: JOBS workers; each takes a file and runs the three
# commands on it back to back (order rotating with the file), recording each
# process's own CPU time (wait4 rusage) and elapsed time. The three modes then
# share the same moments of the machine's load, which whole passes minutes
# apart do not on a shared VM; sums over all files, per repeat.
: > "$OUT/paired.txt"
if [ "$PAIRED" = 1 ]; then
  for ((rep = 1; rep <= REPEATS; rep++)); do
    echo "paired round $rep/$REPEATS" >&2
    python3 - "$OUT/files.txt" "$JOBS" "$rep" \
        "${#SYNTAX_CMD[@]}" "${SYNTAX_CMD[@]}" \
        "${#BASELINE_CMD[@]}" "${BASELINE_CMD[@]}" \
        "${#PRIVACY_CMD[@]}" "${PRIVACY_CMD[@]}" >> "$OUT/paired.txt" <<'PY'
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
args = sys.argv[1:]
files = [l.strip() for l in open(args[0]) if l.strip()]
jobs, rep = int(args[1]), int(args[2])
rest, cmds = args[3:], []
for mode in ("syntax", "baseline", "privacy"):
    n = int(rest[0]); cmds.append((mode, rest[1:1 + n])); rest = rest[1 + n:]
def one(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime
def work(i):
    k = (i + rep) % 3
    out = {}
    for mode, cmd in cmds[k:] + cmds[:k]:
        out[mode] = one(cmd + [files[i]])
    return out
tot = {m: [0.0, 0.0] for m, _ in cmds}
with ThreadPoolExecutor(jobs) as ex:
    for res in ex.map(work, range(len(files))):
        for m, (w, c) in res.items():
            tot[m][0] += w; tot[m][1] += c
for m, (w, c) in tot.items():
    print("%s %.3f %.3f" % (m, w, c))
    print("  paired %s: %.3f %.3f (sum of process wall s, cpu s)" % (m, w, c), file=sys.stderr)
PY
  done
fi

# Peak RSS of one privacy run (and of the other two) on the largest file.
largest="$(xargs ls -S < "$OUT/files.txt" | head -n 1)"
TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "installing GNU time for peak RSS" >&2
  apt-get install -y -qq time > /dev/null 2>&1 || true
fi
rss_kb() { # rss_kb CMD... -> peak resident set size in KiB
  if [ -x "$TIME_BIN" ]; then
    { "$TIME_BIN" -v "$@" 2>&1 >/dev/null || true; } |
      awk -F': ' '/Maximum resident set size/ {print $2}'
  else
    python3 -c 'import resource,subprocess,sys
subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@" || echo 0
  fi
}
RSS_SYNTAX=$(rss_kb "${SYNTAX_CMD[@]}" "$largest")
RSS_BASELINE=$(rss_kb "${BASELINE_CMD[@]}" "$largest")
RSS_PRIVACY=$(rss_kb "${PRIVACY_CMD[@]}" "$largest")

# What was measured: the plugin's build and the source revision (read-only git).
PLUGIN_INFO="$(date -r "$PLUGIN" '+%Y-%m-%d %H:%M:%S')"
if REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"; then
  if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no -- checker 2>/dev/null)" ]; then
    REV="$REV+local changes in checker/"
  fi
  PLUGIN_INFO="$PLUGIN_INFO, source $REV"
fi

python3 - "$OUT" "$largest" "$RSS_SYNTAX" "$RSS_BASELINE" "$RSS_PRIVACY" "$JOBS" \
  "$PLUGIN" "$PLUGIN_INFO" "$(nproc)" <<'EOF'
import collections, glob, json, os, re, statistics, sys
out, largest, rss_s, rss_b, rss_p, jobs, plugin, plugin_info, ncpu = sys.argv[1:]
summary = json.load(open(os.path.join(out, "summary.json")))
runs = collections.defaultdict(list)
failed = collections.defaultdict(int)
for line in open(os.path.join(out, "times.txt")):
    mode, wall, cpu, rc = line.split()
    runs[mode].append((float(wall), float(cpu)))
    failed[mode] += int(rc) != 0
med = {m: statistics.median(w for w, _ in v) for m, v in runs.items()}
medcpu = {m: statistics.median(c for _, c in v) for m, v in runs.items()}

findings = collections.Counter()
for log in glob.glob(os.path.join(out, "logs", "privacy", "*.log")):
    for line in open(log, errors="replace"):
        m = re.search(r": warning: .*\[(privacy-[a-z-]+)\]$", line)
        if m:
            findings[m.group(1)] += 1
errors = 0
for mode in ("syntax", "baseline", "privacy"):
    f = os.path.join(out, "logs", mode + ".failed")
    if os.path.exists(f):
        errors += sum(1 for _ in open(f))

def row(k, v):
    print("%-34s %s" % (k, v))

print()
print("privacy-tidy benchmark (-j %s, median of %d runs; wall seconds, cpu = user+sys)"
      % (jobs, len(runs["privacy"])))
print("-" * 72)
row("plugin", plugin)
row("  built", plugin_info)
row("cpus (nproc)", ncpu)
row("files", summary["files"])
row("functions", summary["functions"])
row("lines", summary["lines"])
row("findings (privacy-*)", "%d  (seeded violations: %d)"
    % (sum(findings.values()), summary["seeded_violations"]))
for check, n in sorted(findings.items()):
    row("  " + check, n)
print("-" * 72)
labels = {"syntax": "clang++ -fsyntax-only",
          "baseline": "clang-tidy misc-definitions-in-headers",
          "privacy": "clang-tidy privacy-*"}
for m in ("syntax", "baseline", "privacy"):
    walls = sorted(w for w, _ in runs[m])
    print("%-40s %7.2f s  (cpu %7.2f s; all runs %s)"
          % (labels[m], med[m], medcpu[m], " ".join("%.2f" % w for w in walls)))
print("-" * 72)
row("ratio privacy / syntax-only", "%.2fx  (cpu %.2fx)"
    % (med["privacy"] / med["syntax"], medcpu["privacy"] / medcpu["syntax"]))
row("ratio privacy / clang-tidy baseline", "%.2fx  (cpu %.2fx)"
    % (med["privacy"] / med["baseline"], medcpu["privacy"] / medcpu["baseline"]))
best = {m: min(w for w, _ in v) for m, v in runs.items()}
row("  same, fastest run of each", "%.2fx / %.2fx"
    % (best["privacy"] / best["syntax"], best["privacy"] / best["baseline"]))
row("ratio baseline / syntax-only", "%.2fx" % (med["baseline"] / med["syntax"]))
paired = collections.defaultdict(list)
for line in open(os.path.join(out, "paired.txt")):
    mode, wall, cpu = line.split()
    paired[mode].append((float(wall), float(cpu)))
if paired:
    print("-" * 72)
    print("paired: the three commands back to back on each file (sums over files, median of %d)"
          % len(paired["privacy"]))
    pw = {m: statistics.median(w for w, _ in v) for m, v in paired.items()}
    pc = {m: statistics.median(c for _, c in v) for m, v in paired.items()}
    for m in ("syntax", "baseline", "privacy"):
        print("%-40s %7.2f s  (cpu %7.2f s; cpu runs %s)"
              % (labels[m], pw[m], pc[m],
                 " ".join("%.2f" % c for c in sorted(c for _, c in paired[m]))))
    row("paired ratio privacy / syntax-only", "%.2fx  (cpu %.2fx)"
        % (pw["privacy"] / pw["syntax"], pc["privacy"] / pc["syntax"]))
    row("paired ratio privacy / baseline", "%.2fx  (cpu %.2fx)"
        % (pw["privacy"] / pw["baseline"], pc["privacy"] / pc["baseline"]))
print("-" * 72)
n = summary["files"]
row("privacy analysis alone, per file", "%.3f s cpu  (privacy - baseline)"
    % ((medcpu["privacy"] - medcpu["baseline"]) / n))
print("-" * 72)
row("peak RSS, largest file", os.path.basename(largest))
row("  clang++ -fsyntax-only", "%.1f MiB" % (int(rss_s) / 1024))
row("  clang-tidy baseline", "%.1f MiB" % (int(rss_b) / 1024))
row("  clang-tidy privacy-*", "%.1f MiB" % (int(rss_p) / 1024))
if errors:
    print("note: %d process(es) exited non-zero; see %s/logs/*.failed" % (errors, out))
print("code base and logs: %s" % out)
EOF
