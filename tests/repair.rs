//! One small fixture per failure class the repair layer exists for, each through the daemon's
//! entry point `parse_feed` with the items and dates it must yield; then property tests that
//! no input, random or a mutated real feed, panics the process or escapes as anything but a
//! `Result`.

use newswatch::feed::ParsedFeed;
use newswatch::feed::parse::{ParseError, parse_feed};
use proptest::prelude::*;

/// One fixture: a body as a server sends it and the (title, published-or-updated) pairs of
/// the items it must yield.
struct Fixture {
    name: &'static str,
    body: Vec<u8>,
    content_type: Option<&'static str>,
    items: Vec<(&'static str, Option<&'static str>)>,
}

fn fixture(
    name: &'static str,
    body: impl Into<Vec<u8>>,
    items: &[(&'static str, Option<&'static str>)],
) -> Fixture {
    Fixture {
        name,
        body: body.into(),
        content_type: None,
        items: items.to_vec(),
    }
}

fn items_of(parsed: &ParsedFeed) -> Vec<(String, Option<String>)> {
    parsed
        .items
        .iter()
        .map(|item| {
            let date = item
                .published
                .or(item.updated)
                .map(|date| date.to_rfc3339());
            (item.title.clone(), date)
        })
        .collect()
}

fn check(fixtures: Vec<Fixture>) {
    for fixture in fixtures {
        let name = fixture.name;
        let parsed = parse_feed(
            "f",
            &fixture.body,
            fixture.content_type,
            Some("https://example.org/feed"),
        )
        .unwrap_or_else(|error| panic!("{name}: {error}"));
        let want: Vec<_> = fixture
            .items
            .iter()
            .map(|(title, date)| ((*title).to_owned(), date.map(str::to_owned)))
            .collect();
        assert_eq!(items_of(&parsed), want, "{name}");
    }
}

fn rss_doc(root: &str, items: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>{root}<channel><title>t</title><link>http://example.com/</link>\
         <description>d</description>{items}</channel></rss>"
    )
}

const DATE: &str = "Tue, 10 Jun 2025 14:30:00 GMT";
const DATE_UTC: Option<&str> = Some("2025-06-10T14:30:00+00:00");

fn item(title: &str) -> String {
    format!(
        "<item><title>{title}</title><link>http://example.com/1</link><pubDate>{DATE}</pubDate></item>"
    )
}

#[test]
fn atom_content_types_feed_rs_rejects() {
    let entry = |form: &str, content: &str| {
        format!(
            "<entry><title>{form} - Current report</title><id>urn:{form}</id>\
             <link href=\"https://www.sec.gov/Archives/edgar/data/1/{form}-index.htm\" rel=\"alternate\"/>\
             <updated>2021-04-29T16:45:49-04:00</updated>{content}</entry>"
        )
    };
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>EDGAR</title><id>urn:f</id><updated>2021-04-29T16:45:49-04:00</updated>{}{}{}{}{}</feed>",
        entry(
            "8-K",
            "<content type=\"text/xml\"><filing-type>8-K</filing-type></content>"
        ),
        entry(
            "6-K",
            "<content type=\"application/vnd.sec+xml\"><form>6-K</form></content>"
        ),
        entry("10-Q", "<content type=\"text/plain\">quarterly</content>"),
        entry("S-1", "<content type=\"\"></content>"),
        entry(
            "4",
            "<content type=\"application/octet-stream\">AAECAw==</content>"
        ),
    );
    let date = Some("2021-04-29T20:45:49+00:00");
    check(vec![fixture(
        "sec edgar content types",
        body.clone(),
        &[
            ("8-K - Current report", date),
            ("6-K - Current report", date),
            ("10-Q - Current report", date),
            ("S-1 - Current report", date),
            ("4 - Current report", date),
        ],
    )]);
    let parsed = parse_feed("sec", body.as_bytes(), None, None).expect("parses");
    assert_eq!(parsed.items[0].content, "8-K");
    assert_eq!(
        parsed.items[0].link.as_deref(),
        Some("https://www.sec.gov/Archives/edgar/data/1/8-K-index.htm")
    );
    assert_eq!(parsed.items[2].content, "quarterly");
    assert_eq!(parsed.items[4].content, "", "base64 is not text");
}

