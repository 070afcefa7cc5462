//! Generates `schemas/cloudformation-distribution-config.schema.json` (JSON Schema draft 2020-12):
//! the value of `Properties.DistributionConfig` of an `AWS::CloudFront::Distribution`, as written
//! in a CloudFormation template. Inputs: the resource schema as cfn-lint ships it
//! (`schemas/cloudformation/aws-cloudfront-distribution.json`) and the CloudFront API's schema
//! (`schemas/distribution-config.schema.json`, itself generated from botocore).
//!
//! A plain module (no crate of its own): `examples/gen-cfn-schema.rs` and `tests/schema_generated.rs`
//! include it with `#[path = "../schemas/cloudformation/generate.rs"] mod generate_cfn;`. It
//! depends on `serde_json` and std only; the output is deterministic.
//!
//! Mapping:
//! - the shape, member names, `required` lists and `additionalProperties: false` are the resource
//!   schema's (plain arrays; `OriginCustomHeaders`, `AcmCertificateArn`, `Locations`, …;
//!   OriginGroups in the API's Quantity/Items shape; no `CallerReference`, which CloudFormation
//!   fills in);
//! - every value may be an intrinsic function instead (an object with one key: `Ref`,
//!   `Condition` or `Fn::…`), checked as `{"if": <intrinsic>, "else": <the value's schema>}` so
//!   that an error in a literal value keeps its own kind (an enum error stays an enum error);
//! - scalars are taken as CloudFormation converts them: `"true"`/`"false"` (any case cfn-lint
//!   takes) for a boolean, a numeric string for an integer or a number, a number or a boolean for a
//!   string without an enum;
//! - constraints: the resource schema's own (`enum`, lengths, `pattern`, item counts), and where it
//!   has none, the CloudFront API's for the same member (its enum, pattern, lengths, ranges,
//!   item counts: `redirect-to-http` and `Forward: None` are caught);
//! - each member's description is the first sentence of the resource schema's, or the API's where
//!   the resource schema has none or the API's states a limit the schema borrows;
//! - the resource schema's non-standard or cross-member keywords (`requiredXor`,
//!   `dependentExcluded`, `dependentRequired`, `format`, `insertionOrder`, `uniqueItems: false`) are
//!   left out: the linter's rules CF210, CF402, CF403 and CF601 check those relations with better
//!   messages.

#![allow(dead_code)]

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const SCHEMA_ID: &str =
    "https://cloudfront-lint.dev/schemas/cloudformation-distribution-config.schema.json";
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
/// Annotation on a member whose CloudFront API name differs (`OriginCustomHeaders` is the API's
/// `CustomHeaders`), for "did you mean" help on API names written in a template.
pub const API_NAME_KEYWORD: &str = "x-cloudfront-api-name";

/// CloudFormation members whose CloudFront API counterpart is not the member of the same name
/// (compared without case): (resource schema definition, member, path from the API's object).
/// A path steps through Quantity/Items wrappers and lists by itself.
const API_PATHS: &[(&str, &str, &[&str])] = &[
    ("DistributionConfig", "IPV6Enabled", &["IsIPV6Enabled"]),
    ("DistributionConfig", "CNAMEs", &["Aliases"]),
    (
        "DistributionConfig",
        "CustomOrigin",
        &["Origins", "CustomOriginConfig"],
    ),
    ("Origin", "OriginCustomHeaders", &["CustomHeaders"]),
    ("GeoRestriction", "Locations", &["Items"]),
    (
        "CacheBehavior",
        "CachedMethods",
        &["AllowedMethods", "CachedMethods"],
    ),
    (
        "DefaultCacheBehavior",
        "CachedMethods",
        &["AllowedMethods", "CachedMethods"],
    ),
];

/// Helper definitions the generator adds; no resource schema definition may have these names.
const INTRINSIC: &str = "Intrinsic";
const INTRINSIC_OR_BOOLEAN: &str = "IntrinsicOrBooleanString";
const INTRINSIC_OR_INTEGER: &str = "IntrinsicOrIntegerString";
const INTRINSIC_OR_NUMBER: &str = "IntrinsicOrNumberString";
const INTEGER_STRING: &str = "IntegerString";
const NUMBER_STRING: &str = "NumberString";
/// The strings CloudFormation (and cfn-lint) take for a boolean.
const BOOLEAN_STRINGS: [&str; 6] = ["true", "True", "TRUE", "false", "False", "FALSE"];

