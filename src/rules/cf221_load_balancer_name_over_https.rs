//! CF221 load-balancer-name-over-https. Documentation: rules/CF221-load-balancer-name-over-https.md

use super::text::is_placeholder;
use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::model::items;
use crate::ptr;

pub struct LoadBalancerNameOverHttps;

static META: RuleMeta = RuleMeta {
    code: "CF221",
    name: "load-balancer-name-over-https",
    severity: Severity::Warning,
    summary: "HTTPS to an origin named by its AWS-generated `*.elb.amazonaws.com` name without the Host header: no certificate covers that name, so every request gets a 502",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF221-load-balancer-name-over-https.md"),
    controls: &[],
    default_on: true,
};

impl Rule for LoadBalancerNameOverHttps {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        for (i, origin) in items(&config.origins) {
            let (Some(domain), Some(id), Some(custom)) =
                (origin.domain_name, origin.id, &origin.custom_origin_config)
            else {
                continue;
            };
            let lower = domain.to_ascii_lowercase();
            if is_placeholder(domain)
                || !(lower.ends_with(".elb.amazonaws.com")
                    || lower.ends_with(".elb.amazonaws.com.cn"))
            {
                continue;
            }
            let when = match custom.origin_protocol_policy {
                Some("https-only") => "every request",
                Some("match-viewer") => "every HTTPS request",
                _ => continue,
            };
            // Forwarding Host makes CloudFront check the certificate against the viewer's host.
            let hosts: Vec<Option<bool>> = config
                .behaviors_reaching(id)
                .map(|b| b.behavior.forwards_host())
                .collect();
            if hosts.is_empty() || hosts.iter().any(|h| *h != Some(false)) {
                continue;
            }
            cx.report(
                &META,
                &ptr!["Origins", "Items", i, "DomainName"],
                format!("CloudFront connects to `{domain}` over HTTPS and requires the load balancer's certificate to cover that name, but no certificate can be issued for an AWS-generated load balancer name: {when} fails with a 502"),
            )
            .help("make DomainName a name of your own that the load balancer's certificate covers (a Route 53 alias such as origin.example.com), or forward the Host header (the managed AllViewer origin request policy) so CloudFront checks the certificate against the viewer's host name")
            .push(out);
        }
    }
}
