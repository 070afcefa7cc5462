//! CF610 tenant-only-restrictions. Documentation: rules/CF610-tenant-only-restrictions.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::ptr;

pub struct TenantOnlyRestrictions;

static META: RuleMeta = RuleMeta {
    code: "CF610",
    name: "tenant-only-restrictions",
    severity: Severity::Error,
    summary: "A multi-tenant (`tenant-only`) distribution with a setting only standard distributions support, or TenantConfig on a standard one (CloudFront rejects the config)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF610-tenant-only-restrictions.md"),
    controls: &[],
    default_on: true,
};

impl Rule for TenantOnlyRestrictions {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        let tenant_only = config.connection_mode == Some("tenant-only");
        if !tenant_only {
            if config.tenant_config.is_some() && config.connection_mode.is_some() {
                cx.report(&META, &ptr!["TenantConfig"], "TenantConfig is only for multi-tenant distributions, but ConnectionMode is not tenant-only: CloudFront rejects the config")
                    .anchor(Anchor::Key)
                    .help("set ConnectionMode to tenant-only for a multi-tenant distribution, or remove TenantConfig")
                    .push(out);
            }
            return;
        }
        let mut found: Vec<Pointer> = Vec::new();
        if config.aliases.as_ref().is_some_and(|a| !a.is_empty()) {
            found.push(ptr!["Aliases"]);
        }
        if config.price_class.is_some() {
            found.push(ptr!["PriceClass"]);
        }
        if config
            .continuous_deployment_policy_id
            .is_some_and(|p| !p.is_empty())
        {
            found.push(ptr!["ContinuousDeploymentPolicyId"]);
        }
        if config.staging == Some(true) {
            found.push(ptr!["Staging"]);
        }
        if config
            .viewer_certificate
            .as_ref()
            .and_then(|c| c.iam_certificate_id)
            .is_some_and(|c| !c.is_empty())
        {
            found.push(ptr!["ViewerCertificate", "IAMCertificateId"]);
        }
        for b in config.behaviors() {
            let behavior = b.behavior;
            if behavior.trusted_signers.as_ref().and_then(|t| t.enabled) == Some(true) {
                found.push(b.pointer().key("TrustedSigners"));
            }
            if behavior.smooth_streaming == Some(true) {
                found.push(b.pointer().key("SmoothStreaming"));
            }
            if behavior.forwarded_values.is_some() {
                found.push(b.pointer().key("ForwardedValues"));
            }
            for (ttl, value) in [
                ("MinTTL", behavior.min_ttl),
                ("DefaultTTL", behavior.default_ttl),
                ("MaxTTL", behavior.max_ttl),
            ] {
                if value.is_some() {
                    found.push(b.pointer().key(ttl));
                }
            }
        }
        for at in found {
            let member = at.last().unwrap_or_default();
            cx.report(&META, &at, format!("{member} is not supported on a multi-tenant distribution (ConnectionMode tenant-only): CloudFront rejects the config"))
                .anchor(Anchor::Key)
                .label(&ptr!["ConnectionMode"], Anchor::Value, "a multi-tenant distribution")
                .help(match member.as_str() {
                    "Aliases" => "give each distribution tenant its domains instead",
                    "ForwardedValues" | "MinTTL" | "DefaultTTL" | "MaxTTL" => "use a cache policy (CachePolicyId) instead of the legacy cache settings",
                    "IAMCertificateId" => "use an ACM certificate (on the tenants, or ACMCertificateArn)",
                    _ => "remove it: this setting is for standard distributions only",
                })
                .push(out);
        }
    }
}
