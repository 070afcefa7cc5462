//! GitLab Code Quality: a JSON array of issues, each with a fingerprint that stays the same while
//! the finding does (file, code, pointer and which occurrence: not the line).

use super::FileResult;
use crate::finding::Severity;
use std::collections::HashMap;

pub fn render(results: &[&FileResult]) -> String {
    let mut issues = Vec::new();
    for result in results {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (f, (start, end)) in result.findings.iter().zip(&result.positions) {
            let n = seen
                .entry((f.code, f.location.pointer.as_str()))
                .or_default();
            *n += 1;
            let key = format!(
                "{}\0{}\0{}\0{}",
                result.path,
                f.code,
                f.location.pointer.as_str(),
                n
            );
            let severity = match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            let description = match &f.help {
                Some(help) => format!("{}: {} ({help})", f.code, f.message),
                None => format!("{}: {}", f.code, f.message),
            };
            issues.push(serde_json::json!({
                "description": description,
                "check_name": f.code,
                "fingerprint": fingerprint(&key),
                "severity": severity,
                "location": {
                    "path": result.path,
                    "lines": { "begin": start.line, "end": end.line },
                },
            }));
        }
    }
    serde_json::to_string_pretty(&issues).unwrap_or_default() + "\n"
}

/// Two FNV-1a hashes (64-bit, different offsets) as 32 hex digits: stable across Rust versions,
/// unlike std's hasher.
fn fingerprint(key: &str) -> String {
    let fnv = |offset: u64| {
        key.bytes().fold(offset, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}
