//! Alerts: what a match becomes once a person must hear about it. An [`Alert`] is (rule, item,
//! channel) with a stable id derived from them, so the same article arriving through two feeds,
//! or a restart, never makes a second alert, and a receiver can drop a duplicate after an
//! ambiguous failure (the id is the email `Message-ID` and the webhook `webhook-id`).
//!
//! Alerts are created in the poll's store transaction (see [`crate::store::Store::record_poll`])
//! as outbox entries holding the `newswatch.alert.v1` JSON; delivery reads the outbox on its own
//! schedule.

pub mod channel;
mod chat;
pub mod deliver;
pub mod recipient;
pub mod render;
pub mod smtp;
pub mod update;

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::config::{AlertCap, QuietHours, Severity};
use crate::feed::Item;
use crate::rules::{ItemMatch, RuleInfo};
pub use update::{OutboxBody, STORY_UPDATE_TYPE, StoryItem, StoryLead, StoryUpdate};

/// The JSON schema name of [`Alert`], its `type` field.
pub const ALERT_TYPE: &str = "newswatch.alert.v1";

/// The `newswatch.alert.v1` document: the webhook body, and what every channel renders from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub rule: String,
    pub severity: Severity,
    pub created_at: DateTime<Utc>,
    pub item: AlertItem,
    pub matches: Vec<AlertSpan>,
    /// The story this item opened, when its rule clusters; later items of the story become
    /// `newswatch.story_update.v1` messages naming it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertItem {
    pub id: String,
    pub title: String,
    pub link: Option<String>,
    pub feed: String,
    pub published: Option<DateTime<Utc>>,
    pub summary: String,
}

/// Evidence: a byte range of a field's normalized text, and the text there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSpan {
    pub field: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// An alert ready for the outbox: its id, where it goes, its JSON, and when it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxAlert {
    pub id: String,
    pub channel: String,
    pub rule: String,
    pub body: String,
    /// Held for a digest of this period, or `None` to go at once.
    pub digest: Option<Duration>,
    /// Now, or for a digest the end of the period the alert falls in.
    pub due_at: DateTime<Utc>,
    /// Why it waits beyond its digest, for the digest to say: quiet hours. Empty when it
    /// does not.
    pub hold: String,
    /// The rule's cap, applied by the store (which counts what was already sent).
    pub cap: Option<AlertCap>,
    /// The channel's quiet hours, which a capped alert's release also respects.
    pub quiet: Option<QuietHours>,
}

impl OutboxAlert {
    /// An entry sent at once, neither held nor capped.
    pub fn immediate(
        id: String,
        channel: &str,
        rule: &str,
        body: String,
        now: DateTime<Utc>,
    ) -> OutboxAlert {
        OutboxAlert {
            id,
            channel: channel.to_string(),
            rule: rule.to_string(),
            body,
            digest: None,
            due_at: now,
            hold: String::new(),
            cap: None,
            quiet: None,
        }
    }

    /// Applies the channel's quiet hours (not to `critical` alerts): an entry due inside them
    /// is held until they end and joins the channel's digest queue.
    fn quieted(mut self, quiet: Option<QuietHours>, severity: Severity) -> OutboxAlert {
        self.quiet = quiet;
        let Some(quiet) = quiet.filter(|_| severity < Severity::Critical) else {
            return self;
        };
        let release = quiet.release(self.due_at);
        if release != self.due_at {
            let wait = (release - self.due_at).to_std().unwrap_or_default();
            self.digest = Some(self.digest.unwrap_or(wait).max(Duration::from_secs(1)));
            self.due_at = release;
            self.hold = format!("quiet hours {quiet}");
        }
        self
    }
}

/// The JSON schema name of [`Digest`], its `type` field.
pub const DIGEST_TYPE: &str = "newswatch.digest.v1";

/// Alerts held for a channel's digest, sent as one message: grouped by rule (the most severe
/// rule first), newest first within a rule; a story's later outlets are shown with its alert.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub alerts: Vec<Alert>,
    /// Follow-ups of stories, held with the alerts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<StoryUpdate>,
    /// Why entries were held beyond an ordinary digest (quiet hours, a rule's cap), each once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<String>,
}

impl Digest {
    /// A digest of alerts only.
    pub fn new(alerts: Vec<Alert>, now: DateTime<Utc>) -> Digest {
        Digest::with(alerts, Vec::new(), Vec::new(), now)
    }

    /// Orders `alerts` for reading; the id is derived from the entry ids, so the same digest
    /// re-sent after a failure carries the same `Message-ID` / `webhook-id`.
    pub fn with(
        mut alerts: Vec<Alert>,
        updates: Vec<StoryUpdate>,
        mut held: Vec<String>,
        now: DateTime<Utc>,
    ) -> Digest {
        alerts.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| newest(b).cmp(&newest(a)))
                .then_with(|| a.id.cmp(&b.id))
        });
        held.sort_unstable();
        held.dedup();
        let mut ids: Vec<&str> = alerts
            .iter()
            .map(|a| a.id.as_str())
            .chain(updates.iter().map(|u| u.id.as_str()))
            .collect();
        ids.sort_unstable();
        let mut hasher = Sha256::new();
        for id in ids {
            hasher.update(id.as_bytes());
            hasher.update(b"\0");
        }
        Digest {
            kind: DIGEST_TYPE.to_string(),
            id: format!("digest-{}", hex(&hasher.finalize()[..16])),
            created_at: now,
            alerts,
            updates,
            held,
        }
    }

    /// The digest's follow-ups of `story`.
    pub fn updates_of<'a>(&'a self, story: &'a str) -> impl Iterator<Item = &'a StoryUpdate> {
        self.updates.iter().filter(move |u| u.story == story)
    }

    /// Follow-ups whose story's alert is not in this digest (it went out earlier).
    pub fn orphan_updates(&self) -> Vec<&StoryUpdate> {
        self.updates
            .iter()
            .filter(|u| {
                !self
                    .alerts
                    .iter()
                    .any(|a| a.story.as_deref() == Some(&u.story))
            })
            .collect()
    }

    /// The alerts of each rule, in the digest's order.
    pub fn groups(&self) -> Vec<&[Alert]> {
        self.alerts.chunk_by(|a, b| a.rule == b.rule).collect()
    }

    /// The most severe rule's severity.
    pub fn severity(&self) -> Severity {
        self.alerts
            .iter()
            .map(|a| a.severity)
            .chain(self.updates.iter().map(|u| u.severity))
            .max()
            .unwrap_or(Severity::Info)
    }
}

