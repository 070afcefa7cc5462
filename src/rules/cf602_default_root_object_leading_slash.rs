//! CF602 default-root-object-leading-slash. Documentation: rules/CF602-default-root-object-leading-slash.md

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Applicability, Finding, Severity};
use crate::ptr;

pub struct DefaultRootObjectLeadingSlash;

static META: RuleMeta = RuleMeta {
    code: "CF602",
    name: "default-root-object-leading-slash",
    severity: Severity::Warning,
    summary: "A DefaultRootObject that starts with `/`, so requests for the root URL do not get the object",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF602-default-root-object-leading-slash.md"),
    controls: &[],
    default_on: true,
};

impl Rule for DefaultRootObjectLeadingSlash {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(object) = cx.config.default_root_object else {
            return;
        };
        if !object.starts_with('/') {
            return;
        }
        let name = object.trim_start_matches('/');
        let at = ptr!["DefaultRootObject"];
        let message = if name.is_empty() {
            "DefaultRootObject `/` names no object: CloudFront accepts it, but a request for the root URL then redirects to itself or fails instead of serving a page".to_owned()
        } else {
            format!("DefaultRootObject `{object}` starts with `/`: CloudFront accepts it, but it looks for an object named with the slash, so a request for the root URL does not return `{name}`")
        };
        let mut report = cx.report(&META, &at, message).help(if name.is_empty() {
            "set DefaultRootObject to the object's name, such as index.html, or to \"\" for none"
                .to_owned()
        } else {
            format!("write `{name}`, without the slash")
        });
        if !name.is_empty() {
            report = report.fix_replace(
                format!("Remove the leading slash: {name}"),
                Applicability::Safe,
                &at,
                serde_json::to_string(name).unwrap_or_default(),
            );
        }
        report.push(out);
    }
}
