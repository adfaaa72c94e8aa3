#!/usr/bin/env python3
"""make_db.py OUT_DIR SRC_DIR ANNOTATIONS FILE... : writes OUT_DIR/compile_commands.json
for FILEs (relative to SRC_DIR), as CMake would, so scan tests do not depend
on where the checkout is."""
import json
import os
import sys

out_dir, src_dir, annotations = sys.argv[1:4]
os.makedirs(out_dir, exist_ok=True)
entries = []
for f in sys.argv[4:]:
    path = os.path.join(src_dir, f)
    entries.append({
        "directory": src_dir,
        "file": path,
        "command": "/usr/bin/c++ -std=c++17 -I%s -I%s -c %s -o %s.o"
                   % (annotations, src_dir, path, os.path.basename(f)),
    })
with open(os.path.join(out_dir, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=2)
