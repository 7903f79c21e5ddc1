//! The PostgreSQL [`Store`]: the state several `newswatch run` nodes share, with its own
//! migrations (`migrations/postgres/`, embedded at compile time) applied on open. This file
//! connects, migrates and holds the trait's impl, which hands each method to the file of its
//! concept as the SQLite store does: `polls`, `items`, `outbox`, `incidents` and `stories`.
//!
//! The SQL is the SQLite store's, in PostgreSQL's dialect, over the same columns and values
//! (times in unix seconds), so the two read alike and pass one contract suite. What differs is
//! concurrency: SQLite has one writer at a time, PostgreSQL many, from several machines. So
//! rows read to be rewritten are locked (`FOR UPDATE`), and a claim passes over rows another
//! node is claiming (`FOR UPDATE SKIP LOCKED`) instead of waiting for them. Transactions run
//! at READ COMMITTED: every method's writes are one transaction, and whatever two nodes may
//! both write is keyed (`ON CONFLICT DO NOTHING`), so the later one keeps the first.
//!
//! Migrations run under sqlx's advisory lock, so nodes starting together migrate once; a node
//! refuses a database migrated by a newer newswatch ([`StoreError::SchemaTooNew`]).

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use crate::alert::{OutboxAlert, StoryLead};
use crate::feed::rhythm::Rhythm;

mod incidents;
mod items;
mod outbox;
mod polls;
mod stories;

use super::writes::WriteOutcomes;
use super::{
    AlertRow, ChannelTrouble, DeliveryResult, FeedState, FeedSummary, Incident, OutboxCounts,
    OutboxEntry, PollCommit, PolledItem, Queue, ReplayFilter, ReplayedEntry, RuleSummary, Store,
    StoreError, StoredItem, StoredMember, StorySummary,
};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Connections per node: the pollers' transactions, the delivery workers' claims and the
/// periodic readers. A server's default `max_connections` (100) then serves a dozen nodes.
const MAX_CONNECTIONS: u32 = 8;

/// How long a request for a connection waits while the server is unreachable, before the
/// operation fails (and is retried by its loop, as after any store error).
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// Rows per multi-row INSERT: 15 columns x 80 rows stays far below PostgreSQL's limit of
/// 65,535 bound parameters, and matches the SQLite store's batches.
const ROWS_PER_STATEMENT: usize = 80;

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// How the latest polls' transactions ended, for readiness.
    writes: std::sync::Arc<WriteOutcomes>,
}

impl PostgresStore {
    /// Connects to the database at `url` (a `postgres://` URL without a password, as the config
    /// checked it), with `password` if given, and applies pending migrations.
    pub async fn open(url: &str, password: Option<&str>) -> Result<PostgresStore, StoreError> {
        let mut options = PgConnectOptions::from_str(url)?;
        if let Some(password) = password {
            options = options.password(password);
        }
        Self::open_with(options).await
    }

    /// Connects with `options` and applies pending migrations: the tests give each store a
    /// schema of its own through them (`search_path`).
    pub async fn open_with(options: PgConnectOptions) -> Result<PostgresStore, StoreError> {
        let place = describe(&options);
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        let applied = newest_migration(&pool).await?;
        super::refuse_newer_schema(applied, &MIGRATOR, "PostgreSQL", &place)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|error| super::migration_error(error, &MIGRATOR, "PostgreSQL", &place))?;
        Ok(PostgresStore {
            pool,
            writes: std::sync::Arc::default(),
        })
    }

    /// Closes every connection, waiting for those in use.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// `user@host:port/database`, to name the database in messages (never with the password).
fn describe(options: &PgConnectOptions) -> String {
    format!(
        "{}@{}:{}/{}",
        options.get_username(),
        options.get_host(),
        options.get_port(),
        options.get_database().unwrap_or(options.get_username())
    )
}

/// The newest migration applied to the database, `None` before the first.
async fn newest_migration(pool: &PgPool) -> Result<Option<i64>, StoreError> {
    // `to_regclass` finds the table where an unqualified name would: in the search path.
    let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(pool)
        .await?;
    if !exists {
        return Ok(None);
    }
    Ok(
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await?,
    )
}

