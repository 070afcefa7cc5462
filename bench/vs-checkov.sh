#!/usr/bin/env bash
# cloudfront-lint against checkov on the same Terraform files. See bench/README.md.
#
#   bash bench/vs-checkov.sh              # install checkov in a temporary virtualenv, build, compare
#   bash bench/vs-checkov.sh --no-build   # use target/release/cloudfront-lint as it is
#
# What it compares, over ../shared/corpus/terraform (real .tf files, each with a verdict in its
# README.md): (a) per file, checkov's failed checks on aws_cloudfront_distribution resources (and
# whether it could parse the file) beside cloudfront-lint's findings by severity, and the README's
# verdict; (b) whole-process time on one file and on the whole folder. Prints a Markdown report
# and saves it as bench/vs-checkov.md.
#
# Environment: CHECKOV_VERSION (default 3.3.30; "latest" for the newest), CHECKOV_VENV (an
# existing virtualenv with checkov, to skip the install), LINT_BIN (and LINT_REV, what to call it
# in the report), CORPUS (default ../shared/corpus), SINGLE_TF (a file under CORPUS/terraform),
# RUNS_SINGLE_CFL (30), RUNS_SINGLE_CKV (6), RUNS_TREE_CFL (30), RUNS_TREE_CKV (3): runs of each
# case, split over ROUNDS (3) rounds; KEEP_WORK=1 (keep the temp dir).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "vs-checkov.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

