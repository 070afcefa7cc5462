//! CF016 over-quota. Documentation: rules/CF016-over-quota.md
//!
//! Reported by `check_quotas` in src/schema.rs, over the typed model.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct OverQuota;

pub static META: RuleMeta = RuleMeta {
    code: "CF016",
    name: "over-quota",
    severity: Severity::Warning,
    summary: "A count or timeout above CloudFront's default account quota (needs a quota increase)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF016-over-quota.md"),
};

impl Rule for OverQuota {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
