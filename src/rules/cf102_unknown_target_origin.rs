//! CF102 unknown-target-origin. Documentation: rules/CF102-unknown-target-origin.md

use super::text::{closest, is_placeholder, quoted_list};
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;

pub struct UnknownTargetOrigin;

static META: RuleMeta = RuleMeta {
    code: "CF102",
    name: "unknown-target-origin",
    severity: Severity::Error,
    summary: "A behaviour's `TargetOriginId` names no origin and no origin group (CloudFront: NoSuchOrigin)",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF102-unknown-target-origin.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnknownTargetOrigin {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let ids: Vec<&str> = items(&config.origins)
            .filter_map(|(_, o)| o.id)
            .chain(items(&config.origin_groups).filter_map(|(_, g)| g.id))
            .collect();
        // An id still to be filled in (or computed by CloudFormation) could be any of them.
        if !config.all_ids_known() {
            return;
        }
        for behavior in config.behaviors() {
            let Some(target) = behavior.behavior.target_origin_id else {
                continue;
            };
            if ids.contains(&target) || is_placeholder(target) {
                continue;
            }
            let at = behavior.pointer().key("TargetOriginId");
            let suggestion = closest(target, ids.iter().copied());
            let help = match suggestion {
                Some(id) => format!("did you mean `{id}`?"),
                None if ids.is_empty() => {
                    "define the origin under Origins, or fix the id".to_owned()
                }
                None => format!("set it to one of {}", quoted_list(&ids[..ids.len().min(8)])),
            };
            let mut report = cx.report(
                &META,
                &at,
                format!("TargetOriginId `{target}` names no origin or origin group of this distribution: CloudFront rejects the config (NoSuchOrigin)"),
            )
            .label(&crate::ptr!["Origins"], Anchor::Key, "the origins are defined here")
            .help(help);
            if let Some(id) = suggestion {
                report = report.fix_respell(target, id);
            }
            report.push(out);
        }
    }
}
