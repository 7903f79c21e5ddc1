//! Faults of the SQLite store (issue 16): a full disk must not leave a pooled connection
//! broken once space is back, and the store must refuse what would silently lose its state.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use newswatch::daemon::{Metrics, ShutdownTrigger, Vitals, http, shutdown_channel};

use crate::common::news::{TestWebhook, outbox, unclustered_harness, webhook_channel};
use crate::common::{TestServer, rss};
use newswatch::store::{SqliteStore, Store};

use super::{drain, items_seen, side_connection, unqueued_alerts, worker};

/// More write rounds than the pool has connections (4), so every pooled connection serves one.
const ROUNDS: usize = 10;

/// Simulates a full disk with space to free: `rows` of 16 KiB in a `filler` table (written
/// through the returned side connection, which can `DELETE FROM filler` to free them), then
/// the store reopened on a file that may not grow past its current size.
async fn fill_and_cap(
    h: &mut crate::common::Harness,
    path: &std::path::Path,
    rows: usize,
) -> sqlx::SqliteConnection {
    let mut side = side_connection(h).await;
    sqlx::query("CREATE TABLE filler (data BLOB)")
        .execute(&mut side)
        .await
        .expect("filler table");
    for _ in 0..rows {
        sqlx::query("INSERT INTO filler VALUES (zeroblob(16384))")
            .execute(&mut side)
            .await
            .expect("filler row");
    }
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&mut side)
        .await
        .expect("page count");
    h.reopen_store(SqliteStore::file_options(path).pragma("max_page_count", pages.to_string()))
        .await;
    side
}

/// Serves `/readyz` (and the rest) for `store` on loopback, with a scheduler that just beat.
async fn serve_health(
    store: &Arc<SqliteStore>,
    config: &newswatch::config::Config,
) -> (SocketAddr, ShutdownTrigger) {
    let listener = http::bind("127.0.0.1:0".parse().expect("address"))
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let vitals = Arc::new(Vitals::default());
    vitals.beat();
    let (stop, shutdown) = shutdown_channel();
    tokio::spawn(http::serve(
        listener,
        Arc::clone(store),
        Arc::new(Metrics::new(config)),
        vitals,
        shutdown,
    ));
    (addr, stop)
}

async fn readyz(addr: SocketAddr) -> (u16, String) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let response = client
        .get(format!("http://{addr}/readyz"))
        .send()
        .await
        .expect("GET /readyz");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// A document of `count` matching items; the first one's guid is `first_guid`.
fn document(first_guid: &str, count: usize) -> String {
    let now = Utc::now();
    let guids: Vec<String> = (0..count)
        .map(|i| {
            if i == 0 {
                first_guid.to_string()
            } else {
                format!("n{i}")
            }
        })
        .collect();
    let titles: Vec<String> = (0..count)
        .map(|i| format!("Alibaba and the PLA, report number {i}"))
        .collect();
    let items: Vec<_> = guids
        .iter()
        .zip(&titles)
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    rss(&items)
}

