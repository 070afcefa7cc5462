//! `cloudfront-lint server`: the Language Server Protocol over stdio, another thin renderer over
//! findings. lsp-server gives the message types and framing, lsp-types the protocol's shapes
//! (chosen on the measurements in `../shared/reference/crates-next.md` §4: no async runtime).
//!
//! Four threads: a reader that never stops on a bad message (lsp-server's own stdio transport
//! ends on the first malformed payload), a writer, this loop and a linting worker. The loop takes
//! every message that has queued up, applies them in order, and hands each changed document to
//! the worker once, after the batch; it never lints, so it answers (hover, code actions,
//! shutdown) while a large document lints. The worker waits for a burst of typing to end
//! (`DEBOUNCE`), lints only the latest version of each document, and sends the findings back
//! through the loop's queue, which keeps them only if the document has not changed meanwhile. A
//! request about a document whose lint is running is answered when it is done. A document is
//! linted from its text in memory, never from disk; its settings come from the configuration
//! file found walking up from its path (as the CLI finds it) with the client's settings over it.

mod ignore;

use crate::config::{self, Config, ConfigError, FileSettings, Overrides, Resolver};
use crate::document::Syntax;
use crate::finding::{Applicability, Finding, Severity as Sev};
use crate::{rules, Origin, Outcome, Source};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

pub use crate::rules::RULES_URL;

/// What the diagnostics say they come from.
const SOURCE: &str = "cloudfront-lint";

/// How long the worker waits after a change for the next one before it lints: typing is linted
/// once it pauses, a burst of changes once, at its last version.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// Runs the server on standard input and output until `exit` or the end of input. Returns the
/// process exit code: 0 after `shutdown` then `exit` (or the end of input), 1 for `exit` alone.
pub fn run() -> u8 {
    let (in_tx, in_rx) = mpsc::channel();
    let (out_tx, out_rx) = mpsc::channel::<Outgoing>();
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let results = in_tx.clone();
    std::thread::spawn(move || read_loop(in_tx));
    std::thread::spawn(move || work(&job_rx, &results));
    let writer = std::thread::spawn(move || {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for message in out_rx {
            let ok = match message {
                Outgoing::Message(m) => m.write(&mut out).is_ok(),
                Outgoing::Raw(text) => {
                    write!(out, "Content-Length: {}\r\n\r\n{text}", text.len()).is_ok()
                        && out.flush().is_ok()
                }
            };
            if !ok {
                break;
            }
        }
    });
    let mut server = Server::new(out_tx, job_tx);
    let code = server.serve(&in_rx);
    drop(server);
    let _ = writer.join();
    code
}

enum Incoming {
    Message(Message),
    /// A message that could not be read (the error), the stream still in step.
    Malformed(String),
    /// The worker's findings for one document.
    Linted(Linted),
}

enum Outgoing {
    Message(Message),
    /// A JSON-RPC message lsp-server cannot express (an error response with a null id).
    Raw(String),
}

/// Reads messages until the end of input. A body that is not a JSON-RPC message is reported and
/// skipped: lsp-server reads the whole body before parsing it, so the next message is in step.
fn read_loop(tx: mpsc::Sender<Incoming>) {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        let incoming = match Message::read(&mut input) {
            Ok(Some(m)) => Incoming::Message(m),
            Ok(None) => break,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                Incoming::Malformed(e.to_string())
            }
            Err(_) => break,
        };
        if tx.send(incoming).is_err() {
            break;
        }
    }
}

/// One document to lint, as it was when it was handed over.
struct Job {
    uri: lsp::Uri,
    generation: u64,
    /// The document's generation now: a job that is no longer the latest is skipped.
    latest: Arc<AtomicU64>,
    language: String,
    text: Arc<String>,
    /// `None`: the configuration file excludes the document.
    settings: Option<FileSettings>,
    /// Wait for the burst of changes to end.
    debounce: bool,
}

struct Linted {
    uri: lsp::Uri,
    generation: u64,
    /// `Err` when the linter panicked.
    findings: Result<Vec<Finding>, ()>,
}

