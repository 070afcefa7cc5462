//! cloudfront-lint: find what CloudFront would reject, or silently do differently, in a
//! DistributionConfig, each finding at its exact place in the file.
//!
//! bytes → [`Source`] → [`document::parse`] (JSON or YAML) → [`form::detect`] (API or CloudFormation)
//! → typed [`model`] → [`rules`] → [`Finding`]s → [`render`]

pub mod check;
pub mod cli;
pub mod document;
pub mod facts;
pub mod finding;
pub mod form;
pub mod json;
pub mod model;
pub mod render;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod source;
pub mod yaml;

pub use finding::{Finding, Severity};
pub use settings::Settings;
pub use source::Source;

use document::{Locate, Spans, Syntax};
use finding::Location;
use form::{Detected, Form};
use json::Pointer;
use rules::Context;

/// Largest file the linter reads; larger ones get a finding instead (documented in README).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How a file came to be linted: named by the user, or met while walking a directory. A walked
/// file that is not a distribution config is skipped quietly; a named one is a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Named,
    Walked,
}

/// What linting one file gave.
pub enum Outcome {
    Linted(Vec<Finding>),
    /// Not a distribution config (met while walking, or a kind of document not linted yet).
    Skipped {
        reason: String,
    },
}

/// Lints one source. Never panics on any input; the findings are sorted by place.
pub fn lint(source: &Source, settings: &Settings, origin: Origin) -> Outcome {
    let text = source.text.as_str();
    let invalid = |range: std::ops::Range<usize>, message: String| {
        Outcome::Linted(if settings.enabled(&rules::INVALID_JSON) {
            vec![Finding::about_file(&rules::INVALID_JSON, range, message)]
        } else {
            vec![]
        })
    };
    let syntax = Syntax::of(&source.path, text);
    if syntax == Syntax::Terraform {
        return Outcome::Skipped {
            reason: "Terraform is not read yet".into(),
        };
    }
    if source.invalid_utf8_at == Some(0) && source.utf16 {
        if origin == Origin::Walked && !source.utf16_text().is_some_and(|t| looks_like_config(&t)) {
            return Outcome::Skipped {
                reason: "UTF-16".into(),
            };
        }
        return invalid(0..2, "the file is UTF-16 (it starts with a UTF-16 byte order mark): the AWS CLI and CloudFront read JSON as UTF-8".into());
    }
    if let Some(at) = source.invalid_utf8_at {
        if origin == Origin::Walked && !looks_like_config(text) {
            return Outcome::Skipped {
                reason: "not UTF-8".into(),
            };
        }
        return invalid(
            at..at + 1,
            format!(
                "byte {at} is not valid UTF-8: {}",
                match syntax {
                    Syntax::Yaml => "CloudFormation reads templates as UTF-8",
                    _ => "the AWS CLI and CloudFront read JSON as UTF-8",
                }
            ),
        );
    }
    if text.trim().is_empty() {
        if origin == Origin::Walked {
            return Outcome::Skipped {
                reason: "empty".into(),
            };
        }
        return invalid(
            0..0,
            "the file is empty: a DistributionConfig is a JSON object".into(),
        );
    }
    // A template met while walking is worth parsing only if it names a distribution.
    if origin == Origin::Walked
        && syntax == Syntax::Yaml
        && !text.contains("AWS::CloudFront::Distribution")
    {
        return Outcome::Skipped {
            reason: "YAML without an AWS::CloudFront::Distribution".into(),
        };
    }
    let mut findings = Vec::new();
    // A UTF-8 byte order mark: Python's JSON reader (the AWS CLI's) refuses it. Say so, then lint
    // the rest so that one invisible character does not hide every other finding. (YAML allows one.)
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if base > 0 && syntax == Syntax::Json && settings.enabled(&rules::INVALID_JSON) {
        findings.push(Finding::about_file(
            &rules::INVALID_JSON,
            0..3,
            "the file starts with a UTF-8 byte order mark, which the AWS CLI's JSON reader rejects (\"Unexpected UTF-8 BOM\")".into(),
        ));
    }
    let document = match document::parse(text, base, syntax) {
        Ok(document) => document,
        Err(e) => {
            if origin == Origin::Walked && !looks_like_config(text) {
                return Outcome::Skipped {
                    reason: format!("not {}", syntax.name()),
                };
            }
            let at = e.offset.min(text.len());
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            if settings.enabled(&rules::INVALID_JSON) {
                findings.push(Finding::about_file(
                    &rules::INVALID_JSON,
                    at..end,
                    format!("not valid {}: {}", syntax.name(), e.message),
                ));
            }
            return Outcome::Linted(findings);
        }
    };
    let value = &document.value;
    let spans = &document.spans;
    let targets = match form::detect(value) {
        Detected::Configs(targets) => targets,
        Detected::Unsupported { reason } => return Outcome::Skipped { reason },
        Detected::NotAConfig { reason, at } => {
            if origin == Origin::Walked {
                return Outcome::Skipped { reason };
            }
            if settings.enabled(&rules::NOT_A_DISTRIBUTION_CONFIG) {
                let range = spans.locate(&at).map_or(0..0, |l| match l.key {
                    Some(key) => key,
                    // The first character of the value (none at the end of the file).
                    None => {
                        l.value.start
                            ..text[l.value.start.min(text.len())..]
                                .chars()
                                .next()
                                .map_or(l.value.start, |c| l.value.start + c.len_utf8())
                    }
                });
                let mut f = Finding::about_file(
                    &rules::NOT_A_DISTRIBUTION_CONFIG,
                    range,
                    format!("not a CloudFront distribution config: {reason}"),
                );
                f.location.pointer = at;
                f.help = Some(format!("expected {}", form::EXPECTED));
                findings.push(f);
            }
            return Outcome::Linted(findings);
        }
    };
    if document.duplicate_keys && settings.enabled(&rules::DUPLICATE_KEY) {
        duplicate_keys(spans, &targets, &mut findings);
    }
    // What each template resource turns off for itself, and where in the file it is.
    let mut suppressed: Vec<(Pointer, Settings)> = Vec::new();
    for target in &targets {
        match target.form {
            Form::Api => check_target(target, spans, settings, &mut findings),
            Form::CloudFormation => {
                let resource = target.prefix.parent().parent();
                let ignored = suppressions(value, &resource, spans, settings, &mut findings);
                check_template_distribution(value, target, spans, settings, &mut findings);
                suppressed.push((resource, ignored));
            }
        }
    }
    findings.retain(|f| {
        let within = |at: &Pointer| {
            f.location
                .pointer
                .as_str()
                .strip_prefix(at.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        };
        let rule = rules::find(f.code);
        !suppressed
            .iter()
            .any(|(at, ignored)| within(at) && rule.is_some_and(|r| !ignored.enabled(r.meta())))
    });
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
        .dedup_by(|a, b| a.code == b.code && a.location == b.location && a.message == b.message);
    Outcome::Linted(findings)
}

/// Runs every enabled rule, and the schema of the target's form, on one config.
fn check_target(
    target: &form::Target,
    spans: &dyn Locate,
    settings: &Settings,
    findings: &mut Vec<Finding>,
) {
    let config = model::from_value(target.value);
    let cx = Context::new(&config, target, spans);
    let from = findings.len();
    for rule in rules::REGISTRY {
        if settings.enabled(rule.meta()) {
            rule.check(&cx, findings);
        }
    }
    // Rules speak the API's names; the schema of a form already speaks the form's.
    for f in &mut findings[from..] {
        target.form.respell(f);
    }
    // Each form is checked against its own schema (the API's, or CloudFormation's).
    if schema::any_enabled(settings) {
        // A rule error that explains a value better (CF201's member count, CF203's status code,
        // CF206's invented `Weight`)
        // wins over the schema's generic range or value finding at the same place.
        let mut structural = Vec::new();
        schema::check(&cx, settings, &mut structural);
        // CF206's `Weight` is an unknown member too, and CF206 says why it is there.
        let generic = [
            rules::VALUE_NOT_ALLOWED.code,
            rules::OUT_OF_RANGE.code,
            rules::UNKNOWN_MEMBER.code,
        ];
        let ours = &findings[from..];
        structural.retain(|s| {
            !generic.contains(&s.code)
                || !ours.iter().any(|f| {
                    f.severity == Severity::Error && f.location.pointer == s.location.pointer
                })
        });
        findings.extend(structural);
    }
}

/// A distribution of a CloudFormation template, checked once for each way its conditions can come
/// out. A finding in every variant is reported as it is; one in some only says which conditions it
/// needs, and one that rests on a parameter's default says so.
fn check_template_distribution(
    root: &serde_json::Value,
    target: &form::Target,
    spans: &dyn Locate,
    settings: &Settings,
    out: &mut Vec<Finding>,
) {
    let resource = target
        .resource
        .and_then(|name| root.get("Resources")?.get(name))
        .unwrap_or(&serde_json::Value::Null);
    let variants = form::cloudformation::variants(root, resource, target.value);
    // Each finding once, with the variants it is in and what it rests on (parameter values).
    let mut seen: Vec<(Finding, Vec<usize>, Vec<String>)> = Vec::new();
    // Variants that resolve to the same config are checked once, for all of them.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, variant) in variants.iter().enumerate() {
        let same = |g: &Vec<usize>| {
            variants[g[0]].value == variant.value && variants[g[0]].rewrites == variant.rewrites
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    for group in &groups {
        let variant = &variants[group[0]];
        // No config in this variant (`AWS::NoValue`), or one still computed: nothing to check.
        if !variant.value.is_object() || form::is_intrinsic(&variant.value) {
            continue;
        }
        let resolved = form::Target {
            value: &variant.value,
            rewrites: variant.rewrites.clone(),
            prefix: target.prefix.clone(),
            ..*target
        };
        let mut found = Vec::new();
        check_target(&resolved, spans, settings, &mut found);
        for f in found {
            let notes: Vec<&String> = variant
                .values
                .iter()
                .filter(|(at, _)| {
                    let written = resolved.prefix.join(&resolved.written(at));
                    let rest = f.location.pointer.as_str().strip_prefix(written.as_str());
                    rest.is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                })
                .map(|(_, note)| note)
                .collect();
            let index = seen.iter().position(|(g, ..)| {
                g.code == f.code && g.location == f.location && g.message == f.message
            });
            let index = index.unwrap_or_else(|| {
                seen.push((f, Vec::new(), Vec::new()));
                seen.len() - 1
            });
            let (_, at, rests_on) = &mut seen[index];
            at.extend(group);
            for note in notes {
                if !rests_on.contains(note) {
                    rests_on.push(note.clone());
                }
            }
        }
    }
    for (mut f, at, rests_on) in seen {
        if !rests_on.is_empty() {
            f.message
                .push_str(&format!(" (with {})", rests_on.join(" or ")));
        }
        if at.len() < variants.len() {
            let conditions = &variants[at[0]].conditions;
            let needed: Vec<String> = conditions
                .iter()
                .filter(|(name, truth)| {
                    at.iter()
                        .all(|&i| variants[i].conditions.get(*name) == Some(truth))
                        && variants
                            .iter()
                            .any(|v| v.conditions.get(*name) != Some(truth))
                })
                .map(|(name, truth)| format!("condition `{name}` is {truth}"))
                .collect();
            if !needed.is_empty() {
                f.message
                    .push_str(&format!(" (when {})", needed.join(" and ")));
            } else if rests_on.is_empty() {
                // No one condition decides it (it takes two together, or one or the other).
                f.message
                    .push_str(" (only for some ways the template's conditions can come out)");
            }
        }
        out.push(f);
    }
}

/// The rules a resource turns off, the CloudFormation way:
/// `Metadata: {cloudfront-lint: {ignore: [CF204, failover-on-client-error, CF2]}}` (codes, names or
/// code prefixes; a reason may follow the code). An entry that names no rule is CF005.
fn suppressions(
    root: &serde_json::Value,
    resource: &Pointer,
    spans: &dyn Locate,
    settings: &Settings,
    out: &mut Vec<Finding>,
) -> Settings {
    let mut ignored = Settings::default();
    let at = resource
        .key("Metadata")
        .key("cloudfront-lint")
        .key("ignore");
    let Some(list) = root.pointer(at.as_str()) else {
        return ignored;
    };
    // An entry that is not text (`207`) names no rule either.
    let entries: Vec<(Pointer, String)> = match list {
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    at.index(i),
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                )
            })
            .collect(),
        serde_json::Value::String(s) => vec![(at, s.clone())],
        other => vec![(at, other.to_string())],
    };
    for (pointer, entry) in entries {
        let code = entry
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches([':', ',']);
        if !code.is_empty()
            && rules::REGISTRY
                .iter()
                .any(|r| Settings::only(code).enabled(r.meta()))
        {
            ignored.ignore.push(code.to_owned());
        } else if settings.enabled(&rules::UNKNOWN_SUPPRESSION) {
            let range = spans.locate(&pointer).map_or(0..0, |l| l.value);
            let mut f = Finding::about_file(
                &rules::UNKNOWN_SUPPRESSION,
                range,
                format!("`{entry}` names no rule of cloudfront-lint, so it suppresses nothing"),
            );
            f.location.pointer = pointer;
            f.help = Some(match rules::text::closest(code, rules::REGISTRY.iter().map(|r| r.meta().code)) {
                Some(c) => format!("did you mean `{c}`? (`cloudfront-lint rules` lists every code and name)"),
                None => "give a rule's code (CF204), name (failover-on-client-error) or code prefix (CF2): `cloudfront-lint rules` lists them".to_owned(),
            });
            out.push(f);
        }
    }
    ignored
}

