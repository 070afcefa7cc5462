//! CF402 certificate-source-not-exactly-one. Documentation: rules/CF402-certificate-source-not-exactly-one.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;
use serde_json::Value;

pub struct CertificateSourceNotExactlyOne;

static META: RuleMeta = RuleMeta {
    code: "CF402",
    name: "certificate-source-not-exactly-one",
    severity: Severity::Error,
    summary: "A ViewerCertificate needs exactly one of CloudFrontDefaultCertificate, ACMCertificateArn and IAMCertificateId (CloudFront: InvalidViewerCertificate)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF402-certificate-source-not-exactly-one.md"),
    controls: &[],
    default_on: true,
};

/// The certificate sources a ViewerCertificate names, read raw (CloudFormation spells the custom
/// ones AcmCertificateArn and IamCertificateId, and may compute them).
/// `None` when one of them is computed by CloudFormation (`Fn::If` …): then nobody can tell.
pub(super) fn sources(certificate: &serde_json::Map<String, Value>) -> Option<Vec<&'static str>> {
    const KEYS: [&str; 5] = [
        "CloudFrontDefaultCertificate",
        "ACMCertificateArn",
        "AcmCertificateArn",
        "IAMCertificateId",
        "IamCertificateId",
    ];
    if KEYS
        .iter()
        .any(|k| certificate.get(*k).is_some_and(crate::form::is_intrinsic))
    {
        return None;
    }
    let set = |keys: &[&str]| {
        keys.iter().any(|k| {
            certificate
                .get(*k)
                .is_some_and(|v| v.as_str() != Some("") && !v.is_null())
        })
    };
    let mut found = Vec::new();
    // CloudFormation also takes the strings "true" and "false".
    if certificate
        .get("CloudFrontDefaultCertificate")
        .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"))
    {
        found.push("CloudFrontDefaultCertificate");
    }
    if set(&["ACMCertificateArn", "AcmCertificateArn"]) {
        found.push("ACMCertificateArn");
    }
    if set(&["IAMCertificateId", "IamCertificateId"]) {
        found.push("IAMCertificateId");
    }
    Some(found)
}

impl Rule for CertificateSourceNotExactlyOne {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx
            .raw
            .get("ViewerCertificate")
            .filter(|v| !crate::form::is_intrinsic(v))
            .and_then(Value::as_object)
        else {
            return;
        };
        // The deprecated form (Certificate with CertificateSource) names its source itself.
        if certificate.contains_key("Certificate") && certificate.contains_key("CertificateSource")
        {
            return;
        }
        let Some(found) = sources(certificate) else {
            return;
        };
        if found.len() == 1 {
            return;
        }
        let message = if found.is_empty() {
            "ViewerCertificate names no certificate: CloudFront rejects the config (InvalidViewerCertificate); set CloudFrontDefaultCertificate to true, or give an ACM or IAM certificate".to_owned()
        } else {
            format!("ViewerCertificate names {}: CloudFront rejects the config (InvalidViewerCertificate: exactly one certificate source)", quoted_list(&found))
        };
        cx.report(&META, &ptr!["ViewerCertificate"], message)
            .anchor(Anchor::Key)
            .help("use either \"CloudFrontDefaultCertificate\": true (the *.cloudfront.net name only), or ACMCertificateArn with SSLSupportMethod sni-only and MinimumProtocolVersion TLSv1.2_2021, with CloudFrontDefaultCertificate false or absent")
            .push(out);
    }
}
