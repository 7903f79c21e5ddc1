//! One feed polled against a real HTTP server on loopback: conditional GET, failures, backoff,
//! redirects, limits, encodings, and the dedup and first-poll rules (`new_feed_backlog`,
//! `max_item_age`) of docs/CONFIGURATION.md.

mod common;

use std::io::Write;
use std::time::Duration;

use axum::body::Body;
use axum::response::Response;
use chrono::Utc;
use common::{Harness, TestServer, rss, status};
use futures_util::StreamExt;
use newswatch::daemon::{Clock, PollOutcome};
use newswatch::store::{Health, Store};

fn feed_toml(name: &str, url: &str, extra: &str) -> String {
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\ninterval = \"10m\"\n{extra}\n")
}

fn hours(n: i64) -> chrono::Duration {
    chrono::Duration::hours(n)
}

#[tokio::test]
async fn second_poll_sends_conditional_get_and_304_adds_nothing() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed("/a.xml", &rss(&[("a1", "Alibaba results", now - hours(1))]));
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;

    let first = h.poll("a").await;
    assert_eq!(
        first.outcome,
        PollOutcome::Changed {
            new_items: 1,
            alertable: 1,
            matches: 0
        }
    );
    let second = h.poll("a").await;
    assert_eq!(second.outcome, PollOutcome::NotModified);

    let requests = server.requests("/a.xml");
    assert_eq!(requests.len(), 2);
    assert!(requests[0].headers.get("if-none-match").is_none());
    assert_eq!(
        requests[1].headers["if-none-match"],
        requests[1].headers["if-none-match"]
    );
    assert!(requests[1].headers.get("if-none-match").is_some());
    assert_eq!(
        requests[1].headers["if-modified-since"],
        "Wed, 25 Nov 2026 08:00:00 GMT"
    );
    let state = h.state("a").await;
    assert_eq!(state.last_status, Some(304));
    assert_eq!(
        h.store.feed_summaries().await.expect("summaries")[0].items_seen,
        1
    );
}

#[tokio::test]
async fn user_agent_and_feed_headers_are_sent() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[]));
    let h = Harness::new(
        "user_agent = \"newswatch-test/1 (ops@example.net)\"",
        &feed_toml(
            "a",
            &server.url("/a.xml"),
            "headers = { \"Accept-Language\" = \"zh-CN\" }",
        ),
    )
    .await;
    h.poll("a").await;
    let request = &server.requests("/a.xml")[0];
    assert_eq!(
        request.headers["user-agent"],
        "newswatch-test/1 (ops@example.net)"
    );
    assert_eq!(request.headers["accept-language"], "zh-CN");
    assert!(
        request.headers["accept-encoding"]
            .to_str()
            .expect("ascii")
            .contains("gzip")
    );
}

#[tokio::test]
async fn retry_after_on_429_delays_the_next_poll_by_it() {
    let server = TestServer::start().await;
    server.route("/a.xml", |_| status(429, &[("retry-after", "7200")]));
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;
    let report = h.poll("a").await;
    assert!(matches!(report.outcome, PollOutcome::Failed { .. }));
    let wait = report.next_poll_at.expect("rescheduled") - h.clock.now();
    assert_eq!(wait.num_seconds(), 7200);
    let state = h.state("a").await;
    assert_eq!(state.last_status, Some(429));
    assert_eq!(state.consecutive_failures, 1);
}

#[tokio::test]
async fn retry_after_as_http_date_on_503_is_honoured() {
    let server = TestServer::start().await;
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;
    let at = h.clock.now() + hours(3);
    let date = at.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    server.route("/a.xml", move |_| status(503, &[("retry-after", &date)]));
    let report = h.poll("a").await;
    let wait = report.next_poll_at.expect("rescheduled") - h.clock.now();
    assert!((wait.num_seconds() - 3 * 3600).abs() <= 1, "{wait}");
}

