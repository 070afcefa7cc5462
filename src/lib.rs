//! cloudfront-lint: find what CloudFront would reject, or silently do differently, in a
//! DistributionConfig, each finding at its exact place in the file.
//!
//! bytes → [`Source`] → [`document::parse`] (JSON or YAML) → [`form::detect`] (API or CloudFormation)
//! → typed [`model`] → [`rules`] → [`Finding`]s → [`render`]

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod document;
pub mod facts;
pub mod finding;
pub mod fix;
pub mod form;
pub mod hcl;
pub mod json;
pub mod model;
pub mod render;
pub mod routes;
pub mod rules;
pub mod schema;
pub mod server;
pub mod settings;
pub mod source;
pub mod suppress;
pub mod yaml;

pub use finding::{Finding, Severity};
pub use settings::{RuleOptions, Settings};
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
    lint_in_module(source, settings, &RuleOptions::default(), origin, None)
}

/// Lints one source of a Terraform module whose other files declare `module` (variables and
/// locals); the file's own declarations win. `options` are what the configuration tells rules
/// (`operation`, `[rules.<rule>]`).
pub fn lint_in_module(
    source: &Source,
    settings: &Settings,
    options: &RuleOptions,
    origin: Origin,
    module: Option<&form::terraform::Scope>,
) -> Outcome {
    let text = source.text.as_str();
    let invalid = |range: std::ops::Range<usize>, message: String| {
        Outcome::Linted(if settings.enabled(&rules::INVALID_JSON) {
            vec![Finding::about_file(&rules::INVALID_JSON, range, message)]
        } else {
            vec![]
        })
    };
    let syntax = Syntax::of(&source.path, text);
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
    // A template or module met while walking is worth parsing only if it names a distribution.
    if origin == Origin::Walked
        && syntax == Syntax::Yaml
        && !text.contains("AWS::CloudFront::Distribution")
    {
        return Outcome::Skipped {
            reason: "YAML without an AWS::CloudFront::Distribution".into(),
        };
    }
    if syntax == Syntax::Terraform && !text.contains("aws_cloudfront_distribution") {
        return Outcome::Skipped {
            reason: "Terraform without an aws_cloudfront_distribution".into(),
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
                let (range, message, help) = match plain_parse_error(text, syntax) {
                    Some(plain) => plain,
                    None => (
                        at..end,
                        format!("not valid {}: {}", syntax.name(), e.message),
                        None,
                    ),
                };
                let mut f = Finding::about_file(&rules::INVALID_JSON, range, message);
                f.help = help;
                findings.push(f);
            }
            return Outcome::Linted(findings);
        }
    };
    let value = &document.value;
    let spans = &document.spans;
    let detected = match syntax {
        Syntax::Terraform => form::detect_terraform(value, true),
        _ => form::detect(value),
    };
    let targets = match detected {
        Detected::Configs(targets) => targets,
        Detected::Terraform(resources) => {
            if document.duplicate_keys && settings.enabled(&rules::DUPLICATE_KEY) {
                duplicate_keys(text, spans, &[], &resources, &mut findings);
            }
            let mut scope = form::terraform::Scope::of(value);
            if let Some(module) = module {
                scope.with_module(module);
            }
            for resource in &resources {
                check_terraform_distribution(
                    &scope,
                    resource,
                    spans,
                    settings,
                    options,
                    &mut findings,
                );
            }
            let prefixes: Vec<Pointer> = resources.iter().map(|r| r.prefix.clone()).collect();
            let mut suppressions =
                suppress::comments(text, syntax, spans, &prefixes, settings, &mut findings);
            suppress::apply(&mut suppressions, &mut findings, text, settings);
            findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            findings.dedup_by(|a, b| {
                a.code == b.code && a.location == b.location && a.message == b.message
            });
            return Outcome::Linted(findings);
        }
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
        duplicate_keys(text, spans, &targets, &[], &mut findings);
    }
    if settings.enabled(&rules::NOT_A_DISTRIBUTION_CONFIG) {
        get_distribution_config_output(value, spans, &mut findings);
    }
    // What a template resource turns off for itself (its Metadata), and what comments turn off.
    let mut suppressions = Vec::new();
    for target in &targets {
        match target.form {
            Form::Api | Form::Terraform => {
                check_target(target, spans, settings, options, &mut findings)
            }
            Form::CloudFormation => {
                let resource = target.prefix.parent().parent();
                suppressions.extend(suppress::metadata(
                    value,
                    &resource,
                    spans,
                    text,
                    settings,
                    &mut findings,
                ));
                check_template_distribution(value, target, spans, settings, options, &mut findings);
            }
        }
    }
    // An own-line comment before a template resource's logical id covers the whole resource.
    let resources: Vec<Pointer> = match value.get("Resources") {
        Some(serde_json::Value::Object(map))
            if targets.iter().any(|t| t.form == Form::CloudFormation) =>
        {
            let at = Pointer::root().key("Resources");
            map.keys().map(|name| at.key(name)).collect()
        }
        _ => Vec::new(),
    };
    suppressions.extend(suppress::comments(
        text,
        syntax,
        spans,
        &resources,
        settings,
        &mut findings,
    ));
    suppress::apply(&mut suppressions, &mut findings, text, settings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
        .dedup_by(|a, b| a.code == b.code && a.location == b.location && a.message == b.message);
    Outcome::Linted(findings)
}

