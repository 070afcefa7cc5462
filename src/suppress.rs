//! Suppressions: what a file turns off for a part of itself, and which of them turn nothing off.
//!
//! Two ways to write one, read into one list of [`Suppression`]s:
//! - a comment, `# cloudfront-lint:ignore CF204 reason` (Terraform also takes `//`), in Terraform
//!   and YAML: at the end of a line it covers that line; on a line of its own, the line after it,
//!   or the whole resource when that line starts one (a Terraform block, a template's logical id);
//! - a template resource's `Metadata: {cloudfront-lint: {ignore: [...]}}`, for everything reported
//!   inside the resource.
//!
//! An entry that names no rule is CF005; one that turned nothing off is CF006. JSON has no comments.

use crate::document::{Locate, Spans, Syntax};
use crate::finding::{Applicability, Edit, Finding, Fix};
use crate::json::Pointer;
use crate::rules::{self, RuleMeta};
use crate::settings::{matches, Settings};
use crate::source::LineIndex;
use serde_json::Value;
use std::ops::Range;

/// What starts a suppression comment, after the comment's own `#` (or `//` in Terraform).
pub const MARKER: &str = "cloudfront-lint:ignore";

/// One rule turned off for a part of the file.
pub struct Suppression {
    /// The rule as written: a code, a name, a code prefix or a named set.
    selector: String,
    scope: Scope,
    /// Where it applies, in words, for CF006's message ("on this line", "in resource `Cdn`").
    place: String,
    /// Where the selector is written (CF006 points here) and its pointer (a Metadata entry's; the
    /// root for a comment).
    at: Range<usize>,
    pointer: Pointer,
    /// How many entries its comment or list has (rules named or not).
    neighbours: usize,
    /// The edit that takes out this entry alone, and the one that takes out its whole comment or
    /// list (which also tells the entries of one comment or list from the others').
    remove_entry: Option<Edit>,
    remove_all: Edit,
    used: bool,
}

enum Scope {
    /// Lines of the file, counted from 1.
    Lines(Range<usize>),
    /// Everything reported at a pointer inside this one (a template resource).
    Within(Pointer),
}

impl Suppression {
    fn covers(&self, f: &Finding, line: usize) -> bool {
        match &self.scope {
            Scope::Lines(lines) => lines.contains(&line),
            Scope::Within(at) => f
                .location
                .pointer
                .as_str()
                .strip_prefix(at.as_str())
                .is_some_and(|rest| rest.starts_with('/')),
        }
    }
}

/// Whether a suppression's entry names a rule: a code, a name, a code prefix or a named set.
fn names_a_rule(code: &str) -> bool {
    !code.is_empty() && rules::REGISTRY.iter().any(|r| matches(code, r.meta()))
}

/// CF005: a suppression entry (`entry`, underlined at `range`) whose first word, `code` (written
/// at `code_at`), names no rule. When one code is close, an unsafe fix writes it instead.
fn unknown_suppression(
    entry: &str,
    code: &str,
    range: Range<usize>,
    code_at: Option<Range<usize>>,
) -> Finding {
    let mut f = Finding::about_file(
        &rules::UNKNOWN_SUPPRESSION,
        range,
        format!("`{entry}` names no rule of cloudfront-lint, so it suppresses nothing"),
    );
    let closest = rules::text::closest(code, rules::REGISTRY.iter().map(|r| r.meta().code));
    f.help = Some(match closest {
        Some(c) => format!("did you mean `{c}`? (`cloudfront-lint rules` lists every code and name)"),
        None => "give a rule's code (CF204), name (failover-on-client-error) or code prefix (CF2): `cloudfront-lint rules` lists them".to_owned(),
    });
    if let (Some(c), Some(range)) = (closest, code_at) {
        f.fix = Some(Fix {
            title: format!("Write `{c}`"),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                range,
                content: c.to_owned(),
            }],
        });
    }
    f
}

