//! CF708 no-waf. Documentation: rules/CF708-no-waf.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::ptr;

pub struct NoWaf;

static META: RuleMeta = RuleMeta {
    code: "CF708",
    name: "no-waf",
    severity: Severity::Info,
    summary: "A distribution with no AWS WAF web ACL (WebACLId)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF708-no-waf.md"),
    controls: &[
        "CloudFront.6",
        "cloudfront-associated-with-waf",
        "CKV_AWS_68",
        "AWS-0011",
        "KICS-0f139403",
        "KICS-1419b4c6",
        "AwsSolutions-CFR2",
    ],
    default_on: true,
};

impl Rule for NoWaf {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if cx.config.web_acl_id.is_some_and(|s| !s.is_empty()) {
            return;
        }
        let at = if cx.config.web_acl_id.is_some() {
            ptr!["WebACLId"]
        } else {
            Pointer::root()
        };
        cx.report(
            &META,
            &at,
            "no AWS WAF web ACL is associated: CloudFront serves every request that reaches it, with no filtering of common attacks or rate limits",
        )
        .anchor(Anchor::Head)
        .help("add WebACLId: the ARN of a WAFv2 web ACL with scope CLOUDFRONT (created in us-east-1)")
        .push(out);
    }
}
