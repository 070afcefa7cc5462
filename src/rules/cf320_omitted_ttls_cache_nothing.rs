//! CF320 omitted-ttls-cache-nothing. Documentation: rules/CF320-omitted-ttls-cache-nothing.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct OmittedTtlsCacheNothing;

static META: RuleMeta = RuleMeta {
    code: "CF320",
    name: "omitted-ttls-cache-nothing",
    severity: Severity::Warning,
    summary: "A legacy (ForwardedValues) behaviour that leaves DefaultTTL and MaxTTL out where the tool sends 0 for them (Terraform's AWS provider), so CloudFront caches nothing",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF320-omitted-ttls-cache-nothing.md"),
    controls: &[],
    default_on: true,
};

/// Methods a behaviour meant to be cached allows; one that allows writes passes requests through.
const READS: [&str; 3] = ["GET", "HEAD", "OPTIONS"];

impl Rule for OmittedTtlsCacheNothing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            let Some(forwarded) = &b.forwarded_values else {
                continue;
            };
            // Only zeros the file does not write: written zeros say "do not cache" on purpose.
            let sent_as_zero = |name: &str, value: Option<i64>| {
                value == Some(0) && cx.is_filled_in(&behavior.pointer().key(name))
            };
            if b.cache_policy_id.is_some()
                || !sent_as_zero("DefaultTTL", b.default_ttl)
                || !sent_as_zero("MaxTTL", b.max_ttl)
            {
                continue;
            }
            // A pass-through behaviour (writes, every cookie, every header) is not meant to cache.
            let methods: Option<Vec<&str>> = b
                .allowed_methods
                .as_ref()
                .and_then(|m| m.items.as_ref())
                .map(|items| items.iter().map(|e| e.0.unwrap_or("?")).collect());
            let reads_only = methods.is_some_and(|m| m.iter().all(|m| READS.contains(m)));
            let all_cookies = forwarded
                .cookies
                .as_ref()
                .is_some_and(|c| c.forward == Some("all"));
            let all_headers = forwarded
                .headers
                .as_ref()
                .is_some_and(|h| h.iter().any(|(_, h)| *h == "*"));
            if !reads_only || all_cookies || all_headers {
                continue;
            }
            cx.report(
                &META,
                &behavior.pointer(),
                "this behaviour uses the legacy ForwardedValues and leaves DefaultTTL and MaxTTL out, so they are sent as 0: CloudFront caches nothing here (a MaxTTL of 0 overrides any Cache-Control the origin sends) and every request goes to the origin",
            )
            .anchor(Anchor::Head)
            .help("to follow the origin's Cache-Control, set MinTTL 0, DefaultTTL 86400 and MaxTTL 31536000 (what the API itself assumes); better, use a cache policy (CachePolicyId, such as the managed CachingOptimized); if nothing should be cached, write DefaultTTL 0 and MaxTTL 0 to say so")
            .push(out);
        }
    }
}