/// The rules a template resource turns off, the CloudFormation way:
/// `Metadata: {cloudfront-lint: {ignore: [CF204, failover-on-client-error, CF2]}}` (codes, names or
/// code prefixes; a reason may follow the code). An entry that names no rule is CF005.
pub fn metadata(
    root: &Value,
    resource: &Pointer,
    spans: &Spans,
    text: &str,
    settings: &Settings,
    out: &mut Vec<Finding>,
) -> Vec<Suppression> {
    let at = resource
        .key("Metadata")
        .key("cloudfront-lint")
        .key("ignore");
    let Some(list) = root.pointer(at.as_str()) else {
        return Vec::new();
    };
    // An entry that is not text (`207`) names no rule either.
    let entries: Vec<(Pointer, String)> = match list {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    at.index(i),
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                )
            })
            .collect(),
        Value::String(s) => vec![(at.clone(), s.clone())],
        other => vec![(at.clone(), other.to_string())],
    };
    // Taking out the whole list leaves an empty one (`ignore: []`), which suppresses nothing.
    let remove_all = match spans.locate(&at) {
        Some(l) => Edit {
            range: l.key.as_ref().map_or(l.value.start, |k| k.end)..l.value.end,
            content: if l.key.is_some() { ": []" } else { "[]" }.to_owned(),
        },
        None => Edit {
            range: 0..0,
            content: String::new(),
        },
    };
    let ranges: Vec<Range<usize>> = entries
        .iter()
        .map(|(p, _)| spans.locate(p).map_or(0..0, |l| l.value))
        .collect();
    let place = format!("in resource `{}`", resource.last().unwrap_or_default());
    let mut found = Vec::new();
    for (i, (pointer, entry)) in entries.iter().enumerate() {
        let code = entry
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches([':', ',']);
        let range = ranges[i].clone();
        // The code inside the entry (`"CF204: reason"`), where the file writes it.
        let code_at = spans
            .written(range.clone())
            .and_then(|w| w.find(code).filter(|_| !code.is_empty()))
            .map(|i| range.start + i..range.start + i + code.len());
        if !names_a_rule(code) {
            if settings.enabled(&rules::UNKNOWN_SUPPRESSION) {
                let mut f = unknown_suppression(entry, code, range, code_at);
                f.location.pointer = pointer.clone();
                out.push(f);
            }
            continue;
        }
        let remove_entry = match list.is_array() && entries.len() > 1 {
            true => crate::fix::removal(text, range.clone(), false),
            false => Some(remove_all.clone()),
        };
        found.push(Suppression {
            selector: code.to_owned(),
            scope: Scope::Within(resource.clone()),
            place: place.clone(),
            at: code_at.unwrap_or(range),
            pointer: pointer.clone(),
            neighbours: entries.len(),
            remove_entry,
            remove_all: remove_all.clone(),
            used: false,
        });
    }
    found
}

