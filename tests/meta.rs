//! The project's own conventions: every rule has its doc, its fixtures, and docs whose examples
//! do what they say (the bad one gives the rule, the good one gives nothing at warning or above).

use cloudfront_lint::rules::REGISTRY;
use cloudfront_lint::{lint, Origin, Outcome, Settings, Severity, Source};
use std::path::Path;

/// Rules about the file itself that no fixture file can show (an unreadable file).
const NO_FIXTURE: [&str; 1] = ["CF003"];

#[test]
fn registry_is_ordered_and_names_are_kebab_case() {
    let codes: Vec<&str> = REGISTRY.iter().map(|r| r.meta().code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be unique and in order");
    for rule in REGISTRY {
        let m = rule.meta();
        assert!(
            m.code.len() == 5
                && m.code.starts_with("CF")
                && m.code[2..].bytes().all(|b| b.is_ascii_digit()),
            "{}",
            m.code
        );
        assert!(
            m.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            m.name
        );
        assert!(
            !m.summary.ends_with('.'),
            "{}: summaries have no trailing period",
            m.code
        );
    }
}

#[test]
fn every_rule_has_its_doc_with_the_required_sections() {
    for rule in REGISTRY {
        let m = rule.meta();
        let path = format!("rules/{}-{}.md", m.code, m.name);
        let doc = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} is missing"));
        assert_eq!(doc, m.doc, "{path}: the embedded doc differs from the file");
        assert!(
            doc.starts_with(&format!("# {} {}\n", m.code, m.name)),
            "{path}: title"
        );
        assert!(
            doc.contains(&format!("Severity: {}", m.severity.as_str())),
            "{path}: severity line"
        );
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## References",
        ] {
            assert!(
                doc.contains(&format!("\n{heading}\n")),
                "{path}: no `{heading}` section"
            );
        }
        let references = section(&doc, "## References").unwrap();
        assert!(
            references.contains("https://"),
            "{path}: References must link its sources"
        );
    }
    for entry in std::fs::read_dir("rules").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        // The coverage tables (tests/coverage.rs and tests/meta.rs keep them true).
        if name == "COVERAGE.md" {
            continue;
        }
        assert!(
            REGISTRY
                .iter()
                .any(|r| name == format!("{}-{}.md", r.meta().code, r.meta().name)),
            "rules/{name} belongs to no rule"
        );
    }
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    for rule in REGISTRY {
        let m = rule.meta();
        if NO_FIXTURE.contains(&m.code) {
            continue;
        }
        let dir = format!("fixtures/{}-{}", m.code, m.name);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("{dir} is missing"))
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("fail-")),
            "{dir}: no fail-* fixture"
        );
        assert!(
            names.iter().any(|n| n.starts_with("pass-")),
            "{dir}: no pass-* fixture"
        );
    }
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            REGISTRY
                .iter()
                .any(|r| name == format!("{}-{}", r.meta().code, r.meta().name)),
            "fixtures/{name} belongs to no rule"
        );
    }
}

#[test]
fn doc_examples_behave() {
    for rule in REGISTRY {
        let m = rule.meta();
        let bad = section(m.doc, "## Example").and_then(first_json_block);
        let good = section(m.doc, "## Use instead").and_then(first_json_block);
        if NO_FIXTURE.contains(&m.code) {
            assert!(
                bad.is_none() && good.is_none(),
                "{}: no JSON examples expected",
                m.code
            );
            continue;
        }
        let (bad, good) = (
            bad.unwrap_or_else(|| panic!("{}: no bad example", m.code)),
            good.unwrap_or_else(|| panic!("{}: no good example", m.code)),
        );
        // A rule off by default is shown with it turned on, as its doc says to run it.
        let found = findings(bad, m.code);
        assert!(
            found.iter().any(|(c, _)| *c == m.code),
            "{}: the bad example gives {found:?}",
            m.code
        );
        let found = findings(good, m.code);
        assert!(
            found.iter().all(|(_, s)| *s < Severity::Warning),
            "{}: the good example gives {found:?}",
            m.code
        );
    }
}

fn findings(json: &str, code: &str) -> Vec<(&'static str, Severity)> {
    let source = Source::new("example.json", json.as_bytes().to_vec());
    let settings = Settings {
        extend_select: vec![code.to_owned()],
        ..Settings::default()
    };
    match lint(&source, &settings, Origin::Named) {
        Outcome::Linted(f) => f.iter().map(|f| (f.code, f.severity)).collect(),
        Outcome::Skipped { reason } => panic!("skipped: {reason}"),
    }
}

/// The text from `heading` to the next `## ` heading.
fn section<'d>(doc: &'d str, heading: &str) -> Option<&'d str> {
    let start = doc.find(&format!("\n{heading}\n"))? + heading.len() + 2;
    let rest = &doc[start..];
    Some(&rest[..rest.find("\n## ").unwrap_or(rest.len())])
}

fn first_json_block(text: &str) -> Option<&str> {
    let start = text.find("```json\n")? + "```json\n".len();
    let end = text[start..].find("\n```")?;
    Some(&text[start..start + end + 1])
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new("README.md")).unwrap();
    for rule in REGISTRY {
        let m = rule.meta();
        assert!(
            readme.contains(&format!("[{}](rules/{}-{}.md)", m.code, m.code, m.name)),
            "README.md does not list {}",
            m.code
        );
    }
}

/// `rules/COVERAGE.md` names only rules that exist, and every control a rule declares appears in
/// its security table on the row of that rule.
#[test]
fn coverage_table_matches_the_rules() {
    let coverage = std::fs::read_to_string("rules/COVERAGE.md").unwrap();
    let start = coverage
        .find("## Security controls")
        .expect("a `## Security controls` section");
    let security = &coverage[start..];
    let security = &security[..security[1..]
        .find("\n## ")
        .map_or(security.len(), |i| i + 1)];
    for (i, _) in security.match_indices("CF") {
        let code = &security[i..];
        if code.len() >= 5 && code.as_bytes()[2..5].iter().all(u8::is_ascii_digit) {
            let code = &code[..5];
            assert!(
                REGISTRY.iter().any(|r| r.meta().code == code),
                "COVERAGE.md names {code}, which is no rule"
            );
        }
    }
    for rule in REGISTRY {
        let m = rule.meta();
        for control in m.controls {
            let row = security
                .lines()
                .find(|l| l.starts_with(&format!("| {control} |")))
                .unwrap_or_else(|| panic!("COVERAGE.md has no row for {control} ({})", m.code));
            assert!(
                row.contains(m.code),
                "COVERAGE.md's row for {control} does not name {}",
                m.code
            );
        }
    }
}
