//! What a document is: a bare DistributionConfig, or one inside one of the AWS CLI's wrappers.

use crate::json::Pointer;
use serde_json::Value;

/// A DistributionConfig found in a document, and where it sits in the file.
pub struct Target<'v> {
    pub value: &'v Value,
    /// Pointer of the config in the file: empty for a bare config, `/DistributionConfig` … otherwise.
    pub prefix: Pointer,
}

impl Target<'_> {
    /// A pointer into the config (as rules speak) turned into a pointer into the file as written.
    pub fn to_file(&self, pointer: &Pointer) -> Pointer {
        self.prefix.join(pointer)
    }
}

pub enum Detected<'v> {
    Config(Target<'v>),
    /// Not a distribution config; the reason says what it is instead.
    NotAConfig { reason: String, at: Pointer },
    /// A kind of document the linter knows but does not lint (yet): skipped, not an error.
    Unsupported { reason: String },
}

pub const EXPECTED: &str = "a DistributionConfig (an object with Origins and DefaultCacheBehavior), \
    or one of the AWS CLI's forms: {\"DistributionConfig\": …} (with ETag, Id or IfMatch), \
    {\"Distribution\": {\"DistributionConfig\": …}}, {\"DistributionConfigWithTags\": {\"DistributionConfig\": …}}";

/// Members only a DistributionConfig has; one of them makes a bare object a config.
const CONFIG_MARKERS: [&str; 4] = ["Origins", "DefaultCacheBehavior", "CallerReference", "OriginGroups"];

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
                reason: format!("`{}` is {}, not an object", path.last().unwrap(), describe(value)),
                at: prefix,
            };
        }
        return Detected::Config(Target { value, prefix });
    }
    if CONFIG_MARKERS.iter().any(|k| map.contains_key(*k)) {
        return Detected::Config(Target { value: root, prefix: Pointer::root() });
    }
    if is_cloudformation(map) {
        return Detected::Unsupported {
            reason: "a CloudFormation template: its distributions are not linted yet".to_owned(),
        };
    }
    Detected::NotAConfig {
        reason: "the object has none of a DistributionConfig's members".to_owned(),
        at: Pointer::root(),
    }
}

fn is_cloudformation(map: &serde_json::Map<String, Value>) -> bool {
    map.get("Resources").and_then(Value::as_object).is_some_and(|resources| {
        resources.values().any(|r| r.get("Type").and_then(Value::as_str).is_some_and(|t| t.starts_with("AWS::")))
    })
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
    use super::*;
    use serde_json::json;

    fn prefix(v: &Value) -> String {
        match detect(v) {
            Detected::Config(t) => t.prefix.to_string(),
            Detected::NotAConfig { reason, .. } => format!("not: {reason}"),
            Detected::Unsupported { reason } => format!("unsupported: {reason}"),
        }
    }

    #[test]
    fn recognises_the_cli_forms() {
        assert_eq!(prefix(&json!({"Origins": {}})), "");
        assert_eq!(prefix(&json!({"ETag": "E1", "DistributionConfig": {}})), "/DistributionConfig");
        assert_eq!(prefix(&json!({"Distribution": {"Id": "X", "DistributionConfig": {}}})), "/Distribution/DistributionConfig");
        assert_eq!(
            prefix(&json!({"DistributionConfigWithTags": {"DistributionConfig": {}, "Tags": {}}})),
            "/DistributionConfigWithTags/DistributionConfig"
        );
        assert!(prefix(&json!({"name": "package"})).starts_with("not:"));
        assert!(prefix(&json!([1])).starts_with("not: the document is an array"));
        assert!(prefix(&json!({"DistributionConfig": "x"})).starts_with("not: `DistributionConfig` is a string"));
        assert!(prefix(&json!({"Resources": {"D": {"Type": "AWS::CloudFront::Distribution"}}})).starts_with("unsupported"));
    }
}
