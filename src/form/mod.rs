//! Forms: how a document holds distributions, and how a pointer in the CloudFront API's shape (what
//! rules speak) maps to a pointer into the file as written, with the form's own member names.
//! The API's form (a bare DistributionConfig, or one inside one of the AWS CLI's wrappers) and
//! CloudFormation's (every `AWS::CloudFront::Distribution` of a template, in JSON or YAML).

pub mod cloudformation;
pub mod terraform;

use crate::json::Pointer;
use serde_json::Value;

/// The shape a config is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The CloudFront API's (and the AWS CLI's): every list is `{"Quantity": n, "Items": [...]}`.
    Api,
    /// `Properties.DistributionConfig` of an `AWS::CloudFront::Distribution` in a CloudFormation
    /// template: lists are plain arrays (except under OriginGroups), values may be intrinsic
    /// functions, and CloudFormation fills in what the API requires (CallerReference …).
    CloudFormation,
    /// An `aws_cloudfront_distribution` of a Terraform file or plan, translated into the config
    /// the AWS provider sends: lists are blocks and sets, members have snake_case names.
    Terraform,
}

/// A DistributionConfig found in a document, and where it sits in the file.
pub struct Target<'v> {
    pub value: &'v Value,
    /// Pointer of the config in the file: empty for a bare config, `/DistributionConfig` … otherwise.
    pub prefix: Pointer,
    pub form: Form,
    /// The resource's logical id, for a distribution of a CloudFormation template.
    pub resource: Option<&'v str>,
    /// The whole template, for what a distribution refers to in it (a log bucket, a parameter).
    pub template: Option<&'v Value>,
    /// Where a value resolved from the template (a branch of `Fn::If`, a list without the items
    /// that were `AWS::NoValue`) is written: (pointer into the resolved config, pointer into the
    /// config as written), both in the file's shape.
    pub rewrites: Vec<(Pointer, Pointer)>,
    /// Values the form filled in because the file leaves them out (what Terraform's provider
    /// sends for an omitted `max_ttl`), by pointer into the config.
    pub filled: Vec<Pointer>,
    /// What a value rests on, said in every finding about it: (pointer into the config, note).
    pub notes: Vec<(Pointer, String)>,
    /// The distribution's tags, where the input carries them (outside the DistributionConfig:
    /// DistributionConfigWithTags, a template resource's `Tags`, Terraform's `tags`).
    pub tags: Option<Tags<'v>>,
    /// What the input's own shape says the config is for: `get-distribution-config`'s output
    /// (with its ETag) and `update-distribution --cli-input-json` (IfMatch) are edited to update.
    pub operation: Option<crate::settings::Operation>,
}

/// A distribution's tags as written, and their pointer into the file.
#[derive(Clone)]
pub struct Tags<'v> {
    pub value: &'v Value,
    pub at: Pointer,
}

/// Members CloudFormation spells differently from the API: (API, CloudFormation).
const CLOUDFORMATION_NAMES: [(&str, &str); 6] = [
    ("CustomHeaders", "OriginCustomHeaders"),
    ("OriginSslProtocols", "OriginSSLProtocols"),
    ("ACMCertificateArn", "AcmCertificateArn"),
    ("IAMCertificateId", "IamCertificateId"),
    ("SSLSupportMethod", "SslSupportMethod"),
    ("IsIPV6Enabled", "IPV6Enabled"),
];

impl Form {
    /// A member's name as this form writes it.
    pub fn spell(self, api_name: &str) -> &str {
        match self {
            Form::Api => api_name,
            Form::CloudFormation => CLOUDFORMATION_NAMES
                .iter()
                .find(|(api, _)| *api == api_name)
                .map_or(api_name, |(_, cfn)| cfn),
            Form::Terraform => terraform::names()
                .iter()
                .find(|(api, _)| *api == api_name)
                .map_or(api_name, |(_, tf)| tf),
        }
    }

    /// A finding's words in this form's names: `SSLSupportMethod` reads `SslSupportMethod` in a template.
    pub fn respell(self, finding: &mut crate::Finding) {
        if self == Form::Api {
            return; // The rules speak the API's names already.
        }
        let texts = [Some(&mut finding.message), finding.help.as_mut()]
            .into_iter()
            .flatten();
        for text in texts.chain(finding.labels.iter_mut().map(|l| &mut l.message)) {
            *text = self.respell_text(text);
        }
        if let Some(fix) = &mut finding.fix {
            fix.title = self.respell_text(&fix.title);
        }
    }

