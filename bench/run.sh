#!/usr/bin/env bash
# Reproducible benchmark for cloudfront-lint. See bench/README.md.
#
#   bash bench/run.sh                 # build, generate data (once), measure, print the table
#   bash bench/run.sh --baseline-only # only the serde_json baseline (no linter binary needed)
#   bash bench/run.sh --no-build      # use the binaries already built
#
# Environment overrides: LINT_BIN, BASELINE_BIN (binaries to measure), BENCH_TREE_RUNS (default 10),
# BENCH_PAIRS (alternating baseline/lint pairs on the tree, default 10),
# BENCH_SINGLE_RUNS (default 100), BENCH_SINGLE_ROUNDS (alternating rounds on the single file,
# default 500), BENCH_STRICT=1 (exit 1 when a target is missed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BASELINE_ONLY=0
BUILD=1
for arg in "$@"; do
    case "$arg" in
        --baseline-only) BASELINE_ONLY=1 ;;
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
LINT=${LINT_BIN:-$TARGET_DIR/release/cloudfront-lint}
BASE=${BASELINE_BIN:-$TARGET_DIR/release/examples/parse_baseline}
DATA=$ROOT/target/bench-data
TREE=$DATA/tree
SINGLE=$DATA/single.json
TREE_RUNS=${BENCH_TREE_RUNS:-10}
SINGLE_RUNS=${BENCH_SINGLE_RUNS:-100}
SEED=cloudfront-lint-bench-1
COUNT=2000

log() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
apt_install() { # apt_install PACKAGE
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y -q "$1" >/dev/null 2>&1 ||
        { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "$1" >/dev/null; }
}
if ! command -v hyperfine >/dev/null; then log "installing hyperfine"; apt_install hyperfine; fi
if [ ! -x /usr/bin/time ]; then log "installing time"; apt_install time; fi
command -v python3 >/dev/null || { echo "run.sh: python3 is required" >&2; exit 2; }

# ---------------------------------------------------------------- build
if [ "$BUILD" -eq 1 ]; then
    log "building (release)"
    if [ "$BASELINE_ONLY" -eq 1 ]; then
        cargo build --release --example parse_baseline
    else
        cargo build --release --bin cloudfront-lint --example parse_baseline --example parse_baseline_mimalloc
    fi
fi
[ -x "$BASE" ] || { echo "run.sh: baseline binary not found: $BASE" >&2; exit 2; }
if [ "$BASELINE_ONLY" -eq 0 ] && [ ! -x "$LINT" ]; then
    echo "run.sh: linter binary not found: $LINT (use --baseline-only to measure the baseline alone)" >&2
    exit 2
fi

# ---------------------------------------------------------------- data
# Regenerated only when missing or when the generator (or its settings) changed.
mkdir -p "$DATA"
STAMP="seed=$SEED count=$COUNT gen=$(sha256sum bench/gen_configs.py | cut -c1-16)"
if [ ! -d "$TREE" ] || [ "$(cat "$DATA/tree.stamp" 2>/dev/null)" != "$STAMP" ]; then
    log "generating $COUNT configs into $TREE"
    rm -rf "$TREE" "$TREE.tmp"
    python3 bench/gen_configs.py --out "$TREE.tmp" --count "$COUNT" --seed "$SEED" \
        --manifest "$DATA/mistakes.tsv"
    mv "$TREE.tmp" "$TREE"
    echo "$STAMP" >"$DATA/tree.stamp"
fi
if [ ! -f "$SINGLE" ] || [ "$(cat "$DATA/single.stamp" 2>/dev/null)" != "$STAMP" ]; then
    python3 bench/gen_configs.py --single "$SINGLE" --seed "$SEED"
    echo "$STAMP" >"$DATA/single.stamp"
