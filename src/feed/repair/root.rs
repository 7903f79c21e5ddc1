//! Root repairs: make the document's root element one feed-rs dispatches on, in a namespace
//! it reads. feed-rs picks its parser from the root's name and `version` and reads elements
//! only in the namespaces it knows, so a root it does not expect is "no feed root" and a
//! legacy namespace is a feed with zero entries and no error at all.
//!
//! Each fix edits the root start tag (or the few bytes around `</channel>`), so a
//! well-formed RSS 2.0 or Atom 1.0 document costs one look at its first tag.

use memchr::memmem;

use crate::feed::repair::tags::{self, Edits, Tag, TagKind, Tags, attributes};

/// The feed families the later steps distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Rss,
    Rdf,
    Atom,
    /// Atom 0.3 (`http://purl.org/atom/ns#`), rewritten here to the Atom 1.0 namespace; its
    /// element names still need [`crate::feed::repair::atom`].
    Atom03,
    /// Microsoft's Channel Definition Format (`<CHANNEL>` root), converted to RSS 2.0 by
    /// [`crate::feed::repair::cdf`].
    Cdf,
    /// Anything else: left to feed-rs to reject.
    Unknown,
}

pub(crate) const ATOM_03_NS: &str = "http://purl.org/atom/ns#";
pub(crate) const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
const RSS_090_NS: &str = "http://my.netscape.com/rdf/simple/0.9/";
const RSS_10_NS: &str = "http://purl.org/rss/1.0/";
/// UserLand's namespaces for RSS 0.92/2.0, which the RSS 2.0 spec never adopted.
const USERLAND_NS_PREFIX: &str = "http://backend.userland.com/rss";

/// The RSS versions feed-rs dispatches on.
const RSS_VERSIONS: [&str; 4] = ["2.0", "0.91", "0.92", ""];

/// What [`normalize_root`] found and changed.
pub(crate) struct RootFix {
    pub family: Family,
    /// The document with its root fixed, when anything changed.
    pub fixed: Option<String>,
}

/// Finds the root, unwraps a feed served inside an HTML page, and rewrites the root's version
/// and namespaces to ones feed-rs reads.
pub(crate) fn normalize_root(doc: &str) -> RootFix {
    let Some(root) = tags::root(doc) else {
        return RootFix {
            family: Family::Unknown,
            fixed: None,
        };
    };
    match family_of(&root) {
        Family::Unknown => match unwrap_embedded_feed(doc) {
            Some(inner) => {
                let fix = normalize_root(&inner);
                RootFix {
                    family: fix.family,
                    fixed: Some(fix.fixed.unwrap_or(inner)),
                }
            }
            None => RootFix {
                family: Family::Unknown,
                fixed: None,
            },
        },
        family => {
            let mut edits = Edits::default();
            let family = fix_root_tag(doc, &root, family, &mut edits);
            RootFix {
                family,
                fixed: edits.apply(doc),
            }
        }
    }
}

pub(crate) fn family_of(root: &Tag<'_>) -> Family {
    match root.local_name() {
        "rss" => Family::Rss,
        "RDF" => Family::Rdf,
        "feed" | "entry" => Family::Atom,
        "CHANNEL" | "channel" if root.name.eq_ignore_ascii_case("channel") => Family::Cdf,
        _ => Family::Unknown,
    }
}

/// Adds the edits to `root` and returns the family the document then has.
fn fix_root_tag(doc: &str, root: &Tag<'_>, family: Family, edits: &mut Edits) -> Family {
    let mut family = family;
    let mut has_version = false;
    for (name, value) in attributes(doc, root) {
        let text = &doc[value.clone()];
        let is_namespace = name == "xmlns" || name.starts_with("xmlns:");
        match family {
            Family::Rss if name == "version" => {
                has_version = true;
                if !RSS_VERSIONS.contains(&text) {
                    edits.replace(value, "2.0");
                }
            }
            Family::Rss if name == "xmlns" && text.starts_with(USERLAND_NS_PREFIX) => {
                // Dropping the default namespace puts the elements back in RSS's none.
                edits.replace(value, "");
            }
            Family::Rdf if is_namespace && text == RSS_090_NS => edits.replace(value, RSS_10_NS),
            Family::Atom | Family::Atom03 if is_namespace && text == ATOM_03_NS => {
                edits.replace(value, ATOM_NS);
                family = Family::Atom03;
            }
            _ => {}
        }
    }
    if family == Family::Rss && !has_version {
        let after_name = root.start + 1 + root.name.len();
        edits.insert(after_name, " version=\"2.0\"");
    }
    family
}

