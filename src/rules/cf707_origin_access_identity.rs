//! CF707 origin-access-identity. Documentation: rules/CF707-origin-access-identity.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginAccessIdentity;

static META: RuleMeta = RuleMeta {
    code: "CF707",
    name: "origin-access-identity",
    severity: Severity::Info,
    summary: "An S3 origin protected by a legacy origin access identity rather than an origin access control",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF707-origin-access-identity.md"),
    controls: &["CloudFront.13", "cloudfront-s3-origin-access-control-enabled", "CT.CLOUDFRONT.PR.10", "AwsSolutions-CFR7"],
    default_on: true,
};

impl Rule for OriginAccessIdentity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let oac = origin
                .origin_access_control_id
                .is_some_and(|s| !s.is_empty());
            let oai = origin
                .s3_origin_config
                .as_ref()
                .and_then(|c| c.origin_access_identity)
                .is_some_and(|s| !s.is_empty());
            if oac || !oai {
                continue;
            }
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "S3OriginConfig", "OriginAccessIdentity"],
                "this S3 origin uses an origin access identity (legacy): it cannot sign requests to buckets encrypted with SSE-KMS, to S3 in Regions opened after December 2022, or PUT and DELETE requests",
            )
            .help("create an origin access control, set OriginAccessControlId, set OriginAccessIdentity to \"\", and update the bucket policy to allow cloudfront.amazonaws.com")
            .push(out);
        }
    }
}
