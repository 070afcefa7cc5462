//! CF310 grpc-requirements. Documentation: rules/CF310-grpc-requirements.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct GrpcRequirements;

static META: RuleMeta = RuleMeta {
    code: "CF310",
    name: "grpc-requirements",
    severity: Severity::Error,
    summary: "gRPC enabled on a behaviour without HTTP/2 on the distribution or without POST among its allowed methods (CloudFront rejects the config)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF310-grpc-requirements.md"),
    controls: &[],
    default_on: true,
};

impl Rule for GrpcRequirements {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let http_version = cx.config.http_version;
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            if b.grpc_config.as_ref().and_then(|g| g.enabled) != Some(true) {
                continue;
            }
            let at = behavior.pointer().key("GrpcConfig").key("Enabled");
            // HttpVersion defaults to http2.
            if let Some(v @ ("http1.1" | "http3")) = http_version {
                cx.report(&META, &at, format!("gRPC needs HTTP/2 between viewers and CloudFront, but HttpVersion is {v}: CloudFront rejects the config"))
                    .label(&ptr!["HttpVersion"], super::Anchor::Value, "the distribution's HTTP version")
                    .help("set HttpVersion to http2 or http2and3")
                    .push(out);
            }
            // Unset, AllowedMethods is GET and HEAD; computed by CloudFormation, it is unknown.
            let allows_post = match cx.raw_behavior_member(&behavior, &["AllowedMethods", "Items"])
            {
                Some(serde_json::Value::Array(methods)) => methods
                    .iter()
                    .any(|m| m.as_str().is_none_or(|m| m == "POST")),
                Some(_) => true,
                None => cx
                    .raw_at(&behavior.pointer().key("AllowedMethods"))
                    .is_some(),
            };
            if !allows_post {
                cx.report(&META, &at, "gRPC calls are POST requests, but this behaviour does not allow POST: CloudFront rejects the config")
                    .help("allow all seven methods (AllowedMethods GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE)")
                    .push(out);
            }
        }
    }
}
