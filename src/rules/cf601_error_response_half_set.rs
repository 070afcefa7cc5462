//! CF601 error-response-half-set. Documentation: rules/CF601-error-response-half-set.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;
use serde_json::Value;

pub struct ErrorResponseHalfSet;

static META: RuleMeta = RuleMeta {
    code: "CF601",
    name: "error-response-half-set",
    severity: Severity::Error,
    summary: "A custom error response with ResponsePagePath but no ResponseCode, or the other way round (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF601-error-response-half-set.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ErrorResponseHalfSet {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(responses) = cx
            .raw_at(&ptr!["CustomErrorResponses", "Items"])
            .and_then(Value::as_array)
        else {
            return;
        };
        for (i, response) in responses.iter().enumerate() {
            let Some(response) = response.as_object() else {
                continue;
            };
            let set = |k: &str| {
                response
                    .get(k)
                    .is_some_and(|v| v.as_str() != Some("") && !v.is_null())
            };
            let (page, code) = (set("ResponsePagePath"), set("ResponseCode"));
            if page == code {
                continue;
            }
            let (has, lacks) = if page {
                ("ResponsePagePath", "ResponseCode")
            } else {
                ("ResponseCode", "ResponsePagePath")
            };
            cx.report(
                &META,
                &ptr!["CustomErrorResponses", "Items", i, has],
                format!("this error response sets {has} without {lacks}: CloudFront rejects the config (InvalidArgument: \"Your request must specify both ResponsePagePath and ResponseCode together or none of them.\")"),
            )
            .anchor(Anchor::Key)
            .help(if page {
                "add the ResponseCode viewers should get with the page (\"200\" to hide the error, or the original code as a string)"
            } else {
                "add the ResponsePagePath of the page to serve (starting with /), or remove ResponseCode to only set ErrorCachingMinTTL"
            })
            .push(out);
        }
    }
}
