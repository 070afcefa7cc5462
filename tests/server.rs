//! `cloudfront-lint server` end to end: spawn the binary and speak JSON-RPC to it with
//! lsp-server's own framing, as an editor would. No timing: every wait is for a message, with a
//! generous limit only so that a hung server fails the test instead of hanging it.

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(120);

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: mpsc::Receiver<Message>,
    next_id: i32,
}

impl Client {
    fn start() -> Client {
        Client::start_with(json!({}))
    }

    /// Starts the server for a client with these capabilities.
    fn start_with(capabilities: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let m = match Message::read(&mut reader) {
                    Ok(Some(m)) => m,
                    // lsp-server has no null request id, which JSON-RPC's answer to an
                    // unreadable message carries: hand its text on for the test to read.
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        Notification::new("test/unreadable".into(), e.to_string()).into()
                    }
                    _ => break,
                };
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            rx,
            next_id: 0,
        };
        let init = client.request(
            "initialize",
            // The security family (CF7xx) is left out: the fixtures are about CF602. This is also how
            // an editor passes settings at start.
            json!({"capabilities": capabilities, "processId": null, "rootUri": null,
                   "initializationOptions": {"cloudfront-lint": {"ignore": ["CF7"]}}}),
        );
        assert_eq!(
            init["capabilities"]["textDocumentSync"]["change"], 1,
            "{init}"
        );
        assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, m: Message) {
        m.write(&mut self.stdin).unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params).into());
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Sends a request and waits for its response, keeping nothing else that comes meanwhile.
    fn request_result(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Request::new(id.clone(), method.into(), params).into());
        loop {
            match self.recv() {
                Message::Response(Response {
                    id: rid,
                    response_result,
                }) if rid == id => {
                    return response_result
                        .map_err(|e| json!({"code": e.code, "message": e.message}))
                }
                _ => continue,
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.request_result(method, params).unwrap()
    }

    fn recv(&mut self) -> Message {
        self.rx
            .recv_timeout(PATIENCE)
            .expect("the server answers (and is still running)")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> (Vec<Value>, Value) {
        loop {
            if let Message::Notification(n) = self.recv() {
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri {
                    let list = n.params["diagnostics"].as_array().unwrap().clone();
                    return (list, n.params["version"].clone());
                }
            }
        }
    }

    /// The next diagnostics published for each of `uris`, whatever order they come in.
    fn diagnostics_of(&mut self, uris: &[&str]) -> HashMap<String, Vec<Value>> {
        let mut got = HashMap::new();
        while got.len() < uris.len() {
            if let Message::Notification(n) = self.recv() {
                let uri = n.params["uri"].as_str().unwrap_or_default().to_owned();
                if n.method == "textDocument/publishDiagnostics" && uris.contains(&uri.as_str()) {
                    got.insert(uri, n.params["diagnostics"].as_array().unwrap().clone());
                }
            }
        }
        got
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Shuts down and exits as the protocol says; the server must exit with 0.
    fn finish(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        drop(self.stdin);
        let status = self.child.wait().unwrap();
        assert_eq!(status.code(), Some(0));
    }
}

/// Applies LSP text edits (UTF-16 positions) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

/// The LSP position (UTF-16) of the first occurrence of `needle`.
fn position_of(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line as u64, text[start..at].encode_utf16().count() as u64)
}

/// Opens a broken config, checks the diagnostic's range, code, link and hover, applies its
/// quick fix and gets none back.
fn fix_round_trip(client: &mut Client, file: &str, language: &str, needle: &str) {
    let text = std::fs::read_to_string(format!("tests/lsp/{file}")).unwrap();
    let uri = format!("file:///work/{file}");
    client.open(&uri, language, &text);
    let (diagnostics, version) = client.diagnostics(&uri);
    assert_eq!(version, 1);
    let d = diagnostics
        .iter()
        .find(|d| d["code"] == "CF602")
        .unwrap_or_else(|| panic!("{file}: {diagnostics:#?}"));
    assert_eq!(diagnostics.len(), 1, "{file}: {diagnostics:#?}");
    let (line, character) = position_of(&text, needle);
    assert_eq!(
        d["range"]["start"],
        json!({"line": line, "character": character}),
        "{file}"
    );
    assert_eq!(d["severity"], 2, "a warning");
    assert_eq!(d["source"], "cloudfront-lint");
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/rules/CF602-default-root-object-leading-slash.md"),
        "{d}"
    );

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": d["range"]["start"]}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("CF602"),
        "{hover}"
    );
    // Nowhere near a finding: no hover.
    let none = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(none, Value::Null);

    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("{file}: a preferred quick fix in {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply(&text, edits);
    assert!(
        fixed.contains("index.html") && !fixed.contains("/index.html"),
        "{fixed}"
    );
    client.change(&uri, 2, &fixed);
    let (diagnostics, version) = client.diagnostics(&uri);
    assert_eq!(version, 2);
    assert_eq!(diagnostics, Vec::<Value>::new(), "{file} after the fix");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
}

