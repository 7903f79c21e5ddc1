//! The SQLite [`Store`]: one file in WAL mode, migrations from `migrations/` embedded at compile
//! time and applied on open.
//!
//! Writes are serialized in-process by a mutex and across processes by `BEGIN IMMEDIATE`, so a
//! transaction never fails half-way on a lock upgrade; readers (such as `status` while the
//! daemon runs) are never blocked in WAL mode.
//!
//! Opening never replaces state: a missing file is created private (0600, folder 0700), and
//! an existing one that is empty, not SQLite, fails `quick_check` or is another program's is
//! refused untouched. A pooled connection that sqlx still counts inside a transaction (SQLite
//! rolled it back by itself after SQLITE_FULL or SQLITE_IOERR) is closed, not reused.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Connection, QueryBuilder, Row, Sqlite, Transaction};
use tokio::sync::Mutex;

use crate::alert::{OutboxAlert, StoryLead, caps};
use crate::rules::ItemMatch;

use super::{
    AlertRow, ChannelTrouble, DeliveryResult, FeedState, FeedSummary, Incident, ItemKey, NewItem,
    OutboxCounts, OutboxEntry, PollCommit, PolledItem, Queue, ReplayFilter, ReplayedEntry,
    RuleSummary, Store, StoreError, StoredMember, StoryRole, StorySummary, stories,
};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Failed poll transactions in a row from which the store counts as not accepting writes: one
/// failure may be a passing lock, three in a row is a store that does not take writes.
const FAILED_WRITES_NOT_READY: u32 = 3;

/// How long a write waits for another process holding the database lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// One writer at a time in this process: SQLite allows only one anyway, and waiting on a
    /// mutex is cheaper and fairer than SQLite's busy-retry sleeps.
    write_lock: std::sync::Arc<Mutex<()>>,
    /// How the latest polls' transactions ended, for readiness: a full disk or a damaged page
    /// shows only when a write needs new space or touches that page, and the small writes
    /// around a poll (a failed poll's feed state, an empty claim) still fit in space the file
    /// already has, so only the polls that carry items tell.
    writes: std::sync::Arc<WriteOutcomes>,
}

/// Consecutive failed poll transactions and the latest error; a poll that commits resets them.
#[derive(Debug, Default)]
struct WriteOutcomes {
    failed_in_a_row: AtomicU32,
    last_error: std::sync::Mutex<String>,
}

impl WriteOutcomes {
    fn note<T>(&self, result: &Result<T, StoreError>) {
        match result {
            Ok(_) => self.failed_in_a_row.store(0, Ordering::Relaxed),
            // Only the database's own errors say whether it takes writes.
            Err(StoreError::Database(error)) => {
                if let Ok(mut last) = self.last_error.lock() {
                    *last = error.to_string();
                }
                self.failed_in_a_row.fetch_add(1, Ordering::Relaxed);
            }
            Err(_) => {}
        }
    }

    /// An error if the last [`FAILED_WRITES_NOT_READY`] poll transactions or more all failed.
    fn verdict(&self) -> Result<(), StoreError> {
        let failures = self.failed_in_a_row.load(Ordering::Relaxed);
        if failures < FAILED_WRITES_NOT_READY {
            return Ok(());
        }
        let last = self
            .last_error
            .lock()
            .map(|last| last.clone())
            .unwrap_or_default();
        Err(StoreError::WritesFailing { failures, last })
    }
}

impl SqliteStore {
    /// Runs `change` (opening or closing `incident`) and queues `alerts` in one transaction,
    /// so a crash leaves both or neither.
    async fn incident_change(
        &self,
        change: sqlx::query::Query<'_, Sqlite, sqlx::sqlite::SqliteArguments>,
        incident: &Incident,
        alerts: &[OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        change.execute(&mut *tx).await?;
        let key = incident_key(incident);
        let rows: Vec<_> = alerts
            .iter()
            .map(|a| (&*incident.subject, key.as_str(), a))
            .collect();
        queue_alerts(&mut tx, &rows, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        Self::open_with(Self::file_options(path)).await
    }

    /// The connection options [`SqliteStore::open`] uses for the file at `path`.
    pub fn file_options(path: &Path) -> SqliteConnectOptions {
        SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL in WAL mode cannot corrupt the file; a power cut may lose the last
            // transactions, which only means re-fetching them.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true)
            // SQLite's default page cache is 2 MiB per connection, resident once warm, for a
            // database whose hot rows (feed states, due outbox rows) are a few hundred KiB;
            // the OS file cache holds the rest.
            .pragma("cache_size", "-512")
    }

    /// Opens a database file with `options` changed from [`SqliteStore::file_options`]: the
    /// fault-injection tests shorten the busy timeout or cap the file's size with them.
    ///
    /// A missing file is created, readable by its owner only, and migrated under another name
    /// before it takes its own: a file at `path` is always a whole newswatch database, so one
    /// that is empty, not SQLite, damaged or another program's is refused, untouched, rather
    /// than replaced by an empty one that would alert every feed's backlog again.
    pub async fn open_with(options: SqliteConnectOptions) -> Result<SqliteStore, StoreError> {
        let path = options.get_filename().to_path_buf();
        if vet_existing_file(&path)? {
            vet_schema(&path).await?;
        } else {
            create_database(&path, &options).await?;
        }
        let pool = Self::pool(options)
            .await
            .map_err(|e| damaged_or(&path, e))?;
        Self::migrate(pool).await
    }

    /// An in-memory database, for tests and `test-rule`.
    pub async fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        Self::migrate(Self::pool(options).await?).await
    }

    async fn pool(options: SqliteConnectOptions) -> Result<SqlitePool, sqlx::Error> {
        let in_memory = options.get_filename() == Path::new(":memory:");
        let mut pool = SqlitePoolOptions::new()
            // Each in-memory connection would be its own database.
            .max_connections(if in_memory { 1 } else { 4 });
        if !in_memory {
            // Closing an in-memory connection would drop its database with it; a file's
            // connection is replaced by a fresh one on the next acquire.
            pool = pool.after_release(|conn, _| Box::pin(discard_if_left_in_transaction(conn)));
        }
        pool.connect_with(options).await
    }

    async fn migrate(pool: SqlitePool) -> Result<SqliteStore, StoreError> {
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore {
            pool,
            write_lock: std::sync::Arc::new(Mutex::new(())),
            writes: std::sync::Arc::default(),
        })
    }

