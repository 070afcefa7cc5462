//! The parser seam: whatever the file's syntax, a parser gives the rules one `serde_json::Value`
//! and a way to find the byte range of every key and value by JSON Pointer into the file.

use crate::json::{self, Located, Pointer, SpanTree, SyntaxError};
use crate::yaml;
use serde_json::Value;
use std::cell::OnceCell;
use std::ops::Range;

/// The syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
    /// HCL (`.tf`, `.tfvars`, `.hcl`): recognised, not read yet (issue 14), so never misread as YAML.
    Terraform,
}

impl Syntax {
    /// By the file's extension; by its first character when the name does not say (`.template`,
    /// standard input).
    pub fn of(path: &str, text: &str) -> Syntax {
        let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("json") => Syntax::Json,
            Some("yaml" | "yml") => Syntax::Yaml,
            Some("tf" | "tfvars" | "hcl") => Syntax::Terraform,
            _ if yaml::looks_like_yaml(text) => Syntax::Yaml,
            _ => Syntax::Json,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Syntax::Json => "JSON",
            Syntax::Yaml => "YAML",
            Syntax::Terraform => "Terraform",
        }
    }
}

/// A parsed file: its value, and where each part of it is.
pub struct Document<'t> {
    pub value: Value,
    pub spans: Spans<'t>,
    /// Some object has a member written twice (the value keeps the last one).
    pub duplicate_keys: bool,
}

/// Where things are in the file. Offsets are into the whole file.
pub enum Spans<'t> {
    /// JSON is scanned for positions only when a finding needs one (most files have none).
    Json {
        text: &'t str,
        base: usize,
        tree: OnceCell<SpanTree<'t>>,
    },
    /// The YAML converter records positions as it builds the value.
    Yaml(yaml::SpanMap),
}

/// Finds a value by pointer into the file (what rules' reports need of a document).
pub trait Locate {
    fn locate(&self, pointer: &Pointer) -> Option<Located>;
}

impl Locate for Spans<'_> {
    fn locate(&self, pointer: &Pointer) -> Option<Located> {
        match self {
            Spans::Json { text, base, tree } => {
                // The text parsed as JSON already, so the scan cannot fail; an empty tree would only locate nothing.
                let found = tree
                    .get_or_init(|| SpanTree::scan(text).unwrap_or_default())
                    .locate(pointer)?;
                let shift = |r: Range<usize>| r.start + base..r.end + base;
                Some(Located {
                    value: shift(found.value),
                    key: found.key.map(shift),
                    kind: found.kind,
                })
            }
            Spans::Yaml(map) => map.locate(pointer),
        }
    }
}

impl Spans<'_> {
    /// Every member written more than once: the object, the key, and the range of each writing.
    pub fn duplicate_keys(&self) -> Vec<(Pointer, String, Vec<Range<usize>>)> {
        match self {
            Spans::Json { text, base, tree } => {
                let tree = tree.get_or_init(|| SpanTree::scan(text).unwrap_or_default());
                let shift = |r: &Range<usize>| r.start + base..r.end + base;
                tree.duplicate_keys()
                    .into_iter()
                    .map(|(o, k, ranges)| (o, k, ranges.iter().map(shift).collect()))
                    .collect()
            }
            Spans::Yaml(map) => map.duplicate_keys().to_vec(),
        }
    }
}

/// Parses `text[base..]` (after a byte order mark) as `syntax`. Error offsets are into the file.
pub fn parse(text: &str, base: usize, syntax: Syntax) -> Result<Document<'_>, SyntaxError> {
    let body = &text[base..];
    let shift = |e: SyntaxError| SyntaxError {
        offset: e.offset + base,
        message: e.message,
    };
    match syntax {
        Syntax::Terraform => Err(SyntaxError {
            offset: base,
            message: "Terraform is not read yet".to_owned(),
        }),
        Syntax::Json => {
            let parsed = json::parse(body).map_err(shift)?;
            Ok(Document {
                value: parsed.value,
                spans: Spans::Json {
                    text: body,
                    base,
                    tree: OnceCell::new(),
                },
                duplicate_keys: parsed.duplicate_keys,
            })
        }
        Syntax::Yaml => {
            let parsed = yaml::parse(body).map_err(shift)?;
            let spans = parsed.spans.shifted(base);
            Ok(Document {
                value: parsed.value,
                duplicate_keys: !spans.duplicate_keys().is_empty(),
                spans: Spans::Yaml(spans),
            })
        }
    }
}
