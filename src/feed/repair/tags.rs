//! A forgiving scanner over the tags of a decoded document, and the edit list the repair steps
//! write through. The repair steps must first decide whether a document needs them at all, and
//! on well-formed feeds that decision has to cost far less than parsing: so this finds tags
//! with one `memchr` sweep, builds no tree, checks nothing, and never fails. Comments, CDATA
//! sections, processing instructions and doctypes are stepped over so that markup quoted inside
//! them is never mistaken for the document's own.

use std::ops::Range;

use memchr::{memchr, memmem};

/// One start, end or empty-element tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset just past the `>`.
    pub end: usize,
    /// The qualified name as written (`title`, `rdf:RDF`).
    pub name: &'a str,
    pub kind: TagKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagKind {
    Start,
    End,
    /// `<name ... />`
    Empty,
}

impl<'a> Tag<'a> {
    /// The name without its namespace prefix.
    pub fn local_name(&self) -> &'a str {
        local_name(self.name)
    }

    /// The byte range (in the document) of the value of attribute `name`, quotes excluded.
    pub fn attribute(&self, doc: &str, name: &str) -> Option<Range<usize>> {
        attributes(doc, self)
            .find(|(attr_name, _)| *attr_name == name)
            .map(|(_, value)| value)
    }
}

/// A qualified name without its namespace prefix.
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Attribute names and value ranges of a start or empty tag. Stops at the first thing that is
/// not `name="value"`, `name='value'` or `name=value`.
pub(crate) fn attributes<'a>(
    doc: &'a str,
    tag: &Tag<'a>,
) -> impl Iterator<Item = (&'a str, Range<usize>)> + 'a {
    let bytes = doc.as_bytes();
    let mut pos = tag.start + 1 + tag.name.len();
    let limit = tag.end;
    std::iter::from_fn(move || {
        let skip_spaces = |mut pos: usize| {
            while pos < limit && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            pos
        };
        pos = skip_spaces(pos);
        let name_start = pos;
        while pos < limit
            && !matches!(bytes[pos], b'=' | b'>' | b'/')
            && !bytes[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        if pos == name_start {
            return None;
        }
        let name = &doc[name_start..pos];
        pos = skip_spaces(pos);
        if bytes.get(pos) != Some(&b'=') {
            return None;
        }
        pos = skip_spaces(pos + 1);
        let value = match bytes.get(pos) {
            Some(&quote @ (b'"' | b'\'')) => {
                let value_start = pos + 1;
                let len = memchr(quote, &bytes[value_start..limit])?;
                pos = value_start + len + 1;
                value_start..value_start + len
            }
            Some(_) => {
                let value_start = pos;
                while pos < limit
                    && !matches!(bytes[pos], b'>')
                    && !bytes[pos].is_ascii_whitespace()
                {
                    pos += 1;
                }
                value_start..pos
            }
            None => return None,
        };
        Some((name, value))
    })
}

/// Iterates the tags of `doc` from a byte offset on.
pub(crate) struct Tags<'a> {
    doc: &'a str,
    pos: usize,
}

impl<'a> Tags<'a> {
    pub fn new(doc: &'a str) -> Self {
        Tags { doc, pos: 0 }
    }

    /// Continues the scan at `pos`, e.g. past the text content of an element that was
    /// inspected separately.
    pub fn resume_at(&mut self, pos: usize) {
        self.pos = pos.max(self.pos);
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let bytes = self.doc.as_bytes();
        loop {
            let lt = self.pos + memchr(b'<', bytes.get(self.pos..)?)?;
            let rest = &bytes[lt..];
            let skip_past = |terminator: &[u8], from: usize| {
                memmem::find(&rest[from..], terminator).map(|at| lt + from + at + terminator.len())
            };
            if rest.starts_with(b"<!--") {
                self.pos = skip_past(b"-->", 4)?;
            } else if rest.starts_with(b"<![CDATA[") {
                self.pos = skip_past(b"]]>", 9)?;
            } else if rest.starts_with(b"<?") {
                self.pos = skip_past(b"?>", 2)?;
            } else if rest.starts_with(b"<!") {
                self.pos = skip_declaration(rest).map(|len| lt + len)?;
            } else {
                let (closing, name_start) = match rest.get(1) {
                    Some(b'/') => (true, 2),
                    _ => (false, 1),
                };
                let name_len = rest[name_start..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/' | b'<'))
                    .unwrap_or(rest.len() - name_start);
                let starts_name = rest.get(name_start).is_some_and(|b| {
                    b.is_ascii_alphabetic() || matches!(b, b'_' | b':') || *b >= 0x80
                });
                if !starts_name {
                    // "a < b" in sloppy text: not markup.
                    self.pos = lt + 1;
                    continue;
                }
                let end = match tag_length(rest, name_start + name_len) {
                    TagEnd::At(len) => lt + len,
                    TagEnd::Broken => {
                        self.pos = lt + 1;
                        continue;
                    }
                    TagEnd::Missing => return None,
                };
                self.pos = end;
                let name = &self.doc[lt + name_start..lt + name_start + name_len];
                let kind = if closing {
                    TagKind::End
                } else if bytes[end - 2] == b'/' {
                    TagKind::Empty
                } else {
                    TagKind::Start
                };
                return Some(Tag {
                    start: lt,
                    end,
                    name,
                    kind,
                });
            }
        }
    }
}

enum TagEnd {
    /// The tag's length through its `>`.
    At(usize),
    /// A `<` came before the `>`: what looked like a tag is text.
    Broken,
    /// The document ends inside the tag.
    Missing,
}

/// Where a tag starting at `rest[0] == '<'` ends, stepping over quoted attribute values (which
/// may hold a `>`).
fn tag_length(rest: &[u8], from: usize) -> TagEnd {
    let mut pos = from;
    let mut quote = None;
    while let Some(&byte) = rest.get(pos) {
        match (quote, byte) {
            (None, b'>') => return TagEnd::At(pos + 1),
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'<') => return TagEnd::Broken,
            _ => {}
        }
        pos += 1;
    }
    TagEnd::Missing
}

/// Length of `<!DOCTYPE ...>` or another `<!...>` declaration, internal subset included.
fn skip_declaration(rest: &[u8]) -> Option<usize> {
    let close = memchr(b'>', rest)?;
    match memchr(b'[', &rest[..close]) {
        Some(open) => memmem::find(&rest[open..], b"]>").map(|at| open + at + 2),
        None => Some(close + 1),
    }
}

/// The first element's start tag: the document's root.
pub(crate) fn root(doc: &str) -> Option<Tag<'_>> {
    Tags::new(doc).find(|tag| tag.kind != TagKind::End)
}