    async fn write_transaction(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether a database file exists at `path`; an error if one does that cannot be ours: empty,
/// unreadable, or without the SQLite header. Reads only the first 16 bytes.
fn vet_existing_file(path: &Path) -> Result<bool, StoreError> {
    use std::io::Read;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Unreadable {
                path: path.display().to_string(),
                source,
            });
        }
    };
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    file.take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut header)
        .map_err(|source| StoreError::Unreadable {
            path: path.display().to_string(),
            source,
        })?;
    if header.is_empty() {
        return Err(damaged(path, "the file is empty (0 bytes)"));
    }
    if header != SQLITE_HEADER {
        return Err(damaged(
            path,
            "it is not an SQLite database (it does not start with the SQLite header)",
        ));
    }
    Ok(true)
}

/// Checks an existing database before migrating it: SQLite's `quick_check` passes, and it is
/// newswatch's (it has the migrations table) or holds no table at all (a first run that
/// stopped before its first migration, with nothing to lose). It reads through a connection
/// of its own that sets nothing (not even the journal mode), so a refused file is left as it
/// was.
async fn vet_schema(path: &Path) -> Result<(), StoreError> {
    let plain = SqliteConnectOptions::new()
        .filename(path)
        .busy_timeout(BUSY_TIMEOUT);
    let mut conn = sqlx::SqliteConnection::connect_with(&plain)
        .await
        .map_err(|e| damaged_or(path, e))?;
    let vetted = vet_schema_on(&mut conn, path).await;
    // Closing cleanly only matters to SQLite's bookkeeping; the verdict is already known.
    let _ = conn.close().await;
    vetted
}

async fn vet_schema_on(conn: &mut sqlx::SqliteConnection, path: &Path) -> Result<(), StoreError> {
    let verdict: String = sqlx::query_scalar("PRAGMA quick_check(1)")
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| damaged_or(path, e))?;
    if verdict != "ok" {
        return Err(damaged(
            path,
            &format!("SQLite's integrity check failed ({verdict})"),
        ));
    }
    let (tables, ours): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE name = '_sqlx_migrations') FROM sqlite_master \
         WHERE type = 'table'",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| damaged_or(path, e))?;
    if tables > 0 && ours == 0 {
        return Err(damaged(
            path,
            "it has tables but no newswatch migrations (_sqlx_migrations): it is another \
             program's database",
        ));
    }
    Ok(())
}

/// Creates the database at `path`, and its folder, readable by the owner only (its `-wal` and
/// `-shm` files take the database's mode). It is migrated as `<name>.creating` and then linked
/// to `path`, so a crash on the way leaves no half-made file at `path` to be refused later.
async fn create_database(path: &Path, options: &SqliteConnectOptions) -> Result<(), StoreError> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)
            .map_err(|source| StoreError::Folder {
                path: folder.display().to_string(),
                source,
            })?;
    }
    let mut name = path.as_os_str().to_owned();
    name.push(".creating");
    let draft = std::path::PathBuf::from(name);
    let remove_draft = || {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = draft.as_os_str().to_owned();
            name.push(suffix);
            // Absent is fine: this only clears what a crash may have left.
            let _ = std::fs::remove_file(std::path::PathBuf::from(name));
        }
    };
    remove_draft();
    let creating = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&draft);
    creating.map_err(|source| StoreError::Folder {
        path: draft.display().to_string(),
        source,
    })?;
    let made = async {
        let pool = SqliteStore::pool(options.clone().filename(&draft)).await?;
        let migrated = MIGRATOR.run(&pool).await;
        // Closing the last connection checkpoints the WAL into the file and removes it.
        pool.close().await;
        migrated?;
        Ok::<(), StoreError>(())
    }
    .await;
    let linked = made.and_then(|()| match std::fs::hard_link(&draft, path) {
        // Another process created it meanwhile: open theirs.
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map_err(|source| StoreError::Folder {
            path: path.display().to_string(),
            source,
        }),
    });
    remove_draft();
    linked
}

/// A database error that says the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB) becomes
/// [`StoreError::Damaged`]; any other stays what it is.
fn damaged_or(path: &Path, error: sqlx::Error) -> StoreError {
    let code = match &error {
        sqlx::Error::Database(db) => db.code().and_then(|c| c.parse::<i32>().ok()),
        _ => None,
    };
    // The primary result code is the low byte of an extended one.
    match code.map(|c| c & 0xff) {
        Some(11) | Some(26) => damaged(path, &error.to_string()),
        _ => StoreError::Database(error),
    }
}

