#!/usr/bin/env python3
"""precision.py DIR : compares the privacy-* findings of a bench/run.sh run
(DIR/logs/privacy/*.log) with the violations generate.py seeded in DIR/src.

A chain is the functions fNNN_cK_s*; its entry (s0) carries the seeded
comment. A finding belongs to the chain of the function its data was read in
(the first note), else of the function it is reported in. Prints seeded
violations found per kind, and findings in chains (or other functions) that
follow the policy."""
import collections
import glob
import os
import re
import sys

KIND_OF_CHECK = {
    "privacy-cross-border-transfer": "sink",
    "privacy-undeclared-recipient": "sink",
    "privacy-undeclared-storage": "sink",
    "privacy-log-leak": "sink",
    "privacy-purpose-limitation": "purpose",
    "privacy-missing-consent": "consent",
}
DEF = re.compile(r"^[A-Za-z].*?\b(f\d+_(?:c\d+|[a-z]+\d*))(?:_s\d+)?\(")
SEED = re.compile(r"// bench: seeded violation \((\w+)\)")
DIAG = re.compile(r"^(\S+?):(\d+):\d+: (warning|note): .*?(?:\[(privacy-[a-z-]+)\])?$")


def owners(path):
    """line -> owning chain id, and seeded chains {chain: kind}."""
    owner, seeded, current, pending = {}, {}, None, None
    with open(path) as f:
        for n, line in enumerate(f, 1):
            m = SEED.search(line)
            if m:
                pending = m.group(1)
            m = DEF.match(line)
            if m:
                current = m.group(1)
                if pending:
                    seeded[current] = pending
                    pending = None
            owner[n] = current
    return owner, seeded


def main():
    root = sys.argv[1]
    seeded_total = collections.Counter()
    found = collections.Counter()
    false_pos = collections.Counter()
    examples = collections.defaultdict(list)
    for src in sorted(glob.glob(os.path.join(root, "src", "*.cpp"))):
        owner, seeded = owners(src)
        for kind in seeded.values():
            seeded_total[kind] += 1
        log = os.path.join(root, "logs", "privacy", os.path.basename(src) + ".log")
        findings = []  # [check, warning line, first note line]
        with open(log, errors="replace") as f:
            for line in f:
                m = DIAG.match(line.rstrip("\n"))
                if not m or os.path.basename(m.group(1)) != os.path.basename(src):
                    continue
                if m.group(3) == "warning" and m.group(4):
                    findings.append([m.group(4), int(m.group(2)), None])
                elif m.group(3) == "note" and findings and findings[-1][2] is None:
                    findings[-1][2] = int(m.group(2))
        hit = set()
        for check, line, note in findings:
            kind = KIND_OF_CHECK.get(check)
            chain = owner.get(note if note else line)
            if chain in seeded and seeded[chain] == kind:
                hit.add(chain)
            elif chain not in seeded:
                false_pos[check] += 1
                if len(examples[check]) < 3:
                    examples[check].append("%s:%d (%s)" % (os.path.basename(src), line, chain))
        for chain in hit:
            found[seeded[chain]] += 1
    for kind in sorted(seeded_total):
        print("seeded %-8s found %4d / %4d" % (kind, found[kind], seeded_total[kind]))
    print("findings outside seeded chains: %d" % sum(false_pos.values()))
    for check, count in sorted(false_pos.items()):
        print("  %-32s %4d  e.g. %s" % (check, count, ", ".join(examples[check])))


if __name__ == "__main__":
    main()
