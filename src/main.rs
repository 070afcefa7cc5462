//! The binary: parse the command line, call the library, choose the exit code.
//! 0: nothing at or above --fail-on; 1: findings at or above it; 2: the tool could not do what was asked.

use clap::{CommandFactory, Parser, ValueEnum};
use cloudfront_lint::baseline::{self, Baseline};
use cloudfront_lint::check::{check_all, collect, summarize, FixOptions, InputPath, Job};
use cloudfront_lint::cli::{CheckArgs, Cli, Color, Command, Format, ListFormat, RoutesFormat};
use cloudfront_lint::config::{ConfigError, Overrides, Resolver};
use cloudfront_lint::render::{
    github, gitlab, json, junit, markdown, routes as render_routes, sarif, text, FileResult,
};
use cloudfront_lint::rules::{self, REGISTRY};
use cloudfront_lint::Origin;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: allocator::ForTheRun = allocator::ForTheRun;

/// The allocator, chosen for the run before its first allocation. A tree of configs is many
/// small JSON values made and dropped, which mimalloc serves far faster than the system allocator
/// (the bench's tree: 1.05x the parse baseline against 1.3x). A run over a file or two is over in
/// a couple of milliseconds, where mimalloc's fresh page per size class costs more than it saves:
/// the bench's 10 KB file lints 0.2 ms sooner with the system allocator (bench/README.md).
mod allocator {
    use mimalloc::MiMalloc;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

    /// Set once, before anything allocates, and never changed: every block is freed by the
    /// allocator that made it.
    static SYSTEM: AtomicBool = AtomicBool::new(false);

    pub struct ForTheRun;