fn damaged(path: &Path, reason: &str) -> StoreError {
    StoreError::Damaged {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// The pool's check of a connection coming back: `false` (close it) if sqlx still counts it
/// inside a transaction. SQLite rolls a transaction back by itself when a COMMIT, or a
/// statement without a statement journal, fails with SQLITE_FULL or SQLITE_IOERR; the
/// `ROLLBACK` that sqlx sends when the failed transaction is dropped then fails ("no
/// transaction is active") and its depth counter stays at 1, so every later `BEGIN` on that
/// connection would fail with "attempted to call begin_with at non-zero transaction depth".
async fn discard_if_left_in_transaction(
    conn: &mut sqlx::SqliteConnection,
) -> Result<bool, sqlx::Error> {
    // The rollback queued by the dropped transaction runs before the ping answers.
    conn.ping().await?;
    if conn.is_in_transaction() {
        tracing::warn!(
            "a database connection came back from a failed transaction still counted inside \
             it (SQLite had already rolled it back); closing it, a new one replaces it"
        );
        return Ok(false);
    }
    Ok(true)
}

impl Store for SqliteStore {
    async fn sync_feeds<'a>(
        &'a self,
        feeds: &'a [(String, String)],
    ) -> Result<Vec<FeedState>, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let mut known: HashMap<String, FeedState> = select_feeds(&mut tx)
            .await?
            .into_iter()
            .map(|state| (state.name.clone(), state))
            .collect();
        let mut states = Vec::with_capacity(feeds.len());
        for (name, url) in feeds {
            let state = match known.remove(name) {
                // Already recorded as it is: nothing to write.
                Some(state) if state.describes(url) => state,
                // A new URL is a new source: its first poll follows the backlog rule again,
                // and items it shares with the old URL are still known by their ids.
                _ => {
                    let state = FeedState::new(name, url);
                    upsert_feed(&mut tx, &state).await?;
                    state
                }
            };
            states.push(state);
        }
        tx.commit().await?;
        Ok(states)
    }

    async fn check_writable(&self) -> Result<(), StoreError> {
        self.writes.verdict()?;
        // A writer of this process holds the lock: it is writing, and its outcome will tell.
        let Ok(_writer) = self.write_lock.try_lock() else {
            return Ok(());
        };
        let mut tx = self.write_transaction().await?;
        // Rewriting the header's user_version with its own value is a write SQLite refuses on a
        // read-only database; the rollback leaves the file as it was.
        let version: i64 = sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&mut *tx)
            .await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "PRAGMA user_version = {version}"
        )))
        .execute(&mut *tx)
        .await?;
        tx.rollback().await?;
        Ok(())
    }

    async fn feed_state<'a>(&'a self, name: &'a str) -> Result<Option<FeedState>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        select_feed(&mut conn, name).await
    }

    async fn record_feed_state<'a>(&'a self, state: &'a FeedState) -> Result<(), StoreError> {
        let _writer = self.write_lock.lock().await;
        // One statement is its own transaction: an unchanged feed's poll, the most common
        // write, costs one round trip to the database thread instead of three.
        let mut conn = self.pool.acquire().await?;
        upsert_feed(&mut conn, state).await
    }

    async fn record_poll<'a>(
        &'a self,
        state: &'a FeedState,
        items: &'a [PolledItem<'a>],
        now: DateTime<Utc>,
    ) -> Result<PollCommit, StoreError> {
        let result = async {
            let _writer = self.write_lock.lock().await;
            let mut tx = self.write_transaction().await?;
            let feed = state.name.as_str();
            let now_s = now.timestamp();

            let ids: Vec<&str> = items.iter().map(|p| p.item.entry_id.as_str()).collect();
            let known = known_entry_ids(&mut tx, feed, &ids).await?;
            touch_items(&mut tx, feed, &known, now_s).await?;

            // A feed may repeat an entry id within one document; the first copy wins.
            let mut fresh: Vec<&PolledItem<'_>> = Vec::new();
            let mut taken: HashSet<&str> = HashSet::new();
            for polled in items {
                let id = polled.item.entry_id.as_str();
                if !known.contains(id) && taken.insert(id) {
                    fresh.push(polled);
                }
            }
            let links: Vec<&str> = fresh
                .iter()
                .filter_map(|p| p.item.canonical_link.as_deref())
                .collect();
            let first_carriers = first_carriers(&mut tx, feed, &links).await?;

            let mut commit = PollCommit {
                new_items: Vec::with_capacity(fresh.len()),
                already_seen: items.len() - fresh.len(),
                alerts_queued: 0,
            };
            for chunk in fresh.chunks(ROWS_PER_STATEMENT) {
                let mut insert = QueryBuilder::<Sqlite>::new(
                    "INSERT INTO items (feed, entry_id, canonical_link, title, link, published_at, \
                     first_seen_at, last_seen_at, alertable, duplicate_of_feed, duplicate_of_entry) ",
                );
                insert.push_values(chunk, |mut row, polled| {
                    let item = polled.item;
                    let duplicate_of = item
                        .canonical_link
                        .as_deref()
                        .and_then(|link| first_carriers.get(link));
                    row.push_bind(feed)
                        .push_bind(&item.entry_id)
                        .push_bind(&item.canonical_link)
                        .push_bind(&item.title)
                        .push_bind(&item.link)
                        .push_bind(item.published.or(item.updated).map(|t| t.timestamp()))
                        .push_bind(now_s)
                        .push_bind(now_s)
                        .push_bind(polled.alertable)
                        .push_bind(duplicate_of.map(|k| k.feed.clone()))
                        .push_bind(duplicate_of.map(|k| k.entry_id.clone()));
                });
                insert.build().execute(&mut *tx).await?;
            }
            let matches: Vec<(&str, &ItemMatch, String)> = fresh
                .iter()
                .flat_map(|p| p.matches.iter().map(move |m| (p.item.entry_id.as_str(), m)))
                .map(|(id, m)| Ok((id, m, serde_json::to_string(&m.spans)?)))
                .collect::<Result<_, serde_json::Error>>()?;
            for chunk in matches.chunks(ROWS_PER_STATEMENT) {
                let mut insert = QueryBuilder::<Sqlite>::new(
                    "INSERT OR IGNORE INTO matches (feed, entry_id, rule, spans, matched_at) ",
                );
                insert.push_values(chunk, |mut row, (id, found, spans)| {
                    row.push_bind(feed)
                        .push_bind(*id)
                        .push_bind(&found.rule)
                        .push_bind(spans.as_str())
                        .push_bind(now_s);
                });
                insert.build().execute(&mut *tx).await?;
            }
            // Stories first: an item that joins a story on a channel queues a follow-up there
            // instead of its alert.
            // Leads before joins: an item may join a story that another item of this poll
            // opened, and the poll decides in publication order, not in the document's.
            let mut joined: HashSet<(&str, &str)> = HashSet::new();
            for leads in [true, false] {
                for polled in fresh.iter().filter(|p| p.alertable) {
                    for decision in polled.stories {
                        let is_join = matches!(decision.role, StoryRole::Join { .. });
                        if is_join == leads {
                            continue;
                        }
                        let recorded_as_joined =
                            stories::record(&mut tx, polled.item, decision, now).await?;
                        if recorded_as_joined && is_join {
                            joined.insert((
                                polled.item.entry_id.as_str(),
                                decision.channel.as_str(),
                            ));
                        }
                    }
                }
            }
            let alerts: Vec<(&str, &OutboxAlert)> = fresh
                .iter()
                .filter(|p| p.alertable)
                .flat_map(|p| p.alerts.iter().map(move |a| (p.item.entry_id.as_str(), a)))
                .filter(|(entry, alert)| !joined.contains(&(*entry, alert.channel.as_str())))
                .collect();
            let alerts: Vec<(&str, &str, &OutboxAlert)> = alerts
                .into_iter()
                .map(|(entry, alert)| (feed, entry, alert))
                .collect();
            commit.alerts_queued += queue_alerts(&mut tx, &alerts, now).await?;
            for polled in fresh {
                let item = polled.item;
                commit.new_items.push(NewItem {
                    entry_id: item.entry_id.clone(),
                    alertable: polled.alertable,
                    duplicate_of: item
                        .canonical_link
                        .as_deref()
                        .and_then(|link| first_carriers.get(link))
                        .cloned(),
                    matched_rules: polled.matches.iter().map(|m| m.rule.clone()).collect(),
                    joined_stories: rules_joined(polled, &joined),
                });
            }
            upsert_feed(&mut tx, state).await?;
            if !commit.new_items.is_empty() {
                sqlx::query("UPDATE feeds SET last_new_at = ? WHERE name = ?")
                    .bind(now_s)
                    .bind(feed)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(commit)
        }
        .await;
        self.writes.note(&result);
        result
    }

    async fn prune_items(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let done = sqlx::query("DELETE FROM items WHERE last_seen_at < ?")
            .bind(cutoff.timestamp())
            .execute(&mut *tx)
            .await?;
        stories::prune(&mut tx, cutoff).await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn claim_due<'a>(
        &'a self,
        channel: &'a str,
        queue: Queue,
        now: DateTime<Utc>,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let now_s = now.timestamp();
        // The queue is spelled into the SQL, not bound, so that `digest = 0` meets the
        // `outbox_due` index as an equality and the rows come out in claim order unsorted.
        let sql = match queue {
            Queue::Immediate => {
                "SELECT id, body, attempts, created_at, hold FROM outbox WHERE channel = ? \
                 AND state = 'pending' AND digest = 0 AND next_attempt_at <= ? \
                 AND lease_until <= ? ORDER BY next_attempt_at, created_at, id LIMIT ?"
            }
            Queue::Digest => {
                "SELECT id, body, attempts, created_at, hold FROM outbox WHERE channel = ? \
                 AND state = 'pending' AND digest > 0 AND next_attempt_at <= ? \
                 AND lease_until <= ? ORDER BY next_attempt_at, created_at, id LIMIT ?"
            }
        };
        let rows = sqlx::query(sql)
            .bind(channel)
            .bind(now_s)
            .bind(now_s)
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(&mut *tx)
            .await?;
        let lease_until = now_s + i64::try_from(lease.as_secs()).unwrap_or(i64::MAX / 2);
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            sqlx::query("UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?")
                .bind(lease_until)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            entries.push(OutboxEntry {
                id,
                channel: channel.to_string(),
                body: row.try_get("body")?,
                attempts: u32::try_from(row.try_get::<i64, _>("attempts")? + 1).unwrap_or(u32::MAX),
                created_at: DateTime::from_timestamp(row.try_get("created_at")?, 0).unwrap_or(now),
                hold: row.try_get("hold")?,
            });
        }
        tx.commit().await?;
        Ok(entries)
    }

    async fn finish_delivery<'a>(
        &'a self,
        id: &'a str,
        result: &'a DeliveryResult,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let _writer = self.write_lock.lock().await;
        let now_s = now.timestamp();
        let query = match result {
            DeliveryResult::Delivered => sqlx::query(
                "UPDATE outbox SET state = 'delivered', finished_at = ?, lease_until = 0, \
                 last_error = NULL WHERE id = ?",
            )
            .bind(now_s),
            DeliveryResult::Retry { at, error } => sqlx::query(
                "UPDATE outbox SET next_attempt_at = ?, lease_until = 0, last_error = ? \
                 WHERE id = ?",
            )
            .bind(at.timestamp())
            .bind(error),
            DeliveryResult::Dead { error } => sqlx::query(
                "UPDATE outbox SET state = 'dead', finished_at = ?, lease_until = 0, \
                 last_error = ? WHERE id = ?",
            )
            .bind(now_s)
            .bind(error),
        };
        query.bind(id).execute(&self.pool).await?;
        Ok(())
    }

    async fn next_due<'a>(&'a self, channel: &'a str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query(
            "SELECT min(max(next_attempt_at, lease_until)) FROM outbox \
             WHERE channel = ? AND state = 'pending'",
        )
        .bind(channel)
        .fetch_one(&self.pool)
        .await?;
        Ok(row
            .try_get::<Option<i64>, _>(0)?
            .and_then(|s| DateTime::from_timestamp(s, 0)))
    }

    async fn outbox_counts(&self, now: DateTime<Utc>) -> Result<Vec<OutboxCounts>, StoreError> {
        let rows = sqlx::query(
            "SELECT channel, \
             sum(state = 'pending') AS pending, sum(state = 'delivered') AS delivered, \
             sum(state = 'dead') AS dead, \
             sum(state = 'pending' AND digest > 0 AND next_attempt_at > ?) AS held, \
             sum(state = 'pending' AND digest = 0 AND story IS NOT NULL AND attempts = 0 \
                 AND next_attempt_at > ?) AS follow_ups, \
             sum(state = 'pending' AND next_attempt_at <= ?) AS due, \
             min(CASE WHEN state = 'pending' THEN created_at END) AS oldest \
             FROM outbox GROUP BY channel ORDER BY channel",
        )
        .bind(now.timestamp())
        .bind(now.timestamp())
        .bind(now.timestamp())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let count = |column: &str| -> Result<u64, sqlx::Error> {
                    Ok(u64::try_from(row.try_get::<i64, _>(column)?).unwrap_or_default())
                };
                Ok(OutboxCounts {
                    channel: row.try_get("channel")?,
                    pending: count("pending")?,
                    delivered: count("delivered")?,
                    dead: count("dead")?,
                    held: count("held")?,
                    follow_ups: count("follow_ups")?,
                    due: count("due")?,
                    oldest_pending: row
                        .try_get::<Option<i64>, _>("oldest")?
                        .and_then(|s| DateTime::from_timestamp(s, 0)),
                })
            })
            .collect()
    }

    async fn alerts<'a>(
        &'a self,
        since: DateTime<Utc>,
        channel: Option<&'a str>,
    ) -> Result<Vec<AlertRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, channel, rule, state, body, attempts, created_at, next_attempt_at, \
             finished_at, last_error, hold, digest, story FROM outbox \
             WHERE created_at >= ? AND (? IS NULL OR channel = ?) \
             ORDER BY created_at DESC, id",
        )
        .bind(since.timestamp())
        .bind(channel)
        .bind(channel)
        .fetch_all(&self.pool)
        .await?;
        let at = |seconds: i64| DateTime::from_timestamp(seconds, 0).unwrap_or_default();
        rows.iter()
            .map(|row| {
                Ok(AlertRow {
                    id: row.try_get("id")?,
                    channel: row.try_get("channel")?,
                    rule: row.try_get("rule")?,
                    state: row.try_get("state")?,
                    body: row.try_get("body")?,
                    attempts: row.try_get("attempts")?,
                    created_at: at(row.try_get("created_at")?),
                    next_attempt_at: at(row.try_get("next_attempt_at")?),
                    finished_at: row.try_get::<Option<i64>, _>("finished_at")?.map(at),
                    last_error: row.try_get("last_error")?,
                    hold: row.try_get("hold")?,
                    digest: row.try_get::<i64, _>("digest")? > 0,
                    story: row.try_get("story")?,
                })
            })
            .collect()
    }

    async fn replay<'a>(
        &'a self,
        filter: &'a ReplayFilter<'a>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReplayedEntry>, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let states: &[&str] = match (filter.alert, filter.delivered) {
            (Some(_), _) => &["delivered", "dead"],
            (None, true) => &["delivered"],
            (None, false) => &["dead"],
        };
        let rows = sqlx::query(
            "SELECT id, channel, rule, state, created_at FROM outbox \
             WHERE state IN (?, ?) AND (? IS NULL OR channel = ?) AND (? IS NULL OR created_at >= ?) \
             AND (? IS NULL OR id = ?) ORDER BY created_at, id",
        )
        .bind(states[0])
        .bind(states[states.len() - 1])
        .bind(filter.channel)
        .bind(filter.channel)
        .bind(filter.since.map(|t| t.timestamp()))
        .bind(filter.since.map(|t| t.timestamp()))
        .bind(filter.alert)
        .bind(filter.alert)
        .fetch_all(&mut *tx)
        .await?;
        let entries = rows
            .iter()
            .map(|row| {
                Ok(ReplayedEntry {
                    id: row.try_get("id")?,
                    channel: row.try_get("channel")?,
                    rule: row.try_get("rule")?,
                    state: row.try_get("state")?,
                    created_at: DateTime::from_timestamp(row.try_get("created_at")?, 0)
                        .unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        if !dry_run {
            for entry in &entries {
                sqlx::query(
                    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, lease_until = 0, \
                     attempts = 0, finished_at = NULL WHERE id = ?",
                )
                .bind(now.timestamp())
                .bind(&entry.id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        Ok(entries)
    }

    async fn open_incidents(&self) -> Result<Vec<Incident>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, subject, opened_at, detail FROM incidents WHERE closed_at IS NULL \
             ORDER BY opened_at, kind, subject",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Incident {
                    kind: row.try_get("kind")?,
                    subject: row.try_get("subject")?,
                    opened_at: DateTime::from_timestamp(row.try_get("opened_at")?, 0)
                        .unwrap_or_default(),
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }

    async fn open_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let opening = sqlx::query(
            "INSERT OR IGNORE INTO incidents (kind, subject, opened_at, detail) VALUES (?, ?, ?, ?)",
        )
        .bind(&incident.kind)
        .bind(&incident.subject)
        .bind(incident.opened_at.timestamp())
        .bind(&incident.detail);
        self.incident_change(opening, incident, alerts, now).await
    }

    async fn close_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let closing = sqlx::query(
            "UPDATE incidents SET closed_at = ? \
             WHERE kind = ? AND subject = ? AND opened_at = ? AND closed_at IS NULL",
        )
        .bind(now.timestamp())
        .bind(&incident.kind)
        .bind(&incident.subject)
        .bind(incident.opened_at.timestamp());
        self.incident_change(closing, incident, alerts, now).await
    }

    async fn last_new_items(&self) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
        let rows = sqlx::query(
            "SELECT name AS feed, last_new_at AS last FROM feeds WHERE last_new_at IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("feed")?,
                    DateTime::from_timestamp(row.try_get("last")?, 0).unwrap_or_default(),
                ))
            })
            .collect()
    }

    async fn troubled_channels(&self) -> Result<Vec<ChannelTrouble>, StoreError> {
        // The error of the oldest failing alert: SQLite returns the row of min() for bare
        // columns.
        let rows = sqlx::query(
            "SELECT channel, min(created_at) AS since, last_error FROM outbox \
             WHERE state = 'pending' AND last_error IS NOT NULL GROUP BY channel ORDER BY channel",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ChannelTrouble {
                    channel: row.try_get("channel")?,
                    since: DateTime::from_timestamp(row.try_get("since")?, 0).unwrap_or_default(),
                    last_error: row.try_get("last_error")?,
                })
            })
            .collect()
    }

    async fn rule_summaries(&self) -> Result<Vec<RuleSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT rule, count(*) AS n, max(matched_at) AS last FROM matches \
             GROUP BY rule ORDER BY rule",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RuleSummary {
                    rule: row.try_get("rule")?,
                    matches: u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or_default(),
                    last_match: row
                        .try_get::<Option<i64>, _>("last")?
                        .and_then(|s| DateTime::from_timestamp(s, 0)),
                })
            })
            .collect()
    }

    async fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        select_feeds(&mut conn).await
    }

    async fn feed_summaries(&self) -> Result<Vec<FeedSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT f.*, (SELECT count(*) FROM items i WHERE i.feed = f.name) AS items_seen \
             FROM feeds f ORDER BY f.name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FeedSummary {
                    state: feed_from_row(row)?,
                    items_seen: u64::try_from(row.try_get::<i64, _>("items_seen")?)
                        .unwrap_or_default(),
                })
            })
            .collect()
    }

    async fn known_entries<'a>(
        &'a self,
        feed: &'a str,
        ids: &'a [&'a str],
    ) -> Result<HashSet<String>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        known_entry_ids(&mut conn, feed, ids).await
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

