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
        .stories(now - chrono::Duration::hours(1), None, None)
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
        .stories(now - chrono::Duration::hours(1), None, None)
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

/// A harness whose channel has quiet hours 22:00-07:00 in Shanghai, with [`RULE`] and a
/// critical rule `pla-critical` (`PLA AND drills`), at 23:30 Shanghai time.
async fn quiet_night(server: &TestServer, smtp: &SmtpServer) -> Harness {
    let channel = format!(
        "{}quiet_hours = \"22:00-07:00\"\ntimezone = \"Asia/Shanghai\"\n",
        smtp_channel(smtp.port)
    );
    let critical = r#"
[[rule]]
name = "pla-critical"
query = 'PLA AND drills'
severity = "critical"
notify = ["out"]
"#;
    let feeds = feed("wire", &server.url("/wire.xml"));
    let h = Harness::new("", &format!("{feeds}{RULE}{critical}{channel}")).await;
    advance_to_shanghai(&h, 23, 30);
    h
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiet_hours_hold_alerts_until_morning_except_critical_ones() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = quiet_night(&server, &smtp).await;
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

/// A document may list a story's reports in any order: the poll decides them in publication
/// order (ties by entry id) and the store records them so, whatever the document's order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_listing_the_joining_report_first_makes_one_alert() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = harness(&server, "", &smtp_channel(smtp.port)).await;
    let now = h.clock.now();
    // "z1" is listed first but decided second: it joins "a1"'s story.
    let copy = (
        "z1",
        "Pentagon memo says Alibaba aided People's Liberation Army - Reuters via Yahoo",
        MEMO_REUTERS.2,
        "https://finance.yahoo.example/news/alibaba-pentagon-memo",
    );
    let first = ("a1", MEMO_REUTERS.1, MEMO_REUTERS.2, MEMO_REUTERS.3);
    server.feed("/agg.xml", &rss(&[copy, first], now));
    h.poll("aggregator").await;
    assert_eq!(drain(&h).await.delivered, 1, "one alert");
    let stories = h
        .store
        .stories(now - chrono::Duration::hours(1), None, None)
        .await
        .expect("stories");
    assert_eq!(stories.len(), 1);
    let members: Vec<(&str, bool)> = stories[0]
        .members
        .iter()
        .map(|m| (m.entry_id.as_str(), m.similarity.is_some()))
        .collect();
    assert_eq!(members, [("a1", false), ("z1", true)]);
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
            .stories(now - chrono::Duration::hours(1), None, None)
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
        .stories(now - chrono::Duration::days(400), None, None)
        .await
        .expect("stories");
    let mut sizes: Vec<usize> = stories.iter().map(|s| s.members.len()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [1, 2, 2, 2, 2], "four quarters and the statement");
    assert_eq!(drain(&h).await.delivered, 5, "one alert per event");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_of_a_critical_rule_and_a_high_rule_goes_through_quiet_hours() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let h = quiet_night(&server, &smtp).await;
    let both = (
        "b1",
        "Alibaba cloud ran PLA drills simulations, filing shows - Reuters",
        "Alibaba's cloud unit hosted simulations for People's Liberation Army drills.",
        "https://www.reuters.com/world/alibaba-pla-drills",
    );
    server.feed("/wire.xml", &rss(&[both, OTHER_STORY], h.clock.now()));
    h.poll("wire").await;
    assert_eq!(
        drain(&h).await.delivered,
        1,
        "the item of both rules goes at night; the other waits"
    );
    let night = smtp.messages();
    assert_eq!(
        parse(&night[0]).subject(),
        Some(
            "[newswatch] CRITICAL pla-critical, alibaba-pla: Alibaba cloud ran PLA drills simulations, filing shows - Reuters"
        )
    );
    advance_to_shanghai(&h, 7, 0);
    assert_eq!(drain(&h).await.delivered, 1);
    held_digest(
        &smtp,
        2,
        "[newswatch] HIGH digest (held): 1 alert (alibaba-pla 1)",
        "Held: quiet hours 22:00-07:00 Asia/Shanghai",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_of_two_capped_rules_is_held_only_when_both_caps_are_reached() {
    let server = TestServer::start().await;
    let hook = TestWebhook::start(0, 500).await;
    let rules = r#"
[entities]
alibaba = ["Alibaba"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND PLA'
severity = "high"
notify = ["out"]
cluster = false
max_alerts = "1/1h"

[[rule]]
name = "alibaba-us-action"
query = '@alibaba AND Commerce'
severity = "high"
notify = ["out"]
cluster = false
max_alerts = "1/1h"
"#;
    let feeds = feed("wire", &server.url("/wire.xml"));
    let h = Harness::new(
        "",
        &format!("{feeds}{rules}{}", webhook_channel(&hook.url, "")),
    )
    .await;
    let now = h.clock.now();
    let items: [Entry<'_>; 4] = [
        // alibaba-pla's one alert this hour.
        (
            "c1",
            "Alibaba and the PLA, first report",
            "",
            "https://w.example.com/1",
        ),
        // alibaba-pla is capped, alibaba-us-action is not: it goes, counted against
        // alibaba-pla (its primary rule, first in the config).
        (
            "c2",
            "Commerce looks at Alibaba and the PLA",
            "",
            "https://w.example.com/2",
        ),
        // alibaba-us-action's one alert this hour.
        (
            "c3",
            "Commerce summons Alibaba executives",
            "",
            "https://w.example.com/3",
        ),
        // Both capped: held.
        (
            "c4",
            "Commerce and the PLA: Alibaba again",
            "",
            "https://w.example.com/4",
        ),
    ];
    // One new item per poll, so they are counted in this order.
    for seen in 1..=items.len() {
        server.feed("/wire.xml", &rss(&items[..seen], now));
        h.poll("wire").await;
    }
    assert_eq!(drain(&h).await.delivered, 3);
    let (_, end) = newswatch::config::AlertCap::parse("1/1h")
        .expect("cap")
        .window(now);
    h.clock
        .advance((end - h.clock.now()).to_std().expect("future"));
    assert_eq!(drain(&h).await.delivered, 1);
    let posts: Vec<serde_json::Value> = hook
        .received()
        .iter()
        .map(|(_, body)| serde_json::from_str(body).expect("json"))
        .collect();
    let mut ids: Vec<&str> = posts[..3]
        .iter()
        .map(|p| p["item"]["id"].as_str().expect("item id"))
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["c1", "c2", "c3"]);
    let digest = &posts[3];
    assert_eq!(digest["type"], "newswatch.digest.v1");
    assert_eq!(digest["alerts"][0]["item"]["id"], "c4");
    assert_eq!(
        digest["held"],
        serde_json::json!([
            "rule alibaba-pla reached max_alerts 1/1h and rule alibaba-us-action reached max_alerts 1/1h"
        ])
    );
}

/// A report of the Pentagon memo that names the White House and no PLA alias: of the two rules
/// below, it matches only `alibaba-us-action`.
const MEMO_WHITE_HOUSE: Entry<'static> = (
    "w1",
    "White House reviews Pentagon memo that says Alibaba aided China's army - CNBC",
    "The White House said it would review a Pentagon memo alleging Alibaba Group gave support \
     to China's army.",
    "https://www.cnbc.com/alibaba-white-house-memo",
);

/// `alibaba-pla` and `alibaba-us-action`, both notifying `out` (email) and `hook` (webhook).
fn two_rules_two_channels(smtp: &SmtpServer, hook: &TestWebhook) -> String {
    let rules = RULE
        .replace("notify = [\"out\"]", "notify = [\"out\", \"hook\"]")
        .replacen(
            "\n[[rule]]",
            "us_gov = [\"White House\", \"Commerce Department\"]\n\n[[rule]]",
            1,
        );
    format!(
        "{rules}\n[[rule]]\nname = \"alibaba-us-action\"\nquery = '@alibaba AND @us_gov'\n\
         severity = \"high\"\nnotify = [\"out\", \"hook\"]\n\n{}\
         [[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{}\"\n",
        smtp_channel(smtp.port),
        hook.url
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_of_the_second_rule_follows_up_the_story_the_first_rule_opened() {
    let server = TestServer::start().await;
    let smtp = SmtpServer::start(0, false);
    let hook = TestWebhook::start(0, 500).await;
    let feeds =
        feed("wire", &server.url("/wire.xml")) + &feed("aggregator", &server.url("/agg.xml"));
    let h = Harness::new(
        "",
        &format!("{feeds}{}", two_rules_two_channels(&smtp, &hook)),
    )
    .await;
    let now = h.clock.now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS], now));
    server.feed("/agg.xml", &rss(&[MEMO_WHITE_HOUSE], now));

    h.poll("wire").await;
    assert_eq!(drain(&h).await.delivered, 2, "the alert, on each channel");
    h.clock.advance(Duration::from_secs(60));
    h.poll("aggregator").await;
    assert_eq!(drain(&h).await.delivered, 0, "no alert of its own");
    h.clock.advance(Duration::from_secs(3600));
    assert_eq!(
        drain(&h).await.delivered,
        2,
        "the follow-up, on each channel"
    );

    let messages = smtp.messages();
    assert_eq!(messages.len(), 2);
    let alert = parse(&messages[0]);
    let update = parse(&messages[1]);
    assert_eq!(
        alert.subject(),
        Some(
            "[newswatch] HIGH alibaba-pla: Pentagon memo says Alibaba aided People's Liberation Army - Reuters"
        )
    );
    assert_eq!(
        update.subject(),
        Some(
            "Re: [newswatch] HIGH alibaba-pla, alibaba-us-action: Pentagon memo says Alibaba aided People's Liberation Army - Reuters"
        )
    );
    let alert_id = alert.message_id().expect("Message-ID").to_string();
    assert_eq!(update.in_reply_to().as_text(), Some(alert_id.as_str()));
    let header =
        |m: &mail_parser::Message<'_>, name: &str| m.header_raw(name).map(|s| s.trim().to_string());
    assert_eq!(
        header(&update, "X-Newswatch-Story"),
        header(&alert, "X-Newswatch-Story")
    );
    assert_eq!(
        header(&update, "X-Newswatch-Rule").as_deref(),
        Some("alibaba-pla, alibaba-us-action")
    );
    let text = update.body_text(0).expect("text");
    assert!(text.contains("+1 outlet: CNBC"), "{text}");

    let received = hook.received();
    assert_eq!(received.len(), 2);
    let posted: serde_json::Value = serde_json::from_str(&received[0].1).expect("json");
    let followed: serde_json::Value = serde_json::from_str(&received[1].1).expect("json");
    assert_eq!(followed["type"], "newswatch.story_update.v1");
    assert_eq!(followed["story"], posted["story"]);
    assert_ne!(
        posted["story"].as_str(),
        header(&alert, "X-Newswatch-Story").as_deref(),
        "each channel has its own story"
    );
    assert_eq!(followed["first"]["alert_id"], posted["id"]);
    assert_eq!(followed["rule"], "alibaba-pla");
    assert_eq!(
        followed["rules"],
        serde_json::json!(["alibaba-pla", "alibaba-us-action"])
    );

    // `stories`: one story per channel, with both rules; --rule finds it by either.
    let since = now - chrono::Duration::hours(1);
    let stories = h
        .store
        .stories(since, Some("alibaba-us-action"), None)
        .await
        .expect("stories");
    let channels: std::collections::BTreeSet<Option<&str>> =
        stories.iter().map(|s| s.channel.as_deref()).collect();
    assert_eq!(channels, [Some("hook"), Some("out")].into_iter().collect());
    for story in &stories {
        assert_eq!(story.rule, "alibaba-pla");
        assert_eq!(story.rules, ["alibaba-pla", "alibaba-us-action"]);
        assert_eq!(story.members.len(), 2);
        assert_eq!(story.members[1].rules, ["alibaba-us-action"]);
    }
    let on_out = h
        .store
        .stories(since, Some("alibaba-pla"), Some("out"))
        .await
        .expect("stories");
    assert_eq!(on_out.len(), 1);
    assert_eq!(
        on_out[0].id,
        header(&alert, "X-Newswatch-Story").unwrap_or_default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_near_item_alerts_naming_the_story_it_is_possibly_related_to() {
    // Reuters' and SCMP's memo reports score below 0.999: with that join threshold (related
    // from 0.6 times it) SCMP's opens a story of its own, naming Reuters'. Whether SCMP's report
    // comes in the same poll as Reuters' or a later one, the alert names the same story.
    for same_poll in [false, true] {
        let server = TestServer::start().await;
        let mail = tempfile::tempdir().expect("maildir");
        let hook = TestWebhook::start(0, 500).await;
        let feeds =
            feed("wire", &server.url("/wire.xml")) + &feed("aggregator", &server.url("/agg.xml"));
        let rule = RULE.replace(
            "notify = [\"out\"]",
            "notify = [\"out\", \"hook\"]\ncluster_threshold = 0.999",
        );
        // A Maildir, which takes the three emails at once (the test SMTP server serves two
        // connections at a time).
        let channels = format!(
            "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"n@test.example\"\n\
             to = [\"d@test.example\"]\ntransport = \"maildir\"\ndir = \"{}\"\n\
             [[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{}\"\n",
            mail.path().display(),
            hook.url
        );
        let h = Harness::new("", &format!("{feeds}{rule}{channels}")).await;
        let now = h.clock.now();
        if same_poll {
            server.feed(
                "/wire.xml",
                &rss(&[MEMO_REUTERS, OTHER_STORY, MEMO_SCMP], now),
            );
            h.poll("wire").await;
        } else {
            server.feed("/wire.xml", &rss(&[MEMO_REUTERS, OTHER_STORY], now));
            server.feed("/agg.xml", &rss(&[MEMO_SCMP], now));
            h.poll("wire").await;
            h.poll("aggregator").await;
        }
        assert_eq!(
            drain(&h).await.delivered,
            6,
            "three stories, on two channels"
        );

        let posts: Vec<serde_json::Value> = hook
            .received()
            .iter()
            .map(|(_, body)| serde_json::from_str(body).expect("json"))
            .collect();
        let post = |needle: &str| {
            posts
                .iter()
                .find(|p| {
                    p["item"]["title"]
                        .as_str()
                        .is_some_and(|t| t.contains(needle))
                })
                .unwrap_or_else(|| panic!("no post of {needle}"))
        };
        let (reuters, scmp) = (post("Reuters"), post("South China Morning Post"));
        let related = &scmp["related"];
        assert_eq!(related["story"], reuters["story"], "same_poll {same_poll}");
        assert_eq!(related["alert_id"], reuters["id"]);
        assert_eq!(related["title"], reuters["item"]["title"]);
        assert_eq!(related["link"], reuters["item"]["link"]);
        let similarity = related["similarity"].as_f64().expect("similarity");
        assert!((0.5994..0.999).contains(&similarity), "{similarity}");
        assert!(reuters.get("related").is_none(), "omitted when none");
        assert!(post("Bloomberg").get("related").is_none());

        let messages: Vec<Vec<u8>> = std::fs::read_dir(mail.path().join("new"))
            .expect("maildir")
            .map(|file| std::fs::read(file.expect("entry").path()).expect("message"))
            .collect();
        let parsed: Vec<mail_parser::Message<'_>> = messages.iter().map(|m| parse(m)).collect();
        let email = |needle: &str| {
            parsed
                .iter()
                .find(|m| m.subject().is_some_and(|s| s.contains(needle)))
                .unwrap_or_else(|| panic!("no email of {needle}"))
        };
        let first = email("Reuters")
            .message_id()
            .expect("Message-ID")
            .trim_end_matches("@newswatch")
            .to_string();
        let text = email("South China Morning Post")
            .body_text(0)
            .expect("text")
            .to_string();
        assert!(
            text.contains(&format!(
                "Possibly related: {} {} (first alert {first})",
                MEMO_REUTERS.1, MEMO_REUTERS.3
            )),
            "{text}"
        );
    }
}
