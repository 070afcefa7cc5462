#!/usr/bin/env bash
# The language server's speed: change → diagnostics for a ~10 KB and a ~100 KB config, and memory
# after 1,000 edits (examples/lsp_latency.rs). Prints a Markdown table; README.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-data/lsp
mkdir -p "$out"
python3 - "$out" <<'PY'
import importlib.util, json, random, sys
spec = importlib.util.spec_from_file_location("gen", "bench/gen_configs.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)
out = sys.argv[1]
for name, size in [("10k", (2, 6, 0)), ("100k", (36, 52, 3))]:
    rng = random.Random(f"lsp:{name}")
    g = gen.Gen(rng, "shop", "prod", "web")
    cfg = g.config(*size, file_no=0)
    with open(f"{out}/config-{name}.json", "w") as f:
        f.write(gen.dump(cfg, 2))
PY
# PROFILE=debug measures the debug build (quick, slower numbers); the default is the release build.
profile=${PROFILE:-release}
flag=$([ "$profile" = release ] && echo --release || true)
cargo build $flag --quiet --bin cloudfront-lint --example lsp_latency
ls -l "$out"/config-*.json >&2
"target/$profile/examples/lsp_latency" "target/$profile/cloudfront-lint" "$out/config-10k.json" "$out/config-100k.json"
