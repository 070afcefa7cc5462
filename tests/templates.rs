//! CloudFormation templates, JSON and YAML: every rule that applies to a DistributionConfig applies
//! to the same distribution written as a template, at the mapped place; and what CloudFormation
//! itself does (conditions, parameters, suppressions, computed ids) decides what is reported.

use cloudfront_lint::{lint, Finding, Origin, Outcome, Settings, Source};
use serde_json::{json, Map, Value};
use std::path::Path;

const PREFIX: &str = "/Resources/Distribution/Properties/DistributionConfig";

fn findings(name: &str, text: &str, settings: &Settings) -> Vec<Finding> {
    match lint(
        &Source::new(name, text.as_bytes().to_vec()),
        settings,
        Origin::Named,
    ) {
        Outcome::Linted(f) => f,
        Outcome::Skipped { reason } => panic!("{name}: skipped ({reason})"),
    }
}

fn codes(found: &[Finding]) -> Vec<&'static str> {
    found.iter().map(|f| f.code).collect()
}

/// CloudFormation's names for members the API spells differently.
const RENAMED: [(&str, &str); 6] = [
    ("CustomHeaders", "OriginCustomHeaders"),
    ("OriginSslProtocols", "OriginSSLProtocols"),
    ("ACMCertificateArn", "AcmCertificateArn"),
    ("IAMCertificateId", "IamCertificateId"),
    ("SSLSupportMethod", "SslSupportMethod"),
    ("IsIPV6Enabled", "IPV6Enabled"),
];

/// A DistributionConfig in the API's shape, as CloudFormation takes it: plain arrays for lists
/// (OriginGroups keeps Quantity/Items), CloudFormation's names, no CallerReference.
fn to_cloudformation(value: &Value, under_origin_groups: bool, parent: &str) -> Value {
    match value {
        Value::Object(map) => {
            let is_list =
                map.contains_key("Quantity") && map.keys().all(|k| k == "Quantity" || k == "Items");
            if is_list && !under_origin_groups {
                let items = map
                    .get("Items")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                return Value::Array(
                    items
                        .iter()
                        .map(|v| to_cloudformation(v, false, ""))
                        .collect(),
                );
            }
            let mut out = Map::new();
            for (k, v) in map {
                if k == "CallerReference" {
                    continue;
                }
                let key = match (parent, k.as_str()) {
                    ("GeoRestriction", "Items") => "Locations".to_owned(),
                    _ => RENAMED
                        .iter()
                        .find(|(api, _)| api == k)
                        .map_or(k.clone(), |(_, cfn)| (*cfn).to_owned()),
                };
                out.insert(
                    key,
                    to_cloudformation(v, under_origin_groups || k == "OriginGroups", k),
                );
            }
            Value::Object(out)
        }
        Value::Array(list) => Value::Array(
            list.iter()
                .map(|v| to_cloudformation(v, under_origin_groups, parent))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The pointer a finding at `pointer` (API shape) has in the converted template.
fn mapped(config: &Value, pointer: &str) -> String {
    let mut out = String::from(PREFIX);
    let mut value = Some(config);
    let mut under_groups = false;
    let mut parent = String::new();
    for segment in pointer.split('/').skip(1) {
        let is_list = value.and_then(Value::as_object).is_some_and(|m| {
            m.contains_key("Quantity") && m.keys().all(|k| k == "Quantity" || k == "Items")
        });
        let next = value.and_then(|v| match v {
            Value::Object(m) => m.get(segment),
            Value::Array(l) => segment.parse::<usize>().ok().and_then(|i| l.get(i)),
            _ => None,
        });
        under_groups |= segment == "OriginGroups";
        if !(segment == "Items" && is_list && !under_groups) {
            let renamed = match (parent.as_str(), segment) {
                ("GeoRestriction", "Items") => "Locations",
                _ => RENAMED
                    .iter()
                    .find(|(api, _)| *api == segment)
                    .map_or(segment, |(_, cfn)| cfn),
            };
            out.push('/');
            out.push_str(renamed);
        }
        parent = segment.to_owned();
        value = next;
    }
    out
}

/// A value as block-style YAML (strings double-quoted, as YAML reads JSON's strings).
fn to_yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                out.push_str(&format!("{pad}{}:", serde_json::to_string(k).unwrap()));
                match v {
                    Value::Object(m) if !m.is_empty() => {
                        out.push('\n');
                        to_yaml(v, indent + 2, out);
                    }
                    Value::Array(l) if !l.is_empty() => {
                        out.push('\n');
                        to_yaml(v, indent + 2, out);
                    }
                    _ => {
                        out.push(' ');
                        out.push_str(&v.to_string());
                        out.push('\n');
                    }
                }
            }
        }
        Value::Array(list) if !list.is_empty() => {
            for v in list {
                out.push_str(&format!("{pad}-"));
                match v {
                    Value::Object(m) if !m.is_empty() => {
                        out.push('\n');
                        to_yaml(v, indent + 2, out);
                    }
                    Value::Array(l) if !l.is_empty() => {
                        out.push('\n');
                        to_yaml(v, indent + 2, out);
                    }
                    _ => {
                        out.push(' ');
                        out.push_str(&v.to_string());
                        out.push('\n');
                    }
                }
            }
        }
        other => {
            out.push_str(&format!("{pad}{other}\n"));
        }
    }
}

