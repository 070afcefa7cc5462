//! CF010 unknown-member. Documentation: rules/CF010-unknown-member.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct UnknownMember;

pub static META: RuleMeta = RuleMeta {
    code: "CF010",
    name: "unknown-member",
    severity: Severity::Error,
    summary:
        "A member the API does not have (the AWS CLI rejects unknown parameters before sending)",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF010-unknown-member.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnknownMember {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
