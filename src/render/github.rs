//! GitHub Actions workflow commands: one annotation line per finding.

use super::FileResult;
use crate::finding::Severity;

pub fn render(results: &[&FileResult]) -> String {
    let mut out = String::new();
    for result in results {
        for (f, (start, end)) in result.findings.iter().zip(&result.positions) {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{level} title={},file={},line={},col={},endLine={},endColumn={}::{}\n",
                escape_property(&format!("cloudfront-lint ({})", f.code)),
                escape_property(&result.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_data(&message(f)),
            ));
        }
    }
    out
}

/// The annotation's text: the message, then the help and the controls the rule implements on
/// lines of their own.
fn message(f: &crate::finding::Finding) -> String {
    let mut text = format!("{}: {}", f.code, f.message);
    if let Some(help) = &f.help {
        text.push_str(&format!("\nhelp: {help}"));
    }
    let controls = crate::rules::controls_of(f.code);
    if !controls.is_empty() {
        text.push_str(&format!("\ncontrols: {}", controls.join(", ")));
    }
    text
}

/// Escaping of GitHub's workflow command data (the message).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of GitHub's workflow command properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