/// Rules whose fixtures say nothing about templates: about the file (CF001–CF006), about the API's
/// own shape and schema (CF010–CF015, CF101: a template has CloudFormation's schema, checked by its
/// own fixtures, and no Quantity outside OriginGroups), and the update operation (CF017:
/// CloudFormation sends the whole config itself).
const NOT_FOR_TEMPLATES: [&str; 14] = [
    "CF001", "CF002", "CF003", "CF004", "CF005", "CF006", "CF010", "CF011", "CF012", "CF013",
    "CF014", "CF015", "CF017", "CF101",
];

/// What CloudFormation itself does differently, so the rule differs on purpose (its doc says so):
/// (code, fixture) pairs.
const DIFFERENT_IN_TEMPLATES: [(&str, &str); 2] = [
    // CloudFormation fills in a missing MinTTL next to ForwardedValues.
    ("CF303", "*"),
    // CloudFormation drops the legacy TTLs next to a cache policy, as it drops ForwardedValues.
    ("CF302", "fail-legacy-ttls-with-cache-policy.json"),
];

#[test]
fn every_rule_finds_the_same_mistakes_in_a_template_json_and_yaml() {
    let (mut compared, mut with_findings) = (0, 0);
    let mut problems = Vec::new();
    for folder in std::fs::read_dir("fixtures").unwrap() {
        let folder = folder.unwrap().path();
        let code = folder
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .split('-')
            .next()
            .unwrap()
            .to_owned();
        if NOT_FOR_TEMPLATES.contains(&code.as_str()) {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.extension().is_none_or(|e| e != "json") || name.contains("cloudformation") {
                continue;
            }
            if DIFFERENT_IN_TEMPLATES
                .iter()
                .any(|(c, f)| *c == code && (*f == "*" || *f == name))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(doc) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            // Tags live beside the config: the API's DistributionConfigWithTags, a template
            // resource's `Tags` (a plain list).
            let with_tags = doc.get("DistributionConfigWithTags");
            let config = doc
                .get("DistributionConfig")
                .or_else(|| {
                    doc.get("Distribution")
                        .and_then(|d| d.get("DistributionConfig"))
                })
                .or_else(|| with_tags.and_then(|w| w.get("DistributionConfig")))
                .unwrap_or(&doc);
            if config.get("Resources").is_some() {
                continue;
            }
            let settings = Settings::only(&code);
            let api: Vec<(&str, String)> = findings(&name, &text, &settings)
                .iter()
                .map(|f| match f.location.pointer.as_str() {
                    "/DistributionConfigWithTags/Tags" => {
                        (f.code, "/Resources/Distribution/Properties/Tags".to_owned())
                    }
                    at => (f.code, mapped(config, at)),
                })
                .collect();
            let mut template = json!({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Distribution": {
                "Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": to_cloudformation(config, false, "")}}}});
            if let Some(items) = with_tags.and_then(|w| w.get("Tags")?.get("Items")) {
                template["Resources"]["Distribution"]["Properties"]["Tags"] = items.clone();
            }
            let json_text = serde_json::to_string_pretty(&template).unwrap();
            let mut yaml_text = String::from("# converted from a fixture\n");
            to_yaml(&template, 0, &mut yaml_text);
            for (kind, file, body) in [
                ("JSON", "t.json", &json_text),
                ("YAML", "t.yaml", &yaml_text),
            ] {
                let got: Vec<(&str, String)> = findings(file, body, &settings)
                    .iter()
                    .map(|f| (f.code, f.location.pointer.to_string()))
                    .collect();
                if got != api {
                    problems.push(format!("{}/{name} as a {kind} template:\n  API gives      {api:?}\n  template gives {got:?}", folder.display()));
                }
                compared += 1;
                with_findings += usize::from(!api.is_empty());
            }
        }
    }
    assert!(
        compared > 150 && with_findings > 100,
        "only {compared} templates compared, {with_findings} with findings"
    );
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A template's findings, without the security family: these templates are about CloudFormation's
/// mechanics and lack WAF, logging and a certificate on purpose.
fn yaml(text: &str) -> Vec<Finding> {
    let settings = Settings {
        ignore: vec!["CF7".to_owned()],
        ..Settings::default()
    };
    findings("template.yaml", text, &settings)
}