CHECKOV_VERSION=${CHECKOV_VERSION:-3.3.30}
CORPUS=$(cd "${CORPUS:-$ROOT/../shared/corpus}" && pwd)
SINGLE_TF=${SINGLE_TF:-cullancarey-website-terraform-cloudfront.tf}
RUNS_SINGLE_CFL=${RUNS_SINGLE_CFL:-30}
RUNS_SINGLE_CKV=${RUNS_SINGLE_CKV:-6}
RUNS_TREE_CFL=${RUNS_TREE_CFL:-30}
RUNS_TREE_CKV=${RUNS_TREE_CKV:-3}
ROUNDS=${ROUNDS:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

log() { printf '\n== %s\n' "$*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vs-checkov.XXXXXX")
if [ "${KEEP_WORK:-0}" = "1" ]; then
    echo "vs-checkov.sh: keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi

# ---------------------------------------------------------------- tools
apt_install() { # apt_install PACKAGE
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y -q "$1" >/dev/null 2>&1 ||
        { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "$1" >/dev/null; }
}
command -v python3 >/dev/null || { echo "vs-checkov.sh: python3 is required" >&2; exit 2; }
if ! command -v hyperfine >/dev/null; then log "installing hyperfine"; apt_install hyperfine; fi

if [ -n "${CHECKOV_VENV:-}" ]; then
    VENV=$CHECKOV_VENV
else
    VENV=$WORK/venv
    log "installing checkov ${CHECKOV_VERSION} into a temporary virtualenv"
    python3 -m venv "$VENV"
    spec=checkov
    [ "$CHECKOV_VERSION" = latest ] || spec="checkov==$CHECKOV_VERSION"
    "$VENV/bin/pip" install -q "$spec" >&2
fi
CKV=$VENV/bin/checkov
"$CKV" --version >/dev/null
# No platform, no telemetry, no update check: only the local Terraform checks.
export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false ANSI_COLORS_DISABLED=1
CKV_ARGS=(--framework terraform --output json --compact --quiet --skip-download)

# ---------------------------------------------------------------- build
if [ "$BUILD" -eq 1 ]; then
    log "building cloudfront-lint (release)"
    cargo build --release --bin cloudfront-lint >&2
fi
SRC_BIN=${LINT_BIN:-$TARGET_DIR/release/cloudfront-lint}
[ -x "$SRC_BIN" ] || { echo "vs-checkov.sh: linter binary not found: $SRC_BIN" >&2; exit 2; }
# A copy, so that a build running meanwhile does not swap the binary under the timings.
LINT=$WORK/cloudfront-lint
cp "$SRC_BIN" "$LINT"

# ---------------------------------------------------------------- (a) findings
cd "$CORPUS"
mapfile -t TF < <(ls terraform/*.tf)
TREE_BYTES=$(cat "${TF[@]}" | wc -c)
log "linting ${#TF[@]} files ($TREE_BYTES bytes) with both tools"
# By name, as checkov -f is run below: a walked folder skips what does not parse (the summary's
# "skipped"), and two of the rejected files are exactly that; the walk's summary is reported too.
for out in cfl cfl-walk; do
    rc=0
    if [ "$out" = cfl ]; then
        "$LINT" check --format json --fail-on never "${TF[@]}" >"$WORK/$out.json" || rc=$?
    else
        "$LINT" check --format json --fail-on never terraform >"$WORK/$out.json" || rc=$?
    fi
    [ "$rc" -eq 0 ] || { echo "vs-checkov.sh: cloudfront-lint exited $rc" >&2; exit 2; }
done
# One checkov process per file too, so that a file checkov cannot parse is named: in a folder
# scan it is only counted. The folder scan is what is timed.
"$CKV" -d terraform "${CKV_ARGS[@]}" >"$WORK/ckv-tree.json" || true
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$WORK/ckv-tree.json" ||
    { echo "vs-checkov.sh: checkov printed no JSON for the folder" >&2; exit 2; }
mkdir -p "$WORK/ckv"
for f in "${TF[@]}"; do
    "$CKV" -f "$f" "${CKV_ARGS[@]}" >"$WORK/ckv/$(basename "$f").json" 2>"$WORK/ckv/$(basename "$f").err" || true
done

# ---------------------------------------------------------------- (b) timings
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing (load average $LOAD_BEFORE)"
HF=(hyperfine -N -i --style basic)
share() { echo $(( ($1 + ROUNDS - 1) / ROUNDS )); }
ONE=terraform/$SINGLE_TF
for r in $(seq 1 "$ROUNDS"); do
    log "round $r of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    "${HF[@]}" --warmup 3 --runs "$(share "$RUNS_SINGLE_CFL")" --export-json "$WORK/hf-one-cfl-$r.json" "$LINT check --format json $ONE" >&2
    "${HF[@]}" --warmup 1 --runs "$(share "$RUNS_SINGLE_CKV")" --export-json "$WORK/hf-one-ckv-$r.json" "$CKV -f $ONE ${CKV_ARGS[*]}" >&2
    "${HF[@]}" --warmup 2 --runs "$(share "$RUNS_TREE_CFL")" --export-json "$WORK/hf-tree-cfl-$r.json" "$LINT check --format json terraform" >&2
    "${HF[@]}" --warmup 2 --runs "$(share "$RUNS_TREE_CFL")" --export-json "$WORK/hf-tree-cfl-1core-$r.json" "taskset -c 0 $LINT check --format json terraform" >&2
    "${HF[@]}" --runs "$(share "$RUNS_TREE_CKV")" --export-json "$WORK/hf-tree-ckv-$r.json" "$CKV -d terraform ${CKV_ARGS[*]}" >&2
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$ROOT"

# ---------------------------------------------------------------- report
export ROUNDS WORK CORPUS LOAD_BEFORE LOAD_AFTER SINGLE_TF TREE_BYTES
export NFILES=${#TF[@]}
export CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) × $(nproc)"
export CFL_VERSION="$("$LINT" --version | awk '{print $2}')"
export CKV_VERSION="$("$CKV" --version)"
if [ -n "${LINT_REV:-}" ]; then export GIT_REV=$LINT_REV
elif [ -n "${LINT_BIN:-}" ]; then export GIT_REV="given as LINT_BIN=$LINT_BIN"
else export GIT_REV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"
fi
export HF_VERSION="$(hyperfine --version)"
export PYV="$("$VENV/bin/python" -c 'import platform; print(platform.python_version())')"
python3 bench/vs_checkov_report.py | tee bench/vs-checkov.md
echo >&2
echo "saved bench/vs-checkov.md" >&2
