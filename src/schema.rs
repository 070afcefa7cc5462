//! Structural validation against the generated JSON Schemas: `schemas/distribution-config.schema.json`
//! (the CloudFront API's shape, from its model) for configs in the API's form, and
//! `schemas/cloudformation-distribution-config.schema.json` (from the
//! `AWS::CloudFront::Distribution` resource schema) for the `DistributionConfig` of a
//! CloudFormation template. The validators are compiled into the binary (no run-time compile:
//! that alone would cost more than linting a small file), and their errors become CF010–CF015
//! findings.

use crate::finding::Finding;
use crate::form::{child, describe, Form};
use crate::json::Pointer;
use crate::rules::text::{closest, extensions, is_placeholder, quoted_list};
use crate::rules::{self, Anchor, Context, RuleMeta};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::JsonType;
use serde_json::Value;
use std::sync::OnceLock;

pub mod formats;

// The patterns each schema names as a `format` (formats.rs says why); a format missing here
// does not compile.
#[jsonschema::validator(
    path = "schemas/distribution-config.schema.json",
    validate_formats = true,
    ignore_unknown_formats = false,
    formats = {
        "cloudfront-function-arn" => crate::schema::formats::function_arn,
        "cloudfront-region" => crate::schema::formats::region,
        "cloudfront-name" => crate::schema::formats::name,
    }
)]
struct DistributionConfigSchema;

#[jsonschema::validator(
    path = "schemas/cloudformation-distribution-config.schema.json",
    validate_formats = true,
    ignore_unknown_formats = false,
    formats = {
        "cloudfront-function-arn" => crate::schema::formats::function_arn,
        "cloudfront-region" => crate::schema::formats::region,
        "cloudfront-name" => crate::schema::formats::name,
        "cloudformation-intrinsic-name" => crate::schema::formats::intrinsic_name,
        "cloudformation-integer-string" => crate::schema::formats::integer_string,
        "cloudformation-number-string" => crate::schema::formats::number_string,
    }
)]
struct CloudFormationSchema;

/// The API schema's text, as compiled into the binary.
pub const SCHEMA_TEXT: &str = include_str!("../schemas/distribution-config.schema.json");

/// The CloudFormation schema's text, as compiled into the binary.
pub const CLOUDFORMATION_SCHEMA_TEXT: &str =
    include_str!("../schemas/cloudformation-distribution-config.schema.json");

/// Annotation of the CloudFormation schema on a member whose API name differs (set by
/// `schemas/cloudformation/generate.rs`).
const API_NAME_KEYWORD: &str = "x-cloudfront-api-name";

/// A form's schema as data, for what error messages need (member names, descriptions) and the
/// API's member types. Parsed on first use, once per process.
pub fn schema(form: Form) -> &'static Value {
    static API: OnceLock<Value> = OnceLock::new();
    static CLOUDFORMATION: OnceLock<Value> = OnceLock::new();
    let (cell, text) = match form {
        // Terraform's form is translated into the API's shape before it is checked.
        Form::Api | Form::Terraform => (&API, SCHEMA_TEXT),
        Form::CloudFormation => (&CLOUDFORMATION, CLOUDFORMATION_SCHEMA_TEXT),
    };
    cell.get_or_init(|| serde_json::from_str(text).unwrap_or(Value::Null))
}