/// The suppression comments of a Terraform or YAML file. `resources` are the pointers of what an
/// own-line comment before its first line covers whole (Terraform's distributions, a template's
/// resources). Entries that name no rule are CF005.
pub fn comments(
    text: &str,
    syntax: Syntax,
    spans: &Spans,
    resources: &[Pointer],
    settings: &Settings,
    out: &mut Vec<Finding>,
) -> Vec<Suppression> {
    if syntax == Syntax::Json || !text.contains(MARKER) {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let resource_lines: Vec<Range<usize>> = resources
        .iter()
        .filter_map(|r| spans.locate(r))
        .map(|l| {
            let start = l.key.map_or(l.value.start, |k| k.start.min(l.value.start));
            lines.line(start)..lines.line(l.value.end) + 1
        })
        .collect();
    let mut found = Vec::new();
    let mut line_start = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let start = line_start;
        line_start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let Some((opener, marker)) = comment_in(body, start, syntax, spans) else {
            continue;
        };
        // Each comma-separated part: a code (or name), perhaps followed by a reason; the list
        // ends at the first part that names no code, which is more of the reason.
        let mut parts: Vec<(&str, Range<usize>)> = Vec::new();
        let mut offset = marker + MARKER.len();
        for part in body[offset..].split(',') {
            let from = offset;
            offset += part.len() + 1;
            let words = part.trim_start();
            let Some(word) = words.split_whitespace().next() else {
                continue;
            };
            let code = word.trim_end_matches(':');
            if !(code.to_ascii_uppercase().starts_with("CF") || code.contains('-')) {
                break;
            }
            let code_start = from + (part.len() - words.len());
            parts.push((code, code_start..from + part.trim_end().len()));
        }
        if parts.is_empty() {
            continue;
        }
        let own_line = body[..opener].trim().is_empty();
        let (covered, place) = if own_line {
            match resource_lines.iter().find(|r| r.start == number + 1) {
                Some(r) => (number..r.end, "in the resource below it"),
                None => (number..number + 2, "on the line below it"),
            }
        } else {
            (number..number + 1, "on this line")
        };
        let remove_all = Edit {
            range: if own_line {
                start..start + line.len()
            } else {
                start + body[..opener].trim_end().len()..start + body.len()
            },
            content: String::new(),
        };
        for (i, (code, part)) in parts.iter().enumerate() {
            let at = start + part.start..start + part.start + code.len();
            if !names_a_rule(code) {
                if settings.enabled(&rules::UNKNOWN_SUPPRESSION) {
                    out.push(unknown_suppression(code, code, at.clone(), Some(at)));
                }
                continue;
            }
            let remove_entry = Some(match i {
                _ if parts.len() == 1 => remove_all.clone(),
                0 => Edit {
                    range: at.start..start + parts[1].1.start,
                    content: String::new(),
                },
                _ => Edit {
                    range: start + parts[i - 1].1.end..start + part.end,
                    content: String::new(),
                },
            });
            found.push(Suppression {
                selector: (*code).to_owned(),
                scope: Scope::Lines(covered.clone()),
                place: place.to_owned(),
                at,
                pointer: Pointer::root(),
                neighbours: parts.len(),
                remove_entry,
                remove_all: remove_all.clone(),
                used: false,
            });
        }
    }
    found
}

/// Where a line (starting at byte `start` of the file) holds a suppression comment: the offsets
/// in the line of the comment's opener and of the marker. A `#` inside a string or key is text;
/// YAML also needs whitespace (or the line's start) before a comment's `#`.
fn comment_in(body: &str, start: usize, syntax: Syntax, spans: &Spans) -> Option<(usize, usize)> {
    body.match_indices(MARKER).find_map(|(marker, _)| {
        let before = body[..marker].trim_end_matches([' ', '\t']);
        let opener = if before.ends_with('#') {
            before.len() - 1
        } else if syntax == Syntax::Terraform && before.ends_with("//") {
            before.len() - 2
        } else {
            return None;
        };
        let spaced = opener == 0 || body[..opener].ends_with([' ', '\t']);
        if syntax == Syntax::Yaml && !spaced {
            return None;
        }
        (!spans.in_scalar(start + opener)).then_some((opener, marker))
    })
}

/// Takes out the findings the suppressions cover; then reports (CF006) each suppression that took
/// out nothing although a rule it names ran, and takes those reports through the suppressions too.
pub fn apply(
    suppressions: &mut [Suppression],
    findings: &mut Vec<Finding>,
    text: &str,
    settings: &Settings,
) {
    if suppressions.is_empty() {
        return;
    }
    let lines = LineIndex::new(text);
    take_out(suppressions, findings, &lines);
    if !settings.enabled(&rules::UNUSED_SUPPRESSION) {
        return;
    }
    // A suppression of CF006 itself is not reported: it says not to.
    let unused: Vec<&Suppression> = suppressions
        .iter()
        .filter(|s| {
            !s.used
                && !matches(&s.selector, &rules::UNUSED_SUPPRESSION)
                && rules::REGISTRY
                    .iter()
                    .any(|r| matches(&s.selector, r.meta()) && settings.enabled(r.meta()))
        })
        .collect();
    let mut reported: Vec<Finding> = unused
        .iter()
        .map(|s| {
            let unused_beside = unused
                .iter()
                .filter(|o| o.remove_all == s.remove_all)
                .count();
            unused_suppression(s, unused_beside == s.neighbours)
        })
        .collect();
    take_out(suppressions, &mut reported, &lines);
    findings.extend(reported);
}

