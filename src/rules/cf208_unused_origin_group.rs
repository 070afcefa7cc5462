//! CF208 unused-origin-group. Documentation: rules/CF208-unused-origin-group.md

use super::cf207_unused_origin::origin_chooser;
use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct UnusedOriginGroup;

static META: RuleMeta = RuleMeta {
    code: "CF208",
    name: "unused-origin-group",
    severity: Severity::Warning,
    summary: "An origin group that no behaviour targets, so no request ever fails over",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF208-unused-origin-group.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnusedOriginGroup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        // Only a behaviour whose target is still a placeholder could be targeting the group.
        if !config.behaviors_known()
            || config
                .behaviors()
                .any(|b| b.behavior.target_origin_id.is_none_or(is_placeholder))
        {
            return;
        }
        for (i, group) in items(&config.origin_groups) {
            let Some(id) = group.id else { continue };
            if is_placeholder(id)
                || config
                    .behaviors()
                    .any(|b| b.behavior.target_origin_id == Some(id))
            {
                continue;
            }
            let primary = group
                .members
                .iter()
                .flat_map(|m| m.iter())
                .next()
                .and_then(|(_, m)| m.origin_id);
            let mut report = cx.report(
                &META,
                &ptr!["OriginGroups", "Items", i, "Id"],
                format!("no behaviour targets origin group `{id}`, so CloudFront never fails over through it: behaviours send their requests straight to the origin they name"),
            )
            .help(format!("set the TargetOriginId of the behaviours that should fail over to `{id}`"));
            if let Some(primary) = primary {
                if let Some(b) = config
                    .behaviors()
                    .find(|b| b.behavior.target_origin_id == Some(primary))
                {
                    report = report.label(
                        &b.pointer().key("TargetOriginId"),
                        Anchor::Value,
                        format!("targets the primary `{primary}` directly, bypassing the group"),
                    );
                }
            }
            if let Some(function) = origin_chooser(config) {
                report = report
                    .severity(Severity::Info)
                    .help(format!("make sure the {function} uses `{id}`, or target it from the behaviours that should fail over"));
            }
            report.push(out);
        }
    }
}
