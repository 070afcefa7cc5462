//! Structural validation against `schemas/distribution-config.schema.json`, the JSON Schema
//! generated from the CloudFront API model. The validator is compiled into the binary (no
//! run-time compile: that alone would cost more than linting a small file), and its errors
//! become CF010–CF015 findings.

use crate::finding::Finding;
use crate::input::describe;
use crate::json::Pointer;
use crate::rules::text::{closest, extensions, is_placeholder, quoted_list};
use crate::rules::{self, Anchor, Context, RuleMeta};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use std::sync::OnceLock;

#[jsonschema::validator(path = "schemas/distribution-config.schema.json")]
struct DistributionConfigSchema;

/// The schema as data, for what error messages need (member names, descriptions). Parsed only
/// when a file has a schema error.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_TEXT).unwrap_or(Value::Null))
}

/// Whether a value is a structurally valid DistributionConfig (the fast path; for benchmarks).
pub fn is_valid(value: &Value) -> bool {
    DistributionConfigSchema::is_valid(value)
}

/// The schema's text, as compiled into the binary.
pub const SCHEMA_TEXT: &str = include_str!("../schemas/distribution-config.schema.json");

/// Whether any schema rule is selected.
pub fn any_enabled(settings: &crate::Settings) -> bool {
    rules::SCHEMA_RULES.iter().any(|m| settings.enabled(m))
}

