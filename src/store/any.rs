//! Either engine, as the config chooses (`[daemon] store`): the one type every command opens
//! and hands to the daemon. The `Store` trait's methods return `impl Future`, so it cannot be
//! a trait object; this enum forwards each call to the engine it holds.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::alert::{OutboxAlert, StoryLead};
use crate::feed::rhythm::Rhythm;

use super::{
    AlertRow, ChannelTrouble, DeliveryResult, FeedState, FeedSummary, Incident, OutboxCounts,
    OutboxEntry, PollCommit, PolledItem, PostgresStore, Queue, ReplayFilter, ReplayedEntry,
    RuleSummary, SqliteStore, Store, StoreError, StoredItem, StoredMember, StorySummary,
};

#[derive(Debug, Clone)]
pub enum AnyStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl AnyStore {
    /// Whether other newswatch processes, on other machines, may share this store: then what
    /// one machine can tell of another process (its pid, its boot) says nothing.
    pub fn is_shared(&self) -> bool {
        matches!(self, AnyStore::Postgres(_))
    }
}

/// The same call on whichever engine `self` is.
macro_rules! each {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            AnyStore::Sqlite($store) => $call,
            AnyStore::Postgres($store) => $call,
        }
    };
}

impl Store for AnyStore {
    async fn sync_feeds<'a>(
        &'a self,
        feeds: &'a [(String, String)],
    ) -> Result<Vec<FeedState>, StoreError> {
        each!(self, store => store.sync_feeds(feeds).await)
    }

    async fn check_writable(&self) -> Result<(), StoreError> {
        each!(self, store => store.check_writable().await)
    }

    async fn feed_state<'a>(&'a self, name: &'a str) -> Result<Option<FeedState>, StoreError> {
        each!(self, store => store.feed_state(name).await)
    }

    async fn feed_rhythm<'a>(&'a self, name: &'a str) -> Result<Rhythm, StoreError> {
        each!(self, store => store.feed_rhythm(name).await)
    }

    async fn record_feed_state<'a>(&'a self, state: &'a FeedState) -> Result<(), StoreError> {
        each!(self, store => store.record_feed_state(state).await)
    }

    async fn record_poll<'a>(
        &'a self,
        state: &'a FeedState,
        items: &'a [PolledItem<'a>],
        now: DateTime<Utc>,
    ) -> Result<PollCommit, StoreError> {
        each!(self, store => store.record_poll(state, items, now).await)
    }

    async fn claim_feed<'a>(
        &'a self,
        name: &'a str,
        owner: &'a str,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<Option<FeedState>, StoreError> {
        each!(self, store => store.claim_feed(name, owner, now, lease).await)
    }

    async fn renew_feed_claim<'a>(
        &'a self,
        name: &'a str,
        generation: i64,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        each!(self, store => store.renew_feed_claim(name, generation, now, lease).await)
    }

    async fn prune_items(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        each!(self, store => store.prune_items(cutoff).await)
    }

    async fn claim_due<'a>(
        &'a self,
        channel: &'a str,
        queue: Queue,
        now: DateTime<Utc>,
        lease: Duration,
        limit: usize,
        owner: &'a str,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        each!(self, store => store.claim_due(channel, queue, now, lease, limit, owner).await)
    }

    async fn claim_owners(&self, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        each!(self, store => store.claim_owners(now).await)
    }

    async fn release_claims<'a>(
        &'a self,
        owner: &'a str,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        each!(self, store => store.release_claims(owner, now).await)
    }

    async fn finish_delivery<'a>(
        &'a self,
        id: &'a str,
        result: &'a DeliveryResult,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        each!(self, store => store.finish_delivery(id, result, now).await)
    }

    async fn next_due<'a>(&'a self, channel: &'a str) -> Result<Option<DateTime<Utc>>, StoreError> {
        each!(self, store => store.next_due(channel).await)
    }

    async fn outbox_counts(&self, now: DateTime<Utc>) -> Result<Vec<OutboxCounts>, StoreError> {
        each!(self, store => store.outbox_counts(now).await)
    }

    async fn alerts<'a>(
        &'a self,
        since: DateTime<Utc>,
        channel: Option<&'a str>,
    ) -> Result<Vec<AlertRow>, StoreError> {
        each!(self, store => store.alerts(since, channel).await)
    }

    async fn replay<'a>(
        &'a self,
        filter: &'a ReplayFilter<'a>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReplayedEntry>, StoreError> {
        each!(self, store => store.replay(filter, dry_run, now).await)
    }

    async fn open_incidents(&self) -> Result<Vec<Incident>, StoreError> {
        each!(self, store => store.open_incidents().await)
    }

    async fn open_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        each!(self, store => store.open_incident(incident, alerts, now).await)
    }

    async fn close_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        each!(self, store => store.close_incident(incident, alerts, now).await)
    }

    async fn last_new_items(&self) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
        each!(self, store => store.last_new_items().await)
    }

    async fn troubled_channels(&self) -> Result<Vec<ChannelTrouble>, StoreError> {
        each!(self, store => store.troubled_channels().await)
    }

    async fn rule_summaries(&self) -> Result<Vec<RuleSummary>, StoreError> {
        each!(self, store => store.rule_summaries().await)
    }

    async fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        each!(self, store => store.feed_states().await)
    }

    async fn feed_summaries(&self) -> Result<Vec<FeedSummary>, StoreError> {
        each!(self, store => store.feed_summaries().await)
    }

    async fn items_since<'a, F>(&'a self, since: DateTime<Utc>, visit: F) -> Result<u64, StoreError>
    where
        F: FnMut(&StoredItem) + Send + 'a,
    {
        each!(self, store => store.items_since(since, visit).await)
    }

    async fn known_entries<'a>(
        &'a self,
        feed: &'a str,
        ids: &'a [&'a str],
    ) -> Result<HashSet<String>, StoreError> {
        each!(self, store => store.known_entries(feed, ids).await)
    }

    async fn story_members_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<StoredMember>, StoreError> {
        each!(self, store => store.story_members_since(since).await)
    }

    async fn story_leads<'a>(
        &'a self,
        ids: &'a [String],
    ) -> Result<HashMap<String, StoryLead>, StoreError> {
        each!(self, store => store.story_leads(ids).await)
    }

    async fn stories<'a>(
        &'a self,
        since: DateTime<Utc>,
        rule: Option<&'a str>,
        channel: Option<&'a str>,
    ) -> Result<Vec<StorySummary>, StoreError> {
        each!(self, store => store.stories(since, rule, channel).await)
    }
}
