//! CF306 unreachable-behavior. Documentation: rules/CF306-unreachable-behavior.md

use super::text::has_template;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct UnreachableBehavior;

static META: RuleMeta = RuleMeta {
    code: "CF306",
    name: "unreachable-behavior",
    severity: Severity::Warning,
    summary: "An ordered behaviour that an earlier one always matches first, so it never applies",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF306-unreachable-behavior.md"),
    controls: &[],
    default_on: true,
};

/// Whether every path `later` matches is matched by `earlier` (globs with `*` and `?`). Sound:
/// true only when the inclusion holds.
pub fn covers(earlier: &[u8], later: &[u8]) -> bool {
    let wild = |b: &u8| *b == b'*' || *b == b'?';
    // Necessary conditions first, which settle nearly every pair without the table: the literal
    // text before the first wildcard and after the last one must agree.
    let prefix = |p: &[u8]| p.iter().position(wild).unwrap_or(p.len());
    let suffix = |p: &[u8]| p.iter().rposition(wild).map_or(0, |i| i + 1);
    let (ep, lp) = (prefix(earlier), prefix(later));
    if !later[..lp].starts_with(&earlier[..ep]) {
        return false;
    }
    if ep == earlier.len() {
        return earlier == later; // no wildcard: only the same literal path
    }
    if !later[suffix(later)..].ends_with(&earlier[suffix(earlier)..]) {
        return false;
    }
    // table[i * (m + 1) + j]: earlier[i..] covers later[j..]
    let (n, m) = (earlier.len(), later.len());
    let mut table = vec![false; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    table[at(n, m)] = true;
    for i in (0..n).rev() {
        for j in (0..=m).rev() {
            table[at(i, j)] = match earlier[i] {
                b'*' => table[at(i + 1, j)] || (j < m && table[at(i, j + 1)]),
                b'?' => j < m && later[j] != b'*' && table[at(i + 1, j + 1)],
                c => j < m && later[j] == c && table[at(i + 1, j + 1)],
            };
        }
    }
    table[at(0, 0)]
}

/// A leading `/` is optional and means the same.
pub fn normal(pattern: &str) -> &str {
    pattern.strip_prefix('/').unwrap_or(pattern)
}

impl Rule for UnreachableBehavior {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let patterns: Vec<(usize, &str)> = items(&cx.config.cache_behaviors)
            .filter_map(|(i, b)| b.path_pattern.filter(|p| !has_template(p)).map(|p| (i, p)))
            .collect();
        // An ordered behaviour for every path leaves nothing to the default behaviour.
        if let Some(&(i, all)) = patterns
            .iter()
            .find(|(_, p)| normal(p).bytes().all(|b| b == b'*') && !normal(p).is_empty())
        {
            cx.report(
                &META,
                &ptr!["CacheBehaviors", "Items", i, "PathPattern"],
                format!("the ordered behaviour with PathPattern `{all}` matches every request, so the default behaviour never applies"),
            )
            .label(&ptr!["DefaultCacheBehavior"], Anchor::Key, "never used")
            .help("remove this behaviour and put its settings in DefaultCacheBehavior, which is what `*` is for")
            .push(out);
        }
        for (k, &(i, later)) in patterns.iter().enumerate() {
            let Some(&(j, earlier)) = patterns[..k]
                .iter()
                .find(|(_, e)| covers(normal(e).as_bytes(), normal(later).as_bytes()))
            else {
                continue;
            };
            let message = if normal(earlier) == normal(later) {
                format!("PathPattern `{later}` repeats an earlier behaviour's pattern: CloudFront applies the first behaviour that matches, so this one never applies")
            } else {
                format!("every path `{later}` matches is matched first by the earlier pattern `{earlier}`: CloudFront applies the first behaviour that matches, so this one never applies")
            };
            cx.report(
                &META,
                &ptr!["CacheBehaviors", "Items", i, "PathPattern"],
                message,
            )
            .label(
                &ptr!["CacheBehaviors", "Items", j, "PathPattern"],
                Anchor::Value,
                "matched first",
            )
            .help("move the more specific behaviour above the general one, or remove it")
            .push(out);
        }
        self.check_files_caught_first(cx, &patterns, out);
    }
}

impl UnreachableBehavior {
    /// `*.*` ("every path with a dot", the usual way to send static files to a bucket) before a
    /// directory's `prefix/*` for another origin: every file under the directory (`.json`,
    /// `.js`, versioned API paths) goes to the `*.*` behaviour. The directory behaviour still gets
    /// paths without a dot, so it is not unreachable, but what it was added for mostly is.
    fn check_files_caught_first(
        &self,
        cx: &Context,
        patterns: &[(usize, &str)],
        out: &mut Vec<Finding>,
    ) {
        let target = |i: usize| {
            items(&cx.config.cache_behaviors)
                .find(|(k, _)| *k == i)
                .and_then(|(_, b)| b.target_origin_id)
        };
        for (k, &(i, later)) in patterns.iter().enumerate() {
            let Some(directory) = normal(later).strip_suffix("/*") else {
                continue;
            };
            if directory.is_empty() || directory.contains(['*', '?', '.']) {
                continue;
            }
            let Some(&(j, earlier)) = patterns[..k].iter().find(|(_, e)| normal(e) == "*.*") else {
                continue;
            };
            let (Some(files_to), Some(directory_to)) = (target(j), target(i)) else {
                continue;
            };
            // Already reported as unreachable, or the same origin either way.
            if files_to == directory_to
                || patterns[..k]
                    .iter()
                    .any(|(_, e)| covers(normal(e).as_bytes(), normal(later).as_bytes()))
            {
                continue;
            }
            cx.report(
                &META,
                &ptr!["CacheBehaviors", "Items", i, "PathPattern"],
                format!("every path under `/{directory}/` with a dot in it (`/{directory}/page.json`, `/{directory}/v1.2/…`) is matched first by the earlier pattern `{earlier}` and goes to `{files_to}`, not to this behaviour's `{directory_to}`: CloudFront applies the first behaviour that matches"),
            )
            .label(
                &ptr!["CacheBehaviors", "Items", j, "PathPattern"],
                Anchor::Value,
                "matched first",
            )
            .help(format!("move `{later}` above `{earlier}`, so that the directory's behaviour is matched first"))
            .push(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn glob_inclusion() {
        let c = |a: &str, b: &str| covers(a.as_bytes(), b.as_bytes());
        assert!(c("images/*", "images/*.jpg"));
        assert!(c("*", "api/*"));
        assert!(c("*.jpg", "img/a?.jpg"));
        assert!(c("a?c", "abc"));
        assert!(!c("images/*.jpg", "images/*"));
        assert!(!c("a?c", "a*c"));
        assert!(!c("api/v1/*", "api/*"));
        assert!(!c("*.js", "*.json"));
        assert!(c("api/*", "api/*"));
        assert!(!c("api/v1", "api/v1/*"));
        assert!(c("*", "*"));
    }
}
