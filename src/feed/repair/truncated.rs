//! Documents cut short: a server or a connection that stops sending mid-document. feed-rs
//! rejects the whole document then (`tag not closed: '>' not found before end of input`, `CDATA
//! not closed`), although every entry that closed before the cut is whole; some servers always
//! send such documents, so their feeds were never read. feedparser reads those entries, and so
//! do we: the entries whose closing tag came before the cut, never the one the cut fell in,
//! which may hold half a title. An item once recorded with half a title is seen, and would
//! never alert with the whole one.
//!
//! [`complete_xml`] runs on every XML document, first of the repairs: the ones after it look
//! for the document's last end tags (the root unwrapping, RSS 0.91's items moved into the
//! channel). A document whose root element's end tag is there is whole and left alone; that
//! costs one search from the end, a few bytes on a whole document. Otherwise the entry scan of
//! [`entry_cap`] finds where the last entry closed, and the document is cut there and the
//! elements still open are closed (`</channel></rss>`).
//!
//! [`complete_json`] runs only once feed-rs has rejected a JSON document, which serde_json
//! always does with one cut short. Whether it was cut, rather than broken some other way, is
//! serde_json's verdict: the input ended inside a value. The complete elements of the entry
//! array are kept, and the array and the objects around it closed; `entry_cap`'s scan of the
//! JSON structure finds them.
//!
//! A document cut before its first entry closed has nothing whole to read, and stays an error.

use memchr::memmem;

use crate::feed::repair::entry_cap::{self, ArrayEnd, EntryEdge};
use crate::feed::repair::root::{self, Family};
use crate::feed::repair::tags::{self, Tag, TagKind};

/// How a document ends.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Ending<T> {
    /// Its root element closes (its JSON value ends), or it has no root to tell by: nothing
    /// for this step to do.
    Whole,
    /// Cut short after `entries` complete entries: `doc` is the document up to the end of the
    /// last of them, with what was open there closed.
    CutShort { doc: T, entries: usize },
    /// Cut short before its first entry closed.
    CutBeforeFirstEntry,
}

/// How the XML document `doc` ends, and what is whole in it if it was cut short.
pub(crate) fn complete_xml(doc: &str) -> Ending<String> {
    let Some(root) = tags::root(doc) else {
        return Ending::Whole;
    };
    if root.kind == TagKind::Empty || has_end_tag(doc, &root) {
        return Ending::Whole;
    }
    let feed_root = match root::family_of(&root) {
        Family::Rss | Family::Rdf | Family::Atom | Family::Atom03 => root,
        // An Atom feed served inside an XHTML page has its entries under an `<html>` root.
        // Without a feed inside, it is no feed cut short (an HTML error page, garbage that
        // looks like a tag): feed-rs says what it is. Channel Definition Format is not read.
        Family::Unknown => match root::embedded_feed_root(doc) {
            Some(inner) => inner,
            None => return Ending::Whole,
        },
        Family::Cdf => return Ending::Whole,
    };
    let entry_name = entry_cap::entry_name(feed_root.local_name());
    let mut entries = 0;
    let mut last = None;
    let mut open_there = Vec::new();
    entry_cap::scan_entries(doc, entry_name, |edge, open| {
        if let EntryEdge::End(at) = edge {
            entries += 1;
            last = Some(at);
            open_there.clear();
            open_there.extend_from_slice(open);
        }
    });
    let Some(at) = last else {
        return Ending::CutBeforeFirstEntry;
    };
    // Only what holds entries in a feed is closed: the root, the feed's root inside a
    // wrapping page, RSS's channel. Anything else still open is an element the document
    // never closes either (`<itunes:category>` left open before the items): left open, the
    // malformed-XML repair reads it as it reads the whole document, as an empty element.
    open_there.retain(|name| {
        *name == root.name || *name == feed_root.name || tags::local_name(name) == "channel"
    });
    let closing = entry_cap::closing_tags(&open_there);
    let mut completed = String::with_capacity(at + closing.len());
    completed.push_str(&doc[..at]);
    completed.push_str(&closing);
    Ending::CutShort {
        doc: completed,
        entries,
    }
}