/// The rules of `polled` that made no alert because the item joined a story on every channel
/// whose alert carried them.
fn rules_joined(polled: &PolledItem<'_>, joined: &HashSet<(&str, &str)>) -> Vec<String> {
    if !polled.alertable {
        return Vec::new();
    }
    let entry = polled.item.entry_id.as_str();
    polled
        .matches
        .iter()
        .map(|m| m.rule.as_str())
        .filter(|rule| {
            let mut carrying = polled
                .alerts
                .iter()
                .filter(|a| a.rules.iter().any(|r| r == rule))
                .peekable();
            carrying.peek().is_some()
                && carrying.all(|a| joined.contains(&(entry, a.channel.as_str())))
        })
        .map(str::to_string)
        .collect()
}

/// Rows per multi-row statement: each statement is one round trip to SQLite's worker thread,
/// and 11 columns x 80 rows stays far below SQLite's limit of 32,766 bound parameters.
const ROWS_PER_STATEMENT: usize = 80;

/// Which of `ids` are already stored for `feed`.
pub(super) async fn known_entry_ids(
    tx: &mut sqlx::SqliteConnection,
    feed: &str,
    ids: &[&str],
) -> Result<HashSet<String>, StoreError> {
    let mut known = HashSet::new();
    for chunk in ids.chunks(ROWS_PER_STATEMENT * 10) {
        let mut select = QueryBuilder::<Sqlite>::new("SELECT entry_id FROM items WHERE feed = ");
        select.push_bind(feed).push(" AND entry_id IN (");
        let mut list = select.separated(", ");
        for id in chunk {
            list.push_bind(*id);
        }
        select.push(")");
        for row in select.build().fetch_all(&mut *tx).await? {
            known.insert(row.try_get::<String, _>(0)?);
        }
    }
    Ok(known)
}