    // SAFETY: each call goes to one of two allocators, the same one for the whole run.
    unsafe impl GlobalAlloc for ForTheRun {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if SYSTEM.load(Relaxed) {
                System.alloc(layout)
            } else {
                MiMalloc.alloc(layout)
            }
        }
        #[inline]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if SYSTEM.load(Relaxed) {
                System.alloc_zeroed(layout)
            } else {
                MiMalloc.alloc_zeroed(layout)
            }
        }
        #[inline]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if SYSTEM.load(Relaxed) {
                System.dealloc(ptr, layout)
            } else {
                MiMalloc.dealloc(ptr, layout)
            }
        }
        #[inline]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if SYSTEM.load(Relaxed) {
                System.realloc(ptr, layout, new_size)
            } else {
                MiMalloc.realloc(ptr, layout, new_size)
            }
        }
    }

    /// A process that runs for hours (the language server) hands freed memory back again.
    pub fn return_freed_memory() {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        start::return_freed_memory();
    }

    /// The choice, and mimalloc's options, made by an `.init_array` entry of priority 100: it runs
    /// before the Rust runtime and before mimalloc could start (built from this repository, it has
    /// no constructor and starts on its first allocation; elsewhere its constructor runs after
    /// this one), and glibc calls it with the program's arguments, as the Rust runtime's own entry
    /// relies on.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    mod start {
        use std::ffi::{c_char, c_int, c_long, c_void, CStr};
        use std::sync::atomic::Ordering::Relaxed;

        /// Input up to this size, in files named on the command line, is a short run.
        const SHORT_RUN_BYTES: i64 = 128 * 1024;

        // `mi_option_t` of mimalloc 2.3 (libmimalloc-sys 0.1.49, `v2/include/mimalloc.h`): set
        // only when mimalloc says it is that version; a test (tests/cli.rs) fails on another.
        const NUMBERED_FOR: std::ops::Range<c_int> = 20300..20400;
        const PURGE_DELAY: c_int = 15;
        const ARENA_RESERVE: c_int = 23;
        const ALLOW_THP: c_int = 37;
        /// mimalloc's default purge delay, in milliseconds (`src/options.c`).
        const DEFAULT_PURGE_DELAY: c_long = 10;

        const O_RDONLY: c_int = 0;
        /// A FIFO named on the command line must not block the choice (Linux's value).
        const O_NONBLOCK: c_int = 0o4000;
        const SEEK_END: c_int = 2;

        extern "C" {
            fn mi_version() -> c_int;
            fn mi_option_set(option: c_int, value: c_long);
            fn opendir(name: *const c_char) -> *mut c_void;
            fn closedir(dir: *mut c_void) -> c_int;
            fn open(path: *const c_char, flags: c_int, ...) -> c_int;
            fn lseek(fd: c_int, offset: i64, whence: c_int) -> i64;
            fn close(fd: c_int) -> c_int;
        }

        #[used]
        #[link_section = ".init_array.00100"]
        static CHOOSE: extern "C" fn(c_int, *const *const c_char, *const *const c_char) = choose;

        extern "C" fn choose(argc: c_int, argv: *const *const c_char, _: *const *const c_char) {
            let argc = usize::try_from(argc).unwrap_or(0);
            // SAFETY: glibc passes argv as main gets it: argc valid C strings.
            let words = (1..argc).map(|i| unsafe { CStr::from_ptr(*argv.add(i)) });
            super::SYSTEM.store(short_run(words), Relaxed);
            configure_mimalloc();
        }

        /// Whether the command line names files, and nothing else to walk, of a small size
        /// together: not the server, no directory, not the current directory by default. Nothing
        /// may allocate before the choice, so it reads the words as C strings and asks the C
        /// library about each.
        fn short_run<'a>(words: impl Iterator<Item = &'a CStr>) -> bool {
            let mut files = 0;
            let mut bytes = 0;
            for word in words {
                match word.to_bytes() {
                    b"server" => return false,
                    b"-" => files += 1,
                    w if w.starts_with(b"-") => {}
                    _ => {
                        // SAFETY: a C string from argv; what is opened is closed at once.
                        unsafe {
                            let dir = opendir(word.as_ptr());
                            if !dir.is_null() {
                                closedir(dir);
                                return false;
                            }
                            let fd = open(word.as_ptr(), O_RDONLY | O_NONBLOCK);
                            if fd >= 0 {
                                files += 1;
                                bytes += lseek(fd, 0, SEEK_END).max(0);
                                close(fd);
                            }
                        }
                        if bytes > SHORT_RUN_BYTES {
                            return false;
                        }
                    }
                }
            }
            files > 0
        }

        /// mimalloc's defaults suit a long-lived server; a lint run is short and small.
        fn configure_mimalloc() {
            // SAFETY: mi_version returns a constant; mi_option_set only stores a value, and
            // before mimalloc starts it is the value mimalloc starts with.
            unsafe {
                if !NUMBERED_FOR.contains(&mi_version()) {
                    return;
                }
                // No transparent huge pages: the first allocation would fault in and zero 2 MiB.
                mi_option_set(ALLOW_THP, 0);
                // Reserve address space 8 MiB at a time rather than 1 GiB, whose bookkeeping
                // takes longer to set up than a small file takes to lint.
                mi_option_set(ARENA_RESERVE, 8 * 1024);
                // Never hand freed memory back: a run ends soon, and purging is most of exit.
                mi_option_set(PURGE_DELAY, -1);
            }
        }

        pub fn return_freed_memory() {
            // SAFETY: as above; mimalloc reads the delay each time it considers purging.
            unsafe {
                if NUMBERED_FOR.contains(&mi_version()) {
                    mi_option_set(PURGE_DELAY, DEFAULT_PURGE_DELAY);
                }
            }
        }

        #[cfg(test)]
        mod tests {
            use super::short_run;
            use std::ffi::CString;

            fn short(words: &[&str]) -> bool {
                let words: Vec<CString> = words.iter().map(|w| CString::new(*w).unwrap()).collect();
                short_run(words.iter().map(|w| w.as_c_str()))
            }

            #[test]
            fn a_few_small_files_are_a_short_run() {
                let small = "fixtures/CF101-quantity-mismatch/pass-empty-lists.json";
                assert!(short(&["check", "--format", "json", small]));
                assert!(short(&["check", "--force-exclude", small, small]));
                assert!(short(&[small]));
                assert!(short(&["check", "-"]));
                // A tree, the current directory by default, the server, or too many bytes: not.
                assert!(!short(&["check", "fixtures/CF101-quantity-mismatch"]));
                assert!(!short(&["check", small, "fixtures"]));
                assert!(!short(&["check"]));
                assert!(!short(&["rules"]));
                assert!(!short(&["server"]));
                assert!(!short(&[small; 200]));
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = match parse(std::env::args_os().collect()) {
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
        Command::Config {
            path,
            config,
            operation,
        } => show_config(path, config, operation),
        Command::Explain {
            rule,
            format,
            color,
        } => explain(&rule, format, color),
        Command::Routes { file, format } => routes(&file, format),
        Command::Server => {
            allocator::return_freed_memory();
            cloudfront_lint::server::run()
        }
        Command::Schema => {
            let text = cloudfront_lint::schema::editor_schema();
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            0
        }
    };
    ExitCode::from(code)
}

/// The command line, as clap reads it, with two things a user meets first made right: options
/// written before the subcommand (`--format json check .`: `check` is the first path clap sees,
/// and the words are moved so that it comes first), and a mistyped subcommand (`chekc x.json`,
/// with no file `chekc`), a usage error in clap's words rather than a missing file.
fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    if let Some(check) = cloudfront_lint::cli::parse_check(&args) {
        return Ok(Cli {
            command: Some(Command::Check(check)),
            check: CheckArgs::default(),
        });
    }
    let cli = Cli::try_parse_from(&args)?;
    let Some(word) = cli.check.paths.first().and_then(|p| p.to_str()) else {
        return Ok(cli);
    };
    if cli.command.is_some() || word == "-" || Path::new(word).exists() {
        return Ok(cli);
    }
    let mut command = Cli::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    if names.iter().any(|n| n == word) {
        if let Some(at) = first_positional(&command, &args) {
            let mut moved = args.clone();
            let subcommand = moved.remove(at);
            moved.insert(1, subcommand);
            return Cli::try_parse_from(moved);
        }
    }
    // A word that could be a path (`dist.json`, `infra/x`) is left to be reported as a missing file.
    let close = names
        .iter()
        .map(|n| (rules::text::edit_distance(word, n), n))
        .filter(|(d, _)| *d <= 2)
        .min();
    if let Some((_, close)) = close.filter(|_| word.len() >= 3 && !word.contains(['.', '/', '\\']))
    {
        return Err(command.error(
            clap::error::ErrorKind::InvalidSubcommand,
            format!("unrecognized subcommand '{word}'; did you mean '{close}'?"),
        ));
    }
    Ok(cli)
}