fi
TREE_FILES=$(find "$TREE" -name '*.json' | wc -l)
TREE_BYTES=$(find "$TREE" -name '*.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
LARGEST=$(find "$TREE" -name '*.json' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
LARGEST_BYTES=$(stat -c %s "$LARGEST")
SINGLE_BYTES=$(stat -c %s "$SINGLE")

# Paths relative to the repo root keep the commands in the table short.
rel() { realpath --relative-to="$ROOT" "$1"; }
R_TREE=$(rel "$TREE"); R_SINGLE=$(rel "$SINGLE"); R_LARGEST=$(rel "$LARGEST")
# The binaries are timed as installed copies, not as the files the linker wrote: the kernel maps
# a freshly linked file's pages one small page at a time and a copied one in larger pieces, and
# for a run of a few milliseconds that is most of the difference (the same build: 1.82x as
# linked, 1.56x as a copy; bench/README.md). `cargo install` and pip copy the binary into place.
mkdir -p "$DATA/bin"
installed() { # installed PATH: a fresh copy under $DATA/bin
    local copy="$DATA/bin/$(basename "$1")"
    rm -f "$copy" && cp "$1" "$copy" && echo "$copy"
}
LINT=$([ "$BASELINE_ONLY" -eq 1 ] && echo "$LINT" || installed "$LINT")
BASE=$(installed "$BASE")
R_LINT=$(rel "$LINT"); R_BASE=$(rel "$BASE")
# The same baseline with the allocator the linter uses (mimalloc), for a like-for-like ratio.
BASE_MI=$TARGET_DIR/release/examples/parse_baseline_mimalloc
R_BASE_MI=""
[ -x "$BASE_MI" ] && BASE_MI=$(installed "$BASE_MI") && R_BASE_MI=$(rel "$BASE_MI")

# ---------------------------------------------------------------- sanity run
# Exit 1 (findings) is expected; exit 2 means the tool failed, which would make the timings meaningless.
if [ "$BASELINE_ONLY" -eq 0 ]; then
    log "sanity run: $R_LINT check --format json $R_TREE"
    set +e
    "$LINT" check --format json "$R_TREE" >"$DATA/tree-output.json" 2>"$DATA/tree-stderr.txt"
    rc=$?
    set -e
    echo "exit code $rc" >&2
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "run.sh: cloudfront-lint failed on the tree (exit $rc); stderr:" >&2
        tail -20 "$DATA/tree-stderr.txt" >&2
        exit 2
    fi
    echo "$rc" >"$DATA/tree-exit-code"
fi

# ---------------------------------------------------------------- timings
# Warm page cache: the generated files were just written or read, and warmup runs read them again.
HF=(hyperfine -N -i --style basic)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN {exit !(l > 0.5)}'; then
    echo "run.sh: warning: load average is $LOAD_BEFORE; other work on this machine will skew the timings" >&2
fi
log "tree: $TREE_FILES files, $TREE_BYTES bytes"
tree_cmds=()
if [ "$BASELINE_ONLY" -eq 0 ]; then
    tree_cmds+=(-n "lint --format json (tree)" "$R_LINT check --format json $R_TREE")
fi
tree_cmds+=(-n "baseline 1 thread (tree)" "$R_BASE $R_TREE"
            -n "baseline 2 threads (tree)" "$R_BASE --threads 2 $R_TREE")
if [ -n "$R_BASE_MI" ]; then
    tree_cmds+=(-n "baseline mimalloc 1 thread (tree)" "$R_BASE_MI $R_TREE"
                -n "baseline mimalloc 2 threads (tree)" "$R_BASE_MI --threads 2 $R_TREE")
fi
"${HF[@]}" --warmup 2 --runs "$TREE_RUNS" --export-json "$DATA/hf-tree.json" "${tree_cmds[@]}"

# hyperfine times all runs of one command, then all of the next: on a machine whose speed drifts
# over seconds (a shared VM), that compares different machines. Pairs alternate the two commands,
# so each pair sees the same drift; the target is judged on the median of the pairs' ratios.
PAIRS=${BENCH_PAIRS:-10}
: >"$DATA/pairs.tsv"
if [ "$BASELINE_ONLY" -eq 0 ]; then
    log "tree: $PAIRS alternating pairs, baseline then lint"
    now() { date +%s%N; }
    for _ in $(seq "$PAIRS"); do
        t0=$(now); $R_BASE "$R_TREE" >/dev/null 2>&1 || true; t1=$(now)
        $R_LINT check --format json "$R_TREE" >/dev/null 2>&1 || true; t2=$(now)
        printf '%s\t%s\n' $(( (t1 - t0) / 1000 )) $(( (t2 - t1) / 1000 )) >>"$DATA/pairs.tsv"
    done
fi

log "single file: $SINGLE_BYTES bytes; largest tree file: $LARGEST_BYTES bytes"
single_cmds=()
if [ "$BASELINE_ONLY" -eq 0 ]; then
    single_cmds+=(-n "lint text (single)" "$R_LINT check $R_SINGLE"
                  -n "lint --format json (single)" "$R_LINT check --format json $R_SINGLE")
fi
single_cmds+=(-n "baseline (single)" "$R_BASE $R_SINGLE")
if [ "$BASELINE_ONLY" -eq 0 ]; then
    single_cmds+=(-n "lint --format json (largest)" "$R_LINT check --format json $R_LARGEST")
fi
single_cmds+=(-n "baseline (largest)" "$R_BASE $R_LARGEST")
"${HF[@]}" --warmup 5 --runs "$SINGLE_RUNS" --export-json "$DATA/hf-single.json" "${single_cmds[@]}"

# A run of a few milliseconds is judged on alternating single runs (bench/alternate.py says why).
: >"$DATA/single-rounds.tsv"
if [ "$BASELINE_ONLY" -eq 0 ]; then
    ROUNDS=${BENCH_SINGLE_ROUNDS:-500}
    log "single file: $ROUNDS alternating rounds of baseline, lint text and lint --format json"
    python3 bench/alternate.py "$ROUNDS" "$DATA/single-rounds.tsv" \
        "baseline=$R_BASE $R_SINGLE" \
        "lint text (single)=$R_LINT check $R_SINGLE" \
        "lint --format json (single)=$R_LINT check --format json $R_SINGLE"
fi

# ---------------------------------------------------------------- peak memory
# One run each under GNU time; "Maximum resident set size" is in KiB.
log "peak memory (/usr/bin/time -v)"
: >"$DATA/rss.tsv"
rss() { # rss NAME CMD...
    local name=$1; shift
    /usr/bin/time -v -o "$DATA/time.txt" "$@" >/dev/null 2>&1 || true
    local kb
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.txt")
    printf '%s\t%s\n' "$name" "$kb" >>"$DATA/rss.tsv"
}
if [ "$BASELINE_ONLY" -eq 0 ]; then
    rss "lint --format json (tree)" "$LINT" check --format json "$R_TREE"
    rss "lint text (single)" "$LINT" check "$R_SINGLE"
    rss "lint --format json (single)" "$LINT" check --format json "$R_SINGLE"
    rss "lint --format json (largest)" "$LINT" check --format json "$R_LARGEST"
fi
rss "baseline 1 thread (tree)" "$BASE" "$R_TREE"
rss "baseline 2 threads (tree)" "$BASE" --threads 2 "$R_TREE"
rss "baseline (single)" "$BASE" "$R_SINGLE"
rss "baseline (largest)" "$BASE" "$R_LARGEST"

# ---------------------------------------------------------------- report
log "report"
export DATA TREE_FILES TREE_BYTES LARGEST_BYTES SINGLE_BYTES R_LARGEST BASELINE_ONLY LOAD_BEFORE
export HF_VERSION="$(hyperfine --version)" RUSTC_VERSION="$(rustc --version 2>/dev/null || echo unknown)"
export CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) x $(nproc)"
export GIT_REV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo '+dirty')"
python3 - <<'PY' | tee "$DATA/report.md"
import json, os