fn take_out(suppressions: &mut [Suppression], findings: &mut Vec<Finding>, lines: &LineIndex) {
    findings.retain(|f| {
        let Some(rule) = rules::find(f.code) else {
            return true;
        };
        let line = lines.line(f.location.range.start);
        let mut kept = true;
        for s in suppressions.iter_mut() {
            if s.covers(f, line) && matches(&s.selector, rule.meta()) {
                s.used = true;
                kept = false;
            }
        }
        kept
    });
}

/// CF006: a suppression that took out no finding. Its fix takes out the entry, or the whole
/// comment or list when every entry of it is unused.
fn unused_suppression(s: &Suppression, all_unused: bool) -> Finding {
    let named: Vec<&RuleMeta> = rules::REGISTRY
        .iter()
        .map(|r| r.meta())
        .filter(|m| matches(&s.selector, m))
        .collect();
    let what = match named.as_slice() {
        [one] => format!("no {} ({}) finding", one.code, one.name),
        many => format!("no finding of the {} rules it names", many.len()),
    };
    let mut f = Finding::about_file(
        &rules::UNUSED_SUPPRESSION,
        s.at.clone(),
        format!(
            "`{}` suppresses nothing: {what} is reported {}",
            s.selector, s.place
        ),
    );
    f.location.pointer = s.pointer.clone();
    f.help = Some(
        "remove it: what it was written for is no longer reported here (an unused suppression would hide the next finding of its rule unseen)"
            .to_owned(),
    );
    let (title, edit) = match (all_unused, &s.remove_entry) {
        (true, _) if s.neighbours > 1 => (
            "Remove the unused suppressions".to_owned(),
            Some(&s.remove_all),
        ),
        (true, _) => (
            format!("Remove the unused suppression `{}`", s.selector),
            Some(&s.remove_all),
        ),
        (false, entry) => (
            format!("Remove the unused suppression `{}`", s.selector),
            entry.as_ref(),
        ),
    };
    f.fix = edit.map(|edit| Fix {
        title,
        applicability: Applicability::Safe,
        edits: vec![edit.clone()],
    });
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document;

    fn suppressions(text: &str, syntax: Syntax) -> Vec<(String, Range<usize>)> {
        let doc = document::parse(text, 0, syntax).unwrap();
        let mut out = Vec::new();
        comments(
            text,
            syntax,
            &doc.spans,
            &[],
            &Settings::default(),
            &mut out,
        )
        .into_iter()
        .map(|s| match s.scope {
            Scope::Lines(lines) => (s.selector, lines),
            Scope::Within(_) => unreachable!(),
        })
        .collect()
    }

    #[test]
    fn a_hash_inside_a_yaml_string_is_not_a_comment() {
        let text = "A: \"x # cloudfront-lint:ignore CF204\"\nB: 'y # cloudfront-lint:ignore CF207'\nC: |\n  # cloudfront-lint:ignore CF301\nD: x#cloudfront-lint:ignore CF302\nE: z # cloudfront-lint:ignore CF303, CF304 why\n";
        assert_eq!(
            suppressions(text, Syntax::Yaml),
            [("CF303".to_owned(), 6..7), ("CF304".to_owned(), 6..7)]
        );
    }

    #[test]
    fn an_own_line_comment_covers_itself_and_the_next_line() {
        let text = "A: 1\n  # cloudfront-lint:ignore CF204 reason, CF2\nB: 2\n";
        assert_eq!(
            suppressions(text, Syntax::Yaml),
            [("CF204".to_owned(), 2..4), ("CF2".to_owned(), 2..4)]
        );
        let hcl = "a = \"# cloudfront-lint:ignore CF204\" // cloudfront-lint:ignore CF207\n";
        assert_eq!(
            suppressions(hcl, Syntax::Terraform),
            [("CF207".to_owned(), 1..2)]
        );
    }
}