#[test]
fn legacy_namespaces_and_layouts_yield_items() {
    check(vec![
        fixture(
            "atom 0.3",
            "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>\
             <entry><title type=\"text/plain\" mode=\"escaped\">Alibaba answers</title>\
             <link rel=\"alternate\" type=\"text/html\" href=\"http://example.com/1\"/>\
             <id>tag:1</id><issued>2005-11-29T19:55:00-05:00</issued><modified>2005-11-30T00:56:52Z</modified>\
             <content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></content>\
             </entry></feed>",
            &[("Alibaba answers", Some("2005-11-30T00:55:00+00:00"))],
        ),
        fixture(
            "rss 0.90 namespace",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
             xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>t</title>\
             <link>http://example.com/</link><description>d</description></channel>\
             <item><title>Pentagon list</title><link>http://example.com/1</link></item></rdf:RDF>",
            &[("Pentagon list", None)],
        ),
        fixture(
            "userland rss 2 namespace",
            rss_doc(
                "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\">",
                &item("Commerce adds entities"),
            ),
            &[("Commerce adds entities", DATE_UTC)],
        ),
        fixture(
            "rss 0.91 items after the channel",
            format!(
                "<rss version=\"0.91\"><channel><title>t</title><link>http://example.com/</link>\
                 <description>d</description></channel>{}{}</rss>",
                item("first"),
                item("second")
            ),
            &[("first", DATE_UTC), ("second", DATE_UTC)],
        ),
    ]);
}

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} fits {}", encoding.name());
    bytes.into_owned()
}

#[test]
fn encodings_feed_rs_gets_wrong() {
    let declared = |label: &str, title: &str| {
        rss_doc("<rss version=\"2.0\">", &item(title)).replace(
            "<?xml version=\"1.0\"?>",
            &format!("<?xml version=\"1.0\" encoding=\"{label}\"?>"),
        )
    };
    let undeclared = |title: &str| {
        rss_doc("<rss version=\"2.0\">", &item(title)).replace("<?xml version=\"1.0\"?>", "")
    };
    let utf16_be =
        |text: String| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_be_bytes).collect() };
    let mut fixtures = vec![
        fixture(
            "windows_1252 label",
            encode(
                encoding_rs::WINDOWS_1252,
                &declared("windows_1252", "Café € crisis"),
            ),
            &[("Café € crisis", DATE_UTC)],
        ),
        fixture(
            "dos code page label",
            encode(encoding_rs::IBM866, &declared("cp866", "Новости дня")),
            &[("Новости дня", DATE_UTC)],
        ),
        fixture(
            "mac code page label",
            encode(encoding_rs::MACINTOSH, &declared("MacRoman", "Zürich café")),
            &[("Zürich café", DATE_UTC)],
        ),
        fixture(
            "undeclared windows-1251",
            encode(
                encoding_rs::WINDOWS_1251,
                &undeclared("Новости Оренбурга и области: главные стройплощадки"),
            ),
            &[(
                "Новости Оренбурга и области: главные стройплощадки",
                DATE_UTC,
            )],
        ),
        fixture(
            "declaration contradicted by gbk bytes",
            encode(
                encoding_rs::GBK,
                &declared("ISO-8859-1", "阿里巴巴集团公布季度业绩，云计算收入增长"),
            ),
            &[("阿里巴巴集团公布季度业绩，云计算收入增长", DATE_UTC)],
        ),
        fixture(
            "utf-8 bytes declared latin-1",
            declared("ISO-8859-1", "阿里巴巴 Café"),
            &[("阿里巴巴 Café", DATE_UTC)],
        ),
        fixture(
            "utf-16be declared ucs-2 (quick-xml panics on it)",
            utf16_be(declared("UCS-2", "Café")),
            &[("Café", DATE_UTC)],
        ),
        fixture(
            "utf-16be with bom declared utf-16",
            [&[0xFE, 0xFF][..], &utf16_be(declared("UTF-16", "Café"))].concat(),
            &[("Café", DATE_UTC)],
        ),
    ];
    let mut http = fixture(
        "http charset beats the declaration",
        encode(encoding_rs::BIG5, &declared("iso-8859-1", "阿里巴巴回應")),
        &[("阿里巴巴回應", DATE_UTC)],
    );
    http.content_type = Some("application/rss+xml; charset=big5");
    fixtures.push(http);
    check(fixtures);
}

