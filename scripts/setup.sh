#!/usr/bin/env bash
# From a fresh Debian 12 machine: install what is missing, build, and run
# privacy-tidy on the bundled example with its bundled policy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/run-example.sh"
