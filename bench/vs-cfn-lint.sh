#!/usr/bin/env bash
# cloudfront-lint against cfn-lint on the same CloudFormation templates. See bench/README.md.
#
#   bash bench/vs-cfn-lint.sh              # install cfn-lint in a temporary virtualenv, build, compare
#   bash bench/vs-cfn-lint.sh --no-build   # use target/release/cloudfront-lint as it is
#
# What it compares: (a) which mistakes each tool reports, on every fixture turned into a template
# (bench/fixture_to_cfn.py) and on the two template corpora ../shared/corpus/cfn (JSON) and
# ../shared/corpus/cfn-yaml (YAML + 2 JSON); (b) whole-process time on one template (YAML and
# JSON) and on both corpora at once. Prints a Markdown report and saves it as bench/vs-cfn-lint.md.
#
# Environment: CFN_LINT_VERSION (default 1.58.0; "latest" for the newest), CFN_LINT_VENV (an
# existing virtualenv with cfn-lint, to skip the install), LINT_BIN (and LINT_REV, what to call
# it in the report), CORPUS (default ../shared/corpus), SINGLE_YAML / SINGLE_JSON (paths under
# CORPUS), FIXTURES (default fixtures/; give the fixtures of the commit LINT_BIN was built from),
# RUNS_SINGLE_CFL (30), RUNS_SINGLE_CFN (10), RUNS_TREE_CFL (20), RUNS_TREE_CFN (3): runs of each
# case, split over ROUNDS (3) rounds; KEEP_WORK=1 (keep the temp dir).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "vs-cfn-lint.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

