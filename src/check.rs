//! The `check` command: find the files, lint them on every core, keep the order deterministic.

use crate::config::FileSettings;
use crate::form::terraform::Scope;
use crate::render::{text, FileResult, Summary};
use crate::rules;
use crate::{lint_in_module, Finding, Origin, Outcome, Severity, Source, MAX_FILE_BYTES};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Where to read one input from.
#[derive(Clone, Debug)]
pub enum InputPath {
    Stdin { name: String },
    File { path: PathBuf, origin: Origin },
}

impl InputPath {
    pub fn display(&self) -> String {
        match self {
            InputPath::Stdin { name } => name.clone(),
            InputPath::File { path, .. } => path.display().to_string(),
        }
    }
}

/// Directories nobody wants linted, on top of hidden folders and whatever .gitignore says.
const SKIPPED_DIRS: [&str; 4] = ["node_modules", ".terraform", "target", ".git"];

/// Files that may hold a distribution: JSON (API input, CloudFormation, CDK's `cdk.out`), YAML
/// templates, `.template` files in either syntax, and Terraform (`.tf`; `.tf.json` and plans are JSON).
const EXTENSIONS: [&str; 5] = ["json", "yaml", "yml", "template", "tf"];

/// Whether a walk goes into this directory. In a CDK app's `cdk.out` only the synthesized
/// templates matter: its `asset.*` folders are the app's bundled code and files.
fn walked_into(entry: &ignore::DirEntry) -> bool {
    let name = entry.file_name();
    if SKIPPED_DIRS.iter().any(|d| name == *d) {
        return false;
    }
    let in_cdk_out = entry
        .path()
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|p| p == "cdk.out");
    !(in_cdk_out
        && name.to_str().is_some_and(|n| n.starts_with("asset."))
        && entry.file_type().is_some_and(|t| t.is_dir()))
}

/// The inputs named on the command line, with directories expanded to the files in them that may
/// hold a distribution (sorted). A path that cannot be walked comes back as an error to report.
pub fn collect(paths: &[PathBuf], stdin_name: &str) -> (Vec<InputPath>, Vec<(String, String)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(InputPath::Stdin {
                name: stdin_name.to_owned(),
            });
        } else if path.is_dir() {
            let mut found = Vec::new();
            let walker = ignore::WalkBuilder::new(path)
                .hidden(true)
                .git_ignore(true)
                .require_git(false)
                .follow_links(false)
                .filter_entry(walked_into)
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let wanted = e
                            .path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.iter().any(|w| x.eq_ignore_ascii_case(w)));
                        if wanted && e.file_type().is_some_and(|t| t.is_file()) {
                            found.push(e.into_path());
                        }
                    }
                    Err(e) => errors.push((path.display().to_string(), e.to_string())),
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(|path| InputPath::File {
                path,
                origin: Origin::Walked,
            }));
        } else {
            inputs.push(InputPath::File {
                path: path.clone(),
                origin: Origin::Named,
            });
        }
    }
    (inputs, errors)
}

/// What the `.tf` files of each folder (a Terraform module) declare: variables and locals a
/// distribution may use. Each folder is read once per run, by the first file that needs it.
#[derive(Default)]
pub struct Modules {
    folders: Mutex<HashMap<PathBuf, Arc<Scope>>>,
}

impl Modules {
    /// The module of a Terraform file that holds a distribution; `None` for anything else.
    fn of(&self, path: &Path, text: &str) -> Option<Arc<Scope>> {
        let is_tf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tf"));
        if !is_tf || !text.contains("aws_cloudfront_distribution") {
            return None;
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        // Held while a folder is read, which happens once per folder in a run.
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        let scope = folders
            .entry(folder)
            .or_insert_with_key(|folder| Arc::new(read_module(folder)));
        Some(Arc::clone(scope))
    }
}

/// Reads the variables and locals of every `.tf` file of a folder that declares some.
fn read_module(folder: &Path) -> Scope {
    let mut module = Scope::default();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return module;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    files.sort();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if !text.contains("variable") && !text.contains("locals") {
            continue;
        }
        // Only the declarations are needed: parse those blocks alone when the file is laid out
        // as `terraform fmt` leaves it, the whole file otherwise.
        let declarations = declaration_blocks(&text);
        let parsed = match declarations.as_deref().map(crate::hcl::parse) {
            Some(Ok(parsed)) => parsed,
            _ => match crate::hcl::parse(&text) {
                Ok(parsed) => parsed,
                Err(_) => continue,
            },
        };
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        module.extend_from(Scope::of(&parsed.value), &name);
    }
    module
}

