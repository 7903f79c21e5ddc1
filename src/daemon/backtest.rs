//! `newswatch backtest`: what a rule (or an ad-hoc query) would have sent, replayed over the
//! items the store kept, with today's config.
//!
//! The stored items come in the order polls met them (first seen, feed, date; see
//! [`Store::items_since`]) and each goes through the daemon's own steps: the rule set matches
//! it ([`RuleSet::match_item`], with its feed's scopes and tags); an item its poll did not let
//! alert (first-poll backlog, older than `max_item_age`) stops there; [`recipients`] groups
//! its matched rules per channel; [`Stories::decide`] places it in a story on each channel
//! that decides one; and an alert id a channel already got (the same article through another
//! feed) sends nothing again. The rules that take part are those notifying one of the rule's
//! channels, each with only those channels: they are what changes what those channels get (an
//! item matched by two of them is one alert, a story another one opened is joined). An
//! ad-hoc query is grouped among its own matches, on every feed, with the default threshold,
//! as `test-rule` does.
//!
//! The replay starts one `story_window` before `since` without reporting, so that a story
//! open when the period began is joined, as it was, rather than opened again.
//!
//! What it does not apply is listed in [`NOT_APPLIED`]: when alerts would have gone out
//! (digests, quiet hours), caps and follow-ups. Items of feeds no longer in the config are
//! left out: today's config would not poll them.
//!
//! Cost: one pass over the stored items, matching each once (time in proportion to its
//! text), and a story-index lookup for each matched one; nothing but the report's stories is
//! kept per item.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::stories::{Stories, Tentative};
use crate::alert::{article_key, recipients};
use crate::config::{Config, ConfigError, FeedConfig};
use crate::feed::Item;
use crate::rules::{AD_HOC_RULE, ItemMatch, QueryProblem, RuleSet};
use crate::store::{Store, StoreError, StoredItem, StoryRole};
use crate::story::{DEFAULT_THRESHOLD, StoryIndex};

/// The `type` of the JSON document.
pub const REPORT_TYPE: &str = "newswatch.backtest.v1";

/// What the replay does as the daemon does, for a rule: (name in the JSON, what it means).
pub const APPLIED_FOR_RULE: [(&str, &str); 5] = [
    (
        "query",
        "the rule's query and feed scope, with the config's entities and feed tags",
    ),
    (
        "alertable",
        "which items could alert when first seen (first-poll backlog, max_item_age)",
    ),
    (
        "channels",
        "one alert per item and channel, with the channel's other rules",
    ),
    (
        "same_article",
        "the same article through several feeds alerts once per channel",
    ),
    (
        "stories",
        "stories per channel, with its rules' clustering, thresholds and story_window",
    ),
];

/// What the replay does as the daemon would, for an ad-hoc query.
pub const APPLIED_FOR_QUERY: [(&str, &str); 4] = [
    (
        "query",
        "the query on every configured feed, with the config's entities and feed tags",
    ),
    (
        "alertable",
        "which items could alert when first seen (first-poll backlog, max_item_age)",
    ),
    (
        "same_article",
        "the same article through several feeds alerts once",
    ),
    (
        "stories",
        "stories as for a rule with cluster = true and the default threshold",
    ),
];

/// What the daemon does that the replay does not: (name in the JSON, what that means).
pub const NOT_APPLIED: [(&str, &str); 4] = [
    (
        "digest",
        "digests: alerts are counted one by one, where a digest sends them as one message",
    ),
    (
        "quiet_hours",
        "quiet hours: alerts are counted on the day their item was first seen, not when \
         they would have gone out",
    ),
    ("max_alerts", "max_alerts caps: no alert is held"),
    (
        "follow_ups",
        "story follow-ups: items that join a story are counted, the follow-ups they cause \
         are not",
    ),
];

/// What is backtested: a rule of the config or an ad-hoc query, compiled with the rules that
/// share its channels.
pub struct Subject {
    kind: SubjectKind,
    /// For a rule, every rule notifying one of its channels, each with only those; for a
    /// query, the query alone.
    rules: RuleSet,
    /// The channels reported on: the rule's, in its order; one unnamed for a query.
    channels: Vec<Option<String>>,
    /// The rule's `cluster_threshold` for a query's stories (the default).
    query_threshold: f64,
}

enum SubjectKind {
    Rule(String),
    Query(String),
}

