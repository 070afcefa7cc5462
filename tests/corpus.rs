//! The tool over real inputs nobody here wrote (`../shared/corpus`, never copied or edited):
//! no crash anywhere, no error on what CloudFront accepted, an error on what it rejects.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::shared_present;

const CORPUS: &str = "../shared/corpus";

/// Runs the binary over a folder and returns each file's findings as (code, severity).
fn lint_folder(folder: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let dir = Path::new(CORPUS).join(folder);
    assert!(
        dir.is_dir(),
        "{} is missing: the tests read the shared corpus beside the project",
        dir.display()
    );
    let mut by_file = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        if path.extension().is_none_or(|e| e == "md") {
            continue;
        }
        let o = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let code = o.status.code();
        assert!(
            matches!(code, Some(0) | Some(1)),
            "{}: exit {code:?}\n{}",
            path.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{}: output is not JSON: {e}", path.display()));
        let findings = v["findings"].as_array().expect("a findings list").iter();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        by_file.insert(
            name,
            findings
                .map(|f| {
                    (
                        f["code"].as_str().unwrap().to_owned(),
                        f["severity"].as_str().unwrap().to_owned(),
                    )
                })
                .collect(),
        );
    }
    assert!(!by_file.is_empty(), "no files in {folder}");
    by_file
}

fn errors(findings: &[(String, String)]) -> Vec<&str> {
    findings
        .iter()
        .filter(|(_, s)| s == "error")
        .map(|(c, _)| c.as_str())
        .collect()
}

#[test]
fn configs_cloudfront_returned_give_no_error() {
    if !shared_present() {
        return;
    }
    for folder in ["real/get-distribution", "real/get-distribution-config"] {
        for (file, findings) in lint_folder(folder) {
            assert!(
                errors(&findings).is_empty(),
                "{folder}/{file}: {findings:?}"
            );
        }
    }
}

#[test]
fn cli_input_examples_never_crash() {
    if !shared_present() {
        return;
    }
    lint_folder("real/distribution-config");
}

#[test]
fn cloudformation_templates_aws_deployed_give_no_error() {
    if !shared_present() {
        return;
    }
    for (file, findings) in lint_folder("cfn") {
        assert!(errors(&findings).is_empty(), "cfn/{file}: {findings:?}");
    }
}

