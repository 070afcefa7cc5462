//! The routing table of a distribution: for each behaviour in CloudFront's match order, which
//! requests it takes, where they go, and, for an origin group, when the secondary answers.
//! One data structure; `render::routes` draws it as text, JSON or a Mermaid flowchart.

use crate::model::{self, items, plain_items, CacheBehavior, DistributionConfig, Timing};
use crate::rules::{normal_pattern, pattern_covers};
use serde::Serialize;
use serde_json::Value;

/// The routes of every distribution of one source.
#[derive(Debug, Serialize)]
pub struct Routes {
    /// The version of this JSON shape (tools may depend on it).
    pub version: u32,
    pub file: String,
    pub distributions: Vec<Distribution>,
}

#[derive(Debug, Serialize)]
pub struct Distribution {
    /// The file (an API config), the template's logical id, or the Terraform address.
    pub name: String,
    /// In match order: the ordered behaviours, then the default one.
    pub routes: Vec<Route>,
}

#[derive(Debug, Serialize)]
pub struct Route {
    /// 1 for the first behaviour CloudFront tries.
    pub order: usize,
    /// `*` for the default behaviour.
    pub path_pattern: String,
    pub default: bool,
    pub allowed_methods: Vec<String>,
    pub target: Target,
    pub viewer_protocol_policy: Option<String>,
    /// The cache policy (a managed one by name), or `legacy ForwardedValues`.
    pub cache: Option<String>,
    pub edge_functions: Vec<EdgeFunction>,
    /// Why the behaviour can never match (CF306), when it cannot.
    pub never_matches: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    Origin(Member),
    OriginGroup(Group),
    /// A target id that names no origin or origin group of the config (CF102).
    Unknown {
        id: Option<String>,
    },
}

#[derive(Debug, Serialize)]
pub struct Member {
    pub id: String,
    pub domain_name: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub id: String,
    pub primary: Option<Member>,
    pub secondary: Option<Member>,
    /// The primary's status codes that send the request to the secondary.
    pub failover_status_codes: Vec<i64>,
    /// How long before the secondary answers, from the primary's settings; `None` when they are
    /// computed at deploy time.
    pub failover: Option<Failover>,
}

#[derive(Debug, Serialize)]
pub struct Failover {
    /// Worst case when the primary does not accept connections: ConnectionAttempts × ConnectionTimeout.
    pub connection_seconds: i64,
    pub connection: String,
    /// Worst case when it accepts and answers slowly (GET and HEAD): ConnectionAttempts ×
    /// OriginReadTimeout, capped by ResponseCompletionTimeout.
    pub slow_response_seconds: i64,
    pub slow_response: String,
}

#[derive(Debug, Serialize)]
pub struct EdgeFunction {
    /// `viewer-request`, `origin-request`, `origin-response`, `viewer-response`.
    pub event: String,
    /// `cloudfront-function` or `lambda@edge`.
    pub kind: &'static str,
    pub arn: String,
}

