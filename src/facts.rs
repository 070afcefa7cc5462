//! Facts about CloudFront that rules share, each with its source (see ../shared/reference/aws-api.md).

/// Status codes an origin group can fail over on. Developer Guide, "Optimize high availability with
/// CloudFront origin failover" (400 and 416 since March 2023; 403 and 404 since 2019 or earlier).
pub const FAILOVER_STATUS_CODES: [i64; 8] = [400, 403, 404, 416, 500, 502, 503, 504];

/// Methods that fail over. A behaviour that targets an origin group and allows any other method is
/// rejected: "The parameter AllowedMethods cannot include POST, PUT, PATCH, or DELETE for a cached
/// behavior associated with an origin group." (aws/aws-cdk#32450, confirmed 2024-12).
pub const WRITE_METHODS: [&str; 4] = ["POST", "PUT", "PATCH", "DELETE"];
