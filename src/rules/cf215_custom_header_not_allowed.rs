//! CF215 custom-header-not-allowed. Documentation: rules/CF215-custom-header-not-allowed.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct CustomHeaderNotAllowed;

static META: RuleMeta = RuleMeta {
    code: "CF215",
    name: "custom-header-not-allowed",
    severity: Severity::Error,
    summary: "An origin custom header CloudFront does not let you add (Host, Cookie, X-Amz-*, …)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF215-custom-header-not-allowed.md"),
    controls: &[],
    default_on: true,
};

/// Developer Guide, "Adding custom headers to origin requests": headers that cannot be added.
const DENIED: [&str; 22] = [
    "cache-control",
    "connection",
    "content-length",
    "cookie",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "max-forwards",
    "pragma",
    "proxy-authorization",
    "proxy-connection",
    "range",
    "request-range",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-real-ip",
];

impl Rule for CustomHeaderNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let list = if cx.is_cloudformation() {
            "OriginCustomHeaders"
        } else {
            "CustomHeaders"
        };
        for (o, origin) in items(&cx.config.origins) {
            for (h, header) in items(&origin.custom_headers) {
                let Some(name) = header.header_name else {
                    continue;
                };
                let lower = name.to_ascii_lowercase();
                let why = if DENIED.contains(&lower.as_str()) {
                    "CloudFront sets or controls it itself"
                } else if lower.starts_with("x-amz-") || lower.starts_with("x-edge-") {
                    "the X-Amz-* and X-Edge-* names are reserved for AWS"
                } else {
                    continue;
                };
                cx.report(
                    &META,
                    &ptr!["Origins", "Items", o, list, "Items", h, "HeaderName"],
                    format!("CloudFront does not let an origin custom header be named `{name}` ({why}), and rejects the config"),
                )
                .help("use a header name of your own (for example X-Origin-Verify for a shared secret), or forward the viewer's header with an origin request policy")
                .push(out);
            }
        }
    }
}
