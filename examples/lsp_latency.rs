//! How long `cloudfront-lint server` takes from a change to its diagnostics, and how much memory
//! it holds after 1,000 edits. Run by `bench/lsp.sh`:
//!
//!     cargo run --release --example lsp_latency -- target/release/cloudfront-lint FILE.json...
//!
//! For each file: open it, then 50 times send a whole new text (alternately the file and the file
//! with one Quantity off, so every version has its own diagnostics) and time until the
//! diagnostics of that version arrive; then 1,000 changes in a burst, and the server's resident
//! memory (VmRSS, VmHWM from /proc) once the last version's diagnostics are in.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;
use std::io::BufReader;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (server, files) = args.split_first().expect("usage: SERVER FILE...");
    println!("| file | size | change → diagnostics, median | min | max | VmRSS after 1,000 edits | VmHWM |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let variant = text.replacen("\"Quantity\": ", "\"Quantity\": 9", 1);
        let mut child = Command::new(server)
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut send = |m: Message| m.write(&mut stdin).unwrap();
        send(
            Request::new(
                RequestId::from(1),
                "initialize".into(),
                json!({"capabilities": {}}),
            )
            .into(),
        );
        send(Notification::new("initialized".into(), json!({})).into());
        let uri = "file:///bench/config.json";
        let mut wait_for = |version: i64| loop {
            match Message::read(&mut stdout).unwrap().unwrap() {
                Message::Notification(n)
                    if n.method == "textDocument/publishDiagnostics"
                        && n.params["version"] == version =>
                {
                    return
                }
                _ => {}
            }
        };
        send(
            Notification::new(
                "textDocument/didOpen".into(),
                json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": variant}}),
            )
            .into(),
        );
        wait_for(1);
        let change = |version: i64, t: &str| -> Message {
            Notification::new(
                "textDocument/didChange".into(),
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": t}]}),
            )
            .into()
        };
        let mut times: Vec<Duration> = Vec::new();
        let mut version = 1;
        for i in 0..50 {
            version += 1;
            let t = if i % 2 == 0 { &text } else { &variant };
            let start = Instant::now();
            send(change(version, t));
            wait_for(version);
            times.push(start.elapsed());
        }
        for i in 0..1000 {
            version += 1;
            send(change(version, if i % 2 == 0 { &text } else { &variant }));
        }
        wait_for(version);
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .map_or("?".to_owned(), |l| l[name.len()..].trim().to_owned())
        };
        times.sort();
        println!(
            "| {file} | {} KB | {:.2} ms | {:.2} ms | {:.2} ms | {} | {} |",
            text.len() / 1024,
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
            field("VmRSS:"),
            field("VmHWM:"),
        );
        send(Request::new(RequestId::from(2), "shutdown".into(), json!(null)).into());
        send(Notification::new("exit".into(), json!(null)).into());
        let _ = child.wait();
    }
}