/// Replacements collected in document order and applied in one copy.
#[derive(Debug, Default)]
pub(crate) struct Edits {
    edits: Vec<(Range<usize>, String)>,
}

impl Edits {
    /// Replaces `range` with `text`. Ranges must be added in increasing, non-overlapping order.
    pub fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        debug_assert!(
            self.edits
                .last()
                .is_none_or(|(last, _)| last.end <= range.start),
            "edits out of order"
        );
        self.edits.push((range, text.into()));
    }

    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at..at, text);
    }

    /// The document with every edit made, or `None` when there was nothing to change.
    pub fn apply(self, doc: &str) -> Option<String> {
        if self.edits.is_empty() {
            return None;
        }
        let added: usize = self.edits.iter().map(|(_, text)| text.len()).sum();
        let mut out = String::with_capacity(doc.len() + added);
        let mut copied = 0;
        for (range, text) in self.edits {
            out.push_str(&doc[copied..range.start]);
            out.push_str(&text);
            copied = range.end;
        }
        out.push_str(&doc[copied..]);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(doc: &str) -> Vec<(TagKind, &str)> {
        Tags::new(doc).map(|tag| (tag.kind, tag.name)).collect()
    }

    #[test]
    fn scanner_steps_over_comments_cdata_and_declarations() {
        let doc = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "<y>">]><!-- <no> -->
            <rss a='>'><title><![CDATA[<b>not a tag</b>]]></title>a < b<br/></rss>"#;
        assert_eq!(
            names(doc),
            [
                (TagKind::Start, "rss"),
                (TagKind::Start, "title"),
                (TagKind::End, "title"),
                (TagKind::Empty, "br"),
                (TagKind::End, "rss"),
            ]
        );
        assert_eq!(root(doc).map(|tag| tag.name), Some("rss"));
    }

    #[test]
    fn attributes_are_read_with_any_quoting() {
        let doc = r#"<content type="text/xml" mode='escaped' src=x.png />"#;
        let tag = root(doc).expect("a tag");
        let values: Vec<_> = attributes(doc, &tag)
            .map(|(name, range)| (name, &doc[range]))
            .collect();
        assert_eq!(
            values,
            [("type", "text/xml"), ("mode", "escaped"), ("src", "x.png")]
        );
        assert_eq!(tag.attribute(doc, "mode").map(|r| &doc[r]), Some("escaped"));
    }

    #[test]
    fn edits_apply_in_one_copy() {
        let mut edits = Edits::default();
        edits.replace(0..1, "A");
        edits.insert(3, "!");
        assert_eq!(edits.apply("abc").as_deref(), Some("Abc!"));
        assert_eq!(Edits::default().apply("abc"), None);
    }
}
