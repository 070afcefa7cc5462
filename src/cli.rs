//! The command line, declared with clap.

use crate::finding::Severity;
use crate::rules::{self, REGISTRY};
use crate::settings::Operation;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
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

/// `cloudfront-lint check …` as a pre-commit hook and most users write it, read without clap:
/// building clap's command line was a sixth of a small file's run. It takes files and the few
/// options below, each once; `None` for anything else (another option, `--`, help, a repeated
/// flag, a value it does not know, `CLOUDFRONT_LINT_FORMAT` set), which the whole command line
/// then reads and answers in clap's words. A unit test holds it to clap's reading.
pub fn parse_check(args: &[OsString]) -> Option<CheckArgs> {
    if args.get(1)? != "check" || std::env::var_os("CLOUDFRONT_LINT_FORMAT").is_some() {
        return None;
    }
    let mut check = CheckArgs {
        stdin_filename: "<stdin>".to_owned(),
        ..CheckArgs::default()
    };
    let (mut format, mut fail_on) = (None, None);
    let mut words = args[2..].iter();
    while let Some(word) = words.next() {
        let Some(text) = word.to_str() else {
            if word.as_encoded_bytes().starts_with(b"-") {
                return None;
            }
            check.paths.push(PathBuf::from(word));
            continue;
        };
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (text, None),
        };
        let mut value = || inline.or_else(|| words.next()?.to_str());
        let flag = match name {
            "--force-exclude" => &mut check.force_exclude,
            "--fix" => &mut check.fix,
            "--unsafe-fixes" => &mut check.unsafe_fixes,
            "--format" if format.is_none() => {
                format = Some(Format::from_str(value()?, false).ok()?);
                continue;
            }
            "--fail-on" if fail_on.is_none() => {
                fail_on = Some(FailOn::from_str(value()?, false).ok()?);
                continue;
            }
            "" => return None,
            "-" => {
                check.paths.push(PathBuf::from(word));
                continue;
            }
            _ if text.starts_with('-') => return None,
            _ => {
                check.paths.push(PathBuf::from(word));
                continue;
            }
        };
        if *flag || inline.is_some() {
            return None;
        }
        *flag = true;
    }
    check.format = format.unwrap_or_default();
    check.fail_on = fail_on;
    Some(check)
}

/// Each subcommand's arguments are built only when it is the one run: building them all was
/// a tenth of a small file's run.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    fn clap_reads(args: &[OsString]) -> CheckArgs {
        match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Some(Command::Check(whole))) => whole,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    /// The short way reads `check …` exactly as clap does, or leaves it to clap.
    #[test]
    fn check_alone_reads_as_clap_does() {
        let options = [
            "--force-exclude",
            "--fix",
            "--unsafe-fixes",
            "--format json",
            "--fail-on=error",
        ];
        // Every set of the options it reads, before, between and after two files.
        for set in 0..1 << options.len() {
            let chosen: Vec<&str> = (0..options.len())
                .filter(|i| set & (1 << i) != 0)
                .map(|i| options[i])
                .collect();
            for at in 0..=2 {
                let mut line = vec!["cloudfront-lint", "check"];
                let mut files = vec!["a.json", "-"];
                files.insert(at, "");
                for part in files {
                    if part.is_empty() {
                        line.extend(chosen.iter().flat_map(|o| o.split(' ')));
                    } else {
                        line.push(part);
                    }
                }
                let args: Vec<OsString> = line.iter().map(OsString::from).collect();
                let short = parse_check(&args).unwrap_or_else(|| panic!("not read: {line:?}"));
                assert_eq!(
                    format!("{short:?}"),
                    format!("{:?}", clap_reads(&args)),
                    "{line:?}"
                );
            }
        }
        for line in [
            "cloudfront-lint check",
            "cloudfront-lint check --format=github --fail-on never a.json b.yaml",
        ] {
            let args = words(line);
            let short = parse_check(&args).unwrap_or_else(|| panic!("not read: {line}"));
            assert_eq!(
                format!("{short:?}"),
                format!("{:?}", clap_reads(&args)),
                "{line}"
            );
        }
        for line in [
            "cloudfront-lint a.json",
            "cloudfront-lint --format json check a.json",
            "cloudfront-lint rules",
            "cloudfront-lint check --help",
            "cloudfront-lint check -h",
            "cloudfront-lint check --version",
            "cloudfront-lint check --format yaml a.json",
            "cloudfront-lint check --format",
            "cloudfront-lint check --format json --format text a.json",
            "cloudfront-lint check --fix --fix a.json",
            "cloudfront-lint check --fix=true a.json",
            "cloudfront-lint check --fix --diff a.json",
            "cloudfront-lint check --select CF2 a.json",
            "cloudfront-lint check --color never a.json",
            "cloudfront-lint check -- --not-an-option.json",
            "cloudfront-lint check -x a.json",
        ] {
            assert!(parse_check(&words(line)).is_none(), "{line}");
        }
    }
}
