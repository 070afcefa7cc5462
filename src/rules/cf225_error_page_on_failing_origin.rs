//! CF225 error-page-on-failing-origin. Documentation: rules/CF225-error-page-on-failing-origin.md

use super::cf306_unreachable_behavior::{covers, normal};
use super::text::{has_template, is_placeholder};
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::{items, BehaviorRef, DistributionConfig};
use crate::ptr;

pub struct ErrorPageOnFailingOrigin;

static META: RuleMeta = RuleMeta {
    code: "CF225",
    name: "error-page-on-failing-origin",
    severity: Severity::Warning,
    summary: "A custom page for a 5xx error is served from the same origin (or origin group) whose failure it is for, so it is unreachable in that outage",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF225-error-page-on-failing-origin.md"),
    controls: &[],
    default_on: true,
};

/// The error codes an origin that is down or failing produces.
const ORIGIN_FAILURES: [i64; 4] = [500, 502, 503, 504];

/// The behaviour that serves `path`, in CloudFront's match order, or `None` when the config cannot
/// say (a pattern computed at deploy time, an unreadable list).
pub fn behavior_for<'c>(config: &'c DistributionConfig<'c>, path: &str) -> Option<BehaviorRef<'c>> {
    if !config.behaviors_known() {
        return None;
    }
    let mut ordered = config
        .behaviors()
        .skip(usize::from(config.default_cache_behavior.is_some()));
    for b in ordered.by_ref() {
        let pattern = b.behavior.path_pattern?;
        if has_template(pattern) {
            return None;
        }
        if covers(normal(pattern).as_bytes(), normal(path).as_bytes()) {
            return Some(b);
        }
    }
    config.behaviors().next().filter(|b| b.is_default())
}

fn describe(b: &BehaviorRef) -> String {
    match b.behavior.path_pattern {
        Some(p) if !b.is_default() => {
            format!("the behaviour for `{p}`")
        }
        _ => "the default behaviour".to_owned(),
    }
}

impl Rule for ErrorPageOnFailingOrigin {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        for (i, response) in items(&config.custom_error_responses) {
            let (Some(code), Some(path)) = (response.error_code, response.response_page_path)
            else {
                continue;
            };
            if !ORIGIN_FAILURES.contains(&code)
                || !path.starts_with('/')
                || is_placeholder(path)
                || has_template(path)
            {
                continue;
            }
            let Some(page) = behavior_for(config, path) else {
                continue;
            };
            let Some(target) = page
                .behavior
                .target_origin_id
                .filter(|t| !is_placeholder(t))
            else {
                continue;
            };
            // Another behaviour (or the page's own, when it is the default one and so serves
            // everything else) whose requests fail with the same target.
            let is_default = page.is_default();
            let other = config.behaviors().find(|b| {
                b.pointer() != page.pointer() && b.behavior.target_origin_id == Some(target)
            });
            let failing = match (&other, is_default) {
                (Some(b), _) => describe(b),
                (None, true) => "every path no other behaviour matches".to_owned(),
                (None, false) => continue,
            };
            let kind = if config.origin_group(target).is_some() {
                "origin group"
            } else {
                "origin"
            };
            let mut report = cx
                .report(
                    &META,
                    &ptr!["CustomErrorResponses", "Items", i, "ResponsePagePath"],
                    format!("the page for {code} errors, `{path}`, is fetched through {} from {kind} `{target}`, which also serves {failing}: when `{target}` fails with {code}, CloudFront cannot fetch the page from it either, and viewers get CloudFront's own error page in exactly the outage this page is for", describe(&page)),
                )
                .label(&page.pointer().key("TargetOriginId"), Anchor::Value, "the page comes from here")
                .help("keep error pages on an origin that does not fail with the site: an S3 bucket with its own behaviour (for example `/errors/*`) that no other behaviour targets");
            if let Some(b) = other {
                report = report.label(
                    &b.pointer().key("TargetOriginId"),
                    Anchor::Value,
                    "the same target",
                );
            }
            report.push(out);
        }
    }
}
