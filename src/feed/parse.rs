//! Parsing: the bytes of one HTTP response (or file) to a [`ParsedFeed`] of normalized
//! [`Item`]s. This is the one entry point the daemon calls for RSS, Atom and JSON feeds.
//!
//! The work is three small steps so that a leniency/repair layer can later slot in between
//! them: `decode_to_utf8` settles the character encoding (feed-rs only honours the XML
//! prolog, which real servers get wrong), `parse_with_feed_rs` builds feed-rs's model, and
//! `feed_to_parsed` turns that model into our items, text and links normalized once here so
//! that rules, dedup and alerts all see the same values.

use std::ops::Range;

use encoding_rs::{BIG5, Encoding, GBK, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE};
use feed_rs::model::{Entry, Feed, Link};
use feed_rs::parser::ParseFeedError;
use sha2::{Digest, Sha256};
use url::Url;

use crate::feed::normalize::{canonical_link, html_to_text};
use crate::feed::{Item, ParsedFeed};

/// Why a body could not be turned into a feed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The body holds nothing but whitespace.
    #[error("the response body is empty")]
    Empty,
    /// feed-rs rejected the body: not XML or JSON, no feed root element, malformed XML, an
    /// unsupported JSON Feed version. Kept typed so a repair layer can tell these apart.
    #[error("feed-rs could not parse the feed: {0}")]
    FeedRs(ParseFeedError),
    /// feed-rs panicked on the body (a feed-rs bug; see `parse_with_feed_rs`).
    #[error("feed-rs panicked while parsing the feed: {0}")]
    FeedRsPanicked(String),
}

/// Parses one feed body. `content_type` is the HTTP `Content-Type` header (its `charset`
/// takes part in choosing the encoding); `base_url` is the URL the body came from, against
/// which relative links are resolved.
pub fn parse_feed(
    feed_name: &str,
    body: &[u8],
    content_type: Option<&str>,
    base_url: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    let document = decode_to_utf8(body, content_type)?;
    let feed = parse_with_feed_rs(document.as_bytes(), base_url)?;
    Ok(feed_to_parsed(feed_name, feed, base_url))
}

/// A feed body as UTF-8 text that feed-rs will read as UTF-8.
enum Document<'a> {
    /// JSON Feed is UTF-8 by definition and is passed through untouched (minus a BOM).
    Json(&'a [u8]),
    /// XML decoded from its real encoding, with the prolog's encoding rewritten to UTF-8.
    Xml(String),
}

impl Document<'_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Document::Json(bytes) => bytes,
            Document::Xml(text) => text.as_bytes(),
        }
    }
}

/// Step 1: settle the character encoding and hand back UTF-8.
fn decode_to_utf8<'a>(
    body: &'a [u8],
    content_type: Option<&str>,
) -> Result<Document<'a>, ParseError> {
    let (encoding, bom_len) = choose_encoding(body, content_type);
    let content = &body[bom_len..];
    let first_visible = content.iter().find(|b| !b.is_ascii_whitespace());
    match first_visible {
        None => return Err(ParseError::Empty),
        Some(b'{') if encoding == UTF_8 => return Ok(Document::Json(content)),
        Some(_) => {}
    }
    // Malformed sequences become U+FFFD rather than failing the whole feed: one bad byte in a
    // description should not hide every headline.
    let (text, _had_errors) = encoding.decode_without_bom_handling(content);
    let mut text = text.into_owned();
    if let Some(value) = xml_declared_encoding_range(text.as_bytes()) {
        text.replace_range(value, "UTF-8");
    }
    Ok(Document::Xml(text))
}

