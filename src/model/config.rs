//! The typed DistributionConfig (aws-api.md §5), built from the JSON value after parsing.
//! Generated once from a compact table of the API model; edit by hand from now on.
//!
//! Every member is optional and lenient: a value of the wrong type becomes `None` here (the
//! schema rules report it), so one malformed value never hides the rest of the config.

use super::{lenient, Counted, Elem};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DistributionConfig {
    #[serde(rename = "CallerReference", deserialize_with = "lenient")]
    pub caller_reference: Option<String>,
    #[serde(rename = "Aliases", deserialize_with = "lenient")]
    pub aliases: Option<Counted<String>>,
    #[serde(rename = "DefaultRootObject", deserialize_with = "lenient")]
    pub default_root_object: Option<String>,
    #[serde(rename = "Origins", deserialize_with = "lenient")]
    pub origins: Option<Counted<Origin>>,
    #[serde(rename = "OriginGroups", deserialize_with = "lenient")]
    pub origin_groups: Option<Counted<OriginGroup>>,
    #[serde(rename = "DefaultCacheBehavior", deserialize_with = "lenient")]
    pub default_cache_behavior: Option<DefaultCacheBehavior>,
    #[serde(rename = "CacheBehaviors", deserialize_with = "lenient")]
    pub cache_behaviors: Option<Counted<CacheBehavior>>,
    #[serde(rename = "CustomErrorResponses", deserialize_with = "lenient")]
    pub custom_error_responses: Option<Counted<CustomErrorResponse>>,
    #[serde(rename = "Comment", deserialize_with = "lenient")]
    pub comment: Option<String>,
    #[serde(rename = "Logging", deserialize_with = "lenient")]
    pub logging: Option<LoggingConfig>,
    #[serde(rename = "PriceClass", deserialize_with = "lenient")]
    pub price_class: Option<String>,
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "ViewerCertificate", deserialize_with = "lenient")]
    pub viewer_certificate: Option<ViewerCertificate>,
    #[serde(rename = "Restrictions", deserialize_with = "lenient")]
    pub restrictions: Option<Restrictions>,
    #[serde(rename = "WebACLId", deserialize_with = "lenient")]
    pub web_acl_id: Option<String>,
    #[serde(rename = "HttpVersion", deserialize_with = "lenient")]
    pub http_version: Option<String>,
    #[serde(rename = "IsIPV6Enabled", deserialize_with = "lenient")]
    pub is_ipv6_enabled: Option<bool>,
    #[serde(rename = "ContinuousDeploymentPolicyId", deserialize_with = "lenient")]
    pub continuous_deployment_policy_id: Option<String>,
    #[serde(rename = "Staging", deserialize_with = "lenient")]
    pub staging: Option<bool>,
    #[serde(rename = "AnycastIpListId", deserialize_with = "lenient")]
    pub anycast_ip_list_id: Option<String>,
    #[serde(rename = "TenantConfig", deserialize_with = "lenient")]
    pub tenant_config: Option<TenantConfig>,
    #[serde(rename = "ConnectionMode", deserialize_with = "lenient")]
    pub connection_mode: Option<String>,
    #[serde(rename = "ViewerMtlsConfig", deserialize_with = "lenient")]
    pub viewer_mtls_config: Option<ViewerMtlsConfig>,
    #[serde(rename = "ConnectionFunctionAssociation", deserialize_with = "lenient")]
    pub connection_function_association: Option<ConnectionFunctionAssociation>,
    #[serde(rename = "CacheTagConfig", deserialize_with = "lenient")]
    pub cache_tag_config: Option<CacheTagConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Origin {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<String>,
    #[serde(rename = "DomainName", deserialize_with = "lenient")]
    pub domain_name: Option<String>,
    #[serde(rename = "OriginPath", deserialize_with = "lenient")]
    pub origin_path: Option<String>,
    #[serde(rename = "CustomHeaders", deserialize_with = "lenient")]
    pub custom_headers: Option<Counted<OriginCustomHeader>>,
    #[serde(rename = "S3OriginConfig", deserialize_with = "lenient")]
    pub s3_origin_config: Option<S3OriginConfig>,
    #[serde(rename = "CustomOriginConfig", deserialize_with = "lenient")]
    pub custom_origin_config: Option<CustomOriginConfig>,
    #[serde(rename = "VpcOriginConfig", deserialize_with = "lenient")]
    pub vpc_origin_config: Option<VpcOriginConfig>,
    #[serde(rename = "ConnectionAttempts", deserialize_with = "lenient")]
    pub connection_attempts: Option<i64>,
    #[serde(rename = "ConnectionTimeout", deserialize_with = "lenient")]
    pub connection_timeout: Option<i64>,
    #[serde(rename = "ResponseCompletionTimeout", deserialize_with = "lenient")]
    pub response_completion_timeout: Option<i64>,
    #[serde(rename = "OriginShield", deserialize_with = "lenient")]
    pub origin_shield: Option<OriginShield>,
    #[serde(rename = "OriginAccessControlId", deserialize_with = "lenient")]
    pub origin_access_control_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginCustomHeader {
    #[serde(rename = "HeaderName", deserialize_with = "lenient")]
    pub header_name: Option<String>,
    #[serde(rename = "HeaderValue", deserialize_with = "lenient")]
    pub header_value: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct S3OriginConfig {
    #[serde(rename = "OriginAccessIdentity", deserialize_with = "lenient")]
    pub origin_access_identity: Option<String>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CustomOriginConfig {
    #[serde(rename = "HTTPPort", deserialize_with = "lenient")]
    pub http_port: Option<i64>,
    #[serde(rename = "HTTPSPort", deserialize_with = "lenient")]
    pub https_port: Option<i64>,
    #[serde(rename = "OriginProtocolPolicy", deserialize_with = "lenient")]
    pub origin_protocol_policy: Option<String>,
    #[serde(rename = "OriginSslProtocols", deserialize_with = "lenient")]
    pub origin_ssl_protocols: Option<Counted<String>>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
    #[serde(rename = "OriginKeepaliveTimeout", deserialize_with = "lenient")]
    pub origin_keepalive_timeout: Option<i64>,
    #[serde(rename = "IpAddressType", deserialize_with = "lenient")]
    pub ip_address_type: Option<String>,
    #[serde(rename = "OriginMtlsConfig", deserialize_with = "lenient")]
    pub origin_mtls_config: Option<OriginMtlsConfig>,
    #[serde(rename = "OriginHttpVersion", deserialize_with = "lenient")]
    pub origin_http_version: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginMtlsConfig {
    #[serde(rename = "ClientCertificateArn", deserialize_with = "lenient")]
    pub client_certificate_arn: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct VpcOriginConfig {
    #[serde(rename = "VpcOriginId", deserialize_with = "lenient")]
    pub vpc_origin_id: Option<String>,
    #[serde(rename = "OwnerAccountId", deserialize_with = "lenient")]
    pub owner_account_id: Option<String>,
    #[serde(rename = "OriginReadTimeout", deserialize_with = "lenient")]
    pub origin_read_timeout: Option<i64>,
    #[serde(rename = "OriginKeepaliveTimeout", deserialize_with = "lenient")]
    pub origin_keepalive_timeout: Option<i64>,
    #[serde(rename = "OriginHttpVersion", deserialize_with = "lenient")]
    pub origin_http_version: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginShield {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "OriginShieldRegion", deserialize_with = "lenient")]
    pub origin_shield_region: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginGroup {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<String>,
    #[serde(rename = "FailoverCriteria", deserialize_with = "lenient")]
    pub failover_criteria: Option<OriginGroupFailoverCriteria>,
    #[serde(rename = "Members", deserialize_with = "lenient")]
    pub members: Option<Counted<OriginGroupMember>>,
    #[serde(rename = "SelectionCriteria", deserialize_with = "lenient")]
    pub selection_criteria: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginGroupFailoverCriteria {
    #[serde(rename = "StatusCodes", deserialize_with = "lenient")]
    pub status_codes: Option<Counted<i64>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OriginGroupMember {
    #[serde(rename = "OriginId", deserialize_with = "lenient")]
    pub origin_id: Option<String>,
}

/// The default behaviour has every member of an ordered one except `PathPattern` (always `*`).
pub type DefaultCacheBehavior = CacheBehavior;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CacheBehavior {
    #[serde(rename = "PathPattern", deserialize_with = "lenient")]
    pub path_pattern: Option<String>,
    #[serde(rename = "TargetOriginId", deserialize_with = "lenient")]
    pub target_origin_id: Option<String>,
    #[serde(rename = "TrustedSigners", deserialize_with = "lenient")]
    pub trusted_signers: Option<TrustedSigners>,
    #[serde(rename = "TrustedKeyGroups", deserialize_with = "lenient")]
    pub trusted_key_groups: Option<TrustedKeyGroups>,
    #[serde(rename = "ViewerProtocolPolicy", deserialize_with = "lenient")]
    pub viewer_protocol_policy: Option<String>,
    #[serde(rename = "AllowedMethods", deserialize_with = "lenient")]
    pub allowed_methods: Option<AllowedMethods>,
    #[serde(rename = "SmoothStreaming", deserialize_with = "lenient")]
    pub smooth_streaming: Option<bool>,
    #[serde(rename = "Compress", deserialize_with = "lenient")]
    pub compress: Option<bool>,
    #[serde(rename = "LambdaFunctionAssociations", deserialize_with = "lenient")]
    pub lambda_function_associations: Option<Counted<LambdaFunctionAssociation>>,
    #[serde(rename = "FunctionAssociations", deserialize_with = "lenient")]
    pub function_associations: Option<Counted<FunctionAssociation>>,
    #[serde(rename = "FieldLevelEncryptionId", deserialize_with = "lenient")]
    pub field_level_encryption_id: Option<String>,
    #[serde(rename = "RealtimeLogConfigArn", deserialize_with = "lenient")]
    pub realtime_log_config_arn: Option<String>,
    #[serde(rename = "CachePolicyId", deserialize_with = "lenient")]
    pub cache_policy_id: Option<String>,
    #[serde(rename = "OriginRequestPolicyId", deserialize_with = "lenient")]
    pub origin_request_policy_id: Option<String>,
    #[serde(rename = "ResponseHeadersPolicyId", deserialize_with = "lenient")]
    pub response_headers_policy_id: Option<String>,
    #[serde(rename = "GrpcConfig", deserialize_with = "lenient")]
    pub grpc_config: Option<GrpcConfig>,
    #[serde(rename = "ForwardedValues", deserialize_with = "lenient")]
    pub forwarded_values: Option<ForwardedValues>,
    #[serde(rename = "MinTTL", deserialize_with = "lenient")]
    pub min_ttl: Option<i64>,
    #[serde(rename = "DefaultTTL", deserialize_with = "lenient")]
    pub default_ttl: Option<i64>,
    #[serde(rename = "MaxTTL", deserialize_with = "lenient")]
    pub max_ttl: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TrustedSigners {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<String>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TrustedKeyGroups {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<String>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AllowedMethods {
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<String>>>,
    #[serde(rename = "CachedMethods", deserialize_with = "lenient")]
    pub cached_methods: Option<Counted<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LambdaFunctionAssociation {
    #[serde(rename = "LambdaFunctionARN", deserialize_with = "lenient")]
    pub lambda_function_arn: Option<String>,
    #[serde(rename = "EventType", deserialize_with = "lenient")]
    pub event_type: Option<String>,
    #[serde(rename = "IncludeBody", deserialize_with = "lenient")]
    pub include_body: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FunctionAssociation {
    #[serde(rename = "FunctionARN", deserialize_with = "lenient")]
    pub function_arn: Option<String>,
    #[serde(rename = "EventType", deserialize_with = "lenient")]
    pub event_type: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GrpcConfig {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ForwardedValues {
    #[serde(rename = "QueryString", deserialize_with = "lenient")]
    pub query_string: Option<bool>,
    #[serde(rename = "Cookies", deserialize_with = "lenient")]
    pub cookies: Option<CookiePreference>,
    #[serde(rename = "Headers", deserialize_with = "lenient")]
    pub headers: Option<Counted<String>>,
    #[serde(rename = "QueryStringCacheKeys", deserialize_with = "lenient")]
    pub query_string_cache_keys: Option<Counted<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CookiePreference {
    #[serde(rename = "Forward", deserialize_with = "lenient")]
    pub forward: Option<String>,
    #[serde(rename = "WhitelistedNames", deserialize_with = "lenient")]
    pub whitelisted_names: Option<Counted<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CustomErrorResponse {
    #[serde(rename = "ErrorCode", deserialize_with = "lenient")]
    pub error_code: Option<i64>,
    #[serde(rename = "ResponsePagePath", deserialize_with = "lenient")]
    pub response_page_path: Option<String>,
    #[serde(rename = "ResponseCode", deserialize_with = "lenient")]
    pub response_code: Option<String>,
    #[serde(rename = "ErrorCachingMinTTL", deserialize_with = "lenient")]
    pub error_caching_min_ttl: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LoggingConfig {
    #[serde(rename = "Enabled", deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(rename = "IncludeCookies", deserialize_with = "lenient")]
    pub include_cookies: Option<bool>,
    #[serde(rename = "Bucket", deserialize_with = "lenient")]
    pub bucket: Option<String>,
    #[serde(rename = "Prefix", deserialize_with = "lenient")]
    pub prefix: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ViewerCertificate {
    #[serde(rename = "CloudFrontDefaultCertificate", deserialize_with = "lenient")]
    pub cloudfront_default_certificate: Option<bool>,
    #[serde(rename = "IAMCertificateId", deserialize_with = "lenient")]
    pub iam_certificate_id: Option<String>,
    #[serde(rename = "ACMCertificateArn", deserialize_with = "lenient")]
    pub acm_certificate_arn: Option<String>,
    #[serde(rename = "SSLSupportMethod", deserialize_with = "lenient")]
    pub ssl_support_method: Option<String>,
    #[serde(rename = "MinimumProtocolVersion", deserialize_with = "lenient")]
    pub minimum_protocol_version: Option<String>,
    #[serde(rename = "Certificate", deserialize_with = "lenient")]
    pub certificate: Option<String>,
    #[serde(rename = "CertificateSource", deserialize_with = "lenient")]
    pub certificate_source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Restrictions {
    #[serde(rename = "GeoRestriction", deserialize_with = "lenient")]
    pub geo_restriction: Option<GeoRestriction>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GeoRestriction {
    #[serde(rename = "RestrictionType", deserialize_with = "lenient")]
    pub restriction_type: Option<String>,
    #[serde(rename = "Quantity", deserialize_with = "lenient")]
    pub quantity: Option<i64>,
    #[serde(rename = "Items", deserialize_with = "lenient")]
    pub items: Option<Vec<Elem<String>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TenantConfig {
    #[serde(rename = "ParameterDefinitions", deserialize_with = "lenient")]
    pub parameter_definitions: Option<Vec<Elem<ParameterDefinition>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParameterDefinition {
    #[serde(rename = "Name", deserialize_with = "lenient")]
    pub name: Option<String>,
    #[serde(rename = "Definition", deserialize_with = "lenient")]
    pub definition: Option<ParameterDefinitionSchema>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParameterDefinitionSchema {
    #[serde(rename = "StringSchema", deserialize_with = "lenient")]
    pub string_schema: Option<StringSchemaConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StringSchemaConfig {
    #[serde(rename = "Comment", deserialize_with = "lenient")]
    pub comment: Option<String>,
    #[serde(rename = "DefaultValue", deserialize_with = "lenient")]
    pub default_value: Option<String>,
    #[serde(rename = "Required", deserialize_with = "lenient")]
    pub required: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ViewerMtlsConfig {
    #[serde(rename = "Mode", deserialize_with = "lenient")]
    pub mode: Option<String>,
    #[serde(rename = "TrustStoreConfig", deserialize_with = "lenient")]
    pub trust_store_config: Option<TrustStoreConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TrustStoreConfig {
    #[serde(rename = "TrustStoreId", deserialize_with = "lenient")]
    pub trust_store_id: Option<String>,
    #[serde(rename = "AdvertiseTrustStoreCaNames", deserialize_with = "lenient")]
    pub advertise_trust_store_ca_names: Option<bool>,
    #[serde(rename = "IgnoreCertificateExpiry", deserialize_with = "lenient")]
    pub ignore_certificate_expiry: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConnectionFunctionAssociation {
    #[serde(rename = "Id", deserialize_with = "lenient")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CacheTagConfig {
    #[serde(rename = "HeaderName", deserialize_with = "lenient")]
    pub header_name: Option<String>,
}
