//! CF227 origin-access-identity-form. Documentation: rules/CF227-origin-access-identity-form.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginAccessIdentityForm;

static META: RuleMeta = RuleMeta {
    code: "CF227",
    name: "origin-access-identity-form",
    severity: Severity::Error,
    summary: "An S3OriginConfig.OriginAccessIdentity that is not `origin-access-identity/cloudfront/<ID>` (or empty), such as the bare identity id (CloudFront: InvalidOriginAccessIdentity)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF227-origin-access-identity-form.md"),
    controls: &[],
    default_on: true,
};

const PREFIX: &str = "origin-access-identity/cloudfront/";

/// An origin access identity's id: `E2QWRUHEXAMPLE`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `origin-access-identity/cloudfront/E2QWRUHEXAMPLE`: the prefix, then the identity's id.
fn well_formed(value: &str) -> bool {
    value.strip_prefix(PREFIX).is_some_and(is_id)
}

/// What a CloudFormation `{"Ref": …}` names, when it is an origin access identity of the same
/// template: its Ref is the bare id, the commonest way to write this wrong.
fn ref_to_identity<'v>(cx: &Context<'v>, value: &'v serde_json::Value) -> Option<&'v str> {
    let name = value.as_object()?.get("Ref")?.as_str()?;
    let resource = cx.template()?.get("Resources")?.get(name)?;
    (resource.get("Type")?.as_str()? == "AWS::CloudFront::CloudFrontOriginAccessIdentity")
        .then_some(name)
}

impl Rule for OriginAccessIdentityForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(s3) = &origin.s3_origin_config else {
                continue;
            };
            let at = ptr![
                "Origins",
                "Items",
                i,
                "S3OriginConfig",
                "OriginAccessIdentity"
            ];
            match s3.origin_access_identity {
                Some(value)
                    if !value.is_empty() && !is_placeholder(value) && !well_formed(value) =>
                {
                    let id = value.rsplit('/').next().unwrap_or(value);
                    let bare_id = is_id(id);
                    let help = if bare_id {
                        format!("write the identity's path, not its id: `{PREFIX}{id}` (in Terraform, the identity's `cloudfront_access_identity_path` attribute)")
                    } else {
                        format!("write `{PREFIX}<ID>` with the identity's id, or \"\" for no identity (with an origin access control, or a public bucket)")
                    };
                    cx.report(&META, &at, format!("OriginAccessIdentity `{value}` is not in the form `{PREFIX}<ID>`: CloudFront rejects the config (InvalidOriginAccessIdentity)"))
                        .help(help)
                        .push(out);
                }
                None => {
                    let Some(name) = cx.raw_at(&at).and_then(|v| ref_to_identity(cx, v)) else {
                        continue;
                    };
                    cx.report(&META, &at, format!("`Ref: {name}` gives the origin access identity's id, but OriginAccessIdentity takes `{PREFIX}<ID>`: CloudFront rejects the config (InvalidOriginAccessIdentity)"))
                        .help(format!("write `!Sub \"{PREFIX}${{{name}}}\"`"))
                        .push(out);
                }
                _ => {}
            }
        }
    }
}
