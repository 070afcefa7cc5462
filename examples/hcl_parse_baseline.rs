//! Benchmark baseline for Terraform: the cost of just reading the files and running the HCL parser.
//!
//! Walks the given files and directories for `*.tf`, reads each file and runs hcl-edit's
//! `parse_body` over it (the syntax tree that `cloudfront_lint::hcl::parse` starts from), and
//! nothing more: the raw parser alone, the floor that `cloudfront-lint check` over a tree of
//! Terraform files is compared against in `bench/hcl.sh`.
//!
//! ```text
//! cargo run --release --example hcl_parse_baseline -- [--threads N] PATH...
//! ```
//!
//! Single-threaded by default; `--threads N` parses with N scoped threads pulling files from a
//! shared index. Prints the number of files, bytes and top-level structures (arguments and
//! blocks), and how many failed to parse.

#[path = "common/baseline.rs"]
mod common;

/// The top-level structures of one file, or `None` when it is not UTF-8 or not HCL.
fn parse(bytes: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(bytes).ok()?;
    let body = hcl_edit::parser::parse_body(text).ok()?;
    let structures = body.len() as u64;
    std::hint::black_box(body);
    Some(structures)
}

pub fn main() -> std::process::ExitCode {
    common::Baseline {
        name: "hcl_parse_baseline",
        extensions: &["tf"],
        parses_with: "runs hcl-edit's parse_body over it",
        unit: "top-level structures",
        parse,
    }
    .main()
}