/// The top-level `variable` and `locals` blocks of a Terraform file, each from its opening line
/// (unindented) to the first unindented `}` line. `None` when a block does not end that way.
fn declaration_blocks(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let opens = ["variable ", "variable\t", "locals ", "locals{", "locals\t"];
        if !opens.iter().any(|o| line.starts_with(o)) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if line.matches('{').count() == line.matches('}').count() {
            continue; // `variable "x" { default = 1 }` on one line
        }
        loop {
            let line = lines.next()?;
            out.push_str(line);
            out.push('\n');
            if line.trim_end() == "}" {
                break;
            }
        }
    }
    Some(out)
}

/// One input and the settings it is linted with (its configuration file, then the command line).
pub struct Job {
    pub input: InputPath,
    pub settings: FileSettings,
    /// `--baseline`: this file's recorded findings, (code, pointer) → how many; not reported.
    pub baseline: Option<std::collections::HashMap<(String, String), usize>>,
}

/// What to do with the fixes findings carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FixOptions {
    /// `--fix`: write the fixed file.
    pub write: bool,
    /// `--diff`: print what `--fix` would change.
    pub diff: bool,
    /// `--unsafe-fixes`: apply the fixes that may change what the config does, too.
    pub unsafe_fixes: bool,
}

/// One file's outcome, ready for output.
pub struct Checked {
    /// Findings left out because the baseline records them.
    pub baselined: usize,
    /// Baseline entries for this file that no finding matched any more.
    pub disappeared: usize,
    /// How many fixes were applied (or would be, with `--diff`).
    pub fixed: usize,
    /// `--diff`: the unified diff of the fixes.
    pub diff: String,
    /// Findings at or above this fail the run (the file's `fail-on`).
    pub fail_on: Option<Severity>,
    pub result: Option<FileResult>,
    /// Text output for this file (only when asked for).
    pub text: String,
    /// The file could not be read: CF003, and exit code 2.
    pub unreadable: bool,
}

/// Lints every input, on as many threads as there are cores, in input order.
pub fn check_all(inputs: &[Job], text_output: Option<bool>, fixes: FixOptions) -> Vec<Checked> {
    // One file (what a pre-commit hook passes) is linted on this thread: no spawn to pay for.
    if inputs.len() == 1 {
        return vec![check_one(
            &inputs[0],
            text_output,
            fixes,
            &Modules::default(),
        )];
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let modules = Modules::default();
    let results: Mutex<Vec<(usize, Checked)>> = Mutex::new(Vec::with_capacity(inputs.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    mine.push((i, check_one(input, text_output, fixes, &modules)));
                }
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(mine);
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, c)| c).collect()
}

