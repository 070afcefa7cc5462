//! CF222 host-header-to-s3-or-api-gateway. Documentation: rules/CF222-host-header-to-s3-or-api-gateway.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct HostHeaderToS3OrApiGateway;

static META: RuleMeta = RuleMeta {
    code: "CF222",
    name: "host-header-to-s3-or-api-gateway",
    severity: Severity::Warning,
    summary: "The viewer's Host header sent to an S3 bucket or an API Gateway origin, which find the bucket or API by Host and answer 403",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF222-host-header-to-s3-or-api-gateway.md"),
    controls: &[],
    default_on: true,
};

impl Rule for HostHeaderToS3OrApiGateway {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        for (i, origin) in items(&config.origins) {
            let (Some(domain), Some(id)) = (origin.domain_name, origin.id) else {
                continue;
            };
            let what = if origin.is_s3() && origin.custom_origin_config.is_none() {
                "an S3 bucket, which S3 finds by the Host header"
            } else if domain.to_ascii_lowercase().contains(".execute-api.") {
                "an API Gateway endpoint, which API Gateway finds by the Host header"
            } else {
                continue;
            };
            for b in config.behaviors_reaching(id) {
                if b.behavior.forwards_host() != Some(true) {
                    continue;
                }
                let legacy = b
                    .behavior
                    .forwarded_values
                    .as_ref()
                    .and_then(|f| f.headers.as_ref())
                    .and_then(|h| {
                        h.iter()
                            .find(|(_, h)| **h == "*" || h.eq_ignore_ascii_case("host"))
                            .map(|(j, _)| j)
                    });
                let (at, how) = match legacy {
                    Some(j) => (
                        b.pointer().key("ForwardedValues").key("Headers").key("Items").index(j),
                        "forwards the viewer's headers, Host among them,",
                    ),
                    None => (
                        b.pointer().key("OriginRequestPolicyId"),
                        "has an origin request policy (AllViewer) that sends the viewer's Host header",
                    ),
                };
                cx.report(
                    &META,
                    &at,
                    format!("this behaviour {how} to origin `{domain}`, {what}: it gets the distribution's host name instead and answers 403"),
                )
                .label(&ptr!["Origins", "Items", i, "DomainName"], Anchor::Value, "the origin")
                .help("do not forward Host to this origin: use the managed AllViewerExceptHostHeader origin request policy (b689b0a8-53d0-40ab-baf2-68738e2966ac), or remove Host from ForwardedValues.Headers")
                .push(out);
            }
        }
    }
}
