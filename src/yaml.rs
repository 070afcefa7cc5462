//! Span-aware YAML: saphyr-parser's events turned into the same `serde_json::Value` the JSON path
//! builds (CloudFormation's short-form tags in their long form), plus the byte range of every key
//! and value, found by JSON Pointer.
//!
//! The converter keeps its own stack (no recursion), so nesting is bounded by [`MAX_DEPTH`] alone.

use crate::document::SpanMap;
use crate::json::{Kind, Located, Pointer, SyntaxError};
use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Range;

/// As deep as the JSON path goes (serde_json's limit), so both formats fail alike.
pub const MAX_DEPTH: usize = 128;

/// A YAML text as the rules see it.
pub struct Parsed {
    pub value: Value,
    pub spans: SpanMap,
}

/// Whether a file's text is YAML rather than JSON, when its name does not say: JSON documents
/// start with `{` or `[`.
pub fn looks_like_yaml(text: &str) -> bool {
    !matches!(
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .as_bytes()
            .first(),
        Some(b'{' | b'[')
    )
}

/// Byte offsets of character indexes (saphyr-parser counts characters).
struct Offsets<'t> {
    text: &'t str,
    /// The byte offset of each character, and the text's length at the end; empty for ASCII.
    starts: Vec<u32>,
}

impl Offsets<'_> {
    fn byte(&self, char_index: usize) -> usize {
        if self.starts.is_empty() {
            char_index.min(self.text.len())
        } else {
            self.starts
                .get(char_index)
                .map_or(self.text.len(), |&b| b as usize)
        }
    }

    fn range(&self, span: &Span) -> Range<usize> {
        self.byte(span.start.index())..self.byte(span.end.index())
    }
}

/// A collection being built.
enum Node {
    Mapping {
        map: Map<String, Value>,
        key: Option<(String, Range<usize>)>,
        merges: Vec<(Value, Range<usize>)>,
        /// The pending key is a plain `<<` (a merge key); a quoted `"<<"` is a member like any other.
        merge_key: bool,
    },
    Sequence(Vec<Value>),
}

struct Frame {
    node: Node,
    pointer: Pointer,
    /// Where its members are: under `/Fn::If` for `!If [...]`, else the pointer itself.
    children: Pointer,
    start: usize,
    /// End of the last value inside: where a block collection ends.
    last_end: usize,
    anchor: usize,
    /// The short-form tag on this collection (`!If [...]`): the finished value is wrapped in it.
    tag: Option<String>,
    /// The member key range of this collection in its parent, if it is a member.
    key: Option<Range<usize>>,
    /// The first of `SpanMap::located` recorded inside it.
    first_entry: usize,
    /// A mapping's members by name → their entry in `SpanMap::located`: made on its first
    /// duplicate key only (most mappings have none).
    members: Option<HashMap<String, usize>>,
}