fn check_one(
    job: &Job,
    text_output: Option<bool>,
    fixes: FixOptions,
    modules: &Modules,
) -> Checked {
    let (input, settings) = (&job.input, &job.settings);
    let fail_on = settings.fail_on;
    let origin = match input {
        InputPath::Stdin { .. } => Origin::Named,
        InputPath::File { origin, .. } => *origin,
    };
    let bytes = match read(input) {
        Ok(bytes) => bytes,
        Err(message) => {
            let source = Source::new(input.display(), Vec::new());
            let finding = unreadable(message);
            let text = match text_output {
                Some(_) => format!("error[CF003]: {}: {}\n\n", input.display(), finding.message),
                None => String::new(),
            };
            return Checked {
                baselined: 0,
                disappeared: 0,
                fixed: 0,
                diff: String::new(),
                fail_on,
                result: Some(FileResult::new(&source, vec![finding])),
                text,
                unreadable: true,
            };
        }
    };
    let mut source = Source::new(input.display(), bytes);
    let module = match input {
        InputPath::File { path, .. } => modules.of(path, &source.text),
        InputPath::Stdin { .. } => None,
    };
    let lint_once = |source: &Source| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            lint_in_module(
                source,
                &settings.settings,
                &settings.options,
                origin,
                module.as_deref(),
            )
        }))
    };
    let mut outcome = lint_once(&source);
    let (mut fixed, mut diff, mut write_error) = (0, String::new(), None);
    let fixable = matches!(input, InputPath::File { .. }) && source.invalid_utf8_at.is_none();
    if (fixes.write || fixes.diff) && fixable {
        let original = source.text.clone();
        // A fix can uncover another (or two fixes overlapped): apply until nothing changes.
        for _ in 0..8 {
            let Ok(Outcome::Linted(findings)) = &outcome else {
                break;
            };
            let Some((text, n)) = crate::fix::apply(&source.text, findings, fixes.unsafe_fixes)
            else {
                break;
            };
            fixed += n;
            source = Source::new(input.display(), text.into_bytes());
            outcome = lint_once(&source);
        }
        if fixed > 0 {
            if fixes.diff {
                diff = crate::fix::diff(&source.path, &original, &source.text);
            } else if let InputPath::File { path, .. } = input {
                if let Err(e) = crate::fix::write_atomic(path, &source.text) {
                    write_error = Some(format!("cannot write the fixed file: {e}"));
                }
            }
        }
    }
    let Ok(outcome) = outcome else {
        // A bug, already printed by the panic hook: say which file, and fail the run with 2.
        eprintln!(
            "internal error while linting {}: please report it with this file",
            source.path
        );
        return Checked {
            baselined: 0,
            disappeared: 0,
            fixed,
            diff,
            fail_on,
            result: None,
            text: String::new(),
            unreadable: true,
        };
    };
    match outcome {
        Outcome::Linted(mut findings) => {
            settings.adjust(&mut findings);
            let (mut baselined, mut disappeared) = (0, 0);
            if let Some(recorded) = &job.baseline {
                let mut left = recorded.clone();
                findings.retain(|f| {
                    let key = (f.code.to_owned(), f.location.pointer.as_str().to_owned());
                    match left.get_mut(&key) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            baselined += 1;
                            false
                        }
                        _ => true,
                    }
                });
                disappeared = left.values().sum();
            }
            if let Some(message) = &write_error {
                eprintln!("{}: {message}", source.path);
            }
            let result = FileResult::new(&source, findings);
            let text = text_output.map_or_else(String::new, |color| {
                text::render_file(&result, &source.text, color)
            });
            Checked {
                baselined,
                disappeared,
                fixed,
                diff,
                fail_on,
                result: Some(result),
                text,
                unreadable: write_error.is_some(),
            }
        }
        Outcome::Skipped { .. } => Checked {
            baselined: 0,
            disappeared: job.baseline.as_ref().map_or(0, |b| b.values().sum()),
            fixed,
            diff,
            fail_on,
            result: None,
            text: String::new(),
            unreadable: false,
        },
    }
}

fn read(input: &InputPath) -> Result<Vec<u8>, String> {
    let limit = MAX_FILE_BYTES;
    let too_large = |n: u64| {
        format!(
            "the file is {n} bytes, more than the {} MiB the linter reads",
            limit / (1024 * 1024)
        )
    };
    match input {
        InputPath::Stdin { .. } => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| e.to_string())?;
            if bytes.len() as u64 > limit {
                return Err(too_large(bytes.len() as u64));
            }
            Ok(bytes)
        }
        InputPath::File { path, .. } => {
            let meta = std::fs::metadata(path).map_err(io_message)?;
            if meta.is_dir() {
                return Err("it is a directory".to_owned());
            }
            if !meta.is_file() {
                // A FIFO or a device could block or never end.
                return Err("it is not a regular file".to_owned());
            }
            if meta.len() > limit {
                return Err(too_large(meta.len()));
            }
            std::fs::read(path).map_err(io_message)
        }
    }
}

fn io_message(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

fn unreadable(message: String) -> Finding {
    Finding::about_file(
        &rules::UNREADABLE_FILE,
        0..0,
        format!("cannot read the file: {message}"),
    )
}

/// Counts over every result; files skipped while walking count as skipped.
pub fn summarize(checked: &[Checked]) -> Summary {
    let mut summary = Summary::default();
    for c in checked {
        match &c.result {
            Some(r) => summary.add(&r.findings),
            None => summary.skipped += 1,
        }
        summary.fixed += c.fixed;
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::declaration_blocks;

    #[test]
    fn declarations_are_cut_out_of_a_formatted_file() {
        let text = "variable \"root\" {\n  default = \"/index.html\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n\nlocals {\n  origin = \"site\"\n  tags = {\n    team = \"web\"\n  }\n}\nvariable \"one\" { default = 1 }\n";
        let cut = declaration_blocks(text).unwrap();
        assert_eq!(cut, "variable \"root\" {\n  default = \"/index.html\"\n}\nlocals {\n  origin = \"site\"\n  tags = {\n    team = \"web\"\n  }\n}\nvariable \"one\" { default = 1 }\n");
        let parsed = crate::hcl::parse(&cut).unwrap();
        let scope = crate::form::terraform::Scope::of(&parsed.value);
        assert_eq!(scope.variables.len(), 2);
        assert_eq!(scope.locals.len(), 2);
    }

    #[test]
    fn a_block_without_an_unindented_end_means_the_whole_file() {
        assert_eq!(declaration_blocks("locals {\n  a = 1\n  }\n"), None);
    }
}