/// Managed cache policies by id ("Use managed cache policies", CloudFront Developer Guide).
const MANAGED_CACHE_POLICIES: [(&str, &str); 5] = [
    ("658327ea-f89d-4fab-a63d-7e88639e58f6", "CachingOptimized"),
    ("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "CachingDisabled"),
    (
        "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
        "CachingOptimizedForUncompressedObjects",
    ),
    (
        "08627262-05a9-4f76-9ded-b50ca2e3a84f",
        "Elemental-MediaPackage",
    ),
    ("2e54312d-136d-493c-8eb9-b001f22f67d2", "Amplify"),
];

/// The routes of resolved configs (see [`crate::resolved_configs`]).
pub fn of(file: &str, configs: &[crate::Resolved]) -> Routes {
    Routes {
        version: 1,
        file: file.to_owned(),
        distributions: configs
            .iter()
            .map(|c| distribution(&c.name, &c.value))
            .collect(),
    }
}

fn distribution(name: &str, raw: &Value) -> Distribution {
    let config = model::from_value(raw);
    let ordered: Vec<&CacheBehavior> = items(&config.cache_behaviors).map(|(_, b)| b).collect();
    let mut routes = Vec::new();
    for (k, b) in ordered.iter().enumerate() {
        let never = b.path_pattern.and_then(|later| {
            ordered[..k]
                .iter()
                .filter_map(|e| e.path_pattern)
                .find(|e| {
                    pattern_covers(
                        normal_pattern(e).as_bytes(),
                        normal_pattern(later).as_bytes(),
                    )
                })
                .map(|e| format!("every path it matches is matched first by `{e}` (CF306)"))
        });
        let written = raw
            .get("CacheBehaviors")
            .and_then(|l| l.get("Items").unwrap_or(l).get(k));
        routes.push(route(&config, raw, b, written, k + 1, false, never));
    }
    if let Some(b) = &config.default_cache_behavior {
        let all = ordered
            .iter()
            .filter_map(|b| b.path_pattern)
            .find(|p| {
                let n = normal_pattern(p);
                !n.is_empty() && n.bytes().all(|c| c == b'*')
            })
            .map(|p| {
                format!("the ordered behaviour for `{p}` matches every request first (CF306)")
            });
        routes.push(route(
            &config,
            raw,
            b,
            raw.get("DefaultCacheBehavior"),
            ordered.len() + 1,
            true,
            all,
        ));
    }
    Distribution {
        name: name.to_owned(),
        routes,
    }
}

fn route(
    config: &DistributionConfig,
    raw: &Value,
    b: &CacheBehavior,
    raw_behavior: Option<&Value>,
    order: usize,
    default: bool,
    never_matches: Option<String>,
) -> Route {
    // The API's `{Quantity, Items}` or a template's plain list.
    let written = raw_behavior.and_then(|r| r.get("AllowedMethods"));
    let allowed_methods: Vec<String> = match written {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(_) => b
            .allowed_methods
            .as_ref()
            .map(|m| {
                plain_items(&m.items)
                    .map(|(_, s)| (*s).to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        None => vec!["GET".to_owned(), "HEAD".to_owned()],
    };
    let cache = b
        .cache_policy_id
        .filter(|id| !id.is_empty())
        .map(|id| {
            MANAGED_CACHE_POLICIES
                .iter()
                .find(|(m, _)| *m == id)
                .map_or_else(|| id.to_owned(), |(_, name)| (*name).to_owned())
        })
        .or_else(|| {
            b.forwarded_values
                .as_ref()
                .map(|_| "legacy ForwardedValues".to_owned())
        });
    let mut edge_functions: Vec<EdgeFunction> = items(&b.function_associations)
        .map(|(_, f)| EdgeFunction {
            event: f.event_type.unwrap_or("?").to_owned(),
            kind: "cloudfront-function",
            arn: f.function_arn.unwrap_or("?").to_owned(),
        })
        .chain(
            items(&b.lambda_function_associations).map(|(_, l)| EdgeFunction {
                event: l.event_type.unwrap_or("?").to_owned(),
                kind: "lambda@edge",
                arn: l.lambda_function_arn.unwrap_or("?").to_owned(),
            }),
        )
        .collect();
    let rank = |e: &str| {
        [
            "viewer-request",
            "origin-request",
            "origin-response",
            "viewer-response",
        ]
        .iter()
        .position(|x| *x == e)
        .unwrap_or(4)
    };
    edge_functions.sort_by_key(|f| rank(&f.event));
    Route {
        order,
        path_pattern: if default {
            "*".to_owned()
        } else {
            b.path_pattern.unwrap_or("?").to_owned()
        },
        default,
        allowed_methods,
        target: target(config, raw, b.target_origin_id),
        viewer_protocol_policy: b.viewer_protocol_policy.map(str::to_owned),
        cache,
        edge_functions,
        never_matches,
    }
}

fn member(config: &DistributionConfig, id: &str) -> Member {
    Member {
        id: id.to_owned(),
        domain_name: config
            .origin(id)
            .and_then(|o| o.domain_name)
            .map(str::to_owned),
    }
}

/// The origin as written, by id (`Origins.Items` in the API's shape, a plain list in a template's).
fn raw_origin<'v>(raw: &'v Value, id: &str) -> Option<&'v Value> {
    let origins = raw.get("Origins")?;
    let list = origins.get("Items").unwrap_or(origins).as_array()?;
    list.iter()
        .find(|o| o.get("Id").and_then(Value::as_str) == Some(id))
}

fn target(config: &DistributionConfig, raw: &Value, id: Option<&str>) -> Target {
    let Some(id) = id else {
        return Target::Unknown { id: None };
    };
    if let Some(group) = config.origin_group(id) {
        let members = group.member_ids();
        let primary = members.first().map(|p| member(config, p));
        let failover = members.first().and_then(|p| {
            let timing = config.origin(p)?.timing(raw_origin(raw, p)?)?;
            Some(failover(&timing))
        });
        return Target::OriginGroup(Group {
            id: id.to_owned(),
            primary,
            secondary: members.get(1).map(|s| member(config, s)),
            failover_status_codes: group
                .failover_criteria
                .as_ref()
                .and_then(|c| c.status_codes.as_ref())
                .map(|c| c.iter().map(|(_, &code)| code).collect())
                .unwrap_or_default(),
            failover,
        });
    }
    if config.origin(id).is_some() {
        return Target::Origin(member(config, id));
    }
    Target::Unknown {
        id: Some(id.to_owned()),
    }
}

fn failover(t: &Timing) -> Failover {
    let read = t.attempts * t.read_timeout;
    let mut slow_response = format!(
        "ConnectionAttempts {} × OriginReadTimeout {} s",
        t.attempts, t.read_timeout
    );
    if t.read_worst() < read {
        slow_response.push_str(&format!(
            ", capped by ResponseCompletionTimeout {} s",
            t.read_worst()
        ));
    }
    Failover {
        connection_seconds: t.connect_worst(),
        connection: format!(
            "ConnectionAttempts {} × ConnectionTimeout {} s",
            t.attempts, t.connect_timeout
        ),
        slow_response_seconds: t.read_worst(),
        slow_response,
    }
}