    fn respell_text(self, text: &str) -> String {
        let names: &[(&str, &str)] = match self {
            Form::Api => return text.to_owned(),
            Form::CloudFormation => &CLOUDFORMATION_NAMES,
            Form::Terraform => terraform::names(),
        };
        // One pass over the words (runs of letters, digits and `_`): `CustomHeaders` inside
        // `OriginCustomHeaders` is another word and stays.
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while !rest.is_empty() {
            let word_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if word_len == 0 {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..c]);
                rest = &rest[c..];
                continue;
            }
            let word = &rest[..word_len];
            // The API's names are CamelCase: most words of a message are not, and need no lookup.
            let named = word.starts_with(|c: char| c.is_ascii_uppercase());
            match names.iter().find(|(api, _)| named && *api == word) {
                Some((_, spelled)) => out.push_str(spelled),
                None => out.push_str(word),
            }
            rest = &rest[word_len..];
        }
        out
    }
}

impl Target<'_> {
    /// A pointer into the config (as rules speak, in the API's shape) turned into a pointer into
    /// the file as written: `/Origins/Items/3/Id` is `/Origins/3/Id` where Origins is a plain array.
    pub fn to_file(&self, pointer: &Pointer) -> Pointer {
        match self.form {
            Form::Api => return self.prefix.join(pointer),
            Form::Terraform => return self.prefix.join(&self.written(pointer)),
            Form::CloudFormation => {}
        }
        let mut out = Pointer::root();
        let mut value = Some(self.value);
        for segment in pointer.segments() {
            if segment == "Items" && value.is_some_and(Value::is_array) {
                continue;
            }
            // A member the rules name the API's way, written the form's way in the file.
            let spelled = self.form.spell(&segment);
            let segment = match value {
                Some(Value::Object(map))
                    if !map.contains_key(segment.as_ref()) && map.contains_key(spelled) =>
                {
                    spelled
                }
                _ => segment.as_ref(),
            };
            value = value.and_then(|v| child(v, segment));
            out = out.key(segment);
        }
        self.prefix.join(&self.written(&out))
    }

    /// Where a pointer into the resolved config is written (see `rewrites`).
    pub fn written(&self, resolved: &Pointer) -> Pointer {
        let within = |p: &Pointer| {
            resolved
                .as_str()
                .strip_prefix(p.as_str())
                .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        let best = self
            .rewrites
            .iter()
            .filter_map(|(from, to)| within(from).map(|rest| (from.as_str().len(), to, rest)))
            .max_by_key(|(len, ..)| *len);
        match best {
            // What lies below a rewritten value in Terraform is named the Terraform way, and
            // Quantity and Items are the list itself.
            Some((_, to, rest)) if self.form == Form::Terraform => Pointer::parse(rest)
                .unwrap_or_default()
                .segments()
                .filter(|s| s != "Items" && s != "Quantity")
                .fold(to.clone(), |p, s| p.key(self.form.spell(&s))),
            Some((_, to, rest)) => Pointer::parse(&format!("{to}{rest}")).unwrap_or_default(),
            None => resolved.clone(),
        }
    }

    /// The value a pointer into the config names, reading a plain array where the API has
    /// `{"Items": [...]}` (the CloudFormation shape, or the same mistake in API input).
    pub fn resolve(&self, pointer: &Pointer) -> Option<&Value> {
        descend(self.value, pointer.segments())
    }
}

/// `{"Ref": …}`, `{"Fn::If": …}`: a value CloudFormation computes.
pub fn is_intrinsic(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|m| m.len() == 1 && m.keys().all(|k| k == "Ref" || k.starts_with("Fn::")))
}

/// The value under `value` at these segments (member names, array indexes), reading a plain
/// array where the API has `{"Items": [...]}` as [`Target::resolve`] does.
pub fn descend<S: AsRef<str>>(
    mut value: &Value,
    segments: impl IntoIterator<Item = S>,
) -> Option<&Value> {
    for segment in segments {
        let segment = segment.as_ref();
        if segment == "Items" && value.is_array() {
            continue;
        }
        value = child(value, segment)?;
    }
    Some(value)
}

pub(crate) fn child<'v>(value: &'v Value, segment: &str) -> Option<&'v Value> {
    match value {
        Value::Object(map) => map.get(segment),
        Value::Array(list) => segment.parse::<usize>().ok().and_then(|i| list.get(i)),
        _ => None,
    }
}

