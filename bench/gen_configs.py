#!/usr/bin/env python3
"""Generate realistic CloudFront DistributionConfig JSON files for benchmarking.

Deterministic: the same --seed and --count always produce byte-identical files
(each file has its own RNG seeded from (seed, index), so file k is the same
whatever --count is).

    python3 bench/gen_configs.py --out target/bench-data/tree            # 2,000 files, ~90 MB
    python3 bench/gen_configs.py --single target/bench-data/single.json  # one ~10 KB config

The configs use the exact AWS API shape (every list is {"Quantity": n, "Items": [...]}),
as `aws cloudfront get-distribution-config` prints it, pretty-printed. About 5% of the tree
files carry one deliberate, realistic mistake (a Quantity off by one, a TargetOriginId typo)
so that the linter has findings to render; --manifest lists them.

Standard library only.
"""

import argparse
import json
import os
import random
import sys
import uuid

ACCOUNT = "123456789012"

# AWS managed policy IDs (public constants).
CACHE_POLICIES = {
    "CachingOptimized": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    "CachingDisabled": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "CachingOptimizedForUncompressedObjects": "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
    "Amplify": "2e54312d-136d-493c-8eb9-b001f22f67d2",
}
ORIGIN_REQUEST_POLICIES = {
    "AllViewer": "216adef6-5c7f-47e4-b989-5492eafa07d3",
    "AllViewerExceptHostHeader": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    "CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    "CORS-CustomOrigin": "59781a5b-3903-41f3-afcb-af62929ccde1",
    "UserAgentRefererHeaders": "acba4595-bd28-49b8-b9fe-13317c0390fa",
}
RESPONSE_HEADERS_POLICIES = {
    "SecurityHeadersPolicy": "67f7725c-6f97-4210-82d7-5512b31e9d03",
    "CORS-With-Preflight": "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
    "SimpleCORS": "60669652-455b-4ae9-85a4-c4c02393f86c",
    "CORS-and-SecurityHeadersPolicy": "e61eb60c-9c35-4d20-a928-2b84e02af89c",
}

ENVS = ["prod", "staging", "dev", "sandbox"]
TEAMS = ["platform", "web", "media", "payments", "search", "mobile", "identity", "data", "growth", "docs"]
SERVICES = [
    "storefront", "checkout", "catalog", "account", "images", "video", "downloads", "docs-site",
    "marketing", "blog", "status", "partner-portal", "admin", "graphql", "mobile-api", "auth",
    "help-center", "cdn-assets", "reports", "search-ui", "maps", "notifications", "billing", "uploads",
]
SECTIONS = ["api", "static", "assets", "media", "img", "js", "css", "fonts", "downloads", "docs",
            "app", "auth", "v1", "v2", "internal", "public", "content", "feeds", "thumbnails", "video"]
SLUGS = ["users", "orders", "cart", "search", "products", "reviews", "inventory", "pricing", "profile",
         "session", "login", "logout", "oauth", "tokens", "reports", "exports", "uploads", "avatars",
         "banners", "catalog", "checkout", "payments", "invoices", "webhooks", "events", "metrics",
         "health", "config", "flags", "locales", "manifest", "sitemaps", "rss", "previews", "player",
         "hls", "dash", "captions", "posters", "vendor", "bundles", "chunks", "widgets", "embed",
         "partners", "affiliates", "coupons", "gift-cards", "wishlists", "recommendations", "geo",
         "stores", "shipping", "returns", "support", "tickets", "chat", "notifications", "graphql"]
EXTS = ["js", "css", "png", "jpg", "webp", "svg", "woff2", "json", "mp4", "m3u8", "ts", "pdf", "html"]
CUSTOM_HEADERS = [
    ("X-Origin-Verify", None), ("X-Forwarded-Service", "svc"), ("X-Environment", "env"),
    ("X-Cdn-Provider", "cloudfront"), ("X-Tenant", "acme"), ("X-Team", "team"),
    ("X-Shared-Secret", None), ("X-Request-Source", "edge"),
]
LEGACY_HEADERS_CUSTOM = ["Authorization", "Accept", "Accept-Language", "Origin", "Referer",
                         "CloudFront-Viewer-Country", "CloudFront-Is-Mobile-Viewer", "User-Agent",
                         "Access-Control-Request-Method", "Access-Control-Request-Headers",
                         "X-Api-Version", "X-Client-Id", "CloudFront-Is-Desktop-Viewer"]
