//! Terraform's form: every `aws_cloudfront_distribution` of a Terraform file (HCL or JSON syntax)
//! or plan (`terraform show -json`), translated into the DistributionConfig the AWS provider sends
//! for it (`../shared/reference/terraform-cloudfront.md`, read from the provider's source).
//!
//! The translation is what makes Terraform's own facts hold without a rule knowing Terraform:
//! Quantity is counted from the list; sets lose exact duplicates; an origin without a config block
//! gets the provider's `S3OriginConfig`; TTLs beside a `cache_policy_id` are dropped and omitted
//! ones are sent as 0; the certificate sources follow the provider's precedence (IAM, ACM, default).
//! What Terraform computes (`${…}`) stays a placeholder, so rules stand down on it; a `dynamic`
//! block is one placeholder entry (its count is unknown). Every value built records where it is
//! written (`rewrites`), so findings point at the argument or block as written.

use crate::json::Pointer;
use crate::rules::{self, RuleMeta};
use serde_json::{Map, Value};

/// A Terraform argument's type, as the provider's schema declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Str,
    Num,
    Bool,
    /// A set of strings: order is not kept, exact duplicates vanish.
    StrSet,
    NumSet,
    /// A list of strings: order kept.
    StrList,
}

/// What the provider sends for an argument the configuration leaves out.
#[derive(Clone, Copy, Debug)]
enum Fill {
    None,
    Str(&'static str),
    Num(i64),
    Bool(bool),
}

/// One argument: its Terraform name, and its place in the API object of its block
/// (`AllowedMethods/Items`: a list gets its `Quantity` beside its `Items`).
struct Arg {
    tf: &'static str,
    api: &'static str,
    ty: Ty,
    required: bool,
    fill: Fill,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Nest {
    /// At most one block: an object.
    One,
    /// Repeatable: the API's `{"Quantity": n, "Items": [...]}`.
    Many,
}

struct Blk {
    tf: &'static str,
    api: &'static str,
    nest: Nest,
    required: bool,
    shape: &'static Shape,
}

struct Shape {
    args: &'static [Arg],
    blocks: &'static [Blk],
}

const fn arg(tf: &'static str, api: &'static str, ty: Ty) -> Arg {
    Arg {
        tf,
        api,
        ty,
        required: false,
        fill: Fill::None,
    }
}

const fn required(tf: &'static str, api: &'static str, ty: Ty) -> Arg {
    Arg {
        tf,
        api,
        ty,
        required: true,
        fill: Fill::None,
    }
}

const fn filled(tf: &'static str, api: &'static str, ty: Ty, fill: Fill) -> Arg {
    Arg {
        tf,
        api,
        ty,
        required: false,
        fill,
    }
}

const fn one(tf: &'static str, api: &'static str, shape: &'static Shape) -> Blk {
    Blk {
        tf,
        api,
        nest: Nest::One,
        required: false,
        shape,
    }
}

const fn many(tf: &'static str, api: &'static str, shape: &'static Shape) -> Blk {
    Blk {
        tf,
        api,
        nest: Nest::Many,
        required: false,
        shape,
    }
}

const fn one_required(tf: &'static str, api: &'static str, shape: &'static Shape) -> Blk {
    Blk {
        tf,
        api,
        nest: Nest::One,
        required: true,
        shape,
    }
}

use Ty::*;

static DISTRIBUTION: Shape = Shape {
    args: &[
        required("enabled", "Enabled", Bool),
        filled("comment", "Comment", Str, Fill::Str("")),
        arg("aliases", "Aliases/Items", StrSet),
        arg("default_root_object", "DefaultRootObject", Str),
        filled("http_version", "HttpVersion", Str, Fill::Str("http2")),
        filled("is_ipv6_enabled", "IsIPV6Enabled", Bool, Fill::Bool(false)),
        filled(
            "price_class",
            "PriceClass",
            Str,
            Fill::Str("PriceClass_All"),
        ),
        arg("web_acl_id", "WebACLId", Str),
        arg(
            "continuous_deployment_policy_id",
            "ContinuousDeploymentPolicyId",
            Str,
        ),
        arg("staging", "Staging", Bool),
        arg("anycast_ip_list_id", "AnycastIpListId", Str),
    ],
    blocks: &[
        Blk {
            required: true,
            ..many("origin", "Origins/Items", &ORIGIN)
        },
        many("origin_group", "OriginGroups/Items", &ORIGIN_GROUP),
        one_required("default_cache_behavior", "DefaultCacheBehavior", &BEHAVIOR),
        many(
            "ordered_cache_behavior",
            "CacheBehaviors/Items",
            &ORDERED_BEHAVIOR,
        ),
        many(
            "custom_error_response",
            "CustomErrorResponses/Items",
            &CUSTOM_ERROR_RESPONSE,
        ),
        one("logging_config", "Logging", &LOGGING),
        one_required("restrictions", "Restrictions", &RESTRICTIONS),
        one_required(
            "viewer_certificate",
            "ViewerCertificate",
            &VIEWER_CERTIFICATE,
        ),
        one("viewer_mtls_config", "ViewerMtlsConfig", &VIEWER_MTLS),
        one("cache_tag_config", "CacheTagConfig", &CACHE_TAG),
        one(
            "connection_function_association",
            "ConnectionFunctionAssociation",
            &CONNECTION_FUNCTION,
        ),
    ],
};

static ORIGIN: Shape = Shape {
    args: &[
        required("origin_id", "Id", Str),
        required("domain_name", "DomainName", Str),
        arg("origin_path", "OriginPath", Str),
        filled(
            "connection_attempts",
            "ConnectionAttempts",
            Num,
            Fill::Num(3),
        ),
        filled(
            "connection_timeout",
            "ConnectionTimeout",
            Num,
            Fill::Num(10),
        ),
        arg(
            "response_completion_timeout",
            "ResponseCompletionTimeout",
            Num,
        ),
        arg("origin_access_control_id", "OriginAccessControlId", Str),
    ],
    blocks: &[
        many("custom_header", "CustomHeaders/Items", &CUSTOM_HEADER),
        one("custom_origin_config", "CustomOriginConfig", &CUSTOM_ORIGIN),
        one("s3_origin_config", "S3OriginConfig", &S3_ORIGIN),
        one("vpc_origin_config", "VpcOriginConfig", &VPC_ORIGIN),
        one("origin_shield", "OriginShield", &ORIGIN_SHIELD),
    ],
};

static CUSTOM_HEADER: Shape = Shape {
    args: &[
        required("name", "HeaderName", Str),
        required("value", "HeaderValue", Str),
    ],
    blocks: &[],
};

static CUSTOM_ORIGIN: Shape = Shape {
    args: &[
        required("http_port", "HTTPPort", Num),
        required("https_port", "HTTPSPort", Num),
        required("origin_protocol_policy", "OriginProtocolPolicy", Str),
        required("origin_ssl_protocols", "OriginSslProtocols/Items", StrSet),
        filled(
            "origin_read_timeout",
            "OriginReadTimeout",
            Num,
            Fill::Num(30),
        ),
        filled(
            "origin_keepalive_timeout",
            "OriginKeepaliveTimeout",
            Num,
            Fill::Num(5),
        ),
        arg("ip_address_type", "IpAddressType", Str),
    ],
    blocks: &[one("origin_mtls_config", "OriginMtlsConfig", &ORIGIN_MTLS)],
};

static ORIGIN_MTLS: Shape = Shape {
    args: &[required(
        "client_certificate_arn",
        "ClientCertificateArn",
        Str,
    )],
    blocks: &[],
};

static S3_ORIGIN: Shape = Shape {
    args: &[required(
        "origin_access_identity",
        "OriginAccessIdentity",
        Str,
    )],
    blocks: &[],
};

static VPC_ORIGIN: Shape = Shape {
    args: &[
        required("vpc_origin_id", "VpcOriginId", Str),
        arg("owner_account_id", "OwnerAccountId", Str),
        filled(
            "origin_read_timeout",
            "OriginReadTimeout",
            Num,
            Fill::Num(30),
        ),
        filled(
            "origin_keepalive_timeout",
            "OriginKeepaliveTimeout",
            Num,
            Fill::Num(5),
        ),
    ],
    blocks: &[],
};

static ORIGIN_SHIELD: Shape = Shape {
    args: &[
        required("enabled", "Enabled", Bool),
        arg("origin_shield_region", "OriginShieldRegion", Str),
    ],
    blocks: &[],
};

static ORIGIN_GROUP: Shape = Shape {
    args: &[required("origin_id", "Id", Str)],
    blocks: &[
        one_required("failover_criteria", "FailoverCriteria", &FAILOVER_CRITERIA),
        Blk {
            required: true,
            ..many("member", "Members/Items", &MEMBER)
        },
    ],
};

static FAILOVER_CRITERIA: Shape = Shape {
    args: &[required("status_codes", "StatusCodes/Items", NumSet)],
    blocks: &[],
};

static MEMBER: Shape = Shape {
    args: &[required("origin_id", "OriginId", Str)],
    blocks: &[],
};

/// The arguments both behaviour blocks share.
macro_rules! behavior_args {
    ($($extra:expr),*) => {
        &[
            $($extra,)*
            required("target_origin_id", "TargetOriginId", Str),
            required("viewer_protocol_policy", "ViewerProtocolPolicy", Str),
            required("allowed_methods", "AllowedMethods/Items", StrSet),
            required("cached_methods", "AllowedMethods/CachedMethods/Items", StrSet),
            filled("compress", "Compress", Bool, Fill::Bool(false)),
            filled("smooth_streaming", "SmoothStreaming", Bool, Fill::Bool(false)),
            arg("cache_policy_id", "CachePolicyId", Str),
            arg("origin_request_policy_id", "OriginRequestPolicyId", Str),
            arg("response_headers_policy_id", "ResponseHeadersPolicyId", Str),
            arg("field_level_encryption_id", "FieldLevelEncryptionId", Str),
            arg("realtime_log_config_arn", "RealtimeLogConfigArn", Str),
            arg("min_ttl", "MinTTL", Num),
            arg("default_ttl", "DefaultTTL", Num),
            arg("max_ttl", "MaxTTL", Num),
            arg("trusted_signers", "TrustedSigners/Items", StrList),
            arg("trusted_key_groups", "TrustedKeyGroups/Items", StrList),
        ]
    };
}

static BEHAVIOR_BLOCKS: [Blk; 4] = [
    one("forwarded_values", "ForwardedValues", &FORWARDED_VALUES),
    many(
        "lambda_function_association",
        "LambdaFunctionAssociations/Items",
        &LAMBDA_ASSOCIATION,
    ),
    many(
        "function_association",
        "FunctionAssociations/Items",
        &FUNCTION_ASSOCIATION,
    ),
    one("grpc_config", "GrpcConfig", &GRPC),
];

static BEHAVIOR: Shape = Shape {
    args: behavior_args!(),
    blocks: &BEHAVIOR_BLOCKS,
};

static ORDERED_BEHAVIOR: Shape = Shape {
    args: behavior_args!(required("path_pattern", "PathPattern", Str)),
    blocks: &BEHAVIOR_BLOCKS,
};

static FORWARDED_VALUES: Shape = Shape {
    args: &[
        required("query_string", "QueryString", Bool),
        arg(
            "query_string_cache_keys",
            "QueryStringCacheKeys/Items",
            StrList,
        ),
        arg("headers", "Headers/Items", StrSet),
    ],
    blocks: &[one_required("cookies", "Cookies", &COOKIES)],
};

static COOKIES: Shape = Shape {
    args: &[
        required("forward", "Forward", Str),
        arg("whitelisted_names", "WhitelistedNames/Items", StrSet),
    ],
    blocks: &[],
};

static LAMBDA_ASSOCIATION: Shape = Shape {
    args: &[
        required("event_type", "EventType", Str),
        required("lambda_arn", "LambdaFunctionARN", Str),
        filled("include_body", "IncludeBody", Bool, Fill::Bool(false)),
    ],
    blocks: &[],
};

static FUNCTION_ASSOCIATION: Shape = Shape {
    args: &[
        required("event_type", "EventType", Str),
        required("function_arn", "FunctionARN", Str),
    ],
    blocks: &[],
};

static GRPC: Shape = Shape {
    args: &[required("enabled", "Enabled", Bool)],
    blocks: &[],
};

static CUSTOM_ERROR_RESPONSE: Shape = Shape {
    args: &[
        required("error_code", "ErrorCode", Num),
        arg("response_code", "ResponseCode", Str),
        arg("response_page_path", "ResponsePagePath", Str),
        arg("error_caching_min_ttl", "ErrorCachingMinTTL", Num),
    ],
    blocks: &[],
};

static LOGGING: Shape = Shape {
    args: &[
        arg("bucket", "Bucket", Str),
        filled("include_cookies", "IncludeCookies", Bool, Fill::Bool(false)),
        arg("prefix", "Prefix", Str),
    ],
    blocks: &[],
};

static RESTRICTIONS: Shape = Shape {
    args: &[],
    blocks: &[one_required(
        "geo_restriction",
        "GeoRestriction",
        &GEO_RESTRICTION,
    )],
};

static GEO_RESTRICTION: Shape = Shape {
    args: &[
        required("restriction_type", "RestrictionType", Str),
        arg("locations", "Items", StrSet),
    ],
    blocks: &[],
};

static VIEWER_CERTIFICATE: Shape = Shape {
    args: &[
        arg("iam_certificate_id", "IAMCertificateId", Str),
        arg("acm_certificate_arn", "ACMCertificateArn", Str),
        arg(
            "cloudfront_default_certificate",
            "CloudFrontDefaultCertificate",
            Bool,
        ),
        arg("ssl_support_method", "SSLSupportMethod", Str),
        filled(
            "minimum_protocol_version",
            "MinimumProtocolVersion",
            Str,
            Fill::Str("TLSv1"),
        ),
    ],
    blocks: &[],
};

static VIEWER_MTLS: Shape = Shape {
    args: &[arg("mode", "Mode", Str)],
    blocks: &[one("trust_store_config", "TrustStoreConfig", &TRUST_STORE)],
};

static TRUST_STORE: Shape = Shape {
    args: &[
        required("trust_store_id", "TrustStoreId", Str),
        arg(
            "advertise_trust_store_ca_names",
            "AdvertiseTrustStoreCaNames",
            Bool,
        ),
        arg("ignore_certificate_expiry", "IgnoreCertificateExpiry", Bool),
    ],
    blocks: &[],
};

static CACHE_TAG: Shape = Shape {
    args: &[required("header_name", "HeaderName", Str)],
    blocks: &[],
};

static CONNECTION_FUNCTION: Shape = Shape {
    args: &[required("id", "Id", Str)],
    blocks: &[],
};

/// Repeatable blocks that are lists (order kept, precedence and primary-first); every other
/// repeatable block is a set, where two identical blocks are one.
const LIST_BLOCKS: [&str; 2] = ["ordered_cache_behavior", "member"];

/// Arguments of the resource that are Terraform's or the provider's own, not the distribution's.
pub const NOT_SENT: [&str; 9] = [
    "tags",
    "tags_all",
    "retain_on_delete",
    "wait_for_deployment",
    "count",
    "for_each",
    "provider",
    "depends_on",
    "lifecycle",
];

/// Blocks any resource may hold.
const META_BLOCKS: [&str; 4] = ["lifecycle", "provisioner", "connection", "dynamic"];

/// Attributes the provider computes: set in a configuration, Terraform refuses them.
pub const COMPUTED: [&str; 13] = [
    "arn",
    "caller_reference",
    "domain_name",
    "etag",
    "hosted_zone_id",
    "id",
    "status",
    "last_modified_time",
    "in_progress_validation_batches",
    "logging_v1_enabled",
    "trusted_key_groups",
    "trusted_signers",
    "tags_all",
];

/// Every (API name, Terraform name) pair the tables hold: how findings are respelled.
pub fn names() -> &'static [(&'static str, &'static str)] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<(&str, &str)> = Vec::new();
        let mut shapes = vec![&DISTRIBUTION];
        let mut seen: Vec<*const Shape> = Vec::new();
        while let Some(shape) = shapes.pop() {
            if seen.contains(&(shape as *const Shape)) {
                continue;
            }
            seen.push(shape);
            let args = shape.args.iter().map(|a| (a.api, a.tf));
            let blocks = shape.blocks.iter().map(|b| (b.api, b.tf));
            for (api, tf) in args.chain(blocks) {
                let Some(name) = api.split('/').rev().find(|s| *s != "Items") else {
                    continue;
                };
                if !names.iter().any(|(a, _)| *a == name) {
                    names.push((name, tf));
                }
            }
            shapes.extend(shape.blocks.iter().map(|b| b.shape));
        }
        // Longest first, so `CacheBehaviors` is not read as a longer name's part.
        names.sort_by_key(|(api, _)| std::cmp::Reverse(api.len()));
        names
    })
}

