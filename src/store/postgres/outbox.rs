//! The outbox in PostgreSQL: queueing alerts (with their caps decided by `alert::caps`), leased
//! claims, delivery outcomes, and the listings `status`, `alerts` and `replay` read.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::{Postgres, QueryBuilder, Row};

use super::{PostgresStore, ROWS_PER_STATEMENT};
use crate::alert::{OutboxAlert, caps};
use crate::store::{
    AlertRow, ChannelTrouble, DeliveryResult, OutboxCounts, OutboxEntry, Queue, ReplayFilter,
    ReplayedEntry, StoreError,
};

pub(super) async fn claim_due<'a>(
    store: &'a PostgresStore,
    channel: &'a str,
    queue: Queue,
    now: DateTime<Utc>,
    lease: Duration,
    limit: usize,
    owner: &'a str,
) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut tx = store.pool.begin().await?;
    let now_s = now.timestamp();
    // The queue is spelled into the SQL, not bound, so that `digest = 0` meets the
    // `outbox_due` index as an equality. SKIP LOCKED: rows another node is claiming right now
    // are passed over, not waited for; its claim commits their leases, so they would not be
    // due here anyway.
    let sql = match queue {
        Queue::Immediate => {
            "SELECT id, body, attempts, created_at, hold FROM outbox WHERE channel = $1 \
             AND state = 'pending' AND digest = 0 AND next_attempt_at <= $2 \
             AND lease_until <= $2 ORDER BY next_attempt_at, created_at, id LIMIT $3 \
             FOR UPDATE SKIP LOCKED"
        }
        Queue::Digest => {
            "SELECT id, body, attempts, created_at, hold FROM outbox WHERE channel = $1 \
             AND state = 'pending' AND digest > 0 AND next_attempt_at <= $2 \
             AND lease_until <= $2 ORDER BY next_attempt_at, created_at, id LIMIT $3 \
             FOR UPDATE SKIP LOCKED"
        }
    };
    let rows = sqlx::query(sql)
        .bind(channel)
        .bind(now_s)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&mut *tx)
        .await?;
    let lease_until = now_s + i64::try_from(lease.as_secs()).unwrap_or(i64::MAX / 2);
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        entries.push(OutboxEntry {
            id: row.try_get("id")?,
            channel: channel.to_string(),
            body: row.try_get("body")?,
            attempts: u32::try_from(row.try_get::<i64, _>("attempts")? + 1).unwrap_or(u32::MAX),
            created_at: DateTime::from_timestamp(row.try_get("created_at")?, 0).unwrap_or(now),
            hold: row.try_get("hold")?,
        });
    }
    if !entries.is_empty() {
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        sqlx::query(
            "UPDATE outbox SET lease_until = $1, claimed_by = $2, attempts = attempts + 1 \
             WHERE id = ANY($3)",
        )
        .bind(lease_until)
        .bind(owner)
        .bind(&ids)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(entries)
}

pub(super) async fn claim_owners(
    store: &PostgresStore,
    now: DateTime<Utc>,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT claimed_by FROM outbox WHERE state = 'pending' AND lease_until > $1 \
         AND claimed_by != '' UNION SELECT poll_owner FROM feeds WHERE poll_lease_until > $1 \
         AND poll_owner != '' ORDER BY 1",
    )
    .bind(now.timestamp())
    .fetch_all(&store.pool)
    .await?)
}

pub(super) async fn release_claims<'a>(
    store: &'a PostgresStore,
    owner: &'a str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut tx = store.pool.begin().await?;
    let alerts = sqlx::query(
        "UPDATE outbox SET lease_until = 0 WHERE state = 'pending' AND lease_until > $1 \
         AND claimed_by = $2",
    )
    .bind(now.timestamp())
    .bind(owner)
    .execute(&mut *tx)
    .await?;
    // The generation stays: were the owner alive after all, its poll could not commit.
    let feeds = sqlx::query(
        "UPDATE feeds SET poll_lease_until = 0 WHERE poll_lease_until > $1 AND poll_owner = $2",
    )
    .bind(now.timestamp())
    .bind(owner)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(alerts.rows_affected() + feeds.rows_affected())
}

pub(super) async fn finish_delivery<'a>(
    store: &'a PostgresStore,
    id: &'a str,
    result: &'a DeliveryResult,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let now_s = now.timestamp();
    let query = match result {
        DeliveryResult::Delivered => sqlx::query(
            "UPDATE outbox SET state = 'delivered', finished_at = $1, lease_until = 0, \
             last_error = NULL WHERE id = $2",
        )
        .bind(now_s),
        DeliveryResult::Retry { at, error } => sqlx::query(
            "UPDATE outbox SET next_attempt_at = $1, lease_until = 0, last_error = $2 \
             WHERE id = $3",
        )
        .bind(at.timestamp())
        .bind(error),
        DeliveryResult::Dead { error } => sqlx::query(
            "UPDATE outbox SET state = 'dead', finished_at = $1, lease_until = 0, \
             last_error = $2 WHERE id = $3",
        )
        .bind(now_s)
        .bind(error),
    };
    query.bind(id).execute(&store.pool).await?;
    Ok(())
}