/// When an item was published, else when its alert was made: what "newest first" sorts by.
fn newest(alert: &Alert) -> DateTime<Utc> {
    alert.item.published.unwrap_or(alert.created_at)
}

/// The end of the `period`-long window `now` falls in, counted from the Unix epoch, so an
/// hourly digest goes out on the hour and a daily one at midnight UTC.
pub fn digest_due(now: DateTime<Utc>, period: Duration) -> DateTime<Utc> {
    let period = i64::try_from(period.as_secs()).unwrap_or(i64::MAX).max(1);
    let end = (now.timestamp().div_euclid(period) + 1).saturating_mul(period);
    DateTime::from_timestamp(end, 0).unwrap_or(now)
}

/// The stable alert id: 32 hex digits of SHA-256 over (rule, article, channel). The article is
/// its canonical link when it has one (the same story through two feeds is one article), else
/// its (feed, entry id).
pub fn alert_id(rule: &str, item: &Item, channel: &str) -> String {
    alert_id_of(rule, &article_key(item), channel)
}

/// What identifies an article: its canonical link, else `feed\0entry id`.
pub fn article_key(item: &Item) -> String {
    match &item.canonical_link {
        Some(link) => link.clone(),
        None => format!("{}\0{}", item.feed, item.entry_id),
    }
}

/// [`alert_id`] from an [`article_key`].
pub fn alert_id_of(rule: &str, article: &str, channel: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        rule.as_bytes(),
        b"\0",
        article.as_bytes(),
        b"\0",
        channel.as_bytes(),
    ] {
        hasher.update(part);
    }
    hex(&hasher.finalize()[..16])
}

/// The id of the story an article opens for `rule`: stable, so a restart, or the same
/// article through another feed, names the same story.
pub fn story_id(rule: &str, article: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        b"story\0".as_slice(),
        rule.as_bytes(),
        b"\0",
        article.as_bytes(),
    ] {
        hasher.update(part);
    }
    format!("story-{}", hex(&hasher.finalize()[..12]))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One outbox alert per (matched rule, channel the rule notifies).
pub fn alerts_for(
    item: &Item,
    matches: &[ItemMatch],
    rules: &[RuleInfo],
    now: DateTime<Utc>,
) -> Result<Vec<OutboxAlert>, serde_json::Error> {
    let mut alerts = Vec::new();
    for found in matches {
        let Some(rule) = rules.iter().find(|r| r.name == found.rule) else {
            continue;
        };
        for notify in &rule.notify {
            let channel = &notify.channel;
            let id = alert_id(&rule.name, item, channel);
            let alert = Alert {
                kind: ALERT_TYPE.to_string(),
                id: id.clone(),
                rule: rule.name.clone(),
                severity: rule.severity,
                created_at: now,
                item: AlertItem {
                    id: item.entry_id.clone(),
                    title: item.title.clone(),
                    link: item.link.clone(),
                    feed: item.feed.clone(),
                    published: item.published.or(item.updated),
                    summary: item.summary.clone(),
                },
                matches: found
                    .spans
                    .iter()
                    .map(|s| AlertSpan {
                        field: s.field.name().to_string(),
                        start: s.start,
                        end: s.end,
                        text: s.text.clone(),
                    })
                    .collect(),
                story: rule
                    .cluster
                    .is_some()
                    .then(|| story_id(&rule.name, &article_key(item))),
            };
            let entry = OutboxAlert {
                digest: notify.digest,
                due_at: notify.digest.map_or(now, |period| digest_due(now, period)),
                cap: rule.max_alerts,
                ..OutboxAlert::immediate(
                    id,
                    channel,
                    &rule.name,
                    serde_json::to_string(&alert)?,
                    now,
                )
            };
            alerts.push(entry.quieted(notify.quiet, rule.severity));
        }
    }
    Ok(alerts)
}

/// The alert `send-test` delivers: clearly a test, shaped like a real one.
pub fn sample_alert(now: DateTime<Utc>) -> Alert {
    let title = "newswatch test alert: Alibaba named in sample memo";
    Alert {
        kind: ALERT_TYPE.to_string(),
        id: format!("test-{}", now.timestamp_millis()),
        rule: "send-test".to_string(),
        severity: Severity::Info,
        created_at: now,
        item: AlertItem {
            id: "send-test".to_string(),
            title: title.to_string(),
            link: Some("https://example.org/newswatch-send-test".to_string()),
            feed: "send-test".to_string(),
            published: Some(now),
            summary: "This message checks that the channel delivers. No feed item caused it."
                .to_string(),
        },
        matches: title
            .find("Alibaba")
            .map(|start| AlertSpan {
                field: "title".to_string(),
                start,
                end: start + "Alibaba".len(),
                text: "Alibaba".to_string(),
            })
            .into_iter()
            .collect(),
        story: None,
    }
}
