//! JUnit XML, for CI systems that show test reports: one test case per finding (failed), and one
//! passing case for each file with none.

use super::FileResult;

pub fn render(results: &[&FileResult]) -> String {
    let mut cases = String::new();
    let (mut tests, mut failures) = (0, 0);
    for result in results {
        if result.findings.is_empty() {
            tests += 1;
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"no findings\" file=\"{0}\"/>\n",
                escape(&result.path)
            ));
        }
        for (f, (start, _)) in result.findings.iter().zip(&result.positions) {
            tests += 1;
            failures += 1;
            let mut text = format!(
                "{}:{}:{}: {}[{}] {}",
                result.path,
                start.line,
                start.column,
                f.severity.as_str(),
                f.code,
                f.message
            );
            if let Some(help) = &f.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            cases.push_str(&format!(
                "    <testcase classname=\"{path}\" name=\"{code} {pointer}\" file=\"{path}\" line=\"{line}\">\n      <failure type=\"{severity}\" message=\"{message}\">{text}</failure>\n    </testcase>\n",
                path = escape(&result.path),
                code = f.code,
                pointer = escape(f.location.pointer.as_str()),
                line = start.line,
                severity = f.severity.as_str(),
                message = escape(&f.message),
                text = escape(&text),
            ));
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cloudfront-lint\" tests=\"{tests}\" failures=\"{failures}\">\n  <testsuite name=\"cloudfront-lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{cases}  </testsuite>\n</testsuites>\n"
    )
}

/// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
