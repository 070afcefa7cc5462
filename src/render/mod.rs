//! Outputs: thin renderers over the same findings (and `markdown`, a rule's page for a terminal).

pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod routes;
pub mod sarif;
pub mod text;

use crate::finding::Finding;
use crate::source::{Position, Source};

/// The result of linting one file, as the renderers see it.
pub struct FileResult {
    pub path: String,
    pub findings: Vec<Finding>,
    /// Line and column of each finding's start and end, computed once per file.
    pub positions: Vec<(Position, Position)>,
}

impl FileResult {
    pub fn new(source: &Source, findings: Vec<Finding>) -> FileResult {
        let positions = if findings.is_empty() {
            Vec::new()
        } else {
            let offsets: Vec<usize> = findings
                .iter()
                .flat_map(|f| [f.location.range.start, f.location.range.end])
                .collect();
            let found = crate::source::positions(&source.text, &offsets);
            found.chunks(2).map(|p| (p[0], p[1])).collect()
        };
        FileResult {
            path: source.path.clone(),
            findings,
            positions,
        }
    }
}

/// Counts for the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files linted as distribution configs (or reported as not one).
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files met while walking directories that are not distribution configs.
    pub skipped: usize,
    /// Fixes applied by `--fix` (present only then).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding]) {
        use crate::finding::Severity::*;
        self.files += 1;
        for f in findings {
            match f.severity {
                Error => self.errors += 1,
                Warning => self.warnings += 1,
                Info => self.infos += 1,
            }
        }
    }
}