/// Marks items as still present in their feed, which keeps them from being pruned.
async fn touch_items(
    tx: &mut sqlx::SqliteConnection,
    feed: &str,
    ids: &HashSet<String>,
    now_s: i64,
) -> Result<(), StoreError> {
    let ids: Vec<&String> = ids.iter().collect();
    for chunk in ids.chunks(ROWS_PER_STATEMENT * 10) {
        let mut update = QueryBuilder::<Sqlite>::new("UPDATE items SET last_seen_at = ");
        update
            .push_bind(now_s)
            .push(" WHERE feed = ")
            .push_bind(feed);
        update.push(" AND entry_id IN (");
        let mut list = update.separated(", ");
        for id in chunk {
            list.push_bind(id.as_str());
        }
        update.push(")");
        update.build().execute(&mut *tx).await?;
    }
    Ok(())
}

/// For each canonical link, the item of another feed that carried it first.
async fn first_carriers(
    tx: &mut sqlx::SqliteConnection,
    feed: &str,
    links: &[&str],
) -> Result<HashMap<String, ItemKey>, StoreError> {
    let mut first: HashMap<String, ItemKey> = HashMap::new();
    for chunk in links.chunks(ROWS_PER_STATEMENT * 10) {
        let mut select = QueryBuilder::<Sqlite>::new(
            "SELECT canonical_link, feed, entry_id FROM items WHERE feed <> ",
        );
        select.push_bind(feed).push(" AND canonical_link IN (");
        let mut list = select.separated(", ");
        for link in chunk {
            list.push_bind(*link);
        }
        select.push(") ORDER BY first_seen_at, feed, entry_id");
        for row in select.build().fetch_all(&mut *tx).await? {
            first.entry(row.try_get(0)?).or_insert(ItemKey {
                feed: row.try_get(1)?,
                entry_id: row.try_get(2)?,
            });
        }
    }
    Ok(first)
}

