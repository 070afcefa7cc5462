//! CF710 default-certificate. Documentation: rules/CF710-default-certificate.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::ptr;

pub struct DefaultCertificate;

static META: RuleMeta = RuleMeta {
    code: "CF710",
    name: "default-certificate",
    severity: Severity::Info,
    summary: "A distribution served with CloudFront's default *.cloudfront.net certificate",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF710-default-certificate.md"),
    controls: &[
        "CloudFront.7",
        "cloudfront-custom-ssl-certificate",
        "CT.CLOUDFRONT.PR.6",
        "CLOUDFRONT_CUSTOM_SSL_CERTIFICATE",
        "CKV2_AWS_42",
        "KICS-3a1e94df",
        "KICS-b4d9c12b",
    ],
    default_on: true,
};

impl Rule for DefaultCertificate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // Computed (a placeholder, an intrinsic function, a Terraform `dynamic` block): unknown.
        if cx
            .raw
            .get("ViewerCertificate")
            .is_some_and(|v| !v.is_object() || crate::form::is_intrinsic(v))
        {
            return;
        }
        let certificate = cx.config.viewer_certificate.as_ref();
        if certificate.is_some_and(|c| c.is_custom()) {
            return;
        }
        // A certificate CloudFormation computes (a parameter, an Fn::If) may be a custom one.
        if certificate.is_some_and(|c| c.cloudfront_default_certificate != Some(true)) {
            return;
        }
        let at = if certificate.is_some() {
            ptr!["ViewerCertificate", "CloudFrontDefaultCertificate"]
        } else {
            Pointer::root()
        };
        cx.report(
            &META,
            &at,
            "the distribution uses CloudFront's default certificate: viewers reach it only as *.cloudfront.net, and its TLS floor is fixed at TLSv1",
        )
        .anchor(Anchor::Head)
        .help("add an alternate domain name and ViewerCertificate with ACMCertificateArn (a certificate in us-east-1), SSLSupportMethod sni-only and MinimumProtocolVersion TLSv1.2_2021")
        .push(out);
    }
}
