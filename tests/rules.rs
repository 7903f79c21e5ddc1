//! Rules end to end: matches stored with their poll, scopes applied, `test-rule` output, and
//! `check` rejecting bad queries with the rule's line and column.

mod common;

use chrono::Utc;
use common::{Cli, Harness, TestServer, repo_file, rss};
use newswatch::daemon::PollOutcome;
use newswatch::store::Store;

const RULES: &str = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴", "/\\bBABA\\b/"]
pla = ["PLA", "People's Liberation Army", "解放军"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND @pla'

[[rule]]
name = "filings-only"
query = 'alibaba'
feeds = ["tag:filings"]
"#;

#[tokio::test]
async fn matches_are_stored_with_the_poll_and_scopes_apply() {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/news.xml",
        &rss(&[
            (
                "n1",
                "Pentagon says Alibaba aided the People’s Liberation Army",
                now,
            ),
            ("n2", "阿里巴巴否认与解放军有关", now),
            ("n3", "Alibaba earnings beat estimates", now),
        ]),
    );
    server.feed("/sec.xml", &rss(&[("s1", "Alibaba Group files 6-K", now)]));
    let feeds = format!(
        "[[feed]]\nname = \"news\"\nurl = \"{}\"\n[[feed]]\nname = \"sec\"\nurl = \"{}\"\ntags = [\"filings\"]\n",
        server.url("/news.xml"),
        server.url("/sec.xml")
    );
    let h = Harness::new("", &format!("{feeds}{RULES}")).await;
    // n1 and n2 match alibaba-pla; n3 matches nothing (filings-only is scoped away).
    assert_eq!(
        h.poll("news").await.outcome,
        PollOutcome::Changed {
            new_items: 3,
            alertable: 3,
            matches: 2
        }
    );
    assert_eq!(
        h.poll("sec").await.outcome,
        PollOutcome::Changed {
            new_items: 1,
            alertable: 1,
            matches: 1
        }
    );
    let rules = h.store.rule_summaries().await.expect("summaries");
    let counts: Vec<(&str, u64)> = rules.iter().map(|r| (r.rule.as_str(), r.matches)).collect();
    assert_eq!(counts, [("alibaba-pla", 2), ("filings-only", 1)]);

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", h.config.daemon.state.display()))
        .await
        .expect("connect");
    let (spans,): (String,) = sqlx::query_as(
        "SELECT spans FROM matches WHERE feed = 'news' AND entry_id = 'n1' AND rule = 'alibaba-pla'",
    )
    .fetch_one(&pool)
    .await
    .expect("stored match");
    let spans: serde_json::Value = serde_json::from_str(&spans).expect("json spans");
    let found: Vec<(&str, &str)> = spans
        .as_array()
        .expect("list")
        .iter()
        .map(|s| {
            (
                s["field"].as_str().expect("field"),
                s["text"].as_str().expect("text"),
            )
        })
        .collect();
    // The test feed repeats the title in the description ("About ...").
    assert_eq!(
        found,
        [
            ("title", "Alibaba"),
            ("title", "People's Liberation Army"),
            ("summary", "Alibaba"),
            ("summary", "People's Liberation Army")
        ]
    );

    // A second poll of the same document stores nothing new.
    assert_eq!(h.poll("news").await.outcome, PollOutcome::NotModified);
    let again = h.store.rule_summaries().await.expect("summaries");
    assert_eq!(again[0].matches, 2);
}

