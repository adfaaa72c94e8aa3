#!/usr/bin/env python3
"""readme_findings.py README SCAN_OUTPUT: fails unless the findings listed
in the README's table (| `file:line:col` | `check` | why |) are exactly
those privacy-scan printed (file:line:col: warning: ... [check])."""
import re
import sys

readme, output = sys.argv[1:3]
row = re.compile(r"^\|\s*`([^`]+:\d+:\d+)`\s*\|\s*`(privacy-[a-z-]+)`\s*\|")
listed = {m.groups() for m in map(row.match, open(readme, encoding="utf-8")) if m}
warning = re.compile(r"^(\S+:\d+:\d+): warning: .*\[(privacy-[a-z-]+)\]$")
found = {m.groups() for m in map(warning.match, open(output, encoding="utf-8")) if m}
for where, check in sorted(listed - found):
    print("listed in the README but not reported: %s %s" % (where, check))
for where, check in sorted(found - listed):
    print("reported but not in the README: %s %s" % (where, check))
if listed != found or not found:
    sys.exit(1)
print("%d findings, as the README lists them" % len(found))
