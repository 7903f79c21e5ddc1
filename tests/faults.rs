//! Fault injection: each test breaks one thing newswatch depends on (the feed server, the SMTP
//! server, the webhook receiver, the SQLite file, the process itself), checks that the failure
//! is contained (a failed poll recorded and retried, an alert kept pending), then repairs the
//! fault and checks that everything arrives, once. Every server is real and on loopback; where
//! a server cannot misbehave on demand, `common::proxy::FaultProxy` breaks its connections.
//!
//! The invariant checked after every fault: no item is recorded as seen unless every channel
//! its matches notify has its alert or its story membership (`unqueued_alerts`). docs/RELIABILITY.md lists these faults and their figures.

mod common;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use axum::body::Body;
use axum::response::Response;
use chrono::Utc;
use common::news::{
    TestWebhook, news_harness, news_server, outbox, smtp_channel, unclustered_harness,
    webhook_channel,
};
use common::proxy::{Fault, FaultProxy};
use common::{Harness, SmtpServer, TestServer, free_port, rss};
use newswatch::daemon::deliver::{Deliverer, DeliverySettings, DeliveryTotals};
use newswatch::daemon::{Clock, PollOutcome};
use newswatch::store::{SqliteStore, Store};
use rand::{Rng, SeedableRng};
use sqlx::Connection;

/// A delivery worker on the harness clock whose webhook posts give up after `timeout`.
fn worker(h: &Harness, timeout: Duration) -> Deliverer<SqliteStore> {
    common::news::deliverer_with(h, timeout, 11)
}

async fn drain(worker: &Deliverer<SqliteStore>) -> DeliveryTotals {
    worker.drain(Duration::from_secs(20)).await.expect("drain")
}

/// A direct connection to the harness's state file, beside the store's own pool.
async fn side_connection(h: &Harness) -> sqlx::SqliteConnection {
    sqlx::SqliteConnection::connect_with(&SqliteStore::file_options(&h.config.daemon.state))
        .await
        .expect("second connection")
}

/// (match, channel) pairs of alertable items that the channel never heard of: must always be
/// 0. A channel hears of an item once, whichever of its rules matched: for every channel that
/// a matched rule notifies, the item has an outbox entry there (its own, or that of the first
/// feed to carry the same article, whose alert it shares), or it joined one of the channel's
/// stories (a member with a similarity; its follow-up, if any, is the story's outbox entry, not
/// the item's). A story's first item is a member too, but it must have its alert.
async fn unqueued_alerts(h: &Harness) -> i64 {
    let mut conn = side_connection(h).await;
    let mut unqueued = 0;
    for rule in &h.config.rules {
        for channel in &rule.notify {
            let missing: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM matches m JOIN items i USING (feed, entry_id) \
                 WHERE i.alertable = 1 AND m.rule = ?1 \
                 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.channel = ?2 \
                     AND ((o.feed = i.feed AND o.entry_id = i.entry_id) \
                       OR (o.feed = i.duplicate_of_feed AND o.entry_id = i.duplicate_of_entry))) \
                 AND NOT EXISTS (SELECT 1 FROM story_members s WHERE s.channel = ?2 \
                     AND s.feed = i.feed AND s.entry_id = i.entry_id \
                     AND s.similarity IS NOT NULL)",
            )
            .bind(&rule.name)
            .bind(channel)
            .fetch_one(&mut conn)
            .await
            .expect("invariant query");
            unqueued += missing;
        }
    }
    unqueued
}

#[tokio::test]
async fn the_invariant_counts_an_alert_that_went_missing() {
    let server = news_server().await;
    let h = news_harness("", &server, &webhook_channel("http://127.0.0.1:9/hook", "")).await;
    h.poll("news").await;
    assert_eq!(unqueued_alerts(&h).await, 0);
    // Lose one alert behind newswatch's back, as a bug that skipped it would.
    let mut conn = side_connection(&h).await;
    sqlx::query("DELETE FROM outbox WHERE rowid = (SELECT min(rowid) FROM outbox)")
        .execute(&mut conn)
        .await
        .expect("delete");
    assert_eq!(unqueued_alerts(&h).await, 1);
}

