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
/// in seconds (aws-api.md §7.4 suggests 10): the default of `[rules.CF223] max-failover-seconds`.
pub const FAILOVER_BUDGET_SECONDS: i64 = 10;

/// What a config is for: `CreateDistribution` (a new distribution) or `UpdateDistribution` (an
/// existing one). Set by `operation` in the configuration file or `--operation`; rules read it
/// with `Context::operation`, and assume neither when it is unset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Operation {
    /// The config creates a distribution.
    Create,
    /// The config updates an existing distribution.
    Update,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Update => "update",
        }
    }
}

/// What the configuration tells rules beyond whether they run: the operation, and the options of
/// `[rules.<code or name>]` tables (`RULE_OPTIONS` lists them). Rules read it through `Context`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleOptions {
    pub operation: Option<Operation>,
    /// CF223: the longest an origin group may take to try its secondary, in seconds.
    pub max_failover_seconds: i64,
    /// CF715: tag keys every distribution must carry; empty: any tag of its own will do.
    pub required_tags: Vec<String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            operation: None,
            max_failover_seconds: FAILOVER_BUDGET_SECONDS,
            required_tags: Vec::new(),
        }
    }
}

/// Every rule option of the configuration file: the rule's code, the key in its `[rules.<rule>]`
/// table, and what it takes (for errors and `cloudfront-lint config`).
pub const RULE_OPTIONS: [(&str, &str, &str); 2] = [
    (
        "CF223",
        "max-failover-seconds",
        "a whole number of seconds, 1 or more",
    ),
    ("CF715", "required-tags", "a list of tag keys (strings)"),
];