#[test]
fn diagnostics_hover_and_quick_fix_in_every_format() {
    let mut client = Client::start();
    fix_round_trip(&mut client, "broken.json", "json", "\"/index.html\"");
    fix_round_trip(&mut client, "broken.yaml", "yaml", "/index.html");
    fix_round_trip(&mut client, "broken.tf", "terraform", "\"/index.html\"");
    client.finish();
}

#[test]
fn terraform_offers_to_ignore_the_rule_here() {
    let mut client = Client::start();
    let text = std::fs::read_to_string("tests/lsp/broken.tf").unwrap();
    let fixed = ignore_here(&mut client, "file:///work/ignore.tf", "terraform", &text);
    assert!(
        fixed.contains("  # cloudfront-lint:ignore CF602\n  default_root_object = \"/index.html\""),
        "{fixed}"
    );
    client.finish();
}

#[test]
fn labels_are_related_information_and_settings_select_rules() {
    let mut client = Client::start();
    // CF004: a member written twice; the label points at the one that counts.
    let text = std::fs::read_to_string("tests/lsp/broken.json")
        .unwrap()
        .replacen(
            "\"Enabled\": true",
            "\"Enabled\": true, \"Enabled\": true",
            1,
        );
    let uri = "file:///work/labels.json";
    client.open(uri, "json", &text);
    let (diagnostics, _) = client.diagnostics(uri);
    let dup = diagnostics
        .iter()
        .find(|d| d["code"] == "CF004")
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    let related = &dup["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri);
    assert_eq!(related["message"], "this is the one that counts");
    assert!(diagnostics.iter().any(|d| d["code"] == "CF602"));

    // The settings select rules as --ignore does, and every open document is linted again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"cloudfront-lint": {"ignore": ["CF7", "CF602", "no-such-rule"]}}}),
    );
    let (diagnostics, _) = client.diagnostics(uri);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "CF602"),
        "{diagnostics:#?}"
    );
    assert!(diagnostics.iter().any(|d| d["code"] == "CF004"));
    client.finish();
}

#[test]
fn documents_without_a_distribution_get_nothing() {
    let mut client = Client::start();
    client.open("file:///work/package.json", "json", "{\"name\": \"x\"}");
    client.open("file:///work/notes.md", "markdown", "# Origins\n");
    client.open("file:///work/ci.yaml", "yaml", "on: [push]\n");
    // A document that holds one, opened after: its diagnostics are the first published.
    let text = std::fs::read_to_string("tests/lsp/broken.json").unwrap();
    client.open("file:///work/cdn.json", "json", &text);
    match client.recv() {
        Message::Notification(n) => {
            assert_eq!(n.method, "textDocument/publishDiagnostics");
            assert_eq!(n.params["uri"], "file:///work/cdn.json");
        }
        other => panic!("{other:?}"),
    }
    client.finish();
}