#[test]
fn utf16be_that_panics_feed_rs_is_parsed_and_never_crashes() {
    let text = "<?xml version=\"1.0\" encoding=\"UCS-2\"?><rss version=\"2.0\"><channel>\
                <title>t</title><item><title>a</title></item></channel></rss>";
    let body: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // feed-rs 3.0.0 itself panics in quick-xml's DecodingReader::set_encoding on this body.
    let raw = std::panic::catch_unwind(|| feed_rs::parser::parse(&body[..]).is_ok());
    assert!(
        raw.is_err(),
        "feed-rs no longer panics: see docs/upstream.md"
    );
    let parsed = parse_feed("f", &body, None, None).expect("the repair layer decodes it");
    assert_eq!(parsed.items[0].title, "a");
    // A declaration quick-xml still sees mid-document is removed before it can panic.
    let misplaced = "<rss version=\"2.0\"><channel><title>t</title><?xml version=\"1.0\" \
                     encoding=\"UTF-16\"?><item><title>a</title></item></channel></rss>";
    let parsed = parse_feed("f", misplaced.as_bytes(), None, None).expect("parses");
    assert_eq!(parsed.items[0].title, "a");
}

#[test]
fn roots_feed_rs_does_not_dispatch_on() {
    let mut fixtures: Vec<Fixture> = [
        "",
        " version=\"0.93\"",
        " version=\"0.94\"",
        " version=\"2.01\"",
        " version='2.1'",
    ]
    .into_iter()
    .map(|version| {
        fixture(
            "rss version",
            rss_doc(&format!("<rss{version}>"), &item("Treasury sanctions")),
            &[("Treasury sanctions", DATE_UTC)],
        )
    })
    .collect();
    fixtures.push(fixture(
        "cdf",
        "<?xml version=\"1.0\"?><CHANNEL HREF=\"http://example.com/\"><TITLE>t</TITLE>\
         <ITEM HREF=\"http://example.com/1\" LASTMOD=\"1998-11-05T22:12\"><TITLE>FCC order</TITLE>\
         <ABSTRACT>text</ABSTRACT></ITEM></CHANNEL>",
        &[("FCC order", Some("1998-11-05T22:12:00+00:00"))],
    ));
    fixtures.push(fixture(
        "atom inside html",
        "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
         \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">\
         <body><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>SEC charges</title>\
         <id>1</id><updated>2025-06-10T14:30:00Z</updated></entry></feed></body></html>",
        &[("SEC charges", DATE_UTC)],
    ));
    check(fixtures);
}

#[test]
fn malformed_xml_is_mended() {
    check(vec![
        fixture(
            "bare ampersand",
            rss_doc(
                "<rss version=\"2.0\">",
                &item("Alibaba & Ant: R&D spending"),
            ),
            &[("Alibaba & Ant: R&D spending", DATE_UTC)],
        ),
        fixture(
            "mis-nested tags",
            rss_doc(
                "<rss version=\"2.0\">",
                &format!(
                    "<itunes:category text='News'><itunes:category text='Politics'/>{}",
                    item("Congress hearing")
                ),
            )
            .replace(
                "<rss version",
                "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" version",
            ),
            &[("Congress hearing", DATE_UTC)],
        ),
        fixture(
            "unclosed cdata",
            rss_doc(
                "<rss version=\"2.0\">",
                &format!(
                    "<item><title>BIS rule</title><description><![CDATA[<p>Entity list</description>\
                     <pubDate>{DATE}</pubDate></item>{}",
                    item("second")
                ),
            ),
            &[("BIS rule", DATE_UTC), ("second", DATE_UTC)],
        ),
    ]);
}

