//! CF503 include-body-on-response-event. Documentation: rules/CF503-include-body-on-response-event.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;

pub struct IncludeBodyOnResponseEvent;

static META: RuleMeta = RuleMeta {
    code: "CF503",
    name: "include-body-on-response-event",
    severity: Severity::Error,
    summary: "IncludeBody on a Lambda@Edge association for a response event: only request events can read the body (CloudFront: InvalidLambdaFunctionAssociation)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF503-include-body-on-response-event.md"),
    controls: &[],
    default_on: true,
};

impl Rule for IncludeBodyOnResponseEvent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            for (i, association) in items(&behavior.behavior.lambda_function_associations) {
                let Some(event @ ("viewer-response" | "origin-response")) = association.event_type
                else {
                    continue;
                };
                if association.include_body != Some(true) {
                    continue;
                }
                let at = behavior
                    .pointer()
                    .key("LambdaFunctionAssociations")
                    .key("Items")
                    .index(i);
                cx.report(&META, &at.key("IncludeBody"), format!("IncludeBody is true on a {event} function: CloudFront exposes the request body only to viewer-request and origin-request functions, and rejects the config (InvalidLambdaFunctionAssociation)"))
                    .label(&at.key("EventType"), super::Anchor::Value, "a response event")
                    .help("remove IncludeBody (or set it to false); read the body in a viewer-request or origin-request function")
                    .push(out);
            }
        }
    }
}
