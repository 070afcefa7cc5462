//! The command line, declared with clap.

use crate::finding::Severity;
use crate::rules::{self, REGISTRY};
use crate::settings::Operation;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "cloudfront-lint",
    version,
    about = "Find what CloudFront would reject, or silently do differently, in a DistributionConfig",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `check` is what runs with no subcommand.
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files and directories (every *.json below a directory that is a distribution config).
    Check(CheckArgs),
    /// List every rule: code, name, severity and summary.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show how a config routes requests: for each distribution, in match order, each behaviour's
    /// path, methods and target (an origin group's members, failover codes and the worst-case time
    /// before the secondary answers), viewer protocol, cache policy and edge functions.
    Routes {
        /// The config: API JSON, a CloudFormation template (JSON or YAML) or Terraform; `-` reads
        /// standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = RoutesFormat::Text)]
        format: RoutesFormat,
    },
    /// Print the settings in effect for a file or folder (default: the current directory), and
    /// where each came from.
    Config {
        path: Option<PathBuf>,
        /// Use this configuration file instead of looking for one.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Show the settings as `check --operation` would make them.
        #[arg(long, value_enum)]
        operation: Option<Operation>,
    },
    /// Print a rule's documentation, by code (CF204), name (failover-on-client-error), or a control
    /// id it implements (CloudFront.9, CKV_AWS_34).
    ///
    /// On a terminal the Markdown is rendered (headings emphasised, paragraphs wrapped to its
    /// width) and paged through `$PAGER` (default `less -R`); piped, it is the same text, plain.
    Explain {
        #[arg(value_parser = rule_or_control)]
        rule: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// When to colour the rendered text.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Run the language server (LSP over standard input and output) for editors.
    Server,
    /// Print the JSON Schema of a DistributionConfig (bare or in the AWS CLI's wrappers), for
    /// editors' schema settings.
    Schema,
}

#[derive(Args, Debug, Default)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input. Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, env = "CLOUDFRONT_LINT_FORMAT")]
    pub format: Format,
    /// Exit with 1 when a finding is at or above this severity [default: warning, or `fail-on` in
    /// the configuration file].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Use this configuration file for every input instead of looking for `cloudfront-lint.toml`
    /// or `.cloudfront-lint.toml` above each one.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Treat files named on the command line as if met while walking a folder: `exclude` applies
    /// to them, and one that is not a distribution config is skipped quietly (what a pre-commit
    /// hook wants).
    #[arg(long)]
    pub force_exclude: bool,
    /// Apply the safe fixes findings carry, in place (each file replaced atomically).
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`: apply the unsafe fixes too (they may change what the config does).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing; exit 1 when there is any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Report only findings not recorded in this baseline (written by `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in FILE, to adopt the linter on an old repository.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// When to colour text output: `auto` colours a terminal unless `NO_COLOR` is set or `TERM` is
    /// `dumb`.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Whether the configs create distributions or update existing ones, for the rules that care
    /// [default: `operation` in the configuration file, else unsaid].
    #[arg(long, value_enum)]
    pub operation: Option<Operation>,
    /// Run only these rules: codes, code prefixes (CF2), names or named sets (aws-fsbp, cdk-nag,
    /// checkov, trivy, kics), comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = selector)]
    pub select: Vec<String>,
    /// Run these rules as well as the selected ones (by default, the rules on by default): codes,
    /// code prefixes, names or named sets, comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = selector)]
    pub extend_select: Vec<String>,
    /// Skip these rules: codes, code prefixes or names, comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = selector)]
    pub ignore: Vec<String>,
    /// The name to show for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style report with source snippets.
    #[default]
    Text,
    /// The JSON contract (README.md), for editors and CI.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitLab Code Quality JSON (stable fingerprints).
    Gitlab,
    /// JUnit XML: one failed test case per finding.
    Junit,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RoutesFormat {
    /// A table per distribution.
    #[default]
    Text,
    /// Stable JSON, for tools.
    Json,
    /// A Mermaid flowchart (GitHub renders it in Markdown).
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    #[default]
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    #[default]
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour a stream: `always` and `never` say so; `auto` colours a terminal unless
    /// `NO_COLOR` is set to anything but nothing (no-color.org) or `TERM` is `dumb`. The flag wins
    /// over the environment, as no-color.org asks.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// What rule selectors may be: a code, a code prefix, a name or a named set some rule matches.
/// Checked while parsing, so a wrong one is a usage error like any other.
fn selector(s: &str) -> Result<String, String> {
    let s = s.trim();
    if REGISTRY
        .iter()
        .any(|r| crate::settings::matches(s, r.meta()))
    {
        return Ok(s.to_owned());
    }
    let sets = rules::NAMED_SETS.iter().map(|(name, _, _)| *name);
    let names = REGISTRY
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .chain(sets);
    Err(match rules::text::closest(s, names) {
        Some(close) => format!("no rule matches it; did you mean `{close}`?"),
        None => "no rule matches it (`cloudfront-lint rules` lists them)".to_owned(),
    })
}

/// `explain`'s argument: a rule's code or name, or a control id some rule implements.
fn rule_or_control(s: &str) -> Result<String, String> {
    if rules::find(s).is_some() || !rules::implementing(s).is_empty() {
        return Ok(s.to_owned());
    }
    let names = REGISTRY.iter().flat_map(|r| [r.meta().code, r.meta().name]);
    Err(match rules::text::closest(s, names) {
        Some(close) => format!("no rule `{s}`; did you mean `{close}`?"),
        None => format!("no rule `{s}` (`cloudfront-lint rules` lists every rule)"),
    })
}
