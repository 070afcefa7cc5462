//! CF204 failover-on-client-error. Documentation: rules/CF204-failover-on-client-error.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct FailoverOnClientError;

static META: RuleMeta = RuleMeta {
    code: "CF204",
    name: "failover-on-client-error",
    severity: Severity::Warning,
    summary: "An origin group fails over on a 4xx code, so ordinary client errors are retried on the secondary",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF204-failover-on-client-error.md"),
    controls: &[],
    default_on: true,
};

impl Rule for FailoverOnClientError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        for (g, group) in items(&config.origin_groups) {
            let Some(codes) = group
                .failover_criteria
                .as_ref()
                .and_then(|c| c.status_codes.as_ref())
            else {
                continue;
            };
            let members: Vec<&str> = group
                .members
                .iter()
                .flat_map(|m| m.iter())
                .filter_map(|(_, m)| m.origin_id)
                .collect();
            let primary_id = members.first().copied();
            let primary = primary_id.and_then(|id| config.origin(id));
            let primary_is_s3 = primary.is_some_and(|o| o.is_s3());
            let has = |c: i64| codes.iter().any(|(_, &x)| x == c);
            let group_id = group.id.unwrap_or("?");
            let primary_name = primary_id.map_or("the primary".to_owned(), |id| format!("`{id}`"));
            let secondary_name = members
                .get(1)
                .map_or("the secondary".to_owned(), |id| format!("`{id}`"));
            for (i, &code) in codes.iter() {
                if !matches!(code, 400 | 403 | 404 | 416) {
                    continue;
                }
                let at = ptr![
                    "OriginGroups",
                    "Items",
                    g,
                    "FailoverCriteria",
                    "StatusCodes",
                    "Items",
                    i
                ];
                if primary_is_s3 && matches!(code, 403 | 404) {
                    // The documented S3 pattern: a replica bucket answers for objects the primary
                    // lacks. Only a 404 without 403 is worth a word: S3 answers 403 for a
                    // missing key to any caller that may not list the bucket.
                    if code == 404 && !has(403) {
                        // Through an origin access control or identity the documented bucket
                        // policy grants only s3:GetObject: the 404 never comes, a warning. Read
                        // otherwise, the caller may have s3:ListBucket: only advice.
                        let report = if primary.is_some_and(|o| o.uses_origin_access()) {
                            cx.report(
                                &META,
                                &at,
                                format!("origin group `{group_id}` fails over on 404 but not 403, and S3 origin {primary_name} is read through an origin access control or identity, whose documented bucket policy grants only s3:GetObject: S3 answers 403 for a missing object, so this failover never happens"),
                            )
                            .severity(Severity::Warning)
                            .help("add 403 to the failover status codes (or grant CloudFront s3:ListBucket on the bucket, so that S3 answers 404)")
                        } else {
                            cx.report(
                                &META,
                                &at,
                                format!("S3 answers 403, not 404, for a missing object unless the caller may list the bucket, so origin group `{group_id}` may never fail over on 404 from S3 origin {primary_name}"),
                            )
                            .severity(Severity::Info)
                            .help("add 403 to the failover status codes, or grant s3:ListBucket to CloudFront")
                        };
                        report.push(out);
                    }
                    continue;
                }
                let meaning = match code {
                    400 => "a malformed request",
                    403 => "a forbidden request",
                    404 => "a missing object",
                    _ => "a range the object does not have",
                };
                cx.report(
                    &META,
                    &at,
                    format!("origin group `{group_id}` fails over on {code}: every {code} from {primary_name} (for example {meaning}) is sent again to {secondary_name}, so ordinary client errors cost two origin fetches and the primary's own answer is hidden"),
                )
                .label(&ptr!["OriginGroups", "Items", g, "Members"], Anchor::Key, format!("primary {primary_name}, secondary {secondary_name}"))
                .help("fail over on 5xx codes only (500, 502, 503, 504); connection failures and timeouts fail over anyway")
                .push(out);
            }
        }
    }
}
