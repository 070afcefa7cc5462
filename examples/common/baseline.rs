//! What the parse baselines share (`parse_baseline`, `yaml_parse_baseline` and their mimalloc
//! twins): the command line, the files, the threads and the report. Each baseline only says which
//! files it reads and how it parses one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// One baseline: its name, the files it reads, and its parse of one file's bytes, which gives how
/// many units it read (events; 0 where there is nothing to count) or `None` when the file does not
/// parse.
pub struct Baseline {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
    /// What a parse does, for `--help`.
    pub parses_with: &'static str,
    /// What `parse` counts ("events"), or "" for nothing.
    pub unit: &'static str,
    pub parse: fn(&[u8]) -> Option<u64>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    files: u64,
    bytes: u64,
    units: u64,
    failed: u64,
    unreadable: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.units += other.units;
        self.failed += other.failed;
        self.unreadable += other.unreadable;
    }
}

impl Baseline {
    fn usage(&self) -> String {
        let patterns: Vec<String> = self.extensions.iter().map(|x| format!("*.{x}")).collect();
        format!(
            "usage: {} [--threads N] PATH...\nReads every {} file under PATH (files or directories) and {}; prints files, bytes and failures.",
            self.name,
            patterns.join(", "),
            self.parses_with
        )
    }

    fn collect(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
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
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| self.extensions.contains(&x));
                if entry.file_type().is_file() && wanted {
                    found.push(entry.into_path());
                }
            }
            found.sort();
            files.extend(found);
        }
        Ok(files)
    }

    fn parse_one(&self, path: &Path) -> Tally {
        let mut t = Tally::default();
        match std::fs::read(path) {
            Ok(bytes) => {
                t.files = 1;
                t.bytes = bytes.len() as u64;
                match (self.parse)(&bytes) {
                    Some(units) => t.units = units,
                    None => t.failed = 1,
                }
            }
            Err(_) => t.unreadable = 1,
        }
        t
    }

    fn run(&self, files: &[PathBuf], threads: usize) -> Tally {
        if threads <= 1 {
            let mut total = Tally::default();
            for f in files {
                total.add(self.parse_one(f));
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
                            mine.add(self.parse_one(f));
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

    /// Parses the command line, reads and parses the files, prints the tally.
    pub fn main(&self) -> ExitCode {
        let mut threads = 1usize;
        let mut paths = Vec::new();
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let value = if arg == "--threads" || arg == "-j" {
                args.next()
            } else if let Some(v) = arg.strip_prefix("--threads=") {
                Some(v.to_string())
            } else if arg == "-h" || arg == "--help" {
                println!("{}", self.usage());
                return ExitCode::SUCCESS;
            } else {
                paths.push(PathBuf::from(arg));
                continue;
            };
            match value.as_deref().map(str::parse::<usize>) {
                Some(Ok(n)) if n >= 1 => threads = n,
                _ => {
                    eprintln!(
                        "{}: --threads needs a positive integer\n{}",
                        self.name,
                        self.usage()
                    );
                    return ExitCode::from(2);
                }
            }
        }
        if paths.is_empty() {
            eprintln!("{}", self.usage());
            return ExitCode::from(2);
        }
        let start = Instant::now();
        let files = match self.collect(&paths) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{}: {e}", self.name);
                return ExitCode::from(2);
            }
        };
        let total = self.run(&files, threads);
        let secs = start.elapsed().as_secs_f64();
        let units = if self.unit.is_empty() {
            String::new()
        } else {
            format!(", {} {}", total.units, self.unit)
        };
        println!(
            "parsed {} files, {} bytes ({:.1} MB){units} with {} thread(s) in {:.3} s ({:.0} MB/s); {} failed to parse, {} unreadable",
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
}
