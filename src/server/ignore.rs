//! "Ignore this rule here" for a CloudFormation template: the edit that adds a rule's code to the
//! resource's `Metadata: {cloudfront-lint: {ignore: [...]}}` (the shape `suppress::metadata`
//! reads), creating `Metadata`, the `cloudfront-lint` key or the list where they are missing. YAML
//! keeps the template's indentation (block style in block mappings); JSON stays valid JSON, laid
//! out as the object it goes into (one member a line at its indentation, or all on one line).

use crate::document::{self, Document, Locate, Syntax};
use crate::finding::Edit;
use crate::json::Pointer;
use serde_json::{json, Value};

/// A template parsed once for every "ignore here" edit a code action request asks for.
pub struct Template<'a> {
    text: &'a str,
    doc: Document<'a>,
    json: bool,
}

impl<'a> Template<'a> {
    /// `None` when the text does not parse.
    pub fn parse(text: &'a str, syntax: Syntax) -> Option<Template<'a>> {
        let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Some(Template {
            text,
            doc: document::parse(text, base, syntax).ok()?,
            json: syntax == Syntax::Json,
        })
    }

    /// Whether a finding at `pointer` (into the file) is inside a template resource, where its
    /// `Metadata` can ignore it (a finding on the resource itself is not: suppressions do not
    /// reach it).
    pub fn holds(pointer: &Pointer) -> bool {
        let mut segments = pointer.segments();
        segments.next().is_some_and(|s| s == "Resources")
            && segments.next().is_some()
            && segments.next().is_some()
    }

    /// The edit that makes the resource holding `pointer` ignore `code`; `None` when the pointer
    /// is not inside a resource or the metadata is written in a shape this does not edit.
    pub fn ignore(&self, pointer: &Pointer, code: &str) -> Option<Edit> {
        if !Template::holds(pointer) {
            return None;
        }
        let name = pointer.segments().nth(1)?.into_owned();
        let resource = Pointer::root().key("Resources").key(&name);
        let value = &self.doc.value;
        value.pointer(resource.as_str())?.as_object()?;
        let metadata = resource.key("Metadata");
        let Some(meta) = value.pointer(metadata.as_str()) else {
            let inner = json!({"cloudfront-lint": {"ignore": [code]}});
            return self.insert_member(&resource, "Metadata", &inner);
        };
        meta.as_object()?;
        let ours = metadata.key("cloudfront-lint");
        let Some(settings) = value.pointer(ours.as_str()) else {
            let inner = json!({"ignore": [code]});
            return self.insert_member(&metadata, "cloudfront-lint", &inner);
        };
        settings.as_object()?;
        let list = ours.key("ignore");
        match value.pointer(list.as_str()) {
            None => self.insert_member(&ours, "ignore", &json!([code])),
            Some(Value::Array(items)) => self.append_item(&list, items.len(), code),
            // One entry written alone (`ignore: CF204`): a list of it and the new one.
            Some(_) => {
                let range = self.doc.spans.locate(&list)?.value;
                let old = &self.text[range.clone()];
                Some(Edit {
                    range,
                    content: format!("[{old}, {}]", self.scalar(code)),
                })
            }
        }
    }
}

impl Template<'_> {
    /// `code` as the file writes a string.
    fn scalar(&self, code: &str) -> String {
        if self.json {
            Value::from(code).to_string()
        } else {
            code.to_owned()
        }
    }

