//! The committed `schemas/distribution-config.schema.json` is exactly what the generator makes from
//! the committed inputs, is a valid draft 2020-12 schema, and accepts every configuration that
//! CloudFront itself returned (`../shared/corpus/real/get-distribution*/`). The same for
//! `schemas/cloudformation-distribution-config.schema.json` and every distribution of the
//! CloudFormation templates AWS deployed (`../shared/corpus/cfn/`).

#[path = "../schemas/generator/generate.rs"]
mod generate;

#[path = "../schemas/cloudformation/generate.rs"]
mod generate_cfn;

use cloudfront_lint::schema::formats;
use serde_json::Value;
use std::path::{Path, PathBuf};

mod support;
use support::shared_present;

const REGENERATE: &str = "cargo run --example gen-schema";
const REGENERATE_CFN: &str = "cargo run --example gen-cfn-schema";
const CFN_SCHEMA: &str = "schemas/cloudformation-distribution-config.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

/// The committed schema as editors see it: the patterns it names as formats written back.
fn committed_schema() -> Value {
    let mut schema = read_json(&root().join("schemas/distribution-config.schema.json"));
    formats::restore_patterns(&mut schema);
    schema
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&committed_schema())
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// `{"DistributionConfig": …}` (also with ETag / Id / IfMatch beside it),
/// `{"Distribution": {"DistributionConfig": …}}`, `{"DistributionConfigWithTags": {"DistributionConfig": …}}`,
/// or a bare DistributionConfig.
fn unwrap_config(doc: &Value) -> &Value {
    if let Some(c) = doc.get("DistributionConfig") {
        return c;
    }
    for outer in ["Distribution", "DistributionConfigWithTags"] {
        if let Some(c) = doc.get(outer).and_then(|d| d.get("DistributionConfig")) {
            return c;
        }
    }
    doc
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

fn errors(v: &jsonschema::Validator, config: &Value) -> Vec<String> {
    v.iter_errors(config)
        .map(|e| {
            format!(
                "{} ({}): {e}",
                e.instance_path().as_str(),
                e.schema_path().as_str()
            )
        })
        .collect()
}

#[test]
fn committed_schema_is_up_to_date() {
    let model = read_json(&root().join("schemas/generator/model.json"));
    let overlay = read_json(&root().join("schemas/generator/overlay.json"));
    let mut schema = generate::generate(&model, &overlay);
    formats::name_patterns(&mut schema);
    let expected = generate::render(&schema);
    let path = root().join("schemas/distribution-config.schema.json");
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; run `{REGENERATE}`", path.display()));
    if committed != expected {
        let line = committed
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "(length differs)".to_string(),
                |i| format!("line {}", i + 1),
            );
        panic!(
            "schemas/distribution-config.schema.json is stale (first difference at {line}). \
             Do not edit it by hand: change schemas/generator/{{model,overlay}}.json or generate.rs, \
             then run `{REGENERATE}` and commit the result."
        );
    }
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = committed_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "schema fails the draft 2020-12 meta-schema at {}: {e}",
            e.instance_path().as_str()
        );
    }
    assert!(jsonschema::meta::is_valid(&schema));
    // build() also checks every `pattern` is a valid ECMA-262 regex.
    let v = validator();
    // Sanity: the smallest valid config passes and typical mistakes do not.
    let ok = serde_json::json!({
        "CallerReference": "r", "Comment": "", "Enabled": true,
        "Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "example.com",
            "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "allow-all"}
    });
    assert_eq!(errors(&v, &ok), Vec::<String>::new());
    let mut bad = ok.clone();
    bad["Origins"]["Items"][0]["CustomOriginConfig"]["HTTPPort"] = 8.into();
    bad["Origins"]["Items"][0]["ConnectionAttempts"] = 4.into();
    bad["DefaultCacheBehavior"]["TargetOrigin"] = "o".into();
    bad["Comment"] = "x".repeat(129).into();
    let errs = errors(&v, &bad);
    for needle in [
        "/Origins/Items/0/CustomOriginConfig/HTTPPort",
        "/Origins/Items/0/ConnectionAttempts",
        "/DefaultCacheBehavior (",
        "/Comment",
    ] {
        assert!(
            errs.iter().any(|e| e.starts_with(needle)),
            "no error at {needle}: {errs:#?}"
        );
    }
    // Quotas are annotations only: 150 aliases and OriginReadTimeout 180 are not schema errors.
    let mut quota = ok.clone();
    let aliases: Vec<Value> = (0..150)
        .map(|i| format!("a{i}.example.com").into())
        .collect();
    quota["Aliases"] = serde_json::json!({"Quantity": 150, "Items": aliases});
    quota["Origins"]["Items"][0]["CustomOriginConfig"]["OriginReadTimeout"] = 180.into();
    assert_eq!(errors(&v, &quota), Vec::<String>::new());
}

