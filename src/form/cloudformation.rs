//! What CloudFormation itself does to a distribution before CloudFront sees it: `Fn::If` picks a
//! branch, `AWS::NoValue` removes a member or a list item, a `Ref` to a parameter is its value.
//!
//! A template is checked once per way its conditions can come out (each a [`Variant`]): findings in
//! every variant are plain findings; one found in some only names the condition it depends on. The
//! conditions are not free of each other: they are decided by the parameters they compare, so
//! `HasCert` and `NoCert` over the same parameter are never both true.

use crate::json::Pointer;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// More ways than this to decide a template's conditions, and `Fn::If` stays unknown (rules stand
/// down on it, as on any computed value).
const MAX_VARIANTS: usize = 32;

/// One way the template can be deployed, resolved.
pub struct Variant {
    pub value: Value,
    /// (pointer into `value`, pointer into the config as written), where they differ.
    pub rewrites: Vec<(Pointer, Pointer)>,
    /// What this variant assumes: condition name → its value.
    pub conditions: BTreeMap<String, bool>,
    /// Values taken from a parameter's `Default` or `AllowedValues`: (pointer into `value`, what
    /// was assumed, e.g. "parameter `Price` at its default \"PriceClass_100\"").
    pub values: Vec<(Pointer, String)>,
}

/// What a parameter compared in a condition can be: each literal it is compared with, or none of them.
type Choice = Option<String>;

/// The variants of one distribution's config, `config` being the resource's DistributionConfig.
pub fn variants(root: &Value, resource: &Value, config: &Value) -> Vec<Variant> {
    let parameters = root.get("Parameters").and_then(Value::as_object);
    let conditions = root.get("Conditions").and_then(Value::as_object);
    let mut used = BTreeSet::new();
    conditions_in(config, &mut used);
    let resource_condition = resource.get("Condition").and_then(Value::as_str);
    used.extend(resource_condition.map(str::to_owned));
    // The parameters that decide the conditions, and what each is compared with.
    let mut compared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut followed = BTreeSet::new();
    for name in &used {
        if let Some(definition) = conditions.and_then(|c| c.get(name)) {
            followed.insert(name.clone());
            comparisons(
                definition,
                conditions,
                parameters,
                &mut compared,
                &mut followed,
                0,
            );
        }
    }
    // Parameters the config uses that may take only listed values: each value is checked.
    let mut referenced = BTreeSet::new();
    crate::rules::walk(config, |_, v| {
        for item in v
            .as_array()
            .into_iter()
            .flatten()
            .chain(v.as_object().into_iter().flat_map(|m| m.values()))
        {
            if let Some(name) = item.get("Ref").and_then(Value::as_str) {
                referenced.insert(name.to_owned());
            }
        }
    });
    let allowed: BTreeMap<String, Vec<Choice>> = referenced
        .into_iter()
        .filter(|p| !compared.contains_key(p))
        .filter_map(|p| Some((p.clone(), allowed_values(parameters, &p)?)))
        .collect();
    // A compared parameter is each literal it is compared with or none of them, unless its
    // AllowedValues say exactly what it can be.
    let mut dimensions: Vec<(&String, Vec<Choice>)> = compared
        .iter()
        .map(|(p, lits)| {
            let domain = allowed_values(parameters, p)
                .unwrap_or_else(|| lits.iter().cloned().map(Some).chain([None]).collect());
            (p, domain)
        })
        .collect();
    let size = |dims: &[(&String, Vec<Choice>)]| {
        dims.iter().try_fold(1usize, |n, (_, d)| {
            n.checked_mul(d.len()).filter(|n| *n <= MAX_VARIANTS)
        })
    };
    // Values to check come after conditions to decide: added only while the count allows.
    for (p, values) in &allowed {
        dimensions.push((p, values.clone()));
        if size(&dimensions).is_none() {
            dimensions.pop();
        }
    }
    let count = size(&dimensions);
    let assignments: Vec<BTreeMap<&str, Choice>> = match count {
        Some(n) => (0..n)
            .map(|mut i| {
                dimensions
                    .iter()
                    .map(|(p, domain)| {
                        let choice = domain[i % domain.len()].clone();
                        i /= domain.len();
                        (p.as_str(), choice)
                    })
                    .collect()
            })
            .collect(),
        // Too many: decide nothing rather than guess.
        None => vec![BTreeMap::new()],
    };
    let mut out: Vec<Variant> = Vec::new();
    for assignment in &assignments {
        let decide = Decider {
            parameters,
            conditions,
            assignment,
            known: Default::default(),
        };
        let truth: BTreeMap<String, bool> = used
            .iter()
            .filter_map(|c| Some((c.clone(), decide.condition(c, 0)?)))
            .collect();
        if resource_condition.is_some_and(|c| truth.get(c) == Some(&false)) {
            continue; // The distribution is not created in this variant.
        }
        let mut resolver = Resolver {
            parameters,
            compared: &compared,
            assignment,
            truth: &truth,
            rewrites: Vec::new(),
            values: Vec::new(),
        };
        let value = resolver
            .resolve(config, &Pointer::root(), &Pointer::root())
            .unwrap_or(Value::Null);
        let (rewrites, values) = (resolver.rewrites, resolver.values);
        // Equal variants are kept: each stands for its own way the conditions come out, which the
        // notes on findings need.
        let value = canonical_ids(s3_domains(typed_scalars(value), root));
        out.push(Variant {
            value,
            rewrites,
            conditions: truth,
            values,
        });
    }
    if out.is_empty() {
        // No variant creates the resource, as far as the parameters can tell: check it as written.
        out.push(Variant {
            value: canonical_ids(config.clone()),
            rewrites: Vec::new(),
            conditions: BTreeMap::new(),
            values: Vec::new(),
        });
    }
    out
}

