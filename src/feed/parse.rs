//! Parsing: the bytes of one HTTP response (or file) to a [`ParsedFeed`] of normalized
//! [`Item`]s. This is the one entry point the daemon calls for RSS, Atom and JSON feeds.
//!
//! The work is three steps: the repair layer (`crate::feed::repair`) decodes the body to
//! UTF-8, ends a document cut short after its last complete entry, mends what feed-rs would
//! reject or misread and cuts the entries past [`MAX_ITEMS_PER_FEED`], feed-rs builds its model
//! (again after a second round of repairs if it fails), and `feed_to_parsed` turns that model
//! into our items, text and links normalized once here so that rules, dedup and alerts all see
//! the same values. All of it runs under `catch_unwind`: a panic in a dependency fails one
//! poll, never the daemon.

use feed_rs::model::{Entry, Feed, Link};
use feed_rs::parser::ParseFeedError;
use sha2::{Digest, Sha256};
use url::Url;

use crate::feed::normalize::{canonical_link, html_to_text};
use crate::feed::repair::encoding::{self, Document};
use crate::feed::repair::truncated::{self, Ending};
use crate::feed::repair::{self, Repair, date, entry_cap, json, markup, person};
use crate::feed::{Item, ParsedFeed};

/// Entries taken from one document; the rest are dropped with a warning. News feeds carry tens
/// of entries; this bounds the work, the memory and the store transaction of one poll whatever
/// a server sends (within `max_body`, a document of empty `<item/>`s could hold over a
/// million). The rest are cut from the document before feed-rs reads it
/// (`repair::entry_cap`): its model costs about a kilobyte per entry, however small.
pub const MAX_ITEMS_PER_FEED: usize = 1000;

/// Longest title kept, in bytes of normalized text: a headline is a line, not a page.
pub const MAX_TITLE_BYTES: usize = 1024;

/// Longest summary or content kept, in bytes of normalized text. Rules match what is kept, so
/// this bounds the matching work per item; real articles are well under it.
pub const MAX_BODY_TEXT_BYTES: usize = 64 * 1024;

/// Why a body could not be turned into a feed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The body holds nothing but whitespace.
    #[error("the response body is empty")]
    Empty,
    /// feed-rs rejected the body even after the repair layer: not XML or JSON, no feed root
    /// element, XML too broken to mend, an unsupported JSON Feed version. This is the error
    /// of the first attempt, which names the real defect rather than a side effect of a repair.
    #[error("feed-rs could not parse the feed: {0}")]
    FeedRs(ParseFeedError),
    /// The document ends inside its root element, cut short by the server or the connection,
    /// before its first entry closed: nothing in it is whole. (Cut after one, it is read up to
    /// the last whole entry: [`ParsedFeed::truncated`].)
    #[error(
        "the document is cut short: it ends before its first entry is complete (the server or \
         the connection stopped sending mid-document)"
    )]
    CutShort,
    /// Parsing panicked: a bug in feed-rs or another dependency (see `parse_feed`).
    #[error("the feed parser panicked: {0}")]
    Panicked(String),
}

/// Parses one feed body. `content_type` is the HTTP `Content-Type` header (its `charset`
/// takes part in choosing the encoding); `base_url` is the URL the body came from, against
/// which relative links are resolved.
///
/// The work runs under `catch_unwind` because dependencies panic on some real-world input:
/// feed-rs 3.0.0's RSS author parser (`parse_person_name_email`) slices one byte past the
/// e-mail address, which lands inside the next character when that is not ASCII, as in
/// `<author>news@example.cn（新闻部）</author>`; quick-xml panics on UTF-16 it is asked to
/// decode itself. The repair layer steers around both panics it knows; this is for the next. One hostile or careless feed must not take the daemon down. This relies on
/// the crate being built with `panic = "unwind"` (the default).
pub fn parse_feed(
    feed_name: &str,
    body: &[u8],
    content_type: Option<&str>,
    base_url: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    let parse = || {
        let mut repairs = Vec::new();
        let model =
            match encoding::decode(body, content_type, top_level_domain(base_url).as_deref())
                .ok_or(ParseError::Empty)?
            {
                Document::Json(json) => parse_json(&json, base_url, &mut repairs)?,
                Document::Xml(xml) => parse_xml(xml, base_url, &mut repairs)?,
            };
        if !repairs.is_empty() {
            tracing::debug!(feed = feed_name, ?repairs, "feed repaired before parsing");
        }
        Ok(feed_to_parsed(feed_name, model, base_url))
    };
    std::panic::catch_unwind(parse)
        .unwrap_or_else(|payload| Err(ParseError::Panicked(panic_message(payload.as_ref()))))
}

