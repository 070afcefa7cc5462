//! CF013 value-not-allowed. Documentation: rules/CF013-value-not-allowed.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct ValueNotAllowed;

pub static META: RuleMeta = RuleMeta {
    code: "CF013",
    name: "value-not-allowed",
    severity: Severity::Error,
    summary: "A value outside the set the API accepts, such as an unknown ViewerProtocolPolicy",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF013-value-not-allowed.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ValueNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