/// A scalar parameter's `AllowedValues`, as the values it can take.
fn allowed_values(parameters: Option<&Map<String, Value>>, name: &str) -> Option<Vec<Choice>> {
    let parameter = parameters?.get(name)?;
    if parameter_kind(parameter) != ParameterKind::Scalar {
        return None;
    }
    let values: Vec<Choice> = parameter
        .get("AllowedValues")?
        .as_array()?
        .iter()
        .map(|v| literal(v).map(Some))
        .collect::<Option<_>>()?;
    (!values.is_empty()).then_some(values)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParameterKind {
    Scalar,
    /// `CommaDelimitedList`, `List<…>`: the value is a list, written comma-separated.
    List,
    /// `AWS::SSM::Parameter::Value<…>`: the value written is the name of an SSM parameter.
    Ssm,
}

fn parameter_kind(parameter: &Value) -> ParameterKind {
    let kind = parameter
        .get("Type")
        .and_then(Value::as_str)
        .unwrap_or("String");
    if kind.starts_with("AWS::SSM::Parameter::") {
        ParameterKind::Ssm
    } else if kind == "CommaDelimitedList" || kind.starts_with("List<") {
        ParameterKind::List
    } else {
        ParameterKind::Scalar
    }
}

/// Every condition an `Fn::If` under `value` names.
fn conditions_in(value: &Value, out: &mut BTreeSet<String>) {
    crate::rules::walk(value, |_, v| {
        if let Some(name) = v
            .get("Fn::If")
            .and_then(|a| a.get(0))
            .and_then(Value::as_str)
        {
            out.insert(name.to_owned());
        }
    });
}

/// The parameters a condition compares with a literal (`Fn::Equals [!Ref Env, prod]`), following
/// `Condition` references to other conditions.
fn comparisons(
    definition: &Value,
    conditions: Option<&Map<String, Value>>,
    parameters: Option<&Map<String, Value>>,
    out: &mut BTreeMap<String, BTreeSet<String>>,
    followed: &mut BTreeSet<String>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let Some((function, args)) = single(definition) else {
        return;
    };
    match function {
        "Fn::Equals" => {
            if let Some([a, b]) = args.as_array().map(Vec::as_slice) {
                for (side, other) in [(a, b), (b, a)] {
                    if let (Some(p), Some(lit)) = (parameter_ref(side, parameters), literal(other))
                    {
                        out.entry(p.to_owned()).or_default().insert(lit);
                    }
                }
            }
        }
        "Condition" => {
            // Each condition is followed once (a cycle, or one referred to many times, costs nothing more).
            let Some(name) = args.as_str().filter(|n| followed.insert((*n).to_owned())) else {
                return;
            };
            if let Some(next) = conditions.and_then(|c| c.get(name)) {
                comparisons(next, conditions, parameters, out, followed, depth + 1);
            }
        }
        _ => {
            for arg in args.as_array().into_iter().flatten() {
                comparisons(arg, conditions, parameters, out, followed, depth + 1);
            }
        }
    }
}

/// `{"Ref": P}` where P is a parameter of the template or a pseudo parameter (`AWS::Region`,
/// `AWS::Partition`, …): something a deployment decides.
fn parameter_ref<'v>(value: &'v Value, parameters: Option<&Map<String, Value>>) -> Option<&'v str> {
    let name = value.get("Ref")?.as_str()?;
    let pseudo = name.starts_with("AWS::") && name != "AWS::NoValue";
    (pseudo || parameters?.contains_key(name)).then_some(name)
}

