#!/usr/bin/env python3
"""Runs clang-tidy with checker/.clang-tidy over every source file of
checker/ that the build compiles, as the build's compile_commands.json
compiles it; prints each finding once (a header's findings are seen from
every file that includes it) and exits 1 if there is any.

usage: check_tidy.py SRC_ROOT BUILD_DIR CLANG_TIDY [-j JOBS]

The build's commands are GCC's (and use GCC precompiled headers): the
precompiled header and the warning flags are dropped, so that clang-tidy
parses each file on its own and reports its checks only.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

FINDING = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<level>warning|error): (?P<message>.*)$")


def clang_arguments(entry):
    args = entry["arguments"] if "arguments" in entry else shlex.split(
        entry["command"])
    out, skip = [], 0
    for i, arg in enumerate(args):
        if skip:
            skip -= 1
            continue
        if arg == "-include":
            skip = 1  # the GCC precompiled header (cmake_pch.hxx)
            continue
        if (arg == "-Xclang" and i + 1 < len(args)
                and args[i + 1] in ("-include", "-include-pch")):
            skip = 3  # Clang's: -Xclang -include-pch -Xclang FILE.pch
            continue
        if arg.startswith("-W") or arg.startswith("-include"):
            continue
        out.append(arg)
    return out


def main():
    root, build, clang_tidy = (os.path.abspath(sys.argv[1]),
                               os.path.abspath(sys.argv[2]), sys.argv[3])
    jobs = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "-j" \
        else os.cpu_count() or 1
    with open(os.path.join(build, "compile_commands.json")) as f:
        database = json.load(f)
    checker = os.path.join(root, "checker") + os.sep
    entries, seen = [], set()
    for entry in database:
        path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        if path.startswith(checker) and path not in seen:
            seen.add(path)
            entries.append({"directory": entry["directory"], "file": path,
                            "arguments": clang_arguments(entry)})
    if not entries:
        print("check_tidy: no file of checker/ in %s/compile_commands.json"
              % build)
        return 2
    config = os.path.join(root, "checker", ".clang-tidy")
    with tempfile.TemporaryDirectory() as db:
        with open(os.path.join(db, "compile_commands.json"), "w") as f:
            json.dump(entries, f)

        def run(entry):
            return subprocess.run(
                [clang_tidy, "--quiet", "-p", db, "--config-file=" + config,
                 entry["file"]],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(run, entries))
    findings, failed = [], []
    for entry, result in zip(entries, results):
        for line in result.stdout.splitlines():
            m = FINDING.match(line)
            if m:
                file = os.path.relpath(os.path.normpath(m["file"]), root)
                findings.append("%s:%s:%s: %s: %s" % (
                    file, m["line"], m["col"], m["level"], m["message"]))
        if result.returncode != 0 and not any(
                FINDING.match(l) for l in result.stdout.splitlines()):
            failed.append((entry["file"], result.stderr.strip()))
    findings = sorted(set(findings))
    for finding in findings:
        print(finding)
    for file, error in failed:
        print("clang-tidy failed on %s:\n%s" % (os.path.relpath(file, root),
                                                error))
    print("%d files checked, %d findings" % (len(entries), len(findings)))
    return 1 if findings or failed else 0


if __name__ == "__main__":
    sys.exit(main())
