//! The rules: each in its own file, declared with its metadata; the registry lists them in order.
//!
//! A rule reads the typed config (or the raw value, for rules about shape) and reports findings by
//! JSON Pointer into the config. `Context::report` turns the pointer into a place in the file, so
//! no rule ever computes an offset, a line or a column.

use crate::finding::{Applicability, Edit, Finding, Fix, Label, Location, Severity};
use crate::form::Target;

use crate::document::Locate;
use crate::json::{Kind, Pointer};
use crate::model::DistributionConfig;
use crate::settings::{Operation, RuleOptions};
use serde_json::Value;
use std::ops::Range;

mod cf001_invalid_json;
mod cf002_not_a_distribution_config;
mod cf003_unreadable_file;
mod cf004_duplicate_key;
mod cf005_unknown_suppression;
mod cf006_unused_suppression;
mod cf010_unknown_member;
mod cf011_missing_member;
mod cf012_wrong_type;
mod cf013_value_not_allowed;
mod cf014_out_of_range;
mod cf015_pattern_mismatch;
mod cf016_over_quota;
mod cf017_missing_for_update;
mod cf020_substitution_outside_sub;
mod cf021_unknown_intrinsic_function;
mod cf101_quantity_mismatch;
mod cf102_unknown_target_origin;
mod cf103_duplicate_id;
mod cf201_origin_group_member_count;
mod cf202_unknown_member_origin;
mod cf203_invalid_failover_status_code;
mod cf204_failover_on_client_error;
mod cf205_origin_group_with_write_methods;
mod cf206_expects_active_active;
mod cf207_unused_origin;
mod cf208_unused_origin_group;
mod cf210_origin_config_not_exactly_one;
mod cf211_s3_config_on_non_s3_domain;
mod cf212_https_to_s3_website;
mod cf213_origin_domain_not_a_host;
mod cf214_oac_and_oai;
mod cf215_custom_header_not_allowed;
mod cf216_origin_path_form;
mod cf217_response_completion_timeout_below_read_timeout;
mod cf218_duplicate_custom_header;
mod cf219_origin_access_control_domain;
mod cf220_origin_shield_region;
mod cf221_load_balancer_name_over_https;
mod cf222_host_header_to_s3_or_api_gateway;
mod cf223_slow_failover;
mod cf224_origin_lambda_runs_again_on_failover;
mod cf225_error_page_on_failing_origin;
mod cf226_media_quality_without_mediapackage;
mod cf227_origin_access_identity_form;
mod cf301_ttl_order;
mod cf302_cache_policy_or_forwarded_values;
mod cf303_forwarded_values_without_min_ttl;
mod cf304_allowed_methods_combination;
mod cf305_path_pattern_characters;
mod cf306_unreachable_behavior;
mod cf307_forwarded_values_inconsistent;
mod cf308_policy_id_not_an_id;
mod cf309_trusted_signers_inconsistent;
mod cf310_grpc_requirements;
mod cf320_omitted_ttls_cache_nothing;
mod cf401_alias_without_certificate;
mod cf402_certificate_source_not_exactly_one;
mod cf403_certificate_without_ssl_support_method;
mod cf404_protocol_version_with_default_certificate;
mod cf405_alias_syntax;
mod cf406_acm_certificate_region;
mod cf407_protocol_version_for_ssl_support_method;
mod cf501_lambda_arn_not_a_version;
mod cf502_function_event_type;
mod cf503_include_body_on_response_event;
mod cf504_edge_functions_with_smooth_streaming;
mod cf601_error_response_half_set;
mod cf602_default_root_object_leading_slash;
mod cf603_geo_restriction_inconsistent;
mod cf604_log_bucket_acls_disabled;
mod cf605_response_page_path_form;
mod cf606_duplicate_error_code;
mod cf607_web_acl_id_form;
mod cf608_logging_bucket_form;
mod cf609_continuous_deployment_with_http3;
mod cf610_tenant_only_restrictions;
mod cf611_error_caching_on_416;
mod cf701_viewer_allows_http;
mod cf702_http_to_custom_origin;
mod cf703_deprecated_origin_ssl_protocol;
mod cf704_weak_viewer_tls;
mod cf705_s3_origin_without_access_control;
mod cf706_lambda_url_origin_without_oac;
mod cf707_origin_access_identity;
mod cf708_no_waf;
mod cf709_no_standard_logging;
mod cf710_default_certificate;
mod cf711_no_default_root_object;
mod cf712_tls_policy_before_2021;
mod cf713_dedicated_ip_certificate;
mod cf714_trusted_signers;
mod cf715_no_tags;
mod cf716_no_origin_failover;
mod cf717_no_geo_restriction;
mod cf718_no_response_headers_policy;
mod cf719_distribution_disabled;
pub mod text;

