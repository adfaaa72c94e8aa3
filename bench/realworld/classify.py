#!/usr/bin/env python3
"""Classify privacy-scan's findings on a real code base against what was predicted.

usage:
  classify.py --name NAME --dir bench/realworld/NAME --out WORK/out [--src WORK/src]
              [--version TEXT] [--sample N] [--seed S] [--groups]
  classify.py --table ROW.json...          # the summary table of several runs

Inputs in --dir: expected.json (written before the first run), annotations.patch,
classification.json (rules written after looking at the findings, see README.md).
Inputs in --out: inventory.json (privacy-scan --format json), scan-time.txt
(/usr/bin/time -f "%e %U %S %M"), syntax.txt (bench/syntax_only.py).

Each finding is, in this order:
  0. false, cause E       when the same warning was already reported on the same line
                          (another column): noise, whatever the first one is;
  1. true, expected       when it matches an entry of expected.json;
  2. whatever the first matching rule of classification.json says: true (a real
     violation not predicted, 'found after the run') or false with a cause
     (A..E as in README.md, or 'other');
  3. unclassified         otherwise: a new pattern (after a change of the tool) to
     look at; it counts neither as true nor as false, and the table shows it.
Writes OUT/classified.json, OUT/report.txt and OUT/row.json; prints the row.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

CAUSES = ["A", "B", "C", "D", "E", "other"]
ITEM_RE = re.compile(r"personal data '([^']+)'")
STORE_NO_ERASE_RE = re.compile(r"store '([^']+)' receives personal data")


def item_of(finding):
    m = ITEM_RE.search(finding["message"])
    if m:
        return m.group(1)
    m = STORE_NO_ERASE_RE.search(finding["message"])
    return "store:" + m.group(1) if m else ""


def notes_text(finding):
    return "\n".join(n.get("message", "") for n in finding.get("notes", []))


def function_of(finding):
    return finding.get("function") or ""


READ_RE = re.compile(r"'[^']+' is read (?:with its|from) field '([^']+)' here")
SRC = {"dir": None, "cache": {}}


def source_line(path, line):
    if not SRC["dir"]:
        return None
    full = os.path.join(SRC["dir"], path)
    if full not in SRC["cache"]:
        try:
            SRC["cache"][full] = open(full, errors="replace").read().split("\n")
        except OSError:
            SRC["cache"][full] = None
    lines = SRC["cache"][full]
    return lines[line - 1] if lines and 0 < line <= len(lines) else None


def read_elsewhere(finding):
    """True when the note 'X is read with its field C::m_sField here' points at a
    line that names neither the field nor an accessor of it: the object was
    handed over whole and the analysis took that for a read of the field (cause B).
    None when it cannot tell (no such note, no source)."""
    for n in finding.get("notes", []):
        m = READ_RE.search(n.get("message", ""))
        if not m:
            continue
        text = source_line(n.get("file", ""), n.get("line", 0))
        if text is None:
            return None
        field = m.group(1).split("::")[-1]
        stem = re.sub(r"^(m_|_)(s|ss|p|u|b|i)?(?=[A-Z])|^(m_|_)", "", field)
        if re.search(r"(?<![A-Za-z0-9_])" + re.escape(field) + r"(?![A-Za-z0-9_])", text):
            return False
        # an accessor call: GetPass(, realName(, ident(, GetCleanUserName( for
        # m_sCleanUsername (names differ in case only)
        accessor = r"(?<![A-Za-z0-9_])(?:get)?%s\s*\(" % re.escape(stem) if stem else None
        return not (accessor and re.search(accessor, text, re.I))
    return None


def matches(entry, finding):
    """An expected entry or a rule against a finding. Every key given must hold."""
    if "read_elsewhere" in entry and read_elsewhere(finding) != entry["read_elsewhere"]:
        return False
    if "check" in entry and entry["check"] != finding["check"]:
        return False
    if "file" in entry and entry["file"] != finding["file"]:
        return False
    if "file_re" in entry and not re.search(entry["file_re"], finding["file"]):
        return False
    if "item" in entry and entry["item"] != item_of(finding):
        return False
    if "function" in entry and not function_of(finding).endswith(entry["function"]):
        return False
    if "function_re" in entry and not re.search(entry["function_re"], function_of(finding)):
        return False
    if "message_re" in entry and not re.search(entry["message_re"], finding["message"]):
        return False
    if "notes_re" in entry and not re.search(entry["notes_re"], notes_text(finding), re.S):
        return False
    if "not_notes_re" in entry and re.search(entry["not_notes_re"], notes_text(finding), re.S):
        return False
    if "line" in entry and entry["line"] != finding["line"]:
        return False
    return True


def pattern_of(finding):
    """A coarse pattern for grouping: check, item and the shape of the notes."""
    def norm(s):
        s = re.sub(r"'[^']*'", "'…'", s)
        return re.sub(r"\d+", "N", s)
    steps = [norm(n.get("message", "")) for n in finding.get("notes", [])]
    shape = " | ".join(dict.fromkeys(steps))  # distinct steps, in order
    return (finding["check"], item_of(finding), norm(finding["message"])[:120], shape[:300])


def load(path, default=None):
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return default


def annotation_lines(patch):
    if not os.path.exists(patch):
        return 0
    return sum(1 for line in open(patch, errors="replace")
               if line.startswith("+") and not line.startswith("+++") and "PRIVACY_" in line)


def per_tu_inventory(out):
    """When privacy-scan did not finish its join: the findings of each translation
    unit's summary (what clang-tidy reports for that file), duplicates removed."""
    findings, seen, files = [], set(), 0
    sdir = os.path.join(out, "summaries")
    for name in sorted(os.listdir(sdir)) if os.path.isdir(sdir) else []:
        s = load(os.path.join(sdir, name))
        files += 1
        for f in s.get("findings", []):
            key = (f["check"], f["file"], f["line"], f["column"], f["message"])
            if key not in seen:
                seen.add(key)
                findings.append(f)
    return {"analysis": {"translation_units": files, "analysed": files, "failed": [],
                         "join": "did not finish: per-translation-unit findings"},
            "findings": findings}


