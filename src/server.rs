//! `cloudfront-lint server`: the Language Server Protocol over stdio, another thin renderer over
//! findings. lsp-server gives the message types and framing, lsp-types the protocol's shapes
//! (chosen on the measurements in `../shared/reference/crates-next.md` §4: no async runtime).
//!
//! Three threads: a reader that never stops on a bad message (lsp-server's own stdio transport
//! ends on the first malformed payload), a writer, and this loop. The loop takes every message
//! that has queued up, applies them in order, and lints each changed document once, after the
//! batch: a burst of changes is linted once, at its last version (the debounce). A document is
//! linted from its text in memory, never from disk.

use crate::document::Syntax;
use crate::finding::{Applicability, Finding, Severity as Sev};
use crate::{rules, Origin, Outcome, Settings, Source};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::str::FromStr;
use std::sync::mpsc;

pub use crate::rules::RULES_URL;

/// What the diagnostics say they come from.
const SOURCE: &str = "cloudfront-lint";

/// Runs the server on standard input and output until `exit` or the end of input. Returns the
/// process exit code: 0 after `shutdown` then `exit` (or the end of input), 1 for `exit` alone.
pub fn run() -> u8 {
    let (in_tx, in_rx) = mpsc::channel();
    let (out_tx, out_rx) = mpsc::channel::<Outgoing>();
    std::thread::spawn(move || read_loop(in_tx));
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
    let mut server = Server::new(out_tx);
    let code = server.serve(&in_rx);
    drop(server);
    let _ = writer.join();
    code
}

