#!/usr/bin/env python3
"""corrupt_cache.py DIR: damages every entry of a privacy-scan cache, each
one of three ways, in turn: cut short, of another format, or holding the
entry of another key. Adds files that are no entries at all."""
import os
import sys

cache = sys.argv[1]
names = sorted(n for n in os.listdir(cache) if n.endswith(".privacy-cache"))
originals = [open(os.path.join(cache, n), "rb").read() for n in names]
for i, name in enumerate(names):
    path = os.path.join(cache, name)
    text = originals[i]
    if i % 3 == 0:
        damaged = text[:40]
    elif i % 3 == 1:
        damaged = text.replace(b"privacy-tidy/scan-cache/1", b"privacy-tidy/scan-cache/0", 1)
    else:
        damaged = originals[i - 1]
    open(path, "wb").write(damaged)
open(os.path.join(cache, "notes.txt"), "w").write("not an entry\n")
open(os.path.join(cache, "0" * 32 + ".privacy-cache"), "wb").write(b"\x00\xff garbage")
