"""check_sarif.py SARIF INVENTORY CHECKS_PY: checks the SARIF log privacy-render wrote
against the inventory it came from: one run; a rule per SPEC check and per
check id found; each finding a result whose ruleIndex points at its rule,
with its location, fingerprint, baseline state, and its notes as both the
code flow and the related locations, in order; its fix-its, if any, as one SARIF fix of insertions. CHECKS_PY is Checks.def as
build/test/privacy_checks.py lists it."""
import json
import runpy
import sys

sarif = json.load(open(sys.argv[1], encoding="utf-8"))
inventory = json.load(open(sys.argv[2], encoding="utf-8"))
errors = []


def expect(cond, what):
    if not cond:
        errors.append(what)


DOC_PAGES = {c["name"]: c["doc_page"] for c in runpy.run_path(sys.argv[3])["CHECKS"]}
SPEC_CHECKS = set(DOC_PAGES)

expect(sarif.get("version") == "2.1.0", "version is not 2.1.0")
expect(len(sarif.get("runs", [])) == 1, "not exactly one run")
run = sarif["runs"][0]
driver = run["tool"]["driver"]
expect(driver.get("name") == "privacy-scan", "driver name")
expect(driver.get("version") == inventory["tool"]["version"], "driver version")
expect("informationUri" not in driver, "informationUri must be omitted")
rule_ids = [r["id"] for r in driver["rules"]]
expect(rule_ids == sorted(set(rule_ids)), "rules not sorted and unique")
wanted = SPEC_CHECKS | {f["check"] for f in inventory["findings"]}
expect(set(rule_ids) == wanted, "rules %s, expected %s" % (sorted(rule_ids), sorted(wanted)))
for r in driver["rules"]:
    expect(r["properties"].get("documentation") == DOC_PAGES.get(r["id"]),
           "rule %s documentation" % r["id"])
    expect(r["defaultConfiguration"]["level"] == "warning", "rule %s level" % r["id"])
    if r["id"] in SPEC_CHECKS:
        expect(r["shortDescription"]["text"] and r["fullDescription"]["text"],
               "rule %s descriptions" % r["id"])

root = inventory["project_root"]
if root.startswith("/"):
    expect(run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri")
           == "file://" + root.rstrip("/") + "/", "originalUriBaseIds")
else:
    expect("originalUriBaseIds" not in run, "originalUriBaseIds with a relative root")

results = run["results"]
expect(len(results) == len(inventory["findings"]), "one result per finding")
for i, (res, f) in enumerate(zip(results, inventory["findings"])):
    where = "result %d" % i
    expect(res["ruleId"] == f["check"], where + " ruleId")
    expect(driver["rules"][res["ruleIndex"]]["id"] == f["check"], where + " ruleIndex")
    expect(res["level"] == "warning", where + " level")
    expect(res["message"]["text"] == f["message"], where + " message")
    loc = res["locations"][0]["physicalLocation"]
    if not f["file"].startswith("/"):
        expect(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%", where + " uriBaseId")
    if f["line"] > 0:
        expect(loc["region"]["startLine"] == f["line"], where + " startLine")
        expect(loc["region"]["startColumn"] == f["column"], where + " startColumn")
    expect(res["partialFingerprints"] == {"privacyFinding/v2": f["fingerprint"]},
           where + " fingerprint")
    expect(res["baselineState"] == ("unchanged" if f.get("baselined") else "new"),
           where + " baselineState")
    notes = f["notes"]
    if notes:
        flows = res["codeFlows"]
        expect(len(flows) == 1 and len(flows[0]["threadFlows"]) == 1, where + " one thread flow")
        steps = flows[0]["threadFlows"][0]["locations"]
        expect([s["location"]["message"]["text"] for s in steps] == [n["message"] for n in notes],
               where + " code flow steps")
        expect([s["location"]["physicalLocation"]["region"]["startLine"] for s in steps]
               == [n["line"] for n in notes], where + " code flow lines")
        related = res["relatedLocations"]
        expect([r["message"]["text"] for r in related] == [n["message"] for n in notes],
               where + " related locations")
        expect([r["id"] for r in related] == list(range(1, len(notes) + 1)), where + " related ids")
    else:
        expect("codeFlows" not in res and "relatedLocations" not in res, where + " no flow")
    fixes = f.get("fixes", [])
    if fixes:
        expect(len(res.get("fixes", [])) == 1, where + " one fix")
        inserted = [(c["artifactLocation"]["uri"], r["deletedRegion"]["startLine"],
                     r["deletedRegion"]["startColumn"], r["insertedContent"]["text"])
                    for fix in res.get("fixes", []) for c in fix["artifactChanges"]
                    for r in c["replacements"]]
        expect(sorted(inserted) == sorted((x["file"], x["line"], x["column"], x["insert"])
                                          for x in fixes), where + " fix insertions")
        for fix in res.get("fixes", []):
            for c in fix["artifactChanges"]:
                for r in c["replacements"]:
                    d = r["deletedRegion"]
                    expect((d["endLine"], d["endColumn"]) == (d["startLine"], d["startColumn"]),
                           where + " an insertion deletes nothing")
    else:
        expect("fixes" not in res, where + " no fix")

for e in errors:
    print("check_sarif: %s: %s" % (sys.argv[1], e))
sys.exit(1 if errors else 0)