#[tokio::test]
async fn server_errors_back_off_exponentially_and_recover() {
    let server = TestServer::start().await;
    server.route("/a.xml", |_| status(500, &[]));
    let h = Harness::new(
        "max_backoff = \"1h\"",
        &feed_toml("a", &server.url("/a.xml"), ""),
    )
    .await;
    let mut waits = Vec::new();
    for _ in 0..5 {
        let report = h.poll("a").await;
        assert!(matches!(report.outcome, PollOutcome::Failed { .. }));
        waits.push((report.next_poll_at.expect("rescheduled") - h.clock.now()).num_seconds());
    }
    // 10m, 20m, 40m, then capped at 1h; jitter adds at most a quarter.
    for (wait, base) in waits.iter().zip([600, 1200, 2400, 3600, 3600]) {
        assert!(*wait >= base && *wait <= base * 5 / 4, "{waits:?}");
    }
    assert_eq!(h.state("a").await.consecutive_failures, 5);

    server.feed("/a.xml", &rss(&[("a1", "Back", Utc::now())]));
    let report = h.poll("a").await;
    assert!(matches!(report.outcome, PollOutcome::Changed { .. }));
    let state = h.state("a").await;
    assert_eq!(state.consecutive_failures, 0);
    assert_eq!(state.last_error, None);
    assert_eq!(
        (report.next_poll_at.expect("scheduled") - h.clock.now()).num_seconds(),
        600
    );
}

#[tokio::test]
async fn slow_server_hits_the_timeout() {
    let server = TestServer::start().await;
    server.route("/slow.xml", |_| {
        let (_, response) = status(200, &[]);
        (Duration::from_secs(5), response)
    });
    let h = Harness::new(
        "timeout = \"500ms\"",
        &feed_toml("slow", &server.url("/slow.xml"), ""),
    )
    .await;
    let started = std::time::Instant::now();
    let report = h.poll("slow").await;
    match report.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("timed out"), "{error}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(4));
}

/// A feed body sent as `chunk` bytes of a valid feed every `every`, at most `chunks` times.
fn trickled(chunk: usize, every: Duration, chunks: usize) -> (Duration, Response) {
    let bytes = rss(&[("t1", "Trickled", Utc::now())]).into_bytes();
    let pieces: Vec<Vec<u8>> = bytes
        .iter()
        .copied()
        .cycle()
        .take(chunk * chunks)
        .collect::<Vec<u8>>()
        .chunks(chunk)
        .map(<[u8]>::to_vec)
        .collect();
    let trickle = futures_util::stream::iter(pieces).then(move |piece| async move {
        tokio::time::sleep(every).await;
        Ok::<_, std::io::Error>(piece)
    });
    let response = Response::builder()
        .header("content-type", "application/rss+xml")
        .body(Body::from_stream(trickle))
        .expect("valid response");
    (Duration::ZERO, response)
}

#[tokio::test]
async fn a_steady_body_still_ends_at_the_whole_request_timeout() {
    let server = TestServer::start().await;
    // 2 KiB every 100 ms, well above the minimum rate, for up to 20 s: only the limit on the
    // whole request ends it.
    server.route("/steady.xml", |_| {
        trickled(2048, Duration::from_millis(100), 200)
    });
    let h = Harness::new(
        "timeout = \"2s\"",
        &feed_toml("steady", &server.url("/steady.xml"), ""),
    )
    .await;
    let started = std::time::Instant::now();
    match h.poll("steady").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("timed out"), "{error}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(h.state("steady").await.consecutive_failures, 1);
}

