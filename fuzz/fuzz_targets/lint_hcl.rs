//! The Terraform (HCL) path: bytes in as a `.tf` file, findings out, rendered as text and JSON.
//! Any panic is a crash, and so is a finding or label whose range is outside the file or not on a
//! character boundary, JSON output that does not parse, or a range from the HCL reader itself (an
//! error's offset, a located value or key, an address or argument written twice) that could not
//! slice the text.
#![no_main]

use cloudfront_lint::json::Pointer;
use cloudfront_lint::render::{json, text, FileResult, Summary};
use cloudfront_lint::{hcl, lint, Origin, Outcome, Settings, Source};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::ops::Range;

/// How many values of the parsed body are looked up by pointer.
const LOCATE_AT_MOST: usize = 4096;

fn slices(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
}

/// The HCL reader on its own: it must not panic, and every range it gives must slice the text.
fn check_parse(text: &str) {
    let parsed = match hcl::parse(text) {
        Ok(parsed) => parsed,
        Err(e) => {
            assert!(e.offset <= text.len() && text.is_char_boundary(e.offset), "{e:?}");
            return;
        }
    };
    for (object, key, ranges) in parsed.spans.duplicate_keys() {
        assert!(!ranges.is_empty(), "{object:?} {key:?} {ranges:?}");
        for r in ranges {
            assert!(slices(text, r), "{object:?} {key:?} {r:?}");
        }
    }
    let mut todo = vec![(Pointer::root(), &parsed.value)];
    let mut seen = 0;
    while let Some((pointer, value)) = todo.pop() {
        seen += 1;
        if seen > LOCATE_AT_MOST {
            break;
        }
        if let Some(l) = parsed.spans.locate(&pointer) {
            assert!(slices(text, &l.value), "{pointer:?} {l:?}");
            if let Some(k) = &l.key {
                assert!(slices(text, k), "{pointer:?} {l:?}");
            }
        }
        match value {
            Value::Object(m) => todo.extend(m.iter().map(|(k, v)| (pointer.key(k), v))),
            Value::Array(a) => todo.extend(a.iter().enumerate().map(|(i, v)| (pointer.index(i), v))),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let source = Source::new("fuzz.tf", data.to_vec());
    if source.invalid_utf8_at.is_none() {
        check_parse(&source.text);
    }
    for origin in [Origin::Named, Origin::Walked] {
        let Outcome::Linted(findings) = lint(&source, &Settings::default(), origin) else { continue };
        for f in &findings {
            assert!(slices(&source.text, &f.location.range), "{f:?}");
            for label in &f.labels {
                assert!(slices(&source.text, &label.location.range), "{label:?}");
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
