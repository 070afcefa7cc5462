//! CF603 geo-restriction-inconsistent. Documentation: rules/CF603-geo-restriction-inconsistent.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::plain_items;
use crate::ptr;

pub struct GeoRestrictionInconsistent;

static META: RuleMeta = RuleMeta {
    code: "CF603",
    name: "geo-restriction-inconsistent",
    severity: Severity::Error,
    summary: "A geo restriction whose type and countries disagree, or a country code that is not ISO 3166-1 alpha-2",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF603-geo-restriction-inconsistent.md"),
    controls: &[],
    default_on: true,
};

impl Rule for GeoRestrictionInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(geo) = cx
            .config
            .restrictions
            .as_ref()
            .and_then(|r| r.geo_restriction.as_ref())
        else {
            return;
        };
        let at = ptr!["Restrictions", "GeoRestriction"];
        let list = if cx.is_cloudformation() {
            "Locations"
        } else {
            "Items"
        };
        // A list CloudFormation computes (`{"Ref": "AllowedCountries"}`) has a length nobody knows.
        let raw_list = cx.raw_at(&at.key(list));
        if raw_list.is_some_and(|v| !v.is_array()) {
            return;
        }
        let countries: Vec<(usize, &str)> = plain_items(&geo.items).map(|(i, c)| (i, *c)).collect();
        let count = geo.items.as_ref().map_or(0, Vec::len);
        match geo.restriction_type {
            Some("none") if count > 0 => {
                cx.report(&META, &at.key(list), format!("RestrictionType is none but {count} countries are listed: CloudFront rejects the config (InvalidGeoRestrictionParameter)"))
                    .help("choose whitelist (allow only these countries) or blacklist (block them), or remove the countries")
                    .push(out);
            }
            Some(kind @ ("whitelist" | "blacklist")) if count == 0 => {
                cx.report(&META, &at.key("RestrictionType"), format!("RestrictionType is {kind} but no country is listed: CloudFront rejects the config (InvalidGeoRestrictionParameter)"))
                    .help("list the countries (ISO 3166-1 alpha-2 codes such as US, DE), or set RestrictionType to none")
                    .push(out);
            }
            _ => {}
        }
        for (i, code) in countries {
            if super::text::is_placeholder(code) {
                continue;
            }
            let message = if code.eq_ignore_ascii_case("UK") {
                format!("`{code}` is not an ISO 3166-1 alpha-2 code (the United Kingdom is `GB`): CloudFront rejects the config (InvalidLocationCode)")
            } else if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                format!("`{code}` is not a two-letter ISO 3166-1 alpha-2 country code: CloudFront rejects the config (InvalidLocationCode)")
            } else if code.bytes().any(|b| b.is_ascii_lowercase()) {
                format!("`{code}` is in lowercase; country codes are uppercase ISO 3166-1 alpha-2 (`{}`): CloudFront rejects the config (InvalidLocationCode)", code.to_ascii_uppercase())
            } else {
                continue;
            };
            cx.report(&META, &at.key(list).index(i), message)
                .help("use the uppercase two-letter ISO 3166-1 alpha-2 code")
                .push(out);
        }
    }
}