/// What the generator made, and which CloudFormation members have no CloudFront API counterpart
/// (`Definition.Member`), so borrowed nothing.
pub struct Generated {
    pub schema: Value,
    pub without_api_counterpart: Vec<String>,
}

/// Build the schema. Panics with a clear message when an input is malformed, when an entry of
/// [`API_PATHS`] names a member that no longer exists, or when the resource schema uses a
/// keyword the generator does not know (so an update cannot silently drop a constraint).
pub fn generate(resource: &Value, api: &Value) -> Value {
    generate_with_report(resource, api).schema
}

pub fn generate_with_report(resource: &Value, api: &Value) -> Generated {
    let defs = resource
        .get("definitions")
        .and_then(Value::as_object)
        .expect("resource schema: `definitions` must be an object");
    let api_defs = api
        .get("$defs")
        .and_then(Value::as_object)
        .expect("API schema: `$defs` must be an object");
    let root = resource
        .get("root")
        .and_then(Value::as_str)
        .unwrap_or("DistributionConfig");
    for helper in [
        INTRINSIC,
        INTRINSIC_OR_BOOLEAN,
        INTRINSIC_OR_INTEGER,
        INTRINSIC_OR_NUMBER,
        INTEGER_STRING,
        NUMBER_STRING,
    ] {
        assert!(
            !defs.contains_key(helper),
            "resource schema: a definition is named `{helper}`, like a helper of the generator"
        );
    }
    for (def, member, _) in API_PATHS {
        assert!(
            defs.get(*def)
                .and_then(|d| d.get("properties"))
                .and_then(|p| p.get(*member))
                .is_some(),
            "generate.rs API_PATHS: the resource schema has no `{def}.{member}`"
        );
    }
    let mut g = Generator {
        defs,
        api_defs,
        out: Map::new(),
        paired: Map::new(),
        deprecated: deprecated_members(resource),
        unmatched: BTreeSet::new(),
    };
    let api_root = api_defs
        .get(root)
        .unwrap_or_else(|| panic!("API schema: no `$defs/{root}`"));
    g.object_def(root, Some(api_root));

    let mut out = g.out;
    out.insert(INTRINSIC.into(), json!({
        "description": "An intrinsic function: an object with one member, `Ref`, `Condition` or `Fn::…`. CloudFormation computes the value, so it is not checked here.",
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"pattern": "^(?:Ref|Condition|Fn::.+)$"}
    }));
    out.insert(
        INTEGER_STRING.into(),
        json!({
            "description": "A string CloudFormation converts to an integer.",
            "type": "string",
            "pattern": "^[+-]?[0-9]+$"
        }),
    );
    out.insert(
        NUMBER_STRING.into(),
        json!({
            "description": "A string CloudFormation converts to a number.",
            "type": "string",
            "pattern": "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
        }),
    );
    out.insert(INTRINSIC_OR_BOOLEAN.into(), json!({
        "description": "A value CloudFormation takes for a boolean besides true and false: an intrinsic function, or a boolean string.",
        "anyOf": [{"$ref": format!("#/$defs/{INTRINSIC}")}, {"enum": BOOLEAN_STRINGS}]
    }));
    out.insert(INTRINSIC_OR_INTEGER.into(), json!({
        "description": "A value CloudFormation takes for an integer besides a number: an intrinsic function, or a string of digits.",
        "anyOf": [{"$ref": format!("#/$defs/{INTRINSIC}")}, {"$ref": format!("#/$defs/{INTEGER_STRING}")}]
    }));
    out.insert(INTRINSIC_OR_NUMBER.into(), json!({
        "description": "A value CloudFormation takes for a number besides a number: an intrinsic function, or a numeric string.",
        "anyOf": [{"$ref": format!("#/$defs/{INTRINSIC}")}, {"$ref": format!("#/$defs/{NUMBER_STRING}")}]
    }));

    let cfn_lint = resource
        .get("cfn_lint_version")
        .and_then(Value::as_str)
        .unwrap_or("unknown");
    let type_name = resource
        .get("typeName")
        .and_then(Value::as_str)
        .unwrap_or("AWS::CloudFront::Distribution");
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT));
    schema.insert("$id".into(), json!(SCHEMA_ID));
    schema.insert(
        "$comment".into(),
        json!(format!(
            "Generated by schemas/cloudformation/generate.rs from the {type_name} resource schema \
             shipped by cfn-lint {cfn_lint} (schemas/cloudformation/aws-cloudfront-distribution.json) \
             and schemas/distribution-config.schema.json; do not edit. Regenerate: \
             cargo run --example gen-cfn-schema"
        )),
    );
    schema.insert(
        "title".into(),
        json!(format!("{type_name} DistributionConfig (CloudFormation)")),
    );
    schema.insert(
        "description".into(),
        json!(
            "The value of Properties.DistributionConfig of an AWS::CloudFront::Distribution in a \
             CloudFormation template: plain arrays, CloudFormation's member names, and an intrinsic \
             function ({\"Ref\": …}, {\"Fn::…\": …}) accepted wherever a value may stand."
        ),
    );
    schema.insert("$ref".into(), json!(format!("#/$defs/{root}")));
    schema.insert("$defs".into(), Value::Object(out));
    Generated {
        schema: Value::Object(schema),
        without_api_counterpart: g.unmatched.into_iter().collect(),
    }
}

