//! Stored items read back in bulk ([`Store::items_since`](crate::store::Store::items_since),
//! what `backtest` replays), through SQLite's C API on a connection taken out of sqlx's hands.
//!
//! Why not sqlx's row stream: it copies every column of every row into values of its own and
//! hands each row from its worker thread to the async side over a channel, a wake-up per row.
//! At 100,000 items of about a kilobyte that cost 0.77 s (`cargo bench --bench backtest`,
//! `read`), where SQLite steps through them in 0.2 s. Here ONE prepared statement steps on the
//! calling thread, and each row is decoded straight from SQLite's buffers into one item that
//! is reused for the next row: no allocation per row once the strings have grown.
//!
//! The price is that the whole read runs without yielding: it is for a command that does
//! nothing else meanwhile, not for the daemon's async workers.

use std::ffi::{CStr, c_int};
use std::ptr::NonNull;

use chrono::{DateTime, Utc};
use libsqlite3_sys as ffi;

use super::SqliteStore;
use crate::feed::Item;
use crate::store::{StoreError, StoredItem};

/// The items first seen since `?1`, in the order [`items_since`] promises, with the columns
/// [`fill`] reads.
const SELECT: &CStr = c"SELECT feed, entry_id, title, summary, content, authors, categories, \
    link, canonical_link, published_at, first_seen_at, alertable FROM items \
    WHERE first_seen_at >= ?1 ORDER BY first_seen_at, feed, published_at, entry_id";

pub(super) async fn items_since<F>(
    store: &SqliteStore,
    since: DateTime<Utc>,
    visit: F,
) -> Result<u64, StoreError>
where
    F: FnMut(&StoredItem),
{
    let mut conn = store.pool.acquire().await?;
    // While the handle is locked, sqlx's worker thread leaves the connection alone.
    let mut handle = conn.lock_handle().await?;
    read(handle.as_raw_handle(), since, visit)
}

fn read<F>(db: NonNull<ffi::sqlite3>, since: DateTime<Utc>, mut visit: F) -> Result<u64, StoreError>
where
    F: FnMut(&StoredItem),
{
    let mut statement = Statement::prepare(db, SELECT)?;
    statement.bind_int64(1, since.timestamp())?;
    let mut stored = StoredItem::default();
    let mut count = 0;
    // One statement reads from one snapshot.
    while statement.step()? {
        fill(&mut stored, &statement)?;
        visit(&stored);
        count += 1;
    }
    Ok(count)
}

/// Overwrites `stored` with the current row of `row` (columns as [`SELECT`]), reusing its
/// strings' memory.
fn fill(stored: &mut StoredItem, row: &Statement) -> Result<(), StoreError> {
    fn set(to: &mut String, from: Option<&str>) {
        to.clear();
        to.push_str(from.unwrap_or_default());
    }
    fn set_option(to: &mut Option<String>, from: Option<&str>) {
        match (to.as_mut(), from) {
            (Some(to), Some(from)) => {
                to.clear();
                to.push_str(from);
            }
            (_, from) => *to = from.map(str::to_string),
        }
    }
    let time = |seconds: i64| DateTime::from_timestamp(seconds, 0).unwrap_or_default();
    let item = &mut stored.item;
    set(&mut item.feed, row.text(0)?);
    set(&mut item.entry_id, row.text(1)?);
    set(&mut item.title, row.text(2)?);
    let summary = row.text(3)?;
    stored.has_text = summary.is_some();
    set(&mut item.summary, summary);
    set(&mut item.content, row.text(4)?);
    item.authors = read_list(row.text(5)?, "authors", item)?;
    item.categories = read_list(row.text(6)?, "categories", item)?;
    set_option(&mut item.link, row.text(7)?);
    set_option(&mut item.canonical_link, row.text(8)?);
    item.published = row.int64(9).map(time);
    item.updated = None;
    stored.first_seen_at = time(row.int64(10).unwrap_or_default());
    stored.alertable = row.int64(11).unwrap_or_default() != 0;
    Ok(())
}

/// A list of names as `polls::json_list` wrote it (`what` of `item`).
fn read_list(
    text: Option<&str>,
    what: &'static str,
    item: &Item,
) -> Result<Vec<String>, StoreError> {
    match text.unwrap_or_default() {
        "" => Ok(Vec::new()),
        text => serde_json::from_str(text).map_err(|source| StoreError::Decode {
            what,
            feed: item.feed.clone(),
            entry_id: item.entry_id.clone(),
            source,
        }),
    }
}

/// A prepared statement of the locked connection `db`, finalized when dropped.
struct Statement {
    db: NonNull<ffi::sqlite3>,
    raw: NonNull<ffi::sqlite3_stmt>,
}

impl Statement {
    fn prepare(db: NonNull<ffi::sqlite3>, sql: &CStr) -> Result<Statement, StoreError> {
        let mut raw = std::ptr::null_mut();
        // SAFETY: `db` is an open connection locked for this thread; `sql` is NUL-terminated
        // and `raw` receives the statement or NULL.
        let code = unsafe {
            ffi::sqlite3_prepare_v2(
                db.as_ptr(),
                sql.as_ptr(),
                -1,
                &mut raw,
                std::ptr::null_mut(),
            )
        };
        match NonNull::new(raw) {
            Some(raw) if code == ffi::SQLITE_OK => Ok(Statement { db, raw }),
            _ => Err(error(db, code)),
        }
    }