pub use cf001_invalid_json::META as INVALID_JSON;
pub use cf002_not_a_distribution_config::META as NOT_A_DISTRIBUTION_CONFIG;
pub use cf003_unreadable_file::META as UNREADABLE_FILE;
pub use cf004_duplicate_key::META as DUPLICATE_KEY;
pub use cf005_unknown_suppression::META as UNKNOWN_SUPPRESSION;
pub use cf006_unused_suppression::META as UNUSED_SUPPRESSION;
pub use cf010_unknown_member::META as UNKNOWN_MEMBER;
pub use cf011_missing_member::META as MISSING_MEMBER;
pub use cf012_wrong_type::META as WRONG_TYPE;
pub use cf013_value_not_allowed::META as VALUE_NOT_ALLOWED;
pub use cf014_out_of_range::META as OUT_OF_RANGE;
pub use cf015_pattern_mismatch::META as PATTERN_MISMATCH;
pub use cf016_over_quota::META as OVER_QUOTA;
pub use cf206_expects_active_active::is_balancing_key as cf206_balancing_key;
pub use cf225_error_page_on_failing_origin::behavior_for;
pub use cf306_unreachable_behavior::{covers as pattern_covers, normal as normal_pattern};

/// The rules the schema pass reports (one validation for all of them).
pub static SCHEMA_RULES: [&RuleMeta; 6] = [
    &UNKNOWN_MEMBER,
    &MISSING_MEMBER,
    &WRONG_TYPE,
    &VALUE_NOT_ALLOWED,
    &OUT_OF_RANGE,
    &PATTERN_MISMATCH,
];

/// What every rule declares about itself.
pub struct RuleMeta {
    /// `CF101`: never reused.
    pub code: &'static str,
    /// `quantity-mismatch`: kebab-case, reads after "allow".
    pub name: &'static str,
    /// The severity of its findings (a rule may lower it for one finding, and says why in its doc).
    pub severity: Severity,
    /// One line for `cloudfront-lint rules`.
    pub summary: &'static str,
    /// Whether findings carry a fix.
    pub fix: FixAvailability,
    /// The rule's documentation, `rules/CFnnn-name.md`.
    pub doc: &'static str,
    /// Every outside control id the rule implements (Security Hub `CloudFront.3`, AWS Config
    /// and Guard rule names, Control Tower `CT.CLOUDFRONT.PR.3`, `CKV_AWS_34`, `AWS-0012`,
    /// `KICS-31733ee2`, `AwsSolutions-CFR4`); empty for rules no scanner names. `rules/COVERAGE.md`
    /// maps them.
    pub controls: &'static [&'static str],
    /// Whether the rule runs without being selected. A rule off by default runs when `--select`
    /// or `--extend-select` names it, its prefix, or a named set it belongs to.
    pub default_on: bool,
}

/// Where a rule's documentation is read on the web (`rules/CFnnn-name.md` of the repository): the
/// language server's hover links and SARIF's `helpUri` point there.
pub const RULES_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/rules/");