/// Every feed's state, by name.
async fn select_feeds(conn: &mut sqlx::SqliteConnection) -> Result<Vec<FeedState>, StoreError> {
    // Row by row: `fetch_all` would hold every row's copied values at once on top of the
    // states built from them.
    let mut rows = sqlx::query("SELECT * FROM feeds ORDER BY name").fetch(conn);
    let mut states = Vec::new();
    while let Some(row) = rows.try_next().await? {
        states.push(feed_from_row(&row)?);
    }
    Ok(states)
}

async fn select_feed(
    conn: &mut sqlx::SqliteConnection,
    name: &str,
) -> Result<Option<FeedState>, StoreError> {
    let row = sqlx::query("SELECT * FROM feeds WHERE name = ?")
        .bind(name)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(feed_from_row).transpose()
}

async fn upsert_feed(
    conn: &mut sqlx::SqliteConnection,
    state: &FeedState,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO feeds (name, config_url, url, etag, last_modified, last_status, last_error, \
         last_attempt_at, last_success_at, consecutive_failures, next_poll_at, gone, \
         last_entries, had_entries, failing_since) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (name) DO UPDATE SET config_url = excluded.config_url, url = excluded.url, \
         etag = excluded.etag, last_modified = excluded.last_modified, \
         last_status = excluded.last_status, last_error = excluded.last_error, \
         last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, \
         consecutive_failures = excluded.consecutive_failures, \
         next_poll_at = excluded.next_poll_at, gone = excluded.gone, \
         last_entries = excluded.last_entries, had_entries = excluded.had_entries, \
         failing_since = excluded.failing_since",
    )
    .bind(&state.name)
    .bind(&state.config_url)
    .bind(&state.url)
    .bind(&state.etag)
    .bind(&state.last_modified)
    .bind(state.last_status.map(i64::from))
    .bind(&state.last_error)
    .bind(state.last_attempt_at.map(|t| t.timestamp()))
    .bind(state.last_success_at.map(|t| t.timestamp()))
    .bind(i64::from(state.consecutive_failures))
    .bind(state.next_poll_at.timestamp())
    .bind(state.gone)
    .bind(state.last_entries.map(i64::from))
    .bind(state.had_entries)
    .bind(state.failing_since.map(|t| t.timestamp()))
    .execute(conn)
    .await?;
    Ok(())
}