/// The worker: lints what the loop hands over, the latest job of each document only, after a
/// change once no other has come for `DEBOUNCE`, and sends the findings back into the loop's queue.
fn work(jobs: &mpsc::Receiver<Job>, results: &mpsc::Sender<Incoming>) {
    let mut queue: Vec<(Job, Instant)> = Vec::new();
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(job) => queue.push((job, Instant::now())),
                Err(_) => return,
            }
        }
        // Gather what else comes until no change has come for `DEBOUNCE`.
        loop {
            let wait = queue
                .iter()
                .filter(|(job, _)| job.debounce)
                .map(|(_, at)| *at + DEBOUNCE)
                .max()
                .and_then(|until| until.checked_duration_since(Instant::now()));
            let next = match wait {
                Some(wait) => match jobs.recv_timeout(wait) {
                    Ok(job) => job,
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                },
                None => match jobs.try_recv() {
                    Ok(job) => job,
                    Err(mpsc::TryRecvError::Empty) => break,
                    Err(mpsc::TryRecvError::Disconnected) => return,
                },
            };
            queue.retain(|(job, _)| job.uri != next.uri);
            queue.push((next, Instant::now()));
        }
        for (job, _) in queue.drain(..) {
            if job.latest.load(Ordering::Relaxed) != job.generation {
                continue;
            }
            let findings = match &job.settings {
                Some(settings) => lint_text(&job.uri, &job.language, &job.text, settings),
                None => Ok(Vec::new()),
            };
            let linted = Linted {
                uri: job.uri,
                generation: job.generation,
                findings,
            };
            if results.send(Incoming::Linted(linted)).is_err() {
                return;
            }
        }
    }
}

/// One open document.
struct Doc {
    /// Shared with the worker while it lints (a change replaces it, or copies it to edit).
    text: Arc<String>,
    version: i32,
    language: String,
    /// Start offset of every line.
    lines: Vec<usize>,
    /// The findings of `text` when `linted == generation` (empty for a document that holds no
    /// distribution).
    findings: Vec<Finding>,
    /// Changes whenever how the document lints does (its text, its settings); unique across
    /// documents.
    generation: u64,
    /// `generation` for the worker, which skips a job that is no longer the latest.
    latest: Arc<AtomicU64>,
    /// The generation `findings` were made from.
    linted: u64,
    /// Changed since a lint was last asked for.
    dirty: bool,
    /// The change came from typing: the worker waits for the burst to end.
    debounce: bool,
    /// Diagnostics were published and not yet cleared.
    published: bool,
}

/// A generation no document had: a document closed and opened again under the same URI while
/// its lint runs must not take that lint's findings for its own.
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Doc {
    fn new(text: String, version: i32, language: String) -> Doc {
        let generation = next_generation();
        Doc {
            lines: line_starts(&text),
            text: Arc::new(text),
            version,
            language,
            findings: Vec::new(),
            generation,
            latest: Arc::new(AtomicU64::new(generation)),
            linted: 0,
            dirty: true,
            debounce: false,
            published: false,
        }
    }

    /// Something changed how the document lints: ask for a lint (after the batch).
    fn touch(&mut self, debounce: bool) {
        self.generation = next_generation();
        self.latest.store(self.generation, Ordering::Relaxed);
        self.dirty = true;
        self.debounce = debounce;
    }

    fn fresh(&self) -> bool {
        self.linted == self.generation
    }
}

/// Which settings win where both say something, as ruff's server's `configurationPreference`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Preference {
    /// The editor's `select` replaces the file's; its `extendSelect` and `ignore` add to the
    /// file's (as the command line does over the file).
    EditorFirst,
    /// A configuration file, where there is one, is used alone.
    FilesystemFirst,
    /// Configuration files are not read.
    EditorOnly,
}

/// A request about a document whose lint is still running: answered when it is done.
struct Waiting {
    id: RequestId,
    uri: lsp::Uri,
    request: Request,
}

struct Server {
    out: mpsc::Sender<Outgoing>,
    jobs: mpsc::Sender<Job>,
    docs: HashMap<lsp::Uri, Doc>,
    /// The client's settings, laid over the configuration file as the command line is.
    editor: Overrides,
    preference: Preference,
    /// Configuration files, each read once until one changes.
    resolver: Resolver,
    /// Configuration files whose error is shown (as a diagnostic on the file), with the error.
    config_errors: HashMap<PathBuf, String>,
    waiting: Vec<Waiting>,
    /// The client can watch files for us (`workspace/didChangeWatchedFiles` registered
    /// dynamically).
    can_watch: bool,
    initialized: bool,
    shutdown: bool,
}

impl Server {
    fn new(out: mpsc::Sender<Outgoing>, jobs: mpsc::Sender<Job>) -> Server {
        Server {
            out,
            jobs,
            docs: HashMap::new(),
            editor: Overrides::default(),
            preference: Preference::EditorFirst,
            resolver: Resolver::new(None).expect("no file is read without --config"),
            config_errors: HashMap::new(),
            waiting: Vec::new(),
            can_watch: false,
            initialized: false,
            shutdown: false,
        }
    }