#[tokio::test]
async fn slowloris_body_fails_at_the_minimum_rate_and_frees_its_host_for_the_next_feed() {
    let server = TestServer::start().await;
    // Headers at once, then one byte every 200 ms (each read makes progress), for up to 20 s.
    server.route("/trickle.xml", |_| {
        trickled(1, Duration::from_millis(200), 100)
    });
    server.feed("/next.xml", &rss(&[("n1", "Next feed", Utc::now())]));
    let feeds = feed_toml("trickle", &server.url("/trickle.xml"), "")
        + &feed_toml("next", &server.url("/next.xml"), "");
    let h = Harness::new("timeout = \"8s\"", &feeds).await;
    let started = std::time::Instant::now();
    let slow = async {
        let outcome = h.poll("trickle").await.outcome;
        (outcome, started.elapsed())
    };
    // The second feed asks for the host's only slot while the trickle holds it.
    let next = async {
        for _ in 0..500 {
            if !server.requests("/trickle.xml").is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let outcome = h.poll("next").await.outcome;
        (outcome, started.elapsed())
    };
    let ((slow, slow_at), (next, next_at)) =
        tokio::time::timeout(Duration::from_secs(30), async { tokio::join!(slow, next) })
            .await
            .expect("both polls end");
    eprintln!(
        "slowloris: {slow:?} after {slow_at:?}; the next feed of the host polled after {next_at:?}"
    );
    match slow {
        PollOutcome::Failed { error } => assert!(error.contains("too slowly"), "{error}"),
        other => panic!("expected a failure for slowness, got {other:?}"),
    }
    assert!(
        matches!(next, PollOutcome::Changed { new_items: 1, .. }),
        "{next:?}"
    );
    assert_eq!(
        server.max_in_flight(),
        1,
        "one request at a time on the host"
    );
}

#[tokio::test]
async fn parsing_past_its_time_limit_fails_the_poll() {
    let server = TestServer::start().await;
    let now = Utc::now();
    let entries: Vec<(String, String)> = (0..1000)
        .map(|i| (format!("p{i}"), format!("Story {i}")))
        .collect();
    let items: Vec<_> = entries
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    server.feed("/big.xml", &rss(&items));
    let mut h = Harness::new("", &feed_toml("big", &server.url("/big.xml"), "")).await;
    // A thousand entries take milliseconds to parse; a microsecond is surely exceeded.
    let mut settings = newswatch::daemon::PollSettings::from(&h.config.daemon);
    settings.parse_timeout = Duration::from_micros(1);
    h.set_poll_settings(settings);
    match h.poll("big").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("took longer"), "{error}"),
        other => panic!("expected a parse timeout, got {other:?}"),
    }
    assert_eq!(
        h.store.feed_summaries().await.expect("summaries")[0].items_seen,
        0
    );
}

#[tokio::test]
async fn oversized_body_is_cut_off_with_an_error() {
    let server = TestServer::start().await;
    let big = format!(
        "<rss version=\"2.0\"><channel>{}</channel></rss>",
        "x".repeat(300_000)
    );
    server.feed("/big.xml", &big);
    let h = Harness::new(
        "max_body = \"64KiB\"",
        &feed_toml("big", &server.url("/big.xml"), ""),
    )
    .await;
    match h.poll("big").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("max_body"), "{error}"),
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[tokio::test]
async fn gzip_bomb_stops_at_the_cap() {
    let server = TestServer::start().await;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&vec![b' '; 20 * 1024 * 1024])
        .expect("compress");
    let bomb = encoder.finish().expect("compress");
    assert!(bomb.len() < 64 * 1024);
    server.route("/bomb.xml", move |_| {
        let response = Response::builder()
            .header("content-encoding", "gzip")
            .body(Body::from(bomb.clone()))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let h = Harness::new(
        "max_body = \"1MiB\"",
        &feed_toml("bomb", &server.url("/bomb.xml"), ""),
    )
    .await;
    match h.poll("bomb").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("max_body"), "{error}"),
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[tokio::test]
async fn gzip_body_is_decoded() {
    let server = TestServer::start().await;
    let body = rss(&[("g1", "Compressed news", Utc::now())]);
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body.as_bytes()).expect("compress");
    let gz = encoder.finish().expect("compress");
    server.route("/gz.xml", move |request| {
        assert!(
            request.headers["accept-encoding"]
                .to_str()
                .expect("ascii")
                .contains("gzip")
        );
        let response = Response::builder()
            .header("content-encoding", "gzip")
            .header("content-type", "application/rss+xml")
            .body(Body::from(gz.clone()))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let h = Harness::new("", &feed_toml("gz", &server.url("/gz.xml"), "")).await;
    assert_eq!(
        h.poll("gz").await.outcome,
        PollOutcome::Changed {
            new_items: 1,
            alertable: 1,
            matches: 0
        }
    );
}

#[tokio::test]
async fn redirect_loop_fails_cleanly() {
    let server = TestServer::start().await;
    server.route("/loop-a", |_| status(302, &[("location", "/loop-b")]));
    server.route("/loop-b", |_| status(302, &[("location", "/loop-a")]));
    let h = Harness::new("", &feed_toml("loop", &server.url("/loop-a"), "")).await;
    match h.poll("loop").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("redirects"), "{error}"),
        other => panic!("expected a redirect error, got {other:?}"),
    }
    assert_eq!(
        server.requests("/loop-a").len() + server.requests("/loop-b").len(),
        11
    );
}

