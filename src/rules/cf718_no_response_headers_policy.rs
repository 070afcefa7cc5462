//! CF718 no-response-headers-policy. Documentation: rules/CF718-no-response-headers-policy.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct NoResponseHeadersPolicy;

static META: RuleMeta = RuleMeta {
    code: "CF718",
    name: "no-response-headers-policy",
    severity: Severity::Info,
    summary: "A behaviour with no response headers policy (no HSTS or other security headers from CloudFront; off by default)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF718-no-response-headers-policy.md"),
    controls: &["CKV2_AWS_32"],
    default_on: false,
};

impl Rule for NoResponseHeadersPolicy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for b in cx.config.behaviors() {
            if b.behavior
                .response_headers_policy_id
                .is_some_and(|s| !s.is_empty())
            {
                continue;
            }
            cx.report(
                &META,
                &b.pointer(),
                "no ResponseHeadersPolicyId: CloudFront adds no security headers (Strict-Transport-Security, X-Content-Type-Options, …) to this behaviour's responses; only the origin's reach viewers",
            )
            .anchor(Anchor::Head)
            .help("add ResponseHeadersPolicyId, e.g. the managed SecurityHeadersPolicy 67f7725c-6f97-4210-82d7-5512b31e9d03")
            .push(out);
        }
    }
}