/// Picks the body's encoding, returning it with the length of any byte order mark. Order: BOM,
/// then the HTTP charset, then the XML prolog, else UTF-8 (the XML default), with one
/// exception: a body that is valid UTF-8 and not plain ASCII is UTF-8 whatever a label says.
/// Servers and CMSs routinely label UTF-8 as ISO-8859-1, while legacy-encoded text that
/// happens to form valid multi-byte UTF-8 sequences is vanishingly rare.
fn choose_encoding(body: &[u8], content_type: Option<&str>) -> (&'static Encoding, usize) {
    if let Some(found) = Encoding::for_bom(body) {
        return found;
    }
    if let Some(utf16) = sniff_utf16_without_bom(body) {
        return (utf16, 0);
    }
    let declared = content_type
        .and_then(http_charset)
        .and_then(encoding_for_label)
        .or_else(|| xml_declared_encoding(body).and_then(encoding_for_label))
        // Without a BOM or NUL-interleaved bytes, a label of UTF-16 contradicts the bytes we
        // just read as ASCII.
        .filter(|encoding| *encoding != UTF_16LE && *encoding != UTF_16BE);
    match declared {
        Some(encoding) if encoding != UTF_8 && !is_non_ascii_utf8(body) => (encoding, 0),
        _ => (UTF_8, 0),
    }
}

fn sniff_utf16_without_bom(body: &[u8]) -> Option<&'static Encoding> {
    match body.get(..4)? {
        [b'<', 0, b'?' | b'r' | b'f', 0] => Some(UTF_16LE),
        [0, b'<', 0, b'?' | b'r' | b'f'] => Some(UTF_16BE),
        _ => None,
    }
}

fn is_non_ascii_utf8(body: &[u8]) -> bool {
    !body.is_ascii() && std::str::from_utf8(body).is_ok()
}

/// The `charset` parameter of a `Content-Type` header value.
fn http_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
            .filter(|value| !value.is_empty())
    })
}

/// WHATWG labels, plus the Windows code-page names some servers still send.
fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    if let Some(encoding) = Encoding::for_label(label.as_bytes()) {
        return Some(encoding);
    }
    let label = label.trim().to_ascii_lowercase().replace('_', "-");
    match label.as_str() {
        "cp936" | "ms936" | "windows-936" => Some(GBK),
        "cp950" | "ms950" | "windows-950" | "big5hkscs" => Some(BIG5),
        "cp932" | "ms932" | "windows-932" => Some(SHIFT_JIS),
        other => Encoding::for_label(other.as_bytes()),
    }
}

/// The value of `encoding="..."` in the XML declaration, if the body starts with one.
fn xml_declared_encoding(body: &[u8]) -> Option<&str> {
    let range = xml_declared_encoding_range(body)?;
    std::str::from_utf8(&body[range]).ok()
}

