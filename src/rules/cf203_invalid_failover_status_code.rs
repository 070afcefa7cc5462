//! CF203 invalid-failover-status-code. Documentation: rules/CF203-invalid-failover-status-code.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::facts::FAILOVER_STATUS_CODES;
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct InvalidFailoverStatusCode;

static META: RuleMeta = RuleMeta {
    code: "CF203",
    name: "invalid-failover-status-code",
    severity: Severity::Error,
    summary: "A failover status code CloudFront does not accept (only 400, 403, 404, 416, 500, 502, 503, 504)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF203-invalid-failover-status-code.md"),
    controls: &[],
    default_on: true,
};

impl Rule for InvalidFailoverStatusCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (g, group) in items(&cx.config.origin_groups) {
            let Some(codes) = group
                .failover_criteria
                .as_ref()
                .and_then(|c| c.status_codes.as_ref())
            else {
                continue;
            };
            for (i, &code) in codes.iter() {
                if FAILOVER_STATUS_CODES.contains(&code) {
                    continue;
                }
                let why = match code {
                    401 | 405 | 407 | 408 | 429 => " (it is a client error CloudFront never fails over on)",
                    501 => " (501 means the method is unsupported, which a second origin would not change)",
                    _ => "",
                };
                cx.report(
                    &META,
                    &ptr!["OriginGroups", "Items", g, "FailoverCriteria", "StatusCodes", "Items", i],
                    format!("CloudFront cannot fail over on status code {code}{why}: origin groups accept only 400, 403, 404, 416, 500, 502, 503 and 504"),
                )
                .help(format!("remove {code}; connection failures and timeouts fail over without any status code"))
                .push(out);
            }
        }
    }
}
