//! Several nodes sharing one PostgreSQL database (a schema of its own on the test server):
//! real `newswatch run` processes against a local HTTP feed server that logs every request,
//! and nodes' pollers racing for one feed. Built with the `postgres-tests` feature only.
#![cfg(feature = "postgres-tests")]

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::Utc;
use common::postgres::TestSchema;
use common::{TestServer, rss};
use newswatch::daemon::scheduler::FEED_LEASE;
use newswatch::daemon::{PollSettings, Poller};
use newswatch::feed::fetch::{FetchSettings, Fetcher};
use newswatch::store::{PostgresStore, Store, StoreError};
use sqlx::Connection;

/// A `newswatch run` process, killed if the test fails half-way.
struct Node(Child);

impl Node {
    fn start(config: &Path, log: &Path) -> Node {
        let log = std::fs::File::create(log).expect("log file");
        let child = Command::new(assert_cmd::cargo::cargo_bin("newswatch"))
            .args(["-c", config.to_str().expect("utf-8"), "run"])
            .env_remove("NEWSWATCH_CONFIG")
            .env("RUST_LOG", "newswatch=info")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start newswatch run");
        Node(child)
    }

    /// SIGTERM, then the exit code (waited for, bounded).
    async fn stop(&mut self) -> Option<i32> {
        // SAFETY: kill(2) on our own child's pid, which it stays until we reap it.
        unsafe { libc::kill(self.0.id() as libc::pid_t, libc::SIGTERM) };
        for _ in 0..300 {
            if let Some(status) = self.0.try_wait().expect("wait") {
                return status.code();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("newswatch still running 15 s after SIGTERM");
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A node's config: the same feeds for every node, its own User-Agent to tell its requests.
fn node_config(dir: &Path, node: &str, store: &str, feeds: &str) -> PathBuf {
    let path = dir.join(format!("{node}.toml"));
    let text = format!(
        "[daemon]\nstore = \"{store}\"\ninterval = \"1h\"\nconcurrency = 4\n\
         allow_private_networks = true\nuser_agent = \"newswatch-{node}\"\n{feeds}"
    );
    std::fs::write(&path, text).expect("write config");
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_on_one_database_poll_each_due_feed_once() {
    const FEEDS: usize = 40;
    let server = TestServer::start().await;
    let mut feeds = String::new();
    for n in 0..FEEDS {
        let path = format!("/f{n:02}.xml");
        let body = rss(&[(&format!("item-{n}"), &format!("Story {n}"), Utc::now())]);
        // A slow server, as on the internet: both nodes are busy at once.
        server.route(&path, move |_| {
            let response = axum::response::Response::builder()
                .header("content-type", "application/rss+xml")
                .body(axum::body::Body::from(body.clone()))
                .expect("valid response");
            (Duration::from_millis(200), response)
        });
        feeds.push_str(&format!(
            "[[feed]]\nname = \"f{n:02}\"\nurl = \"{}\"\n",
            server.url(&path)
        ));
    }
    let schema = TestSchema::create().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut nodes: Vec<Node> = ["a", "b"]
        .iter()
        .map(|node| {
            let config = node_config(dir.path(), node, &schema.url(), &feeds);
            Node::start(&config, &dir.path().join(format!("{node}.log")))
        })
        .collect();

    // Until every feed has been polled once (bounded: 60 s).
    let mut conn = sqlx::PgConnection::connect_with(&schema.options())
        .await
        .expect("connect");
    let mut polled = 0;
    for _ in 0..600 {
        // Before the nodes have migrated the schema there is no table to read.
        polled = sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap_or(0);
        if polled == FEEDS as i64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let logs = || {
        ["a", "b"]
            .map(|node| {
                std::fs::read_to_string(dir.path().join(format!("{node}.log"))).unwrap_or_default()
            })
            .join("\n---\n")
    };
    assert_eq!(polled, FEEDS as i64, "{}", logs());
    for node in &mut nodes {
        assert_eq!(node.stop().await, Some(0), "{}", logs());
    }

    let mut by_node = [0usize; 2];
    for n in 0..FEEDS {
        let requests = server.requests(&format!("/f{n:02}.xml"));
        assert_eq!(
            requests.len(),
            1,
            "feed f{n:02} was fetched {} times: each due poll belongs to one node\n{}",
            requests.len(),
            logs()
        );
        let agent = requests[0]
            .headers
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        match agent {
            "newswatch-a" => by_node[0] += 1,
            "newswatch-b" => by_node[1] += 1,
            other => panic!("a request from {other:?}"),
        }
    }
    eprintln!(
        "feeds polled by node a: {}, by node b: {}",
        by_node[0], by_node[1]
    );
    assert!(
        by_node.iter().all(|&n| n > 0),
        "both nodes share the work: {by_node:?}"
    );
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM items")
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(items, FEEDS as i64);
}

/// A poller of its own on `store`, as a node has, on `clock`.
fn node_poller(
    config: &newswatch::config::Config,
    store: &Arc<PostgresStore>,
    clock: &Arc<common::ManualClock>,
) -> Poller<PostgresStore> {
    let fetcher = Fetcher::new(FetchSettings::from(&config.daemon)).expect("client");
    let rules = newswatch::rules::RuleSet::from_config(config).expect("rules compile");
    Poller::new(
        Arc::clone(store),
        Arc::new(rules),
        fetcher,
        PollSettings::from(&config.daemon),
    )
    .with_clock(clock.clone(), 7)
}

#[tokio::test]
async fn a_node_paused_past_its_claim_has_its_late_result_refused() {
    let server = TestServer::start().await;
    // Each fetch sees a document with an item of its own: which poll was recorded shows.
    let fetches = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&fetches);
    server.route("/wire.xml", move |_| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let body = rss(&[(&format!("fetch-{n}"), "Memo names Alibaba", Utc::now())]);
        let response = axum::response::Response::builder()
            .header("content-type", "application/rss+xml")
            .body(axum::body::Body::from(body))
            .expect("valid response");
        (Duration::ZERO, response)
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = TestSchema::create().await;
    let path = dir.path().join("newswatch.toml");
    std::fs::write(
        &path,
        format!(
            "[daemon]\nstore = \"{}\"\nallow_private_networks = true\n\
             [[feed]]\nname = \"wire\"\nurl = \"{}\"\n",
            schema.url(),
            server.url("/wire.xml")
        ),
    )
    .expect("write config");
    let config = newswatch::daemon::load_config(&path).expect("config");
    let store = Arc::new(
        PostgresStore::open_with(schema.options())
            .await
            .expect("open"),
    );
    store
        .sync_feeds(&[("wire".into(), server.url("/wire.xml"))])
        .await
        .expect("sync");
    let start = Utc::now();
    let clock = common::ManualClock::new(start);
    let (paused, live) = (
        node_poller(&config, &store, &clock),
        node_poller(&config, &store, &clock),
    );
    let feed = &config.feeds[0];

    // Node A claims the feed, then stops (SIGSTOP, a VM freeze) before its poll is recorded.
    let stale = store
        .claim_feed("wire", "node-a", start, FEED_LEASE)
        .await
        .expect("claim")
        .expect("due at once");
    // Its claim runs out; node B claims the feed and polls it.
    let later = start
        + chrono::Duration::from_std(FEED_LEASE).expect("lease")
        + chrono::Duration::seconds(1);
    let fresh = store
        .claim_feed("wire", "node-b", later, FEED_LEASE)
        .await
        .expect("claim")
        .expect("node A's claim ran out");
    live.poll_feed(feed, fresh)
        .await
        .expect("node B records its poll");
    // Node A resumes and finishes its poll: refused, nothing of it written.
    let late = paused.poll_feed(feed, stale).await;
    assert!(
        matches!(late, Err(StoreError::ClaimLost { .. })),
        "{late:?}"
    );
    assert_eq!(fetches.load(Ordering::SeqCst), 2, "both fetched");
    let known = store
        .known_entries("wire", &["fetch-0", "fetch-1"])
        .await
        .expect("known");
    assert_eq!(
        known,
        HashSet::from(["fetch-0".to_string()]),
        "only node B's poll is recorded"
    );
}
