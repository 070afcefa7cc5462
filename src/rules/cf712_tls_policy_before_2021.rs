//! CF712 tls-policy-before-2021. Documentation: rules/CF712-tls-policy-before-2021.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct TlsPolicyBefore2021;

static META: RuleMeta = RuleMeta {
    code: "CF712",
    name: "tls-policy-before-2021",
    severity: Severity::Info,
    summary: "A custom certificate with the TLSv1.2_2018 or TLSv1.2_2019 policy, which AWS no longer recommends",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF712-tls-policy-before-2021.md"),
    controls: &["CloudFront.15", "cloudfront-ssl-policy-check", "AWS-0013"],
    default_on: true,
};

impl Rule for TlsPolicyBefore2021 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx.config.custom_certificate() else {
            return;
        };
        // A dedicated-IP distribution serves legacy clients; Security Hub leaves it out.
        if certificate.ssl_support_method == Some("vip") {
            return;
        }
        let Some(version @ ("TLSv1.2_2018" | "TLSv1.2_2019")) =
            certificate.minimum_protocol_version
        else {
            return;
        };
        cx.report(
            &META,
            &ptr!["ViewerCertificate", "MinimumProtocolVersion"],
            format!("MinimumProtocolVersion is {version}: viewers are held to TLS 1.2, but the policy still offers ciphers (CBC, SHA-1) that the 2021 and newer policies dropped"),
        )
        .help("set MinimumProtocolVersion to TLSv1.2_2021 (or TLSv1.2_2025, TLSv1.3_2025)")
        .push(out);
    }
}
