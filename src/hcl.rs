//! HCL, Terraform's native syntax: hcl-edit's syntax tree turned into the value Terraform's own
//! JSON syntax (`*.tf.json`) would hold, plus the byte range of every key and value by pointer.
//!
//! - A body is an object of its arguments and blocks. `resource`, `data`, `module`, `variable` and
//!   `output` blocks nest by their labels down to the body
//!   (`/resource/aws_cloudfront_distribution/cdn/enabled`): their addresses are unique. Every other
//!   block is an array of bodies under its type (and labels), in source order, as
//!   `terraform show -json` prints nested blocks (`/origin/1/custom_origin_config/0/http_port`).
//! - Literal values are JSON values. Anything Terraform computes (a variable, a reference, a
//!   function call, a conditional, a template with interpolations) is a string holding its
//!   expression in `${…}`, exactly as the JSON syntax writes it: `var.x` is `"${var.x}"`, and
//!   `"S3-${var.domain}"` stays as it is. Forms read both syntaxes alike.
//!
//! hcl-edit caps nesting itself (64 levels), so deep input is a parse error, not a stack overflow.

use crate::document::SpanMap;
use crate::json::{Kind, Located, Pointer, SyntaxError};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::Element;
use hcl_edit::Span;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Range;

/// An HCL text as the rules' forms see it.
pub struct Parsed {
    pub value: Value,
    pub spans: SpanMap,
}

/// Top-level blocks whose labels are a unique address: they nest as objects, not arrays.
const ADDRESSED: [&str; 5] = ["resource", "data", "module", "variable", "output"];

pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| SyntaxError {
        offset: e.location().offset().min(text.len()),
        message: e.message().to_owned(),
    })?;
    let mut converter = Converter {
        text,
        spans: SpanMap::default(),
        addresses: HashMap::new(),
    };
    let root = Pointer::root();
    converter.spans.record(
        root.clone(),
        Located {
            value: 0..text.len(),
            key: None,
            kind: Kind::Object,
        },
    );
    let value = converter.body(&body, &root, true);
    Ok(Parsed {
        value: Value::Object(value),
        spans: converter.spans,
    })
}

struct Converter<'t> {
    text: &'t str,
    spans: SpanMap,
    /// Where each address (`/resource/T/N`) was first written, for one written twice.
    addresses: HashMap<Pointer, Range<usize>>,
}

