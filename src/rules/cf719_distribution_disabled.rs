//! CF719 distribution-disabled. Documentation: rules/CF719-distribution-disabled.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct DistributionDisabled;

static META: RuleMeta = RuleMeta {
    code: "CF719",
    name: "distribution-disabled",
    severity: Severity::Info,
    summary: "A distribution with Enabled false (off by default)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF719-distribution-disabled.md"),
    controls: &["CKV_AWS_216", "KICS-e4f54ff4", "KICS-1bc367f6"],
    default_on: false,
};

impl Rule for DistributionDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if cx.config.enabled != Some(false) {
            return;
        }
        cx.report(
            &META,
            &ptr!["Enabled"],
            "Enabled is false: CloudFront accepts no requests for this distribution",
        )
        .help("set Enabled to true once the distribution should serve, or remove a distribution kept disabled")
        .push(out);
    }
}