#[test]
fn test_rule_on_the_demo_shows_matching_items_with_evidence() {
    let config = repo_file("config/demo.toml");
    let file = repo_file("config/demo/news.rss");
    let output = Cli::new(["-c", config.to_str().expect("utf-8"), "test-rule"])
        .args(["--query", "@alibaba AND (@pla OR military)"])
        .args(["--file", file.to_str().expect("utf-8")])
        .run();
    let stdout = output.success();
    assert!(
        stdout.contains(
            "[query] Pentagon memo says [Alibaba] aided [People's Liberation Army], shares fall"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("[Alibaba] denies [military] ties"),
        "{stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with("2 of 4 items match, in 2 stories"),
        "{stdout}"
    );
    assert!(
        !config
            .parent()
            .expect("dir")
            .join("../state/test-rule-wrote-this")
            .exists()
    );
}

#[test]
fn test_rule_json_gives_one_object_per_match_with_spans() {
    let config = repo_file("config/demo.toml");
    let file = repo_file("config/demo/chinese-gb2312.rss");
    let output = Cli::new(["-c", config.to_str().expect("utf-8"), "test-rule", "--json"])
        .args(["--rule", "alibaba-pla"])
        .args(["--file", file.to_str().expect("utf-8")])
        .run();
    let lines: Vec<serde_json::Value> = output
        .success()
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let hit = &lines[0];
    assert_eq!(hit["rule"], "alibaba-pla");
    assert_eq!(hit["id"], "demo-zh-1");
    for key in ["title", "link", "feed", "spans"] {
        assert!(!hit[key].is_null(), "{key} missing: {hit}");
    }
    let texts: Vec<&str> = hit["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert!(
        texts.contains(&"阿里巴巴") && texts.contains(&"中国人民解放军"),
        "{texts:?}"
    );
}

#[test]
fn check_rejects_bad_queries_with_rule_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("newswatch.toml");
    std::fs::write(
        &path,
        r#"[entities]
alibaba = ["Alibaba"]

[[rule]]
name = "typo"
query = "@alibab AND pla"

[[rule]]
name = "unbalanced"
query = "(alibaba OR pla"

[[rule]]
name = "negative"
query = "NOT alibaba"

[[rule]]
name = "badregex"
query = "/alibaba(/"

[[rule]]
name = "badfield"
query = "titel:alibaba"

[[rule]]
name = "near-and"
query = "alibaba NEAR/3 (pla AND army)"
"#,
    )
    .expect("write config");
    let output = Cli::new(["-c", path.to_str().expect("utf-8"), "check"]).run();
    let stderr = output.code(2);
    let file = path.display().to_string();
    let expect = [
        (6, 10, "typo", "did you mean @alibaba?"),
        (10, 10, "unbalanced", "parenthesis"),
        (14, 10, "negative", "positive"),
        (18, 10, "badregex", "regex"),
        (22, 10, "badfield", "titel"),
        (26, 30, "near-and", "AND"),
    ];
    for (line, col, rule, fragment) in expect {
        let wanted = format!("{file}:{line}:{col}: rule \"{rule}\": ");
        let found = stderr.lines().find(|l| l.starts_with(&wanted));
        assert!(
            found.is_some_and(|l| l.contains(fragment)),
            "{wanted}…{fragment} in\n{stderr}"
        );
    }
}

#[test]
fn test_rule_applies_feed_scopes_only_to_configured_feeds() {
    let config = repo_file("config/demo.toml");
    let run = |source: &[&str]| {
        let output = Cli::new(["-c", config.to_str().expect("utf-8"), "test-rule"])
            .args(["--rule", "alibaba-filings"])
            .args(source)
            .run();
        output
            .success()
            .trim_end()
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    // The rule is scoped to tag:filings: a news feed from the config is out of scope ...
    assert_eq!(run(&["--feed", "demo-news"]), "0 of 4 items match");
    assert_eq!(run(&["--feed", "demo-sec"]), "2 of 2 items match");
    // ... but the same document from a file belongs to no feed, so no scope applies.
    let file = repo_file("config/demo/news.rss");
    assert_eq!(
        run(&["--file", file.to_str().expect("utf-8")]),
        "3 of 4 items match"
    );
    let url = format!("file://{}", file.display());
    assert_eq!(run(&["--url", &url]), "3 of 4 items match");
}
