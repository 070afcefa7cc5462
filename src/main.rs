//! The binary: parse the command line, call the library, choose the exit code.
//! 0: nothing at or above --fail-on; 1: findings at or above it; 2: the tool could not do what was asked.

use clap::Parser;
use cloudfront_lint::check::{check_all, collect, summarize};
use cloudfront_lint::cli::{CheckArgs, Cli, Color, Command, Format, ListFormat, RoutesFormat};
use cloudfront_lint::render::{github, json, routes as render_routes, sarif, text, FileResult};
use cloudfront_lint::rules::{self, REGISTRY};
use cloudfront_lint::Settings;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

// JSON values are many small allocations; mimalloc frees and reuses them far faster than the
// system allocator (measured in bench/: about a third of the run time went to malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not failures.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command.unwrap_or(Command::Check(cli.check)) {
        Command::Check(args) => run_check(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule, format } => explain(&rule, format),
        Command::Routes { file, format } => routes(&file, format),
        Command::Server => cloudfront_lint::server::run(),
        Command::Schema => {
            let text = cloudfront_lint::schema::editor_schema();
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            0
        }
    };
    ExitCode::from(code)
}

fn run_check(args: CheckArgs) -> u8 {
    let settings = Settings {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    for selector in args
        .select
        .iter()
        .chain(&args.extend_select)
        .chain(&args.ignore)
    {
        if !REGISTRY
            .iter()
            .any(|r| cloudfront_lint::settings::matches(selector, r.meta()))
        {
            fatal(miette::miette!(
                help = "`cloudfront-lint rules` lists them",
                "no rule matches `{selector}`"
            ));
            return 2;
        }
    }
    let paths = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    };
    let (inputs, walk_errors) = collect(&paths, &args.stdin_filename);
    for (path, error) in &walk_errors {
        fatal(miette::miette!("while walking `{path}`: {error}"));
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text_output = (args.format == Format::Text).then_some(color);
    let checked = check_all(&inputs, &settings, text_output);
    let summary = summarize(&checked);
    let results: Vec<&FileResult> = checked.iter().filter_map(|c| c.result.as_ref()).collect();
    let mut out = String::new();
    match args.format {
        Format::Text => {
            for c in &checked {
                out.push_str(&c.text);
            }
            out.push_str(&text::render_summary(&summary));
        }
        Format::Json => out = json::render(&results, &summary),
        Format::Github => out = github::render(&results),
        Format::Sarif => out = sarif::render(&results),
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if checked.iter().any(|c| c.unreadable) || !walk_errors.is_empty() {
        return 2;
    }
    let failing = args.fail_on.threshold().is_some_and(|threshold| {
        results
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= threshold)
    });
    u8::from(failing)
}

/// `routes FILE`: the routing table of every distribution in one file. Exit 2 when the file cannot
/// be read or holds no distribution config.
fn routes(file: &std::path::Path, format: RoutesFormat) -> u8 {
    use std::io::Read;
    let (name, bytes) = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            fatal(miette::miette!("cannot read standard input: {e}"));
            return 2;
        }
        ("<stdin>".to_owned(), bytes)
    } else {
        match std::fs::read(file) {
            Ok(bytes) => (file.display().to_string(), bytes),
            Err(e) => {
                fatal(miette::miette!("cannot read `{}`: {e}", file.display()));
                return 2;
            }
        }
    };
    let source = cloudfront_lint::Source::new(name.clone(), bytes);
    let configs = match cloudfront_lint::resolved_configs(&source) {
        Ok(configs) => configs,
        Err(reason) => {
            fatal(miette::miette!(
                help = "`cloudfront-lint check` says more about what is wrong with it",
                "no routes in `{name}`: {reason}"
            ));
            return 2;
        }
    };
    let table = cloudfront_lint::routes::of(&name, &configs);
    let out = match format {
        RoutesFormat::Text => render_routes::text(&table),
        RoutesFormat::Json => render_routes::json(&table),
        RoutesFormat::Mermaid => render_routes::mermaid(&table),
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

fn list_rules(format: ListFormat) -> u8 {
    let out = match format {
        ListFormat::Text => REGISTRY
            .iter()
            .map(|r| {
                let m = r.meta();
                format!(
                    "{}  {:<7}  {:<32}  {}{}\n",
                    m.code,
                    m.severity.as_str(),
                    m.name,
                    m.summary,
                    if m.default_on {
                        ""
                    } else {
                        " (off by default)"
                    }
                )
            })
            .collect::<String>(),
        ListFormat::Json => {
            let list: Vec<_> = REGISTRY
                .iter()
                .map(|r| rule_json(r.meta(), false))
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

fn explain(rule: &str, format: ListFormat) -> u8 {
    let Some(found) = rules::find(rule) else {
        let covering = rules::implementing(rule);
        if !covering.is_empty() {
            return explain_control(rule, &covering, format);
        }
        let names = REGISTRY.iter().flat_map(|r| [r.meta().code, r.meta().name]);
        let help = match rules::text::closest(rule, names) {
            Some(s) => format!("did you mean `{s}`? `cloudfront-lint rules` lists every rule"),
            None => "`cloudfront-lint rules` lists every rule".to_owned(),
        };
        fatal(miette::miette!(help = help, "no rule `{rule}`"));
        return 2;
    };
    let out = match format {
        ListFormat::Text => found.meta().doc.to_owned(),
        ListFormat::Json => {
            serde_json::to_string_pretty(&rule_json(found.meta(), true)).unwrap_or_default() + "\n"
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// A control id (`CloudFront.9`): which rules implement it, then their documentation.
fn explain_control(control: &str, covering: &[&dyn rules::Rule], format: ListFormat) -> u8 {
    let out = match format {
        ListFormat::Text => {
            let mut out = format!("`{control}` is implemented by:\n");
            for r in covering {
                let m = r.meta();
                out.push_str(&format!("  {} {}: {}\n", m.code, m.name, m.summary));
            }
            for r in covering {
                out.push('\n');
                out.push_str(r.meta().doc);
            }
            out
        }
        ListFormat::Json => {
            let list: Vec<_> = covering.iter().map(|r| rule_json(r.meta(), true)).collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

fn rule_json(m: &rules::RuleMeta, with_doc: bool) -> serde_json::Value {
    let mut v = serde_json::json!({
        "code": m.code, "name": m.name, "severity": m.severity.as_str(),
        "fix": m.fix.as_str(), "summary": m.summary, "default": m.default_on,
    });
    if !m.controls.is_empty() {
        v["controls"] = m.controls.into();
    }
    if with_doc {
        v["doc"] = m.doc.into();
    }
    v
}

/// The tool's own failures, reported by miette on stderr.
fn fatal(report: miette::Report) {
    eprintln!("{report:?}");
}
