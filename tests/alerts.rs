//! Alerts end to end against real receivers on loopback: an SMTP server, a webhook receiver and
//! a Maildir folder. Matches become outbox entries in the poll's transaction; the worker
//! delivers them exactly once across outages, marks permanent failures dead, and replays them.

mod common;

use std::time::Duration;

use base64::Engine;
use chrono::Utc;
use common::news::{
    RULE, TestWebhook, deliverer, drain, feed, news_harness, news_server, outbox, smtp_channel,
    unclustered_harness, verify, webhook_channel,
};
use common::{Harness, SmtpServer, TestServer, free_port, rss, run_cli};
use mail_parser::MimeHeaders;
use newswatch::daemon::deliver::DeliverySettings;
use newswatch::daemon::{Clock, PollOutcome};
use newswatch::store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_delivers_multipart_alternative_with_the_contract_headers() {
    let server = news_server().await;
    let smtp = SmtpServer::start(0, false);
    let h = news_harness("", &server, &smtp_channel(smtp.port)).await;
    assert!(matches!(
        h.poll("news").await.outcome,
        PollOutcome::Changed { matches: 2, .. }
    ));
    assert_eq!(outbox(&h).await, (2, 0, 0));

    let totals = drain(&h).await;
    assert_eq!(totals.delivered, 2);
    assert_eq!(outbox(&h).await, (0, 2, 0));

    let messages = smtp.messages();
    assert_eq!(
        messages.len(),
        2,
        "one message per alert, both recipients in its envelope"
    );
    let raw = messages
        .iter()
        .find(|m| String::from_utf8_lossy(m).contains("Pentagon"))
        .expect("the PLA alert");
    let parsed = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parses");
    assert_eq!(
        parsed.subject(),
        Some(
            "[newswatch] HIGH alibaba-pla: Pentagon says Alibaba aided the PLA <script>x()</script>"
        )
    );
    let header = |name: &str| parsed.header_raw(name).map(str::trim).map(str::to_string);
    assert_eq!(header("X-Newswatch-Rule").as_deref(), Some("alibaba-pla"));
    assert_eq!(header("X-Newswatch-Severity").as_deref(), Some("high"));
    assert_eq!(
        header("List-Id").as_deref(),
        Some("newswatch out <out.newswatch.localhost>")
    );
    assert!(parsed.date().is_some());
    let message_id = parsed.message_id().expect("Message-ID");
    assert!(message_id.ends_with("@newswatch"), "{message_id}");
    assert_eq!(parsed.to().map(|to| to.iter().count()), Some(2));
    let content_type = parsed.content_type().expect("content type");
    assert_eq!(content_type.ctype(), "multipart");
    assert_eq!(content_type.subtype(), Some("alternative"));
    let text = parsed.body_text(0).expect("text part");
    assert!(
        text.contains("[Alibaba]") && text.contains("[PLA]"),
        "{text}"
    );
    let html = parsed.body_html(0).expect("html part");
    assert!(html.contains("<mark>Alibaba</mark>"), "{html}");
    assert!(
        !html.contains("<script>"),
        "item markup reached the email: {html}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_outage_keeps_alerts_pending_then_each_arrives_exactly_once() {
    let server = news_server().await;
    let port = free_port();
    let h = news_harness("", &server, &smtp_channel(port)).await;
    h.poll("news").await;
    let worker = deliverer(&h);
    let down = worker.drain(Duration::from_secs(20)).await.expect("drain");
    assert_eq!((down.delivered, down.retrying), (0, 2));
    assert_eq!(outbox(&h).await, (2, 0, 0));

    let smtp = SmtpServer::start(port, false);
    // Not due yet: nothing is sent before the retry time.
    assert_eq!(
        worker
            .drain(Duration::from_secs(5))
            .await
            .expect("drain")
            .delivered,
        0
    );
    h.clock.advance(Duration::from_secs(120));
    let up = worker.drain(Duration::from_secs(20)).await.expect("drain");
    assert_eq!(up.delivered, 2);
    h.clock.advance(Duration::from_secs(3600));
    assert_eq!(
        worker
            .drain(Duration::from_secs(5))
            .await
            .expect("drain")
            .delivered,
        0
    );
    assert_eq!(smtp.messages().len(), 2);
    assert_eq!(outbox(&h).await, (0, 2, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_550_is_dead_at_once_and_replay_sends_it_after_the_fix() {
    let server = news_server().await;
    let rejecting = SmtpServer::start(0, true);
    let h = news_harness("", &server, &smtp_channel(rejecting.port)).await;
    h.poll("news").await;
    let totals = drain(&h).await;
    assert_eq!(totals.dead, 2);
    assert_eq!(outbox(&h).await, (0, 0, 2));

    let replayed = h
        .store
        .replay(
            &newswatch::store::ReplayFilter {
                delivered: false,
                channel: Some("out"),
                since: None,
                alert: None,
            },
            false,
            h.clock.now(),
        )
        .await
        .expect("replay");
    assert_eq!(replayed.len(), 2);
    assert_eq!(outbox(&h).await, (2, 0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_json_is_signed_per_standard_webhooks() {
    let server = news_server().await;
    let hook = TestWebhook::start(0, 200).await;
    let dir = tempfile::tempdir().expect("dir");
    let key = b"0123456789abcdef0123456789abcdef";
    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    );
    std::fs::write(dir.path().join("hook-secret"), &secret).expect("secret");
    let channel = format!(
        "[[channel]]\nname = \"out\"\ntype = \"webhook\"\nurl = \"{}\"\nformat = \"json\"\nsecret_file = \"{}\"\n",
        hook.url,
        dir.path().join("hook-secret").display()
    );
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    assert_eq!(drain(&h).await.delivered, 2);

    let received = hook.received();
    assert_eq!(received.len(), 2);
    for (headers, body) in &received {
        let id = headers["webhook-id"].to_str().expect("ascii");
        let timestamp = headers["webhook-timestamp"].to_str().expect("ascii");
        let signature = headers["webhook-signature"].to_str().expect("ascii");
        assert!(
            verify(key, id, timestamp, body, signature),
            "valid signature rejected"
        );
        let tampered = body.replace("alibaba-pla", "alibaba-pl4");
        assert!(
            !verify(key, id, timestamp, &tampered, signature),
            "tampered body accepted"
        );
        let alert: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!(alert["type"], "newswatch.alert.v1");
        assert_eq!(alert["id"], id);
        assert_eq!(alert["rule"], "alibaba-pla");
        assert_eq!(alert["severity"], "high");
        assert_eq!(alert["item"]["feed"], "news");
        assert!(alert["matches"].as_array().is_some_and(|m| !m.is_empty()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_503_with_retry_after_then_200_delivers_each_alert_once() {
    let server = news_server().await;
    let hook = TestWebhook::start(2, 503).await;
    let channel = webhook_channel(&hook.url, "");
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let worker = deliverer(&h);
    let first = worker.drain(Duration::from_secs(20)).await.expect("drain");
    assert_eq!((first.delivered, first.retrying), (0, 2));
    h.clock.advance(Duration::from_secs(30));
    assert_eq!(
        worker
            .drain(Duration::from_secs(5))
            .await
            .expect("drain")
            .delivered,
        0,
        "Retry-After: 60 not yet passed"
    );
    h.clock.advance(Duration::from_secs(40));
    assert_eq!(
        worker
            .drain(Duration::from_secs(20))
            .await
            .expect("drain")
            .delivered,
        2
    );
    let ids: std::collections::HashSet<String> = hook
        .received()
        .iter()
        .map(|(headers, _)| headers["webhook-id"].to_str().expect("ascii").to_string())
        .collect();
    assert_eq!((hook.received().len(), ids.len()), (2, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_400_is_dead_at_once_and_shows_in_status() {
    let server = news_server().await;
    let hook = TestWebhook::start(usize::MAX, 400).await;
    let channel = webhook_channel(&hook.url, "");
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let totals = drain(&h).await;
    assert_eq!((totals.delivered, totals.dead), (0, 2));
    let report = newswatch::daemon::status::collect(h.store.as_ref(), &h.config, Utc::now())
        .await
        .expect("status");
    assert_eq!(report.outbox[0].dead, 2);
}

#[tokio::test]
async fn the_same_article_through_two_feeds_alerts_once() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/a.xml",
        &rss(&[("a1", "Alibaba aided PLA, memo says", now)]),
    );
    server.feed(
        "/b.xml",
        &rss(&[("a1", "Alibaba aided PLA, memo says", now)]).replace(
            "<guid isPermaLink=\"false\">a1",
            "<guid isPermaLink=\"false\">wire-copy",
        ),
    );
    let dir = tempfile::tempdir().expect("dir");
    let channel = format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"n@test.example\"\nto = [\"d@test.example\"]\n\
         transport = \"maildir\"\ndir = \"{}\"\n",
        dir.path().join("mail").display()
    );
    let feeds = feed("a", &server.url("/a.xml")) + &feed("b", &server.url("/b.xml"));
    let h = Harness::new("", &format!("{feeds}{RULE}{channel}")).await;
    h.poll("a").await;
    h.poll("b").await;
    assert_eq!(outbox(&h).await, (1, 0, 0));
    assert_eq!(
        deliverer(&h)
            .drain(Duration::from_secs(10))
            .await
            .expect("drain")
            .delivered,
        1
    );
    let delivered: Vec<_> = std::fs::read_dir(dir.path().join("mail/new"))
        .expect("maildir")
        .collect();
    assert_eq!(delivered.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn send_test_and_replay_from_the_command_line() {
    let server = news_server().await;
    let hook = TestWebhook::start(2, 400).await;
    let channel = webhook_channel(&hook.url, "");
    let h = news_harness("", &server, &channel).await;
    let config = h.dir.path().join("newswatch.toml").display().to_string();
    let run = |args: &[&str]| {
        let args: Vec<String> = ["-c", &config]
            .iter()
            .chain(args)
            .map(|a| a.to_string())
            .collect();
        tokio::task::spawn_blocking(move || run_cli(args))
    };

    // Both alerts die on the 400s; the sample alert then goes through.
    let once = run(&["run", "--once"]).await.expect("join");
    let summary = &once.stdout;
    assert!(
        summary.contains("alerts: 0 delivered, 0 retrying, 2 dead"),
        "{summary}"
    );
    let sent = run(&["send-test", "out"]).await.expect("join");
    assert_eq!(sent.success().trim(), "out: delivered: HTTP 200");
    let unknown = run(&["send-test", "nope"]).await.expect("join");
    unknown.code(2);

    // A replay needs a scope; a dry run lists and changes nothing.
    let unscoped = run(&["replay"]).await.expect("join");
    let stderr = unscoped.code(2);
    assert!(stderr.contains("--dead"), "{stderr}");
    let dry = run(&["replay", "--dead", "--dry-run"]).await.expect("join");
    let listed = &dry.stdout;
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 3, "{listed}");
    assert!(lines[..2].iter().all(|l| l.contains(" dead ")), "{listed}");
    assert_eq!(
        lines[2],
        "would queue 2 dead alerts again (dry run: nothing changed)"
    );

    // The receiver is fixed now: replay the dead alerts and deliver them.
    let replay = run(&["replay", "--dead"]).await.expect("join");
    assert_eq!(
        replay.stdout.lines().next(),
        Some("queued 2 dead alerts again; the running daemon (or the next run) delivers them")
    );
    let again = run(&["run", "--once"]).await.expect("join");
    let summary = &again.stdout;
    assert!(
        summary.contains("alerts: 2 delivered, 0 retrying, 0 dead"),
        "{summary}"
    );
    assert_eq!(hook.received().len(), 3);

    // One alert by its id, delivered this time; an unknown id is an error, not "queued 0".
    let (_, body) = hook.received().last().cloned().expect("a post");
    let id = serde_json::from_str::<serde_json::Value>(&body).expect("json")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let one = run(&["replay", "--alert", &id, "--dry-run"])
        .await
        .expect("join");
    let listed = &one.stdout;
    assert!(
        listed.contains(&id) && listed.contains(" delivered "),
        "{listed}"
    );
    assert!(listed.ends_with("would queue 1 alert again (dry run: nothing changed)\n"));
    let unknown = run(&["replay", "--alert", "0123456789abcdef"])
        .await
        .expect("join");
    assert!(unknown.code(1).contains("no delivered or dead alert"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daemon_killed_mid_delivery_loses_no_alert() {
    const N: usize = 120;
    let server = TestServer::start().await;
    let now = Utc::now();
    let titles: Vec<(String, String)> = (0..N)
        .map(|i| (format!("n{i}"), format!("Alibaba and the PLA, report {i}")))
        .collect();
    let items: Vec<(&str, &str, chrono::DateTime<Utc>)> = titles
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    server.feed("/news.xml", &rss(&items));
    let hook = TestWebhook::start_slow(0, 200, Duration::from_millis(20)).await;
    let channel = webhook_channel(&hook.url, "");
    let h = unclustered_harness(&server, &channel).await;
    let config = h.dir.path().join("newswatch.toml");

    let mut daemon = std::process::Command::new(assert_cmd::cargo::cargo_bin("newswatch"))
        .args(["-c", config.to_str().expect("utf-8"), "run"])
        .env("RUST_LOG", "error")
        .spawn()
        .expect("start daemon");
    // Bounded wait until deliveries are under way, then kill in the middle of them.
    for _ in 0..300 {
        if hook.received().len() >= N / 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    daemon.kill().expect("SIGKILL");
    daemon.wait().expect("reap");
    let before_restart = hook.received().len();
    assert!(
        before_restart > 0 && before_restart < N,
        "kill landed outside the deliveries: {before_restart}"
    );

    // Restart on the same state, after the dead process's leases have run out.
    h.clock.advance(Duration::from_secs(600));
    let totals = deliverer(&h)
        .drain(Duration::from_secs(60))
        .await
        .expect("drain");
    assert_eq!(outbox(&h).await, (0, N as u64, 0));
    let received = hook.received();
    let ids: std::collections::HashSet<String> = received
        .iter()
        .map(|(headers, _)| headers["webhook-id"].to_str().expect("ascii").to_string())
        .collect();
    assert_eq!(ids.len(), N, "every alert arrived");
    let duplicates = received.len() - ids.len();
    assert!(
        duplicates <= DeliverySettings::default().batch,
        "{duplicates} duplicates: more than the one batch in flight at the kill"
    );
    assert!(totals.delivered > 0);
}

/// Issue 20, point 10: on one node a restart knows which claims belong to a process that is
/// gone, and sends their alerts at once instead of after the lease.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_sends_at_once_what_a_killed_daemon_had_claimed() {
    const N: usize = 60;
    let server = TestServer::start().await;
    let now = Utc::now();
    let titles: Vec<(String, String)> = (0..N)
        .map(|i| (format!("n{i}"), format!("Alibaba and the PLA, report {i}")))
        .collect();
    let items: Vec<(&str, &str, chrono::DateTime<Utc>)> = titles
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    server.feed("/news.xml", &rss(&items));
    let hook = TestWebhook::start_slow(0, 200, Duration::from_millis(20)).await;
    let channel = webhook_channel(&hook.url, "");
    let h = unclustered_harness(&server, &channel).await;
    let config = h.dir.path().join("newswatch.toml").display().to_string();

    let mut daemon = std::process::Command::new(assert_cmd::cargo::cargo_bin("newswatch"))
        .args(["-c", &config, "run"])
        .env("RUST_LOG", "error")
        .spawn()
        .expect("start daemon");
    // Bounded wait until deliveries are under way, then kill while a batch is claimed.
    for _ in 0..300 {
        if hook.received().len() >= N / 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    daemon.kill().expect("SIGKILL");
    daemon.wait().expect("reap");
    let counts = h.store.outbox_counts(Utc::now()).await.expect("counts");
    let leased: u64 = counts.iter().map(|c| c.leased).sum();
    assert!(leased > 0, "the kill landed between batches: {counts:?}");

    // The real clock: the dead process's leases (120 s) are far from over.
    let once = tokio::task::spawn_blocking(move || run_cli(["-c", &config, "run", "--once"]))
        .await
        .expect("join");
    let stdout = once.success();
    assert!(
        once.stderr
            .contains("released the outbox and feed claims of a newswatch process that is gone"),
        "{}",
        once.stderr
    );
    assert!(!stdout.contains("still queued"), "{stdout}");
    assert!(!stdout.contains("another newswatch process"), "{stdout}");
    let counts = h.store.outbox_counts(Utc::now()).await.expect("counts");
    let (pending, delivered): (u64, u64) = counts
        .iter()
        .fold((0, 0), |(p, d), c| (p + c.pending, d + c.delivered));
    assert_eq!((pending, delivered), (0, N as u64), "{stdout}");
    let ids: std::collections::HashSet<String> = hook
        .received()
        .iter()
        .map(|(headers, _)| headers["webhook-id"].to_str().expect("ascii").to_string())
        .collect();
    assert_eq!(ids.len(), N, "every alert arrived");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_posts_are_paced_and_none_is_lost() {
    const N: usize = 12;
    let server = TestServer::start().await;
    let now = Utc::now();
    let titles: Vec<(String, String)> = (0..N)
        .map(|i| {
            (
                format!("d{i}"),
                format!("Alibaba military ties, update {i}"),
            )
        })
        .collect();
    let items: Vec<(&str, &str, chrono::DateTime<Utc>)> = titles
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str(), now))
        .collect();
    server.feed("/news.xml", &rss(&items));
    let hook = TestWebhook::start(0, 200).await;
    let channel = webhook_channel(&hook.url, "format = \"discord\"\n");
    let h = unclustered_harness(&server, &channel).await;
    h.poll("news").await;
    let started = std::time::Instant::now();
    let totals = deliverer(&h)
        .drain(Duration::from_secs(30))
        .await
        .expect("drain");
    let took = started.elapsed();
    assert_eq!(totals.delivered, N);
    // Five posts per two seconds: N posts need at least (N - 1) x 400 ms.
    assert!(
        took >= Duration::from_millis(400) * (N as u32 - 1),
        "{took:?}"
    );
    let received = hook.received();
    assert_eq!(received.len(), N);
    let body: serde_json::Value = serde_json::from_str(&received[0].1).expect("json");
    assert!(
        body["embeds"][0]["title"]
            .as_str()
            .is_some_and(|t| t.contains("Alibaba")),
        "{body}"
    );
}

/// A self-signed certificate for 127.0.0.1, its key, and a password file, in `dir`.
fn smtp_secrets(dir: &tempfile::TempDir) -> (std::path::PathBuf, std::path::PathBuf) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("cert");
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, certified.cert.pem()).expect("write cert");
    std::fs::write(&key, certified.signing_key.serialize_pem()).expect("write key");
    std::fs::write(dir.path().join("smtp-password"), "s3cret\n").expect("write password");
    (cert, key)
}

/// Alerts reach `smtp` over `tls` with AUTH; with a wrong password they do not.
async fn delivers_with_auth_only(smtp: &SmtpServer, tls: &str, dir: &tempfile::TempDir) {
    let server = news_server().await;
    let channel = format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"n@test.example\"\nto = [\"d@test.example\"]\n\
         transport = \"smtp\"\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {}\ntls = \"{tls}\"\n\
         username = \"newswatch\"\npassword_file = \"{}\"\ntls_ca_file = \"{}\"\n",
        smtp.port,
        dir.path().join("smtp-password").display(),
        dir.path().join("cert.pem").display()
    );
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let totals = drain(&h).await;
    assert_eq!((totals.delivered, totals.retrying, totals.dead), (2, 0, 0));
    let messages = smtp.messages();
    assert_eq!(messages.len(), 2);
    let parsed = mail_parser::MessageParser::default()
        .parse(&messages[0])
        .expect("parses");
    assert!(parsed.body_html(0).is_some() && parsed.body_text(0).is_some());

    // A wrong password is refused by the server: the alerts do not arrive.
    std::fs::write(dir.path().join("smtp-password"), "wrong\n").expect("write password");
    let h2 = news_harness("", &server, &channel).await;
    h2.poll("news").await;
    let refused = drain(&h2).await;
    assert_eq!(refused.delivered, 0);
    assert_eq!(smtp.messages().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_over_starttls_with_auth() {
    let dir = tempfile::tempdir().expect("dir");
    let (cert, key) = smtp_secrets(&dir);
    let smtp = SmtpServer::start_secure((&cert, &key), ("newswatch", "s3cret"));
    delivers_with_auth_only(&smtp, "starttls", &dir).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_over_implicit_tls_with_auth() {
    let dir = tempfile::tempdir().expect("dir");
    let (cert, key) = smtp_secrets(&dir);
    let smtp = SmtpServer::start_implicit_tls((&cert, &key), ("newswatch", "s3cret"));
    delivers_with_auth_only(&smtp, "tls", &dir).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transient_failures_past_the_give_up_age_are_dead() {
    let server = news_server().await;
    let hook = TestWebhook::start(usize::MAX, 503).await;
    let channel = webhook_channel(&hook.url, "");
    let h = news_harness("alert_give_up = \"2h\"", &server, &channel).await;
    assert_eq!(h.config.daemon.alert_give_up, Duration::from_secs(7200));
    h.poll("news").await;
    let worker = deliverer(&h);
    // Bounded: retries until the alerts are past the give-up age, an hour of clock at a time.
    for _ in 0..4 {
        worker.drain(Duration::from_secs(10)).await.expect("drain");
        h.clock.advance(Duration::from_secs(3600));
    }
    assert_eq!(outbox(&h).await, (0, 0, 2));
    assert!(hook.received().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_channels_send_their_own_headers() {
    let server = news_server().await;
    let hook = TestWebhook::start(0, 200).await;
    let channel = webhook_channel(
        &hook.url,
        "headers = { \"Authorization\" = \"Bearer t0ken\", \"X-Team\" = \"desk\" }\n",
    );
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    assert_eq!(drain(&h).await.delivered, 2);
    for (headers, _) in hook.received() {
        assert_eq!(headers["authorization"], "Bearer t0ken");
        assert_eq!(headers["x-team"], "desk");
        assert!(headers.contains_key("webhook-id"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drain_past_its_limit_records_what_the_receiver_accepted() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/news.xml",
        &rss(&[
            ("a", "Alibaba and the PLA, first", now),
            ("b", "Alibaba and the PLA, second", now),
            ("c", "Alibaba and the PLA, third", now),
        ]),
    );
    let hook = TestWebhook::start_slow(0, 200, Duration::from_millis(300)).await;
    let h = unclustered_harness(&server, &webhook_channel(&hook.url, "")).await;
    h.poll("news").await;
    // The limit passes while the first posts are in flight: they finish and are recorded,
    // so nothing the receiver took is left claimed for a later run to send again.
    let totals = deliverer(&h)
        .drain(Duration::from_millis(50))
        .await
        .expect("drain");
    let received = hook.received().len();
    assert!(received >= 1, "the first batch went out");
    assert_eq!(totals.delivered, received);
    let (pending, delivered, dead) = outbox(&h).await;
    assert_eq!((delivered, dead), (received as u64, 0));
    assert_eq!(pending, 3 - received as u64);
}

/// Two rules that both notify both channels: `alibaba-pla` (high) and `alibaba-us-action`
/// (medium).
const TWO_RULES: &str = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴"]
us_gov = ["Commerce Department", "White House"]

[[rule]]
name = "alibaba-us-action"
query = '@alibaba AND @us_gov'
severity = "medium"
notify = ["out", "hook"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND PLA'
severity = "high"
notify = ["out", "hook"]
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_matching_two_rules_makes_one_alert_on_each_channel() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/news.xml",
        &rss(&[(
            "n1",
            "Commerce Department weighs Alibaba curbs over PLA ties",
            now,
        )]),
    );
    let smtp = SmtpServer::start(0, false);
    let hook = TestWebhook::start(0, 200).await;
    let channels = format!(
        "{}[[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{}\"\n",
        smtp_channel(smtp.port),
        hook.url
    );
    let feeds = feed("news", &server.url("/news.xml"));
    let h = Harness::new("", &format!("{feeds}{TWO_RULES}{channels}")).await;
    assert!(matches!(
        h.poll("news").await.outcome,
        PollOutcome::Changed { matches: 2, .. }
    ));
    assert_eq!(outbox(&h).await, (2, 0, 0), "one alert per channel");
    assert_eq!(drain(&h).await.delivered, 2);

    let messages = smtp.messages();
    assert_eq!(messages.len(), 1, "one email for the two rules");
    let parsed = mail_parser::MessageParser::default()
        .parse(&messages[0])
        .expect("parses");
    assert_eq!(
        parsed.subject(),
        Some(
            "[newswatch] HIGH alibaba-pla, alibaba-us-action: Commerce Department weighs Alibaba curbs over PLA ties"
        )
    );
    let header = |name: &str| parsed.header_raw(name).map(str::trim).map(str::to_string);
    assert_eq!(
        header("X-Newswatch-Rule").as_deref(),
        Some("alibaba-pla, alibaba-us-action")
    );
    assert_eq!(header("X-Newswatch-Severity").as_deref(), Some("high"));
    let text = parsed.body_text(0).expect("text part");
    assert!(
        text.contains("Rules: alibaba-pla (HIGH), alibaba-us-action (MEDIUM)"),
        "{text}"
    );
    assert!(
        text.contains("Matched for alibaba-pla: Alibaba, PLA"),
        "{text}"
    );
    assert!(
        text.contains("Matched for alibaba-us-action: Commerce Department, Alibaba"),
        "{text}"
    );
    let html = parsed.body_html(0).expect("html part");
    assert!(html.contains("Matched for alibaba-us-action: "), "{html}");

    let received = hook.received();
    assert_eq!(received.len(), 1, "one post for the two rules");
    let alert: serde_json::Value = serde_json::from_str(&received[0].1).expect("json");
    assert_eq!(alert["rule"], "alibaba-pla");
    assert_eq!(
        alert["rules"],
        serde_json::json!(["alibaba-pla", "alibaba-us-action"])
    );
    assert_eq!(alert["severity"], "high");
    assert_eq!(alert["matches"], alert["evidence"][0]["matches"]);
    let evidence: Vec<(&str, &str, Vec<&str>)> = alert["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| {
            (
                e["rule"].as_str().expect("rule"),
                e["severity"].as_str().expect("severity"),
                e["matches"]
                    .as_array()
                    .expect("matches")
                    .iter()
                    .filter(|m| m["field"] == "title")
                    .map(|m| m["text"].as_str().expect("text"))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        evidence,
        [
            ("alibaba-pla", "high", vec!["Alibaba", "PLA"]),
            (
                "alibaba-us-action",
                "medium",
                vec!["Commerce Department", "Alibaba"]
            ),
        ]
    );
    // The email and the post are two alerts, one per channel, each with its own id.
    assert_ne!(
        parsed
            .message_id()
            .map(|id| id.trim_end_matches("@newswatch")),
        alert["id"].as_str()
    );
}