/// Every argument and block name the tables know, with the Terraform names of their parents:
/// (`origin/custom_origin_config/http_port`), for the test against the reference.
pub fn known_paths() -> Vec<String> {
    fn walk(shape: &Shape, at: &str, out: &mut Vec<String>) {
        for a in shape.args {
            out.push(format!("{at}{}", a.tf));
        }
        for b in shape.blocks {
            out.push(format!("{at}{}", b.tf));
            walk(b.shape, &format!("{at}{}/", b.tf), out);
        }
    }
    let mut out = Vec::new();
    walk(&DISTRIBUTION, "", &mut out);
    out
}

/// The `aws_cloudfront_distribution` body (as Terraform's JSON syntax holds it: every block an
/// array of bodies) for a DistributionConfig in the API's shape: the tables read backwards. What
/// the resource has no argument for (Quantity, CallerReference, a list's `Enabled`) is left out.
/// For tests that hold Terraform to the same rules as the API, and for a `convert` to come.
pub fn from_api(config: &Value) -> Value {
    fn shape_body(shape: &Shape, api: &Value) -> Map<String, Value> {
        let mut body = Map::new();
        let at = |path: &str| {
            path.split('/')
                .try_fold(api, |v, s| v.get(s))
                .filter(|v| !v.is_null())
        };
        for a in shape.args {
            if let Some(v) = at(a.api) {
                let v = match (a.ty, v) {
                    // A number in Terraform, text in the API (ResponseCode).
                    (Num, Value::String(s)) => s.parse::<i64>().map_or(v.clone(), Value::from),
                    (Str, Value::Number(_) | Value::Bool(_)) => Value::String(v.to_string()),
                    _ => v.clone(),
                };
                let v = if a.tf == "response_code" {
                    v.as_str()
                        .and_then(|s| s.parse::<i64>().ok())
                        .map_or(v.clone(), Value::from)
                } else {
                    v
                };
                body.insert(a.tf.to_owned(), v);
            }
        }
        for b in shape.blocks {
            let Some(v) = at(b.api) else { continue };
            let blocks: Vec<Value> = match (b.nest, v) {
                (Nest::One, Value::Object(_)) => vec![Value::Object(shape_body(b.shape, v))],
                (Nest::Many, Value::Array(items)) => items
                    .iter()
                    .filter(|i| i.is_object())
                    .map(|i| Value::Object(shape_body(b.shape, i)))
                    .collect(),
                _ => continue,
            };
            if !blocks.is_empty() {
                body.insert(b.tf.to_owned(), Value::Array(blocks));
            }
        }
        body
    }
    Value::Object(shape_body(&DISTRIBUTION, config))
}

