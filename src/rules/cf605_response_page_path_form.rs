//! CF605 response-page-path-form. Documentation: rules/CF605-response-page-path-form.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct ResponsePagePathForm;

static META: RuleMeta = RuleMeta {
    code: "CF605",
    name: "response-page-path-form",
    severity: Severity::Error,
    summary: "A custom error ResponsePagePath that does not start with `/` or is not URL-encoded (CloudFront: InvalidRelativePath)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF605-response-page-path-form.md"),
    controls: &[],
    default_on: true,
};

impl Rule for ResponsePagePathForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, response) in items(&cx.config.custom_error_responses) {
            let Some(path) = response.response_page_path else {
                continue;
            };
            if path.is_empty() || is_placeholder(path) {
                continue;
            }
            let problem = if path.contains("://") {
                "is a URL, not a path"
            } else if !path.starts_with('/') {
                "does not start with `/`"
            } else if path.contains(|c: char| c.is_whitespace() || !c.is_ascii()) {
                "is not URL-encoded (it has a space or a character outside ASCII)"
            } else {
                continue;
            };
            let help = if path.contains("://") {
                "give the path of the page on this distribution (`/errors/404.html`); a behaviour whose path pattern matches it decides which origin serves it".to_owned()
            } else if !path.starts_with('/') {
                format!("write `/{path}`")
            } else {
                "encode the path as it appears in a URL (a space is %20)".to_owned()
            };
            cx.report(
                &META,
                &ptr!["CustomErrorResponses", "Items", i, "ResponsePagePath"],
                format!("ResponsePagePath `{path}` {problem}: CloudFront rejects the config (InvalidRelativePath)"),
            )
            .help(help)
            .push(out);
        }
    }
}