/// Parses the first YAML document of `text`.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let offsets = Offsets {
        text,
        starts: if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i as u32)
                .chain([text.len() as u32])
                .collect()
        },
    };
    let mut spans = SpanMap::default();
    let mut stack: Vec<Frame> = Vec::new();
    // Each anchored value with its size and depth: an alias is a copy, and copies are budgeted so
    // that a few lines of nested aliases (a "billion laughs") cannot take the machine.
    let mut anchors: HashMap<usize, (Value, usize, usize)> = HashMap::new();
    let budget = ALIAS_BUDGET_BASE + 10 * text.len();
    let mut expanded = 0usize;
    let mut root: Option<Value> = None;
    let mut parser = Parser::new_from_str(text);
    let error_at = |offset: usize, message: String| SyntaxError { offset, message };
    while let Some(event) = parser.next_event() {
        let (event, span) =
            event.map_err(|e| error_at(offsets.byte(e.marker().index()), e.info().to_owned()))?;
        let range = offsets.range(&span);
        match event {
            Event::StreamStart | Event::Nothing | Event::DocumentStart(_) => {}
            // One template per file: anything after the first document is not read.
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::Alias(id) => {
                let (value, size, depth) = anchors.get(&id).ok_or_else(|| {
                    error_at(
                        range.start,
                        "an alias to an anchor not defined before it".into(),
                    )
                })?;
                expanded += size;
                if expanded > budget {
                    return Err(error_at(
                        range.start,
                        format!("aliases expand to more than {budget} values"),
                    ));
                }
                if stack.len() + depth > MAX_DEPTH {
                    return Err(error_at(
                        range.start,
                        format!("nested deeper than {MAX_DEPTH} levels (through this alias)"),
                    ));
                }
                let value = value.clone();
                let kind = kind_of(&value);
                place(&mut stack, &mut spans, &mut root, value, range, kind);
            }
            Event::Scalar(text_value, style, anchor, tag) => {
                let is_key = matches!(
                    stack.last(),
                    Some(Frame {
                        node: Node::Mapping { key: None, .. },
                        ..
                    })
                );
                // A key is the text as written (`on:` is the key "on", not true).
                let (value, kind) = match tag {
                    None if is_key => (Value::String(text_value.into_owned()), Kind::String),
                    _ => scalar(&text_value, style, tag.as_deref()),
                };
                if anchor > 0 {
                    anchors.insert(anchor, (value.clone(), 1, 1));
                }
                if let Some(Frame {
                    node: Node::Mapping { merge_key, .. },
                    ..
                }) = stack.last_mut().filter(|_| is_key)
                {
                    *merge_key = style == ScalarStyle::Plain && value == "<<";
                }
                let range = scalar_range(text, range, style);
                place(&mut stack, &mut spans, &mut root, value, range, kind);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error_at(
                        range.start,
                        format!("nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                let (pointer, key) = next_pointer(&stack);
                let tag = tag.as_deref().and_then(function_name);
                let node = if matches!(event, Event::MappingStart(..)) {
                    Node::Mapping {
                        map: Map::new(),
                        key: None,
                        merges: Vec::new(),
                        merge_key: false,
                    }
                } else {
                    Node::Sequence(Vec::new())
                };
                let children = tag
                    .as_ref()
                    .map_or_else(|| pointer.clone(), |name| pointer.key(name));
                stack.push(Frame {
                    node,
                    pointer,
                    children,
                    start: range.start,
                    last_end: range.end,
                    anchor,
                    tag,
                    key,
                    first_entry: spans.len(),
                    members: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { break };
                // A flow collection ends at its closing bracket; a block one with its last value.
                let end = if text[range.start.min(text.len())..].starts_with([']', '}']) {
                    range.start + 1
                } else {
                    frame.last_end
                };
                let value = match frame.node {
                    Node::Sequence(list) => Value::Array(list),
                    Node::Mapping {
                        mut map, merges, ..
                    } => {
                        merge(&mut map, merges, &frame.children, &mut spans);
                        Value::Object(map)
                    }
                };
                let kind = if value.is_array() {
                    Kind::Array
                } else {
                    Kind::Object
                };
                let value = match frame.tag {
                    Some(name) => {
                        let inner = frame.pointer.key(&name);
                        spans.record(
                            inner,
                            Located {
                                value: frame.start..end,
                                key: None,
                                kind,
                            },
                        );
                        Value::Object(Map::from_iter([(name, value)]))
                    }
                    None => value,
                };
                if frame.anchor > 0 {
                    let (size, depth) = measure(&value);
                    anchors.insert(frame.anchor, (value.clone(), size, depth));
                }
                // The collection's own pointer was taken when it started; its parent is now on top.
                let kind = kind_of(&value);
                place_at(
                    &mut stack,
                    &mut spans,
                    &mut root,
                    value,
                    frame.start..end,
                    kind,
                    frame.pointer,
                    frame.key,
                );
            }
        }
    }
    Ok(Parsed {
        value: root.unwrap_or(Value::Null),
        spans,
    })
}

/// Copies of anchored values allowed on top of ten per byte of the file.
const ALIAS_BUDGET_BASE: usize = 100_000;

/// How many values a value holds (itself included), and how deep it nests.
fn measure(value: &Value) -> (usize, usize) {
    let (mut size, mut depth) = (0, 0);
    let mut stack = vec![(value, 1)];
    while let Some((v, d)) = stack.pop() {
        size += 1;
        depth = depth.max(d);
        match v {
            Value::Array(list) => stack.extend(list.iter().map(|c| (c, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|c| (c, d + 1))),
            _ => {}
        }
    }
    (size, depth)
}

/// A scalar's range without what the parser's span takes along: an anchor in front (`&x o1`), and
/// after a quoted scalar's closing quote, the spaces and comment before the next token.
fn scalar_range(text: &str, range: Range<usize>, style: ScalarStyle) -> Range<usize> {
    let written = text.get(range.clone()).unwrap_or_default();
    let mut start = range.start;
    if written.starts_with('&') {
        let after = written.find(char::is_whitespace).unwrap_or(written.len());
        let rest = &written[after..];
        start += after + (rest.len() - rest.trim_start().len());
    }
    let body = text.get(start..range.end.max(start)).unwrap_or_default();
    let quote = match style {
        ScalarStyle::SingleQuoted => Some('\''),
        ScalarStyle::DoubleQuoted => Some('"'),
        _ => None,
    };
    let end = match quote.and_then(|q| body.find(q).map(|open| (q, open))) {
        Some((q, open)) => {
            closing_quote(body, open, q).map_or(body.trim_end().len(), |close| close + 1)
        }
        None => body.trim_end().len(),
    };
    start..start + end
}

/// The index of the quote that closes the one at `open` (`''` is a quote in single quotes, `\"` in double).
fn closing_quote(body: &str, open: usize, quote: char) -> Option<usize> {
    let mut chars = body[open + 1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    return Some(open + 1 + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The pointer the next value gets, and its key's range when it is a mapping's member.
fn next_pointer(stack: &[Frame]) -> (Pointer, Option<Range<usize>>) {
    match stack.last() {
        None => (Pointer::root(), None),
        Some(Frame {
            node: Node::Sequence(list),
            children,
            ..
        }) => (children.index(list.len()), None),
        Some(Frame {
            node:
                Node::Mapping {
                    key: Some((key, range)),
                    ..
                },
            children,
            ..
        }) => (children.key(key), Some(range.clone())),
        // A collection used as a key: it gets no pointer of its own.
        Some(Frame {
            node: Node::Mapping { key: None, .. },
            children,
            ..
        }) => (children.key("\u{0}key"), None),
    }
}

fn place(
    stack: &mut [Frame],
    spans: &mut SpanMap,
    root: &mut Option<Value>,
    value: Value,
    range: Range<usize>,
    kind: Kind,
) {
    let (pointer, key) = next_pointer(stack);
    place_at(stack, spans, root, value, range, kind, pointer, key)
}

/// Puts a finished value into its parent (or makes it the document), recording where it is.
#[allow(clippy::too_many_arguments)]
fn place_at(
    stack: &mut [Frame],
    spans: &mut SpanMap,
    root: &mut Option<Value>,
    value: Value,
    range: Range<usize>,
    kind: Kind,
    pointer: Pointer,
    key: Option<Range<usize>>,
) {
    let Some(parent) = stack.last_mut() else {
        spans.record(
            pointer,
            Located {
                value: range,
                key: None,
                kind,
            },
        );
        if root.is_none() {
            *root = Some(value);
        }
        return;
    };
    parent.last_end = parent.last_end.max(range.end);
    match &mut parent.node {
        Node::Sequence(list) => {
            spans.record(
                pointer,
                Located {
                    value: range,
                    key: None,
                    kind,
                },
            );
            list.push(value);
        }
        Node::Mapping {
            map,
            key: pending,
            merges,
            merge_key,
        } => match pending.take() {
            None => {
                // This value is a key. CloudFormation's keys are strings; others are kept as text.
                let name = match value {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                *pending = Some((name, range));
            }
            Some((name, key_range)) => {
                let key_range = key.unwrap_or(key_range);
                let is_merge = std::mem::take(merge_key);
                if name == "<<" && is_merge && matches!(value, Value::Object(_) | Value::Array(_)) {
                    merges.push((value, key_range));
                    return;
                }
                let located = Located {
                    value: range,
                    key: Some(key_range.clone()),
                    kind,
                };
                let entry = spans.len();
                if !map.contains_key(&name) {
                    if let Some(members) = &mut parent.members {
                        members.insert(name.clone(), entry);
                    }
                    spans.record(pointer, located);
                    map.insert(name, value);
                } else {
                    // Written before: the earlier place is kept for the duplicate's report.
                    let members = parent.members.get_or_insert_with(|| {
                        let inside = spans.entries().enumerate().skip(parent.first_entry);
                        inside
                            .filter(|(_, (p, l))| l.key.is_some() && p.parent() == parent.children)
                            .filter_map(|(i, (p, _))| Some((p.last()?, i)))
                            .collect()
                    });
                    let earlier = members
                        .insert(name.clone(), entry)
                        .map(|i| spans.entry(i).1.clone());
                    spans.record(pointer, located);
                    map.insert(name.clone(), value);
                    spans.duplicate(
                        parent.children.clone(),
                        name,
                        earlier.and_then(|l| l.key),
                        key_range,
                    );
                }
            }
        },
    }
}

/// `<<: *base` (and `<<: [*a, *b]`): members not written in the mapping itself come from the
/// merged ones, and point at the `<<` key.
fn merge(
    map: &mut Map<String, Value>,
    merges: Vec<(Value, Range<usize>)>,
    pointer: &Pointer,
    spans: &mut SpanMap,
) {
    for (value, key_range) in merges {
        let sources = match value {
            Value::Array(list) => list,
            other => vec![other],
        };
        for source in sources {
            let Value::Object(members) = source else {
                continue;
            };
            for (k, v) in members {
                if !map.contains_key(&k) {
                    let kind = kind_of(&v);
                    spans.record(
                        pointer.key(&k),
                        Located {
                            value: key_range.clone(),
                            key: Some(key_range.clone()),
                            kind,
                        },
                    );
                    map.insert(k, v);
                }
            }
        }
    }
}

/// `!Ref` → `Ref`, `!Condition` → `Condition`, `!If` → `Fn::If`; `None` for YAML's own tags.
fn function_name(tag: &Tag) -> Option<String> {
    if tag.handle != "!" || tag.suffix.is_empty() {
        return None;
    }
    Some(match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        other => format!("Fn::{other}"),
    })
}

/// A scalar's value: short-form functions in their long form, plain scalars resolved as YAML 1.1
/// does (what CloudFormation reads), quoted and block scalars as strings.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> (Value, Kind) {
    if let Some(tag) = tag {
        if let Some(name) = function_name(tag) {
            let inner = if name == "Fn::GetAtt" {
                // `!GetAtt Bucket.Arn`: the resource, then the attribute (which may hold dots).
                match text.split_once('.') {
                    Some((resource, attribute)) => {
                        Value::Array(vec![resource.into(), attribute.into()])
                    }
                    None => Value::Array(vec![text.into()]),
                }
            } else {
                Value::String(text.to_owned())
            };
            return (Value::Object(Map::from_iter([(name, inner)])), Kind::Object);
        }
        if tag.is_yaml_core_schema() && tag.suffix == "str" {
            return (Value::String(text.to_owned()), Kind::String);
        }
    }
    if style != ScalarStyle::Plain {
        return (Value::String(text.to_owned()), Kind::String);
    }
    resolve_plain(text)
}

/// YAML 1.1's plain scalars, as the YAML readers CloudFormation and the AWS CLI use take them.
fn resolve_plain(text: &str) -> (Value, Kind) {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return (Value::Null, Kind::Null),
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            return (Value::Bool(true), Kind::Bool)
        }
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            return (Value::Bool(false), Kind::Bool)
        }
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // A leading zero is octal in YAML 1.1; keep such text as written rather than guess.
        if digits.len() > 1 && digits.starts_with('0') {
            return (Value::String(text.to_owned()), Kind::String);
        }
        if let Ok(n) = text.parse::<i64>() {
            return (Value::from(n), Kind::Number);
        }
        if let Ok(n) = text.trim_start_matches('+').parse::<u64>() {
            return (Value::from(n), Kind::Number);
        }
    }
    let looks_float = digits
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    if looks_float {
        if let Some(n) = text
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .and_then(serde_json::Number::from_f64)
        {
            return (Value::Number(n), Kind::Number);
        }
    }
    (Value::String(text.to_owned()), Kind::String)
}

fn kind_of(value: &Value) -> Kind {
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

    fn key<'t>(text: &'t str, parsed: &Parsed, pointer: &str) -> &'t str {
        let l = parsed
            .spans
            .locate(&Pointer::parse(pointer).unwrap())
            .unwrap();
        &text[l.key.unwrap()]
    }

    #[test]
    fn short_forms_become_long_forms() {
        let text = "a: !Ref X\nb: !GetAtt B.Outputs.Y\nc: !Sub '${A}-x'\nd: !If [C, !Ref Y, !Ref AWS::NoValue]\ne: !Condition C\nf: !Join\n  - ''\n  - [a, !Ref B]\n";
        let p = parse(text).unwrap();
        assert_eq!(
            p.value,
            json!({
                "a": {"Ref": "X"},
                "b": {"Fn::GetAtt": ["B", "Outputs.Y"]},
                "c": {"Fn::Sub": "${A}-x"},
                "d": {"Fn::If": ["C", {"Ref": "Y"}, {"Ref": "AWS::NoValue"}]},
                "e": {"Condition": "C"},
                "f": {"Fn::Join": ["", ["a", {"Ref": "B"}]]}
            })
        );
        assert_eq!(at(text, &p, "/a"), "!Ref X");
        assert_eq!(key(text, &p, "/a"), "a");
        assert_eq!(at(text, &p, "/d/Fn::If/1"), "!Ref Y");
        assert_eq!(at(text, &p, "/d"), "!If [C, !Ref Y, !Ref AWS::NoValue]");
        assert_eq!(at(text, &p, "/f/Fn::Join/1/1"), "!Ref B");
    }

    #[test]
    fn spans_are_bytes_in_the_file_as_written() {
        let text = "# é☕ commentaire\nRoot:\n  Comment: café — ok\n  List:\n    - 1\n    - {x: 'y'}\n  Next: |\n    line\n";
        let p = parse(text).unwrap();
        assert_eq!(at(text, &p, "/Root/Comment"), "café — ok");
        assert_eq!(key(text, &p, "/Root/List"), "List");
        assert_eq!(at(text, &p, "/Root/List/1"), "{x: 'y'}");
        assert_eq!(at(text, &p, "/Root/List/1/x"), "'y'");
        assert_eq!(p.value["Root"]["Next"], "line\n");
        assert!(at(text, &p, "/Root/List").starts_with("- 1"));
    }

    #[test]
    fn scalars_resolve_as_yaml_1_1() {
        let p = parse("a: yes\nb: 'yes'\nc: 86400\nd: '86400'\ne: ~\nf:\ng: 1.5\nh: 0755\ni: -3\nj: !!str 5\n").unwrap();
        assert_eq!(
            p.value,
            json!({"a": true, "b": "yes", "c": 86400, "d": "86400", "e": null, "f": null, "g": 1.5, "h": "0755", "i": -3, "j": "5"})
        );
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let text = "base: &b\n  x: 1\n  y: 2\nuse:\n  <<: *b\n  y: 3\ncopy: *b\n";
        let p = parse(text).unwrap();
        assert_eq!(p.value["use"], json!({"x": 1, "y": 3}));
        assert_eq!(p.value["copy"], json!({"x": 1, "y": 2}));
        assert_eq!(key(text, &p, "/use/x"), "<<");
        let quoted = parse("base: &b {x: 1}\nuse:\n  \"<<\": *b\n").unwrap();
        assert_eq!(quoted.value["use"], json!({"<<": {"x": 1}}));
    }

    #[test]
    fn scalar_ranges_end_at_the_value() {
        let text = "a: 'nope' \nb: \"bo\\\"gus\"    # was 'x'\nc: &x o1\nd: |\n  lit\n  \ne: plain   # note\n";
        let p = parse(text).unwrap();
        assert_eq!(at(text, &p, "/a"), "'nope'");
        assert_eq!(at(text, &p, "/b"), "\"bo\\\"gus\"");
        assert_eq!(at(text, &p, "/c"), "o1");
        assert_eq!(at(text, &p, "/d"), "lit");
        assert_eq!(at(text, &p, "/e"), "plain");
    }

    #[test]
    fn aliases_cannot_blow_up() {
        let mut laughs = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse(&laughs).err().unwrap();
        assert!(e.message.contains("aliases expand"), "{e:?}");
        let mut deep = format!("a0: &a0 {}x{}\n", "[".repeat(100), "]".repeat(100));
        deep.push_str(&format!("a1: {}*a0{}\n", "[".repeat(100), "]".repeat(100)));
        assert!(parse(&deep)
            .err()
            .unwrap()
            .message
            .contains("nested deeper"));
    }

    #[test]
    fn duplicates_are_recorded_and_the_last_one_wins() {
        let text = "a: 1\nb: 2\na: 3\n";
        let p = parse(text).unwrap();
        assert_eq!(p.value["a"], 3);
        let (object, name, ranges) = &p.spans.duplicate_keys()[0];
        assert_eq!((object.as_str(), name.as_str()), ("", "a"));
        assert_eq!(ranges, &[0..1, 10..11]);
    }

    #[test]
    fn errors_carry_the_byte_offset() {
        let e = parse("é: [a, b\nc: d\n").err().unwrap();
        assert!(e.offset > 2 && e.offset <= 14, "{e:?}");
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse(&"- ".repeat(10_000)).is_err());
    }
}