/// Validates the config and reports every structural error.
pub fn check(cx: &Context, settings: &crate::Settings, out: &mut Vec<Finding>) {
    if DistributionConfigSchema::is_valid(cx.raw) {
        return;
    }
    for error in DistributionConfigSchema::iter_errors(cx.raw) {
        let at = Pointer::parse(error.instance_path().as_str()).unwrap_or_default();
        let instance: &Value = error.instance();
        let schema_path = error.schema_path().as_str().to_owned();
        // A value still to be filled in by a template is not wrong by itself.
        if instance.as_str().is_some_and(is_placeholder) {
            continue;
        }
        let name = member_name(&at);
        let report = |rule: &'static RuleMeta, at: &Pointer, message: String| {
            settings.enabled(rule).then(|| cx.report(rule, at, message))
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = known_members(&schema_path);
                for key in unexpected {
                    let member = at.key(key);
                    let Some(mut r) = report(&rules::UNKNOWN_MEMBER, &member, format!("{name} has no member `{key}`: the AWS CLI rejects the config before sending it (Unknown parameter)")) else { continue };
                    r = r.anchor(Anchor::Key);
                    let balancing = rules::cf206_balancing_key(key);
                    r = match closest(key, known.iter().map(String::as_str)) {
                        Some(k) if !balancing => r.help(format!("did you mean `{k}`?")),
                        _ if balancing => r.help("CloudFront has no origin weights or load balancing settings: an origin group is primary-first failover only (see CF206)"),
                        _ if known.is_empty() => r.help("remove it"),
                        _ => r.help(format!("remove it; {name} takes {}", quoted_list(&known))),
                    };
                    r.push(out);
                }
            }
            ValidationErrorKind::Required { property } => {
                let property = property.as_str().unwrap_or("?");
                let Some(r) = report(&rules::MISSING_MEMBER, &at, format!("{name} has no `{property}`, which it requires: the AWS CLI rejects the config before sending it (Missing required parameter)")) else { continue };
                r.anchor(Anchor::Head)
                    .help(format!("add `{property}`"))
                    .push(out);
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => t.as_str().to_owned(),
                    TypeKind::Multiple(set) => format!("{set:?}"),
                };
                let wrapper_shape =
                    expected == "object" && instance.is_array() && wants_items(&schema_path);
                let message = if wrapper_shape {
                    format!("{name} is a plain array, but the API takes {{\"Quantity\": n, \"Items\": [...]}} here (plain arrays are CloudFormation's shape): the AWS CLI rejects the config (Invalid type)")
                } else {
                    format!("{name} is {}, but the API takes {} here: the AWS CLI rejects the config (Invalid type)", describe(instance), article(&expected))
                };
                let Some(mut r) = report(&rules::WRONG_TYPE, &at, message) else {
                    continue;
                };
                if wrapper_shape {
                    r = r.help(format!(
                        "write {{\"Quantity\": {n}, \"Items\": [...]}} around the list",
                        n = instance.as_array().map_or(0, Vec::len)
                    ));
                } else if let Some(fixed) = coerced(instance, &expected) {
                    r = r.help(format!("write {fixed}"));
                }
                r.push(out);
            }
            ValidationErrorKind::Enum { options }
            | ValidationErrorKind::Constant {
                expected_value: options,
            } => {
                let allowed: Vec<String> = match options.as_ref() {
                    Value::Array(list) => list.iter().map(bare).collect(),
                    other => vec![bare(other)],
                };
                let Some(mut r) = report(
                    &rules::VALUE_NOT_ALLOWED,
                    &at,
                    format!(
                        "{name} is {}, which CloudFront does not accept here: it takes {}",
                        display(instance),
                        quoted_list(&allowed)
                    ),
                ) else {
                    continue;
                };
                if let Some(s) = instance.as_str() {
                    let longer = extensions(s, allowed.iter().map(String::as_str));
                    if !longer.is_empty() {
                        r = r.help(format!("did you mean {}?", or_list(&longer)));
                    } else if let Some(best) = closest(s, allowed.iter().map(String::as_str)) {
                        r = r.help(format!("did you mean `{best}`?"));
                    }
                }
                r.push(out);
            }
            ValidationErrorKind::Minimum { limit }
            | ValidationErrorKind::ExclusiveMinimum { limit } => {
                push(
                    report(
                        &rules::OUT_OF_RANGE,
                        &at,
                        format!(
                            "{name} is {}, below the minimum of {limit} CloudFront accepts",
                            display(instance)
                        ),
                    ),
                    out,
                );
            }
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => {
                push(
                    report(
                        &rules::OUT_OF_RANGE,
                        &at,
                        format!(
                            "{name} is {}, above the maximum of {limit} CloudFront accepts",
                            display(instance)
                        ),
                    ),
                    out,
                );
            }
            ValidationErrorKind::MinLength { limit } => {
                push(report(&rules::OUT_OF_RANGE, &at, format!("{name} is shorter than {limit} characters, the least CloudFront accepts")), out);
            }
            ValidationErrorKind::MaxLength { limit } => {
                let n = instance.as_str().map_or(0, |s| s.chars().count());
                push(report(&rules::OUT_OF_RANGE, &at, format!("{name} is {n} characters long, more than the {limit} CloudFront accepts")), out);
            }
            ValidationErrorKind::MinItems { limit } => {
                let n = instance.as_array().map_or(0, Vec::len);
                push(
                    report(
                        &rules::OUT_OF_RANGE,
                        &at,
                        format!("{name} has {n} entries, but CloudFront needs at least {limit}"),
                    ),
                    out,
                );
            }
            ValidationErrorKind::MaxItems { limit } => {
                let n = instance.as_array().map_or(0, Vec::len);
                push(
                    report(
                        &rules::OUT_OF_RANGE,
                        &at,
                        format!("{name} has {n} entries, but CloudFront accepts at most {limit}"),
                    ),
                    out,
                );
            }
            ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
                let rule = description(&schema_path).and_then(|d| must_sentence(&d));
                let message = match rule {
                    Some(rule) => format!(
                        "{name} is {}, which CloudFront does not accept: {rule}",
                        display(instance)
                    ),
                    None => format!(
                        "{name} is {}, which CloudFront does not accept",
                        display(instance)
                    ),
                };
                push(report(&rules::OUT_OF_RANGE, &at, message), out);
            }
            ValidationErrorKind::Pattern { pattern } => {
                push(
                    report(&rules::PATTERN_MISMATCH, &at, format!("{name} is {}, which is not in the form CloudFront accepts (`{pattern}`)", display(instance))),
                    out,
                );
            }
            _ => {
                push(
                    report(&rules::VALUE_NOT_ALLOWED, &at, format!("{name}: {error}")),
                    out,
                );
            }
        }
    }
}

/// `a`, `a` or `b`, `a`, `b` or `c`, each in backticks.
fn or_list(items: &[&str]) -> String {
    quoted_list(items)
        .rsplit_once(" and ")
        .map_or_else(|| quoted_list(items), |(a, b)| format!("{a} or {b}"))
}

fn push(report: Option<rules::Report<'_, '_>>, out: &mut Vec<Finding>) {
    if let Some(r) = report {
        r.push(out);
    }
}