#[test]
fn robust_against_bad_messages_and_large_documents() {
    let mut client = Client::start();
    // Not JSON: a parse error with a null id, and the server goes on.
    client.raw(b"{this is not json");
    loop {
        match client.recv() {
            Message::Notification(n) if n.method == "test/unreadable" => {
                let text = n.params.as_str().unwrap();
                assert!(
                    text.contains(r#"\"id\":null"#) && text.contains("-32700"),
                    "{text}"
                );
                break;
            }
            Message::Notification(n) => assert_eq!(n.method, "window/logMessage"),
            other => panic!("{other:?}"),
        }
    }
    // An unknown request: MethodNotFound. An unknown notification: nothing.
    client.notify("custom/whatever", json!({"x": 1}));
    let e = client
        .request_result("custom/unknown", json!({}))
        .unwrap_err();
    assert_eq!(e["code"], -32601);
    // Wrong parameters: InvalidParams.
    let e = client
        .request_result("textDocument/hover", json!({"nonsense": true}))
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    // A request about a document never opened: an empty answer.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.json"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover, Value::Null);

    // 100,000 levels of nesting: one CF001 (the parsers cap nesting), no crash.
    let deep = format!(
        "{{\"DistributionConfig\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let uri = "file:///work/deep.json";
    client.open(uri, "json", &deep);
    let (diagnostics, _) = client.diagnostics(uri);
    assert!(
        diagnostics.iter().all(|d| d["code"] == "CF001"),
        "{diagnostics:?}"
    );
    let deep_yaml = format!(
        "Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    client.open("file:///work/deep.yaml", "yaml", &deep_yaml);
    client.diagnostics("file:///work/deep.yaml");

    // A 50 MB document: linted, and the server still answers afterwards.
    let text = std::fs::read_to_string("tests/lsp/broken.json").unwrap();
    let padding = "x".repeat(50 * 1024 * 1024);
    let big = text.replacen("\"cdn-2026-11-25\"", &format!("\"{padding}\""), 1);
    let uri = "file:///work/big.json";
    client.open(uri, "json", &big);
    let (diagnostics, _) = client.diagnostics(uri);
    assert!(!diagnostics.is_empty());
    drop(big);

    // A burst of 1,000 changes: the last version's diagnostics arrive (earlier ones may be
    // skipped: queued changes are linted once), and the server still answers.
    let uri = "file:///work/burst.json";
    client.open(uri, "json", &text);
    client.diagnostics(uri);
    for version in 2..=1001 {
        let t = if version % 2 == 0 {
            text.replace("\"/index.html\"", "\"index.html\"")
        } else {
            text.clone()
        };
        client.change(uri, version, &t);
    }
    loop {
        let (_, version) = client.diagnostics(uri);
        if version == 1001 {
            break;
        }
    }
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover, Value::Null);
    client.finish();
}

#[test]
fn requests_before_initialize_are_refused_and_exit_without_shutdown_is_1() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    Message::from(Request::new(
        1.into(),
        "textDocument/hover".into(),
        json!({}),
    ))
    .write(&mut stdin)
    .unwrap();
    match Message::read(&mut stdout).unwrap().unwrap() {
        Message::Response(r) => assert_eq!(r.response_result.unwrap_err().code, -32002),
        other => panic!("{other:?}"),
    }
    Message::from(Notification::new("exit".into(), Value::Null))
        .write(&mut stdin)
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

/// The codes of a list of diagnostics, with their severities (1 error, 2 warning).
fn codes(diagnostics: &[Value]) -> Vec<(String, u64)> {
    let mut codes: Vec<(String, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect();
    codes.sort();
    codes
}

/// A `file:` URI for a path (the temporary folders have no character to escape).
fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_configuration_file_selects_rules_for_each_document() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cloudfront-lint.toml");
    let config_uri = file_uri(&config);
    std::fs::write(
        &config,
        "[severity]\nCF602 = \"error\"\n[per-file-ignores]\n\"legacy/*.json\" = [\"CF602\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    // CF004 and CF602. The documents are not on disk: they are linted from the editor's text.
    let text = std::fs::read_to_string("tests/lsp/broken.json")
        .unwrap()
        .replacen(
            "\"Enabled\": true",
            "\"Enabled\": true, \"Enabled\": true",
            1,
        );
    let cdn = file_uri(&dir.path().join("cdn.json"));
    let legacy = file_uri(&dir.path().join("legacy/old.json"));
    let mut client = Client::start();
    client.open(&cdn, "json", &text);
    client.open(&legacy, "json", &text);
    let got = client.diagnostics_of(&[&cdn, &legacy]);
    // The severity override and the per-file ignore apply; the editor's `ignore: [CF7]` too.
    assert_eq!(
        codes(&got[&cdn]),
        [("CF004".into(), 2), ("CF602".into(), 1)]
    );
    assert_eq!(codes(&got[&legacy]), [("CF004".into(), 2)]);

    // The file changes (the client watches it): both documents are linted again.
    std::fs::write(
        &config,
        "ignore = [\"CF004\"]\n[per-file-ignores]\n\"legacy/*.json\" = [\"CF602\"]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let got = client.diagnostics_of(&[&cdn, &legacy]);
    assert_eq!(codes(&got[&cdn]), [("CF602".into(), 2)]);
    assert!(got[&legacy].is_empty(), "{got:#?}");

    // A mistake in the file: shown on the file; the documents are linted with the defaults.
    std::fs::write(&config, "select = [\"CF602\", \"no-such-rule\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let got = client.diagnostics_of(&[&config_uri, &cdn, &legacy]);
    let error = &got[&config_uri][0];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("no rule matches `no-such-rule`"),
        "{error}"
    );
    assert_eq!(error["severity"], 1);
    assert_eq!(error["range"]["start"], json!({"line": 0, "character": 19}));
    assert_eq!(
        codes(&got[&cdn]),
        [("CF004".into(), 2), ("CF602".into(), 2)]
    );

    // Fixed: the error goes. The file's `select` against the editor's: the editor's wins, unless
    // the editor prefers the file.
    std::fs::write(&config, "select = [\"CF004\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let got = client.diagnostics_of(&[&config_uri, &cdn]);
    assert!(got[&config_uri].is_empty(), "{got:#?}");
    assert_eq!(codes(&got[&cdn]), [("CF004".into(), 2)]);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"cloudfront-lint": {"select": ["CF602"]}}}),
    );
    let got = client.diagnostics_of(&[&cdn]);
    assert_eq!(codes(&got[&cdn]), [("CF602".into(), 2)]);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"cloudfront-lint": {"select": ["CF602"], "configurationPreference": "filesystemFirst"}}}),
    );
    let got = client.diagnostics_of(&[&cdn]);
    assert_eq!(codes(&got[&cdn]), [("CF004".into(), 2)]);

    // The file's rule options reach the rules: `operation = "update"` wants CF017's members.
    std::fs::write(&config, "select = [\"CF017\"]\noperation = \"update\"\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let got = client.diagnostics_of(&[&cdn]);
    assert!(
        codes(&got[&cdn])
            .iter()
            .all(|(c, s)| c == "CF017" && *s == 1)
            && !got[&cdn].is_empty(),
        "{got:#?}"
    );
    client.finish();
}

