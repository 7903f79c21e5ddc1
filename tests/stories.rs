//! Stories and alert fatigue against real receivers: a story carried by several outlets makes
//! one alert and one threaded follow-up; quiet hours and a rule's cap hold alerts and release
//! them as one digest; stories survive a restart.

mod common;

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use common::news::{TestWebhook, drain, feed, outbox, smtp_channel, webhook_channel};
use common::{Harness, SmtpServer, TestServer};
use newswatch::daemon::Clock;
use newswatch::store::Store;

const RULE: &str = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴"]
pla = ["PLA", "People's Liberation Army", "Chinese military"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND @pla'
severity = "high"
notify = ["out"]
"#;

/// One item: (guid, title, summary, link).
type Entry<'a> = (&'a str, &'a str, &'a str, &'a str);

fn rss(entries: &[Entry<'_>], at: DateTime<Utc>) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Test</title><link>https://wire.example.com/</link><description>t</description>\n",
    );
    for (guid, title, summary, link) in entries {
        out.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title>\
             <link>{link}</link><pubDate>{}</pubDate><description>{summary}</description></item>\n",
            at.to_rfc2822()
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

const MEMO_REUTERS: Entry<'static> = (
    "r1",
    "Pentagon memo says Alibaba aided People's Liberation Army - Reuters",
    "A Pentagon memo alleges Alibaba Group gave support to China's People's Liberation Army; \
     Alibaba shares fell in Hong Kong.",
    "https://www.reuters.com/world/china/alibaba-pentagon-memo",
);
const MEMO_SCMP: Entry<'static> = (
    "s1",
    "US memo alleges Alibaba supported PLA, shares slide | South China Morning Post",
    "Shares of Alibaba fell after a Pentagon memo alleged the company supported the \
     People's Liberation Army.",
    "https://www.scmp.com/tech/alibaba-memo-pla",
);
const MEMO_CNBC: Entry<'static> = (
    "c1",
    "Alibaba shares fall after Pentagon memo ties it to Chinese military - CNBC",
    "Alibaba stock dropped after a Pentagon memo alleged the company aided the People's \
     Liberation Army.",
    "https://www.cnbc.com/2026/11/20/alibaba-pentagon-memo.html",
);
const OTHER_STORY: Entry<'static> = (
    "o1",
    "Alibaba opens AI lab with former PLA engineers in Hangzhou - Bloomberg",
    "The new laboratory in Hangzhou hires veterans of the People's Liberation Army's \
     information support force to work on drones.",
    "https://www.bloomberg.com/news/alibaba-hangzhou-lab",
);

/// A harness with feeds `wire` and `aggregator` on `server`, [`RULE`] with `rule_keys` and
/// `channel`.
async fn harness(server: &TestServer, rule_keys: &str, channel: &str) -> Harness {
    let feeds =
        feed("wire", &server.url("/wire.xml")) + &feed("aggregator", &server.url("/agg.xml"));
    let rule = RULE.replace(
        "notify = [\"out\"]",
        &format!("notify = [\"out\"]\n{rule_keys}"),
    );
    Harness::new("", &format!("{feeds}{rule}{channel}")).await
}

