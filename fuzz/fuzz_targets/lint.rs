//! The whole lint path: bytes in, findings out, rendered as text and JSON. Any panic, or a
//! finding whose range is outside the file, or JSON output that does not parse, is a crash.
#![no_main]

use cloudfront_lint::render::{json, text, FileResult, Summary};
use cloudfront_lint::{lint, Origin, Outcome, Settings, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = Source::new("fuzz.json", data.to_vec());
    for origin in [Origin::Named, Origin::Walked] {
        let Outcome::Linted(findings) = lint(&source, &Settings::default(), origin) else { continue };
        for f in &findings {
            assert!(f.location.range.start <= f.location.range.end && f.location.range.end <= source.text.len(), "{f:?}");
            for label in &f.labels {
                assert!(label.location.range.end <= source.text.len(), "{label:?}");
            }
        }
        let result = FileResult::new(&source, findings);
        let mut summary = Summary::default();
        summary.add(&result.findings);
        let _ = text::render_file(&result, &source.text, false);
        let out = json::render(&[&result], &summary);
        serde_json::from_str::<serde_json::Value>(&out).expect("JSON output parses");
    }
});
