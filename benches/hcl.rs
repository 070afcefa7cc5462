//! Where the time goes on Terraform files, in one process: `cargo bench --bench hcl`.
//!
//! Reads every `*.tf` file under BENCH_HCL_TREE (default: the real files in
//! ../shared/corpus/terraform; `bash bench/hcl.sh` keeps its generated tree with KEEP_TREE=1) and
//! compares, best of several rounds:
//!
//! - hcl-edit's `parse_body` alone (what `examples/hcl_parse_baseline.rs` runs: the floor),
//! - `cloudfront_lint::hcl::parse`: the syntax tree turned into a `serde_json::Value` plus spans,
//! - the whole `lint()` of each file: the prefilter, parse, find the distributions, the Terraform
//!   form, model, schema, every rule.
//!
//! Whole-process figures are bench/hcl.sh's job.

// The allocator the binary uses, so that these stages cost what they cost in a real run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cloudfront_lint::{lint, Origin, Outcome, Settings, Source};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn files(dir: &str) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && e.path().extension().and_then(|x| x.to_str()) == Some("tf")
        })
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.path().to_owned(), text))
        })
        .collect();
    out.sort();
    out
}

/// Best of `rounds` runs of `f` over every text.
fn time(rounds: usize, texts: &[&str], mut f: impl FnMut(usize, &str)) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for (i, t) in texts.iter().enumerate() {
                f(i, t);
            }
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let dir =
        std::env::var("BENCH_HCL_TREE").unwrap_or_else(|_| "../shared/corpus/terraform".to_owned());
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let tree = files(&dir);
    if tree.is_empty() {
        eprintln!("no .tf files under {dir}: set BENCH_HCL_TREE");
        return;
    }
    let texts: Vec<&str> = tree.iter().map(|(_, t)| t.as_str()).collect();
    let names: Vec<String> = tree.iter().map(|(p, _)| p.display().to_string()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();

    let mut failed = 0usize;
    let parser = time(rounds, &texts, |_, t| {
        match hcl_edit::parser::parse_body(t) {
            Ok(body) => {
                std::hint::black_box(body);
            }
            Err(_) => failed += 1,
        }
    });
    let convert = time(rounds, &texts, |_, t| {
        std::hint::black_box(cloudfront_lint::hcl::parse(t).ok());
    });
    let settings = Settings::default();
    let mut linted = 0usize;
    let whole = time(rounds, &texts, |i, t| {
        let source = Source::new(names[i].clone(), t.as_bytes().to_vec());
        if let Outcome::Linted(f) = lint(&source, &settings, Origin::Named) {
            std::hint::black_box(f);
            linted += 1;
        }
    });

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "\n{dir}: {} files, {:.2} MB, {} failed to parse (best of {rounds})",
        texts.len(),
        bytes as f64 / 1e6,
        failed / rounds,
    );
    println!("| stage | ms | MB/s | × parse_body |");
    println!("| --- | --- | --- | --- |");
    for (stage, d) in [
        ("hcl-edit parse_body alone (the baseline)", parser),
        (
            "cloudfront_lint::hcl::parse (syntax tree → Value + spans)",
            convert,
        ),
        ("whole lint() of each file", whole),
    ] {
        println!(
            "| {stage} | {:.3} | {:.0} | {:.2} |",
            ms(d),
            bytes as f64 / 1e6 / d.as_secs_f64(),
            ms(d) / ms(parser)
        );
    }
    println!(
        "\n{} of {} files linted per round (the others have no distribution, or do not parse)",
        linted / rounds,
        texts.len()
    );
}