#[tokio::test]
async fn permanent_redirect_updates_the_url_and_temporary_does_not() {
    let server = TestServer::start().await;
    server.route("/old.xml", |_| status(301, &[("location", "/new.xml")]));
    server.route("/tmp.xml", |_| status(302, &[("location", "/new.xml")]));
    server.feed("/new.xml", &rss(&[("n1", "Moved", Utc::now())]));
    let feeds = feed_toml("moved", &server.url("/old.xml"), "")
        + &feed_toml("temp", &server.url("/tmp.xml"), "");
    let h = Harness::new("", &feeds).await;

    h.poll("moved").await;
    assert_eq!(h.state("moved").await.url, server.url("/new.xml"));
    h.poll("moved").await;
    assert_eq!(
        server.requests("/old.xml").len(),
        1,
        "second poll goes straight to the new URL"
    );

    h.poll("temp").await;
    assert_eq!(h.state("temp").await.url, server.url("/tmp.xml"));
}

#[tokio::test]
async fn a_permanent_redirect_keeping_credentials_is_followed_but_not_stored() {
    let server = TestServer::start().await;
    server.route("/old.xml", |_| status(301, &[("location", "/new.xml")]));
    server.feed("/new.xml", &rss(&[("n1", "Moved", Utc::now())]));
    let host = server.base.trim_start_matches("http://").to_string();
    let url = format!("http://reader:hunter2@{host}/old.xml");
    let h = Harness::new("", &feed_toml("private", &url, "")).await;
    assert!(matches!(
        h.poll("private").await.outcome,
        PollOutcome::Changed { new_items: 1, .. }
    ));
    // The new URL keeps the userinfo of the old one: storing it would store the password.
    let state = h.state("private").await;
    assert_eq!(state.url, format!("http://reader:***@{host}/old.xml"));
    assert_eq!(state.config_url, state.url);
    assert_eq!(h.poll("private").await.outcome, PollOutcome::NotModified);
    assert_eq!(
        server.requests("/old.xml").len(),
        2,
        "the redirect is followed each time"
    );
    for request in server.requests("/new.xml") {
        assert_eq!(
            request.headers["authorization"],
            "Basic cmVhZGVyOmh1bnRlcjI="
        );
    }
}

#[tokio::test]
async fn a_row_stored_with_credentials_is_replaced_by_a_redacted_one() {
    let server = TestServer::start().await;
    server.feed("/a.xml?token=s3cr3t", &rss(&[("a1", "One", Utc::now())]));
    let host = server.base.trim_start_matches("http://").to_string();
    let url = format!("http://reader:hunter2@{host}/a.xml?token=s3cr3t");
    let h = Harness::new("", &feed_toml("a", &url, "")).await;
    // As an earlier version wrote it: the URL as configured.
    let mut old = newswatch::store::FeedState::new("a", &url);
    old.config_url = url.clone();
    old.url = url.clone();
    h.store.record_feed_state(&old).await.expect("write");
    let feeds = vec![("a".to_string(), url.clone())];
    let synced = h.store.sync_feeds(&feeds).await.expect("sync");
    let shown = format!("http://reader:***@{host}/a.xml?token=***");
    assert_eq!((&synced[0].config_url, &synced[0].url), (&shown, &shown));
    assert_eq!(h.state("a").await.url, shown);
    // A new password or token alone is the same source: the state stays.
    assert!(matches!(
        h.poll("a").await.outcome,
        PollOutcome::Changed { .. }
    ));
    let rotated = vec![("a".to_string(), url.replace("hunter2", "hunter3"))];
    let synced = h.store.sync_feeds(&rotated).await.expect("sync");
    assert!(synced[0].last_success_at.is_some());
}

