//! CF021 unknown-intrinsic-function. Documentation: rules/CF021-unknown-intrinsic-function.md

use super::text::{closest, extensions};
use super::{pointer_of, walk, Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use serde_json::Value;

pub struct UnknownIntrinsicFunction;

static META: RuleMeta = RuleMeta {
    code: "CF021",
    name: "unknown-intrinsic-function",
    severity: Severity::Error,
    summary: "An `Fn::` function CloudFormation does not have, such as Fn::Import for Fn::ImportValue (CloudFormation rejects the template)",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF021-unknown-intrinsic-function.md"),
    controls: &[],
    default_on: true,
};

/// CloudFormation's functions named `Fn::…`, from the Template Reference's "Intrinsic function
/// reference": the condition functions, the rule functions (which its error message lists as
/// supported too), and those of the AWS::LanguageExtensions transform. `Ref` and `Condition` have
/// no prefix. `Fn::ForEach` is written `Fn::ForEach::LoopName`.
const FUNCTIONS: [&str; 26] = [
    "Fn::And",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Contains",
    "Fn::EachMemberEquals",
    "Fn::EachMemberIn",
    "Fn::Equals",
    "Fn::FindInMap",
    "Fn::ForEach",
    "Fn::GetAZs",
    "Fn::GetAtt",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Length",
    "Fn::Not",
    "Fn::Or",
    "Fn::RefAll",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
    "Fn::ValueOf",
    "Fn::ValueOfAll",
];

fn is_known(key: &str) -> bool {
    FUNCTIONS.contains(&key) || key.starts_with("Fn::ForEach::")
}

/// `{"Fn::Import": …}`: the pointer of the unknown function's key under `root`, and its name.
fn unknown_functions(root: &Value) -> Vec<(Pointer, &str)> {
    let mut found = Vec::new();
    walk(root, |path, value| {
        if let Some(map) = value.as_object().filter(|m| m.len() == 1) {
            let key = map.keys().next().map(String::as_str).unwrap_or_default();
            if key.starts_with("Fn::") && !is_known(key) {
                found.push((pointer_of(path).key(key), key));
            }
        }
    });
    found
}

impl Rule for UnknownIntrinsicFunction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// The config as written is searched, not only the branches of `Fn::If` this variant takes:
    /// CloudFormation checks every function name of the template before it decides a condition.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if !cx.is_cloudformation() {
            return;
        }
        let prefix = cx.locate(&Pointer::root(), Anchor::Value).pointer;
        let Some(written) = cx.template().and_then(|t| t.pointer(prefix.as_str())) else {
            return;
        };
        let report = |at: &Pointer, name: &str, anchor: Anchor, out: &mut Vec<Finding>| {
            let stem = name.trim_start_matches("Fn::");
            let suggestion = if stem.eq_ignore_ascii_case("Ref") {
                Some("Ref")
            } else if stem.eq_ignore_ascii_case("Condition") {
                Some("Condition")
            } else {
                closest(name, FUNCTIONS).or_else(|| {
                    let longer = extensions(name, FUNCTIONS);
                    (longer.len() == 1).then(|| longer[0])
                })
            };
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => "use one of CloudFormation's functions (Fn::GetAtt, Fn::ImportValue, Fn::Join, Fn::Sub, …), or Ref".to_owned(),
            };
            let report = cx.report(
                &META,
                at,
                format!("`{name}` is not a CloudFormation function: CloudFormation rejects the template (\"Template Error: Encountered unsupported function: {name}\")"),
            )
            .anchor(anchor)
            .help(help);
            match suggestion {
                Some(s) => report.fix_respell(name, s),
                None => report,
            }
            .push(out);
        };
        // Each hit is reported once per variant at the place it is written: its key, found through
        // the pointer as written (outside the branches of Fn::If) or else through this variant's
        // resolved config; failing both, the tagged value that holds it (YAML's short form,
        // `!Import name`, has no key of its own), found the same two ways.
        let resolved = unknown_functions(cx.raw);
        let mut pending: Vec<(Pointer, &str, Pointer)> = unknown_functions(written)
            .into_iter()
            .map(|(at, name)| (prefix.join(&at), name, at))
            .collect();
        for (anchor, place) in [(Anchor::Key, false), (Anchor::Value, true)] {
            let here = |at: &Pointer, file: &Pointer| {
                let found = cx.locate(at, Anchor::Key).pointer;
                found == *file || (place && found == file.parent())
            };
            pending.retain(|(file, name, at)| {
                let via = std::iter::once(at)
                    .chain(resolved.iter().map(|(r, _)| r))
                    .find(|candidate| here(candidate, file));
                match via {
                    Some(via) => {
                        report(via, name, anchor, out);
                        false
                    }
                    None => true,
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_cloudformations_functions() {
        assert!(is_known("Fn::ImportValue"));
        assert!(is_known("Fn::ForEach::Origins"));
        assert!(!is_known("Fn::Import"));
        assert!(!is_known("Fn::join"));
        assert_eq!(closest("Fn::Import", FUNCTIONS), Some("Fn::ImportValue"));
        assert_eq!(closest("Fn::GetAttr", FUNCTIONS), Some("Fn::GetAtt"));
        assert_eq!(closest("Fn::join", FUNCTIONS), Some("Fn::Join"));
        assert_eq!(closest("Fn::Substitute", FUNCTIONS), None);
    }
}
