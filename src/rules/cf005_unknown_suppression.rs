//! CF005 unknown-suppression. Documentation: rules/CF005-unknown-suppression.md
//!
//! Reported by the pipeline (`lint` in lib.rs), which reads a resource's suppressions.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct UnknownSuppression;

pub static META: RuleMeta = RuleMeta {
    code: "CF005",
    name: "unknown-suppression",
    severity: Severity::Warning,
    summary: "A suppression (a `cloudfront-lint:ignore` comment or a Metadata ignore entry) that names no rule, so it suppresses nothing",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF005-unknown-suppression.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnknownSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
