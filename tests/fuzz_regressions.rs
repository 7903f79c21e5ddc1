//! Inputs the fuzz targets (`fuzz/`) once crashed on, minimized, each kept as a test of the
//! public entry point the target drives. A panic in `parse_feed` is caught and turned into
//! `ParseError::Panicked`, so these check for that error as well as for the right result.
//!
//! `tests/data/fuzz/` holds the crashing inputs as the fuzzer wrote them (minus the first byte,
//! which the `parse_feed` target turns into the HTTP context given here); the tests below them
//! are the same defects cut down to what a reader can follow.

use newswatch::feed::ParsedFeed;
use newswatch::feed::parse::{ParseError, parse_feed};

fn parse(body: &[u8], content_type: Option<&str>) -> Result<ParsedFeed, ParseError> {
    parse_from(body, content_type, None)
}

fn parse_from(
    body: &[u8],
    content_type: Option<&str>,
    base_url: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    let result = parse_feed("fuzz", body, content_type, base_url);
    if let Err(ParseError::Panicked(message)) = &result {
        panic!("parse_feed panicked: {message}");
    }
    result
}

/// `clock_time` measured a fraction of a second in bytes after taking nine characters of it,
/// so nine `ì` (two bytes each in UTF-8) made `9 - len` underflow.
#[test]
fn fraction_of_second_with_multibyte_characters_is_not_a_date() {
    let atom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>\
        <updated>2025-02-24T15:43:09.452Z</updated>\
        <entry><title>Entry</title><id>urn:f:1</id>\
        <updated>2025-02-24T15:45:46.0ìììììììììì35455Z</updated></entry></feed>";
    let parsed = parse(atom.as_bytes(), None).expect("the feed parses");
    assert_eq!(parsed.items.len(), 1);
    assert_eq!(parsed.items[0].title, "Entry");
    assert_eq!(parsed.items[0].updated, None, "not a date: no guess");
}

/// quick-xml reads the XML declaration up to the first `?>`, however far away, and switches
/// decoders to the encoding it names; past its prefix buffer it panics. The repair layer
/// rewrote the declared encoding only in a declaration shorter than 512 bytes, so one left
/// unterminated (here `?:` for `?>`) until after a long comment escaped it.
#[test]
fn unterminated_xml_declaration_naming_an_encoding_does_not_panic() {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1253\"?:\"http://my.netscape.com/rdf/simple/0.9/\">\n\
         <!-- {} -->\n<?xml-stylesheet href=\"a.xsl\"?>\
         <rss version=\"2.0\"><channel><title>Τίτλος</title><item><title>Ειδήσεις</title>\
         <guid>g1</guid></item></channel></rss>",
        "padding ".repeat(200)
    );
    // A document this mangled need not parse; it must not panic.
    if let Ok(parsed) = parse(body.as_bytes(), None) {
        assert!(
            parsed
                .items
                .iter()
                .all(|item| !item.title.contains('\u{FFFD}'))
        );
    }
    let legacy = encoding_rs::WINDOWS_1253.encode(&body).0;
    let _ = parse(&legacy, Some("text/html; charset=windows-1252"));
}

/// The fuzzer's own crashing inputs, replayed with the HTTP context the target gave them.
#[test]
fn crashing_inputs_found_by_fuzzing_parse_without_panicking() {
    let cases = [
        ("date-fraction.atom", None, None),
        (
            "long-declaration.xml",
            Some("text/html; charset=windows-1252"),
            None,
        ),
        (
            "author-after-address.rss",
            Some("text/xml; charset=\"big5\""),
            Some("https://news.example.cn/feed/rss.xml"),
        ),
        (
            "declaration-in-declaration.rss",
            Some("text/xml; charset=\"big5\""),
            Some("https://news.example.cn/feed/rss.xml"),
        ),
    ];
    for (name, content_type, base_url) in cases {
        let path = format!("{}/tests/data/fuzz/{name}", env!("CARGO_MANIFEST_DIR"));
        let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let _ = parse_from(&body, content_type, base_url);
    }
}

/// feed-rs's person parser slices one byte before or after an e-mail address, inside the
/// character there when it is not ASCII (`docs/upstream.md`, entry 10). `parse_feed` only
/// caught that panic, losing the feed, until the repair layer spaced such addresses.
#[test]
fn author_address_next_to_a_wide_character_keeps_the_feed() {
    let rss = |author: &str| {
        format!(
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
             <title>t</title><link>http://example.cn/</link><description>d</description>\
             <item><title>阿里巴巴</title><guid>g</guid>{author}</item></channel></rss>"
        )
    };
    let cases = [
        ("<author>news@example.cn（新闻部）</author>", "（新闻部）"),
        (
            "<author>新闻部编辑（news@example.cn）</author>",
            "新闻部编辑（",
        ),
        (
            "<dc:creator>&#x65B0;&#x95FB;&#x90E8;&#xFF08;news@example.cn</dc:creator>",
            "新闻部（",
        ),
        (
            "<author>news@example.com\u{a0}(Desk)</author>",
            "\u{a0}(Desk)",
        ),
    ];
    for (author, name) in cases {
        let parsed = parse(rss(author).as_bytes(), None).expect("the feed parses");
        assert_eq!(parsed.items.len(), 1, "{author}");
        assert_eq!(parsed.items[0].authors, [name.trim()], "{author}");
    }
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"1","title":"x","authors":[{"name":"\uff08news@example.cn\uff09新闻部"}]}]}"#;
    let parsed = parse(json.as_bytes(), None).expect("the JSON feed parses");
    assert_eq!(parsed.items.len(), 1);
}

/// A title cut at `MAX_TITLE_BYTES` ended with the space the cut landed after, where every
/// other display text is trimmed: here a mangled title ran on past the next items.
#[test]
fn a_title_cut_at_its_byte_cap_ends_without_a_space() {
    let path = format!(
        "{}/tests/data/fuzz/trailing-space.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read(&path).expect("fuzz input");
    let parsed = parse_from(
        &body,
        Some("text/xml; charset=gb2312"),
        Some("https://news.example.cn/feed/rss.xml"),
    )
    .expect("the feed parses");
    let long = parsed
        .items
        .iter()
        .find(|item| item.title.len() > 1000)
        .expect("the run-on title");
    assert!(long.title.len() <= newswatch::feed::parse::MAX_TITLE_BYTES);
    for item in &parsed.items {
        assert_eq!(item.title, item.title.trim(), "{:?}", item.title);
    }

    let title = format!("{} tail", "alibaba ".repeat(200));
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>t</title><item><title>{title}</title>\
         <guid>g</guid></item></channel></rss>"
    );
    let parsed = parse(rss.as_bytes(), None).expect("the feed parses");
    assert_eq!(
        parsed.items[0].title.len(),
        1023,
        "1024 bytes end after a space"
    );
    assert!(parsed.items[0].title.ends_with("alibaba"));
}
