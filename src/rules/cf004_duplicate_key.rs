//! CF004 duplicate-key. Documentation: rules/CF004-duplicate-key.md
//!
//! Reported by the pipeline (`lint` in lib.rs) from the span map, over the whole document.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct DuplicateKey;

pub static META: RuleMeta = RuleMeta {
    code: "CF004",
    name: "duplicate-key",
    severity: Severity::Warning,
    summary: "A member written twice in one object: only the last one counts, the others are silently ignored",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF004-duplicate-key.md"),
    controls: &[],
    default_on: true,
};

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
