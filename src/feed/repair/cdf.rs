//! Microsoft's Channel Definition Format (1997), still served by a few old intranet and
//! publisher systems: a `<CHANNEL HREF=...>` root with `<TITLE>`, `<ABSTRACT>` and
//! `<ITEM HREF=... LASTMOD=...>` children, sub-channels nested inside. feed-rs does not read it;
//! feedparser does, so it is converted to the RSS 2.0 it maps onto (items of sub-channels
//! flattened into one channel, `LASTMOD` as `pubDate`).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The RSS 2.0 equivalent of a CDF document, or `None` when it cannot be read.
pub(crate) fn cdf_to_rss(doc: &str) -> Option<String> {
    let mut reader = Reader::from_str(doc);
    reader.config_mut().check_end_names = false;
    let mut out = String::with_capacity(doc.len());
    let mut channel_depth = 0usize;
    let mut in_item = false;
    // The element whose text is being copied: `title` or `description`.
    let mut copying: Option<&'static str> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(tag) => start(
                &tag,
                false,
                &mut out,
                &mut channel_depth,
                &mut in_item,
                &mut copying,
            ),
            Event::Empty(tag) => start(
                &tag,
                true,
                &mut out,
                &mut channel_depth,
                &mut in_item,
                &mut copying,
            ),
            Event::End(tag) => {
                let name = tag.local_name();
                let name = name.as_ref();
                if let Some(element) = copying.filter(|_| is(name, "TITLE") || is(name, "ABSTRACT"))
                {
                    out.push_str(&format!("</{element}>"));
                    copying = None;
                } else if is(name, "ITEM") && in_item {
                    out.push_str("</item>");
                    in_item = false;
                } else if is(name, "CHANNEL") {
                    channel_depth = channel_depth.saturating_sub(1);
                    if channel_depth == 0 {
                        out.push_str("</channel></rss>");
                        return Some(out);
                    }
                }
            }
            Event::Text(text) if copying.is_some() => out.push_str(&text),
            Event::CData(text) if copying.is_some() => {
                out.push_str(&quick_xml::escape::escape(&*text));
            }
            Event::GeneralRef(reference) if copying.is_some() => {
                out.push('&');
                out.push_str(&reference);
                out.push(';');
            }
            Event::Eof => return (channel_depth > 0).then(|| out + "</channel></rss>"),
            _ => {}
        }
    }
}

fn start(
    tag: &BytesStart<'_>,
    empty: bool,
    out: &mut String,
    channel_depth: &mut usize,
    in_item: &mut bool,
    copying: &mut Option<&'static str>,
) {
    let name = tag.local_name();
    let name = name.as_ref();
    if is(name, "CHANNEL") {
        if *channel_depth == 0 {
            out.push_str("<rss version=\"2.0\"><channel>");
            push_element(out, "link", attribute(tag, "HREF").as_deref());
        }
        if !empty {
            *channel_depth += 1;
        }
    } else if is(name, "ITEM") && !*in_item {
        out.push_str("<item>");
        push_element(out, "link", attribute(tag, "HREF").as_deref());
        push_element(out, "pubDate", attribute(tag, "LASTMOD").as_deref());
        if empty {
            out.push_str("</item>");
        } else {
            *in_item = true;
        }
    } else if !empty && (*in_item || *channel_depth == 1) {
        // Sub-channel titles would overwrite the channel's own: only the top one's count.
        let element = if is(name, "TITLE") {
            "title"
        } else if is(name, "ABSTRACT") {
            "description"
        } else {
            return;
        };
        out.push_str(&format!("<{element}>"));
        *copying = Some(element);
    }
}

fn is(name: &str, upper: &str) -> bool {
    name.eq_ignore_ascii_case(upper)
}

/// An attribute's raw (still escaped) value, matched case-insensitively.
fn attribute(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|attribute| attribute.key.as_ref().eq_ignore_ascii_case(name))
        .map(|attribute| attribute.value.into_owned())
}

fn push_element(out: &mut String, name: &str, text: Option<&str>) {
    if let Some(text) = text.filter(|text| !text.is_empty()) {
        out.push_str(&format!("<{name}>{text}</{name}>"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdf_becomes_rss() {
        let doc = r#"<?xml version="1.0"?>
            <CHANNEL HREF="http://example.com/" LASTMOD="1998-11-05T22:12">
              <TITLE>Example &amp; Co</TITLE><ABSTRACT>News</ABSTRACT>
              <LOGO HREF="http://example.com/logo.gif" STYLE="IMAGE"/>
              <ITEM HREF="http://example.com/a.html" LASTMOD="1998-11-05T22:12">
                <TITLE>First</TITLE><ABSTRACT><![CDATA[a < b]]></ABSTRACT>
              </ITEM>
              <CHANNEL HREF="http://example.com/sub/"><TITLE>Sub</TITLE>
                <ITEM HREF="http://example.com/b.html"><TITLE>Second</TITLE></ITEM>
              </CHANNEL>
            </CHANNEL>"#;
        let want = "<rss version=\"2.0\"><channel><link>http://example.com/</link>\
            <title>Example &amp; Co</title><description>News</description>\
            <item><link>http://example.com/a.html</link><pubDate>1998-11-05T22:12</pubDate>\
            <title>First</title><description>a &lt; b</description></item>\
            <item><link>http://example.com/b.html</link><title>Second</title></item>\
            </channel></rss>";
        assert_eq!(cdf_to_rss(doc).as_deref(), Some(want));
    }
}
