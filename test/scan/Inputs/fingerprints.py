"""fingerprints.py BEFORE.json AFTER.json: compares the findings of two
inventories by fingerprint, for test/scan/fingerprints.test. Prints how many
were kept, then each new and each gone finding with what it is about."""
import json
import sys


def findings(path):
    with open(path, encoding="utf-8") as f:
        return {x["fingerprint"]: x for x in json.load(f)["findings"]}


before, after = findings(sys.argv[1]), findings(sys.argv[2])
kept = [k for k in after if k in before]
print("kept %d of %d, %d new, %d gone" % (
    len(kept), len(before), len(after) - len(kept), len(before) - len(kept)))
for label, mine, other in (("new", after, before), ("gone", before, after)):
    for k, f in sorted(mine.items(), key=lambda e: (e[1]["file"], e[1]["line"])):
        if k not in other:
            print("%s: %s %s item=%s target=%s function=%s" % (
                label, f["check"], f["file"], f.get("item", ""),
                f.get("target", ""), f.get("function", "")))
