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
                escape_data(&match &f.help {
                    Some(help) => format!("{}: {}\nhelp: {help}", f.code, f.message),
                    None => format!("{}: {}", f.code, f.message),
                }),
            ));
        }
    }
    out
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
