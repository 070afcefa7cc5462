//! Every fixture, linted with only its folder's rule: `fail-*` must give that rule, `pass-*` must
//! not, and the rendered output must match the snapshot beside the tests (review with `cargo insta review`).

use cloudfront_lint::render::{text, FileResult};
use cloudfront_lint::{lint, Origin, Outcome, Settings, Source};
use std::path::Path;

/// Rules about the other rules' findings (CF006: a suppression that took none out) judge nothing
/// alone: their fixtures are linted with every rule on by default, and show their own findings.
const WITH_EVERY_RULE: [&str; 1] = ["CF006"];

fn lint_fixture(path: &Path) -> (String, FileResult, String) {
    let folder = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let code = folder.split('-').next().unwrap().to_owned();
    let relative = format!(
        "fixtures/{folder}/{}",
        path.file_name().unwrap().to_str().unwrap()
    );
    let source = Source::new(relative, std::fs::read(path).unwrap());
    let every_rule = WITH_EVERY_RULE.contains(&code.as_str());
    let settings = match every_rule {
        true => Settings {
            extend_select: vec![code.clone()],
            ..Settings::default()
        },
        false => Settings::only(&code),
    };
    let mut findings = match lint(&source, &settings, Origin::Named) {
        Outcome::Linted(findings) => findings,
        Outcome::Skipped { reason } => panic!("{}: skipped ({reason})", path.display()),
    };
    if every_rule {
        findings.retain(|f| f.code == code);
    }
    let result = FileResult::new(&source, findings);
    let rendered = text::render_file(&result, &source.text, false);
    (code, result, rendered)
}

#[test]
fn fixtures() {
    insta::glob!("../fixtures", "*/*.{json,yaml,tf}", |path| {
        let (code, result, rendered) = lint_fixture(path);
        let name = path.file_name().unwrap().to_str().unwrap();
        let fired = result.findings.iter().filter(|f| f.code == code).count();
        if name.starts_with("fail-") {
            assert!(
                fired > 0,
                "{}: expected a {code} finding, got none",
                path.display()
            );
        } else {
            assert!(
                name.starts_with("pass-"),
                "{}: fixture names start with fail- or pass-",
                path.display()
            );
            assert_eq!(
                fired,
                0,
                "{}: expected no {code} finding, got:\n{rendered}",
                path.display()
            );
        }
        insta::assert_snapshot!(rendered);
    });
}

/// A safe fix, applied, makes its finding go away and leaves valid JSON.
#[test]
fn safe_fixes_resolve_their_finding() {
    let mut applied = 0;
    for entry in std::fs::read_dir("fixtures/CF101-quantity-mismatch").unwrap() {
        let path = entry.unwrap().path();
        let (code, result, _) = lint_fixture(&path);
        let mut text = std::fs::read_to_string(&path).unwrap();
        let mut edits: Vec<_> = result
            .findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .flat_map(|f| f.edits.clone())
            .collect();
        if edits.is_empty() {
            continue;
        }
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        for edit in edits {
            text.replace_range(edit.range, &edit.content);
            applied += 1;
        }
        serde_json::from_str::<serde_json::Value>(&text).expect("fixed text is JSON");
        let source = Source::new("fixed.json", text.into_bytes());
        let Outcome::Linted(after) = lint(&source, &Settings::only(&code), Origin::Named) else {
            panic!()
        };
        let remaining: Vec<_> = after.iter().filter(|f| f.fix.is_some()).collect();
        assert!(
            remaining.is_empty(),
            "{}: fix left {remaining:?}",
            path.display()
        );
    }
    assert!(applied >= 3, "expected fixes to apply, applied {applied}");
}

