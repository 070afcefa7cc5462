//! CF016 over-quota. Documentation: rules/CF016-over-quota.md
//!
//! The quotas are in src/facts.rs; the published schema carries the same numbers as
//! `x-cloudfront-quota` annotations (a test in src/schema.rs keeps them equal).

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;

pub struct OverQuota;

pub static META: RuleMeta = RuleMeta {
    code: "CF016",
    name: "over-quota",
    severity: Severity::Warning,
    summary: "A count or timeout above CloudFront's default account quota (needs a quota increase)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF016-over-quota.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OverQuota {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Above a quota the config is rejected unless the account's quota has been raised: a
    /// warning, never an error.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        use crate::facts::quota;
        use crate::model::items;
        let config = cx.config;
        let mut counted = vec![
            (
                Pointer::root().key("Origins").key("Items"),
                config.origins.as_ref().map_or(0, |l| l.len()),
                quota::ORIGINS,
            ),
            (
                Pointer::root().key("OriginGroups").key("Items"),
                config.origin_groups.as_ref().map_or(0, |l| l.len()),
                quota::ORIGIN_GROUPS,
            ),
            (
                Pointer::root().key("CacheBehaviors").key("Items"),
                config.cache_behaviors.as_ref().map_or(0, |l| l.len()),
                quota::CACHE_BEHAVIORS,
            ),
            (
                Pointer::root().key("Aliases").key("Items"),
                config.aliases.as_ref().map_or(0, |l| l.len()),
                quota::ALIASES,
            ),
        ];
        for behavior in config.behaviors() {
            let Some(forwarded) = &behavior.behavior.forwarded_values else {
                continue;
            };
            let len = |l: &Option<crate::model::Counted<&str>>| l.as_ref().map_or(0, |l| l.len());
            let cookie_names = forwarded
                .cookies
                .as_ref()
                .map_or(0, |c| len(&c.whitelisted_names));
            let lists = [
                ("Headers", len(&forwarded.headers), quota::FORWARDED_HEADERS),
                (
                    "QueryStringCacheKeys",
                    len(&forwarded.query_string_cache_keys),
                    quota::QUERY_STRING_CACHE_KEYS,
                ),
                (
                    "Cookies/WhitelistedNames",
                    cookie_names,
                    quota::FORWARDED_COOKIE_NAMES,
                ),
            ];
            // Most behaviours are far below: build a pointer only for a list over its quota.
            for (member, n, limit) in lists.into_iter().filter(|(_, n, (limit, _))| n > limit) {
                let at = member
                    .split('/')
                    .fold(behavior.pointer().key("ForwardedValues"), |p, k| p.key(k));
                counted.push((at.key("Items"), n, limit));
            }
        }
        let mut timeouts = Vec::new();
        for (i, origin) in items(&config.origins) {
            // Pointers only for what is over: every origin of every config passes here.
            let at = |path: &[&str]| {
                path.iter().fold(
                    Pointer::root().key("Origins").key("Items").index(i),
                    |p, k| p.key(k),
                )
            };
            let headers = origin.custom_headers.as_ref().map_or(0, |l| l.len());
            if headers > quota::ORIGIN_CUSTOM_HEADERS.0 {
                counted.push((
                    at(&["CustomHeaders", "Items"]),
                    headers,
                    quota::ORIGIN_CUSTOM_HEADERS,
                ));
            }
            let custom = origin.custom_origin_config.as_ref();
            let vpc = origin.vpc_origin_config.as_ref();
            let s3 = origin.s3_origin_config.as_ref();
            let values = [
                (
                    "CustomOriginConfig",
                    "OriginReadTimeout",
                    custom.and_then(|c| c.origin_read_timeout),
                    quota::ORIGIN_READ_TIMEOUT,
                ),
                (
                    "S3OriginConfig",
                    "OriginReadTimeout",
                    s3.and_then(|c| c.origin_read_timeout),
                    quota::ORIGIN_READ_TIMEOUT,
                ),
                (
                    "VpcOriginConfig",
                    "OriginReadTimeout",
                    vpc.and_then(|c| c.origin_read_timeout),
                    quota::ORIGIN_READ_TIMEOUT,
                ),
                (
                    "CustomOriginConfig",
                    "OriginKeepaliveTimeout",
                    custom.and_then(|c| c.origin_keepalive_timeout),
                    quota::ORIGIN_KEEPALIVE_TIMEOUT,
                ),
                (
                    "VpcOriginConfig",
                    "OriginKeepaliveTimeout",
                    vpc.and_then(|c| c.origin_keepalive_timeout),
                    quota::ORIGIN_KEEPALIVE_TIMEOUT,
                ),
            ];
            for (config, member, value, limit) in values {
                if value.is_some_and(|v| v > limit.0) {
                    timeouts.push((at(&[config, member]), value, limit));
                }
            }
        }
        for (at, n, (limit, what)) in counted {
            if n > limit {
                cx.report(&META, &at, format!("{n} {what}, above the default quota of {limit}: CloudFront rejects the config unless the account's quota has been raised"))
                    .anchor(Anchor::Key)
                    .help(if what.contains("legacy") {
                        "request a quota increase (Service Quotas, CloudFront) before deploying, or replace ForwardedValues with a cache policy and an origin request policy"
                    } else {
                        "request a quota increase (Service Quotas, CloudFront) before deploying, or split the distribution"
                    })
                    .push(out);
            }
        }
        for (at, value, (limit, what)) in timeouts {
            match value {
                Some(v) if v > limit => cx
                    .report(&META, &at, format!("{what} of {v} s is above the default quota of {limit} s: CloudFront rejects it unless the account's quota has been raised"))
                    .help(format!("request a higher {what} quota before deploying, or use at most {limit}"))
                    .push(out),
                _ => {}
            }
        }
    }
}