/// A literal as CloudFormation compares it: as text.
fn literal(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The one member of an object that has exactly one.
fn single(value: &Value) -> Option<(&str, &Value)> {
    let map = value.as_object().filter(|m| m.len() == 1)?;
    map.iter().next().map(|(k, v)| (k.as_str(), v))
}

/// Decides conditions for one assignment of the compared parameters.
struct Decider<'t> {
    parameters: Option<&'t Map<String, Value>>,
    conditions: Option<&'t Map<String, Value>>,
    assignment: &'t BTreeMap<&'t str, Choice>,
    /// Conditions decided so far (`None` inside: being decided, or undecidable), so each is
    /// evaluated once and a cycle (which CloudFormation rejects) ends as undecidable.
    known: std::cell::RefCell<BTreeMap<String, Option<bool>>>,
}

impl Decider<'_> {
    fn condition(&self, name: &str, depth: usize) -> Option<bool> {
        if let Some(known) = self.known.borrow().get(name) {
            return *known;
        }
        self.known.borrow_mut().insert(name.to_owned(), None);
        let decided = self
            .conditions
            .and_then(|c| c.get(name))
            .and_then(|d| self.eval(d, depth + 1));
        self.known.borrow_mut().insert(name.to_owned(), decided);
        decided
    }

    /// `None`: cannot be told from the parameters.
    fn eval(&self, value: &Value, depth: usize) -> Option<bool> {
        if depth > 16 {
            return None;
        }
        let (function, args) = single(value)?;
        let list = || args.as_array().map(Vec::as_slice).unwrap_or_default();
        match function {
            "Condition" => self.condition(args.as_str()?, depth),
            "Fn::Not" => self.eval(list().first()?, depth + 1).map(|b| !b),
            "Fn::And" => {
                let mut unknown = false;
                for c in list() {
                    match self.eval(c, depth + 1) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => unknown = true,
                    }
                }
                (!unknown).then_some(true)
            }
            "Fn::Or" => {
                let mut unknown = false;
                for c in list() {
                    match self.eval(c, depth + 1) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => unknown = true,
                    }
                }
                (!unknown).then_some(false)
            }
            "Fn::Equals" => {
                let [a, b] = list() else { return None };
                match (self.side(a)?, self.side(b)?) {
                    (Some(x), Some(y)) => Some(x == y),
                    // A parameter equal to none of the literals it is compared with.
                    (None, Some(_)) | (Some(_), None) => Some(false),
                    (None, None) => None,
                }
            }
            _ => None,
        }
    }

    /// A side of `Fn::Equals`: `Some(Some(text))` known, `Some(None)` a parameter that is none of
    /// the literals, `None` unknown.
    fn side(&self, value: &Value) -> Option<Choice> {
        if let Some(p) = parameter_ref(value, self.parameters) {
            return self.assignment.get(p).cloned();
        }
        literal(value).map(Some)
    }
}

/// Builds one variant's config.
struct Resolver<'t> {
    parameters: Option<&'t Map<String, Value>>,
    /// Parameters that decide conditions: their value is the variant's, never the default.
    compared: &'t BTreeMap<String, BTreeSet<String>>,
    /// The variant's choice for each parameter it decides.
    assignment: &'t BTreeMap<&'t str, Choice>,
    truth: &'t BTreeMap<String, bool>,
    rewrites: Vec<(Pointer, Pointer)>,
    values: Vec<(Pointer, String)>,
}