/// A distribution found in a Terraform document.
pub struct Resource<'v> {
    /// `aws_cloudfront_distribution.cdn`, `module.site.aws_cloudfront_distribution.this[0]`.
    pub address: String,
    /// Pointer of the resource's body in the file.
    pub prefix: Pointer,
    pub body: &'v Value,
    /// Written in HCL (blocks are arrays of bodies) rather than JSON (objects or arrays).
    pub hcl: bool,
    /// From a plan: every value is the one Terraform will send.
    pub plan: bool,
    /// A plan's `after_unknown` for the resource: what is known only after apply.
    pub unknown: Option<&'v Value>,
}

/// Every `aws_cloudfront_distribution` of a Terraform file's value (HCL or `*.tf.json`).
pub fn resources(root: &Value, hcl: bool) -> Vec<Resource<'_>> {
    let Some(named) = root
        .get("resource")
        .and_then(|r| r.get("aws_cloudfront_distribution"))
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    let base = Pointer::root()
        .key("resource")
        .key("aws_cloudfront_distribution");
    let mut out = Vec::new();
    for (name, body) in named {
        let at = base.key(name);
        let address = format!("aws_cloudfront_distribution.{name}");
        match body {
            Value::Object(_) => out.push(Resource {
                address,
                prefix: at,
                body,
                hcl,
                plan: false,
                unknown: None,
            }),
            // The JSON syntax may give a resource's body as a one-element array.
            Value::Array(list) => out.extend(list.iter().enumerate().map(|(i, body)| Resource {
                address: address.clone(),
                prefix: at.index(i),
                body,
                hcl,
                plan: false,
                unknown: None,
            })),
            _ => {}
        }
    }
    out
}

