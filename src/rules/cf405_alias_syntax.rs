//! CF405 alias-syntax. Documentation: rules/CF405-alias-syntax.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct AliasSyntax;

static META: RuleMeta = RuleMeta {
    code: "CF405",
    name: "alias-syntax",
    severity: Severity::Error,
    summary: "An alternate domain name that is not a lowercase DNS name (a URL, a misplaced wildcard, a duplicate)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF405-alias-syntax.md"),
    controls: &[],
    default_on: true,
};

impl Rule for AliasSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let aliases: Vec<(usize, &str)> = items(&cx.config.aliases).map(|(i, a)| (i, *a)).collect();
        for (k, &(i, alias)) in aliases.iter().enumerate() {
            if is_placeholder(alias) {
                continue;
            }
            let at = ptr!["Aliases", "Items", i];
            // A wildcard only as a whole leading label: `*.example.com`.
            let wildcard_ok = match alias.strip_prefix("*.") {
                Some(rest) => !rest.contains('*'),
                None => !alias.contains('*'),
            };
            let problem = if alias.contains("://") || alias.contains('/') {
                Some(format!("`{alias}` is a URL, not a domain name"))
            } else if alias.chars().any(|c| c.is_ascii_uppercase()) {
                Some(format!(
                    "`{alias}` has uppercase letters; alternate domain names must be lowercase"
                ))
            } else if !wildcard_ok {
                Some(format!("`{alias}` has a wildcard other than a leading `*.`, the only form CloudFront accepts"))
            } else if !alias
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.*".contains(c))
                || alias.split('.').any(|label| {
                    label.is_empty()
                        || label.len() > 63
                        || label.starts_with('-')
                        || label.ends_with('-')
                })
            {
                Some(format!("`{alias}` is not a valid DNS name (labels of 1 to 63 letters, digits and inner hyphens, separated by dots)"))
            } else if !alias.contains('.') {
                Some(format!("`{alias}` is not a fully qualified domain name"))
            } else {
                None
            };
            if let Some(problem) = problem {
                cx.report(
                    &META,
                    &at,
                    format!("{problem}: CloudFront rejects the config (InvalidArgument)"),
                )
                .help(format!(
                    "write the bare host name in lowercase, such as `{}`",
                    suggestion(alias)
                ))
                .push(out);
                continue;
            }
            if let Some(&(j, _)) = aliases[..k].iter().find(|(_, a)| *a == alias) {
                cx.report(
                    &META,
                    &at,
                    format!("`{alias}` is listed twice in Aliases: CloudFront rejects the config"),
                )
                .label(
                    &ptr!["Aliases", "Items", j],
                    Anchor::Value,
                    "listed first here",
                )
                .help("remove the second one (and set Aliases.Quantity to match)")
                .push(out);
            }
        }
    }
}

/// The host of a URL or name, lowercased; a misplaced wildcard moved to the front.
fn suggestion(alias: &str) -> String {
    let rest = alias.split_once("://").map_or(alias, |(_, r)| r);
    let host = rest
        .split(['/', ':'])
        .next()
        .unwrap_or(rest)
        .to_ascii_lowercase();
    match host.rsplit_once("*.") {
        Some((_, domain)) if host.contains('*') => format!("*.{domain}"),
        _ => host,
    }
}