/// CF004: a member written twice in one object. Every parser involved keeps the last one, so the
/// earlier ones are silently dropped. In a template, only the distributions are our business.
fn duplicate_keys(spans: &Spans, targets: &[form::Target], out: &mut Vec<Finding>) {
    let who = if targets.iter().any(|t| t.form == Form::CloudFormation) {
        "CloudFormation"
    } else {
        "the AWS CLI"
    };
    for (object, key, ranges) in spans.duplicate_keys() {
        if !targets
            .iter()
            .any(|t| object.as_str().starts_with(t.prefix.as_str()))
        {
            continue;
        }
        let Some((last, earlier)) = ranges.split_last() else {
            continue;
        };
        for range in earlier {
            let mut f = Finding::about_file(
                &rules::DUPLICATE_KEY,
                range.clone(),
                format!("`{key}` appears {} times in this object: {who} keeps only the last one, so this one is ignored", ranges.len()),
            );
            f.location.pointer = object.key(&key);
            f.labels.push(finding::Label {
                location: Location {
                    pointer: object.key(&key),
                    range: last.clone(),
                },
                message: "this is the one that counts".to_owned(),
            });
            f.help = Some(format!(
                "keep one `{key}`: merge the two or delete the one you do not mean"
            ));
            out.push(f);
        }
    }
}

/// Whether broken text met while walking is still worth a finding: it names what only a
/// distribution config has. (A `tsconfig.json` with comments is not our business.)
fn looks_like_config(text: &str) -> bool {
    [
        "DistributionConfig",
        "DefaultCacheBehavior",
        "\"Origins\"",
        "CallerReference",
    ]
    .iter()
    .any(|k| text.contains(k))
}