#[test]
fn dates_feed_rs_leaves_empty() {
    let with_date = |date: &str| {
        rss_doc(
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
            &format!("<item><title>x</title><dc:date>{date}</dc:date></item>"),
        )
    };
    let cases = [
        ("Fri, 17 May 2019 06:00:00 BST", "2019-05-17T05:00:00+00:00"),
        ("2012-11-13T14:36:22", "2012-11-13T14:36:22+00:00"),
        ("2020/1/10 14:33", "2020-01-10T14:33:00+00:00"),
        ("2005-5-28 16:05:36", "2005-05-28T16:05:36+00:00"),
        ("1518478934", "2018-02-12T23:42:14+00:00"),
        ("Tue 11 Jan 2011 01:30:00 GMT", "2011-01-11T01:30:00+00:00"),
    ];
    check(
        cases
            .into_iter()
            .map(|(date, want)| fixture("date", with_date(date), &[("x", Some(want))]))
            .collect(),
    );
}

#[test]
fn titles_keep_their_markup_words_and_decode_entities() {
    check(vec![
        fixture(
            "markup in title",
            rss_doc(
                "<rss version=\"2.0\">",
                &item("Alibaba <b>earnings</b> beat"),
            ),
            &[("Alibaba earnings beat", DATE_UTC)],
        ),
        fixture(
            "html entity in title",
            rss_doc(
                "<rss version=\"2.0\">",
                &item("Comisi&oacute;n Europea &amp; Alibab&aacute;"),
            ),
            &[("Comisión Europea & Alibabá", DATE_UTC)],
        ),
        fixture(
            "html entity in rdf title",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">\
             <channel><title>t</title></channel><item><title>Ca&ntilde;&oacute;n <i>PLA</i></title><link>http://example.com/1</link></item></rdf:RDF>",
            &[("Cañón PLA", None)],
        ),
    ]);
}

#[test]
fn json_feeds_of_the_wrong_shape() {
    let items = r#""items": [{"id": "1", "title": "Alibaba earnings", "tags": "earnings,china",
        "date_published": "2025-06-10T14:30:00Z"}]"#;
    check(vec![
        fixture(
            "json without version",
            format!("{{\"title\": \"j\", {items}}}"),
            &[("Alibaba earnings", DATE_UTC)],
        ),
        fixture(
            "json with http version",
            format!(
                "{{\"version\": \"http://jsonfeed.org/version/1\", \"title\": \"j\", {items}}}"
            ),
            &[("Alibaba earnings", DATE_UTC)],
        ),
    ]);
    let body =
        format!("{{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"j\", {items}}}");
    let parsed = parse_feed("j", body.as_bytes(), None, None).expect("tags as a string");
    assert_eq!(parsed.items[0].categories, ["earnings", "china"]);
}

#[test]
fn garbage_is_still_an_error() {
    let cases: [&[u8]; 6] = [
        b"Service Unavailable",
        b"<html><body><p>Not found</p></body></html>",
        b"<html><body><p>Not fo",
        b"[1, 2, 3]",
        &[0xff, 0xfe, 0x00, 0x3c, 0x9f, 0x00, 0x80],
        b"x <y z",
    ];
    for body in cases {
        let result = parse_feed("f", body, None, None);
        assert!(
            matches!(result, Err(ParseError::FeedRs(_))),
            "{:?}: {result:?}",
            String::from_utf8_lossy(body)
        );
    }
    // Cut off before the first entry is whole: failing the poll beats recording half a title
    // as seen.
    let cut: [&[u8]; 2] = [
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Alibaba earn",
        b"{\"version\": ",
    ];
    for body in cut {
        let result = parse_feed("f", body, None, None);
        assert!(
            matches!(result, Err(ParseError::CutShort)),
            "{:?}: {result:?}",
            String::from_utf8_lossy(body)
        );
    }
}

