#!/usr/bin/env bash
# The main job on the bundled example: configures examples/cloudz to get its
# compile_commands.json, then runs the privacy checks over every file with
# Debian's clang-tidy-19 and the plugin. The example has findings on
# purpose: they are printed, and the exit status is clang-tidy's (0 unless
# something is broken, such as the policy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRIVACY_BUILD_DIR:-$root/build}"
example="$root/examples/cloudz"
example_build="$build/examples/cloudz"

cmake -S "$example" -B "$example_build" -G Ninja >/dev/null
python3 - "$example_build/compile_commands.json" <<'PY' > "$example_build/files.txt"
import json, sys
for entry in sorted({e["file"] for e in json.load(open(sys.argv[1]))}):
    print(entry)
PY

echo "privacy-tidy: checking $(wc -l < "$example_build/files.txt") files of examples/cloudz against $(readlink -f "$example/privacy-policy.json")"
# One clang-tidy process for all files, so the policy's own warnings are
# printed once.
mapfile -t files < "$example_build/files.txt"
/usr/lib/llvm-19/bin/clang-tidy --quiet --load="$build/lib/libprivacy-tidy.so" \
  -checks='-*,privacy-*' -p "$example_build" "${files[@]}" 2>/dev/null
