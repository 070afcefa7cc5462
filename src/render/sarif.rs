//! SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps). Our own serde
//! structs, as ruff, biome and cfn-guard do; tests/formats.rs validates the output against the
//! OASIS schema.

use super::FileResult;
use crate::finding::Severity;
use crate::rules::REGISTRY;
use serde::Serialize;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// Our columns count characters, as SARIF's `unicodeCodePoints` does.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    /// The first paragraph of the doc's "What it does".
    full_description: Text,
    /// The rule's page on the web.
    help_uri: String,
    /// The whole page: Markdown, and the same as plain text.
    help: Help,
    default_configuration: Configuration,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

/// SARIF's multiformat message string.
#[derive(Serialize)]
struct Help {
    text: String,
    markdown: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

/// SARIF's property bag: the control ids the rule implements, as tags.
#[derive(Serialize)]
struct Properties {
    tags: &'static [&'static str],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    logical_locations: [LogicalLocation<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    /// The JSON Pointer of the offending value.
    fully_qualified_name: &'a str,
    kind: &'static str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: every byte outside the unreserved set and `/` escaped.
pub(crate) fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn tags(controls: &'static [&'static str]) -> Option<Properties> {
    (!controls.is_empty()).then_some(Properties { tags: controls })
}

pub fn render(results: &[&FileResult]) -> String {
    let rules: Vec<ReportingDescriptor> = REGISTRY
        .iter()
        .map(|r| {
            let m = r.meta();
            ReportingDescriptor {
                id: m.code,
                name: m.name,
                short_description: Text {
                    text: m.summary.to_owned(),
                },
                full_description: Text {
                    text: m.description(),
                },
                help_uri: m.doc_url(),
                help: Help {
                    text: super::markdown::render(m.doc, 100, false),
                    markdown: m.doc,
                },
                default_configuration: Configuration {
                    level: level(m.severity),
                },
                properties: tags(m.controls),
            }
        })
        .collect();
    let mut out = Vec::new();
    for result in results {
        let artifact = uri(&result.path);
        for (f, (start, end)) in result.findings.iter().zip(&result.positions) {
            let rule_index = REGISTRY
                .iter()
                .position(|r| r.meta().code == f.code)
                .unwrap_or(0);
            let text = match &f.help {
                Some(help) => format!("{} (help: {help})", f.message),
                None => f.message.clone(),
            };
            let region =
                |range: &std::ops::Range<usize>, s: Option<(usize, usize, usize, usize)>| Region {
                    start_line: s.map(|s| s.0),
                    start_column: s.map(|s| s.1),
                    end_line: s.map(|s| s.2),
                    end_column: s.map(|s| s.3),
                    byte_offset: range.start,
                    byte_length: range.end - range.start,
                };
            out.push(SarifResult {
                rule_id: f.code,
                rule_index,
                level: level(f.severity),
                message: Text { text },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: artifact.clone(),
                        },
                        region: region(
                            &f.location.range,
                            Some((start.line, start.column, end.line, end.column)),
                        ),
                    },
                    logical_locations: [LogicalLocation {
                        fully_qualified_name: f.location.pointer.as_str(),
                        kind: "member",
                    }],
                }],
                related_locations: f
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| RelatedLocation {
                        id: i + 1,
                        physical_location: PhysicalLocation {
                            artifact_location: ArtifactLocation {
                                uri: artifact.clone(),
                            },
                            region: region(&l.location.range, None),
                        },
                        message: Text {
                            text: l.message.clone(),
                        },
                    })
                    .collect(),
                properties: tags(crate::rules::controls_of(f.code)),
            });
        }
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "cloudfront-lint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results: out,
        }],
    };
    serde_json::to_string_pretty(&log).expect("plain data serialises") + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_escaped() {
        assert_eq!(
            super::uri("infra/my cdn é.json"),
            "infra/my%20cdn%20%C3%A9.json"
        );
    }
}