fn corpus_files() -> Vec<Vec<u8>> {
    let dir = std::env::var_os("NEWSWATCH_CORPUS").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/realworld"),
        std::path::PathBuf::from,
    );
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("corpus {}: {error} (set NEWSWATCH_CORPUS)", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.file_name().is_some_and(|name| name != "MANIFEST.tsv"))
        .collect();
    paths.sort();
    // Small files keep each mutated case fast in a debug build.
    paths
        .iter()
        .map(|path| std::fs::read(path).expect("readable corpus file"))
        .filter(|body| body.len() <= 40_000)
        .collect()
}

/// A byte-level mutation of a real feed: overwrite, insert or delete a short run.
#[derive(Debug, Clone)]
enum Mutation {
    Overwrite(usize, Vec<u8>),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to the repair steps, as well as arbitrary ones.
    let interesting = prop::sample::select(vec![
        b"<".to_vec(),
        b"&".to_vec(),
        b"]]>".to_vec(),
        b"<![CDATA[".to_vec(),
        b"</item>".to_vec(),
        b"<?xml encoding='utf-16'?>".to_vec(),
        vec![0],
        vec![0xff, 0xfe],
        b"\xe4\xb8".to_vec(),
    ]);
    let bytes = prop_oneof![prop::collection::vec(any::<u8>(), 1..8), interesting];
    prop_oneof![
        (any::<usize>(), bytes.clone()).prop_map(|(at, bytes)| Mutation::Overwrite(at, bytes)),
        (any::<usize>(), bytes).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(body: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut body = body.to_vec();
    for mutation in mutations {
        let len = body.len().max(1);
        match mutation {
            Mutation::Overwrite(at, bytes) => {
                let at = at % len;
                for (offset, byte) in bytes.iter().enumerate() {
                    if let Some(slot) = body.get_mut(at + offset) {
                        *slot = *byte;
                    }
                }
            }
            Mutation::Insert(at, bytes) => {
                let at = at % (body.len() + 1);
                body.splice(at..at, bytes.iter().copied());
            }
            Mutation::Delete(at, count) => {
                let at = at % len;
                let end = (at + count).min(body.len());
                if at < end {
                    body.drain(at..end);
                }
            }
            Mutation::Truncate(at) => body.truncate(at % len),
        }
    }
    body
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512),
                                content_type in prop::option::of("[a-z/+]{0,12}(; charset=[a-zA-Z0-9_-]{0,12})?")) {
        // An Err is fine; a panic (or a caught one) is a bug in the repair layer.
        let result = parse_feed("p", &body, content_type.as_deref(), Some("https://example.cn/f"));
        prop_assert!(!matches!(result, Err(ParseError::Panicked(_))), "{result:?}");
    }

    #[test]
    fn markup_shaped_input_never_panics(body in "(<[a-z:?!/]{0,6}( [a-z]{1,3}=['\"][^'\"]{0,4}['\"])?/?>|&[a-z#0-9]{0,4};?|<!\\[CDATA\\[|\\]\\]>|[^<&]{0,6}){0,40}") {
        let doc = format!("<rss version=\"2.0\"><channel><item>{body}");
        for candidate in [doc.clone(), format!("{doc}</item></channel></rss>"), body] {
            let result = parse_feed("p", candidate.as_bytes(), None, None);
            prop_assert!(!matches!(result, Err(ParseError::Panicked(_))), "{candidate:?}: {result:?}");
        }
    }
}

#[test]
fn mutated_corpus_files_never_panic() {
    let files = corpus_files();
    assert!(!files.is_empty(), "no corpus files to mutate");
    // A fixed seed: the same 96 mutations in every run, so CI cannot flake on a new one.
    let config = ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    };
    let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = proptest::test_runner::TestRunner::new_with_rng(config, rng);
    let strategy = (0..files.len(), prop::collection::vec(mutation(), 1..4));
    runner
        .run(&strategy, |(index, mutations)| {
            let body = apply(&files[index], &mutations);
            let result = parse_feed("p", &body, None, Some("https://example.org/f"));
            prop_assert!(
                !matches!(result, Err(ParseError::Panicked(_))),
                "{mutations:?}: {result:?}"
            );
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}