data = os.environ["DATA"]
rss = {}
for line in open(f"{data}/rss.tsv"):
    name, kb = line.rstrip("\n").split("\t")
    rss[name] = int(kb) if kb.strip().isdigit() else None

results = {}
for group in ("tree", "single"):
    for r in json.load(open(f"{data}/hf-{group}.json"))["results"]:
        results[r["command"]] = r

def fmt_time(mean, sd):
    if mean >= 1:
        return f"{mean:.3f} s ± {sd:.3f}"
    return f"{mean * 1e3:.2f} ms ± {sd * 1e3:.2f}"

def fmt_rss(kb):
    return "n/a" if kb is None else f"{kb / 1024:.1f} MiB"

# Each row is compared with the single-threaded baseline over the same input.
ref_of = {"tree": "baseline 1 thread (tree)", "single": "baseline (single)", "largest": "baseline (largest)"}
def ref(name):
    return ref_of[name[name.rindex("(") + 1:-1]]

mb = int(os.environ["TREE_BYTES"]) / 1e6
print()
print(f"Tree: {os.environ['TREE_FILES']} files, {mb:.1f} MB. Single: {os.environ['SINGLE_BYTES']} bytes. "
      f"Largest tree file: {int(os.environ['LARGEST_BYTES']) / 1e3:.1f} KB ({os.environ['R_LARGEST']}).")
print(f"{os.environ['CPU']}; {os.environ['RUSTC_VERSION']}; {os.environ['HF_VERSION']}; commit {os.environ['GIT_REV']}; warm page cache; "
      f"load average before timing {os.environ['LOAD_BEFORE']}.")
