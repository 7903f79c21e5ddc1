//! Markup repairs: documents that are not quite XML, and text elements that hold markup.
//!
//! [`escape_markup_in_text`] runs before feed-rs: an RSS `<title>Alibaba <b>earnings</b>
//! beat</title>` is well-formed, but feed-rs keeps only the text before the first child
//! ("Alibaba "), so a rule on "earnings" would miss it. RSS titles and descriptions have no
//! child elements, so such markup is HTML the publisher forgot to escape; escaping it hands
//! the whole string to `html_to_text`, which strips the tags.
//!
//! [`recover_malformed`] runs only after feed-rs has rejected a document as malformed XML.
//! It mends what feedparser tolerates: bare `&`, a stray `<`, an unclosed CDATA section, end
//! tags that close the wrong element, elements never closed. quick-xml (already feed-rs's
//! tokenizer) reads the document in its lenient modes; the fixes are edits to the original
//! text, so everything that was fine reaches feed-rs byte for byte.

use std::ops::Range;

use memchr::memmem;
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::feed::repair::tags::{Edits, TagKind, Tags};

/// The elements whose text feed-rs reads only up to the first child element.
const TEXT_ONLY_ELEMENTS: [&str; 2] = ["title", "description"];

/// Escapes child markup inside RSS/RDF `<title>` and `<description>` so feed-rs reads their
/// whole text. `None` when no such element holds markup (CDATA sections are not markup).
pub(crate) fn escape_markup_in_text(doc: &str) -> Option<String> {
    let mut edits = Edits::default();
    let mut tags = Tags::new(doc);
    // An element whose end tag is nowhere after one start tag has none after any later one
    // either: searching again for each start made unclosed titles quadratic.
    let mut never_closed: Vec<&str> = Vec::new();
    while let Some(tag) = tags.next() {
        if tag.kind != TagKind::Start
            || !TEXT_ONLY_ELEMENTS.contains(&tag.name)
            || never_closed.contains(&tag.name)
        {
            continue;
        }
        let close = format!("</{}>", tag.name);
        let Some(length) = memmem::find(&doc.as_bytes()[tag.end..], close.as_bytes()) else {
            never_closed.push(tag.name);
            continue;
        };
        let content = tag.end..tag.end + length;
        if let Some(escaped) = escape_markup_outside_cdata(&doc[content.clone()]) {
            edits.replace(content.clone(), escaped);
        }
        tags.resume_at(content.end);
    }
    edits.apply(doc)
}

/// `text` with every `<` that does not start a CDATA section turned into `&lt;`, or `None`
/// when there is none. One copy per element, sized up front: an edit per `<` cost 56 bytes
/// each, 130 MiB for a 9.5 MiB title of `<b>x</b>` (issue 16).
fn escape_markup_outside_cdata(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut escaped: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + offset;
        if bytes[lt..].starts_with(b"<![CDATA[") {
            match memmem::find(&bytes[lt..], b"]]>") {
                Some(end) => pos = lt + end + 3,
                None => break,
            }
        } else {
            let out = escaped.get_or_insert_with(|| {
                let lts = memchr::memchr_iter(b'<', bytes).count();
                String::with_capacity(text.len() + 3 * lts)
            });
            out.push_str(&text[copied..lt]);
            out.push_str("&lt;");
            copied = lt + 1;
            pos = lt + 1;
        }
    }
    let mut escaped = escaped?;
    escaped.push_str(&text[copied..]);
    Some(escaped)
}

/// Mends a document feed-rs rejected as malformed; `None` when there was nothing to mend.
pub(crate) fn recover_malformed(doc: &str) -> Option<String> {
    let closed = close_cdata_sections(doc);
    let doc = closed.as_deref().unwrap_or(doc);
    let escaped = escape_stray_lt(doc);
    let doc = escaped.as_deref().unwrap_or(doc);
    let balanced = balance_tags(doc);
    balanced.or(escaped).or(closed)
}

/// Closes every CDATA section that runs into the next one or off the end of the document,
/// just before the end tag of the element it opened in.
fn close_cdata_sections(doc: &str) -> Option<String> {
    const OPEN: &[u8] = b"<![CDATA[";
    let bytes = doc.as_bytes();
    let mut edits = Edits::default();
    let mut pos = 0;
    while let Some(offset) = memmem::find(&bytes[pos..], OPEN) {
        let open = pos + offset;
        let body = open + OPEN.len();
        let next_open = memmem::find(&bytes[body..], OPEN).map(|at| body + at);
        match memmem::find(&bytes[body..], b"]]>").map(|at| body + at) {
            Some(close) if next_open.is_none_or(|next| close < next) => pos = close + 3,
            _ => {
                let limit = next_open.unwrap_or(bytes.len());
                let end_tag = enclosing_name(doc, open)
                    .and_then(|name| {
                        memmem::find(&bytes[body..limit], format!("</{name}").as_bytes())
                    })
                    .map_or(limit, |at| body + at);
                edits.insert(end_tag, "]]>");
                pos = limit;
            }
        }
    }
    edits.apply(doc)
}

/// The name of the last start tag before `pos`.
fn enclosing_name(doc: &str, pos: usize) -> Option<&str> {
    let head = &doc[..pos];
    let lt = head.rfind('<')?;
    let name = &head[lt + 1..];
    let len = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    Some(&name[..len]).filter(|name| {
        name.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    })
}

