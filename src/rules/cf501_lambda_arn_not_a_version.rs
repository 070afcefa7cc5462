//! CF501 lambda-arn-not-a-version. Documentation: rules/CF501-lambda-arn-not-a-version.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;

pub struct LambdaArnNotAVersion;

static META: RuleMeta = RuleMeta {
    code: "CF501",
    name: "lambda-arn-not-a-version",
    severity: Severity::Error,
    summary: "A Lambda@Edge ARN that is not a numbered version of a function in us-east-1 (CloudFront: InvalidLambdaFunctionAssociation)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF501-lambda-arn-not-a-version.md"),
    controls: &[],
    default_on: true,
};

impl Rule for LambdaArnNotAVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            for (i, association) in items(&behavior.behavior.lambda_function_associations) {
                let Some(arn) = association.lambda_function_arn else {
                    continue;
                };

                let at = behavior
                    .pointer()
                    .key("LambdaFunctionAssociations")
                    .key("Items")
                    .index(i)
                    .key("LambdaFunctionARN");
                // Not an ARN at all: a name, or a placeholder left for a person to fill in
                // (`<ADD-FUNCTION-ARN>`), which is deployed as written.
                if !arn.starts_with("arn:") && !is_placeholder(arn) {
                    let what = if arn.is_empty() {
                        "is empty".to_owned()
                    } else {
                        format!("`{arn}` is not an ARN (it does not start with `arn:`)")
                    };
                    let help = if cx.is_cloudformation() {
                        "use the ARN of a published version of the function in us-east-1 (…:function:name:3), such as `!Ref` of an AWS::Lambda::Version resource"
                    } else {
                        "use the ARN of a published version of the function in us-east-1, ending in the version number (arn:aws:lambda:us-east-1:123456789012:function:name:3)"
                    };
                    cx.report(
                        &META,
                        &at,
                        format!("Lambda@Edge function ARN {what}: CloudFront rejects the config (InvalidLambdaFunctionAssociation)"),
                    )
                    .help(help)
                    .push(out);
                    continue;
                }

                // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
                let parts: Vec<&str> = arn.split(':').collect();
                if parts.len() < 7 || parts[2] != "lambda" || parts[5] != "function" {
                    continue; // Not a Lambda function ARN at all: nothing to say about its version.
                }
                let region = parts[3];
                let qualifier = parts.get(7).copied();
                // Only the parts this rule reads must be literal: a templated account id is fine.
                if is_placeholder(region)
                    || qualifier.is_some_and(|q| q != "$LATEST" && is_placeholder(q))
                {
                    continue;
                }
                const VERSION: &str = "InvalidLambdaFunctionAssociation: \"The function ARN must reference a specific function version.\"";
                let (problem, error) = match qualifier {
                    None | Some("") => ("has no version (an unqualified ARN)".to_owned(), VERSION),
                    Some("$LATEST") => {
                        ("names $LATEST, not a published version".to_owned(), VERSION)
                    }
                    Some(q) if !q.bytes().all(|b| b.is_ascii_digit()) || q.is_empty() => (
                        format!("names the alias `{q}`, not a published version"),
                        VERSION,
                    ),
                    Some(_) if region != "us-east-1" => (
                        format!("is in {region}, but Lambda@Edge functions must be in us-east-1"),
                        "InvalidLambdaFunctionAssociation",
                    ),
                    Some(_) => continue,
                };
                cx.report(
                    &META,
                    &at,
                    format!("Lambda@Edge function ARN `{arn}` {problem}: CloudFront rejects the config ({error})"),
                )
                .help("publish a version of the function in us-east-1 and use its ARN, ending in the version number (…:function:name:3)")
                .push(out);
            }
        }
    }
}
