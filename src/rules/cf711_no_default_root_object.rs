//! CF711 no-default-root-object. Documentation: rules/CF711-no-default-root-object.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::model::items;
use crate::ptr;

pub struct NoDefaultRootObject;

static META: RuleMeta = RuleMeta {
    code: "CF711",
    name: "no-default-root-object",
    severity: Severity::Info,
    summary: "A distribution with an S3 origin and no DefaultRootObject: a request for / lists or errors instead of serving a page",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF711-no-default-root-object.md"),
    controls: &["CloudFront.1", "cloudfront-default-root-object-configured", "CT.CLOUDFRONT.PR.1", "CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED", "CKV_AWS_305"],
    default_on: true,
};

impl Rule for NoDefaultRootObject {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if cx.config.default_root_object.is_some_and(|s| !s.is_empty()) {
            return;
        }
        let Some((i, _)) = items(&cx.config.origins).find(|(_, o)| o.is_s3()) else {
            return;
        };
        let at = if cx.config.default_root_object.is_some() {
            ptr!["DefaultRootObject"]
        } else {
            Pointer::root()
        };
        cx.report(
            &META,
            &at,
            "no DefaultRootObject, and an origin is an S3 bucket: CloudFront forwards a request for / to the bucket as is, which answers with its listing (if the distribution may list it) or an error",
        )
        .anchor(Anchor::Head)
        .label(&ptr!["Origins", "Items", i, "DomainName"], Anchor::Value, "an S3 origin")
        .help("add DefaultRootObject, e.g. \"index.html\"")
        .push(out);
    }
}
