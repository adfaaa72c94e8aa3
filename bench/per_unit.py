#!/usr/bin/env python3
"""Each translation unit's privacy-scan against its own parse (issue part 6).

usage: per_unit.py -p BUILD_DIR --scan PRIVACY_SCAN [-n N] [--only SUBSTR]
                   [-- SCAN_ARGS...]

For every command of BUILD_DIR/compile_commands.json, one after the other:
the CPU time (user + sys) of `privacy-scan -q -j 1 -p BUILD_DIR FILE
SCAN_ARGS... --format json -o /dev/null`, and of clang -fsyntax-only on the
same command (bench/syntax_only.py's). Prints the N units with the highest
ratio, then how many units are over 2x and over 5x and the median ratio.
A privacy-scan run includes what any run pays once (the policy, the
catalogs, the join of one file); the table shows both times so that a high
ratio on a tiny file can be told from a slow analysis. Measure a copy of
privacy-scan, not the build's own binary, if anything may rebuild it meanwhile.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syntax_only import syntax_only_command  # noqa: E402


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, cwd):
    before = children_cpu()
    try:
        code = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode
    except OSError as error:
        sys.exit("per_unit.py: cannot run %s: %s" % (command[0], error))
    return children_cpu() - before, code


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-p", required=True, help="folder of compile_commands.json")
    parser.add_argument("--scan", required=True, help="privacy-scan to measure")
    parser.add_argument("-n", type=int, default=10, help="units to list (default 10)")
    parser.add_argument("--only", default="", help="units whose file contains this")
    parser.add_argument("scan_args", nargs="*", help="more privacy-scan arguments")
    args = parser.parse_args()
    db_file = os.path.join(args.p, "compile_commands.json")
    try:
        db = json.load(open(db_file))
    except (OSError, ValueError) as error:
        sys.exit("per_unit.py: cannot read %s: %s" % (db_file, error))
    rows = []
    for entry in db:
        path = os.path.join(entry["directory"], entry["file"])
        if args.only not in path:
            continue
        syntax, syntax_code = timed(syntax_only_command(entry), entry["directory"])
        scan, scan_code = timed(
            [args.scan, "-q", "-j", "1", "-p", args.p, path] + args.scan_args +
            ["--format", "json", "-o", "/dev/null"], entry["directory"])
        # privacy-scan exits 1 for findings; 2 and above is a failure.
        failed = syntax_code != 0 or scan_code >= 2
        rows.append((scan / max(syntax, 0.01), scan, syntax, path, failed))
        print("%6.2fx  %7.2f s  %6.2f s  %s%s" % (rows[-1][0], scan, syntax, path,
                                                 "  (failed)" if failed else ""),
              file=sys.stderr, flush=True)
    if not rows:
        sys.exit("per_unit.py: no translation unit in %s%s" %
                 (db_file, " matches '%s'" % args.only if args.only else ""))
    rows.sort(reverse=True)
    print("ratio    privacy-scan  -fsyntax-only  unit")
    for ratio, scan, syntax, path, failed in rows[:args.n]:
        print("%6.2fx  %9.2f s  %11.2f s  %s%s" % (ratio, scan, syntax, path,
                                                  "  (failed)" if failed else ""))
    ratios = [r[0] for r in rows]
    print("units %d, failed %d, over 2x %d, over 5x %d, median %.2fx, "
          "total %.1f s against %.1f s (%.2fx)" % (
              len(rows), sum(r[4] for r in rows), sum(r > 2 for r in ratios),
              sum(r > 5 for r in ratios), statistics.median(ratios),
              sum(r[1] for r in rows), sum(r[2] for r in rows),
              sum(r[1] for r in rows) / max(sum(r[2] for r in rows), 0.01)))


if __name__ == "__main__":
    main()