/// The pipeline without the repair layer: the raw body to feed-rs as it comes (feed-rs then
/// decodes by the XML declaration alone), feed-rs's own date parser, and the same mapping to
/// items. It exists so the benchmark can price the repair layer; the daemon never calls it.
pub fn parse_feed_unrepaired(
    feed_name: &str,
    body: &[u8],
    base_url: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    let parse = || {
        feed_rs_parser(base_url, false)
            .parse(body)
            .map(|feed| feed_to_parsed(feed_name, FeedModel::new(feed, None), base_url))
            .map_err(ParseError::FeedRs)
    };
    std::panic::catch_unwind(parse)
        .unwrap_or_else(|payload| Err(ParseError::Panicked(panic_message(payload.as_ref()))))
}

/// feed-rs's model of a document, and how many entries the document held.
struct FeedModel {
    feed: Feed,
    /// Entries in the document: more than `feed.entries` when those past
    /// [`MAX_ITEMS_PER_FEED`] were cut before feed-rs read it.
    entries_in_document: usize,
    /// The document was cut short, and feed-rs read it up to its last complete entry.
    cut_short: bool,
}

impl FeedModel {
    /// `cut_from` is the number of entries the document held if the entry cap cut it.
    fn new(feed: Feed, cut_from: Option<usize>) -> FeedModel {
        let entries_in_document = cut_from.unwrap_or(0).max(feed.entries.len());
        FeedModel {
            feed,
            entries_in_document,
            cut_short: false,
        }
    }
}

/// XML ended after its last complete entry if it was cut short, then read.
fn parse_xml(
    xml: String,
    base_url: Option<&str>,
    repairs: &mut Vec<Repair>,
) -> Result<FeedModel, ParseError> {
    let (xml, cut_short) = match truncated::complete_xml(&xml) {
        Ending::Whole => (xml, false),
        Ending::CutShort { doc, .. } => {
            repairs.push(Repair::CutShortClosed);
            (doc, true)
        }
        Ending::CutBeforeFirstEntry => return Err(ParseError::CutShort),
    };
    let mut model = parse_whole_xml(xml, base_url, repairs)?;
    model.cut_short = cut_short;
    Ok(model)
}

/// XML through the pre-parse repairs, the entry cap and feed-rs; if feed-rs finds the XML
/// malformed, once more after mending it.
fn parse_whole_xml(
    xml: String,
    base_url: Option<&str>,
    repairs: &mut Vec<Repair>,
) -> Result<FeedModel, ParseError> {
    let xml = repair::prepare_xml(xml, repairs);
    let (xml, entries) = cap_xml(xml);
    let error = match feed_rs_parser(base_url, true).parse(xml.as_bytes()) {
        Ok(feed) => return Ok(FeedModel::new(feed, entries)),
        Err(error @ ParseFeedError::XmlReader(_)) => error,
        Err(error) => return Err(ParseError::FeedRs(error)),
    };
    let Some(mended) = markup::recover_malformed(&xml) else {
        return Err(ParseError::FeedRs(error));
    };
    // Two copies of a 10 MiB document are one too many for the second parse.
    drop(xml);
    repairs.push(Repair::MalformedXmlRecovered);
    // Mending can part entries the scan took as nested.
    let (mended, entries_mended) = cap_xml(mended);
    feed_rs_parser(base_url, true)
        .parse(mended.as_bytes())
        .map(|feed| FeedModel::new(feed, entries.max(entries_mended)))
        .map_err(|_| ParseError::FeedRs(error))
}

/// `xml` cut after entry [`MAX_ITEMS_PER_FEED`], with the number of entries it held if it was.
fn cap_xml(xml: String) -> (String, Option<usize>) {
    match entry_cap::cap_xml_entries(&xml, MAX_ITEMS_PER_FEED) {
        Some(capped) => (capped.doc, Some(capped.entries)),
        None => (xml, None),
    }
}

