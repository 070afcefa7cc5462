//! `--fix` and `--diff`: the fixes findings carry, applied to the file's text.

use crate::finding::{Applicability, Finding};
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
