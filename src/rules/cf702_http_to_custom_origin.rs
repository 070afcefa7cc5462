//! CF702 http-to-custom-origin. Documentation: rules/CF702-http-to-custom-origin.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct HttpToCustomOrigin;

static META: RuleMeta = RuleMeta {
    code: "CF702",
    name: "http-to-custom-origin",
    severity: Severity::Warning,
    summary: "A custom origin reached over plain HTTP: http-only, or match-viewer while a behaviour allows HTTP",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF702-http-to-custom-origin.md"),
    controls: &["CloudFront.9", "cloudfront-traffic-to-origin-encrypted", "CT.CLOUDFRONT.PR.8", "CKV2_AWS_72"],
    default_on: true,
};

impl Rule for HttpToCustomOrigin {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let allowing_http = cx.config.behavior_allowing_http();
        for (i, origin) in items(&cx.config.origins) {
            let Some(custom) = &origin.custom_origin_config else {
                continue;
            };
            let at = ptr![
                "Origins",
                "Items",
                i,
                "CustomOriginConfig",
                "OriginProtocolPolicy"
            ];
            let website = origin
                .domain_name
                .is_some_and(|d| d.to_ascii_lowercase().contains(".s3-website"));
            match custom.origin_protocol_policy {
                Some("http-only") if website => cx
                    .report(&META, &at, "OriginProtocolPolicy is http-only: CloudFront fetches from this S3 website endpoint over plain HTTP (website endpoints serve no HTTPS)")
                    .severity(Severity::Info)
                    .help("to encrypt the link, use the bucket's REST endpoint with S3OriginConfig and an origin access control")
                    .push(out),
                Some("http-only") => cx
                    .report(&META, &at, "OriginProtocolPolicy is http-only: CloudFront sends every request to this origin over plain HTTP, whatever the viewer used")
                    .help("set OriginProtocolPolicy to https-only (the origin needs a certificate valid for its DomainName)")
                    .push(out),
                Some("match-viewer") => {
                    let Some(b) = &allowing_http else { continue };
                    cx.report(&META, &at, "OriginProtocolPolicy is match-viewer and a behaviour allows plain HTTP: CloudFront forwards those HTTP requests to this origin over plain HTTP")
                        .label(&b.pointer().key("ViewerProtocolPolicy"), Anchor::Value, "this behaviour allows HTTP")
                        .help("set OriginProtocolPolicy to https-only, or make every behaviour redirect-to-https or https-only")
                        .push(out);
                }
                _ => {}
            }
        }
    }
}
