//! Benchmark baseline: the cost of just reading and parsing the input JSON.
//!
//! Walks the given files and directories for `*.json`, reads each file and runs
//! `serde_json::from_slice::<serde_json::Value>` on it: the floor that `cloudfront-lint check`
//! is compared against in `bench/run.sh`.
//!
//! ```text
//! cargo run --release --example parse_baseline -- [--threads N] PATH...
//! ```
//!
//! Single-threaded by default; `--threads N` parses with N scoped threads pulling files from a
//! shared index. Prints the number of files and bytes parsed and how many failed to parse.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

#[derive(Default, Clone, Copy)]
struct Tally {
    files: u64,
    bytes: u64,
    failed: u64,
    unreadable: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.failed += other.failed;
        self.unreadable += other.unreadable;
    }
}

fn usage() -> &'static str {
    "usage: parse_baseline [--threads N] PATH...\n\
     Reads every *.json file under PATH (files or directories) and parses it with\n\
     serde_json::from_slice::<serde_json::Value>; prints files, bytes and failures."
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
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "json")
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
    match std::fs::read(path) {
        Ok(bytes) => {
            t.files = 1;
            t.bytes = bytes.len() as u64;
            match serde_json::from_slice::<serde_json::Value>(&bytes) {
                Ok(value) => {
                    std::hint::black_box(&value);
                }
                Err(_) => t.failed = 1,
            }
        }
        Err(_) => t.unreadable = 1,
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
                    "parse_baseline: --threads needs a positive integer\n{}",
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
            eprintln!("parse_baseline: {e}");
            return ExitCode::from(2);
        }
    };
    let total = run(&files, threads);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "parsed {} files, {} bytes ({:.1} MB) with {} thread(s) in {:.3} s ({:.0} MB/s); {} failed to parse, {} unreadable",
        total.files,
        total.bytes,
        total.bytes as f64 / 1e6,
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