impl Converter<'_> {
    fn body(&mut self, body: &Body, at: &Pointer, top: bool) -> Map<String, Value> {
        let mut map = Map::new();
        // Where each member's key was written, for members written twice.
        let mut keys: Vec<(String, Range<usize>)> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attribute) => {
                    let key = attribute.key.as_str().to_owned();
                    let key_range = span(&attribute.key);
                    let pointer = at.key(&key);
                    let value = self.expression(&attribute.value, &pointer);
                    let value_range = span(&attribute.value);
                    self.spans.record(
                        pointer,
                        Located {
                            value: value_range,
                            key: Some(key_range.clone()),
                            kind: kind(&value),
                        },
                    );
                    if let Some((_, earlier)) = keys.iter().find(|(k, _)| *k == key) {
                        self.spans.duplicate(
                            at.clone(),
                            key.clone(),
                            Some(earlier.clone()),
                            key_range,
                        );
                    } else {
                        keys.push((key.clone(), key_range));
                    }
                    map.insert(key, value);
                }
                Structure::Block(block) => {
                    let ident = block.ident.as_str().to_owned();
                    let ident_range = span(&block.ident);
                    let block_range = block.span().unwrap_or(ident_range.clone());
                    // A member that is an argument here and a block there is written twice.
                    if let Some((_, earlier)) = keys.iter().find(|(k, _)| *k == ident) {
                        if !map
                            .get(&ident)
                            .is_some_and(|v| v.is_object() || v.is_array())
                        {
                            self.spans.duplicate(
                                at.clone(),
                                ident.clone(),
                                Some(earlier.clone()),
                                ident_range.clone(),
                            );
                            map.remove(&ident);
                        }
                    } else {
                        keys.push((ident.clone(), ident_range.clone()));
                    }
                    // The path of names down to the body: the type, then each label.
                    let mut names = vec![(ident, ident_range)];
                    names.extend(
                        block
                            .labels
                            .iter()
                            .map(|l| (l.as_str().to_owned(), span(l))),
                    );
                    let addressed = top && ADDRESSED.contains(&names[0].0.as_str());
                    self.place_block(&mut map, at, &names, addressed, block_range, &block.body);
                }
            }
        }
        map
    }

    /// Puts a block's body at the end of its path of names, making the objects on the way.
    fn place_block(
        &mut self,
        map: &mut Map<String, Value>,
        at: &Pointer,
        names: &[(String, Range<usize>)],
        addressed: bool,
        block_range: Range<usize>,
        body: &Body,
    ) {
        let mut container = map;
        let mut pointer = at.clone();
        let last = names.len() - 1;
        for (i, (name, name_range)) in names.iter().enumerate() {
            let child = pointer.key(name);
            let exists = container.get(name).is_some_and(|v| {
                if i == last && !addressed {
                    v.is_array()
                } else {
                    v.is_object()
                }
            });
            if i == last && addressed && exists {
                // The same address twice: Terraform refuses it; the later one is kept.
                self.spans.duplicate(
                    pointer.clone(),
                    name.clone(),
                    self.addresses.get(&child).cloned(),
                    name_range.clone(),
                );
            } else if i == last && addressed {
                self.addresses.insert(child.clone(), name_range.clone());
            }
            if !exists || (i == last && addressed) {
                self.spans.record(
                    child.clone(),
                    Located {
                        value: block_range.clone(),
                        key: Some(name_range.clone()),
                        kind: if i == last && !addressed {
                            Kind::Array
                        } else {
                            Kind::Object
                        },
                    },
                );
            }
            if i < last || addressed {
                if !exists {
                    container.insert(name.clone(), Value::Object(Map::new()));
                }
                if i == last {
                    let body = self.body(body, &child, false);
                    container.insert(name.clone(), Value::Object(body));
                    return;
                }
                let Some(Value::Object(next)) = container.get_mut(name) else {
                    return;
                };
                container = next;
                pointer = child;
            } else {
                if !exists {
                    container.insert(name.clone(), Value::Array(Vec::new()));
                }
                let index = container
                    .get(name)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                let element = child.index(index);
                self.spans.record(
                    element.clone(),
                    Located {
                        value: block_range.clone(),
                        // A block's "key" is its type and labels, for a short underline.
                        key: Some(names[0].1.start..name_range.end),
                        kind: Kind::Object,
                    },
                );
                let body = self.body(body, &element, false);
                if let Some(Value::Array(list)) = container.get_mut(name) {
                    list.push(Value::Object(body));
                }
                return;
            }
        }
    }

    fn expression(&mut self, expression: &Expression, at: &Pointer) -> Value {
        match expression {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => {
                let n = n.value();
                n.as_u64()
                    .map(Value::from)
                    .or_else(|| n.as_i64().map(Value::from))
                    .or_else(|| {
                        n.as_f64()
                            .and_then(serde_json::Number::from_f64)
                            .map(Value::Number)
                    })
                    .unwrap_or(Value::Null)
            }
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Parenthesis(p) => self.expression(p.inner(), at),
            Expression::Array(array) => {
                let mut list = Vec::with_capacity(array.len());
                for (i, element) in array.iter().enumerate() {
                    let pointer = at.index(i);
                    let value = self.expression(element, &pointer);
                    self.spans.record(
                        pointer,
                        Located {
                            value: span(element),
                            key: None,
                            kind: kind(&value),
                        },
                    );
                    list.push(value);
                }
                Value::Array(list)
            }
            Expression::Object(object) => {
                let mut map = Map::new();
                for (key, member) in object.iter() {
                    let name = match key {
                        ObjectKey::Ident(ident) => ident.as_str().to_owned(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                        ObjectKey::Expression(e) => self.computed(e),
                    };
                    let pointer = at.key(&name);
                    let value = self.expression(member.expr(), &pointer);
                    self.spans.record(
                        pointer,
                        Located {
                            value: span(member.expr()),
                            key: Some(span(key)),
                            kind: kind(&value),
                        },
                    );
                    map.insert(name, value);
                }
                Value::Object(map)
            }
            Expression::StringTemplate(template) => {
                let literal: Option<String> = template
                    .iter()
                    .map(|e| e.as_literal().map(|l| l.value().as_str()))
                    .collect();
                match literal {
                    Some(text) => Value::String(text),
                    None => {
                        // The template as written, between its quotes: it holds its `${…}`.
                        let written = self.source(expression);
                        let inner = written
                            .strip_prefix('"')
                            .and_then(|s| s.strip_suffix('"'))
                            .unwrap_or(written);
                        if inner.contains("${") {
                            Value::String(inner.to_owned())
                        } else {
                            Value::String(format!("${{{inner}}}"))
                        }
                    }
                }
            }
            Expression::HeredocTemplate(heredoc) => {
                let mut heredoc = (**heredoc).clone();
                heredoc.dedent();
                let literal: Option<String> = heredoc
                    .template
                    .iter()
                    .map(|e| match e {
                        Element::Literal(l) => Some(l.value().as_str()),
                        _ => None,
                    })
                    .collect();
                match literal {
                    Some(text) => Value::String(text),
                    None => Value::String(self.computed(expression)),
                }
            }
            _ => Value::String(self.computed(expression)),
        }
    }

    /// An expression Terraform computes, as the JSON syntax writes it: `${var.x}`.
    fn computed(&self, expression: &Expression) -> String {
        format!("${{{}}}", self.source(expression).trim())
    }

    fn source(&self, expression: &Expression) -> &str {
        expression
            .span()
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
    }
}