impl Resolver<'_> {
    /// `value` resolved; `None` for `AWS::NoValue`. `at` is its pointer in the result, `written`
    /// in the config as written.
    fn resolve(&mut self, value: &Value, at: &Pointer, written: &Pointer) -> Option<Value> {
        // Iterative over nothing deep: configs are a few levels; the YAML and JSON readers cap
        // nesting at 128 already.
        if let Some((function, args)) = single(value) {
            match function {
                "Fn::If" => {
                    let list = args.as_array()?;
                    let decided = list
                        .first()
                        .and_then(Value::as_str)
                        .and_then(|c| self.truth.get(c));
                    if let (Some(&truth), 3) = (decided, list.len()) {
                        let branch = if truth { 1 } else { 2 };
                        let written = written.key("Fn::If").index(branch);
                        self.rewrites.push((at.clone(), written.clone()));
                        return self.resolve(&list[branch], at, &written);
                    }
                    return Some(value.clone());
                }
                "Ref" if args == "AWS::NoValue" => return None,
                "Ref" => {
                    let name = args.as_str().unwrap_or_default();
                    let parameter = self
                        .parameters
                        .and_then(|p| p.get(name))
                        .filter(|_| !self.compared.contains_key(name));
                    let number = parameter
                        .and_then(|p| p.get("Type"))
                        .and_then(Value::as_str)
                        == Some("Number");
                    let typed = |text: String| match text.parse::<i64>() {
                        Ok(n) if number => Value::from(n),
                        _ => Value::String(text),
                    };
                    let kind = parameter.map_or(ParameterKind::Scalar, parameter_kind);
                    if kind == ParameterKind::Ssm {
                        // Its default names an SSM parameter; the value is read at deploy time.
                        return Some(value.clone());
                    }
                    if let Some(Some(chosen)) =
                        self.assignment.get(name).filter(|_| parameter.is_some())
                    {
                        self.values.push((
                            at.clone(),
                            format!(
                                "parameter `{name}` set to \"{chosen}\", one of its AllowedValues"
                            ),
                        ));
                        return Some(typed(chosen.clone()));
                    }
                    // An empty default is how a template says "optional, give one": not a value to check.
                    if let Some(default) = parameter
                        .and_then(|p| literal(p.get("Default")?))
                        .filter(|d| !d.is_empty())
                    {
                        self.values.push((
                            at.clone(),
                            format!("parameter `{name}` at its default \"{default}\""),
                        ));
                        if kind == ParameterKind::List {
                            let items = default
                                .split(',')
                                .map(|item| Value::String(item.trim().to_owned()));
                            return Some(Value::Array(items.collect()));
                        }
                        return Some(typed(default));
                    }
                    return Some(value.clone());
                }
                _ if function.starts_with("Fn::") => return Some(value.clone()),
                _ => {}
            }
        }
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let before = self.rewrites.len();
                    match self.resolve(v, &at.key(k), &written.key(k)) {
                        Some(v) => {
                            out.insert(k.clone(), v);
                        }
                        None => self.rewrites.truncate(before),
                    }
                }
                Some(Value::Object(out))
            }
            Value::Array(list) => {
                let mut out = Vec::with_capacity(list.len());
                for (i, v) in list.iter().enumerate() {
                    let here = at.index(out.len());
                    let before = self.rewrites.len();
                    match self.resolve(v, &here, &written.index(i)) {
                        Some(v) => {
                            if out.len() != i
                                && !self.rewrites[before..]
                                    .iter()
                                    .any(|(from, _)| *from == here)
                            {
                                self.rewrites.push((here, written.index(i)));
                            }
                            out.push(v);
                        }
                        // What a removed item's branches mapped is gone with it.
                        None => self.rewrites.truncate(before),
                    }
                }
                Some(Value::Array(out))
            }
            other => Some(other.clone()),
        }
    }
}

/// An origin's `DomainName` computed from an S3 bucket of the template is still an S3 endpoint of
/// a kind one can tell: `!GetAtt Site.RegionalDomainName` is a REST endpoint, and
/// `!Select [2, !Split ["/", !GetAtt Site.WebsiteURL]]` or `!Join ['', [!Ref Site, '.s3-website-',
/// !Ref 'AWS::Region', '.amazonaws.com']]` a website endpoint. Such a domain becomes a stand-in of
/// that kind (`site.s3-website-REGION.amazonaws.com`), so the rules about S3 origins read it; any
/// other computed domain stays unknown.
fn s3_domains(mut config: Value, root: &Value) -> Value {
    let origins = match config.get_mut("Origins") {
        Some(Value::Array(list)) => list,
        _ => return config,
    };
    let evaluator = Evaluator { root };
    for origin in origins {
        let Some(domain) = origin.get_mut("DomainName") else {
            continue;
        };
        if !crate::form::is_intrinsic(domain) {
            continue;
        }
        if let Some(Value::String(stand_in)) = evaluator.eval(domain, 0) {
            if stand_in.contains(".s3") && stand_in.ends_with(".amazonaws.com") {
                *domain = Value::String(stand_in);
            }
        }
    }
    config
}

/// Works out what an expression gives, where every part is known or an S3 bucket's attribute.
struct Evaluator<'t> {
    root: &'t Value,
}