/// Pretty JSON with a trailing newline.
pub fn render(schema: &Value) -> String {
    let mut s =
        serde_json::to_string_pretty(schema).expect("a serde_json::Value always serializes");
    s.push('\n');
    s
}

struct Generator<'a> {
    defs: &'a Map<String, Value>,
    api_defs: &'a Map<String, Value>,
    /// The `$defs` made so far.
    out: Map<String, Value>,
    /// For each definition made, the API node it was paired with (null for none), so that a
    /// definition reached twice is reached with the same counterpart.
    paired: Map<String, Value>,
    /// `Definition.Member` pairs the resource schema lists in `deprecatedProperties`.
    deprecated: BTreeSet<String>,
    unmatched: BTreeSet<String>,
}

/// How CloudFormation reads a value of this schema: what besides a literal of the type it takes.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Object,
    Array,
    String,
    Boolean,
    Integer,
    Number,
}

impl<'a> Generator<'a> {
    fn def(&self, name: &str) -> &'a Value {
        self.defs
            .get(name)
            .unwrap_or_else(|| panic!("resource schema: `{name}` is referenced but not defined"))
    }

    /// Follows the API schema's `$ref`s to the node that says what a value is.
    fn api_resolve(&self, node: &'a Value) -> &'a Value {
        let mut node = node;
        for _ in 0..16 {
            let Some(r) = node.get("$ref").and_then(Value::as_str) else {
                return node;
            };
            let name = r
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("API schema: unexpected $ref `{r}`"));
            node = self
                .api_defs
                .get(name)
                .unwrap_or_else(|| panic!("API schema: `{r}` is not defined"));
        }
        panic!("API schema: a $ref chain that does not end")
    }

    /// The API's list for a CloudFormation list: the API node itself, or the `Items` of a
    /// Quantity/Items wrapper.
    fn api_list(&self, node: &'a Value) -> Option<&'a Value> {
        let resolved = self.api_resolve(node);
        match resolved.get("type").and_then(Value::as_str) {
            Some("array") => Some(node),
            Some("object") => resolved.get("properties")?.get("Items"),
            _ => None,
        }
    }

    /// One step from an API object to its member `name` (exact, or the only one equal without
    /// case), stepping into a Quantity/Items wrapper's items when the object itself has none.
    fn api_step(&self, node: &'a Value, name: &str) -> Option<&'a Value> {
        let resolved = self.api_resolve(node);
        if resolved.get("type").and_then(Value::as_str) == Some("array") {
            return self.api_step(resolved.get("items")?, name);
        }
        let props = resolved.get("properties")?.as_object()?;
        if let Some(p) = props.get(name) {
            return Some(p);
        }
        let same: Vec<&Value> = props
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .collect();
        if let [one] = same.as_slice() {
            return Some(one);
        }
        let items = props.get("Items")?;
        self.api_step(items, name)
    }

    /// The API member paired with CloudFormation's `def.member`, and its name when that differs.
    fn api_member(
        &self,
        def: &str,
        member: &str,
        api_object: Option<&'a Value>,
    ) -> Option<(&'a Value, Option<String>)> {
        let api_object = api_object?;
        if let Some((_, _, path)) = API_PATHS.iter().find(|(d, m, _)| *d == def && *m == member) {
            let mut node = api_object;
            for step in *path {
                node = self.api_step(node, step).unwrap_or_else(|| {
                    panic!("generate.rs API_PATHS: `{def}.{member}`: the API has no `{step}` on the way")
                });
            }
            return Some((node, Some(path.join("."))));
        }
        let resolved = self.api_resolve(api_object);
        let props = resolved.get("properties")?.as_object()?;
        if let Some(p) = props.get(member) {
            return Some((p, None));
        }
        let same: Vec<(&String, &Value)> = props
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(member))
            .collect();
        match same.as_slice() {
            [(name, node)] => Some((node, Some((*name).clone()))),
            _ => None,
        }
    }

    /// Makes `$defs/<name>` for an object definition of the resource schema.
    fn object_def(&mut self, name: &str, api: Option<&'a Value>) {
        let counterpart = api.map_or(Value::Null, |a| self.api_resolve(a).clone());
        if let Some(before) = self.paired.get(name) {
            assert!(
                *before == counterpart,
                "`{name}` is reached from two places with different CloudFront API counterparts"
            );
            return;
        }
        self.paired.insert(name.to_owned(), counterpart);
        // Reserve the name first: definitions can be reached again while this one is made.
        self.out.insert(name.to_owned(), Value::Null);
        let def = self.def(name);
        let schema = self.object_schema(name, def, api);
        self.out.insert(name.to_owned(), Value::Object(schema));
    }

    /// Makes `$defs/<name>` for a scalar definition (an enum) and says how CloudFormation reads it.
    fn scalar_def(&mut self, name: &str, api: Option<&'a Value>) -> (Kind, Option<Vec<Value>>) {
        let def = self.def(name);
        let (kind, schema, enumeration) = self.scalar_schema(name, def, api);
        let counterpart = api.map_or(Value::Null, |a| self.api_resolve(a).clone());
        if let Some(before) = self.paired.get(name) {
            assert!(
                *before == counterpart,
                "`{name}` is reached from two places with different CloudFront API counterparts"
            );
        } else {
            self.paired.insert(name.to_owned(), counterpart);
            let mut schema = schema;
            if let Some(d) = description(def, api.map(|a| self.api_resolve(a))) {
                schema.insert("description".into(), json!(d));
            }
            self.out.insert(name.to_owned(), Value::Object(schema));
        }
        (kind, enumeration)
    }

    /// An object: its members (each wrapped for intrinsics), `required` and
    /// `additionalProperties` as the resource schema says.
    fn object_schema(
        &mut self,
        name: &str,
        def: &'a Value,
        api: Option<&'a Value>,
    ) -> Map<String, Value> {
        check_keywords(name, def);
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        if let Some(d) = description(def, api.map(|a| self.api_resolve(a))) {
            out.insert("description".into(), json!(d));
        }
        let members = def
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("resource schema: object `{name}` without properties"));
        let mut props = Map::new();
        for (member, schema) in members {
            let here = format!("{name}.{member}");
            let paired = self.api_member(name, member, api);
            if paired.is_none() {
                self.unmatched.insert(here.clone());
            }
            let (api_node, api_name) = paired.map_or((None, None), |(n, k)| (Some(n), k));
            let mut p = self.value(&here, schema, api_node);
            if let Some(api_name) = api_name {
                if api_name != *member {
                    p.insert(API_NAME_KEYWORD.into(), json!(api_name));
                }
            }
            if self.deprecated.contains(&here) {
                p.insert("deprecated".into(), json!(true));
            }
            props.insert(member.clone(), Value::Object(p));
        }
        out.insert("properties".into(), Value::Object(props));
        if let Some(required) = def.get("required").and_then(Value::as_array) {
            for r in required {
                let r = r.as_str().unwrap_or_default();
                assert!(
                    members.contains_key(r),
                    "resource schema: `{name}` requires `{r}`, which it does not have"
                );
            }
            if !required.is_empty() {
                out.insert("required".into(), Value::Array(required.clone()));
            }
        }
        match def.get("additionalProperties") {
            Some(Value::Bool(false)) => {
                out.insert("additionalProperties".into(), json!(false));
            }
            None | Some(Value::Bool(true)) => {}
            Some(other) => {
                panic!("resource schema: `{name}`: additionalProperties {other} is not supported")
            }
        }
        out
    }

    /// The schema of a value where the resource schema has `schema` (a member or list item):
    /// description and annotations, then `{"if": <what CloudFormation takes as is>, "else":
    /// <the literal's schema>}`.
    fn value(
        &mut self,
        here: &str,
        schema: &'a Value,
        api: Option<&'a Value>,
    ) -> Map<String, Value> {
        check_keywords(here, schema);
        let api_resolved = api.map(|a| self.api_resolve(a));
        let mut out = Map::new();
        // An API member's own description (beside its $ref) says more than its shape's.
        let api_for_description = api
            .filter(|a| a.get("description").is_some())
            .or(api_resolved);
        if let Some(d) = description(schema, api_for_description) {
            out.insert("description".into(), json!(d));
        }
        if let Some(d) = schema.get("default") {
            out.insert("default".into(), d.clone());
        }
        let (kind, inner, enumeration) = if let Some(r) = schema.get("$ref").and_then(Value::as_str)
        {
            let name = r
                .strip_prefix("#/definitions/")
                .unwrap_or_else(|| panic!("resource schema: unexpected $ref `{r}` at {here}"));
            let target = self.def(name);
            let reference = json!({"$ref": format!("#/$defs/{name}")});
            if target.get("type").and_then(Value::as_str) == Some("object") {
                self.object_def(name, api);
                (Kind::Object, reference, None)
            } else {
                let (kind, enumeration) = self.scalar_def(name, api);
                (kind, reference, enumeration)
            }
        } else {
            match schema.get("type").and_then(Value::as_str) {
                Some("array") => {
                    let items = schema.get("items").unwrap_or_else(|| {
                        panic!("resource schema: array without items at {here}")
                    });
                    let api_list = api.and_then(|a| self.api_list(a));
                    let api_items = api_list
                        .map(|l| self.api_resolve(l))
                        .and_then(|l| l.get("items"));
                    let mut inner = Map::new();
                    inner.insert("type".into(), json!("array"));
                    inner.insert(
                        "items".into(),
                        Value::Object(self.value(&format!("{here}[]"), items, api_items)),
                    );
                    let api_list = api_list.map(|l| self.api_resolve(l));
                    for k in ["minItems", "maxItems"] {
                        if let Some(v) = schema.get(k).or_else(|| api_list.and_then(|l| l.get(k))) {
                            inner.insert(k.into(), v.clone());
                        }
                    }
                    (Kind::Array, Value::Object(inner), None)
                }
                Some("object") => {
                    let inner = self.object_schema(here, schema, api);
                    (Kind::Object, Value::Object(inner), None)
                }
                Some(_) => {
                    let (kind, inner, enumeration) = self.scalar_schema(here, schema, api);
                    (kind, Value::Object(inner), enumeration)
                }
                None => panic!("resource schema: a value without type or $ref at {here}"),
            }
        };
        for (k, v) in wrap(kind, inner, enumeration.as_deref()) {
            out.insert(k, v);
        }
        out
    }

    /// A scalar: its type as CloudFormation takes it, and its constraints (the resource
    /// schema's, or else the API's). Returns the kind and, for an enum, its values.
    fn scalar_schema(
        &self,
        here: &str,
        schema: &'a Value,
        api: Option<&'a Value>,
    ) -> (Kind, Map<String, Value>, Option<Vec<Value>>) {
        check_keywords(here, schema);
        let ty = schema
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("resource schema: a scalar without type at {here}"));
        let kind = match ty {
            "string" => Kind::String,
            "boolean" => Kind::Boolean,
            "integer" => Kind::Integer,
            "number" => Kind::Number,
            other => panic!("resource schema: type `{other}` is not supported at {here}"),
        };
        // The API's constraints: those beside a $ref, then those of what it names.
        let mut api_keywords = Map::new();
        if let Some(a) = api {
            for (k, v) in self.api_resolve(a).as_object().into_iter().flatten() {
                api_keywords.insert(k.clone(), v.clone());
            }
            for (k, v) in a.as_object().into_iter().flatten() {
                api_keywords.insert(k.clone(), v.clone());
            }
        }
        let borrowable: &[&str] = match kind {
            Kind::String => &["enum", "pattern", "minLength", "maxLength"],
            Kind::Integer | Kind::Number => &["enum", "minimum", "maximum", "anyOf"],
            _ => &["enum"],
        };
        let mut constraints = Map::new();
        for k in [
            "enum",
            "pattern",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
        ] {
            if let Some(v) = schema.get(k) {
                constraints.insert(k.into(), v.clone());
            }
        }
        for k in borrowable {
            if constraints.contains_key(*k) || (*k == "anyOf" && constraints.contains_key("enum")) {
                continue;
            }
            let Some(v) = api_keywords.get(*k) else {
                continue;
            };
            if *k == "enum" && !enum_fits(kind, v) {
                continue;
            }
            if *k == "anyOf" && constraints.contains_key("minimum") {
                continue;
            }
            constraints.insert((*k).into(), v.clone());
        }
        let enumeration = constraints.get("enum").and_then(Value::as_array).cloned();
        let mut out = Map::new();
        if enumeration.is_none() {
            out.insert(
                "type".into(),
                match kind {
                    // CloudFormation turns a number or a boolean into the string it is written as.
                    Kind::String => json!(["string", "number", "boolean"]),
                    _ => json!(ty),
                },
            );
        }
        out.extend(constraints);
        (kind, out, enumeration)
    }
}

