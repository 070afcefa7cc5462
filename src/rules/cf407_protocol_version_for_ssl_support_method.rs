//! CF407 protocol-version-for-ssl-support-method. Documentation: rules/CF407-protocol-version-for-ssl-support-method.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct ProtocolVersionForSslSupportMethod;

static META: RuleMeta = RuleMeta {
    code: "CF407",
    name: "protocol-version-for-ssl-support-method",
    severity: Severity::Error,
    summary: "A MinimumProtocolVersion the SSLSupportMethod cannot use (sni-only with SSLv3, vip with a 2016-or-later policy), or static-ip (CloudFront: InvalidProtocolSettings)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF407-protocol-version-for-ssl-support-method.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ProtocolVersionForSslSupportMethod {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(cert) = &cx.config.viewer_certificate else {
            return;
        };
        // With the default certificate CF404 speaks about the protocol version.
        if cert.cloudfront_default_certificate == Some(true) {
            return;
        }
        let method = cert.ssl_support_method;
        let version = cert.minimum_protocol_version;
        let version_at = ptr!["ViewerCertificate", "MinimumProtocolVersion"];
        match (method, version) {
            (Some("sni-only"), Some("SSLv3")) => {
                cx.report(&META, &version_at, "MinimumProtocolVersion SSLv3 with SSLSupportMethod sni-only: SSLv3 clients do not send SNI, so CloudFront rejects the config (InvalidProtocolSettings: \"You cannot specify both.\")")
                    .help("use TLSv1.2_2021 (the recommended policy); SSLv3 is insecure and only a dedicated-IP (vip) distribution could serve it")
                    .push(out);
            }
            (Some("vip"), Some(v)) if v != "SSLv3" && v != "TLSv1" => {
                cx.report(&META, &version_at, format!("MinimumProtocolVersion {v} with SSLSupportMethod vip: dedicated-IP distributions take only SSLv3 or TLSv1 unless AWS Support enabled more, so CloudFront rejects the config (\"The specified MinimumProtocolVersion cannot be used with the specified SSLSupportMethod\")"))
                    .help("use sni-only (every current browser sends SNI, and vip costs $600 a month) with this policy")
                    .push(out);
            }
            (Some("static-ip"), _) => {
                cx.report(&META, &ptr!["ViewerCertificate", "SSLSupportMethod"], "SSLSupportMethod static-ip is only for accounts AWS Support enabled for static IPs: CloudFront rejects it otherwise")
                    .severity(Severity::Warning)
                    .help("use sni-only, unless AWS Support enabled static IPs for this account")
                    .push(out);
            }
            _ => {}
        }
    }
}
