#!/usr/bin/env bash
# Fuzz the whole lint path: bash fuzz/run.sh [SECONDS] (default 600).
# Seeds come from fixtures/ and ../shared/corpus/real; the working corpus and any crash
# artifacts stay under fuzz/ (git-ignored). A crash found here becomes a fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=fuzz/corpus/lint
mkdir -p "$corpus"
find fixtures ../shared/corpus/real -name '*.json' -size -64k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
# cargo fuzz needs nightly-only flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
RUSTC_BOOTSTRAP=1 cargo fuzz run lint "$corpus" -- -dict=fuzz/dict -max_len=65536 -timeout=10 \
  -max_total_time="$seconds" -print_final_stats=1
