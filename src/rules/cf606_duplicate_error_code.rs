//! CF606 duplicate-error-code. Documentation: rules/CF606-duplicate-error-code.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct DuplicateErrorCode;

static META: RuleMeta = RuleMeta {
    code: "CF606",
    name: "duplicate-error-code",
    severity: Severity::Error,
    summary: "Two custom error responses for one ErrorCode (CloudFront keeps one response per code and rejects the config)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF606-duplicate-error-code.md"),
    controls: &[],
    default_on: true,
};

impl Rule for DuplicateErrorCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let codes: Vec<(usize, i64)> = items(&cx.config.custom_error_responses)
            .filter_map(|(i, r)| r.error_code.map(|c| (i, c)))
            .collect();
        let at = |i: usize| ptr!["CustomErrorResponses", "Items", i, "ErrorCode"];
        for (k, (i, code)) in codes.iter().enumerate() {
            let Some((first, _)) = codes[..k].iter().find(|(_, c)| c == code) else {
                continue;
            };
            cx.report(&META, &at(*i), format!("a second custom error response for {code}: CloudFront keeps one response per error code and rejects the config"))
                .label(&at(*first), Anchor::Value, format!("the first response for {code}"))
                .help("keep one response per ErrorCode: merge the two, and set CustomErrorResponses.Quantity to match")
                .push(out);
        }
    }
}
