//! What more than one test file needs.

/// Whether `../shared` (the corpus and references beside the project) is there. CI always has it,
/// so there a missing one fails the test; on a plain clone without it, the test says so and passes.
pub fn shared_present() -> bool {
    if std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .is_dir()
    {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "../shared is missing: CI runs with the shared corpus beside the project"
    );
    eprintln!("skipped: ../shared is not beside the project");
    false
}
