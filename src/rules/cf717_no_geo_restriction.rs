//! CF717 no-geo-restriction. Documentation: rules/CF717-no-geo-restriction.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::ptr;

pub struct NoGeoRestriction;

static META: RuleMeta = RuleMeta {
    code: "CF717",
    name: "no-geo-restriction",
    severity: Severity::Info,
    summary: "A distribution with no geographic restriction (off by default)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF717-no-geo-restriction.md"),
    controls: &["CKV_AWS_374", "AwsSolutions-CFR1"],
    default_on: false,
};

impl Rule for NoGeoRestriction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let geo = cx
            .config
            .restrictions
            .as_ref()
            .and_then(|r| r.geo_restriction.as_ref());
        if geo.is_some_and(|g| matches!(g.restriction_type, Some("whitelist" | "blacklist"))) {
            return;
        }
        let at = match geo {
            Some(g) if g.restriction_type.is_some() => {
                ptr!["Restrictions", "GeoRestriction", "RestrictionType"]
            }
            _ => Pointer::root(),
        };
        cx.report(
            &META,
            &at,
            "no geographic restriction: CloudFront serves viewers in every country",
        )
        .anchor(Anchor::Head)
        .help("if the content is meant for some countries only, add Restrictions.GeoRestriction with RestrictionType whitelist (or blacklist) and the country codes")
        .push(out);
    }
}
