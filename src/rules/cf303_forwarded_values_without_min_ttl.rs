//! CF303 forwarded-values-without-min-ttl. Documentation: rules/CF303-forwarded-values-without-min-ttl.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct ForwardedValuesWithoutMinTtl;

static META: RuleMeta = RuleMeta {
    code: "CF303",
    name: "forwarded-values-without-min-ttl",
    severity: Severity::Error,
    summary:
        "A behaviour with the legacy ForwardedValues but no MinTTL (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF303-forwarded-values-without-min-ttl.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ForwardedValuesWithoutMinTtl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // CloudFormation supplies MinTTL 0 when a template leaves it out.
        if cx.is_cloudformation() {
            return;
        }
        for behavior in cx.config.behaviors() {
            let Some(raw) = cx.raw_behavior(&behavior).and_then(|v| v.as_object()) else {
                continue;
            };
            // With a cache policy as well, CF302 says what is wrong.
            if !raw.contains_key("ForwardedValues")
                || raw.contains_key("CachePolicyId")
                || raw.contains_key("MinTTL")
            {
                continue;
            }
            cx.report(
                &META,
                &behavior.pointer().key("ForwardedValues"),
                "this behaviour uses the legacy ForwardedValues without MinTTL: CloudFront rejects the config (InvalidArgument: \"The parameter MinTTL is required.\")",
            )
            .anchor(Anchor::Key)
            .help("add \"MinTTL\": 0 (and DefaultTTL, MaxTTL as needed), or replace ForwardedValues with a CachePolicyId")
            .push(out);
        }
    }
}
