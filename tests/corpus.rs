//! The real-world corpus (`shared/corpus/realworld`, described file by file in its
//! `MANIFEST.tsv`) through the daemon's one parse entry point, `parse_feed`. These feeds are
//! what servers actually send, quirks included; the figures asserted here are what the repair
//! layer in `src/feed/repair/` exists to reach, so a drop is a regression. Each file is also
//! read cut short at many points, as servers and connections sometimes deliver it.
//!
//! The corpus sits beside the checkout (`../shared/corpus/realworld`); `NEWSWATCH_CORPUS`
//! points elsewhere when the checkout does not. A missing corpus fails the test: passing
//! without reading a single feed would prove nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use newswatch::feed::ParsedFeed;
use newswatch::feed::normalize::normalize_for_match;
use newswatch::feed::parse::{ParseError, parse_feed};
use serde::de::IgnoredAny;

fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("NEWSWATCH_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/realworld"),
        PathBuf::from,
    );
    assert!(
        dir.join("MANIFEST.tsv").is_file(),
        "corpus not found at {} (no MANIFEST.tsv there): set NEWSWATCH_CORPUS to the \
         shared/corpus/realworld folder",
        dir.display()
    );
    dir
}

/// Every corpus file's name and bytes, in name order.
fn corpus_files() -> BTreeMap<String, Vec<u8>> {
    let dir = corpus_dir();
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("corpus folder is readable") {
        let path = entry.expect("corpus folder entry").path();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == "MANIFEST.tsv" {
            continue;
        }
        let body = std::fs::read(&path).expect("corpus file is readable");
        files.insert(name, body);
    }
    files
}

const BASE_URL: &str = "https://example.org/feed";

/// Every corpus file by name, parsed once.
fn parse_corpus() -> BTreeMap<String, Result<ParsedFeed, ParseError>> {
    corpus_files()
        .into_iter()
        .map(|(name, body)| {
            let parsed = parse_feed("corpus", &body, None, Some(BASE_URL));
            (name, parsed)
        })
        .collect()
}

fn is_json(name: &str) -> bool {
    name.ends_with(".json")
}

fn items_of<'a>(
    results: &'a BTreeMap<String, Result<ParsedFeed, ParseError>>,
    name: &str,
) -> &'a ParsedFeed {
    match results.get(name) {
        Some(Ok(parsed)) => parsed,
        Some(Err(error)) => panic!("{name}: {error}"),
        None => panic!("{name} is not in the corpus"),
    }
}

#[test]
fn corpus_feeds_yield_entries() {
    let results = parse_corpus();
    let mut xml = (0, 0);
    let mut json = (0, 0);
    for (name, result) in &results {
        let counts = if is_json(name) { &mut json } else { &mut xml };
        counts.1 += 1;
        match result {
            Ok(parsed) if !parsed.items.is_empty() => {
                counts.0 += 1;
                // Every text the rule engine will see goes through its normalization too.
                for item in &parsed.items {
                    for text in [&item.title, &item.summary, &item.content] {
                        normalize_for_match(text);
                    }
                }
                println!("ok    {name}: {} items", parsed.items.len());
            }
            Ok(_) => println!("empty {name}"),
            Err(error) => println!("fail  {name}: {error}"),
        }
    }
    println!(
        "corpus: XML {}/{} with entries, JSON {}/{}",
        xml.0, xml.1, json.0, json.1
    );
    assert_eq!((xml.1, json.1), (66, 6), "corpus has changed");
    assert!(
        xml.0 >= 64,
        "only {} of 66 XML feeds yielded entries",
        xml.0
    );
    assert_eq!(json.0, 6, "every JSON Feed file yields entries");
}

