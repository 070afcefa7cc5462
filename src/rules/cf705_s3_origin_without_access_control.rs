//! CF705 s3-origin-without-access-control. Documentation: rules/CF705-s3-origin-without-access-control.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct S3OriginWithoutAccessControl;

static META: RuleMeta = RuleMeta {
    code: "CF705",
    name: "s3-origin-without-access-control",
    severity: Severity::Warning,
    summary: "An S3 REST origin with neither an origin access control nor an origin access identity: the bucket must be public for CloudFront to read it",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF705-s3-origin-without-access-control.md"),
    controls: &["CloudFront.13", "cloudfront-s3-origin-access-control-enabled", "CT.CLOUDFRONT.PR.10", "CKV2_AWS_46", "AwsSolutions-CFR6", "AwsSolutions-CFR7"],
    default_on: true,
};

impl Rule for S3OriginWithoutAccessControl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            if !origin.is_s3() || origin.uses_origin_access() {
                continue;
            }
            if origin.domain_name.is_some_and(is_placeholder) {
                continue;
            }
            cx.report(
                &META,
                &ptr!["Origins", "Items", i],
                "this S3 origin has no origin access control (or identity): CloudFront reads the bucket anonymously, so it only works if the bucket is public, and then anyone can bypass CloudFront (and its WAF, logging and signed URLs)",
            )
            .anchor(Anchor::Head)
            .help("add OriginAccessControlId (an origin access control with signing behavior always), and a bucket policy that allows only cloudfront.amazonaws.com for this distribution")
            .push(out);
        }
    }
}
