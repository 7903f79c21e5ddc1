//! The entry cap, applied to the document before feed-rs reads it. feed-rs builds its model of
//! the whole document before `parse` can drop entries past `MAX_ITEMS_PER_FEED`, and a model
//! entry costs about a kilobyte however small the entry: 290,000 `<item>`s of 34 bytes (9.6 MiB,
//! within `max_body`) took 268 MiB. So the document is cut after its last kept entry, and
//! feed-rs never sees the rest.
//!
//! XML: one forgiving scan of the tags ([`crate::feed::repair::tags`]) counts the entries
//! (`<entry>` under an Atom root, `<item>` otherwise; not ones nested inside another) and keeps
//! the stack of open elements; the document is cut where the first entry past the cap starts,
//! and the elements still open there are closed (`</channel></rss>`). Whatever follows the cut
//! is dropped, channel elements after the items included. JSON Feed: a scan of the structure
//! (strings, brackets; no values built) finds the top-level `items` array, or the
//! `rss.channel.item` of RSS-in-JSON, and removes its elements past the cap, keeping the
//! members after the array. Both scans keep counting to the end, so the warning can say how many
//! entries the document held, and both cost a few bytes per open element, never per entry.
//!
//! The scans ([`scan_entries`], [`entry_array`]) are the repair layer's one way of finding
//! entries: `repair::truncated` uses them too, to find the last entry that closed before a cut.

use std::ops::Range;

use memchr::memmem;

use crate::feed::repair::tags::{self, TagKind, Tags};

/// A document cut after its `limit`th entry.
#[derive(Debug)]
pub(crate) struct Capped<T> {
    pub doc: T,
    /// Entries the whole document holds, as the scan counted them.
    pub entries: usize,
}

/// Open elements remembered by name. Deeper nesting than this is not a feed's: elements past
/// it are counted but not named, and entries among them are not entries.
const MAX_TRACKED_DEPTH: usize = 256;

/// `doc` cut after its `limit`th entry, or `None` when it holds no more than `limit`.
pub(crate) fn cap_xml_entries(doc: &str, limit: usize) -> Option<Capped<String>> {
    let root = tags::root(doc)?;
    let entry_name = entry_name(root.local_name());
    // Every entry's start tag holds its name: a count of the name's occurrences, far cheaper
    // than the scan, spares nearly every feed the scan.
    if root.kind == TagKind::Empty || memmem::find_iter(doc.as_bytes(), entry_name).count() <= limit
    {
        return None;
    }
    let mut started = 0;
    let mut cut = None;
    let entries = scan_entries(doc, entry_name, |edge, open| {
        if let EntryEdge::Start(at) = edge {
            started += 1;
            if started == limit + 1 {
                cut = Some((at, closing_tags(open)));
            }
        }
    });
    let (at, closing) = cut?;
    let mut capped = String::with_capacity(at + closing.len());
    capped.push_str(&doc[..at]);
    capped.push_str(&closing);
    Some(Capped {
        doc: capped,
        entries,
    })
}

/// The name of a feed's entries, by the local name of its root: `entry` under an Atom root
/// (or a bare Atom `<entry>` document), `item` otherwise.
pub(crate) fn entry_name(root: &str) -> &'static str {
    match root {
        "feed" | "entry" => "entry",
        _ => "item",
    }
}

/// A boundary of an entry that [`scan_entries`] met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryEdge {
    /// The entry's start tag begins at this offset.
    Start(usize),
    /// The entry is complete: its end tag (or, for `<item/>`, its only tag) ends here.
    End(usize),
}

