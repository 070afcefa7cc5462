//! CF502 function-event-type. Documentation: rules/CF502-function-event-type.md

use super::text::is_placeholder;
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
    controls: &[],
    default_on: true,
};

impl Rule for FunctionEventType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            let function_at = |i: usize| {
                behavior
                    .pointer()
                    .key("FunctionAssociations")
                    .key("Items")
                    .index(i)
                    .key("EventType")
            };
            let lambda_at = |i: usize| {
                behavior
                    .pointer()
                    .key("LambdaFunctionAssociations")
                    .key("Items")
                    .index(i)
                    .key("EventType")
            };
            // (event, where, which kind); events still to be filled in are left alone.
            let functions: Vec<(&str, crate::json::Pointer)> = items(&b.function_associations)
                .filter_map(|(i, f)| {
                    f.event_type
                        .filter(|e| !is_placeholder(e))
                        .map(|e| (e, function_at(i)))
                })
                .collect();
            let lambdas: Vec<(&str, crate::json::Pointer)> = items(&b.lambda_function_associations)
                .filter_map(|(i, f)| {
                    f.event_type
                        .filter(|e| !is_placeholder(e))
                        .map(|e| (e, lambda_at(i)))
                })
                .collect();
            for (event, at) in &functions {
                if event.starts_with("origin-") {
                    cx.report(
                        &META,
                        at,
                        format!("a CloudFront Function cannot run on {event}: CloudFront Functions run only on viewer-request and viewer-response, and CloudFront rejects the config"),
                    )
                    .help(format!("use a Lambda@Edge function (LambdaFunctionAssociations) for {event}, or move this function to the viewer event"))
                    .push(out);
                }
            }
            // Two of one kind on one event.
            for list in [&functions, &lambdas] {
                for (j, (event, at)) in list.iter().enumerate() {
                    if let Some((_, first)) = list[..j].iter().find(|(e, _)| e == event) {
                        cx.report(
                            &META,
                            at,
                            format!("a second function on {event} in this behaviour: each event takes one function, so CloudFront rejects the config (\"The event type of a function association must be unique in the cache behavior.\")"),
                        )
                        .label(first, Anchor::Value, format!("the function already on {event}"))
                        .help("keep one function per event: merge the two")
                        .push(out);
                    }
                }
            }
            // CloudFront Functions and Lambda@Edge do not share the viewer side of a behaviour.
            let function_on_viewer = functions.iter().find(|(e, _)| e.starts_with("viewer-"));
            if let Some((function_event, function_at)) = function_on_viewer {
                for (event, at) in lambdas.iter().filter(|(e, _)| e.starts_with("viewer-")) {
                    cx.report(
                        &META,
                        at,
                        format!("a Lambda@Edge function on {event} beside a CloudFront Function on {function_event}: a behaviour's viewer events take one kind of function, so CloudFront rejects the config (\"The event type of a function association must be unique in the cache behavior.\" when both are on one event)"),
                    )
                    .label(function_at, Anchor::Value, format!("the CloudFront Function on {function_event}"))
                    .help("move the Lambda@Edge function to an origin event (origin-request or origin-response), or merge the viewer logic into one kind of function")
                    .push(out);
                }
            }
        }
    }
}
