//! CF003 unreadable-file. Documentation: rules/CF003-unreadable-file.md
//!
//! Reported by the `check` command when a file cannot be read; the run then exits with 2.

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct UnreadableFile;

pub static META: RuleMeta = RuleMeta {
    code: "CF003",
    name: "unreadable-file",
    severity: Severity::Error,
    summary: "A file that cannot be read: missing, unreadable, not a regular file, or over the size limit",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF003-unreadable-file.md"),
    controls: &[],
    default_on: true,
};

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _: &Context, _: &mut Vec<Finding>) {}
}
