//! The `check` command: find the files, lint them on every core, keep the order deterministic.

use crate::form::terraform::Scope;
use crate::render::{text, FileResult, Summary};
use crate::rules;
use crate::{lint_in_module, Finding, Origin, Outcome, Settings, Source, MAX_FILE_BYTES};
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
        let Ok(parsed) = crate::hcl::parse(&text) else {
            continue;
        };
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        module.extend_from(Scope::of(&parsed.value), &name);
    }
    module
}

/// One file's outcome, ready for output.
pub struct Checked {
    pub result: Option<FileResult>,
    /// Text output for this file (only when asked for).
    pub text: String,
    /// The file could not be read: CF003, and exit code 2.
    pub unreadable: bool,
}

/// Lints every input, on as many threads as there are cores, in input order.
pub fn check_all(
    inputs: &[InputPath],
    settings: &Settings,
    text_output: Option<bool>,
) -> Vec<Checked> {
    // One file (what a pre-commit hook passes) is linted on this thread: no spawn to pay for.
    if inputs.len() == 1 {
        return vec![check_one(
            &inputs[0],
            settings,
            text_output,
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
                    mine.push((i, check_one(input, settings, text_output, &modules)));
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
    input: &InputPath,
    settings: &Settings,
    text_output: Option<bool>,
    modules: &Modules,
) -> Checked {
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
                result: Some(FileResult::new(&source, vec![finding])),
                text,
                unreadable: true,
            };
        }
    };
    let source = Source::new(input.display(), bytes);
    let module = match input {
        InputPath::File { path, .. } => modules.of(path, &source.text),
        InputPath::Stdin { .. } => None,
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lint_in_module(&source, settings, origin, module.as_deref())
    }));
    let Ok(outcome) = outcome else {
        // A bug, already printed by the panic hook: say which file, and fail the run with 2.
        eprintln!(
            "internal error while linting {}: please report it with this file",
            source.path
        );
        return Checked {
            result: None,
            text: String::new(),
            unreadable: true,
        };
    };
    match outcome {
        Outcome::Linted(findings) => {
            let result = FileResult::new(&source, findings);
            let text = text_output.map_or_else(String::new, |color| {
                text::render_file(&result, &source.text, color)
            });
            Checked {
                result: Some(result),
                text,
                unreadable: false,
            }
        }
        Outcome::Skipped { .. } => Checked {
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
    }
    summary
}