impl Subject {
    /// The config's rule `name`; `None` if the config has no such rule.
    pub fn rule(config: &Config, name: &str) -> Option<Result<Subject, ConfigError>> {
        let rule = config.rules.iter().find(|r| r.name == name)?;
        let channels = rule.notify.clone();
        let mut sharing = config.clone();
        sharing.rules.retain_mut(|other| {
            other.notify.retain(|c| channels.contains(c));
            !other.notify.is_empty()
        });
        Some(RuleSet::from_config(&sharing).map(|rules| Subject {
            kind: SubjectKind::Rule(name.to_string()),
            rules,
            channels: channels.into_iter().map(Some).collect(),
            query_threshold: DEFAULT_THRESHOLD,
        }))
    }

    /// An ad-hoc query with the config's entities.
    pub fn query(config: &Config, query: &str) -> Result<Subject, QueryProblem> {
        let rules = RuleSet::from_query(query, config)?;
        let query_threshold = rules
            .rules()
            .first()
            .and_then(|r| r.cluster)
            .and_then(|c| c.threshold)
            .unwrap_or(DEFAULT_THRESHOLD);
        Ok(Subject {
            kind: SubjectKind::Query(query.to_string()),
            rules,
            channels: vec![None],
            query_threshold,
        })
    }

    /// The name its matches go by.
    fn rule_name(&self) -> &str {
        match &self.kind {
            SubjectKind::Rule(name) => name,
            SubjectKind::Query(_) => AD_HOC_RULE,
        }
    }
}

/// The JSON document `backtest --json` prints, and what the text is made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    /// [`REPORT_TYPE`].
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The rule backtested, or `None` for a query.
    pub rule: Option<String>,
    pub query: Option<String>,
    /// Items first seen from `since` to `until` were replayed and reported.
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub items: ItemCounts,
    /// One per channel of the rule, in its order; one with no name for a query.
    pub channels: Vec<ChannelBacktest>,
    /// Names from [`APPLIED_FOR_RULE`] or [`APPLIED_FOR_QUERY`].
    pub applied: Vec<&'static str>,
    /// Names from [`NOT_APPLIED`].
    pub not_applied: Vec<&'static str>,
}

/// The stored items of the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemCounts {
    /// Items first seen in the period, of feeds in the config.
    pub read: u64,
    /// Of those, items stored before newswatch kept item text: matched on their title, link
    /// and feed name only.
    pub without_text: u64,
    /// Items of the period whose feed is no longer in the config, left out.
    pub of_other_feeds: u64,
    /// Items the rule matched that their poll did not let alert (a first poll's backlog, or
    /// older than `max_item_age`).
    pub never_alertable: u64,
    /// When the earliest item read was first seen.
    pub earliest_first_seen: Option<DateTime<Utc>>,
}

/// What one channel would have got.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelBacktest {
    /// `None` for a query.
    pub channel: Option<String>,
    /// Alerts carrying the rule.
    pub alerts: u64,
    /// Alertable items the rule matched: those that alerted, joined a story or repeated an
    /// article already sent.
    pub matched: u64,
    /// Each alert, and each story the rule's items joined, in the order they opened.
    pub stories: Vec<StoryBacktest>,
    /// Per UTC day of first seen, the days with a matched item only.
    pub days: Vec<DayCount>,
}

/// One story (or, on a channel that groups none, one alert) and the rule's items in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryBacktest {
    /// `None` where the channel decided no story: an alert of its own.
    pub story: Option<String>,
    /// The item that opened it, with the rules its alert carried: the rule's own, or
    /// another rule's (whose alert the rule's items then joined), possibly before `since`.
    pub first: FirstItem,
    /// Whether the first item's alert carries the rule and falls in the period.
    pub alert: bool,
    /// The rule's items of the period in it besides the first: joined, or the same article
    /// again.
    pub more: u64,
}

/// An item as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstItem {
    pub first_seen: DateTime<Utc>,
    pub published: Option<DateTime<Utc>>,
    pub feed: String,
    pub entry_id: String,
    pub title: String,
    pub link: Option<String>,
    /// The rules its alert carried on the channel, most severe first.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub day: NaiveDate,
    pub alerts: u64,
    pub matched: u64,
}

