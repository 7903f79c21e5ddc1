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
//! Polls of one pass that were first seen in the same second are taken in feed-name order,
//! which is the order of the daemon's turns ([`super::turns`]).
//!
//! Cost: one pass over the stored items, matching each once (time in proportion to its
//! text, on other threads: [`matching`]), and a story-index lookup per channel for each
//! matched one; nothing but the first item of each alert is kept.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::config::{Config, ConfigError};
use crate::rules::{AD_HOC_RULE, QueryProblem, RuleSet};
use crate::store::{Store, StoreError, StoredItem};
use crate::story::DEFAULT_THRESHOLD;
use pipeline::Pipeline;
use replay::{Prepare, Prepared, Replay};

mod pipeline;
mod replay;
#[cfg(test)]
mod tests;

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
    /// What the pipeline's threads share.
    shared: Arc<SubjectRules>,
    /// The channels reported on: the rule's, in its order; one unnamed for a query.
    channels: Vec<Option<String>>,
    /// The rule's `cluster_threshold` for a query's stories (the default).
    query_threshold: f64,
}

/// The rules a subject is matched with.
struct SubjectRules {
    /// For a rule, every rule notifying one of its channels, each with only those; for a
    /// query, the query alone.
    rules: RuleSet,
    /// Whether it is an ad-hoc query, whose matches are grouped among themselves.
    query: bool,
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
            shared: Arc::new(SubjectRules {
                rules,
                query: false,
            }),
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
            shared: Arc::new(SubjectRules { rules, query: true }),
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
    let mut run = Run::start(config, subject, since, window);
    store
        .items_since(since - window, |stored| run.offer(stored))
        .await?;
    Ok(run.finish(now))
}

/// A replay under way: each item's independent work ahead on the pipeline's threads, its
/// decisions here in the items' order.
struct Run<'a> {
    pipeline: Pipeline<Prepared>,
    replay: Replay<'a>,
}

impl<'a> Run<'a> {
    fn start(
        config: &'a Config,
        subject: &'a Subject,
        since: DateTime<Utc>,
        window: chrono::Duration,
    ) -> Run<'a> {
        let prepare = Prepare::new(config, subject);
        Run {
            pipeline: Pipeline::start(Arc::new(move |stored: &StoredItem| prepare.item(stored))),
            replay: Replay::new(config, subject, since, window),
        }
    }

    fn offer(&mut self, stored: &StoredItem) {
        let replay = &mut self.replay;
        self.pipeline
            .push(stored, |stored, prepared| replay.item(stored, prepared));
    }

    fn finish(self, now: DateTime<Utc>) -> Backtest {
        let Run {
            pipeline,
            mut replay,
        } = self;
        pipeline.finish(|stored, prepared| replay.item(stored, prepared));
        replay.finish(now)
    }
}
