#!/usr/bin/env python3
"""make_hostile.py DIR: writes the hostile inputs of robustness.test into
DIR: a policy with a 30,000-character item id, a catalog with a
200,000-character function name, a policy with 20,000 and one with 100,000
nested arrays under a key no schema knows, a policy with a number beyond
double's range, and a policy with a misspelt key in a recipient."""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def policy(**extra):
    p = {"controller": {"country": "KR"}, "purposes": {"p": {}},
         "items": {"email": {}},
         "activities": [{"id": "a", "basis": "contract", "items": ["*"],
                         "purposes": ["p"]}]}
    p.update(extra)
    return p


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


long_id = policy()
long_id["items"] = {"x" * 30000: {}}
write("long-id.json", json.dumps(long_id))
write("long-name.json", json.dumps(
    {"name": "hostile", "entries": [{"function": "f" * 200000, "kind": "sink", "sink": "log",
                                     "args": "all"}]}))
for depth in (20000, 100000):
    write("deep-%d.json" % depth,
          json.dumps(policy())[:-1] + ', "x-notes": ' + "[" * depth + "]" * depth + "}")
write("overflow.json", json.dumps(policy())[:-1] + ',\n "version": 1e999}')
write("misspelt.json", json.dumps(policy(recipients={
    "acme": {"role": "processor", "country": "KR", "itmes": ["email"]}}), indent=1))
