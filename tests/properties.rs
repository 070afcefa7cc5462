//! Random mutations of valid configs never panic, always render valid JSON, and every range is
//! inside the file. (The fuzzer in fuzz/ does the same without structure, for longer.)

use cloudfront_lint::render::{json, text, FileResult, Summary};
use cloudfront_lint::{lint, Origin, Outcome, Settings, Source};
use proptest::prelude::*;
use serde_json::Value;

mod support;

fn seeds() -> Vec<String> {
    let mut seeds = Vec::new();
    for dir in [
        "fixtures/CF204-failover-on-client-error",
        "fixtures/CF206-expects-active-active",
        "fixtures/CF301-ttl-order",
        "fixtures/CF002-not-a-distribution-config",
    ] {
        for e in std::fs::read_dir(dir).unwrap() {
            seeds.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
    }
    seeds
}

/// Lints `bytes` both ways and checks what must hold for any input.
fn check_invariants(bytes: &[u8]) {
    check_invariants_as("mutant.json", bytes);
}

/// The same, for a file of that name (its extension picks the parser).
fn check_invariants_as(name: &str, bytes: &[u8]) {
    let source = Source::new(name, bytes.to_vec());
    for origin in [Origin::Named, Origin::Walked] {
        let Outcome::Linted(findings) = lint(&source, &Settings::default(), origin) else {
            continue;
        };
        for f in &findings {
            let r = &f.location.range;
            assert!(r.start <= r.end && r.end <= source.text.len(), "{f:?}");
            assert!(
                source.text.is_char_boundary(r.start) && source.text.is_char_boundary(r.end),
                "{f:?}"
            );
            assert!(
                f.location.pointer.as_str().is_empty()
                    || f.location.pointer.as_str().starts_with('/')
            );
        }
        let result = FileResult::new(&source, findings);
        let mut summary = Summary::default();
        summary.add(&result.findings);
        let rendered = text::render_file(&result, &source.text, false);
        assert!(
            rendered.matches("-->").count() >= result.findings.len(),
            "{rendered}"
        );
        let out = json::render(&[&result], &summary);
        let v: Value = serde_json::from_str(&out).expect("JSON output parses");
        assert_eq!(
            v["findings"].as_array().unwrap().len(),
            result.findings.len()
        );
    }
}

/// Every pointer to a value in `v`.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            pointers(
                c,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
}

fn replacement(kind: usize) -> Value {
    match kind % 12 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => serde_json::json!(0),
        3 => serde_json::json!(-1),
        4 => serde_json::json!(2.5),
        5 => serde_json::json!(u64::MAX),
        6 => serde_json::json!(""),
        7 => serde_json::json!("${PLACEHOLDER}"),
        8 => serde_json::json!([]),
        9 => serde_json::json!({}),
        10 => serde_json::json!({"Quantity": 3, "Items": [1]}),
        _ => serde_json::json!("é\u{0}\"\\"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any value replaced by any other JSON value.
    #[test]
    fn every_value_replaced_by_another_type(seed in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), kind in 0usize..12) {
        let seeds = seeds();
        let mut v: Value = serde_json::from_str(seed.get::<String>(&seeds)).unwrap();
        let mut ps = Vec::new();
        pointers(&v, String::new(), &mut ps);
        let p = at.get(&ps).clone();
        if p.is_empty() { v = replacement(kind) } else if let Some(slot) = v.pointer_mut(&p) { *slot = replacement(kind) }
        check_invariants(serde_json::to_string_pretty(&v).unwrap().as_bytes());
    }

    /// Bytes deleted, inserted or overwritten anywhere.
    #[test]
    fn byte_mutations(seed in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), delete in 0usize..32, insert in prop::collection::vec(any::<u8>(), 0..16)) {
        let seeds = seeds();
        let mut bytes = seed.get(&seeds).clone().into_bytes();
        let pos = at.index(bytes.len() + 1);
        let end = (pos + delete).min(bytes.len());
        bytes.splice(pos..end, insert);
        check_invariants(&bytes);
    }
}

/// Truncated at every byte: each prefix of a real config is linted without a panic.
#[test]
fn every_prefix_of_a_fixture() {
    let text =
        std::fs::read("fixtures/CF204-failover-on-client-error/fail-404-from-alb.json").unwrap();
    for cut in 0..=text.len() {
        check_invariants(&text[..cut]);
    }
}

/// Each prefix of a YAML template, at every character: the YAML path holds the same invariants.
#[test]
fn every_prefix_of_a_yaml_template() {
    let text = std::fs::read_to_string(
        "fixtures/CF401-alias-without-certificate/fail-cloudformation-conditions.yaml",
    )
    .unwrap();
    for (cut, _) in text.char_indices() {
        check_invariants_as("template.yaml", &text.as_bytes()[..cut]);
    }
}

/// Each prefix of a few Terraform files, at every character: the HCL path holds the same
/// invariants, on unbalanced braces, cut strings, templates and heredocs alike. Real files from
/// ../shared/corpus/terraform (a clean one, a mistake behind an origin group, a rejected one with a
/// resource holding only a comment) and a fixture.
#[test]
fn every_prefix_of_a_terraform_file() {
    let mut paths =
        vec!["fixtures/CF320-omitted-ttls-cache-nothing/fail-static-site-without-ttls.tf"];
    if support::shared_present() {
        paths.extend([
            "../shared/corpus/terraform/justacan-rts-example-terraform-cdn.tf",
            "../shared/corpus/terraform/aayush1512jais-terraform-s3-ha-static-web-serverless-app-global-cloudfront.tf",
            "../shared/corpus/terraform/jpdrawneek-test7-terraform-cloudfront.tf",
        ]);
    }
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (cut, _) in text.char_indices() {
            check_invariants_as("main.tf", &text.as_bytes()[..cut]);
        }
    }
}

/// What the fuzzer once found (fuzz/regressions) stays fixed.
#[test]
fn fuzz_regressions_hold_the_invariants() {
    let mut seen = 0;
    for entry in std::fs::read_dir("fuzz/regressions").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        check_invariants_as(&name, &std::fs::read(&path).unwrap());
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in fuzz/regressions");
}

/// Every value of a valid config replaced in turn by each other JSON type: no panic, and the
/// structural rules say what is wrong (the file never lints clean by accident).
#[test]
fn every_value_replaced_in_turn_by_each_other_type() {
    let text = std::fs::read_to_string("fixtures/CF011-missing-member/pass-complete.json").unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    let mut all = Vec::new();
    pointers(&original, String::new(), &mut all);
    let kinds = [
        Value::Null,
        Value::Bool(false),
        serde_json::json!(7),
        serde_json::json!("text"),
        serde_json::json!([]),
        serde_json::json!({}),
    ];
    let mut checked = 0;
    for p in all.iter().filter(|p| !p.is_empty()) {
        for kind in &kinds {
            let mut v = original.clone();
            let slot = v.pointer_mut(p).unwrap();
            if std::mem::discriminant(slot) == std::mem::discriminant(kind) {
                continue;
            }
            *slot = kind.clone();
            let bytes = serde_json::to_string_pretty(&v).unwrap();
            check_invariants(bytes.as_bytes());
            let source = Source::new("mutant.json", bytes.into_bytes());
            let Outcome::Linted(findings) = lint(&source, &Settings::default(), Origin::Named)
            else {
                panic!("{p}")
            };
            assert!(!findings.is_empty(), "{p} = {kind}: no finding");
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
}