pub enum Detected<'v> {
    /// One config, or every distribution of a CloudFormation template.
    Configs(Vec<Target<'v>>),
    /// Every `aws_cloudfront_distribution` of a Terraform file or plan, to be translated.
    Terraform(Vec<terraform::Resource<'v>>),
    /// Not a distribution config; the reason says what it is instead.
    NotAConfig { reason: String, at: Pointer },
    /// A kind of document the linter knows but does not lint (yet): skipped, not an error.
    Unsupported { reason: String },
}

pub const EXPECTED: &str = "a DistributionConfig (an object with Origins and DefaultCacheBehavior), \
    or one of the AWS CLI's forms: {\"DistributionConfig\": …} (with ETag, Id or IfMatch), \
    {\"Distribution\": {\"DistributionConfig\": …}}, {\"DistributionConfigWithTags\": {\"DistributionConfig\": …}}, \
    or a CloudFormation template (JSON or YAML) with an AWS::CloudFront::Distribution";

/// Members only a DistributionConfig has; one of them makes a bare object a config.
const CONFIG_MARKERS: [&str; 4] = [
    "Origins",
    "DefaultCacheBehavior",
    "CallerReference",
    "OriginGroups",
];

pub fn detect(root: &Value) -> Detected<'_> {
    let Value::Object(map) = root else {
        return Detected::NotAConfig {
            reason: format!("the document is {}, not an object", describe(root)),
            at: Pointer::root(),
        };
    };
    let wrapped = [
        (&["DistributionConfig"][..]),
        (&["Distribution", "DistributionConfig"][..]),
        (&["DistributionConfigWithTags", "DistributionConfig"][..]),
    ];
    for path in wrapped {
        if !map.contains_key(path[0]) {
            continue;
        }
        let mut value = root;
        let mut prefix = Pointer::root();
        for segment in path {
            match value.get(segment) {
                Some(v) => {
                    value = v;
                    prefix = prefix.key(segment);
                }
                None => {
                    return Detected::NotAConfig {
                        reason: format!("`{}` has no `{segment}` member", path[0]),
                        at: prefix,
                    }
                }
            }
        }
        if !value.is_object() {
            return Detected::NotAConfig {
                reason: format!(
                    "`{}` is {}, not an object",
                    path.last().unwrap(),
                    describe(value)
                ),
                at: prefix,
            };
        }
        let tags = (path[0] == "DistributionConfigWithTags")
            .then(|| root.get(path[0])?.get("Tags"))
            .flatten()
            .map(|value| Tags {
                value,
                at: Pointer::root().key(path[0]).key("Tags"),
            });
        let for_update =
            path.len() == 1 && (map.contains_key("ETag") || map.contains_key("IfMatch"));
        return Detected::Configs(vec![Target {
            value,
            prefix,
            form: Form::Api,
            resource: None,
            template: None,
            rewrites: Vec::new(),
            filled: Vec::new(),
            notes: Vec::new(),
            tags,
            operation: for_update.then_some(crate::settings::Operation::Update),
        }]);
    }
    if CONFIG_MARKERS.iter().any(|k| map.contains_key(*k)) {
        return Detected::Configs(vec![Target {
            value: root,
            prefix: Pointer::root(),
            form: Form::Api,
            resource: None,
            template: None,
            rewrites: Vec::new(),
            filled: Vec::new(),
            notes: Vec::new(),
            tags: None,
            operation: None,
        }]);
    }
    if let Some(resources) = cloudformation_resources(map) {
        let targets: Vec<Target> = resources
            .iter()
            .filter(|(_, r)| {
                r.get("Type").and_then(Value::as_str) == Some("AWS::CloudFront::Distribution")
            })
            .filter_map(|(name, r)| {
                let config = r
                    .get("Properties")?
                    .get("DistributionConfig")
                    // A whole config chosen by `Fn::If` is resolved per variant; other intrinsics
                    // (an import, a parameter) leave nothing to read.
                    .filter(|c| c.is_object() && (!is_intrinsic(c) || c.get("Fn::If").is_some()))?;
                let prefix = Pointer::root()
                    .key("Resources")
                    .key(name)
                    .key("Properties")
                    .key("DistributionConfig");
                let tags = r.get("Properties")?.get("Tags").map(|value| Tags {
                    value,
                    at: prefix.parent().key("Tags"),
                });
                Some(Target {
                    value: config,
                    prefix,
                    form: Form::CloudFormation,
                    resource: Some(name),
                    template: Some(root),
                    rewrites: Vec::new(),
                    filled: Vec::new(),
                    notes: Vec::new(),
                    tags,
                    operation: None,
                })
            })
            .collect();
        if targets.is_empty() {
            return Detected::Unsupported {
                reason: "a CloudFormation template with no AWS::CloudFront::Distribution"
                    .to_owned(),
            };
        }
        return Detected::Configs(targets);
    }
    // Terraform's JSON syntax (`*.tf.json`) and plan JSON (`terraform show -json`).
    if terraform::is_plan(root) || map.get("resource").is_some_and(Value::is_object) {
        return detect_terraform(root, false);
    }
    Detected::NotAConfig {
        reason: "the object has none of a DistributionConfig's members".to_owned(),
        at: Pointer::root(),
    }
}

