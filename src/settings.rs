//! Which rules run.

use crate::rules::RuleMeta;

/// Rule selection: codes, code prefixes (`CF2`), names or named sets (`aws-fsbp`, `checkov`).
/// Empty `select` means every rule that is on by default; `extend_select` adds to that.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Settings {
    /// Only the rule with this code (what the fixture tests use).
    pub fn only(code: &str) -> Settings {
        Settings {
            select: vec![code.to_owned()],
            ..Settings::default()
        }
    }

    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        let selected = if self.select.is_empty() {
            rule.default_on
        } else {
            self.select.iter().any(|s| matches(s, rule))
        };
        (selected || self.extend_select.iter().any(|s| matches(s, rule))) && !self.ignores(rule)
    }

    /// Whether `ignore` names the rule (a resource's suppressions are read this way).
    pub fn ignores(&self, rule: &RuleMeta) -> bool {
        self.ignore.iter().any(|s| matches(s, rule))
    }
}

/// Whether one selector names the rule: its name, a prefix of its code (two characters at least),
/// or a named set it belongs to.
pub fn matches(selector: &str, rule: &RuleMeta) -> bool {
    let s = selector.trim();
    rule.name.eq_ignore_ascii_case(s)
        || (s.len() >= 2
            && rule.code.len() >= s.len()
            && rule.code[..s.len()].eq_ignore_ascii_case(s))
        || rule.in_set(s)
}

/// How long an origin group may take to try its secondary origin before CF223 says it is slow,
/// in seconds (aws-api.md §7.4 suggests 10). A constant until the configuration file can set it.
pub const FAILOVER_BUDGET_SECONDS: i64 = 10;