def function_sites(out):
    """file -> sorted [(line, qualified name)] of the functions the summaries list."""
    sites = collections.defaultdict(set)
    sdir = os.path.join(out, "summaries")
    for name in sorted(os.listdir(sdir)) if os.path.isdir(sdir) else []:
        for fn in load(os.path.join(sdir, name)).get("functions", []):
            site = fn.get("site") or {}
            if site.get("file"):
                sites[site["file"]].add((site["line"], fn["name"]))
    return {f: sorted(v) for f, v in sites.items()}


def fill_functions(findings, sites):
    """A finding without 'function': the last function of its file that starts at or
    before its line (an approximation, used only when privacy-scan does not say)."""
    import bisect
    for f in findings:
        if f.get("function") or f["file"] not in sites:
            continue
        lst = sites[f["file"]]
        i = bisect.bisect_right(lst, (f["line"], "\uffff")) - 1
        if i >= 0:
            f["function"] = lst[i][1]


def classify(args):
    SRC["dir"] = args.src
    inv = load(os.path.join(args.out, "inventory.json")) or per_tu_inventory(args.out)
    if any(not f.get("function") for f in inv["findings"]):
        fill_functions(inv["findings"], function_sites(args.out))
    expected = load(os.path.join(args.dir, "expected.json"), {"expected": []})
    rules = load(os.path.join(args.dir, "classification.json"), {"rules": []})
    entries = expected.get("expected", []) + expected.get("found_after_run", [])
    findings = inv["findings"]

    classified = []
    found = collections.Counter()
    seen_at = set()
    for f in findings:
        c = {"check": f["check"], "file": f["file"], "line": f["line"], "column": f["column"],
             "function": function_of(f), "item": item_of(f), "message": f["message"]}
        at = (f["check"], f["file"], f["line"], f["message"])
        hit = next((e for e in entries if matches(e, f)), None)
        if at in seen_at:
            # The same warning on the same line at another column: noise (cause E).
            c.update(verdict="false", cause="E", rule="E-dup")
            if hit:
                found[hit["id"]] += 1
        elif hit:
            c.update(verdict="true", cause="expected" if hit in expected.get("expected", [])
                     else "found after the run", rule=hit["id"])
            found[hit["id"]] += 1
        else:
            rule = next((r for r in rules.get("rules", []) if matches(r, f)), None)
            if rule:
                c.update(verdict=rule["verdict"], cause=rule.get("cause", ""), rule=rule["id"])
            else:
                c.update(verdict="unclassified", cause="", rule="")
        seen_at.add(at)
        classified.append(c)

    internal = sum(1 for f in findings if re.search(r"'_[a-z]+_\d+'", notes_text(f)))
    verdicts = collections.Counter(c["verdict"] for c in classified)
    causes = collections.Counter(c["cause"] for c in classified if c["verdict"] == "false")
    missed = [e for e in expected.get("expected", []) if not found[e["id"]]]
    true_n, false_n = verdicts["true"], verdicts["false"]
    a = inv["analysis"]
    row = {
        "name": args.name, "version": args.version,
        "translation_units": a.get("translation_units"), "analysed": a.get("analysed"),
        "failed": len(a.get("failed", [])),
        "join": a.get("join", "finished"),
        "annotation_lines": annotation_lines(os.path.join(args.dir, "annotations.patch")),
        "findings": len(findings), "true": true_n, "false": false_n,
        "false_by_cause": {k: causes[k] for k in CAUSES if causes[k]},
        "unclassified": verdicts["unclassified"],
        "internal_names_in_notes": internal,
        "expected": len(expected.get("expected", [])),
        "found_after_run": len(expected.get("found_after_run", [])),
        "missed": [e["id"] for e in missed],
        "precision": (true_n / (true_n + false_n)) if true_n + false_n else None,
        "recall": (1 - len(missed) / len(expected["expected"])) if expected.get("expected") else None,
    }
    st = os.path.join(args.out, "scan-time.txt")
    if os.path.exists(st) and open(st).read().strip():
        w, u, s, rss = open(st).read().split()[-4:]
        row.update(scan_wall=float(w), scan_cpu=float(u) + float(s), scan_rss_mib=int(rss) // 1024)
    sy = os.path.join(args.out, "syntax.txt")
    if os.path.exists(sy) and open(sy).read().strip():
        w, cpu, failed, rss = open(sy).read().split()
        row.update(syntax_wall=float(w), syntax_cpu=float(cpu), syntax_failed=int(failed))
    if "scan_wall" in row and "syntax_wall" in row:
        row["ratio_wall"] = row["scan_wall"] / row["syntax_wall"]
        row["ratio_cpu"] = row["scan_cpu"] / row["syntax_cpu"]

    with open(os.path.join(args.out, "classified.json"), "w") as f:
        json.dump(classified, f, indent=1)
    with open(os.path.join(args.out, "row.json"), "w") as f:
        json.dump(row, f, indent=1)

    # The report: per rule, per unclassified pattern, the misses.
    lines = ["%s (%s): %d findings" % (args.name, args.version, len(findings)), ""]
    by_rule = collections.defaultdict(list)
    for c in classified:
        by_rule[(c["verdict"], c["cause"], c["rule"])].append(c)
    lines.append("by verdict, cause and rule (count, first example):")
    for key in sorted(by_rule, key=lambda k: (k[0], k[1], k[2])):
        ex = by_rule[key][0]
        lines.append("  %-12s %-20s %-6s %5d  %s:%d %s: %s" % (
            key[0], key[1], key[2], len(by_rule[key]), ex["file"], ex["line"],
            ex["function"], ex["message"][:160]))
    lines.append("")
    lines.append("expected: %d, found %d, missed: %s" % (
        row["expected"], row["expected"] - len(missed), ", ".join(row["missed"]) or "none"))
    for e in missed:
        lines.append("  MISSED %s %s %s %s %s" % (e["id"], e["check"], e["file"],
                                                  e.get("function", ""), e.get("item", "")))
    unclassified = [f for f, c in zip(findings, classified) if c["verdict"] == "unclassified"]
    if unclassified or args.groups:
        groups = collections.Counter(pattern_of(f) for f in
                                     (findings if args.groups else unclassified))
        lines.append("")
        lines.append("%s patterns (check, item, message, note steps):" %
                     ("all" if args.groups else "unclassified"))
        for (check, item, msg, shape), n in groups.most_common():
            lines.append("  %5d  %s  %s\n         %s\n         %s" % (n, check, item, msg, shape))
    if args.sample:
        rnd = random.Random(args.seed)
        pick = rnd.sample(range(len(findings)), min(args.sample, len(findings)))
        lines.append("")
        lines.append("random sample of %d (seed %d), to check by hand:" % (len(pick), args.seed))
        for i in sorted(pick):
            f, c = findings[i], classified[i]
            lines.append("  #%d %s %s:%d:%d [%s] %s -> %s %s (%s)" % (
                i, f["check"], f["file"], f["line"], f["column"], function_of(f),
                f["message"], c["verdict"], c["cause"], c["rule"]))
            for n in f.get("notes", []):
                lines.append("       note %s:%s %s" % (n.get("file", ""), n.get("line", ""),
                                                    n.get("message", "")))
    with open(os.path.join(args.out, "report.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return row


def fmt_row(r):
    def pct(x):
        return "-" if x is None else "%.0f %%" % (100 * x)
    causes = ", ".join("%s %d" % (k, v) for k, v in r["false_by_cause"].items()) or "-"
    timing = "-"
    if "ratio_wall" in r:
        timing = "%.0f s / %.0f s = %.2fx (cpu %.2fx)" % (r["scan_wall"], r["syntax_wall"],
                                                        r["ratio_wall"], r["ratio_cpu"])
    elif "scan_wall" in r:
        timing = "%.0f s / -" % r["scan_wall"]
    if r.get("join", "finished") != "finished":
        timing += " (join did not finish: per-TU findings only)"
    return "| %s | %s | %s | %d | %d | %d (%s) | %d | %d (+%d after the run) | %s | %s | %s | %s |" % (
        r["name"], "%s%s" % (r["translation_units"],
                             " (%d failed)" % r["failed"] if r.get("failed") else ""),
        r["annotation_lines"], r["findings"], r["true"],
        r["false"], causes, r["unclassified"], r["expected"], r["found_after_run"],
        ", ".join(r["missed"]) or "0", pct(r["precision"]), pct(r["recall"]), timing)


HEADER = ("| code base | TUs | annotation lines | findings | true | false (by cause) | "
          "unclassified | expected | missed | precision | recall | privacy-scan / -fsyntax-only |\n"
          "|---|---:|---:|---:|---:|---|---:|---|---|---:|---:|---|")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--name")
    p.add_argument("--dir")
    p.add_argument("--out")
    p.add_argument("--src")
    p.add_argument("--version", default="")
    p.add_argument("--sample", type=int, default=0)
    p.add_argument("--seed", type=int, default=2019)
    p.add_argument("--groups", action="store_true", help="group all findings, not only unclassified")
    p.add_argument("--table", nargs="+", metavar="ROW.json")
    args = p.parse_args()
    if args.table:
        print(HEADER)
        for path in args.table:
            print(fmt_row(load(path)))
        return
    row = classify(args)
    print(HEADER)
    print(fmt_row(row))


if __name__ == "__main__":
    sys.exit(main())
