//! CF307 forwarded-values-inconsistent. Documentation: rules/CF307-forwarded-values-inconsistent.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct ForwardedValuesInconsistent;

static META: RuleMeta = RuleMeta {
    code: "CF307",
    name: "forwarded-values-inconsistent",
    severity: Severity::Error,
    summary: "Legacy ForwardedValues that contradict themselves: query-string keys without QueryString, whitelisted cookies without names, a MinTTL above 0 with every header forwarded",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF307-forwarded-values-inconsistent.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ForwardedValuesInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let Some(forwarded) = &behavior.behavior.forwarded_values else {
                continue;
            };
            // CloudFormation drops ForwardedValues next to a cache policy (see CF302).
            if cx.is_cloudformation() && behavior.behavior.cache_policy_id.is_some() {
                continue;
            }
            let at = behavior.pointer().key("ForwardedValues");
            // CloudFormation also takes "true" and "false" as strings.
            let query_string = cx.raw_at(&at.key("QueryString")).and_then(|v| {
                v.as_bool()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            });
            let keys = forwarded
                .query_string_cache_keys
                .as_ref()
                .filter(|k| !k.computed)
                .map_or(0, |k| k.len());
            if query_string == Some(false) && keys > 0 {
                cx.report(
                    &META,
                    &at.key("QueryStringCacheKeys"),
                    "QueryStringCacheKeys lists query-string parameters, but QueryString is false: CloudFront rejects the config (InvalidArgument: \"The parameter QueryString cannot be false if query strings are set in QueryStringCacheKeys\")",
                )
                .help("set QueryString to true to forward the query string and cache on those keys, or empty QueryStringCacheKeys")
                .push(out);
            }
            // Forwarding every header makes every request unique, so nothing may be cached.
            let all_headers = forwarded
                .headers
                .as_ref()
                .is_some_and(|h| h.iter().any(|(_, h)| *h == "*"));
            if let (true, Some(min_ttl @ 1..)) = (all_headers, behavior.behavior.min_ttl) {
                cx.report(
                    &META,
                    &behavior.pointer().key("MinTTL"),
                    format!("MinTTL is {min_ttl}, but ForwardedValues.Headers is `*` (all headers): CloudFront caches nothing when it forwards every header, so MinTTL must be 0 and CloudFront rejects the config (InvalidArgument)"),
                )
                .help("set MinTTL to 0, or forward only the headers the origin needs")
                .push(out);
            }
            let Some(cookies) = &forwarded.cookies else {
                continue;
            };
            if cookies
                .whitelisted_names
                .as_ref()
                .is_some_and(|n| n.computed)
                || cx
                    .raw_at(&at.key("Cookies").key("WhitelistedNames"))
                    .is_some_and(crate::form::is_intrinsic)
            {
                continue;
            }
            let names = cookies.whitelisted_names.as_ref().map_or(0, |n| n.len());
            let message = match (cookies.forward, names) {
                (Some("whitelist"), 0) => "Cookies.Forward is whitelist but WhitelistedNames names no cookie: CloudFront rejects the config (InvalidForwardCookies)",
                (Some("none" | "all"), n) if n > 0 => "WhitelistedNames lists cookies, but Cookies.Forward is not whitelist: CloudFront rejects the config (InvalidForwardCookies)",
                _ => continue,
            };
            cx.report(&META, &at.key("Cookies"), message)
                .help("forward a whitelist with the cookie names in WhitelistedNames, or forward none or all without names")
                .push(out);
        }
    }
}
