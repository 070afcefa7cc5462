//! Benchmark baseline for YAML: the cost of just reading the files and running the YAML parser.
//!
//! Walks the given files and directories for `*.yaml`, `*.yml` and `*.template`, reads each file
//! and runs saphyr-parser's event loop over it (`Parser::new_from_str(text)`, `next_event()` to
//! the end of the stream), building nothing: the raw parser alone, the floor that
//! `cloudfront-lint check` over a tree of YAML templates is compared against in `bench/yaml.sh`.
//!
//! ```text
//! cargo run --release --example yaml_parse_baseline -- [--threads N] PATH...
//! ```
//!
//! Single-threaded by default; `--threads N` parses with N scoped threads pulling files from a
//! shared index. Prints the number of files, bytes and events, and how many failed to parse.

#[path = "common/baseline.rs"]
mod common;

use saphyr_parser::Parser;

/// The events of one file, or `None` when it is not UTF-8 or not YAML.
fn parse(bytes: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut events = 0;
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        std::hint::black_box(&event.ok()?);
        events += 1;
    }
    Some(events)
}

pub fn main() -> std::process::ExitCode {
    common::Baseline {
        name: "yaml_parse_baseline",
        extensions: &["yaml", "yml", "template"],
        parses_with: "runs saphyr-parser's event loop over it",
        unit: "events",
        parse,
    }
    .main()
}