#[tokio::test]
async fn gone_feed_is_not_polled_again_until_its_url_changes() {
    let server = TestServer::start().await;
    server.route("/gone.xml", |_| status(410, &[]));
    let h = Harness::new("", &feed_toml("gone", &server.url("/gone.xml"), "")).await;
    let report = h.poll("gone").await;
    assert_eq!(report.outcome, PollOutcome::Gone);
    assert_eq!(report.next_poll_at, None);
    assert!(h.state("gone").await.gone);

    let summary = newswatch::daemon::run_once(h.poller.clone(), &h.config)
        .await
        .expect("cycle");
    assert_eq!((summary.polled, summary.skipped), (0, 1));
    assert_eq!(server.requests("/gone.xml").len(), 1);

    // A new URL in the config is a new source.
    let moved = vec![("gone".to_string(), server.url("/elsewhere.xml"))];
    let states = h.store.sync_feeds(&moved).await.expect("sync");
    assert!(!states[0].gone);
}

#[tokio::test]
async fn gbk_feed_with_http_charset_yields_chinese_titles() {
    let server = TestServer::start().await;
    let text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>新闻</title>\
        <item><guid>c1</guid><title>阿里巴巴集团公布季度业绩</title></item></channel></rss>";
    let (bytes, _, lossy) = encoding_rs::GBK.encode(text);
    assert!(!lossy);
    let bytes = bytes.into_owned();
    server.route("/gbk.xml", move |_| {
        let response = Response::builder()
            .header("content-type", "text/xml; charset=GBK")
            .body(Body::from(bytes.clone()))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let body = server.url("/gbk.xml");
    let fetcher = newswatch::feed::fetch::Fetcher::new(newswatch::feed::fetch::FetchSettings {
        user_agent: "t".into(),
        timeout: Duration::from_secs(5),
        max_body: 1 << 20,
        allow_private: true,
        guard: Default::default(),
    })
    .expect("client");
    let fetched = fetcher
        .fetch(newswatch::feed::fetch::FetchRequest {
            url: &body,
            etag: None,
            last_modified: None,
            headers: &[],
            allow_private: false,
        })
        .await
        .expect("fetch");
    let parsed = newswatch::feed::parse::parse_feed(
        "gbk",
        fetched.body.as_deref().expect("body"),
        fetched.content_type.as_deref(),
        Some(&body),
    )
    .expect("parse");
    assert_eq!(parsed.items[0].title, "阿里巴巴集团公布季度业绩");
}

#[tokio::test]
async fn first_poll_alerts_only_on_the_recent_backlog() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/a.xml",
        &rss(&[
            ("fresh", "Fresh", now - hours(2)),
            ("day-old", "Yesterday", now - hours(30)),
            ("ancient", "Last month", now - hours(24 * 30)),
        ]),
    );
    let h = Harness::new(
        "new_feed_backlog = \"24h\"",
        &feed_toml("a", &server.url("/a.xml"), ""),
    )
    .await;
    assert_eq!(
        h.poll("a").await.outcome,
        PollOutcome::Changed {
            new_items: 3,
            alertable: 1,
            matches: 0
        }
    );
}

