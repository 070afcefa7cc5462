//! CF006 unused-suppression. Documentation: rules/CF006-unused-suppression.md
//!
//! Reported by the pipeline (`suppress::apply`), once every other finding is known.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct UnusedSuppression;

pub static META: RuleMeta = RuleMeta {
    code: "CF006",
    name: "unused-suppression",
    severity: Severity::Info,
    summary: "A suppression (a `cloudfront-lint:ignore` comment or a Metadata ignore entry) that suppresses no finding",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF006-unused-suppression.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
