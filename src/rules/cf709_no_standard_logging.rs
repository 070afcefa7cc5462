//! CF709 no-standard-logging. Documentation: rules/CF709-no-standard-logging.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::ptr;

pub struct NoStandardLogging;

static META: RuleMeta = RuleMeta {
    code: "CF709",
    name: "no-standard-logging",
    severity: Severity::Info,
    summary: "A distribution with no standard (S3) access logging",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF709-no-standard-logging.md"),
    controls: &[
        "CloudFront.5",
        "cloudfront-accesslogs-enabled",
        "CT.CLOUDFRONT.PR.5",
        "CLOUDFRONT_ACCESSLOGS_ENABLED",
        "CKV_AWS_86",
        "AWS-0010",
        "KICS-de77cd9f",
        "KICS-94690d79",
        "AwsSolutions-CFR3",
    ],
    default_on: true,
};

impl Rule for NoStandardLogging {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // Computed (a placeholder, an intrinsic function, a Terraform `dynamic` block): unknown.
        if cx
            .raw
            .get("Logging")
            .is_some_and(|v| !v.is_object() || crate::form::is_intrinsic(v))
        {
            return;
        }
        let logging = cx.config.logging.as_ref();
        let bucket = logging
            .and_then(|l| l.bucket)
            .is_some_and(|b| !b.is_empty());
        // CloudFormation's Logging has no Enabled: a bucket turns logging on.
        let enabled = logging.is_some_and(|l| l.enabled.unwrap_or(cx.is_cloudformation()));
        if bucket && enabled {
            return;
        }
        let at = match logging {
            Some(l) if l.enabled == Some(false) => ptr!["Logging", "Enabled"],
            Some(_) => ptr!["Logging"],
            None => Pointer::root(),
        };
        cx.report(
            &META,
            &at,
            "standard logging is off: CloudFront keeps no record of the requests it serves in S3",
        )
        .anchor(Anchor::Head)
        .help("add Logging with Enabled true and a Bucket (`name.s3.amazonaws.com`, with ACLs enabled); access logs delivered through CloudWatch (logging v2) are set outside the DistributionConfig")
        .push(out);
    }
}
