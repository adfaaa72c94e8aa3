#!/usr/bin/env python3
"""Runs clang-tidy with the privacy plugin on a test file and checks its
diagnostics with FileCheck, in the manner of clang-tidy's own
check_clang_tidy.py:

  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: ... [privacy-...]

CHECK-MESSAGES lines check warnings and errors (notes are dropped first);
CHECK-NOTES lines check notes too. Any warning, error (or, with CHECK-NOTES,
note) without a CHECK line fails the test, and a file without CHECK lines
must produce no diagnostics at all.

usage: check_clang_tidy.py [tool paths] [--policy FILE] [--annotations FILE] [--check-suffix S]
                           INPUT CHECKS TEMP [-- clang-tidy args [-- compiler args]]
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--policy", help="the PolicyFile option")
    parser.add_argument("--annotations", help="the AnnotationsFile option")
    parser.add_argument("--catalog", action="append", default=[],
                        help="an extra API catalog (the ApiCatalogs option)")
    parser.add_argument("--check-suffix", default="",
                        help="use CHECK-MESSAGES-<S>/CHECK-NOTES-<S> prefixes")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    # Split off "-- [clang-tidy args] [-- compiler args]" first: argparse
    # would swallow the first "--".
    argv = sys.argv[1:]
    rest = argv[argv.index("--"):] if "--" in argv else []
    args = parser.parse_args(argv[:len(argv) - len(rest)])

    tidy_args, compiler_args = [], []
    if rest and rest[0] == "--":
        rest = rest[1:]
        if "--" in rest:
            i = rest.index("--")
            tidy_args, compiler_args = rest[:i], rest[i + 1:]
        else:
            tidy_args = rest
    elif rest:
        parser.error("unexpected arguments: %s" % rest)

    is_c = args.input.endswith(".c")
    if not any(a.startswith("-std=") for a in compiler_args):
        compiler_args.append("-std=c11" if is_c else "-std=c++17")
    compiler_args += ["-I" + args.include]

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    notes_prefix = "CHECK-NOTES" + suffix
    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    has_messages = re.search(r"\b%s:" % re.escape(messages_prefix), text)
    has_notes = re.search(r"\b%s:" % re.escape(notes_prefix), text)
    if has_messages and has_notes:
        sys.exit("use either %s or %s, not both" % (messages_prefix, notes_prefix))

    command = [args.clang_tidy, "--load=" + args.plugin,
               "-checks=-*," + args.checks]
    options = []
    if args.policy:
        options.append("PolicyFile: '%s'" % args.policy)
    if args.annotations:
        options.append("AnnotationsFile: '%s'" % args.annotations)
    if args.catalog:
        options.append("ApiCatalogs: '%s'" % ";".join(args.catalog))
    if options:
        command.append("-config={CheckOptions: {%s}}" % ", ".join(options))
    command += tidy_args + [args.input, "--"] + compiler_args
    print("Running: " + " ".join(command))
    proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          encoding="utf-8", errors="replace")
    output = proc.stdout
    print("------ clang-tidy output ------\n" + output +
          "------ clang-tidy stderr ------\n" + proc.stderr + "------")
    if "PLEASE submit a bug report" in proc.stderr or proc.returncode < 0:
        sys.exit("clang-tidy crashed (exit %d)" % proc.returncode)

    diag_re = r"(warning|error|note):"
    if not has_notes:
        # Keep warnings/errors only: a note is its line plus source excerpt.
        kept, skipping = [], False
        for line in output.splitlines():
            if re.search(r"^\S.*: (warning|error|note): ", line):
                skipping = " note: " in line
            if not skipping:
                kept.append(line)
        output = "\n".join(kept) + "\n"
        diag_re = r"(warning|error):"

    if not (has_messages or has_notes):
        found = [l for l in output.splitlines() if re.search(r": " + diag_re, l)]
        if found:
            sys.exit("expected no diagnostics, got:\n" + "\n".join(found))
        return

    out_file = args.temp + ".msg"
    os.makedirs(os.path.dirname(os.path.abspath(out_file)), exist_ok=True)
    with open(out_file, "w", encoding="utf-8") as f:
        f.write(output)
    prefix = notes_prefix if has_notes else messages_prefix
    check = subprocess.run(
        [args.filecheck, "-input-file=" + out_file, args.input,
         "-check-prefix=" + prefix,
         "-implicit-check-not={{%s}}:" % ("warning|error|note" if has_notes
                                          else "warning|error")],
    )
    sys.exit(check.returncode)


if __name__ == "__main__":
    main()
