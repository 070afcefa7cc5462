//! CF715 no-tags. Documentation: rules/CF715-no-tags.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::form::is_intrinsic;
use crate::rules::text::quoted_list;
use serde_json::Value;

pub struct NoTags;

static META: RuleMeta = RuleMeta {
    code: "CF715",
    name: "no-tags",
    severity: Severity::Info,
    summary: "Tags written for a distribution that hold no tag but AWS's own (`aws:`): nothing says whose it is or what it costs",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF715-no-tags.md"),
    controls: &["CloudFront.14", "tagged-cloudfront-distribution"],
    default_on: true,
};

impl Rule for NoTags {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // Only where the input carries tags: a bare DistributionConfig cannot hold them.
        let Some(tags) = cx.tags() else {
            return;
        };
        let Some(keys) = keys(tags.value) else {
            return; // Computed: the tags are decided later.
        };
        let required = &cx.options().required_tags;
        if !required.is_empty() {
            // `[rules.CF715] required-tags`: every one of them, as Security Hub's `requiredTagKeys`.
            let missing: Vec<&str> = required
                .iter()
                .map(String::as_str)
                .filter(|r| !keys.contains(r))
                .collect();
            if missing.is_empty() {
                return;
            }
            let list = quoted_list(&missing);
            let (noun, them) = if missing.len() == 1 {
                ("key", "it")
            } else {
                ("keys", "them")
            };
            cx.report_in_file(
                &META,
                &tags.at,
                format!("the distribution's tags lack the required tag {noun} {list} (`required-tags` in the configuration file; Security Hub's CloudFront.14 with `requiredTagKeys` fails it too)"),
            )
            .help(format!("add {them}: {list}"))
            .push(out);
            return;
        }
        if keys.iter().any(|k| !k.starts_with("aws:")) {
            return;
        }
        let what = if keys.is_empty() {
            "the distribution's tags are empty"
        } else {
            "the distribution has only AWS's own `aws:` tags"
        };
        cx.report_in_file(
            &META,
            &tags.at,
            format!("{what}: nothing on it says who owns it or which cost centre pays for its traffic (Security Hub's CloudFront.14 fails a distribution without a tag of its own)"),
        )
        .help("add at least one tag of your own, such as an owner or cost-centre key")
        .push(out);
    }
}

/// The tag keys, in any of the forms: the API's `{"Items": [{"Key": …}]}`, CloudFormation's
/// `[{"Key": …}]`, Terraform's map. `None` when the tags or a key are computed.
fn keys<'v>(tags: &'v Value) -> Option<Vec<&'v str>> {
    if is_intrinsic(tags) || tags.as_str().is_some() {
        return None;
    }
    let key = |t: &'v Value| match t.get("Key") {
        Some(Value::String(k)) if !k.contains("${") => Some(k.as_str()),
        _ => None,
    };
    match tags {
        Value::Array(list) => list.iter().map(key).collect(),
        Value::Object(map) => match map.get("Items") {
            Some(Value::Array(list)) => list.iter().map(key).collect(),
            Some(_) => None,
            None => map
                .keys()
                .map(|k| (!k.contains("${")).then_some(k.as_str()))
                .collect(),
        },
        _ => None,
    }
}
