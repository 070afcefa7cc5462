//! CF213 origin-domain-not-a-host. Documentation: rules/CF213-origin-domain-not-a-host.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct OriginDomainNotAHost;

static META: RuleMeta = RuleMeta {
    code: "CF213",
    name: "origin-domain-not-a-host",
    severity: Severity::Error,
    summary: "An origin DomainName with a scheme, a path or a port, where CloudFront takes a bare host name",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF213-origin-domain-not-a-host.md"),
};

impl Rule for OriginDomainNotAHost {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(domain) = origin.domain_name.as_deref() else { continue };
            if is_placeholder(domain) {
                continue;
            }
            let (what, help) = if let Some((scheme, rest)) = domain.split_once("://") {
                let host = rest.split(['/', ':']).next().unwrap_or(rest);
                (format!("starts with `{scheme}://`"), format!("write only the host, `{host}`, and choose the protocol with OriginProtocolPolicy"))
            } else if let Some((host, path)) = domain.split_once('/') {
                (format!("has a path (`/{path}`)"), format!("write only the host, `{host}`, and put the path in OriginPath (`/{}`)", path.trim_end_matches('/')))
            } else if let Some((host, port)) = domain.split_once(':') {
                (format!("has a port (`:{port}`)"), format!("write only the host, `{host}`, and set the port in CustomOriginConfig (HTTPPort or HTTPSPort)"))
            } else {
                continue;
            };
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "DomainName"],
                format!("origin DomainName `{domain}` {what}: CloudFront takes a bare host name and rejects the config (\"The parameter origin name cannot contain a colon\" for schemes and ports)"),
            )
            .help(help)
            .push(out);
        }
    }
}
