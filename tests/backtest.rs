//! `newswatch backtest` as a user runs it: over what a real `run --once` stored from feeds on
//! loopback it predicts the alerts and stories the daemon sent; `--query` runs an ad-hoc
//! query; `--since` leaves out items first seen earlier; `--json` is one document; a wrong
//! rule name or query is a usage error.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use common::news::feed;
use common::{CliOutput, Harness, ManualClock, TestServer, run_cli};
use newswatch::daemon::PollSettings;

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
const LAB: Entry<'static> = (
    "o1",
    "Alibaba opens AI lab with former PLA engineers in Hangzhou - Bloomberg",
    "The new laboratory in Hangzhou hires veterans of the People's Liberation Army's \
     information support force to work on drones.",
    "https://www.bloomberg.com/news/alibaba-hangzhou-lab",
);
/// Matches only through its summary: a backtest that read titles alone would miss it.
const QUIET_TITLE: Entry<'static> = (
    "q1",
    "Satellite maker signs research deal with army university",
    "Alibaba and a People's Liberation Army university will study satellite links.",
    "https://www.reuters.com/world/china/hangzhou-army-deal",
);
const TENCENT: Entry<'static> = (
    "t1",
    "Tencent results beat estimates on gaming revenue",
    "Tencent's quarterly revenue rose on strong sales of its games.",
    "https://www.reuters.com/markets/tencent-results",
);
const WEATHER: Entry<'static> = (
    "w1",
    "Typhoon nears Hong Kong as schools close",
    "The observatory raised its No. 8 signal.",
    "https://www.scmp.com/news/typhoon",
);

const RULES: &str = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴"]
pla = ["PLA", "People's Liberation Army", "Chinese military"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND @pla'
severity = "high"
notify = ["out"]

[[rule]]
name = "tencent"
query = 'Tencent'
notify = ["out"]
"#;

fn maildir_channel(dir: &Path) -> String {
    format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"newswatch@test.example\"\n\
         to = [\"desk@test.example\"]\ntransport = \"maildir\"\ndir = \"{}\"\n",
        dir.join("mail").display()
    )
}

/// Runs `newswatch -c config ARGS` off the async workers, which serve the test's feeds.
async fn run_on(config: &Path, args: &[&str]) -> CliOutput {
    let mut line = vec!["-c".to_string(), config.display().to_string()];
    line.extend(args.iter().map(|a| a.to_string()));
    tokio::task::spawn_blocking(move || run_cli(line))
        .await
        .expect("join")
}

