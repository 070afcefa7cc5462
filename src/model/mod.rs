//! The typed model of a DistributionConfig, and the lenient deserialisation that builds it.

mod config;

pub use config::*;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Builds the typed config from the parsed value. Never fails: what does not fit is `None`.
pub fn from_value(value: &Value) -> DistributionConfig<'_> {
    DistributionConfig::deserialize(value).unwrap_or_default()
}

/// Deserialises a member, turning a value of the wrong shape into `None` instead of an error.
///
/// This relies on deserialising from a `serde_json::Value`: its map and sequence accessors hand
/// each member's value over before it is deserialised, so swallowing an error here leaves the
/// parent's deserialisation intact. (From a streaming reader it would not.)
pub fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(T::deserialize(deserializer).ok())
}

/// One element of a list, `None` when malformed, so indexes stay those of the JSON array.
#[derive(Debug, Clone, Default)]
pub struct Elem<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Elem<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Elem(T::deserialize(deserializer).ok()))
    }
}

/// The API's `{"Quantity": n, "Items": [...]}` wrapper around a list. A bare array (the
/// CloudFormation shape, a common mistake in API input) reads as its `Items` with no `Quantity`,
/// so rules still see the list; the schema rules report the wrong shape.
#[derive(Debug, Clone)]
pub struct Counted<T> {
    pub quantity: Option<i64>,
    pub items: Option<Vec<Elem<T>>>,
    /// The whole list is a CloudFormation intrinsic function (`{"Fn::If": …}`, `{"Ref": …}`):
    /// its entries are decided at deploy time.
    pub computed: bool,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Counted<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        use std::marker::PhantomData;

        struct CountedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for CountedVisitor<T> {
            type Value = Counted<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object with Quantity and Items")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Counted<T>, A::Error> {
                let mut counted = Counted::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        "Quantity" => counted.quantity = map.next_value::<Elem<i64>>()?.0,
                        "Items" => counted.items = map.next_value::<Elem<Vec<Elem<T>>>>()?.0,
                        k if k == "Ref" || k.starts_with("Fn::") => {
                            counted.computed = true;
                            map.next_value::<IgnoredAny>()?;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(counted)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Counted<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Elem<T>>()? {
                    items.push(item);
                }
                Ok(Counted {
                    quantity: None,
                    items: Some(items),
                    computed: false,
                })
            }
        }

        deserializer.deserialize_any(CountedVisitor(PhantomData))
    }
}

impl<T> Default for Counted<T> {
    fn default() -> Self {
        Counted {
            quantity: None,
            items: None,
            computed: false,
        }
    }
}

impl<T> Counted<T> {
    /// The well-formed items with their index in `Items`.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &T)> {
        self.items
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, e)| e.0.as_ref().map(|t| (i, t)))
    }

    /// How many entries `Items` has, well-formed or not.
    pub fn len(&self) -> usize {
        self.items.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Iterates the well-formed items of an optional counted list.
pub fn items<T>(list: &Option<Counted<T>>) -> impl Iterator<Item = (usize, &T)> {
    list.iter().flat_map(Counted::iter)
}

/// The well-formed entries of a plain `Items` array (the wrappers with extra members).
pub fn plain_items<T>(items: &Option<Vec<Elem<T>>>) -> impl Iterator<Item = (usize, &T)> {
    items
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, e)| e.0.as_ref().map(|t| (i, t)))
}

impl Origin<'_> {
    /// An origin served by S3's REST API (an S3 bucket, not a website endpoint).
    pub fn is_s3(&self) -> bool {
        if self.s3_origin_config.is_some() {
            return true;
        }
        self.custom_origin_config.is_none() && self.domain_name.is_some_and(is_s3_rest_domain)
    }

    /// Whether S3 is reached through an origin access control or identity, so that it answers
    /// 403 (not 404) for a missing key unless the distribution may list the bucket.
    pub fn uses_origin_access(&self) -> bool {
        self.origin_access_control_id.is_some_and(|s| !s.is_empty())
            || self
                .s3_origin_config
                .as_ref()
                .and_then(|c| c.origin_access_identity)
                .is_some_and(|s| !s.is_empty())
    }
}

