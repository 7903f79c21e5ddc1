//! Alerts about newswatch itself: a feed failing for longer than `feed_failing_after`, a feed
//! with nothing new for longer than its `expect_items_within`, and a channel whose alerts have
//! kept failing for longer than `channel_failing_after`. Each stretch of trouble is one
//! incident in the store: one alert when it starts and one recovery notice when it ends, both
//! through the outbox to the channels in `[daemon] health_notify`, so a restart neither repeats
//! nor loses them. Silence is what users of every peer complain about: a feed that quietly
//! broke looks exactly like a quiet news day.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use crate::alert::{ALERT_TYPE, Alert, AlertItem, OutboxAlert, hex};
use crate::config::{Config, Severity};
use crate::feed::redact::redact_url;
use crate::store::{FeedState, Incident, Store, StoreError};

pub const FEED_FAILING: &str = "feed-failing";
pub const FEED_SILENT: &str = "feed-silent";
pub const CHANNEL_FAILING: &str = "channel-failing";

/// How often the daemon looks.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// What one check changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HealthChanges {
    pub opened: usize,
    pub closed: usize,
}

/// Compares the store's picture of feeds and channels with the open incidents: opens the new
/// ones (queuing their alerts) and closes the ended ones (queuing recovery notices).
pub async fn check<S: Store>(
    store: &S,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<HealthChanges, StoreError> {
    let current = problems(store, config, now).await?;
    let open = store.open_incidents().await?;
    let mut changes = HealthChanges::default();
    for problem in &current {
        if !open.iter().any(|o| same(o, problem)) {
            tracing::warn!(kind = %problem.kind, subject = %problem.subject, detail = %problem.detail, "health problem");
            let alerts = notices(config, problem, Notice::Opened, now)?;
            store.open_incident(problem, &alerts, now).await?;
            changes.opened += 1;
        }
    }
    for incident in &open {
        if current.iter().any(|p| same(p, incident)) {
            continue;
        }
        // A feed or channel taken out of the config is not news; its incident just ends. So
        // does a paused feed's: "polls again" would be untrue.
        let still_configured = config
            .feeds
            .iter()
            .any(|f| f.name == incident.subject && !f.paused)
            || config.channels.iter().any(|c| c.name == incident.subject);
        let alerts = if still_configured {
            tracing::info!(kind = %incident.kind, subject = %incident.subject, "health problem over");
            notices(config, incident, Notice::Closed, now)?
        } else {
            Vec::new()
        };
        store.close_incident(incident, &alerts, now).await?;
        changes.closed += 1;
    }
    Ok(changes)
}

fn same(a: &Incident, b: &Incident) -> bool {
    a.kind == b.kind && a.subject == b.subject
}

/// The trouble there is now, each as an incident that would open at `now`.
async fn problems<S: Store>(
    store: &S,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<Incident>, StoreError> {
    let daemon = &config.daemon;
    let states = store.feed_states().await?;
    // By name: a linear search per configured feed is quadratic in the feed count.
    let states: HashMap<&str, &FeedState> = states.iter().map(|s| (s.name.as_str(), s)).collect();
    let last_new = store.last_new_items().await?;
    let mut found = Vec::new();
    let incident = |kind: &str, subject: &str, detail: String| Incident {
        kind: kind.to_string(),
        subject: subject.to_string(),
        opened_at: now,
        detail,
    };
    // A paused feed is neither failing nor silent: nobody asks it for anything.
    for feed in config.feeds.iter().filter(|f| !f.paused) {
        let Some(state) = states.get(feed.name.as_str()) else {
            continue;
        };
        if let Some(since) = state.failing_since.filter(|_| !state.gone)
            && age(now, since) >= daemon.feed_failing_after
        {
            let error = state.last_error.as_deref().unwrap_or("unknown error");
            found.push(incident(
                FEED_FAILING,
                &feed.name,
                format!(
                    "Feed {} has failed every poll for {} ({} attempts in a row). Last error: {error}",
                    feed.name,
                    span(age(now, since)),
                    state.consecutive_failures
                ),
            ));
        }
        // Silence counts from the newest item ever seen, so a feed never read is not "silent"
        // (it is new, or failing, which says more).
        if let (Some(within), Some(last)) = (feed.expect_items_within, last_new.get(&feed.name))
            && age(now, *last) >= within
        {
            found.push(incident(
                FEED_SILENT,
                &feed.name,
                format!(
                    "Feed {} has brought nothing new for {} (expected within {}).",
                    feed.name,
                    span(age(now, *last)),
                    span(within)
                ),
            ));
        }
    }
    for trouble in store.troubled_channels().await? {
        let configured = config.channels.iter().any(|c| c.name == trouble.channel);
        if configured && age(now, trouble.since) >= daemon.channel_failing_after {
            found.push(incident(
                CHANNEL_FAILING,
                &trouble.channel,
                format!(
                    "Channel {} has not delivered an alert queued {} ago. Last error: {}",
                    trouble.channel,
                    span(age(now, trouble.since)),
                    trouble.last_error
                ),
            ));
        }
    }
    Ok(found)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Notice {
    Opened,
    Closed,
}

/// One alert per health channel, except the troubled channel itself, which cannot carry news
/// of its own failure.
fn notices(
    config: &Config,
    incident: &Incident,
    notice: Notice,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxAlert>, StoreError> {
    let (title, severity, summary) = match notice {
        Notice::Opened => (
            incident
                .detail
                .split(". ")
                .next()
                .unwrap_or_default()
                .to_string(),
            Severity::High,
            incident.detail.clone(),
        ),
        Notice::Closed => {
            let lasted = span(age(now, incident.opened_at));
            let title = match incident.kind.as_str() {
                FEED_FAILING => format!("Feed {} polls again", incident.subject),
                FEED_SILENT => format!("Feed {} brings new items again", incident.subject),
                _ => format!("Channel {} delivers again", incident.subject),
            };
            let summary = format!(
                "Recovered; the problem was reported {lasted} ago: {}",
                incident.detail
            );
            (title, Severity::Info, summary)
        }
    };
    let link = config
        .feeds
        .iter()
        .find(|f| f.name == incident.subject && incident.kind != CHANNEL_FAILING)
        .map(|f| redact_url(&f.url))
        .filter(|url| url.starts_with("http"));
    let mut alerts = Vec::new();
    for channel in &config.daemon.health_notify {
        if incident.kind == CHANNEL_FAILING && *channel == incident.subject {
            continue;
        }
        let id = notice_id(incident, notice, channel);
        let mut alert = Alert {
            kind: ALERT_TYPE.to_string(),
            id: id.clone(),
            rule: format!("health:{}", incident.kind),
            rules: Vec::new(),
            severity,
            created_at: now,
            item: AlertItem {
                id: format!("{}@{}", incident.kind, incident.opened_at.timestamp()),
                title: title.clone(),
                link: link.clone(),
                feed: incident.subject.clone(),
                published: Some(now),
                summary: summary.clone(),
            },
            matches: Vec::new(),
            evidence: Vec::new(),
            story: None,
            related: None,
        };
        alert.fill_rules();
        let body = serde_json::to_string(&alert)?;
        alerts.push(OutboxAlert::immediate(id, channel, &alert.rule, body, now));
    }
    Ok(alerts)
}

/// Stable per (incident, notice, channel), like every alert id, so a check repeated after a
/// crash queues nothing twice.
fn notice_id(incident: &Incident, notice: Notice, channel: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        incident.kind.as_str(),
        incident.subject.as_str(),
        &incident.opened_at.timestamp().to_string(),
        if notice == Notice::Opened {
            "opened"
        } else {
            "closed"
        },
        channel,
    ] {
        hasher.update(part.as_bytes());
        hasher.update(b"\0");
    }
    hex(&hasher.finalize()[..16])
}

fn age(now: DateTime<Utc>, since: DateTime<Utc>) -> Duration {
    (now - since).to_std().unwrap_or_default()
}

/// `6h 3m`: minutes are enough for news of trouble.
fn span(duration: Duration) -> String {
    let minutes = duration.as_secs() / 60;
    if minutes == 0 {
        return "less than a minute".to_string();
    }
    humantime::format_duration(Duration::from_secs(minutes * 60)).to_string()
}