/// Queues `alerts`, each with the (feed, entry id) that caused it; returns how many were new.
/// Their rules' caps are applied first ([`caps::hold_capped`]), counting in this transaction.
async fn queue_alerts(
    tx: &mut sqlx::SqliteConnection,
    alerts: &[(&str, &str, &OutboxAlert)],
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let now_s = now.timestamp();
    let mut queued = 0;
    let only: Vec<&OutboxAlert> = alerts.iter().map(|(_, _, a)| *a).collect();
    let windows = caps::cap_windows(only.iter().copied(), now);
    let mut sent = caps::SentCounts::new();
    for window in &windows {
        // Entries sent at once have digest = 0.
        let count: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE rule = ? AND channel = ? AND created_at >= ? \
             AND digest = 0",
        )
        .bind(&window.rule)
        .bind(&window.channel)
        .bind(window.since.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        sent.insert((window.rule.clone(), window.channel.clone()), count);
    }
    let mut already = HashSet::new();
    if !windows.is_empty() {
        for alert in only.iter().filter(|a| caps::is_capped(a)) {
            let known: bool = sqlx::query_scalar("SELECT count(*) > 0 FROM outbox WHERE id = ?")
                .bind(&alert.id)
                .fetch_one(&mut *tx)
                .await?;
            if known {
                already.insert(alert.id.clone());
            }
        }
    }
    let decided = caps::hold_capped(&only, &already, sent, now);
    let mut capped = Vec::new();
    for ((feed, entry_id, _), held) in alerts.iter().zip(decided) {
        if let Some(held) = held {
            capped.push((*feed, *entry_id, held));
        }
    }
    let capped_ids: HashSet<&str> = capped.iter().map(|(_, _, a)| a.id.as_str()).collect();
    let alerts: Vec<(&str, &str, &OutboxAlert)> = alerts
        .iter()
        .filter(|(_, _, a)| !capped_ids.contains(a.id.as_str()))
        .copied()
        .chain(
            capped
                .iter()
                .map(|(feed, entry, alert)| (*feed, *entry, alert)),
        )
        .collect();
    for chunk in alerts.chunks(ROWS_PER_STATEMENT) {
        // INSERT OR IGNORE: the same alert id from another feed's copy of the article, or
        // from a replayed poll, is already queued and must not be queued twice.
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT OR IGNORE INTO outbox (id, channel, rule, feed, entry_id, body, state, \
             created_at, next_attempt_at, digest, hold) ",
        );
        insert.push_values(chunk, |mut row, (feed, entry_id, alert)| {
            row.push_bind(&alert.id)
                .push_bind(&alert.channel)
                .push_bind(&alert.rule)
                .push_bind(*feed)
                .push_bind(*entry_id)
                .push_bind(&alert.body)
                .push_bind("pending")
                .push_bind(now_s)
                .push_bind(alert.due_at.timestamp())
                .push_bind(
                    alert
                        .digest
                        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
                )
                .push_bind(&alert.hold);
        });
        queued += insert.build().execute(&mut *tx).await?.rows_affected() as usize;
    }
    Ok(queued)
}

/// The outbox's (feed, entry id) columns of an incident's alerts: the incident they belong to.
fn incident_key(incident: &Incident) -> String {
    format!("{}@{}", incident.kind, incident.opened_at.timestamp())
}

