# bench/realworld/lib.sh - shared steps of the real-code precision harness.
# Sourced by bench/realworld/<name>/run.sh, which sets NAME, PKG, VERSION and
# defines deps, unpack, configure (see bench/realworld/README.md).
set -euo pipefail

RW="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$RW/../.." && pwd)"
SCAN="$ROOT/build/bin/privacy-scan" JOBS=2 WORK="" TIMING=1 REUSE=0 LIMIT=2700 PREPARE_ONLY=0

usage() {
  cat <<EOF
usage: bench/realworld/$NAME/run.sh [--scan PRIVACY_SCAN] [--work DIR] [-j JOBS]
                                    [--no-timing] [--reuse]
  --scan       privacy-scan to measure (default: build/bin/privacy-scan of this checkout)
  --work       work folder for the source, the build and the outputs
               (default: /tmp/privacy-realworld/$NAME)
  -j           translation units at once, for privacy-scan and -fsyntax-only (default 2)
  --no-timing  skip the clang++ -fsyntax-only pass (no ratio in the table)
  --reuse      keep the configured source and build of an earlier run in --work
  --prepare-only  fetch, annotate and configure, then stop (no scan)
  --timeout S  stop privacy-scan after S seconds (default 2700); the table then
               shows the per-translation-unit findings of its summaries
Prints one line of the table (and writes WORK/out/row.json, WORK/out/report.txt).
EOF
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --scan) SCAN="$2"; shift 2 ;;
      --work) WORK="$2"; shift 2 ;;
      -j) JOBS="$2"; shift 2 ;;
      --no-timing) TIMING=0; shift ;;
      --reuse) REUSE=1; shift ;;
      --timeout) LIMIT="$2"; shift 2 ;;
      --prepare-only) PREPARE_ONLY=1; shift ;;
      -h|--help) usage; exit 0 ;;
      *) echo "$NAME/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
  done
  [ -n "$WORK" ] || WORK="/tmp/privacy-realworld/$NAME"
  SCAN="$(readlink -f "$SCAN" || true)"
  [ -x "$SCAN" ] || { echo "$NAME/run.sh: no privacy-scan at '$SCAN' (use --scan)" >&2; exit 2; }
  mkdir -p "$WORK"
  WORK="$(cd "$WORK" && pwd)"
  SRC="$WORK/src" BUILD="$WORK/build" DB="$WORK/db" OUT="$WORK/out" DL="$WORK/download"
}

log() { echo "[$NAME] $*" >&2; }

# Debian's source packages need a deb-src line; add one for bookworm if there is none.
ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding deb-src for bookworm (/etc/apt/sources.list.d/privacy-realworld-src.sources)"
    cat > /etc/apt/sources.list.d/privacy-realworld-src.sources <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq
  fi
}

# apt-get install only what is missing.
install_deps() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

# Downloads PKG=VERSION with apt-get source into $DL and checks the version of
# the .dsc. Sets DSC. Returns non-zero when a file of the package could not be
# fetched (the caller decides whether the orig tarball alone will do).
fetch_source() {
  mkdir -p "$DL"
  local upstream="${VERSION#*:}"; upstream="${upstream%-*}"
  DSC="$DL/${PKG}_${VERSION#*:}.dsc"
  local rc=0
  if [ ! -f "$DSC" ] || ! ls "$DL/${PKG}_${upstream}".orig.tar.* > /dev/null 2>&1; then
    ensure_deb_src
    log "apt-get source --download-only $PKG=$VERSION"
    (cd "$DL" && apt-get source --download-only -qq "$PKG=$VERSION" >&2) || rc=$?
  fi
  [ -f "$DSC" ] || { echo "$NAME/run.sh: apt-get source $PKG=$VERSION gave no .dsc" >&2; exit 2; }
  local got; got="$(sed -n 's/^Version: //p' "$DSC" | head -n 1)"
  if [ "$got" != "$VERSION" ]; then
    echo "$NAME/run.sh: $PKG is $got, the harness is pinned to $VERSION" >&2; exit 2
  fi
  return $rc
}

