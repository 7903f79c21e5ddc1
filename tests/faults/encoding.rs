//! Faults of this area (issue 16); helpers of tests/faults.rs are reachable as `super::`.
//!
//! Damaged text encoding: a UTF-8 feed with a few bad bytes must cost those bytes, never the
//! whole document (decoded as Windows-1252, every non-ASCII headline turns to mojibake and
//! every rule on it goes silent), whether the feed comes over HTTP labelled `charset=utf-8`,
//! from a file, or is one of the corpus's real Chinese, Cyrillic and Greek feeds.

use std::path::PathBuf;
use std::time::Duration;

use axum::body::Body;
use axum::response::Response;
use newswatch::config::Config;
use newswatch::daemon::PollOutcome;
use newswatch::feed::ParsedFeed;
use newswatch::feed::parse::parse_feed;
use newswatch::rules::RuleSet;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::common::{Harness, TestServer};

/// The repro: five UTF-8 headlines "阿里巴巴新闻 N 解放军" and one `\xff` byte, here
/// right after the third headline's last character.
fn five_headlines_and_a_bad_byte() -> Vec<u8> {
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>新闻</title><link>https://news.example.cn/</link><description>d</description>\n",
    );
    for n in 1..=5 {
        body.push_str(&format!(
            "<item><guid isPermaLink=\"false\">c{n}</guid><title>阿里巴巴新闻 {n} 解放军</title>\
             <link>https://news.example.cn/{n}</link></item>\n"
        ));
    }
    body.push_str("</channel></rss>\n");
    let mut bytes = body.into_bytes();
    let third = "阿里巴巴新闻 3 解放军";
    let at = bytes
        .windows(third.len())
        .position(|window| window == third.as_bytes())
        .expect("third headline")
        + third.len();
    bytes.insert(at, 0xFF);
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_bad_byte_in_a_utf8_feed_costs_one_character_over_http_and_from_a_file() {
    let body = five_headlines_and_a_bad_byte();
    let server = TestServer::start().await;
    let served = body.clone();
    server.route("/news.xml", move |_| {
        let response = Response::builder()
            .header("content-type", "application/rss+xml; charset=utf-8")
            .body(Body::from(served.clone()))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("news.xml");
    std::fs::write(&file, &body).expect("write feed file");
    let config = format!(
        "[[feed]]\nname = \"web\"\nurl = \"{}\"\n\
         [[feed]]\nname = \"file\"\nurl = \"file://{}\"\n\
         [entities]\nalibaba = [\"Alibaba\", \"阿里巴巴\"]\n\
         [[rule]]\nname = \"alibaba\"\nquery = '@alibaba'\nseverity = \"high\"\nnotify = [\"out\"]\n\
         cluster = false\n\
         [[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"a@b.example\"\n\
         to = [\"c@d.example\"]\ntransport = \"maildir\"\ndir = \"mail\"\n",
        server.url("/news.xml"),
        file.display()
    );
    let h = Harness::new("", &config).await;
    let mut conn = super::side_connection(&h).await;
    for feed in ["web", "file"] {
        let report = h.poll(feed).await;
        assert!(
            matches!(report.outcome, PollOutcome::Changed { new_items: 5, .. }),
            "{feed}: {report:?}"
        );
        let titles: Vec<String> =
            sqlx::query_scalar("SELECT title FROM items WHERE feed = ? ORDER BY entry_id")
                .bind(feed)
                .fetch_all(&mut conn)
                .await
                .expect("titles");
        let want: Vec<String> = (1..=5)
            .map(|n| {
                let replacement = if n == 3 { "\u{FFFD}" } else { "" };
                format!("阿里巴巴新闻 {n} 解放军{replacement}")
            })
            .collect();
        assert_eq!(titles, want, "{feed}");
        let matched: i64 = sqlx::query_scalar("SELECT count(*) FROM matches WHERE feed = ?")
            .bind(feed)
            .fetch_one(&mut conn)
            .await
            .expect("matches");
        assert_eq!(matched, 5, "{feed}: @alibaba matches every headline");
        eprintln!("bad byte, {feed}: read {titles:?}, {matched} of 5 matched");
    }
    assert_eq!(super::unqueued_alerts(&h).await, 0);
}

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

/// The byte range of each entry's `<title>` element, in document order.
fn entry_title_spans(body: &[u8]) -> Vec<std::ops::Range<usize>> {
    let find = |from: usize, what: &[u8]| {
        body[from..]
            .windows(what.len())
            .position(|window| window == what)
            .map(|at| from + at)
    };
    let is_tag_end = |at: usize| matches!(body.get(at), Some(b'>' | b' ' | b'\n' | b'\r' | b'\t'));
    let mut spans = Vec::new();
    for at in 0..body.len() {
        let rest = &body[at..];
        let is_entry = [b"<item".as_slice(), b"<entry".as_slice()]
            .iter()
            .any(|tag| rest.starts_with(tag) && is_tag_end(at + tag.len()));
        if !is_entry {
            continue;
        }
        let title = find(at, b"<title").expect("every corpus entry has a title");
        let end = find(title, b"</title>").expect("title is closed") + b"</title>".len();
        spans.push(title..end);
    }
    spans
}

/// A word of `title` to search for: two Han characters in a row, else the first word of four
/// or more letters that is not ASCII. `None` when the title has neither.
fn query_word(title: &str) -> Option<String> {
    let chars: Vec<char> = title.chars().collect();
    let is_han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if let Some(pair) = chars
        .windows(2)
        .find(|pair| pair.iter().all(|c| is_han(*c)))
    {
        return Some(pair.iter().collect());
    }
    title
        .split(|c: char| !c.is_alphabetic())
        .find(|word| word.chars().count() >= 4 && !word.is_ascii())
        .map(str::to_owned)
}

fn config_for_queries() -> Config {
    newswatch::config::parse_str(
        "[daemon]\nstate = \"unused.db\"\n",
        std::path::Path::new("newswatch.toml"),
        newswatch::daemon::CHECKS,
    )
    .expect("minimal config")
}

/// The corpus's Chinese, Cyrillic and Greek feeds, in UTF-8 and in legacy encodings, with some
/// bytes of their text replaced at random (seeded, so a failure replays): every entry title
/// that holds no replaced byte must read exactly as from the clean file, and a word of it must
/// still match. Only bytes of
/// non-ASCII text are replaced, each by another non-ASCII byte: that is damaged encoding, the
/// fault under test; a replaced `<` would be broken XML, which `recover_malformed` handles.
#[test]
fn corpus_feeds_with_damaged_bytes_keep_every_untouched_title() {
    const TRIALS: usize = 24;
    const MAX_DAMAGED_PER_TRIAL: usize = 8;
    let dir = corpus_dir();
    let greek = std::fs::read(dir.join("liberal_gr_iso8859-7.rss")).expect("greek feed");
    let greek_in_utf8 = encoding_rs::ISO_8859_7
        .decode_without_bom_handling(&greek)
        .0
        .replacen("iso-8859-7", "utf-8", 1)
        .into_bytes();
    let mut feeds: Vec<(String, Vec<u8>)> = [
        "bbc_chinese.atom",
        "linux_org_ru.rss",
        "aif_ru_yandex_turbo.rss",
        "liberal_gr_iso8859-7.rss",
        "ibash_win1251.rss",
        "acnnewswire_gb2312.rss",
    ]
    .iter()
    .map(|name| {
        let body = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        ((*name).to_owned(), body)
    })
    .collect();
    feeds.push(("liberal_gr transcoded to utf-8".to_owned(), greek_in_utf8));

    let config = config_for_queries();
    let mut rng = StdRng::seed_from_u64(16_003);
    for (name, clean) in &feeds {
        let parse = |body: &[u8]| -> ParsedFeed {
            parse_feed("corpus", body, None, Some("https://example.org/feed"))
                .unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let want = parse(clean);
        let titles = entry_title_spans(clean);
        assert_eq!(titles.len(), want.items.len(), "{name}: entries located");
        let queries: Vec<Option<RuleSet>> = want
            .items
            .iter()
            .map(|item| {
                let word = query_word(&item.title)?;
                let rules = RuleSet::from_query(&format!("\"{word}\""), &config)
                    .unwrap_or_else(|e| panic!("{name}: query {word}: {e}"));
                assert!(
                    !rules.match_item(item, None).is_empty(),
                    "{name}: {word} in the clean title"
                );
                Some(rules)
            })
            .collect();
        assert!(
            queries.iter().filter(|q| q.is_some()).count() >= want.items.len() / 2,
            "{name}: too few titles with a word to search for"
        );
        let text_bytes: Vec<usize> = (titles[0].start..clean.len())
            .filter(|at| clean[*at] >= 0x80)
            .collect();
        let (mut untouched, mut matched) = (0, 0);
        for trial in 0..TRIALS {
            let mut body = clean.clone();
            let damaged: Vec<usize> = (0..rng.random_range(1..=MAX_DAMAGED_PER_TRIAL))
                .map(|_| text_bytes[rng.random_range(0..text_bytes.len())])
                .collect();
            for at in &damaged {
                let original = body[*at];
                body[*at] = loop {
                    let byte = rng.random_range(0x80..=0xFF_u8);
                    if byte != original {
                        break byte;
                    }
                };
            }
            let got = parse(&body);
            assert_eq!(got.items.len(), want.items.len(), "{name} trial {trial}");
            for (k, (got_item, want_item)) in got.items.iter().zip(&want.items).enumerate() {
                if damaged.iter().any(|at| titles[k].contains(at)) {
                    continue;
                }
                untouched += 1;
                assert_eq!(
                    (&got_item.entry_id, &got_item.title),
                    (&want_item.entry_id, &want_item.title),
                    "{name} trial {trial}: title {k} holds no damaged byte; damaged at {damaged:?}"
                );
                if let Some(rules) = &queries[k] {
                    assert!(
                        !rules.match_item(got_item, None).is_empty(),
                        "{name} trial {trial}: entry {k} no longer matches a word of its title"
                    );
                    matched += 1;
                }
            }
        }
        eprintln!("damaged {name}: {untouched} untouched titles read as clean, {matched} matched");
    }
}