fn feed_from_row(row: &SqliteRow) -> Result<FeedState, StoreError> {
    let time = |column: &str| -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        Ok(row
            .try_get::<Option<i64>, _>(column)?
            .and_then(|s| DateTime::from_timestamp(s, 0)))
    };
    Ok(FeedState {
        name: row.try_get("name")?,
        config_url: row.try_get("config_url")?,
        url: row.try_get("url")?,
        etag: row.try_get("etag")?,
        last_modified: row.try_get("last_modified")?,
        last_status: row
            .try_get::<Option<i64>, _>("last_status")?
            .and_then(|s| u16::try_from(s).ok()),
        last_error: row.try_get("last_error")?,
        last_attempt_at: time("last_attempt_at")?,
        last_success_at: time("last_success_at")?,
        consecutive_failures: u32::try_from(row.try_get::<i64, _>("consecutive_failures")?)
            .unwrap_or(u32::MAX),
        next_poll_at: time("next_poll_at")?.unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
        gone: row.try_get("gone")?,
        last_entries: row
            .try_get::<Option<i64>, _>("last_entries")?
            .and_then(|n| u32::try_from(n).ok()),
        had_entries: row.try_get("had_entries")?,
        failing_since: time("failing_since")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Item;

    fn item(feed: &str, id: &str, link: &str) -> Item {
        Item {
            feed: feed.into(),
            entry_id: id.into(),
            title: format!("title {id}"),
            summary: String::new(),
            content: String::new(),
            authors: vec![],
            categories: vec![],
            link: Some(link.into()),
            canonical_link: Some(link.into()),
            published: None,
            updated: None,
        }
    }

    #[tokio::test]
    async fn pruning_forgets_only_items_gone_from_their_feed() {
        let store = SqliteStore::open_in_memory().await.expect("store");
        let state = FeedState::new("a", "https://example.net/a.xml");
        let t0 = DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::days(20_000);
        let (kept, dropped) = (
            item("a", "kept", "https://x/1"),
            item("a", "dropped", "https://x/2"),
        );
        let both = [
            PolledItem {
                item: &kept,
                alertable: true,
                matches: &[],
                alerts: &[],
                stories: &[],
            },
            PolledItem {
                item: &dropped,
                alertable: true,
                matches: &[],
                alerts: &[],
                stories: &[],
            },
        ];
        store.record_poll(&state, &both, t0).await.expect("poll 1");
        // 100 days later only `kept` is still in the feed.
        let later = t0 + chrono::Duration::days(100);
        let still = [PolledItem {
            item: &kept,
            alertable: true,
            matches: &[],
            alerts: &[],
            stories: &[],
        }];
        let commit = store
            .record_poll(&state, &still, later)
            .await
            .expect("poll 2");
        assert_eq!(commit.already_seen, 1);
        let pruned = store
            .prune_items(later - chrono::Duration::days(90))
            .await
            .expect("prune");
        assert_eq!(pruned, 1);
        let again = store
            .record_poll(&state, &still, later)
            .await
            .expect("poll 3");
        assert!(again.new_items.is_empty(), "a kept item must stay known");
        let back = store
            .record_poll(&state, &both, later)
            .await
            .expect("poll 4");
        assert_eq!(back.new_items.len(), 1, "a pruned item is new again");
    }
}

#[cfg(test)]
mod opening {
    //! What `SqliteStore::open` does with the file it is given: a missing one is created
    //! private, an existing one must be a newswatch database or it is refused untouched.

    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    /// Creates a newswatch database at `path` holding one feed's state, and closes it.
    async fn database_with_a_feed(path: &Path) {
        let store = SqliteStore::open(path).await.expect("create");
        store
            .sync_feeds(&[("a".into(), "https://example.net/a.xml".into())])
            .await
            .expect("write");
        store.pool.close().await;
    }

    /// Opens `path`, which must be refused, and checks the refusal says how to start fresh
    /// and that the file is as it was.
    async fn refused(path: &Path, why: &str) {
        let before = std::fs::read(path).expect("read before");
        let error = SqliteStore::open(path)
            .await
            .expect_err("a damaged database is refused");
        let text = error.to_string();
        assert!(text.contains(why), "{text}");
        assert!(text.contains("move it away"), "{text}");
        assert_eq!(std::fs::read(path).expect("read after"), before, "{text}");
        assert!(!path.with_extension("db-wal").exists(), "{text}");
    }

    #[tokio::test]
    async fn an_empty_file_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        std::fs::write(&path, b"").expect("empty file");
        refused(&path, "is empty").await;
    }

    #[tokio::test]
    async fn a_file_of_garbage_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        std::fs::write(&path, vec![0xA5u8; 8192]).expect("garbage");
        refused(&path, "not an SQLite database").await;
    }

    #[tokio::test]
    async fn a_database_with_a_damaged_page_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        database_with_a_feed(&path).await;
        // Page 2 onwards is the schema's tables: zero its first bytes (the page header).
        let mut bytes = std::fs::read(&path).expect("read");
        let page: usize = 4096;
        assert!(bytes.len() > 3 * page, "{} bytes", bytes.len());
        bytes[page..page + 16].fill(0xFF);
        std::fs::write(&path, &bytes).expect("damage");
        let error = SqliteStore::open(&path).await.expect_err("damaged page");
        assert!(error.to_string().contains("move it away"), "{error}");
    }

    #[tokio::test]
    async fn another_programs_database_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let mut conn = sqlx::SqliteConnection::connect_with(&options)
            .await
            .expect("create");
        sqlx::query("CREATE TABLE notes (text TEXT)")
            .execute(&mut conn)
            .await
            .expect("table");
        conn.close().await.expect("close");
        refused(&path, "no newswatch migrations").await;
    }

    #[tokio::test]
    async fn a_valid_database_opens_again_with_its_state() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        database_with_a_feed(&path).await;
        let store = SqliteStore::open(&path).await.expect("reopen");
        assert!(store.feed_state("a").await.expect("read").is_some());
    }

    #[tokio::test]
    async fn a_new_database_and_its_folder_are_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("state");
        let path = folder.join("state.db");
        // SAFETY: umask only changes the mode of files created after it; set it to the usual
        // 022 so the test proves the modes do not depend on it.
        let old = unsafe { libc::umask(0o022) };
        let store = SqliteStore::open(&path).await.expect("create");
        store
            .sync_feeds(&[("a".into(), "https://example.net/a.xml".into())])
            .await
            .expect("write");
        // SAFETY: as above.
        unsafe { libc::umask(old) };
        assert_eq!(mode(&folder), 0o700);
        for file in ["state.db", "state.db-wal", "state.db-shm"] {
            assert_eq!(mode(&folder.join(file)), 0o600, "{file}");
        }
    }
}