/// Every managed `aws_cloudfront_distribution` in a plan's `planned_values`, root and child modules.
pub fn planned(root: &Value) -> Vec<Resource<'_>> {
    let mut out = Vec::new();
    let mut modules = vec![(
        Pointer::root().key("planned_values").key("root_module"),
        root.get("planned_values")
            .and_then(|p| p.get("root_module")),
    )];
    while let Some((at, module)) = modules.pop() {
        let Some(module) = module else { continue };
        for (i, resource) in module
            .get("resources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let is_distribution = resource.get("type").and_then(Value::as_str)
                == Some("aws_cloudfront_distribution")
                && resource.get("mode").and_then(Value::as_str) != Some("data");
            let Some(values) = resource.get("values").filter(|_| is_distribution) else {
                continue;
            };
            let address = resource
                .get("address")
                .and_then(Value::as_str)
                .unwrap_or("aws_cloudfront_distribution");
            let unknown = root
                .get("resource_changes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .find(|c| c.get("address").and_then(Value::as_str) == Some(address))
                .and_then(|c| c.get("change")?.get("after_unknown"));
            out.push(Resource {
                address: address.to_owned(),
                prefix: at.key("resources").index(i).key("values"),
                body: values,
                hcl: false,
                plan: true,
                unknown,
            });
        }
        if let Some(children) = module.get("child_modules").and_then(Value::as_array) {
            for (i, child) in children.iter().enumerate() {
                modules.push((at.key("child_modules").index(i), Some(child)));
            }
        }
    }
    out.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    out
}

/// Whether a document is a Terraform plan (`terraform show -json`).
pub fn is_plan(root: &Value) -> bool {
    root.get("planned_values").is_some_and(Value::is_object)
        || (root.get("format_version").is_some() && root.get("terraform_version").is_some())
}

/// Something Terraform itself refuses in the resource, before any API call.
pub struct Problem {
    pub rule: &'static RuleMeta,
    /// Pointer into the resource's body.
    pub at: Pointer,
    pub message: String,
    pub help: Option<String>,
    /// The name meant, when the help asks "did you mean" it of a misspelled argument.
    pub respell: Option<&'static str>,
}

/// A resource translated into the DistributionConfig the provider sends.
pub struct Translation {
    pub value: Value,
    /// (pointer into the DistributionConfig, pointer into the resource's body).
    pub rewrites: Vec<(Pointer, Pointer)>,
    /// Values the provider sends that the configuration does not write.
    pub filled: Vec<Pointer>,
    /// What a value rests on: (pointer into the DistributionConfig, "variable `x`'s default").
    pub notes: Vec<(Pointer, String)>,
    pub problems: Vec<Problem>,
}

/// Positions of blocks in the file, for the order of `dynamic` blocks among literal ones.
pub type Position<'a> = &'a dyn Fn(&Pointer) -> Option<usize>;

/// What a module declares that values may refer to: `variable` blocks and `locals`.
#[derive(Default)]
pub struct Scope {
    pub variables: Map<String, Value>,
    pub locals: Map<String, Value>,
    /// The file a variable is declared in, when it is another file of the module.
    pub declared_in: std::collections::BTreeMap<String, String>,
}