/// Byte range of the `encoding` value inside a leading `<?xml ... ?>` declaration. Works on
/// the raw bytes (ASCII-compatible encodings) and on the decoded text alike.
fn xml_declared_encoding_range(doc: &[u8]) -> Option<Range<usize>> {
    // A declaration longer than this is not one a real server writes.
    const MAX_DECLARATION: usize = 512;
    let start = doc.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &doc[start..doc.len().min(start + MAX_DECLARATION)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let declaration = &head[..find(head, b"?>")?];
    let after_name = find(declaration, b"encoding")? + b"encoding".len();
    let mut pos = after_name;
    let skip_spaces = |mut pos: usize| {
        while declaration.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        pos
    };
    pos = skip_spaces(pos);
    if declaration.get(pos) != Some(&b'=') {
        return None;
    }
    pos = skip_spaces(pos + 1);
    let quote = *declaration.get(pos).filter(|q| matches!(q, b'"' | b'\''))?;
    let value_start = pos + 1;
    let value_len = declaration[value_start..]
        .iter()
        .position(|b| *b == quote)?;
    Some(start + value_start..start + value_start + value_len)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Step 2: feed-rs builds its model from UTF-8 bytes.
///
/// The call runs under `catch_unwind` because feed-rs 3.0.0 panics on some real-world input:
/// its RSS author parser (`parse_person_name_email`) slices one byte past the e-mail address,
/// which lands inside the next character when that is not ASCII, as in
/// `<author>news@example.cn（新闻部）</author>`. One hostile or careless feed must not take the
/// daemon down. This relies on the crate being built with `panic = "unwind"` (the default).
fn parse_with_feed_rs(document: &[u8], base_url: Option<&str>) -> Result<Feed, ParseError> {
    let parse = || {
        feed_rs::parser::Builder::new()
            .base_uri(base_url)
            // An empty id tells `entry_to_item` that the feed gave none, so it can derive our
            // documented hash id instead of feed-rs's (which may be a random UUID).
            .id_generator(|_, _, _| String::new())
            .sanitize_content(false)
            .build()
            .parse(document)
    };
    match std::panic::catch_unwind(parse) {
        Ok(result) => result.map_err(ParseError::FeedRs),
        Err(payload) => Err(ParseError::FeedRsPanicked(panic_message(payload.as_ref()))),
    }
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
fn feed_to_parsed(feed_name: &str, feed: Feed, base_url: Option<&str>) -> ParsedFeed {
    let base = base_url.and_then(|base| Url::parse(base).ok());
    let title = feed
        .title
        .map(|title| html_to_text(&title.content))
        .filter(|title| !title.is_empty());
    let ttl = feed
        .ttl
        .filter(|minutes| *minutes > 0)
        .map(|minutes| std::time::Duration::from_secs(u64::from(minutes) * 60));
    let items = feed
        .entries
        .into_iter()
        .map(|entry| entry_to_item(feed_name, entry, base.as_ref()))
        .collect();
    ParsedFeed { title, ttl, items }
}

fn entry_to_item(feed_name: &str, entry: Entry, base: Option<&Url>) -> Item {
    let title = entry
        .title
        .map(|text| html_to_text(&text.content))
        .unwrap_or_default();
    let summary = entry
        .summary
        .map(|text| html_to_text(&text.content))
        .unwrap_or_default();
    let content = entry
        .content
        .and_then(|content| content.body)
        .map(|body| html_to_text(&body))
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
    use crate::feed::normalize::normalize_for_match;

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

    #[test]
    fn a_feed_rs_panic_becomes_an_error() {
        let body = "<rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>\
                    <description>d</description><item><title>a</title><guid>1</guid>\
                    <author>news@example.cn（新闻部）</author></item></channel></rss>";
        let result = parse_feed("f", body.as_bytes(), None, None);
        assert!(
            matches!(result, Err(ParseError::FeedRsPanicked(_))),
            "{result:?}"
        );
    }

    #[test]
    fn http_charset_is_read_from_content_type() {
        let cases = [
            ("text/xml; charset=UTF-8", Some("UTF-8")),
            ("text/xml;charset=\"gb2312\"", Some("gb2312")),
            ("application/rss+xml; q=1; Charset = big5 ", Some("big5")),
            ("text/xml", None),
            ("text/xml; charset=", None),
        ];
        for (content_type, want) in cases {
            assert_eq!(http_charset(content_type), want, "{content_type}");
        }
    }

    #[test]
    fn every_corpus_file_parses_or_fails_without_panicking() {
        // The corpus lives in `../shared/` beside the checkout, in development and in CI alike.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/realworld");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus directory is readable")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.file_name().is_some_and(|name| name != "MANIFEST.tsv"))
            .collect();
        paths.sort();
        let (mut with_entries, mut without_entries, mut failed) = (0, 0, 0);
        for path in &paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let body = std::fs::read(path).expect("corpus file is readable");
            match parse_feed("corpus", &body, None, Some("https://example.org/feed")) {
                Ok(parsed) => {
                    for item in &parsed.items {
                        for text in [&item.entry_id, &item.title, &item.summary, &item.content] {
                            normalize_for_match(text);
                        }
                        item.authors.iter().chain(&item.categories).for_each(|t| {
                            normalize_for_match(t);
                        });
                        normalize_for_match(item.link.as_deref().unwrap_or_default());
                    }
                    let first = parsed
                        .items
                        .first()
                        .map(|item| item.title.as_str())
                        .unwrap_or("");
                    println!(
                        "ok   {name}: {} items; first title {first:?}",
                        parsed.items.len()
                    );
                    if parsed.items.is_empty() {
                        without_entries += 1;
                    } else {
                        with_entries += 1;
                    }
                }
                Err(error) => {
                    println!("fail {name}: {error}");
                    failed += 1;
                }
            }
        }
        println!(
            "corpus: {} files, {with_entries} with entries, {without_entries} parsed without entries, {failed} failed",
            paths.len()
        );
        assert!(
            paths.len() >= 72,
            "corpus incomplete: {} files",
            paths.len()
        );
        // Measured when this parser landed; fewer means a regression.
        assert!(
            with_entries >= 56,
            "only {with_entries} corpus files yielded entries"
        );
    }
}