#[test]
fn legacy_encodings_decode_to_the_right_titles() {
    // Expected strings read from the files with iconv, an independent decoder.
    let cases = [
        ("kc0011_gb2312.rss", "建国35周年纪念，华表，和平鸽"),
        (
            "acnnewswire_gb2312.rss",
            "JCB 与中国银联（China UnionPay）完成ATM网关协议的签订；CUP持卡者得以第一次在日本享受使用ATM网络的权利",
        ),
        ("w3cn_gb2312_cn_dates.rss", "如何以及何时使用sIFR"),
        (
            "cnblog_gb2312_gb18030chars.rss",
            "Picostation的PicoBlogger是 一个能让S",
        ),
        ("softsea_gb2312.rss", "Trojan Remover 6.4.5 Date 12.28"),
        ("eighthday_gb2312_atom03.xml", "又颠了"),
        (
            "coolloud_big5_bare_amp.rdf",
            "1226檔下點交之後 不見棺材不走人 進輪自救會長期抗戰",
        ),
        (
            "upsaid_big5.rdf",
            "。反WTO．人民有抗暴權！公民聲援反世貿連署行動",
        ),
        ("sinica_big5_atom03.xml", "新年快樂"),
        ("blogspot_0804_big5_atom03.xml", "《11月的蕭邦》"),
        ("ibash_win1251.rss", "Цитата #17703"),
        (
            "oren_ru_win1251_userland_ns.rss",
            "В Бузулуке главные стройплощадки – детсад и Ледовый дворец",
        ),
    ];
    let results = parse_corpus();
    for (name, first_title) in cases {
        let parsed = items_of(&results, name);
        assert_eq!(
            parsed.items.first().map(|item| item.title.as_str()),
            Some(first_title),
            "{name}"
        );
    }
    let feed_titles = [
        (
            "oren_ru_win1251_userland_ns.rss",
            "Новости Оренбурга и области / Раздел Новости",
        ),
        ("upsaid_big5.rdf", "isis"),
        ("coolloud_big5_bare_amp.rdf", "苦勞網"),
        ("sinica_big5_atom03.xml", "「隨機部落格」之「線上演算法」"),
        ("eighthday_gb2312_atom03.xml", "Live for the moment..."),
        (
            "kc0011_gb2312.rss",
            "投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文",
        ),
    ];
    for (name, title) in feed_titles {
        assert_eq!(
            items_of(&results, name).title.as_deref(),
            Some(title),
            "{name}"
        );
    }
}

#[test]
fn sec_edgar_company_feeds_yield_filings() {
    let results = parse_corpus();
    let cases = [
        ("sec_edgar_company_maquia.atom", 5),
        ("sec_edgar_company_keenvision.atom", 55),
    ];
    for (name, count) in cases {
        let parsed = items_of(&results, name);
        assert_eq!(parsed.items.len(), count, "{name}");
        for item in &parsed.items {
            let form_type = item.categories.first().map(String::as_str);
            let form_type = form_type.unwrap_or_else(|| panic!("{name}: no form type"));
            assert!(
                item.title.starts_with(form_type),
                "{name}: title {:?} does not start with form type {form_type}",
                item.title
            );
            assert!(item.updated.is_some(), "{name}: {} has no date", item.title);
            let link = item.link.as_deref().unwrap_or_default();
            assert!(
                link.starts_with("https://www.sec.gov/Archives/edgar/data/"),
                "{name}: link {link:?}"
            );
            assert!(
                item.content.contains(form_type),
                "{name}: the filing XML is kept as content"
            );
        }
    }
    let first = &items_of(&results, "sec_edgar_company_maquia.atom").items[0];
    assert_eq!(
        first.title,
        "S-1/A [Amend] - General form for registration of securities under the Securities Act of 1933"
    );
    assert_eq!(
        first.updated.map(|t| t.to_rfc3339()).as_deref(),
        Some("2021-04-29T20:45:49+00:00")
    );
    let eight_k = items_of(&results, "sec_edgar_company_keenvision.atom")
        .items
        .iter()
        .filter(|item| item.title.starts_with("8-K"))
        .count();
    assert!(
        eight_k > 0,
        "keenvision's 8-K filings are among its entries"
    );
}

