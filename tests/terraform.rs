//! Terraform holds to the same rules: the form's tables against the provider's schema as the
//! reference reads it, and every fail fixture written as a Terraform resource.

use cloudfront_lint::form::terraform;
use cloudfront_lint::{lint, Origin, Outcome, Settings, Source};
use std::collections::BTreeSet;
use std::path::Path;

mod support;
use support::shared_present;

/// Every argument and block `terraform-cloudfront.md` lists (§2–§7, first column of each table) is
/// translated, or known to be Terraform's own (`tags`, `count`) or computed by the provider.
#[test]
fn every_argument_the_reference_lists_is_translated() {
    if !shared_present() {
        return;
    }
    let reference = std::fs::read_to_string("../shared/reference/terraform-cloudfront.md").unwrap();
    let start = reference.find("## 2.").unwrap();
    let end = reference.find("## 8.").unwrap();
    let known: BTreeSet<String> = terraform::known_paths()
        .iter()
        .map(|p| p.rsplit('/').next().unwrap().to_owned())
        .chain(terraform::NOT_SENT.iter().map(|s| s.to_string()))
        .chain(terraform::COMPUTED.iter().map(|s| s.to_string()))
        .collect();
    let mut listed = BTreeSet::new();
    for line in reference[start..end].lines() {
        let Some(first) = line.strip_prefix("| ").and_then(|l| l.split(" | ").next()) else {
            continue;
        };
        // Names are in backticks: `origin_id`, ↳ `http_port`, `https_port`, `cookies { forward, … }`.
        for quoted in first.split('`').skip(1).step_by(2) {
            for name in
                quoted.split(|c: char| !(c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()))
            {
                if name.len() > 1 && name.contains(|c: char| c.is_ascii_lowercase()) {
                    listed.insert(name.to_owned());
                }
            }
        }
    }
    assert!(listed.len() > 80, "read {} names: {listed:?}", listed.len());
    let missing: Vec<&String> = listed.iter().filter(|n| !known.contains(*n)).collect();
    assert!(
        missing.is_empty(),
        "not in the Terraform form's tables: {missing:?}"
    );
}

/// Rules (or single fixtures) that cannot apply to a Terraform resource as written, and why.
const NOT_TERRAFORM: [(&str, &str); 24] = [
    (
        "CF001",
        "about JSON text; HCL's own syntax errors are CF001 too, tested on the corpus",
    ),
    (
        "CF002",
        "a file that is not a config: a .tf file without a distribution is skipped",
    ),
    (
        "CF004",
        "JSON's duplicate members; HCL refuses a repeated argument itself",
    ),
    ("CF005", "CloudFormation's Metadata suppressions"),
    (
        "CF006",
        "suppressions, which an API config cannot hold; its fixtures hold Terraform's comments",
    ),
    (
        "CF010",
        "the API's unknown members: Terraform's are reported from the provider's schema",
    ),
    (
        "CF011",
        "the API's missing members: Terraform's are reported from the provider's schema",
    ),
    (
        "CF012",
        "wrong JSON types: Terraform converts \"80\" to 80 itself",
    ),
    (
        "CF016",
        "quota fixtures build lists Terraform would build the same way; tested on the API",
    ),
    (
        "CF017",
        "the update operation: the provider sends the whole config itself",
    ),
    ("CF020", "CloudFormation's Fn::Sub"),
    ("CF021", "CloudFormation's intrinsic functions"),
    ("CF101", "Quantity: the provider counts every list"),
    (
        "CF303",
        "the provider sends MinTTL 0 when min_ttl is left out",
    ),
    ("CF604", "a CloudFormation template's log bucket"),
    (
        "CF226",
        "origin_group has no selection_criteria: Terraform cannot write a media-quality group",
    ),
    (
        "CF309",
        "the provider sets TrustedSigners/TrustedKeyGroups Enabled from the list itself",
    ),
    (
        "CF610",
        "aws_cloudfront_distribution cannot express a tenant-only distribution",
    ),
    (
        "CF302/fail-legacy-ttls-with-cache-policy.json",
        "the provider drops TTLs beside a cache policy",
    ),
    (
        "CF402/fail-default-and-acm.json",
        "the provider's precedence: the ACM certificate wins",
    ),
    (
        "CF210/fail-no-config.json",
        "the provider sends an origin without a config block as an S3 origin",
    ),
    (
        "CF709/fail-logging-disabled.json",
        "logging_config has no enabled: a bucket means logging",
    ),
    (
        "CF206/fail-member-weights.json",
        "member has no weight argument (Terraform rejects it: CF010)",
    ),
    (
        "CF405/fail-wildcard-and-duplicate.json",
        "aliases is a set: the duplicate vanishes, the wildcard is tested",
    ),
];

