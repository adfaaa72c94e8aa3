#!/usr/bin/env python3
"""One pass of clang -fsyntax-only over a compilation database, JOBS at a time.

usage: syntax_only.py COMPILE_COMMANDS.json JOBS
Prints "WALL CPU FAILED MAXRSS_KB": wall seconds, user+sys seconds of all the
compiler processes, how many failed, and the largest one's peak RSS.
"""
import json
import resource
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def syntax_only_command(entry):
    args = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    # clang++-19, g++, c++: the C++ driver; the language comes from the file anyway.
    compiler = "clang++" if "++" in args[0].rsplit("/", 1)[-1] else "clang"
    return ["/usr/lib/llvm-19/bin/" + compiler, "-fsyntax-only", "-w"] + out


def main():
    db, jobs = json.load(open(sys.argv[1])), int(sys.argv[2])

    def run(entry):
        return subprocess.run(syntax_only_command(entry), cwd=entry["directory"],
                              capture_output=True).returncode

    start = time.time()
    with ThreadPoolExecutor(jobs) as pool:
        failed = sum(code != 0 for code in pool.map(run, db))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("%.2f %.2f %d %d" % (time.time() - start, usage.ru_utime + usage.ru_stime,
                               failed, usage.ru_maxrss))


if __name__ == "__main__":
    main()