const HEAD: &str = "AWSTemplateFormatVersion: \"2010-09-09\"\n";

fn distribution(config: &str) -> String {
    let indented: String = config.lines().map(|l| format!("        {l}\n")).collect();
    format!("Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n{indented}")
}

const ORIGIN: &str = "Enabled: true\nOrigins:\n  - Id: site\n    DomainName: www.example.com\n    CustomOriginConfig:\n      OriginProtocolPolicy: https-only\n";
const BEHAVIOUR: &str = "DefaultCacheBehavior:\n  TargetOriginId: site\n  ViewerProtocolPolicy: redirect-to-https\n  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n";

#[test]
fn a_finding_in_one_branch_names_its_condition() {
    let text = format!(
        "{HEAD}Parameters:\n  Domain: {{Type: String, Default: ''}}\n  Cert: {{Type: String, Default: ''}}\nConditions:\n  HasDomain: !Not [!Equals [!Ref Domain, '']]\n  HasCert: !Not [!Equals [!Ref Cert, '']]\n{}",
        distribution(&format!("{ORIGIN}{BEHAVIOUR}Aliases: !If [HasDomain, [!Ref Domain], !Ref AWS::NoValue]\nViewerCertificate: !If\n  - HasCert\n  - AcmCertificateArn: !Ref Cert\n    SslSupportMethod: sni-only\n  - !Ref AWS::NoValue\n"))
    );
    let found = yaml(&text);
    assert_eq!(codes(&found), ["CF401"], "{found:#?}");
    let f = &found[0];
    assert!(
        f.message
            .ends_with("(when condition `HasCert` is false and condition `HasDomain` is true)"),
        "{}",
        f.message
    );
    assert_eq!(
        f.location.pointer.as_str(),
        "/Resources/Cdn/Properties/DistributionConfig/Aliases/Fn::If/1"
    );
    // The same template where the certificate comes with the domain: nothing to say.
    let guarded = text.replace(
        "HasCert: !Not [!Equals [!Ref Cert, '']]",
        "HasCert: !Not [!Equals [!Ref Domain, '']]",
    );
    assert_eq!(codes(&yaml(&guarded)), Vec::<&str>::new());
}

