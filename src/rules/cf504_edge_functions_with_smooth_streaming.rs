//! CF504 edge-functions-with-smooth-streaming. Documentation: rules/CF504-edge-functions-with-smooth-streaming.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct EdgeFunctionsWithSmoothStreaming;

static META: RuleMeta = RuleMeta {
    code: "CF504",
    name: "edge-functions-with-smooth-streaming",
    severity: Severity::Warning,
    summary: "A behaviour with SmoothStreaming and an edge function: edge functions do not run on Smooth Streaming behaviours",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF504-edge-functions-with-smooth-streaming.md"),
    controls: &[],
    default_on: true,
};

impl Rule for EdgeFunctionsWithSmoothStreaming {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            if b.smooth_streaming != Some(true) {
                continue;
            }
            let has = |l: Option<usize>| l.unwrap_or(0) > 0;
            let lambda = has(b.lambda_function_associations.as_ref().map(|l| l.len()));
            let function = has(b.function_associations.as_ref().map(|l| l.len()));
            let member = match (lambda, function) {
                (true, _) => "LambdaFunctionAssociations",
                (false, true) => "FunctionAssociations",
                _ => continue,
            };
            cx.report(&META, &behavior.pointer().key("SmoothStreaming"), format!("SmoothStreaming is true on a behaviour with {member}: CloudFront does not support edge functions with Microsoft Smooth Streaming, so the functions will not do their work here"))
                .label(&behavior.pointer().key(member), super::Anchor::Key, "the edge functions")
                .help("serve Smooth Streaming content from a behaviour of its own without edge functions, or set SmoothStreaming to false")
                .push(out);
        }
    }
}
