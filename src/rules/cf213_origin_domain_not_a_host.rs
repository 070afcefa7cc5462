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
    summary: "An origin DomainName with a scheme, a path or a port, or an IP address, where CloudFront takes a bare host name",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF213-origin-domain-not-a-host.md"),
    controls: &[],
    default_on: true,
};

impl Rule for OriginDomainNotAHost {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, origin) in items(&cx.config.origins) {
            let Some(domain) = origin.domain_name else {
                continue;
            };
            if is_placeholder(domain) {
                continue;
            }
            // scheme://host:port/path, any part but the host optional.
            let (scheme, rest) = match domain.split_once("://") {
                Some((scheme, rest)) => (Some(scheme), rest),
                None => (None, domain),
            };
            let (host_port, path) = rest
                .split_once('/')
                .map_or((rest, ""), |(h, p)| (h, p.trim_end_matches('/')));
            let (host, port) = host_port
                .split_once(':')
                .map_or((host_port, None), |(h, p)| (h, Some(p)));
            let has_path = rest.contains('/');
            if scheme.is_none() && port.is_none() && !has_path {
                if is_ip_address(domain) {
                    cx.report(
                        &META,
                        &ptr!["Origins", "Items", i, "DomainName"],
                        format!("origin DomainName `{domain}` is an IP address: CloudFront takes a publicly resolvable DNS name and rejects the config (\"The parameter origin name must be a domain name.\")"),
                    )
                    .help("give the server a DNS name (a Route 53 record pointing at the address, or the instance's public DNS name such as ec2-203-0-113-25.compute-1.amazonaws.com)")
                    .push(out);
                }
                continue;
            }
            let mut parts = Vec::new();
            if let Some(scheme) = scheme {
                parts.push(format!("starts with `{scheme}://`"));
            }
            if let Some(port) = port {
                parts.push(format!("has a port (`:{port}`)"));
            }
            if has_path {
                parts.push(if path.is_empty() {
                    "ends with `/`".to_owned()
                } else {
                    format!("has a path (`/{path}`)")
                });
            }
            let what = parts.join(" and ");
            let mut help = format!("write only the host, `{host}`");
            if scheme.is_some() {
                help.push_str("; choose the protocol with OriginProtocolPolicy");
            }
            if port.is_some() {
                help.push_str("; set the port in CustomOriginConfig (HTTPPort or HTTPSPort)");
            }
            if !path.is_empty() {
                help.push_str(&format!("; put `/{path}` in OriginPath"));
            }
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

/// `203.0.113.25` or an IPv6 address (`2001:db8::1`, bracketed or not; a colon alone is a port).
fn is_ip_address(domain: &str) -> bool {
    let bare = domain.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<std::net::IpAddr>().is_ok()
}