impl Evaluator<'_> {
    fn eval(&self, value: &Value, depth: usize) -> Option<Value> {
        if depth > 16 {
            return None;
        }
        let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
        match value {
            Value::String(_) => return Some(value.clone()),
            Value::Number(n) => return Some(Value::String(n.to_string())),
            _ => {}
        }
        let (function, args) = single(value)?;
        let list = args.as_array();
        match function {
            "Ref" => self.reference(args.as_str()?).map(Value::String),
            "Fn::GetAtt" => {
                let (resource, attribute) = match list {
                    Some(parts) => (
                        parts.first()?.as_str()?.to_owned(),
                        parts.get(1)?.as_str()?.to_owned(),
                    ),
                    None => {
                        let (r, a) = args.as_str()?.split_once('.')?;
                        (r.to_owned(), a.to_owned())
                    }
                };
                self.attribute(&resource, &attribute).map(Value::String)
            }
            "Fn::Join" => {
                let [separator, parts] = list?.as_slice() else {
                    return None;
                };
                let parts: Option<Vec<String>> = parts
                    .as_array()?
                    .iter()
                    .map(|p| text(self.eval(p, depth + 1)))
                    .collect();
                Some(Value::String(parts?.join(separator.as_str()?)))
            }
            "Fn::Sub" => {
                let (template, variables) = match list {
                    Some(pair) => (
                        pair.first()?.as_str()?,
                        pair.get(1).and_then(Value::as_object),
                    ),
                    None => (args.as_str()?, None),
                };
                let mut out = String::new();
                let mut rest = template;
                while let Some(start) = rest.find("${") {
                    out.push_str(&rest[..start]);
                    let end = start + rest[start..].find('}')?;
                    let name = &rest[start + 2..end];
                    let value = match (variables.and_then(|v| v.get(name)), name.split_once('.')) {
                        (Some(v), _) => text(self.eval(v, depth + 1))?,
                        (None, _) if name.starts_with('!') => format!("${{{}}}", &name[1..]),
                        (None, Some((resource, attribute))) => {
                            self.attribute(resource, attribute)?
                        }
                        (None, None) => self.reference(name)?,
                    };
                    out.push_str(&value);
                    rest = &rest[end + 1..];
                }
                out.push_str(rest);
                Some(Value::String(out))
            }
            "Fn::Split" => {
                let [separator, source] = list?.as_slice() else {
                    return None;
                };
                let source = text(self.eval(source, depth + 1))?;
                Some(Value::Array(
                    source
                        .split(separator.as_str()?)
                        .map(|p| Value::String(p.to_owned()))
                        .collect(),
                ))
            }
            "Fn::Select" => {
                let [index, from] = list?.as_slice() else {
                    return None;
                };
                let index: usize = text(self.eval(index, depth + 1))?.parse().ok()?;
                let from = match from {
                    Value::Array(items) => items.get(index).cloned()?,
                    other => self
                        .eval(other, depth + 1)?
                        .as_array()?
                        .get(index)
                        .cloned()?,
                };
                self.eval(&from, depth + 1)
            }
            "Fn::FindInMap" => {
                let [map, first, second] = list?.as_slice() else {
                    return None;
                };
                let map = self
                    .root
                    .get("Mappings")?
                    .get(text(self.eval(map, depth + 1))?)?
                    .as_object()?;
                // A key that is the region (or otherwise unknown) stands for any entry: the first.
                let entry = match text(self.eval(first, depth + 1)) {
                    Some(key) if map.contains_key(&key) => map.get(&key)?,
                    _ => map.values().next()?,
                };
                self.eval(entry.get(text(self.eval(second, depth + 1))?)?, depth + 1)
            }
            _ => None,
        }
    }

    /// A bucket's name (its `BucketName`, or a stand-in from its logical id), a pseudo parameter's
    /// stand-in, or a parameter's default.
    fn reference(&self, name: &str) -> Option<String> {
        match name {
            "AWS::Region" => return Some("REGION".to_owned()),
            "AWS::URLSuffix" => return Some("amazonaws.com".to_owned()),
            "AWS::Partition" => return Some("aws".to_owned()),
            _ => {}
        }
        if let Some(bucket) = self.bucket(name) {
            return Some(bucket);
        }
        let parameter = self.root.get("Parameters")?.get(name)?;
        literal(parameter.get("Default")?).filter(|d| !d.is_empty())
    }

    fn bucket(&self, name: &str) -> Option<String> {
        let resource = self.root.get("Resources")?.get(name)?;
        if resource.get("Type")?.as_str()? != "AWS::S3::Bucket" {
            return None;
        }
        let named = resource
            .get("Properties")
            .and_then(|p| p.get("BucketName"))
            .and_then(Value::as_str);
        Some(named.map_or_else(|| name.to_ascii_lowercase(), str::to_owned))
    }

    fn attribute(&self, resource: &str, attribute: &str) -> Option<String> {
        let bucket = self.bucket(resource)?;
        Some(match attribute {
            "DomainName" => format!("{bucket}.s3.amazonaws.com"),
            "RegionalDomainName" => format!("{bucket}.s3.REGION.amazonaws.com"),
            "DualStackDomainName" => format!("{bucket}.s3.dualstack.REGION.amazonaws.com"),
            "WebsiteURL" => format!("http://{bucket}.s3-website-REGION.amazonaws.com"),
            _ => return None,
        })
    }
}

/// The members the API types as integers and as booleans, read from its schema.
fn typed_members() -> &'static (BTreeSet<String>, BTreeSet<String>) {
    static MEMBERS: std::sync::OnceLock<(BTreeSet<String>, BTreeSet<String>)> =
        std::sync::OnceLock::new();
    MEMBERS.get_or_init(|| {
        let schema = crate::schema::schema(super::Form::Api);
        let (mut integers, mut booleans) = (BTreeSet::new(), BTreeSet::new());
        let definitions = schema
            .get("$defs")
            .and_then(Value::as_object)
            .into_iter()
            .flatten();
        for (_, definition) in definitions {
            for (name, property) in definition
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                match property.get("type").and_then(Value::as_str) {
                    Some("integer") => integers.insert(form_name(name)),
                    Some("boolean") => booleans.insert(form_name(name)),
                    _ => false,
                };
            }
        }
        (integers, booleans)
    })
}

