//! Findings as data: what a rule found, where, and how to fix it. Rendering is elsewhere.

use crate::json::Pointer;
use serde::Serialize;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice.
    Info,
    /// CloudFront accepts it but will not do what the config evidently intends.
    Warning,
    /// CloudFront's API (or the AWS CLI's parameter check) rejects it.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in the file: the JSON Pointer of the value (into the file as written) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub pointer: Pointer,
    pub range: Range<usize>,
}

/// A secondary place the finding refers to ("the origin list that lacks the id").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub location: Location,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the config's meaning: applied by `--fix`.
    Safe,
    /// May change what the config does: applied only when asked for explicitly.
    Unsafe,
}

/// Replace the bytes of `range` with `content`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// What is wrong and what CloudFront will do, with the concrete values.
    pub message: String,
    /// What to change, as an imperative.
    pub help: Option<String>,
    pub location: Location,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding about the file itself at a byte range (the input rules, CF0xx), with no pointer
    /// into a config.
    pub fn about_file(
        rule: &'static crate::rules::RuleMeta,
        range: Range<usize>,
        message: String,
    ) -> Finding {
        Finding {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            message,
            help: None,
            location: Location {
                pointer: Pointer::root(),
                range,
            },
            labels: vec![],
            fix: None,
        }
    }

    /// The order findings are reported in: by place, then by code.
    pub fn sort_key(&self) -> (usize, usize, &'static str) {
        (
            self.location.range.start,
            self.location.range.end,
            self.code,
        )
    }
}

impl Fix {
    pub fn applicability_str(&self) -> &'static str {
        match self.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}