print()
print("| case | mean ± σ | ratio vs 1-thread baseline | peak RSS |")
print("|---|---|---|---|")
for name, r in results.items():
    base = results.get(ref(name))
    ratio = f"{r['mean'] / base['mean']:.2f}×" if base else "n/a"
    print(f"| {name} | {fmt_time(r['mean'], r['stddev'] or 0.0)} | {ratio} | {fmt_rss(rss.get(name))} |")

print()
strict_fail = False
if os.environ["BASELINE_ONLY"] == "0":
    lint, base = results["lint --format json (tree)"], results["baseline 1 thread (tree)"]
    ratio = lint["mean"] / base["mean"]
    pairs = [tuple(int(x) for x in l.split()) for l in open(f"{data}/pairs.tsv") if l.strip()]
    if pairs:
        import statistics
        paired = statistics.median(l / b for b, l in pairs)
        ok = paired <= 1.2
        print(f"- Target, tree: lint ≤ 1.2× the 1-thread parse baseline, median of {len(pairs)} alternating pairs: "
              f"{paired:.2f}× → {'met' if ok else 'MISSED'} (pairs from {min(l / b for b, l in pairs):.2f}× to "
              f"{max(l / b for b, l in pairs):.2f}×; hyperfine's blocks above: {ratio:.2f}×, "
              f"{mb / lint['mean']:.0f} MB/s vs {mb / base['mean']:.0f} MB/s)")
    else:
        ok = ratio <= 1.2
        print(f"- Target, tree: lint ≤ 1.2× the 1-thread parse baseline: {ratio:.2f}× → {'met' if ok else 'MISSED'} "
              f"({mb / lint['mean']:.0f} MB/s vs {mb / base['mean']:.0f} MB/s)")
    strict_fail |= not ok
    mi = results.get("baseline mimalloc 1 thread (tree)")
    if mi:
        print(f"- Like for like, against the parse baseline with the linter's allocator (mimalloc): "
              f"{lint['mean'] / mi['mean']:.2f}× ({mb / mi['mean']:.0f} MB/s)")
    for name in ("lint text (single)", "lint --format json (single)"):
        ms = results[name]["mean"] * 1e3
        ok = ms <= 3
        strict_fail |= not ok
        print(f"- Target, single 10 KB file end to end under 3 ms: {name} {ms:.2f} ms → {'met' if ok else 'MISSED'}")
    rows = [l.rstrip("\n").split("\t") for l in open(f"{data}/single-rounds.tsv") if l.strip()]
    if len(rows) > 1:
        import statistics
        header, rounds = rows[0], [[int(x) for x in r] for r in rows[1:]]
        for i, name in enumerate(header[1:], start=1):
            ratio = statistics.median(r[i] / r[0] for r in rounds)
            ms = statistics.median(r[i] for r in rounds) / 1e3
            base_ms = statistics.median(r[0] for r in rounds) / 1e3
            ok = ratio <= 1.5
            strict_fail |= not ok
            print(f"- Target, single file ≤ 1.5× the parse baseline, median of {len(rounds)} alternating rounds: "
                  f"{name} {ratio:.2f}× ({ms:.2f} ms against {base_ms:.2f} ms) → {'met' if ok else 'MISSED'}")
    try:
        out = json.load(open(f"{data}/tree-output.json"))
        s = out.get("summary", {})
        flagged = {f["file"] for f in out.get("findings", []) if f.get("severity") == "error"}
        mistakes = [l.split("\t")[0] for l in open(f"{data}/mistakes.tsv")] if os.path.exists(f"{data}/mistakes.tsv") else []
        caught = sum(any(p.endswith(m) for p in flagged) for m in mistakes)
        code = open(f"{data}/tree-exit-code").read().strip()
        print(f"- Linter output on the tree (exit {code}): {len(out.get('findings', []))} findings "
              f"(summary: {json.dumps(s)}); files with an error: {len(flagged)}; "
              f"deliberate mistakes caught: {caught}/{len(mistakes)}")
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"- Linter output on the tree could not be read as the JSON contract: {e}")
open(f"{data}/strict-fail", "w").write("1" if strict_fail else "0")
PY

echo >&2
echo "hyperfine JSON: $DATA/hf-tree.json, $DATA/hf-single.json; table: $DATA/report.md" >&2
if [ "${BENCH_STRICT:-0}" = "1" ] && [ "$(cat "$DATA/strict-fail")" = "1" ]; then
    exit 1
fi