impl Scope {
    /// The variables and locals of a Terraform file's value (HCL or JSON syntax).
    pub fn of(root: &Value) -> Scope {
        let variables = root
            .get("variable")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut locals = Map::new();
        for body in bodies(root.get("locals"), &Pointer::root()) {
            if let Some(members) = body.1.as_object() {
                locals.extend(members.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        Scope {
            variables,
            locals,
            declared_in: Default::default(),
        }
    }

    /// Adds what another file of the same module (`file`) declares; what is here already wins.
    pub fn extend_from(&mut self, other: Scope, file: &str) {
        for (name, variable) in other.variables {
            if !self.variables.contains_key(&name) {
                self.declared_in.insert(name.clone(), file.to_owned());
                self.variables.insert(name, variable);
            }
        }
        for (name, local) in other.locals {
            self.locals.entry(name).or_insert(local);
        }
    }

    /// Adds what the module's other files declare (`module`); what is here already wins.
    pub fn with_module(&mut self, module: &Scope) {
        for (name, variable) in &module.variables {
            if !self.variables.contains_key(name) {
                if let Some(file) = module.declared_in.get(name) {
                    self.declared_in.insert(name.clone(), file.clone());
                }
                self.variables.insert(name.clone(), variable.clone());
            }
        }
        for (name, local) in &module.locals {
            self.locals
                .entry(name.clone())
                .or_insert_with(|| local.clone());
        }
    }
}

pub fn translate(resource: &Resource, scope: &Scope, position: Position) -> Translation {
    let merged;
    let body = match resource.unknown {
        Some(unknown) => {
            merged = with_unknowns(resource.body, unknown);
            &merged
        }
        None => resource.body,
    };
    let mut translator = Translator {
        plan: resource.plan,
        scope,
        hcl: resource.hcl,
        position,
        prefix: resource.prefix.clone(),
        out: Translation {
            value: Value::Null,
            rewrites: Vec::new(),
            filled: Vec::new(),
            notes: Vec::new(),
            problems: Vec::new(),
        },
    };
    let mut config = Map::new();
    let root = Pointer::root();
    translator.block(&DISTRIBUTION, body, &root, &root, &mut config, true);
    translator.out.rewrites.push((root.clone(), root.clone()));
    // The provider makes the CallerReference itself.
    config
        .entry("CallerReference")
        .or_insert_with(|| Value::String("terraform".to_owned()));
    let mut config = Value::Object(config);
    translator.provider_semantics(&mut config);
    translator.out.value = config;
    translator.out
}

struct Translator<'a> {
    /// A plan holds what Terraform validated: no argument is unknown or missing there.
    plan: bool,
    scope: &'a Scope,
    hcl: bool,
    position: Position<'a>,
    prefix: Pointer,
    out: Translation,
}

impl Translator<'_> {
    /// Translates one block's body into `object` (the API object at `api`).
    fn block(
        &mut self,
        shape: &'static Shape,
        body: &Value,
        api: &Pointer,
        tf: &Pointer,
        object: &mut Map<String, Value>,
        top: bool,
    ) {
        let Some(members) = body.as_object() else {
            return;
        };
        for a in shape.args {
            // The provider sends "" for an optional text it is not given: "" is not set.
            let unset =
                |v: &&Value| v.is_null() || (a.ty == Str && !a.required && v.as_str() == Some(""));
            match members.get(a.tf).filter(|v| !unset(v)) {
                Some(written) => {
                    let at = path(api, a.api);
                    let written_at = tf.key(a.tf);
                    let value = self.resolve(written, &at);
                    let value = convert(value, a.ty);
                    self.place(object, api, a.api, value, &at, &written_at);
                }
                None if a.required && self.plan => {}
                None if a.required => self.out.problems.push(Problem {
                    rule: &rules::MISSING_MEMBER,
                    at: tf.clone(),
                    message: format!(
                        "{} has no `{}`, which it requires: Terraform rejects the configuration (Missing required argument)",
                        block_name(tf),
                        a.tf
                    ),
                    help: Some(format!("add `{} = …`", a.tf)),
                    respell: None,
                }),
                None => {
                    let value = match a.fill {
                        Fill::None => continue,
                        Fill::Str(s) => Value::from(s),
                        Fill::Num(n) => Value::from(n),
                        Fill::Bool(b) => Value::from(b),
                    };
                    let at = path(api, a.api);
                    self.out.notes.push((
                        at.clone(),
                        format!("`{}` left out, which the provider sends as {}", a.tf, short(&value)),
                    ));
                    self.out.filled.push(at.clone());
                    insert(object, a.api, value);
                }
            }
        }
        // Terraform 0.11's `tags { … }` block: an argument since 0.12.
        if top && self.hcl && members.get("tags").is_some_and(Value::is_array) {
            self.out.problems.push(Problem {
                rule: &rules::WRONG_TYPE,
                at: tf.key("tags"),
                message: "`tags` is written as a block (`tags { … }`, Terraform 0.11's syntax), but it is an argument: Terraform 0.12 and later reject the configuration (Unsupported block type)".to_owned(),
                help: Some("write `tags = { … }`, with `=`".to_owned()),
                respell: None,
            });
        }
        let dynamic = members.get("dynamic");
        for b in shape.blocks {
            let written = members.get(b.tf).filter(|v| !v.is_null());
            if self.hcl && written.is_some_and(Value::is_object) {
                self.out.problems.push(Problem {
                    rule: &rules::WRONG_TYPE,
                    at: tf.key(b.tf),
                    message: format!("`{}` is written as an argument (`{} = {{…}}`), but it is a block: Terraform rejects the configuration (Unsupported argument)", b.tf, b.tf),
                    help: Some(format!("write `{} {{ … }}`, without `=`", b.tf)),
                    respell: None,
                });
                continue;
            }
            let literal: Vec<(Pointer, &Value)> = bodies(written, &tf.key(b.tf));
            let generated: Vec<(Pointer, &Value)> = bodies(
                dynamic.and_then(|d| d.get(b.tf)),
                &tf.key("dynamic").key(b.tf),
            );
            let at = path(api, b.api);
            match b.nest {
                Nest::One => {
                    if literal.len() + generated.len() == 0 {
                        self.missing_block(b, tf);
                        continue;
                    }
                    if literal.len() > 1 {
                        let (extra, _) = &literal[1];
                        self.out.problems.push(Problem {
                            rule: &rules::WRONG_TYPE,
                            at: extra.clone(),
                            message: format!("a second `{}` block: Terraform takes at most one and rejects the configuration (Too many {} blocks)", b.tf, b.tf),
                            help: Some(format!("merge the `{}` blocks into one", b.tf)),
                            respell: None,
                        });
                    }
                    if let Some((dynamic_at, _)) = generated.first() {
                        // Zero or one block, decided when Terraform runs.
                        insert(object, b.api, placeholder(&format!("dynamic \"{}\"", b.tf)));
                        self.out.rewrites.push((at, dynamic_at.clone()));
                        continue;
                    }
                    let (written_at, body) = &literal[0];
                    let mut inner = Map::new();
                    self.block(b.shape, body, &at, written_at, &mut inner, false);
                    self.out.rewrites.push((at, written_at.clone()));
                    insert(object, b.api, Value::Object(inner));
                }
                Nest::Many => {
                    if literal.is_empty() && generated.is_empty() {
                        self.missing_block(b, tf);
                        continue;
                    }
                    // In the order written: a `dynamic` block's entries land where it stands.
                    // Literal blocks alone are in that order already, and need no positions
                    // (looking one up puts every span of the file in order).
                    let mixed = !generated.is_empty() && !literal.is_empty();
                    let position = |p: &Pointer| {
                        if mixed {
                            (self.position)(&self.prefix.join(p))
                        } else {
                            None
                        }
                    };
                    let mut entries: Vec<(Option<usize>, bool, Pointer, &Value)> = literal
                        .into_iter()
                        .map(|(p, v)| (position(&p), false, p, v))
                        .chain(
                            generated
                                .into_iter()
                                .map(|(p, v)| (position(&p), true, p, v)),
                        )
                        .collect();
                    entries.sort_by_key(|(position, dynamic, ..)| (*position, *dynamic));
                    // A set of blocks keeps one of two identical blocks (lists keep both).
                    if !LIST_BLOCKS.contains(&b.tf) {
                        let mut seen: Vec<&Value> = Vec::new();
                        entries.retain(|(_, is_dynamic, _, body)| {
                            if *is_dynamic || !seen.contains(body) {
                                seen.push(body);
                                true
                            } else {
                                false
                            }
                        });
                    }
                    let list_at = at.parent();
                    let mut items = Vec::new();
                    for (i, (_, is_dynamic, written_at, body)) in entries.into_iter().enumerate() {
                        let item_at = at.index(i);
                        self.out
                            .rewrites
                            .push((item_at.clone(), written_at.clone()));
                        if is_dynamic {
                            items.push(placeholder(&format!("dynamic \"{}\"", b.tf)));
                            continue;
                        }
                        let mut inner = Map::new();
                        self.block(b.shape, body, &item_at, &written_at, &mut inner, false);
                        items.push(Value::Object(inner));
                    }
                    self.out.rewrites.push((list_at, tf.key(b.tf)));
                    insert_list(object, b.api, items);
                }
            }
        }
        // What Terraform refuses: an argument or block the resource does not have. (A plan also
        // holds what the provider computes, and nothing Terraform refused.)
        for (key, _) in members.iter().filter(|_| !self.plan) {
            let known = shape.args.iter().any(|a| a.tf == *key)
                || shape.blocks.iter().any(|b| b.tf == *key)
                || META_BLOCKS.contains(&key.as_str())
                || (top && NOT_SENT.contains(&key.as_str()));
            if known {
                continue;
            }
            let mut respell = None;
            let help = if top && COMPUTED.contains(&key.as_str()) {
                format!("remove it: the provider sets `{key}` itself")
            } else if let Some(place) = known_elsewhere(key) {
                format!("`{key}` belongs inside `{place}`")
            } else {
                let names = shape
                    .args
                    .iter()
                    .map(|a| a.tf)
                    .chain(shape.blocks.iter().map(|b| b.tf));
                respell = rules::text::closest(key, names);
                match respell {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => "remove it".to_owned(),
                }
            };
            self.out.problems.push(Problem {
                rule: &rules::UNKNOWN_MEMBER,
                at: tf.key(key),
                message: format!(
                    "{} has no argument or block `{key}`: Terraform rejects the configuration (Unsupported argument)",
                    block_name(tf)
                ),
                help: Some(help),
                respell,
            });
        }
    }

    /// A required block the resource does not have (a plan holds none missing).
    fn missing_block(&mut self, b: &Blk, tf: &Pointer) {
        if b.required && !self.plan {
            self.out.problems.push(Problem {
                rule: &rules::MISSING_MEMBER,
                at: tf.clone(),
                message: format!("{} has no `{}` block, which it requires: Terraform rejects the configuration (Insufficient {} blocks)", block_name(tf), b.tf, b.tf),
                help: Some(format!("add `{} {{ … }}`", b.tf)),
                respell: None,
            });
        }
    }

    /// A value with a variable's literal default in place of `${var.x}`, noted.
    fn resolve<'v>(&mut self, value: &'v Value, at: &Pointer) -> std::borrow::Cow<'v, Value> {
        let reference = |prefix: &str| {
            value
                .as_str()
                .and_then(|s| s.trim().strip_prefix(prefix))
                .and_then(|s| s.strip_suffix('}'))
                .filter(|n| {
                    n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                })
        };
        // A local whose value is written out in the module is that value (no note: nothing
        // outside the module can change it).
        if let Some(local) = reference("${local.").and_then(|n| self.scope.locals.get(n)) {
            if !contains_placeholder(local) {
                return std::borrow::Cow::Owned(local.clone());
            }
        }
        let Some(name) = reference("${var.") else {
            return std::borrow::Cow::Borrowed(value);
        };
        let default = self
            .scope
            .variables
            .get(name)
            .and_then(|v| match v {
                Value::Array(list) => list.first(),
                other => Some(other),
            })
            .and_then(|v| v.get("default"))
            .filter(|d| !d.is_null() && !contains_placeholder(d));
        match default {
            Some(default) => {
                let file = self
                    .scope
                    .declared_in
                    .get(name)
                    .map(|f| format!(" in {f}"))
                    .unwrap_or_default();
                self.out.notes.push((
                    at.clone(),
                    format!("variable `{name}`'s default {}{file}", short(default)),
                ));
                std::borrow::Cow::Owned(default.clone())
            }
            None => std::borrow::Cow::Borrowed(value),
        }
    }

    /// Puts an argument's value at its place in the API object, recording where it is written.
    fn place(
        &mut self,
        object: &mut Map<String, Value>,
        api: &Pointer,
        path_in_block: &str,
        value: Value,
        at: &Pointer,
        written_at: &Pointer,
    ) {
        self.out.rewrites.push((at.clone(), written_at.clone()));
        if path_in_block.ends_with("Items") {
            // The list's own object (`AllowedMethods`) and its Quantity are the argument too,
            // unless another argument owns the object (`cached_methods` in AllowedMethods).
            let list = at.parent();
            if list != *api && !self.out.rewrites.iter().any(|(from, _)| *from == list) {
                self.out.rewrites.push((list, written_at.clone()));
            }
            if let Value::Array(items) = value {
                insert_list(object, path_in_block, items);
            } else {
                insert(object, path_in_block, value);
            }
        } else {
            insert(object, path_in_block, value);
        }
    }

    /// What the provider does to the config before it sends it.
    fn provider_semantics(&mut self, config: &mut Value) {
        let Some(config) = config.as_object_mut() else {
            return;
        };
        let origin_count = config
            .get("Origins")
            .and_then(|o| o.get("Items"))
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for i in 0..origin_count {
            let Some(origin) = config
                .get_mut("Origins")
                .and_then(|o| o.get_mut("Items"))
                .and_then(|l| l.get_mut(i))
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            // No config block: the provider sends an S3 origin (with no OAI).
            let has_config = ["CustomOriginConfig", "S3OriginConfig", "VpcOriginConfig"]
                .iter()
                .any(|k| origin.contains_key(*k));
            let at = crate::ptr!["Origins", "Items", i];
            let generated = self.out.rewrites.iter().any(|(from, to)| {
                from.as_str().starts_with(at.as_str()) && to.as_str().contains("/dynamic/")
            });
            if !has_config && !generated {
                origin.insert(
                    "S3OriginConfig".to_owned(),
                    serde_json::json!({"OriginAccessIdentity": ""}),
                );
                let filled = at.key("S3OriginConfig");
                self.out.notes.push((
                    filled.clone(),
                    "the `s3_origin_config` the provider sends for an origin with no config block"
                        .to_owned(),
                ));
                self.out.filled.push(filled);
            }
            // Sent only when above zero.
            if origin.get("ResponseCompletionTimeout") == Some(&Value::from(0)) {
                origin.remove("ResponseCompletionTimeout");
            }
        }
        let behaviors: Vec<Pointer> = std::iter::once(crate::ptr!["DefaultCacheBehavior"])
            .chain(
                (0..config
                    .get("CacheBehaviors")
                    .and_then(|c| c.get("Items"))
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len))
                    .map(|i| crate::ptr!["CacheBehaviors", "Items", i]),
            )
            .collect();
        for at in behaviors {
            let Some(behavior) = pointer_mut(config, &at).and_then(Value::as_object_mut) else {
                continue;
            };
            let policy = behavior
                .get("CachePolicyId")
                .is_some_and(|p| p.as_str() != Some(""));
            for ttl in ["MinTTL", "DefaultTTL", "MaxTTL"] {
                if policy {
                    // Beside a cache policy the provider drops the legacy TTLs.
                    behavior.remove(ttl);
                } else if !behavior.contains_key(ttl) {
                    // min_ttl defaults to 0; since provider 3.28 an omitted default_ttl or
                    // max_ttl is sent as 0 too.
                    behavior.insert(ttl.to_owned(), Value::from(0));
                    self.out.filled.push(at.key(ttl));
                    if ttl != "MinTTL" {
                        let name = if ttl == "MaxTTL" {
                            "max_ttl"
                        } else {
                            "default_ttl"
                        };
                        self.out.notes.push((
                            at.key(ttl),
                            format!("`{name}` left out, which the provider sends as 0"),
                        ));
                    }
                }
            }
            for signers in ["TrustedSigners", "TrustedKeyGroups"] {
                if let Some(Value::Object(list)) = behavior.get_mut(signers) {
                    let enabled = match list.get("Items") {
                        Some(Value::Array(items)) => Value::Bool(!items.is_empty()),
                        _ => placeholder(signers),
                    };
                    list.insert("Enabled".to_owned(), enabled);
                }
            }
        }
        if let Some(Value::Object(certificate)) = config.get_mut("ViewerCertificate") {
            // The provider's precedence: an IAM id, else an ACM ARN, else the default certificate.
            let sources = [
                "IAMCertificateId",
                "ACMCertificateArn",
                "CloudFrontDefaultCertificate",
            ];
            let chosen = sources.iter().position(|k| {
                certificate
                    .get(*k)
                    .is_some_and(|v| v.as_str() != Some("") && v != &Value::Bool(false))
            });
            match chosen {
                Some(chosen) => {
                    for k in &sources[chosen + 1..] {
                        certificate.remove(*k);
                    }
                    if chosen == 2 {
                        certificate.remove("SSLSupportMethod");
                    }
                }
                None => {
                    // `viewer_certificate {}`: the provider sends no source but this.
                    certificate.retain(|k, _| !sources.contains(&k.as_str()));
                    certificate.insert(
                        "CloudFrontDefaultCertificate".to_owned(),
                        Value::Bool(false),
                    );
                    certificate.remove("SSLSupportMethod");
                }
            }
        }
        if let Some(Value::Object(logging)) = config.get_mut("Logging") {
            let enabled = match logging.get("Bucket") {
                Some(Value::String(b)) => Value::Bool(!b.is_empty()),
                Some(_) => Value::Bool(true),
                None => Value::Bool(false),
            };
            logging.insert("Enabled".to_owned(), enabled);
        }
        if let Some(items) = config
            .get_mut("CustomErrorResponses")
            .and_then(|c| c.get_mut("Items"))
            .and_then(Value::as_array_mut)
        {
            for response in items.iter_mut().filter_map(Value::as_object_mut) {
                // A number in Terraform, a string in the API; 0 means unset.
                match response.get("ResponseCode") {
                    Some(Value::String(s)) if s == "0" || s.is_empty() => {
                        response.remove("ResponseCode");
                    }
                    _ => {}
                }
            }
        }
    }
}

