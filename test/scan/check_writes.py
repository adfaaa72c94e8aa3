#!/usr/bin/env python3
"""check_writes.py WORKDIR POLICY OPTION... : runs privacy-scan (from PATH) on
one file whose compile command carries OPTION..., with -o and
--summaries-dir, and fails if anything else is written: in the command's
directory, the build directory or privacy-scan's working directory, all
inside WORKDIR. Prints what was written besides the expected files."""
import json
import os
import shutil
import subprocess
import sys

work, policy = sys.argv[1], sys.argv[2]
options = sys.argv[3:]
shutil.rmtree(work, ignore_errors=True)
src, build, cwd, out = (os.path.join(work, d) for d in ("src", "build", "cwd", "out"))
for d in (src, build, cwd, out):
    os.makedirs(d)
with open(os.path.join(src, "a.cpp"), "w") as f:
    f.write("int answer() { return 42; }\n")
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump([{"directory": src, "file": os.path.join(src, "a.cpp"),
                "arguments": ["/usr/bin/clang++", "-std=c++17"] + options +
                             ["-c", "a.cpp", "-o", "a.o"]}], f, indent=2)

before = set()
for root, dirs, files in os.walk(work):
    for name in files + dirs:
        before.add(os.path.relpath(os.path.join(root, name), work))
proc = subprocess.run(["privacy-scan", "-q", "-p", build, "--policy", policy,
                       "--format", "json", "-o", os.path.join(out, "report.json"),
                       "--summaries-dir", os.path.join(out, "summaries")],
                      cwd=cwd, stderr=subprocess.PIPE, universal_newlines=True)
sys.stderr.write(proc.stderr)
if proc.returncode != 0:
    print("privacy-scan exited %d" % proc.returncode)
    sys.exit(1)

# The summary is named after the file's path (outside the project root here).
allowed = {"out/report.json", "out/summaries"}
written, summaries = [], []
for root, dirs, files in os.walk(work):
    for name in files + dirs:
        rel = os.path.relpath(os.path.join(root, name), work)
        if rel.startswith("out/summaries/") and rel.endswith("a.cpp.json"):
            summaries.append(rel)
        elif rel not in before and rel not in allowed:
            written.append(rel)
if not os.path.exists(os.path.join(work, "out/report.json")) or len(summaries) != 1:
    print("missing: the report or the summary")
    sys.exit(1)
if written:
    print("written besides -o and --summaries-dir: " + " ".join(sorted(written)))
    sys.exit(1)
print("only -o and --summaries-dir written")
