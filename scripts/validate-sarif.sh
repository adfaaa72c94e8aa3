#!/usr/bin/env bash
# Validates SARIF files against SARIF 2.1.0.
#
#   scripts/validate-sarif.sh FILE.sarif...
#
# Uses Microsoft's SARIF Multitool (`sarif-multitool validate`: the JSON
# schema plus the SARIF SDK's own rules) when it is installed, else Python's
# jsonschema against the SARIF 2.1.0 schema that ships in the same npm
# package. Neither is installed by scripts/install-deps.sh; to get them:
#
#   npm install --prefix build/npm @microsoft/sarif-multitool
#
# The multitool is a self-contained .NET program (no dotnet needed). It
# always exits 0, so errors are found in its output ("FILE(l,c): error
# CODE: ..."). Warnings (e.g. SARIF2005: no informationUri) do not fail.
#
# Environment: SARIF_NPM_PREFIX (default: <repo>/build/npm), SARIF_MULTITOOL
# (path of the sarif-multitool command), SARIF_SCHEMA (schema file for the
# jsonschema fallback), SARIF_VALIDATOR=multitool|jsonschema to force one.
#
# Exit: 0 all valid; 1 a file is invalid; 2 usage error or no validator.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${SARIF_NPM_PREFIX:-$root/build/npm}"

if [ "$#" -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: validate-sarif.sh FILE.sarif..." >&2
  exit 2
fi
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "validate-sarif: error: $file: no such file" >&2
    exit 2
  fi
done

multitool="${SARIF_MULTITOOL:-}"
if [ -z "$multitool" ]; then
  if [ -x "$prefix/node_modules/.bin/sarif-multitool" ]; then
    multitool="$prefix/node_modules/.bin/sarif-multitool"
  elif command -v sarif-multitool >/dev/null 2>&1; then
    multitool="$(command -v sarif-multitool)"
  fi
fi
schema="${SARIF_SCHEMA:-}"
if [ -z "$schema" ]; then
  for candidate in "$prefix"/node_modules/@microsoft/sarif-multitool-*/sarif-2.1.0.json; do
    if [ -f "$candidate" ]; then
      schema="$candidate"
      break
    fi
  done
fi

validator="${SARIF_VALIDATOR:-}"
if [ -z "$validator" ]; then
  if [ -n "$multitool" ]; then
    validator=multitool
  elif [ -n "$schema" ]; then
    validator=jsonschema
  else
    echo "validate-sarif: error: no SARIF validator found; run" \
         "'npm install --prefix $prefix @microsoft/sarif-multitool'" >&2
    exit 2
  fi
fi

case "$validator" in
multitool)
  if [ -z "$multitool" ]; then
    echo "validate-sarif: error: sarif-multitool not found under $prefix" >&2
    exit 2
  fi
  # Without ICU libraries .NET needs invariant globalization; harmless with.
  export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1
  status=0
  for file in "$@"; do
    output="$("$multitool" validate "$file" 2>&1)"
    rc=$?
    if [ "$rc" -ne 0 ]; then
      printf '%s\n' "$output" >&2
      echo "validate-sarif: error: sarif-multitool exited $rc on $file" >&2
      status=1
      continue
    fi
    if printf '%s\n' "$output" | grep -Eq ': error [A-Z]+[0-9]+:'; then
      printf '%s\n' "$output" | grep -E ': (error|warning) [A-Z]+[0-9]+:' >&2
      echo "validate-sarif: $file: INVALID (sarif-multitool)"
      status=1
    else
      printf '%s\n' "$output" | grep -E ': warning [A-Z]+[0-9]+:' >&2
      echo "validate-sarif: $file: valid SARIF 2.1.0 (sarif-multitool)"
    fi
  done
  exit "$status"
  ;;
jsonschema)
  if [ -z "$schema" ]; then
    echo "validate-sarif: error: no sarif-2.1.0.json schema found under $prefix" >&2
    exit 2
  fi
  python3 - "$schema" "$@" <<'PY'
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("validate-sarif: error: python3 has no jsonschema module\n")
    sys.exit(2)

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema)(schema)
status = 0
for path in sys.argv[2:]:
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        print("validate-sarif: %s: INVALID: not JSON: %s" % (path, e))
        status = 1
        continue
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        sys.stderr.write("%s: error: at %s: %s\n" % (path, where, e.message))
    if errors:
        print("validate-sarif: %s: INVALID (jsonschema)" % path)
        status = 1
    else:
        print("validate-sarif: %s: valid SARIF 2.1.0 (jsonschema)" % path)
sys.exit(status)
PY
  ;;
*)
  echo "validate-sarif: error: SARIF_VALIDATOR must be multitool or jsonschema" >&2
  exit 2
  ;;
esac
