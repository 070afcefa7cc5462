//! Benchmark baseline for YAML: the cost of just reading the files and running the YAML parser.
//!
//! Walks the given files and directories for `*.yaml`, `*.yml` and `*.template`, reads each file
//! and runs saphyr-parser's event loop over it (`Parser::new_from_str(text)`, `next_event()` to
//! the end of the stream), building nothing: the raw parser alone, the floor that
//! `cloudfront-lint check` over a tree of YAML templates is compared against in `bench/yaml.sh`.
//!
//! ```text
//! cargo run --release --example yaml_parse_baseline -- [--threads N] PATH...
//! ```
//!
//! Single-threaded by default; `--threads N` parses with N scoped threads pulling files from a
//! shared index. Prints the number of files, bytes and events, and how many failed to parse.

use saphyr_parser::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const EXTENSIONS: [&str; 3] = ["yaml", "yml", "template"];

#[derive(Default, Clone, Copy)]
struct Tally {
    files: u64,
    bytes: u64,
    events: u64,
    failed: u64,
    unreadable: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.events += other.events;
        self.failed += other.failed;
        self.unreadable += other.unreadable;
    }
}

fn usage() -> &'static str {
    "usage: yaml_parse_baseline [--threads N] PATH...\n\
     Reads every *.yaml, *.yml and *.template file under PATH (files or directories) and runs\n\
     saphyr-parser's event loop over it; prints files, bytes, events and failures."
}

fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for root in paths {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        if !root.exists() {
            return Err(format!("{}: no such file or directory", root.display()));
        }
        let mut found: Vec<PathBuf> = Vec::new();
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.map_err(|e| format!("{}: {e}", root.display()))?;
            if entry.file_type().is_file()
                && entry
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| EXTENSIONS.contains(&x))
            {
                found.push(entry.into_path());
            }
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn parse_one(path: &Path) -> Tally {
    let mut t = Tally::default();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => {
            t.unreadable = 1;
            return t;
        }
    };
    t.files = 1;
    t.bytes = bytes.len() as u64;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        t.failed = 1;
        return t;
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        match event {
            Ok(event) => {
                std::hint::black_box(&event);
                t.events += 1;
            }
            Err(_) => {
                t.failed = 1;
                break;
            }
        }
    }
    t
}

fn run(files: &[PathBuf], threads: usize) -> Tally {
    if threads <= 1 {
        let mut total = Tally::default();
        for f in files {
            total.add(parse_one(f));
        }
        return total;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Tally::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        mine.add(parse_one(f));
                    }
                    mine
                })
            })
            .collect();
        let mut total = Tally::default();
        for w in workers {
            total.add(w.join().expect("worker thread panicked"));
        }
        total
    })
}

pub fn main() -> ExitCode {
    let mut threads = 1usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = if arg == "--threads" || arg == "-j" {
            args.next()
        } else if let Some(v) = arg.strip_prefix("--threads=") {
            Some(v.to_string())
        } else if arg == "-h" || arg == "--help" {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        } else {
            paths.push(PathBuf::from(arg));
            continue;
        };
        match value.as_deref().map(str::parse::<usize>) {
            Some(Ok(n)) if n >= 1 => threads = n,
            _ => {
                eprintln!(
                    "yaml_parse_baseline: --threads needs a positive integer\n{}",
                    usage()
                );
                return ExitCode::from(2);
            }
        }
    }
    if paths.is_empty() {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    }

    let start = Instant::now();
    let files = match collect(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("yaml_parse_baseline: {e}");
            return ExitCode::from(2);
        }
    };
    let total = run(&files, threads);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "parsed {} files, {} bytes ({:.1} MB), {} events with {} thread(s) in {:.3} s ({:.0} MB/s); {} failed to parse, {} unreadable",
        total.files,
        total.bytes,
        total.bytes as f64 / 1e6,
        total.events,
        threads,
        secs,
        total.bytes as f64 / 1e6 / secs.max(1e-9),
        total.failed,
        total.unreadable
    );
    if total.unreadable > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