/// How long an origin takes to be given up on, from its own settings (defaults when unset): what
/// decides when an origin group fails over from it (aws-api.md §7.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// `ConnectionAttempts` (1–3, default 3).
    pub attempts: i64,
    /// `ConnectionTimeout` in seconds (1–10, default 10).
    pub connect_timeout: i64,
    /// `OriginReadTimeout` in seconds (default 30), from whichever origin config sets it.
    pub read_timeout: i64,
    /// `ResponseCompletionTimeout`, which caps the whole response, retries included.
    pub completion_timeout: Option<i64>,
    /// Which of the three were written (the rest are CloudFront's defaults).
    pub attempts_set: bool,
    pub connect_timeout_set: bool,
    pub read_timeout_set: bool,
}

impl Timing {
    /// Default `ConnectionAttempts`, `ConnectionTimeout` and `OriginReadTimeout` (API Reference,
    /// "Origin" and "CustomOriginConfig").
    pub const DEFAULT_ATTEMPTS: i64 = 3;
    pub const DEFAULT_CONNECT_TIMEOUT: i64 = 10;
    pub const DEFAULT_READ_TIMEOUT: i64 = 30;

    /// Worst case when the origin does not accept connections: every attempt waits the whole
    /// connection timeout.
    pub fn connect_worst(&self) -> i64 {
        self.attempts * self.connect_timeout
    }

    /// Worst case when the origin accepts the connection and answers too slowly: a GET or HEAD
    /// is retried once per attempt, each waiting the read timeout; ResponseCompletionTimeout
    /// caps the total.
    pub fn read_worst(&self) -> i64 {
        let worst = self.attempts * self.read_timeout;
        self.completion_timeout.map_or(worst, |c| worst.min(c))
    }
}

impl Origin<'_> {
    /// The origin's failover timing, or `None` when a value is written but not a plain integer
    /// (a CloudFormation expression, a placeholder): the arithmetic would be a guess.
    pub fn timing(&self, raw: &Value) -> Option<Timing> {
        let written = |key: &str| raw.get(key).is_some_and(|v| !v.is_null());
        let read_config = ["CustomOriginConfig", "S3OriginConfig", "VpcOriginConfig"]
            .into_iter()
            .find(|c| {
                raw.get(c)
                    .and_then(|c| c.get("OriginReadTimeout"))
                    .is_some()
            });
        let read = self
            .custom_origin_config
            .as_ref()
            .and_then(|c| c.origin_read_timeout)
            .or_else(|| {
                self.s3_origin_config
                    .as_ref()
                    .and_then(|c| c.origin_read_timeout)
            })
            .or_else(|| {
                self.vpc_origin_config
                    .as_ref()
                    .and_then(|c| c.origin_read_timeout)
            });
        if (written("ConnectionAttempts") && self.connection_attempts.is_none())
            || (written("ConnectionTimeout") && self.connection_timeout.is_none())
            || (written("ResponseCompletionTimeout") && self.response_completion_timeout.is_none())
            || (read_config.is_some() && read.is_none())
        {
            return None;
        }
        Some(Timing {
            attempts: self.connection_attempts.unwrap_or(Timing::DEFAULT_ATTEMPTS),
            connect_timeout: self
                .connection_timeout
                .unwrap_or(Timing::DEFAULT_CONNECT_TIMEOUT),
            read_timeout: read.unwrap_or(Timing::DEFAULT_READ_TIMEOUT),
            completion_timeout: self.response_completion_timeout,
            attempts_set: self.connection_attempts.is_some(),
            connect_timeout_set: self.connection_timeout.is_some(),
            read_timeout_set: read.is_some(),
        })
    }
}