/// `resource aws_cloudfront_distribution.cdn`, `origin`, … for messages.
fn block_name(tf: &Pointer) -> String {
    let block = tf
        .segments()
        .filter(|s| s.parse::<usize>().is_err() && s != "dynamic" && s != "content")
        .last()
        .map(|s| s.into_owned());
    match block {
        Some(name) => format!("`{name}`"),
        None => "the distribution".to_owned(),
    }
}

/// Where an argument misplaced at this level belongs (`geo_restriction` → `restrictions`).
fn known_elsewhere(key: &str) -> Option<String> {
    known_paths()
        .into_iter()
        .find(|p| p.rsplit_once('/').is_some_and(|(_, name)| name == key))
        .and_then(|p| p.rsplit_once('/').map(|(parent, _)| parent.to_owned()))
}

/// The bodies of a block written once or more: HCL gives an array; the JSON syntax an object or
/// an array; a plan an array.
fn bodies<'v>(written: Option<&'v Value>, at: &Pointer) -> Vec<(Pointer, &'v Value)> {
    match written {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_object())
            .map(|(i, v)| (at.index(i), v))
            .collect(),
        Some(v @ Value::Object(_)) => vec![(at.clone(), v)],
        _ => Vec::new(),
    }
}

/// A plan's values with what is known only after apply (`after_unknown`) as placeholders. An
/// unknown `default_ttl` or `max_ttl` stays out: on create the provider sends 0 for it.
fn with_unknowns(values: &Value, unknown: &Value) -> Value {
    match (values, unknown) {
        (_, Value::Bool(true)) => placeholder("known after apply"),
        (Value::Object(_) | Value::Null, Value::Object(u)) => {
            let mut out = values.as_object().cloned().unwrap_or_default();
            for (key, u) in u {
                if (key == "default_ttl" || key == "max_ttl") && u == &Value::Bool(true) {
                    continue;
                }
                let v = values.get(key).unwrap_or(&Value::Null);
                if u.is_object() || u.is_array() || u == &Value::Bool(true) {
                    out.insert(key.clone(), with_unknowns(v, u));
                }
            }
            Value::Object(out)
        }
        (Value::Array(v), Value::Array(u)) => Value::Array(
            (0..v.len().max(u.len()))
                .map(|i| {
                    let value = v.get(i).unwrap_or(&Value::Null);
                    u.get(i).map_or(value.clone(), |u| with_unknowns(value, u))
                })
                .collect(),
        ),
        (v, _) => v.clone(),
    }
}