    fn serve(&mut self, rx: &mpsc::Receiver<Incoming>) -> u8 {
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            batch.extend(rx.try_iter());
            for incoming in batch {
                let message = match incoming {
                    Incoming::Message(m) => m,
                    Incoming::Linted(linted) => {
                        self.linted(linted);
                        continue;
                    }
                    Incoming::Malformed(error) => {
                        self.log(&format!("ignored a malformed message: {}", shorten(&error)));
                        let body = serde_json::json!({
                            "jsonrpc": "2.0", "id": null,
                            "error": {"code": ErrorCode::ParseError as i32, "message": shorten(&error)},
                        });
                        let _ = self.out.send(Outgoing::Raw(body.to_string()));
                        continue;
                    }
                };
                match message {
                    Message::Request(request) => self.request(request),
                    Message::Notification(n) if n.method == "exit" => {
                        return u8::from(!self.shutdown);
                    }
                    Message::Notification(n) => self.notification(n),
                    // The answer to our `client/registerCapability`: nothing to do either way.
                    Message::Response(_) => {}
                }
            }
            self.lint_dirty();
        }
        u8::from(!self.shutdown && self.initialized)
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.out.send(Outgoing::Message(message.into()));
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params));
    }

    /// A message for the client's log (and our stderr).
    fn log(&self, message: &str) {
        eprintln!("cloudfront-lint server: {message}");
        self.notify::<lsp::notification::LogMessage>(lsp::LogMessageParams {
            typ: lsp::MessageType::WARNING,
            message: message.to_owned(),
        });
    }

    fn error(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message));
    }

    fn request(&mut self, request: Request) {
        use lsp::request::{CodeActionRequest, HoverRequest, Request as _};
        let id = request.id.clone();
        if !self.initialized && request.method != "initialize" {
            return self.error(
                id,
                ErrorCode::ServerNotInitialized,
                "initialize first".into(),
            );
        }
        if self.shutdown {
            return self.error(id, ErrorCode::InvalidRequest, "shut down".into());
        }
        match request.method.as_str() {
            "initialize" => self.initialize(request),
            "shutdown" => {
                self.shutdown = true;
                self.send(Response::new_ok(id, Value::Null));
            }
            CodeActionRequest::METHOD | HoverRequest::METHOD => {
                // About a document whose lint is running: answered when it is done.
                let uri = request.params["textDocument"]["uri"]
                    .as_str()
                    .and_then(|u| lsp::Uri::from_str(u).ok());
                if let Some(uri) = uri {
                    if self.docs.get(&uri).is_some_and(|d| !d.fresh()) {
                        self.waiting.push(Waiting { id, uri, request });
                        return;
                    }
                }
                self.answer(request);
            }
            other => self.error(
                id,
                ErrorCode::MethodNotFound,
                format!("unknown method `{other}`"),
            ),
        }
    }

    /// Answers a request about a document's findings (they are its text's).
    fn answer(&mut self, request: Request) {
        use lsp::request::{CodeActionRequest, HoverRequest, Request as _};
        let id = request.id.clone();
        if request.method == CodeActionRequest::METHOD {
            match request.extract(CodeActionRequest::METHOD) {
                Ok((id, params)) => {
                    let actions = self.code_actions(params);
                    self.send(Response::new_ok(id, actions));
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            }
        } else {
            match request.extract(HoverRequest::METHOD) {
                Ok((id, params)) => {
                    let hover = self.hover(params);
                    self.send(Response::new_ok(id, hover));
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            }
        }
    }

    /// Answers the requests that waited for `uri`'s lint (or for a document now closed).
    fn answer_waiting(&mut self, uri: &lsp::Uri) {
        if self.docs.get(uri).is_some_and(|d| !d.fresh()) {
            return;
        }
        let (now, later) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|w| &w.uri == uri);
        self.waiting = later;
        for w in now {
            self.answer(w.request);
        }
    }

    fn initialize(&mut self, request: Request) {
        if self.initialized {
            return self.error(
                request.id,
                ErrorCode::InvalidRequest,
                "already initialized".into(),
            );
        }
        let params: lsp::InitializeParams = match serde_json::from_value(request.params) {
            Ok(p) => p,
            Err(e) => return self.error(request.id, ErrorCode::InvalidParams, e.to_string()),
        };
        if let Some(options) = &params.initialization_options {
            self.configure(options);
        }
        self.can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        let capabilities = lsp::ServerCapabilities {
            position_encoding: Some(lsp::PositionEncodingKind::UTF16),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::FULL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            ..Default::default()
        };
        let result = lsp::InitializeResult {
            capabilities,
            server_info: Some(lsp::ServerInfo {
                name: "cloudfront-lint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        self.send(Response::new_ok(request.id, result));
    }

    /// Asks the client to tell us when a configuration file is made, changed or deleted.
    fn watch_config_files(&self) {
        let watchers: Vec<Value> = config::NAMES
            .iter()
            .map(|name| serde_json::json!({"globPattern": format!("**/{name}")}))
            .collect();
        let params = serde_json::json!({"registrations": [{
            "id": "cloudfront-lint-config-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": {"watchers": watchers},
        }]});
        self.send(Request::new(
            RequestId::from("cloudfront-lint-watch".to_owned()),
            "client/registerCapability".into(),
            params,
        ));
    }

    fn notification(&mut self, n: Notification) {
        use lsp::notification::{
            Cancel, DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles,
            DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument, Initialized,
            Notification as _,
        };
        if !self.initialized || self.shutdown {
            return;
        }
        match n.method.as_str() {
            Initialized::METHOD if self.can_watch => self.watch_config_files(),
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let d = p.text_document;
                    self.docs
                        .insert(d.uri, Doc::new(d.text, d.version, d.language_id));
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                {
                    let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
                        return;
                    };
                    // Full sync: the last change is the whole text. (A client that sends ranges
                    // anyway gets them applied.)
                    for change in p.content_changes {
                        match change.range {
                            None => doc.text = Arc::new(change.text),
                            Some(range) => {
                                let r = to_bytes(&doc.text, &doc.lines, range);
                                Arc::make_mut(&mut doc.text).replace_range(r, &change.text);
                            }
                        }
                        doc.lines = line_starts(&doc.text);
                    }
                    doc.version = p.text_document.version;
                    doc.touch(true);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    if is_config_file(&p.text_document.uri) {
                        self.config_changed();
                    }
                    if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                        if let Some(text) = p.text {
                            doc.lines = line_starts(&text);
                            doc.text = Arc::new(text);
                        }
                        doc.touch(false);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.docs.remove(&uri) {
                        // A lint still running for it finds itself outdated.
                        doc.latest.store(0, Ordering::Relaxed);
                        if doc.published {
                            self.publish(&uri, Vec::new(), None);
                        }
                        self.answer_waiting(&uri);
                    }
                }
            }
            DidChangeConfiguration::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidChangeConfigurationParams>(DidChangeConfiguration::METHOD)
                {
                    self.configure(&p.settings);
                    self.config_changed();
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidChangeWatchedFilesParams>(DidChangeWatchedFiles::METHOD)
                {
                    if p.changes.iter().any(|c| is_config_file(&c.uri)) {
                        self.config_changed();
                    }
                }
            }
            Cancel::METHOD => {
                if let Ok(p) = n.extract::<lsp::CancelParams>(Cancel::METHOD) {
                    let id = match p.id {
                        lsp::NumberOrString::Number(n) => RequestId::from(n),
                        lsp::NumberOrString::String(s) => RequestId::from(s),
                    };
                    if let Some(at) = self.waiting.iter().position(|w| w.id == id) {
                        let w = self.waiting.remove(at);
                        self.error(w.id, ErrorCode::RequestCanceled, "canceled".into());
                    }
                }
            }
            // `$/setTrace` and anything unknown: nothing to do.
            _ => {}
        }
    }

    /// A configuration file (or the client's settings) changed: every file is read again when
    /// next needed, and every open document is linted again (from its text in memory).
    fn config_changed(&mut self) {
        self.resolver = Resolver::new(None).expect("no file is read without --config");
        for doc in self.docs.values_mut() {
            doc.touch(false);
        }
    }

    /// The client's settings: `{"cloudfront-lint": {"select": [...], "extendSelect": [...],
    /// "ignore": [...], "configurationPreference": "editorFirst"}}` or the inner object alone.
    /// Rule lists are as the CLI's `--select`, `--extend-select` and `--ignore`; a selector no
    /// rule matches is reported and left out.
    fn configure(&mut self, settings: &Value) {
        let inner = settings
            .get("cloudfront-lint")
            .or_else(|| settings.get("cloudfrontLint"))
            .unwrap_or(settings);
        let list = |keys: &[&str]| -> Vec<String> {
            let Some(v) = keys.iter().find_map(|k| inner.get(*k)) else {
                return Vec::new();
            };
            let items: Vec<String> = match v {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect(),
                Value::String(s) => s.split(',').map(str::to_owned).collect(),
                _ => Vec::new(),
            };
            items
                .into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let mut editor = Overrides {
            select: list(&["select"]),
            extend_select: list(&["extendSelect", "extend-select", "extend_select"]),
            ignore: list(&["ignore"]),
            ..Overrides::default()
        };
        let mut unknown = Vec::new();
        for field in [
            &mut editor.select,
            &mut editor.extend_select,
            &mut editor.ignore,
        ] {
            field.retain(|s| {
                let known = rules::REGISTRY
                    .iter()
                    .any(|r| crate::settings::matches(s, r.meta()));
                if !known {
                    unknown.push(s.clone());
                }
                known
            });
        }
        if !unknown.is_empty() {
            self.log(&format!(
                "no rule matches {} (`cloudfront-lint rules` lists them)",
                unknown.join(", ")
            ));
        }
        self.editor = editor;
        let preference = ["configurationPreference", "configuration-preference"]
            .iter()
            .find_map(|k| inner.get(*k)?.as_str());
        self.preference = match preference {
            None | Some("editorFirst") => Preference::EditorFirst,
            Some("filesystemFirst") => Preference::FilesystemFirst,
            Some("editorOnly") => Preference::EditorOnly,
            Some(other) => {
                self.log(&format!(
                    "unknown configurationPreference `{other}`: expected `editorFirst`, `filesystemFirst` or `editorOnly`"
                ));
                Preference::EditorFirst
            }
        };
    }

    /// How one document is linted: its configuration file (found walking up from its path, as
    /// the CLI finds it) with the client's settings laid over it. `None`: the file's `exclude`
    /// names it. A configuration file with an error is shown on that file, and the defaults used.
    fn settings_for(
        &mut self,
        uri: &lsp::Uri,
        errors: &mut HashMap<PathBuf, ConfigError>,
    ) -> Option<FileSettings> {
        let path = file_path(uri);
        let base = || std::env::current_dir().unwrap_or_default();
        let config = match (&path, self.preference) {
            (Some(path), Preference::EditorFirst | Preference::FilesystemFirst) => {
                match self.resolver.for_path(path) {
                    Ok(c) => c,
                    Err(e) => {
                        let defaults = Arc::new(Config::defaults(base()));
                        errors.insert(e.path.clone(), e);
                        defaults
                    }
                }
            }
            _ => Arc::new(Config::defaults(base())),
        };
        if let Some(path) = &path {
            if config.excludes(path) {
                return None;
            }
        }
        let from_file = config.path.is_some() && self.preference == Preference::FilesystemFirst;
        let editor = if from_file {
            Overrides::default()
        } else {
            self.editor.clone()
        };
        Some(config.for_file(path.as_deref(), &editor))
    }

    /// Hands every document changed since it was last linted to the worker, once.
    fn lint_dirty(&mut self) {
        let dirty: Vec<lsp::Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        if dirty.is_empty() {
            return;
        }
        let all = dirty.len() == self.docs.len();
        let mut errors = HashMap::new();
        for uri in dirty {
            let settings = self.settings_for(&uri, &mut errors);
            let Some(doc) = self.docs.get_mut(&uri) else {
                continue;
            };
            doc.dirty = false;
            let _ = self.jobs.send(Job {
                uri,
                generation: doc.generation,
                latest: doc.latest.clone(),
                language: doc.language.clone(),
                text: doc.text.clone(),
                settings,
                debounce: doc.debounce,
            });
        }
        self.show_config_errors(errors, all);
    }

    /// Shows each configuration file's error as a diagnostic on the file (and once as a
    /// message), and takes away those of files that have none now.
    fn show_config_errors(&mut self, errors: HashMap<PathBuf, ConfigError>, all: bool) {
        for (path, e) in &errors {
            let Some(uri) = file_uri(path) else {
                continue;
            };
            if self.config_errors.get(path) == Some(&e.message) {
                continue;
            }
            self.config_errors.insert(path.clone(), e.message.clone());
            self.log(&format!("{e} (the defaults are used until it is fixed)"));
            self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
                typ: lsp::MessageType::ERROR,
                message: format!("cloudfront-lint: {e}"),
            });
            let at = lsp::Position {
                line: e.line.saturating_sub(1) as u32,
                character: e.column.saturating_sub(1) as u32,
            };
            let diagnostic = lsp::Diagnostic {
                range: lsp::Range { start: at, end: at },
                severity: Some(lsp::DiagnosticSeverity::ERROR),
                source: Some(SOURCE.to_owned()),
                message: format!(
                    "{}\nhelp: README.md, \"Configuration file\", lists the keys and their values; until this is fixed, files below it are linted with the defaults",
                    e.message
                ),
                ..Default::default()
            };
            self.publish(&uri, vec![diagnostic], None);
        }
        // A round over every open document knows every error there is now.
        if !all {
            return;
        }
        let gone: Vec<PathBuf> = self
            .config_errors
            .keys()
            .filter(|p| !errors.contains_key(*p))
            .cloned()
            .collect();
        for path in gone {
            self.config_errors.remove(&path);
            if let Some(uri) = file_uri(&path) {
                self.publish(&uri, Vec::new(), None);
            }
        }
    }

    /// A lint came back: kept and published if it is of the document as it is now.
    fn linted(&mut self, linted: Linted) {
        let uri = linted.uri;
        let Some(doc) = self.docs.get_mut(&uri) else {
            return;
        };
        if linted.generation != doc.generation {
            return;
        }
        let (findings, panicked) = match linted.findings {
            Ok(f) => (f, false),
            Err(()) => (Vec::new(), true),
        };
        doc.findings = findings;
        doc.linted = linted.generation;
        let had = doc.published;
        doc.published = !doc.findings.is_empty();
        let version = doc.version;
        let doc = &self.docs[&uri];
        let diagnostics: Vec<lsp::Diagnostic> = doc
            .findings
            .iter()
            .map(|f| diagnostic(&uri, doc, f))
            .collect();
        if panicked {
            self.log(&format!(
                "the linter failed on {} (a bug: please report it with the file); no diagnostics for it",
                uri.as_str()
            ));
        }
        if had || !diagnostics.is_empty() {
            self.publish(&uri, diagnostics, Some(version));
        }
        self.answer_waiting(&uri);
    }

    fn publish(&self, uri: &lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        });
    }

    fn code_actions(&mut self, params: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let uri = params.text_document.uri;
        let Some(doc) = self.docs.get(&uri) else {
            return Vec::new();
        };
        let wanted = to_bytes(&doc.text, &doc.lines, params.range);
        let syntax = syntax_of(&uri, &doc.language, &doc.text);
        // A template is parsed once, for the first finding inside a resource.
        let mut template: Option<Option<ignore::Template>> = None;
        let mut actions = Vec::new();
        for f in &doc.findings {
            let r = &f.location.range;
            if r.start > wanted.end || r.end < wanted.start {
                continue;
            }
            let diag = diagnostic(&uri, doc, f);
            if let Some(fix) = &f.fix {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| lsp::TextEdit {
                        range: to_lsp(&doc.text, &doc.lines, e.range.clone()),
                        new_text: e.content.clone(),
                    })
                    .collect();
                actions.push(quick_fix(
                    format!("{}: {}", f.code, fix.title),
                    &uri,
                    edits,
                    diag.clone(),
                    fix.applicability == Applicability::Safe,
                ));
            }
            let ignore = match syntax {
                Some(Syntax::Terraform) => terraform_ignore(doc, f),
                Some(syntax) if ignore::Template::holds(&f.location.pointer) => template
                    .get_or_insert_with(|| ignore::Template::parse(&doc.text, syntax))
                    .as_ref()
                    .and_then(|t| t.ignore(&f.location.pointer, f.code))
                    .map(|e| lsp::TextEdit {
                        range: to_lsp(&doc.text, &doc.lines, e.range),
                        new_text: e.content,
                    }),
                _ => None,
            };
            if let Some(edit) = ignore {
                actions.push(quick_fix(
                    format!("Ignore {} ({}) here", f.code, f.name),
                    &uri,
                    vec![edit],
                    diag,
                    false,
                ));
            }
        }
        actions
    }

    fn hover(&mut self, params: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let doc = self.docs.get(&uri)?;
        let offset = to_offset(&doc.text, &doc.lines, at.position);
        let hits: Vec<&Finding> = doc
            .findings
            .iter()
            .filter(|f| f.location.range.start <= offset && offset <= f.location.range.end)
            .collect();
        let first = hits.first()?;
        let mut value = String::new();
        let mut shown: Vec<&str> = Vec::new();
        for f in &hits {
            if shown.contains(&f.code) {
                continue;
            }
            shown.push(f.code);
            if !value.is_empty() {
                value.push_str("\n\n---\n\n");
            }
            match rules::find(f.code) {
                Some(rule) => value.push_str(rule.meta().doc.trim_end()),
                None => value.push_str(&f.message),
            }
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value,
            }),
            range: Some(to_lsp(&doc.text, &doc.lines, first.location.range.clone())),
        })
    }
}

