//! CF206 expects-active-active. Documentation: rules/CF206-expects-active-active.md

use super::text::is_placeholder;
use super::{pointer_of, walk, Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::model::items;
use crate::ptr;

pub struct ExpectsActiveActive;

static META: RuleMeta = RuleMeta {
    code: "CF206",
    name: "expects-active-active",
    severity: Severity::Warning,
    summary: "The config expects traffic split across origins, but an origin group is primary-first failover",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF206-expects-active-active.md"),
    controls: &[],
    default_on: true,
};

const WHAT_CLOUDFRONT_DOES: &str = "an origin group sends every request to its primary and retries it on the secondary only when the primary fails; it never splits traffic";
const INSTEAD: &str = "to split traffic, choose the origin per request in a viewer-request CloudFront Function (cf.selectRequestOriginById or cf.updateRequestOrigin), or balance behind a single origin (an ALB, Route 53 weighted or latency records, or Global Accelerator)";

/// Member names people invent for load balancing (compared without case, `-` and `_`).
const BALANCING_KEYS: [&str; 12] = [
    "weight",
    "weights",
    "weighting",
    "loadbalancing",
    "loadbalance",
    "routingpolicy",
    "trafficsplit",
    "trafficweight",
    "trafficpercentage",
    "percentage",
    "roundrobin",
    "activeactive",
];

impl Rule for ExpectsActiveActive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        balancing_keys(cx, out);
        balancing_words(cx, out);
        same_member_twice(cx, out);
    }
}

/// `"Weight": 50` on a member, `"LoadBalancing": …` on a group: the API has no such members.
fn balancing_keys(cx: &Context, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    for section in ["Origins", "OriginGroups"] {
        let Some(value) = cx.raw.get(section) else {
            continue;
        };
        walk(value, |path, value| {
            for key in value.as_object().into_iter().flat_map(|m| m.keys()) {
                if is_balancing_key(key) {
                    found.push((ptr![section].join(&pointer_of(path)).key(key), key.clone()));
                }
            }
        });
    }
    for (at, key) in found {
        // The API has no such member, so it is also CF010's: one mistake, one finding, an error
        // (the schema's generic finding at the same place gives way to it).
        cx.report(
            &META,
            &at,
            format!("`{key}` suggests splitting traffic between origins, but CloudFront has no such setting and rejects the unknown member: {WHAT_CLOUDFRONT_DOES}"),
        )
        .severity(Severity::Error)
        .anchor(Anchor::Key)
        .help(INSTEAD)
        .push(out);
    }
}

/// Whether a member name is one people invent for load balancing (`Weight`, `LoadBalancing`, …).
pub fn is_balancing_key(key: &str) -> bool {
    // Compared byte by byte, without case, `-` or `_`, and without allocating: every member of
    // every origin passes through here.
    let letters = key
        .bytes()
        .filter(|b| *b != b'-' && *b != b'_')
        .map(|b| b.to_ascii_lowercase());
    BALANCING_KEYS.iter().any(|k| {
        let mut l = letters.clone();
        k.bytes().all(|b| l.next() == Some(b)) && l.next().is_none()
    })
}

/// A comment or id that says what the author expects: "active-active", "50/50", "round robin".
fn balancing_words(cx: &Context, out: &mut Vec<Finding>) {
    let config = cx.config;
    let mut texts: Vec<(Pointer, &str, &str)> = Vec::new();
    // Without an origin group there is no failover to mistake for balancing: a comment about
    // load describes what sits behind an origin (an ALB across zones, as the help recommends).
    let has_group = config.origin_groups.as_ref().is_some_and(|g| !g.is_empty());
    // A function that picks the origin per request is the recommended way to split traffic, and
    // what a "weighted canary" comment then describes.
    let selects_origin = config.behaviors().any(|b| {
        items(&b.behavior.function_associations)
            .any(|(_, f)| f.event_type == Some("viewer-request"))
            || items(&b.behavior.lambda_function_associations)
                .any(|(_, l)| matches!(l.event_type, Some("viewer-request" | "origin-request")))
    });
    if !has_group || selects_origin {
        return;
    }
    if let Some(comment) = config.comment {
        texts.push((ptr!["Comment"], comment, "the comment"));
    }
    for (i, g) in items(&config.origin_groups) {
        if let Some(id) = g.id {
            texts.push((
                ptr!["OriginGroups", "Items", i, "Id"],
                id,
                "the origin group's id",
            ));
        }
    }
    for (i, o) in items(&config.origins) {
        if let Some(id) = o.id {
            texts.push((ptr!["Origins", "Items", i, "Id"], id, "the origin's id"));
        }
    }
    for (at, text, what) in texts {
        let Some(phrase) = balancing_phrase(text) else {
            continue;
        };
        cx.report(
            &META,
            &at,
            format!("{what} speaks of {phrase}, but CloudFront does not balance load across origins: {WHAT_CLOUDFRONT_DOES}"),
        )
        .help(INSTEAD)
        .push(out);
    }
}