async fn items_seen(h: &Harness) -> u64 {
    h.store
        .feed_summaries()
        .await
        .expect("summaries")
        .iter()
        .map(|s| s.items_seen)
        .sum()
}

/// The port of `http://127.0.0.1:PORT/...`.
fn port_of(url: &str) -> u16 {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.port())
        .expect("url with a port")
}

/// Webhook ids of what the receiver accepted, with how often each arrived.
fn arrivals(hook: &TestWebhook) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for (headers, _) in hook.received() {
        let id = headers["webhook-id"].to_str().expect("ascii").to_string();
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

// ---------------------------------------------------------------------------------------------
// The feed server

/// What a broken feed document must lead to.
#[derive(Debug)]
enum Expect {
    /// A failed poll: nothing recorded, the feed retried later.
    Fails,
    /// Items are read (with these titles), and recorded with their alerts.
    Reads(&'static [&'static str]),
}

#[tokio::test]
async fn broken_feed_documents_fail_the_poll_or_are_read_never_half_recorded() {
    let now = Utc::now();
    let good = rss(&[
        ("g1", "Alibaba and the PLA, part one", now),
        ("g2", "Alibaba denies military ties", now),
        ("g3", "Alibaba earnings", now),
    ]);
    let item = |id: &str| {
        good.find(&format!("<item><guid isPermaLink=\"false\">{id}"))
            .expect("item")
    };
    // Cut inside a tag, and inside the text of the second item's title: the first is whole.
    let cut_in_tag = good.as_bytes()[..item("g2") + 20].to_vec();
    let cut_in_text = good.as_bytes()[..item("g2") + 60].to_vec();
    let cut_in_first = good.as_bytes()[..item("g1") + 60].to_vec();
    let latin1_labelled_utf8 = encoding_rs::WINDOWS_1252
        .encode(&rss(&[(
            "c1",
            "Alibaba: l'armée chinoise (PLA) répond",
            now,
        )]))
        .0
        .into_owned();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str, Expect)> = vec![
        ("garbage", garbage, "application/rss+xml", Expect::Fails),
        (
            "html",
            b"<!DOCTYPE html><html><head><title>503</title></head>\
              <body><h1>Service temporarily unavailable</h1></body></html>"
                .to_vec(),
            "text/html; charset=utf-8",
            Expect::Fails,
        ),
        (
            "truncated in a tag",
            cut_in_tag,
            "application/rss+xml",
            Expect::Reads(&["Alibaba and the PLA, part one"]),
        ),
        (
            "truncated in text",
            cut_in_text,
            "application/rss+xml",
            Expect::Reads(&["Alibaba and the PLA, part one"]),
        ),
        (
            "truncated in the first item",
            cut_in_first,
            "application/rss+xml",
            Expect::Fails,
        ),
        (
            "wrong charset",
            latin1_labelled_utf8,
            "application/rss+xml; charset=utf-8",
            Expect::Reads(&["Alibaba: l'armée chinoise (PLA) répond"]),
        ),
        (
            "empty 200",
            Vec::new(),
            "application/rss+xml",
            Expect::Fails,
        ),
    ];
    for (name, body, content_type, expect) in cases {
        let server = TestServer::start().await;
        server.route("/news.xml", move |_| {
            let response = Response::builder()
                .header("content-type", content_type)
                .body(Body::from(body.clone()))
                .expect("valid response");
            (Duration::ZERO, response)
        });
        let h = news_harness("", &server, "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"a@b.example\"\nto = [\"c@d.example\"]\ntransport = \"maildir\"\ndir = \"mail\"\n").await;
        let report = h.poll("news").await;
        match (&expect, &report.outcome) {
            (Expect::Fails, PollOutcome::Failed { error }) => {
                let state = h.state("news").await;
                assert_eq!(state.consecutive_failures, 1, "{name}");
                assert!(state.next_poll_at > h.clock.now(), "{name}: retried later");
                assert_eq!(state.last_success_at, None, "{name}");
                assert_eq!(items_seen(&h).await, 0, "{name}");
                assert_eq!(outbox(&h).await, (0, 0, 0), "{name}");
                eprintln!("feed fault {name}: failed poll: {error}");
            }
            (Expect::Reads(titles), PollOutcome::Changed { new_items, .. }) => {
                assert_eq!(*new_items, titles.len(), "{name}");
                let mut conn = side_connection(&h).await;
                let stored: Vec<String> = sqlx::query_scalar("SELECT title FROM items")
                    .fetch_all(&mut conn)
                    .await
                    .expect("titles");
                assert_eq!(stored, *titles, "{name}");
                eprintln!("feed fault {name}: read {stored:?}");
            }
            (expect, outcome) => panic!("{name}: expected {expect:?}, got {outcome:?}"),
        }
        assert_eq!(unqueued_alerts(&h).await, 0, "{name}");

        // The server mends: the next poll records the items and their alerts together.
        server.feed("/news.xml", &good);
        let report = h.poll("news").await;
        assert!(
            matches!(report.outcome, PollOutcome::Changed { .. }),
            "{name}: {report:?}"
        );
        assert_eq!(h.state("news").await.consecutive_failures, 0, "{name}");
        assert_eq!(unqueued_alerts(&h).await, 0, "{name}");
        let (pending, _, _) = outbox(&h).await;
        assert!(pending >= 2, "{name}: the two matching items queued alerts");
    }
}

