//! Regenerate `schemas/distribution-config.schema.json` from the committed generator inputs:
//!
//!     cargo run --example gen-schema
//!
//! Inputs: `schemas/generator/model.json` (trimmed botocore CloudFront model) and
//! `schemas/generator/overlay.json` (hard limits and quotas the model lacks).
//! The patterns the linter checks by hand are written as `format`s (`src/schema/formats.rs`).
//! `tests/schema_generated.rs` fails when the committed schema differs from this output.

#[path = "../schemas/generator/generate.rs"]
mod generate;

use std::path::Path;

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = read_json(&root.join("schemas/generator/model.json"));
    let overlay = read_json(&root.join("schemas/generator/overlay.json"));
    let mut schema = generate::generate(&model, &overlay);
    cloudfront_lint::schema::formats::name_patterns(&mut schema);
    let out = root.join("schemas/distribution-config.schema.json");
    let text = generate::render(&schema);
    std::fs::write(&out, &text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let defs = schema["$defs"].as_object().map_or(0, |d| d.len());
    eprintln!(
        "wrote {} ({} bytes, {} $defs)",
        out.display(),
        text.len(),
        defs
    );
}
