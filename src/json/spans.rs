//! A byte-range map for a JSON text: for every value, where it is, and for every object member,
//! where its key is. serde_json builds the `Value` (and is the judge of validity: it runs first);
//! this scanner only records positions, in one pass, without recursion.

use super::Pointer;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

/// One value of the document, in pre-order.
#[derive(Clone, Copy, Debug)]
struct Node {
    kind: Kind,
    start: u32,
    end: u32,
    /// Byte range of the member's key, quotes included; `key_end == 0` when the value is not a member.
    key_start: u32,
    key_end: u32,
    /// Index one past this value's subtree: the next sibling, if any.
    next: u32,
}

/// Positions of every value in a JSON text. Offsets are into the text that was scanned plus `base`.
#[derive(Clone, Debug, Default)]
pub struct SpanTree<'t> {
    nodes: Vec<Node>,
    text: &'t str,
}

/// The scanner met something that is not JSON. serde_json reports syntax errors first, so in
/// practice this only happens on input serde_json accepted and the scanner does not (never seen).
#[derive(Debug)]
pub struct ScanError {
    pub offset: usize,
}

/// What a pointer leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub value: Range<usize>,
    /// The member's key, when the value is an object member.
    pub key: Option<Range<usize>>,
    pub kind: Kind,
}