enum Incoming {
    Message(Message),
    /// A message that could not be read (the error), the stream still in step.
    Malformed(String),
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

/// One open document.
struct Doc {
    text: String,
    version: i32,
    language: String,
    /// Start offset of every line.
    lines: Vec<usize>,
    /// The findings of `text` (empty for a document that holds no distribution).
    findings: Vec<Finding>,
    /// `text` changed since it was last linted.
    dirty: bool,
    /// Diagnostics were published and not yet cleared.
    published: bool,
}

struct Server {
    out: mpsc::Sender<Outgoing>,
    docs: HashMap<lsp::Uri, Doc>,
    settings: Settings,
    initialized: bool,
    shutdown: bool,
}

impl Server {
    fn new(out: mpsc::Sender<Outgoing>) -> Server {
        Server {
            out,
            docs: HashMap::new(),
            settings: Settings::default(),
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
                    // We send no requests, so no response is awaited.
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
            CodeActionRequest::METHOD => match request.extract(CodeActionRequest::METHOD) {
                Ok((id, params)) => {
                    let actions = self.code_actions(params);
                    self.send(Response::new_ok(id, actions));
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            },
            HoverRequest::METHOD => match request.extract(HoverRequest::METHOD) {
                Ok((id, params)) => {
                    let hover = self.hover(params);
                    self.send(Response::new_ok(id, hover));
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            },
            other => self.error(
                id,
                ErrorCode::MethodNotFound,
                format!("unknown method `{other}`"),
            ),
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

    fn notification(&mut self, n: Notification) {
        use lsp::notification::{
            DidChangeConfiguration, DidChangeTextDocument, DidCloseTextDocument,
            DidOpenTextDocument, DidSaveTextDocument, Notification as _,
        };
        if !self.initialized || self.shutdown {
            return;
        }
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let d = p.text_document;
                    let lines = line_starts(&d.text);
                    self.docs.insert(
                        d.uri,
                        Doc {
                            text: d.text,
                            version: d.version,
                            language: d.language_id,
                            lines,
                            findings: Vec::new(),
                            dirty: true,
                            published: false,
                        },
                    );
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
                            None => doc.text = change.text,
                            Some(range) => {
                                let r = to_bytes(&doc.text, &doc.lines, range);
                                doc.text.replace_range(r, &change.text);
                            }
                        }
                        doc.lines = line_starts(&doc.text);
                    }
                    doc.version = p.text_document.version;
                    doc.dirty = true;
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                        if let Some(text) = p.text {
                            doc.lines = line_starts(&text);
                            doc.text = text;
                        }
                        doc.dirty = true;
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    if let Some(doc) = self.docs.remove(&p.text_document.uri) {
                        if doc.published {
                            self.publish(&p.text_document.uri, Vec::new(), None);
                        }
                    }
                }
            }
            DidChangeConfiguration::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidChangeConfigurationParams>(DidChangeConfiguration::METHOD)
                {
                    self.configure(&p.settings);
                    for doc in self.docs.values_mut() {
                        doc.dirty = true;
                    }
                }
            }
            // `initialized`, `$/cancelRequest`, `$/setTrace` and anything unknown: nothing to do.
            _ => {}
        }
    }

    /// Rule selection from the client's settings, as the CLI's `--select`, `--extend-select` and
    /// `--ignore`: `{"cloudfront-lint": {"select": [...], "extendSelect": [...], "ignore": [...]}}`
    /// or the inner object alone. A selector no rule matches is reported and left out.
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
        let mut settings = Settings {
            select: list(&["select"]),
            extend_select: list(&["extendSelect", "extend-select", "extend_select"]),
            ignore: list(&["ignore"]),
        };
        let mut unknown = Vec::new();
        for field in [
            &mut settings.select,
            &mut settings.extend_select,
            &mut settings.ignore,
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
        self.settings = settings;
    }

    /// Lints every document changed since its last lint, once, and publishes its diagnostics.
    fn lint_dirty(&mut self) {
        let dirty: Vec<lsp::Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in dirty {
            self.relint(&uri);
        }
    }

    /// Lints one document now if it changed, and publishes what it found.
    fn relint(&mut self, uri: &lsp::Uri) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        if !doc.dirty {
            return;
        }
        doc.dirty = false;
        let found = lint_text(uri, &doc.language, &doc.text, &self.settings);
        let (findings, panicked) = match found {
            Ok(f) => (f, false),
            Err(()) => (Vec::new(), true),
        };
        doc.findings = findings;
        let had = doc.published;
        doc.published = !doc.findings.is_empty();
        let version = doc.version;
        let diagnostics = if doc.findings.is_empty() {
            Vec::new()
        } else {
            let doc = &self.docs[uri];
            doc.findings
                .iter()
                .map(|f| diagnostic(uri, doc, f))
                .collect()
        };
        if panicked {
            self.log(&format!(
                "the linter failed on {} (a bug: please report it with the file); no diagnostics for it",
                uri.as_str()
            ));
        }
        if had || !diagnostics.is_empty() {
            self.publish(uri, diagnostics, Some(version));
        }
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
        self.relint(&uri);
        let Some(doc) = self.docs.get(&uri) else {
            return Vec::new();
        };
        let wanted = to_bytes(&doc.text, &doc.lines, params.range);
        let terraform = syntax_of(&uri, &doc.language, &doc.text) == Some(Syntax::Terraform);
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
            if terraform {
                if let Some(edit) = terraform_ignore(doc, f) {
                    actions.push(quick_fix(
                        format!("Ignore {} ({}) here", f.code, f.name),
                        &uri,
                        vec![edit],
                        diag,
                        false,
                    ));
                }
            }
        }
        actions
    }

    fn hover(&mut self, params: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        self.relint(&uri);
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

/// What the document's text gives: findings, or none for a document that holds no distribution
/// (those are skipped the way a directory walk skips them, mostly before parsing). `Err` when the
/// linter panicked, which it should never do.
fn lint_text(
    uri: &lsp::Uri,
    language: &str,
    text: &str,
    settings: &Settings,
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
        crate::lint(&source, settings, Origin::Walked)
    }));
    match outcome {
        Ok(Outcome::Linted(findings)) => Ok(findings),
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
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
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
