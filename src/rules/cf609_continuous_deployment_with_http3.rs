//! CF609 continuous-deployment-with-http3. Documentation: rules/CF609-continuous-deployment-with-http3.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct ContinuousDeploymentWithHttp3;

static META: RuleMeta = RuleMeta {
    code: "CF609",
    name: "continuous-deployment-with-http3",
    severity: Severity::Error,
    summary: "A distribution in continuous deployment (a policy or Staging) with HTTP/3 enabled, which continuous deployment does not support",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF609-continuous-deployment-with-http3.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ContinuousDeploymentWithHttp3 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let Some(version @ ("http3" | "http2and3")) = config.http_version else {
            return;
        };
        let (at, what) = if config.staging == Some(true) {
            (ptr!["Staging"], "a staging distribution")
        } else if config
            .continuous_deployment_policy_id
            .is_some_and(|p| !p.is_empty())
        {
            (
                ptr!["ContinuousDeploymentPolicyId"],
                "a primary distribution with a continuous deployment policy",
            )
        } else {
            return;
        };
        cx.report(&META, &ptr!["HttpVersion"], format!("HttpVersion is {version} on {what}: continuous deployment does not support HTTP/3, so CloudFront rejects the config"))
            .label(&at, Anchor::Key, "continuous deployment")
            .help("set HttpVersion to http2 (or http1.1) on both the primary and the staging distribution while continuous deployment is in use")
            .push(out);
    }
}