LEGACY_HEADERS_S3 = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"]
COOKIES = ["session", "sid", "locale", "ab_bucket", "cart_id", "csrftoken", "remember_me", "theme"]
QS_KEYS = ["page", "limit", "q", "sort", "lang", "v", "w", "h", "format", "quality", "id", "ref"]
COUNTRIES = ["US", "CA", "GB", "DE", "FR", "NL", "IE", "ES", "IT", "SE", "JP", "AU", "NZ", "BR", "MX", "IN", "SG"]
BLOCKED = ["KP", "IR", "SY", "CU", "RU", "BY"]
S3_REGIONS = ["us-east-1", "us-east-1", "us-east-1", "us-west-2", "eu-west-1"]
CUSTOM_TLDS = ["example.com", "example.net", "example.org"]
SHIELD_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]


def q(items):
    """An AWS Quantity/Items wrapper: Items omitted when empty, as the CLI prints it."""
    if not items:
        return {"Quantity": 0}
    return {"Quantity": len(items), "Items": list(items)}


def rid(rng, n=14, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def ruuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class Gen:
    def __init__(self, rng, svc, env, team):
        self.rng = rng
        self.svc = svc
        self.env = env
        self.team = team
        self.lead_slash = rng.random() < 0.4

    # ---------------------------------------------------------------- origins
    def s3_origin(self, n, id_style):
        rng = self.rng
        region = rng.choice(S3_REGIONS)
        bucket = f"{self.env}-{self.svc}-bucket-{n}"
        domain = f"{bucket}.s3.{region}.amazonaws.com"
        oid = domain if id_style == 0 else f"S3-{bucket}"
        o = {
            "Id": oid,
            "DomainName": domain,
            "OriginPath": rng.choice(["", "", "", f"/{self.env}", "/public"]),
            "CustomHeaders": q([]),
            "S3OriginConfig": {"OriginAccessIdentity": ""},
            "ConnectionAttempts": 3,
            "ConnectionTimeout": 10,
            "OriginShield": {"Enabled": False},
            "OriginAccessControlId": "E" + rid(rng, 12),
        }
        return o, "s3"

    def custom_origin(self, n):
        rng = self.rng
        tld = rng.choice(CUSTOM_TLDS)
        domain = f"api-{n}.{self.svc}.{tld}" if rng.random() < 0.5 else f"api-{n}.{tld}"
        headers = []
        for name, val in rng.sample(CUSTOM_HEADERS, rng.randint(0, 4)):
            if val is None:
                value = rid(rng, 32, "abcdefghijklmnopqrstuvwxyz0123456789")
            elif val == "svc":
                value = self.svc
            elif val == "env":
                value = self.env
            elif val == "team":
                value = self.team
            else:
                value = val
            headers.append({"HeaderName": name, "HeaderValue": value})
        shield = {"Enabled": False}
        if rng.random() < 0.15:
            shield = {"Enabled": True, "OriginShieldRegion": rng.choice(SHIELD_REGIONS)}
        o = {
            "Id": f"api-{n}",
            "DomainName": domain,
            "OriginPath": rng.choice(["", "", "", "/v1", "/prod", f"/{self.svc}"]),
            "CustomHeaders": q(headers),
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": rng.choice([443, 443, 443, 8443]),
                "OriginProtocolPolicy": rng.choice(["https-only", "https-only", "https-only", "match-viewer"]),
                "OriginSslProtocols": q(["TLSv1.2"] if rng.random() < 0.8 else ["TLSv1.1", "TLSv1.2"]),
                "OriginReadTimeout": rng.choice([30, 30, 30, 60, 10]),
                "OriginKeepaliveTimeout": rng.choice([5, 5, 5, 10, 30]),
            },
            "ConnectionAttempts": 3,
            "ConnectionTimeout": 10,
            "OriginShield": shield,
            "OriginAccessControlId": "",
        }
        return o, "custom"

    # ---------------------------------------------------------------- behaviours
    def methods(self, kind, to_group):
        rng = self.rng
        if to_group or kind == "s3":
            if rng.random() < 0.3:
                allowed = ["HEAD", "GET", "OPTIONS"]
                cached = ["HEAD", "GET", "OPTIONS"] if rng.random() < 0.5 else ["HEAD", "GET"]
            else:
                allowed = ["HEAD", "GET"]
                cached = ["HEAD", "GET"]
        else:
            allowed = ["HEAD", "DELETE", "POST", "GET", "OPTIONS", "PUT", "PATCH"]
            cached = ["HEAD", "GET"]
        d = q(allowed)
        d["CachedMethods"] = q(cached)
        return d

    def cache_settings(self, kind, legacy):
        """Either a cache policy (plus optional request/response policies) or legacy ForwardedValues+TTLs."""
        rng = self.rng
        if not legacy:
            d = {}
            if kind == "s3":
                d["CachePolicyId"] = rng.choice([CACHE_POLICIES["CachingOptimized"],
                                                 CACHE_POLICIES["CachingOptimizedForUncompressedObjects"],
                                                 ruuid(rng)])
                if rng.random() < 0.4:
                    d["OriginRequestPolicyId"] = ORIGIN_REQUEST_POLICIES["CORS-S3Origin"]
            else:
                d["CachePolicyId"] = rng.choice([CACHE_POLICIES["CachingDisabled"], CACHE_POLICIES["CachingDisabled"],
                                                 CACHE_POLICIES["CachingOptimized"], ruuid(rng)])
                if rng.random() < 0.7:
                    d["OriginRequestPolicyId"] = rng.choice([ORIGIN_REQUEST_POLICIES["AllViewerExceptHostHeader"],
                                                             ORIGIN_REQUEST_POLICIES["AllViewer"],
                                                             ORIGIN_REQUEST_POLICIES["CORS-CustomOrigin"],
                                                             ORIGIN_REQUEST_POLICIES["UserAgentRefererHeaders"],
                                                             ruuid(rng)])
            if rng.random() < 0.5:
                d["ResponseHeadersPolicyId"] = rng.choice(list(RESPONSE_HEADERS_POLICIES.values()) + [ruuid(rng)])
            return d, {}
        # Legacy cache settings.
        if kind == "s3":
            headers = rng.sample(LEGACY_HEADERS_S3, rng.choice([0, 0, 1, 3]))
            qs = False
            cookies = {"Forward": "none"}
        else:
            headers = rng.sample(LEGACY_HEADERS_CUSTOM, rng.randint(0, 8))
            qs = rng.random() < 0.7
            r = rng.random()
            if r < 0.5:
                cookies = {"Forward": "none"}
            elif r < 0.8:
                cookies = {"Forward": "whitelist", "WhitelistedNames": q(rng.sample(COOKIES, rng.randint(1, 5)))}
            else:
                cookies = {"Forward": "all"}
        qs_keys = rng.sample(QS_KEYS, rng.randint(0, 6)) if qs and rng.random() < 0.6 else []
        fv = {
            "QueryString": qs,
            "Cookies": cookies,
            "Headers": q(headers),
            "QueryStringCacheKeys": q(qs_keys),
        }
        min_ttl, default_ttl, max_ttl = rng.choice([(0, 86400, 31536000), (0, 3600, 86400), (0, 0, 0),
                                                    (0, 300, 3600), (60, 86400, 31536000)])
        return {}, {"ForwardedValues": fv, "MinTTL": min_ttl, "DefaultTTL": default_ttl, "MaxTTL": max_ttl}

    def edge_functions(self, to_group):
        rng = self.rng
        funcs, lambdas = [], []
        used = set()
        if rng.random() < 0.25:
            ev = rng.choice(["viewer-request", "viewer-request", "viewer-response"])
            used.add(ev)
            name = rng.choice(["url-rewrite", "add-security-headers", "redirect-www", "spa-index", "ab-test"])
            funcs.append({"FunctionARN": f"arn:aws:cloudfront::{ACCOUNT}:function/{self.env}-{name}",
                          "EventType": ev})
        if rng.random() < 0.12:
            events = ["viewer-request", "viewer-response"] if to_group else \
                ["viewer-request", "origin-request", "origin-response", "viewer-response"]
            for ev in rng.sample(events, rng.randint(1, 2)):
                # One function per event, and CloudFront Functions and Lambda@Edge never share the
                # viewer side of a behaviour (Developer Guide, "Restrictions on all edge functions").
                if ev in used or (funcs and ev.startswith("viewer-")):
                    continue
                used.add(ev)
                name = rng.choice(["edge-auth", "image-resize", "origin-router", "header-rewrite", "geo-redirect"])
                a = {"LambdaFunctionARN": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{self.svc}-{name}:{rng.randint(1, 90)}",
                     "EventType": ev,
                     "IncludeBody": False}
                if ev in ("viewer-request", "origin-request") and rng.random() < 0.2:
                    a["IncludeBody"] = True
                lambdas.append(a)
        return q(lambdas), q(funcs)

    def behavior(self, target, kind, to_group, path=None):
        rng = self.rng
        legacy = rng.random() < 0.4
        policies, legacy_fields = self.cache_settings(kind, legacy)
        lambdas, funcs = self.edge_functions(to_group)
        b = {}
        if path is not None:
            b["PathPattern"] = path
        b["TargetOriginId"] = target
        b["TrustedSigners"] = {"Enabled": False, "Quantity": 0}
        if rng.random() < 0.05:
            b["TrustedKeyGroups"] = {"Enabled": True, "Quantity": 1, "Items": [rid(rng, 14, "abcdef0123456789") + "-" + rid(rng, 8, "abcdef0123456789")]}
        else:
            b["TrustedKeyGroups"] = {"Enabled": False, "Quantity": 0}
        b["ViewerProtocolPolicy"] = rng.choice(["redirect-to-https", "redirect-to-https", "https-only"])
        b["AllowedMethods"] = self.methods(kind, to_group)
        b["SmoothStreaming"] = False
        b["Compress"] = kind == "s3" or rng.random() < 0.6
        b["LambdaFunctionAssociations"] = lambdas
        b["FunctionAssociations"] = funcs
        b["FieldLevelEncryptionId"] = ""
        b.update(policies)
        b.update(legacy_fields)
        return b

    def path(self, section, slug, kind):
        rng = self.rng
        pre = "/" if self.lead_slash else ""
        if kind == "s3":
            tail = rng.choice(["*", "*", f"*.{rng.choice(EXTS)}"])
        else:
            tail = rng.choice(["*", "*", "*", "v1/*", "v2/*"])
        return f"{pre}{section}/{slug}/{tail}"

    # ---------------------------------------------------------------- config
    def config(self, n_origins, n_behaviors, n_groups, file_no):
        rng = self.rng
        origins, kinds = [], {}
        n_s3 = max(1, min(n_origins - 1, round(n_origins * rng.uniform(0.25, 0.6))))
        id_style = rng.randint(0, 1)
        for k in range(n_origins):
            if k < n_s3:
                o, kind = self.s3_origin(k + 1, id_style)
            else:
                o, kind = self.custom_origin(k + 1)
            origins.append(o)
            kinds[o["Id"]] = kind
        rng.shuffle(origins)

        # Origin groups: pairs of origins of the same kind (primary + secondary region).
        groups, group_kind, in_group = [], {}, set()
        for g in range(n_groups):
            kind = "custom" if rng.random() < 0.7 else "s3"
            pool = [o for o in origins if kinds[o["Id"]] == kind and o["Id"] not in in_group]
            if len(pool) < 2:
                kind = "s3" if kind == "custom" else "custom"
                pool = [o for o in origins if kinds[o["Id"]] == kind and o["Id"] not in in_group]
            if len(pool) < 2:
                break
            primary, secondary = rng.sample(pool, 2)
            # Fast failover on the primary, as the Developer Guide recommends.
            primary["ConnectionAttempts"] = rng.choice([1, 2])
            primary["ConnectionTimeout"] = rng.choice([2, 3, 5])
            codes = sorted(rng.sample([500, 502, 503, 504], rng.randint(2, 4)))
            gid = f"{self.svc}-failover-{g + 1}"
            groups.append({
                "Id": gid,
                "FailoverCriteria": {"StatusCodes": q(codes)},
                "Members": q([{"OriginId": primary["Id"]}, {"OriginId": secondary["Id"]}]),
                "SelectionCriteria": "default",
            })
            group_kind[gid] = kind
            in_group.update([primary["Id"], secondary["Id"]])

        # Every standalone origin and every group is the target of at least one behaviour.
        targets = [o["Id"] for o in origins if o["Id"] not in in_group] + [g["Id"] for g in groups]
        rng.shuffle(targets)
        all_targets = targets[:]
        s3_targets = [t for t in targets if kinds.get(t) == "s3" or group_kind.get(t) == "s3"]

        def kind_of(t):
            return kinds.get(t) or group_kind[t]

        default_target = targets.pop(0) if rng.random() < 0.8 or not s3_targets else rng.choice(s3_targets)
        if default_target in targets:
            targets.remove(default_target)
        n_behaviors = max(n_behaviors, len(targets) + 1)
        assign = targets + [rng.choice(all_targets) for _ in range(n_behaviors - len(targets))]

        # Error pages live in a bucket that is not the default behaviour's origin.
        err_bucket = next((t for t in s3_targets if t != default_target and t in kinds), None)
        behaviors, used = [], set()
        if err_bucket is not None:
            pre = "/" if self.lead_slash else ""
            behaviors.append(self.behavior(err_bucket, "s3", False, f"{pre}errors/*"))
            used.add(("errors", ""))
            assign.remove(err_bucket)  # the errors/* behaviour already routes to it
        for t in assign:
            while True:
                sec, slug = rng.choice(SECTIONS), rng.choice(SLUGS)
                if (sec, slug) in used:
                    slug = f"{slug}-{rng.randint(2, 99)}"
                if (sec, slug) not in used:
                    break
            used.add((sec, slug))
            behaviors.append(self.behavior(t, kind_of(t), t in group_kind, self.path(sec, slug, kind_of(t))))
        rng.shuffle(behaviors)

        default = self.behavior(default_target, kind_of(default_target), default_target in group_kind)

        errors = []
        if rng.random() < 0.7:
            spa = rng.random() < 0.5
            for code in ([403, 404] if spa else [404]):
                errors.append({"ErrorCode": code, "ResponsePagePath": "/index.html" if spa else "/404.html",
                               "ResponseCode": "200" if spa else "404", "ErrorCachingMinTTL": rng.choice([0, 10, 300])})
            if err_bucket is not None:
                for code in sorted(rng.sample([500, 502, 503, 504], rng.randint(1, 4))):
                    errors.append({"ErrorCode": code, "ResponsePagePath": f"/errors/{code}.html",
                                   "ResponseCode": str(code), "ErrorCachingMinTTL": rng.choice([5, 10, 60])})

        tld = rng.choice(CUSTOM_TLDS)
        base = f"{self.svc}.{tld}" if self.env == "prod" else f"{self.svc}.{self.env}.{tld}"
        aliases = [base]
        for extra in rng.sample(["www", "cdn", "static", "m", "assets", "beta", "eu", "us"], rng.randint(0, 5)):
            aliases.append(f"{extra}.{base}")
        if rng.random() < 0.15:
            aliases.append(f"*.{base}")

        geo = {"RestrictionType": "none", "Quantity": 0}
        r = rng.random()
        if r < 0.1:
            geo = {"RestrictionType": "whitelist", **q(sorted(rng.sample(COUNTRIES, rng.randint(2, 10))))}
        elif r < 0.2:
            geo = {"RestrictionType": "blacklist", **q(sorted(rng.sample(BLOCKED, rng.randint(1, 4))))}

        cert = f"arn:aws:acm:us-east-1:{ACCOUNT}:certificate/{ruuid(rng)}"
        logging = {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""}
        if rng.random() < 0.7:
            logging = {"Enabled": True, "IncludeCookies": rng.random() < 0.2,
                       "Bucket": f"acme-{self.env}-cloudfront-logs.s3.amazonaws.com",
                       "Prefix": f"{self.team}/{self.svc}/"}
        web_acl = ""
        if rng.random() < 0.6:
            web_acl = f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/{self.env}-{self.team}-acl/{ruuid(rng)}"
        comment = f"{self.svc} ({self.env}) - owned by {self.team}; managed by infra repo, do not edit in console"
        cfg = {
            "CallerReference": f"{self.env}-{self.svc}-{file_no:04d}-{rid(rng, 8, '0123456789')}",
            "Aliases": q(aliases),
            "DefaultRootObject": rng.choice(["index.html", "index.html", ""]),
            "Origins": q(origins),
            "OriginGroups": q(groups),
            "DefaultCacheBehavior": default,
            "CacheBehaviors": q(behaviors),
            "CustomErrorResponses": q(errors),
            "Comment": comment[:128],
            "Logging": logging,
            "PriceClass": rng.choice(["PriceClass_All", "PriceClass_All", "PriceClass_100", "PriceClass_200"]),
            "Enabled": rng.random() < 0.95,
            "ViewerCertificate": {
                "CloudFrontDefaultCertificate": False,
                "ACMCertificateArn": cert,
                "SSLSupportMethod": "sni-only",
                "MinimumProtocolVersion": rng.choice(["TLSv1.2_2021", "TLSv1.2_2021", "TLSv1.2_2019"]),
                "Certificate": cert,
                "CertificateSource": "acm",
            },
            "Restrictions": {"GeoRestriction": geo},
            "WebACLId": web_acl,
            "HttpVersion": rng.choice(["http2", "http2", "http2and3"]),
            "IsIPV6Enabled": rng.random() < 0.85,
            "ContinuousDeploymentPolicyId": "",
            "Staging": False,
        }
        return cfg


