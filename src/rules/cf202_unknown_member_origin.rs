//! CF202 unknown-member-origin. Documentation: rules/CF202-unknown-member-origin.md

use super::text::{closest, is_placeholder};
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct UnknownMemberOrigin;

static META: RuleMeta = RuleMeta {
    code: "CF202",
    name: "unknown-member-origin",
    severity: Severity::Error,
    summary: "An origin group member's `OriginId` is not an origin of this distribution",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF202-unknown-member-origin.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnknownMemberOrigin {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let origin_ids: Vec<&str> = items(&config.origins).filter_map(|(_, o)| o.id).collect();
        if !config.all_ids_known() {
            return;
        }
        for (g, group) in items(&config.origin_groups) {
            let group_id = group.id.unwrap_or("?");
            let Some(members) = &group.members else {
                continue;
            };
            for (m, member) in members.iter() {
                let Some(origin_id) = member.origin_id else {
                    continue;
                };
                if origin_ids.contains(&origin_id) || is_placeholder(origin_id) {
                    continue;
                }
                let at = ptr![
                    "OriginGroups",
                    "Items",
                    g,
                    "Members",
                    "Items",
                    m,
                    "OriginId"
                ];
                let report = if config.origin_group(origin_id).is_some() {
                    cx.report(
                        &META,
                        &at,
                        format!("member `{origin_id}` of origin group `{group_id}` is an origin group, not an origin: groups do not nest, and CloudFront rejects the config (InvalidArgument)"),
                    )
                    .help("name one of the distribution's origins here")
                } else {
                    let suggestion = closest(origin_id, origin_ids.iter().copied());
                    let help = match suggestion {
                        Some(id) => format!("did you mean `{id}`?"),
                        None => "name one of the distribution's origins here, or add the origin under Origins".to_owned(),
                    };
                    let report = cx.report(
                        &META,
                        &at,
                        format!("member `{origin_id}` of origin group `{group_id}` is not an origin of this distribution: CloudFront rejects the config (InvalidArgument)"),
                    )
                    .help(help);
                    match suggestion {
                        Some(id) => report.fix_respell(origin_id, id),
                        None => report,
                    }
                };
                report
                    .label(
                        &ptr!["Origins"],
                        Anchor::Key,
                        "the origins are defined here",
                    )
                    .push(out);
            }
        }
    }
}