fn form_name(api: &str) -> String {
    super::Form::CloudFormation.spell(api).to_owned()
}

/// Scalars as CloudFormation passes them on: it converts a property's value to the property's type,
/// so `DefaultTTL: "86400"` is the number 86400 and `Compress: "true"` is true by the time
/// CloudFront sees them (the failover `StatusCodes` items too).
fn typed_scalars(mut config: Value) -> Value {
    let (integers, booleans) = typed_members();
    let mut stack = vec![&mut config];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (key, member) in map.iter_mut() {
                    match member {
                        Value::String(text) if integers.contains(key) => {
                            if let Some(n) = integer(text) {
                                *member = Value::from(n);
                            }
                        }
                        Value::String(text) if booleans.contains(key) => {
                            if let Ok(b) = text.to_ascii_lowercase().parse::<bool>() {
                                *member = Value::Bool(b);
                            }
                        }
                        Value::Object(codes) if key == "StatusCodes" => {
                            for code in codes
                                .get_mut("Items")
                                .and_then(Value::as_array_mut)
                                .into_iter()
                                .flatten()
                            {
                                if let Some(n) = code.as_str().and_then(integer) {
                                    *code = Value::from(n);
                                }
                            }
                            stack.push(member);
                        }
                        _ => stack.push(member),
                    }
                }
            }
            Value::Array(list) => stack.extend(list.iter_mut()),
            _ => {}
        }
    }
    config
}

/// `"86400"` → 86400; not `"0755"` or `" 5"`, which are not how a number is written.
fn integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

/// Ids and references computed by an expression become the expression's text, in the `{{…}}`
/// form every rule already treats as filled in later: `Id: !Sub "${Env}-web"` and
/// `TargetOriginId: !Sub "${Env}-web"` are then the same id, and a reference still finds its
/// origin or group instead of every reference rule standing down.
fn canonical_ids(mut config: Value) -> Value {
    let mut at = |path: &[&str], member: &str| {
        fn visit(v: &mut Value, path: &[&str], member: &str) {
            match path.split_first() {
                None => {
                    if let Some(id) = v.get_mut(member) {
                        if crate::form::is_intrinsic(id) {
                            *id = Value::String(format!("{{{{{}}}}}", short_form(id)));
                        }
                    }
                }
                Some((&"*", rest)) => {
                    let list = match v {
                        Value::Array(list) => Some(list),
                        Value::Object(m) => m.get_mut("Items").and_then(Value::as_array_mut),
                        _ => None,
                    };
                    list.into_iter()
                        .flatten()
                        .for_each(|item| visit(item, rest, member));
                }
                Some((key, rest)) => {
                    if let Some(next) = v.get_mut(*key) {
                        visit(next, rest, member);
                    }
                }
            }
        }
        visit(&mut config, path, member);
    };
    at(&["Origins", "*"], "Id");
    at(&["OriginGroups", "*"], "Id");
    at(&["OriginGroups", "*", "Members", "*"], "OriginId");
    at(&["DefaultCacheBehavior"], "TargetOriginId");
    at(&["CacheBehaviors", "*"], "TargetOriginId");
    config
}