fn quick_fix(
    title: String,
    uri: &lsp::Uri,
    edits: Vec<lsp::TextEdit>,
    diagnostic: lsp::Diagnostic,
    preferred: bool,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// The suppression comment Terraform files take (`# cloudfront-lint:ignore CODE`, see
/// `suppress::comments`): on its own line before the finding's line, or added to one already
/// there.
fn terraform_ignore(doc: &Doc, f: &Finding) -> Option<lsp::TextEdit> {
    let line = doc.lines.partition_point(|&s| s <= f.location.range.start) - 1;
    let start = doc.lines[line];
    let this = &doc.text[start..line_end(&doc.text, &doc.lines, line)];
    let indent: String = this
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    if line > 0 {
        let prev_start = doc.lines[line - 1];
        let prev_end = line_end(&doc.text, &doc.lines, line - 1);
        let prev = &doc.text[prev_start..prev_end];
        let trimmed = prev.trim_start();
        let own_comment = ["# cloudfront-lint:ignore", "// cloudfront-lint:ignore"]
            .iter()
            .any(|m| trimmed.starts_with(m));
        if own_comment {
            let end = to_lsp(&doc.text, &doc.lines, prev_end..prev_end).start;
            return Some(lsp::TextEdit {
                range: lsp::Range { start: end, end },
                new_text: format!(", {}", f.code),
            });
        }
    }
    let at = to_lsp(&doc.text, &doc.lines, start..start).start;
    Some(lsp::TextEdit {
        range: lsp::Range { start: at, end: at },
        new_text: format!("{indent}# cloudfront-lint:ignore {}\n", f.code),
    })
}

/// The syntax a document is linted as, or `None` for a document the linter does not read.
fn syntax_of(uri: &lsp::Uri, language: &str, text: &str) -> Option<Syntax> {
    let path = uri.path().as_str();
    let name = path.rsplit('/').next().unwrap_or(path);
    let by_extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match by_extension.as_deref() {
        Some("json") => return Some(Syntax::Json),
        Some("yaml" | "yml") => return Some(Syntax::Yaml),
        Some("tf" | "tfvars" | "hcl") => return Some(Syntax::Terraform),
        Some("template") => return Some(Syntax::of(name, text)),
        _ => {}
    }
    match language {
        "json" | "jsonc" => Some(Syntax::Json),
        "yaml" | "cloudformation" => Some(Syntax::Yaml),
        "terraform" | "hcl" | "terraform-vars" | "tf" => Some(Syntax::Terraform),
        _ => None,
    }
}

/// The file a `file:` URI names.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    if !uri.scheme()?.as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(path.as_ref()))
}

