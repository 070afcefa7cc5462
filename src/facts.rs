//! Facts about CloudFront that rules share, each with its source (see ../shared/reference/aws-api.md).

/// Status codes an origin group can fail over on. Developer Guide, "Optimize high availability with
/// CloudFront origin failover" (400 and 416 since March 2023; 403 and 404 since 2019 or earlier).
pub const FAILOVER_STATUS_CODES: [i64; 8] = [400, 403, 404, 416, 500, 502, 503, 504];

/// Methods that fail over. A behaviour that targets an origin group and allows any other method is
/// rejected: "The parameter AllowedMethods cannot include POST, PUT, PATCH, or DELETE for a cached
/// behavior associated with an origin group." (aws/aws-cdk#32450, confirmed 2024-12).
pub const WRITE_METHODS: [&str; 4] = ["POST", "PUT", "PATCH", "DELETE"];

/// Default account quotas (adjustable on request), as (limit, what is counted). Developer Guide,
/// "Quotas on distributions"; the schema carries the same numbers as `x-cloudfront-quota`
/// annotations, and a test keeps the two equal.
pub mod quota {
    pub const ORIGINS: (usize, &str) = (100, "origins");
    pub const ORIGIN_GROUPS: (usize, &str) = (10, "origin groups");
    pub const CACHE_BEHAVIORS: (usize, &str) = (75, "cache behaviours");
    pub const ALIASES: (usize, &str) = (100, "alternate domain names");
    pub const ORIGIN_CUSTOM_HEADERS: (usize, &str) = (30, "custom headers on one origin");
    pub const ORIGIN_READ_TIMEOUT: (i64, &str) = (120, "origin response timeout");
    pub const ORIGIN_KEEPALIVE_TIMEOUT: (i64, &str) = (120, "origin keep-alive timeout");
}