impl Store for PostgresStore {
    async fn sync_feeds<'a>(
        &'a self,
        feeds: &'a [(String, String)],
    ) -> Result<Vec<FeedState>, StoreError> {
        polls::sync_feeds(self, feeds).await
    }

    async fn check_writable(&self) -> Result<(), StoreError> {
        self.writes.verdict()?;
        // A write that changes nothing still fails on a server that refuses writes (a standby
        // after a failover, `default_transaction_read_only`); the rollback keeps it invisible.
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE feeds SET name = name WHERE false")
            .execute(&mut *tx)
            .await?;
        tx.rollback().await?;
        Ok(())
    }

    async fn feed_state<'a>(&'a self, name: &'a str) -> Result<Option<FeedState>, StoreError> {
        polls::feed_state(self, name).await
    }

    async fn feed_rhythm<'a>(&'a self, name: &'a str) -> Result<Rhythm, StoreError> {
        polls::feed_rhythm(self, name).await
    }

    async fn record_feed_state<'a>(&'a self, state: &'a FeedState) -> Result<(), StoreError> {
        polls::record_feed_state(self, state).await
    }

    async fn record_poll<'a>(
        &'a self,
        state: &'a FeedState,
        items: &'a [PolledItem<'a>],
        now: DateTime<Utc>,
    ) -> Result<PollCommit, StoreError> {
        polls::record_poll(self, state, items, now).await
    }

    async fn claim_feed<'a>(
        &'a self,
        name: &'a str,
        owner: &'a str,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<Option<FeedState>, StoreError> {
        polls::claim_feed(self, name, owner, now, lease).await
    }

    async fn renew_feed_claim<'a>(
        &'a self,
        name: &'a str,
        generation: i64,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        polls::renew_feed_claim(self, name, generation, now, lease).await
    }

    async fn prune_items(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        polls::prune_items(self, cutoff).await
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
        outbox::claim_due(self, channel, queue, now, lease, limit, owner).await
    }

    async fn claim_owners(&self, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        outbox::claim_owners(self, now).await
    }

    async fn release_claims<'a>(
        &'a self,
        owner: &'a str,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        outbox::release_claims(self, owner, now).await
    }

    async fn finish_delivery<'a>(
        &'a self,
        id: &'a str,
        result: &'a DeliveryResult,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        outbox::finish_delivery(self, id, result, now).await
    }

    async fn next_due<'a>(&'a self, channel: &'a str) -> Result<Option<DateTime<Utc>>, StoreError> {
        outbox::next_due(self, channel).await
    }

    async fn outbox_counts(&self, now: DateTime<Utc>) -> Result<Vec<OutboxCounts>, StoreError> {
        outbox::outbox_counts(self, now).await
    }

    async fn alerts<'a>(
        &'a self,
        since: DateTime<Utc>,
        channel: Option<&'a str>,
    ) -> Result<Vec<AlertRow>, StoreError> {
        outbox::alerts(self, since, channel).await
    }

    async fn replay<'a>(
        &'a self,
        filter: &'a ReplayFilter<'a>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReplayedEntry>, StoreError> {
        outbox::replay(self, filter, dry_run, now).await
    }

    async fn open_incidents(&self) -> Result<Vec<Incident>, StoreError> {
        incidents::open_incidents(self).await
    }

    async fn open_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        incidents::open_incident(self, incident, alerts, now).await
    }

    async fn close_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        incidents::close_incident(self, incident, alerts, now).await
    }

    async fn last_new_items(&self) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
        polls::last_new_items(self).await
    }

    async fn troubled_channels(&self) -> Result<Vec<ChannelTrouble>, StoreError> {
        outbox::troubled_channels(self).await
    }

    async fn rule_summaries(&self) -> Result<Vec<RuleSummary>, StoreError> {
        polls::rule_summaries(self).await
    }

    async fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        polls::feed_states(self).await
    }

    async fn feed_summaries(&self) -> Result<Vec<FeedSummary>, StoreError> {
        polls::feed_summaries(self).await
    }

    async fn items_since<'a, F>(&'a self, since: DateTime<Utc>, visit: F) -> Result<u64, StoreError>
    where
        F: FnMut(&StoredItem) + Send + 'a,
    {
        items::items_since(self, since, visit).await
    }

    async fn known_entries<'a>(
        &'a self,
        feed: &'a str,
        ids: &'a [&'a str],
    ) -> Result<HashSet<String>, StoreError> {
        polls::known_entries(self, feed, ids).await
    }

    async fn story_members_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<StoredMember>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        stories::members_since(&mut conn, since).await
    }

    async fn story_leads<'a>(
        &'a self,
        ids: &'a [String],
    ) -> Result<HashMap<String, StoryLead>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        stories::leads(&mut conn, ids).await
    }

    async fn stories<'a>(
        &'a self,
        since: DateTime<Utc>,
        rule: Option<&'a str>,
        channel: Option<&'a str>,
    ) -> Result<Vec<StorySummary>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        stories::summaries(&mut conn, since, rule, channel).await
    }
}
