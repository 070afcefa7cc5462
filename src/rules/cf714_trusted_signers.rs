//! CF714 trusted-signers. Documentation: rules/CF714-trusted-signers.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use serde_json::Value;

pub struct TrustedSigners;

static META: RuleMeta = RuleMeta {
    code: "CF714",
    name: "trusted-signers",
    severity: Severity::Info,
    summary: "A behaviour that restricts access with trusted signers (AWS account key pairs) rather than trusted key groups",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF714-trusted-signers.md"),
    controls: &["CloudFront.17", "cloudfront-distribution-key-group-enabled"],
    default_on: true,
};

impl Rule for TrustedSigners {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for b in cx.config.behaviors() {
            let at = b.pointer().key("TrustedSigners");
            let in_use = match cx.raw_at(&at) {
                // CloudFormation: a list of account ids.
                Some(Value::Array(ids)) => !ids.is_empty(),
                Some(Value::Object(_)) => {
                    b.behavior.trusted_signers.as_ref().is_some_and(|t| {
                        t.enabled == Some(true) || t.quantity.is_some_and(|q| q > 0)
                    })
                }
                _ => false,
            };
            if !in_use {
                continue;
            }
            cx.report(
                &META,
                &at,
                "signed URLs and cookies for this behaviour are checked against trusted signers: CloudFront key pairs that only the account's root user can create and rotate",
            )
            .anchor(Anchor::Key)
            .help("create a public key and a key group, and use TrustedKeyGroups instead of TrustedSigners")
            .push(out);
        }
    }
}
