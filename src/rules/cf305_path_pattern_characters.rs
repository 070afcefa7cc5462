//! CF305 path-pattern-characters. Documentation: rules/CF305-path-pattern-characters.md

use super::text::{has_template, quoted_list};
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct PathPatternCharacters;

static META: RuleMeta = RuleMeta {
    code: "CF305",
    name: "path-pattern-characters",
    severity: Severity::Error,
    summary: "A PathPattern with characters CloudFront does not accept (spaces, query strings, regular-expression syntax)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF305-path-pattern-characters.md"),
    controls: &[],
    default_on: true,
};

/// Developer Guide, "Path pattern": A-Z, a-z, 0-9, _ - . * $ / ~ " ' @ : + and &, with * and ?
/// as wildcards.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_-.*$/~\"'@:+&?".contains(c)
}

impl Rule for PathPatternCharacters {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, behavior) in items(&cx.config.cache_behaviors) {
            let Some(pattern) = behavior.path_pattern else {
                continue;
            };
            // `$` is a legal path character: only template markers make a placeholder here.
            if has_template(pattern) {
                continue;
            }
            let bad: Vec<char> =
                pattern
                    .chars()
                    .filter(|c| !allowed(*c))
                    .fold(Vec::new(), |mut v, c| {
                        if !v.contains(&c) {
                            v.push(c);
                        }
                        v
                    });
            if bad.is_empty() {
                continue;
            }
            let spaces = bad.contains(&' ');
            let others: Vec<String> = bad
                .iter()
                .filter(|c| **c != ' ')
                .map(|c| c.to_string())
                .collect();
            let shown = match (spaces, others.is_empty()) {
                (true, true) => "a space".to_owned(),
                (true, false) => format!("a space and {}", quoted_list(&others)),
                (false, _) => quoted_list(&others),
            };
            let hint = if bad.iter().any(|c| "^[]()|\\{}".contains(*c)) {
                "; path patterns are globs (`*` and `?`), not regular expressions"
            } else {
                ""
            };
            cx.report(
                &META,
                &ptr!["CacheBehaviors", "Items", i, "PathPattern"],
                format!("PathPattern `{pattern}` has {shown}, which CloudFront does not accept in a path pattern{hint}"),
            )
            .help("use only A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + & and the wildcards * and ?; URL-encode nothing, and leave the query string out")
            .push(out);
        }
    }
}