/// The `file:` URI of a path.
fn file_uri(path: &Path) -> Option<lsp::Uri> {
    let path = path.to_str()?;
    lsp::Uri::from_str(&format!("file://{}", crate::render::sarif::uri(path))).ok()
}

/// Whether the URI names a configuration file (`cloudfront-lint.toml`, `.cloudfront-lint.toml`).
fn is_config_file(uri: &lsp::Uri) -> bool {
    let path = uri.path().as_str();
    let name = path.rsplit('/').next().unwrap_or(path);
    config::NAMES.contains(&name)
}

/// What the document's text gives: findings, or none for a document that holds no distribution
/// (those are skipped the way a directory walk skips them, mostly before parsing). `Err` when the
/// linter panicked, which it should never do.
fn lint_text(
    uri: &lsp::Uri,
    language: &str,
    text: &str,
    settings: &FileSettings,
) -> Result<Vec<Finding>, ()> {
    let Some(syntax) = syntax_of(uri, language, text) else {
        return Ok(Vec::new());
    };
    // Cheap test first: every form the linter reads names one of these.
    const MARKS: [&str; 6] = [
        "AWS::CloudFront::Distribution",
        "aws_cloudfront_distribution",
        "DistributionConfig",
        "DefaultCacheBehavior",
        "\"Origins\"",
        "CallerReference",
    ];
    if !MARKS.iter().any(|m| text.contains(m)) {
        return Ok(Vec::new());
    }
    let name = match syntax {
        Syntax::Json => "document.json",
        Syntax::Yaml => "document.yaml",
        Syntax::Terraform => "document.tf",
    };
    let source = Source::new(name, text.as_bytes().to_vec());
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::lint_in_module(
            &source,
            &settings.settings,
            &settings.options,
            Origin::Walked,
            None,
        )
    }));
    match outcome {
        Ok(Outcome::Linted(mut findings)) => {
            settings.adjust(&mut findings);
            Ok(findings)
        }
        Ok(Outcome::Skipped { .. }) => Ok(Vec::new()),
        Err(_) => Err(()),
    }
}