/// The load-balancing phrase in `text`, if any. "load balancer" alone is not one: it names the
/// kind of origin (an ALB), not what the author expects of CloudFront.
pub fn balancing_phrase(text: &str) -> Option<&'static str> {
    // Most ids and comments hold none of the words: skip them without allocating.
    let lower_has = |needle: &str| {
        text.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    if !["activ", "balanc", "robin", "50", "weight", "split"]
        .iter()
        .any(|n| lower_has(n))
    {
        return None;
    }
    let normal: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '/' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = normal.split_whitespace().collect();
    let joined = format!(" {} ", words.join(" "));
    let phrases: [(&str, &str); 11] = [
        (" active active ", "active-active"),
        (" activeactive ", "active-active"),
        (" load balancing ", "load balancing"),
        (" load balance ", "load balancing"),
        (" loadbalancing ", "load balancing"),
        (" round robin ", "round robin"),
        (" roundrobin ", "round robin"),
        (" 50/50 ", "a 50/50 split"),
        (" 50 50 ", "a 50/50 split"),
        (" weighted ", "weighted routing"),
        (" traffic split", "splitting traffic"),
    ];
    // The tools that really split traffic are what the rule recommends, not a misunderstanding.
    if [
        "route 53",
        "route53",
        "continuous deployment",
        "staging distribution",
        "global accelerator",
    ]
    .iter()
    .any(|t| joined.contains(t))
    {
        return None;
    }
    // "active-passive, NOT active-active" says what the config is not.
    let negated = |at: usize| {
        let before: Vec<&str> = joined[..at].split_whitespace().rev().take(2).collect();
        before
            .first()
            .is_some_and(|w| ["not", "no", "non", "never", "without"].contains(w))
            || before
                .get(1)
                .zip(before.first())
                .is_some_and(|(a, b)| matches!((*a, *b), ("instead", "of") | ("rather", "than")))
    };
    if let Some((_, phrase)) = phrases
        .iter()
        .find(|(p, _)| joined.match_indices(p).any(|(at, _)| !negated(at)))
    {
        return Some(phrase);
    }
    if joined.contains(" split traffic ")
        || joined.contains(" splitting traffic ")
        || joined.contains(" split the traffic ")
    {
        return Some("splitting traffic");
    }
    None
}

