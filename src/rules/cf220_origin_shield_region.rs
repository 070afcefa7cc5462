//! CF220 origin-shield-region. Documentation: rules/CF220-origin-shield-region.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::facts::ORIGIN_SHIELD_REGIONS;
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginShieldRegion;

static META: RuleMeta = RuleMeta {
    code: "CF220",
    name: "origin-shield-region",
    severity: Severity::Error,
    summary: "Origin Shield enabled without an OriginShieldRegion (CloudFront: InvalidArgument), or in a region Origin Shield does not run in",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF220-origin-shield-region.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginShieldRegion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(shield) = &origin.origin_shield else {
                continue;
            };
            if shield.enabled != Some(true) {
                continue;
            }
            let at = ptr!["Origins", "Items", i, "OriginShield"];
            match shield.origin_shield_region {
                None | Some("") => {
                    // A region written as an intrinsic function is there, only not known yet.
                    if cx
                        .raw_at(&at.key("OriginShieldRegion"))
                        .is_some_and(|v| !v.is_string())
                    {
                        continue;
                    }
                    cx.report(&META, &at.key("Enabled"), "Origin Shield is enabled without an OriginShieldRegion: CloudFront needs the region to put the shield layer in, and rejects the config (InvalidArgument)")
                        .help("set OriginShieldRegion to the Origin Shield region closest to the origin (us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-northeast-1, …)")
                        .push(out);
                }
                Some(region)
                    if !is_placeholder(region) && !ORIGIN_SHIELD_REGIONS.contains(&region) =>
                {
                    cx.report(&META, &at.key("OriginShieldRegion"), format!("Origin Shield does not run in {region} (as of the Developer Guide's list): CloudFront rejects a region without Origin Shield"))
                        .severity(Severity::Warning)
                        .help(format!("choose the Origin Shield region closest to the origin: {}", ORIGIN_SHIELD_REGIONS.join(", ")))
                        .push(out);
                }
                _ => {}
            }
        }
    }
}
