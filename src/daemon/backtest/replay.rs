//! The replay proper: each stored item through the daemon's steps, in order. What needs
//! nothing of the items before it ([`Prepare`]: matching, and the fingerprints of a matched
//! item) runs ahead on the pipeline's threads; the rest ([`Replay`]: the story index, the
//! alert ids already sent, the counts) runs here, one item at a time.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use super::{APPLIED_FOR_QUERY, APPLIED_FOR_RULE, NOT_APPLIED, REPORT_TYPE, Subject, SubjectKind};
use super::{Backtest, ChannelBacktest, DayCount, FirstItem, ItemCounts, StoryBacktest};
use crate::alert::{article_key, recipients};
use crate::config::Config;
use crate::daemon::stories::{PreparedStories, Stories, Tentative};
use crate::rules::{AD_HOC_RULE, ItemMatch};
use crate::store::{StoredItem, StoryRole};
use crate::story::{Member, StoryIndex};

/// What the pipeline works out for one item.
pub(super) struct Prepared {
    /// The subject's rules that match it, with its feed's scopes.
    matches: Vec<ItemMatch>,
    placing: Placing,
}

/// A matched, alertable item's story work, ready for the index.
enum Placing {
    /// Nothing to place: not matched, not alertable, or of a feed not configured.
    None,
    /// For a rule: the channels that decide its story.
    Channels(PreparedStories),
    /// For a query: its member of the query's scope and its article key.
    Query { member: Member, article: String },
}

/// The per-item work of the pipeline's threads.
pub(super) struct Prepare {
    subject: Arc<super::SubjectRules>,
    stories: Arc<Stories>,
    /// The configured feeds' names.
    feeds: HashSet<String>,
}

impl Prepare {
    pub(super) fn new(config: &Config, subject: &Subject) -> Prepare {
        Prepare {
            subject: Arc::clone(&subject.shared),
            stories: Arc::new(Stories::new(config)),
            feeds: config.feeds.iter().map(|f| f.name.clone()).collect(),
        }
    }

    pub(super) fn item(&self, stored: &StoredItem) -> Prepared {
        let item = &stored.item;
        if !self.feeds.contains(&item.feed) {
            return Prepared {
                matches: Vec::new(),
                placing: Placing::None,
            };
        }
        let rules = &self.subject.rules;
        let matches = rules.match_in_feed(item, &item.feed);
        let placing = match matches.first() {
            None => Placing::None,
            Some(_) if !stored.alertable => Placing::None,
            Some(hit) if self.subject.query => Placing::Query {
                member: self.stories.member(item, hit, stored.first_seen_at),
                article: article_key(item),
            },
            Some(_) => {
                Placing::Channels(
                    self.stories
                        .prepare(rules, item, &matches, stored.first_seen_at),
                )
            }
        };
        Prepared { matches, placing }
    }
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

/// The decisions, in the items' order, and the report they add up to.
pub(super) struct Replay<'a> {
    subject: &'a Subject,
    /// The configured feeds' names.
    feeds: HashSet<&'a str>,
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
    pub(super) fn new(
        config: &'a Config,
        subject: &'a Subject,
        since: DateTime<Utc>,
        window: chrono::Duration,
    ) -> Replay<'a> {
        Replay {
            subject,
            feeds: config.feeds.iter().map(|f| f.name.as_str()).collect(),
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

    /// Decides `stored`, prepared by [`Prepare::item`], as the daemon's poll would have.
    pub(super) fn item(&mut self, stored: &StoredItem, prepared: Prepared) {
        let item = &stored.item;
        let at = stored.first_seen_at;
        let reported = at >= self.since;
        if !self.feeds.contains(item.feed.as_str()) {
            self.items.of_other_feeds += u64::from(reported);
            return;
        }
        if reported {
            self.items.read += 1;
            self.items.without_text += u64::from(!stored.has_text);
            self.items.earliest_first_seen.get_or_insert(at);
        }
        let Prepared { matches, placing } = prepared;
        if matches.is_empty() {
            return;
        }
        let hit = reported && matches.iter().any(|m| m.rule == self.subject.rule_name());
        if !stored.alertable {
            self.items.never_alertable += u64::from(hit);
            return;
        }
        self.expire(at);
        let outcomes = match placing {
            Placing::Channels(stories) => self.decide(&matches, stories),
            Placing::Query { member, article } => self.place(member, &article),
            Placing::None => Vec::new(),
        };
        for outcome in outcomes {
            self.account(outcome, stored, hit);
        }
    }

    /// Drops story members out of the window as the daemon does, every
    /// [`EXPIRE_STORIES_EVERY`](crate::daemon::run::EXPIRE_STORIES_EVERY) of item time.
    fn expire(&mut self, at: DateTime<Utc>) {
        let every = chrono::Duration::from_std(crate::daemon::run::EXPIRE_STORIES_EVERY)
            .unwrap_or(chrono::Duration::minutes(10));
        if self.expired_at.is_some_and(|last| at - last < every) {
            return;
        }
        self.index.expire(at - self.window);
        self.expired_at = Some(at);
    }

    /// A rule's item on each of the subject's channels its matched rules notify, decided as
    /// the daemon's poll decides it.
    fn decide(&mut self, matches: &[ItemMatch], stories: PreparedStories) -> Vec<Outcome> {
        let decisions = Stories::settle(&mut self.index, stories, &mut Tentative::default());
        recipients(matches, self.subject.shared.rules.rules())
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
    fn place(&mut self, member: Member, article: &str) -> Vec<Outcome> {
        let placed = Stories::place_article(
            &mut self.index,
            AD_HOC_RULE,
            self.subject.query_threshold,
            article,
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

    pub(super) fn finish(self, now: DateTime<Utc>) -> Backtest {
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
