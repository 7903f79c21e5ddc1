//! The [`Store`] contract as checks any implementation runs: one `pub async fn` per promise
//! documented on `newswatch::store::Store`, and [`store_contract_tests!`], which turns each into
//! a test of its own so that a failure names the promise broken. The checks are grouped as the
//! trait is: [`feeds`] (feed state and polls), [`outbox`], [`incidents`] and [`stories`].
//!
//! Time is the `now` each check passes, around 2001-09-09, far from the wall clock: a store
//! that read the clock would fail them. Nothing sleeps.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};

use newswatch::alert::{
    OutboxAlert, STORY_UPDATE_TYPE, StoryLead, StoryUpdate, alert_id, alerts_for, article_key,
    story_id,
};
use newswatch::config::Severity;
use newswatch::feed::Item;
use newswatch::feed::rhythm::Rhythm;
use newswatch::rules::{ItemMatch, Notify, RuleInfo};
use newswatch::store::{
    AlertRow, ChannelTrouble, DeliveryResult, FeedState, FollowUp, Incident, ItemKey, NewItem,
    OutboxCounts, PollCommit, PolledItem, Queue, ReplayFilter, ReplayedEntry, RuleSummary, Store,
    StoreError, StoredItem, StoredMember, StoryDecision, StoryMemberSummary, StoryRole,
    StorySummary,
};

mod feeds;
mod incidents;
mod outbox;
mod stories;

pub use feeds::*;
pub use incidents::*;
pub use outbox::*;
pub use stories::*;

/// Expands to one `#[tokio::test]` per contract point, in a module `$name`, each on a store of
/// its own from `$fresh`: an async closure returning `(store, guard)`, where `guard` lives as
/// long as the test (a temporary folder holding the database, or `()`). This module must be
/// mounted at the test crate's root as `store_contract`.
#[macro_export]
macro_rules! store_contract_tests {
    ($name:ident, $fresh:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            $crate::store_contract_tests!(@each $fresh;
                sync_feeds_makes_a_new_feed_due_at_once,
                sync_feeds_resets_a_feed_whose_url_changed,
                sync_feeds_keeps_state_when_only_credentials_change,
                sync_feeds_keeps_feeds_left_out_of_the_config,
                feed_state_round_trips_every_field,
                feed_rhythm_is_stored_with_the_state_and_kept_when_none_is_given,
                sync_feeds_forgets_the_rhythm_of_a_feed_whose_url_changed,
                record_poll_tells_new_items_from_already_seen,
                record_poll_takes_the_first_copy_of_a_repeated_entry_id,
                record_poll_marks_a_link_first_seen_in_another_feed,
                record_poll_queues_each_alert_id_once,
                record_poll_queues_nothing_for_items_that_may_not_alert,
                record_poll_writes_the_feed_state_with_the_items,
                a_failed_poll_writes_nothing,
                known_entries_answers_for_one_feed,
                prune_items_forgets_only_items_not_seen_since_the_cutoff,
                items_since_gives_back_each_item_as_polled_in_poll_order,
                claim_due_hands_out_due_entries_in_order,
                claim_due_leases_an_entry_until_the_lease_ends,
                release_claims_ends_only_that_owners_running_leases,
                finish_delivery_retry_makes_an_entry_due_at_its_time,
                finish_delivery_delivered_or_dead_leaves_the_queue,
                claim_due_keeps_the_digest_queue_apart,
                next_due_is_the_earliest_pending_entry,
                outbox_counts_sum_each_channel,
                alerts_lists_newest_first,
                replay_puts_finished_entries_back,
                open_incident_queues_its_notices_with_it,
                close_incident_queues_its_notices_with_it,
                last_new_items_remembers_the_last_poll_with_a_new_item,
                troubled_channels_lists_channels_whose_pending_entries_failed,
                rule_summaries_count_the_matches_of_stored_items,
                feed_states_and_summaries_list_every_feed_by_name,
                a_lead_opens_a_story_and_alerts,
                a_join_queues_a_follow_up_instead_of_its_alert,
                another_feeds_copy_joins_without_a_follow_up,
                a_join_to_a_story_not_in_the_store_leads_it,
                leads_are_recorded_before_joins_in_one_poll,
                story_members_since_lists_oldest_first_and_pruning_ages_them_out,
                stories_filter_by_rule_and_channel_newest_first,
                check_writable_accepts_a_working_store,
                times_come_from_the_caller,
                claim_feed_hands_a_due_feed_to_one_claimant_at_a_time,
                release_claims_ends_a_gone_owners_feed_claims,
                a_poll_whose_claim_was_taken_again_writes_nothing,
                renew_feed_claim_keeps_a_slow_poll_its_feed,
            );
        }
    };
    (@each $fresh:expr; $($check:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $check() {
                let (store, _guard) = ($fresh)().await;
                $crate::store_contract::$check(&store).await;
            }
        )*
    };
}