# -------------------------------------------------------------------- mistakes
def all_wrappers(node, path=""):
    """Yield (json-pointer, dict) for every Quantity/Items wrapper that has Items."""
    if isinstance(node, dict):
        if "Quantity" in node and node.get("Items"):
            yield path, node
        for k, v in node.items():
            yield from all_wrappers(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from all_wrappers(v, f"{path}/{i}")


def typo(rng, s):
    kind = rng.randrange(4)
    i = rng.randrange(1, len(s) - 1)
    if kind == 0:      # dropped character
        return s[:i] + s[i + 1:]
    if kind == 1:      # swapped neighbours
        t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        return t if t != s else s + "s"
    if kind == 2:      # '-' written as '_' (or a character doubled)
        return s.replace("-", "_", 1) if "-" in s else s[:i] + s[i] + s[i:]
    return s + "-old"  # stale id left over from a rename


def inject_mistake(rng, cfg):
    """Mutate cfg with one realistic mistake; return a short description (pointer into the config)."""
    if rng.random() < 0.5:
        ptr, w = rng.choice(list(all_wrappers(cfg)))
        delta = rng.choice([-1, 1])
        w["Quantity"] += delta
        return f"quantity-off-by-one {ptr}/Quantity ({w['Quantity'] - delta} -> {w['Quantity']})"
    items = cfg["CacheBehaviors"].get("Items", [])
    if items and rng.random() < 0.85:
        i = rng.randrange(len(items))
        b, ptr = items[i], f"/CacheBehaviors/Items/{i}/TargetOriginId"
    else:
        b, ptr = cfg["DefaultCacheBehavior"], "/DefaultCacheBehavior/TargetOriginId"
    old = b["TargetOriginId"]
    valid = {o["Id"] for o in cfg["Origins"]["Items"]} | {g["Id"] for g in cfg["OriginGroups"].get("Items", [])}
    new = typo(rng, old)
    while new in valid:  # a typo that happens to name another origin is not a typo
        new = typo(rng, old)
    b["TargetOriginId"] = new
    return f"target-origin-typo {ptr} ({old} -> {b['TargetOriginId']})"


# -------------------------------------------------------------------- files
def wrap(rng, cfg):
    """Wrap the config the way it is found in infra repos."""
    r = rng.random()
    if r < 0.55:   # saved `aws cloudfront get-distribution-config` output
        return {"ETag": "E" + rid(rng, 13), "DistributionConfig": cfg}
    if r < 0.65:   # `update-distribution --cli-input-json` input
        return {"DistributionConfig": cfg, "Id": "E" + rid(rng, 13), "IfMatch": "E" + rid(rng, 13)}
    return cfg     # bare DistributionConfig (create-distribution --distribution-config file://...)


def rel_path(rng, i):
    env = ENVS[i % len(ENVS)] if rng.random() < 0.85 else rng.choice(ENVS)
    team = rng.choice(TEAMS)
    svc = rng.choice(SERVICES)
    name = rng.choice(["distribution-config", "cloudfront", "dist-config", "cdn"])
    return env, team, svc, os.path.join("accounts", env, team, f"{svc}-{name}-{i:04d}.json")


def size_params(rng):
    """Origins 4-40, behaviours 5-60, origin groups 0-3; skewed towards the large end so the
    average file is ~45 KB (the tree ~90 MB for 2,000 files)."""
    n_origins = min(40, max(4, int(4 + 37 * rng.random() ** 2.6)))
    n_behaviors = min(60, max(5, int(5 + 56 * rng.random() ** 3.2)))
    n_groups = rng.choice([0, 0, 1, 1, 2, 3])
    return n_origins, n_behaviors, n_groups


def dump(obj, indent):
    return json.dumps(obj, indent=indent, ensure_ascii=False) + "\n"


def generate_tree(out, count, seed, indent, mistake_rate, manifest):
    total, mistakes = 0, []
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        env, team, svc, rel = rel_path(rng, i)
        g = Gen(rng, svc, env, team)
        cfg = g.config(*size_params(rng), file_no=i)
        if rng.random() < mistake_rate:
            mistakes.append((rel, inject_mistake(rng, cfg)))
        text = dump(wrap(rng, cfg), indent).encode()
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text)
        total += len(text)
    if manifest:
        with open(manifest, "w") as f:
            for rel, what in mistakes:
                f.write(f"{rel}\t{what}\n")
    print(f"wrote {count} files, {total} bytes ({total / 1e6:.1f} MB, avg {total / max(count, 1) / 1e3:.1f} KB), "
          f"{len(mistakes)} with a deliberate mistake, under {out}", file=sys.stderr)