/// A distribution of a source as CloudFront would receive it: the config in the API's shape,
/// whatever form the file is written in.
pub struct Resolved {
    /// What names it: the file (an API config), the template's logical id (with the conditions
    /// of its variant when they change it), or the Terraform resource's address.
    pub name: String,
    pub value: serde_json::Value,
}

/// Every distribution of a source, resolved as `lint` resolves it before the rules run (the
/// CLI's wrappers taken off, a template's conditions and parameters applied, a Terraform resource
/// translated into what the provider sends), for tools that show a config rather than lint it.
/// `Err` says why there is none (the text does not parse, or holds no distribution).
pub fn resolved_configs(source: &Source) -> Result<Vec<Resolved>, String> {
    let text = source.text.as_str();
    let syntax = Syntax::of(&source.path, text);
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let document = document::parse(text, base, syntax)
        .map_err(|e| format!("not valid {}: {}", syntax.name(), e.message))?;
    let value = &document.value;
    let detected = match syntax {
        Syntax::Terraform => form::detect_terraform(value, true),
        _ => form::detect(value),
    };
    let mut out = Vec::new();
    match detected {
        Detected::Configs(targets) => {
            for target in targets {
                let name = target.resource.map_or_else(
                    || match target.prefix.as_str() {
                        "" => source.path.clone(),
                        p => format!("{} {p}", source.path),
                    },
                    str::to_owned,
                );
                if target.form != Form::CloudFormation {
                    out.push(Resolved {
                        name,
                        value: target.value.clone(),
                    });
                    continue;
                }
                let resource = target
                    .resource
                    .and_then(|r| value.get("Resources")?.get(r))
                    .unwrap_or(&serde_json::Value::Null);
                let variants = form::cloudformation::variants(value, resource, target.value);
                let mut distinct: Vec<&form::cloudformation::Variant> = Vec::new();
                for v in &variants {
                    if v.value.is_object()
                        && !form::is_intrinsic(&v.value)
                        && !distinct.iter().any(|d| d.value == v.value)
                    {
                        distinct.push(v);
                    }
                }
                let several = distinct.len() > 1;
                for v in distinct {
                    let name = if several && !v.conditions.is_empty() {
                        let when: Vec<String> = v
                            .conditions
                            .iter()
                            .map(|(c, truth)| format!("`{c}` {truth}"))
                            .collect();
                        format!("{name} (when {})", when.join(", "))
                    } else {
                        name.clone()
                    };
                    out.push(Resolved {
                        name,
                        value: v.value.clone(),
                    });
                }
            }
        }
        Detected::Terraform(resources) => {
            let scope = form::terraform::Scope::of(value);
            let spans = &document.spans;
            let position = |p: &Pointer| spans.locate(p).map(|l| l.value.start);
            for resource in &resources {
                let translation = form::terraform::translate(resource, &scope, &position);
                out.push(Resolved {
                    name: resource.address.clone(),
                    value: translation.value,
                });
            }
        }
        Detected::Unsupported { reason } | Detected::NotAConfig { reason, .. } => {
            return Err(reason)
        }
    }
    if out.is_empty() {
        return Err("no distribution config in it".to_owned());
    }
    Ok(out)
}

