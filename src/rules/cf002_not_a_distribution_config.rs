//! CF002 not-a-distribution-config. Documentation: rules/CF002-not-a-distribution-config.md
//!
//! Reported by the pipeline (`lint` in lib.rs) for files named on the command line; files met
//! while walking a directory that are not distribution configs are skipped quietly instead.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct NotADistributionConfig;

pub static META: RuleMeta = RuleMeta {
    code: "CF002",
    name: "not-a-distribution-config",
    severity: Severity::Error,
    summary: "A file named on the command line is JSON but not a DistributionConfig in any form the AWS CLI takes",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF002-not-a-distribution-config.md"),
    controls: &[],
    default_on: true,
};

impl Rule for NotADistributionConfig {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