#[tokio::test]
async fn later_polls_skip_items_past_max_item_age_and_updates_in_place() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed("/a.xml", &rss(&[("one", "First version", now - hours(1))]));
    let h = Harness::new(
        "max_item_age = \"7d\"",
        &feed_toml("a", &server.url("/a.xml"), ""),
    )
    .await;
    h.poll("a").await;
    server.feed(
        "/a.xml",
        &rss(&[
            ("one", "First version, corrected title", now - hours(1)),
            ("two", "New today", now),
            ("old", "Republished from last year", now - hours(24 * 365)),
        ]),
    );
    assert_eq!(
        h.poll("a").await.outcome,
        PollOutcome::Changed {
            new_items: 2,
            alertable: 1,
            matches: 0
        }
    );
}

#[tokio::test]
async fn same_article_in_a_second_feed_is_recorded_as_a_duplicate() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed("/a.xml", &rss(&[("x1", "Story", now)]));
    // Same link (tracking parameters differ), different guid.
    server.feed(
        "/b.xml",
        &rss(&[("x1", "Story", now)]).replace(
            "<guid isPermaLink=\"false\">x1",
            "<guid isPermaLink=\"false\">other-id",
        ),
    );
    let feeds =
        feed_toml("a", &server.url("/a.xml"), "") + &feed_toml("b", &server.url("/b.xml"), "");
    let h = Harness::new("", &feeds).await;
    h.poll("a").await;
    h.poll("b").await;
    let commit_view = h.store.feed_summaries().await.expect("summaries");
    assert_eq!(commit_view.iter().map(|s| s.items_seen).sum::<u64>(), 2);
    let duplicate: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT duplicate_of_feed, duplicate_of_entry FROM items WHERE feed = 'b'")
            .fetch_one(
                &sqlx::SqlitePool::connect(&format!(
                    "sqlite://{}",
                    h.config.daemon.state.display()
                ))
                .await
                .expect("connect"),
            )
            .await
            .expect("row");
    assert_eq!(duplicate, (Some("a".into()), Some("x1".into())));
}

#[tokio::test]
async fn cache_hints_lengthen_the_interval_but_only_up_to_max_hint_delay() {
    let server = TestServer::start().await;
    let body = rss(&[]);
    server.route("/fr.xml", move |_| {
        let response = Response::builder()
            .header("cache-control", "public, max-age=86400")
            .body(Body::from(body.clone()))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let feeds = feed_toml("fr", &server.url("/fr.xml"), "")
        + &feed_toml(
            "fr-ignoring",
            &server.url("/fr.xml"),
            "honor_cache_headers = false",
        );
    let h = Harness::new("max_hint_delay = \"1h\"", &feeds).await;
    let wait = |r: newswatch::daemon::PollReport| {
        (r.next_poll_at.expect("scheduled") - h.clock.now()).num_seconds()
    };
    assert_eq!(wait(h.poll("fr").await), 600 + 3600);
    assert_eq!(wait(h.poll("fr-ignoring").await), 600);
}

#[tokio::test]
async fn at_most_one_request_per_host_is_in_flight() {
    let server = TestServer::start().await;
    let mut feeds = String::new();
    for i in 0..6 {
        let path = format!("/f{i}.xml");
        let body = rss(&[]);
        server.route(&path, move |_| {
            let response = Response::builder()
                .body(Body::from(body.clone()))
                .expect("valid");
            (Duration::from_millis(50), response)
        });
        feeds += &feed_toml(&format!("f{i}"), &server.url(&path), "");
    }
    let h = Harness::new("concurrency = 4", &feeds).await;
    let summary = newswatch::daemon::run_once(h.poller.clone(), &h.config)
        .await
        .expect("cycle");
    assert_eq!(summary.polled, 6);
    assert_eq!(server.max_in_flight(), 1);
}

#[tokio::test]
async fn unparsable_document_is_a_failed_poll_that_keeps_old_validators() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Fine", Utc::now())]));
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;
    h.poll("a").await;
    let good = h.state("a").await;
    server.route("/a.xml", |_| {
        let response = Response::builder()
            .body(Body::from("<html><body>Maintenance</body></html>"))
            .expect("valid");
        (Duration::ZERO, response)
    });
    match h.poll("a").await.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("parse"), "{error}"),
        other => panic!("expected a parse failure, got {other:?}"),
    }
    let failed = h.state("a").await;
    assert_eq!(failed.etag, good.etag);
    assert_eq!(failed.last_status, Some(200));
    assert_eq!(failed.consecutive_failures, 1);
}

