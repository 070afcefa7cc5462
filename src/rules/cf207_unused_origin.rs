//! CF207 unused-origin. Documentation: rules/CF207-unused-origin.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::{items, DistributionConfig};
use crate::ptr;

pub struct UnusedOrigin;

static META: RuleMeta = RuleMeta {
    code: "CF207",
    name: "unused-origin",
    severity: Severity::Warning,
    summary: "An origin that no behaviour and no origin group routes to (it gets no traffic and no failover)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF207-unused-origin.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnusedOrigin {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let Some(references) = references(config) else {
            return;
        };
        let chooser = origin_chooser(config);
        for (i, origin) in items(&config.origins) {
            let Some(id) = origin.id else { continue };
            if references.contains(&id) || is_placeholder(id) {
                continue;
            }
            let at = ptr!["Origins", "Items", i, "Id"];
            let report = match &chooser {
                None => cx.report(
                    &META,
                    &at,
                    if config.origins.as_ref().is_some_and(|o| o.len() > 1) {
                        format!("no behaviour or origin group routes to origin `{id}`: CloudFront never sends it a request (a second origin does not make a distribution fail over by itself)")
                    } else {
                        format!("no behaviour routes to origin `{id}`, the distribution's only origin: CloudFront never sends it a request")
                    },
                )
                .help(format!("target `{id}` from a cache behaviour, or pair it with the origin it should back up in an origin group that a behaviour targets; otherwise remove it")),
                Some(function) => cx.report(
                    &META,
                    &at,
                    format!("no behaviour or origin group routes to origin `{id}`: only the {function} can send it requests, by choosing it at run time"),
                )
                .severity(Severity::Info)
                .help(format!("make sure the {function} selects `{id}`; otherwise remove it")),
            };
            report.push(out);
        }
    }
}

/// Every origin or group id a behaviour targets or a group lists, or `None` when one of them is a
/// placeholder (it could name any origin).
pub(super) fn references<'c>(config: &'c DistributionConfig) -> Option<Vec<&'c str>> {
    // A reference that is not a literal (an intrinsic function) could name any origin.
    let behaviors_literal = config.behaviors_known()
        && config
            .behaviors()
            .all(|b| b.behavior.target_origin_id.is_some());
    let members_literal = items(&config.origin_groups).all(|(_, g)| {
        g.members.as_ref().is_some_and(|m| {
            m.iter().count() == m.len() && m.iter().all(|(_, m)| m.origin_id.is_some())
        })
    });
    if !behaviors_literal || !members_literal {
        return None;
    }
    let targets = config
        .behaviors()
        .filter_map(|b| b.behavior.target_origin_id);
    let members = items(&config.origin_groups)
        .flat_map(|(_, g)| g.members.iter().flat_map(|m| m.iter()))
        .filter_map(|(_, m)| m.origin_id);
    let all: Vec<&str> = targets.chain(members).collect();
    (!all.iter().any(|id| is_placeholder(id))).then_some(all)
}

/// A function that may pick the origin per request: a viewer-request CloudFront Function
/// (`cf.selectRequestOriginById`, `cf.updateRequestOrigin`) or an origin-request Lambda@Edge.
pub(super) fn origin_chooser(config: &DistributionConfig) -> Option<&'static str> {
    for behavior in config.behaviors() {
        let b = behavior.behavior;
        if items(&b.function_associations).any(|(_, f)| f.event_type == Some("viewer-request")) {
            return Some("viewer-request CloudFront Function");
        }
        if items(&b.lambda_function_associations)
            .any(|(_, f)| f.event_type == Some("origin-request"))
        {
            return Some("origin-request Lambda@Edge function");
        }
    }
    None
}
