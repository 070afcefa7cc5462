//! Span-aware JSON: serde_json builds the value, the scanner records where every value is.

pub mod pointer;
pub mod spans;

pub use pointer::Pointer;
pub use spans::{Kind, Located, SpanTree};

use serde_json::Value;

/// Where and why a text is not JSON. `offset` is a byte offset into the parsed text.
#[derive(Debug)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// A parsed text: the value, and whether some object in it has a member written twice (the
/// value keeps the last one, as every JSON parser the AWS tools use does).
pub struct Parsed {
    pub value: Value,
    pub duplicate_keys: bool,
}

/// Parses `text` as strict JSON (RFC 8259, as serde_json reads it, with its nesting limit). The
/// positions of values come from [`SpanTree::scan`], run only when a finding needs one.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    use serde::de::DeserializeSeed;
    let error = |e: serde_json::Error| SyntaxError {
        offset: offset_of(text, e.line(), e.column()),
        message: describe(&e),
    };
    let duplicates = std::cell::Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Tracked(&duplicates)
        .deserialize(&mut deserializer)
        .map_err(error)?;
    deserializer.end().map_err(error)?;
    Ok(Parsed {
        value,
        duplicate_keys: duplicates.get(),
    })
}

/// serde_json's own `Value` building, plus noticing duplicate members on the way (so the span
/// scan that locates them runs only for files that have some).
struct Tracked<'c>(&'c std::cell::Cell<bool>);

impl<'de> serde::de::DeserializeSeed<'de> for Tracked<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Tracked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(Tracked(self.0))? {
            list.push(v);
        }
        Ok(Value::Array(list))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Tracked(self.0))?;
            if object.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(object))
    }
}

/// serde_json's message without its " at line L column C" suffix (we print our own location).
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Byte offset of serde_json's 1-based line and column (its column counts bytes and points at
/// the last byte it read, or 0 at the start of a line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == line {
                    start = i + 1;
                    break;
                }
            }
        }
    }
    crate::source::char_boundary(text, start + column.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_same_value_as_serde_json_and_notices_duplicates() {
        let text = r#"{"a": [1, -2, 3.5, 18446744073709551615, "x", null, true, {}], "b": {"c": 1, "c": 2}}"#;
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.value, serde_json::from_str::<Value>(text).unwrap());
        assert!(parsed.duplicate_keys);
        assert!(
            !parse(r#"{"a": {"b": 1}, "b": {"a": 1}}"#)
                .unwrap()
                .duplicate_keys
        );
    }

    #[test]
    fn errors_carry_the_offset_where_parsing_stopped() {
        let e = parse("{\n  \"a\": 1,\n}").err().unwrap();
        assert_eq!(e.offset, 12);
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse("{} {}").is_err());
    }
}