/// `!Ref X`, `!GetAtt A.B`, `!Sub text`, or `!Join [...]` with its arguments as JSON: how a
/// template's author writes the expression.
pub fn short_form(value: &Value) -> String {
    let Some((function, args)) = single(value) else {
        return value.to_string();
    };
    let name = function.strip_prefix("Fn::").unwrap_or(function);
    match (name, args) {
        ("GetAtt", Value::Array(parts)) if parts.iter().all(Value::is_string) => {
            format!(
                "!GetAtt {}",
                parts
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(".")
            )
        }
        (_, Value::String(s)) => format!("!{name} {s}"),
        _ => format!("!{name} {args}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn template(config: Value) -> Value {
        json!({
            "Parameters": {"Cert": {"Type": "String", "Default": ""}, "Domain": {"Type": "String"}, "Price": {"Type": "String", "Default": "PriceClass_100"}},
            "Conditions": {
                "HasCert": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Cert"}, ""]}]},
                "NoCert": {"Fn::Equals": ["", {"Ref": "Cert"}]},
                "HasDomain": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Domain"}, ""]}]}
            },
            "Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": config}}}
        })
    }

    #[test]
    fn conditions_over_one_parameter_are_never_both_true() {
        let config = json!({
            "A": {"Fn::If": ["HasCert", "cert", {"Ref": "AWS::NoValue"}]},
            "B": {"Fn::If": ["NoCert", "none", "some"]}
        });
        let root = template(config.clone());
        let vs = variants(&root, &root["Resources"]["D"], &config);
        let values: Vec<&Value> = vs.iter().map(|v| &v.value).collect();
        assert_eq!(
            values,
            [&json!({"B": "none"}), &json!({"A": "cert", "B": "some"})]
        );
        assert_eq!(
            vs[1].rewrites,
            [
                (
                    Pointer::parse("/A").unwrap(),
                    Pointer::parse("/A/Fn::If/1").unwrap()
                ),
                (
                    Pointer::parse("/B").unwrap(),
                    Pointer::parse("/B/Fn::If/2").unwrap()
                )
            ]
        );
    }

    #[test]
    fn no_value_items_leave_the_list_and_indexes_map_back() {
        let config = json!({"Aliases": [{"Fn::If": ["HasDomain", "a.example.com", {"Ref": "AWS::NoValue"}]}, "b.example.com"]});
        let root = template(config.clone());
        let vs = variants(&root, &root["Resources"]["D"], &config);
        let without = vs.iter().find(|v| !v.conditions["HasDomain"]).unwrap();
        assert_eq!(without.value, json!({"Aliases": ["b.example.com"]}));
        assert_eq!(
            without.rewrites,
            [(
                Pointer::parse("/Aliases/0").unwrap(),
                Pointer::parse("/Aliases/1").unwrap()
            )]
        );
    }

    #[test]
    fn a_parameter_with_a_default_is_its_default() {
        let config = json!({"PriceClass": {"Ref": "Price"}, "Comment": {"Ref": "Domain"}});
        let root = template(config.clone());
        let vs = variants(&root, &root["Resources"]["D"], &config);
        assert_eq!(vs.len(), 1);
        assert_eq!(
            vs[0].value,
            json!({"PriceClass": "PriceClass_100", "Comment": {"Ref": "Domain"}})
        );
        assert_eq!(
            vs[0].values,
            [(
                Pointer::parse("/PriceClass").unwrap(),
                "parameter `Price` at its default \"PriceClass_100\"".to_owned()
            )]
        );
    }

    #[test]
    fn a_parameter_with_allowed_values_is_checked_with_each() {
        let config = json!({"PriceClass": {"Ref": "Tier"}});
        let mut root = template(config.clone());
        root["Parameters"]["Tier"] = json!({"Type": "String", "Default": "PriceClass_100", "AllowedValues": ["PriceClass_100", "PriceClass_300"]});
        let vs = variants(&root, &root["Resources"]["D"], &config);
        let values: Vec<&Value> = vs.iter().map(|v| &v.value["PriceClass"]).collect();
        assert_eq!(values, [&json!("PriceClass_100"), &json!("PriceClass_300")]);
        assert!(vs[1].values[0]
            .1
            .contains("set to \"PriceClass_300\", one of its AllowedValues"));
    }

    #[test]
    fn numbers_and_booleans_written_as_strings_are_typed_as_cloudformation_passes_them() {
        let config = json!({"Enabled": "True", "IPV6Enabled": "false", "Comment": "5", "DefaultCacheBehavior": {"DefaultTTL": "86400", "MinTTL": "0755"},
            "OriginGroups": {"Quantity": "1", "Items": [{"FailoverCriteria": {"StatusCodes": {"Quantity": 2, "Items": ["500", 502]}}}]}});
        let root = template(config.clone());
        let v = &variants(&root, &root["Resources"]["D"], &config)[0].value;
        assert_eq!(v["Enabled"], true);
        assert_eq!(v["IPV6Enabled"], false);
        assert_eq!(v["Comment"], "5");
        assert_eq!(
            v["DefaultCacheBehavior"],
            json!({"DefaultTTL": 86400, "MinTTL": "0755"})
        );
        assert_eq!(v["OriginGroups"]["Quantity"], 1);
        assert_eq!(
            v["OriginGroups"]["Items"][0]["FailoverCriteria"]["StatusCodes"]["Items"],
            json!([500, 502])
        );
    }

    #[test]
    fn list_parameters_are_lists_and_ssm_parameters_stay_unknown() {
        let config = json!({"Aliases": {"Ref": "Names"}, "DefaultCacheBehavior": {"CachePolicyId": {"Ref": "Policy"}}});
        let mut root = template(config.clone());
        root["Parameters"]["Names"] =
            json!({"Type": "CommaDelimitedList", "Default": "a.example.com, b.example.com"});
        root["Parameters"]["Policy"] =
            json!({"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/site/cache-policy"});
        let v = &variants(&root, &root["Resources"]["D"], &config)[0].value;
        assert_eq!(v["Aliases"], json!(["a.example.com", "b.example.com"]));
        assert_eq!(
            v["DefaultCacheBehavior"]["CachePolicyId"],
            json!({"Ref": "Policy"})
        );
    }

    #[test]
    fn cyclic_conditions_are_undecided_and_cheap() {
        let config = json!({"Comment": {"Fn::If": ["E", "a", "b"]}});
        let mut root = template(config.clone());
        let refs: Vec<Value> = (0..20).map(|_| json!({"Condition": "E"})).collect();
        root["Conditions"]["E"] = json!({"Fn::Or": refs});
        let vs = variants(&root, &root["Resources"]["D"], &config);
        assert_eq!(vs[0].value["Comment"], json!({"Fn::If": ["E", "a", "b"]}));
    }

    #[test]
    fn allowed_values_bound_what_a_compared_parameter_can_be() {
        let config = json!({"A": {"Fn::If": ["IsProd", 1, {"Fn::If": ["IsDev", 2, 3]}]}});
        let mut root = template(config.clone());
        root["Parameters"]["Env"] = json!({"Type": "String", "AllowedValues": ["prod", "dev"]});
        root["Conditions"]["IsProd"] = json!({"Fn::Equals": [{"Ref": "Env"}, "prod"]});
        root["Conditions"]["IsDev"] = json!({"Fn::Equals": [{"Ref": "Env"}, "dev"]});
        let vs = variants(&root, &root["Resources"]["D"], &config);
        let values: Vec<&Value> = vs.iter().map(|v| &v.value["A"]).collect();
        assert_eq!(values, [&json!(1), &json!(2)]);
    }

    #[test]
    fn a_domain_built_from_a_bucket_is_an_endpoint_of_its_kind() {
        let config = json!({"Origins": [
            {"DomainName": {"Fn::Select": [2, {"Fn::Split": ["/", {"Fn::GetAtt": ["Site", "WebsiteURL"]}]}]}},
            {"DomainName": {"Fn::Join": ["", [{"Ref": "Site"}, ".s3-website-", {"Ref": "AWS::Region"}, ".amazonaws.com"]]}},
            {"DomainName": {"Fn::Sub": "${Site}.s3-website.${AWS::Region}.${AWS::URLSuffix}"}},
            {"DomainName": {"Fn::GetAtt": ["Site", "RegionalDomainName"]}},
            {"DomainName": {"Fn::GetAtt": ["Alb", "DNSName"]}},
            {"DomainName": {"Fn::Join": ["", [{"Ref": "Unknown"}, ".s3-website-us-east-1.amazonaws.com"]]}}
        ]});
        let mut root = template(config.clone());
        root["Resources"]["Site"] =
            json!({"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "www.example.com"}});
        root["Resources"]["Alb"] = json!({"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer"});
        let v = &variants(&root, &root["Resources"]["D"], &config)[0].value;
        let domains: Vec<&Value> = v["Origins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| &o["DomainName"])
            .collect();
        assert_eq!(
            domains[..4],
            [
                &json!("www.example.com.s3-website-REGION.amazonaws.com"),
                &json!("www.example.com.s3-website-REGION.amazonaws.com"),
                &json!("www.example.com.s3-website.REGION.amazonaws.com"),
                &json!("www.example.com.s3.REGION.amazonaws.com"),
            ]
        );
        assert!(domains[4].is_object() && domains[5].is_object());
    }

    #[test]
    fn conditions_on_pseudo_parameters_are_decided() {
        let config = json!({"A": {"Fn::If": ["InChina", {"Ref": "AWS::NoValue"}, 1]}, "B": {"Fn::If": ["InChina", 2, {"Ref": "AWS::NoValue"}]}});
        let mut root = template(config.clone());
        root["Conditions"]["InChina"] =
            json!({"Fn::Equals": [{"Ref": "AWS::Partition"}, "aws-cn"]});
        let vs = variants(&root, &root["Resources"]["D"], &config);
        let values: Vec<&Value> = vs.iter().map(|v| &v.value).collect();
        assert_eq!(values, [&json!({"B": 2}), &json!({"A": 1})]);
    }

    #[test]
    fn computed_ids_become_comparable_text() {
        let config = json!({"Origins": [{"Id": {"Fn::Sub": "${Env}-web"}}], "DefaultCacheBehavior": {"TargetOriginId": {"Fn::GetAtt": ["B", "DomainName"]}}});
        let root = template(config.clone());
        let v = &variants(&root, &root["Resources"]["D"], &config)[0];
        assert_eq!(v.value["Origins"][0]["Id"], "{{!Sub ${Env}-web}}");
        assert_eq!(
            v.value["DefaultCacheBehavior"]["TargetOriginId"],
            "{{!GetAtt B.DomainName}}"
        );
    }

    #[test]
    fn a_resource_condition_drops_the_variants_that_do_not_create_it() {
        let config = json!({"A": {"Fn::If": ["HasCert", 1, 2]}});
        let mut root = template(config.clone());
        root["Resources"]["D"]["Condition"] = "NoCert".into();
        let vs = variants(&root, &root["Resources"]["D"], &config);
        assert_eq!(vs.len(), 1);
        assert_eq!(vs[0].value, json!({"A": 2}));
    }
}
