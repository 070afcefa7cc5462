//! JSON Pointers (RFC 6901): how findings name the value they are about.

use std::borrow::Cow;
use std::fmt;

/// A JSON Pointer, kept in its escaped string form (`/Origins/Items/0/Id`, `/a~1b`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document.
    pub fn root() -> Self {
        Pointer(String::new())
    }

    /// Parses an escaped pointer such as `/Origins/Items/0`. An empty string is the root.
    pub fn parse(text: &str) -> Option<Self> {
        if text.is_empty() || text.starts_with('/') {
            Some(Pointer(text.to_owned()))
        } else {
            None
        }
    }

    /// This pointer with one more segment (a member name or an array index), escaped as needed.
    pub fn key(&self, segment: &str) -> Self {
        let mut out = String::with_capacity(self.0.len() + segment.len() + 1);
        out.push_str(&self.0);
        out.push('/');
        for c in segment.chars() {
            match c {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                c => out.push(c),
            }
        }
        Pointer(out)
    }

    /// This pointer with an array index appended.
    pub fn index(&self, index: usize) -> Self {
        Pointer(format!("{}/{index}", self.0))
    }

    /// This pointer followed by every segment of `other` (`/DistributionConfig` + `/Origins`).
    pub fn join(&self, other: &Pointer) -> Self {
        Pointer(format!("{}{}", self.0, other.0))
    }

    /// The pointer one level up; the root is its own parent.
    pub fn parent(&self) -> Self {
        match self.0.rfind('/') {
            Some(i) => Pointer(self.0[..i].to_owned()),
            None => Pointer::root(),
        }
    }

    /// The unescaped segments, in order (borrowed unless they hold an escape).
    pub fn segments(&self) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        self.0.split('/').skip(1).map(unescape)
    }

    /// The last segment, unescaped; `None` for the root.
    pub fn last(&self) -> Option<String> {
        self.0
            .rfind('/')
            .map(|i| unescape(&self.0[i + 1..]).into_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn unescape(segment: &str) -> Cow<'_, str> {
    if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Builds a pointer from segments: `ptr!["Origins", "Items", 0]`.
#[macro_export]
macro_rules! ptr {
    ($($segment:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut p = $crate::json::Pointer::root();
        $( p = $crate::json::pointer::Segment::append(&$segment, &p); )*
        p
    }};
}

/// What `ptr!` accepts as a segment.
pub trait Segment {
    fn append(&self, to: &Pointer) -> Pointer;
}
impl Segment for &str {
    fn append(&self, to: &Pointer) -> Pointer {
        to.key(self)
    }
}
impl Segment for String {
    fn append(&self, to: &Pointer) -> Pointer {
        to.key(self)
    }
}
impl Segment for usize {
    fn append(&self, to: &Pointer) -> Pointer {
        to.index(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_unescapes() {
        let p = Pointer::root().key("a/b").key("c~d").index(3);
        assert_eq!(p.as_str(), "/a~1b/c~0d/3");
        assert_eq!(p.segments().collect::<Vec<_>>(), ["a/b", "c~d", "3"]);
        assert_eq!(p.parent().as_str(), "/a~1b/c~0d");
        assert_eq!(p.last().as_deref(), Some("3"));
        assert_eq!(Pointer::root().parent(), Pointer::root());
    }
}
