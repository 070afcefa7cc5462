//! CF201 origin-group-member-count. Documentation: rules/CF201-origin-group-member-count.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginGroupMemberCount;

static META: RuleMeta = RuleMeta {
    code: "CF201",
    name: "origin-group-member-count",
    severity: Severity::Error,
    summary: "An origin group without exactly two members (a primary and a secondary)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF201-origin-group-member-count.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginGroupMemberCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, group) in items(&cx.config.origin_groups) {
            let Some(list) = &group.members else { continue };
            // A member chosen by CloudFormation (`Fn::If` with AWS::NoValue) may vanish on deploy.
            let Some(members) = list
                .items
                .as_ref()
                .filter(|_| !list.computed && list.iter().count() == list.len())
            else {
                continue;
            };
            let n = members.len();
            if n == 2 {
                continue;
            }
            let id = group.id.unwrap_or("?");
            let what = if n > 2 {
                "CloudFront tries only a primary and one secondary, never a chain or a pool"
            } else {
                "with fewer there is nothing to fail over to"
            };
            cx.report(
                &META,
                &ptr!["OriginGroups", "Items", i, "Members", "Items"],
                format!("origin group `{id}` has {n} members but an origin group has exactly two: CloudFront rejects the config ({what})"),
            )
            .anchor(Anchor::Head)
            .help(if n > 2 {
                "keep the primary and one secondary; for more origins, use several groups on different behaviours or choose the origin in a CloudFront Function"
            } else {
                "add the origin to fail over to as the second member, or target the origin directly and remove the group"
            })
            .push(out);
        }
    }
}
