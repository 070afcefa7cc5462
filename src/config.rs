//! The configuration file: `cloudfront-lint.toml` or `.cloudfront-lint.toml`, found by walking up
//! from each checked file (the closest one wins, as ruff does), or named with `--config`.
//!
//! Every key, rule selector and value is checked when the file is read: anything unknown is an
//! error naming its line and column, never silently ignored.

use crate::cli::FailOn;
use crate::finding::{Finding, Severity};
use crate::rules::REGISTRY;
use crate::settings::{
    matches, Operation, RuleOptions, Settings, FAILOVER_BUDGET_SECONDS, RULE_OPTIONS,
};
use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The names looked for in each folder, in this order.
pub const NAMES: [&str; 2] = [".cloudfront-lint.toml", "cloudfront-lint.toml"];

type List = Spanned<Vec<Spanned<String>>>;
type Table<V> = Spanned<BTreeMap<Spanned<String>, V>>;
/// One rule's `[rules.<rule>]` table: option → value, checked by hand (`settings::RULE_OPTIONS`).
type RuleTable = Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<List>,
    extend_select: Option<List>,
    ignore: Option<List>,
    severity: Option<Table<Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    exclude: Option<List>,
    per_file_ignores: Option<Table<Vec<Spanned<String>>>>,
    operation: Option<Spanned<String>>,
    /// `[rules.<code or name>]`: each rule's options (`settings::RULE_OPTIONS`).
    rules: Option<Table<RuleTable>>,
}

/// A setting and the line of the file it was set on (`None`: the default).
#[derive(Clone, Debug)]
pub struct Set<T> {
    pub value: T,
    pub line: Option<usize>,
}

/// One configuration file, checked.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file, or `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// The folder `exclude` and `per-file-ignores` globs are relative to.
    pub base: PathBuf,
    pub select: Set<Option<Vec<String>>>,
    pub extend_select: Set<Vec<String>>,
    pub ignore: Set<Vec<String>>,
    /// Rule selector → severity, in the file's order.
    pub severity: Set<Vec<(String, Severity)>>,
    pub fail_on: Set<Option<FailOn>>,
    pub exclude: Set<Vec<(String, GlobMatcher)>>,
    pub per_file_ignores: Set<Vec<(String, GlobMatcher, Vec<String>)>>,
    pub operation: Set<Option<Operation>>,
    /// `[rules.CF223] max-failover-seconds`.
    pub max_failover_seconds: Set<i64>,
    /// `[rules.CF715] required-tags`.
    pub required_tags: Set<Vec<String>>,
}

/// A problem in a configuration file, at a line and column.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A TOML value's kind, for errors ("a string", "an integer").
fn kind(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a float",
        toml::Value::Boolean(_) => "a boolean",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "an array",
        toml::Value::Table(_) => "a table",
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let position = crate::source::positions(text, &[offset])[0];
    (position.line, position.column)
}

impl Config {
    /// The defaults, with no file.
    pub fn defaults(base: PathBuf) -> Config {
        fn none<T>(value: T) -> Set<T> {
            Set { value, line: None }
        }
        Config {
            path: None,
            base,
            select: Set {
                value: None,
                line: None,
            },
            extend_select: none(vec![]),
            ignore: none(vec![]),
            severity: Set {
                value: vec![],
                line: None,
            },
            fail_on: Set {
                value: None,
                line: None,
            },
            exclude: Set {
                value: vec![],
                line: None,
            },
            per_file_ignores: Set {
                value: vec![],
                line: None,
            },
            operation: none(None),
            max_failover_seconds: none(FAILOVER_BUDGET_SECONDS),
            required_tags: none(vec![]),
        }
    }

