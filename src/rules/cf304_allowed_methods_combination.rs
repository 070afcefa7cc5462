//! CF304 allowed-methods-combination. Documentation: rules/CF304-allowed-methods-combination.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use serde_json::Value;

pub struct AllowedMethodsCombination;

static META: RuleMeta = RuleMeta {
    code: "CF304",
    name: "allowed-methods-combination",
    severity: Severity::Error,
    summary: "AllowedMethods or CachedMethods that are not one of the sets CloudFront offers, or cached methods that are not allowed",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF304-allowed-methods-combination.md"),
    controls: &[],
    default_on: true,
};

const ALL: [&str; 7] = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"];

/// The sorted, deduplicated method names of a raw list, or `None` when one is not a literal
/// string (a placeholder or an intrinsic function: the set is not known).
fn methods(list: &[Value]) -> Option<Vec<&str>> {
    let mut out: Vec<&str> = list.iter().map(Value::as_str).collect::<Option<_>>()?;
    if out
        .iter()
        .any(|m| super::text::is_placeholder(m) || !ALL.contains(m))
    {
        return None; // An unknown method is CF013's (the schema's) to report.
    }
    out.sort_by_key(|m| ALL.iter().position(|a| a == m));
    out.dedup();
    Some(out)
}

/// A method list's entries: `Items` in the API's form, the list itself in CloudFormation's.
fn items(list: &Value) -> Option<&Value> {
    crate::form::descend(list, ["Items"])
}

impl Rule for AllowedMethodsCombination {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            // Read the raw behaviour once; pointers are built only for a finding.
            let Some(raw) = cx.raw_behavior(&behavior) else {
                continue;
            };
            let allowed_list = raw.get("AllowedMethods");
            // Without AllowedMethods a behaviour allows GET and HEAD.
            let allowed = match allowed_list.and_then(items) {
                None if allowed_list.is_none() => Some(ALL[..2].to_vec()),
                found => found.and_then(Value::as_array).and_then(|l| methods(l)),
            };
            let Some(allowed) = allowed else { continue };
            let offered = allowed == ALL[..2] || allowed == ALL[..3] || allowed == ALL;
            if !offered {
                cx.report(
                    &META,
                    &behavior.pointer().key("AllowedMethods").key("Items"),
                    format!("AllowedMethods {} is not a set CloudFront offers: it takes GET and HEAD; GET, HEAD and OPTIONS; or all seven methods, and rejects anything else", quoted_list(&allowed)),
                )
                .anchor(Anchor::Key)
                .help(if allowed.len() > 3 { "allow all seven methods (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE); to refuse some, answer them from the origin or a CloudFront Function" } else { "allow GET and HEAD, or GET, HEAD and OPTIONS" })
                .push(out);
                continue;
            }
            // CachedMethods sits inside AllowedMethods in the API, beside it in CloudFormation.
            let cached_in = [
                (allowed_list.and_then(|a| a.get("CachedMethods")), true),
                (raw.get("CachedMethods"), false),
            ]
            .into_iter()
            .find_map(|(list, inside)| {
                Some((list.and_then(items).filter(|v| v.is_array())?, inside))
            });
            let Some((cached_list, inside)) = cached_in else {
                continue;
            };
            let Some(cached) = cached_list.as_array().and_then(|l| methods(l)) else {
                continue;
            };
            let message = if !(cached == ALL[..2] || cached == ALL[..3]) {
                format!("CachedMethods {} is not a set CloudFront offers: only GET and HEAD, or GET, HEAD and OPTIONS, can be cached", quoted_list(&cached))
            } else if cached.iter().any(|m| !allowed.contains(m)) {
                format!("CachedMethods {} includes a method AllowedMethods does not allow: CloudFront rejects the config", quoted_list(&cached))
            } else {
                continue;
            };
            let cached_at = if inside {
                behavior
                    .pointer()
                    .key("AllowedMethods")
                    .key("CachedMethods")
            } else {
                behavior.pointer().key("CachedMethods")
            }
            .key("Items");
            cx.report(&META, &cached_at, message)
                .anchor(Anchor::Key)
                .help("cache GET and HEAD (add OPTIONS only when it is allowed and its answers should be cached)")
                .push(out);
        }
    }
}
