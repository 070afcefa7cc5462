//! CF706 lambda-url-origin-without-oac. Documentation: rules/CF706-lambda-url-origin-without-oac.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct LambdaUrlOriginWithoutOac;

static META: RuleMeta = RuleMeta {
    code: "CF706",
    name: "lambda-url-origin-without-oac",
    severity: Severity::Warning,
    summary: "A Lambda function URL origin without an origin access control: the function URL is public, and callers can bypass CloudFront",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF706-lambda-url-origin-without-oac.md"),
    controls: &["CloudFront.16", "cloudfront-origin-lambda-url-oac-enabled"],
    default_on: true,
};

impl Rule for LambdaUrlOriginWithoutOac {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(domain) = origin.domain_name else {
                continue;
            };
            let d = domain.to_ascii_lowercase();
            if !(d.contains(".lambda-url.") && d.ends_with(".on.aws")) {
                continue;
            }
            if origin
                .origin_access_control_id
                .is_some_and(|s| !s.is_empty())
            {
                continue;
            }
            cx.report(
                &META,
                &ptr!["Origins", "Items", i],
                format!("`{domain}` is a Lambda function URL, and this origin has no origin access control: the URL must then allow unauthenticated calls (AuthType NONE), so anyone can call the function without CloudFront"),
            )
            .anchor(Anchor::Head)
            .help("add OriginAccessControlId (an origin access control of type lambda), set the function URL's AuthType to AWS_IAM, and allow cloudfront.amazonaws.com to invoke it")
            .push(out);
        }
    }
}
