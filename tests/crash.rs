//! A poll cut short (its task dropped, or the whole process killed with SIGKILL) leaves the
//! store as it was before that poll: never items without their feed state, never half a poll.

mod common;

use std::sync::Arc;

use chrono::Utc;
use common::{Cli, TestServer, rss};
use newswatch::feed::Item;
use newswatch::store::{FeedState, PolledItem, SqliteStore, Store};

fn items(feed: &str, n: usize) -> Vec<Item> {
    (0..n)
        .map(|i| Item {
            feed: feed.to_string(),
            entry_id: format!("{feed}-{i}"),
            title: format!("Item {i}"),
            link: Some(format!("https://news.example.net/{feed}/{i}")),
            canonical_link: Some(format!("https://news.example.net/{feed}/{i}")),
            published: Some(Utc::now()),
            ..Default::default()
        })
        .collect()
}

async fn count_items(store: &SqliteStore, feed: &str) -> u64 {
    store
        .feed_summaries()
        .await
        .expect("summaries")
        .into_iter()
        .find(|s| s.state.name == feed)
        .map_or(0, |s| s.items_seen)
}

#[tokio::test]
async fn dropping_a_poll_before_commit_leaves_no_trace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(
        SqliteStore::open(&dir.path().join("s.db"))
            .await
            .expect("open"),
    );
    const N: usize = 1000;
    let record = |feed: String| {
        let store = Arc::clone(&store);
        let batch = items(&feed, N);
        async move {
            let mut state = FeedState::new(&feed, "https://news.example.net/feed");
            state.last_success_at = Some(Utc::now());
            let polled: Vec<PolledItem<'_>> = batch
                .iter()
                .map(|item| PolledItem {
                    item,
                    alertable: true,
                    matches: &[],
                    alerts: &[],
                    stories: &[],
                })
                .collect();
            store.record_poll(&state, &polled, Utc::now()).await
        }
    };
    // How long a whole poll takes on this machine and build, to cut the others inside it.
    let started = std::time::Instant::now();
    record("warm-up".to_string()).await.expect("uncut poll");
    let whole = started.elapsed();
    let mut outcomes = (0, 0);
    // Bounded: a loaded machine slows the later polls, so keep lengthening the cut until both
    // endings have been seen.
    for round in 0..40u32 {
        if round >= 12 && outcomes.0 > 0 && outcomes.1 > 0 {
            break;
        }
        let feed = format!("f{round}");
        let task = tokio::spawn(record(feed.clone()));
        // Cut the poll at a different point each round, from "at once" to "surely done".
        tokio::time::sleep(whole * round / 8).await;
        task.abort();
        let _ = task.await;
        let stored = count_items(&store, &feed).await;
        let state = store.feed_state(&feed).await.expect("read");
        match state {
            Some(state) => {
                assert_eq!(
                    stored, N as u64,
                    "round {round}: state without all its items"
                );
                assert!(state.last_success_at.is_some());
                outcomes.1 += 1;
            }
            None => {
                assert_eq!(stored, 0, "round {round}: items without their feed state");
                outcomes.0 += 1;
            }
        }
    }
    // Both endings must have happened, or the test proved nothing about the cut.
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}

// Multi-threaded: the test server must keep answering while this thread waits on processes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_daemon_mid_poll_leaves_the_store_consistent() {
    let server = TestServer::start().await;
    // As many entries as one document may bring (`MAX_ITEMS_PER_FEED`), for long polls.
    const N: usize = newswatch::feed::parse::MAX_ITEMS_PER_FEED;
    let now = Utc::now();
    let mut config = String::from(
        "[daemon]\nstate = \"s.db\"\nconcurrency = 4\nallow_private_networks = true\n",
    );
    for f in 0..4 {
        let entries: Vec<(String, String)> = (0..N)
            .map(|i| (format!("f{f}-{i}"), format!("Story {i} of feed {f}")))
            .collect();
        let refs: Vec<(&str, &str, chrono::DateTime<Utc>)> = entries
            .iter()
            .map(|(g, t)| (g.as_str(), t.as_str(), now))
            .collect();
        let path = format!("/f{f}.xml");
        server.feed(&path, &rss(&refs));
        config += &format!(
            "[[feed]]\nname = \"f{f}\"\nurl = \"{}\"\n",
            server.url(&path)
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let config_path = dir.path().join("newswatch.toml");
    std::fs::write(&config_path, config).expect("write config");
    let binary = assert_cmd::cargo::cargo_bin("newswatch");
    let config_arg = config_path.to_str().expect("utf-8");

    // How long a whole cycle takes on this machine and build, to kill the others inside it.
    let started = std::time::Instant::now();
    let once = tokio::task::spawn_blocking({
        let config_arg = config_arg.to_string();
        move || {
            Cli::new(["-c", &config_arg, "run", "--once"])
                .env("RUST_LOG", "error")
                .run()
        }
    })
    .await
    .expect("join");
    once.success();
    let whole = started.elapsed();

    let mut completed_feeds = 0;
    for round in 0..6u32 {
        std::fs::remove_file(dir.path().join("s.db")).ok();
        std::fs::remove_file(dir.path().join("s.db-wal")).ok();
        std::fs::remove_file(dir.path().join("s.db-shm")).ok();
        let mut child = std::process::Command::new(&binary)
            .args(["-c", config_arg, "run"])
            .env("RUST_LOG", "error")
            .spawn()
            .expect("start daemon");
        tokio::time::sleep(whole * (round + 1) / 5).await;
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");

        let store = SqliteStore::open(&dir.path().join("s.db"))
            .await
            .expect("reopen");
        for f in 0..4 {
            let name = format!("f{f}");
            let stored = count_items(&store, &name).await;
            let polled = store
                .feed_state(&name)
                .await
                .expect("read")
                .and_then(|s| s.last_success_at)
                .is_some();
            assert!(
                (polled && stored == N as u64) || (!polled && stored == 0),
                "round {round}, feed {name}: polled={polled} but {stored} items"
            );
            completed_feeds += usize::from(polled);
        }
    }
    assert!(
        completed_feeds > 0,
        "no poll ever completed; the kill came too early every time"
    );
}