/// One forgiving scan of the tags of `doc`, calling `at_edge` at each start and end of an
/// `entry_name` element that is not inside another entry, with the names of the elements open
/// there, outermost first (at an end, the entry is no longer among them); returns how many
/// entries started. The root is an entry too in a bare Atom `<entry>` document. The scan ends
/// where the tags do: at the end of the document, or at a tag, comment or CDATA section that
/// never ends.
pub(crate) fn scan_entries<'a>(
    doc: &'a str,
    entry_name: &str,
    mut at_edge: impl FnMut(EntryEdge, &[&'a str]),
) -> usize {
    let mut open: Vec<&str> = Vec::new();
    let mut untracked = 0usize;
    // Index in `open` of the entry being read, if any: entries inside it are not counted.
    let mut in_entry = None;
    let mut entries = 0;
    for tag in Tags::new(doc) {
        match tag.kind {
            TagKind::Start | TagKind::Empty if untracked > 0 => {
                untracked += usize::from(tag.kind == TagKind::Start);
            }
            TagKind::Start | TagKind::Empty => {
                if in_entry.is_none() && tag.local_name() == entry_name {
                    entries += 1;
                    at_edge(EntryEdge::Start(tag.start), &open);
                    match tag.kind {
                        TagKind::Start => in_entry = Some(open.len()),
                        _ => at_edge(EntryEdge::End(tag.end), &open),
                    }
                }
                if tag.kind == TagKind::Start {
                    if open.len() < MAX_TRACKED_DEPTH {
                        open.push(tag.name);
                    } else {
                        untracked = 1;
                    }
                }
            }
            TagKind::End if untracked > 0 => untracked -= 1,
            TagKind::End => {
                // An end tag closes its element and any left open inside it (HTML habits);
                // a stray one closes nothing.
                if let Some(at) = open.iter().rposition(|name| *name == tag.name) {
                    open.truncate(at);
                    if in_entry.is_some_and(|entry| entry >= open.len()) {
                        in_entry = None;
                        at_edge(EntryEdge::End(tag.end), &open);
                    }
                }
            }
        }
    }
    entries
}

/// `</name>` for each open element, innermost first.
pub(crate) fn closing_tags(open: &[&str]) -> String {
    open.iter().rev().map(|name| format!("</{name}>")).collect()
}

/// The JSON paths of entry arrays: JSON Feed's, then RSS-in-JSON's.
const JSON_ENTRY_ARRAYS: [&[&str]; 2] = [&["items"], &["rss", "channel", "item"]];

/// `doc` with the elements of its entry array past the `limit`th removed, or `None` when it
/// holds no more than `limit` (or no entry array the scan can find).
pub(crate) fn cap_json_items(doc: &[u8], limit: usize) -> Option<Capped<Vec<u8>>> {
    // Entries are separated by commas: too few commas, too few entries.
    if memchr::memchr_iter(b',', doc).count() < limit {
        return None;
    }
    let array = entry_array(doc)?;
    let mut elements = array.elements(doc);
    let mut entries = 0;
    let mut kept_end = None;
    for element in elements.by_ref() {
        entries += 1;
        if entries == limit {
            kept_end = Some(element.end);
        }
    }
    if entries <= limit {
        return None;
    }
    let kept_end = kept_end?;
    let mut capped = doc[..kept_end].to_vec();
    match elements.end {
        Some(ArrayEnd::Closed(close)) => capped.extend_from_slice(&doc[close..]),
        // Broken after the kept entries: close the array and the objects around it, so what
        // is kept still parses.
        _ => capped.extend(array.closing()),
    }
    Some(Capped {
        doc: capped,
        entries,
    })
}

/// A JSON document's entry array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntryArray {
    /// Offset of its `[`.
    pub start: usize,
    /// Objects around it: 1 for JSON Feed's `items`, 3 for RSS-in-JSON's `rss.channel.item`.
    pub depth: usize,
}

impl EntryArray {
    /// Its elements in order, scanned as they are asked for.
    pub fn elements<'a>(&self, doc: &'a [u8]) -> ArrayElements<'a> {
        ArrayElements {
            doc,
            pos: skip_whitespace(doc, self.start + 1),
            end: None,
        }
    }

    /// What closes the array and the objects around it, for a document broken inside it.
    pub fn closing(&self) -> impl Iterator<Item = u8> {
        std::iter::once(b']').chain(std::iter::repeat_n(b'}', self.depth))
    }
}

/// The entry array of `doc`: JSON Feed's, else RSS-in-JSON's; `None` when the scan finds
/// neither (members before it are skipped, so a document broken before it has none).
pub(crate) fn entry_array(doc: &[u8]) -> Option<EntryArray> {
    JSON_ENTRY_ARRAYS.iter().find_map(|path| {
        let mut value = skip_whitespace(doc, 0);
        for key in *path {
            value = object_member(doc, value, key)?;
        }
        (doc.get(value) == Some(&b'[')).then_some(EntryArray {
            start: value,
            depth: path.len(),
        })
    })
}

/// Iterates the byte ranges of an array's elements; [`ArrayElements::end`] then says how the
/// array ended.
pub(crate) struct ArrayElements<'a> {
    doc: &'a [u8],
    pos: usize,
    /// Set when the iteration is over.
    pub end: Option<ArrayEnd>,
}

/// How an array's scan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArrayEnd {
    /// At its `]`, at this offset.
    Closed(usize),
    /// At a value that does not end, or a `]` or `}` where a value belongs: the document is
    /// broken (or cut short) inside the array.
    Broken,
}

impl Iterator for ArrayElements<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.end.is_some() {
            return None;
        }
        loop {
            match self.doc.get(self.pos) {
                Some(b']') => self.end = Some(ArrayEnd::Closed(self.pos)),
                Some(b',') => {
                    self.pos = skip_whitespace(self.doc, self.pos + 1);
                    continue;
                }
                Some(_) => match skip_value(self.doc, self.pos) {
                    Some(end) => {
                        let element = self.pos..end;
                        self.pos = skip_whitespace(self.doc, end);
                        return Some(element);
                    }
                    None => self.end = Some(ArrayEnd::Broken),
                },
                None => self.end = Some(ArrayEnd::Broken),
            }
            return None;
        }
    }
}

