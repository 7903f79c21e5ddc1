//! Health alerts about newswatch itself, delivered through the outbox: a feed failing past
//! `feed_failing_after`, a feed silent past its `expect_items_within`, a channel whose alerts
//! keep failing. Each stretch of trouble makes exactly one alert and one recovery notice.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::news::{TestWebhook, deliverer};
use common::{Harness, TestServer, free_port, rss, status};
use newswatch::daemon::Clock;
use newswatch::daemon::health::{self, HealthChanges};
use newswatch::store::Store;

fn ops_channel(url: &str) -> String {
    format!("[[channel]]\nname = \"ops\"\ntype = \"webhook\"\nurl = \"{url}\"\n")
}

/// The alerts the receiver got, as JSON.
fn posts(hook: &TestWebhook) -> Vec<serde_json::Value> {
    hook.received()
        .iter()
        .map(|(_, body)| serde_json::from_str(body).expect("json"))
        .collect()
}

async fn deliver(h: &Harness) {
    deliverer(h)
        .drain(Duration::from_secs(10))
        .await
        .expect("drain");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_failing_past_the_threshold_alerts_once_and_recovers_once() {
    let server = TestServer::start().await;
    server.route("/a.xml", |_| status(503, &[]));
    let hook = TestWebhook::start(0, 200).await;
    let h = Harness::new(
        "health_notify = [\"ops\"]\nfeed_failing_after = \"1h\"",
        &format!(
            "[[feed]]\nname = \"a\"\nurl = \"{}\"\n{}",
            server.url("/a.xml"),
            ops_channel(&hook.url)
        ),
    )
    .await;
    let check = || async { health::check(h.store.as_ref(), &h.config, h.clock.now()).await };

    h.poll("a").await;
    assert_eq!(check().await.expect("check"), HealthChanges::default());
    h.clock.advance(Duration::from_secs(2 * 3600));
    h.poll("a").await;
    assert_eq!(check().await.expect("check").opened, 1);
    // Still failing, checked again (as every minute, or after a restart): nothing new.
    h.clock.advance(Duration::from_secs(600));
    h.poll("a").await;
    assert_eq!(check().await.expect("check"), HealthChanges::default());
    let report = newswatch::daemon::status::collect(h.store.as_ref(), &h.config, h.clock.now())
        .await
        .expect("status");
    assert_eq!(report.incidents.len(), 1);
    let table = newswatch::daemon::status::render_table(&report);
    assert!(table.contains("feed-failing a (since"), "{table}");
    deliver(&h).await;
    let raised = posts(&hook);
    assert_eq!(raised.len(), 1, "{raised:?}");
    assert_eq!(raised[0]["rule"], "health:feed-failing");
    assert_eq!(raised[0]["severity"], "high");
    assert_eq!(raised[0]["item"]["feed"], "a");
    let summary = raised[0]["item"]["summary"].as_str().expect("summary");
    assert!(summary.contains("HTTP 503"), "{summary}");

    server.feed("/a.xml", &rss(&[("a1", "Back", Utc::now())]));
    h.clock.advance(Duration::from_secs(3600));
    h.poll("a").await;
    assert_eq!(check().await.expect("check").closed, 1);
    assert_eq!(check().await.expect("check"), HealthChanges::default());
    deliver(&h).await;
    let all = posts(&hook);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1]["severity"], "info");
    assert_eq!(all[1]["item"]["title"], "Feed a polls again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_silent_past_its_expected_period_alerts() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Only item", Utc::now())]));
    let hook = TestWebhook::start(0, 200).await;
    let h = Harness::new(
        "health_notify = [\"ops\"]",
        &format!(
            "[[feed]]\nname = \"a\"\nurl = \"{}\"\nexpect_items_within = \"2d\"\n{}",
            server.url("/a.xml"),
            ops_channel(&hook.url)
        ),
    )
    .await;
    h.poll("a").await;
    let check = || async { health::check(h.store.as_ref(), &h.config, h.clock.now()).await };
    h.clock.advance(Duration::from_secs(24 * 3600));
    assert_eq!(check().await.expect("check").opened, 0);
    h.clock.advance(Duration::from_secs(25 * 3600));
    assert_eq!(check().await.expect("check").opened, 1);
    deliver(&h).await;
    let raised = posts(&hook);
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0]["rule"], "health:feed-silent");

    server.feed(
        "/a.xml",
        &rss(&[("a1", "Only item", Utc::now()), ("a2", "News", Utc::now())]),
    );
    h.poll("a").await;
    assert_eq!(check().await.expect("check").closed, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_channel_is_reported_on_the_other_health_channel_only() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Alibaba and the PLA", Utc::now())]));
    let hook = TestWebhook::start(0, 200).await;
    let down = format!("http://127.0.0.1:{}/hook", free_port());
    let h = Harness::new(
        "health_notify = [\"ops\", \"desk\"]\nchannel_failing_after = \"30m\"",
        &format!(
            "[[feed]]\nname = \"a\"\nurl = \"{}\"\n\
             [[rule]]\nname = \"pla\"\nquery = 'pla'\nnotify = [\"desk\"]\n\
             [[channel]]\nname = \"desk\"\ntype = \"webhook\"\nurl = \"{down}\"\n{}",
            server.url("/a.xml"),
            ops_channel(&hook.url)
        ),
    )
    .await;
    h.poll("a").await;
    deliver(&h).await; // desk is down: the alert fails and waits for a retry
    let check = || async { health::check(h.store.as_ref(), &h.config, h.clock.now()).await };
    assert_eq!(check().await.expect("check").opened, 0);
    h.clock.advance(Duration::from_secs(45 * 60));
    assert_eq!(check().await.expect("check").opened, 1);
    deliver(&h).await;
    let raised = posts(&hook);
    assert_eq!(raised.len(), 1, "{raised:?}");
    assert_eq!(raised[0]["rule"], "health:channel-failing");
    assert_eq!(raised[0]["item"]["feed"], "desk");
    let pending_to_desk = h
        .store
        .outbox_counts(h.clock.now())
        .await
        .expect("counts")
        .into_iter()
        .find(|c| c.channel == "desk")
        .map_or(0, |c| c.pending);
    assert_eq!(pending_to_desk, 1, "only the rule's alert waits for desk");
}

