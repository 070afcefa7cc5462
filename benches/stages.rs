//! Where the time goes, stage by stage, in one process: `cargo bench --bench stages`.
//! Reads the tree that `bash bench/run.sh` generates (target/bench-data), or any folder given
//! as BENCH_TREE. Whole-process figures (what users feel) are bench/run.sh's job.

// The allocator the binary uses, so that these stages cost what they cost in a real run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cloudfront_lint::json::SpanTree;
use cloudfront_lint::{lint, model, schema, Origin, Settings, Source};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn files(dir: &str) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            (
                e.path().to_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Best of `rounds` runs of `f` over every text.
fn time(rounds: usize, texts: &[&str], mut f: impl FnMut(&str)) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for t in texts {
                f(t);
            }
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn config_of(v: &serde_json::Value) -> &serde_json::Value {
    v.get("DistributionConfig")
        .or_else(|| {
            v.get("Distribution")
                .and_then(|d| d.get("DistributionConfig"))
        })
        .unwrap_or(v)
}

fn report(name: &str, texts: &[&str], rounds: usize) {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let values: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let parse = time(rounds, texts, |t| {
        std::hint::black_box(serde_json::from_str::<serde_json::Value>(t).unwrap());
    });
    let scan = time(rounds, texts, |t| {
        std::hint::black_box(SpanTree::scan(t).unwrap());
    });
    let mut i = 0;
    let typed = time(rounds, texts, |_| {
        std::hint::black_box(model::from_value(config_of(&values[i % values.len()])));
        i += 1;
    });
    let mut i = 0;
    let validate = time(rounds, texts, |_| {
        std::hint::black_box(schema::is_valid(config_of(&values[i % values.len()])));
        i += 1;
    });
    let whole = time(rounds, texts, |t| {
        let source = Source::new("x.json", t.as_bytes().to_vec());
        std::hint::black_box(lint(&source, &Settings::default(), Origin::Named));
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "\n{name}: {} files, {:.1} MB (best of {rounds})",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!("| stage | ms | × serde_json parse |");
    println!("| --- | --- | --- |");
    for (stage, d) in [
        ("serde_json::from_str::<Value> (the baseline)", parse),
        ("span scan", scan),
        ("typed model from the value", typed),
        ("schema validation (is_valid, compiled in)", validate),
        (
            "whole lint(): parse, scan, model, every rule, schema",
            whole,
        ),
    ] {
        println!("| {stage} | {:.3} | {:.2} |", ms(d), ms(d) / ms(parse));
    }
}

fn main() {
    let dir = std::env::var("BENCH_TREE").unwrap_or_else(|_| "target/bench-data/tree".to_owned());
    let tree = files(&dir);
    if tree.is_empty() {
        eprintln!("no files under {dir}: run `bash bench/run.sh` once to generate them, or set BENCH_TREE");
        return;
    }
    let texts: Vec<&str> = tree.iter().map(|(_, t)| t.as_str()).collect();
    report("tree", &texts, 3);
    if let Ok(single) = std::fs::read_to_string("target/bench-data/single.json") {
        report("single 10 KB file", &[single.as_str()], 200);
    }
    // What compiling the validator at run time would cost each process (the build-time macro
    // avoids it): the schema parsed and compiled from scratch.
    let compile = (0..20)
        .map(|_| {
            let start = Instant::now();
            let schema: serde_json::Value = serde_json::from_str(schema::SCHEMA_TEXT).unwrap();
            std::hint::black_box(jsonschema::options().build(&schema).unwrap());
            start.elapsed()
        })
        .collect::<Vec<_>>();
    let first = compile[0].as_secs_f64() * 1e3;
    let best = compile.iter().min().unwrap().as_secs_f64() * 1e3;
    println!("\nrun-time schema compile (avoided by the build-time validator): first {first:.2} ms, warm best {best:.2} ms");
}
