//! Regenerate `schemas/cloudformation-distribution-config.schema.json` from the committed inputs:
//!
//!     cargo run --example gen-cfn-schema
//!
//! Inputs: `schemas/cloudformation/aws-cloudfront-distribution.json` (the
//! AWS::CloudFront::Distribution resource schema as cfn-lint ships it, trimmed to what
//! DistributionConfig reaches) and `schemas/distribution-config.schema.json` (the CloudFront API's
//! schema, for the enums and limits the resource schema lacks; regenerate it first with
//! `cargo run --example gen-schema` when its inputs change).
//! The patterns the linter checks by hand are written as `format`s (`src/schema/formats.rs`).
//! `tests/schema_generated.rs` fails when the committed schema differs from this output.

#[path = "../schemas/cloudformation/generate.rs"]
mod generate_cfn;

use std::path::Path;

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let resource = read_json(&root.join("schemas/cloudformation/aws-cloudfront-distribution.json"));
    let mut api = read_json(&root.join("schemas/distribution-config.schema.json"));
    cloudfront_lint::schema::formats::restore_patterns(&mut api);
    let mut generated = generate_cfn::generate_with_report(&resource, &api);
    cloudfront_lint::schema::formats::name_patterns(&mut generated.schema);
    let out = root.join("schemas/cloudformation-distribution-config.schema.json");
    let text = generate_cfn::render(&generated.schema);
    std::fs::write(&out, &text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let defs = generated.schema["$defs"].as_object().map_or(0, |d| d.len());
    eprintln!(
        "wrote {} ({} bytes, {} $defs)",
        out.display(),
        text.len(),
        defs
    );
    eprintln!(
        "members with no CloudFront API counterpart (nothing borrowed): {}",
        generated.without_api_counterpart.join(", ")
    );
}
