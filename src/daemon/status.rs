//! `newswatch status`: feed health from the store, as a table for people or one JSON document
//! for scripts. It only reads, so it works while the daemon runs.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::poll::TRUNCATED_NOTE;
use crate::config::{Config, FeedConfig};
use crate::store::{FeedState, Health, Incident, OutboxCounts, RuleSummary, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub generated_at: DateTime<Utc>,
    pub feeds: Vec<FeedStatus>,
    /// Every configured rule, with how often it matched.
    pub rules: Vec<RuleSummary>,
    /// Every configured channel's outbox.
    pub outbox: Vec<OutboxCounts>,
    /// Health problems not over yet (failing or silent feeds, failing channels).
    pub incidents: Vec<Incident>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedStatus {
    pub name: String,
    pub url: String,
    pub health: Health,
    /// `paused = true` in the config: not polled; the rest is the state it was left in.
    pub paused: bool,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    /// The last poll read a document cut short: its entries before the cut were recorded.
    pub truncated: bool,
    /// Entries in the last document read (`None` before the first).
    pub last_entries: Option<u32>,
    pub last_attempt: Option<DateTime<Utc>>,
    pub last_success: Option<DateTime<Utc>>,
    pub consecutive_failures: u32,
    /// `None` for a gone or paused feed.
    pub next_poll: Option<DateTime<Utc>>,
    /// Items a day the feed published over its learned history (`None` until learned:
    /// then it is polled at its fixed interval).
    pub rate_per_day: Option<f64>,
    /// Items a day expected at this hour of this weekday, from the same history.
    pub rate_now_per_day: Option<f64>,
    pub items_seen: u64,
}

impl FeedStatus {
    /// What a table's health column says: `paused` for a paused feed, whatever its state.
    pub fn health_label(&self) -> &'static str {
        match self.paused {
            true => "paused",
            false => self.health.as_str(),
        }
    }
}

