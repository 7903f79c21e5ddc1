//! The same documents polled in different orders give the same alerts and the same stories.
//!
//! Three weeks of the stream set's development half (`tests/data/stream/dev.jsonl`), moved so
//! that they end an hour ago, are written as one RSS file per outlet. `newswatch run --once`
//! (the real binary, a fresh state each time) polls them with the feeds listed, and each
//! document's items written, in five shuffled orders. Every run must alert the same items and
//! group them into the same stories, whichever feed's poll happens to finish first.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use common::run_cli;
use rand::SeedableRng;
use rand::seq::SliceRandom;

#[derive(serde::Deserialize, Clone)]
struct Labelled {
    id: String,
    feed: String,
    title: String,
    #[serde(default)]
    summary: String,
    link: Option<String>,
    published: DateTime<Utc>,
}

/// The items of the last `days` days of the development half, moved to end an hour ago.
fn recent_items(days: i64) -> Vec<Labelled> {
    let path = common::repo_file("tests/data/stream/dev.jsonl");
    let text = std::fs::read_to_string(&path).expect("dev half");
    let items: Vec<Labelled> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("labelled item"))
        .collect();
    let last = items.iter().map(|i| i.published).max().expect("items");
    let shift = Utc::now() - chrono::Duration::hours(1) - last;
    items
        .into_iter()
        .filter(|i| last - i.published <= chrono::Duration::days(days))
        .map(|mut i| {
            i.published += shift;
            i
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn rss(items: &[&Labelled]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>t</title><link>https://example.com/</link><description>t</description>\n",
    );
    for item in items {
        out.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{}</guid><title>{}</title><link>{}</link>\
             <pubDate>{}</pubDate><description>{}</description></item>\n",
            item.id,
            escape(&item.title),
            escape(item.link.as_deref().unwrap_or("")),
            item.published.to_rfc2822(),
            escape(&item.summary),
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// What one run produced: the subjects of the alerts it sent, and its stories as sets of
/// entry ids.
#[derive(Debug, PartialEq)]
struct Outcome {
    alerts: BTreeSet<String>,
    stories: BTreeSet<BTreeSet<String>>,
}

/// Writes the feeds and a config in `dir`, feeds and items in an order shuffled by `seed`,
/// runs one pass and reads what it did.
fn run(dir: &Path, items: &[Labelled], seed: u64) -> Outcome {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut by_feed: BTreeMap<&str, Vec<&Labelled>> = BTreeMap::new();
    for item in items {
        by_feed.entry(item.feed.as_str()).or_default().push(item);
    }
    let mut feeds: Vec<(&str, Vec<&Labelled>)> = by_feed.into_iter().collect();
    feeds.shuffle(&mut rng);
    let mut config = String::from(
        "[daemon]\nstate = \"state.db\"\nnew_feed_backlog = \"30d\"\nmax_item_age = \"30d\"\n\n\
         [[channel]]\nname = \"desk\"\ntype = \"email\"\nfrom = \"n@test.example\"\n\
         to = [\"d@test.example\"]\ntransport = \"maildir\"\ndir = \"mail\"\n\n\
         [[rule]]\nname = \"everything\"\nquery = '/\\S/'\nnotify = [\"desk\"]\n\n",
    );
    for (feed, mut entries) in feeds {
        entries.shuffle(&mut rng);
        let file = dir.join(format!("{feed}.xml"));
        std::fs::write(&file, rss(&entries)).expect("feed file");
        config.push_str(&format!(
            "[[feed]]\nname = \"{feed}\"\nurl = \"file://{}\"\n\n",
            file.display()
        ));
    }
    let config_path = dir.join("newswatch.toml");
    std::fs::write(&config_path, config).expect("config");
    let config_arg = config_path.to_str().expect("utf-8");
    run_cli(["-c", config_arg, "run", "--once"]).success();
    let stories = run_cli(["-c", config_arg, "stories", "--since", "60d", "--json"]);
    stories.success();
    // One JSON document per story, one per line.
    let stories = stories
        .stdout_utf8()
        .lines()
        .map(|line| {
            let story: serde_json::Value = serde_json::from_str(line).expect("json");
            story["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m["entry_id"].as_str().expect("entry id").to_string())
                .collect()
        })
        .collect();
    let alerts = std::fs::read_dir(dir.join("mail/new"))
        .expect("maildir")
        .map(|entry| {
            let bytes = std::fs::read(entry.expect("entry").path()).expect("mail");
            let message = mail_parser::MessageParser::default()
                .parse(&bytes)
                .expect("parses");
            message.subject().expect("subject").to_string()
        })
        .collect();
    Outcome { alerts, stories }
}

#[test]
fn any_poll_order_gives_the_same_alerts_and_stories() {
    let items = recent_items(21);
    assert!(items.len() > 60, "three weeks of items: {}", items.len());
    let mut outcomes = Vec::new();
    for seed in 1..=5u64 {
        let dir = tempfile::tempdir().expect("dir");
        outcomes.push(run(dir.path(), &items, seed));
    }
    let first = &outcomes[0];
    assert!(
        first.alerts.len() > 10 && first.stories.len() < items.len(),
        "alerts and some grouping: {} alerts, {} stories of {} items",
        first.alerts.len(),
        first.stories.len(),
        items.len()
    );
    for (seed, outcome) in outcomes.iter().enumerate().skip(1) {
        let only_first: Vec<_> = first.alerts.difference(&outcome.alerts).collect();
        let only_this: Vec<_> = outcome.alerts.difference(&first.alerts).collect();
        assert!(
            only_first.is_empty() && only_this.is_empty(),
            "order {}: alerts differ from order 1: {only_first:?} / {only_this:?}",
            seed + 1
        );
        assert_eq!(
            first.stories,
            outcome.stories,
            "order {}: stories differ from order 1",
            seed + 1
        );
    }
}
