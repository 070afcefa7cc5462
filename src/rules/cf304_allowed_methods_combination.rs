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

impl Rule for AllowedMethodsCombination {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let allowed_at = behavior.pointer().key("AllowedMethods").key("Items");
            // Without AllowedMethods a behaviour allows GET and HEAD.
            let allowed = match cx.raw_at(&allowed_at) {
                None if cx
                    .raw_at(&behavior.pointer().key("AllowedMethods"))
                    .is_none() =>
                {
                    Some(ALL[..2].to_vec())
                }
                found => found.and_then(Value::as_array).and_then(|l| methods(l)),
            };
            let Some(allowed) = allowed else { continue };
            let offered = allowed == ALL[..2] || allowed == ALL[..3] || allowed == ALL;
            if !offered {
                cx.report(
                    &META,
                    &allowed_at,
                    format!("AllowedMethods {} is not a set CloudFront offers: it takes GET and HEAD; GET, HEAD and OPTIONS; or all seven methods, and rejects anything else", quoted_list(&allowed)),
                )
                .anchor(Anchor::Key)
                .help(if allowed.len() > 3 { "allow all seven methods (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE); to refuse some, answer them from the origin or a CloudFront Function" } else { "allow GET and HEAD, or GET, HEAD and OPTIONS" })
                .push(out);
                continue;
            }
            // CachedMethods sits inside AllowedMethods in the API, beside it in CloudFormation.
            let cached_at = [
                behavior
                    .pointer()
                    .key("AllowedMethods")
                    .key("CachedMethods")
                    .key("Items"),
                behavior.pointer().key("CachedMethods").key("Items"),
            ]
            .into_iter()
            .find(|p| cx.raw_at(p).is_some_and(Value::is_array));
            let Some(cached_at) = cached_at else { continue };
            let Some(cached) = cx
                .raw_at(&cached_at)
                .and_then(Value::as_array)
                .and_then(|l| methods(l))
            else {
                continue;
            };
            let message = if !(cached == ALL[..2] || cached == ALL[..3]) {
                format!("CachedMethods {} is not a set CloudFront offers: only GET and HEAD, or GET, HEAD and OPTIONS, can be cached", quoted_list(&cached))
            } else if cached.iter().any(|m| !allowed.contains(m)) {
                format!("CachedMethods {} includes a method AllowedMethods does not allow: CloudFront rejects the config", quoted_list(&cached))
            } else {
                continue;
            };
            cx.report(&META, &cached_at, message)
                .anchor(Anchor::Key)
                .help("cache GET and HEAD (add OPTIONS only when it is allowed and its answers should be cached)")
                .push(out);
        }
    }
}