impl OriginGroup<'_> {
    /// The member origin ids in order: the primary, then the secondary.
    pub fn member_ids(&self) -> Vec<&str> {
        items(&self.members)
            .filter_map(|(_, m)| m.origin_id)
            .collect()
    }
}

impl ViewerCertificate<'_> {
    /// A certificate of the distribution's own (ACM or IAM), not CloudFront's `*.cloudfront.net`.
    pub fn is_custom(&self) -> bool {
        let set = |s: Option<&str>| s.is_some_and(|s| !s.is_empty());
        self.cloudfront_default_certificate != Some(true)
            && (set(self.acm_certificate_arn) || set(self.iam_certificate_id))
    }
}

impl DistributionConfig<'_> {
    /// The viewer certificate when it is a custom one.
    pub fn custom_certificate(&self) -> Option<&ViewerCertificate<'_>> {
        self.viewer_certificate.as_ref().filter(|c| c.is_custom())
    }

    /// The first behaviour whose `ViewerProtocolPolicy` lets viewers use plain HTTP (`allow-all`).
    pub fn behavior_allowing_http(&self) -> Option<BehaviorRef<'_>> {
        self.behaviors()
            .find(|b| b.behavior.viewer_protocol_policy == Some("allow-all"))
    }
}

impl CacheBehavior<'_> {
    /// Whether requests on this behaviour reach the origin with the viewer's `Host` header:
    /// `None` when the config cannot say (a policy of the account's own, which may include it, or
    /// an origin-request Lambda@Edge function, which may set it).
    pub fn forwards_host(&self) -> Option<bool> {
        use crate::facts::managed;
        fn set(s: Option<&str>) -> Option<&str> {
            s.filter(|s| !s.is_empty())
        }
        if items(&self.lambda_function_associations)
            .any(|(_, l)| l.event_type == Some("origin-request"))
        {
            return None;
        }
        if let Some(headers) = self
            .forwarded_values
            .as_ref()
            .and_then(|f| f.headers.as_ref())
        {
            if headers.computed {
                return None;
            }
            if headers
                .iter()
                .any(|(_, h)| *h == "*" || h.eq_ignore_ascii_case("host"))
            {
                return Some(true);
            }
        }
        if let Some(id) = set(self.origin_request_policy_id) {
            if managed::ORIGIN_REQUEST_WITH_HOST.contains(&id) {
                return Some(true);
            }
            if !managed::ORIGIN_REQUEST_WITHOUT_HOST.contains(&id) {
                return None;
            }
        }
        match set(self.cache_policy_id) {
            Some(id) if !managed::CACHE_WITHOUT_HEADERS.contains(&id) => None,
            _ => Some(false),
        }
    }
}

/// `bucket.s3.amazonaws.com`, `bucket.s3.us-east-1.amazonaws.com`, `bucket.s3-us-west-2.amazonaws.com`.
pub fn is_s3_rest_domain(domain: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    (d.ends_with(".amazonaws.com") || d.ends_with(".amazonaws.com.cn"))
        && (d.contains(".s3.") || d.contains(".s3-"))
        && !d.contains("s3-website")
}

/// A behaviour (the default one or an ordered one) with the pointer to it.
pub struct BehaviorRef<'a> {
    pub behavior: &'a CacheBehavior<'a>,
    /// Which ordered behaviour this is; `None` for the default one.
    pub index: Option<usize>,
}

impl BehaviorRef<'_> {
    /// `/DefaultCacheBehavior` or `/CacheBehaviors/Items/3`, built on demand: rules walk the
    /// behaviours many times and most walks report nothing.
    pub fn pointer(&self) -> crate::json::Pointer {
        match self.index {
            None => crate::ptr!["DefaultCacheBehavior"],
            Some(i) => crate::ptr!["CacheBehaviors", "Items", i],
        }
    }

    pub fn is_default(&self) -> bool {
        self.index.is_none()
    }
}