/// A value Terraform computes, as its JSON syntax writes one.
fn placeholder(what: &str) -> Value {
    Value::String(format!("${{{what}}}"))
}

fn is_placeholder(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s.contains("${"))
}

fn contains_placeholder(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains("${"),
        Value::Array(list) => list.iter().any(contains_placeholder),
        Value::Object(map) => map.values().any(contains_placeholder),
        _ => false,
    }
}

/// A value as Terraform converts it to the argument's type: `"80"` is 80 for a number, `true` is
/// `"true"` for a string; sets lose exact duplicates. What does not convert stays as written (the
/// schema reports it), and a placeholder stays a placeholder.
fn convert(value: std::borrow::Cow<Value>, ty: Ty) -> Value {
    let value = value.into_owned();
    if is_placeholder(&value) {
        return value;
    }
    let scalar = |v: Value, ty: Ty| -> Value {
        match (ty, &v) {
            (Str, Value::Number(n)) => Value::String(n.to_string()),
            (Str, Value::Bool(b)) => Value::String(b.to_string()),
            (Num | NumSet, Value::String(s)) => s
                .trim()
                .parse::<i64>()
                .map(Value::from)
                .or_else(|_| s.trim().parse::<f64>().map(Value::from))
                .unwrap_or(v),
            (Bool, Value::String(s)) if s == "true" || s == "false" => Value::Bool(s == "true"),
            (StrSet | StrList, Value::Number(_) | Value::Bool(_)) => Value::String(v.to_string()),
            _ => v,
        }
    };
    match (ty, value) {
        (StrSet | NumSet | StrList, Value::Array(list)) => {
            let mut out: Vec<Value> = Vec::with_capacity(list.len());
            for v in list {
                let v = scalar(v, ty);
                if ty == StrList || is_placeholder(&v) || !out.contains(&v) {
                    out.push(v);
                }
            }
            Value::Array(out)
        }
        (_, v) => scalar(v, ty),
    }
}

fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    };
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

fn path(base: &Pointer, relative: &str) -> Pointer {
    relative.split('/').fold(base.clone(), |p, s| p.key(s))
}

