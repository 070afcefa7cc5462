//! CF308 policy-id-not-an-id. Documentation: rules/CF308-policy-id-not-an-id.md

use super::text::{closest, is_placeholder};
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};

pub struct PolicyIdNotAnId;

static META: RuleMeta = RuleMeta {
    code: "CF308",
    name: "policy-id-not-an-id",
    severity: Severity::Error,
    summary: "A CachePolicyId, OriginRequestPolicyId or ResponseHeadersPolicyId that is not in the form of an id CloudFront assigns (CloudFront: NoSuchCachePolicy and its siblings)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF308-policy-id-not-an-id.md"),
    controls: &[],
    default_on: true,
};

/// One kind of policy a behaviour names by id.
struct Kind {
    member: &'static str,
    what: &'static str,
    error: &'static str,
    /// The resource type a template defines it with.
    resource: &'static str,
    /// The managed policies of this kind, (name, id), from the Developer Guide's pages on managed
    /// policies. A name written where the id goes gets its id suggested.
    managed: &'static [(&'static str, &'static str)],
}

const KINDS: [Kind; 3] = [
    Kind {
        member: "CachePolicyId",
        what: "cache policy",
        error: "NoSuchCachePolicy",
        resource: "AWS::CloudFront::CachePolicy",
        managed: &[
            ("Amplify", "2e54312d-136d-493c-8eb9-b001f22f67d2"),
            ("CachingDisabled", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"),
            ("CachingOptimized", "658327ea-f89d-4fab-a63d-7e88639e58f6"),
            (
                "CachingOptimizedForUncompressedObjects",
                "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
            ),
            (
                "Elemental-MediaPackage",
                "08627262-05a9-4f76-9ded-b50ca2e3a84f",
            ),
            (
                "UseOriginCacheControlHeaders",
                "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
            ),
            (
                "UseOriginCacheControlHeaders-QueryStrings",
                "4cc15a8a-d715-48a4-82b8-cc0b614638fe",
            ),
        ],
    },
    Kind {
        member: "OriginRequestPolicyId",
        what: "origin request policy",
        error: "NoSuchOriginRequestPolicy",
        resource: "AWS::CloudFront::OriginRequestPolicy",
        managed: &[
            ("AllViewer", "216adef6-5c7f-47e4-b989-5492eafa07d3"),
            (
                "AllViewerAndCloudFrontHeaders-2022-06",
                "33f36d7e-f396-46d9-90e0-52428a34d9dc",
            ),
            (
                "AllViewerExceptHostHeader",
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
            ),
            ("CORS-CustomOrigin", "59781a5b-3903-41f3-afcb-af62929ccde1"),
            ("CORS-S3Origin", "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"),
            (
                "UserAgentRefererHeaders",
                "acba4595-bd28-49b8-b9fe-13317c0390fa",
            ),
        ],
    },
    Kind {
        member: "ResponseHeadersPolicyId",
        what: "response headers policy",
        error: "NoSuchResponseHeadersPolicy",
        resource: "AWS::CloudFront::ResponseHeadersPolicy",
        managed: &[
            (
                "CORS-and-SecurityHeadersPolicy",
                "e61eb60c-9c35-4d20-a928-2b84e02af89c",
            ),
            (
                "CORS-With-Preflight",
                "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
            ),
            (
                "CORS-with-preflight-and-SecurityHeadersPolicy",
                "eaab4381-ed33-4a86-88ca-d9558dc6cd63",
            ),
            (
                "SecurityHeadersPolicy",
                "67f7725c-6f97-4210-82d7-5512b31e9d03",
            ),
            ("SimpleCORS", "60669652-455b-4ae9-85a4-c4c02393f86c"),
        ],
    },
];

/// An id in the form CloudFront gives every policy, managed or custom: a UUID, 8-4-4-4-12
/// hexadecimal digits in either case (the AWS CLI's own examples end in `5ABC`).
pub fn is_policy_id(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Rule for PolicyIdNotAnId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for behavior in cx.config.behaviors() {
            let b = behavior.behavior;
            let values = [
                b.cache_policy_id,
                b.origin_request_policy_id,
                b.response_headers_policy_id,
            ];
            for (kind, value) in KINDS.iter().zip(values) {
                // An empty id is how the API (and Terraform) says "no policy": CF302 decides
                // whether the behaviour then has what it needs.
                let Some(id) = value.filter(|v| !v.is_empty()) else {
                    continue;
                };
                if is_placeholder(id) || is_policy_id(id) {
                    continue;
                }
                let name = id.strip_prefix("Managed-").unwrap_or(id);
                let managed = closest(name, kind.managed.iter().map(|(n, _)| *n))
                    .and_then(|n| kind.managed.iter().find(|(m, _)| *m == n));
                let help = match managed {
                    Some((name, managed_id)) => format!(
                        "`{id}` looks like the name of the managed {} {name}: use its id, {managed_id}",
                        kind.what
                    ),
                    None if cx.is_cloudformation() => format!(
                        "use the policy's id: `!Ref MyPolicy` (or `!GetAtt MyPolicy.Id`) for an {} defined in the template, or a managed policy's id such as {} {}",
                        kind.resource, kind.managed_example().0, kind.managed_example().1
                    ),
                    None => format!(
                        "use the id CloudFront gave the policy (`aws cloudfront list-{}-policies`), or a managed policy's id such as {} {}",
                        kind.cli_noun(),
                        kind.managed_example().0,
                        kind.managed_example().1
                    ),
                };
                cx.report(
                    &META,
                    &behavior.pointer().key(kind.member),
                    format!(
                        "{} `{id}` is not a policy id: CloudFront gives every {} an id like 658327ea-f89d-4fab-a63d-7e88639e58f6, so no {} has this one and CloudFront rejects the config ({})",
                        kind.member, kind.what, kind.what, kind.error
                    ),
                )
                .help(help)
                .push(out);
            }
        }
    }
}

impl Kind {
    /// The managed policy a help message offers.
    fn managed_example(&self) -> (&'static str, &'static str) {
        match self.member {
            "CachePolicyId" => self.managed[2],
            "OriginRequestPolicyId" => self.managed[2],
            _ => self.managed[3],
        }
    }

    /// `cache` in `aws cloudfront list-cache-policies`.
    fn cli_noun(&self) -> &'static str {
        match self.member {
            "CachePolicyId" => "cache",
            "OriginRequestPolicyId" => "origin-request",
            _ => "response-headers",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for id in [
            "658327ea-f89d-4fab-a63d-7e88639e58f6",
            "658327ea-f89d-4fab-a63d-7e88639e5ABC",
            "4135EA2D-6DF8-44A3-9DF3-4B5A84BE39AD",
        ] {
            assert!(is_policy_id(id), "{id}");
        }
        for id in [
            "rain-build-cache-policy-1",
            "CachingOptimized",
            "658327ea-f89d-4fab-a63d-7e88639e58f",
            "658327ea-f89d-4fab-a63d-7e88639e58fg",
            "658327eaf89d4faba63d7e88639e58f6",
            " 658327ea-f89d-4fab-a63d-7e88639e58f6",
        ] {
            assert!(!is_policy_id(id), "{id}");
        }
    }
}
