#!/usr/bin/env python3
"""merge_items.py POLICY ITEMS OUT: writes POLICY with the items of ITEMS
(privacy-scan --suggest's policy-items.json) added, as a user would."""
import json
import sys

policy_path, items_path, out_path = sys.argv[1:4]
policy = json.load(open(policy_path, encoding="utf-8"))
items = json.load(open(items_path, encoding="utf-8"))["items"]
policy["items"].update(items)
policy["activities"][0]["items"] += sorted(items)
with open(out_path, "w", encoding="utf-8") as out:
    json.dump(policy, out, ensure_ascii=False, indent=2)
