//! CF216 origin-path-form. Documentation: rules/CF216-origin-path-form.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginPathForm;

static META: RuleMeta = RuleMeta {
    code: "CF216",
    name: "origin-path-form",
    severity: Severity::Error,
    summary: "An OriginPath that does not start with `/` or that ends with `/` (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF216-origin-path-form.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginPathForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(path) = origin.origin_path else {
                continue;
            };
            if path.is_empty() || is_placeholder(path) {
                continue;
            }
            let trimmed = path.trim_matches('/');
            let wanted = if trimmed.is_empty() {
                "an empty OriginPath (\"\")".to_owned()
            } else {
                format!("`/{trimmed}`")
            };
            let problem = if !path.starts_with('/') {
                "does not start with `/`"
            } else if path.ends_with('/') {
                "ends with `/`"
            } else {
                continue;
            };
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "OriginPath"],
                format!("OriginPath `{path}` {problem}: CloudFront takes a directory path that starts with `/` and does not end with one, and rejects the config (InvalidArgument)"),
            )
            .help(format!("write {wanted}; CloudFront puts it before every request path it sends to this origin"))
            .push(out);
        }
    }
}