/// Whether the end tag of `root` is in `doc`: searched from the end, where a whole document
/// has it.
fn has_end_tag(doc: &str, root: &Tag<'_>) -> bool {
    let bytes = doc.as_bytes();
    let end_tag = format!("</{}", root.name);
    memmem::rfind(&bytes[root.end..], end_tag.as_bytes()).is_some_and(|at| {
        let after = &bytes[root.end + at + end_tag.len()..];
        after.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'>')
    })
}

/// How the JSON document `doc`, which feed-rs rejected, ends, and what is whole in it if it
/// was cut short.
pub(crate) fn complete_json(doc: &[u8]) -> Ending<Vec<u8>> {
    let cut_short =
        serde_json::from_slice::<serde::de::IgnoredAny>(doc).is_err_and(|error| error.is_eof());
    if !cut_short {
        return Ending::Whole;
    }
    let Some(array) = entry_cap::entry_array(doc) else {
        return Ending::CutBeforeFirstEntry;
    };
    let mut elements = array.elements(doc);
    let mut entries = 0;
    let mut kept_end = None;
    for element in elements.by_ref() {
        // A number or a literal that runs to the end may itself be cut (`12` of `123`); an
        // object, an array or a string ends with its own closing character.
        if element.end == doc.len() && !matches!(doc[element.start], b'{' | b'[' | b'"') {
            break;
        }
        entries += 1;
        kept_end = Some(element.end);
    }
    let completed = match (elements.end, kept_end) {
        // The cut came after the array: every entry is whole.
        (Some(ArrayEnd::Closed(close)), _) => {
            let mut completed = doc[..=close].to_vec();
            completed.extend(std::iter::repeat_n(b'}', array.depth));
            completed
        }
        (_, Some(kept_end)) => {
            let mut completed = doc[..kept_end].to_vec();
            completed.extend(array.closing());
            completed
        }
        (_, None) => return Ending::CutBeforeFirstEntry,
    };
    Ending::CutShort {
        doc: completed,
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS_HEAD: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>";
    const ITEM_1: &str =
        "<item><title>One</title><description><![CDATA[<p>a</p>]]></description></item>";

    fn cut_short(doc: &str) -> (String, usize) {
        match complete_xml(doc) {
            Ending::CutShort { doc, entries } => (doc, entries),
            other => panic!("{doc}: {other:?}"),
        }
    }

    #[test]
    fn an_rss_document_cut_anywhere_in_its_second_item_keeps_the_first() {
        let second = "\n<item><title>Two &amp; a half</title><!-- c --><description><![CDATA[<p>b</p>]]></description></item>";
        let head = format!("{RSS_HEAD}{ITEM_1}");
        let want = format!("{head}</channel></rss>");
        for cut in 0..second.len() {
            let doc = format!("{head}{}", &second[..cut]);
            assert_eq!(cut_short(&doc), (want.clone(), 1), "cut after {cut} bytes");
        }
        let doc = format!("{head}{second}\n</chan");
        assert_eq!(
            cut_short(&doc),
            (format!("{head}{second}</channel></rss>"), 2)
        );
    }

    #[test]
    fn a_document_cut_before_its_first_entry_closes_has_nothing_whole() {
        let doc = format!("{RSS_HEAD}{ITEM_1}");
        for cut in [RSS_HEAD.len() - 3, RSS_HEAD.len(), doc.len() - 1] {
            assert_eq!(
                complete_xml(&doc[..cut]),
                Ending::CutBeforeFirstEntry,
                "{}",
                &doc[..cut]
            );
        }
    }

    #[test]
    fn whole_documents_are_left_alone() {
        let cases = [
            format!("{RSS_HEAD}{ITEM_1}</channel></rss>\n"),
            format!("{RSS_HEAD}{ITEM_1}</channel></rss\n>"),
            "<rss version=\"2.0\"/>".to_owned(),
            "not xml at all".to_owned(),
            String::new(),
            // No feed root: an error page cut short is still an error page.
            "<!DOCTYPE html><html><body><p>Serv".to_owned(),
            "x <y z".to_owned(),
            // Broken in the middle, not at the end: the malformed-XML repair's business.
            format!("{RSS_HEAD}<item><title><![CDATA[a</title></item></channel></rss>"),
        ];
        for doc in cases {
            assert_eq!(complete_xml(&doc), Ending::Whole, "{doc}");
        }
    }

    #[test]
    fn only_the_elements_that_hold_entries_are_closed() {
        let doc = "<rss version=\"2.0\"><channel><title>t</title>\
                   <itunes:category text=\"TV\"><itunes:category text=\"Film\"/>\
                   <item><title>1</title><br></item><item><tit";
        assert_eq!(
            cut_short(doc),
            (
                "<rss version=\"2.0\"><channel><title>t</title>\
                 <itunes:category text=\"TV\"><itunes:category text=\"Film\"/>\
                 <item><title>1</title><br></item></channel></rss>"
                    .to_owned(),
                1
            )
        );
    }

    #[test]
    fn atom_rdf_and_wrapped_feeds_are_cut_after_their_last_whole_entry() {
        let cases = [
            (
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\
                 <entry><id>1</id><content type=\"xhtml\"><div><item>x</item></div></content></entry>\
                 <entry><id>2</id><title>Ha",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\
                 <entry><id>1</id><content type=\"xhtml\"><div><item>x</item></div></content></entry>\
                 </feed>",
                1,
            ),
            (
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
                 <channel><title>t</title></channel><item><title>1</title></item><item/><item><ti",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
                 <channel><title>t</title></channel><item><title>1</title></item><item/></rdf:RDF>",
                2,
            ),
            (
                "<html><body><feed xmlns=\"http://www.w3.org/2005/Atom\">\
                 <entry><id>1</id></entry><entry><id>2</id></entry></feed></bo",
                "<html><body><feed xmlns=\"http://www.w3.org/2005/Atom\">\
                 <entry><id>1</id></entry><entry><id>2</id></entry></feed></html>",
                2,
            ),
        ];
        for (doc, want, entries) in cases {
            assert_eq!(cut_short(doc), (want.to_owned(), entries), "{doc}");
        }
    }

    fn json_cut_short(doc: &str) -> Ending<String> {
        match complete_json(doc.as_bytes()) {
            Ending::CutShort { doc, entries } => Ending::CutShort {
                doc: String::from_utf8(doc).expect("cut at a value's end"),
                entries,
            },
            Ending::Whole => Ending::Whole,
            Ending::CutBeforeFirstEntry => Ending::CutBeforeFirstEntry,
        }
    }

    #[test]
    fn json_feed_cut_short_keeps_its_whole_items() {
        let head = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": ["#;
        let first = r#"{"id": "1", "title": "One ] }", "tags": ["a"]}"#;
        let second = r#", {"id": "2", "title": "Two"}"#;
        let whole_first = format!("{head}{first}]}}");
        for cut in 0..second.len() {
            let doc = format!("{head}{first}{}", &second[..cut]);
            let want = Ending::CutShort {
                doc: whole_first.clone(),
                entries: 1,
            };
            assert_eq!(json_cut_short(&doc), want, "{doc}");
        }
        // Cut after the array: every item is whole.
        let doc = format!("{head}{first}{second}], \"next_url\": \"htt");
        let want = Ending::CutShort {
            doc: format!("{head}{first}{second}]}}"),
            entries: 2,
        };
        assert_eq!(json_cut_short(&doc), want);
        // RSS-in-JSON, and a number that may be cut.
        let doc = r#"{"rss": {"channel": {"item": [{"title": "1"}, 12"#;
        let want = Ending::CutShort {
            doc: r#"{"rss": {"channel": {"item": [{"title": "1"}]}}}"#.to_owned(),
            entries: 1,
        };
        assert_eq!(json_cut_short(doc), want);
        for doc in [
            &format!("{head}{{\"id\": \"1\", \"ti")[..],
            r#"{"version": "https://jsonfeed.org/version/1.1", "tit"#,
        ] {
            assert_eq!(json_cut_short(doc), Ending::CutBeforeFirstEntry, "{doc}");
        }
        // Broken, not cut: left to the JSON Feed coercion.
        assert_eq!(json_cut_short(r#"{"items": [1, }, 3]}"#), Ending::Whole);
        assert_eq!(json_cut_short(&whole_first), Ending::Whole);
    }
}
