//! CF604 log-bucket-acls-disabled. Documentation: rules/CF604-log-bucket-acls-disabled.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::form::is_intrinsic;
use crate::ptr;
use serde_json::Value;

pub struct LogBucketAclsDisabled;

static META: RuleMeta = RuleMeta {
    code: "CF604",
    name: "log-bucket-acls-disabled",
    severity: Severity::Error,
    summary: "Standard logging to an S3 bucket of the same template whose ACLs are disabled (no OwnershipControls, or BucketOwnerEnforced): CloudFront rejects the config (InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF604-log-bucket-acls-disabled.md"),
    controls: &[],
    default_on: true,
};

impl Rule for LogBucketAclsDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(resources) = cx
            .template()
            .and_then(|t| t.get("Resources"))
            .and_then(Value::as_object)
        else {
            return;
        };
        let at = ptr!["Logging", "Bucket"];
        let Some(name) = cx.raw_at(&at).and_then(bucket_reference) else {
            return;
        };
        let Some(bucket) = resources
            .get(name)
            .filter(|r| r.get("Type").and_then(Value::as_str) == Some("AWS::S3::Bucket"))
        else {
            return; // A parameter, an import, a bucket of another stack: not known here.
        };
        const REJECTED: &str = "CloudFront's standard logging writes log files with ACLs and rejects the config (InvalidArgument: \"The S3 bucket that you specified for CloudFront logs does not enable ACL access\")";
        // Without OwnershipControls the bucket's ACLs depend on when S3 created it, which the
        // template cannot say: disabled for a bucket created since April 2023, enabled for one
        // created before (a stack deployed then and updated now). So a warning, not an error.
        let (why, severity) = match ownership(bucket) {
            Ownership::Default => (
                format!(
                    "the log bucket `{name}` sets no OwnershipControls, so a bucket S3 creates now has its ACLs disabled (BucketOwnerEnforced, the default for new buckets since April 2023) and {REJECTED}; only a bucket created before then keeps its ACLs"
                ),
                Severity::Warning,
            ),
            Ownership::Enforced => (
                format!("the log bucket `{name}` sets ObjectOwnership BucketOwnerEnforced, which disables its ACLs: {REJECTED}"),
                Severity::Error,
            ),
            Ownership::AclsEnabled | Ownership::Unknown => return,
        };
        cx.report(&META, &at, why)
        .severity(severity)
        .help(format!(
            "give `{name}` OwnershipControls with the rule ObjectOwnership: BucketOwnerPreferred (or ObjectWriter), which keeps ACLs enabled"
        ))
        .push(out);
    }
}

/// What a bucket's definition says about its ACLs.
enum Ownership {
    /// No OwnershipControls: S3's default, ACLs disabled.
    Default,
    /// `ObjectOwnership: BucketOwnerEnforced`.
    Enforced,
    /// BucketOwnerPreferred or ObjectWriter.
    AclsEnabled,
    /// Computed, malformed, or the bucket fails on its own first (an ACL that S3 refuses).
    Unknown,
}

fn ownership(bucket: &Value) -> Ownership {
    let Some(properties) = bucket.get("Properties") else {
        return Ownership::Default;
    };
    if is_intrinsic(properties) || !properties.is_object() {
        return Ownership::Unknown;
    }
    let Some(controls) = properties.get("OwnershipControls") else {
        // A canned ACL other than `Private` on a bucket with ACLs disabled is refused by S3, so
        // the stack fails at the bucket before the distribution: not this rule's finding.
        return match properties.get("AccessControl") {
            None => Ownership::Default,
            Some(Value::String(acl)) if acl.eq_ignore_ascii_case("Private") => Ownership::Default,
            Some(_) => Ownership::Unknown,
        };
    };
    let rule = controls
        .get("Rules")
        .filter(|r| !is_intrinsic(r))
        .and_then(Value::as_array)
        .and_then(|rules| rules.first())
        .and_then(|r| r.get("ObjectOwnership"))
        .and_then(Value::as_str);
    match rule {
        Some("BucketOwnerEnforced") => Ownership::Enforced,
        Some("BucketOwnerPreferred" | "ObjectWriter") => Ownership::AclsEnabled,
        _ => Ownership::Unknown,
    }
}

