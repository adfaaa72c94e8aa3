#!/usr/bin/env python3
"""expect_exit.py CODE COMMAND [ARGS...]: runs COMMAND, copies its stdout and
stderr through, and fails unless it exits with CODE (so tests can tell exit 1
from exit 2, which lit's `not` cannot)."""
import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != expected:
    sys.stderr.write("expect_exit: '%s' exited %d, expected %d\n"
                     % (" ".join(sys.argv[2:]), proc.returncode, expected))
    sys.exit(1)