/// JSON read; if it was cut short, read again ended after its last complete entry. A cut
/// document fails to parse whatever else is wrong with it, so only a failure is looked at.
fn parse_json(
    body: &[u8],
    base_url: Option<&str>,
    repairs: &mut Vec<Repair>,
) -> Result<FeedModel, ParseError> {
    let error = match parse_whole_json(body, base_url, repairs) {
        Err(ParseError::FeedRs(error)) => error,
        parsed => return parsed,
    };
    match truncated::complete_json(body) {
        Ending::Whole => Err(ParseError::FeedRs(error)),
        Ending::CutShort { doc, .. } => {
            repairs.push(Repair::CutShortClosed);
            let mut model = parse_whole_json(&doc, base_url, repairs)?;
            model.cut_short = true;
            Ok(model)
        }
        Ending::CutBeforeFirstEntry => Err(ParseError::CutShort),
    }
}

/// JSON Feed through the entry cap and feed-rs; if feed-rs rejects its shape, once more after
/// coercing it.
fn parse_whole_json(
    body: &[u8],
    base_url: Option<&str>,
    repairs: &mut Vec<Repair>,
) -> Result<FeedModel, ParseError> {
    let capped = entry_cap::cap_json_items(body, MAX_ITEMS_PER_FEED);
    let entries = capped.as_ref().map(|capped| capped.entries);
    let body = capped.as_ref().map_or(body, |capped| capped.doc.as_slice());
    let spaced = person::space_wide_neighbours(body);
    if spaced.is_some() {
        repairs.push(Repair::EmailSpaced);
    }
    let body = spaced.as_deref().unwrap_or(body);
    let error = match feed_rs_parser(base_url, true).parse(body) {
        Ok(feed) => return Ok(FeedModel::new(feed, entries)),
        Err(error) => error,
    };
    let Some(coerced) = json::coerce_json_feed(body) else {
        return Err(ParseError::FeedRs(error));
    };
    repairs.push(Repair::JsonFeedCoerced);
    feed_rs_parser(base_url, true)
        .parse(coerced.as_slice())
        .map(|feed| FeedModel::new(feed, entries))
        .map_err(|_| ParseError::FeedRs(error))
}

/// feed-rs configured for us; `lenient_dates` installs the repair layer's date parser.
fn feed_rs_parser(base_url: Option<&str>, lenient_dates: bool) -> feed_rs::parser::Parser {
    let builder = feed_rs::parser::Builder::new()
        .base_uri(base_url)
        // An empty id tells `entry_to_item` that the feed gave none, so it can derive our
        // documented hash id instead of feed-rs's (which may be a random UUID).
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false);
    if lenient_dates {
        builder.timestamp_parser(date::parse_timestamp).build()
    } else {
        builder.build()
    }
}

/// The last label of the URL's domain name (`cn` for `https://news.example.cn/rss`), which
/// tells encoding detection which scripts to expect. `None` for IP addresses.
fn top_level_domain(base_url: Option<&str>) -> Option<String> {
    let url = Url::parse(base_url?).ok()?;
    let domain = url.domain()?.trim_end_matches('.');
    domain.rsplit('.').next().map(str::to_ascii_lowercase)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "unknown panic payload".to_owned()
    }
}

/// Step 3: feed-rs's model to ours.
fn feed_to_parsed(feed_name: &str, model: FeedModel, base_url: Option<&str>) -> ParsedFeed {
    let FeedModel {
        feed,
        entries_in_document: entries,
        cut_short,
    } = model;
    let base = base_url.and_then(|base| Url::parse(base).ok());
    let title = feed
        .title
        .map(|title| html_to_text(&title.content))
        .filter(|title| !title.is_empty());
    let ttl = feed
        .ttl
        .filter(|minutes| *minutes > 0)
        .map(|minutes| std::time::Duration::from_secs(u64::from(minutes) * 60));
    if entries > MAX_ITEMS_PER_FEED {
        tracing::warn!(
            feed = feed_name,
            entries,
            kept = MAX_ITEMS_PER_FEED,
            "feed document holds more entries than newswatch reads; the rest are ignored"
        );
    }
    let items: Vec<Item> = feed
        .entries
        .into_iter()
        .take(MAX_ITEMS_PER_FEED)
        .map(|entry| entry_to_item(feed_name, entry, base.as_ref()))
        .collect();
    if cut_short {
        tracing::warn!(
            feed = feed_name,
            entries = items.len(),
            "feed document is cut short: the entries complete before the cut are read, the one it fell in is not"
        );
    }
    ParsedFeed {
        title,
        ttl,
        items,
        truncated: cut_short,
    }
}