/// Status of every configured feed, rules, outboxes and incidents; a feed never polled yet
/// shows as `new`.
pub async fn collect<S: Store>(
    store: &S,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<StatusReport, StoreError> {
    let feeds = feed_statuses(store, config, now).await?;
    let mut matched: std::collections::HashMap<String, RuleSummary> = store
        .rule_summaries()
        .await?
        .into_iter()
        .map(|r| (r.rule.clone(), r))
        .collect();
    let rules = config
        .rules
        .iter()
        .map(|rule| {
            matched.remove(&rule.name).unwrap_or(RuleSummary {
                rule: rule.name.clone(),
                matches: 0,
                last_match: None,
            })
        })
        .collect();
    let mut counted: std::collections::HashMap<String, OutboxCounts> = store
        .outbox_counts(now)
        .await?
        .into_iter()
        .map(|c| (c.channel.clone(), c))
        .collect();
    let outbox = config
        .channels
        .iter()
        .map(|channel| {
            counted.remove(&channel.name).unwrap_or(OutboxCounts {
                channel: channel.name.clone(),
                pending: 0,
                held: 0,
                follow_ups: 0,
                due: 0,
                leased: 0,
                delivered: 0,
                dead: 0,
                oldest_pending: None,
            })
        })
        .collect();
    Ok(StatusReport {
        generated_at: now,
        feeds,
        rules,
        outbox,
        incidents: store.open_incidents().await?,
    })
}

/// Every configured feed's status, in the config's order.
pub async fn feed_statuses<S: Store>(
    store: &S,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<FeedStatus>, StoreError> {
    let mut summaries: std::collections::HashMap<String, _> = store
        .feed_summaries()
        .await?
        .into_iter()
        .map(|s| (s.state.name.clone(), s))
        .collect();
    let mut statuses = Vec::with_capacity(config.feeds.len());
    for feed in &config.feeds {
        statuses.push(match summaries.remove(&feed.name) {
            // A row written for another URL describes the old source.
            Some(mut s) if s.state.describes(&feed.url) => {
                s.state.rhythm = Some(store.feed_rhythm(&feed.name).await?);
                feed_status(feed, s.state, s.items_seen, now)
            }
            _ => feed_status(feed, FeedState::new(&feed.name, &feed.url), 0, now),
        });
    }
    Ok(statuses)
}

/// Every configured feed as never polled: the status there is before the state database
/// exists.
pub fn unpolled_feeds(config: &Config, now: DateTime<Utc>) -> Vec<FeedStatus> {
    config
        .feeds
        .iter()
        .map(|feed| feed_status(feed, FeedState::new(&feed.name, &feed.url), 0, now))
        .collect()
}

fn feed_status(
    feed: &FeedConfig,
    mut state: FeedState,
    items_seen: u64,
    now: DateTime<Utc>,
) -> FeedStatus {
    // The poll left a note where an error goes; it is no error.
    let truncated = state.last_error.as_deref() == Some(TRUNCATED_NOTE);
    let rhythm = state.rhythm.take().unwrap_or_default();
    FeedStatus {
        rate_per_day: rhythm.overall_rate().map(|per_hour| per_hour * 24.0),
        rate_now_per_day: rhythm.rate_at(now).map(|per_hour| per_hour * 24.0),
        health: state.health(),
        paused: feed.paused,
        next_poll: (!state.gone && !feed.paused).then_some(state.next_poll_at.max(now)),
        name: state.name,
        url: state.url,
        last_status: state.last_status,
        last_error: state.last_error.filter(|_| !truncated),
        truncated,
        last_entries: state.last_entries,
        last_attempt: state.last_attempt_at,
        last_success: state.last_success_at,
        consecutive_failures: state.consecutive_failures,
        items_seen,
    }
}

/// Fixed-width tables: feeds (errors on an indented line below their feed), then rules with
/// their matches, then each channel's outbox.
pub fn render_table(report: &StatusReport) -> String {
    let now = report.generated_at;
    let mut out = render_feeds(report, now);
    if !report.incidents.is_empty() {
        out.push_str("\nOPEN HEALTH PROBLEMS\n");
        for incident in &report.incidents {
            out.push_str(&format!(
                "  {} {} (since {}): {}\n",
                incident.kind,
                incident.subject,
                relative(incident.opened_at, now),
                incident.detail
            ));
        }
    }
    if !report.rules.is_empty() {
        let rows: Vec<Vec<String>> = report
            .rules
            .iter()
            .map(|r| {
                vec![
                    r.rule.clone(),
                    r.matches.to_string(),
                    r.last_match.map_or("never".into(), |t| relative(t, now)),
                ]
            })
            .collect();
        out.push('\n');
        out.push_str(&table(&["RULE", "MATCHES", "LAST MATCH"], &rows, |_| None));
    }
    if !report.outbox.is_empty() {
        let rows: Vec<Vec<String>> = report
            .outbox
            .iter()
            .map(|c| {
                vec![
                    c.channel.clone(),
                    c.pending.to_string(),
                    c.held.to_string(),
                    c.delivered.to_string(),
                    c.dead.to_string(),
                    c.oldest_pending.map_or("-".into(), |t| relative(t, now)),
                ]
            })
            .collect();
        let header = [
            "CHANNEL",
            "PENDING",
            "IN DIGEST",
            "DELIVERED",
            "DEAD",
            "OLDEST PENDING",
        ];
        out.push('\n');
        out.push_str(&table(&header, &rows, |_| None));
    }
    out
}

fn render_feeds(report: &StatusReport, now: DateTime<Utc>) -> String {
    let header = [
        "FEED",
        "HEALTH",
        "HTTP",
        "LAST SUCCESS",
        "FAILURES",
        "NEXT POLL",
        "RATE/DAY",
        "ITEMS",
    ];
    let rows: Vec<Vec<String>> = report
        .feeds
        .iter()
        .map(|f| {
            vec![
                f.name.clone(),
                f.health_label().to_string(),
                f.last_status.map_or("-".into(), |s| s.to_string()),
                f.last_success.map_or("never".into(), |t| relative(t, now)),
                f.consecutive_failures.to_string(),
                f.next_poll.map_or("-".into(), |t| relative(t, now)),
                rate_cell(f),
                f.items_seen.to_string(),
            ]
        })
        .collect();
    table(&header, &rows, |i| {
        let feed = &report.feeds[i];
        match (&feed.last_error, feed.health) {
            (Some(error), _) => Some(format!("    last error: {error}\n")),
            (None, _) if feed.truncated => Some(format!(
                "    truncated: the last document was cut short; the {} entries complete before \
                 the cut were read, and the next poll fetches it whole\n",
                feed.last_entries.unwrap_or(0)
            )),
            (None, Health::Suspicious) => Some(
                "    the last document had no entries, earlier ones had: check the feed\n".into(),
            ),
            (None, _) => None,
        }
    })
}

/// The learned rate, and this hour's when it differs: `12 (now 30)`; `-` until learned.
fn rate_cell(feed: &FeedStatus) -> String {
    let number = |rate: f64| {
        if rate >= 10.0 {
            format!("{rate:.0}")
        } else {
            format!("{rate:.1}")
        }
    };
    match (feed.rate_per_day, feed.rate_now_per_day) {
        (Some(overall), Some(now)) if number(overall) != number(now) => {
            format!("{} (now {})", number(overall), number(now))
        }
        (Some(overall), _) => number(overall),
        _ => "-".into(),
    }
}

/// Left-aligned columns as wide as their widest cell; `after_row(i)` may add a line below row i.
pub(crate) fn table(
    header: &[&str],
    rows: &[Vec<String>],
    after_row: impl Fn(usize) -> Option<String>,
) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut out = String::new();
        for (i, (cell, width)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            out.push_str(&format!("{cell:<width$}"));
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(&mut header.iter().copied());
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
        out.extend(after_row(i));
    }
    out
}

/// "3m ago" / "in 2h5m": the distance people read in a status table.
pub(crate) fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (at - now).num_seconds();
    let span = compact_duration(seconds.unsigned_abs());
    match seconds {
        0 => "now".to_string(),
        s if s > 0 => format!("in {span}"),
        _ => format!("{span} ago"),
    }
}

fn compact_duration(seconds: u64) -> String {
    let (d, h, m, s) = (
        seconds / 86400,
        seconds % 86400 / 3600,
        seconds % 3600 / 60,
        seconds % 60,
    );
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m"),
        (0, _, 0) => format!("{h}h"),
        (0, _, _) => format!("{h}h{m}m"),
        _ if h == 0 => format!("{d}d"),
        _ => format!("{d}d{h}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_compactly() {
        let cases = [
            (5, "5s"),
            (60, "1m"),
            (3600, "1h"),
            (3900, "1h5m"),
            (90000, "1d1h"),
            (86400 * 3, "3d"),
        ];
        for (seconds, want) in cases {
            assert_eq!(compact_duration(seconds), want);
        }
    }

    #[test]
    fn relative_times_say_past_and_future() {
        let now = DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::days(1000);
        assert_eq!(relative(now + chrono::Duration::minutes(7), now), "in 7m");
        assert_eq!(relative(now - chrono::Duration::hours(2), now), "2h ago");
        assert_eq!(relative(now, now), "now");
    }
}
