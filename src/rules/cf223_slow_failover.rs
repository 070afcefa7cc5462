//! CF223 slow-failover. Documentation: rules/CF223-slow-failover.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::{items, Timing};
use crate::ptr;

pub struct SlowFailover;

static META: RuleMeta = RuleMeta {
    code: "CF223",
    name: "slow-failover",
    severity: Severity::Warning,
    summary: "An origin group waits longer than 10 s (`max-failover-seconds`) for its primary before trying the secondary (ConnectionAttempts × ConnectionTimeout, 3 × 10 s by default)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF223-slow-failover.md"),
    controls: &[],
    default_on: true,
};

/// `ConnectionAttempts 3 (default)`, `OriginReadTimeout 30 s`.
fn setting(name: &str, value: i64, unit: &str, set: bool) -> String {
    let default = if set { "" } else { " (default)" };
    format!("{name} {value}{unit}{default}")
}

/// The arithmetic of the slow path: `ConnectionAttempts 3 × OriginReadTimeout 30 s = 90 s`.
fn read_path(t: &Timing) -> String {
    let product = t.attempts * t.read_timeout;
    let mut s = format!(
        "{} × {} = {product} s",
        setting("ConnectionAttempts", t.attempts, "", t.attempts_set),
        setting(
            "OriginReadTimeout",
            t.read_timeout,
            " s",
            t.read_timeout_set
        ),
    );
    if let Some(c) = t.completion_timeout.filter(|&c| c < product) {
        s.push_str(&format!(", capped at {c} s by ResponseCompletionTimeout"));
    }
    s
}

impl Rule for SlowFailover {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let budget = cx.options().max_failover_seconds;
        for (g, group) in items(&config.origin_groups) {
            let members = group.member_ids();
            let (Some(&primary_id), Some(&secondary_id)) = (members.first(), members.get(1)) else {
                continue;
            };
            let Some((o, primary)) = items(&config.origins).find(|(_, o)| o.id == Some(primary_id))
            else {
                continue;
            };
            let origin_at = ptr!["Origins", "Items", o];
            let Some(t) = cx.raw_at(&origin_at).and_then(|raw| primary.timing(raw)) else {
                continue;
            };
            let group_id = group.id.unwrap_or("?");
            let at = ptr![
                "OriginGroups",
                "Items",
                g,
                "Members",
                "Items",
                0,
                "OriginId"
            ];
            // The label goes on what to lower, where it is written.
            let (label_at, label) = if t.connect_timeout_set {
                (origin_at.key("ConnectionTimeout"), "the connection timeout")
            } else if t.attempts_set {
                (
                    origin_at.key("ConnectionAttempts"),
                    "the connection attempts",
                )
            } else {
                (
                    origin_at.key("Id"),
                    "the primary: ConnectionAttempts and ConnectionTimeout left at their defaults",
                )
            };
            let connect = t.connect_worst();
            if connect > budget {
                cx.report(
                    &META,
                    &at,
                    format!(
                        "when primary `{primary_id}` does not answer, origin group `{group_id}` tries `{secondary_id}` only after {} × {} = {connect} s, over the {budget} s this rule allows; if `{primary_id}` accepts the connection but answers slowly, a GET or HEAD waits {} before failing over",
                        setting("ConnectionAttempts", t.attempts, "", t.attempts_set),
                        setting("ConnectionTimeout", t.connect_timeout, " s", t.connect_timeout_set),
                        read_path(&t),
                    ),
                )
                .label(&label_at, Anchor::Key, label)
                .help(format!(
                    "lower ConnectionAttempts and ConnectionTimeout on origin `{primary_id}` (for example 2 × 5 s = 10 s, or 1 × 10 s); lower OriginReadTimeout too if its slowest good answer allows"
                ))
                .push(out);
            } else if t.read_worst() > budget {
                cx.report(
                    &META,
                    &at,
                    format!(
                        "if primary `{primary_id}` accepts the connection but answers slowly, origin group `{group_id}` tries `{secondary_id}` only after {} (a GET or HEAD is retried once per connection attempt)",
                        read_path(&t),
                    ),
                )
                .severity(Severity::Info)
                .label(&label_at, Anchor::Key, label)
                .help(format!(
                    "lower OriginReadTimeout (or ConnectionAttempts) on origin `{primary_id}` to what its slowest good answer needs, or cap the total with ResponseCompletionTimeout"
                ))
                .push(out);
            }
        }
    }
}