/// The outermost `<feed>`, `<rss>` or `<rdf:RDF>` inside another document (an Atom feed
/// served inside an XHTML page), cut out with the XML declaration kept.
fn unwrap_embedded_feed(doc: &str) -> Option<String> {
    let inner = embedded_feed_root(doc)?;
    let close = format!("</{}>", inner.name);
    let end = doc.rfind(&close).filter(|end| *end > inner.start)? + close.len();
    let declaration = doc
        .trim_start()
        .starts_with("<?xml")
        .then(|| doc.find("?>").map(|end| &doc[..end + 2]))
        .flatten()
        .unwrap_or_default();
    Some(format!("{declaration}{}", &doc[inner.start..end]))
}

/// The start tag of the outermost `<feed>`, `<rss>` or `<rdf:RDF>` in `doc`.
pub(crate) fn embedded_feed_root(doc: &str) -> Option<Tag<'_>> {
    Tags::new(doc).find(|tag| {
        tag.kind == TagKind::Start
            && matches!(family_of(tag), Family::Rss | Family::Rdf | Family::Atom)
    })
}

/// RSS 0.91 as some servers write it: `<item>`s after `</channel>`, as siblings of the
/// channel. feed-rs reads items only inside the channel, so the channel is closed at the end
/// instead.
pub(crate) fn move_items_into_channel(doc: &str) -> Option<String> {
    let bytes = doc.as_bytes();
    let channel_end = memmem::find(bytes, b"</channel>")?;
    let after = channel_end + "</channel>".len();
    memmem::find(&bytes[after..], b"<item")?;
    let rss_end = memmem::rfind(bytes, b"</rss>").filter(|end| *end > after)?;
    let mut edits = Edits::default();
    edits.replace(channel_end..after, "");
    edits.insert(rss_end, "</channel>");
    edits.apply(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(doc: &str) -> (Family, String) {
        let fix = normalize_root(doc);
        (fix.family, fix.fixed.unwrap_or_else(|| doc.to_owned()))
    }

    #[test]
    fn roots_are_normalized() {
        let cases = [
            (
                "<rss><channel/></rss>",
                Family::Rss,
                "<rss version=\"2.0\"><channel/></rss>",
            ),
            ("<rss version='0.94'/>", Family::Rss, "<rss version='2.0'/>"),
            (
                "<rss version=\"2.01\"/>",
                Family::Rss,
                "<rss version=\"2.0\"/>",
            ),
            (
                "<rss version=\"0.92\"/>",
                Family::Rss,
                "<rss version=\"0.92\"/>",
            ),
            (
                "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"/>",
                Family::Rss,
                "<rss version=\"2.0\" xmlns=\"\"/>",
            ),
            (
                "<rdf:RDF xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"/>",
                Family::Rdf,
                "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\"/>",
            ),
            (
                "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>",
                Family::Atom03,
                "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://www.w3.org/2005/Atom\"/>",
            ),
            (
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
                Family::Atom,
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
            ),
            (
                "<?xml version=\"1.0\"?>\n<html><body><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed></body></html>",
                Family::Atom,
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>",
            ),
            (
                "<CHANNEL HREF=\"x\"/>",
                Family::Cdf,
                "<CHANNEL HREF=\"x\"/>",
            ),
            (
                "<html><p>no feed</p></html>",
                Family::Unknown,
                "<html><p>no feed</p></html>",
            ),
        ];
        for (doc, family, want) in cases {
            assert_eq!(fixed(doc), (family, want.to_owned()), "{doc}");
        }
    }

    #[test]
    fn items_after_the_channel_move_inside_it() {
        let doc = "<rss version=\"0.91\"><channel><title>t</title></channel>\
                   <item><title>a</title></item></rss>";
        assert_eq!(
            move_items_into_channel(doc).as_deref(),
            Some(
                "<rss version=\"0.91\"><channel><title>t</title>\
                 <item><title>a</title></item></channel></rss>"
            )
        );
        assert_eq!(
            move_items_into_channel("<rss><channel><item/></channel></rss>"),
            None
        );
    }
}
