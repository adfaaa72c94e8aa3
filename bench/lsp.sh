#!/usr/bin/env bash
# bench/lsp.sh - how long until privacy-lsp's diagnostics, against parsing?
#
# Generates one file of about 3,000 lines (bench/generate.py -n 1 -m FUNCTIONS)
# and times, REPEATS times each, alternating:
#   syntax  clang++-19 -std=c++17 -I... -fsyntax-only FILE   (a process per run)
#   lsp     privacy-lsp, one server for all runs: didOpen, then didSave again
#           and again; the time from sending to the publishDiagnostics
# Prints the medians and the ratio lsp/syntax (first analysis and warm ones).
# It reports; it never fails on timing.
#
# usage: bench/lsp.sh [-r REPEATS=5] [-m FUNCTIONS=240] [-b BUILD_DIR] [-o DIR]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
LLVM_BIN="${LLVM_BIN:-/usr/lib/llvm-19/bin}"
REPEATS=5
FUNCTIONS=240
BUILD="$ROOT/build"
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    -r) REPEATS="$2"; shift 2 ;;
    -m) FUNCTIONS="$2"; shift 2 ;;
    -b) BUILD="$2"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/lsp.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$BUILD/bin/privacy-lsp" ] || { echo "bench/lsp.sh: no $BUILD/bin/privacy-lsp: build first" >&2; exit 2; }
if [ -z "$OUT" ]; then
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi
python3 "$HERE/generate.py" "$OUT" -n 1 -m "$FUNCTIONS" --annotations "$ROOT/annotations" > /dev/null
FILE="$OUT/src/f000.cpp"
echo "file: $(wc -l < "$FILE") lines ($FILE)"

python3 - "$BUILD/bin/privacy-lsp" "$LLVM_BIN/clang++" "$OUT" "$FILE" "$REPEATS" <<'PY'
import json, os, statistics, subprocess, sys, time
server, clang, root, path, repeats = sys.argv[1:4] + [sys.argv[4], int(sys.argv[5])]
db = json.load(open(os.path.join(root, "compile_commands.json")))
command = next(e for e in db if e["file"].endswith("f000.cpp"))
args = command.get("arguments") or command["command"].split()
flags = [a for a in args[1:] if a.startswith(("-I", "-std"))]
syntax_cmd = [clang] + flags + ["-fsyntax-only", path]

proc = subprocess.Popen([server], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)
buf = b""
def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()
def receive():
    global buf
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            n = int(buf[:end].split(b":")[1])
            if len(buf) >= end + 4 + n:
                m = json.loads(buf[end + 4:end + 4 + n]); buf = buf[end + 4 + n:]
                return m
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            sys.exit("privacy-lsp ended")
        buf += chunk
def diagnostics():
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics":
            return m["params"]["diagnostics"]

uri = "file://" + path
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"rootUri": "file://" + root, "capabilities": {}}})
receive()
syntax, lsp = [], []
def time_syntax():
    t = time.perf_counter(); subprocess.run(syntax_cmd, check=True)
    syntax.append(time.perf_counter() - t)
time_syntax()
t = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "cpp", "version": 1, "text": open(path).read()}}})
found = diagnostics()
first = time.perf_counter() - t
for _ in range(repeats):
    time_syntax()
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didSave",
          "params": {"textDocument": {"uri": uri}}})
    diagnostics()
    lsp.append(time.perf_counter() - t)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}); receive()
send({"jsonrpc": "2.0", "method": "exit"}); proc.wait()
s, l = statistics.median(syntax), statistics.median(lsp)
print("diagnostics: %d" % len(found))
print("syntax  clang++ -fsyntax-only  median %.2fs  (%d runs)" % (s, len(syntax)))
print("lsp     first analysis (didOpen)      %.2fs  ratio %.2fx" % (first, first / s))
print("lsp     warm (didSave)         median %.2fs  ratio %.2fx  (%d runs)" % (l, l / s, len(lsp)))
PY
