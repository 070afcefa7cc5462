//! CF212 https-to-s3-website. Documentation: rules/CF212-https-to-s3-website.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct HttpsToS3Website;

static META: RuleMeta = RuleMeta {
    code: "CF212",
    name: "https-to-s3-website",
    severity: Severity::Warning,
    summary: "A custom origin that reaches an S3 website endpoint over HTTPS, which website endpoints do not speak (502 or 504 errors)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF212-https-to-s3-website.md"),
    controls: &[],
    default_on: true,
};

impl Rule for HttpsToS3Website {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let (Some(custom), Some(domain)) = (&origin.custom_origin_config, origin.domain_name)
            else {
                continue;
            };
            if !domain.to_ascii_lowercase().contains(".s3-website") {
                continue;
            }
            let policy = custom.origin_protocol_policy;
            let when = match policy {
                Some("https-only") => "every request",
                Some("match-viewer") => "every HTTPS request from a viewer",
                _ => continue,
            };
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "CustomOriginConfig", "OriginProtocolPolicy"],
                format!("`{domain}` is an S3 website endpoint, which serves only HTTP, but OriginProtocolPolicy is {}: CloudFront fails {when} (502 or 504 errors)", policy.unwrap_or_default()),
            )
            .help("set OriginProtocolPolicy to http-only (viewers can still use HTTPS to CloudFront), or use the bucket's REST endpoint with S3OriginConfig and an origin access control")
            .push(out);
        }
    }
}
