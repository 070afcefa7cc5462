//! CF210 origin-config-not-exactly-one. Documentation: rules/CF210-origin-config-not-exactly-one.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::form::is_intrinsic;
use crate::ptr;
use serde_json::Value;

pub struct OriginConfigNotExactlyOne;

static META: RuleMeta = RuleMeta {
    code: "CF210",
    name: "origin-config-not-exactly-one",
    severity: Severity::Error,
    summary:
        "An origin needs exactly one of S3OriginConfig, CustomOriginConfig and VpcOriginConfig",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF210-origin-config-not-exactly-one.md"),
    controls: &[],
    default_on: true,
};

const KINDS: [&str; 3] = ["S3OriginConfig", "CustomOriginConfig", "VpcOriginConfig"];

impl Rule for OriginConfigNotExactlyOne {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(origins) = cx
            .raw_at(&ptr!["Origins", "Items"])
            .and_then(Value::as_array)
        else {
            return;
        };
        for (i, origin) in origins.iter().enumerate() {
            let Some(origin) = origin.as_object().filter(|_| !is_intrinsic(origin)) else {
                continue;
            };
            // A config chosen by CloudFormation (`Fn::If` with AWS::NoValue) may or may not be there.
            if KINDS
                .iter()
                .any(|k| origin.get(*k).is_some_and(is_intrinsic))
            {
                continue;
            }
            let present: Vec<&str> = KINDS
                .iter()
                .copied()
                .filter(|k| origin.get(*k).is_some_and(|v| !v.is_null()))
                .collect();
            if present.len() == 1 {
                continue;
            }
            let id = origin.get("Id").and_then(Value::as_str).unwrap_or("?");
            let at = ptr!["Origins", "Items", i];
            let report = if present.is_empty() {
                // CloudFormation's own words only where CloudFormation is the one to say them.
                let rejection = if cx.is_cloudformation() {
                    "CloudFormation rejects the template (\"Exactly one of CustomOriginConfig and S3OriginConfig must be specified\")"
                } else {
                    "CloudFront rejects the config"
                };
                cx.report(&META, &at, format!("origin `{id}` has none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig: {rejection}"))
                    .help("add S3OriginConfig for an S3 bucket's REST endpoint, or CustomOriginConfig (HTTPPort, HTTPSPort, OriginProtocolPolicy) for anything else, including S3 website endpoints")
            } else {
                cx.report(&META, &at, format!("origin `{id}` has {}: CloudFront rejects the config, since an origin is of exactly one kind", quoted_list(&present)))
                    .help("keep the one that matches the DomainName: S3OriginConfig for a bucket's REST endpoint, CustomOriginConfig for other hosts")
            };
            report.anchor(Anchor::Head).push(out);
        }
    }
}
