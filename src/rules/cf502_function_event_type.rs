//! CF502 function-event-type. Documentation: rules/CF502-function-event-type.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;

pub struct FunctionEventType;

static META: RuleMeta = RuleMeta {
    code: "CF502",
    name: "function-event-type",
    severity: Severity::Error,
    summary: "A CloudFront Function on an origin event, or two functions on one event of a behaviour (CloudFront rejects both)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF502-function-event-type.md"),
};

impl Rule for FunctionEventType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            let function_at = |i: usize| behavior.pointer.key("FunctionAssociations").key("Items").index(i).key("EventType");
            let lambda_at = |i: usize| behavior.pointer.key("LambdaFunctionAssociations").key("Items").index(i).key("EventType");
            let mut seen: Vec<(&str, crate::json::Pointer, &str)> = Vec::new();
            for (i, f) in items(&b.function_associations) {
                let Some(event) = f.event_type else { continue };
                if event.starts_with("origin-") {
                    cx.report(
                        &META,
                        &function_at(i),
                        format!("a CloudFront Function cannot run on {event}: CloudFront Functions run only on viewer-request and viewer-response, and CloudFront rejects the config"),
                    )
                    .help(format!("use a Lambda@Edge function (LambdaFunctionAssociations) for {event}, or move this function to the viewer event"))
                    .push(out);
                }
                seen.push((event, function_at(i), "CloudFront Function"));
            }
            for (i, f) in items(&b.lambda_function_associations) {
                if let Some(event) = f.event_type {
                    seen.push((event, lambda_at(i), "Lambda@Edge function"));
                }
            }
            for (j, (event, at, kind)) in seen.iter().enumerate() {
                let Some((_, first_at, first_kind)) = seen[..j].iter().find(|(e, _, _)| e == event) else { continue };
                cx.report(
                    &META,
                    at,
                    format!("a second function ({kind}) on {event} in this behaviour: each event takes one function, so CloudFront rejects the config (\"The event type of a function association must be unique in the cache behavior.\")"),
                )
                .label(first_at, Anchor::Value, format!("the {first_kind} already on {event}"))
                .help("keep one function per event: merge the two, or move one to the other event of the same side (viewer-request / viewer-response)")
                .push(out);
            }
        }
    }
}
