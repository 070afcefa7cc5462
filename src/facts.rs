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
    // Legacy cache settings (ForwardedValues), per behaviour.
    pub const FORWARDED_HEADERS: (usize, &str) = (10, "headers forwarded by legacy cache settings");
    pub const FORWARDED_COOKIE_NAMES: (usize, &str) =
        (10, "cookie names forwarded by legacy cache settings");
    pub const QUERY_STRING_CACHE_KEYS: (usize, &str) =
        (10, "query string keys cached by legacy cache settings");
}

/// Managed policy ids whose header lists are published ("Use managed cache policies", "Use managed
/// origin request policies", CloudFront Developer Guide), grouped by whether they send the
/// viewer's `Host` header to the origin.
pub mod managed {
    /// Origin request policies that forward the viewer's Host header: AllViewer and
    /// AllViewerAndCloudFrontHeaders-2022-06.
    pub const ORIGIN_REQUEST_WITH_HOST: [&str; 2] = [
        "216adef6-5c7f-47e4-b989-5492eafa07d3",
        "33f36d7e-f396-46d9-90e0-52428a34d9dc",
    ];
    /// Origin request policies that do not: CORS-S3Origin, CORS-CustomOrigin,
    /// AllViewerExceptHostHeader, UserAgentRefererHeaders,
    /// Elemental-MediaTailor-PersonalizedManifests.
    pub const ORIGIN_REQUEST_WITHOUT_HOST: [&str; 5] = [
        "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
        "59781a5b-3903-41f3-afcb-af62929ccde1",
        "b689b0a8-53d0-40ab-baf2-68738e2966ac",
        "acba4595-bd28-49b8-b9fe-13317c0390fa",
        "775133bc-15f2-49f9-abea-afb2e0bf67d2",
    ];
    /// Cache policies with no header in the cache key: CachingOptimized, CachingDisabled,
    /// CachingOptimizedForUncompressedObjects.
    pub const CACHE_WITHOUT_HEADERS: [&str; 3] = [
        "658327ea-f89d-4fab-a63d-7e88639e58f6",
        "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
    ];
}

/// Regions Origin Shield runs in (Developer Guide, "Use Amazon CloudFront Origin Shield", 2023
/// list; AWS adds regions, so a region outside it is a warning, not an error).
pub const ORIGIN_SHIELD_REGIONS: [&str; 12] = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "sa-east-1",
];
