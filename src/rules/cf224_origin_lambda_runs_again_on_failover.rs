//! CF224 origin-lambda-runs-again-on-failover. Documentation: rules/CF224-origin-lambda-runs-again-on-failover.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;

pub struct OriginLambdaRunsAgainOnFailover;

static META: RuleMeta = RuleMeta {
    code: "CF224",
    name: "origin-lambda-runs-again-on-failover",
    severity: Severity::Info,
    summary: "An origin-request or origin-response Lambda@Edge function on a behaviour that targets an origin group runs again when the group fails over",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF224-origin-lambda-runs-again-on-failover.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginLambdaRunsAgainOnFailover {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for b in cx.config.behaviors() {
            let Some(target) = b.behavior.target_origin_id else {
                continue;
            };
            let Some(group) = cx.config.origin_group(target) else {
                continue;
            };
            let members = group.member_ids();
            let (Some(primary), Some(secondary)) = (members.first(), members.get(1)) else {
                continue;
            };
            for (i, lambda) in items(&b.behavior.lambda_function_associations) {
                let Some(event) = lambda
                    .event_type
                    .filter(|e| matches!(*e, "origin-request" | "origin-response"))
                else {
                    continue;
                };
                let at = b
                    .pointer()
                    .key("LambdaFunctionAssociations")
                    .key("Items")
                    .index(i)
                    .key("EventType");
                let what = if event == "origin-request" {
                    "once for the request to the primary and again for the request to the secondary"
                } else {
                    "once for each origin that answers it"
                };
                cx.report(
                    &META,
                    &at,
                    format!("this {event} Lambda@Edge function runs again when origin group `{target}` fails over from `{primary}` to `{secondary}`: one viewer request can invoke it twice, {what}"),
                )
                .label(&b.pointer().key("TargetOriginId"), Anchor::Value, "an origin group")
                .help("make the function safe to run twice for one request (no side effect counted once, no rewrite that assumes the primary); a change it makes to request.origin applies to the retry too")
                .push(out);
            }
        }
    }
}
