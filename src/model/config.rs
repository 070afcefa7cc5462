//! The typed DistributionConfig<'a> (aws-api.md §5), built from the JSON value after parsing.
//! Generated once from a compact table of the API model; edit by hand from now on.
//!
//! Every member is optional and lenient: a value of the wrong type becomes `None` here (the
//! schema rules report it), so one malformed value never hides the rest of the config.

use super::{lenient, Counted, Elem};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct DistributionConfig<'a> {
    #[serde(rename = "CallerReference", deserialize_with = "lenient")]
    pub caller_reference: Option<&'a str>,
    #[serde(rename = "Aliases", deserialize_with = "lenient")]
    pub aliases: Option<Counted<&'a str>>,
    #[serde(rename = "DefaultRootObject", deserialize_with = "lenient")]
    pub default_root_object: Option<&'a str>,
    #[serde(rename = "Origins", deserialize_with = "lenient")]
    pub origins: Option<Counted<Origin<'a>>>,
    #[serde(rename = "OriginGroups", deserialize_with = "lenient")]
    pub origin_groups: Option<Counted<OriginGroup<'a>>>,
    #[serde(rename = "DefaultCacheBehavior", deserialize_with = "lenient")]
    pub default_cache_behavior: Option<DefaultCacheBehavior<'a>>,
    #[serde(rename = "CacheBehaviors", deserialize_with = "lenient")]
    pub cache_behaviors: Option<Counted<CacheBehavior<'a>>>,
    #[serde(rename = "CustomErrorResponses", deserialize_with = "lenient")]
    pub custom_error_responses: Option<Counted<CustomErrorResponse<'a>>>,
    #[serde(rename = "Comment", deserialize_with = "lenient")]
    pub comment: Option<&'a str>,
    #[serde(rename = "Logging", deserialize_with = "lenient")]
    pub logging: Option<LoggingConfig<'a>>,
    #[serde(rename = "PriceClass", deserialize_with = "lenient")]
    pub price_class: Option<&'a str>,
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "ViewerCertificate", deserialize_with = "lenient")]
    pub viewer_certificate: Option<ViewerCertificate<'a>>,
    #[serde(rename = "Restrictions", deserialize_with = "lenient")]
    pub restrictions: Option<Restrictions<'a>>,
    #[serde(rename = "WebACLId", deserialize_with = "lenient")]
    pub web_acl_id: Option<&'a str>,
    #[serde(rename = "HttpVersion", deserialize_with = "lenient")]
    pub http_version: Option<&'a str>,
    #[serde(rename = "IsIPV6Enabled", deserialize_with = "lenient")]
    pub is_ipv6_enabled: Option<bool>,
    #[serde(rename = "ContinuousDeploymentPolicyId", deserialize_with = "lenient")]
    pub continuous_deployment_policy_id: Option<&'a str>,
    #[serde(rename = "Staging", deserialize_with = "lenient")]
    pub staging: Option<bool>,
    #[serde(rename = "AnycastIpListId", deserialize_with = "lenient")]
    pub anycast_ip_list_id: Option<&'a str>,
    #[serde(rename = "TenantConfig", deserialize_with = "lenient")]
    pub tenant_config: Option<TenantConfig<'a>>,
    #[serde(rename = "ConnectionMode", deserialize_with = "lenient")]
    pub connection_mode: Option<&'a str>,
    #[serde(rename = "ViewerMtlsConfig", deserialize_with = "lenient")]
    pub viewer_mtls_config: Option<ViewerMtlsConfig<'a>>,
    #[serde(rename = "ConnectionFunctionAssociation", deserialize_with = "lenient")]
    pub connection_function_association: Option<ConnectionFunctionAssociation<'a>>,
    #[serde(rename = "CacheTagConfig", deserialize_with = "lenient")]
    pub cache_tag_config: Option<CacheTagConfig<'a>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct Origin<'a> {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<&'a str>,
    #[serde(rename = "DomainName", deserialize_with = "lenient")]
    pub domain_name: Option<&'a str>,
    #[serde(rename = "OriginPath", deserialize_with = "lenient")]
    pub origin_path: Option<&'a str>,
    /// CloudFormation calls the list `OriginCustomHeaders`.
    #[serde(
        rename = "CustomHeaders",
        alias = "OriginCustomHeaders",
        deserialize_with = "lenient"
    )]
    pub custom_headers: Option<Counted<OriginCustomHeader<'a>>>,
    #[serde(rename = "S3OriginConfig", deserialize_with = "lenient")]
    pub s3_origin_config: Option<S3OriginConfig<'a>>,
    #[serde(rename = "CustomOriginConfig", deserialize_with = "lenient")]
    pub custom_origin_config: Option<CustomOriginConfig<'a>>,
    #[serde(rename = "VpcOriginConfig", deserialize_with = "lenient")]
    pub vpc_origin_config: Option<VpcOriginConfig<'a>>,
    #[serde(rename = "ConnectionAttempts", deserialize_with = "lenient")]
    pub connection_attempts: Option<i64>,
    #[serde(rename = "ConnectionTimeout", deserialize_with = "lenient")]
    pub connection_timeout: Option<i64>,
    #[serde(rename = "ResponseCompletionTimeout", deserialize_with = "lenient")]
    pub response_completion_timeout: Option<i64>,
    #[serde(rename = "OriginShield", deserialize_with = "lenient")]
    pub origin_shield: Option<OriginShield<'a>>,
    #[serde(rename = "OriginAccessControlId", deserialize_with = "lenient")]
    pub origin_access_control_id: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct OriginCustomHeader<'a> {
    #[serde(rename = "HeaderName", deserialize_with = "lenient")]
    pub header_name: Option<&'a str>,
    #[serde(rename = "HeaderValue", deserialize_with = "lenient")]
    pub header_value: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct S3OriginConfig<'a> {
    #[serde(rename = "OriginAccessIdentity", deserialize_with = "lenient")]
    pub origin_access_identity: Option<&'a str>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct CustomOriginConfig<'a> {
    #[serde(rename = "HTTPPort", deserialize_with = "lenient")]
    pub http_port: Option<i64>,
    #[serde(rename = "HTTPSPort", deserialize_with = "lenient")]
    pub https_port: Option<i64>,
    #[serde(rename = "OriginProtocolPolicy", deserialize_with = "lenient")]
    pub origin_protocol_policy: Option<&'a str>,
    #[serde(rename = "OriginSslProtocols", deserialize_with = "lenient")]
    pub origin_ssl_protocols: Option<Counted<&'a str>>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
    #[serde(rename = "OriginKeepaliveTimeout", deserialize_with = "lenient")]
    pub origin_keepalive_timeout: Option<i64>,
    #[serde(rename = "IpAddressType", deserialize_with = "lenient")]
    pub ip_address_type: Option<&'a str>,
    #[serde(rename = "OriginMtlsConfig", deserialize_with = "lenient")]
    pub origin_mtls_config: Option<OriginMtlsConfig<'a>>,
    #[serde(rename = "OriginHttpVersion", deserialize_with = "lenient")]
    pub origin_http_version: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct OriginMtlsConfig<'a> {
    #[serde(rename = "ClientCertificateArn", deserialize_with = "lenient")]
    pub client_certificate_arn: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct VpcOriginConfig<'a> {
    #[serde(rename = "VpcOriginId", deserialize_with = "lenient")]
    pub vpc_origin_id: Option<&'a str>,
    #[serde(rename = "OwnerAccountId", deserialize_with = "lenient")]
    pub owner_account_id: Option<&'a str>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
    #[serde(rename = "OriginKeepaliveTimeout", deserialize_with = "lenient")]
    pub origin_keepalive_timeout: Option<i64>,
    #[serde(rename = "OriginHttpVersion", deserialize_with = "lenient")]
    pub origin_http_version: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct OriginShield<'a> {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "OriginShieldRegion", deserialize_with = "lenient")]
    pub origin_shield_region: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct OriginGroup<'a> {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<&'a str>,
    #[serde(rename = "FailoverCriteria", deserialize_with = "lenient")]
    pub failover_criteria: Option<OriginGroupFailoverCriteria>,
    #[serde(rename = "Members", deserialize_with = "lenient")]
    pub members: Option<Counted<OriginGroupMember<'a>>>,
    #[serde(rename = "SelectionCriteria", deserialize_with = "lenient")]
    pub selection_criteria: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginGroupFailoverCriteria {
    #[serde(rename = "StatusCodes", deserialize_with = "lenient")]
    pub status_codes: Option<Counted<i64>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct OriginGroupMember<'a> {
    #[serde(rename = "OriginId", deserialize_with = "lenient")]
    pub origin_id: Option<&'a str>,
}

/// The default behaviour has every member of an ordered one except `PathPattern` (always `*`).
pub type DefaultCacheBehavior<'a> = CacheBehavior<'a>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct CacheBehavior<'a> {
    #[serde(rename = "PathPattern", deserialize_with = "lenient")]
    pub path_pattern: Option<&'a str>,
    #[serde(rename = "TargetOriginId", deserialize_with = "lenient")]
    pub target_origin_id: Option<&'a str>,
    #[serde(rename = "TrustedSigners", deserialize_with = "lenient")]
    pub trusted_signers: Option<TrustedSigners<'a>>,
    #[serde(rename = "TrustedKeyGroups", deserialize_with = "lenient")]
    pub trusted_key_groups: Option<TrustedKeyGroups<'a>>,
    #[serde(rename = "ViewerProtocolPolicy", deserialize_with = "lenient")]
    pub viewer_protocol_policy: Option<&'a str>,
    #[serde(rename = "AllowedMethods", deserialize_with = "lenient")]
    pub allowed_methods: Option<AllowedMethods<'a>>,
    #[serde(rename = "SmoothStreaming", deserialize_with = "lenient")]
    pub smooth_streaming: Option<bool>,
    #[serde(rename = "Compress", deserialize_with = "lenient")]
    pub compress: Option<bool>,
    #[serde(rename = "LambdaFunctionAssociations", deserialize_with = "lenient")]
    pub lambda_function_associations: Option<Counted<LambdaFunctionAssociation<'a>>>,
    #[serde(rename = "FunctionAssociations", deserialize_with = "lenient")]
    pub function_associations: Option<Counted<FunctionAssociation<'a>>>,
    #[serde(rename = "FieldLevelEncryptionId", deserialize_with = "lenient")]
    pub field_level_encryption_id: Option<&'a str>,
    #[serde(rename = "RealtimeLogConfigArn", deserialize_with = "lenient")]
    pub realtime_log_config_arn: Option<&'a str>,
    #[serde(rename = "CachePolicyId", deserialize_with = "lenient")]
    pub cache_policy_id: Option<&'a str>,
    #[serde(rename = "OriginRequestPolicyId", deserialize_with = "lenient")]
    pub origin_request_policy_id: Option<&'a str>,
    #[serde(rename = "ResponseHeadersPolicyId", deserialize_with = "lenient")]
    pub response_headers_policy_id: Option<&'a str>,
    #[serde(rename = "GrpcConfig", deserialize_with = "lenient")]
    pub grpc_config: Option<GrpcConfig>,
    #[serde(rename = "ForwardedValues", deserialize_with = "lenient")]
    pub forwarded_values: Option<ForwardedValues<'a>>,
    #[serde(rename = "MinTTL", deserialize_with = "lenient")]
    pub min_ttl: Option<i64>,
    #[serde(rename = "DefaultTTL", deserialize_with = "lenient")]
    pub default_ttl: Option<i64>,
    #[serde(rename = "MaxTTL", deserialize_with = "lenient")]
    pub max_ttl: Option<i64>,
}