fn parse(message: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(message)
        .expect("parses")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_across_outlets_makes_one_alert_and_one_threaded_follow_up() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = harness(&server, "", &smtp_channel(smtp.port)).await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS], now));
    server.feed("/agg.xml", &rss(&[MEMO_SCMP, MEMO_CNBC], now));

    h.poll("wire").await;
    assert_eq!(drain(&h).await.delivered, 1);
    h.clock.advance(Duration::from_secs(60));
    h.poll("aggregator").await;
    let early = drain(&h).await;
    assert_eq!(
        early.delivered, 0,
        "later outlets make no alert of their own"
    );
    assert_eq!(smtp.messages().len(), 1);

    // The follow-up goes out when the story's first hour ends, listing both new outlets.
    h.clock.advance(Duration::from_secs(3600));
    assert_eq!(drain(&h).await.delivered, 1);
    let messages = smtp.messages();
    assert_eq!(messages.len(), 2);
    let alert = parse(&messages[0]);
    let update = parse(&messages[1]);
    let alert_id = alert.message_id().expect("Message-ID").to_string();
    assert_eq!(
        update.in_reply_to().as_text(),
        Some(alert_id.as_str()),
        "threaded under the alert"
    );
    assert_eq!(update.references().as_text(), Some(alert_id.as_str()));
    assert_eq!(
        update.subject().map(str::to_string),
        alert.subject().map(|s| format!("Re: {s}"))
    );
    let story = |m: &mail_parser::Message<'_>| {
        m.header_raw("X-Newswatch-Story")
            .map(|s| s.trim().to_string())
    };
    assert!(story(&alert).is_some());
    assert_eq!(story(&alert), story(&update));
    let text = update.body_text(0).expect("text part");
    assert!(
        text.contains("+2 outlets: South China Morning Post, CNBC"),
        "{text}"
    );
    assert!(
        text.contains("3 outlets so far: Reuters, South China Morning Post, CNBC"),
        "{text}"
    );
    let html = update.body_html(0).expect("html part");
    assert!(html.contains("https://www.cnbc.com/2026/11/20/alibaba-pentagon-memo.html"));

    // `stories` reads the same story back, lead first.
    let stories = h
        .store
        .stories(now - chrono::Duration::hours(1), None)
        .await
        .expect("stories");
    assert_eq!(stories.len(), 1);
    let sources: Vec<&str> = stories[0]
        .members
        .iter()
        .map(|m| m.source.as_str())
        .collect();
    assert_eq!(sources, ["Reuters", "South China Morning Post", "CNBC"]);
    assert_eq!(stories[0].members[0].similarity, None);
    assert!(
        stories[0].members[1..]
            .iter()
            .all(|m| m.similarity.is_some())
    );

    // Nothing more to say: the next hour sends nothing.
    h.clock.advance(Duration::from_secs(3600));
    assert_eq!(drain(&h).await.delivered, 0);
    assert_eq!(outbox(&h).await, (0, 2, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn different_stories_each_alert_and_the_same_article_is_not_news() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = harness(&server, "", &smtp_channel(smtp.port)).await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS, OTHER_STORY], now));
    // The aggregator carries Reuters' very article (same link): a member, not a new outlet.
    let copy = ("agg-1", MEMO_REUTERS.1, MEMO_REUTERS.2, MEMO_REUTERS.3);
    server.feed("/agg.xml", &rss(&[copy], now));
    h.poll("wire").await;
    h.poll("aggregator").await;
    h.clock.advance(Duration::from_secs(2 * 3600));
    assert_eq!(
        drain(&h).await.delivered,
        2,
        "two stories, two alerts, no follow-up"
    );
    let stories = h
        .store
        .stories(now - chrono::Duration::hours(1), None)
        .await
        .expect("stories");
    assert_eq!(stories.len(), 2);
    let memo = stories
        .iter()
        .find(|s| s.title.contains("memo"))
        .expect("memo story");
    assert_eq!(memo.members.len(), 2);
    assert_eq!(memo.members[1].similarity, Some(1.0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_get_a_story_update_event_naming_the_story() {
    let server = TestServer::start().await;
    let hook = TestWebhook::start(0, 500).await;
    let h = harness(
        &server,
        "story_update = \"10m\"",
        &webhook_channel(&hook.url, ""),
    )
    .await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS], now));
    server.feed("/agg.xml", &rss(&[MEMO_SCMP], now));
    h.poll("wire").await;
    h.poll("aggregator").await;
    drain(&h).await;
    h.clock.advance(Duration::from_secs(600));
    drain(&h).await;
    let received = hook.received();
    assert_eq!(received.len(), 2);
    let alert: serde_json::Value = serde_json::from_str(&received[0].1).expect("json");
    let update: serde_json::Value = serde_json::from_str(&received[1].1).expect("json");
    assert_eq!(alert["type"], "newswatch.alert.v1");
    assert_eq!(update["type"], "newswatch.story_update.v1");
    assert_eq!(update["story"], alert["story"]);
    assert_eq!(update["first"]["alert_id"], alert["id"]);
    assert_eq!(update["items"][0]["source"], "South China Morning Post");
    assert_eq!(
        update["sources"],
        serde_json::json!(["Reuters", "South China Morning Post"])
    );
    assert_eq!(
        received[1].0["webhook-id"].to_str().expect("ascii"),
        update["id"].as_str().expect("id")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_daemon_still_knows_its_stories() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let mut h = harness(&server, "", &smtp_channel(smtp.port)).await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS], now));
    server.feed("/agg.xml", &rss(&[MEMO_CNBC], now));
    h.poll("wire").await;
    // A new process: a new poller whose story index is rebuilt from the store.
    let options = newswatch::store::SqliteStore::file_options(&h.config.daemon.state);
    h.reopen_store(options).await;
    let stories = h.poller.stories().expect("stories").clone();
    assert_eq!(
        stories
            .restore(h.store.as_ref(), &h.poller.rules(), h.clock.now())
            .await
            .expect("restore"),
        1
    );
    assert_eq!(drain(&h).await.delivered, 1, "the alert");
    h.poll("aggregator").await;
    h.clock.advance(Duration::from_secs(2 * 3600));
    assert_eq!(
        drain(&h).await.delivered,
        1,
        "and one follow-up, no second alert"
    );
    let subjects: Vec<String> = smtp
        .messages()
        .iter()
        .map(|m| parse(m).subject().unwrap_or_default().to_string())
        .collect();
    assert!(subjects[1].starts_with("Re: "), "{subjects:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digest_shows_a_story_with_its_later_outlets() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = harness(&server, "digest = \"1h\"", &smtp_channel(smtp.port)).await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS, OTHER_STORY], now));
    server.feed("/agg.xml", &rss(&[MEMO_SCMP, MEMO_CNBC], now));
    h.poll("wire").await;
    h.poll("aggregator").await;
    h.clock.advance(Duration::from_secs(2 * 3600));
    drain(&h).await;
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1, "one digest");
    let digest = parse(&messages[0]);
    assert_eq!(
        digest.subject(),
        Some("[newswatch] HIGH digest: 2 alerts (alibaba-pla 2)")
    );
    let text = digest.body_text(0).expect("text");
    assert!(
        text.contains("Also carried by: South China Morning Post, CNBC"),
        "{text}"
    );
}