/// Named sets of rules, by the scanner or standard whose checks they implement: a rule belongs to
/// a set when one of its controls carries the set's prefix.
pub static NAMED_SETS: [(&str, &str, &str); 5] = [
    (
        "aws-fsbp",
        "CloudFront.",
        "AWS Security Hub's CloudFront controls (CloudFront.n)",
    ),
    (
        "cdk-nag",
        "AwsSolutions-CFR",
        "cdk-nag's AwsSolutions pack (AwsSolutions-CFRn)",
    ),
    ("checkov", "CKV", "checkov (CKV_AWS_n, CKV2_AWS_n)"),
    ("trivy", "AWS-00", "trivy (AWS-00nn)"),
    ("kics", "KICS-", "KICS queries (KICS-<query id prefix>)"),
];

impl RuleMeta {
    /// The rule's page on the web: `RULES_URL` + `CFnnn-name.md`.
    pub fn doc_url(&self) -> String {
        format!("{RULES_URL}{}-{}.md", self.code, self.name)
    }

    /// The first paragraph of the doc's "What it does", on one line: a description short enough
    /// for a dashboard (SARIF's `fullDescription`). The summary when the doc has no such section.
    pub fn description(&self) -> String {
        let Some((_, section)) = self.doc.split_once("\n## What it does\n") else {
            return self.summary.to_owned();
        };
        let paragraph: Vec<&str> = section
            .lines()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::trim)
            .collect();
        if paragraph.is_empty() {
            self.summary.to_owned()
        } else {
            paragraph.join(" ")
        }
    }

    /// Whether the rule belongs to the named set `set` (`aws-fsbp`, `checkov`, …).
    pub fn in_set(&self, set: &str) -> bool {
        NAMED_SETS
            .iter()
            .find(|(name, _, _)| name.eq_ignore_ascii_case(set))
            .is_some_and(|(_, prefix, _)| self.controls.iter().any(|c| c.starts_with(prefix)))
    }

    /// Whether the rule implements the control `id` (any case). A KICS query may be named by its
    /// whole id, of which we keep the first eight hex digits.
    pub fn implements(&self, id: &str) -> bool {
        let id = id.trim();
        self.controls.iter().any(|c| {
            c.eq_ignore_ascii_case(id)
                || c.strip_prefix("KICS-").is_some_and(|hex| {
                    let bare = id.strip_prefix("KICS-").unwrap_or(id);
                    bare.len() > hex.len() && bare[..hex.len()].eq_ignore_ascii_case(hex)
                })
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Detection only: report what is wrong by pointer. Input rules (CF0xx about the file itself)
    /// are reported by the pipeline and have nothing to check here.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}

/// Every rule, ordered by code.
pub static REGISTRY: &[&dyn Rule] = &[
    &cf001_invalid_json::InvalidJson,
    &cf002_not_a_distribution_config::NotADistributionConfig,
    &cf003_unreadable_file::UnreadableFile,
    &cf004_duplicate_key::DuplicateKey,
    &cf005_unknown_suppression::UnknownSuppression,
    &cf006_unused_suppression::UnusedSuppression,
    &cf010_unknown_member::UnknownMember,
    &cf011_missing_member::MissingMember,
    &cf012_wrong_type::WrongType,
    &cf013_value_not_allowed::ValueNotAllowed,
    &cf014_out_of_range::OutOfRange,
    &cf015_pattern_mismatch::PatternMismatch,
    &cf016_over_quota::OverQuota,
    &cf017_missing_for_update::MissingForUpdate,
    &cf020_substitution_outside_sub::SubstitutionOutsideSub,
    &cf021_unknown_intrinsic_function::UnknownIntrinsicFunction,
    &cf101_quantity_mismatch::QuantityMismatch,
    &cf102_unknown_target_origin::UnknownTargetOrigin,
    &cf103_duplicate_id::DuplicateId,
    &cf201_origin_group_member_count::OriginGroupMemberCount,
    &cf202_unknown_member_origin::UnknownMemberOrigin,
    &cf203_invalid_failover_status_code::InvalidFailoverStatusCode,
    &cf204_failover_on_client_error::FailoverOnClientError,
    &cf205_origin_group_with_write_methods::OriginGroupWithWriteMethods,
    &cf206_expects_active_active::ExpectsActiveActive,
    &cf207_unused_origin::UnusedOrigin,
    &cf208_unused_origin_group::UnusedOriginGroup,
    &cf210_origin_config_not_exactly_one::OriginConfigNotExactlyOne,
    &cf211_s3_config_on_non_s3_domain::S3ConfigOnNonS3Domain,
    &cf212_https_to_s3_website::HttpsToS3Website,
    &cf213_origin_domain_not_a_host::OriginDomainNotAHost,
    &cf214_oac_and_oai::OacAndOai,
    &cf215_custom_header_not_allowed::CustomHeaderNotAllowed,
    &cf216_origin_path_form::OriginPathForm,
    &cf217_response_completion_timeout_below_read_timeout::ResponseCompletionTimeoutBelowReadTimeout,
    &cf218_duplicate_custom_header::DuplicateCustomHeader,
    &cf219_origin_access_control_domain::OriginAccessControlDomain,
    &cf220_origin_shield_region::OriginShieldRegion,
    &cf221_load_balancer_name_over_https::LoadBalancerNameOverHttps,
    &cf222_host_header_to_s3_or_api_gateway::HostHeaderToS3OrApiGateway,
    &cf223_slow_failover::SlowFailover,
    &cf224_origin_lambda_runs_again_on_failover::OriginLambdaRunsAgainOnFailover,
    &cf225_error_page_on_failing_origin::ErrorPageOnFailingOrigin,
    &cf226_media_quality_without_mediapackage::MediaQualityWithoutMediapackage,
    &cf227_origin_access_identity_form::OriginAccessIdentityForm,
    &cf301_ttl_order::TtlOrder,
    &cf302_cache_policy_or_forwarded_values::CachePolicyOrForwardedValues,
    &cf303_forwarded_values_without_min_ttl::ForwardedValuesWithoutMinTtl,
    &cf304_allowed_methods_combination::AllowedMethodsCombination,
    &cf305_path_pattern_characters::PathPatternCharacters,
    &cf306_unreachable_behavior::UnreachableBehavior,
    &cf307_forwarded_values_inconsistent::ForwardedValuesInconsistent,
    &cf308_policy_id_not_an_id::PolicyIdNotAnId,
    &cf309_trusted_signers_inconsistent::TrustedSignersInconsistent,
    &cf310_grpc_requirements::GrpcRequirements,
    &cf320_omitted_ttls_cache_nothing::OmittedTtlsCacheNothing,
    &cf401_alias_without_certificate::AliasWithoutCertificate,
    &cf402_certificate_source_not_exactly_one::CertificateSourceNotExactlyOne,
    &cf403_certificate_without_ssl_support_method::CertificateWithoutSslSupportMethod,
    &cf404_protocol_version_with_default_certificate::ProtocolVersionWithDefaultCertificate,
    &cf405_alias_syntax::AliasSyntax,
    &cf406_acm_certificate_region::AcmCertificateRegion,
    &cf407_protocol_version_for_ssl_support_method::ProtocolVersionForSslSupportMethod,
    &cf501_lambda_arn_not_a_version::LambdaArnNotAVersion,
    &cf502_function_event_type::FunctionEventType,
    &cf503_include_body_on_response_event::IncludeBodyOnResponseEvent,
    &cf504_edge_functions_with_smooth_streaming::EdgeFunctionsWithSmoothStreaming,
    &cf601_error_response_half_set::ErrorResponseHalfSet,
    &cf602_default_root_object_leading_slash::DefaultRootObjectLeadingSlash,
    &cf603_geo_restriction_inconsistent::GeoRestrictionInconsistent,
    &cf604_log_bucket_acls_disabled::LogBucketAclsDisabled,
    &cf605_response_page_path_form::ResponsePagePathForm,
    &cf606_duplicate_error_code::DuplicateErrorCode,
    &cf607_web_acl_id_form::WebAclIdForm,
    &cf608_logging_bucket_form::LoggingBucketForm,
    &cf609_continuous_deployment_with_http3::ContinuousDeploymentWithHttp3,
    &cf610_tenant_only_restrictions::TenantOnlyRestrictions,
    &cf611_error_caching_on_416::ErrorCachingOn416,
    &cf701_viewer_allows_http::ViewerAllowsHttp,
    &cf702_http_to_custom_origin::HttpToCustomOrigin,
    &cf703_deprecated_origin_ssl_protocol::DeprecatedOriginSslProtocol,
    &cf704_weak_viewer_tls::WeakViewerTls,
    &cf705_s3_origin_without_access_control::S3OriginWithoutAccessControl,
    &cf706_lambda_url_origin_without_oac::LambdaUrlOriginWithoutOac,
    &cf707_origin_access_identity::OriginAccessIdentity,
    &cf708_no_waf::NoWaf,
    &cf709_no_standard_logging::NoStandardLogging,
    &cf710_default_certificate::DefaultCertificate,
    &cf711_no_default_root_object::NoDefaultRootObject,
    &cf712_tls_policy_before_2021::TlsPolicyBefore2021,
    &cf713_dedicated_ip_certificate::DedicatedIpCertificate,
    &cf714_trusted_signers::TrustedSigners,
    &cf715_no_tags::NoTags,
    &cf716_no_origin_failover::NoOriginFailover,
    &cf717_no_geo_restriction::NoGeoRestriction,
    &cf718_no_response_headers_policy::NoResponseHeadersPolicy,
    &cf719_distribution_disabled::DistributionDisabled,
];

/// The control ids of a finding's rule (empty for rules no scanner names), for the renderers.
pub fn controls_of(code: &str) -> &'static [&'static str] {
    find(code).map(|r| r.meta().controls).unwrap_or_default()
}

/// The rules that implement a control id (`CloudFront.9`, `CKV_AWS_34`), in code order.
pub fn implementing(control: &str) -> Vec<&'static dyn Rule> {
    REGISTRY
        .iter()
        .copied()
        .filter(|r| r.meta().implements(control))
        .collect()
}

/// Finds a rule by code (`CF101`, any case) or name (`quantity-mismatch`).
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    // A code by bisection (the registry is in code order): every finding shown is looked up, and
    // asking all 97 rules touched every rule's code again.
    let wanted = || code_or_name.bytes().map(|b| b.to_ascii_uppercase());
    if let Ok(i) = REGISTRY.binary_search_by(|r| r.meta().code.bytes().cmp(wanted())) {
        return Some(REGISTRY[i]);
    }
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.meta().name.eq_ignore_ascii_case(code_or_name))
}