# Checks a file of the download against the Sha256 the .dsc gives for it.
check_sha256() {
  local f="$1" want
  want="$(awk -v f="$(basename "$f")" '/^Checksums-Sha256:/{s=1;next} /^[^ ]/{s=0} s && $3==f {print $1}' "$DSC")"
  [ -n "$want" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$want" ]
}

apply_annotations() {
  log "applying $NAME/annotations.patch"
  patch -s -p1 -d "$SRC" < "$RW/$NAME/annotations.patch"
  cp "$RW/$NAME/privacy-policy.json" "$SRC/privacy-policy.json"
  [ ! -f "$RW/$NAME/catalog.json" ] || cp "$RW/$NAME/catalog.json" "$SRC/privacy-catalog.json"
}

# The project's compile_commands.json, with entries for generated files
# (under the build folder) left out, into $DB.
# KEEP_GENERATED (a code base's run.sh may set it) lists the generated files to keep.
filter_db() {
  mkdir -p "$DB"
  python3 - "$BUILD/compile_commands.json" "$DB/compile_commands.json" "$BUILD" "${KEEP_GENERATED:-}" <<'PY'
import json, os, sys
db = json.load(open(sys.argv[1]))
build = os.path.realpath(sys.argv[3]) + "/"
keepers = sys.argv[4].split()
keep = [e for e in db
        if not os.path.realpath(os.path.join(e["directory"], e["file"])).startswith(build)
        or any(e["file"].endswith(k) for k in keepers)]
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(len(db) - len(keep), file=sys.stderr)
PY
}

run_scan() {
  rm -rf "$OUT"; mkdir -p "$OUT/summaries"
  local cat=()
  [ ! -f "$SRC/privacy-catalog.json" ] || cat=(--api-catalog "$SRC/privacy-catalog.json")
  log "privacy-scan -j $JOBS over $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$DB/compile_commands.json") translation units ($SCAN)"
  local rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/scan-time.txt" \
    timeout --signal=TERM "$LIMIT" "$SCAN" -q -p "$DB" -j "$JOBS" --policy "$SRC/privacy-policy.json" "${cat[@]}" \
    --root "$SRC" --summaries-dir "$OUT/summaries" --format json -o "$OUT/inventory.json" \
    2> "$OUT/scan.stderr" || rc=$?
  echo "$rc" > "$OUT/scan-status.txt"
  if [ "$rc" = 124 ]; then
    log "privacy-scan did not finish in $LIMIT s; reporting the summaries' per-TU findings"
    return 0
  fi
  [ "$rc" -le 2 ] && [ -f "$OUT/inventory.json" ] ||
    { echo "$NAME/run.sh: privacy-scan failed ($rc), see $OUT/scan.stderr" >&2; exit 2; }
  # The same findings as text, from the summaries (no second analysis, only the join).
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/join-time.txt" \
    timeout --signal=TERM "$LIMIT" "$SCAN" -q --from-summaries "$OUT/summaries" --policy "$SRC/privacy-policy.json" "${cat[@]}" \
    --root "$SRC" --format text -o "$OUT/findings.txt" 2>> "$OUT/scan.stderr" || true
}

run_syntax_only() {
  if [ "$TIMING" = 1 ]; then
    log "clang++-19 -fsyntax-only -j $JOBS over the same files"
    python3 "$ROOT/bench/syntax_only.py" "$DB/compile_commands.json" "$JOBS" > "$OUT/syntax.txt"
  fi
}

report() {
  python3 "$RW/classify.py" --name "$NAME" --dir "$RW/$NAME" --out "$OUT" --src "$SRC" \
    --version "$PKG $VERSION"
}

main() {
  parse_args "$@"
  deps
  if [ "$REUSE" = 1 ] && [ -f "$DB/compile_commands.json" ] && [ -f "$SRC/privacy-policy.json" ]; then
    log "reusing $SRC and $DB"
  else
    rm -rf "$SRC" "$BUILD" "$DB"
    unpack
    apply_annotations
    configure
    filter_db
  fi
  if [ "$PREPARE_ONLY" = 1 ]; then
    log "prepared: $DB/compile_commands.json"
    return 0
  fi
  run_scan
  run_syntax_only
  report
}