/// HCL text for a body in Terraform's JSON-syntax shape (blocks are arrays of objects), as one
/// `resource "TYPE" "NAME"`: the writer `from_api` needs for tests.
pub fn write_resource(kind: &str, name: &str, body: &Value) -> String {
    fn literal(value: &Value) -> String {
        match value {
            // HCL strings are JSON strings, with `${` and `%{` escaped.
            Value::String(s) => serde_json::to_string(s)
                .unwrap_or_default()
                .replace("${", "$${")
                .replace("%{", "%%{"),
            Value::Array(items) => {
                format!(
                    "[{}]",
                    items.iter().map(literal).collect::<Vec<_>>().join(", ")
                )
            }
            Value::Object(map) => format!(
                "{{ {} }}",
                map.iter()
                    .map(|(k, v)| format!(
                        "{} = {}",
                        serde_json::to_string(k).unwrap_or_default(),
                        literal(v)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => other.to_string(),
        }
    }
    fn body_text(body: &Value, indent: usize, out: &mut String) {
        let pad = "  ".repeat(indent);
        let Some(map) = body.as_object() else { return };
        for (key, value) in map {
            match value {
                Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
                    for item in items {
                        out.push_str(&format!("{pad}{key} {{\n"));
                        body_text(item, indent + 1, out);
                        out.push_str(&format!("{pad}}}\n"));
                    }
                }
                _ => out.push_str(&format!("{pad}{key} = {}\n", literal(value))),
            }
        }
    }
    let mut out = format!("resource \"{kind}\" \"{name}\" {{\n");
    body_text(body, 1, &mut out);
    out.push_str("}\n");
    out
}

fn span(item: &impl Span) -> Range<usize> {
    item.span().unwrap_or(0..0)
}

fn kind(value: &Value) -> Kind {
    match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at<'t>(text: &'t str, parsed: &Parsed, pointer: &str) -> &'t str {
        let l = parsed
            .spans
            .locate(&Pointer::parse(pointer).unwrap())
            .unwrap_or_else(|| panic!("{pointer} not located"));
        &text[l.value]
    }

    #[test]
    fn blocks_nest_by_address_and_repeat_as_arrays() {
        let text = r#"
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "a"
    domain_name = var.domain
  }
  origin {
    origin_id = "b-${var.env}"
    domain_name = "b.example.com"
    custom_origin_config {
      http_port = 80
      origin_ssl_protocols = ["TLSv1.2"]
    }
  }
  dynamic "ordered_cache_behavior" {
    for_each = var.behaviors
    content { path_pattern = ordered_cache_behavior.value }
  }
  tags = { Name = "x" }
}
"#;
        let parsed = parse(text).unwrap();
        let cdn = &parsed.value["resource"]["aws_cloudfront_distribution"]["cdn"];
        assert_eq!(cdn["enabled"], json!(true));
        assert_eq!(cdn["origin"][0]["domain_name"], json!("${var.domain}"));
        assert_eq!(cdn["origin"][1]["origin_id"], json!("b-${var.env}"));
        assert_eq!(
            cdn["origin"][1]["custom_origin_config"][0]["origin_ssl_protocols"],
            json!(["TLSv1.2"])
        );
        assert_eq!(
            cdn["dynamic"]["ordered_cache_behavior"][0]["content"][0]["path_pattern"],
            json!("${ordered_cache_behavior.value}")
        );
        assert_eq!(cdn["tags"], json!({"Name": "x"}));
        let base = "/resource/aws_cloudfront_distribution/cdn";
        assert_eq!(
            at(
                text,
                &parsed,
                &format!("{base}/origin/1/custom_origin_config/0/http_port")
            ),
            "80"
        );
        assert_eq!(
            at(text, &parsed, &format!("{base}/origin/0/domain_name")),
            "var.domain"
        );
        assert_eq!(
            at(text, &parsed, &format!("{base}/origin/1/origin_id")),
            "\"b-${var.env}\""
        );
        assert!(at(text, &parsed, &format!("{base}/origin/1")).starts_with("origin {"));
    }

    #[test]
    fn members_written_twice_are_recorded() {
        // (hcl-edit refuses an argument written twice itself, as Terraform does.)
        assert!(parse("x = 1\nx = 2\n").is_err());
        let text = "resource \"a\" \"b\" {\n  x = 1\n}\nresource \"a\" \"b\" {}\n";
        let parsed = parse(text).unwrap();
        let duplicates = parsed.spans.duplicate_keys();
        let names: Vec<String> = duplicates
            .iter()
            .map(|(o, k, r)| format!("{o} {k} {}", r.len()))
            .collect();
        assert_eq!(names, ["/resource/a b 2"]);
    }

    #[test]
    fn errors_say_where() {
        let e = parse("resource \"a\" \"b\" {\n  \"origin\" {\n  }\n}\n")
            .err()
            .unwrap();
        assert_eq!(e.offset, 21);
        assert!(parse("a = {").is_err());
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse(&format!("a = {}", "[".repeat(100_000))).is_err());
    }

    #[test]
    fn heredocs_without_interpolation_are_text() {
        let parsed = parse("a = <<-EOT\n    x\n    y\n  EOT\nb = <<EOT\n${var.z}\nEOT\n").unwrap();
        assert_eq!(parsed.value["a"], json!("x\ny\n"));
        assert!(parsed.value["b"].as_str().unwrap().starts_with("${"));
    }
}