/// `{"if": …, "else": inner}`: what CloudFormation takes besides a literal of the type is
/// accepted as it is; a literal is checked by `inner`.
fn wrap(kind: Kind, inner: Value, enumeration: Option<&[Value]>) -> Map<String, Value> {
    let helper = |name: &str| json!({"$ref": format!("#/$defs/{name}")});
    let mut out = Map::new();
    match (kind, enumeration) {
        (Kind::Integer | Kind::Number, Some(values)) => {
            // "404" for 404: the enum's values as strings.
            let strings: Vec<Value> = values.iter().map(|v| json!(v.to_string())).collect();
            let string = if kind == Kind::Integer {
                INTEGER_STRING
            } else {
                NUMBER_STRING
            };
            out.insert("if".into(), helper(INTRINSIC));
            out.insert(
                "else".into(),
                json!({"if": helper(string), "then": {"enum": strings}, "else": inner}),
            );
        }
        _ => {
            let accepted = match kind {
                Kind::Boolean => INTRINSIC_OR_BOOLEAN,
                Kind::Integer => INTRINSIC_OR_INTEGER,
                Kind::Number => INTRINSIC_OR_NUMBER,
                Kind::Object | Kind::Array | Kind::String => INTRINSIC,
            };
            out.insert("if".into(), helper(accepted));
            out.insert("else".into(), inner);
        }
    }
    out
}