/// SQLITE_FULL in a statement without a statement journal (a one-row INSERT) rolls the whole
/// transaction back, as SQLITE_FULL at COMMIT does: sqlx's rollback on drop then fails ("no
/// transaction is active") and, before the fix, left the connection at transaction depth 1,
/// so every later write through it failed with "non-zero transaction depth".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_that_rolls_the_transaction_back_leaves_every_pooled_connection_usable() {
    let server = TestServer::start().await;
    // A guid longer than a page: its row needs overflow pages, so it cannot fit in the free
    // space of pages the file already has.
    let long_guid = format!("n0-{}", "x".repeat(16 * 1024));
    server.feed("/news.xml", &document(&long_guid, 1));
    let hook = TestWebhook::start(0, 200).await;
    let mut h = unclustered_harness(&server, &webhook_channel(&hook.url, "")).await;
    let path = h.config.daemon.state.clone();

    // A full disk with something to free: 1 MiB of other data, and a file that may not grow.
    let mut side = fill_and_cap(&mut h, &path, 64).await;

    let feed = h.config.feeds[0].clone();
    let state = newswatch::store::FeedState::new(&feed.name, &feed.url);
    let error = h
        .poller
        .poll_feed(&feed, state)
        .await
        .expect_err("the item's row does not fit in a file that may not grow");
    assert!(error.to_string().contains("full"), "{error}");
    assert_eq!(items_seen(&h).await, 0);
    assert_eq!(outbox(&h).await, (0, 0, 0));

    // Space is freed without restarting: the filler's pages go to the free list, which the
    // capped connections may reuse.
    sqlx::query("DELETE FROM filler")
        .execute(&mut side)
        .await
        .expect("free space");
    drop(side);

    // Each round polls a document with one more item, then delivers its alert.
    let worker = worker(&h, Duration::from_secs(5));
    for round in 1..=ROUNDS {
        server.feed("/news.xml", &document(&long_guid, round));
        let state = h.store.feed_state("news").await.expect("read state");
        let state =
            state.unwrap_or_else(|| newswatch::store::FeedState::new(&feed.name, &feed.url));
        let report =
            tokio::time::timeout(Duration::from_secs(20), h.poller.poll_feed(&feed, state))
                .await
                .expect("the poll ends")
                .unwrap_or_else(|e| panic!("round {round}: the poll after space was freed: {e:#}"));
        assert!(
            matches!(
                report.outcome,
                newswatch::daemon::PollOutcome::Changed { new_items: 1, .. }
            ),
            "round {round}: {report:?}"
        );
        let delivered = drain(&worker).await;
        assert_eq!(delivered.delivered, 1, "round {round}: {delivered:?}");
    }
    assert_eq!(items_seen(&h).await, ROUNDS as u64);
    assert_eq!(outbox(&h).await, (0, ROUNDS as u64, 0));
    assert_eq!(hook.received().len(), ROUNDS);
    assert_eq!(unqueued_alerts(&h).await, 0);
    eprintln!(
        "sqlite fault full, transaction rolled back by SQLite: poll failed with \"{error}\"; \
         after space was freed {ROUNDS} polls and {ROUNDS} deliveries in a row succeeded"
    );
}

/// `/readyz` answered 200 while every poll failed to record. Ready now means the store accepts
/// writes: a probe that writes nothing (refused by a read-only database), and the last writes
/// themselves (a full disk or a damaged page shows only there).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_means_the_store_accepts_writes() {
    let server = TestServer::start().await;
    let long_guid = format!("n0-{}", "x".repeat(16 * 1024));
    server.feed("/news.xml", &document(&long_guid, 1));
    let mut h = unclustered_harness(&server, &webhook_channel("http://127.0.0.1:9/hook", "")).await;
    let path = h.config.daemon.state.clone();

    // Read-only: the probe's write is refused.
    let read_only = Arc::new(
        SqliteStore::open_with(SqliteStore::file_options(&path).read_only(true))
            .await
            .expect("open read-only"),
    );
    let (addr, stop) = serve_health(&read_only, &h.config).await;
    let (status, body) = readyz(addr).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("readonly"), "{body}");
    eprintln!("store fault read-only: /readyz {status} {}", body.trim());
    stop.trigger();
    let (addr, stop) = serve_health(&h.store, &h.config).await;
    assert_eq!(readyz(addr).await, (200, "ready\n".to_string()));
    stop.trigger();

    // Full: the probe writes nothing, so only the failed polls tell.
    let mut side = fill_and_cap(&mut h, &path, 16).await;
    let (addr, _stop) = serve_health(&h.store, &h.config).await;
    assert_eq!(readyz(addr).await.0, 200, "nothing failed yet");
    let feed = h.config.feeds[0].clone();
    for attempt in 1..=3 {
        let state = newswatch::store::FeedState::new(&feed.name, &feed.url);
        let error = h.poller.poll_feed(&feed, state).await.expect_err("full");
        assert!(
            error.to_string().contains("full"),
            "attempt {attempt}: {error}"
        );
    }
    let (status, body) = readyz(addr).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("database or disk is full"), "{body}");
    eprintln!("store fault full: /readyz {status} {}", body.trim());

    // Space is freed: the next poll records, and the store is ready again.
    sqlx::query("DELETE FROM filler")
        .execute(&mut side)
        .await
        .expect("free space");
    let state = newswatch::store::FeedState::new(&feed.name, &feed.url);
    h.poller.poll_feed(&feed, state).await.expect("recorded");
    assert_eq!(readyz(addr).await, (200, "ready\n".to_string()));
}
