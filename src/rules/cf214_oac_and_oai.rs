//! CF214 oac-and-oai. Documentation: rules/CF214-oac-and-oai.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OacAndOai;

static META: RuleMeta = RuleMeta {
    code: "CF214",
    name: "oac-and-oai",
    severity: Severity::Error,
    summary: "An origin with both an origin access control and an origin access identity (CloudFront: IllegalOriginAccessConfiguration)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF214-oac-and-oai.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OacAndOai {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let set = |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && !is_placeholder(s));
            let oac = set(origin.origin_access_control_id);
            let oai = set(origin
                .s3_origin_config
                .as_ref()
                .and_then(|c| c.origin_access_identity));
            if !(oac && oai) {
                continue;
            }
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "S3OriginConfig", "OriginAccessIdentity"],
                "this origin has both an origin access control and an origin access identity: CloudFront rejects the config (IllegalOriginAccessConfiguration: \"An origin cannot contain both an origin access control (OAC) and an origin access identity (OAI).\")",
            )
            .label(&ptr!["Origins", "Items", i, "OriginAccessControlId"], Anchor::Value, "the origin access control")
            .help("keep the origin access control and set OriginAccessIdentity to \"\" (OAC is the successor of OAI)")
            .push(out);
        }
    }
}