/// `Quantity` of `/Origins/Quantity`, or "the DistributionConfig" for the root, in backticks.
fn member_name(at: &Pointer) -> String {
    let segments: Vec<String> = at.segments().map(|s| s.into_owned()).collect();
    match segments.as_slice() {
        [] => "the DistributionConfig".to_owned(),
        [.., list, items, last] if items == "Items" && last.parse::<usize>().is_ok() => {
            format!("`{list}.Items[{last}]`")
        }
        [.., parent, last] if last.parse::<usize>().is_ok() => format!("`{parent}[{last}]`"),
        [.., last] => format!("`{last}`"),
    }
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => other.to_string(),
    }
}

/// A value as written in a list of allowed values: strings without quotes.
fn bare(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

fn article(kind: &str) -> String {
    match kind {
        "integer" | "array" | "object" => format!("an {kind}"),
        "null" => kind.to_owned(),
        _ => format!("a {kind}"),
    }
}

/// The same value in the right type, where that is unambiguous (`"3"` → `3`, `"true"` → `true`).
fn coerced(value: &Value, expected: &str) -> Option<String> {
    let s = value.as_str()?.trim();
    match expected {
        "integer" => s.parse::<i64>().ok().map(|n| n.to_string()),
        "boolean" => matches!(s, "true" | "false").then(|| s.to_owned()),
        _ => None,
    }
}

/// The `$defs` entry a schema path is inside, as data.
fn definition(schema_path: &str) -> Option<&'static Value> {
    let mut segments = schema_path.split('/').skip(1);
    if segments.next()? != "$defs" {
        return schema().get("$defs")?.get("DistributionConfig");
    }
    schema().get("$defs")?.get(segments.next()?)
}

fn known_members(schema_path: &str) -> Vec<String> {
    definition(schema_path)
        .and_then(|d| d.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// Whether the object the schema path describes is a Quantity/Items wrapper.
fn wants_items(schema_path: &str) -> bool {
    let path = schema_path.trim_end_matches("/type");
    let target = path
        .strip_prefix("/$defs/")
        .and_then(|name| schema().get("$defs")?.get(name));
    target
        .and_then(|d| d.get("properties"))
        .is_some_and(|p| p.get("Items").is_some())
}

/// The description of the property a schema path points into.
fn description(schema_path: &str) -> Option<String> {
    let mut node = schema();
    let mut best = None;
    for segment in schema_path.split('/').skip(1) {
        node = node
            .get(segment)
            .or_else(|| segment.parse::<usize>().ok().and_then(|i| node.get(i)))?;
        if let Some(d) = node.get("description").and_then(Value::as_str) {
            best = Some(d.to_owned());
        }
    }
    best
}

/// "Must be 80, 443 or 1024-65535" out of a description.
fn must_sentence(description: &str) -> Option<String> {
    let start = description.find("Must ")?;
    let rest = &description[start..];
    let end = rest.find(". ").map_or(rest.len(), |i| i);
    Some(rest[..end].trim_end_matches('.').to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::quota;

    /// The quotas the linter checks are the ones the schema publishes.
    #[test]
    fn quotas_match_the_schema_annotations() {
        let defs = &schema()["$defs"];
        let max = |def: &str, member: &str| {
            defs[def]["properties"][member]["x-cloudfront-quota"]["maximum"]
                .as_i64()
                .unwrap()
        };
        assert_eq!(max("Origins", "Items"), quota::ORIGINS.0 as i64);
        assert_eq!(max("OriginGroups", "Items"), quota::ORIGIN_GROUPS.0 as i64);
        assert_eq!(
            max("CacheBehaviors", "Items"),
            quota::CACHE_BEHAVIORS.0 as i64
        );
        assert_eq!(max("Aliases", "Items"), quota::ALIASES.0 as i64);
        assert_eq!(
            max("CustomHeaders", "Items"),
            quota::ORIGIN_CUSTOM_HEADERS.0 as i64
        );
        for def in ["CustomOriginConfig", "S3OriginConfig", "VpcOriginConfig"] {
            assert_eq!(max(def, "OriginReadTimeout"), quota::ORIGIN_READ_TIMEOUT.0);
        }
        for def in ["CustomOriginConfig", "VpcOriginConfig"] {
            assert_eq!(
                max(def, "OriginKeepaliveTimeout"),
                quota::ORIGIN_KEEPALIVE_TIMEOUT.0
            );
        }
    }
}
