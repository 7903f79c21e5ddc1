//! The daemon loop on the real clock: feeds are polled on their own schedules, and a shutdown
//! request ends the loop within the grace period even with a poll stuck in flight.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{TestServer, rss, status};
use newswatch::daemon::load_config as load;
use newswatch::daemon::{self, PollSettings, Poller, shutdown_channel};
use newswatch::feed::fetch::{FetchSettings, Fetcher};
use newswatch::store::{SqliteStore, Store};

async fn daemon_parts(
    dir: &std::path::Path,
    feeds: &str,
) -> (
    Arc<newswatch::config::Config>,
    Arc<Poller<SqliteStore>>,
    Arc<SqliteStore>,
) {
    let path = dir.join("newswatch.toml");
    std::fs::write(
        &path,
        format!(
            "[daemon]\nstate = \"s.db\"\ntimeout = \"60s\"\nallow_private_networks = true\n{feeds}"
        ),
    )
    .expect("write config");
    let config = Arc::new(load(&path).expect("valid config"));
    let store = Arc::new(
        SqliteStore::open(&config.daemon.state)
            .await
            .expect("store"),
    );
    let fetcher = Fetcher::new(FetchSettings::from(&config.daemon)).expect("client");
    let poller = Arc::new(Poller::new(
        Arc::clone(&store),
        Arc::new(newswatch::rules::RuleSet::from_config(&config).expect("rules compile")),
        fetcher,
        PollSettings::from(&config.daemon),
    ));
    (config, poller, store)
}

#[tokio::test]
async fn each_feed_is_polled_on_its_own_interval() {
    let server = TestServer::start().await;
    server.feed("/fast.xml", &rss(&[("f", "Fast", Utc::now())]));
    server.feed("/slow.xml", &rss(&[("s", "Slow", Utc::now())]));
    let dir = tempfile::tempdir().expect("temp dir");
    let feeds = format!(
        "[[feed]]\nname = \"fast\"\nurl = \"{}\"\ninterval = \"1s\"\n\
         [[feed]]\nname = \"slow\"\nurl = \"{}\"\ninterval = \"1h\"\n",
        server.url("/fast.xml"),
        server.url("/slow.xml")
    );
    let (config, poller, store) = daemon_parts(dir.path(), &feeds).await;
    let (trigger, shutdown) = shutdown_channel();
    let loop_task = tokio::spawn(daemon::run(poller, config, shutdown));
    // Bounded wait: stop as soon as the fast feed has been polled three times.
    for _ in 0..100 {
        if server.requests("/fast.xml").len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    trigger.trigger();
    loop_task.await.expect("join").expect("clean stop");
    assert!(server.requests("/fast.xml").len() >= 3);
    assert_eq!(server.requests("/slow.xml").len(), 1);
    let slow = store
        .feed_state("slow")
        .await
        .expect("read")
        .expect("state");
    let wait = slow.next_poll_at - slow.last_success_at.expect("polled");
    assert_eq!(wait.num_seconds(), 3600);
}

#[tokio::test]
async fn shutdown_abandons_a_stuck_poll_within_the_grace_period() {
    let server = TestServer::start().await;
    server.route("/stuck.xml", |_| {
        let (_, response) = status(200, &[]);
        (Duration::from_secs(60), response)
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let feeds = format!(
        "[[feed]]\nname = \"stuck\"\nurl = \"{}\"\n",
        server.url("/stuck.xml")
    );
    let (config, poller, store) = daemon_parts(dir.path(), &feeds).await;
    let (trigger, shutdown) = shutdown_channel();
    let loop_task = tokio::spawn(daemon::run(poller, config, shutdown));
    for _ in 0..50 {
        if !server.requests("/stuck.xml").is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let asked = Instant::now();
    trigger.trigger();
    loop_task.await.expect("join").expect("clean stop");
    let took = asked.elapsed();
    assert!(
        took < daemon::scheduler::SHUTDOWN_GRACE + Duration::from_secs(2),
        "{took:?}"
    );
    let state = store
        .feed_state("stuck")
        .await
        .expect("read")
        .expect("synced");
    assert_eq!(
        state.last_attempt_at, None,
        "the abandoned poll must leave no trace"
    );
}
