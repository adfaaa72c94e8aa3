#!/usr/bin/env python3
"""Checks that the project's own C++ (checker/, unittests/) follows the
repository's .clang-format (LLVM style): prints each file clang-format would
change and exits 1 if there is any. Fix with:
  clang-format-19 -i $(git ls-files 'checker/*.cpp' 'checker/*.h' 'unittests/*.cpp')
"""
import os
import subprocess
import sys


def main():
    root, clang_format = sys.argv[1], sys.argv[2]
    files = []
    for top in ("checker", "unittests"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.join(dirpath, n) for n in sorted(names)
                      if n.endswith((".cpp", ".h"))]
    bad = []
    for path in sorted(files):
        proc = subprocess.run([clang_format, "--dry-run", "--Werror", path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            bad.append(os.path.relpath(path, root))
    for path in bad:
        print("not formatted: " + path)
    print("%d files checked, %d not formatted" % (len(files), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