#[tokio::test]
async fn a_document_cut_short_records_its_whole_items_and_keeps_no_validators() {
    let server = TestServer::start().await;
    let now = Utc::now();
    let whole = rss(&[
        ("c1", "First headline", now),
        ("c2", "Second headline", now),
        ("c3", "Third headline", now),
    ]);
    // Cut inside the third item's title, as a server that stops mid-document sends it.
    let third = whole.find("Third head").expect("third title");
    server.feed("/a.xml", &whole[..third + 5]);
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;
    let status = || async {
        newswatch::daemon::status::collect(h.store.as_ref(), &h.config, h.clock.now())
            .await
            .expect("status")
    };

    assert!(matches!(
        h.poll("a").await.outcome,
        PollOutcome::Changed { new_items: 2, .. }
    ));
    let state = h.state("a").await;
    assert_eq!((&state.etag, &state.last_modified), (&None, &None));
    assert_eq!(state.health(), Health::Ok);
    let report = status().await;
    let feed = &report.feeds[0];
    assert!(feed.truncated);
    assert_eq!((&feed.last_error, feed.last_entries), (&None, Some(2)));
    let table = newswatch::daemon::status::render_table(&report);
    assert!(
        table.contains("truncated: the last document was cut short; the 2 entries"),
        "{table}"
    );

    // The next poll asks for the whole document, not whether the cut one changed.
    server.feed("/a.xml", &whole);
    h.clock.advance(Duration::from_secs(600));
    assert!(matches!(
        h.poll("a").await.outcome,
        PollOutcome::Changed { new_items: 1, .. }
    ));
    let requests = server.requests("/a.xml");
    assert!(requests[1].headers.get("if-none-match").is_none());
    assert!(requests[1].headers.get("if-modified-since").is_none());
    assert!(!status().await.feeds[0].truncated);
    // Whole, its validators are kept again.
    h.clock.advance(Duration::from_secs(600));
    assert_eq!(h.poll("a").await.outcome, PollOutcome::NotModified);
    assert!(
        server.requests("/a.xml")[2]
            .headers
            .get("if-none-match")
            .is_some()
    );
}

#[tokio::test]
async fn a_feed_that_empties_after_having_entries_is_suspicious() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "One", Utc::now())]));
    let h = Harness::new("", &feed_toml("a", &server.url("/a.xml"), "")).await;
    h.poll("a").await;
    assert_eq!(h.state("a").await.health(), Health::Ok);
    server.feed("/a.xml", &rss(&[]));
    h.clock.advance(Duration::from_secs(3600));
    let report = h.poll("a").await;
    assert_eq!(report.outcome, PollOutcome::NotModified);
    assert_eq!(h.state("a").await.health(), Health::Suspicious);
    let status = newswatch::daemon::status::collect(h.store.as_ref(), &h.config, h.clock.now())
        .await
        .expect("status");
    assert_eq!(status.feeds[0].health, Health::Suspicious);
    // Entries again: healthy again.
    server.feed("/a.xml", &rss(&[("a2", "Two", Utc::now())]));
    h.clock.advance(Duration::from_secs(3600));
    h.poll("a").await;
    assert_eq!(h.state("a").await.health(), Health::Ok);
}

#[tokio::test]
async fn file_feeds_are_read_and_unchanged_files_count_as_not_modified() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("local.xml");
    std::fs::write(&path, rss(&[("l1", "Local", Utc::now())])).expect("write feed");
    let url = url::Url::from_file_path(&path)
        .expect("absolute path")
        .to_string();
    let h = Harness::new("", &feed_toml("local", &url, "")).await;
    assert!(matches!(
        h.poll("local").await.outcome,
        PollOutcome::Changed { .. }
    ));
    assert_eq!(h.poll("local").await.outcome, PollOutcome::NotModified);
}

