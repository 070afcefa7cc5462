//! CF219 origin-access-control-domain. Documentation: rules/CF219-origin-access-control-domain.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::{is_s3_rest_domain, items};
use crate::ptr;

pub struct OriginAccessControlDomain;

static META: RuleMeta = RuleMeta {
    code: "CF219",
    name: "origin-access-control-domain",
    severity: Severity::Error,
    summary: "An origin access control on a domain it cannot sign for: not an S3 bucket's REST endpoint, MediaStore, MediaPackage v2 or a Lambda function URL (CloudFront: InvalidDomainNameForOriginAccessControl)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF219-origin-access-control-domain.md"),
    controls: &[],
    default_on: true,
};

/// The origin types an OAC has (`OriginAccessControlOriginType`): s3, mediastore, mediapackagev2,
/// lambda. Each is reached at an AWS endpoint of its own.
fn oac_can_sign_for(domain: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    is_s3_rest_domain(&d)
        || (d.contains(".mediastore.") && d.contains(".amazonaws.com"))
        || (d.contains(".mediapackagev2.") && d.contains(".amazonaws.com"))
        || d.contains(".lambda-url.")
}

impl Rule for OriginAccessControlDomain {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let (Some(oac), Some(domain)) = (origin.origin_access_control_id, origin.domain_name)
            else {
                continue;
            };
            if oac.is_empty() || is_placeholder(domain) || oac_can_sign_for(domain) {
                continue;
            }
            let kind = if domain.to_ascii_lowercase().contains(".s3-website") {
                "an S3 website endpoint, which takes no signed requests"
            } else {
                "not an endpoint an origin access control signs for"
            };
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "OriginAccessControlId"],
                format!("origin `{domain}` has an origin access control, but it is {kind}: CloudFront rejects the config (InvalidDomainNameForOriginAccessControl)"),
            )
            .label(&ptr!["Origins", "Items", i, "DomainName"], super::Anchor::Value, "this domain")
            .help("an origin access control signs requests to S3 REST endpoints (bucket.s3.REGION.amazonaws.com), MediaStore, MediaPackage v2 and Lambda function URLs; for any other origin remove OriginAccessControlId (protect it with a secret custom header or a VPC origin instead)")
            .push(out);
        }
    }
}
