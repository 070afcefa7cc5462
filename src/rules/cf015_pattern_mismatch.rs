//! CF015 pattern-mismatch. Documentation: rules/CF015-pattern-mismatch.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct PatternMismatch;

pub static META: RuleMeta = RuleMeta {
    code: "CF015",
    name: "pattern-mismatch",
    severity: Severity::Error,
    summary: "A string not in the form the API requires, such as a malformed function ARN",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF015-pattern-mismatch.md"),
    controls: &[],
    default_on: true,
};

impl Rule for PatternMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