/// Which part of a located value a finding underlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The whole value.
    Value,
    /// The member's key (the value, when it is not a member).
    Key,
    /// The key of an object or array member, or else its opening bracket: a short span for a
    /// finding about a whole container.
    Head,
}

/// What a rule sees: one DistributionConfig, typed and raw, and the means to report on it.
pub struct Context<'a> {
    pub config: &'a DistributionConfig<'a>,
    /// The DistributionConfig as parsed, for rules about shape and members the model lacks.
    pub raw: &'a Value,
    target: &'a Target<'a>,
    /// Where everything is in the file, by pointer into the file.
    spans: &'a dyn Locate,
    /// What the configuration tells rules: `operation`, `[rules.<rule>]` options.
    options: &'a RuleOptions,
}

impl<'a> Context<'a> {
    pub fn new(
        config: &'a DistributionConfig<'a>,
        target: &'a Target<'a>,
        spans: &'a dyn Locate,
        options: &'a RuleOptions,
    ) -> Self {
        Context {
            config,
            raw: target.value,
            target,
            spans,
            options,
        }
    }

    /// Whether the config is to create a distribution or to update one (`operation` in the
    /// configuration file, `--operation`, else what the input's shape says: a file with
    /// `get-distribution-config`'s ETag is for an update); `None` when unsaid, and a rule must
    /// then assume neither.
    pub fn operation(&self) -> Option<Operation> {
        self.options.operation.or(self.target.operation)
    }

