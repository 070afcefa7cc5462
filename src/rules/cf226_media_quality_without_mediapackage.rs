//! CF226 media-quality-without-mediapackage. Documentation: rules/CF226-media-quality-without-mediapackage.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct MediaQualityWithoutMediapackage;

static META: RuleMeta = RuleMeta {
    code: "CF226",
    name: "media-quality-without-mediapackage",
    severity: Severity::Warning,
    summary: "An origin group that selects by media quality with a member that is not an AWS Elemental MediaPackage v2 origin, the only kind that reports a media quality score",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF226-media-quality-without-mediapackage.md"),
    controls: &[],
    default_on: true,
};

/// A MediaPackage v2 egress endpoint: `<id>.egress.<id>.mediapackagev2.<region>.amazonaws.com`.
fn is_mediapackage_v2(domain: &str) -> bool {
    let domain = domain.to_ascii_lowercase();
    domain.contains(".mediapackagev2.") && domain.ends_with(".amazonaws.com")
}

impl Rule for MediaQualityWithoutMediapackage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (g, group) in items(&cx.config.origin_groups) {
            if group.selection_criteria != Some("media-quality-based") {
                continue;
            }
            let group_id = group.id.unwrap_or("the group");
            for (m, member) in items(&group.members) {
                let Some(id) = member.origin_id else { continue };
                let Some((o, origin)) = items(&cx.config.origins).find(|(_, o)| o.id == Some(id))
                else {
                    continue; // CF202 reports a member that names nothing.
                };
                let Some(domain) = origin.domain_name else {
                    continue;
                };
                if is_placeholder(domain) || is_mediapackage_v2(domain) {
                    continue;
                }
                cx.report(&META, &ptr!["OriginGroups", "Items", g, "Members", "Items", m, "OriginId"], format!("origin group `{group_id}` selects by media quality, but member `{id}` ({domain}) is not an AWS Elemental MediaPackage v2 origin: only MediaPackage v2 sends the media quality confidence score CloudFront compares, so this group cannot choose by quality, and CloudFront does not document what it does instead"))
                    .label(&ptr!["Origins", "Items", o, "DomainName"], Anchor::Value, "not a MediaPackage v2 endpoint")
                    .label(&ptr!["OriginGroups", "Items", g, "SelectionCriteria"], Anchor::Value, "selects by media quality")
                    .help("for plain primary-first failover set SelectionCriteria to `default` (or leave it out); keep `media-quality-based` for groups of two MediaPackage v2 origins")
                    .push(out);
            }
        }
    }
}