/// Whether an API enum can apply to a CloudFormation value of this kind.
fn enum_fits(kind: Kind, values: &Value) -> bool {
    let Some(values) = values.as_array() else {
        return false;
    };
    !values.is_empty()
        && values.iter().all(|v| match kind {
            Kind::String => v.is_string(),
            Kind::Integer => v.is_i64() || v.is_u64(),
            Kind::Number => v.is_number(),
            _ => false,
        })
}

/// Keywords of the resource schema the generator knows: what it translates, and what it leaves
/// out on purpose (see the module documentation). Anything else stops it.
fn check_keywords(here: &str, schema: &Value) {
    const TRANSLATED: [&str; 16] = [
        "$ref",
        "type",
        "description",
        "default",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
    ];
    // Relations between members (the linter's rules check them) and annotations.
    const LEFT_OUT: [&str; 6] = [
        "requiredXor",
        "dependentExcluded",
        "dependentRequired",
        "format",
        "insertionOrder",
        "uniqueItems",
    ];
    for (k, v) in schema.as_object().into_iter().flatten() {
        assert!(
            TRANSLATED.contains(&k.as_str()) || LEFT_OUT.contains(&k.as_str()),
            "resource schema: keyword `{k}` at {here} is not supported by generate.rs"
        );
        if k == "uniqueItems" {
            assert!(
                v == &json!(false),
                "resource schema: uniqueItems {v} at {here} is not supported"
            );
        }
    }
}

