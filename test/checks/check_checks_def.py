"""check_checks_def.py CHECKS_PY SRC_ROOT [--tidy-list FILE] [--sarif FILE]:
compares the tools with Checks.def (as build/test/privacy_checks.py lists
it). --tidy-list: the output of clang-tidy --list-checks with the module
registers exactly the list. --sarif: a SARIF log has a rule for every check
with the list's name, descriptions and documentation page, and no other rule
points at documentation. Always: each check's page exists, is titled with
the check's name, and docs/checks/README.md and README.md link it."""
import argparse
import json
import os
import re
import runpy
import sys

parser = argparse.ArgumentParser()
parser.add_argument("checks_py")
parser.add_argument("src_root")
parser.add_argument("--tidy-list")
parser.add_argument("--sarif")
args = parser.parse_args()

checks = runpy.run_path(args.checks_py)["CHECKS"]
names = [c["name"] for c in checks]
errors = []


def expect(cond, what):
    if not cond:
        errors.append(what)


expect(len(checks) > 0, "Checks.def lists no checks")
expect(len(set(names)) == len(names), "a check name is listed twice")

for c in checks:
    page = os.path.join(args.src_root, c["doc_page"])
    expect(c["doc_page"].startswith("docs/checks/"), "%s: page %s is not in docs/checks/"
           % (c["name"], c["doc_page"]))
    if not os.path.isfile(page):
        errors.append("%s: no page %s" % (c["name"], c["doc_page"]))
        continue
    with open(page, encoding="utf-8") as f:
        title = f.readline().strip()
    expect(title == "# " + c["name"], "%s: %s is titled %r" % (c["name"], c["doc_page"], title))
    base = os.path.basename(c["doc_page"])
    for index, link in (("docs/checks/README.md", "](%s)" % base),
                        ("README.md", "](%s)" % c["doc_page"])):
        with open(os.path.join(args.src_root, index), encoding="utf-8") as f:
            expect(link in f.read(), "%s: %s does not link %s" % (c["name"], index, c["doc_page"]))

if args.tidy_list:
    with open(args.tidy_list, encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip().startswith("privacy-")]
    expect(sorted(listed) == sorted(names),
           "clang-tidy lists %s, Checks.def %s" % (sorted(listed), sorted(names)))

if args.sarif:
    with open(args.sarif, encoding="utf-8") as f:
        rules = json.load(f)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    for c in checks:
        r = by_id.get(c["name"])
        if r is None:
            errors.append("SARIF: no rule %s" % c["name"])
            continue
        expect(r.get("name") == c["enum"], "SARIF: rule %s name" % c["name"])
        expect(r["shortDescription"]["text"] == c["summary"],
               "SARIF: rule %s shortDescription" % c["name"])
        expect(r.get("fullDescription", {}).get("text") == c["description"],
               "SARIF: rule %s fullDescription" % c["name"])
        expect(r["properties"].get("documentation") == c["doc_page"],
               "SARIF: rule %s documentation %r, expected %r"
               % (c["name"], r["properties"].get("documentation"), c["doc_page"]))
    for r in rules:
        # Every page a rule points at is in the repository; helpUri would need
        # an absolute URI, which the documentation does not have.
        doc = r.get("properties", {}).get("documentation")
        if doc is not None:
            expect(os.path.isfile(os.path.join(args.src_root, doc)),
                   "SARIF: rule %s documentation %s does not exist" % (r["id"], doc))
        expect("helpUri" not in r, "SARIF: rule %s has a helpUri" % r["id"])
        if r["id"] not in names:
            expect("documentation" not in r["properties"],
                   "SARIF: rule %s is no check of Checks.def but has documentation" % r["id"])

for e in errors:
    print("check_checks_def: " + e)
print("check_checks_def: %d checks, %s" % (len(checks), "ok" if not errors else "%d errors" % len(errors)))
sys.exit(1 if errors else 0)
