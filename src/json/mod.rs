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

/// Parses `text` as strict JSON (RFC 8259, as serde_json reads it). The positions of its values
/// come from [`SpanTree::scan`], run only when a finding needs one.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    serde_json::from_str(text).map_err(|e| SyntaxError {
        offset: offset_of(text, e.line(), e.column()),
        message: describe(&e),
    })
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
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
