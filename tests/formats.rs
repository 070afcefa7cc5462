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
}