/// Pausing a failing feed ends its incident without a "polls again" notice, which would be
/// untrue, and a paused feed opens none however long it has not been polled.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pausing_a_failing_feed_ends_its_incident_quietly() {
    let server = TestServer::start().await;
    server.route("/a.xml", |_| status(503, &[]));
    let hook = TestWebhook::start(0, 200).await;
    let mut h = Harness::new(
        "health_notify = [\"ops\"]\nfeed_failing_after = \"1h\"",
        &format!(
            "[[feed]]\nname = \"a\"\nurl = \"{}\"\nexpect_items_within = \"1d\"\n{}",
            server.url("/a.xml"),
            ops_channel(&hook.url)
        ),
    )
    .await;
    h.poll("a").await;
    h.clock.advance(Duration::from_secs(2 * 3600));
    h.poll("a").await;
    let changes = health::check(h.store.as_ref(), &h.config, h.clock.now())
        .await
        .expect("check");
    assert_eq!(changes.opened, 1);

    h.config.feeds[0].paused = true;
    let changes = health::check(h.store.as_ref(), &h.config, h.clock.now())
        .await
        .expect("check");
    assert_eq!(
        changes,
        HealthChanges {
            opened: 0,
            closed: 1
        }
    );
    h.clock.advance(Duration::from_secs(7 * 24 * 3600));
    let changes = health::check(h.store.as_ref(), &h.config, h.clock.now())
        .await
        .expect("check");
    assert_eq!(changes, HealthChanges::default());
    deliver(&h).await;
    let titles: Vec<serde_json::Value> = posts(&hook)
        .iter()
        .map(|p| p["item"]["title"].clone())
        .collect();
    assert_eq!(titles.len(), 1, "only the failure was told: {titles:?}");
}
