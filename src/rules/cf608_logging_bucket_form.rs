//! CF608 logging-bucket-form. Documentation: rules/CF608-logging-bucket-form.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct LoggingBucketForm;

static META: RuleMeta = RuleMeta {
    code: "CF608",
    name: "logging-bucket-form",
    severity: Severity::Error,
    summary: "A standard-logging Bucket that is not an S3 bucket's domain name (`bucket.s3.amazonaws.com`): a bare bucket name or a URL (CloudFront: InvalidArgument)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF608-logging-bucket-form.md"),
    controls: &[],
    default_on: true,
};

impl Rule for LoggingBucketForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(logging) = &cx.config.logging else {
            return;
        };
        // With Enabled false CloudFront drops the bucket.
        if logging.enabled == Some(false) {
            return;
        }
        let Some(bucket) = logging.bucket else {
            return;
        };
        if bucket.is_empty() || is_placeholder(bucket) {
            return;
        }
        let lower = bucket.to_ascii_lowercase();
        let host = lower
            .split_once("://")
            .map_or(lower.as_str(), |(_, rest)| rest)
            .trim_end_matches('/');
        let name = host.split('.').next().unwrap_or(host);
        let problem = if lower.contains("://") || lower.contains('/') {
            "is a URL"
        } else if !lower.contains('.') {
            "is a bare bucket name"
        } else if !(lower.ends_with(".amazonaws.com") || lower.ends_with(".amazonaws.com.cn")) {
            "is not an S3 bucket's domain name"
        } else {
            return;
        };
        cx.report(
            &META,
            &ptr!["Logging", "Bucket"],
            format!("Logging.Bucket `{bucket}` {problem}: CloudFront takes the bucket's domain name and rejects the config (InvalidArgument)"),
        )
        .help(format!("write `{name}.s3.amazonaws.com`; put a folder in Logging.Prefix"))
        .push(out);
    }
}
