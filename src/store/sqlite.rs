//! The SQLite [`Store`]: one file in WAL mode, migrations from `migrations/` embedded at compile
//! time and applied on open.
//!
//! Writes are serialized in-process by a mutex and across processes by `BEGIN IMMEDIATE`, so a
//! transaction never fails half-way on a lock upgrade; readers (such as `status` while the
//! daemon runs) are never blocked in WAL mode.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Row, Sqlite, Transaction};
use tokio::sync::Mutex;

use super::{FeedState, FeedSummary, ItemKey, NewItem, PollCommit, PolledItem, Store, StoreError};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a write waits for another process holding the database lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// One writer at a time in this process: SQLite allows only one anyway, and waiting on a
    /// mutex is cheaper and fairer than SQLite's busy-retry sleeps.
    write_lock: std::sync::Arc<Mutex<()>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                path: folder.display().to_string(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL in WAL mode cannot corrupt the file; a power cut may lose the last
            // transactions, which only means re-fetching them.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true);
        Self::connect(options).await
    }

    /// An in-memory database, for tests and `test-rule`.
    pub async fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        Self::connect(options).await
    }

    async fn connect(options: SqliteConnectOptions) -> Result<SqliteStore, StoreError> {
        let in_memory = options.get_filename() == Path::new(":memory:");
        let pool = SqlitePoolOptions::new()
            // Each in-memory connection would be its own database.
            .max_connections(if in_memory { 1 } else { 4 })
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore {
            pool,
            write_lock: std::sync::Arc::new(Mutex::new(())),
        })
    }

    async fn write_transaction(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

impl Store for SqliteStore {
    async fn sync_feeds<'a>(
        &'a self,
        feeds: &'a [(String, String)],
    ) -> Result<Vec<FeedState>, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let mut states = Vec::with_capacity(feeds.len());
        for (name, url) in feeds {
            let state = match select_feed(&mut tx, name).await? {
                Some(state) if state.config_url == *url => state,
                // A new URL is a new source: its first poll follows the backlog rule again,
                // and items it shares with the old URL are still known by their ids.
                _ => FeedState::new(name, url),
            };
            upsert_feed(&mut tx, &state).await?;
            states.push(state);
        }
        tx.commit().await?;
        Ok(states)
    }

    async fn feed_state<'a>(&'a self, name: &'a str) -> Result<Option<FeedState>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        select_feed(&mut conn, name).await
    }

    async fn record_feed_state<'a>(&'a self, state: &'a FeedState) -> Result<(), StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        upsert_feed(&mut tx, state).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn record_poll<'a>(
        &'a self,
        state: &'a FeedState,
        items: &'a [PolledItem<'a>],
        now: DateTime<Utc>,
    ) -> Result<PollCommit, StoreError> {
        let _writer = self.write_lock.lock().await;
        let mut tx = self.write_transaction().await?;
        let mut commit = PollCommit::default();
        let now_s = now.timestamp();
        for polled in items {
            let item = polled.item;
            let touched =
                sqlx::query("UPDATE items SET last_seen_at = ? WHERE feed = ? AND entry_id = ?")
                    .bind(now_s)
                    .bind(&item.feed)
                    .bind(&item.entry_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if touched > 0 {
                commit.already_seen += 1;
                continue;
            }
            let duplicate_of = match &item.canonical_link {
                Some(link) => sqlx::query(
                    "SELECT feed, entry_id FROM items WHERE canonical_link = ? AND feed <> ? \
                     ORDER BY first_seen_at LIMIT 1",
                )
                .bind(link)
                .bind(&item.feed)
                .fetch_optional(&mut *tx)
                .await?
                .map(|row| ItemKey {
                    feed: row.get(0),
                    entry_id: row.get(1),
                }),
                None => None,
            };
            // A feed may repeat an entry id within one document; the first copy wins.
            let inserted = sqlx::query(
                "INSERT OR IGNORE INTO items (feed, entry_id, canonical_link, title, link, \
                 published_at, first_seen_at, last_seen_at, alertable, duplicate_of_feed, \
                 duplicate_of_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(&item.feed)
            .bind(&item.entry_id)
            .bind(&item.canonical_link)
            .bind(&item.title)
            .bind(&item.link)
            .bind(item.published.or(item.updated).map(|t| t.timestamp()))
            .bind(now_s)
            .bind(now_s)
            .bind(polled.alertable)
            .bind(duplicate_of.as_ref().map(|k| &k.feed))
            .bind(duplicate_of.as_ref().map(|k| &k.entry_id))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                commit.already_seen += 1;
                continue;
            }
            commit.new_items.push(NewItem {
                entry_id: item.entry_id.clone(),
                alertable: polled.alertable,
                duplicate_of,
            });
        }
        upsert_feed(&mut tx, state).await?;
        tx.commit().await?;
        Ok(commit)
    }

    async fn prune_items(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        let _writer = self.write_lock.lock().await;
        let done = sqlx::query("DELETE FROM items WHERE last_seen_at < ?")
            .bind(cutoff.timestamp())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
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
         last_attempt_at, last_success_at, consecutive_failures, next_poll_at, gone) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (name) DO UPDATE SET config_url = excluded.config_url, url = excluded.url, \
         etag = excluded.etag, last_modified = excluded.last_modified, \
         last_status = excluded.last_status, last_error = excluded.last_error, \
         last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, \
         consecutive_failures = excluded.consecutive_failures, \
         next_poll_at = excluded.next_poll_at, gone = excluded.gone",
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
    .execute(conn)
    .await?;
    Ok(())
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
            },
            PolledItem {
                item: &dropped,
                alertable: true,
            },
        ];
        store.record_poll(&state, &both, t0).await.expect("poll 1");
        // 100 days later only `kept` is still in the feed.
        let later = t0 + chrono::Duration::days(100);
        let still = [PolledItem {
            item: &kept,
            alertable: true,
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
