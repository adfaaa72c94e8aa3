#!/usr/bin/env python3
"""compare_findings.py BUILD_DIR CLANG_TIDY TIDY_PLUGIN CLANGXX COMPILER_PLUGIN:
runs the clang-tidy module and the compiler plugin over every file of
BUILD_DIR/compile_commands.json and fails unless both report the same
warnings (file:line:col, message, [check]). Prints the common list."""
import json
import re
import shlex
import subprocess
import sys

build, tidy, tidy_plugin, clangxx, compiler_plugin = sys.argv[1:6]
entries = json.load(open(build + "/compile_commands.json"))
warning = re.compile(r"^(/\S+):(\d+):(\d+): warning: (.*\[privacy-[a-z-]+\])$")


def collect(output):
    return {m.groups() for m in map(warning.match, output.splitlines()) if m}


tidy_found, plugin_found = set(), set()
for e in sorted(entries, key=lambda e: e["file"]):
    args = shlex.split(e["command"])[1:]
    # Drop -c/-o: the plugin run is -fsyntax-only.
    kept, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a in ("-c", e["file"]):
            continue
        kept.append(a)
    t = subprocess.run([tidy, "--quiet", "--load=" + tidy_plugin,
                        "-checks=-*,privacy-*", "-p", build, e["file"]],
                       capture_output=True, text=True, cwd=e["directory"])
    tidy_found |= collect(t.stdout)
    p = subprocess.run([clangxx, "-fsyntax-only", "-fplugin=" + compiler_plugin]
                       + kept + [e["file"]],
                       capture_output=True, text=True, cwd=e["directory"])
    plugin_found |= collect(p.stderr)

for f in sorted(tidy_found):
    print("%s:%s:%s: %s" % f)
only_tidy, only_plugin = tidy_found - plugin_found, plugin_found - tidy_found
for f in sorted(only_tidy):
    print("only clang-tidy: %s:%s:%s: %s" % f, file=sys.stderr)
for f in sorted(only_plugin):
    print("only the compiler plugin: %s:%s:%s: %s" % f, file=sys.stderr)
if only_tidy or only_plugin or not tidy_found:
    sys.exit(1)
