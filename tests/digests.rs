//! Digests against real receivers: alerts of a rule or channel with `digest = "1h"` are held in
//! the outbox until their period ends, survive a restart there, and arrive as one message
//! listing all of them.

mod common;

use std::time::Duration;

use base64::Engine;
use common::news::{
    RULE, TestWebhook, deliverer, drain, feed, news_harness, news_server, smtp_channel, verify,
    webhook_channel,
};
use common::{Harness, SmtpServer};
use newswatch::daemon::Clock;
use newswatch::store::Store;

async fn held(h: &Harness) -> u64 {
    let counts = h.store.outbox_counts(h.clock.now()).await.expect("counts");
    counts.iter().map(|c| c.held).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_digest_holds_alerts_and_sends_them_as_one_email() {
    let server = news_server().await;
    let smtp = SmtpServer::start(0, false);
    let channel = format!("{}digest = \"1h\"\n", smtp_channel(smtp.port));
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;

    let worker = deliverer(&h);
    let early = worker.drain(Duration::from_secs(5)).await.expect("drain");
    assert_eq!(
        early.delivered, 0,
        "nothing goes out before the period ends"
    );
    assert_eq!(held(&h).await, 2);
    assert!(smtp.messages().is_empty());
    // A restart keeps them: the held alerts are outbox rows, not memory.
    drop(worker);

    h.clock.advance(Duration::from_secs(3600));
    let totals = drain(&h).await;
    assert_eq!(totals.delivered, 2);
    assert_eq!(held(&h).await, 0);
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1, "one message for the whole period");
    let parsed = mail_parser::MessageParser::default()
        .parse(&messages[0])
        .expect("parses");
    assert_eq!(
        parsed.subject(),
        Some("[newswatch] HIGH digest: 2 alerts (alibaba-pla 2)")
    );
    let header = |name: &str| parsed.header_raw(name).map(str::trim).map(str::to_string);
    assert_eq!(header("X-Newswatch-Digest").as_deref(), Some("2"));
    assert_eq!(header("X-Newswatch-Rule").as_deref(), Some("alibaba-pla"));
    let text = parsed.body_text(0).expect("text part");
    let html = parsed.body_html(0).expect("html part");
    for title in ["aided the", "denies"] {
        assert!(text.contains(title), "{title} missing from {text}");
        assert!(html.contains(title), "{title} missing from {html}");
    }
    assert!(html.contains("<mark>Alibaba</mark>"), "{html}");

    // Delivered once: the next period has nothing to send.
    h.clock.advance(Duration::from_secs(3600));
    let later = deliverer(&h)
        .drain(Duration::from_secs(5))
        .await
        .expect("drain");
    assert_eq!(later.delivered, 0);
    assert_eq!(smtp.messages().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_digest_posts_one_signed_digest_document() {
    let server = news_server().await;
    let hook = TestWebhook::start(1, 503).await;
    let dir = tempfile::tempdir().expect("dir");
    let key = b"fedcba9876543210fedcba9876543210";
    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    );
    std::fs::write(dir.path().join("secret"), secret).expect("secret");
    let rule = RULE.replace("notify = [\"out\"]", "notify = [\"out\"]\ndigest = \"15m\"");
    let channel = webhook_channel(
        &hook.url,
        &format!(
            "secret_file = \"{}\"\n",
            dir.path().join("secret").display()
        ),
    );
    let h = Harness::new(
        "",
        &format!("{}{rule}{channel}", feed("news", &server.url("/news.xml"))),
    )
    .await;
    h.poll("news").await;
    assert_eq!(held(&h).await, 2);

    h.clock.advance(Duration::from_secs(15 * 60));
    // The receiver fails the first post: both alerts wait for the retry together.
    let failed = deliverer(&h)
        .drain(Duration::from_secs(10))
        .await
        .expect("drain");
    assert_eq!((failed.delivered, failed.retrying), (0, 2));
    h.clock.advance(Duration::from_secs(120));
    let totals = deliverer(&h)
        .drain(Duration::from_secs(10))
        .await
        .expect("drain");
    assert_eq!(totals.delivered, 2);

    let received = hook.received();
    assert_eq!(received.len(), 1);
    let (headers, body) = &received[0];
    let id = headers["webhook-id"].to_str().expect("ascii");
    let timestamp = headers["webhook-timestamp"].to_str().expect("ascii");
    let signature = headers["webhook-signature"].to_str().expect("ascii");
    assert!(verify(key, id, timestamp, body, signature));
    let digest: serde_json::Value = serde_json::from_str(body).expect("json");
    assert_eq!(digest["type"], "newswatch.digest.v1");
    assert_eq!(digest["id"], id);
    let alerts = digest["alerts"].as_array().expect("alerts");
    assert_eq!(alerts.len(), 2);
    assert!(alerts.iter().all(|a| a["type"] == "newswatch.alert.v1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_of_a_digest_rule_and_an_immediate_rule_goes_at_once() {
    let server = news_server().await;
    let smtp = SmtpServer::start(0, false);
    // The same query twice: every match is of both rules, one with an hourly digest.
    let digested = RULE
        .replace("alibaba-pla", "alibaba-daily")
        .replace("severity = \"high\"", "severity = \"low\"\ndigest = \"1h\"")
        .replace("[entities]\nalibaba = [\"Alibaba\", \"阿里巴巴\"]\n", "");
    let h = Harness::new(
        "",
        &format!(
            "{}{RULE}{digested}{}",
            feed("news", &server.url("/news.xml")),
            smtp_channel(smtp.port)
        ),
    )
    .await;
    h.poll("news").await;
    assert_eq!(held(&h).await, 0, "nothing waits for the digest");
    assert_eq!(drain(&h).await.delivered, 2);
    let subjects: Vec<String> = smtp
        .messages()
        .iter()
        .map(|m| {
            mail_parser::MessageParser::default()
                .parse(m)
                .and_then(|m| m.subject().map(str::to_string))
                .expect("subject")
        })
        .collect();
    assert_eq!(subjects.len(), 2, "one email per item, not per rule");
    for subject in subjects {
        assert!(
            subject.starts_with("[newswatch] HIGH alibaba-pla, alibaba-daily: "),
            "{subject}"
        );
    }
    h.clock.advance(Duration::from_secs(3600));
    assert_eq!(drain(&h).await.delivered, 0, "and no digest repeats them");
}
