//! A file to lint, and the mapping from byte offsets to lines and columns.

use serde::Serialize;

/// One input: where it came from and its text.
pub struct Source {
    /// The path as the user gave or the walk found it; `<stdin>` for standard input.
    pub path: String,
    /// The text. Each byte that is not UTF-8 is replaced by `?`, so offsets stay those of the file.
    pub text: String,
    /// Offset of the first byte that is not UTF-8, if any.
    pub invalid_utf8_at: Option<usize>,
    /// The bytes start with a UTF-16 byte order mark.
    pub utf16: bool,
    bytes_for_utf16: Option<Vec<u8>>,
}

impl Source {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> Source {
        let path = path.into();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        match String::from_utf8(bytes) {
            Ok(text) => Source {
                path,
                text,
                invalid_utf8_at: None,
                utf16,
                bytes_for_utf16: None,
            },
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let bytes_for_utf16 = utf16.then(|| bytes.clone());
                Source {
                    path,
                    text: replace_invalid(bytes),
                    invalid_utf8_at: Some(at),
                    utf16,
                    bytes_for_utf16,
                }
            }
        }
    }
}

impl Source {
    /// The text of a UTF-16 file (it has a byte order mark), decoded, to tell what it is.
    pub fn utf16_text(&self) -> Option<String> {
        let bytes = self.bytes_for_utf16.as_ref()?;
        let little = bytes.starts_with(&[0xFF, 0xFE]);
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        Some(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect(),
        )
    }
}

/// The bytes with every byte that is not part of a UTF-8 character replaced by `?`.
fn replace_invalid(mut bytes: Vec<u8>) -> String {
    let mut from = 0;
    loop {
        match std::str::from_utf8(&bytes[from..]) {
            Ok(_) => break,
            Err(e) => {
                let bad = from + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - bad);
                bytes[bad..bad + len].fill(b'?');
                from = bad + len;
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// A place in a file: 1-based line and column (columns count characters), and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// An offset clamped to the text and moved back to a character boundary.
pub fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The positions of a few byte offsets, in the order given, without indexing every line: the
/// newlines before each are counted (a loop the compiler vectorises), once over the text up to
/// the last offset. Same positions as [`LineIndex::position`].
pub fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![
        Position {
            line: 1,
            column: 1,
            offset: 0
        };
        offsets.len()
    ];
    let (mut line, mut counted) = (1, 0);
    for i in order {
        let offset = char_boundary(text, offsets[i]);
        line += text.as_bytes()[counted..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = offset;
        let start = memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |n| n + 1);
        out[i] = Position {
            line,
            column: text[start..offset].chars().count() + 1,
            offset,
        };
    }
    out
}

/// Start offsets of every line, for turning byte offsets into positions.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of a byte offset (clamped to the text, moved back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = char_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        Position {
            line,
            column,
            offset,
        }
    }

    /// The 1-based line a byte offset is on.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// How many lines the text has.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.clamp(1, self.starts.len()) - 1]
    }

    /// Byte offset where 1-based `line` ends (before its newline).
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        match self.starts.get(line) {
            Some(&next) => {
                let mut end = next - 1;
                if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
                end
            }
            None => text.len(),
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn positions_agree_with_the_line_index() {
        let text = "{\r\n  \"Comment\": \"café ☕\",\n\n  \"Id\": \"x\"\n}";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = vec![40, 0, 3, 17, 18, 22, text.len(), 1000, 2, 19];
        let found = positions(text, &offsets);
        for (offset, position) in offsets.iter().zip(found) {
            assert_eq!(position, index.position(text, *offset), "at {offset}");
        }
    }

    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\n\u{e9}x\ny";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, 0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        assert_eq!(
            index.position(text, 3),
            Position {
                line: 2,
                column: 1,
                offset: 3
            }
        );
        assert_eq!(
            index.position(text, 5),
            Position {
                line: 2,
                column: 2,
                offset: 5
            }
        );
        assert_eq!(index.position(text, 4).column, 1); // inside é: moved back
        assert_eq!(
            index.position(text, 99),
            Position {
                line: 3,
                column: 2,
                offset: 8
            }
        );
        assert_eq!(index.line_end(text, 1), 2);
        assert_eq!(index.line_end(text, 3), 8);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let s = Source::new("x", b"{\"a\": \"\xff\xe9\"}".to_vec());
        assert_eq!(s.invalid_utf8_at, Some(7));
        assert_eq!(s.text, "{\"a\": \"??\"}");
    }
}
