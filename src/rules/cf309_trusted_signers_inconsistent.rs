//! CF309 trusted-signers-inconsistent. Documentation: rules/CF309-trusted-signers-inconsistent.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::plain_items;

pub struct TrustedSignersInconsistent;

static META: RuleMeta = RuleMeta {
    code: "CF309",
    name: "trusted-signers-inconsistent",
    severity: Severity::Error,
    summary: "TrustedKeyGroups or TrustedSigners whose Enabled disagrees with its list, or a trusted signer that is not an account id or `self` (CloudFront rejects the config)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF309-trusted-signers-inconsistent.md"),
    controls: &[],
    default_on: true,
};

impl Rule for TrustedSignersInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            for (member, list, what) in [
                ("TrustedKeyGroups", &b.trusted_key_groups, "key group"),
                ("TrustedSigners", &b.trusted_signers, "trusted signer"),
            ] {
                let Some(list) = list else { continue };
                let at = || behavior.pointer().key(member);
                // A list computed by CloudFormation is known only when deployed.
                if cx
                    .raw_behavior_member(&behavior, &[member, "Items"])
                    .is_some_and(crate::form::is_intrinsic)
                {
                    continue;
                }
                let count = list.items.as_ref().map_or(0, Vec::len);
                match (list.enabled, count) {
                    (Some(true), 0) => cx.report(&META, &at().key("Enabled"), format!("{member}.Enabled is true but no {what} is listed: CloudFront rejects the config (viewers could never present a valid signature)"))
                        .help(format!("list the {what}s whose signatures this behaviour accepts, or set Enabled to false"))
                        .push(out),
                    (Some(false), n) if n > 0 => cx.report(&META, &at().key("Enabled"), format!("{member}.Enabled is false but {n} {what}(s) are listed: CloudFront rejects the config (Enabled must be true exactly when the list is not empty)"))
                        .help("set Enabled to true to require signed URLs or cookies, or empty the list")
                        .push(out),
                    _ => {}
                }
                if member != "TrustedSigners" {
                    continue;
                }
                for (i, signer) in plain_items(&list.items) {
                    let is_account =
                        signer.len() == 12 && signer.bytes().all(|c| c.is_ascii_digit());
                    if *signer == "self" || is_account || is_placeholder(signer) {
                        continue;
                    }
                    cx.report(&META, &at().key("Items").index(i), format!("trusted signer `{signer}` is neither `self` nor a 12-digit AWS account id: CloudFront rejects the config (TrustedSignerDoesNotExist)"))
                        .help("use `self` for this account, or another account's 12-digit id; better, use TrustedKeyGroups (CloudFront key groups), which AWS recommends over trusted signers")
                        .push(out);
                }
            }
        }
    }
}