/// The logical id of the bucket a `Logging.Bucket` expression names, in the forms templates use:
/// `!GetAtt B.DomainName` (or RegionalDomainName), `!Sub '${B}.s3.amazonaws.com'` (or with
/// `${B.DomainName}`, or a variable that is `!Ref B`), `!Join ['', [!Ref B, '.s3.amazonaws.com']]`.
fn bucket_reference(value: &Value) -> Option<&str> {
    let map = value.as_object().filter(|m| m.len() == 1)?;
    let (function, args) = map.iter().next()?;
    match function.as_str() {
        "Fn::GetAtt" => domain_attribute(args),
        "Fn::Sub" => {
            let (text, variables) = match args {
                Value::String(text) => (text.as_str(), None),
                Value::Array(list) => (list.first()?.as_str()?, list.get(1)),
                _ => return None,
            };
            let rest = text.strip_prefix("${")?;
            let (name, after) = rest.split_once('}')?;
            let (name, attribute) = match name.split_once('.') {
                Some((n, a)) => (n, Some(a)),
                None => (name, None),
            };
            if let Some(variable) = variables.and_then(|v| v.get(name)) {
                return (attribute.is_none() && after.starts_with(".s3"))
                    .then(|| reference(variable))
                    .flatten()
                    .or_else(|| {
                        (after.is_empty() && attribute.is_none())
                            .then(|| domain_attribute(variable.get("Fn::GetAtt")?))
                            .flatten()
                    });
            }
            match attribute {
                Some(a) if a.ends_with("DomainName") && after.is_empty() => Some(name),
                None if after.starts_with(".s3") => Some(name),
                _ => None,
            }
        }
        "Fn::Join" => {
            let [delimiter, parts] = args.as_array()?.as_slice() else {
                return None;
            };
            let (delimiter, parts) = (delimiter.as_str()?, parts.as_array()?);
            let (first, rest) = parts.split_first()?;
            if rest.is_empty() {
                return domain_attribute(first.get("Fn::GetAtt")?);
            }
            let rest: Vec<&str> = rest.iter().map(Value::as_str).collect::<Option<_>>()?;
            let tail = format!("{delimiter}{}", rest.join(delimiter));
            tail.starts_with(".s3").then(|| reference(first)).flatten()
        }
        _ => None,
    }
}

/// `B` of `{"Ref": "B"}`.
fn reference(value: &Value) -> Option<&str> {
    value
        .as_object()
        .filter(|m| m.len() == 1)?
        .get("Ref")?
        .as_str()
}

/// `B` of the arguments of `Fn::GetAtt` for one of a bucket's domain names.
fn domain_attribute(args: &Value) -> Option<&str> {
    let (name, attribute) = match args {
        Value::Array(parts) => (parts.first()?.as_str()?, parts.get(1)?.as_str()?),
        Value::String(dotted) => dotted.split_once('.')?,
        _ => return None,
    };
    attribute.ends_with("DomainName").then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_forms_templates_use() {
        for (expression, expected) in [
            (
                json!({"Fn::GetAtt": ["Logs", "RegionalDomainName"]}),
                Some("Logs"),
            ),
            (json!({"Fn::GetAtt": "Logs.DomainName"}), Some("Logs")),
            (json!({"Fn::GetAtt": ["Logs", "Arn"]}), None),
            (json!({"Fn::Sub": "${Logs}.s3.amazonaws.com"}), Some("Logs")),
            (json!({"Fn::Sub": "${Logs.DomainName}"}), Some("Logs")),
            (
                json!({"Fn::Sub": ["${B}.s3.amazonaws.com", {"B": {"Ref": "Logs"}}]}),
                Some("Logs"),
            ),
            (
                json!({"Fn::Join": ["", [{"Ref": "Logs"}, ".s3.amazonaws.com"]]}),
                Some("Logs"),
            ),
            (
                json!({"Fn::Join": [".", [{"Ref": "Logs"}, "s3", "amazonaws", "com"]]}),
                Some("Logs"),
            ),
            (json!({"Ref": "LogBucketDomain"}), None),
            (json!("logs.s3.amazonaws.com"), None),
        ] {
            assert_eq!(bucket_reference(&expression), expected, "{expression}");
        }
    }

    #[test]
    fn reads_ownership() {
        let o = |b: Value| match ownership(&b) {
            Ownership::Default => "default",
            Ownership::Enforced => "enforced",
            Ownership::AclsEnabled => "enabled",
            Ownership::Unknown => "unknown",
        };
        assert_eq!(o(json!({"Type": "AWS::S3::Bucket"})), "default");
        assert_eq!(
            o(json!({"Properties": {"AccessControl": "LogDeliveryWrite"}})),
            "unknown"
        );
        assert_eq!(
            o(json!({"Properties": {"AccessControl": "Private"}})),
            "default"
        );
        assert_eq!(
            o(
                json!({"Properties": {"OwnershipControls": {"Rules": [{"ObjectOwnership": "ObjectWriter"}]}}})
            ),
            "enabled"
        );
        assert_eq!(
            o(
                json!({"Properties": {"OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}}})
            ),
            "enforced"
        );
        assert_eq!(
            o(json!({"Properties": {"OwnershipControls": {"Fn::If": ["C", {}, {}]}}})),
            "unknown"
        );
    }
}
