//! CF716 no-origin-failover. Documentation: rules/CF716-no-origin-failover.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::model::items;

pub struct NoOriginFailover;

static META: RuleMeta = RuleMeta {
    code: "CF716",
    name: "no-origin-failover",
    severity: Severity::Info,
    summary: "A distribution with no origin group to fail over to (off by default)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF716-no-origin-failover.md"),
    controls: &[
        "CloudFront.4",
        "cloudfront-origin-failover-enabled",
        "CT.CLOUDFRONT.PR.4",
        "CLOUDFRONT_ORIGIN_FAILOVER_ENABLED",
        "CKV_AWS_310",
    ],
    default_on: false,
};

impl Rule for NoOriginFailover {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if items(&cx.config.origin_groups)
            .any(|(_, g)| g.members.as_ref().is_some_and(|m| m.len() >= 2))
        {
            return;
        }
        // Groups CloudFormation computes cannot be counted.
        if cx.config.origin_groups.as_ref().is_some_and(|g| g.computed) {
            return;
        }
        cx.report(
            &META,
            &Pointer::root(),
            "no origin group: when the origin fails, CloudFront has nowhere else to send the request and viewers get the error",
        )
        .anchor(Anchor::Head)
        .help("add OriginGroups with a group of two origins (a primary and a standby) and FailoverCriteria, and point GET/HEAD behaviours at the group")
        .push(out);
    }
}