#[tokio::test]
async fn a_busy_feed_is_polled_sooner_once_learned_and_keeps_its_rhythm_across_restarts() {
    let server = TestServer::start().await;
    let feed = format!(
        "[[feed]]\nname = \"wire\"\nurl = \"{}\"\ninterval = \"6h\"\n",
        server.url("/wire.xml")
    );
    let mut h = Harness::new("min_interval = \"1m\"\npivot_interval = \"1h\"", &feed).await;
    let start = h.clock.now();
    // Two items an hour over the last two days: the first document is enough history.
    let items: Vec<(String, String, chrono::DateTime<Utc>)> = (0..96)
        .map(|i| {
            let at = start - chrono::Duration::minutes(30 * i);
            (format!("w{i}"), format!("Wire story {i}"), at)
        })
        .collect();
    let listed: Vec<(&str, &str, chrono::DateTime<Utc>)> = items
        .iter()
        .map(|(id, title, at)| (id.as_str(), title.as_str(), *at))
        .collect();
    server.feed("/wire.xml", &rss(&listed));

    let report = h.poll("wire").await;
    let wait = (report.next_poll_at.expect("scheduled") - start).num_minutes();
    // √(1h ÷ 2 items an hour) = 42 minutes, give or take the jitter and the hour's profile:
    // far sooner than the 6h interval.
    assert!((30..=55).contains(&wait), "next poll in {wait} minutes");

    let statuses = newswatch::daemon::status::feed_statuses(h.store.as_ref(), &h.config, start)
        .await
        .expect("status");
    let rate = statuses[0].rate_per_day.expect("learned");
    assert!((40.0..=56.0).contains(&rate), "{rate} a day");
    assert!(statuses[0].rate_now_per_day.is_some());

    // A restart reads the rhythm back: the next poll, with nothing new, is still placed by it.
    let path = h.config.daemon.state.clone();
    h.reopen_store(newswatch::store::SqliteStore::file_options(&path))
        .await;
    let stored = h.store.feed_rhythm("wire").await.expect("read");
    assert!(stored.is_learned());
    h.clock.advance(Duration::from_secs(45 * 60));
    let report = h.poll("wire").await;
    assert_eq!(report.outcome, PollOutcome::NotModified);
    let wait = (report.next_poll_at.expect("scheduled") - h.clock.now()).num_minutes();
    assert!((30..=60).contains(&wait), "after a restart: {wait} minutes");
    let stored = h.store.feed_rhythm("wire").await.expect("read");
    assert_eq!(
        stored.as_of().map(|t| t.timestamp()),
        Some(h.clock.now().timestamp()),
        "brought forward by the poll (stored to the second)"
    );
}

#[tokio::test]
async fn min_interval_equal_to_interval_keeps_the_fixed_schedule() {
    let server = TestServer::start().await;
    let feed = format!(
        "[[feed]]\nname = \"wire\"\nurl = \"{}\"\ninterval = \"30m\"\nmin_interval = \"30m\"\n",
        server.url("/wire.xml")
    );
    let h = Harness::new("", &feed).await;
    let start = h.clock.now();
    let items: Vec<(String, String, chrono::DateTime<Utc>)> = (0..96)
        .map(|i| {
            (
                format!("w{i}"),
                format!("Wire story {i}"),
                start - chrono::Duration::minutes(30 * i),
            )
        })
        .collect();
    let listed: Vec<(&str, &str, chrono::DateTime<Utc>)> = items
        .iter()
        .map(|(id, title, at)| (id.as_str(), title.as_str(), *at))
        .collect();
    server.feed("/wire.xml", &rss(&listed));
    let report = h.poll("wire").await;
    assert_eq!(
        (report.next_poll_at.expect("scheduled") - start).num_minutes(),
        30
    );
    assert!(
        h.store
            .feed_rhythm("wire")
            .await
            .expect("read")
            .is_learned()
    );
}
