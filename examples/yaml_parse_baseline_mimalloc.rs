//! The YAML parse baseline with the allocator cloudfront-lint itself uses (mimalloc), so that the
//! linter can also be compared like for like: same allocator, only the YAML parser's event loop.
//!
//! ```text
//! cargo run --release --example yaml_parse_baseline_mimalloc -- [--threads N] PATH...
//! ```

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "yaml_parse_baseline.rs"]
mod baseline;

fn main() -> std::process::ExitCode {
    baseline::main()
}
