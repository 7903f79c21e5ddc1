//! Health incidents in PostgreSQL: opening and closing one together with its notices.

use chrono::{DateTime, Utc};
use sqlx::{Postgres, Row};

use super::PostgresStore;
use crate::alert::OutboxAlert;
use crate::store::{Incident, StoreError};

pub(super) async fn open_incidents(store: &PostgresStore) -> Result<Vec<Incident>, StoreError> {
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
    store: &'a PostgresStore,
    incident: &'a Incident,
    alerts: &'a [OutboxAlert],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let opening = sqlx::query(
        "INSERT INTO incidents (kind, subject, opened_at, detail) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&incident.kind)
    .bind(&incident.subject)
    .bind(incident.opened_at.timestamp())
    .bind(&incident.detail);
    incident_change(store, opening, incident, alerts, now).await
}

pub(super) async fn close_incident<'a>(
    store: &'a PostgresStore,
    incident: &'a Incident,
    alerts: &'a [OutboxAlert],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let closing = sqlx::query(
        "UPDATE incidents SET closed_at = $1 \
         WHERE kind = $2 AND subject = $3 AND opened_at = $4 AND closed_at IS NULL",
    )
    .bind(now.timestamp())
    .bind(&incident.kind)
    .bind(&incident.subject)
    .bind(incident.opened_at.timestamp());
    incident_change(store, closing, incident, alerts, now).await
}

/// The outbox's (feed, entry id) columns of an incident's alerts: the incident they belong to.
fn incident_key(incident: &Incident) -> String {
    format!("{}@{}", incident.kind, incident.opened_at.timestamp())
}

/// Runs `change` (opening or closing `incident`) and queues `alerts` in one transaction,
/// so a crash leaves both or neither.
async fn incident_change(
    store: &PostgresStore,
    change: sqlx::query::Query<'_, Postgres, sqlx::postgres::PgArguments>,
    incident: &Incident,
    alerts: &[OutboxAlert],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
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
