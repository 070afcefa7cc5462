//! The HCL parse baseline with the allocator cloudfront-lint itself uses (mimalloc), so that the
//! linter can also be compared like for like: same allocator, only hcl-edit's `parse_body`.
//!
//! ```text
//! cargo run --release --example hcl_parse_baseline_mimalloc -- [--threads N] PATH...
//! ```

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "hcl_parse_baseline.rs"]
mod baseline;

fn main() -> std::process::ExitCode {
    baseline::main()
}
