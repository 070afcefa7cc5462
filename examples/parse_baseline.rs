//! Benchmark baseline: the cost of just reading and parsing the input JSON.
//!
//! Walks the given files and directories for `*.json`, reads each file and runs
//! `serde_json::from_slice::<serde_json::Value>` on it: the floor that `cloudfront-lint check`
//! is compared against in `bench/run.sh`.
//!
//! ```text
//! cargo run --release --example parse_baseline -- [--threads N] PATH...
//! ```
//!
//! Single-threaded by default; `--threads N` parses with N scoped threads pulling files from a
//! shared index. Prints the number of files and bytes parsed and how many failed to parse.

#[path = "common/baseline.rs"]
mod common;

fn parse(bytes: &[u8]) -> Option<u64> {
    let value = serde_json::from_slice::<serde_json::Value>(bytes).ok()?;
    std::hint::black_box(&value);
    Some(0)
}

pub fn main() -> std::process::ExitCode {
    common::Baseline {
        name: "parse_baseline",
        extensions: &["json"],
        parses_with: "parses it with serde_json::from_slice::<serde_json::Value>",
        unit: "",
        parse,
    }
    .main()
}
