#!/usr/bin/env bash
# HCL tree benchmark: whole-process time of `cloudfront-lint check` over a tree of Terraform `.tf`
# files against hcl-edit's `parse_body` alone over the same files. See bench/README.md.
#
#   bash bench/hcl.sh              # build, generate the tree in a temp dir, measure, print the table
#   bash bench/hcl.sh --no-build   # use the binaries already built
#
# Target ("done means" of the Terraform work, issue 14): `check` at most 1.5x the parser alone
# (1 thread). Environment: HCL_COUNT (files in the tree, default 200), HCL_RUNS (runs of each case,
# 30), HCL_ROUNDS (hyperfine rounds the runs are split into, 3),
# LINT_BIN (and LINT_REV, what to call it in the report), HCL_BASELINE_BIN, CORPUS (default
# ../shared/corpus), KEEP_TREE=1 (keep the tree and print where), BENCH_STRICT=1 (exit 1 when
# the target is missed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "hcl.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

COUNT=${HCL_COUNT:-200}
RUNS=${HCL_RUNS:-30}
CORPUS=$(cd "${CORPUS:-$ROOT/../shared/corpus}" && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

log() { printf '\n== %s\n' "$*" >&2; }

apt_install() { # apt_install PACKAGE
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y -q "$1" >/dev/null 2>&1 ||
        { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "$1" >/dev/null; }
}
if ! command -v hyperfine >/dev/null; then log "installing hyperfine"; apt_install hyperfine; fi
command -v python3 >/dev/null || { echo "hcl.sh: python3 is required" >&2; exit 2; }

if [ "$BUILD" -eq 1 ]; then
    log "building (release)"
    cargo build --release --bin cloudfront-lint --example hcl_parse_baseline --example hcl_parse_baseline_mimalloc >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hcl-bench.XXXXXX")
if [ "${KEEP_TREE:-0}" = "1" ]; then
    echo "hcl.sh: keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
# Copies, so that a build running meanwhile does not swap a binary under the timings.
cp "${LINT_BIN:-$TARGET_DIR/release/cloudfront-lint}" "$WORK/cloudfront-lint"
cp "${HCL_BASELINE_BIN:-$TARGET_DIR/release/examples/hcl_parse_baseline}" "$WORK/hcl_parse_baseline"
MI_SRC=$TARGET_DIR/release/examples/hcl_parse_baseline_mimalloc
[ -x "$MI_SRC" ] && cp "$MI_SRC" "$WORK/hcl_parse_baseline_mimalloc"
LINT=$WORK/cloudfront-lint
BASE=$WORK/hcl_parse_baseline
BASE_MI=$WORK/hcl_parse_baseline_mimalloc

# ---------------------------------------------------------------- the tree
# Only the corpus files that hcl-edit parses (the baseline says so, one file at a time): a file
# that does not parse costs the parser and the linter next to nothing and would flatter neither.
# File k is the k mod n-th of them, under accounts/<env>/<team>/, with a comment line on top
# naming the copy and, from the second round on, example.com spelled example<round>.com and every
# `aws_cloudfront_distribution "NAME"` label spelled NAME_<round>. Deterministic.
log "choosing the $CORPUS/terraform/*.tf that parse"
: >"$WORK/parsing.txt"
for f in "$CORPUS"/terraform/*.tf; do
    if "$BASE" "$f" | grep -q ' 0 failed to parse'; then basename "$f" >>"$WORK/parsing.txt"; fi
done
echo "$(wc -l <"$WORK/parsing.txt") of $(ls "$CORPUS"/terraform/*.tf | wc -l) parse" >&2
log "generating $COUNT Terraform files from them"
python3 - "$CORPUS/terraform" "$WORK/tree" "$COUNT" "$WORK/parsing.txt" <<'PY'
import os, re, sys
src, dst, count, listing = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
names = sorted(open(listing).read().split())
envs, teams = ("prod", "staging", "dev"), ("web", "api", "media", "docs")
label = re.compile(r'(resource\s+"aws_cloudfront_distribution"\s+")([^"]+)(")')
for k in range(count):
    name = names[k % len(names)]
    rnd = k // len(names)
    text = open(os.path.join(src, name), encoding="utf-8", newline="").read()
    if rnd:
        text = text.replace("example.com", f"example{rnd}.com")
        text = label.sub(lambda m: f"{m.group(1)}{m.group(2)}_{rnd}{m.group(3)}", text)
    text = f"# copy {rnd} of {name}\n" + text
    d = os.path.join(dst, "accounts", envs[k % 3], teams[(k // 3) % 4])
    os.makedirs(d, exist_ok=True)
    stem, ext = os.path.splitext(name)
    with open(os.path.join(d, f"{k:04d}-{stem}{ext}"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
PY
TREE=$WORK/tree
FILES=$(find "$TREE" -type f | wc -l)
BYTES=$(find "$TREE" -type f -exec cat {} + | wc -c)

# ---------------------------------------------------------------- sanity
set +e
"$LINT" check --format json "$TREE" >"$WORK/lint.json"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "hcl.sh: cloudfront-lint exited $rc on the tree" >&2; exit 2; }
"$BASE" "$TREE" >"$WORK/baseline.txt"
cat "$WORK/baseline.txt" >&2

# ---------------------------------------------------------------- timings
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing: $FILES files, $BYTES bytes; load average $LOAD_BEFORE"
cmds=(-n "cloudfront-lint check (both cores)" "$LINT check --format json $TREE"
      -n "cloudfront-lint check, one core (taskset -c 0)" "taskset -c 0 $LINT check --format json $TREE"
      -n "parser alone, 1 thread" "$BASE $TREE"
      -n "parser alone, 2 threads" "$BASE --threads 2 $TREE")
if [ -x "$BASE_MI" ]; then
    cmds+=(-n "parser alone, 1 thread, mimalloc" "$BASE_MI $TREE")
fi
# In ROUNDS rounds of RUNS/ROUNDS runs each, so that a change in the machine's load meanwhile
# falls on every case alike; the report takes the best and the mean over all runs.
ROUNDS=${HCL_ROUNDS:-3}
PER=$(( (RUNS + ROUNDS - 1) / ROUNDS ))
for r in $(seq 1 "$ROUNDS"); do
    hyperfine -N -i --style basic --warmup 2 --runs "$PER" --export-json "$WORK/hf-$r.json" "${cmds[@]}" >&2
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
export WORK FILES BYTES LOAD_BEFORE LOAD_AFTER ROUNDS
export CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) × $(nproc)"
if [ -n "${LINT_REV:-}" ]; then export GIT_REV=$LINT_REV
elif [ -n "${LINT_BIN:-}" ]; then export GIT_REV="given as LINT_BIN=$LINT_BIN"
else export GIT_REV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"
fi
export RUSTC="$(rustc --version 2>/dev/null || echo unknown)"
python3 - <<'PY'
import json, os, datetime
e = os.environ
import glob, statistics
res = {}
for path in sorted(glob.glob(os.path.join(e["WORK"], "hf-*.json"))):
    for r in json.load(open(path))["results"]:
        a = res.setdefault(r["command"], {"times": [], "cpu": []})
        a["times"] += r["times"]
        a["cpu"] += [u + s for u, s in zip(r["user"] if isinstance(r["user"], list) else [r["user"]] * len(r["times"]),
                                            r["system"] if isinstance(r["system"], list) else [r["system"]] * len(r["times"]))]
for a in res.values():
    a["min"], a["mean"] = min(a["times"]), statistics.mean(a["times"])
    a["stddev"] = statistics.stdev(a["times"]) if len(a["times"]) > 1 else 0.0
    a["cpu_mean"] = statistics.mean(a["cpu"])
out = json.load(open(os.path.join(e["WORK"], "lint.json")))
base = res["parser alone, 1 thread"]
mb = int(e["BYTES"]) / 1e6
print(f"\nTerraform tree: {e['FILES']} files, {mb:.2f} MB (copies of the ../shared/corpus/terraform/*.tf that parse). "
      f"{e['CPU']}; {e['RUSTC']}; commit {e['GIT_REV']}; {datetime.date.today().isoformat()}; warm page cache; "
      f"load average {e['LOAD_BEFORE']} before, {e['LOAD_AFTER']} after.\n")
print("| case | best | mean ± σ | CPU (user + sys), mean | × parser alone (1 thread), best | × parser alone, by mean |")
print("| --- | --- | --- | --- | --- | --- |")
for name, r in res.items():
    print(f"| {name} | {r['min'] * 1e3:.1f} ms | {r['mean'] * 1e3:.1f} ms ± {r['stddev'] * 1e3:.1f} | "
          f"{r['cpu_mean'] * 1e3:.1f} ms | {r['min'] / base['min']:.2f}× | {r['mean'] / base['mean']:.2f}× |")
print(f"\n{len(base['times'])} runs of each case, in {os.environ.get('ROUNDS', '?')} rounds.")
lint = res["cloudfront-lint check (both cores)"]
ratio = lint["min"] / base["min"]
ok = ratio <= 1.5
print(f"\n- Target: `check` over the tree at most 1.5× the parser alone: {ratio:.2f}× (best of runs; "
      f"{lint['mean'] / base['mean']:.2f}× by means) → {'met' if ok else 'MISSED'}")
one = res["cloudfront-lint check, one core (taskset -c 0)"]
mi = res.get("parser alone, 1 thread, mimalloc")
like = f"; against the parser with mimalloc {one['min'] / mi['min']:.2f}×" if mi else ""
print(f"- Like for like, one core each: {one['min'] / base['min']:.2f}×{like}")
s = out.get("summary", {})
print(f"- cloudfront-lint on the tree: {json.dumps(s)}")
open(os.path.join(e["WORK"], "strict-fail"), "w").write("0" if ok else "1")
PY
if [ "${BENCH_STRICT:-0}" = "1" ] && [ "$(cat "$WORK/strict-fail")" = "1" ]; then
    exit 1
fi