/// Feeds `agg` and `wire` on `server`, [`RULES`] and a Maildir channel, one feed at a time
/// (so that the polls' first-seen times follow their turns, as in the demo).
fn write_config(dir: &Path, server: &TestServer) -> PathBuf {
    let text = format!(
        "[daemon]\nstate = \"state.db\"\nallow_private_networks = true\nconcurrency = 1\n\n{}{}{RULES}{}",
        feed("wire", &server.url("/wire.xml")),
        feed("agg", &server.url("/agg.xml")),
        maildir_channel(dir)
    );
    let path = dir.join("newswatch.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

fn lines_json(output: &CliOutput) -> Vec<serde_json::Value> {
    output
        .success()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backtest_of_a_rule_predicts_the_alerts_and_stories_run_once_sent() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/wire.xml",
        &rss(&[MEMO_REUTERS, LAB, QUIET_TITLE, WEATHER], now),
    );
    server.feed("/agg.xml", &rss(&[MEMO_SCMP, MEMO_CNBC, TENCENT], now));
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(dir.path(), &server);
    run_on(&config, &["run", "--once"]).await.success();

    let output = run_on(&config, &["backtest", "--rule", "alibaba-pla", "--json"]).await;
    output.success();
    let report = output.json();
    assert_eq!(report["type"], "newswatch.backtest.v1");
    assert_eq!(report["rule"], "alibaba-pla");
    assert_eq!(report["items"]["read"], 7);
    assert_eq!(report["items"]["without_text"], 0);
    let channels = report["channels"].as_array().expect("channels");
    assert_eq!(channels.len(), 1);
    let out = &channels[0];
    assert_eq!(out["channel"], "out");
    // The memo (three outlets, one alert), the lab and the summary-only match.
    assert_eq!(out["alerts"], 3, "{out}");
    assert_eq!(out["matched"], 5, "{out}");
    let stories = out["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 3, "{out}");
    let memo = stories
        .iter()
        .find(|s| s["more"] == 2)
        .expect("the memo story, two outlets joining it");
    assert_eq!(memo["alert"], true);
    assert_eq!(
        memo["first"]["title"], MEMO_CNBC.1,
        "the first poll's report leads it (`agg` comes before `wire` in turn order), and of \
         its reports of one date the first by entry id"
    );
    assert!(
        stories.iter().any(|s| s["first"]["title"] == QUIET_TITLE.1),
        "matched on its summary: {out}"
    );
    let first_seen: DateTime<Utc> = report["items"]["earliest_first_seen"]
        .as_str()
        .expect("a time")
        .parse()
        .expect("RFC 3339");
    let day = first_seen.format("%Y-%m-%d").to_string();
    assert_eq!(
        out["days"],
        serde_json::json!([{"day": day, "alerts": 3, "matched": 5}])
    );

    // What the daemon did: the same alerts, the same stories.
    let sent = lines_json(&run_on(&config, &["alerts", "--rule", "alibaba-pla", "--json"]).await);
    let sent_alerts: Vec<&serde_json::Value> =
        sent.iter().filter(|a| a["kind"] == "alert").collect();
    assert_eq!(sent_alerts.len(), 3, "{sent:?}");
    let sent_stories: BTreeSet<String> = lines_json(
        &run_on(
            &config,
            &[
                "stories",
                "--rule",
                "alibaba-pla",
                "--since",
                "1d",
                "--json",
            ],
        )
        .await,
    )
    .iter()
    .map(|s| s["id"].as_str().expect("id").to_string())
    .collect();
    let predicted: BTreeSet<String> = stories
        .iter()
        .map(|s| s["story"].as_str().expect("a story id").to_string())
        .collect();
    assert_eq!(predicted, sent_stories, "the daemon's own story ids");

    let text = run_on(&config, &["backtest", "--rule", "alibaba-pla"]).await;
    let text = text.success();
    assert!(
        text.contains("channel out: 3 alerts, 5 matching items, 3 stories"),
        "{text}"
    );
    assert!(text.contains(MEMO_CNBC.1), "{text}");
    assert!(text.contains("+2 more in its story: no alert"), "{text}");
    assert!(
        text.contains(&format!("  {day}       3         5")),
        "{text}"
    );
    assert!(text.contains("  total            3         5"), "{text}");
    assert!(text.contains("not applied:"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backtest_of_a_query_runs_it_over_every_feed() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed("/wire.xml", &rss(&[MEMO_REUTERS, WEATHER], now));
    server.feed("/agg.xml", &rss(&[MEMO_CNBC, TENCENT], now));
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(dir.path(), &server);
    run_on(&config, &["run", "--once"]).await.success();

    let output = run_on(
        &config,
        &["backtest", "--query", "shares OR Typhoon", "--json"],
    )
    .await;
    output.success();
    let report = output.json();
    assert_eq!(report["rule"], serde_json::Value::Null);
    assert_eq!(report["query"], "shares OR Typhoon");
    let only = &report["channels"][0];
    assert_eq!(only["channel"], serde_json::Value::Null);
    assert_eq!(only["matched"], 3, "{only}");
    assert_eq!(
        only["alerts"], 2,
        "the memo's two outlets are one story: {only}"
    );
    let firsts: BTreeSet<&str> = only["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| s["first"]["title"].as_str().expect("title"))
        .collect();
    assert_eq!(firsts, BTreeSet::from([MEMO_CNBC.1, WEATHER.1]));

    let text = run_on(&config, &["backtest", "--query", "Typhoon"]).await;
    let text = text.success();
    assert!(
        text.starts_with("query \"Typhoon\" over 4 stored items first seen since"),
        "{text}"
    );
    assert!(text.contains("1 alert, 1 matching item, 1 story"), "{text}");
}

/// Items first seen 40, 10 and 1 days ago, stored by a poller whose clock is set back: each
/// `--since` reports those first seen within it, counted on their own days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn since_leaves_out_items_first_seen_before_it() {
    let server = TestServer::start().await;
    let rest = format!(
        "{}{RULES}[[channel]]\nname = \"out\"\ntype = \"webhook\"\nurl = \"{}\"\n",
        feed("wire", &server.url("/wire.xml")),
        server.url("/hook")
    );
    let mut h = Harness::new("", &rest).await;
    let now = Utc::now();
    let mut days = Vec::new();
    for (days_ago, entry) in [(40, MEMO_REUTERS), (10, LAB), (1, QUIET_TITLE)] {
        let at = now - chrono::Duration::days(days_ago);
        h.clock = ManualClock::new(at);
        h.set_poll_settings(PollSettings::from(&h.config.daemon));
        server.feed("/wire.xml", &rss(&[entry], at));
        h.poll("wire").await;
        days.push(at.format("%Y-%m-%d").to_string());
    }
    let config = h.dir.path().join("newswatch.toml");
    let backtest = async |since: &str| {
        let output = run_on(
            &config,
            &[
                "backtest",
                "--rule",
                "alibaba-pla",
                "--since",
                since,
                "--json",
            ],
        )
        .await;
        output.success();
        output.json()["channels"][0].clone()
    };
    let month = backtest("30d").await;
    assert_eq!(month["alerts"], 2, "{month}");
    assert_eq!(
        month["days"],
        serde_json::json!([
            {"day": days[1], "alerts": 1, "matched": 1},
            {"day": days[2], "alerts": 1, "matched": 1},
        ])
    );
    assert_eq!(backtest("60d").await["alerts"], 3);
    assert_eq!(backtest("36h").await["alerts"], 1);
    let none = run_on(
        &config,
        &["backtest", "--rule", "alibaba-pla", "--since", "1h"],
    )
    .await;
    let text = none.success();
    assert!(
        text.contains("channel out: 0 alerts, 0 matching items\n"),
        "{text}"
    );
}

#[test]
fn a_wrong_rule_or_query_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state").join("s.db");
    let config = dir.path().join("newswatch.toml");
    std::fs::write(
        &config,
        format!(
            "[daemon]\nstate = \"{}\"\n{RULES}{}",
            state.display(),
            maildir_channel(dir.path())
        ),
    )
    .expect("write config");
    let config = config.to_str().expect("utf-8");

    let unknown = run_cli(["-c", config, "backtest", "--rule", "alibaba-pl"]);
    assert_eq!(
        unknown.code(2).trim(),
        "error: no rule named \"alibaba-pl\" in the config (did you mean \"alibaba-pla\"?)"
    );
    let broken = run_cli(["-c", config, "backtest", "--query", "alibaba AND ("]);
    let stderr = broken.code(2);
    assert!(stderr.starts_with("--query:1:14: "), "{stderr}");
    let neither = run_cli(["-c", config, "backtest"]);
    assert!(neither.code(2).contains("--rule"), "{}", neither.stderr);
    let never_ran = run_cli(["-c", config, "backtest", "--rule", "alibaba-pla"]);
    assert!(never_ran.code(1).contains("no state database at"));
    assert!(
        !state.parent().expect("folder").exists(),
        "backtest created the state folder"
    );
}
