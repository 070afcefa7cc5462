//! CF301 ttl-order. Documentation: rules/CF301-ttl-order.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct TtlOrder;

static META: RuleMeta = RuleMeta {
    code: "CF301",
    name: "ttl-order",
    severity: Severity::Error,
    summary:
        "A behaviour's MinTTL, DefaultTTL and MaxTTL are not in order (CloudFront: InvalidTTLOrder)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF301-ttl-order.md"),
    controls: &[],
    default_on: true,
};

impl Rule for TtlOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Only values the config sets are compared: an unset DefaultTTL or MaxTTL follows MinTTL
    /// upward when it would otherwise be out of order (Developer Guide, "Default TTL").
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            let ttls = [
                ("MinTTL", b.min_ttl),
                ("DefaultTTL", b.default_ttl),
                ("MaxTTL", b.max_ttl),
            ];
            let set: Vec<(&str, i64)> = ttls
                .iter()
                .filter_map(|(n, v)| v.map(|v| (*n, v)))
                .collect();
            // The first pair out of order, lower member first.
            let Some((low, high)) = set
                .iter()
                .enumerate()
                .flat_map(|(i, low)| set[i + 1..].iter().map(move |high| (*low, *high)))
                .find(|(low, high)| low.1 > high.1)
            else {
                continue;
            };
            cx.report(
                &META,
                &behavior.pointer().key(high.0),
                format!("{} {} is less than {} {}: CloudFront rejects the config (InvalidTTLOrder: MinTTL ≤ DefaultTTL ≤ MaxTTL)", high.0, high.1, low.0, low.1),
            )
            .label(&behavior.pointer().key(low.0), Anchor::Value, format!("{} is {}", low.0, low.1))
            .help(format!("raise {} to at least {}, or lower {}", high.0, low.1, low.0))
            .push(out);
        }
    }
}
