//! The repair layer in front of feed-rs: small, named steps that turn what servers really send
//! into what feed-rs 3.0.0 reads, so that a quirk costs the reader one field or nothing rather
//! than the whole feed. Python's feedparser is the yardstick: what it reads, we should.
//!
//! `parse::parse_feed` runs the steps in this order:
//!
//! 1. [`encoding`]: bytes to UTF-8 (BOM, HTTP charset, XML declaration, chardetng), with the
//!    declaration rewritten to say UTF-8.
//! 2. [`truncated::complete_xml`]: an XML document cut short (its root element never closes)
//!    ends after its last complete entry instead, with the elements open there closed.
//! 3. [`prepare_xml`], before feed-rs, on every XML document: [`root`] (feed roots feed-rs does
//!    not dispatch on, legacy namespaces, RSS 0.91 items outside the channel), [`cdf`] (Channel
//!    Definition Format to RSS), [`atom`] (content types feed-rs rejects, Atom 0.3 names) and
//!    [`markup`]'s escaping of HTML inside RSS titles, then (for JSON Feed too) [`person`]'s
//!    spacing of e-mail addresses that touch a multi-byte character. Each first checks whether
//!    its fix is needed, with a scan far cheaper than parsing, and copies the document only if
//!    it is.
//! 4. [`entry_cap`]: a document of more than `MAX_ITEMS_PER_FEED` entries is cut after the
//!    last one kept, so that feed-rs never builds the rest.
//! 5. feed-rs, with [`date::parse_timestamp`] as its timestamp parser.
//! 6. Only when feed-rs fails: [`markup::recover_malformed`] for XML that is not well-formed,
//!    [`json::coerce_json_feed`] for JSON Feed of the wrong shape (each on the cut document,
//!    and the result cut again); then feed-rs again. A JSON document cut short is first ended
//!    after its last complete entry ([`truncated::complete_json`]) and read from the top.
//!
//! Bugs that belong in feed-rs itself are written up in `docs/upstream.md`; once fixed there,
//! the matching step here can go.

pub(crate) mod atom;
pub(crate) mod cdf;
pub(crate) mod date;
pub(crate) mod encoding;
pub(crate) mod entry_cap;
pub(crate) mod json;
pub(crate) mod markup;
pub(crate) mod person;
pub(crate) mod root;
pub(crate) mod tags;
pub(crate) mod truncated;

use root::Family;

/// A repair made to one document, recorded for the poll's log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repair {
    /// Root version or namespace rewritten, or the feed cut out of a wrapping document.
    Root,
    CdfToRss,
    ItemsMovedIntoChannel,
    AtomTypes,
    MarkupInTextEscaped,
    /// An e-mail address and a multi-byte character next to it set apart by a space.
    EmailSpaced,
    MalformedXmlRecovered,
    JsonFeedCoerced,
    /// A document cut short ended after its last complete entry, with what was open closed.
    CutShortClosed,
}

/// The repairs that run before feed-rs, each only where its scan finds something to fix.
pub(crate) fn prepare_xml(doc: String, applied: &mut Vec<Repair>) -> String {
    let root = root::normalize_root(&doc);
    let mut doc = adopt(doc, root.fixed, Repair::Root, applied);
    if root.family == Family::Cdf {
        let converted = cdf::cdf_to_rss(&doc);
        doc = adopt(doc, converted, Repair::CdfToRss, applied);
    }
    if root.family == Family::Rss {
        let moved = root::move_items_into_channel(&doc);
        doc = adopt(doc, moved, Repair::ItemsMovedIntoChannel, applied);
    }
    let doc = match root.family {
        Family::Rss | Family::Rdf | Family::Cdf => {
            let escaped = markup::escape_markup_in_text(&doc);
            adopt(doc, escaped, Repair::MarkupInTextEscaped, applied)
        }
        Family::Atom | Family::Atom03 => {
            let repaired = atom::repair_atom(&doc, root.family == Family::Atom03);
            adopt(doc, repaired, Repair::AtomTypes, applied)
        }
        Family::Unknown => doc,
    };
    let spaced = person::space_wide_neighbours(doc.as_bytes()).map(|bytes| {
        String::from_utf8(bytes).expect("spaces are inserted only next to an ASCII byte")
    });
    adopt(doc, spaced, Repair::EmailSpaced, applied)
}

/// `fixed` if a step produced it, else the document unchanged.
fn adopt(doc: String, fixed: Option<String>, repair: Repair, applied: &mut Vec<Repair>) -> String {
    match fixed {
        Some(fixed) => {
            applied.push(repair);
            fixed
        }
        None => doc,
    }
}