    fn bind_int64(&mut self, index: c_int, value: i64) -> Result<(), StoreError> {
        // SAFETY: the statement is prepared and not finalized.
        let code = unsafe { ffi::sqlite3_bind_int64(self.raw.as_ptr(), index, value) };
        match code {
            ffi::SQLITE_OK => Ok(()),
            code => Err(error(self.db, code)),
        }
    }

    /// Moves to the next row: `false` when there is none. Values borrowed from the previous
    /// row cannot outlive this (`&mut self`).
    fn step(&mut self) -> Result<bool, StoreError> {
        // SAFETY: the statement is prepared and not finalized.
        match unsafe { ffi::sqlite3_step(self.raw.as_ptr()) } {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            code => Err(error(self.db, code)),
        }
    }

    /// Column `column` of the current row as text; `None` for NULL.
    fn text(&self, column: c_int) -> Result<Option<&str>, StoreError> {
        let raw = self.raw.as_ptr();
        // SAFETY: the statement is on a row (callers read only after `step` returned true)
        // and `column` is one of the SELECT's. The pointer SQLite returns stays valid, with
        // `sqlite3_column_bytes` bytes behind it, until the next step or finalize, which need
        // `&mut self` or `self`: the borrow of `self` keeps the slice from outliving it.
        let bytes = unsafe {
            if ffi::sqlite3_column_type(raw, column) == ffi::SQLITE_NULL {
                return Ok(None);
            }
            let text = ffi::sqlite3_column_text(raw, column);
            let length = ffi::sqlite3_column_bytes(raw, column);
            if text.is_null() {
                // NULL for a value that is not NULL: SQLite ran out of memory.
                return Err(error(self.db, ffi::SQLITE_NOMEM));
            }
            std::slice::from_raw_parts(text, usize::try_from(length).unwrap_or_default())
        };
        std::str::from_utf8(bytes)
            .map(Some)
            .map_err(|_| StoreError::Sqlite {
                code: ffi::SQLITE_MISMATCH,
                message: format!("column {column} of a stored item is not UTF-8 text"),
            })
    }

    /// Column `column` of the current row as an integer; `None` for NULL.
    fn int64(&self, column: c_int) -> Option<i64> {
        let raw = self.raw.as_ptr();
        // SAFETY: as in `text`: the statement is on a row and `column` is the SELECT's.
        unsafe {
            (ffi::sqlite3_column_type(raw, column) != ffi::SQLITE_NULL)
                .then(|| ffi::sqlite3_column_int64(raw, column))
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: finalized once, here; no value borrowed from it outlives `self`.
        unsafe {
            ffi::sqlite3_finalize(self.raw.as_ptr());
        }
    }
}

/// SQLite's error for `code` on `db`, with its message.
fn error(db: NonNull<ffi::sqlite3>, code: c_int) -> StoreError {
    // SAFETY: `db` is open; `sqlite3_errmsg` returns a NUL-terminated string that SQLite owns,
    // copied here before any other call on `db`.
    let message = unsafe {
        let message = ffi::sqlite3_errmsg(db.as_ptr());
        if message.is_null() {
            String::new()
        } else {
            CStr::from_ptr(message).to_string_lossy().into_owned()
        }
    };
    StoreError::Sqlite { code, message }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use sqlx::sqlite::SqliteConnectOptions;

    use super::super::MIGRATOR;
    use super::*;
    use crate::store::Store;

    /// A database from before item text was kept (migration 12), upgraded: its items read
    /// back with their title and link, and marked as having no text, not as having none.
    #[tokio::test]
    async fn items_stored_before_their_text_was_kept_say_so() {
        let options = SqliteConnectOptions::from_str("sqlite::memory:").expect("options");
        let pool = SqliteStore::pool(options).await.expect("pool");
        MIGRATOR.run_to(11, &pool).await.expect("migrate to 11");
        sqlx::query(
            "INSERT INTO items (feed, entry_id, canonical_link, title, link, published_at, \
             first_seen_at, last_seen_at, alertable) \
             VALUES ('wire', 'old', NULL, 'Old headline', 'https://x.example/old', 90, 100, 100, 1)",
        )
        .execute(&pool)
        .await
        .expect("insert");
        let store = SqliteStore::migrate(pool).await.expect("upgrade");
        let mut seen = Vec::new();
        store
            .items_since(DateTime::<Utc>::UNIX_EPOCH, |s| seen.push(s.clone()))
            .await
            .expect("read");
        assert_eq!(
            seen,
            [StoredItem {
                item: Item {
                    feed: "wire".into(),
                    entry_id: "old".into(),
                    title: "Old headline".into(),
                    link: Some("https://x.example/old".into()),
                    published: DateTime::from_timestamp(90, 0),
                    ..Item::default()
                },
                first_seen_at: DateTime::from_timestamp(100, 0).expect("time"),
                alertable: true,
                has_text: false,
            }]
        );
    }
}