fn diagnostic(uri: &lsp::Uri, doc: &Doc, f: &Finding) -> lsp::Diagnostic {
    let severity = match f.severity {
        Sev::Error => lsp::DiagnosticSeverity::ERROR,
        Sev::Warning => lsp::DiagnosticSeverity::WARNING,
        Sev::Info => lsp::DiagnosticSeverity::INFORMATION,
    };
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = f
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range: to_lsp(&doc.text, &doc.lines, l.location.range.clone()),
            },
            message: l.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: to_lsp(&doc.text, &doc.lines, f.location.range.clone()),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(f.code.to_owned())),
        code_description: rule_url(f).map(|href| lsp::CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The web page of the finding's rule: `rules/CFnnn-name.md`.
pub fn rule_url(f: &Finding) -> Option<lsp::Uri> {
    lsp::Uri::from_str(&format!("{RULES_URL}{}-{}.md", f.code, f.name)).ok()
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// Where line `line` (0-based) ends, before its line break.
fn line_end(text: &str, lines: &[usize], line: usize) -> usize {
    match lines.get(line + 1) {
        Some(&next) => {
            let end = next - 1;
            if end > lines[line] && text.as_bytes()[end - 1] == b'\r' {
                end - 1
            } else {
                end
            }
        }
        None => text.len(),
    }
}

/// A byte offset as an LSP position: 0-based line, UTF-16 code units into the line.
pub fn to_position(text: &str, lines: &[usize], offset: usize) -> lsp::Position {
    let offset = crate::source::char_boundary(text, offset);
    let line = lines.partition_point(|&s| s <= offset) - 1;
    let character = text[lines[line]..offset].encode_utf16().count();
    lsp::Position {
        line: line as u32,
        character: character as u32,
    }
}

fn to_lsp(text: &str, lines: &[usize], range: Range<usize>) -> lsp::Range {
    lsp::Range {
        start: to_position(text, lines, range.start),
        end: to_position(text, lines, range.end),
    }
}

/// An LSP position as a byte offset (past the end of a line: the line's end).
pub fn to_offset(text: &str, lines: &[usize], position: lsp::Position) -> usize {
    let Some(&start) = lines.get(position.line as usize) else {
        return text.len();
    };
    let end = line_end(text, lines, position.line as usize);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= position.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    end
}

fn to_bytes(text: &str, lines: &[usize], range: lsp::Range) -> Range<usize> {
    let start = to_offset(text, lines, range.start);
    let end = to_offset(text, lines, range.end).max(start);
    start..end
}

/// An error's text, cut to a length a log line can hold (a malformed 50 MB body is quoted whole).
fn shorten(error: &str) -> String {
    const MAX: usize = 300;
    if error.len() <= MAX {
        return error.to_owned();
    }
    let mut end = MAX;
    while !error.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &error[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_utf16() {
        let text = "ab\n{\"C\": \"café ☕ 𝄞\", \"x\": 1}\n";
        let lines = line_starts(text);
        let x = text.find("\"x\"").unwrap();
        let p = to_position(text, &lines, x);
        assert_eq!(p.line, 1);
        // `{"C": "café ☕ 𝄞", ` is 18 characters (24 bytes); 𝄞 is two UTF-16 units.
        assert_eq!(p.character, 19);
        assert_eq!(to_offset(text, &lines, p), x);
        assert_eq!(
            to_offset(
                text,
                &lines,
                lsp::Position {
                    line: 0,
                    character: 99
                }
            ),
            2
        );
        assert_eq!(
            to_offset(
                text,
                &lines,
                lsp::Position {
                    line: 9,
                    character: 0
                }
            ),
            text.len()
        );
    }

    #[test]
    fn rule_urls_name_the_doc() {
        let f = Finding::about_file(&rules::INVALID_JSON, 0..0, String::new());
        assert_eq!(
            rule_url(&f).unwrap().as_str(),
            format!("{RULES_URL}CF001-invalid-json.md")
        );
    }
}