const CHANNEL: &str = "desk";
const OTHER_CHANNEL: &str = "ops";
const RULE: &str = "alibaba";
const HOUR: Duration = Duration::from_secs(3600);
const LEASE: Duration = Duration::from_secs(60);
/// The claiming process's identity, as `daemon::claims` writes it.
const OWNER: &str = "boot-a/4242/1000";

/// 2001-09-09 01:46:40 UTC, plus `seconds`.
pub fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_000_000_000 + seconds, 0).expect("a valid time")
}

fn epoch() -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH
}

fn url(feed: &str) -> String {
    format!("https://{feed}.example/feed.xml")
}

/// An item whose canonical link is its own.
fn item(feed: &str, id: &str) -> Item {
    linked(feed, id, &format!("https://{feed}.example/{id}"))
}

/// An item carrying the article at `link`.
fn linked(feed: &str, id: &str, link: &str) -> Item {
    Item {
        feed: feed.to_string(),
        entry_id: id.to_string(),
        title: format!("Memo {id} names Alibaba"),
        summary: format!("Summary of {id}"),
        link: Some(link.to_string()),
        canonical_link: Some(link.to_string()),
        published: Some(at(-600)),
        ..Default::default()
    }
}

/// A rule that notifies `channel`, at once or in a digest of `digest`.
fn rule(name: &str, channel: &str, digest: Option<Duration>) -> RuleInfo {
    RuleInfo {
        name: name.to_string(),
        severity: Severity::High,
        notify: vec![Notify {
            channel: channel.to_string(),
            digest,
            quiet: None,
        }],
        cluster: None,
        story_update: None,
        max_alerts: None,
    }
}

fn follow_up_hourly() -> FollowUp {
    FollowUp {
        severity: Severity::High,
        period: HOUR,
        digest: None,
        quiet: None,
    }
}

/// One item of a poll with what the daemon decided about it, owned.
struct Verdict {
    item: Item,
    alertable: bool,
    matches: Vec<ItemMatch>,
    alerts: Vec<OutboxAlert>,
    stories: Vec<StoryDecision>,
}

impl Verdict {
    /// New-looking, alertable, matching nothing.
    fn plain(item: Item) -> Verdict {
        Verdict {
            item,
            alertable: true,
            matches: Vec::new(),
            alerts: Vec::new(),
            stories: Vec::new(),
        }
    }

    /// Matching every rule of `rules`, with the alerts the daemon makes of that at `now`.
    fn matching(item: Item, rules: &[RuleInfo], now: DateTime<Utc>) -> Verdict {
        let matches: Vec<ItemMatch> = rules
            .iter()
            .map(|r| ItemMatch {
                rule: r.name.clone(),
                spans: Vec::new(),
            })
            .collect();
        let alerts = alerts_for(&item, &matches, rules, &[], now).expect("alerts encode");
        Verdict {
            alerts,
            matches,
            ..Verdict::plain(item)
        }
    }