/// Checks that `smtp` received `count` messages, the last a digest of held alerts with
/// `subject` whose text names why they were held (`note`); returns that text.
fn held_digest(smtp: &SmtpServer, count: usize, subject: &str, note: &str) -> String {
    let messages = smtp.messages();
    assert_eq!(messages.len(), count);
    let digest = parse(&messages[count - 1]);
    assert_eq!(digest.subject(), Some(subject));
    let text = digest.body_text(0).expect("text").to_string();
    assert!(text.contains(note), "{text}");
    text
}

/// Moves the harness clock forward to the next `hour:minute` in Shanghai.
fn advance_to_shanghai(h: &Harness, hour: u32, minute: u32) {
    let zone = chrono_tz::Asia::Shanghai;
    let now = h.clock.now();
    let local = now.with_timezone(&zone);
    let mut target = zone
        .from_local_datetime(
            &local
                .date_naive()
                .and_hms_opt(hour, minute, 0)
                .expect("valid time"),
        )
        .single()
        .expect("Shanghai has no daylight saving");
    if target.with_timezone(&Utc) <= now {
        target += chrono::Duration::days(1);
    }
    let by = (target.with_timezone(&Utc) - now)
        .to_std()
        .expect("forward");
    h.clock.advance(by);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiet_hours_hold_alerts_until_morning_except_critical_ones() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let channel = format!(
        "{}quiet_hours = \"22:00-07:00\"\ntimezone = \"Asia/Shanghai\"\n",
        smtp_channel(smtp.port)
    );
    let rules = r#"
[[rule]]
name = "pla-critical"
query = 'PLA AND drills'
severity = "critical"
notify = ["out"]
"#;
    let feeds = feed("wire", &server.url("/wire.xml"));
    let h = Harness::new("", &format!("{feeds}{RULE}{rules}{channel}")).await;
    advance_to_shanghai(&h, 23, 30);
    let now = h.clock.now();
    let drills = (
        "d1",
        "PLA starts live-fire drills around Taiwan - Reuters",
        "The People's Liberation Army began drills.",
        "https://www.reuters.com/world/pla-drills",
    );
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS, OTHER_STORY, drills], now));
    h.poll("wire").await;
    assert_eq!(
        drain(&h).await.delivered,
        1,
        "only the critical alert goes at night"
    );
    let night = smtp.messages();
    assert!(
        parse(&night[0])
            .subject()
            .is_some_and(|s| s.starts_with("[newswatch] CRITICAL pla-critical")),
    );

    // 06:59: still quiet.
    advance_to_shanghai(&h, 6, 59);
    assert_eq!(drain(&h).await.delivered, 0);
    // 07:00: the night's alerts arrive as one digest that says why they waited.
    h.clock.advance(Duration::from_secs(60));
    assert_eq!(drain(&h).await.delivered, 2);
    held_digest(
        &smtp,
        2,
        "[newswatch] HIGH digest (held): 2 alerts (alibaba-pla 2)",
        "Held: quiet hours 22:00-07:00 Asia/Shanghai",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_cap_holds_the_rest_and_summarises_them_when_the_window_ends() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = harness(
        &server,
        "cluster = false\nmax_alerts = \"2/1h\"",
        &smtp_channel(smtp.port),
    )
    .await;
    let now = h.clock.now();
    let items: Vec<(String, String)> = (0..5)
        .map(|i| {
            (
                format!("n{i}"),
                format!("Alibaba and the PLA: development number {i}"),
            )
        })
        .collect();
    let entries: Vec<Entry<'_>> = items
        .iter()
        .map(|(guid, title)| {
            (
                guid.as_str(),
                title.as_str(),
                "",
                "https://wire.example.com/x",
            )
        })
        .collect();
    // Distinct links, so five articles.
    let doc = rss(&entries, now).replacen(
        "https://wire.example.com/x",
        "https://wire.example.com/0",
        1,
    );
    let doc = (1..5).fold(doc, |doc, i| {
        doc.replacen(
            "https://wire.example.com/x<",
            &format!("https://wire.example.com/{i}<"),
            1,
        )
    });
    server.feed("/wire.xml", &doc);
    h.poll("wire").await;
    assert_eq!(drain(&h).await.delivered, 2, "the cap lets two through");
    assert_eq!(smtp.messages().len(), 2);

    // When the hour ends, the three held alerts arrive as one summary listing them.
    let (_, end) = newswatch::config::AlertCap::parse("2/1h")
        .expect("cap")
        .window(now);
    h.clock
        .advance((end - h.clock.now()).to_std().expect("future"));
    assert_eq!(drain(&h).await.delivered, 3);
    let text = held_digest(
        &smtp,
        3,
        "[newswatch] HIGH digest (held): 3 alerts (alibaba-pla 3)",
        "Held: rule alibaba-pla reached max_alerts 2/1h",
    );
    assert_eq!(
        (0..5)
            .filter(|i| text.contains(&format!("https://wire.example.com/{i}")))
            .count(),
        3,
        "each held alert is linked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_feeds_polled_at_once_with_one_story_make_one_alert() {
    for round in 0..5 {
        let server = TestServer::start().await;
        let smtp = SmtpServer::start(0, false);
        let h = harness(&server, "", &smtp_channel(smtp.port)).await;
        let now = h.clock.now();
        server.feed("/wire.xml", &rss(&[MEMO_REUTERS], now));
        server.feed("/agg.xml", &rss(&[MEMO_SCMP, MEMO_CNBC], now));
        // Both polls decide and commit concurrently: the story lock makes one of them lead.
        tokio::join!(h.poll("wire"), h.poll("aggregator"));
        assert_eq!(drain(&h).await.delivered, 1, "round {round}: one alert");
        let stories = h
            .store
            .stories(now - chrono::Duration::hours(1), None)
            .await
            .expect("stories");
        assert_eq!(stories.len(), 1, "round {round}");
        assert_eq!(stories[0].members.len(), 3, "round {round}");
    }
}

/// A first run over a year of one feed (a backfill, a replay): the story window runs on the
/// items' own dates, so the same kind of news a quarter apart makes separate stories, each
/// with its alert, as the live stream would have; reports of one event an hour apart still
/// make one. A date in the future counts as the moment the item was seen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backfill_over_months_groups_by_publication_time() {
    let server = TestServer::start().await;
    let hook = TestWebhook::start(0, 500).await;
    let feeds = feed("wire", &server.url("/wire.xml"));
    let h = Harness::new(
        "new_feed_backlog = \"400d\"\nmax_item_age = \"400d\"",
        &format!("{feeds}{RULE}{}", webhook_channel(&hook.url, "")),
    )
    .await;
    let now = h.clock.now();
    let quarter = chrono::Duration::days(91);
    let mut items = String::new();
    for q in 0..4i32 {
        let at = now - quarter * (4 - q);
        for (n, outlet) in ["Reuters", "Bloomberg"].iter().enumerate() {
            let at = at + chrono::Duration::hours(n as i64);
            items.push_str(&format!(
                "<item><guid isPermaLink=\"false\">q{q}-{n}</guid><title>US lawmakers press \
                 Alibaba over People's Liberation Army ties - {outlet}</title>\
                 <link>https://news.example.com/{q}/{n}</link><pubDate>{}</pubDate>\
                 <description>Lawmakers renewed questions about Alibaba and the People's \
                 Liberation Army.</description></item>\n",
                at.to_rfc2822()
            ));
        }
    }
    // Dated a year ahead: taken as seen now, so it cannot hold a story open.
    items.push_str(&format!(
        "<item><guid isPermaLink=\"false\">future</guid><title>Alibaba denies PLA links in \
         statement</title><link>https://news.example.com/future</link><pubDate>{}</pubDate>\
         </item>\n",
        (now + chrono::Duration::days(365)).to_rfc2822()
    ));
    server.feed(
        "/wire.xml",
        &format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>w</title>\
             <link>https://news.example.com/</link><description>d</description>\n{items}\
             </channel></rss>"
        ),
    );
    h.poll("wire").await;
    let stories = h
        .store
        .stories(now - chrono::Duration::days(400), None)
        .await
        .expect("stories");
    let mut sizes: Vec<usize> = stories.iter().map(|s| s.members.len()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [1, 2, 2, 2, 2], "four quarters and the statement");
    assert_eq!(drain(&h).await.delivered, 5, "one alert per event");
}
