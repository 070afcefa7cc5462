//! CF017 missing-for-update. Documentation: rules/CF017-missing-for-update.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::form::Form;
use crate::json::Pointer;
use crate::settings::Operation;
use serde_json::Value;

pub struct MissingForUpdate;

static META: RuleMeta = RuleMeta {
    code: "CF017",
    name: "missing-for-update",
    severity: Severity::Error,
    summary: "A config for UpdateDistribution without a member an update requires (Aliases, Logging, a behaviour's Compress, …): CloudFront replaces the whole config and rejects it",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF017-missing-for-update.md"),
    controls: &[],
    default_on: true,
};

/// Optional on CreateDistribution, required on UpdateDistribution (aws-api.md §1 row 2).
const CONFIG: [&str; 10] = [
    "Aliases",
    "DefaultRootObject",
    "CacheBehaviors",
    "CustomErrorResponses",
    "Logging",
    "PriceClass",
    "ViewerCertificate",
    "Restrictions",
    "WebACLId",
    "HttpVersion",
];
/// Seen rejected without it: "IllegalUpdate: OriginReadTimeout is required for updates".
const CUSTOM_ORIGIN: [&str; 1] = ["OriginReadTimeout"];
const BEHAVIOR: [&str; 5] = [
    "AllowedMethods",
    "SmoothStreaming",
    "Compress",
    "LambdaFunctionAssociations",
    "FieldLevelEncryptionId",
];

impl Rule for MissingForUpdate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // CloudFormation and Terraform send the whole config themselves.
        if cx.operation() != Some(Operation::Update) || cx.form() != Form::Api {
            return;
        }
        // A pointer is built only for an object that lacks something.
        let mut check = |raw: Option<&Value>,
                         members: &[&str],
                         what: &str,
                         at: &dyn Fn() -> Pointer| {
            let Some(object) = raw.and_then(Value::as_object) else {
                return;
            };
            let missing: Vec<&str> = members
                .iter()
                .copied()
                .filter(|m| !object.contains_key(*m))
                .collect();
            if missing.is_empty() {
                return;
            }
            let list = super::text::quoted_list(&missing);
            cx.report(&META, &at(), format!("{what} has no {list}, which UpdateDistribution requires: an update replaces the whole config, and CloudFront rejects one without them (IllegalUpdate)"))
                .anchor(Anchor::Head)
                .help("take the current config from `aws cloudfront get-distribution-config --id <ID>` and keep these members as it returns them (an empty form such as `{\"Quantity\": 0}` or `\"\"` where the distribution has none); or lint with `--operation create` if this config creates a distribution")
                .push(out);
        };
        check(Some(cx.raw), &CONFIG, "the config", &Pointer::root);
        for b in cx.config.behaviors() {
            check(cx.raw_behavior(&b), &BEHAVIOR, "this behaviour", &|| {
                b.pointer()
            });
        }
        let origins = crate::form::descend(cx.raw, ["Origins", "Items"]);
        for (i, _) in crate::model::items(&cx.config.origins) {
            check(
                origins.and_then(|o| o.get(i)?.get("CustomOriginConfig")),
                &CUSTOM_ORIGIN,
                "this origin's CustomOriginConfig",
                &|| crate::ptr!["Origins", "Items", i, "CustomOriginConfig"],
            );
        }
    }
}