/// A `pass-*` fixture is a well-formed config apart from what its folder is about: the schema
/// rules find nothing structural in it (the schema and the fixtures agree).
#[test]
fn passing_fixtures_are_structurally_valid() {
    let structural = ["CF010", "CF011", "CF012", "CF013", "CF014", "CF015"];
    for entry in walkdir::WalkDir::new("fixtures")
        .into_iter()
        .map(Result::unwrap)
    {
        let path = entry.path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if !name.starts_with("pass-") {
            continue;
        }
        let source = Source::new(path.display().to_string(), std::fs::read(path).unwrap());
        let Outcome::Linted(findings) = lint(&source, &Settings::default(), Origin::Named) else {
            panic!()
        };
        let found: Vec<_> = findings
            .iter()
            .filter(|f| structural.contains(&f.code))
            .map(|f| (f.code, &f.message))
            .collect();
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
}

/// An invented `Weight` is one mistake: CF206 says why it is there, as an error, and the schema's
/// generic unknown member gives way to it.
#[test]
fn an_invented_weight_is_one_finding() {
    let path = Path::new("fixtures/CF206-expects-active-active/fail-member-weights.json");
    let source = Source::new("weights.json", std::fs::read(path).unwrap());
    let Outcome::Linted(findings) = lint(&source, &Settings::default(), Origin::Named) else {
        panic!()
    };
    let weights: Vec<_> = findings
        .iter()
        .filter(|f| f.location.pointer.as_str().ends_with("/Weight"))
        .map(|f| (f.code, f.severity))
        .collect();
    assert!(!weights.is_empty());
    assert!(
        weights
            .iter()
            .all(|w| *w == ("CF206", cloudfront_lint::Severity::Error)),
        "{weights:?}"
    );
}

/// Lints `text` as `name` with only `code`, applies the fixes (`unsafe_fixes` too, when asked),
/// and gives the new text (`None`: no fix applied) and what `code` still finds in it.
fn fixed(name: &str, text: &str, code: &str, unsafe_fixes: bool) -> (Option<String>, usize) {
    let lint_text = |text: &str| {
        let source = Source::new(name, text.as_bytes().to_vec());
        match lint(&source, &Settings::only(code), Origin::Named) {
            Outcome::Linted(findings) => findings,
            Outcome::Skipped { reason } => panic!("{name}: skipped ({reason})"),
        }
    };
    let findings = lint_text(text);
    let Some((after, _)) = cloudfront_lint::fix::apply(text, &findings, unsafe_fixes) else {
        return (None, findings.len());
    };
    let left = lint_text(&after);
    assert!(left.iter().all(|f| f.code != "CF001"), "{name}: {after}");
    (Some(after), left.len())
}

/// CF602's safe fix in each syntax: the slash goes, the value stays written as it was quoted; a
/// value that is a parameter's default or a variable's is not written there, so it has no fix.
#[test]
fn leading_slash_fix_in_yaml_and_terraform() {
    let yaml = "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultRootObject: /index.html\n";
    let (after, left) = fixed("t.yaml", yaml, "CF602", false);
    assert_eq!(
        after.as_deref(),
        Some(yaml.replace("/index.html", "\"index.html\"").as_str())
    );
    assert_eq!(left, 0);
    let parameter = "Parameters:\n  Root:\n    Type: String\n    Default: /index.html\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultRootObject: !Ref Root\n";
    assert_eq!(fixed("t.yaml", parameter, "CF602", true), (None, 1));
    let hcl = "resource \"aws_cloudfront_distribution\" \"cdn\" {\n  enabled             = true\n  default_root_object = \"/index.html\"\n}\n";
    let (after, left) = fixed("main.tf", hcl, "CF602", false);
    assert_eq!(
        after.as_deref(),
        Some(hcl.replace("\"/index.html\"", "\"index.html\"").as_str())
    );
    assert_eq!(left, 0);
    let variable = format!(
        "variable \"root\" {{\n  default = \"/index.html\"\n}}\n{}",
        hcl.replace("\"/index.html\"", "var.root")
    );
    assert_eq!(fixed("main.tf", &variable, "CF602", true), (None, 1));
}

/// A "did you mean" fix in Terraform writes the provider's argument name; in YAML a plain value
/// stays plain; applied twice, the second time changes nothing.
#[test]
fn did_you_mean_fixes_in_terraform_and_yaml() {
    let hcl = "resource \"aws_cloudfront_distribution\" \"cdn\" {\n  enabled = true\n  default_root_objet = \"index.html\"\n}\n";
    let (after, _) = fixed("main.tf", hcl, "CF010", true);
    let after = after.expect("a fix");
    assert!(
        after.contains("  default_root_object = \"index.html\""),
        "{after}"
    );
    assert_eq!(fixed("main.tf", &after, "CF010", true).0, None);
    let yaml = "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        PriceClass: PriceClass_Al\n        HttpVersion: 'http2and'\n";
    let (after, left) = fixed("t.yaml", yaml, "CF013", true);
    let after = after.expect("a fix");
    assert!(after.contains("PriceClass: PriceClass_All\n"), "{after}");
    assert_eq!(left, 0, "{after}");
    assert_eq!(fixed("t.yaml", &after, "CF013", true).0, None);
}

/// A DistributionConfig in YAML (no template around it) takes the same comments: at the end of a
/// line, or on the line before one.
#[test]
fn a_yaml_api_config_takes_suppression_comments() {
    let text = "CallerReference: r\nComment: \"\"\nEnabled: true\nDefaultRootObject: /index.html # cloudfront-lint:ignore CF602\nOrigins:\n  Quantity: 1\n  Items:\n    - Id: site\n      DomainName: www.example.com\n      CustomOriginConfig: {HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: https-only}\nDefaultCacheBehavior:\n  # cloudfront-lint:ignore CF102, CF301\n  TargetOriginId: sites\n  ViewerProtocolPolicy: redirect-to-https\n  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n";
    let settings = Settings {
        ignore: vec!["CF7".to_owned(), "CF223".to_owned()],
        ..Settings::default()
    };
    let Outcome::Linted(found) = lint(
        &Source::new("dist.yaml", text.as_bytes().to_vec()),
        &settings,
        Origin::Named,
    ) else {
        panic!()
    };
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.code, &text[f.location.range.clone()]))
        .collect();
    assert_eq!(found, [("CF207", "site"), ("CF006", "CF301")]);
}