impl<'t> SpanTree<'t> {
    /// Scans `text` (valid JSON, as serde_json accepted it). Offsets are reported relative to
    /// `text`; callers that scanned a slice add their own base.
    pub fn scan(text: &'t str) -> Result<SpanTree<'t>, ScanError> {
        let b = text.as_bytes();
        if b.len() >= u32::MAX as usize {
            return Err(ScanError { offset: 0 });
        }
        let mut nodes: Vec<Node> = Vec::with_capacity(b.len() / 16);
        let mut stack: Vec<u32> = Vec::new();
        let err = |offset: usize| ScanError { offset };
        let mut i = skip_ws(b, 0);
        let mut key: (u32, u32) = (0, 0);
        'value: loop {
            let start = i;
            let idx = nodes.len() as u32;
            let kind = match b.get(i).copied().ok_or(err(i))? {
                b'{' => Kind::Object,
                b'[' => Kind::Array,
                b'"' => Kind::String,
                b't' | b'f' => Kind::Bool,
                b'n' => Kind::Null,
                b'-' | b'0'..=b'9' => Kind::Number,
                _ => return Err(err(i)),
            };
            nodes.push(Node {
                kind,
                start: start as u32,
                end: 0,
                key_start: key.0,
                key_end: key.1,
                next: idx + 1,
            });
            key = (0, 0);
            match kind {
                Kind::Object | Kind::Array => {
                    stack.push(idx);
                    i = skip_ws(b, i + 1);
                    let close = if kind == Kind::Object { b'}' } else { b']' };
                    if b.get(i) != Some(&close) {
                        if kind == Kind::Object {
                            let (k, after) = member_key(b, i).ok_or(err(i))?;
                            key = k;
                            i = after;
                        }
                        continue 'value;
                    }
                    // An empty container: fall through to the closing logic below.
                }
                Kind::String => i = string_end(b, i).ok_or(err(i))?,
                Kind::Bool | Kind::Null => {
                    let len = match b[i] {
                        b't' | b'n' => 4,
                        _ => 5,
                    };
                    i = (i + len).min(b.len());
                }
                Kind::Number => {
                    i += 1;
                    while i < b.len()
                        && matches!(b[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                    {
                        i += 1;
                    }
                }
            }
            if !matches!(kind, Kind::Object | Kind::Array) {
                nodes[idx as usize].end = i as u32;
            }
            // After a value: close containers, or step to the next element or member.
            loop {
                i = skip_ws(b, i);
                let Some(&top) = stack.last() else {
                    break 'value;
                };
                let top_kind = nodes[top as usize].kind;
                match b.get(i).copied() {
                    Some(b',') => {
                        i = skip_ws(b, i + 1);
                        if top_kind == Kind::Object {
                            let (k, after) = member_key(b, i).ok_or(err(i))?;
                            key = k;
                            i = after;
                        }
                        continue 'value;
                    }
                    Some(b'}') | Some(b']') => {
                        i += 1;
                        let n = nodes.len() as u32;
                        let node = &mut nodes[top as usize];
                        node.end = i as u32;
                        node.next = n;
                        stack.pop();
                    }
                    _ => return Err(err(i)),
                }
            }
        }
        Ok(SpanTree { nodes, text })
    }

    /// Finds the value a pointer names. For duplicate keys the last one wins, as in serde_json.
    pub fn locate(&self, pointer: &Pointer) -> Option<Located> {
        let mut idx = 0usize;
        self.nodes.first()?;
        for segment in pointer.segments() {
            let node = self.nodes[idx];
            let mut child = idx + 1;
            let mut found = None;
            match node.kind {
                Kind::Object => {
                    while child < node.next as usize {
                        let c = self.nodes[child];
                        if self.key_is(c, &segment) {
                            found = Some(child);
                        }
                        child = c.next as usize;
                    }
                }
                Kind::Array => {
                    let want: usize = segment.parse().ok()?;
                    let mut n = 0;
                    while child < node.next as usize {
                        if n == want {
                            found = Some(child);
                            break;
                        }
                        n += 1;
                        child = self.nodes[child].next as usize;
                    }
                }
                _ => return None,
            }
            idx = found?;
        }
        let n = self.nodes[idx];
        Some(Located {
            value: n.start as usize..n.end as usize,
            key: (n.key_end > 0).then_some(n.key_start as usize..n.key_end as usize),
            kind: n.kind,
        })
    }

    /// The range of the value whose member key is written at `key` (quotes included).
    pub fn value_of_key(&self, key: &Range<usize>) -> Option<Range<usize>> {
        self.nodes
            .iter()
            .find(|n| n.key_end > 0 && n.key_start as usize == key.start)
            .map(|n| n.start as usize..n.end as usize)
    }

    /// Object members that appear more than once, as (pointer to the object, key, every key range).
    /// Allocates nothing for objects without duplicates (nearly all of them).
    pub fn duplicate_keys(&self) -> Vec<(Pointer, String, Vec<Range<usize>>)> {
        let mut out = Vec::new();
        let mut keys: Vec<(&str, Range<usize>)> = Vec::new();
        for (idx, node) in self.nodes.iter().enumerate() {
            if node.kind != Kind::Object {
                continue;
            }
            keys.clear();
            let mut escaped = false;
            let mut child = idx + 1;
            while child < node.next as usize {
                let c = self.nodes[child];
                let raw = &self.text[c.key_start as usize..c.key_end as usize];
                escaped |= raw.contains('\\');
                keys.push((raw, c.key_start as usize..c.key_end as usize));
                child = c.next as usize;
            }
            if keys.len() < 2 {
                continue;
            }
            // Raw text is compared first; only escaped keys need decoding to compare.
            let mut decoded: Vec<(String, Range<usize>)> = if escaped {
                keys.iter()
                    .map(|(raw, r)| (serde_json::from_str(raw).unwrap_or_default(), r.clone()))
                    .collect()
            } else {
                let mut sorted: Vec<&(&str, Range<usize>)> = keys.iter().collect();
                sorted.sort_unstable_by_key(|(k, _)| *k);
                if !sorted.windows(2).any(|w| w[0].0 == w[1].0) {
                    continue;
                }
                keys.iter()
                    .map(|(raw, r)| (raw[1..raw.len() - 1].to_owned(), r.clone()))
                    .collect()
            };
            decoded.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)));
            let pointer = self.pointer_of(idx);
            let mut i = 0;
            while i < decoded.len() {
                let mut j = i + 1;
                while j < decoded.len() && decoded[j].0 == decoded[i].0 {
                    j += 1;
                }
                if j - i > 1 {
                    let ranges = decoded[i..j].iter().map(|(_, r)| r.clone()).collect();
                    out.push((pointer.clone(), decoded[i].0.clone(), ranges));
                }
                i = j;
            }
        }
        out
    }

    /// The pointer of the node at `target`, found by walking down from the root.
    fn pointer_of(&self, target: usize) -> Pointer {
        let mut pointer = Pointer::root();
        let mut idx = 0;
        while idx != target {
            let node = self.nodes[idx];
            let mut child = idx + 1;
            let mut n = 0;
            while child < node.next as usize {
                let c = self.nodes[child];
                if child <= target && target < c.next as usize {
                    pointer = match node.kind {
                        Kind::Object => pointer.key(&self.key_text(c)),
                        _ => pointer.index(n),
                    };
                    break;
                }
                n += 1;
                child = c.next as usize;
            }
            if child >= node.next as usize {
                break;
            }
            idx = child;
        }
        pointer
    }

    fn key_text(&self, node: Node) -> String {
        let raw = &self.text[node.key_start as usize..node.key_end as usize];
        if raw.contains('\\') {
            serde_json::from_str(raw).unwrap_or_default()
        } else {
            raw[1..raw.len() - 1].to_owned()
        }
    }

    fn key_is(&self, node: Node, segment: &str) -> bool {
        let raw = &self.text[node.key_start as usize..node.key_end as usize];
        if raw.contains('\\') {
            self.key_text(node) == segment
        } else {
            &raw[1..raw.len() - 1] == segment
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Index one past the closing quote of the string that starts at `i`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        // Strings are most of a config's bytes: find the next quote or escape a word at a time.
        j += memchr::memchr2(b'"', b'\\', &b[j..])?;
        match b[j] {
            b'"' => return Some(j + 1),
            _ => j += 2,
        }
    }
    None
}

