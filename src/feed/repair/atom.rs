//! Atom repairs: the `type` attributes feed-rs 3.0.0 rejects, and Atom 0.3's element names.
//!
//! feed-rs fails the whole feed on one Atom text construct whose `type` is not `text`, `html`,
//! `xhtml` or `text/html`. Every SEC EDGAR company feed carries its filing data as
//! `<content type="text/xml">`; Atom 0.3 writes `type="text/plain"` and
//! `type="application/xhtml+xml"`; some feeds send `type=""` or an empty base64 content. The
//! types are rewritten to the Atom 1.0 keyword with the same meaning: inline XML to `xhtml`
//! (feed-rs then keeps its markup, and the text of the filing reaches `Item::content`), text
//! media types to `text`. Base64 content of another media type is left for feed-rs to keep
//! and for `parse` to ignore, unless it is empty, which feed-rs would reject.

use crate::feed::repair::root::{ATOM_03_NS, ATOM_NS};
use crate::feed::repair::tags::{Edits, Tag, TagKind, Tags, attributes};

/// Atom's text constructs (with Atom 0.3's `tagline`), and `content`.
const TEXT_CONSTRUCTS: [&str; 7] = [
    "title",
    "subtitle",
    "summary",
    "content",
    "rights",
    "tagline",
    "copyright",
];

/// Atom 0.3 names and their Atom 1.0 equivalents feed-rs reads.
const ATOM_03_RENAMES: [(&str, &str); 4] = [
    ("issued", "published"),
    ("modified", "updated"),
    ("tagline", "subtitle"),
    ("copyright", "rights"),
];

/// Rewrites unsupported text-construct types and, for Atom 0.3 (`atom_03`), renames its
/// elements. `None` when the document needs neither.
pub(crate) fn repair_atom(doc: &str, atom_03: bool) -> Option<String> {
    let mut edits = Edits::default();
    for tag in Tags::new(doc) {
        if atom_03
            && let Some((_, new_name)) = ATOM_03_RENAMES.iter().find(|(old, _)| *old == tag.name)
        {
            let name_start = tag.start + if tag.kind == TagKind::End { 2 } else { 1 };
            edits.replace(name_start..name_start + tag.name.len(), *new_name);
        }
        if tag.kind == TagKind::End {
            continue;
        }
        if atom_03 {
            // Blogger declares the namespace again on every entry.
            for (name, value) in attributes(doc, &tag) {
                if (name == "xmlns" || name.starts_with("xmlns:"))
                    && &doc[value.clone()] == ATOM_03_NS
                {
                    edits.replace(value, ATOM_NS);
                }
            }
        }
        if TEXT_CONSTRUCTS.contains(&tag.name) {
            rewrite_type(doc, &tag, &mut edits);
        }
    }
    edits.apply(doc)
}

fn rewrite_type(doc: &str, tag: &Tag<'_>, edits: &mut Edits) {
    let Some(range) = tag.attribute(doc, "type") else {
        return;
    };
    let is_content = tag.name == "content";
    // With `src` the type is a media type by definition, which feed-rs accepts.
    if is_content && tag.attribute(doc, "src").is_some() {
        return;
    }
    let is_empty = tag.kind == TagKind::Empty || doc[tag.end..].trim_start().starts_with("</");
    if let Some(keyword) = supported_type(&doc[range.clone()], is_content, is_empty) {
        edits.replace(range, keyword);
    }
}

/// The keyword to write instead of `value`, or `None` when feed-rs accepts `value` as it is.
fn supported_type(value: &str, is_content: bool, is_empty: bool) -> Option<&'static str> {
    if matches!(value, "text" | "html" | "xhtml" | "text/html") {
        return None;
    }
    let lower = value.trim().to_ascii_lowercase();
    let keyword = match lower.as_str() {
        "text" | "" | "text/plain" | "plain" => "text",
        "html" | "text/html" | "escaped" => "html",
        "xhtml" | "application/xhtml+xml" => "xhtml",
        xml if xml.ends_with("/xml") || xml.ends_with("+xml") => "xhtml",
        other if other.starts_with("text/") => "text",
        // A base64 document: feed-rs keeps it under its media type, unless it is empty.
        other if is_content && other.contains('/') && !is_empty => return None,
        _ => "text",
    };
    Some(keyword)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_types_become_atom_keywords() {
        let doc = r#"<feed><title type="text/plain">t</title><entry>
            <content type="text/xml"><filing-type>8-K</filing-type></content>
            <summary type='HTML'>s</summary><content type="application/atom+xml"><x/></content>
            <content type="image/png">iVBORw0KGgo=</content><content type="image/png"/>
            <content type="text/csv">a,b</content><content type=""></content>
            <content type="text/xml" src="https://example.com/f.xml"/>
            <title type="html">ok</title></entry></feed>"#;
        let want = r#"<feed><title type="text">t</title><entry>
            <content type="xhtml"><filing-type>8-K</filing-type></content>
            <summary type='html'>s</summary><content type="xhtml"><x/></content>
            <content type="image/png">iVBORw0KGgo=</content><content type="text"/>
            <content type="text">a,b</content><content type="text"></content>
            <content type="text/xml" src="https://example.com/f.xml"/>
            <title type="html">ok</title></entry></feed>"#;
        assert_eq!(repair_atom(doc, false).as_deref(), Some(want));
        assert_eq!(repair_atom("<feed><title>t</title></feed>", false), None);
    }

    #[test]
    fn atom_03_names_become_atom_10_names() {
        let doc = "<feed><tagline mode=\"escaped\" type=\"text/html\">x</tagline>\
                   <entry xmlns=\"http://purl.org/atom/ns#\"><issued>2005-11-29T19:55:00-05:00</issued><modified>m</modified></entry></feed>";
        let want = "<feed><subtitle mode=\"escaped\" type=\"text/html\">x</subtitle>\
                    <entry xmlns=\"http://www.w3.org/2005/Atom\"><published>2005-11-29T19:55:00-05:00</published><updated>m</updated></entry></feed>";
        assert_eq!(repair_atom(doc, true).as_deref(), Some(want));
        assert_eq!(repair_atom("<feed><issued>x</issued></feed>", false), None);
    }
}
