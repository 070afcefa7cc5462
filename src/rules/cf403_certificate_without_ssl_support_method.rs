//! CF403 certificate-without-ssl-support-method. Documentation: rules/CF403-certificate-without-ssl-support-method.md

use super::cf402_certificate_source_not_exactly_one::sources;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;
use serde_json::Value;

pub struct CertificateWithoutSslSupportMethod;

static META: RuleMeta = RuleMeta {
    code: "CF403",
    name: "certificate-without-ssl-support-method",
    severity: Severity::Error,
    summary:
        "An ACM or IAM certificate without SSLSupportMethod (CloudFront: InvalidViewerCertificate)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF403-certificate-without-ssl-support-method.md"),
    controls: &[],
    default_on: true,
};

impl Rule for CertificateWithoutSslSupportMethod {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx.raw.get("ViewerCertificate").and_then(Value::as_object) else {
            return;
        };
        let Some(found) = sources(certificate) else {
            return;
        };
        // With several sources CF402 speaks; only a custom certificate needs the method.
        if found.len() != 1 || found[0] == "CloudFrontDefaultCertificate" {
            return;
        }
        if certificate.contains_key("SSLSupportMethod")
            || certificate.contains_key("SslSupportMethod")
        {
            return;
        }
        cx.report(
            &META,
            &ptr!["ViewerCertificate"],
            format!("ViewerCertificate has {} but no SSLSupportMethod: CloudFront rejects the config (InvalidViewerCertificate)", found[0]),
        )
        .anchor(Anchor::Key)
        .help("add \"SSLSupportMethod\": \"sni-only\" (and \"MinimumProtocolVersion\": \"TLSv1.2_2021\"); vip costs extra and static-ip needs AWS to enable it")
        .push(out);
    }
}
