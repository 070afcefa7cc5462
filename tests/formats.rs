//! Machine-readable outputs are valid: SARIF against the OASIS SARIF 2.1.0 schema, GitHub
//! annotations in the workflow-command form, JSON as the contract.

use std::process::Command;

mod support;
use support::shared_present;

fn output(format: &str, paths: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
        .args(["check", "--format", format])
        .args(paths)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    if !shared_present() {
        return;
    }
    let text = std::fs::read_to_string("../shared/reference/sarif-schema-2.1.0.json")
        .expect("the SARIF schema in ../shared/reference");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .expect("the SARIF schema compiles");
    // Every rule's fixtures at once: every kind of finding, labels and fixes included.
    let sarif = output("sarif", &["fixtures"]);
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject what SARIF does not allow (so this test can fail).
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    assert!(run["results"].as_array().unwrap().len() > 50);
    // Each rule links its page, carries it as help, and describes itself in a paragraph.
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let meta = cloudfront_lint::rules::find(id).unwrap().meta();
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://github.com/cloudfront-lint/cloudfront-lint/blob/main/rules/{id}-{}.md",
                meta.name
            )
        );
        assert_eq!(rule["help"]["markdown"], meta.doc);
        let text = rule["help"]["text"].as_str().unwrap();
        assert!(text.starts_with(&format!("{id} {}\n", meta.name)), "{text}");
        assert!(!text.contains("```"), "{text}");
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(
            !full.is_empty() && !full.contains('\n') && full.len() < meta.doc.len() / 2,
            "{id}: {full}"
        );
    }
    let cf204 = rules.iter().find(|r| r["id"] == "CF204").unwrap();
    assert_eq!(
        cf204["fullDescription"]["text"],
        "For every origin group, looks at each of 400, 403, 404 and 416 in \
         `FailoverCriteria.StatusCodes` and at the primary (the first member):"
    );
    // Results keep the finding's help, and a security rule's controls as tags.
    let results = run["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["message"]["text"]
        .as_str()
        .unwrap()
        .contains(" (help: set Quantity to ")));
    let cf701 = results.iter().find(|r| r["ruleId"] == "CF701").unwrap();
    assert!(cf701["properties"]["tags"]
        .as_array()
        .unwrap()
        .contains(&"CloudFront.3".into()));
}

#[test]
fn github_annotations_are_one_command_per_finding() {
    let json: serde_json::Value = serde_json::from_str(&output("json", &["fixtures"])).unwrap();
    let github = output("github", &["fixtures"]);
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), json["findings"].as_array().unwrap().len());
    for line in lines {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",endColumn=") && line.contains("::CF"),
            "{line}"
        );
    }
    // The help and a security rule's controls, on lines of their own.
    let cf701 = github
        .lines()
        .find(|l| l.contains("(CF701)"))
        .expect("a CF701 annotation");
    assert!(cf701.contains("%0Ahelp: "), "{cf701}");
    assert!(cf701.contains("%0Acontrols: CloudFront.3, "), "{cf701}");
}
