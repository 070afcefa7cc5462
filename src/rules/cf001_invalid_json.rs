//! CF001 invalid-json. Documentation: rules/CF001-invalid-json.md
//!
//! Reported by the pipeline (`lint` in lib.rs), which knows where the parser stopped.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct InvalidJson;

pub static META: RuleMeta = RuleMeta {
    code: "CF001",
    name: "invalid-json",
    severity: Severity::Error,
    summary: "The file is not valid JSON (or not UTF-8), so neither the AWS CLI nor CloudFront can read it",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF001-invalid-json.md"),
    controls: &[],
    default_on: true,
};

impl Rule for InvalidJson {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