/// `Definition.Member` for each `/properties/DistributionConfig/…/Member` in
/// `deprecatedProperties`.
fn deprecated_members(resource: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let defs = &resource["definitions"];
    for path in resource
        .get("deprecatedProperties")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let path = path.as_str().expect("deprecatedProperties: a string");
        let mut segments = path.split('/').skip(1);
        assert_eq!(
            segments.next(),
            Some("properties"),
            "deprecatedProperties: `{path}`"
        );
        let mut node = resource["properties"]
            .get(segments.next().unwrap_or_default())
            .unwrap_or_else(|| panic!("deprecatedProperties: `{path}` names no property"));
        let segments: Vec<&str> = segments.collect();
        for (i, segment) in segments.iter().enumerate() {
            let name = node
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/definitions/"))
                .unwrap_or_else(|| {
                    panic!("deprecatedProperties: `{path}` does not go through definitions")
                });
            node = defs[name]
                .get("properties")
                .and_then(|p| p.get(*segment))
                .unwrap_or_else(|| {
                    panic!("deprecatedProperties: `{path}`: `{name}` has no `{segment}`")
                });
            if i + 1 == segments.len() {
                out.insert(format!("{name}.{segment}"));
            }
        }
    }
    out
}

/// The first sentence of the resource schema's description, past its notes about multi-tenant
/// distributions and deprecation; the API's description (botocore's first sentence) when the
/// resource schema has none, or when the API's states limits the schema borrows ("Must be 80,
/// 443 or 1024-65535 (Source: …)").
fn description(schema: &Value, api: Option<&Value>) -> Option<String> {
    let api = api
        .and_then(|a| a.get("description"))
        .and_then(Value::as_str);
    let cfn = cfn_sentence(schema);
    if let Some(d) = api.filter(|d| d.contains("(Source: ")) {
        // "This field only supports standard distributions. Seconds, at least 0. (Source: …)":
        // the resource schema's sentence in place of the API's note.
        return Some(match (cfn, d.split_once(". ")) {
            (Some(cfn), Some((first, rest))) if is_note(first) => format!("{cfn} {rest}"),
            _ => d.to_owned(),
        });
    }
    cfn.or_else(|| api.map(str::to_owned))
}

/// A paragraph of the resource schema (or a sentence of the API's documentation) that is a note
/// about multi-tenant distributions, deprecation or naming rather than what the member is.
fn is_note(text: &str) -> bool {
    const NOTES: [&str; 9] = [
        "This field only supports",
        "To use this field for a multi-tenant",
        "Multi-tenant distributions only",
        "This field is deprecated",
        "We recommend",
        "This property is legacy",
        "If you want to include",
        "If you want to send",
        "In CloudFormation, this field name is",
    ];
    NOTES.iter().any(|n| text.starts_with(n))
}

fn cfn_sentence(schema: &Value) -> Option<String> {
    let text = schema.get("description").and_then(Value::as_str)?;
    let paragraph = text
        .split('\n')
        .map(str::trim)
        .find(|p| !p.is_empty() && !is_note(p))?;
    let plain = markdown_to_text(paragraph);
    let end = plain.find(". ").map_or(plain.len(), |i| i + 1);
    let sentence = plain[..end].trim().to_owned();
    (!sentence.is_empty() && !sentence.ends_with(':')).then_some(sentence)
}

/// ``code`` → `code`, [text](url) → text.
fn markdown_to_text(s: &str) -> String {
    let s = s.replace("``", "`");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