/// `{"Enabled": …, "Quantity": n, "Items": [...]}`: a counted list that can be switched off.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct TrustedSigners<'a> {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<&'a str>>>,
}

/// The same shape as TrustedSigners: Enabled, Quantity and the key group ids.
pub type TrustedKeyGroups<'a> = TrustedSigners<'a>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct AllowedMethods<'a> {
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<&'a str>>>,
    #[serde(rename = "CachedMethods", deserialize_with = "lenient")]
    pub cached_methods: Option<Counted<&'a str>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct LambdaFunctionAssociation<'a> {
    #[serde(rename = "LambdaFunctionARN", deserialize_with = "lenient")]
    pub lambda_function_arn: Option<&'a str>,
    #[serde(rename = "EventType", deserialize_with = "lenient")]
    pub event_type: Option<&'a str>,
    #[serde(rename = "IncludeBody", deserialize_with = "lenient")]
    pub include_body: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct FunctionAssociation<'a> {
    #[serde(rename = "FunctionARN", deserialize_with = "lenient")]
    pub function_arn: Option<&'a str>,
    #[serde(rename = "EventType", deserialize_with = "lenient")]
    pub event_type: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GrpcConfig {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ForwardedValues<'a> {
    #[serde(rename = "QueryString", deserialize_with = "lenient")]
    pub query_string: Option<bool>,
    #[serde(rename = "Cookies", deserialize_with = "lenient")]
    pub cookies: Option<CookiePreference<'a>>,
    #[serde(rename = "Headers", deserialize_with = "lenient")]
    pub headers: Option<Counted<&'a str>>,
    #[serde(rename = "QueryStringCacheKeys", deserialize_with = "lenient")]
    pub query_string_cache_keys: Option<Counted<&'a str>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct CookiePreference<'a> {
    #[serde(rename = "Forward", deserialize_with = "lenient")]
    pub forward: Option<&'a str>,
    #[serde(rename = "WhitelistedNames", deserialize_with = "lenient")]
    pub whitelisted_names: Option<Counted<&'a str>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct CustomErrorResponse<'a> {
    #[serde(rename = "ErrorCode", deserialize_with = "lenient")]
    pub error_code: Option<i64>,
    #[serde(rename = "ResponsePagePath", deserialize_with = "lenient")]
    pub response_page_path: Option<&'a str>,
    #[serde(rename = "ResponseCode", deserialize_with = "lenient")]
    pub response_code: Option<&'a str>,
    #[serde(rename = "ErrorCachingMinTTL", deserialize_with = "lenient")]
    pub error_caching_min_ttl: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct LoggingConfig<'a> {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "IncludeCookies", deserialize_with = "lenient")]
    pub include_cookies: Option<bool>,
    #[serde(rename = "Bucket", deserialize_with = "lenient")]
    pub bucket: Option<&'a str>,
    #[serde(rename = "Prefix", deserialize_with = "lenient")]
    pub prefix: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ViewerCertificate<'a> {
    #[serde(rename = "CloudFrontDefaultCertificate", deserialize_with = "lenient")]
    pub cloudfront_default_certificate: Option<bool>,
    /// CloudFormation spells it `IamCertificateId`.
    #[serde(
        rename = "IAMCertificateId",
        alias = "IamCertificateId",
        deserialize_with = "lenient"
    )]
    pub iam_certificate_id: Option<&'a str>,
    /// CloudFormation spells it `AcmCertificateArn`.
    #[serde(
        rename = "ACMCertificateArn",
        alias = "AcmCertificateArn",
        deserialize_with = "lenient"
    )]
    pub acm_certificate_arn: Option<&'a str>,
    /// CloudFormation spells it `SslSupportMethod`.
    #[serde(
        rename = "SSLSupportMethod",
        alias = "SslSupportMethod",
        deserialize_with = "lenient"
    )]
    pub ssl_support_method: Option<&'a str>,
    #[serde(rename = "MinimumProtocolVersion", deserialize_with = "lenient")]
    pub minimum_protocol_version: Option<&'a str>,
    #[serde(rename = "Certificate", deserialize_with = "lenient")]
    pub certificate: Option<&'a str>,
    #[serde(rename = "CertificateSource", deserialize_with = "lenient")]
    pub certificate_source: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct Restrictions<'a> {
    #[serde(rename = "GeoRestriction", deserialize_with = "lenient")]
    pub geo_restriction: Option<GeoRestriction<'a>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct GeoRestriction<'a> {
    #[serde(rename = "RestrictionType", deserialize_with = "lenient")]
    pub restriction_type: Option<&'a str>,
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    /// CloudFormation calls the list `Locations`.
    #[serde(rename = "Items", alias = "Locations", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<&'a str>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct TenantConfig<'a> {
    #[serde(rename = "ParameterDefinitions", deserialize_with = "lenient")]
    pub parameter_definitions: Option<Vec<Elem<ParameterDefinition<'a>>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ParameterDefinition<'a> {
    #[serde(rename = "Name", deserialize_with = "lenient")]
    pub name: Option<&'a str>,
    #[serde(rename = "Definition", deserialize_with = "lenient")]
    pub definition: Option<ParameterDefinitionSchema<'a>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ParameterDefinitionSchema<'a> {
    #[serde(rename = "StringSchema", deserialize_with = "lenient")]
    pub string_schema: Option<StringSchemaConfig<'a>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct StringSchemaConfig<'a> {
    #[serde(rename = "Comment", deserialize_with = "lenient")]
    pub comment: Option<&'a str>,
    #[serde(rename = "DefaultValue", deserialize_with = "lenient")]
    pub default_value: Option<&'a str>,
    #[serde(rename = "Required", deserialize_with = "lenient")]
    pub required: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ViewerMtlsConfig<'a> {
    #[serde(rename = "Mode", deserialize_with = "lenient")]
    pub mode: Option<&'a str>,
    #[serde(rename = "TrustStoreConfig", deserialize_with = "lenient")]
    pub trust_store_config: Option<TrustStoreConfig<'a>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct TrustStoreConfig<'a> {
    #[serde(rename = "TrustStoreId", deserialize_with = "lenient")]
    pub trust_store_id: Option<&'a str>,
    #[serde(rename = "AdvertiseTrustStoreCaNames", deserialize_with = "lenient")]
    pub advertise_trust_store_ca_names: Option<bool>,
    #[serde(rename = "IgnoreCertificateExpiry", deserialize_with = "lenient")]
    pub ignore_certificate_expiry: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct ConnectionFunctionAssociation<'a> {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<&'a str>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct CacheTagConfig<'a> {
    #[serde(rename = "HeaderName", deserialize_with = "lenient")]
    pub header_name: Option<&'a str>,
}
