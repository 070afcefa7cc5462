#!/usr/bin/env bash
# Fuzz the whole lint path: bash fuzz/run.sh [SECONDS] [TARGET] [LIBFUZZER FLAGS...]
# (defaults: 600 seconds, target lint).
#   lint       bytes linted as a JSON file (fuzz_targets/lint.rs), dictionary fuzz/dict, seeded from
#              the *.json of fixtures/ and ../shared/corpus/real.
#   lint_yaml  bytes linted as a YAML file (fuzz_targets/lint_yaml.rs), dictionary fuzz/dict_yaml,
#              seeded from the YAML of fixtures/ and the templates of ../shared/corpus/cfn-yaml.
#   lint_hcl   bytes linted as a Terraform file (fuzz_targets/lint_hcl.rs), dictionary fuzz/dict_hcl,
#              seeded from the *.tf of fixtures/ and ../shared/corpus/terraform.
# Each target has its own working corpus, fuzz/corpus/TARGET; it and any crash artifacts
# (fuzz/artifacts/TARGET) stay under fuzz/ (git-ignored). One libFuzzer process; builds use
# CARGO_BUILD_JOBS if set. A crash found here becomes a fixture, or an input in
# fuzz/regressions/; replay one with: RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET FILE
# Flags after TARGET go to libFuzzer, e.g. to keep going past a known crash in one process:
#   bash fuzz/run.sh 1800 lint_yaml -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
target=${2:-lint}
shift $(( $# < 2 ? $# : 2 ))
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case $target in
  lint)
    dict=fuzz/dict
    find fixtures ../shared/corpus/real -name '*.json' -size -64k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
    ;;
  lint_yaml)
    dict=fuzz/dict_yaml
    # The .template files there are YAML too (the JSON ones end in .template.json).
    find fixtures ../shared/corpus/cfn-yaml \( -name '*.yaml' -o -name '*.yml' -o -name '*.template' \) \
      -size -64k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
    ;;
  lint_hcl)
    dict=fuzz/dict_hcl
    find fixtures ../shared/corpus/terraform -name '*.tf' -size -64k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
    ;;
  *)
    echo "unknown target '$target': lint, lint_yaml or lint_hcl" >&2
    exit 2
    ;;
esac
# cargo fuzz needs nightly-only flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" -- -dict="$dict" -max_len=65536 -timeout=10 \
  -max_total_time="$seconds" -print_final_stats=1 "$@"