    /// Reads and checks one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: format!("cannot read the configuration file: {e}"),
        })?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let error = |span: Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            ConfigError {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: Raw = toml::from_str(text)
            .map_err(|e| error(e.span().unwrap_or(0..0), e.message().trim_end().to_owned()))?;
        let line = |span: Range<usize>| Some(line_col(text, span.start).0);
        let base = absolute(path.parent().unwrap_or(Path::new("")));
        let mut config = Config::defaults(base);
        config.path = Some(path.to_owned());

        let selectors = |list: &[Spanned<String>]| -> Result<Vec<String>, ConfigError> {
            list.iter()
                .map(|s| {
                    let name = s.get_ref();
                    if REGISTRY.iter().any(|r| matches(name, r.meta())) {
                        Ok(name.clone())
                    } else {
                        Err(error(
                            s.span(),
                            format!(
                                "no rule matches `{name}` (`cloudfront-lint rules` lists them)"
                            ),
                        ))
                    }
                })
                .collect()
        };
        let glob = |s: &Spanned<String>| -> Result<GlobMatcher, ConfigError> {
            Glob::new(s.get_ref())
                .map(|g| g.compile_matcher())
                .map_err(|e| error(s.span(), format!("not a glob: {}", e.kind())))
        };

        if let Some(list) = &raw.select {
            config.select = Set {
                value: Some(selectors(list.get_ref())?),
                line: line(list.span()),
            };
        }
        if let Some(list) = &raw.extend_select {
            config.extend_select = Set {
                value: selectors(list.get_ref())?,
                line: line(list.span()),
            };
        }
        if let Some(list) = &raw.ignore {
            config.ignore = Set {
                value: selectors(list.get_ref())?,
                line: line(list.span()),
            };
        }
        if let Some(table) = &raw.severity {
            let mut out = Vec::new();
            for (key, value) in table.get_ref() {
                selectors(std::slice::from_ref(key))?;
                let severity = match value.get_ref().as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    "info" => Severity::Info,
                    other => {
                        return Err(error(
                            value.span(),
                            format!(
                                "unknown severity `{other}`: expected `error`, `warning` or `info`"
                            ),
                        ))
                    }
                };
                out.push((key.get_ref().clone(), severity));
            }
            config.severity = Set {
                value: out,
                line: line(table.span()),
            };
        }
        if let Some(value) = &raw.fail_on {
            let fail_on = match value.get_ref().as_str() {
                "error" => FailOn::Error,
                "warning" => FailOn::Warning,
                "info" => FailOn::Info,
                "never" => FailOn::Never,
                other => {
                    return Err(error(
                        value.span(),
                        format!(
                        "unknown fail-on `{other}`: expected `error`, `warning`, `info` or `never`"
                    ),
                    ))
                }
            };
            config.fail_on = Set {
                value: Some(fail_on),
                line: line(value.span()),
            };
        }
        if let Some(list) = &raw.exclude {
            let globs = list
                .get_ref()
                .iter()
                .map(|s| Ok((s.get_ref().clone(), glob(s)?)))
                .collect::<Result<_, ConfigError>>()?;
            config.exclude = Set {
                value: globs,
                line: line(list.span()),
            };
        }
        if let Some(table) = &raw.per_file_ignores {
            let mut out = Vec::new();
            for (pattern, codes) in table.get_ref() {
                out.push((pattern.get_ref().clone(), glob(pattern)?, selectors(codes)?));
            }
            config.per_file_ignores = Set {
                value: out,
                line: line(table.span()),
            };
        }
        if let Some(value) = &raw.operation {
            let operation = match value.get_ref().as_str() {
                "create" => Operation::Create,
                "update" => Operation::Update,
                other => {
                    return Err(error(
                        value.span(),
                        format!("unknown operation `{other}`: expected `create` or `update`"),
                    ))
                }
            };
            config.operation = Set {
                value: Some(operation),
                line: line(value.span()),
            };
        }
        if let Some(table) = &raw.rules {
            for (rule, options) in table.get_ref() {
                let Some(found) = crate::rules::find(rule.get_ref()) else {
                    let names = REGISTRY.iter().flat_map(|r| [r.meta().code, r.meta().name]);
                    let hint = match crate::rules::text::closest(rule.get_ref(), names) {
                        Some(s) => format!("; did you mean `{s}`?"),
                        None => String::new(),
                    };
                    return Err(error(
                        rule.span(),
                        format!("no rule `{}` (a code or a name){hint}", rule.get_ref()),
                    ));
                };
                let meta = found.meta();
                let known: Vec<&str> = RULE_OPTIONS
                    .iter()
                    .filter(|(code, _, _)| *code == meta.code)
                    .map(|(_, key, _)| *key)
                    .collect();
                if known.is_empty() {
                    let with: Vec<String> = RULE_OPTIONS
                        .iter()
                        .map(|(code, key, _)| format!("{code} `{key}`"))
                        .collect();
                    return Err(error(
                        rule.span(),
                        format!(
                            "{} {} takes no options (the options are: {})",
                            meta.code,
                            meta.name,
                            with.join(", ")
                        ),
                    ));
                }
                for (key, value) in options.get_ref() {
                    let wrong = |what: &str| {
                        error(
                            value.span(),
                            format!(
                                "`{}` of {} takes {what}, not {}",
                                key.get_ref(),
                                meta.code,
                                match value.get_ref() {
                                    toml::Value::Integer(n) => format!("{n}"),
                                    other => kind(other).to_owned(),
                                }
                            ),
                        )
                    };
                    let set_twice = |at: Option<usize>| match at {
                        Some(at) => Err(error(
                            key.span(),
                            format!(
                                "`{}` of {} is already set on line {at}",
                                key.get_ref(),
                                meta.code
                            ),
                        )),
                        None => Ok(()),
                    };
                    match (meta.code, key.get_ref().as_str()) {
                        ("CF223", "max-failover-seconds") => {
                            set_twice(config.max_failover_seconds.line)?;
                            let seconds = match value.get_ref() {
                                toml::Value::Integer(n) if *n >= 1 => *n,
                                _ => return Err(wrong("a whole number of seconds, 1 or more")),
                            };
                            config.max_failover_seconds = Set {
                                value: seconds,
                                line: line(key.span()),
                            };
                        }
                        ("CF715", "required-tags") => {
                            set_twice(config.required_tags.line)?;
                            let keys = match value.get_ref() {
                                toml::Value::Array(list) => list
                                    .iter()
                                    .map(|v| match v {
                                        toml::Value::String(k) if !k.trim().is_empty() => {
                                            Some(k.clone())
                                        }
                                        _ => None,
                                    })
                                    .collect::<Option<Vec<String>>>(),
                                _ => None,
                            };
                            let Some(keys) = keys else {
                                return Err(wrong("a list of tag keys (non-empty strings)"));
                            };
                            config.required_tags = Set {
                                value: keys,
                                line: line(key.span()),
                            };
                        }
                        (_, other) => {
                            return Err(error(
                                key.span(),
                                format!(
                                    "unknown option `{other}` of {} {}: expected {}",
                                    meta.code,
                                    meta.name,
                                    known
                                        .iter()
                                        .map(|k| format!("`{k}`"))
                                        .collect::<Vec<_>>()
                                        .join(" or ")
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Ok(config)
    }

    /// The path globs are matched against: relative to the configuration's folder when below it.
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = absolute(path);
        absolute
            .strip_prefix(&self.base)
            .map(Path::to_owned)
            .unwrap_or(absolute)
    }

    /// Whether `exclude` names the file.
    pub fn excludes(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.exclude.value.iter().any(|(_, g)| g.is_match(&rel))
    }

    /// The settings for one file: this configuration, then the command line over it.
    pub fn for_file(&self, path: Option<&Path>, cli: &Overrides) -> FileSettings {
        let mut ignore = self.ignore.value.clone();
        if let Some(path) = path {
            let rel = self.relative(path);
            for (_, g, codes) in &self.per_file_ignores.value {
                if g.is_match(&rel) {
                    ignore.extend(codes.iter().cloned());
                }
            }
        }
        ignore.extend(cli.ignore.iter().cloned());
        let select = if cli.select.is_empty() {
            self.select.value.clone().unwrap_or_default()
        } else {
            cli.select.clone()
        };
        let mut extend_select = self.extend_select.value.clone();
        extend_select.extend(cli.extend_select.iter().cloned());
        let fail_on = cli.fail_on.or(self.fail_on.value).unwrap_or_default();
        FileSettings {
            options: RuleOptions {
                operation: cli.operation.or(self.operation.value),
                max_failover_seconds: self.max_failover_seconds.value,
                required_tags: self.required_tags.value.clone(),
            },
            settings: Settings {
                select,
                extend_select,
                ignore,
            },
            severity: self.severity.value.clone(),
            fail_on: fail_on.threshold(),
        }
    }
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_owned()
    } else {
        cwd().join(path)
    }
}

/// What the command line says about rules, over any configuration file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// `--operation`: wins over the file's `operation`.
    pub operation: Option<Operation>,
}

/// Everything that decides how one file is linted and judged.
#[derive(Clone, Debug, Default)]
pub struct FileSettings {
    pub settings: Settings,
    /// Severity overrides, by rule selector; the first that matches a finding's rule wins.
    pub severity: Vec<(String, Severity)>,
    /// Findings at or above this fail the run.
    pub fail_on: Option<Severity>,
    /// What rules are told: the operation and their options.
    pub options: RuleOptions,
}

impl FileSettings {
    /// Applies the severity overrides.
    pub fn adjust(&self, findings: &mut [Finding]) {
        if self.severity.is_empty() {
            return;
        }
        for f in findings {
            let Some(rule) = crate::rules::find(f.code) else {
                continue;
            };
            // An exact code or name first, then prefixes and sets.
            let exact = self
                .severity
                .iter()
                .find(|(s, _)| s.eq_ignore_ascii_case(f.code) || s.eq_ignore_ascii_case(f.name));
            if let Some((_, severity)) =
                exact.or_else(|| self.severity.iter().find(|(s, _)| matches(s, rule.meta())))
            {
                f.severity = *severity;
            }
        }
    }
}

/// Finds the configuration for each folder once.
pub struct Resolver {
    /// `--config`: one configuration for every file.
    fixed: Option<Arc<Config>>,
    cache: HashMap<PathBuf, Arc<Config>>,
}

impl Resolver {
    pub fn new(explicit: Option<&Path>) -> Result<Resolver, ConfigError> {
        let fixed = match explicit {
            Some(path) => Some(Arc::new(Config::load(path)?)),
            None => None,
        };
        Ok(Resolver {
            fixed,
            cache: HashMap::new(),
        })
    }

    /// The configuration for a file (or folder): `--config`, else the closest file found walking
    /// up from its folder, else the defaults.
    pub fn for_path(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let absolute = absolute(path);
        let dir = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent().map(Path::to_owned).unwrap_or_else(cwd)
        };
        self.for_dir(&dir)
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(found) = self.cache.get(dir) {
            return Ok(found.clone());
        }
        let here = NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file());
        let config = match here {
            Some(file) => Arc::new(Config::load(&file)?),
            None => match dir.parent() {
                Some(parent) => self.for_dir(parent)?,
                None => Arc::new(Config::defaults(cwd())),
            },
        };
        self.cache.insert(dir.to_owned(), config.clone());
        Ok(config)
    }
}
