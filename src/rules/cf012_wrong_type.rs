//! CF012 wrong-type. Documentation: rules/CF012-wrong-type.md
//!
//! Reported by src/schema.rs, from the JSON Schema's errors, in one validation pass for all schema rules.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct WrongType;

pub static META: RuleMeta = RuleMeta {
    code: "CF012",
    name: "wrong-type",
    severity: Severity::Error,
    summary: "A value of the wrong JSON type, such as a string where the API takes an integer",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF012-wrong-type.md"),
    controls: &[],
    default_on: true,
};

impl Rule for WrongType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
