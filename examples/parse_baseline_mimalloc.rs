//! The parse baseline with the allocator cloudfront-lint itself uses (mimalloc), so that the
//! linter can also be compared like for like: same allocator, only the parsing.
//!
//! ```text
//! cargo run --release --example parse_baseline_mimalloc -- [--threads N] PATH...
//! ```

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "parse_baseline.rs"]
mod baseline;

fn main() -> std::process::ExitCode {
    baseline::main()
}
