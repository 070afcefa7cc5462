//! CF020 substitution-outside-sub. Documentation: rules/CF020-substitution-outside-sub.md

use super::{pointer_of, walk, Context, FixAvailability, Rule, RuleMeta, Step};
use crate::finding::{Finding, Severity};
use serde_json::Value;

pub struct SubstitutionOutsideSub;

static META: RuleMeta = RuleMeta {
    code: "CF020",
    name: "substitution-outside-sub",
    severity: Severity::Error,
    summary: "A CloudFormation `${Name}` reference outside Fn::Sub (in Fn::Join, or a plain string), which reaches CloudFront as literal text",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF020-substitution-outside-sub.md"),
    controls: &[],
    default_on: true,
};

/// Members whose value CloudFront checks (a name, an ARN, an id): literal `${…}` text there is
/// rejected. Elsewhere (a comment, a header value, a path) it is accepted and served as written.
const CHECKED: [&str; 18] = [
    "LambdaFunctionARN",
    "FunctionARN",
    "AcmCertificateArn",
    "ACMCertificateArn",
    "IamCertificateId",
    "IAMCertificateId",
    "WebACLId",
    "CachePolicyId",
    "OriginRequestPolicyId",
    "ResponseHeadersPolicyId",
    "OriginAccessControlId",
    "OriginAccessIdentity",
    "RealtimeLogConfigArn",
    "FieldLevelEncryptionId",
    "ContinuousDeploymentPolicyId",
    "VpcOriginId",
    "AnycastIpListId",
    "TrustedKeyGroups",
];

impl Rule for SubstitutionOutsideSub {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if !cx.is_cloudformation() {
            return;
        }
        let Some(template) = cx.template() else {
            return;
        };
        let names = |section: &str| {
            template
                .get(section)
                .and_then(Value::as_object)
                .map(|m| m.keys().map(String::as_str).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        let (parameters, resources) = (names("Parameters"), names("Resources"));
        let known = |name: &str| {
            let head = name.split('.').next().unwrap_or(name);
            name.starts_with("AWS::") || parameters.contains(&head) || resources.contains(&head)
        };
        let mut hits: Vec<(Vec<Step>, &str, Vec<&str>)> = Vec::new();
        // A macro's parameters (`Fn::Transform`) and a loop's body (`Fn::ForEach`, which replaces
        // `${Identifier}` itself) are read by something other than CloudFormation's substitution.
        let own_syntax = |k: &str| k.starts_with("Fn::Transform") || k.starts_with("Fn::ForEach");
        walk(cx.raw, |path, value| {
            if path
                .iter()
                .any(|s| matches!(s, Step::Key(k) if own_syntax(k)))
            {
                return;
            }
            let in_sub = matches!(path.last(), Some(Step::Key("Fn::Sub")));
            let strings: Vec<(Step, &str)> = match value {
                // `{"Fn::Sub": "template"}`: the one string CloudFormation substitutes in.
                Value::Object(map) => map
                    .iter()
                    .filter(|(k, _)| k.as_str() != "Fn::Sub" && !own_syntax(k))
                    .filter_map(|(k, v)| Some((Step::Key(k), v.as_str()?)))
                    .collect(),
                // `{"Fn::Sub": ["template", {vars}]}`: the template only; the variables' values
                // are not substituted.
                Value::Array(list) => list
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !(in_sub && *i == 0))
                    .filter_map(|(i, v)| Some((Step::Index(i), v.as_str()?)))
                    .collect(),
                _ => Vec::new(),
            };
            for (step, text) in strings {
                // An id the template computes, as the resolver spells it (`{{!Sub ${Env}-web}}`).
                if text.starts_with("{{!") && text.ends_with("}}") {
                    continue;
                }
                let references: Vec<&str> = references(text).filter(|r| known(r)).collect();
                if !references.is_empty() {
                    let mut at = path.to_vec();
                    at.push(step);
                    hits.push((at, text, references));
                }
            }
        });
        for (path, text, references) in hits {
            let (member, checked) = member(&path);
            let first = references[0];
            let literal = references
                .iter()
                .map(|r| format!("`${{{r}}}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let via = path.iter().find_map(|s| match s {
                Step::Key(k) if k.starts_with("Fn::") => Some(*k),
                _ => None,
            });
            let place = match via {
                Some("Fn::Sub") => "in a variable of Fn::Sub".to_owned(),
                Some(function) => format!("in the arguments of {function}"),
                None => "in a plain string".to_owned(),
            };
            let consequence = if checked {
                format!("{member} reaches CloudFront with the literal text {literal}, and CloudFront rejects the config")
            } else {
                format!("{member} reaches CloudFront with the literal text {literal}")
            };
            let reference = match first.split_once('.') {
                Some((resource, attribute)) if !first.starts_with("AWS::") => {
                    format!("`!GetAtt {resource}.{attribute}`")
                }
                _ => format!("`!Ref {first}`"),
            };
            let help = if via == Some("Fn::Sub") {
                format!("give the variable the value {reference}: Fn::Sub substitutes in its template string, not in the values of its variables")
            } else if via == Some("Fn::Join") {
                format!("put {reference} in the Join's list in place of the text, or write the whole value as one Fn::Sub (`!Sub '…'`), which substitutes `${{…}}`")
            } else {
                format!("write the value as Fn::Sub (`!Sub '{text}'`), which substitutes `${{…}}`, or use {reference}")
            };
            let mut report = cx.report(
                &META,
                &pointer_of(&path),
                format!("{literal} {place} is not substituted: CloudFormation replaces `${{…}}` only in the template string of Fn::Sub, so {consequence}"),
            )
            .help(help);
            if !checked {
                report = report.severity(Severity::Warning);
            }
            report.push(out);
        }
    }
}