/// Escapes each `<` that cannot open markup (`a < b`, `<3`, `<` at the end), which quick-xml
/// would otherwise reject.
fn escape_stray_lt(doc: &str) -> Option<String> {
    let bytes = doc.as_bytes();
    let mut edits = Edits::default();
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + offset;
        let opens_markup = bytes.get(lt + 1).is_some_and(|next| {
            next.is_ascii_alphabetic()
                || matches!(next, b'/' | b'!' | b'?' | b'_' | b':')
                || *next >= 0x80
        });
        let skip_to = if bytes[lt..].starts_with(b"<![CDATA[") {
            memmem::find(&bytes[lt..], b"]]>").map(|end| lt + end + 3)
        } else if bytes[lt..].starts_with(b"<!--") {
            memmem::find(&bytes[lt..], b"-->").map(|end| lt + end + 3)
        } else {
            Some(lt + 1)
        };
        if !opens_markup {
            edits.replace(lt..lt + 1, "&lt;");
        }
        match skip_to {
            Some(next) => pos = next,
            None => break,
        }
    }
    edits.apply(doc)
}

/// Re-nests the tags: an end tag that matches no open element is dropped; elements left open
/// when an outer element closes become empty elements (`<itunes:category text='TV'>` never
/// closed must not swallow every `<item>` after it). Bare `&` in text becomes `&amp;`.
///
/// A document that ends with elements open, or with markup quick-xml cannot read, is left
/// alone: it is most likely cut off, and its last item may be cut mid-title. Recovering it
/// would record that item as seen with half a title, and an item once seen never alerts
/// again; failing the poll gets the whole document on the next one.
fn balance_tags(doc: &str) -> Option<String> {
    let mut reader = Reader::from_str(doc);
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.allow_unmatched_ends = true;
    config.check_end_names = false;
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    // Open elements: name and the offset of their start tag's closing `>`.
    let mut open: Vec<(&str, usize)> = Vec::new();
    loop {
        let start = offset(reader.buffer_position());
        let event = reader.read_event().ok()?;
        let end = offset(reader.buffer_position());
        match event {
            Event::Start(tag) => {
                let name = &doc[start + 1..start + 1 + tag.name().as_ref().len()];
                open.push((name, end - 1));
            }
            Event::End(tag) => {
                let name = tag.name();
                match open
                    .iter()
                    .rposition(|(open_name, _)| *open_name == name.as_ref())
                {
                    Some(index) => {
                        for (_, gt) in open.drain(index + 1..) {
                            edits.push((gt..gt, "/"));
                        }
                        open.pop();
                    }
                    None => edits.push((start..end, "")),
                }
            }
            Event::Text(text) => {
                for (at, _) in text.match_indices('&') {
                    edits.push((start + at..start + at + 1, "&amp;"));
                }
            }
            Event::GeneralRef(reference) if !is_reference_name(reference.as_bytes()) => {
                edits.push((start..start + 1, "&amp;"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() {
        return None;
    }
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out = Edits::default();
    for (range, text) in edits {
        out.replace(range, text);
    }
    out.apply(doc)
}

fn offset(position: u64) -> usize {
    usize::try_from(position).expect("a position inside an in-memory document fits in usize")
}

/// Whether `&name;` is a reference XML could resolve in form (`amp`, `#38`, `#x26`).
fn is_reference_name(name: &[u8]) -> bool {
    match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        [first, rest @ ..] => {
            (first.is_ascii_alphabetic() || *first == b'_' || *first >= 0x80)
                && rest.iter().all(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'_' | b'-' | b'.' | b':')
                        || *b >= 0x80
                })
        }
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_rss_titles_is_escaped() {
        let doc = "<item><title>Alibaba <b>earnings</b> beat</title>\
                   <description><![CDATA[<p>ok</p>]]></description>\
                   <description>a <br> b <![CDATA[<i>]]></description></item>";
        assert_eq!(
            escape_markup_in_text(doc).as_deref(),
            Some(
                "<item><title>Alibaba &lt;b>earnings&lt;/b> beat</title>\
                 <description><![CDATA[<p>ok</p>]]></description>\
                 <description>a &lt;br> b <![CDATA[<i>]]></description></item>"
            )
        );
        assert_eq!(
            escape_markup_in_text("<title>plain &amp; simple</title>"),
            None
        );
    }

    #[test]
    fn malformed_documents_are_mended() {
        let cases = [
            (
                "bare ampersand",
                "<a><b>R&D & more</b></a>",
                "<a><b>R&amp;D &amp; more</b></a>",
            ),
            ("stray lt", "<a>1 < 2 <3</a>", "<a>1 &lt; 2 &lt;3</a>"),
            (
                "never closed",
                "<rss><channel><cat x='1'><cat x='2'/><item/></channel></rss>",
                "<rss><channel><cat x='1'/><cat x='2'/><item/></channel></rss>",
            ),
            ("stray end tag", "<a><b>x</b></c></a>", "<a><b>x</b></a>"),
            (
                "unclosed cdata",
                "<a><d><![CDATA[<p>text</p></d><e>y</e></a>",
                "<a><d><![CDATA[<p>text</p>]]></d><e>y</e></a>",
            ),
        ];
        for (name, doc, want) in cases {
            assert_eq!(recover_malformed(doc).as_deref(), Some(want), "{name}");
        }
        assert_eq!(
            recover_malformed("<a><b/>fine &amp; &#38; &eacute;</a>"),
            None
        );
        // A cut-off document is not completed: its last item may be cut mid-title.
        assert_eq!(recover_malformed("<rss><channel><item><title>R&D"), None);
    }
}