impl<'a> DistributionConfig<'a> {
    /// The default behaviour, then every ordered one, in order.
    pub fn behaviors(&self) -> impl Iterator<Item = BehaviorRef<'_>> + '_ {
        let default = self.default_cache_behavior.as_ref().map(|b| BehaviorRef {
            behavior: b,
            index: None,
        });
        default
            .into_iter()
            .chain(items(&self.cache_behaviors).map(|(i, b)| BehaviorRef {
                behavior: b,
                index: Some(i),
            }))
    }

    /// Whether the list of ordered behaviours is known: not computed by CloudFormation, every
    /// entry readable.
    pub fn behaviors_known(&self) -> bool {
        self.cache_behaviors
            .as_ref()
            .is_none_or(|l| !l.computed && l.iter().count() == l.len())
    }

    /// Whether every origin and origin group has a plain, literal id. When one does not (a
    /// CloudFormation intrinsic function, a template placeholder, a malformed entry), any
    /// reference could name it, so reference rules stand down.
    pub fn all_ids_known(&self) -> bool {
        fn known<T>(list: &Option<Counted<T>>, id: impl Fn(&T) -> Option<&str>) -> bool {
            list.as_ref().is_none_or(|l| {
                !l.computed
                    && l.iter().count() == l.len()
                    && l.iter()
                        .all(|(_, t)| id(t).is_some_and(|s| !crate::rules::text::is_placeholder(s)))
            })
        }
        known(&self.origins, |o| o.id) && known(&self.origin_groups, |g| g.id)
    }

    /// The behaviours whose requests can reach origin `id`: those that target it, and those that
    /// target an origin group it is a member of.
    pub fn behaviors_reaching<'s>(
        &'s self,
        id: &'s str,
    ) -> impl Iterator<Item = BehaviorRef<'s>> + 's {
        self.behaviors().filter(move |b| {
            let Some(target) = b.behavior.target_origin_id else {
                return false;
            };
            target == id
                || self
                    .origin_group(target)
                    .is_some_and(|g| items(&g.members).any(|(_, m)| m.origin_id == Some(id)))
        })
    }

    pub fn origin(&self, id: &str) -> Option<&Origin<'a>> {
        items(&self.origins)
            .map(|(_, o)| o)
            .find(|o| o.id == Some(id))
    }

    pub fn origin_group(&self, id: &str) -> Option<&OriginGroup<'a>> {
        items(&self.origin_groups)
            .map(|(_, g)| g)
            .find(|g| g.id == Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_malformed_value_hides_nothing_else() {
        let v = json!({
            "Comment": 5,
            "Origins": {"Quantity": "2", "Items": [{"Id": "a", "ConnectionAttempts": "x"}, 7, {"Id": "b"}]},
            "CacheBehaviors": {"Quantity": 2, "Items": [{"PathPattern": "/x", "MinTTL": "1"}, {"PathPattern": "/y", "TargetOriginId": "b"}]}
        });
        let c = from_value(&v);
        assert_eq!(c.comment, None);
        let origins = c.origins.as_ref().unwrap();
        assert_eq!(origins.quantity, None);
        assert_eq!(origins.len(), 3);
        let ids: Vec<_> = origins.iter().map(|(i, o)| (i, o.id.unwrap())).collect();
        assert_eq!(ids, [(0, "a"), (2, "b")]);
        let behaviors: Vec<_> = c.behaviors().map(|b| b.pointer().to_string()).collect();
        assert_eq!(
            behaviors,
            ["/CacheBehaviors/Items/0", "/CacheBehaviors/Items/1"]
        );
        assert_eq!(
            c.cache_behaviors
                .unwrap()
                .iter()
                .nth(1)
                .unwrap()
                .1
                .target_origin_id,
            Some("b")
        );
    }
}