/// Inserts `value` at a relative path (`Aliases/Items`), making the objects on the way.
fn insert(object: &mut Map<String, Value>, relative: &str, value: Value) {
    let mut segments: Vec<&str> = relative.split('/').collect();
    let last = segments.pop().unwrap_or_default();
    let mut at = object;
    for s in segments {
        let entry = at
            .entry(s.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let Value::Object(next) = entry else { return };
        at = next;
    }
    at.insert(last.to_owned(), value);
}

/// Inserts a list at `…/Items` with its Quantity beside it.
fn insert_list(object: &mut Map<String, Value>, relative: &str, items: Vec<Value>) {
    let quantity = Value::from(items.len());
    insert(object, relative, Value::Array(items));
    if let Some(parent) = relative.strip_suffix("Items") {
        insert(object, &format!("{parent}Quantity"), quantity);
    }
}

fn pointer_mut<'v>(config: &'v mut Map<String, Value>, at: &Pointer) -> Option<&'v mut Value> {
    let mut segments = at.segments();
    let first = segments.next()?;
    let mut value = config.get_mut(first.as_ref())?;
    for s in segments {
        value = match value {
            Value::Object(map) => map.get_mut(s.as_ref())?,
            Value::Array(list) => list.get_mut(s.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn translated(body: Value) -> Translation {
        let resource = Resource {
            address: "aws_cloudfront_distribution.cdn".into(),
            prefix: Pointer::root(),
            body: &body,
            hcl: true,
            plan: false,
            unknown: None,
        };
        translate(&resource, &Scope::default(), &|_| None)
    }

    fn minimal() -> Value {
        json!({
            "enabled": true,
            "origin": [{"origin_id": "a", "domain_name": "a.example.com"}],
            "default_cache_behavior": [{
                "target_origin_id": "a", "viewer_protocol_policy": "redirect-to-https",
                "allowed_methods": ["GET", "HEAD", "GET"], "cached_methods": ["GET", "HEAD"],
                "forwarded_values": [{"query_string": false, "cookies": [{"forward": "none"}]}]
            }],
            "restrictions": [{"geo_restriction": [{"restriction_type": "none"}]}],
            "viewer_certificate": [{"cloudfront_default_certificate": true, "acm_certificate_arn": "arn:aws:acm:us-east-1:1:certificate/x"}]
        })
    }

    #[test]
    fn the_provider_fills_in_and_decides() {
        let t = translated(minimal());
        let v = &t.value;
        assert!(
            t.problems.is_empty(),
            "{:?}",
            t.problems.iter().map(|p| &p.message).collect::<Vec<_>>()
        );
        // No config block: an S3 origin.
        assert_eq!(
            v["Origins"]["Items"][0]["S3OriginConfig"],
            json!({"OriginAccessIdentity": ""})
        );
        assert_eq!(v["Origins"]["Quantity"], json!(1));
        // A set: duplicates vanish, Quantity counts what is left.
        assert_eq!(
            v["DefaultCacheBehavior"]["AllowedMethods"],
            json!({"Quantity": 2, "Items": ["GET", "HEAD"], "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]}})
        );
        // Omitted TTLs are sent as 0.
        assert_eq!(v["DefaultCacheBehavior"]["DefaultTTL"], json!(0));
        assert!(t
            .filled
            .contains(&crate::ptr!["DefaultCacheBehavior", "MaxTTL"]));
        // The ACM certificate wins over the default one.
        assert_eq!(
            v["ViewerCertificate"].get("CloudFrontDefaultCertificate"),
            None
        );
        assert_eq!(
            v["ViewerCertificate"]["MinimumProtocolVersion"],
            json!("TLSv1")
        );
        assert_eq!(
            v["Restrictions"]["GeoRestriction"],
            json!({"RestrictionType": "none"})
        );
    }

    #[test]
    fn pointers_lead_back_to_what_is_written() {
        let t = translated(minimal());
        let target = crate::form::Target {
            value: &t.value,
            prefix: crate::ptr!["resource", "aws_cloudfront_distribution", "cdn"],
            form: crate::form::Form::Terraform,
            resource: None,
            template: None,
            rewrites: t.rewrites.clone(),
            filled: Vec::new(),
            notes: Vec::new(),
            tags: None,
            operation: None,
        };
        let file = |p: Pointer| target.to_file(&p).to_string();
        let base = "/resource/aws_cloudfront_distribution/cdn";
        assert_eq!(
            file(crate::ptr!["Origins", "Items", 0, "Id"]),
            format!("{base}/origin/0/origin_id")
        );
        assert_eq!(
            file(crate::ptr![
                "DefaultCacheBehavior",
                "AllowedMethods",
                "Items",
                1
            ]),
            format!("{base}/default_cache_behavior/0/allowed_methods/1")
        );
        assert_eq!(
            file(crate::ptr![
                "DefaultCacheBehavior",
                "AllowedMethods",
                "CachedMethods",
                "Quantity"
            ]),
            format!("{base}/default_cache_behavior/0/cached_methods")
        );
        assert_eq!(
            file(crate::ptr!["DefaultCacheBehavior", "MaxTTL"]),
            format!("{base}/default_cache_behavior/0/max_ttl")
        );
        assert_eq!(file(crate::ptr!["Origins"]), format!("{base}/origin"));
    }

    #[test]
    fn what_terraform_refuses() {
        let mut body = minimal();
        body["geo_restriction"] = json!([{"restriction_type": "none"}]);
        body["arn"] = json!("x");
        body.as_object_mut().unwrap().remove("enabled");
        body["default_cache_behavior"][0]
            .as_object_mut()
            .unwrap()
            .remove("viewer_protocol_policy");
        body["viewer_certificate"] = json!({"cloudfront_default_certificate": true});
        body["tags"] = json!([{"Name": "x"}]);
        let t = translated(body);
        let problems: Vec<String> = t
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{} {} {}",
                    p.rule.code,
                    p.at,
                    p.help.clone().unwrap_or_default()
                )
            })
            .collect();
        assert_eq!(
            problems,
            [
                "CF011  add `enabled = …`",
                "CF012 /tags write `tags = { … }`, with `=`",
                "CF011 /default_cache_behavior/0 add `viewer_protocol_policy = …`",
                "CF012 /viewer_certificate write `viewer_certificate { … }`, without `=`",
                "CF010 /arn remove it: the provider sets `arn` itself",
                "CF010 /geo_restriction `geo_restriction` belongs inside `restrictions`",
            ]
        );
    }

    #[test]
    fn computed_values_and_dynamic_blocks_stay_unknown() {
        let mut body = minimal();
        body["origin"][0]["domain_name"] = json!("${var.domain}");
        body["dynamic"] = json!({"origin": [{"for_each": "${var.origins}", "content": [{}]}]});
        body["default_cache_behavior"][0]["allowed_methods"] = json!("${local.methods}");
        body["default_cache_behavior"][0]["cache_policy_id"] =
            json!("658327ea-f89d-4fab-a63d-7e88639e58f6");
        body["default_cache_behavior"][0]["max_ttl"] = json!(100);
        let t = translated(body);
        let v = &t.value;
        assert_eq!(v["Origins"]["Quantity"], json!(2));
        assert_eq!(v["Origins"]["Items"][1], json!("${dynamic \"origin\"}"));
        // A set: an identical block is the same element.
        let mut body = minimal();
        body["origin"] = json!([{"origin_id": "a", "domain_name": "a.example.com"}, {"origin_id": "a", "domain_name": "a.example.com"}]);
        assert_eq!(translated(body).value["Origins"]["Quantity"], json!(1));
        assert_eq!(
            v["Origins"]["Items"][0]["DomainName"],
            json!("${var.domain}")
        );
        assert_eq!(
            v["DefaultCacheBehavior"]["AllowedMethods"]["Items"],
            json!("${local.methods}")
        );
        // TTLs beside a cache policy are dropped, written or not.
        assert_eq!(v["DefaultCacheBehavior"].get("MaxTTL"), None);
        assert_eq!(v["DefaultCacheBehavior"].get("MinTTL"), None);
    }

    #[test]
    fn a_variable_with_a_literal_default_is_its_default() {
        let mut body = minimal();
        body["default_root_object"] = json!("${var.root}");
        let scope = Scope::of(&json!({
            "variable": {"root": {"default": "/index.html"}},
            "locals": [{"id": "site"}]
        }));
        body["origin"][0]["origin_id"] = json!("${local.id}");
        let resource = Resource {
            address: "x".into(),
            prefix: Pointer::root(),
            body: &body,
            hcl: true,
            plan: false,
            unknown: None,
        };
        let t = translate(&resource, &scope, &|_| None);
        assert_eq!(t.value["DefaultRootObject"], json!("/index.html"));
        assert_eq!(t.value["Origins"]["Items"][0]["Id"], json!("site"));
        let note = t
            .notes
            .iter()
            .find(|(p, _)| *p == crate::ptr!["DefaultRootObject"]);
        assert_eq!(note.unwrap().1, "variable `root`'s default \"/index.html\"");
    }
}
