"""apply_sarif_fixes.py SARIF SRCROOT OUTDIR: applies every result's fixes
(artifactChanges with replacements, as a SARIF viewer would) to copies of
the files, read from SRCROOT and written under OUTDIR with the same
relative paths; lines and columns count from 1. Fails on a fix that is not
a plain insertion or edit of a file under %SRCROOT%."""
import json
import os
import sys

sarif = json.load(open(sys.argv[1], encoding="utf-8"))
src_root, out_dir = sys.argv[2], sys.argv[3]
edits = {}  # relative path -> [(line, column, end line, end column, text)]
for result in sarif["runs"][0]["results"]:
    for fix in result.get("fixes", []):
        for change in fix["artifactChanges"]:
            where = change["artifactLocation"]
            if where.get("uriBaseId") != "%SRCROOT%":
                sys.exit("apply_sarif_fixes: not under %%SRCROOT%%: %s" % where)
            for r in change["replacements"]:
                region = r["deletedRegion"]
                edits.setdefault(where["uri"], []).append(
                    (region["startLine"], region["startColumn"],
                     region.get("endLine", region["startLine"]),
                     region.get("endColumn", region["startColumn"]),
                     r.get("insertedContent", {}).get("text", "")))
for path, changes in edits.items():
    lines = open(os.path.join(src_root, path), encoding="utf-8").read().split("\n")
    # Last first, so that earlier places keep their columns.
    for line, col, end_line, end_col, text in sorted(changes, reverse=True):
        if line != end_line:
            sys.exit("apply_sarif_fixes: a region over several lines")
        old = lines[line - 1]
        lines[line - 1] = old[:col - 1] + text + old[end_col - 1:]
    out = os.path.join(out_dir, path)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    open(out, "w", encoding="utf-8").write("\n".join(lines))
    print("apply_sarif_fixes: %s: %d insertions" % (path, len(changes)))