/// Runs every enabled rule, and the schema of the target's form, on one config.
fn check_target(
    target: &form::Target,
    spans: &dyn Locate,
    settings: &Settings,
    options: &RuleOptions,
    findings: &mut Vec<Finding>,
) {
    let config = model::from_value(target.value);
    let cx = Context::new(&config, target, spans, options);
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
    options: &RuleOptions,
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
            filled: Vec::new(),
            notes: Vec::new(),
            tags: target.tags.clone(),
            ..*target
        };
        let mut found = Vec::new();
        check_target(&resolved, spans, settings, options, &mut found);
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
            // The value is a parameter's, not written where the finding points (`!Ref Root`): a
            // fix there would replace the reference, not the value.
            f.fix = None;
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

/// CF004: a member written twice in one object. Every parser involved keeps the last one, so the
/// earlier ones are silently dropped. In a template, only the distributions are our business.
fn duplicate_keys(
    text: &str,
    spans: &Spans,
    targets: &[form::Target],
    resources: &[form::terraform::Resource],
    out: &mut Vec<Finding>,
) {
    let who = if targets.iter().any(|t| t.form == Form::CloudFormation) {
        "CloudFormation"
    } else {
        "the AWS CLI"
    };
    for (object, key, ranges) in spans.duplicate_keys() {
        let prefixes = targets.iter().map(|t| &t.prefix);
        let mut prefixes = prefixes.chain(resources.iter().map(|r| &r.prefix));
        let distribution = Pointer::root()
            .key("resource")
            .key("aws_cloudfront_distribution");
        let resource_twice = !resources.is_empty() && object == distribution;
        if !resource_twice && !prefixes.any(|p| object.as_str().starts_with(p.as_str())) {
            continue;
        }
        if !resources.is_empty() {
            // Terraform refuses a name declared twice, and an argument set twice (hcl-edit
            // already refuses the latter): no copy is kept.
            let Some((first, again)) = ranges.split_first() else {
                continue;
            };
            for range in again {
                let mut f = Finding::about_file(
                    &rules::DUPLICATE_KEY,
                    range.clone(),
                    format!("`{key}` is declared twice here: Terraform rejects the configuration (Duplicate resource \"aws_cloudfront_distribution\" configuration)"),
                );
                f.location.pointer = object.key(&key);
                f.labels.push(finding::Label {
                    location: Location {
                        pointer: object.key(&key),
                        range: first.clone(),
                    },
                    message: "first declared here".to_owned(),
                });
                f.help = Some(format!(
                    "rename one of the two `{key}` resources, or delete the one you do not mean"
                ));
                out.push(f);
            }
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
            f.fix = ignored_member_removal(text, spans, range).map(|edit| finding::Fix {
                title: format!("Delete this `{key}`, which is ignored"),
                applicability: finding::Applicability::Safe,
                edits: vec![edit],
            });
            out.push(f);
        }
    }
}

/// The edit that deletes a member written again later (key and value, with a separator): what
/// the parser did already. Not when the member defines a YAML anchor another value may use.
fn ignored_member_removal(
    text: &str,
    spans: &Spans,
    key: &std::ops::Range<usize>,
) -> Option<finding::Edit> {
    let member = spans.member_at(key)?;
    if matches!(spans, Spans::Built { .. }) && text.get(member.clone())?.contains('&') {
        return None;
    }
    fix::removal(text, member, true)
}

/// What a parse error is in plain words, when the text says more than the parser: git's conflict
/// markers left in the file, or a config whose opening `{` is missing. (range, message, help).
fn plain_parse_error(
    text: &str,
    syntax: Syntax,
) -> Option<(std::ops::Range<usize>, String, Option<String>)> {
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with("<<<<<<<") {
            let end = offset + line.trim_end().len();
            return Some((
                offset..end,
                format!("the file still has git's merge conflict markers (`<<<<<<<` on line {}, then `=======` and `>>>>>>>`): it is two versions of the config at once, which no parser reads", number + 1),
                Some("resolve the conflict: keep one side (or combine them) and delete the three marker lines".to_owned()),
            ));
        }
        offset += line.len();
    }
    let body = text.trim_start_matches('\u{feff}');
    let start = text.len() - body.trim_start().len();
    let first = body.trim_start();
    if syntax == Syntax::Json && first.starts_with('"') {
        // `"CallerReference": …` at the top: a member with no object around it.
        let name_end = first[1..].find('"').map(|i| i + 2)?;
        if first[name_end..].trim_start().starts_with(':') {
            return Some((
                start..start + name_end,
                format!("the file starts with the member {} but no `{{` before it: a DistributionConfig is a JSON object, so the opening brace is missing", &first[..name_end]),
                Some("add `{` at the start of the file (and check that it ends with `}`)".to_owned()),
            ));
        }
    }
    None
}

