//! CF704 weak-viewer-tls. Documentation: rules/CF704-weak-viewer-tls.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct WeakViewerTls;

/// The viewer policies that allow a protocol older than TLS 1.2 (the API's enum).
const WEAK: [&str; 4] = ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"];

static META: RuleMeta = RuleMeta {
    code: "CF704",
    name: "weak-viewer-tls",
    severity: Severity::Warning,
    summary: "A custom certificate whose MinimumProtocolVersion lets viewers connect with SSLv3, TLSv1 or TLSv1.1",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF704-weak-viewer-tls.md"),
    controls: &["cloudfront-security-policy-check", "CT.CLOUDFRONT.PR.9", "CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE", "CloudFront.15", "cloudfront-ssl-policy-check", "CKV_AWS_174", "AWS-0013", "KICS-dc17ee4b", "KICS-00e5e55e", "AwsSolutions-CFR4"],
    default_on: true,
};

impl Rule for WeakViewerTls {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx.config.custom_certificate() else {
            return;
        };
        let Some(version) = certificate.minimum_protocol_version else {
            return;
        };
        if !WEAK.contains(&version) {
            return;
        }
        cx.report(
            &META,
            &ptr!["ViewerCertificate", "MinimumProtocolVersion"],
            format!("MinimumProtocolVersion is {version}: CloudFront accepts viewer connections below TLS 1.2 on this certificate"),
        )
        .help("set MinimumProtocolVersion to TLSv1.2_2021 (or TLSv1.2_2025, TLSv1.3_2025)")
        .push(out);
    }
}