/// The names in `${Name}`, `${Resource.Attribute}`, `${AWS::Region}` of a text, leaving out
/// Fn::Sub's escape `${!Literal}` and the Serverless Framework's variables, which the framework
/// fills in before CloudFormation sees the template: `${env:X}`, `${self:…}`, `${file(…)}`, and
/// in general `${word:` (one colon) and `${word(`.
fn references(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("${").filter_map(move |(at, _)| {
        let rest = &text[at + 2..];
        let name = &rest[..rest.find('}')?];
        let word = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(name, |end| &name[..end]);
        let after = &name[word.len()..];
        let serverless = !word.is_empty()
            && (after.starts_with('(') || (after.starts_with(':') && !after.starts_with("::")));
        let cloudformation = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b':' || b == b'_');
        (!serverless && cloudformation).then_some(name)
    })
}

/// The member a string belongs to (the last key before any intrinsic function), as a message
/// names it, and whether CloudFront checks its value.
fn member(path: &[Step]) -> (String, bool) {
    let outer: Vec<&Step> = path
        .iter()
        .take_while(|s| !matches!(s, Step::Key(k) if k.starts_with("Fn::") || *k == "Ref"))
        .collect();
    let keys: Vec<&str> = outer
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(*k),
            Step::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        ["Origins", "DomainName"] => ("the origin DomainName".to_owned(), true),
        ["Aliases", ..] => ("the alternate domain name".to_owned(), true),
        ["Logging", "Bucket"] => ("Logging.Bucket".to_owned(), true),
        [.., last] => (format!("`{last}`"), CHECKED.contains(last)),
        [] => ("the value".to_owned(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cloudformation_references_only() {
        fn found(t: &str) -> Vec<&str> {
            references(t).collect()
        }
        assert_eq!(
            found(".execute-api.${AWS::Region}.${AWS::URLSuffix}"),
            ["AWS::Region", "AWS::URLSuffix"]
        );
        assert_eq!(
            found("${Bucket.RegionalDomainName}/x"),
            ["Bucket.RegionalDomainName"]
        );
        assert_eq!(found("${Env}-web"), ["Env"]);
        for serverless in [
            "${env:OAI}",
            "${self:provider.region}",
            "${opt:stage, 'dev'}",
            "${file(./config.json):domain}",
            "${sls:stage}",
            "${ssm:/path/to/param}",
            "${cf:stack.output}",
            "${aws:region}",
            "${!Literal}",
            "{{resolve:ssm:cert}}",
            "${}",
            "${unclosed",
        ] {
            assert!(found(serverless).is_empty(), "{serverless}");
        }
    }

    #[test]
    fn names_the_member() {
        let path = [
            Step::Key("Origins"),
            Step::Index(0),
            Step::Key("DomainName"),
            Step::Key("Fn::Join"),
            Step::Index(1),
            Step::Index(3),
        ];
        assert_eq!(member(&path), ("the origin DomainName".to_owned(), true));
        assert_eq!(
            member(&[Step::Key("Comment")]),
            ("`Comment`".to_owned(), false)
        );
    }
}
