#!/usr/bin/env python3
"""bench/join.py: how privacy-scan's join grows with the program.

For each size N, generates a program of N small translation units whose entry
points call into other files (bench/generate.py --cross-file), compiles each
one with clang++-19 and the compiler plugin writing its summary, as a
distributed build would (JOBS at a time), then joins the summaries with
`privacy-scan --from-summaries`. Prints, per size: the build's wall time, the
largest translation unit's peak RSS, the join's wall time and peak RSS, the
join's share of build + join, and the join's RSS over the largest
translation unit's.

usage: bench/join.py [-j JOBS] [-m FUNCTIONS] [-b BUILD_DIR] [-o DIR]
                     [--join-with PRIVACY_SCAN] N [N...]

--join-with also joins the same summaries with another privacy-scan (an
older build) and says whether the inventories are the same bytes.
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, cwd, time_file):
    """Runs cmd under /usr/bin/time; (wall seconds, peak RSS KiB, exit)."""
    status = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", time_file] + cmd,
                            cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    wall, rss = open(time_file).read().split()[-2:]
    return float(wall), int(rss), status


def build(out, jobs, plugin):
    """Compiles every translation unit with the plugin writing summaries."""
    db = json.load(open(os.path.join(out, "compile_commands.json")))
    summaries = os.path.join(out, "summaries")
    objects = os.path.join(out, "obj")
    os.makedirs(summaries, exist_ok=True)
    os.makedirs(objects, exist_ok=True)

    def compile_one(entry):
        args = list(entry["arguments"])
        name = os.path.basename(entry["file"])[:-4]
        args[args.index("-o") + 1] = os.path.join(objects, name + ".o")
        args += ["-O0", "-fplugin=" + plugin,
                 "-fplugin-arg-privacy-policy=" + os.path.join(out, "privacy-policy.json"),
                 "-fplugin-arg-privacy-summary"]
        return timed(args, out, os.path.join(objects, name + ".time"))

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(compile_one, db))
    wall = time.monotonic() - start
    failed = sum(1 for r in results if r[2] != 0)
    for name in os.listdir(objects):
        if name.endswith(".privacy.json"):
            os.replace(os.path.join(objects, name), os.path.join(summaries, name))
    return wall, max(r[1] for r in results), failed, summaries


def join(scan, out, summaries, name):
    inventory = os.path.join(out, name + ".json")
    wall, rss, status = timed(
        [scan, "-q", "--from-summaries", summaries, "--policy",
         os.path.join(out, "privacy-policy.json"), "--format", "json", "-o", inventory],
        out, os.path.join(out, name + ".time"))
    if status not in (0, 1):
        sys.exit("join.py: %s failed (exit %d)" % (scan, status))
    return wall, rss, inventory


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-m", "--functions", type=int, default=20)
    ap.add_argument("-b", "--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("-o", "--out", default="/tmp/privacy-bench-join")
    ap.add_argument("--join-with", help="another privacy-scan to compare with")
    args = ap.parse_args()
    scan = os.path.join(args.build, "bin", "privacy-scan")
    plugin = os.path.join(args.build, "lib", "libprivacy-plugin.so")
    print("%6s %10s %10s %9s %9s %7s %7s %8s %s" % (
        "TUs", "build s", "TU MiB", "join s", "join MiB", "join %", "RSS x",
        "findings", "same as --join-with" if args.join_with else ""))
    for n in args.sizes:
        out = os.path.join(args.out, "n%d" % n)
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), out,
                        "-n", str(n), "-m", str(args.functions), "--cross-file"],
                       check=True, stderr=subprocess.DEVNULL)
        build_wall, tu_rss, failed, summaries = build(out, args.jobs, plugin)
        if failed:
            sys.exit("join.py: %d translation units did not compile" % failed)
        join_wall, join_rss, inventory = join(scan, out, summaries, "inventory")
        findings = len(json.load(open(inventory))["findings"])
        same = ""
        if args.join_with:
            _, _, other = join(args.join_with, out, summaries, "inventory-other")
            same = "yes" if open(other, "rb").read() == open(inventory, "rb").read() else "NO"
        print("%6d %10.2f %10.1f %9.2f %9.1f %6.1f%% %6.2fx %8d %s" % (
            n, build_wall, tu_rss / 1024, join_wall, join_rss / 1024,
            100 * join_wall / (build_wall + join_wall), join_rss / tu_rss, findings, same),
            flush=True)


if __name__ == "__main__":
    main()