fn entry_to_item(feed_name: &str, entry: Entry, base: Option<&Url>) -> Item {
    let title = entry
        .title
        .map(|text| capped(html_to_text(&text.content), MAX_TITLE_BYTES))
        .unwrap_or_default();
    let summary = entry
        .summary
        .map(|text| capped(html_to_text(&text.content), MAX_BODY_TEXT_BYTES))
        .unwrap_or_default();
    let content = entry
        .content
        // A base64 image or PDF is no text to match rules against.
        .filter(|content| is_text_media_type(content.content_type.as_ref()))
        .and_then(|content| content.body)
        .map(|body| capped(html_to_text(&body), MAX_BODY_TEXT_BYTES))
        .unwrap_or_default();
    let link = article_link(&entry.links, base);
    let entry_id = match entry.id.trim() {
        "" => derived_entry_id(link.as_deref(), &title),
        id => id.to_owned(),
    };
    let authors = entry
        .authors
        .into_iter()
        .filter_map(|person| person.name)
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    let categories = entry
        .categories
        .into_iter()
        .filter_map(|category| {
            let term = category.term.trim();
            let name = if term.is_empty() {
                category.label.as_deref()?.trim()
            } else {
                term
            };
            (!name.is_empty()).then(|| name.to_owned())
        })
        .collect();
    Item {
        feed: feed_name.to_owned(),
        entry_id,
        title,
        summary,
        content,
        authors,
        categories,
        canonical_link: link.as_deref().and_then(canonical_link),
        link,
        published: entry.published,
        updated: entry.updated,
    }
}

/// `text` cut to at most `limit` bytes, at a character boundary, without a space left at the
/// end: the cut can land just after one, and display text is trimmed everywhere else.
fn capped(mut text: String, limit: usize) -> String {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.truncate(text.trim_end_matches(' ').len());
    }
    text
}

/// Whether content of this media type is text (plain, HTML, XHTML or other XML).
fn is_text_media_type(media_type: &str) -> bool {
    let media_type = media_type.to_ascii_lowercase();
    media_type.starts_with("text/") || media_type.contains("xml") || media_type.contains("html")
}

/// The entry's article link: the first `alternate` (or rel-less) link, else the first link,
/// made absolute against the feed URL when feed-rs could not resolve it from xml:base.
fn article_link(links: &[Link], base: Option<&Url>) -> Option<String> {
    let link = links
        .iter()
        .find(|link| {
            link.rel
                .as_deref()
                .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
        })
        .or_else(|| links.first())?;
    let href = link.href.trim();
    if href.is_empty() {
        return None;
    }
    match (Url::parse(href), base) {
        (Err(url::ParseError::RelativeUrlWithoutBase), Some(base)) => Some(
            base.join(href)
                .map_or_else(|_| href.to_owned(), String::from),
        ),
        _ => Some(href.to_owned()),
    }
}