/// A member key at `i`, then the colon: the key's range and the index of the member's value.
fn member_key(b: &[u8], i: usize) -> Option<((u32, u32), usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let end = string_end(b, i)?;
    let colon = skip_ws(b, end);
    if b.get(colon) != Some(&b':') {
        return None;
    }
    Some(((i as u32, end as u32), skip_ws(b, colon + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span<'a>(text: &'a str, tree: &SpanTree, p: &str) -> (&'a str, Option<&'a str>) {
        let l = tree.locate(&Pointer::parse(p).unwrap()).unwrap();
        (&text[l.value.clone()], l.key.map(|k| &text[k]))
    }

    #[test]
    fn locates_values_and_keys() {
        let text = r#" {"a": [1, {"b~c/d": "x\"y"}, []], "e": {}, "a\u0020z": true, "n": -1.5e3}"#;
        let tree = SpanTree::scan(text).unwrap();
        assert_eq!(span(text, &tree, ""), (&text[1..], None));
        assert_eq!(span(text, &tree, "/a/0"), ("1", None));
        assert_eq!(
            span(text, &tree, "/a/1/b~0c~1d"),
            (r#""x\"y""#, Some(r#""b~c/d""#))
        );
        assert_eq!(span(text, &tree, "/a/2"), ("[]", None));
        assert_eq!(span(text, &tree, "/e"), ("{}", Some(r#""e""#)));
        assert_eq!(span(text, &tree, "/a z"), ("true", Some(r#""a\u0020z""#)));
        assert_eq!(span(text, &tree, "/n"), ("-1.5e3", Some(r#""n""#)));
        assert!(tree.locate(&Pointer::parse("/a/3").unwrap()).is_none());
        assert!(tree.locate(&Pointer::parse("/a/x").unwrap()).is_none());
        assert!(tree.locate(&Pointer::parse("/n/0").unwrap()).is_none());
    }

    #[test]
    fn last_duplicate_wins_and_duplicates_are_listed() {
        let text = r#"{"o": {"k": 1, "j": 0, "k": 2}}"#;
        let tree = SpanTree::scan(text).unwrap();
        assert_eq!(span(text, &tree, "/o/k").0, "2");
        let dups = tree.duplicate_keys();
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].0.as_str(), "/o");
        assert_eq!(dups[0].1, "k");
        assert_eq!(dups[0].2.len(), 2);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let tree = SpanTree::scan(&text).unwrap();
        assert_eq!(tree.nodes.len(), 100_000);
    }
}
