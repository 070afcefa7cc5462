//! CF703 deprecated-origin-ssl-protocol. Documentation: rules/CF703-deprecated-origin-ssl-protocol.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct DeprecatedOriginSslProtocol;

static META: RuleMeta = RuleMeta {
    code: "CF703",
    name: "deprecated-origin-ssl-protocol",
    severity: Severity::Warning,
    summary: "A custom origin that allows SSLv3 (warning) or TLSv1/TLSv1.1 (info) between CloudFront and the origin",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF703-deprecated-origin-ssl-protocol.md"),
    controls: &["CloudFront.10", "cloudfront-no-deprecated-ssl-protocols", "CT.CLOUDFRONT.PR.11", "CKV2_AWS_54", "AwsSolutions-CFR5"],
    default_on: true,
};

impl Rule for DeprecatedOriginSslProtocol {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(custom) = &origin.custom_origin_config else {
                continue;
            };
            let list = ptr![
                "Origins",
                "Items",
                i,
                "CustomOriginConfig",
                "OriginSslProtocols",
                "Items"
            ];
            let protocols: Vec<(usize, &str)> = items(&custom.origin_ssl_protocols)
                .map(|(j, p)| (j, *p))
                .collect();
            for &(j, p) in &protocols {
                if p == "SSLv3" {
                    cx.report(&META, &list.index(j), "SSLv3 is allowed to this origin: CloudFront will use it with an origin that offers nothing newer, and SSLv3 is broken (POODLE)")
                        .help("remove SSLv3 from OriginSslProtocols (keep TLSv1.2)")
                        .push(out);
                }
            }
            // TLSv1 and TLSv1.1 are deprecated but not broken: one note per origin, at the oldest.
            if let Some(&(j, p)) = protocols
                .iter()
                .find(|(_, p)| *p == "TLSv1" || *p == "TLSv1.1")
            {
                cx.report(&META, &list.index(j), format!("{p} is allowed to this origin: CloudFront will use it with an origin that offers nothing newer, and TLS before 1.2 is deprecated (RFC 8996)"))
                    .severity(Severity::Info)
                    .help("allow only TLSv1.2 in OriginSslProtocols once the origin supports it")
                    .push(out);
            }
        }
    }
}
