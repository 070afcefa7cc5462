//! `--fix` and `--diff`: the fixes findings carry, applied to the file's text.

use crate::finding::{Applicability, Edit, Finding};
use std::io::Write;
use std::path::Path;

/// Applies every fix allowed (safe ones; unsafe ones too when asked) whose edits overlap no other
/// fix's. Returns the new text and how many fixes were applied, or `None` when none was.
pub fn apply(text: &str, findings: &[Finding], unsafe_fixes: bool) -> Option<(String, usize)> {
    let mut fixes: Vec<_> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| unsafe_fixes || fix.applicability == Applicability::Safe)
        .filter(|fix| {
            !fix.edits.is_empty()
                && fix.edits.iter().all(|e| {
                    e.range.start <= e.range.end
                        && e.range.end <= text.len()
                        && text.is_char_boundary(e.range.start)
                        && text.is_char_boundary(e.range.end)
                })
        })
        .collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|e| e.range.start).min());
    let mut edits = Vec::new();
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let overlaps = fix.edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.range.start < t.end && t.start < e.range.end || e.range == *t)
        });
        if overlaps {
            continue;
        }
        applied += 1;
        for e in &fix.edits {
            taken.push(e.range.clone());
            edits.push(e);
        }
    }
    if applied == 0 {
        return None;
    }
    edits.sort_by_key(|e| e.range.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.content);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    Some((out, applied))
}

/// The edit that takes one element out of its container, with what separates it from its
/// neighbours: `range` is an object member (its key to its value's end, `member`) or a list entry,
/// in JSON or YAML (flow or block). `None` when the text around it is not plain enough to say
/// (a YAML member that shares its line with a list item's `-` and is followed by a comment).
pub fn removal(text: &str, range: std::ops::Range<usize>, member: bool) -> Option<Edit> {
    let edit = |range: std::ops::Range<usize>| {
        Some(Edit {
            range,
            content: String::new(),
        })
    };
    let after = range.end + text.get(range.end..)?.len() - text[range.end..].trim_start().len();
    match text[after..].chars().next() {
        // JSON, or a YAML flow collection: the element and the comma after it (up to the next
        // element), or, for the last one, the comma before it.
        Some(',') => {
            let rest = &text[after + 1..];
            return edit(range.start..after + 1 + rest.len() - rest.trim_start().len());
        }
        Some('}' | ']') => {
            let before = text[..range.start].trim_end();
            return match before.strip_suffix(',') {
                Some(kept) => edit(kept.len()..range.end),
                None => edit(range.start..range.end),
            };
        }
        _ => {}
    }
    // A YAML block: the element's lines, with a comment at the end of its last line.
    let line_start = text[..range.start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |n| range.end + n + 1);
    let tail = text[range.end..line_end].trim();
    if !(tail.is_empty() || tail.starts_with('#')) {
        return None;
    }
    match text[line_start..range.start].trim() {
        "" => edit(line_start..line_end),
        "-" if !member => edit(line_start..line_end),
        // `- Key: value` with more members below: the next member moves up beside the `-`.
        "-" => {
            let column = range.start - line_start;
            let next = &text[line_end..];
            let indent = next.len() - next.trim_start_matches(' ').len();
            let follows = indent == column && !next[indent..].starts_with(['#', '\n', '\r', '-']);
            follows.then(|| Edit {
                range: range.start..line_end + indent,
                content: String::new(),
            })
        }
        _ => None,
    }
}

/// A unified diff of one file's change, as `diff -u` and git print it.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Replaces the file's contents atomically: a temporary file in the same folder, written, synced
/// and renamed over it, with the file's permissions. A symbolic link is followed (the link stays).
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&path)?.permissions();
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".cloudfront-lint-fix")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::removal;

    /// `text` without the element that starts at the first `^` (a member, when `member`) and ends
    /// before the first `$` (both markers taken out first).
    fn without(marked: &str, member: bool) -> Option<String> {
        let start = marked.find('^').unwrap();
        let text = marked.replacen('^', "", 1);
        let end = text.find('$').unwrap();
        let text = text.replacen('$', "", 1);
        let edit = removal(&text, start..end, member)?;
        let mut out = text.clone();
        out.replace_range(edit.range, &edit.content);
        Some(out)
    }

    #[test]
    fn an_element_goes_with_its_separator() {
        let json = "{\n  ^\"a\": 1$,\n  \"b\": {\"c\": [1]},\n  \"a\": 2\n}";
        assert_eq!(
            without(json, true).unwrap(),
            "{\n  \"b\": {\"c\": [1]},\n  \"a\": 2\n}"
        );
        assert_eq!(without("[\"x\", ^\"y\"$]", false).unwrap(), "[\"x\"]");
        assert_eq!(without("[^x$, y]", false).unwrap(), "[y]");
        let yaml = "A:\n  ^B: {x: 1}$ # note\n  C: 2\n  B: 3\n";
        assert_eq!(without(yaml, true).unwrap(), "A:\n  C: 2\n  B: 3\n");
        let nested = "A:\n  ^B:\n    x: 1$\n  B: 3\n";
        assert_eq!(without(nested, true).unwrap(), "A:\n  B: 3\n");
        let item = "L:\n  - ^one$\n  - two\n";
        assert_eq!(without(item, false).unwrap(), "L:\n  - two\n");
        let first = "L:\n  - ^Id: a$\n    Id: b\n";
        assert_eq!(without(first, true).unwrap(), "L:\n  - Id: b\n");
        let crlf = "A:\r\n  ^B: 1$\r\n  B: 2\r\n";
        assert_eq!(without(crlf, true).unwrap(), "A:\r\n  B: 2\r\n");
        // Something else on the line: not plain enough to say.
        assert_eq!(without("A: {^B: 1$ C: 2}", true), None);
    }
}
