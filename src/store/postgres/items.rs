//! Stored items read back in bulk ([`Store::items_since`](crate::store::Store::items_since),
//! what `backtest` replays) from PostgreSQL: one statement, streamed row by row (one statement
//! reads one snapshot), each row decoded into one item reused for the next.

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sqlx::Row;
use sqlx::postgres::PgRow;

use super::PostgresStore;
use crate::feed::Item;
use crate::store::{StoreError, StoredItem};

pub(super) async fn items_since<F>(
    store: &PostgresStore,
    since: DateTime<Utc>,
    mut visit: F,
) -> Result<u64, StoreError>
where
    F: FnMut(&StoredItem),
{
    let mut conn = store.pool.acquire().await?;
    // Undated items first, as SQLite sorts NULL.
    let mut rows = sqlx::query(
        "SELECT feed, entry_id, title, summary, content, authors, categories, link, \
         canonical_link, published_at, first_seen_at, alertable FROM items \
         WHERE first_seen_at >= $1 \
         ORDER BY first_seen_at, feed, published_at NULLS FIRST, entry_id",
    )
    .bind(since.timestamp())
    .fetch(&mut *conn);
    let mut stored = StoredItem::default();
    let mut count = 0;
    while let Some(row) = rows.try_next().await? {
        fill(&mut stored, &row)?;
        visit(&stored);
        count += 1;
    }
    Ok(count)
}

/// Overwrites `stored` with `row`, reusing its strings' memory.
fn fill(stored: &mut StoredItem, row: &PgRow) -> Result<(), StoreError> {
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
    set(&mut item.feed, row.try_get(0)?);
    set(&mut item.entry_id, row.try_get(1)?);
    set(&mut item.title, row.try_get(2)?);
    let summary: Option<&str> = row.try_get(3)?;
    stored.has_text = summary.is_some();
    set(&mut item.summary, summary);
    set(&mut item.content, row.try_get(4)?);
    item.authors = read_list(row.try_get(5)?, "authors", item)?;
    item.categories = read_list(row.try_get(6)?, "categories", item)?;
    set_option(&mut item.link, row.try_get(7)?);
    set_option(&mut item.canonical_link, row.try_get(8)?);
    item.published = row.try_get::<Option<i64>, _>(9)?.map(time);
    item.updated = None;
    stored.first_seen_at = time(row.try_get(10)?);
    stored.alertable = row.try_get(11)?;
    Ok(())
}

/// A list of names as `polls::json_list` wrote it (`what` of `item`).
fn read_list(text: &str, what: &'static str, item: &Item) -> Result<Vec<String>, StoreError> {
    match text {
        "" => Ok(Vec::new()),
        text => serde_json::from_str(text).map_err(|source| StoreError::Decode {
            what,
            feed: item.feed.clone(),
            entry_id: item.entry_id.clone(),
            source,
        }),
    }
}
