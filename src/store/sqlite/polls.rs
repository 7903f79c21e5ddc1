//! Feeds and polls in SQLite: feed state, the items a poll saw (new ones with their text,
//! matches, stories and alerts, in one transaction), pruning, and the per-feed and per-rule
//! numbers.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};

use super::{ROWS_PER_STATEMENT, SqliteStore};
use crate::alert::OutboxAlert;
use crate::feed::rhythm::Rhythm;
use crate::rules::ItemMatch;
use crate::store::{
    FeedState, FeedSummary, ItemKey, NewItem, PollCommit, PolledItem, RuleSummary, StoreError,
    StoryRole, stored_rhythm,
};

pub(super) async fn sync_feeds<'a>(
    store: &'a SqliteStore,
    feeds: &'a [(String, String)],
) -> Result<Vec<FeedState>, StoreError> {
    let _writer = store.write_lock.lock().await;
    let mut tx = store.write_transaction().await?;
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
                // The old source's rhythm says nothing of the new one.
                sqlx::query("UPDATE feeds SET rhythm = NULL WHERE name = ?")
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                state
            }
        };
        states.push(state);
    }
    tx.commit().await?;
    Ok(states)
}

pub(super) async fn feed_state<'a>(
    store: &'a SqliteStore,
    name: &'a str,
) -> Result<Option<FeedState>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    select_feed(&mut conn, name).await
}

pub(super) async fn feed_rhythm<'a>(
    store: &'a SqliteStore,
    name: &'a str,
) -> Result<Rhythm, StoreError> {
    let mut conn = store.pool.acquire().await?;
    let stored: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT rhythm FROM feeds WHERE name = ?")
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(stored_rhythm(name, stored.flatten()))
}

pub(super) async fn record_feed_state<'a>(
    store: &'a SqliteStore,
    state: &'a FeedState,
) -> Result<(), StoreError> {
    let _writer = store.write_lock.lock().await;
    if state.claim.is_some() {
        let mut tx = store.write_transaction().await?;
        end_claim(&mut tx, state).await?;
        upsert_feed(&mut tx, state).await?;
        tx.commit().await?;
        return Ok(());
    }
    // One statement is its own transaction: an unchanged feed's poll, the most common
    // write, costs one round trip to the database thread instead of three.
    let mut conn = store.pool.acquire().await?;
    upsert_feed(&mut conn, state).await
}

pub(super) async fn claim_feed<'a>(
    store: &'a SqliteStore,
    name: &'a str,
    owner: &'a str,
    now: DateTime<Utc>,
    lease: std::time::Duration,
) -> Result<Option<FeedState>, StoreError> {
    let _writer = store.write_lock.lock().await;
    let now_s = now.timestamp();
    let until = now_s + i64::try_from(lease.as_secs()).unwrap_or(i64::MAX / 2);
    let row = sqlx::query(
        "UPDATE feeds SET poll_owner = ?, poll_lease_until = ?, \
         poll_generation = poll_generation + 1 WHERE name = ? AND next_poll_at <= ? \
         AND poll_lease_until <= ? AND NOT gone RETURNING *",
    )
    .bind(owner)
    .bind(until)
    .bind(name)
    .bind(now_s)
    .bind(now_s)
    .fetch_optional(&store.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut state = feed_from_row(&row)?;
    state.claim = Some(row.try_get("poll_generation")?);
    state.rhythm = rhythm_of_row(&row)?;
    Ok(Some(state))
}

pub(super) async fn renew_feed_claim<'a>(
    store: &'a SqliteStore,
    name: &'a str,
    generation: i64,
    now: DateTime<Utc>,
    lease: std::time::Duration,
) -> Result<bool, StoreError> {
    let _writer = store.write_lock.lock().await;
    let until = now.timestamp() + i64::try_from(lease.as_secs()).unwrap_or(i64::MAX / 2);
    // A claim its poll has ended (lease 0) stays ended.
    let done = sqlx::query(
        "UPDATE feeds SET poll_lease_until = ? WHERE name = ? \
         AND poll_generation = ? AND poll_lease_until > 0",
    )
    .bind(until)
    .bind(name)
    .bind(generation)
    .execute(&store.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends the claim `state` was read under, if any, before the poll's writes: an error (and the
/// caller's transaction rolled back) if the feed has been claimed again since.
async fn end_claim(conn: &mut sqlx::SqliteConnection, state: &FeedState) -> Result<(), StoreError> {
    let Some(generation) = state.claim else {
        return Ok(());
    };
    let done =
        sqlx::query("UPDATE feeds SET poll_lease_until = 0 WHERE name = ? AND poll_generation = ?")
            .bind(&state.name)
            .bind(generation)
            .execute(conn)
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::ClaimLost {
            feed: state.name.clone(),
            generation,
        });
    }
    Ok(())
}

