//! CF205 origin-group-with-write-methods. Documentation: rules/CF205-origin-group-with-write-methods.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::facts::WRITE_METHODS;
use crate::finding::{Finding, Severity};

pub struct OriginGroupWithWriteMethods;

static META: RuleMeta = RuleMeta {
    code: "CF205",
    name: "origin-group-with-write-methods",
    severity: Severity::Error,
    summary: "A behaviour that targets an origin group allows POST, PUT, PATCH or DELETE (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF205-origin-group-with-write-methods.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginGroupWithWriteMethods {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let Some(target) = behavior.behavior.target_origin_id else {
                continue;
            };
            if cx.config.origin_group(target).is_none() {
                continue;
            }
            // Read raw: CloudFormation writes the methods as a plain array.
            let Some(methods) = cx
                .raw_behavior_member(&behavior, &["AllowedMethods", "Items"])
                .and_then(|v| v.as_array())
            else {
                continue;
            };
            let writes: Vec<&str> = methods
                .iter()
                .filter_map(|m| m.as_str())
                .filter(|m| WRITE_METHODS.contains(m))
                .collect();
            if writes.is_empty() {
                continue;
            }
            cx.report(
                &META,
                &behavior.pointer().key("AllowedMethods").key("Items"),
                format!("this behaviour allows {} but targets origin group `{target}`: CloudFront rejects the config, because only GET, HEAD and OPTIONS requests can fail over", quoted_list(&writes)),
            )
            .anchor(Anchor::Key)
            .label(&behavior.pointer().key("TargetOriginId"), Anchor::Value, "targets an origin group")
            .help("allow only GET and HEAD (or GET, HEAD and OPTIONS) here; behaviours route by path, not by method, so give writes a path of their own (`/api/write/*`) whose behaviour targets a single origin, or target a single origin on this path and fail over with Route 53 health checks instead")
            .push(out);
        }
    }
}