#[test]
fn a_whole_config_chosen_by_a_condition_is_checked_in_each_branch() {
    let config = format!("!If\n  - HasDomain\n  - {}\n  - {}", "{Enabled: true, Aliases: [www.example.com], Origins: [{Id: site, DomainName: www.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}], DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6}}", "!Ref AWS::NoValue");
    let text = format!(
        "{HEAD}Parameters:\n  Domain: {{Type: String}}\nConditions:\n  HasDomain: !Not [!Equals [!Ref Domain, '']]\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: {}\n",
        config.replace('\n', "\n        ")
    );
    let found = yaml(&text);
    assert_eq!(codes(&found), ["CF401"], "{found:#?}");
    assert!(
        found[0]
            .message
            .ends_with("(when condition `HasDomain` is true)"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_parameter_default_is_checked_and_the_finding_says_so() {
    let text = format!(
        "{HEAD}Parameters:\n  Price: {{Type: String, Default: PriceClass_300}}\n{}",
        distribution(&format!("{ORIGIN}{BEHAVIOUR}PriceClass: !Ref Price\n"))
    );
    let found = yaml(&text);
    assert_eq!(codes(&found), ["CF013"], "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("(with parameter `Price` at its default \"PriceClass_300\")"),
        "{}",
        found[0].message
    );
    assert_eq!(&text[found[0].location.range.clone()], "!Ref Price");
}

#[test]
fn legacy_settings_on_the_other_branch_of_a_cache_policy_are_fine() {
    let both = "DefaultCacheBehavior:\n  TargetOriginId: site\n  ViewerProtocolPolicy: redirect-to-https\n  CachePolicyId: !If [Modern, 658327ea-f89d-4fab-a63d-7e88639e58f6, !Ref AWS::NoValue]\n  ForwardedValues: !If [Modern, !Ref AWS::NoValue, {QueryString: false}]\n  MinTTL: !If [Modern, !Ref AWS::NoValue, 0]\n";
    let text = format!("{HEAD}Parameters:\n  Region: {{Type: String}}\nConditions:\n  Modern: !Not [!Equals [!Ref Region, cn-north-1]]\n{}", distribution(&format!("{ORIGIN}{both}")));
    assert_eq!(codes(&yaml(&text)), Vec::<&str>::new());
    // Side by side, CloudFormation drops the legacy block without a word: a warning.
    let side_by_side = format!(
        "{HEAD}{}",
        distribution(&format!(
            "{ORIGIN}{BEHAVIOUR}  ForwardedValues: {{QueryString: false}}\n"
        ))
    );
    let found = yaml(&side_by_side);
    assert_eq!(codes(&found), ["CF302"]);
    assert_eq!(found[0].severity, cloudfront_lint::Severity::Warning);
}

#[test]
fn ids_computed_by_the_same_expression_are_the_same_id() {
    let config = "Enabled: true\nOrigins:\n  - Id: !Sub '${Env}-a'\n    DomainName: a.example.com\n    ConnectionAttempts: 1\n    CustomOriginConfig: {OriginProtocolPolicy: https-only, OriginReadTimeout: 10}\n  - Id: !Sub '${Env}-b'\n    DomainName: b.example.com\n    CustomOriginConfig: {OriginProtocolPolicy: https-only}\nOriginGroups:\n  Quantity: 1\n  Items:\n    - Id: !Sub '${Env}-group'\n      FailoverCriteria: {StatusCodes: {Quantity: 2, Items: [502, 503]}}\n      Members:\n        Quantity: 2\n        Items: [{OriginId: !Sub '${Env}-a'}, {OriginId: !Sub '${Env}-b'}]\nDefaultCacheBehavior:\n  TargetOriginId: !Sub '${Env}-group'\n  ViewerProtocolPolicy: redirect-to-https\n  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n  AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n";
    let text = format!(
        "{HEAD}Parameters:\n  Env: {{Type: String}}\n{}",
        distribution(config)
    );
    // The behaviour targets the group (the same !Sub), so POST behind it is found.
    assert_eq!(codes(&yaml(&text)), ["CF205"]);
}

#[test]
fn a_resource_suppresses_rules_by_code_name_or_prefix() {
    let path = Path::new("fixtures/CF005-unknown-suppression/pass-yaml-codes-names-prefixes.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    // Without CF006, which says that two of the three entries suppress nothing (below).
    let quiet = |text: &str| {
        let settings = Settings {
            ignore: vec!["CF7".to_owned(), "CF006".to_owned()],
            ..Settings::default()
        };
        codes(&findings("template.yaml", text, &settings))
    };
    assert_eq!(quiet(&text), Vec::<&str>::new());
    let unsuppressed = text.replace("- unused-origin", "- unused-orign");
    assert_eq!(quiet(&unsuppressed), ["CF005", "CF207"]);
    // A number names no rule either; and a duplicate key (reported from the file, not by a rule
    // on the config) is suppressed like any other finding of the resource.
    let number = text.replace("- unused-origin", "- 207");
    assert_eq!(quiet(&number), ["CF005", "CF207"]);
    let duplicate = text.replace(
        "        Enabled: true\n",
        "        Enabled: true\n        Enabled: true\n",
    );
    assert_eq!(quiet(&duplicate), ["CF004"]);
    assert_eq!(
        quiet(&duplicate.replace("- CF6", "- CF6\n          - CF004")),
        Vec::<&str>::new()
    );
    // CF204 and CF6 take nothing out of this distribution: CF006 says so, at each entry.
    let unused: Vec<(&str, String)> = yaml(&text)
        .iter()
        .map(|f| (f.code, f.location.pointer.to_string()))
        .collect();
    let at = "/Resources/Cdn/Metadata/cloudfront-lint/ignore";
    assert_eq!(
        unused,
        [("CF006", format!("{at}/0")), ("CF006", format!("{at}/2"))]
    );
}

/// A comment in a YAML template suppresses as a Terraform comment does: its line, the line after
/// it, or the resource whose logical id follows it; `#` in a string is text.
#[test]
fn yaml_comments_suppress_lines_and_resources() {
    let config = format!("{ORIGIN}  - Id: spare\n    DomainName: spare.example.com\n    CustomOriginConfig:\n      OriginProtocolPolicy: https-only\n{BEHAVIOUR}DefaultRootObject: /index.html\n");
    let text = format!("{HEAD}{}", distribution(&config));
    assert_eq!(codes(&yaml(&text)), ["CF207", "CF602"]);
    let on_resource = text.replace(
        "  Cdn:\n",
        "  # cloudfront-lint:ignore CF207 the spare is for later\n  Cdn:\n",
    );
    assert_eq!(codes(&yaml(&on_resource)), ["CF602"]);
    let on_line = text.replace(
        "DefaultRootObject: /index.html\n",
        "DefaultRootObject: /index.html # cloudfront-lint:ignore default-root-object-leading-slash\n",
    );
    assert_eq!(codes(&yaml(&on_line)), ["CF207"]);
    let above = text.replace(
        "        DefaultRootObject:",
        "        # cloudfront-lint:ignore CF6\n        DefaultRootObject:",
    );
    assert_eq!(codes(&yaml(&above)), ["CF207"]);
    // In a string, the marker is text; and a code that names no rule is CF005.
    let quoted = text.replace(
        "DefaultRootObject: /index.html\n",
        "DefaultRootObject: \"/index.html # cloudfront-lint:ignore CF602\"\n",
    );
    assert_eq!(codes(&yaml(&quoted)), ["CF207", "CF602"]);
    let unknown = text.replace("  Cdn:\n", "  # cloudfront-lint:ignore CF2O7\n  Cdn:\n");
    assert_eq!(codes(&yaml(&unknown)), ["CF005", "CF207", "CF602"]);
}

#[test]
fn messages_in_a_template_use_cloudformation_names() {
    let text = format!(
        "{HEAD}{}",
        distribution(&format!("{ORIGIN}{BEHAVIOUR}Aliases: [www.example.com]\n"))
    );
    let found = yaml(&text);
    assert_eq!(codes(&found), ["CF401"]);
    let help = found[0].help.as_deref().unwrap();
    assert!(
        help.contains("AcmCertificateArn")
            && help.contains("SslSupportMethod")
            && !help.contains("SSLSupportMethod"),
        "{help}"
    );
}
