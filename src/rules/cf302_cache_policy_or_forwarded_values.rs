//! CF302 cache-policy-or-forwarded-values. Documentation: rules/CF302-cache-policy-or-forwarded-values.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::form::is_intrinsic;

pub struct CachePolicyOrForwardedValues;

static META: RuleMeta = RuleMeta {
    code: "CF302",
    name: "cache-policy-or-forwarded-values",
    severity: Severity::Error,
    summary: "A behaviour needs exactly one of CachePolicyId and the legacy ForwardedValues, and no legacy TTLs next to a cache policy (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF302-cache-policy-or-forwarded-values.md"),
    controls: &[],
    default_on: true,
};

impl Rule for CachePolicyOrForwardedValues {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Presence is read from the raw value: a member of the wrong type is still "set" here, and
    /// the schema rules report its type.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let Some(raw) = cx
                .raw_behavior(&behavior)
                .filter(|v| !is_intrinsic(v))
                .and_then(|v| v.as_object())
            else {
                continue;
            };
            let policy = raw.contains_key("CachePolicyId");
            let legacy = raw.contains_key("ForwardedValues");
            // CloudFormation drops ForwardedValues next to a cache policy without a word (cfn-lint
            // W3704): accepted, but the author's legacy settings never apply.
            // Either decided at deploy time (a condition nobody can tell): no way to know both apply.
            let computed = ["CachePolicyId", "ForwardedValues"]
                .iter()
                .any(|k| raw.get(*k).is_some_and(is_intrinsic));
            if policy && legacy && cx.is_cloudformation() {
                if computed {
                    continue;
                }
                cx.report(
                    &META,
                    &behavior.pointer().key("ForwardedValues"),
                    "this behaviour sets both CachePolicyId and ForwardedValues: CloudFormation drops ForwardedValues without a word, so these legacy settings never apply and the cache policy alone decides the cache key and TTLs",
                )
                .severity(Severity::Warning)
                .anchor(Anchor::Key)
                .label(&behavior.pointer().key("CachePolicyId"), Anchor::Key, "the cache policy that applies")
                .help("remove ForwardedValues, or move what it forwards into the cache policy (and an origin request policy)")
                .push(out);
            } else if policy && legacy {
                cx.report(
                    &META,
                    &behavior.pointer().key("ForwardedValues"),
                    "this behaviour sets both CachePolicyId and ForwardedValues: CloudFront rejects the config (InvalidArgument: \"The parameter ForwardedValues cannot be used when a cache policy is associated to the cache behavior.\")",
                )
                .anchor(Anchor::Key)
                .label(&behavior.pointer().key("CachePolicyId"), Anchor::Key, "the cache policy")
                .help("remove ForwardedValues (and MinTTL, DefaultTTL, MaxTTL): the cache policy decides the cache key and TTLs")
                .push(out);
            } else if policy && !cx.is_cloudformation() {
                // The legacy TTLs belong to ForwardedValues' world too (aws/aws-sdk-net#1698).
                let ttls: Vec<&str> = ["MinTTL", "DefaultTTL", "MaxTTL"]
                    .into_iter()
                    .filter(|t| raw.contains_key(*t))
                    .collect();
                if let Some(first) = ttls.first() {
                    cx.report(
                        &META,
                        &behavior.pointer().key(first),
                        format!("this behaviour sets CachePolicyId and the legacy {}: CloudFront rejects the config (InvalidArgument: \"The parameter {first} cannot be used when a cache policy is associated to the cache behavior.\")", quoted_list(&ttls)),
                    )
                    .anchor(Anchor::Key)
                    .label(&behavior.pointer().key("CachePolicyId"), Anchor::Key, "the cache policy sets the TTLs")
                    .help(format!("remove {}: the cache policy sets the TTLs", quoted_list(&ttls)))
                    .push(out);
                }
            } else if !policy && !legacy {
                cx.report(
                    &META,
                    &behavior.pointer(),
                    "this behaviour has neither CachePolicyId nor ForwardedValues: CloudFront rejects the config (InvalidArgument: \"The parameter ForwardedValues is required.\")",
                )
                .anchor(Anchor::Head)
                .help("set CachePolicyId, for example to the managed CachingOptimized policy 658327ea-f89d-4fab-a63d-7e88639e58f6 (or CachingDisabled 4135ea2d-6df8-44a3-9df3-4b5a84be39ad for dynamic content)")
                .push(out);
            }
        }
    }
}