/// A group whose two members are one origin, or two origins on one domain: a failover to itself.
fn same_member_twice(cx: &Context, out: &mut Vec<Finding>) {
    let config = cx.config;
    for (g, group) in items(&config.origin_groups) {
        let Some(members) = &group.members else {
            continue;
        };
        let ids: Vec<(usize, &str)> = members
            .iter()
            .filter_map(|(i, m)| m.origin_id.map(|id| (i, id)))
            .collect();
        let [(_, first), (second_index, second)] = ids[..] else {
            continue;
        };
        let group_id = group.id.unwrap_or("?");
        let at = ptr![
            "OriginGroups",
            "Items",
            g,
            "Members",
            "Items",
            second_index,
            "OriginId"
        ];
        let message = if first == second {
            format!("both members of origin group `{group_id}` are origin `{first}`: a failed request is retried on the same origin, so this gives neither failover nor a second origin to share load ({WHAT_CLOUDFRONT_DOES})")
        } else {
            let domain = |id: &str| config.origin(id).and_then(|o| o.domain_name);
            match (domain(first), domain(second)) {
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) && !is_placeholder(a) && same_path(config, first, second) => format!(
                    "both members of origin group `{group_id}` reach `{a}`: a failed request is retried on the same server, so this gives neither failover nor load sharing ({WHAT_CLOUDFRONT_DOES})"
                ),
                // `${BACKUP:-$PRIMARY}`: unless BACKUP is set, the secondary is the primary's host.
                (Some(a), Some(b)) if shell_default(b).is_some_and(|d| same_variable(d, a)) => format!(
                    "the secondary of origin group `{group_id}` falls back to the primary's host (`{b}` defaults to `{a}`): unless that variable is set, a failed request is retried on the same server ({WHAT_CLOUDFRONT_DOES})"
                ),
                _ => continue,
            }
        };
        cx.report(&META, &at, message)
            .help("make the secondary a different origin (another region, bucket or load balancer); to share load, balance behind one origin or choose the origin in a CloudFront Function")
            .push(out);
    }
}

/// Whether two origins read the same objects: one bucket under two OriginPaths serves two sets.
fn same_path(cx_config: &crate::model::DistributionConfig, a: &str, b: &str) -> bool {
    let path = |id: &str| {
        cx_config
            .origin(id)
            .and_then(|o| o.origin_path)
            .unwrap_or("")
            .trim_end_matches('/')
    };
    path(a) == path(b)
}

/// The default of a shell expansion `${VAR:-default}` (or `${VAR-default}`).
fn shell_default(value: &str) -> Option<&str> {
    let inner = value.strip_prefix("${")?.strip_suffix('}')?;
    let (_, default) = inner.split_once(":-").or_else(|| inner.split_once('-'))?;
    Some(default)
}

/// Whether two values are the same shell variable: `$ALB_DNS` and `${ALB_DNS}`.
fn same_variable(a: &str, b: &str) -> bool {
    let name = |v: &str| -> Option<String> {
        let v = v.strip_prefix('$')?;
        let v = v
            .strip_prefix('{')
            .and_then(|v| v.strip_suffix('}'))
            .unwrap_or(v);
        (!v.is_empty() && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_'))
            .then(|| v.to_owned())
    };
    name(a).is_some_and(|x| name(b) == Some(x))
}

#[cfg(test)]
mod tests {
    use super::{balancing_phrase, is_balancing_key, same_variable, shell_default};

    #[test]
    fn shell_fallbacks() {
        assert_eq!(
            shell_default("${ALB_DNS_BACKUP:-$ALB_DNS}"),
            Some("$ALB_DNS")
        );
        assert!(same_variable("$ALB_DNS", "${ALB_DNS}"));
        assert!(!same_variable("$ALB_DNS", "${ALB_DNS_2}"));
        assert_eq!(shell_default("${ALB_DNS}"), None);
    }

    #[test]
    fn keys() {
        for key in [
            "Weight",
            "weights",
            "Load_Balancing",
            "round-robin",
            "TrafficSplit",
        ] {
            assert!(is_balancing_key(key), "{key}");
        }
        for key in ["Weigh", "Weightless", "OriginId", "", "LoadBalancer"] {
            assert!(!is_balancing_key(key), "{key}");
        }
    }

    #[test]
    fn phrases() {
        for text in [
            "Active-Active origins",
            "50/50 split",
            "round-robin group",
            "weighted-alb",
            "load balance across regions",
        ] {
            assert!(balancing_phrase(text).is_some(), "{text}");
        }
        for text in [
            "ALB load balancer origin",
            "Global load balancer with failover",
            "primary-alb",
            "S3 static site",
            "failover-group",
            "Load-balanced API behind an ALB",
            "api (Route 53 weighted records)",
            "Blue/green: 50/50 via continuous deployment",
        ] {
            assert!(balancing_phrase(text).is_none(), "{text}");
        }
    }
}