    /// Not allowed to alert (a first poll's backlog, or too old), its alerts given anyway.
    fn backlog(self) -> Verdict {
        Verdict {
            alertable: false,
            ..self
        }
    }

    /// Opening the story of its article on `channel`; returns the story id too.
    fn leading(mut self, channel: &str, source: &str) -> (Verdict, String) {
        let article = article_key(&self.item);
        let story = story_id(channel, &article);
        self.stories.push(StoryDecision {
            channel: channel.to_string(),
            rules: self.matches.iter().map(|m| m.rule.clone()).collect(),
            story: story.clone(),
            source: source.to_string(),
            concepts: vec!["alibaba".to_string(), "pla".to_string()],
            role: StoryRole::Lead {
                article,
                near: None,
            },
        });
        (self, story)
    }

    /// Joining `story` on `channel`.
    fn joining(
        mut self,
        story: &str,
        channel: &str,
        source: &str,
        follow_up: Option<FollowUp>,
    ) -> Verdict {
        self.stories.push(StoryDecision {
            channel: channel.to_string(),
            rules: self.matches.iter().map(|m| m.rule.clone()).collect(),
            story: story.to_string(),
            source: source.to_string(),
            concepts: vec!["alibaba".to_string()],
            role: StoryRole::Join {
                similarity: 0.98,
                follow_up,
            },
        });
        self
    }

    fn alert_id(&self, channel: &str) -> String {
        alert_id(&self.item, channel)
    }
}

fn polled(verdicts: &[Verdict]) -> Vec<PolledItem<'_>> {
    verdicts
        .iter()
        .map(|v| PolledItem {
            item: &v.item,
            alertable: v.alertable,
            matches: &v.matches,
            alerts: &v.alerts,
            stories: &v.stories,
        })
        .collect()
}

/// Records a poll of `feed` that brought `verdicts`, with a fresh state of the feed.
async fn record<S: Store>(
    store: &S,
    feed: &str,
    verdicts: &[Verdict],
    now: DateTime<Utc>,
) -> PollCommit {
    let state = FeedState::new(feed, &url(feed));
    store
        .record_poll(&state, &polled(verdicts), now)
        .await
        .expect("record_poll")
}

fn new_ids(commit: &PollCommit) -> Vec<&str> {
    commit
        .new_items
        .iter()
        .map(|n| n.entry_id.as_str())
        .collect()
}

/// Every outbox entry, newest first.
async fn outbox<S: Store>(store: &S) -> Vec<AlertRow> {
    store.alerts(epoch(), None).await.expect("alerts")
}

async fn entry<S: Store>(store: &S, id: &str) -> AlertRow {
    outbox(store)
        .await
        .into_iter()
        .find(|row| row.id == id)
        .unwrap_or_else(|| panic!("outbox entry {id}"))
}

async fn claim<S: Store>(
    store: &S,
    channel: &str,
    queue: Queue,
    now: DateTime<Utc>,
) -> Vec<String> {
    store
        .claim_due(channel, queue, now, LEASE, 100, OWNER)
        .await
        .expect("claim_due")
        .into_iter()
        .map(|e| e.id)
        .collect()
}

async fn finish<S: Store>(store: &S, id: &str, result: DeliveryResult, now: DateTime<Utc>) {
    store
        .finish_delivery(id, &result, now)
        .await
        .expect("finish_delivery");
}

fn retry(at: DateTime<Utc>, error: &str) -> DeliveryResult {
    DeliveryResult::Retry {
        at,
        error: error.to_string(),
    }
}

fn dead(error: &str) -> DeliveryResult {
    DeliveryResult::Dead {
        error: error.to_string(),
    }
}

fn set<const N: usize>(ids: [&str; N]) -> HashSet<String> {
    ids.into_iter().map(str::to_string).collect()
}
