//! CF014 out-of-range. Documentation: rules/CF014-out-of-range.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct OutOfRange;

pub static META: RuleMeta = RuleMeta {
    code: "CF014",
    name: "out-of-range",
    severity: Severity::Error,
    summary: "A number, length or list size outside what CloudFront accepts",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF014-out-of-range.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OutOfRange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