    /// Where the line holding `offset` starts.
    fn line_start(&self, offset: usize) -> usize {
        self.text[..offset].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Where the line holding `offset` ends, before its line break.
    fn line_end(&self, offset: usize) -> usize {
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        if end > offset && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
    }

    /// The whitespace that starts the line holding `offset`.
    fn indent_of(&self, offset: usize) -> &str {
        let start = self.line_start(offset);
        let line = &self.text[start..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }

    /// The line break the file uses.
    fn newline(&self) -> &'static str {
        if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// Adds the member `key: value` to the object at `object`.
    fn insert_member(&self, object: &Pointer, key: &str, value: &Value) -> Option<Edit> {
        let located = self.doc.spans.locate(object)?;
        let members = self.doc.value.pointer(object.as_str())?.as_object()?;
        // The member written first (the map is sorted by key, not by place).
        let first = members
            .keys()
            .filter_map(|k| self.doc.spans.locate(&object.key(k))?.key)
            .map(|k| k.start)
            .min();
        let open = located.value.start;
        let flow = self.text[open..].starts_with('{');
        let nl = self.newline();
        if flow {
            let member = format!("{}: ", Value::from(key));
            let Some(first) = first else {
                // `{}`: the member alone.
                return Some(Edit {
                    range: open + 1..open + 1,
                    content: format!("{member}{}", compact(value)),
                });
            };
            let between = &self.text[open + 1..first];
            if !between.contains('\n') {
                return Some(Edit {
                    range: first..first,
                    content: format!("{member}{}, ", compact(value)),
                });
            }
            // One member a line: at the first one's indentation, nested one step further.
            let indent = self.indent_of(first);
            let outer = self.indent_of(open);
            let unit = indent.strip_prefix(outer).filter(|u| !u.is_empty());
            let unit = unit.unwrap_or("  ");
            let pretty = pretty(value, unit).replace('\n', &format!("{nl}{indent}"));
            return Some(Edit {
                range: first..first,
                content: format!("{member}{pretty},{nl}{indent}"),
            });
        }
        // A block mapping: after its last line, at its members' indentation.
        let first = first?;
        let start = self.line_start(first);
        let written = &self.text[start..first];
        // A mapping that starts on a sequence item's line (`- Key: ...`) is indented to its key.
        let indent: String = if written.trim().is_empty() {
            written.to_owned()
        } else {
            " ".repeat(written.chars().count())
        };
        let unit = match located.key {
            Some(k) => {
                let own = self.text[self.line_start(k.start)..k.start].chars().count();
                let step = written.chars().count().saturating_sub(own);
                if step > 0 {
                    " ".repeat(step)
                } else {
                    "  ".to_owned()
                }
            }
            None => "  ".to_owned(),
        };
        let mut lines = String::new();
        block(&mut lines, key, value, &indent, &unit, nl);
        let end = self.line_end(located.value.end.max(first));
        Some(Edit {
            range: end..end,
            content: lines,
        })
    }

    /// Adds `code` after the last of the `len` items of the list at `list`.
    fn append_item(&self, list: &Pointer, len: usize, code: &str) -> Option<Edit> {
        let located = self.doc.spans.locate(list)?;
        let item = self.scalar(code);
        let open = located.value.start;
        let flow = self.text[open..].starts_with('[');
        let Some(last) = len.checked_sub(1) else {
            if !flow {
                return None;
            }
            return Some(Edit {
                range: open + 1..open + 1,
                content: item,
            });
        };
        let last = self.doc.spans.locate(&list.index(last))?.value;
        if flow {
            let close = located.value.end.saturating_sub(1);
            let between = &self.text[last.end..close.max(last.end)];
            let content = if between.contains('\n') {
                format!(",{}{}{item}", self.newline(), self.indent_of(last.start))
            } else {
                format!(", {item}")
            };
            return Some(Edit {
                range: last.end..last.end,
                content,
            });
        }
        // A block sequence: a line like the last item's.
        let start = self.line_start(last.start);
        let prefix = &self.text[start..last.start];
        if prefix.trim() != "-" {
            return None;
        }
        let end = self.line_end(last.end);
        Some(Edit {
            range: end..end,
            content: format!("{}{prefix}{item}", self.newline()),
        })
    }
}

/// JSON on one line, with a space after each colon and comma.
fn compact(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), compact(v)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(compact).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// JSON over several lines, indented by `unit` a level (the first line unindented).
fn pretty(value: &Value, unit: &str) -> String {
    use serde::Serialize;
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(unit.as_bytes());
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    value
        .serialize(&mut serializer)
        .expect("a Value serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `key: value` as block YAML, each line starting with a line break and `indent`.
fn block(out: &mut String, key: &str, value: &Value, indent: &str, unit: &str, nl: &str) {
    out.push_str(&format!("{nl}{indent}{key}:"));
    let inner = format!("{indent}{unit}");
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                block(out, k, v, &inner, unit, nl);
            }
        }
        Value::Array(items) => {
            for item in items {
                let item = item
                    .as_str()
                    .map_or_else(|| item.to_string(), str::to_owned);
                out.push_str(&format!("{nl}{inner}- {item}"));
            }
        }
        other => out.push_str(&format!(" {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edit: &Edit) -> String {
        let mut out = text.to_owned();
        out.replace_range(edit.range.clone(), &edit.content);
        out
    }

    fn ignored(text: &str, syntax: Syntax, code: &str) -> String {
        let pointer =
            Pointer::parse("/Resources/Cdn/Properties/DistributionConfig/Enabled").unwrap();
        let template = Template::parse(text, syntax).expect("it parses");
        let edit = template.ignore(&pointer, code).expect("an edit");
        let out = apply(text, &edit);
        let parsed = document::parse(&out, 0, syntax)
            .unwrap_or_else(|e| panic!("{out}\n{}", e.message))
            .value;
        let list = parsed
            .pointer("/Resources/Cdn/Metadata/cloudfront-lint/ignore")
            .unwrap_or_else(|| panic!("{out}"));
        assert!(list.as_array().unwrap().contains(&json!(code)), "{out}");
        out
    }

    #[test]
    fn yaml_gains_metadata_in_block_style() {
        let text = "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\nOutputs: {}\n";
        let out = ignored(text, Syntax::Yaml, "CF602");
        assert_eq!(out, "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n    Metadata:\n      cloudfront-lint:\n        ignore:\n          - CF602\nOutputs: {}\n");
        // Four spaces a level, at the end of the file without a line break.
        let text = "Resources:\n    Cdn:\n        Type: AWS::CloudFront::Distribution\n        Properties:\n            DistributionConfig:\n                Enabled: true";
        let out = ignored(text, Syntax::Yaml, "CF602");
        assert!(
            out.ends_with("\n        Metadata:\n            cloudfront-lint:\n                ignore:\n                    - CF602"),
            "{out}"
        );
    }

    #[test]
    fn yaml_lists_and_keys_that_are_there_are_extended() {
        let text = "Resources:\n  Cdn:\n    Metadata:\n      cloudfront-lint:\n        ignore:\n          - CF204  # why\n    Properties:\n      DistributionConfig:\n        Enabled: true\n";
        let out = ignored(text, Syntax::Yaml, "CF602");
        assert!(
            out.contains("          - CF204  # why\n          - CF602\n    Properties"),
            "{out}"
        );
        let text = "Resources:\n  Cdn:\n    Metadata:\n      cloudfront-lint: {ignore: [CF204]}\n    Properties:\n      DistributionConfig:\n        Enabled: true\n";
        assert!(ignored(text, Syntax::Yaml, "CF602").contains("{ignore: [CF204, CF602]}"));
        let text = "Resources:\n  Cdn:\n    Metadata:\n      Other: 1\n    Properties:\n      DistributionConfig:\n        Enabled: true\n";
        let out = ignored(text, Syntax::Yaml, "CF602");
        assert!(
            out.contains(
                "      Other: 1\n      cloudfront-lint:\n        ignore:\n          - CF602\n"
            ),
            "{out}"
        );
        let text = "Resources:\n  Cdn:\n    Metadata:\n      cloudfront-lint:\n        ignore: CF204\n    Properties:\n      DistributionConfig:\n        Enabled: true\n";
        assert!(ignored(text, Syntax::Yaml, "CF602").contains("ignore: [CF204, CF602]\n"));
    }

    #[test]
    fn json_keeps_its_layout() {
        let text = "{\n    \"Resources\": {\n        \"Cdn\": {\n            \"Type\": \"AWS::CloudFront::Distribution\",\n            \"Properties\": {\"DistributionConfig\": {\"Enabled\": true}}\n        }\n    }\n}\n";
        let out = ignored(text, Syntax::Json, "CF602");
        assert!(
            out.contains("        \"Cdn\": {\n            \"Metadata\": {\n                \"cloudfront-lint\": {\n                    \"ignore\": [\n                        \"CF602\"\n                    ]\n                }\n            },\n            \"Type\""),
            "{out}"
        );
        let text = "{\"Resources\": {\"Cdn\": {\"Type\": \"AWS::CloudFront::Distribution\", \"Metadata\": {\"cloudfront-lint\": {\"ignore\": [\"CF204\"]}}, \"Properties\": {\"DistributionConfig\": {\"Enabled\": true}}}}}";
        assert!(ignored(text, Syntax::Json, "CF602").contains("[\"CF204\", \"CF602\"]"));
        let text = "{\"Resources\": {\"Cdn\": {\"Type\": \"AWS::CloudFront::Distribution\", \"Metadata\": {}, \"Properties\": {\"DistributionConfig\": {\"Enabled\": true}}}}}";
        assert!(ignored(text, Syntax::Json, "CF602")
            .contains("\"Metadata\": {\"cloudfront-lint\": {\"ignore\": [\"CF602\"]}}"));
    }

    #[test]
    fn only_inside_a_resource() {
        let text = "{\"Resources\": {\"Cdn\": {\"Type\": \"AWS::CloudFront::Distribution\"}}}";
        for p in ["/Resources/Cdn", "/Outputs/X/Value", ""] {
            let p = Pointer::parse(p).unwrap();
            let template = Template::parse(text, Syntax::Json).unwrap();
            assert!(template.ignore(&p, "CF602").is_none());
        }
    }
}