/// CF002's advice on `get-distribution-config`'s output passed on as it is: `ETag` beside
/// `DistributionConfig` is what no command takes.
fn get_distribution_config_output(root: &serde_json::Value, spans: &Spans, out: &mut Vec<Finding>) {
    let Some(map) = root.as_object() else {
        return;
    };
    let Some(etag) = map.get("ETag") else {
        return;
    };
    if !map.contains_key("DistributionConfig") || map.contains_key("IfMatch") {
        return;
    }
    let at = Pointer::root().key("ETag");
    let range = spans.locate(&at).map_or(0..0, |l| l.key.unwrap_or(l.value));
    let tag = etag.as_str().unwrap_or("E…");
    let mut f = Finding::about_file(
        &rules::NOT_A_DISTRIBUTION_CONFIG,
        range,
        "this is `get-distribution-config`'s output as it is: `--distribution-config` takes only the inner `DistributionConfig` object, and `--cli-input-json` takes `IfMatch` and `Id`, not `ETag`, so the AWS CLI rejects this file either way (Unknown parameter \"ETag\")".to_owned(),
    );
    f.severity = Severity::Warning;
    f.location.pointer = at;
    f.help = Some(format!("pass the inner object and the tag apart: `aws cloudfront update-distribution --id <ID> --if-match {tag} --distribution-config \"$(jq .DistributionConfig FILE)\"`; or, for `--cli-input-json`, rename `ETag` to `IfMatch` and add `\"Id\"`"));
    out.push(f);
}

/// Whether broken text met while walking is still worth a finding: it names what only a
/// distribution config has. (A `tsconfig.json` with comments is not our business.)
fn looks_like_config(text: &str) -> bool {
    [
        "DistributionConfig",
        "DefaultCacheBehavior",
        "\"Origins\"",
        "CallerReference",
        "AWS::CloudFront::Distribution",
        "aws_cloudfront_distribution",
    ]
    .iter()
    .any(|k| text.contains(k))
}

/// An `aws_cloudfront_distribution`, translated into the config the provider sends, then checked
/// like any other; what Terraform itself refuses (an unknown argument, a missing block) is
/// reported at the argument or block as written.
fn check_terraform_distribution(
    scope: &form::terraform::Scope,
    resource: &form::terraform::Resource,
    spans: &Spans,
    settings: &Settings,
    options: &RuleOptions,
    out: &mut Vec<Finding>,
) {
    let position = |p: &Pointer| spans.locate(p).map(|l| l.value.start);
    let translation = form::terraform::translate(resource, scope, &position);
    for problem in translation.problems {
        if !settings.enabled(problem.rule) {
            continue;
        }
        let pointer = resource.prefix.join(&problem.at);
        let location = rules::locate_in_file(spans, pointer, rules::Anchor::Key);
        let mut f = Finding::about_file(problem.rule, location.range.clone(), problem.message);
        f.location.pointer = location.pointer;
        f.help = problem.help;
        // "did you mean `origin_id`?" of an argument's name: written in Terraform's own names.
        let misspelled = problem.at.last().unwrap_or_default();
        f.fix = problem
            .respell
            .and_then(|to| rules::respell_fix(spans, location.range, &misspelled, to));
        out.push(f);
    }
    let target = form::Target {
        value: &translation.value,
        prefix: resource.prefix.clone(),
        form: Form::Terraform,
        resource: None,
        template: None,
        rewrites: translation.rewrites,
        filled: translation.filled,
        notes: translation.notes,
        operation: None,
        tags: resource.body.get("tags").map(|value| form::Tags {
            value,
            at: resource.prefix.key("tags"),
        }),
    };
    let from = out.len();
    check_target(&target, spans, settings, options, out);
    // A plan has no place a reader would know: name the resource.
    if resource.plan {
        for f in &mut out[from..] {
            f.message = format!("{}: {}", resource.address, f.message);
        }
    }
}
