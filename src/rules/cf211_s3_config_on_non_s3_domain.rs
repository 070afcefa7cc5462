//! CF211 s3-config-on-non-s3-domain. Documentation: rules/CF211-s3-config-on-non-s3-domain.md

use super::text::is_placeholder;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::{is_s3_rest_domain, items};
use crate::ptr;

pub struct S3ConfigOnNonS3Domain;

static META: RuleMeta = RuleMeta {
    code: "CF211",
    name: "s3-config-on-non-s3-domain",
    severity: Severity::Error,
    summary: "S3OriginConfig on a DomainName that is not an S3 bucket's REST endpoint (a website endpoint or another host)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF211-s3-config-on-non-s3-domain.md"),
    controls: &[],
    default_on: true,
};

impl Rule for S3ConfigOnNonS3Domain {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let (Some(_), Some(domain)) = (&origin.s3_origin_config, origin.domain_name) else {
                continue;
            };
            // A domain still to be filled in, or one that is not a bare host (CF213 says so).
            if is_placeholder(domain)
                || domain.contains('/')
                || domain.contains(':')
                || is_s3_rest_domain(domain)
            {
                continue;
            }
            let website = domain.to_ascii_lowercase().contains(".s3-website");
            let message = if website {
                format!("`{domain}` is an S3 website endpoint, which S3OriginConfig cannot use: CloudFront rejects the config (InvalidArgument: \"The parameter Origin DomainName does not refer to a valid S3 bucket.\")")
            } else {
                format!("`{domain}` is not an S3 bucket's REST endpoint, so S3OriginConfig cannot use it: CloudFront rejects the config (InvalidArgument: \"The parameter Origin DomainName does not refer to a valid S3 bucket.\")")
            };
            cx.report(&META, &ptr!["Origins", "Items", i, "DomainName"], message)
                .label(&ptr!["Origins", "Items", i, "S3OriginConfig"], Anchor::Key, "S3OriginConfig")
                .help(if website {
                    "use CustomOriginConfig with OriginProtocolPolicy http-only for a website endpoint, or point at the bucket's REST endpoint (bucket.s3.region.amazonaws.com) with an origin access control"
                } else {
                    "use CustomOriginConfig for this host, or the bucket's REST endpoint (bucket.s3.region.amazonaws.com) with S3OriginConfig"
                })
                .push(out);
        }
    }
}