CFN_LINT_VERSION=${CFN_LINT_VERSION:-1.58.0}
CORPUS=$(cd "${CORPUS:-$ROOT/../shared/corpus}" && pwd)
SINGLE_YAML=${SINGLE_YAML:-cfn-yaml/secure-static-site-cloudfront-site.yaml}
SINGLE_JSON=${SINGLE_JSON:-cfn/distribution-extensive.template.json}
RUNS_SINGLE_CFL=${RUNS_SINGLE_CFL:-30}
RUNS_SINGLE_CFN=${RUNS_SINGLE_CFN:-10}
RUNS_TREE_CFL=${RUNS_TREE_CFL:-20}
RUNS_TREE_CFN=${RUNS_TREE_CFN:-3}
ROUNDS=${ROUNDS:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
FIXTURES=$(cd "${FIXTURES:-$ROOT/fixtures}" && pwd)

log() { printf '\n== %s\n' "$*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vs-cfn-lint.XXXXXX")
if [ "${KEEP_WORK:-0}" = "1" ]; then
    echo "vs-cfn-lint.sh: keeping $WORK" >&2
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
command -v python3 >/dev/null || { echo "vs-cfn-lint.sh: python3 is required" >&2; exit 2; }
if ! command -v hyperfine >/dev/null; then log "installing hyperfine"; apt_install hyperfine; fi

if [ -n "${CFN_LINT_VENV:-}" ]; then
    VENV=$CFN_LINT_VENV
else
    VENV=$WORK/venv
    log "installing cfn-lint ${CFN_LINT_VERSION} into a temporary virtualenv"
    python3 -m venv "$VENV"
    spec=cfn-lint
    [ "$CFN_LINT_VERSION" = latest ] || spec="cfn-lint==$CFN_LINT_VERSION"
    "$VENV/bin/pip" install -q "$spec" >&2
fi
CFN=$VENV/bin/cfn-lint
"$CFN" --version >/dev/null

# ---------------------------------------------------------------- build
if [ "$BUILD" -eq 1 ]; then
    log "building cloudfront-lint (release)"
    cargo build --release --bin cloudfront-lint >&2
fi
SRC_BIN=${LINT_BIN:-$TARGET_DIR/release/cloudfront-lint}
[ -x "$SRC_BIN" ] || { echo "vs-cfn-lint.sh: linter binary not found: $SRC_BIN" >&2; exit 2; }
# A copy, so that a build running meanwhile does not swap the binary under the timings.
LINT=$WORK/cloudfront-lint
cp "$SRC_BIN" "$LINT"

# ---------------------------------------------------------------- (a) fixtures
log "converting fixtures/ to CloudFormation templates"
python3 bench/fixture_to_cfn.py "$FIXTURES" "$WORK/fixtures" >"$WORK/fixtures.log"
mapfile -t FX < <(awk '$1 == "converted" || $1 == "template" {print $2}' "$WORK/fixtures.log")
echo "${#FX[@]} templates" >&2

run_cfl() { # run_cfl OUT FILES... (in the current directory)
    local out=$1; shift
    local rc=0
    "$LINT" check --format json --fail-on never "$@" >"$out" || rc=$?
    [ "$rc" -eq 0 ] || { echo "vs-cfn-lint.sh: cloudfront-lint exited $rc" >&2; exit 2; }
}
run_cfn() { # run_cfn OUT FILES...; cfn-lint's exit code is a bit mask of the levels found
    local out=$1; shift
    "$CFN" --format json -- "$@" >"$out" || true
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$out" ||
        { echo "vs-cfn-lint.sh: cfn-lint printed no JSON" >&2; exit 2; }
}
log "linting the fixture templates with both tools"
(cd "$WORK/fixtures" && run_cfl "$WORK/fx-cfl.json" "${FX[@]}" && run_cfn "$WORK/fx-cfn.json" "${FX[@]}")

# ---------------------------------------------------------------- (a) corpora
cd "$CORPUS"
{ ls cfn/*.json; ls cfn-yaml/* | grep -v -x 'cfn-yaml/README.md'; } >"$WORK/corpus-files.txt"
mapfile -t CF <"$WORK/corpus-files.txt"
TREE_BYTES=$(cat "${CF[@]}" | wc -c)
log "linting the corpora with both tools (${#CF[@]} files, $TREE_BYTES bytes)"
run_cfl "$WORK/corpus-cfl.json" "${CF[@]}"
run_cfn "$WORK/corpus-cfn.json" "${CF[@]}"
# Walking the two folders finds the same files (README.md and SOURCES.md are not templates).
walked=$("$LINT" check --format json --fail-on never cfn cfn-yaml | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["files"])')
[ "$walked" -eq "${#CF[@]}" ] || echo "vs-cfn-lint.sh: warning: check cfn cfn-yaml linted $walked files, not ${#CF[@]}" >&2

# ---------------------------------------------------------------- (b) timings
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing (load average $LOAD_BEFORE)"
# In ROUNDS rounds, each with a share of every case's runs, so that a change in the machine's
# load meanwhile falls on every case alike; the report takes the best and the mean of all runs.
HF=(hyperfine -N -i --style basic)
share() { echo $(( ($1 + ROUNDS - 1) / ROUNDS )); }
for r in $(seq 1 "$ROUNDS"); do
    log "round $r of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    "${HF[@]}" --warmup 3 --runs "$(share "$RUNS_SINGLE_CFL")" --export-json "$WORK/hf-yaml-cfl-$r.json" "$LINT check --format json $SINGLE_YAML" >&2
    "${HF[@]}" --warmup 1 --runs "$(share "$RUNS_SINGLE_CFN")" --export-json "$WORK/hf-yaml-cfn-$r.json" "$CFN --format json -- $SINGLE_YAML" >&2
    "${HF[@]}" --warmup 3 --runs "$(share "$RUNS_SINGLE_CFL")" --export-json "$WORK/hf-json-cfl-$r.json" "$LINT check --format json $SINGLE_JSON" >&2
    "${HF[@]}" --warmup 1 --runs "$(share "$RUNS_SINGLE_CFN")" --export-json "$WORK/hf-json-cfn-$r.json" "$CFN --format json -- $SINGLE_JSON" >&2
    "${HF[@]}" --warmup 2 --runs "$(share "$RUNS_TREE_CFL")" --export-json "$WORK/hf-tree-cfl-$r.json" "$LINT check --format json cfn cfn-yaml" >&2
    "${HF[@]}" --warmup 2 --runs "$(share "$RUNS_TREE_CFL")" --export-json "$WORK/hf-tree-cfl-1core-$r.json" "taskset -c 0 $LINT check --format json cfn cfn-yaml" >&2
    "${HF[@]}" --runs "$(share "$RUNS_TREE_CFN")" --export-json "$WORK/hf-tree-cfn-$r.json" "$CFN --format json -- ${CF[*]}" >&2
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$ROOT"

# ---------------------------------------------------------------- report
export ROUNDS FIXTURES WORK CORPUS LOAD_BEFORE LOAD_AFTER SINGLE_YAML SINGLE_JSON TREE_BYTES
export NFILES=${#CF[@]}
export CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) × $(nproc)"
export MEM="$(free -g | awk '/^Mem:/ {print $2}') GiB"
export CFL_VERSION="$("$LINT" --version | awk '{print $2}')"
export CFN_VERSION="$("$CFN" --version)"
if [ -n "${LINT_REV:-}" ]; then export GIT_REV=$LINT_REV
elif [ -n "${LINT_BIN:-}" ]; then export GIT_REV="given as LINT_BIN=$LINT_BIN"
else export GIT_REV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"
fi
export HF_VERSION="$(hyperfine --version)"
export PYV="$("$VENV/bin/python" -c 'import platform; print(platform.python_version())')"
python3 - <<'PY'
import json, os, datetime
e = os.environ
size = lambda p: os.path.getsize(os.path.join(e["CORPUS"], p)) / 1e3
meta = {
    "date": datetime.date.today().isoformat(),
    "cpu": e["CPU"], "mem": e["MEM"],
    "load_before": e["LOAD_BEFORE"], "load_after": e["LOAD_AFTER"],
    "cfl_version": e["CFL_VERSION"], "cfn_version": e["CFN_VERSION"], "git_rev": e["GIT_REV"],
    "hyperfine": e["HF_VERSION"], "python": e["PYV"], "rounds": e["ROUNDS"],
    "fixtures": os.path.relpath(e["FIXTURES"]) if os.path.abspath(e["FIXTURES"]).startswith(os.getcwd() + os.sep) else e["FIXTURES"],
    "speed_rows": [
        [f"one YAML template (`{e['SINGLE_YAML']}`, {size(e['SINGLE_YAML']):.1f} KB)", "hf-yaml-cfl", "hf-yaml-cfn"],
        [f"one JSON template (`{e['SINGLE_JSON']}`, {size(e['SINGLE_JSON']):.1f} KB)", "hf-json-cfl", "hf-json-cfn"],
        [f"both corpora, {e['NFILES']} templates, {int(e['TREE_BYTES']) / 1e6:.2f} MB: `check cfn cfn-yaml` vs one cfn-lint process", "hf-tree-cfl", "hf-tree-cfn"],
        ["the same, cloudfront-lint on one core (`taskset -c 0`)", "hf-tree-cfl-1core", "hf-tree-cfn"],
    ],
    "commands": [
        "cd ../shared/corpus",
        f"cloudfront-lint check --format json {e['SINGLE_YAML']}",
        f"cfn-lint --format json -- {e['SINGLE_YAML']}",
        f"cloudfront-lint check --format json {e['SINGLE_JSON']}",
        f"cfn-lint --format json -- {e['SINGLE_JSON']}",
        "cloudfront-lint check --format json cfn cfn-yaml",
        "taskset -c 0 cloudfront-lint check --format json cfn cfn-yaml",
        f"cfn-lint --format json -- cfn/*.json cfn-yaml/*   # the {e['NFILES']} templates, README.md left out",
    ],
}
json.dump(meta, open(os.path.join(e["WORK"], "meta.json"), "w"), indent=1)
PY
"$VENV/bin/python" bench/vs_cfn_lint_report.py | tee bench/vs-cfn-lint.md
echo >&2
echo "saved bench/vs-cfn-lint.md" >&2