    /// The rule options of the configuration file (`[rules.CF223]`, …), defaults where unset.
    pub fn options(&self) -> &'a RuleOptions {
        self.options
    }

    /// Starts a finding of `rule` about the value at `at` (a pointer into the config).
    pub fn report(
        &self,
        rule: &'static RuleMeta,
        at: &Pointer,
        message: impl Into<String>,
    ) -> Report<'_, 'a> {
        Report {
            cx: self,
            finding: Finding {
                code: rule.code,
                name: rule.name,
                severity: rule.severity,
                message: message.into(),
                help: None,
                location: self.locate(at, Anchor::Value),
                labels: Vec::new(),
                fix: None,
            },
            at: at.clone(),
        }
    }

    /// The place in the file of a pointer into the config. A pointer to something absent falls
    /// back to its nearest present ancestor.
    pub fn locate(&self, at: &Pointer, anchor: Anchor) -> Location {
        locate_in_file(self.spans, self.target.to_file(at), anchor)
    }

    /// Whether the value at `at` is one the form filled in because the file leaves it out (what
    /// a tool sends for an omitted member), rather than one written.
    pub fn is_filled_in(&self, at: &Pointer) -> bool {
        self.target.filled.contains(at)
    }

    /// The form the config is written in (rules that must know it are exceptions).
    pub fn form(&self) -> crate::form::Form {
        self.target.form
    }

    /// Whether the config is a CloudFormation resource's (plain arrays, intrinsic functions,
    /// members CloudFormation fills in) rather than the API's.
    pub fn is_cloudformation(&self) -> bool {
        self.target.form == crate::form::Form::CloudFormation
    }

    /// The CloudFormation template the config is a resource of, for what it refers to there (a
    /// log bucket defined beside it). `None` for the API's form.
    pub fn template(&self) -> Option<&'a Value> {
        self.target.template
    }

    /// The distribution's tags, where the input carries them (they are not in the config).
    pub fn tags(&self) -> Option<&crate::form::Tags<'a>> {
        self.target.tags.as_ref()
    }

    /// Starts a finding about something outside the config, by pointer into the file.
    pub fn report_in_file(
        &self,
        rule: &'static RuleMeta,
        at: &Pointer,
        message: impl Into<String>,
    ) -> Report<'_, 'a> {
        let mut report = self.report(rule, &Pointer::root(), message);
        report.finding.location = locate_in_file(self.spans, at.clone(), Anchor::Head);
        report
    }

    /// The raw value at a pointer into the config.
    pub fn raw_at(&self, at: &Pointer) -> Option<&'a Value> {
        self.target.resolve(at)
    }

    /// A behaviour's raw value, without building its pointer (rules read every behaviour of
    /// every config, and most of them report nothing).
    pub fn raw_behavior(&self, behavior: &crate::model::BehaviorRef) -> Option<&'a Value> {
        self.raw_behavior_member(behavior, &[])
    }

    /// The raw value of a behaviour's member, as [`Context::raw_at`] reads it.
    pub fn raw_behavior_member(
        &self,
        behavior: &crate::model::BehaviorRef,
        path: &[&str],
    ) -> Option<&'a Value> {
        let behavior = match behavior.index {
            None => self.raw.get("DefaultCacheBehavior")?,
            Some(i) => crate::form::descend(self.raw, ["CacheBehaviors", "Items"])?.get(i)?,
        };
        crate::form::descend(behavior, path)
    }
}