def generate_single(path, seed, indent, target=10_000):
    """One clean config of about `target` bytes: grow the behaviour count until it fits."""
    best = None
    for n_beh in range(2, 40):
        rng = random.Random(f"{seed}:single")
        g = Gen(rng, "storefront", "prod", "web")
        cfg = g.config(3, n_beh, 0, file_no=0)
        text = dump({"ETag": "E2QWRUHEXAMPLE", "DistributionConfig": cfg}, indent).encode()
        if best is None or abs(len(text) - target) < abs(len(best) - target):
            best = text
        if len(text) >= target:
            break
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(best)
    print(f"wrote {path}, {len(best)} bytes", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="output directory for the tree")
    ap.add_argument("--count", type=int, default=2000, help="number of files in the tree (default 2000)")
    ap.add_argument("--single", metavar="PATH", help="also write one ~10 KB config to PATH")
    ap.add_argument("--seed", default="cloudfront-lint-bench-1", help="RNG seed (default fixed)")
    ap.add_argument("--indent", type=int, default=2, help="JSON indent (default 2)")
    ap.add_argument("--mistake-rate", type=float, default=0.05, help="share of files with a deliberate mistake")
    ap.add_argument("--manifest", metavar="PATH", help="write 'file<TAB>mistake' lines for the deliberate mistakes")
    args = ap.parse_args()
    if not args.out and not args.single:
        ap.error("give --out DIR and/or --single PATH")
    if args.out:
        generate_tree(args.out, args.count, args.seed, args.indent, args.mistake_rate, args.manifest)
    if args.single:
        generate_single(args.single, args.seed, args.indent)


if __name__ == "__main__":
    main()
