//! Health incidents in SQLite: opening and closing one together with its notices.

use chrono::{DateTime, Utc};
use sqlx::{Row, Sqlite};

use super::SqliteStore;
use crate::alert::OutboxAlert;
use crate::store::{Incident, StoreError};

pub(super) async fn open_incidents(store: &SqliteStore) -> Result<Vec<Incident>, StoreError> {
    let rows = sqlx::query(
        "SELECT kind, subject, opened_at, detail FROM incidents WHERE closed_at IS NULL \
         ORDER BY opened_at, kind, subject",
    )
    .fetch_all(&store.pool)
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

pub(super) async fn open_incident<'a>(
    store: &'a SqliteStore,
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
    incident_change(store, opening, incident, alerts, now).await
}

pub(super) async fn close_incident<'a>(
    store: &'a SqliteStore,
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
    incident_change(store, closing, incident, alerts, now).await
}

/// The outbox's (feed, entry id) columns of an incident's alerts: the incident they belong to.
pub(super) fn incident_key(incident: &Incident) -> String {
    format!("{}@{}", incident.kind, incident.opened_at.timestamp())
}

/// Runs `change` (opening or closing `incident`) and queues `alerts` in one transaction,
/// so a crash leaves both or neither.
pub(super) async fn incident_change(
    store: &SqliteStore,
    change: sqlx::query::Query<'_, Sqlite, sqlx::sqlite::SqliteArguments>,
    incident: &Incident,
    alerts: &[OutboxAlert],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let _writer = store.write_lock.lock().await;
    let mut tx = store.write_transaction().await?;
    change.execute(&mut *tx).await?;
    let key = incident_key(incident);
    let rows: Vec<_> = alerts
        .iter()
        .map(|a| (&*incident.subject, key.as_str(), a))
        .collect();
    super::outbox::queue_alerts(&mut tx, &rows, now).await?;
    tx.commit().await?;
    Ok(())
}