/// The wild corpus, scored as its README says: an error on every file the AWS CLI's parameter
/// check rejects (SOURCES.md) or that a careful reading found CloudFront rejects (FINDINGS.md),
/// and no error where the reading found nothing.
#[test]
fn wild_configs_are_judged_as_a_careful_reader_would() {
    if !shared_present() {
        return;
    }
    let results = lint_folder("wild");
    let sources = std::fs::read_to_string(Path::new(CORPUS).join("wild/SOURCES.md")).unwrap();
    let findings_md = std::fs::read_to_string(Path::new(CORPUS).join("wild/FINDINGS.md")).unwrap();
    let cli_rejects: Vec<&str> = table_rows(&sources)
        .filter(|r| r.last().is_some_and(|c| c.starts_with("rejected")))
        .map(|r| r[0])
        .collect();
    let clean: Vec<&str> = table_rows(&findings_md)
        .filter(|r| r.last().is_some_and(|c| c.starts_with("none")))
        .map(|r| r[0])
        .collect();
    // Rows of FINDINGS.md where the reading found something the API rejects.
    let api_rejects = [
        "chuliyu-chainy-web-cloudfront-config-updated.json",
        "comdaze-openmcpskills-setup-cloudfront-sh.json",
        "cryptogramllc-squibturf-website-cloudfront-http-fix.json",
        "felipeqga-bia-guia-resiliencia-multi-regiao.json",
        "mzazon-awesome-cloud-projects-intelligent-traffic-routing-deploy-sh.json",
        "oncore-health-interview-current-distribution-config.json",
        "toole-brendan-oscarmike-current-cloudfront-config.json",
        "toole-brendan-oscarmike-update-cloudfront-api.json",
    ];
    assert!(
        cli_rejects.len() >= 5 && clean.len() >= 15,
        "tables not read: {cli_rejects:?} {clean:?}"
    );
    let mut problems = Vec::new();
    for file in cli_rejects.iter().chain(&api_rejects) {
        let found = results
            .get(*file)
            .unwrap_or_else(|| panic!("{file} not in the corpus"));
        if errors(found).is_empty() {
            problems.push(format!("{file}: rejected by AWS, but no error ({found:?})"));
        }
    }
    for file in &clean {
        let found = &results[*file];
        if !errors(found).is_empty() {
            problems.push(format!(
                "{file}: nothing wrong, but errors {:?}",
                errors(found)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Real CloudFormation in YAML (and two JSON templates), scored by the verdicts of its README: read
/// every file, no error where CloudFormation and CloudFront accept it (clean, misbehaves), an error
/// where a deployment fails (rejected). `unsure` files are only read.
#[test]
fn cloudformation_yaml_templates_are_judged_as_their_readme_says() {
    if !shared_present() {
        return;
    }
    let results = lint_folder("cfn-yaml");
    let readme = std::fs::read_to_string(Path::new(CORPUS).join("cfn-yaml/README.md")).unwrap();
    let verdicts: Vec<(&str, &str)> = readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            Some((
                cells.first()?.trim_matches('`'),
                cells.get(5)?.trim_matches('*'),
            ))
        })
        .collect();
    assert_eq!(
        verdicts.len(),
        results.len(),
        "every file has a verdict: {verdicts:?}"
    );
    let mut problems = Vec::new();
    for (file, verdict) in verdicts {
        let found = results
            .get(file)
            .unwrap_or_else(|| panic!("{file} not in the corpus"));
        match verdict {
            "clean" | "misbehaves" if !errors(found).is_empty() => {
                problems.push(format!("{file} ({verdict}): errors {:?}", errors(found)))
            }
            // Its only mistake is a log bucket without OwnershipControls, whose ACLs depend on when S3
            // created it (CF604's doc): a warning, since a template AWS accepted (corpus/cfn) has the
            // same bucket and no error may fall on it.
            "rejected" if file == "korostelevm-serverless-boilerplate-cloudfront.yaml" => {
                if !found.iter().any(|(c, s)| c == "CF604" && s == "warning") {
                    problems.push(format!("{file} (rejected): no CF604 warning ({found:?})"));
                }
            }
            "rejected" if errors(found).is_empty() => {
                problems.push(format!("{file} (rejected): no error ({found:?})"))
            }
            "clean" | "misbehaves" | "rejected" | "unsure" => {}
            other => problems.push(format!("{file}: unknown verdict {other}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Data rows of the Markdown tables in `text`, as trimmed cells (file names without backticks).
fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| l.starts_with("| ") && l.contains(".json"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`'))
                .collect()
        })
}

/// Real Terraform, scored by the verdicts of its README (clean: no error; rejected: an error;
/// mistake: a warning or an error), each for the reason the README gives: the rule that says it.
#[test]
fn terraform_files_are_judged_as_their_readme_says() {
    if !shared_present() {
        return;
    }
    let results = lint_folder("terraform");
    let readme = std::fs::read_to_string(Path::new(CORPUS).join("terraform/README.md")).unwrap();
    let verdicts: Vec<(&str, &str)> = readme
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(".tf |"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            Some((*cells.first()?, *cells.get(1)?))
        })
        .collect();
    assert_eq!(
        verdicts.len(),
        results.len(),
        "every file has a verdict: {verdicts:?}"
    );
    // The rule that states the README's reason, per file that is not clean.
    let reasons: BTreeMap<&str, &str> = [
        (
            "aayush1512jais-terraform-s3-ha-static-web-serverless-app-global-cloudfront.tf",
            "CF320",
        ),
        (
            "shawn-exe-multi-region-ha-web-platform-modules-cdn-main.tf",
            "CF205",
        ),
        (
            "qaysalnajjad-aws-multi-region-wordpress-dr-modules-cdn-dns-main.tf",
            "CF204",
        ),
        ("jpdrawneek-test7-terraform-cloudfront.tf", "CF011"),
        (
            "mbacchi-lambda-edge-cloudfront-terraform-terraform-main.tf",
            "CF320",
        ),
        (
            "johnmuth-terraform-cloudfront-ecs-s3-cloudfront-ecs-s3-aws-cloudfront.tf",
            "CF320",
        ),
        (
            "cmaxwellau-terraform-cloudfront-failover-cloudfront-demo-website.tf",
            "CF001",
        ),
        (
            "nhatanh2709-terraform-cloudfront-lambda-ab-testing-cloudfront.tf",
            "CF207",
        ),
        (
            "1ahmedharris-k8s-microservices-terraform-cloudfront.tf",
            "CF001",
        ),
        (
            "sahil-dotcom-aws-wordpress-app-enhanced-with-cloudf-modules-cdn-main.tf",
            "CF602",
        ),
        (
            "stakpak-terraform-aws-nextjs-opennext-cloudfront.tf",
            "CF306",
        ),
    ]
    .into_iter()
    .collect();
    let mut problems = Vec::new();
    for (file, verdict) in verdicts {
        let found = results
            .get(file)
            .unwrap_or_else(|| panic!("{file} not in the corpus"));
        let fired = |severities: &[&str]| {
            reasons.get(file).is_some_and(|code| {
                found
                    .iter()
                    .any(|(c, s)| c == code && severities.contains(&s.as_str()))
            })
        };
        match verdict {
            "clean" if !errors(found).is_empty() => {
                problems.push(format!("{file} (clean): errors {:?}", errors(found)))
            }
            "rejected" if !fired(&["error"]) => problems.push(format!(
                "{file} (rejected): no {} error ({found:?})",
                reasons.get(file).unwrap_or(&"?")
            )),
            "mistake" if !fired(&["warning", "error"]) => problems.push(format!(
                "{file} (mistake): no {} warning ({found:?})",
                reasons.get(file).unwrap_or(&"?")
            )),
            "clean" | "rejected" | "mistake" => {}
            other => problems.push(format!("{file}: unknown verdict {other}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
