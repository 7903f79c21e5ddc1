//! The replay's decisions on hand-made stored items, one behaviour per test.

use super::*;
use crate::feed::Item;

const RULES: &str = r#"
[daemon]
state = "/nonexistent/state.db"

[entities]
alibaba = ["Alibaba"]
pla = ["PLA", "People's Liberation Army"]

[[feed]]
name = "wire"
url = "https://wire.example/feed.xml"

[[feed]]
name = "agg"
url = "https://agg.example/feed.xml"

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND @pla'
notify = ["desk"]

[[rule]]
name = "pla"
query = '@pla'
notify = ["desk"]

[[rule]]
name = "filings"
query = 'Alibaba'
notify = ["ops"]
cluster = false

[[channel]]
name = "desk"
type = "webhook"
url = "https://hooks.example/desk"

[[channel]]
name = "ops"
type = "webhook"
url = "https://hooks.example/ops"
"#;

fn config() -> Config {
    crate::config::parse_str(
        RULES,
        std::path::Path::new("/etc/newswatch/newswatch.toml"),
        crate::daemon::CHECKS,
    )
    .expect("config")
}

fn at(hours: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("time") + chrono::Duration::hours(hours)
}

fn stored(feed: &str, id: &str, title: &str, summary: &str, seen: i64) -> StoredItem {
    let link = format!("https://{feed}.example/{id}");
    StoredItem {
        item: Item {
            feed: feed.into(),
            entry_id: id.into(),
            title: title.into(),
            summary: summary.into(),
            link: Some(link.clone()),
            canonical_link: Some(link),
            published: Some(at(seen)),
            ..Item::default()
        },
        first_seen_at: at(seen),
        alertable: true,
        has_text: true,
    }
}

/// Replays `items` for the config's rule `rule`, reporting from `at(0)`.
fn replay(rule: &str, items: &[StoredItem]) -> Backtest {
    let config = config();
    let subject = Subject::rule(&config, rule)
        .expect("a rule of the config")
        .expect("compiles");
    let mut run = Run::start(&config, &subject, at(0), chrono::Duration::days(2));
    for item in items {
        run.offer(item);
    }
    run.finish(at(100))
}

const MEMO: &str = "Pentagon memo says Alibaba aided People's Liberation Army, shares fall";
const MEMO_SUMMARY: &str =
    "A Pentagon memo alleges Alibaba gave support to China's People's Liberation Army.";

#[test]
fn it_counts_what_it_could_not_see_or_that_could_not_alert() {
    let old = StoredItem {
        has_text: false,
        ..stored("wire", "old", "Alibaba names PLA liaison", "", 1)
    };
    let backlog = StoredItem {
        alertable: false,
        ..stored("wire", "backlog", "Alibaba and the PLA", "", 2)
    };
    let gone = stored("removed", "x", "Alibaba and the PLA", "", 3);
    let early = stored("wire", "early", "Alibaba and the PLA, again", "", -100);
    let report = replay("alibaba-pla", &[early, old, backlog, gone]);
    assert_eq!(
        report.items,
        ItemCounts {
            read: 2,
            without_text: 1,
            of_other_feeds: 1,
            never_alertable: 1,
            earliest_first_seen: Some(at(1)),
        }
    );
    assert_eq!(report.channels[0].alerts, 1, "{report:?}");
}

#[test]
fn an_article_through_two_feeds_alerts_once_on_a_channel_that_groups_no_story() {
    let mut copy = stored("agg", "copy", "Alibaba files 6-K", "", 2);
    copy.item.canonical_link = Some("https://wire.example/6k".into());
    let mut first = stored("wire", "6k", "Alibaba files 6-K", "", 1);
    first.item.canonical_link = Some("https://wire.example/6k".into());
    let other = stored("wire", "20f", "Alibaba files 20-F annual report", "", 3);
    let report = replay("filings", &[first, copy, other]);
    let desk = &report.channels[0];
    assert_eq!((desk.alerts, desk.matched), (2, 3), "{desk:?}");
    assert_eq!(desk.stories[0].story, None);
    assert_eq!(desk.stories[0].first.entry_id, "6k");
    assert!(desk.stories[0].alert);
    assert_eq!(desk.stories[0].more, 1, "the copy sends nothing");
    assert_eq!(desk.stories[1].more, 0);
    assert_eq!(
        desk.days,
        [DayCount {
            day: at(0).date_naive(),
            alerts: 2,
            matched: 3
        }]
    );
}

#[test]
fn an_item_joining_a_story_another_rule_opened_sends_nothing() {
    let unnamed = stored(
        "wire",
        "1",
        "Pentagon memo says tech giant aided People's Liberation Army, shares fall",
        "A Pentagon memo alleges the group gave support to China's People's Liberation Army.",
        1,
    );
    let named = stored("agg", "2", MEMO, MEMO_SUMMARY, 2);
    let report = replay("alibaba-pla", &[unnamed, named]);
    let desk = &report.channels[0];
    assert_eq!((desk.alerts, desk.matched), (0, 1), "{desk:?}");
    let story = &desk.stories[0];
    assert!(story.story.is_some());
    assert!(!story.alert);
    assert_eq!(story.first.entry_id, "1");
    assert_eq!(story.first.rules, ["pla"], "sent for the other rule");
    assert_eq!(story.more, 1);

    // Alone on its channel the rule would have alerted.
    let report = replay("alibaba-pla", &[stored("agg", "2", MEMO, MEMO_SUMMARY, 2)]);
    assert_eq!(report.channels[0].alerts, 1);
}

#[test]
fn a_story_open_when_the_period_begins_is_joined_not_opened_again() {
    let before = stored("wire", "1", MEMO, MEMO_SUMMARY, -3);
    let after = stored(
        "agg",
        "2",
        "US memo alleges Alibaba supported People's Liberation Army, shares slide",
        MEMO_SUMMARY,
        1,
    );
    let report = replay("alibaba-pla", &[before, after]);
    let desk = &report.channels[0];
    assert_eq!((desk.alerts, desk.matched), (0, 1), "{desk:?}");
    assert_eq!(desk.stories[0].first.first_seen, at(-3));
    assert_eq!(desk.stories[0].more, 1);
    assert_eq!(report.items.read, 1, "the warm-up is not reported");
}

#[test]
fn items_are_decided_in_their_order_across_batches() {
    let copies: Vec<StoredItem> = (0..700)
        .map(|n| {
            let feed = if n % 2 == 0 { "wire" } else { "agg" };
            let mut copy = stored(feed, &n.to_string(), "Alibaba files 6-K", "", 1);
            copy.first_seen_at += chrono::Duration::seconds(n);
            copy.item.canonical_link = Some("https://wire.example/6k".into());
            copy
        })
        .collect();
    let report = replay("filings", &copies);
    let ops = &report.channels[0];
    assert_eq!((ops.alerts, ops.matched), (1, 700), "{ops:?}");
    assert_eq!(ops.stories[0].first.entry_id, "0");
    assert_eq!(ops.stories[0].more, 699);
}
