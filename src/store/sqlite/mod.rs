//! The SQLite [`Store`]: one file in WAL mode, migrations from `migrations/` embedded at compile
//! time and applied on open. This file opens, vets and migrates the database and holds the
//! trait's impl, which hands each method to the file of its concept: `polls` (feeds and
//! polls), `items` (stored items read back in bulk), `outbox`, `incidents` and `stories`.
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
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, Sqlite, Transaction};
use tokio::sync::Mutex;

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

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

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

impl SqliteStore {
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
        MIGRATOR.run(&pool).await.map_err(|error| {
            let place = pool.connect_options().get_filename().display().to_string();
            super::migration_error(error, &MIGRATOR, "SQLite", &place)
        })?;
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
    if ours > 0 {
        let applied: Option<i64> = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| damaged_or(path, e))?;
        super::refuse_newer_schema(applied, &MIGRATOR, "SQLite", &path.display().to_string())?;
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
        polls::sync_feeds(self, feeds).await
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

/// Rows per multi-row statement: each statement is one round trip to SQLite's worker thread,
/// and 15 columns x 80 rows stays far below SQLite's limit of 32,766 bound parameters.
const ROWS_PER_STATEMENT: usize = 80;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Item;

    fn item(feed: &str, id: &str, link: &str) -> Item {
        Item {
            feed: feed.into(),
            entry_id: id.into(),
            title: format!("title {id}"),
            link: Some(link.into()),
            canonical_link: Some(link.into()),
            ..Default::default()
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
    async fn a_database_migrated_by_a_newer_newswatch_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.db");
        database_with_a_feed(&path).await;
        let options = SqliteConnectOptions::new().filename(&path);
        let mut conn = sqlx::SqliteConnection::connect_with(&options)
            .await
            .expect("connect");
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (9999, 'from the future', 1, x'00', 0)",
        )
        .execute(&mut conn)
        .await
        .expect("a future migration");
        conn.close().await.expect("close");
        let error = SqliteStore::open(&path).await.expect_err("refused");
        let known = MIGRATOR
            .iter()
            .map(|m| m.version)
            .max()
            .expect("migrations");
        assert!(
            matches!(error, StoreError::SchemaTooNew { found: 9999, known: k, .. } if k == known),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .contains("newer than this newswatch knows"),
            "{error}"
        );
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