/// The API schema for editors (`cloudfront-lint schema`): a bare `DistributionConfig`, or one
/// inside the AWS CLI's wrappers (`{"DistributionConfig": …}` with `ETag`/`Id`/`IfMatch`,
/// `{"Distribution": {"DistributionConfig": …}}`, `{"DistributionConfigWithTags": …}`), as the
/// linter reads them. The compiled-in schema stays the bare one: rules report against it.
pub fn editor_schema() -> String {
    let mut root: Value = serde_json::from_str(SCHEMA_TEXT).unwrap_or(Value::Null);
    formats::restore_patterns(&mut root);
    let Some(map) = root.as_object_mut() else {
        return SCHEMA_TEXT.to_owned();
    };
    let Some(config) = map.remove("$ref") else {
        return SCHEMA_TEXT.to_owned();
    };
    let config = serde_json::json!({"$ref": config});
    let wrapped = |outer: &str, extra: Value| {
        let mut properties = serde_json::json!({ outer: {} });
        if let (Some(p), Some(extra)) = (properties.as_object_mut(), extra.as_object()) {
            p.extend(extra.clone());
        }
        serde_json::json!({
            "type": "object",
            "required": [outer],
            "properties": properties,
            "additionalProperties": false,
        })
    };
    let mut cli = wrapped(
        "DistributionConfig",
        serde_json::json!({"ETag": {"type": "string"}, "Id": {"type": "string"}, "IfMatch": {"type": "string"}}),
    );
    cli["properties"]["DistributionConfig"] = config.clone();
    let mut distribution = wrapped(
        "Distribution",
        serde_json::json!({"ETag": {"type": "string"}}),
    );
    distribution["properties"]["Distribution"] = serde_json::json!({
        "type": "object",
        "required": ["DistributionConfig"],
        "properties": {"DistributionConfig": config.clone()},
    });
    let mut tags = wrapped("DistributionConfigWithTags", serde_json::json!({}));
    tags["properties"]["DistributionConfigWithTags"] = serde_json::json!({
        "type": "object",
        "required": ["DistributionConfig"],
        "properties": {"DistributionConfig": config.clone(), "Tags": {"type": "object"}},
        "additionalProperties": false,
    });
    map.insert(
        "anyOf".into(),
        serde_json::json!([config, cli, distribution, tags]),
    );
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

/// Whether a value is a structurally valid DistributionConfig in the API's form (the fast path;
/// for benchmarks).
pub fn is_valid(value: &Value) -> bool {
    DistributionConfigSchema::is_valid(value)
}

/// Whether any schema rule is selected.
pub fn any_enabled(settings: &crate::Settings) -> bool {
    rules::SCHEMA_RULES.iter().any(|m| settings.enabled(m))
}

/// The most allowed values a message lists.
const LONGEST_LIST: usize = 20;

/// Who rejects a structural mistake, in the words of each form.
struct Wording {
    unknown: &'static str,
    missing: &'static str,
    wrong_type: &'static str,
}

const API_WORDING: Wording = Wording {
    unknown: "the AWS CLI rejects the config before sending it (Unknown parameter)",
    missing: "the AWS CLI rejects the config before sending it (Missing required parameter)",
    wrong_type: "the AWS CLI rejects the config (Invalid type)",
};

const TERRAFORM_WORDING: Wording = Wording {
    unknown: "Terraform rejects the configuration (Unsupported argument)",
    missing: "Terraform rejects the configuration (Missing required argument)",
    wrong_type: "Terraform rejects the configuration (Incorrect attribute value type)",
};

const CLOUDFORMATION_WORDING: Wording = Wording {
    unknown: "CloudFormation rejects the template (E3002 in cfn-lint)",
    missing: "CloudFormation rejects the template (E3003 in cfn-lint)",
    wrong_type: "CloudFormation rejects the template (E3012 in cfn-lint)",
};

/// Validates the config against the schema of its form and reports every structural error.
pub fn check(cx: &Context, settings: &crate::Settings, out: &mut Vec<Finding>) {
    let form = cx.form();
    let errors = match form {
        Form::CloudFormation if CloudFormationSchema::is_valid(cx.raw) => return,
        Form::CloudFormation => CloudFormationSchema::iter_errors(cx.raw),
        _ if DistributionConfigSchema::is_valid(cx.raw) => return,
        _ => DistributionConfigSchema::iter_errors(cx.raw),
    };
    let data = schema(form);
    let words = match form {
        Form::Api => &API_WORDING,
        Form::CloudFormation => &CLOUDFORMATION_WORDING,
        Form::Terraform => &TERRAFORM_WORDING,
    };
    for error in errors {
        // The path as written (a template's lists are plain arrays); reports take the API's shape.
        let written = Pointer::parse(error.instance_path().as_str()).unwrap_or_default();
        let at = match form {
            Form::Api | Form::Terraform => written.clone(),
            Form::CloudFormation => api_pointer(cx.raw, &written),
        };
        // Terraform's form reports its own unknown and missing arguments, from the provider's
        // schema; the translation has none of the API's.
        if form == Form::Terraform
            && matches!(
                error.kind(),
                ValidationErrorKind::AdditionalProperties { .. }
                    | ValidationErrorKind::Required { .. }
            )
        {
            continue;
        }
        let instance: &Value = error.instance();
        let schema_path = error.schema_path().as_str().to_owned();
        // A value still to be filled in by a template is not wrong by itself.
        if instance.as_str().is_some_and(is_placeholder) {
            continue;
        }
        let name = member_name(&written);
        let report = |rule: &'static RuleMeta, at: &Pointer, message: String| {
            settings.enabled(rule).then(|| cx.report(rule, at, message))
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = known_members(data, &schema_path);
                for key in unexpected {
                    let member = at.key(key);
                    let Some(mut r) = report(
                        &rules::UNKNOWN_MEMBER,
                        &member,
                        format!("{name} has no member `{key}`: {}", words.unknown),
                    ) else {
                        continue;
                    };
                    r = r.anchor(Anchor::Key);
                    let balancing = rules::cf206_balancing_key(key);
                    let one_level_up = member_of_parent(data, cx.raw, &written, key);
                    // Only a template's schema names the API's spelling of its members.
                    let renamed = cloudformation_name(data, &schema_path, key);
                    r = match (one_level_up, renamed, closest(key, known.iter().map(String::as_str))) {
                        _ if balancing => r.help("CloudFront has no origin weights or load balancing settings: an origin group is primary-first failover only (see CF206)"),
                        (Some(parent), _, _) => r.help(format!("`{key}` is a member of {parent}, one level up: is it nested one level too deep?")),
                        _ if form == Form::CloudFormation && key == "CallerReference" && written.as_str().is_empty() => r.help("remove it: CloudFormation makes the CallerReference itself"),
                        (_, Some(cfn), _) => r.help(format!("did you mean `{cfn}`? That is CloudFormation's name for this member of the API")).fix_respell(key, &cfn),
                        (_, _, Some(k)) => r.help(format!("did you mean `{k}`?")).fix_respell(key, k),
                        _ if known.is_empty() => r.help("remove it"),
                        _ => r.help(format!("remove it; {name} takes {}", quoted_list(&known))),
                    };
                    r.push(out);
                }
            }
            ValidationErrorKind::Required { property } => {
                let property = property.as_str().unwrap_or("?");
                let Some(mut r) = report(
                    &rules::MISSING_MEMBER,
                    &at,
                    format!(
                        "{name} has no `{property}`, which it requires: {}",
                        words.missing
                    ),
                ) else {
                    continue;
                };
                r = r.anchor(Anchor::Head);
                r = match nested_too_deep(instance, property) {
                    Some(inside) => r.help(format!(
                        "add `{property}` (there is one inside `{inside}`, one level too deep)"
                    )),
                    None => r.help(format!("add `{property}`")),
                };
                r.push(out);
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => t.as_str().to_owned(),
                    // A string member of a template also takes a number or a boolean.
                    TypeKind::Multiple(set) if set.contains(JsonType::String) => {
                        "string".to_owned()
                    }
                    TypeKind::Multiple(set) => set
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                // YAML's `Key:` with nothing after it: CloudFormation refuses a null anywhere.
                if form == Form::CloudFormation && instance.is_null() {
                    let message = format!("{name} is null (a key without a value): CloudFormation rejects the template ('null' values are not allowed in templates)");
                    let Some(r) = report(&rules::WRONG_TYPE, &at, message) else {
                        continue;
                    };
                    r.help(format!("give it {} or remove the key", article(&expected)))
                        .push(out);
                    continue;
                }
                let wants_wrapper =
                    expected == "object" && instance.is_array() && wants_items(data, &schema_path);
                let api_shape = form == Form::CloudFormation
                    && expected == "array"
                    && instance
                        .as_object()
                        .is_some_and(|o| o.contains_key("Items") || o.contains_key("Quantity"));
                let message = if wants_wrapper {
                    match form {
                        Form::Api | Form::Terraform => format!("{name} is a plain array, but the API takes {{\"Quantity\": n, \"Items\": [...]}} here (plain arrays are CloudFormation's shape): {}", words.wrong_type),
                        Form::CloudFormation => format!("{name} is a plain array, but CloudFormation keeps the API's {{\"Quantity\": n, \"Items\": [...]}} here: {}", words.wrong_type),
                    }
                } else if api_shape {
                    format!("{name} is the API's {{\"Quantity\": n, \"Items\": [...]}}, but CloudFormation takes a plain array here: {}", words.wrong_type)
                } else {
                    let taker = match form {
                        Form::Api => "the API",
                        Form::Terraform => "Terraform",
                        Form::CloudFormation => "CloudFormation",
                    };
                    format!(
                        "{name} is {}, but {taker} takes {} here: {}",
                        describe(instance),
                        article(&expected),
                        words.wrong_type
                    )
                };
                let Some(mut r) = report(&rules::WRONG_TYPE, &at, message) else {
                    continue;
                };
                if wants_wrapper {
                    r = r.help(format!(
                        "write {{\"Quantity\": {n}, \"Items\": [...]}} around the list",
                        n = instance.as_array().map_or(0, Vec::len)
                    ));
                } else if api_shape {
                    r = r.help("write the list of items itself, without Quantity and Items");
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
                // A long list (the country codes) is not worth reading in full: the help names the closest.
                let takes = if allowed.len() > LONGEST_LIST {
                    format!("it takes one of {} values", allowed.len())
                } else {
                    format!("it takes {}", quoted_list(&allowed))
                };
                let Some(mut r) = report(
                    &rules::VALUE_NOT_ALLOWED,
                    &at,
                    format!(
                        "{name} is {}, which CloudFront does not accept here: {takes}",
                        display(instance)
                    ),
                ) else {
                    continue;
                };
                if let Some(s) = instance.as_str() {
                    let longer = extensions(s, allowed.iter().map(String::as_str));
                    if let [one] = longer.as_slice() {
                        r = r.help(format!("did you mean `{one}`?")).fix_respell(s, one);
                    } else if !longer.is_empty() {
                        r = r.help(format!("did you mean {}?", or_list(&longer)));
                    } else if let Some(best) = closest(s, allowed.iter().map(String::as_str)) {
                        r = r
                            .help(format!("did you mean `{best}`?"))
                            .fix_respell(s, best);
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
                let rule = description(data, &schema_path).and_then(|d| must_sentence(&d));
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
            ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => {
                let pattern = match error.kind() {
                    ValidationErrorKind::Pattern { pattern } => pattern.as_str(),
                    // A pattern the schema names as a format (schema/formats.rs).
                    ValidationErrorKind::Format { format } => {
                        formats::named(format).map_or(format.as_str(), |f| f.pattern)
                    }
                    _ => "",
                };
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

/// A path into a config as written in a template, in the API's shape that reports take: `Items`
/// before each index into a plain array (`/Origins/0/Id` is `/Origins/Items/0/Id`). A list already
/// in the API's shape (`/OriginGroups/Items/0`) stays as it is. [`crate::form::Target::to_file`]
/// takes the result back to the path as written.
fn api_pointer(config: &Value, written: &Pointer) -> Pointer {
    let mut out = Pointer::root();
    let mut value = Some(config);
    let mut previous_is_items = false;
    for segment in written.segments() {
        if value.is_some_and(Value::is_array) && !previous_is_items {
            out = out.key("Items");
        }
        value = value.and_then(|v| child(v, &segment));
        out = out.key(&segment);
        previous_is_items = segment == "Items";
    }
    out
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

/// `Quantity` of `/Origins/Quantity`, `Origins.Items[0]` of `/Origins/Items/0`, `Origins[0]` of
/// a template's `/Origins/0`, or "the DistributionConfig" for the root, in backticks.
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

/// The schema node that holds the keyword a schema path ends in (`/$defs/Origin` of
/// `/$defs/Origin/additionalProperties`).
fn keyword_holder<'s>(schema: &'s Value, schema_path: &str) -> Option<&'s Value> {
    let (holder, _keyword) = schema_path.rsplit_once('/')?;
    schema.pointer(holder)
}

/// The members of the object whose schema has the keyword at `schema_path`.
fn known_members(schema: &Value, schema_path: &str) -> Vec<String> {
    keyword_holder(schema, schema_path)
        .and_then(|d| d.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The member named `api_name` in the API, under its CloudFormation name, of the object whose
/// schema has the keyword at `schema_path` (`OriginCustomHeaders` for `CustomHeaders`).
fn cloudformation_name(schema: &Value, schema_path: &str, api_name: &str) -> Option<String> {
    let members = keyword_holder(schema, schema_path)?
        .get("properties")?
        .as_object()?;
    members
        .iter()
        .find(|(_, m)| m.get(API_NAME_KEYWORD).and_then(Value::as_str) == Some(api_name))
        .map(|(name, _)| name.clone())
}

/// Whether the type error at `schema_path` is about an object that is a Quantity/Items wrapper.
fn wants_items(schema: &Value, schema_path: &str) -> bool {
    keyword_holder(schema, schema_path)
        .and_then(|d| d.get("properties"))
        .is_some_and(|p| p.get("Items").is_some())
}

/// The description of the property a schema path points into.
fn description(schema: &Value, schema_path: &str) -> Option<String> {
    let mut node = schema;
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

/// The schema of the value at an instance path (a path as written), following `$ref`s and, for
/// a template's values, the branch that checks a literal (`else`).
fn schema_at<'s>(schema: &'s Value, instance: &Pointer) -> Option<&'s Value> {
    let mut node = resolve(schema, schema)?;
    for segment in instance.segments() {
        let next = match node.get("properties") {
            Some(members) => members.get(segment.as_ref())?,
            None => node.get("items")?,
        };
        node = resolve(schema, next)?;
    }
    Some(node)
}

/// A schema node past its `$ref`s and literal branches (`{"if": <intrinsic>, "else": …}`).
fn resolve<'s>(schema: &'s Value, mut node: &'s Value) -> Option<&'s Value> {
    for _ in 0..32 {
        if let Some(target) = node.get("$ref").and_then(Value::as_str) {
            node = schema.pointer(target.strip_prefix('#')?)?;
        } else if let Some(literal) = node.get("else") {
            node = literal;
        } else {
            return Some(node);
        }
    }
    None
}

/// For an unknown `key` in the object at `written`: the name of the enclosing object when that one
/// takes `key` and does not have it (a member indented one level too deep).
fn member_of_parent(
    schema: &Value,
    config: &Value,
    written: &Pointer,
    key: &str,
) -> Option<String> {
    if written.as_str().is_empty() {
        return None;
    }
    let parent = written.parent();
    let takes = schema_at(schema, &parent)?
        .get("properties")?
        .get(key)
        .is_some();
    let has = pointer_value(config, &parent)?.get(key).is_some();
    (takes && !has).then(|| member_name(&parent))
}

fn pointer_value<'v>(config: &'v Value, at: &Pointer) -> Option<&'v Value> {
    at.segments()
        .try_fold(config, |v, segment| child(v, &segment))
}

/// For a required `property` missing from `object`: the member of `object` that has it instead.
fn nested_too_deep(object: &Value, property: &str) -> Option<String> {
    object
        .as_object()?
        .iter()
        .find(|(_, v)| v.get(property).is_some())
        .map(|(k, _)| k.clone())
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
    use crate::form::Target;
    use serde_json::json;

    /// The quotas the linter checks are the ones the schema publishes.
    #[test]
    fn quotas_match_the_schema_annotations() {
        let defs = &schema(Form::Api)["$defs"];
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
        assert_eq!(max("Headers", "Items"), quota::FORWARDED_HEADERS.0 as i64);
        assert_eq!(
            max("CookieNames", "Items"),
            quota::FORWARDED_COOKIE_NAMES.0 as i64
        );
        assert_eq!(
            max("QueryStringCacheKeys", "Items"),
            quota::QUERY_STRING_CACHE_KEYS.0 as i64
        );
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

    /// A template's path gets `Items` before each index into a plain array, and the target's
    /// `to_file` takes it back to the path as written.
    #[test]
    fn template_paths_in_the_api_shape_and_back() {
        let config = json!({
            "Origins": [{"Id": "a", "OriginCustomHeaders": [{"HeaderName": "x"}]}],
            "OriginGroups": {"Quantity": 1, "Items": [{"Members": {"Quantity": 2, "Items": [{"OriginId": "a"}, {"OriginId": "b"}]}}]},
            "Restrictions": {"GeoRestriction": {"Locations": ["DE"]}},
        });
        let target = Target {
            value: &config,
            prefix: Pointer::root(),
            form: Form::CloudFormation,
            resource: None,
            template: None,
            rewrites: Vec::new(),
            filled: Vec::new(),
            notes: Vec::new(),
            tags: None,
            operation: None,
        };
        for (written, api) in [
            ("/Origins/0/Id", "/Origins/Items/0/Id"),
            (
                "/Origins/0/OriginCustomHeaders/0/HeaderName",
                "/Origins/Items/0/OriginCustomHeaders/Items/0/HeaderName",
            ),
            (
                "/OriginGroups/Items/0/Members/Items/1/OriginId",
                "/OriginGroups/Items/0/Members/Items/1/OriginId",
            ),
            (
                "/Restrictions/GeoRestriction/Locations/0",
                "/Restrictions/GeoRestriction/Locations/Items/0",
            ),
            ("/Origins", "/Origins"),
            ("", ""),
        ] {
            let written = Pointer::parse(written).unwrap();
            let converted = api_pointer(&config, &written);
            assert_eq!(converted.as_str(), api, "{}", written.as_str());
            assert_eq!(target.to_file(&converted), written, "{api}");
        }
    }

    /// Intrinsic functions and the scalars CloudFormation converts are accepted anywhere; literal
    /// mistakes keep their own error kind.
    #[test]
    fn cloudformation_schema_accepts_intrinsics_and_converted_scalars() {
        let ok = json!({
            "Enabled": "true",
            "IPV6Enabled": {"Fn::If": ["C", true, false]},
            "Aliases": {"Fn::If": ["C", ["a.example.com"], {"Ref": "AWS::NoValue"}]},
            "Origins": [
                {"Id": {"Ref": "Id"}, "DomainName": {"Fn::GetAtt": ["B", "RegionalDomainName"]}, "S3OriginConfig": {}},
                {"Fn::If": ["C", {"Id": "x", "DomainName": "x.example.com"}, {"Ref": "AWS::NoValue"}]},
                {"Id": "c", "DomainName": "c.example.com", "ConnectionAttempts": "2",
                 "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "HTTPPort": "8080", "OriginSSLProtocols": ["TLSv1.2", {"Ref": "P"}]}}
            ],
            "DefaultCacheBehavior": {"TargetOriginId": "c", "ViewerProtocolPolicy": {"Ref": "Policy"}, "DefaultTTL": "86400",
                "ForwardedValues": {"QueryString": "False", "Cookies": {"Forward": "none"}}},
            "CustomErrorResponses": [{"ErrorCode": "404", "ResponseCode": 200, "ResponsePagePath": "/index.html"}],
            "Comment": 2024,
            "ViewerCertificate": {"Condition": "C"},
        });
        let errors: Vec<String> = CloudFormationSchema::iter_errors(&ok)
            .map(|e| format!("{} {e}", e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let bad = json!({
            "Enabled": "yes",
            "Origins": [{"Id": "c", "DomainName": "c", "CustomOriginConfig": {"OriginProtocolPolicy": "https"}}],
            "DefaultCacheBehavior": {"TargetOriginId": "c", "ViewerProtocolPolicy": "redirect-to-http",
                "ForwardedValues": {"QueryString": false, "Cookies": {"Forward": "None"}}},
            "CustomErrorResponses": [{"ErrorCode": "401"}],
            "CallerReference": "r",
        });
        let kinds: Vec<(String, &str)> = CloudFormationSchema::iter_errors(&bad)
            .map(|e| {
                let kind = match e.kind() {
                    ValidationErrorKind::Enum { .. } => "enum",
                    ValidationErrorKind::Type { .. } => "type",
                    ValidationErrorKind::AdditionalProperties { .. } => "unknown",
                    _ => "other",
                };
                (e.instance_path().as_str().to_owned(), kind)
            })
            .collect();
        for expected in [
            ("/Enabled", "type"),
            ("/Origins/0/CustomOriginConfig/OriginProtocolPolicy", "enum"),
            ("/DefaultCacheBehavior/ViewerProtocolPolicy", "enum"),
            (
                "/DefaultCacheBehavior/ForwardedValues/Cookies/Forward",
                "enum",
            ),
            ("/CustomErrorResponses/0/ErrorCode", "enum"),
            ("", "unknown"),
        ] {
            assert!(
                kinds
                    .iter()
                    .any(|(p, k)| p == expected.0 && *k == expected.1),
                "{expected:?} not in {kinds:?}"
            );
        }
    }
}
