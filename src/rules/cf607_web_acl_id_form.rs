//! CF607 web-acl-id-form. Documentation: rules/CF607-web-acl-id-form.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct WebAclIdForm;

static META: RuleMeta = RuleMeta {
    code: "CF607",
    name: "web-acl-id-form",
    severity: Severity::Error,
    summary: "A WebACLId that is neither a WAFv2 web ACL's ARN in us-east-1 with global scope nor a WAF Classic web ACL id (CloudFront: InvalidWebACLId)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF607-web-acl-id-form.md"),
    controls: &[],
    default_on: true,
};

/// A WAF Classic id: a UUID (`473e64fd-f30b-4765-81a0-62ad96dd167a`).
fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Rule for WebAclIdForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(id) = cx.config.web_acl_id else {
            return;
        };
        if id.is_empty() || is_placeholder(id) || is_uuid(id) {
            return;
        }
        let at = ptr!["WebACLId"];
        let parts: Vec<&str> = id.splitn(6, ':').collect();
        let problem = match parts[..] {
            ["arn", "aws", "wafv2", region, _, resource] => {
                if !is_placeholder(region) && region != "us-east-1" {
                    format!("is a regional web ACL in {region}: CloudFront takes only web ACLs created in us-east-1 with scope CLOUDFRONT")
                } else if !resource.starts_with("global/webacl/") {
                    "is not a web ACL with scope CLOUDFRONT (its ARN does not have `global/webacl/`)".to_owned()
                } else {
                    return;
                }
            }
            ["arn", partition, ..] if partition != "aws" => return,
            ["arn", _, "waf", ..] | ["arn", _, "waf-regional", ..] => {
                "is a WAF Classic ARN: for WAF Classic CloudFront takes the web ACL's id, not its ARN".to_owned()
            }
            ["arn", ..] => "is not a WAFv2 web ACL's ARN".to_owned(),
            _ => "is neither a WAFv2 web ACL's ARN nor a WAF Classic web ACL id".to_owned(),
        };
        cx.report(
            &META,
            &at,
            format!("WebACLId `{id}` {problem}: CloudFront rejects the config (InvalidWebACLId)"),
        )
        .help("use the ARN of a WAFv2 web ACL created in us-east-1 with scope CLOUDFRONT (`arn:aws:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID`); in CloudFormation that is `!GetAtt WebACL.Arn`, not `!Ref`")
        .push(out);
    }
}