#[test]
fn configs_cloudfront_returned_have_no_schema_errors() {
    if !shared_present() {
        return;
    }
    let v = validator();
    let real = root().join("../shared/corpus/real");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&real)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", real.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("get-distribution"))
        })
        .collect();
    dirs.sort();
    for dir in dirs {
        for file in json_files(&dir) {
            let doc = read_json(&file);
            let errs = errors(&v, unwrap_config(&doc));
            checked += 1;
            if !errs.is_empty() {
                failures.push(format!("{}:\n  {}", file.display(), errs.join("\n  ")));
            }
        }
    }
    assert!(
        checked > 0,
        "no configs found under {}/get-distribution*",
        real.display()
    );
    assert!(
        failures.is_empty(),
        "CloudFront accepted these configs, so the schema must too:\n{}",
        failures.join("\n")
    );
    println!("{checked} CloudFront-returned configs: no schema errors");
}

/// Informational: prints what the schema says about the hand-written corpora (`--nocapture`).
#[test]
fn report_wild_and_handwritten_corpora() {
    let v = validator();
    for dir in [
        "../shared/corpus/wild",
        "../shared/corpus/real/distribution-config",
    ] {
        let dir = root().join(dir);
        println!("== {}", dir.display());
        for file in json_files(&dir) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let doc: Value = match serde_json::from_str(&text) {
                Ok(d) => d,
                Err(e) => {
                    println!("{name}: not JSON ({e})");
                    continue;
                }
            };
            let errs = errors(&v, unwrap_config(&doc));
            if errs.is_empty() {
                println!("{name}: ok");
            } else {
                println!(
                    "{name}: {} error(s)\n    {}",
                    errs.len(),
                    errs.join("\n    ")
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The CloudFormation schema

fn committed_cfn_schema() -> Value {
    let mut schema = read_json(&root().join(CFN_SCHEMA));
    formats::restore_patterns(&mut schema);
    schema
}

fn cfn_validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&committed_cfn_schema())
        .unwrap_or_else(|e| panic!("the CloudFormation schema does not compile: {e}"))
}

/// `Properties.DistributionConfig` of every `AWS::CloudFront::Distribution` of a template.
fn distributions(template: &Value) -> Vec<(String, &Value)> {
    template
        .get("Resources")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, r)| {
            r.get("Type").and_then(Value::as_str) == Some("AWS::CloudFront::Distribution")
        })
        .filter_map(|(name, r)| {
            Some((
                name.clone(),
                r.get("Properties")?.get("DistributionConfig")?,
            ))
        })
        .collect()
}

