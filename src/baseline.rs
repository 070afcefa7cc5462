//! Baselines: today's findings recorded (`--write-baseline`), then only new ones reported
//! (`--baseline`). A finding is matched by file, code and pointer, never by line, so edits above
//! it do not break the match.

use crate::render::FileResult;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub file: String,
    pub code: String,
    pub pointer: String,
}

/// The findings of a baseline, by file: (code, pointer) → how many.
#[derive(Default)]
pub struct Baseline {
    pub by_file: HashMap<String, HashMap<(String, String), usize>>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let file: File = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        if file.version != 1 {
            return Err(format!("baseline version {} is not 1", file.version));
        }
        let mut baseline = Baseline::default();
        for e in file.findings {
            *baseline
                .by_file
                .entry(e.file)
                .or_default()
                .entry((e.code, e.pointer))
                .or_default() += 1;
        }
        Ok(baseline)
    }

    /// The baseline's entries for one file, taken out (each file is checked once).
    pub fn take(&mut self, file: &str) -> HashMap<(String, String), usize> {
        self.by_file.remove(file).unwrap_or_default()
    }
}

/// The baseline of these results, as JSON (sorted, so it diffs well in review).
pub fn render(results: &[&FileResult]) -> String {
    let mut findings: Vec<Entry> = results
        .iter()
        .flat_map(|r| {
            r.findings.iter().map(|f| Entry {
                file: r.path.clone(),
                code: f.code.to_owned(),
                pointer: f.location.pointer.as_str().to_owned(),
            })
        })
        .collect();
    findings.sort();
    let file = File {
        version: 1,
        findings,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}