/// The place of a pointer into the file; a pointer to something absent falls back to its nearest
/// present ancestor.
pub fn locate_in_file(spans: &dyn Locate, mut pointer: Pointer, anchor: Anchor) -> Location {
    loop {
        if let Some(found) = spans.locate(&pointer) {
            let range = match (anchor, found.key) {
                (Anchor::Key | Anchor::Head, Some(key)) => key,
                (Anchor::Head, None) if matches!(found.kind, Kind::Object | Kind::Array) => {
                    found.value.start..found.value.start + 1
                }
                _ => found.value,
            };
            return Location { pointer, range };
        }
        if pointer.as_str().is_empty() {
            return Location {
                pointer,
                range: 0..0,
            };
        }
        pointer = pointer.parent();
    }
}

/// The unsafe fix of a "did you mean `to`?": `to` written in place of the text at `range`, only
/// when the file holds exactly `from` there (plain or quoted, see `text::respelled`).
pub fn respell_fix(spans: &dyn Locate, range: Range<usize>, from: &str, to: &str) -> Option<Fix> {
    let content = text::respelled(spans.written(range.clone())?, from, to)?;
    Some(Fix {
        title: format!("Write `{to}` instead of `{from}`"),
        applicability: Applicability::Unsafe,
        edits: vec![Edit { range, content }],
    })
}

