//! Which rules run.

use crate::rules::RuleMeta;

/// Rule selection: codes, code prefixes (`CF2`) or names. Empty `select` means every rule.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Settings {
    /// Only the rule with this code (what the fixture tests use).
    pub fn only(code: &str) -> Settings {
        Settings {
            select: vec![code.to_owned()],
            ignore: vec![],
        }
    }

    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        let matches = |s: &String| {
            let s = s.trim();
            rule.name.eq_ignore_ascii_case(s)
                || (s.len() >= 2
                    && rule.code.len() >= s.len()
                    && rule.code[..s.len()].eq_ignore_ascii_case(s))
        };
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}
