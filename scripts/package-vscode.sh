#!/usr/bin/env bash
# Builds the VS Code extension of editors/vscode into a .vsix:
#   scripts/package-vscode.sh [OUT_DIR]    (default: build/)
# Needs Node.js and npm, and the npm registry (vscode-languageclient and
# @vscode/vsce are fetched); not part of the test suite for that reason.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy, so that node_modules never lands in the checkout.
cp -r "$root/editors/vscode/." "$work/"
rm -rf "$work/node_modules" "$work"/*.vsix
cd "$work"
npm install --no-audit --no-fund --omit=dev --silent
npx --yes @vscode/vsce@3 package --skip-license --allow-missing-repository \
  --out "$out/privacy-tidy-$(node -p 'require("./package.json").version').vsix"