/// One step of a path into a JSON value, borrowed from it.
#[derive(Clone, Copy, Debug)]
pub enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// The pointer of a path (built only when a rule reports something).
pub fn pointer_of(path: &[Step]) -> Pointer {
    path.iter().fold(Pointer::root(), |p, step| match step {
        Step::Key(k) => p.key(k),
        Step::Index(i) => p.index(*i),
    })
}

/// Visits every object and array under `root` in document order, with its path. The walk keeps
/// one stack and allocates no pointer per value: most values are never reported on.
pub fn walk<'v>(root: &'v Value, mut visit: impl FnMut(&[Step<'v>], &'v Value)) {
    let mut path: Vec<Step<'v>> = Vec::new();
    let mut stack: Vec<(usize, Option<Step<'v>>, &'v Value)> = vec![(0, None, root)];
    while let Some((depth, step, value)) = stack.pop() {
        path.truncate(depth);
        path.extend(step);
        visit(&path, value);
        let depth = path.len();
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter().rev() {
                    if v.is_object() || v.is_array() {
                        stack.push((depth, Some(Step::Key(k)), v));
                    }
                }
            }
            Value::Array(list) => {
                for (i, v) in list.iter().enumerate().rev() {
                    if v.is_object() || v.is_array() {
                        stack.push((depth, Some(Step::Index(i)), v));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A finding under construction; `push` adds it to the output.
pub struct Report<'c, 'a> {
    cx: &'c Context<'a>,
    finding: Finding,
    at: Pointer,
}

impl Report<'_, '_> {
    /// Underline the member's key rather than its value.
    pub fn anchor(mut self, anchor: Anchor) -> Self {
        self.finding.location = self.cx.locate(&self.at, anchor);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.finding.severity = severity;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.finding.help = Some(help.into());
        self
    }

    /// A secondary place, shown with its own label.
    pub fn label(mut self, at: &Pointer, anchor: Anchor, message: impl Into<String>) -> Self {
        let location = self.cx.locate(at, anchor);
        self.finding.labels.push(Label {
            location,
            message: message.into(),
        });
        self
    }

    /// A fix that replaces the value at `at` with `json` (JSON text).
    pub fn fix_replace(
        mut self,
        title: impl Into<String>,
        applicability: Applicability,
        at: &Pointer,
        json: String,
    ) -> Self {
        let range = self.cx.locate(at, Anchor::Value).range;
        self.finding.fix = Some(Fix {
            title: title.into(),
            applicability,
            edits: vec![Edit {
                range,
                content: json,
            }],
        });
        self
    }

    /// An unsafe fix for a "did you mean `to`?": writes `to` in place of the finding's text (a
    /// member's key or a value, as the finding underlines it), only where the file holds exactly
    /// `from` there, plain or quoted, so that it never rewrites a reference or an expression.
    pub fn fix_respell(mut self, from: &str, to: &str) -> Self {
        let range = self.finding.location.range.clone();
        if let Some(fix) = respell_fix(self.cx.spans, range, from, to) {
            self.finding.fix = Some(fix);
        }
        self
    }

    pub fn push(mut self, out: &mut Vec<Finding>) {
        // What the form says the value rests on (a variable's default, a value it filled in).
        let within = |p: &Pointer| {
            self.at
                .as_str()
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        let notes: Vec<&str> = self
            .cx
            .target
            .notes
            .iter()
            .filter(|(p, _)| within(p))
            .map(|(_, note)| note.as_str())
            .collect();
        if !notes.is_empty() {
            self.finding.message = format!("{} (with {})", self.finding.message, notes.join("; "));
            // The value is not written where the finding points (a variable's default): a fix
            // there would replace the reference, not the value.
            self.finding.fix = None;
        }
        out.push(self.finding);
    }
}