/// `urn:newswatch:` and the first 32 hex digits of SHA-256(link + "\n" + title): stable
/// across polls for an entry whose feed gives it no id.
fn derived_entry_id(link: Option<&str>, title: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(link.unwrap_or_default().as_bytes());
    hasher.update(b"\n");
    hasher.update(title.as_bytes());
    let digest = hasher.finalize();
    let mut id = String::with_capacity(14 + 32);
    id.push_str("urn:newswatch:");
    for byte in &digest[..16] {
        id.push(char::from(HEX[usize::from(byte >> 4)]));
        id.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    id
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, Encoding, GBK};

    fn rss(prolog_encoding: Option<&str>, title: &str, item_title: &str) -> String {
        let prolog = prolog_encoding
            .map(|encoding| format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n"))
            .unwrap_or_default();
        format!(
            "{prolog}<rss version=\"2.0\"><channel><title>{title}</title>\
             <link>http://example.cn/</link><description>d</description>\
             <item><title>{item_title}</title><link>http://example.cn/a</link>\
             <guid>item-1</guid></item></channel></rss>"
        )
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, had_unmappable) = encoding.encode(text);
        assert!(
            !had_unmappable,
            "test text must be representable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    fn titles(parsed: &ParsedFeed) -> (Option<&str>, Vec<&str>) {
        let items = parsed
            .items
            .iter()
            .map(|item| item.title.as_str())
            .collect();
        (parsed.title.as_deref(), items)
    }

    #[test]
    fn legacy_chinese_encodings_give_correct_titles() {
        let cases = [
            (GBK, "gb2312", "阿里巴巴新闻", "阿里巴巴回应解放军指控"),
            (GBK, "GBK", "阿里巴巴新闻", "五角大楼点名阿里巴巴"),
            (BIG5, "big5", "阿里巴巴新聞", "阿里巴巴回應解放軍指控"),
            (BIG5, "BIG5", "中央研究院", "美國商務部"),
        ];
        for (encoding, label, feed_title, item_title) in cases {
            let body = encode(encoding, &rss(Some(label), feed_title, item_title));
            let parsed =
                parse_feed("cn", &body, None, None).unwrap_or_else(|e| panic!("{label}: {e}"));
            assert_eq!(
                titles(&parsed),
                (Some(feed_title), vec![item_title]),
                "{label}"
            );
        }
    }

    /// One body whose encoding must be detected, and the titles it must yield.
    struct EncodingCase {
        name: &'static str,
        body: Vec<u8>,
        content_type: Option<&'static str>,
        titles: (&'static str, &'static str),
    }

    #[test]
    fn encoding_is_chosen_by_bom_then_http_charset_then_prolog() {
        let utf8_with_bom = |text: String| [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let utf16le = |text: String| text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let cp1252 = encoding_rs::WINDOWS_1252;
        let cases = [
            EncodingCase {
                name: "http charset, no prolog",
                body: encode(GBK, &rss(None, "新闻", "阿里巴巴")),
                content_type: Some("application/rss+xml; charset=GBK"),
                titles: ("新闻", "阿里巴巴"),
            },
            EncodingCase {
                name: "http charset beats prolog",
                body: encode(GBK, &rss(Some("iso-8859-1"), "新闻", "阿里巴巴")),
                content_type: Some("text/xml; charset=\"gb2312\""),
                titles: ("新闻", "阿里巴巴"),
            },
            EncodingCase {
                name: "bom beats prolog",
                body: utf8_with_bom(rss(Some("windows-1252"), "Café", "Ünïcödé")),
                content_type: None,
                titles: ("Café", "Ünïcödé"),
            },
            EncodingCase {
                name: "valid utf-8 beats a wrong label",
                body: rss(Some("ISO-8859-1"), "테스트 피드", "Café").into_bytes(),
                content_type: Some("text/xml; charset=iso-8859-1"),
                titles: ("테스트 피드", "Café"),
            },
            EncodingCase {
                name: "prolog latin1",
                body: encode(cp1252, &rss(Some("latin1"), "Café", "Ünïcödé")),
                content_type: None,
                titles: ("Café", "Ünïcödé"),
            },
            EncodingCase {
                name: "non-whatwg alias",
                body: encode(cp1252, &rss(Some("windows_1252"), "Euro €", "x")),
                content_type: None,
                titles: ("Euro €", "x"),
            },
            EncodingCase {
                name: "utf-16 without bom",
                body: utf16le(rss(Some("UTF-16"), "Café", "Ünïcödé")),
                content_type: None,
                titles: ("Café", "Ünïcödé"),
            },
        ];
        for case in cases {
            let name = case.name;
            let parsed = parse_feed("f", &case.body, case.content_type, None)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let (feed_title, item_title) = case.titles;
            assert_eq!(
                titles(&parsed),
                (Some(feed_title), vec![item_title]),
                "{name}"
            );
        }
    }

    #[test]
    fn entry_without_id_gets_a_stable_hash_id() {
        let body = br#"<rss version="2.0"><channel><title>t</title><link>http://x/</link>
            <description>d</description>
            <item><title>Alibaba &amp; the PLA</title><link>https://example.com/a</link></item>
            </channel></rss>"#;
        let first = parse_feed("f", body, None, None).expect("valid feed");
        let second = parse_feed("f", body, None, None).expect("valid feed");
        let id = &first.items[0].entry_id;
        assert_eq!(id, &second.items[0].entry_id);
        let digest = Sha256::digest(b"https://example.com/a\nAlibaba & the PLA");
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(id, &format!("urn:newswatch:{}", &hex[..32]));
    }

    #[test]
    fn feed_fields_map_to_the_item() {
        let body = br#"<?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Desk &amp; Wire</title><link>http://x/</link><description>d</description>
            <ttl>45</ttl>
            <item>
              <title>  People&#8217;s   Liberation &lt;b&gt;Army&lt;/b&gt; </title>
              <link>/news/1?utm_source=rss&amp;id=1#top</link>
              <guid isPermaLink="false"> guid-1 </guid>
              <dc:creator>Jane Doe</dc:creator>
              <category>Defense</category>
              <content:encoded><![CDATA[<p>Body <script>x()</script>text</p>]]></content:encoded>
              <pubDate>Tue, 10 Jun 2025 14:30:00 GMT</pubDate>
            </item></channel></rss>"#;
        let parsed = parse_feed(
            "wire",
            body,
            None,
            Some("https://example.com/feeds/rss.xml"),
        )
        .expect("valid feed");
        assert_eq!(parsed.title.as_deref(), Some("Desk & Wire"));
        assert_eq!(parsed.ttl, Some(std::time::Duration::from_secs(45 * 60)));
        let item = &parsed.items[0];
        assert_eq!(item.feed, "wire");
        assert_eq!(item.entry_id, "guid-1");
        assert_eq!(item.title, "People’s Liberation Army");
        assert_eq!(
            item.summary, "",
            "content must not be copied into an empty summary"
        );
        assert_eq!(item.content, "Body text");
        assert_eq!(item.authors, ["Jane Doe"]);
        assert_eq!(item.categories, ["Defense"]);
        assert_eq!(
            item.link.as_deref(),
            Some("https://example.com/news/1?utm_source=rss&id=1#top")
        );
        assert_eq!(
            item.canonical_link.as_deref(),
            Some("https://example.com/news/1?id=1")
        );
        assert_eq!(
            item.published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2025-06-10T14:30:00+00:00")
        );
    }

    #[test]
    fn json_feed_goes_straight_through() {
        let body = "\u{feff}  {\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\",
            \"items\": [{\"id\": \"1\", \"title\": \"Alibaba earnings\", \"url\": \"https://example.com/e\",
            \"content_html\": \"<p>Revenue &amp; profit</p>\"}]}";
        let parsed = parse_feed("json", body.as_bytes(), Some("application/feed+json"), None)
            .expect("valid JSON feed");
        let item = &parsed.items[0];
        assert_eq!(
            (item.entry_id.as_str(), item.title.as_str()),
            ("1", "Alibaba earnings")
        );
        assert_eq!(item.content, "Revenue & profit");
        assert_eq!(item.link.as_deref(), Some("https://example.com/e"));
    }

    #[test]
    fn a_body_that_is_not_a_feed_is_an_error() {
        let cases: [(&str, &[u8]); 7] = [
            ("empty", b""),
            ("whitespace", b" \n\t "),
            (
                "html page",
                b"<!DOCTYPE html><html><body><p>Not found</p></body></html>",
            ),
            ("plain text", b"Service Unavailable"),
            ("broken json", b"{\"version\": "),
            ("binary", &[0xff, 0xfe, 0x00, 0x3c, 0x9f, 0x00, 0x80]),
            (
                "truncated xml",
                b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x",
            ),
        ];
        for (name, body) in cases {
            match parse_feed("f", body, None, None) {
                Err(error) => assert!(!error.to_string().is_empty(), "{name}"),
                Ok(parsed) => assert!(parsed.items.is_empty(), "{name}: unexpected items"),
            }
        }
        assert!(matches!(
            parse_feed("f", b"", None, None),
            Err(ParseError::Empty)
        ));
        assert!(matches!(
            parse_feed("f", b"<html></html>", None, None),
            Err(ParseError::FeedRs(_))
        ));
    }

    /// (entry id, title) of each item.
    fn entries(parsed: &ParsedFeed) -> Vec<(&str, &str)> {
        parsed
            .items
            .iter()
            .map(|item| (item.entry_id.as_str(), item.title.as_str()))
            .collect()
    }

    #[test]
    fn a_document_cut_short_yields_the_entries_complete_before_the_cut() {
        // Titles GBK and Big5 can both encode.
        let rss = "<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss version=\"2.0\"><channel>\
                   <title>新聞</title><item><title>阿里巴巴 &amp; 解放軍</title><guid>1</guid></item>\
                   <item><title><![CDATA[五角大樓點名]]></title><guid>2</guid></item>\
                   <item><title>美國商務部</title><guid>3</guid></item></channel></rss>";
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\
                    <entry><id>1</id><title>阿里巴巴 &amp; 解放軍</title></entry>\
                    <entry><id>2</id><title>五角大樓點名</title></entry>\
                    <entry><id>3</id><title>美國商務部</title></entry></feed>";
        let rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                   xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel>\
                   <item rdf:about=\"1\"><title>阿里巴巴 &amp; 解放軍</title><link>1</link></item>\
                   <item rdf:about=\"2\"><title>五角大樓點名</title><link>2</link></item>\
                   <item rdf:about=\"3\"><title>美國商務部</title><link>3</link></item></rdf:RDF>";
        let json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \
                    \"items\": [{\"id\": \"1\", \"title\": \"阿里巴巴 & 解放軍\"}, \
                    {\"id\": \"2\", \"title\": \"五角大樓點名\"}, {\"id\": \"3\", \"title\": \"美國商務部\"}]}";
        let utf16le =
            |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let utf16be =
            |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_be_bytes).collect() };
        let rss_in = |label: &str| rss.replace("{encoding}", label);
        let documents = [
            (
                "rss utf-8",
                rss_in("utf-8").into_bytes(),
                b"</item>".to_vec(),
            ),
            ("rss gbk", encode(GBK, &rss_in("gbk")), b"</item>".to_vec()),
            (
                "rss big5",
                encode(BIG5, &rss_in("big5")),
                b"</item>".to_vec(),
            ),
            (
                "rss utf-16le",
                utf16le(&rss_in("utf-16")),
                utf16le("</item>"),
            ),
            ("atom utf-16be", utf16be(atom), utf16be("</entry>")),
            ("rdf", rdf.as_bytes().to_vec(), b"</item>".to_vec()),
            ("json feed", json.as_bytes().to_vec(), b"}".to_vec()),
        ];
        for (name, whole, closing) in documents {
            let full =
                parse_feed("f", &whole, None, None).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!full.truncated, "{name}");
            assert_eq!(full.items.len(), 3, "{name}");
            // Where each entry's closing tag ends (the JSON Feed's last `}` closes the feed).
            let ends: Vec<usize> = memchr::memmem::find_iter(&whole, &closing)
                .map(|at| at + closing.len())
                .take(3)
                .collect();
            // From just before the first entry's end to just past the last one's, every byte.
            for cut in ends[0] - 1..ends[2] + 2 {
                let complete = ends.iter().filter(|end| **end <= cut).count();
                let result = parse_feed("f", &whole[..cut], None, None);
                if complete == 0 {
                    assert!(
                        matches!(result, Err(ParseError::CutShort)),
                        "{name} cut at {cut}: {result:?}"
                    );
                    continue;
                }
                let parsed = result.unwrap_or_else(|e| panic!("{name} cut at {cut}: {e}"));
                assert!(parsed.truncated, "{name} cut at {cut}");
                assert_eq!(
                    entries(&parsed),
                    entries(&full)[..complete],
                    "{name} cut at {cut}"
                );
            }
        }
    }

    #[test]
    fn long_texts_are_cut_at_a_character_boundary() {
        // 3-byte characters, so the byte limit falls inside one.
        let title = "阿".repeat(MAX_TITLE_BYTES);
        let summary = format!("<p>{}</p>", "é".repeat(MAX_BODY_TEXT_BYTES));
        let body = format!(
            "<rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>\
             <description>d</description><item><title>{title}</title><guid>1</guid>\
             <description><![CDATA[{summary}]]></description></item></channel></rss>"
        );
        let parsed = parse_feed("f", body.as_bytes(), None, None).expect("valid feed");
        let item = &parsed.items[0];
        assert_eq!(item.title.len(), MAX_TITLE_BYTES - MAX_TITLE_BYTES % 3);
        assert!(item.title.chars().all(|c| c == '阿'));
        assert_eq!(item.summary.len(), MAX_BODY_TEXT_BYTES);
        assert_eq!(capped("abc".into(), 10), "abc");
        assert_eq!(capped("aé".into(), 2), "a");
    }

    #[test]
    fn entries_past_the_cap_are_dropped() {
        let items: String = (0..MAX_ITEMS_PER_FEED + 5)
            .map(|i| format!("<item><title>n{i}</title><guid>g{i}</guid></item>"))
            .collect();
        let body = format!(
            "<rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>\
             <description>d</description>{items}</channel></rss>"
        );
        let parsed = parse_feed("f", body.as_bytes(), None, None).expect("valid feed");
        assert_eq!(parsed.items.len(), MAX_ITEMS_PER_FEED);
        assert_eq!(parsed.items[0].entry_id, "g0", "document order is kept");
    }

    #[test]
    fn entries_past_the_cap_are_never_read() {
        // feed-rs fails a whole Atom feed on one entry whose `content` has both a `src` and a
        // body, and no repair mends that: past the cap, such an entry must not be read at all.
        let broken = "<entry><id>bad</id><title>t</title>\
                      <content src=\"https://example.com/x\" type=\"text/html\">body</content></entry>";
        assert!(
            parse_feed(
                "f",
                format!(
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>{broken}</feed>"
                )
                .as_bytes(),
                None,
                None
            )
            .is_err(),
            "the broken entry alone fails the feed"
        );
        let entries: String = (0..MAX_ITEMS_PER_FEED)
            .map(|i| format!("<entry><id>e{i}</id><title>n{i}</title></entry>"))
            .collect();
        let body = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>{entries}{broken}{broken}</feed>"
        );
        let parsed = parse_feed("f", body.as_bytes(), None, None).expect("the cut feed parses");
        assert_eq!(parsed.items.len(), MAX_ITEMS_PER_FEED);
        assert_eq!(parsed.items[MAX_ITEMS_PER_FEED - 1].entry_id, "e999");
        // The same in JSON Feed, whose entries past the cap are not even JSON.
        let items: Vec<String> = (0..MAX_ITEMS_PER_FEED)
            .map(|i| format!("{{\"id\": \"j{i}\", \"title\": \"n{i}\"}}"))
            .collect();
        let body = format!(
            "{{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \
             \"items\": [{}, {{\"id\": 1, \"title\": }}, {{]}}",
            items.join(", ")
        );
        let parsed = parse_feed("f", body.as_bytes(), None, None).expect("the cut feed parses");
        assert_eq!(parsed.items.len(), MAX_ITEMS_PER_FEED);
        assert_eq!(parsed.items[0].entry_id, "j0");
    }

    /// A log writer that keeps what it is given.
    #[derive(Clone, Default)]
    struct CapturedLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for CapturedLog {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .expect("log buffer lock")
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn dropped_entries_are_logged_with_the_feed_and_the_count() {
        let log = CapturedLog::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let items: String = (0..MAX_ITEMS_PER_FEED + 7)
            .map(|i| format!("<item><title>n{i}</title><guid>g{i}</guid></item>"))
            .collect();
        let body = format!("<rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>");
        let parsed = tracing::subscriber::with_default(subscriber, || {
            parse_feed("wire", body.as_bytes(), None, None).expect("valid feed")
        });
        assert_eq!(parsed.items.len(), MAX_ITEMS_PER_FEED);
        let text = String::from_utf8_lossy(&log.0.lock().expect("log buffer lock")).into_owned();
        assert!(
            text.contains("WARN")
                && text.contains("feed=\"wire\"")
                && text.contains("entries=1007"),
            "{text}"
        );
    }

    #[test]
    fn a_feed_rs_panic_becomes_an_error() {
        let body = "<rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>\
                    <description>d</description><item><title>a</title><guid>1</guid>\
                    <author>news@example.cn（新闻部）</author></item></channel></rss>";
        // Without the repair layer feed-rs panics on this author; the panic is caught.
        let result = parse_feed_unrepaired("f", body.as_bytes(), None);
        assert!(matches!(result, Err(ParseError::Panicked(_))), "{result:?}");
        // With it (`repair::person`) the feed parses.
        let parsed = parse_feed("f", body.as_bytes(), None, None).expect("repaired");
        assert_eq!(parsed.items[0].authors, ["（新闻部）"]);
    }
}