/// The distributions of a Terraform document (`hcl`: written in HCL, not JSON).
pub fn detect_terraform(root: &Value, hcl: bool) -> Detected<'_> {
    let resources = if terraform::is_plan(root) {
        terraform::planned(root)
    } else {
        terraform::resources(root, hcl)
    };
    if resources.is_empty() {
        return Detected::Unsupported {
            reason: "Terraform with no aws_cloudfront_distribution".to_owned(),
        };
    }
    Detected::Terraform(resources)
}

/// The resources of a CloudFormation template (JSON), if this is one.
fn cloudformation_resources(
    map: &serde_json::Map<String, Value>,
) -> Option<&serde_json::Map<String, Value>> {
    let resources = map.get("Resources")?.as_object()?;
    resources
        .values()
        .any(|r| {
            r.get("Type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.contains("::"))
        })
        .then_some(resources)
}

/// "a string", "an array", … for messages.
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    // (tests of the API's and CloudFormation's forms)
    use super::*;
    use serde_json::json;

    fn prefix(v: &Value) -> String {
        match detect(v) {
            Detected::Configs(t) => t
                .iter()
                .map(|t| t.prefix.to_string())
                .collect::<Vec<_>>()
                .join(","),
            Detected::NotAConfig { reason, .. } => format!("not: {reason}"),
            Detected::Unsupported { reason } => format!("unsupported: {reason}"),
            Detected::Terraform(r) => r
                .iter()
                .map(|r| r.prefix.to_string())
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    #[test]
    fn recognises_the_cli_forms() {
        assert_eq!(prefix(&json!({"Origins": {}})), "");
        assert_eq!(
            prefix(&json!({"ETag": "E1", "DistributionConfig": {}})),
            "/DistributionConfig"
        );
        assert_eq!(
            prefix(&json!({"Distribution": {"Id": "X", "DistributionConfig": {}}})),
            "/Distribution/DistributionConfig"
        );
        assert_eq!(
            prefix(&json!({"DistributionConfigWithTags": {"DistributionConfig": {}, "Tags": {}}})),
            "/DistributionConfigWithTags/DistributionConfig"
        );
        assert!(prefix(&json!({"name": "package"})).starts_with("not:"));
        assert!(
            prefix(&json!({"resource": {"aws_cloudfront_distribution": {}}}))
                .starts_with("unsupported")
        );
        assert_eq!(
            prefix(
                &json!({"resource": {"aws_cloudfront_distribution": {"cdn": {"enabled": true}}}})
            ),
            "/resource/aws_cloudfront_distribution/cdn"
        );
        assert!(prefix(&json!([1])).starts_with("not: the document is an array"));
        assert!(prefix(&json!({"DistributionConfig": "x"}))
            .starts_with("not: `DistributionConfig` is a string"));
        assert!(
            prefix(&json!({"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}))
                .starts_with("unsupported")
        );
        let template = json!({"Resources": {
            "A": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Origins": []}}},
            "B": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Fn::ImportValue": "x"}}},
            "C": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Fn::If": ["C", {}, {}]}}}}});
        assert_eq!(
            prefix(&template),
            "/Resources/A/Properties/DistributionConfig,/Resources/C/Properties/DistributionConfig"
        );
    }

    #[test]
    fn cloudformation_pointers_drop_the_items_of_plain_arrays() {
        let template = json!({"Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
            "Origins": [{"Id": "a"}],
            "OriginGroups": {"Quantity": 1, "Items": [{"Members": {"Quantity": 2, "Items": [{}, {}]}}]}}}}}});
        let Detected::Configs(targets) = detect(&template) else {
            panic!()
        };
        let t = &targets[0];
        let p = |s: &str| t.to_file(&Pointer::parse(s).unwrap()).to_string();
        assert_eq!(
            p("/Origins/Items/0/Id"),
            "/Resources/D/Properties/DistributionConfig/Origins/0/Id"
        );
        assert_eq!(
            p("/OriginGroups/Items/0/Members/Items/1"),
            "/Resources/D/Properties/DistributionConfig/OriginGroups/Items/0/Members/Items/1"
        );
    }
}
