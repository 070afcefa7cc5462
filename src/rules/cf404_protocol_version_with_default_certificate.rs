//! CF404 protocol-version-with-default-certificate. Documentation: rules/CF404-protocol-version-with-default-certificate.md

use super::cf402_certificate_source_not_exactly_one::sources;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;
use serde_json::Value;

pub struct ProtocolVersionWithDefaultCertificate;

static META: RuleMeta = RuleMeta {
    code: "CF404",
    name: "protocol-version-with-default-certificate",
    severity: Severity::Warning,
    summary:
        "A MinimumProtocolVersion other than TLSv1 with the default certificate, which ignores it",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF404-protocol-version-with-default-certificate.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ProtocolVersionWithDefaultCertificate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx.raw.get("ViewerCertificate").and_then(Value::as_object) else {
            return;
        };
        if sources(certificate).is_none_or(|s| s != ["CloudFrontDefaultCertificate"]) {
            return;
        }
        let Some(version) = certificate
            .get("MinimumProtocolVersion")
            .and_then(Value::as_str)
        else {
            return;
        };
        // Only a stricter policy than the one CloudFront keeps is a lost intention.
        if version == "TLSv1" || version == "SSLv3" {
            return;
        }
        cx.report(
            &META,
            &ptr!["ViewerCertificate", "MinimumProtocolVersion"],
            format!("MinimumProtocolVersion {version} has no effect with the default *.cloudfront.net certificate: CloudFront keeps its TLSv1 policy, so viewers can still connect with TLS 1.0 and 1.1"),
        )
        .help("to enforce a modern TLS policy, serve an alternate domain name with an ACM certificate (SSLSupportMethod sni-only); otherwise remove MinimumProtocolVersion")
        .push(out);
    }
}