#[test]
fn committed_cloudformation_schema_is_up_to_date() {
    let resource =
        read_json(&root().join("schemas/cloudformation/aws-cloudfront-distribution.json"));
    let api = committed_schema();
    let mut generated = generate_cfn::generate_with_report(&resource, &api);
    formats::name_patterns(&mut generated.schema);
    let expected = generate_cfn::render(&generated.schema);
    let path = root().join(CFN_SCHEMA);
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run `{REGENERATE_CFN}`",
            path.display()
        )
    });
    if committed != expected {
        let line = committed
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "(length differs)".to_string(),
                |i| format!("line {}", i + 1),
            );
        panic!(
            "{CFN_SCHEMA} is stale (first difference at {line}). Do not edit it by hand: change \
             schemas/cloudformation/aws-cloudfront-distribution.json, generate.rs or the API schema, \
             then run `{REGENERATE_CFN}` and commit the result."
        );
    }
    // Every member of the resource schema has its API counterpart, except the legacy ones; a new
    // name here means a member was renamed (add it to API_PATHS in generate.rs).
    assert_eq!(
        generated.without_api_counterpart,
        [
            "DistributionConfig.S3Origin",
            "LegacyCustomOrigin.DNSName",
            "LegacyS3Origin.DNSName",
            "LegacyS3Origin.OriginAccessIdentity"
        ]
    );
}

#[test]
fn cloudformation_schema_is_valid_draft_2020_12() {
    let schema = committed_cfn_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "the CloudFormation schema fails the draft 2020-12 meta-schema at {}: {e}",
            e.instance_path().as_str()
        );
    }
    let v = cfn_validator();
    let ok = serde_json::json!({
        "Enabled": "true",
        "Aliases": {"Fn::If": ["C", ["a.example.com"], {"Ref": "AWS::NoValue"}]},
        "Origins": [{"Id": "o", "DomainName": {"Fn::GetAtt": ["B", "DomainName"]},
            "CustomOriginConfig": {"HTTPPort": "8080", "OriginProtocolPolicy": "https-only"}}],
        "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": {"Ref": "P"}, "DefaultTTL": "86400",
            "ForwardedValues": {"QueryString": false}}
    });
    assert_eq!(errors(&v, &ok), Vec::<String>::new());
    let mut bad = ok.clone();
    bad["CallerReference"] = "r".into();
    bad["DefaultCacheBehavior"]["ViewerProtocolPolicy"] = "redirect-to-http".into();
    bad["DefaultCacheBehavior"]["ForwardedValues"]["Cookies"] =
        serde_json::json!({"Forward": "None"});
    bad["Origins"][0]["CustomOriginConfig"]["HTTPPort"] = 81.into();
    bad["Origins"][0]["CustomHeaders"] = serde_json::json!([]);
    let errs = errors(&v, &bad);
    for needle in [
        " (/$defs/DistributionConfig/additionalProperties)",
        "/DefaultCacheBehavior/ViewerProtocolPolicy (",
        "/DefaultCacheBehavior/ForwardedValues/Cookies/Forward (",
        "/Origins/0/CustomOriginConfig/HTTPPort (",
        "/Origins/0 (/$defs/Origin/additionalProperties)",
    ] {
        assert!(
            errs.iter().any(|e| e.contains(needle)),
            "no error {needle}: {errs:#?}"
        );
    }
}

#[test]
fn templates_aws_deployed_have_no_schema_errors() {
    if !shared_present() {
        return;
    }
    let v = cfn_validator();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut files = json_files(&root().join("../shared/corpus/cfn"));
    files.extend(json_files(&root().join("../shared/corpus/cfn-yaml")));
    for file in files {
        let template = read_json(&file);
        for (name, config) in distributions(&template) {
            checked += 1;
            let errs = errors(&v, config);
            if !errs.is_empty() {
                failures.push(format!(
                    "{} {name}:\n  {}",
                    file.display(),
                    errs.join("\n  ")
                ));
            }
        }
    }
    assert!(checked >= 45, "only {checked} distributions found");
    assert!(
        failures.is_empty(),
        "CloudFormation deployed these templates, so the schema must accept them:\n{}",
        failures.join("\n")
    );
    println!("{checked} deployed distributions: no schema errors");
}