pub(super) async fn next_due<'a>(
    store: &'a PostgresStore,
    channel: &'a str,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let row = sqlx::query(
        "SELECT min(greatest(next_attempt_at, lease_until)) FROM outbox \
         WHERE channel = $1 AND state = 'pending'",
    )
    .bind(channel)
    .fetch_one(&store.pool)
    .await?;
    Ok(row
        .try_get::<Option<i64>, _>(0)?
        .and_then(|s| DateTime::from_timestamp(s, 0)))
}

pub(super) async fn outbox_counts(
    store: &PostgresStore,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxCounts>, StoreError> {
    let rows = sqlx::query(
        "SELECT channel, \
         count(*) FILTER (WHERE state = 'pending') AS pending, \
         count(*) FILTER (WHERE state = 'delivered') AS delivered, \
         count(*) FILTER (WHERE state = 'dead') AS dead, \
         count(*) FILTER (WHERE state = 'pending' AND digest > 0 AND next_attempt_at > $1) \
             AS held, \
         count(*) FILTER (WHERE state = 'pending' AND digest = 0 AND story IS NOT NULL \
             AND attempts = 0 AND next_attempt_at > $1) AS follow_ups, \
         count(*) FILTER (WHERE state = 'pending' AND next_attempt_at <= $1) AS due, \
         count(*) FILTER (WHERE state = 'pending' AND lease_until > $1) AS leased, \
         min(CASE WHEN state = 'pending' THEN created_at END) AS oldest \
         FROM outbox GROUP BY channel ORDER BY channel",
    )
    .bind(now.timestamp())
    .fetch_all(&store.pool)
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
                leased: count("leased")?,
                oldest_pending: row
                    .try_get::<Option<i64>, _>("oldest")?
                    .and_then(|s| DateTime::from_timestamp(s, 0)),
            })
        })
        .collect()
}

pub(super) async fn alerts<'a>(
    store: &'a PostgresStore,
    since: DateTime<Utc>,
    channel: Option<&'a str>,
) -> Result<Vec<AlertRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, channel, rule, state, body, attempts, created_at, next_attempt_at, \
         finished_at, last_error, hold, digest, story FROM outbox \
         WHERE created_at >= $1 AND ($2 IS NULL OR channel = $3) \
         ORDER BY created_at DESC, id",
    )
    .bind(since.timestamp())
    .bind(channel)
    .bind(channel)
    .fetch_all(&store.pool)
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

pub(super) async fn replay<'a>(
    store: &'a PostgresStore,
    filter: &'a ReplayFilter<'a>,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ReplayedEntry>, StoreError> {
    let mut tx = store.pool.begin().await?;
    let states: &[&str] = match (filter.alert, filter.delivered) {
        (Some(_), _) => &["delivered", "dead"],
        (None, true) => &["delivered"],
        (None, false) => &["dead"],
    };
    let rows = sqlx::query(
        "SELECT id, channel, rule, state, created_at FROM outbox \
         WHERE state IN ($1, $2) AND ($3 IS NULL OR channel = $4) AND ($5 IS NULL OR created_at >= $6) \
         AND ($7 IS NULL OR id = $8) ORDER BY created_at, id FOR UPDATE",
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
                "UPDATE outbox SET state = 'pending', next_attempt_at = $1, lease_until = 0, \
                 attempts = 0, finished_at = NULL, last_error = NULL WHERE id = $2",
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

pub(super) async fn troubled_channels(
    store: &PostgresStore,
) -> Result<Vec<ChannelTrouble>, StoreError> {
    // The oldest failing alert of each channel, with its error.
    let rows = sqlx::query(
        "SELECT DISTINCT ON (channel) channel, created_at AS since, last_error FROM outbox \
         WHERE state = 'pending' AND last_error IS NOT NULL \
         ORDER BY channel, created_at, id",
    )
    .fetch_all(&store.pool)
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

/// Queues `alerts`, each with the (feed, entry id) that caused it; returns how many were new.
/// Their rules' caps are applied first ([`caps::hold_capped`]), counting in this transaction.
pub(super) async fn queue_alerts(
    tx: &mut sqlx::PgConnection,
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
            "SELECT count(*) FROM outbox WHERE rule = $1 AND channel = $2 AND created_at >= $3 \
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
            let known: bool = sqlx::query_scalar("SELECT count(*) > 0 FROM outbox WHERE id = $1")
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
        // ON CONFLICT DO NOTHING: the same alert id from another feed's copy of the article,
        // or from a replayed poll, is already queued and must not be queued twice.
        let mut insert = QueryBuilder::<Postgres>::new(
            "INSERT INTO outbox (id, channel, rule, feed, entry_id, body, state, \
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
        insert.push(" ON CONFLICT DO NOTHING");
        queued += insert.build().execute(&mut *tx).await?.rows_affected() as usize;
    }
    Ok(queued)
}