#[test]
fn odd_dates_are_read() {
    let results = parse_corpus();
    let cases = [
        ("kc0011_gb2312.rss", "2020-01-10T14:33:00+00:00"),
        ("w3cn_gb2312_cn_dates.rss", "2005-05-28T16:05:36+00:00"),
        ("invalid_date_format.rss", "2018-02-12T23:42:14+00:00"),
        (
            "gmane_binutils_dcdate_notz.rss",
            "2012-11-13T14:36:22+00:00",
        ),
        ("acnnewswire_gb2312.rss", "2005-12-27T04:08:54+00:00"),
    ];
    for (name, first_date) in cases {
        let item = &items_of(&results, name).items[0];
        assert_eq!(
            item.published.map(|t| t.to_rfc3339()).as_deref(),
            Some(first_date),
            "{name}"
        );
    }
    for name in [
        "bbc_xsl_bst_dates.rss",
        "itunes_missing_image_odd_dates.rss",
    ] {
        let parsed = items_of(&results, name);
        let undated: Vec<_> = parsed
            .items
            .iter()
            .filter(|item| item.published.is_none())
            .map(|item| item.title.as_str())
            .collect();
        assert!(undated.is_empty(), "{name}: undated items {undated:?}");
    }
}

/// The corpus cut short: every file cut at points spread over it and just before and right
/// after the closing tag of its entries ([`cut_points`]). Each cut must yield exactly the
/// entries whose closing tag came before it, with the ids and titles the whole file gives
/// them, and say it was truncated; a cut before the first entry closed must fail.
///
/// Where each entry closes is found here without the repair layer's tag scanner, the code
/// under test: a plain search of the file's bytes for `</item>` or `</entry>` outside CDATA
/// sections and comments (whichever the whole file has as many of as it has entries), and for
/// JSON Feed, serde_json reading the entry array's elements one by one. Every encoding in the
/// corpus keeps `<` a byte of its own, so the search works on the raw bytes.
#[test]
fn every_corpus_feed_cut_short_yields_the_entries_closed_before_the_cut() {
    let mut files = 0;
    let mut cuts = 0;
    let mut recovered = 0;
    let mut wrong = Vec::new();
    for (name, body) in corpus_files() {
        let whole = parse_feed("corpus", &body, None, Some(BASE_URL));
        let whole = whole.map(|parsed| entries(&parsed)).unwrap_or_default();
        let ends = if is_json(&name) {
            json_entry_ends(&body)
        } else {
            xml_entry_ends(&body, whole.len())
        };
        assert_eq!(
            ends.len(),
            whole.len(),
            "{name}: the closing tags found are not the entries parsed"
        );
        let document_end = body
            .iter()
            .rposition(|byte| !byte.is_ascii_whitespace())
            .map_or(0, |last| last + 1);
        for cut in cut_points(&body, &ends) {
            let closed = ends.iter().filter(|end| **end <= cut).count();
            let at = format!("{name} cut after {cut} of {} bytes", body.len());
            match parse_feed("corpus", &body[..cut], None, Some(BASE_URL)) {
                Ok(parsed) if closed > 0 => {
                    recovered += 1;
                    let got = entries(&parsed);
                    if got != whole[..closed] {
                        let first = (0..closed).find(|i| got.get(*i) != Some(&whole[*i]));
                        wrong.push(format!(
                            "{at}: {} entries instead of {closed}; first different: {:?} for {:?}",
                            got.len(),
                            first.and_then(|i| got.get(i)),
                            first.map(|i| &whole[i])
                        ));
                    } else if parsed.truncated != (cut < document_end) {
                        wrong.push(format!("{at}: truncated is {}", parsed.truncated));
                    }
                }
                Ok(parsed) => wrong.push(format!(
                    "{at}, before any entry closed: {} entries",
                    parsed.items.len()
                )),
                Err(error) if closed > 0 => {
                    wrong.push(format!("{at}, after {closed} entries closed: {error}"));
                }
                Err(_) => {}
            }
            cuts += 1;
        }
        files += 1;
    }
    println!(
        "{files} corpus files cut at {cuts} points: {recovered} after an entry closed, {} before",
        cuts - recovered
    );
    assert_eq!(files, 72, "corpus has changed");
    assert!(
        wrong.is_empty(),
        "{} of {cuts} cuts went wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// (entry id, title) of each item, in document order.
fn entries(parsed: &ParsedFeed) -> Vec<(String, String)> {
    parsed
        .items
        .iter()
        .map(|item| (item.entry_id.clone(), item.title.clone()))
        .collect()
}

/// Bytes of cut documents to parse per file, about (a debug build parses 1 to 8 MB/s).
const CUT_BYTES_PER_FILE: usize = 1 << 20;

/// Where to cut `body`, whose entries close at `ends`: 20 points spread over it, and a byte
/// before and right after each closing tag. A file too large to parse that often within
/// [`CUT_BYTES_PER_FILE`] is cut at fewer points of each kind, spread evenly, never fewer than
/// 12 in all.
fn cut_points(body: &[u8], ends: &[usize]) -> BTreeSet<usize> {
    // A cut document is half the file on average.
    let affordable = (2 * CUT_BYTES_PER_FILE / body.len().max(1)).max(12);
    let spread = 20.min(affordable / 3);
    let sampled = ends.len().min((affordable - spread) / 2);
    let mut cuts: BTreeSet<usize> = (1..=spread)
        .map(|i| i * body.len() / (spread + 1))
        .collect();
    for i in 0..sampled {
        let end = ends[i * (ends.len() - 1) / (sampled - 1).max(1)];
        cuts.extend([end - 1, end]);
    }
    cuts.retain(|cut| (1..body.len()).contains(cut));
    cuts
}

/// Where each entry's closing tag ends in an XML file of `entries` entries: `</item>` or
/// `</entry>`, whichever occurs that often outside CDATA sections and comments.
fn xml_entry_ends(body: &[u8], entries: usize) -> Vec<usize> {
    let search = |name: &[u8]| {
        let mut ends = Vec::new();
        let mut at = 0;
        while let Some(offset) = body[at..].iter().position(|byte| *byte == b'<') {
            let tag = at + offset;
            let rest = &body[tag..];
            let skip_to = |terminator: &[u8]| {
                find(&body[tag..], terminator)
                    .map_or(body.len(), |end| tag + end + terminator.len())
            };
            at = if rest.starts_with(b"<![CDATA[") {
                skip_to(b"]]>")
            } else if rest.starts_with(b"<!--") {
                skip_to(b"-->")
            } else if rest.starts_with(b"</") && rest[2..].starts_with(name) {
                let after = tag + 2 + name.len();
                let spaces = body[after..]
                    .iter()
                    .take_while(|byte| byte.is_ascii_whitespace())
                    .count();
                if body.get(after + spaces) == Some(&b'>') {
                    ends.push(after + spaces + 1);
                }
                tag + 1
            } else {
                tag + 1
            };
        }
        ends
    };
    let items = search(b"item");
    if items.len() == entries {
        items
    } else {
        search(b"entry")
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Where each element of a JSON file's entry array (`items`, or RSS-in-JSON's `item`) ends,
/// as serde_json reads them one after another.
fn json_entry_ends(body: &[u8]) -> Vec<usize> {
    let Some(array) = [&b"\"items\""[..], b"\"item\""].iter().find_map(|key| {
        let at = find(body, key)? + key.len();
        let rest = &body[at..];
        let bracket = rest
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\n' | b'\r' | b'\t' | b':'))?;
        (rest[bracket] == b'[').then_some(at + bracket)
    }) else {
        return Vec::new();
    };
    let mut ends = Vec::new();
    let mut at = array + 1;
    loop {
        at += body[at..]
            .iter()
            .take_while(|byte| byte.is_ascii_whitespace() || **byte == b',')
            .count();
        if body.get(at) == Some(&b']') {
            return ends;
        }
        let mut elements =
            serde_json::Deserializer::from_slice(&body[at..]).into_iter::<IgnoredAny>();
        match elements.next() {
            Some(Ok(_)) => at += elements.byte_offset(),
            other => panic!("entry array element at byte {at}: {other:?}"),
        }
        ends.push(at);
    }
}