/// Replays the items first seen from `since` (and one story window before it, unreported)
/// to `now` for `subject`.
pub async fn backtest<S: Store>(
    store: &S,
    config: &Config,
    subject: &Subject,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Backtest, StoreError> {
    let window =
        chrono::Duration::from_std(config.daemon.story_window).unwrap_or(chrono::Duration::days(2));
    let mut replay = Replay::new(config, subject, since, window);
    store
        .items_since(since - window, |stored| replay.item(stored))
        .await?;
    Ok(replay.finish(now))
}

/// Where an item went on one channel.
struct Outcome {
    /// Index into [`Subject::channels`].
    channel: usize,
    /// The matched rules that notify the channel, most severe first.
    rules: Vec<String>,
    /// Its story there, if the channel decided one.
    story: Option<String>,
    joined: bool,
}

/// One channel's report as it is built.
#[derive(Default)]
struct ChannelTally {
    alerts: u64,
    matched: u64,
    /// Index into `Replay::firsts` to the story reported.
    stories: HashMap<usize, StoryTally>,
    days: BTreeMap<NaiveDate, (u64, u64)>,
}

#[derive(Default)]
struct StoryTally {
    alert: bool,
    more: u64,
}

struct Replay<'a> {
    subject: &'a Subject,
    feeds: HashMap<&'a str, &'a FeedConfig>,
    stories: Stories,
    index: StoryIndex,
    window: chrono::Duration,
    since: DateTime<Utc>,
    /// When the index was last expired, in item time.
    expired_at: Option<DateTime<Utc>>,
    /// The first item of every alert on the subject's channels, in replayed order, with the
    /// story it opened.
    firsts: Vec<(FirstItem, Option<String>)>,
    /// Into `firsts`: each story's first item.
    story_first: HashMap<String, usize>,
    /// Into `firsts`: the first alert of each (channel, article key), as the outbox keeps
    /// alert ids.
    article_first: HashMap<(usize, String), usize>,
    channels: Vec<ChannelTally>,
    items: ItemCounts,
}

