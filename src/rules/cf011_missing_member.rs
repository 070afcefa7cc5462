//! CF011 missing-member. Documentation: rules/CF011-missing-member.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct MissingMember;

pub static META: RuleMeta = RuleMeta {
    code: "CF011",
    name: "missing-member",
    severity: Severity::Error,
    summary: "A required member is missing (the AWS CLI rejects the config before sending)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF011-missing-member.md"),
    controls: &[],
    default_on: true,
};

impl Rule for MissingMember {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