fn findings(path: &str, text: String, code: &str) -> Vec<(String, String)> {
    let source = Source::new(path, text.into_bytes());
    match lint(&source, &Settings::only(code), Origin::Named) {
        Outcome::Linted(found) => found
            .into_iter()
            .filter(|f| f.code == code)
            .map(|f| {
                let written = source.text[f.location.range.clone()].to_owned();
                (f.location.pointer.to_string(), written)
            })
            .collect(),
        Outcome::Skipped { reason } => panic!("{path}: skipped ({reason})"),
    }
}

/// Each fail fixture in the API's form, written as an `aws_cloudfront_distribution`, gets its
/// rule's finding again, at the Terraform argument that holds the same value.
#[test]
fn every_api_fail_fixture_fails_the_same_way_in_hcl() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for dir in std::fs::read_dir("fixtures").unwrap() {
        let dir = dir.unwrap().path();
        let folder = dir.file_name().unwrap().to_str().unwrap().to_owned();
        let code = folder.split('-').next().unwrap().to_owned();
        if NOT_TERRAFORM.iter().any(|(c, _)| *c == code) {
            continue;
        }
        let excused = |name: &str| {
            NOT_TERRAFORM
                .iter()
                .any(|(c, _)| *c == format!("{code}/{name}"))
        };
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_str().unwrap().to_owned();
            if !name.starts_with("fail-") || !name.ends_with(".json") || excused(&name) {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            // API configs only (bare, or in a CLI wrapper); templates and Terraform are not.
            let with_tags = value.get("DistributionConfigWithTags");
            let config = value
                .get("DistributionConfig")
                .or_else(|| {
                    value
                        .get("Distribution")
                        .and_then(|d| d.get("DistributionConfig"))
                })
                .or_else(|| with_tags.and_then(|w| w.get("DistributionConfig")))
                .unwrap_or(&value);
            if config.get("Resources").is_some() || config.get("resource").is_some() {
                continue;
            }
            let api = findings(&format!("{folder}/{name}"), text.clone(), &code);
            if api.is_empty() {
                continue; // A fixture for another form's finding.
            }
            let mut body = terraform::from_api(config);
            // Tags live beside the config: Terraform's `tags` is a map.
            if let Some(items) = with_tags.and_then(|w| w.get("Tags")?.get("Items")?.as_array()) {
                let tags: serde_json::Map<String, serde_json::Value> = items
                    .iter()
                    .filter_map(|t| {
                        Some((t.get("Key")?.as_str()?.to_owned(), t.get("Value")?.clone()))
                    })
                    .collect();
                body["tags"] = serde_json::Value::Object(tags);
            }
            let hcl =
                cloudfront_lint::hcl::write_resource("aws_cloudfront_distribution", "cdn", &body);
            let tf = findings(&format!("{folder}/{name}.tf"), hcl.clone(), &code);
            checked += 1;
            if tf.is_empty() {
                problems.push(format!("{folder}/{name}: no {code} in HCL:\n{hcl}"));
                continue;
            }
            // The same value underlined: a string, number or boolean reads the same in both; a
            // member's key is an identifier in HCL.
            let values: Vec<&String> = api
                .iter()
                .filter(|(_, w)| !w.starts_with(['{', '[']) && !w.contains('\n'))
                .filter(|(_, w)| {
                    !text.contains(&format!("{w}:")) && !text.contains(&format!("{w} :"))
                })
                .map(|(_, w)| w)
                .collect();
            if !values.is_empty() && !tf.iter().any(|(_, w)| values.contains(&w)) {
                problems.push(format!(
                    "{folder}/{name}: {code} at {values:?} in JSON, at {tf:?} in HCL"
                ));
            }
            assert!(tf
                .iter()
                .all(|(p, _)| p.starts_with("/resource/aws_cloudfront_distribution/cdn")));
        }
    }
    assert!(checked > 60, "only {checked} fixtures converted");
    assert!(
        problems.is_empty(),
        "{} of {checked}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_reasons_name_real_rules() {
    for (what, _) in NOT_TERRAFORM {
        let (code, fixture) = what.split_once('/').unwrap_or((what, ""));
        let rule = cloudfront_lint::rules::find(code).unwrap_or_else(|| panic!("{code}"));
        if !fixture.is_empty() {
            let m = rule.meta();
            let path = format!("fixtures/{}-{}/{fixture}", m.code, m.name);
            assert!(Path::new(&path).is_file(), "{path}");
        }
    }
    assert!(Path::new("fixtures").is_dir());
}