impl<'a> Replay<'a> {
    fn new(
        config: &'a Config,
        subject: &'a Subject,
        since: DateTime<Utc>,
        window: chrono::Duration,
    ) -> Replay<'a> {
        Replay {
            subject,
            feeds: config.feeds.iter().map(|f| (f.name.as_str(), f)).collect(),
            stories: Stories::new(config),
            index: StoryIndex::with_window(config.daemon.story_window),
            window,
            since,
            expired_at: None,
            firsts: Vec::new(),
            story_first: HashMap::new(),
            article_first: HashMap::new(),
            channels: subject
                .channels
                .iter()
                .map(|_| ChannelTally::default())
                .collect(),
            items: ItemCounts::default(),
        }
    }

    fn item(&mut self, stored: &StoredItem) {
        let item = &stored.item;
        let at = stored.first_seen_at;
        let reported = at >= self.since;
        let Some(feed) = self.feeds.get(item.feed.as_str()).copied() else {
            self.items.of_other_feeds += u64::from(reported);
            return;
        };
        if reported {
            self.items.read += 1;
            self.items.without_text += u64::from(!stored.has_text);
            self.items.earliest_first_seen.get_or_insert(at);
        }
        let matches = self.subject.rules.match_item(item, Some(feed));
        if matches.is_empty() {
            return;
        }
        let hit = reported && matches.iter().any(|m| m.rule == self.subject.rule_name());
        if !stored.alertable {
            self.items.never_alertable += u64::from(hit);
            return;
        }
        self.expire(at);
        let outcomes = match self.subject.kind {
            SubjectKind::Rule(_) => self.decide(item, &matches, at),
            SubjectKind::Query(_) => self.place(item, &matches, at),
        };
        for outcome in outcomes {
            self.account(outcome, stored, hit);
        }
    }

    /// Drops story members out of the window as the daemon does, every
    /// [`EXPIRE_STORIES_EVERY`](super::run::EXPIRE_STORIES_EVERY) of item time.
    fn expire(&mut self, at: DateTime<Utc>) {
        let every = chrono::Duration::from_std(super::run::EXPIRE_STORIES_EVERY)
            .unwrap_or(chrono::Duration::minutes(10));
        if self.expired_at.is_some_and(|last| at - last < every) {
            return;
        }
        self.index.expire(at - self.window);
        self.expired_at = Some(at);
    }

    /// A rule's item on each of the subject's channels its matched rules notify, decided as
    /// the daemon's poll decides it.
    fn decide(&mut self, item: &Item, matches: &[ItemMatch], at: DateTime<Utc>) -> Vec<Outcome> {
        let rules = &self.subject.rules;
        let decisions = self.stories.decide(
            &mut self.index,
            rules,
            item,
            matches,
            at,
            &mut Tentative::default(),
        );
        recipients(matches, rules.rules())
            .into_iter()
            .filter_map(|recipient| {
                let channel = self
                    .subject
                    .channels
                    .iter()
                    .position(|c| c.as_deref() == Some(recipient.channel))?;
                let decision = decisions.iter().find(|d| d.channel == recipient.channel);
                Some(Outcome {
                    channel,
                    rules: recipient.rule_names(),
                    story: decision.map(|d| d.story.clone()),
                    joined: decision.is_some_and(|d| matches!(d.role, StoryRole::Join { .. })),
                })
            })
            .collect()
    }

    /// A query's item among the query's own stories, as `test-rule` places it.
    fn place(&mut self, item: &Item, matches: &[ItemMatch], at: DateTime<Utc>) -> Vec<Outcome> {
        let Some(hit) = matches.first() else {
            return Vec::new();
        };
        let member = self.stories.member(item, hit, at);
        let placed = Stories::place(
            &mut self.index,
            AD_HOC_RULE,
            self.subject.query_threshold,
            item,
            member,
            &mut Tentative::default(),
        );
        vec![Outcome {
            channel: 0,
            rules: vec![AD_HOC_RULE.to_string()],
            joined: placed.joined.is_some(),
            story: Some(placed.story),
        }]
    }

    /// Counts where an item went on one channel; `reported`: the subject's own item of the
    /// period.
    fn account(&mut self, outcome: Outcome, stored: &StoredItem, reported: bool) {
        let key = (outcome.channel, article_key(&stored.item));
        let earlier = match (&outcome.story, outcome.joined) {
            (Some(story), true) => self.story_first.get(story).copied(),
            _ => self.article_first.get(&key).copied(),
        };
        let (first, alert) = match earlier {
            Some(first) => (first, false),
            None => {
                let item = FirstItem {
                    first_seen: stored.first_seen_at,
                    published: stored.item.published,
                    feed: stored.item.feed.clone(),
                    entry_id: stored.item.entry_id.clone(),
                    title: stored.item.title.clone(),
                    link: stored.item.link.clone(),
                    rules: outcome.rules,
                };
                self.firsts.push((item, outcome.story.clone()));
                let first = self.firsts.len() - 1;
                // A join to a story the replay never saw open cannot send; it is shown as
                // its own story.
                (first, !outcome.joined)
            }
        };
        if alert {
            self.article_first.insert(key, first);
        }
        if let Some(story) = outcome.story.filter(|_| !outcome.joined) {
            self.story_first.entry(story).or_insert(first);
        }
        if !reported {
            return;
        }
        let tally = &mut self.channels[outcome.channel];
        let story = tally.stories.entry(first).or_default();
        let day = tally
            .days
            .entry(stored.first_seen_at.date_naive())
            .or_default();
        tally.matched += 1;
        day.1 += 1;
        if alert {
            story.alert = true;
            tally.alerts += 1;
            day.0 += 1;
        } else {
            story.more += 1;
        }
    }

    fn finish(self, now: DateTime<Utc>) -> Backtest {
        let Replay {
            subject,
            firsts,
            channels,
            items,
            since,
            ..
        } = self;
        let channels = subject
            .channels
            .iter()
            .zip(channels)
            .map(|(channel, tally)| {
                let mut stories: Vec<(usize, StoryTally)> = tally.stories.into_iter().collect();
                stories.sort_by_key(|(first, _)| *first);
                ChannelBacktest {
                    channel: channel.clone(),
                    alerts: tally.alerts,
                    matched: tally.matched,
                    stories: stories
                        .into_iter()
                        .map(|(first, story)| StoryBacktest {
                            story: firsts[first].1.clone(),
                            first: firsts[first].0.clone(),
                            alert: story.alert,
                            more: story.more,
                        })
                        .collect(),
                    days: tally
                        .days
                        .into_iter()
                        .map(|(day, (alerts, matched))| DayCount {
                            day,
                            alerts,
                            matched,
                        })
                        .collect(),
                }
            })
            .collect();
        let (rule, query, applied) = match &subject.kind {
            SubjectKind::Rule(name) => (Some(name.clone()), None, &APPLIED_FOR_RULE[..]),
            SubjectKind::Query(query) => (None, Some(query.clone()), &APPLIED_FOR_QUERY[..]),
        };
        Backtest {
            kind: REPORT_TYPE,
            rule,
            query,
            since,
            until: now,
            items,
            channels,
            applied: applied.iter().map(|(name, _)| *name).collect(),
            not_applied: NOT_APPLIED.iter().map(|(name, _)| *name).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            super::super::CHECKS,
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
        let mut replay = Replay::new(&config, &subject, at(0), chrono::Duration::days(2));
        for item in items {
            replay.item(item);
        }
        replay.finish(at(100))
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
}
