//! CF701 viewer-allows-http. Documentation: rules/CF701-viewer-allows-http.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct ViewerAllowsHttp;

static META: RuleMeta = RuleMeta {
    code: "CF701",
    name: "viewer-allows-http",
    severity: Severity::Warning,
    summary:
        "A behaviour whose ViewerProtocolPolicy is allow-all: viewers may fetch it over plain HTTP",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF701-viewer-allows-http.md"),
    controls: &[
        "CloudFront.3",
        "cloudfront-viewer-policy-https",
        "CT.CLOUDFRONT.PR.3",
        "CLOUDFRONT_VIEWER_POLICY_HTTPS",
        "CKV_AWS_34",
        "AWS-0012",
        "KICS-31733ee2",
        "KICS-55af1353",
        "KICS-a5366a50",
    ],
    default_on: true,
};

impl Rule for ViewerAllowsHttp {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for b in cx.config.behaviors() {
            if b.behavior.viewer_protocol_policy != Some("allow-all") {
                continue;
            }
            cx.report(
                &META,
                &b.pointer().key("ViewerProtocolPolicy"),
                "ViewerProtocolPolicy is allow-all: CloudFront answers plain HTTP requests for this behaviour, so responses (and any cookies or tokens in them) cross the network unencrypted",
            )
            .help("set ViewerProtocolPolicy to redirect-to-https (or https-only for an API)")
            .push(out);
        }
    }
}
