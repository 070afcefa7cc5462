//! CF217 response-completion-timeout-below-read-timeout. Documentation: rules/CF217-response-completion-timeout-below-read-timeout.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct ResponseCompletionTimeoutBelowReadTimeout;

static META: RuleMeta = RuleMeta {
    code: "CF217",
    name: "response-completion-timeout-below-read-timeout",
    severity: Severity::Error,
    summary: "An origin's ResponseCompletionTimeout shorter than its OriginReadTimeout (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF217-response-completion-timeout-below-read-timeout.md"),
    controls: &[],
    default_on: true,
};

/// OriginReadTimeout when it is not set (botocore, CustomOriginConfig.OriginReadTimeout).
const DEFAULT_READ_TIMEOUT: i64 = 30;

impl Rule for ResponseCompletionTimeoutBelowReadTimeout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(completion) = origin.response_completion_timeout else {
                continue;
            };
            let (read, read_at) = if let Some(t) = origin
                .custom_origin_config
                .as_ref()
                .and_then(|c| c.origin_read_timeout)
            {
                (t, Some("CustomOriginConfig"))
            } else if let Some(t) = origin
                .s3_origin_config
                .as_ref()
                .and_then(|c| c.origin_read_timeout)
            {
                (t, Some("S3OriginConfig"))
            } else if let Some(t) = origin
                .vpc_origin_config
                .as_ref()
                .and_then(|c| c.origin_read_timeout)
            {
                (t, Some("VpcOriginConfig"))
            } else {
                (DEFAULT_READ_TIMEOUT, None)
            };
            if completion >= read {
                continue;
            }
            let origin_at = ptr!["Origins", "Items", i];
            let of_read = match read_at {
                Some(_) => format!("OriginReadTimeout ({read} s)"),
                None => format!("the default OriginReadTimeout ({read} s)"),
            };
            let mut report = cx.report(
                &META,
                &origin_at.key("ResponseCompletionTimeout"),
                format!("ResponseCompletionTimeout ({completion} s) is shorter than {of_read}: the whole response must be allowed at least as long as one read, and CloudFront rejects the config (InvalidArgument)"),
            )
            .help(format!("set ResponseCompletionTimeout to {read} or more, or remove it (no limit on the whole response)"));
            if let Some(config) = read_at {
                report = report.label(
                    &origin_at.key(config).key("OriginReadTimeout"),
                    super::Anchor::Value,
                    "the read timeout",
                );
            }
            report.push(out);
        }
    }
}
