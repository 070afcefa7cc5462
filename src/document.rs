//! The parser seam: whatever the file's syntax, a parser gives the rules one `serde_json::Value`
//! and a way to find the byte range of every key and value by JSON Pointer into the file.

use crate::json::{self, Located, Pointer, SpanTree, SyntaxError};
use crate::yaml;
use serde_json::Value;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

/// The syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
    /// HCL, Terraform's native syntax (`.tf`, `.tfvars`, `.hcl`).
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
    /// The YAML and HCL converters record positions as they build the value.
    Built { map: SpanMap, text: &'t str },
}

/// Finds a value by pointer into the file (what rules' reports need of a document).
pub trait Locate {
    fn locate(&self, pointer: &Pointer) -> Option<Located>;

    /// The text of the file at a byte range, as written (for a fix that must know it replaces
    /// exactly what it means to); `None` when unknown.
    fn written(&self, _range: Range<usize>) -> Option<&str> {
        None
    }
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
            Spans::Built { map, .. } => map.locate(pointer),
        }
    }

    fn written(&self, range: Range<usize>) -> Option<&str> {
        match self {
            Spans::Json { text, base, .. } => {
                text.get(range.start.checked_sub(*base)?..range.end.checked_sub(*base)?)
            }
            Spans::Built { text, .. } => text.get(range),
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
            Spans::Built { map, .. } => map.duplicate_keys().to_vec(),
        }
    }

    /// The whole member whose key is written at `key` (key start to value end): for a member
    /// written twice, where each writing is.
    pub fn member_at(&self, key: &Range<usize>) -> Option<Range<usize>> {
        match self {
            Spans::Json { text, base, tree } => {
                let tree = tree.get_or_init(|| SpanTree::scan(text).unwrap_or_default());
                let inner = key.start.checked_sub(*base)?..key.end.checked_sub(*base)?;
                let value = tree.value_of_key(&inner)?;
                Some(key.start..value.end + base)
            }
            Spans::Built { map, .. } => map
                .entries()
                .find(|(_, l)| l.key.as_ref() == Some(key))
                .map(|(_, l)| key.start..l.value.end.max(key.end)),
        }
    }

    /// Whether `offset` falls inside a scalar written in the file (a key or a string, quotes
    /// included): a `#` there is text, not a comment. JSON has no comments, so never.
    pub fn in_scalar(&self, offset: usize) -> bool {
        let Spans::Built { map, .. } = self else {
            return false;
        };
        map.entries().any(|(_, l)| {
            l.key.as_ref().is_some_and(|k| k.contains(&offset))
                || (!matches!(l.kind, json::Kind::Object | json::Kind::Array)
                    && l.value.contains(&offset))
        })
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
        Syntax::Terraform => {
            let parsed = crate::hcl::parse(body).map_err(shift)?;
            let spans = parsed.spans.shifted(base);
            Ok(Document {
                value: parsed.value,
                duplicate_keys: !spans.duplicate_keys().is_empty(),
                spans: Spans::Built { map: spans, text },
            })
        }
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
                spans: Spans::Built { map: spans, text },
            })
        }
    }
}

/// Where every value of a document is, by pointer; and every member written twice. Parsers that
/// build the value themselves (YAML, HCL) record positions here as they go.
///
/// Positions are recorded in document order as the value is built, and put in order for lookup
/// only when something is looked up: most files have no finding, and pay no hashing or sorting.
#[derive(Clone, Debug, Default)]
pub struct SpanMap {
    located: Vec<(Pointer, Located)>,
    /// (hash of the pointer, index into `located`), sorted, made on the first lookup: sorting
    /// numbers is far cheaper than sorting the pointers' text, and a lookup checks the text.
    order: std::cell::OnceCell<Vec<(u64, u32)>>,
    /// (object, key, the range of each key written), in document order.
    duplicates: Vec<(Pointer, String, Vec<Range<usize>>)>,
    /// Where each (object, key) is in `duplicates`.
    duplicate_index: HashMap<(Pointer, String), usize>,
}

fn hash(pointer: &Pointer) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(pointer.as_str())
}

impl SpanMap {
    pub fn locate(&self, pointer: &Pointer) -> Option<Located> {
        let order = self.order.get_or_init(|| {
            let mut order: Vec<(u64, u32)> = (self.located.iter().enumerate())
                .map(|(i, (p, _))| (hash(p), i as u32))
                .collect();
            order.sort_unstable();
            order
        });
        let wanted = hash(pointer);
        let from = order.partition_point(|(h, _)| *h < wanted);
        let to = order.partition_point(|(h, _)| *h <= wanted);
        // The last entry for this pointer: a member written twice is where it was written last.
        order[from..to]
            .iter()
            .rev()
            .map(|(_, i)| &self.located[*i as usize])
            .find(|(found, _)| found == pointer)
            .map(|(_, located)| located.clone())
    }

    pub(crate) fn record(&mut self, pointer: Pointer, located: Located) {
        self.located.push((pointer, located));
    }

    pub(crate) fn len(&self) -> usize {
        self.located.len()
    }

    pub(crate) fn entry(&self, i: usize) -> &(Pointer, Located) {
        &self.located[i]
    }

    pub(crate) fn entries(&self) -> std::slice::Iter<'_, (Pointer, Located)> {
        self.located.iter()
    }

    /// `key` written again in `object` at `again`; `earlier` is where it was first written.
    pub(crate) fn duplicate(
        &mut self,
        object: Pointer,
        key: String,
        earlier: Option<Range<usize>>,
        again: Range<usize>,
    ) {
        let slot = (object, key);
        match self.duplicate_index.get(&slot) {
            Some(&at) => self.duplicates[at].2.push(again),
            None => {
                self.duplicate_index
                    .insert(slot.clone(), self.duplicates.len());
                let (object, key) = slot;
                self.duplicates
                    .push((object, key, earlier.into_iter().chain([again]).collect()));
            }
        }
    }

    pub fn duplicate_keys(&self) -> &[(Pointer, String, Vec<Range<usize>>)] {
        &self.duplicates
    }

    /// The same map for a text that starts `base` bytes into the file.
    pub fn shifted(mut self, base: usize) -> SpanMap {
        if base == 0 {
            return self;
        }
        let shift = |r: &mut Range<usize>| *r = r.start + base..r.end + base;
        self.order = Default::default();
        for (_, l) in self.located.iter_mut() {
            shift(&mut l.value);
            l.key.iter_mut().for_each(shift);
        }
        self.duplicates
            .iter_mut()
            .flat_map(|(_, _, ranges)| ranges.iter_mut())
            .for_each(shift);
        self
    }
}
