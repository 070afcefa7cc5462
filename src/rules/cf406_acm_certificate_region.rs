//! CF406 acm-certificate-region. Documentation: rules/CF406-acm-certificate-region.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct AcmCertificateRegion;

static META: RuleMeta = RuleMeta {
    code: "CF406",
    name: "acm-certificate-region",
    severity: Severity::Error,
    summary: "An ACMCertificateArn outside us-east-1, or not an ACM certificate's ARN (CloudFront: InvalidViewerCertificate)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF406-acm-certificate-region.md"),
    controls: &[],
    default_on: true,
};

impl Rule for AcmCertificateRegion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(arn) = cx
            .config
            .viewer_certificate
            .as_ref()
            .and_then(|c| c.acm_certificate_arn)
        else {
            return;
        };
        if arn.is_empty() || is_placeholder(arn) {
            return;
        }
        let at = ptr!["ViewerCertificate", "ACMCertificateArn"];
        // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let [prefix, partition, service, region, _, resource] = parts[..] else {
            cx.report(&META, &at, format!("`{arn}` is not an ARN: CloudFront takes the ARN of an ACM certificate in us-east-1 here and rejects the config (InvalidViewerCertificate)"))
                .help("use the certificate's full ARN, `arn:aws:acm:us-east-1:ACCOUNT:certificate/ID`")
                .push(out);
            return;
        };
        // China's partition has no ACM for CloudFront, and other partitions have other rules.
        if prefix != "arn" || partition != "aws" {
            return;
        }
        if service != "acm" || !resource.starts_with("certificate/") {
            cx.report(&META, &at, format!("`{arn}` is not an ACM certificate's ARN ({service}): CloudFront rejects the config (InvalidViewerCertificate)"))
                .help("an IAM server certificate goes in IAMCertificateId (its id, not its ARN); an ACM certificate's ARN looks like `arn:aws:acm:us-east-1:ACCOUNT:certificate/ID`")
                .push(out);
            return;
        }
        if region != "us-east-1" && !is_placeholder(region) {
            cx.report(&META, &at, format!("the certificate is in {region}, but CloudFront reads ACM certificates only from us-east-1: CloudFront rejects the config (InvalidViewerCertificate: \"The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.\")"))
                .help("request or import the certificate in ACM in us-east-1 (US East, N. Virginia) and use that ARN; the certificate for a load balancer origin stays in the load balancer's region")
                .push(out);
        }
    }
}
