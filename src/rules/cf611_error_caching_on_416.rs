//! CF611 error-caching-on-416. Documentation: rules/CF611-error-caching-on-416.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct ErrorCachingOn416;

static META: RuleMeta = RuleMeta {
    code: "CF611",
    name: "error-caching-on-416",
    severity: Severity::Info,
    summary: "An ErrorCachingMinTTL for error code 416, which CloudFront never caches: the value is ignored",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF611-error-caching-on-416.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ErrorCachingOn416 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, response) in items(&cx.config.custom_error_responses) {
            // Zero says what happens anyway; only a positive TTL expects caching.
            let Some(ttl @ 1..) = response.error_caching_min_ttl else {
                continue;
            };
            if response.error_code != Some(416) {
                continue;
            }
            let at = ptr!["CustomErrorResponses", "Items", i, "ErrorCachingMinTTL"];
            if cx.is_filled_in(&at) {
                continue;
            }
            cx.report(&META, &at, format!("ErrorCachingMinTTL {ttl} for 416: CloudFront never caches a 416 (Range Not Satisfiable) response, so it ignores this value and asks the origin again on every such request"))
                .help("remove ErrorCachingMinTTL from the 416 response (the custom page and response code still apply)")
                .push(out);
        }
    }
}
