//! Links the `cloudfront-lint` binary as a position-dependent executable on Linux.
//!
//! A pre-commit run starts the process for one small file, and a position-independent binary
//! spends a large part of that start in the dynamic loader, applying some 14,000 relocations and
//! copying the pages they touch (bench/README.md, "An instant single file"). Code compiled as
//! position-independent links fine into a position-dependent executable; the linker resolves
//! those relocations once, at build time. Only the binaries: tests and the library are unchanged.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