#[test]
fn config_files_are_watched_when_the_client_can() {
    let mut client = Client::start_with(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    let request = loop {
        if let Message::Request(r) = client.recv() {
            break r;
        }
    };
    assert_eq!(request.method, "client/registerCapability");
    let registration = &request.params["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(
        globs,
        ["**/.cloudfront-lint.toml", "**/cloudfront-lint.toml"]
    );
    client.send(Response::new_ok(request.id, Value::Null).into());
    client.finish();
}

/// Opens a document, asks for the "ignore here" action on its CF602, applies it and gets no
/// diagnostic back; returns the edited text.
fn ignore_here(client: &mut Client, uri: &str, language: &str, text: &str) -> String {
    client.open(uri, language, text);
    let (diagnostics, _) = client.diagnostics(uri);
    let d = diagnostics
        .iter()
        .find(|d| d["code"] == "CF602")
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Ignore CF602"))
        .unwrap_or_else(|| panic!("{actions:#}"));
    let fixed = apply(text, ignore["edit"]["changes"][uri].as_array().unwrap());
    client.change(uri, 2, &fixed);
    let (diagnostics, version) = client.diagnostics(uri);
    assert_eq!(version, 2);
    assert!(diagnostics.is_empty(), "{fixed}\n{diagnostics:#?}");
    fixed
}

#[test]
fn templates_offer_to_ignore_the_rule_in_the_resources_metadata() {
    let mut client = Client::start();
    let yaml = std::fs::read_to_string("tests/lsp/broken.yaml").unwrap();
    let fixed = ignore_here(&mut client, "file:///work/ignore.yaml", "yaml", &yaml);
    assert!(
        fixed.ends_with(
            "    Metadata:\n      cloudfront-lint:\n        ignore:\n          - CF602\n"
        ),
        "{fixed}"
    );
    // Again, on a template that ignores another rule already: the list grows. (CF701 is one the
    // editor's settings turn off, so its entry is not CF006's unused suppression.)
    let yaml = yaml.replace(
        "    Type: AWS::CloudFront::Distribution\n",
        "    Type: AWS::CloudFront::Distribution\n    Metadata:\n      cloudfront-lint:\n        ignore:\n          - CF701\n",
    );
    let fixed = ignore_here(&mut client, "file:///work/ignore2.yaml", "yaml", &yaml);
    assert!(
        fixed.contains("          - CF701\n          - CF602\n"),
        "{fixed}"
    );

    // JSON, indented by four: valid JSON, indented as the rest.
    let value: Value = serde_json::from_str(&{
        let doc =
            cloudfront_lint::document::parse(&yaml, 0, cloudfront_lint::document::Syntax::Yaml)
                .unwrap();
        let mut value = doc.value;
        value["Resources"]["Cdn"]
            .as_object_mut()
            .unwrap()
            .remove("Metadata");
        value.to_string()
    })
    .unwrap();
    let mut json = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    serde::Serialize::serialize(
        &value,
        &mut serde_json::Serializer::with_formatter(&mut json, formatter),
    )
    .unwrap();
    let json = String::from_utf8(json).unwrap();
    let fixed = ignore_here(&mut client, "file:///work/ignore.json", "json", &json);
    let parsed: Value = serde_json::from_str(&fixed).unwrap_or_else(|e| panic!("{e}\n{fixed}"));
    assert_eq!(
        parsed["Resources"]["Cdn"]["Metadata"],
        json!({"cloudfront-lint": {"ignore": ["CF602"]}})
    );
    assert!(
        fixed.contains("        \"Cdn\": {\n            \"Metadata\": {\n                \"cloudfront-lint\": {\n"),
        "{fixed}"
    );
    client.finish();
}

#[test]
fn the_loop_answers_while_a_large_document_lints() {
    let mut client = Client::start();
    let text = std::fs::read_to_string("tests/lsp/broken.json").unwrap();
    let small = "file:///work/small.json";
    client.open(small, "json", &text);
    let (diagnostics, _) = client.diagnostics(small);
    let d = diagnostics[0].clone();
    // 50 MB to lint; the hover on the small document is answered first.
    let padding = "x".repeat(50 * 1024 * 1024);
    let big_text = text.replacen("\"cdn-2026-11-25\"", &format!("\"{padding}\""), 1);
    drop(padding);
    let big = "file:///work/big.json";
    client.open(big, "json", &big_text);
    drop(big_text);
    client.next_id += 1;
    let id = RequestId::from(client.next_id);
    client.send(
        Request::new(
            id.clone(),
            "textDocument/hover".into(),
            json!({"textDocument": {"uri": small}, "position": d["range"]["start"]}),
        )
        .into(),
    );
    loop {
        match client.recv() {
            Message::Response(r) if r.id == id => {
                assert!(r.response_result.unwrap()["contents"]["value"]
                    .as_str()
                    .unwrap()
                    .contains("CF602"));
                break;
            }
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                assert_ne!(n.params["uri"], big, "the big document was linted first")
            }
            _ => {}
        }
    }
    client.diagnostics(big);
    client.finish();
}

#[test]
fn a_burst_of_changes_is_linted_at_its_last_version_only() {
    let mut client = Client::start();
    let text = std::fs::read_to_string("tests/lsp/broken.json").unwrap();
    let uri = "file:///work/burst.json";
    client.open(uri, "json", &text);
    client.diagnostics(uri);
    // 500 changes written at once, as fast typing or a formatter's edits arrive.
    let mut burst = Vec::new();
    for version in 2..=501 {
        let t = if version % 2 == 0 {
            text.replace("\"/index.html\"", "\"index.html\"")
        } else {
            text.clone()
        };
        Message::from(Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": t}]}),
        ))
        .write(&mut burst)
        .unwrap();
    }
    client.stdin.write_all(&burst).unwrap();
    client.stdin.flush().unwrap();
    let (diagnostics, version) = client.diagnostics(uri);
    assert_eq!(version, 501, "an earlier version was published");
    assert!(diagnostics.iter().any(|d| d["code"] == "CF602"));
    client.finish();
}