// ---------------------------------------------------------------------------------------------
// The SMTP server

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_faults_keep_alerts_pending_until_the_server_is_back() {
    // (fault, what the SMTP port does during it); `None`: nothing listens (server down).
    let cases: [(&str, Option<Fault>); 3] = [
        ("down", None),
        (
            "refusing (421 greeting)",
            Some(Fault::Answer(
                "421 4.3.2 smtp.test not accepting mail now\r\n",
            )),
        ),
        (
            "connection dropped mid-DATA",
            Some(Fault::CutAfter("DATA\r\n")),
        ),
    ];
    for (name, fault) in cases {
        let server = news_server().await;
        let smtp = SmtpServer::start(0, false);
        let port = free_port();
        let h = news_harness("", &server, &smtp_channel(port)).await;
        h.poll("news").await;
        let worker = worker(&h, Duration::from_secs(5));
        let proxy = match fault {
            Some(fault) => Some(FaultProxy::start(port, smtp.port, fault).await),
            None => None,
        };

        let broken = drain(&worker).await;
        assert_eq!(
            (broken.delivered, broken.retrying, broken.dead),
            (0, 2, 0),
            "{name}"
        );
        assert_eq!(outbox(&h).await, (2, 0, 0), "{name}");
        assert!(
            smtp.messages().is_empty(),
            "{name}: nothing reached the mailbox"
        );
        if let Some(proxy) = &proxy {
            assert!(proxy.broken() >= 1, "{name}: the fault was never hit");
        }

        // The server is back; the retry comes after its backoff, and each alert arrives once.
        let proxy = match proxy {
            Some(proxy) => {
                proxy.set(Fault::Forward);
                proxy
            }
            None => FaultProxy::start(port, smtp.port, Fault::Forward).await,
        };
        h.clock.advance(Duration::from_secs(120));
        let back = drain(&worker).await;
        assert_eq!(back.delivered, 2, "{name}");
        h.clock.advance(Duration::from_secs(3600));
        assert_eq!(drain(&worker).await.delivered, 0, "{name}");
        let messages = smtp.messages();
        let ids: HashSet<String> = messages
            .iter()
            .filter_map(|m| {
                String::from_utf8_lossy(m)
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
                    .map(str::to_string)
            })
            .collect();
        assert_eq!((messages.len(), ids.len()), (2, 2), "{name}");
        assert_eq!(outbox(&h).await, (0, 2, 0), "{name}");
        eprintln!(
            "smtp fault {name}: {} connections broken, 2 alerts pending, then 2 delivered once each",
            proxy.broken()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The webhook receiver

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_errors_are_retried_and_each_alert_arrives_once() {
    for (status, wait) in [(500u16, 120u64), (429, 61)] {
        let server = news_server().await;
        let hook = TestWebhook::start(2, status).await;
        let h = news_harness("", &server, &webhook_channel(&hook.url, "")).await;
        h.poll("news").await;
        let worker = worker(&h, Duration::from_secs(5));
        let failed = drain(&worker).await;
        assert_eq!((failed.delivered, failed.retrying), (0, 2), "HTTP {status}");
        assert_eq!(outbox(&h).await, (2, 0, 0), "HTTP {status}");
        if status == 429 {
            // Retry-After: 60 is honoured: nothing is due before it.
            let due = h
                .store
                .next_due("out")
                .await
                .expect("next due")
                .expect("pending");
            // The store keeps whole seconds.
            assert!(
                due >= h.clock.now() + chrono::Duration::seconds(59),
                "{due}"
            );
        }
        h.clock.advance(Duration::from_secs(wait));
        assert_eq!(drain(&worker).await.delivered, 2, "HTTP {status}");
        let arrived = arrivals(&hook);
        assert_eq!(arrived.len(), 2, "HTTP {status}");
        assert!(
            arrived.values().all(|n| *n == 1),
            "HTTP {status}: {arrived:?}"
        );
        eprintln!("webhook fault HTTP {status}: 2 alerts retried, then delivered once each");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_timeouts_and_hang_ups_are_retried_and_each_alert_arrives_once() {
    for (name, fault) in [
        ("timeout", Fault::Stall),
        ("connection closed", Fault::HangUp),
    ] {
        let server = news_server().await;
        let hook = TestWebhook::start(0, 200).await;
        let proxy = FaultProxy::start(0, port_of(&hook.url), fault).await;
        let url = format!("http://127.0.0.1:{}/hook", proxy.port);
        let h = news_harness("", &server, &webhook_channel(&url, "")).await;
        h.poll("news").await;
        let worker = worker(&h, Duration::from_millis(500));
        let started = std::time::Instant::now();
        let failed = drain(&worker).await;
        assert_eq!((failed.delivered, failed.retrying), (0, 2), "{name}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name}: bounded"
        );
        assert!(proxy.broken() >= 1, "{name}");
        assert!(hook.received().is_empty(), "{name}");

        proxy.set(Fault::Forward);
        h.clock.advance(Duration::from_secs(120));
        assert_eq!(drain(&worker).await.delivered, 2, "{name}");
        let arrived = arrivals(&hook);
        assert_eq!(arrived.len(), 2, "{name}");
        assert!(arrived.values().all(|n| *n == 1), "{name}: {arrived:?}");
        eprintln!(
            "webhook fault {name}: {} connections broken, then 2 delivered once each",
            proxy.broken()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The SQLite file

#[tokio::test]
async fn a_locked_database_fails_the_poll_without_marking_anything_seen() {
    let server = news_server().await;
    let mut h = news_harness("", &server, &webhook_channel("http://127.0.0.1:9/hook", "")).await;
    // Wait 200 ms for the lock instead of the daemon's 30 s, to keep the test short.
    let options =
        SqliteStore::file_options(&h.config.daemon.state).busy_timeout(Duration::from_millis(200));
    h.reopen_store(options).await;

    let mut other = side_connection(&h).await;
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .expect("take the write lock");
    let feed = h.config.feeds[0].clone();
    let state = newswatch::store::FeedState::new(&feed.name, &feed.url);
    let error = h
        .poller
        .poll_feed(&feed, state)
        .await
        .expect_err("the poll cannot commit while another process holds the lock");
    assert!(error.to_string().contains("locked"), "{error}");
    sqlx::query("ROLLBACK")
        .execute(&mut other)
        .await
        .expect("release the lock");
    drop(other);
    assert_eq!(items_seen(&h).await, 0);
    assert_eq!(outbox(&h).await, (0, 0, 0));
    assert_eq!(h.store.feed_state("news").await.expect("read"), None);

    // The scheduler retries a poll whose store write failed; the next one records everything.
    let report = h.poll("news").await;
    assert!(
        matches!(
            report.outcome,
            PollOutcome::Changed {
                new_items: 3,
                matches: 2,
                ..
            }
        ),
        "{report:?}"
    );
    assert_eq!(outbox(&h).await, (2, 0, 0));
    assert_eq!(unqueued_alerts(&h).await, 0);
    eprintln!(
        "sqlite fault locked: poll failed with \"{error}\"; retry recorded 3 items, 2 alerts"
    );
}

#[tokio::test]
async fn a_full_database_fails_the_poll_without_marking_anything_seen() {
    let server = TestServer::start().await;
    let now = Utc::now();
    let entries: Vec<(String, String)> = (0..300)
        .map(|i| {
            (
                format!("n{i}"),
                format!("Alibaba and the PLA, report number {i}"),
            )
        })
        .collect();
    let items: Vec<_> = entries
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    server.feed("/news.xml", &rss(&items));
    // Three hundred rewordings of one story: with grouping on they would make one alert.
    let mut h = unclustered_harness(&server, &webhook_channel("http://127.0.0.1:9/hook", "")).await;
    let path = h.config.daemon.state.clone();

    // A full disk, simulated: the file may not grow past its present size plus a page. A
    // tmpfs of a few KiB would do the same, but mounting one needs root; both end in
    // SQLITE_FULL ("database or disk is full") in the middle of the poll's transaction.
    let mut conn = side_connection(&h).await;
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&mut conn)
        .await
        .expect("page count");
    drop(conn);
    let capped = SqliteStore::file_options(&path).pragma("max_page_count", (pages + 1).to_string());
    h.reopen_store(capped).await;

    let feed = h.config.feeds[0].clone();
    let state = newswatch::store::FeedState::new(&feed.name, &feed.url);
    let error = h
        .poller
        .poll_feed(&feed, state)
        .await
        .expect_err("300 items and their alerts do not fit in one page");
    assert!(error.to_string().contains("full"), "{error}");
    assert_eq!(items_seen(&h).await, 0);
    assert_eq!(outbox(&h).await, (0, 0, 0));

    // Space is freed: the retried poll records every item with its alert.
    h.reopen_store(SqliteStore::file_options(&path)).await;
    let report = h.poll("news").await;
    assert!(
        matches!(
            report.outcome,
            PollOutcome::Changed {
                new_items: 300,
                matches: 300,
                ..
            }
        ),
        "{report:?}"
    );
    assert_eq!(outbox(&h).await, (300, 0, 0));
    assert_eq!(unqueued_alerts(&h).await, 0);
    eprintln!(
        "sqlite fault full: poll failed with \"{error}\"; retry recorded 300 items, 300 alerts"
    );
}

// ---------------------------------------------------------------------------------------------
// The process itself

/// The kill loop: `KILLS` SIGKILLs of a daemon polling a feed that publishes `PER_SECOND`
/// matching items a second (after `FIRST` at once) up to `ITEMS`, and posting alerts to a
/// receiver that acts on each post at once and answers after `POST_DELAY`.
const KILLS: usize = 30;
const ITEMS: usize = 800;
const FIRST: usize = 40;
const PER_SECOND: usize = 25;
const POST_DELAY: Duration = Duration::from_millis(50);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_sigkills_during_polling_and_delivery_lose_no_alert() {
    let started = std::time::Instant::now();
    let server = TestServer::start().await;
    let published = Utc::now();
    server.route("/news.xml", move |_| {
        let shown = (FIRST + PER_SECOND * started.elapsed().as_secs() as usize).min(ITEMS);
        let entries: Vec<(String, String)> = (0..shown)
            .map(|i| {
                (
                    format!("k{i}"),
                    format!("Alibaba and the PLA, dispatch {i}"),
                )
            })
            .collect();
        let items: Vec<_> = entries
            .iter()
            .map(|(g, t)| (g.as_str(), t.as_str(), published))
            .collect();
        let response = Response::builder()
            .header("content-type", "application/rss+xml")
            .body(Body::from(rss(&items)))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let hook = TestWebhook::start_acting_first(POST_DELAY).await;
    let feeds = format!(
        "[[feed]]\nname = \"news\"\nurl = \"{}\"\ninterval = \"1s\"\n",
        server.url("/news.xml")
    );
    // Every dispatch is a rewording of one story: each must alert here, so no grouping.
    let rest = format!(
        "{feeds}{}{}",
        common::news::unclustered_rule(),
        webhook_channel(&hook.url, "")
    );
    let h = Harness::new("", &rest).await;
    let config = h.dir.path().join("newswatch.toml");
    let binary = assert_cmd::cargo::cargo_bin("newswatch");
    let start = || {
        std::process::Command::new(&binary)
            .args(["-c", config.to_str().expect("utf-8"), "run"])
            .env("RUST_LOG", "error")
            .spawn()
            .expect("start daemon")
    };

    // Each kill is aimed (seeded) at one of three moments: anywhere in the first 2 s of a life;
    // just after the feed answered (parsing or the poll's transaction); or while posts are in
    // flight. A life polls at once and delivers within a second of starting.
    let mut rng = rand::rngs::StdRng::seed_from_u64(20_261_126);
    let (mut polled, mut mid_delivery) = (0, 0);
    let mut aims = [0usize; 3];
    for _ in 0..KILLS {
        let polls_before = server.requests("/news.xml").len();
        let mut daemon = start();
        let aim = rng.random_range(0..3);
        aims[aim] += 1;
        // The servers run on the runtime's workers; this thread only watches and kills.
        let wait_for = |ready: &dyn Fn() -> bool| {
            let deadline = std::time::Instant::now() + Duration::from_secs(3);
            while !ready() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
        };
        match aim {
            0 => std::thread::sleep(Duration::from_millis(rng.random_range(100..2000))),
            1 => {
                wait_for(&|| server.requests("/news.xml").len() > polls_before);
                std::thread::sleep(Duration::from_millis(rng.random_range(0..40)));
            }
            _ => {
                wait_for(&|| hook.in_flight() > 0);
                std::thread::sleep(Duration::from_millis(rng.random_range(0..40)));
            }
        }
        let posts_in_flight = hook.in_flight();
        daemon.kill().expect("SIGKILL");
        daemon.wait().expect("reap");
        polled += usize::from(server.requests("/news.xml").len() > polls_before);
        mid_delivery += usize::from(posts_in_flight > 0);
    }
    let during_loop = arrivals(&hook).len();

    // A last life, left alone until the feed is complete and every item recorded (bounded).
    let mut daemon = start();
    for _ in 0..300 {
        if items_seen(&h).await >= ITEMS as u64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    daemon.kill().expect("SIGKILL");
    daemon.wait().expect("reap");
    assert_eq!(items_seen(&h).await, ITEMS as u64, "every item recorded");
    assert_eq!(unqueued_alerts(&h).await, 0);

    // Entries claimed by a killed process stay leased for two minutes; a restart after that
    // (here: the same delivery code on the harness clock, moved past the lease) sends them.
    h.clock.advance(Duration::from_secs(600));
    worker(&h, Duration::from_secs(5))
        .drain(Duration::from_secs(30))
        .await
        .expect("drain");

    let arrived = arrivals(&hook);
    let posts = hook.received().len();
    let alerted: HashSet<String> = hook
        .received()
        .iter()
        .filter_map(|(_, body)| {
            let alert: serde_json::Value = serde_json::from_str(body).ok()?;
            alert["item"]["id"].as_str().map(str::to_string)
        })
        .collect();
    let lost = (0..ITEMS)
        .filter(|i| !alerted.contains(&format!("k{i}")))
        .count();
    let duplicated = arrived.values().filter(|n| **n > 1).count();
    eprintln!(
        "kill loop: {KILLS} SIGKILLs (aimed {aims:?} at anywhere/poll/delivery; {polled} lives \
         polled, {mid_delivery} killed with posts in flight); {ITEMS} alerts expected, {} delivered ({during_loop} before the last \
         life), {lost} lost, {duplicated} delivered twice or more ({} extra posts of {posts}); \
         {:.1} s",
        arrived.len(),
        posts - arrived.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(lost, 0, "every expected alert arrived at least once");
    assert_eq!(arrived.len(), ITEMS);
    // A duplicate is a post in flight at a kill: at most `parallel` of them per kill.
    assert!(posts - arrived.len() <= KILLS * DeliverySettings::default().parallel);
    assert_eq!(outbox(&h).await, (0, ITEMS as u64, 0));
}

// One file per area of the faults found by the adversarial test of the release build.
#[path = "faults/encoding.rs"]
mod encoding;
#[path = "faults/local_files.rs"]
mod local_files;
#[path = "faults/smtp.rs"]
mod smtp;
#[path = "faults/store.rs"]
mod store;
#[path = "faults/webhook.rs"]
mod webhook;