/// The index in `args` of the first word that is neither an option nor an option's value.
fn first_positional(command: &clap::Command, args: &[OsString]) -> Option<usize> {
    let takes_value = |long: &str| {
        command
            .get_arguments()
            .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
    };
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_str()?;
        if arg == "--" {
            return (i + 1 < args.len()).then_some(i + 1);
        }
        if let Some(long) = arg.strip_prefix("--") {
            if !long.contains('=') && takes_value(long) {
                i += 1;
            }
        } else if !arg.starts_with('-') || arg == "-" {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Errors printed by miette follow the colour choice too.
fn color_errors(color: Color) {
    let enabled = color.enabled(std::io::stderr().is_terminal());
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(miette::MietteHandlerOpts::new().color(enabled).build())
    }));
}

fn run_check(args: CheckArgs) -> u8 {
    color_errors(args.color);
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        fail_on: args.fail_on,
        operation: args.operation,
    };
    let mut resolver = match Resolver::new(args.config.as_deref()) {
        Ok(r) => r,
        Err(e) => return config_error(e),
    };
    let paths = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    };
    let (inputs, walk_errors) = collect(&paths, &args.stdin_filename);
    for (path, error) in &walk_errors {
        fatal(miette::miette!("while walking `{path}`: {error}"));
    }
    let mut baseline = match &args.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(b) => Some(b),
            Err(e) => {
                fatal(miette::miette!(
                    "cannot read the baseline `{}`: {e}",
                    path.display()
                ));
                return 2;
            }
        },
        None => None,
    };
    let mut jobs = Vec::with_capacity(inputs.len());
    let mut excluded = 0;
    for input in inputs {
        let (config, path) = match &input {
            InputPath::Stdin { name } => (resolver.for_path(Path::new(".")), PathBuf::from(name)),
            InputPath::File { path, .. } => (resolver.for_path(path), path.clone()),
        };
        let config = match config {
            Ok(c) => c,
            Err(e) => return config_error(e),
        };
        let input = match input {
            InputPath::File { path, origin } => {
                let walked = origin == Origin::Walked || args.force_exclude;
                if walked && config.excludes(&path) {
                    excluded += 1;
                    continue;
                }
                let origin = if args.force_exclude {
                    Origin::Walked
                } else {
                    origin
                };
                InputPath::File { path, origin }
            }
            stdin => stdin,
        };
        jobs.push(Job {
            settings: config.for_file(Some(&path), &overrides),
            baseline: baseline.as_mut().map(|b| b.take(&input.display())),
            input,
        });
    }
    let color = args.color.enabled(std::io::stdout().is_terminal());
    let text_output = (args.format == Format::Text).then_some(color);
    let fixes = FixOptions {
        write: args.fix,
        diff: args.diff,
        unsafe_fixes: args.unsafe_fixes,
    };
    let checked = check_all(&jobs, text_output, fixes);
    if args.diff {
        let mut out = String::new();
        let mut fixed = 0;
        for c in &checked {
            out.push_str(&c.diff);
            fixed += c.fixed;
        }
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
        eprintln!(
            "Would fix {fixed} finding{}.",
            if fixed == 1 { "" } else { "s" }
        );
        return u8::from(fixed > 0);
    }
    let mut summary = summarize(&checked);
    summary.skipped += excluded;
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
        Format::Gitlab => out = gitlab::render(&results),
        Format::Junit => out = junit::render(&results),
    }
    if let Some(path) = &args.write_baseline {
        if let Err(e) = std::fs::write(path, baseline::render(&results)) {
            fatal(miette::miette!(
                "cannot write the baseline `{}`: {e}",
                path.display()
            ));
            return 2;
        }
        eprintln!(
            "Wrote {} finding{} to the baseline {}.",
            summary.errors + summary.warnings + summary.infos,
            if summary.errors + summary.warnings + summary.infos == 1 {
                ""
            } else {
                "s"
            },
            path.display()
        );
    }
    // Recording a baseline is not a failed check.
    let adopting = args.write_baseline.is_some();
    if args.baseline.is_some() {
        let baselined: usize = checked.iter().map(|c| c.baselined).sum();
        let disappeared: usize = checked.iter().map(|c| c.disappeared).sum();
        let mut note = format!("{baselined} finding(s) left out: in the baseline.");
        if disappeared > 0 {
            note.push_str(&format!(
                " {disappeared} baseline finding(s) no longer found: prune with --write-baseline."
            ));
        }
        if args.format == Format::Text {
            out.push_str(&note);
            out.push('\n');
        } else {
            eprintln!("{note}");
        }
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if checked.iter().any(|c| c.unreadable) || !walk_errors.is_empty() {
        return 2;
    }
    let failing = !adopting
        && checked.iter().any(|c| {
            c.fail_on.is_some_and(|threshold| {
                c.result
                    .iter()
                    .flat_map(|r| &r.findings)
                    .any(|f| f.severity >= threshold)
            })
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

fn config_error(e: ConfigError) -> u8 {
    fatal(miette::miette!(
        help = "README.md, \"Configuration file\", lists the keys and their values",
        "{e}"
    ));
    2
}

/// `cloudfront-lint config [PATH]`: the settings in effect and where each came from.
fn show_config(
    path: Option<PathBuf>,
    explicit: Option<PathBuf>,
    operation: Option<cloudfront_lint::settings::Operation>,
) -> u8 {
    let path = path.unwrap_or_else(|| ".".into());
    let config = match Resolver::new(explicit.as_deref()).and_then(|mut r| r.for_path(&path)) {
        Ok(c) => c,
        Err(e) => return config_error(e),
    };
    let file = config.path.as_ref().map(|p| p.display().to_string());
    let from = |line: Option<usize>| match (line, &file) {
        (Some(line), Some(file)) => format!("{file}:{line}"),
        _ => "default".to_owned(),
    };
    let list = |v: &[String]| {
        format!(
            "[{}]",
            v.iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut out = format!(
        "# settings for {}\n# configuration file: {}\n",
        path.display(),
        file.as_deref().unwrap_or("none found (defaults)")
    );
    let line = |out: &mut String, key: &str, value: String, from: String| {
        out.push_str(&format!("{key} = {value}  # {from}\n"));
    };
    line(
        &mut out,
        "select",
        match &config.select.value {
            Some(v) => list(v),
            None => "[] (the rules on by default)".to_owned(),
        },
        from(config.select.line),
    );
    line(
        &mut out,
        "extend-select",
        list(&config.extend_select.value),
        from(config.extend_select.line),
    );
    line(
        &mut out,
        "ignore",
        list(&config.ignore.value),
        from(config.ignore.line),
    );
    line(
        &mut out,
        "fail-on",
        format!(
            "{:?}",
            config
                .fail_on
                .value
                .unwrap_or_default()
                .to_possible_value()
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default()
        ),
        from(config.fail_on.line),
    );
    line(
        &mut out,
        "exclude",
        list(
            &config
                .exclude
                .value
                .iter()
                .map(|(g, _)| g.clone())
                .collect::<Vec<_>>(),
        ),
        from(config.exclude.line),
    );
    let severities = config
        .severity
        .value
        .iter()
        .map(|(s, v)| format!("{s:?} = {:?}", v.as_str()))
        .collect::<Vec<_>>();
    line(
        &mut out,
        "severity",
        format!("{{ {} }}", severities.join(", ")),
        from(config.severity.line),
    );
    let per_file = config
        .per_file_ignores
        .value
        .iter()
        .map(|(g, _, codes)| format!("{g:?} = {}", list(codes)))
        .collect::<Vec<_>>();
    line(
        &mut out,
        "per-file-ignores",
        format!("{{ {} }}", per_file.join(", ")),
        from(config.per_file_ignores.line),
    );
    let (operation, from_operation) = match operation {
        Some(op) => (Some(op), "command line".to_owned()),
        None => (config.operation.value, from(config.operation.line)),
    };
    line(
        &mut out,
        "operation",
        operation.map_or(
            "unset (rules assume neither create nor update)".to_owned(),
            |op| format!("{:?}", op.as_str()),
        ),
        from_operation,
    );
    out.push_str("[rules.CF223]  # slow-failover\n");
    line(
        &mut out,
        "max-failover-seconds",
        config.max_failover_seconds.value.to_string(),
        from(config.max_failover_seconds.line),
    );
    out.push_str("[rules.CF715]  # no-tags\n");
    line(
        &mut out,
        "required-tags",
        list(&config.required_tags.value),
        from(config.required_tags.line),
    );
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

fn explain(rule: &str, format: ListFormat, color: Color) -> u8 {
    // The argument was checked while parsing (`cli::rule_or_control`).
    let Some(found) = rules::find(rule) else {
        return explain_control(rule, &rules::implementing(rule), format, color);
    };
    match format {
        ListFormat::Text => show_markdown(found.meta().doc, color),
        ListFormat::Json => {
            let out = serde_json::to_string_pretty(&rule_json(found.meta(), true))
                .unwrap_or_default()
                + "\n";
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
        }
    }
    0
}

/// A control id (`CloudFront.9`): which rules implement it, then their documentation.
fn explain_control(
    control: &str,
    covering: &[&dyn rules::Rule],
    format: ListFormat,
    color: Color,
) -> u8 {
    match format {
        ListFormat::Text => {
            let mut out = format!("`{control}` is implemented by:\n\n");
            for r in covering {
                let m = r.meta();
                out.push_str(&format!("- {} {}: {}\n", m.code, m.name, m.summary));
            }
            for r in covering {
                out.push('\n');
                out.push_str(r.meta().doc);
            }
            show_markdown(&out, color);
        }
        ListFormat::Json => {
            let list: Vec<_> = covering.iter().map(|r| rule_json(r.meta(), true)).collect();
            let out = serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
        }
    }
    0
}

/// Markdown rendered for the terminal and paged through `$PAGER` (default `less -R`) when
/// standard output is one; plain text, wrapped to `$COLUMNS` or 80, when it is not. A pager that
/// cannot be started is skipped.
fn show_markdown(doc: &str, color: Color) {
    let terminal = std::io::stdout().is_terminal();
    let width = terminal_size::terminal_size()
        .filter(|_| terminal)
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(80);
    let out = markdown::render(doc, width, color.enabled(terminal)) + "\n";
    if terminal && page(&out) {
        return;
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}

/// Writes `text` through the pager; false when none could be started (or `PAGER` is empty).
fn page(text: &str) -> bool {
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less -R".to_owned());
    let mut words = pager.split_whitespace();
    let Some(program) = words.next() else {
        return false;
    };
    let child = std::process::Command::new(program)
        .args(words)
        .env(
            "LESS",
            std::env::var("LESS").unwrap_or_else(|_| "FRX".to_owned()),
        )
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading it all.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
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
