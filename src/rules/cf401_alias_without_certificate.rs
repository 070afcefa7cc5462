//! CF401 alias-without-certificate. Documentation: rules/CF401-alias-without-certificate.md

use super::text::quoted_list;
use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Finding, Severity};
use crate::ptr;

pub struct AliasWithoutCertificate;

static META: RuleMeta = RuleMeta {
    code: "CF401",
    name: "alias-without-certificate",
    severity: Severity::Error,
    summary: "Alternate domain names (Aliases) with the default *.cloudfront.net certificate (CloudFront: InvalidViewerCertificate)",
    fix: FixAvailability::None,
    doc: include_str!("../../rules/CF401-alias-without-certificate.md"),
    controls: &[],
    default_on: true,
};

impl Rule for AliasWithoutCertificate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let config = cx.config;
        // A name computed by the template (`!Join`, `!Sub`) is still an alternate domain name.
        let Some(list) = config.aliases.as_ref().filter(|l| !l.computed) else {
            return;
        };
        let aliases: Vec<String> = (0..list.len())
            .map(|i| match list.iter().find(|(j, _)| *j == i) {
                Some((_, a)) => (*a).to_owned(),
                None => cx
                    .raw_at(&ptr!["Aliases", "Items", i])
                    .map_or_else(|| "?".to_owned(), crate::form::cloudformation::short_form),
            })
            .collect();
        if aliases.is_empty() {
            return;
        }
        // Read raw: CloudFormation spells the members AcmCertificateArn and IamCertificateId,
        // and may compute them with intrinsic functions.
        let certificate = cx.raw.get("ViewerCertificate");
        if certificate.is_some_and(crate::form::is_intrinsic) {
            return;
        }
        let custom = certificate.and_then(|c| c.as_object()).is_some_and(|c| {
            [
                "ACMCertificateArn",
                "AcmCertificateArn",
                "IAMCertificateId",
                "IamCertificateId",
            ]
            .iter()
            .any(|k| c.get(*k).is_some_and(|v| v.as_str() != Some("")))
        });
        // A ViewerCertificate of the wrong shape is the schema rules' business.
        if custom || certificate.is_some_and(|v| !v.is_object()) {
            return;
        }
        let shown: Vec<&str> = aliases.iter().take(3).map(String::as_str).collect();
        let mut report = cx.report(
            &META,
            &ptr!["Aliases", "Items"],
            format!(
                "{} {} served with the default *.cloudfront.net certificate: CloudFront rejects the config (InvalidViewerCertificate: an alternate domain name needs a trusted certificate that covers it)",
                quoted_list(&shown),
                if aliases.len() == 1 { "is" } else { "are" }
            ),
        )
        .anchor(Anchor::Key)
        .help("set ViewerCertificate.ACMCertificateArn to an ACM certificate in us-east-1 that covers these names, with SSLSupportMethod sni-only and MinimumProtocolVersion TLSv1.2_2021");
        if certificate.is_some() {
            report = report.label(
                &ptr!["ViewerCertificate"],
                Anchor::Key,
                "the default certificate",
            );
        }
        report.push(out);
    }
}