pub(super) async fn record_poll<'a>(
    store: &'a SqliteStore,
    state: &'a FeedState,
    items: &'a [PolledItem<'a>],
    now: DateTime<Utc>,
) -> Result<PollCommit, StoreError> {
    let result = async {
        let _writer = store.write_lock.lock().await;
        let mut tx = store.write_transaction().await?;
        end_claim(&mut tx, state).await?;
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
        let lists: Vec<(String, String)> = fresh
            .iter()
            .map(|p| Ok((json_list(&p.item.authors)?, json_list(&p.item.categories)?)))
            .collect::<Result<_, serde_json::Error>>()?;
        for (chunk, lists) in fresh
            .chunks(ROWS_PER_STATEMENT)
            .zip(lists.chunks(ROWS_PER_STATEMENT))
        {
            let mut insert = QueryBuilder::<Sqlite>::new(
                "INSERT INTO items (feed, entry_id, canonical_link, title, link, published_at, \
                 first_seen_at, last_seen_at, alertable, duplicate_of_feed, duplicate_of_entry, \
                 summary, content, authors, categories) ",
            );
            insert.push_values(chunk.iter().zip(lists), |mut row, (polled, lists)| {
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
                    .push_bind(duplicate_of.map(|k| k.entry_id.clone()))
                    .push_bind(&item.summary)
                    .push_bind(&item.content)
                    .push_bind(&lists.0)
                    .push_bind(&lists.1);
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
                        super::stories::record(&mut tx, polled.item, decision, now).await?;
                    if recorded_as_joined && is_join {
                        joined.insert((polled.item.entry_id.as_str(), decision.channel.as_str()));
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
        commit.alerts_queued += super::outbox::queue_alerts(&mut tx, &alerts, now).await?;
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
    store.writes.note(&result);
    result
}

pub(super) async fn prune_items(
    store: &SqliteStore,
    cutoff: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let _writer = store.write_lock.lock().await;
    let mut tx = store.write_transaction().await?;
    let done = sqlx::query("DELETE FROM items WHERE last_seen_at < ?")
        .bind(cutoff.timestamp())
        .execute(&mut *tx)
        .await?;
    super::stories::prune(&mut tx, cutoff).await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

/// A list of names as the items table keeps it: a JSON array, or `''` for none.
pub(super) fn json_list(names: &[String]) -> Result<String, serde_json::Error> {
    if names.is_empty() {
        Ok(String::new())
    } else {
        serde_json::to_string(names)
    }
}

pub(super) async fn known_entries<'a>(
    store: &'a SqliteStore,
    feed: &'a str,
    ids: &'a [&'a str],
) -> Result<HashSet<String>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    known_entry_ids(&mut conn, feed, ids).await
}

pub(super) async fn last_new_items(
    store: &SqliteStore,
) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
    let rows = sqlx::query(
        "SELECT name AS feed, last_new_at AS last FROM feeds WHERE last_new_at IS NOT NULL",
    )
    .fetch_all(&store.pool)
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

pub(super) async fn feed_states(store: &SqliteStore) -> Result<Vec<FeedState>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    select_feeds(&mut conn).await
}

pub(super) async fn feed_summaries(store: &SqliteStore) -> Result<Vec<FeedSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT f.*, (SELECT count(*) FROM items i WHERE i.feed = f.name) AS items_seen \
         FROM feeds f ORDER BY f.name",
    )
    .fetch_all(&store.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(FeedSummary {
                state: feed_from_row(row)?,
                items_seen: u64::try_from(row.try_get::<i64, _>("items_seen")?).unwrap_or_default(),
            })
        })
        .collect()
}

pub(super) async fn rule_summaries(store: &SqliteStore) -> Result<Vec<RuleSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT rule, count(*) AS n, max(matched_at) AS last FROM matches \
         GROUP BY rule ORDER BY rule",
    )
    .fetch_all(&store.pool)
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

/// The rules of `polled` that made no alert because the item joined a story on every channel
/// whose alert carried them.
pub(super) fn rules_joined(polled: &PolledItem<'_>, joined: &HashSet<(&str, &str)>) -> Vec<String> {
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
pub(super) async fn touch_items(
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
pub(super) async fn first_carriers(
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
pub(super) async fn select_feeds(
    conn: &mut sqlx::SqliteConnection,
) -> Result<Vec<FeedState>, StoreError> {
    // Row by row: `fetch_all` would hold every row's copied values at once on top of the
    // states built from them.
    let mut rows = sqlx::query("SELECT * FROM feeds ORDER BY name").fetch(conn);
    let mut states = Vec::new();
    while let Some(row) = rows.try_next().await? {
        states.push(feed_from_row(&row)?);
    }
    Ok(states)
}

pub(super) async fn select_feed(
    conn: &mut sqlx::SqliteConnection,
    name: &str,
) -> Result<Option<FeedState>, StoreError> {
    let row = sqlx::query("SELECT * FROM feeds WHERE name = ?")
        .bind(name)
        .fetch_optional(conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut state = feed_from_row(&row)?;
    state.rhythm = rhythm_of_row(&row)?;
    Ok(Some(state))
}

/// One feed's row read alone: its rhythm comes along (an unreadable one is learned again).
fn rhythm_of_row(row: &SqliteRow) -> Result<Option<Rhythm>, StoreError> {
    Ok(row
        .try_get::<Option<Vec<u8>>, _>("rhythm")?
        .and_then(|bytes| Rhythm::from_bytes(&bytes)))
}

pub(super) async fn upsert_feed(
    conn: &mut sqlx::SqliteConnection,
    state: &FeedState,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO feeds (name, config_url, url, etag, last_modified, last_status, last_error, \
         last_attempt_at, last_success_at, consecutive_failures, next_poll_at, gone, \
         last_entries, had_entries, failing_since, rhythm) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (name) DO UPDATE SET config_url = excluded.config_url, url = excluded.url, \
         etag = excluded.etag, last_modified = excluded.last_modified, \
         last_status = excluded.last_status, last_error = excluded.last_error, \
         last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, \
         consecutive_failures = excluded.consecutive_failures, \
         next_poll_at = excluded.next_poll_at, gone = excluded.gone, \
         last_entries = excluded.last_entries, had_entries = excluded.had_entries, \
         failing_since = excluded.failing_since, \
         rhythm = coalesce(excluded.rhythm, feeds.rhythm)",
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
    .bind(state.rhythm.as_ref().map(Rhythm::to_bytes))
    .execute(conn)
    .await?;
    Ok(())
}

pub(super) fn feed_from_row(row: &SqliteRow) -> Result<FeedState, StoreError> {
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
        rhythm: None,
        claim: None,
    })
}
