//! CF713 dedicated-ip-certificate. Documentation: rules/CF713-dedicated-ip-certificate.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct DedicatedIpCertificate;

static META: RuleMeta = RuleMeta {
    code: "CF713",
    name: "dedicated-ip-certificate",
    severity: Severity::Info,
    summary: "A custom certificate served from dedicated IP addresses (SSLSupportMethod vip) rather than SNI",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF713-dedicated-ip-certificate.md"),
    controls: &["CloudFront.8", "cloudfront-sni-enabled", "CT.CLOUDFRONT.PR.7", "CLOUDFRONT_SNI_ENABLED"],
    default_on: true,
};

impl Rule for DedicatedIpCertificate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(certificate) = cx.config.custom_certificate() else {
            return;
        };
        if certificate.ssl_support_method != Some("vip") {
            return;
        }
        cx.report(
            &META,
            &ptr!["ViewerCertificate", "SSLSupportMethod"],
            "SSLSupportMethod is vip: CloudFront serves this certificate from dedicated IP addresses at every edge location, billed monthly, for clients too old to send SNI, and vip is held to TLSv1 or SSLv3 floors unless AWS Support enables more",
        )
        .help("set SSLSupportMethod to sni-only (every browser since about 2010 sends SNI)")
        .push(out);
    }
}
