//! Text output in rustc's shape, drawn by annotate-snippets.

use super::{FileResult, Summary};
use crate::finding::{Finding, Severity};
use crate::source::LineIndex;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Renders every finding of one file. `text` is the file's text.
pub fn render_file(result: &FileResult, text: &str, color: bool) -> String {
    if result.findings.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(text);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for (finding, (start, _)) in result.findings.iter().zip(&result.positions) {
        // A renderer bug must not take the run down: fall back to a one-line form.
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            renderer.render(&report(finding, &result.path, text, &index))
        }))
        .unwrap_or_else(|_| {
            format!(
                "{}[{}]: {}\n  --> {}:{}:{}",
                finding.severity.as_str(),
                finding.code,
                finding.message,
                result.path,
                start.line,
                start.column
            )
        });
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
}

/// One finding as annotate-snippets groups, given only the lines its spans cover (the
/// renderer's cost grows with the text it is handed).
fn report<'a>(
    finding: &'a Finding,
    path: &'a str,
    text: &'a str,
    index: &LineIndex,
) -> Vec<Group<'a>> {
    let ranges = std::iter::once(&finding.location.range)
        .chain(finding.labels.iter().map(|l| &l.location.range));
    let (mut first, mut last) = (usize::MAX, 0);
    for r in ranges {
        first = first.min(index.position(text, r.start).line);
        last = last.max(index.position(text, r.end).line);
    }
    let start = index.line_start(first);
    let end = index.line_end(text, last).max(start);
    let window = &text[start..end];
    // Spans inside the window and on character boundaries (annotate-snippets asserts both).
    let clamp = |r: &std::ops::Range<usize>| {
        let mut s = r.start.clamp(start, end) - start;
        while !window.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = (r.end.clamp(start, end) - start).max(s);
        while !window.is_char_boundary(e) {
            e += 1;
        }
        s..e
    };
    let mut snippet = Snippet::source(window)
        .path(path)
        .line_start(first)
        .annotation(AnnotationKind::Primary.span(clamp(&finding.location.range)));
    for label in &finding.labels {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(clamp(&label.location.range))
                .label(label.message.as_str()),
        );
    }
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut title = level
        .primary_title(finding.message.as_str())
        .id(finding.code)
        .element(snippet);
    if let Some(help) = &finding.help {
        title = title.element(Level::HELP.message(help.as_str()));
    }
    let controls = crate::rules::controls_of(finding.code);
    if !controls.is_empty() {
        title = title.element(Level::NOTE.message(format!("controls: {}", controls.join(", "))));
    }
    if let Some(fix) = &finding.fix {
        title = title.element(Level::NOTE.message(format!(
            "fix available ({}): {}",
            fix.applicability_str(),
            fix.title
        )));
    }
    vec![title]
}

/// The closing line.
pub fn render_summary(summary: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if summary.fixed > 0 {
        let remaining = summary.errors + summary.warnings + summary.infos;
        return format!(
            "Fixed {}; {} remaining.\n{}",
            plural(summary.fixed, "finding"),
            remaining,
            render_summary(&Summary {
                fixed: 0,
                ..*summary
            })
        );
    }
    let files = plural(summary.files, "file");
    let skipped = if summary.skipped > 0 {
        format!(", {} skipped (not distribution configs)", summary.skipped)
    } else {
        String::new()
    };
    if summary.files == 0 {
        return format!(
            "Nothing linted: no distribution configs among the inputs ({} skipped).\n",
            summary.skipped
        );
    }
    if summary.errors + summary.warnings + summary.infos == 0 {
        return format!("No findings in {files}{skipped}.\n");
    }
    format!(
        "Found {}, {} and {} in {files}{skipped}.\n",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info")
    )
}
