//! CF218 duplicate-custom-header. Documentation: rules/CF218-duplicate-custom-header.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct DuplicateCustomHeader;

static META: RuleMeta = RuleMeta {
    code: "CF218",
    name: "duplicate-custom-header",
    severity: Severity::Warning,
    summary: "An origin custom header named twice (names compare without case): one value is lost, or CloudFront rejects the config",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF218-duplicate-custom-header.md"),
    controls: &[],
    default_on: true,
};

impl Rule for DuplicateCustomHeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let headers: Vec<(usize, &str)> = items(&origin.custom_headers)
                .filter_map(|(j, h)| h.header_name.map(|n| (j, n)))
                .filter(|(_, n)| !is_placeholder(n))
                .collect();
            for (k, (j, name)) in headers.iter().enumerate() {
                let Some((first, _)) = headers[..k]
                    .iter()
                    .find(|(_, n)| n.eq_ignore_ascii_case(name))
                else {
                    continue;
                };
                let at = |j: usize| {
                    ptr![
                        "Origins",
                        "Items",
                        i,
                        "CustomHeaders",
                        "Items",
                        j,
                        "HeaderName"
                    ]
                };
                cx.report(
                    &META,
                    &at(*j),
                    format!("origin custom header `{name}` is set a second time on this origin (header names compare without case): the origin gets one value at most, or CloudFront rejects the config"),
                )
                .label(&at(*first), Anchor::Value, "first set here")
                .help("keep one entry per header name; to send several values, join them in one HeaderValue as HTTP does (`a, b`)")
                .push(out);
            }
        }
    }
}