/// Where the value of member `key` of the object starting at `pos` starts.
fn object_member(doc: &[u8], pos: usize, key: &str) -> Option<usize> {
    if doc.get(pos) != Some(&b'{') {
        return None;
    }
    let mut pos = skip_whitespace(doc, pos + 1);
    loop {
        if doc.get(pos) != Some(&b'"') {
            return None;
        }
        let key_end = skip_string(doc, pos)?;
        let name = &doc[pos + 1..key_end - 1];
        pos = skip_whitespace(doc, key_end);
        if doc.get(pos) != Some(&b':') {
            return None;
        }
        let value = skip_whitespace(doc, pos + 1);
        if name == key.as_bytes() {
            return Some(value);
        }
        pos = skip_whitespace(doc, skip_value(doc, value)?);
        match doc.get(pos) {
            Some(b',') => pos = skip_whitespace(doc, pos + 1),
            _ => return None,
        }
    }
}

fn skip_whitespace(doc: &[u8], mut pos: usize) -> usize {
    while doc
        .get(pos)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the string whose opening quote is at `pos`.
fn skip_string(doc: &[u8], pos: usize) -> Option<usize> {
    let mut at = pos + 1;
    loop {
        at += memchr::memchr2(b'"', b'\\', doc.get(at..)?)?;
        if doc[at] == b'\\' {
            at += 2;
        } else {
            return Some(at + 1);
        }
    }
}

/// The end (exclusive) of the value starting at `pos`: a string, an array or object with
/// everything in it, or a scalar. Checks brackets only as far as finding the end needs.
fn skip_value(doc: &[u8], pos: usize) -> Option<usize> {
    match doc.get(pos)? {
        b'"' => skip_string(doc, pos),
        b'[' | b'{' => {
            let mut depth = 0usize;
            let mut at = pos;
            loop {
                match doc.get(at)? {
                    b'"' => {
                        at = skip_string(doc, at)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        _ => {
            let len = doc[pos..]
                .iter()
                .position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(doc.len() - pos);
            // A `]` or `}` where a value belongs: nothing to skip, and no way forward.
            (len > 0).then_some(pos + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_is_cut_where_the_first_entry_past_the_cap_starts() {
        let doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\
                   <item><title>1</title><description><p>a<br></description></item>\
                   <item><title>2</title></item><item/><item><title>4</title></item>\
                   </channel></rss>";
        let capped = cap_xml_entries(doc, 2).expect("over the cap");
        assert_eq!(capped.entries, 4);
        assert_eq!(
            capped.doc,
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\
             <item><title>1</title><description><p>a<br></description></item>\
             <item><title>2</title></item></channel></rss>"
        );
        assert!(cap_xml_entries(doc, 4).is_none());
    }

    #[test]
    fn atom_entries_and_nested_names_are_told_apart() {
        let doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\
                   <entry><id>1</id><content type=\"xhtml\"><item>not an entry</item></content></entry>\
                   <!-- <entry> --><entry><id>2</id></entry><entry><id>3</id></entry></feed>";
        let capped = cap_xml_entries(doc, 1).expect("over the cap");
        assert_eq!(capped.entries, 3);
        assert!(
            capped.doc.ends_with("</entry><!-- <entry> --></feed>"),
            "{}",
            capped.doc
        );
        // In RSS, only `item` counts.
        assert!(cap_xml_entries("<rss><channel><entry/><entry/></channel></rss>", 1).is_none());
    }

    #[test]
    fn json_items_past_the_cap_are_removed_and_the_rest_kept() {
        let doc = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "a [b] {c}",
            "items": [{"id": "1", "tags": ["x]"]}, {"id": "2"} , {"id": "3"}], "next_url": "n"}"#;
        let capped = cap_json_items(doc, 2).expect("over the cap");
        assert_eq!(capped.entries, 3);
        assert_eq!(
            String::from_utf8_lossy(&capped.doc),
            r#"{"version": "https://jsonfeed.org/version/1.1", "title": "a [b] {c}",
            "items": [{"id": "1", "tags": ["x]"]}, {"id": "2"}], "next_url": "n"}"#
        );
        assert!(cap_json_items(doc, 3).is_none());
        let rss_in_json = br#"{"rss": {"version": "2.0", "channel": {"title": "t",
            "item": [{"title": "1"}, {"title": "2"}]}}}"#;
        let capped = cap_json_items(rss_in_json, 1).expect("over the cap");
        assert_eq!(capped.entries, 2);
        assert!(capped.doc.ends_with(br#"[{"title": "1"}]}}}"#));
    }

    #[test]
    fn json_broken_after_the_kept_items_is_closed() {
        let doc = br#"{"version": "1", "items": [{"id": "1"}, {"id": "2"}, {"id": "3", "ti"#;
        let capped = cap_json_items(doc, 1).expect("over the cap");
        assert_eq!(capped.doc, br#"{"version": "1", "items": [{"id": "1"}]}"#);
        for broken in [&br#"{"items": [1, 2, }, 3]}"#[..], br#"{"items": [1, 2, 3"#] {
            let capped = cap_json_items(broken, 1).expect("over the cap");
            assert_eq!(capped.doc, br#"{"items": [1]}"#);
        }
    }
}
