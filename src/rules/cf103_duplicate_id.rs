//! CF103 duplicate-id. Documentation: rules/CF103-duplicate-id.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::model::items;
use crate::ptr;
use std::collections::HashMap;

pub struct DuplicateId;

static META: RuleMeta = RuleMeta {
    code: "CF103",
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two origins, two origin groups, or an origin and a group share one id",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF103-duplicate-id.md"),
    controls: &[],
    default_on: true,
};

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let mut seen: HashMap<&str, (Pointer, &str)> = HashMap::new();
        let origins = items(&config.origins)
            .map(|(i, o)| (o.id, ptr!["Origins", "Items", i, "Id"], "origin"));
        let groups = items(&config.origin_groups)
            .map(|(i, g)| (g.id, ptr!["OriginGroups", "Items", i, "Id"], "origin group"));
        for (id, at, kind) in origins.chain(groups) {
            let Some(id) = id.filter(|id| !is_placeholder(id)) else {
                continue;
            };
            let Some((first, first_kind)) = seen.get(id) else {
                seen.insert(id, (at, kind));
                continue;
            };
            let message = if *first_kind == kind {
                format!("two {kind}s have the id `{id}`: CloudFront requires ids to be unique within a distribution and refuses the duplicate")
            } else {
                format!("origin group `{id}` has the id of an origin: a TargetOriginId naming it would be ambiguous, so CloudFront refuses it")
            };
            cx.report(&META, &at, message)
                .label(
                    first,
                    super::Anchor::Value,
                    format!("the {first_kind} `{id}` is defined here"),
                )
                .help(format!(
                    "give this {kind} an id no other origin or origin group has"
                ))
                .push(out);
        }
    }
}
