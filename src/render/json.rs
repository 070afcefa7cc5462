//! The JSON output: the contract editors and CI read (DESIGN.md). Keep it stable.

use super::{FileResult, Summary};
use crate::source::Position;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    pointer: &'a str,
    range: JsonRange,
    labels: Vec<JsonLabel<'a>>,
    fix: Option<JsonFix<'a>>,
    /// The control ids the finding's rule implements (additive: only for rules that have some).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    controls: &'static [&'static str],
}

#[derive(Serialize)]
struct JsonRange {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    pointer: &'a str,
    range: OffsetRange,
}

#[derive(Serialize)]
struct OffsetRange {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    range: OffsetRange,
    content: &'a str,
}

pub fn render(results: &[&FileResult], summary: &Summary) -> String {
    let mut findings = Vec::new();
    for result in results {
        for (f, (start, end)) in result.findings.iter().zip(&result.positions) {
            findings.push(JsonFinding {
                file: &result.path,
                code: f.code,
                name: f.name,
                severity: f.severity.as_str(),
                message: &f.message,
                help: f.help.as_deref(),
                pointer: f.location.pointer.as_str(),
                range: JsonRange {
                    start: *start,
                    end: *end,
                },
                labels: f
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        message: &l.message,
                        pointer: l.location.pointer.as_str(),
                        range: OffsetRange {
                            start: l.location.range.start,
                            end: l.location.range.end,
                        },
                    })
                    .collect(),
                fix: f.fix.as_ref().map(|fix| JsonFix {
                    title: &fix.title,
                    applicability: fix.applicability_str(),
                    edits: fix
                        .edits
                        .iter()
                        .map(|e| JsonEdit {
                            range: OffsetRange {
                                start: e.range.start,
                                end: e.range.end,
                            },
                            content: &e.content,
                        })
                        .collect(),
                }),
                controls: crate::rules::controls_of(f.code),
            });
        }
    }
    let output = Output {
        version: 1,
        findings,
        summary: *summary,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("plain data serialises");
    text.push('\n');
    text
}
