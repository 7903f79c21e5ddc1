//! Alerts: what matches become once a person must hear about them, and the policies of when
//! and how they go (caps, digests, quiet hours, follow-ups), as pure functions.
//!
//! An [`Alert`] is (item,
//! channel): one per channel however many of the channel's rules the item matched
//! ([`recipient`] says how their settings combine), with a stable id derived from the article
//! and the channel, so the same article arriving through two feeds, or a restart, never makes a
//! second alert, and a receiver can drop a duplicate after an ambiguous failure (the id is the
//! email `Message-ID` and the webhook `webhook-id`).
//!
//! Alerts are created in the poll's store transaction (see [`crate::store::Store::record_poll`])
//! as outbox entries holding the `newswatch.alert.v1` JSON; delivery reads the outbox on its own
//! schedule.

pub mod caps;
pub mod channel;
mod chat;
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
pub use recipient::{Recipient, recipients};
pub use update::{
    FollowUp, FollowUpSlot, OutboxBody, STORY_UPDATE_TYPE, StoryItem, StoryLead, StoryUpdate,
};

/// The JSON schema name of [`Alert`], its `type` field.
pub const ALERT_TYPE: &str = "newswatch.alert.v1";

/// The `newswatch.alert.v1` document: the webhook body, and what every channel renders from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    /// The primary rule, `rules[0]`: kept for receivers written when an alert had one rule.
    pub rule: String,
    /// Every rule of the channel the item matched, most severe first, config order among
    /// equals. Never empty once read ([`OutboxBody::parse`] fills it in older alerts).
    #[serde(default)]
    pub rules: Vec<String>,
    /// The highest of the rules' severities.
    pub severity: Severity,
    pub created_at: DateTime<Utc>,
    pub item: AlertItem,
    /// The primary rule's evidence, `evidence[0].matches`: kept for receivers written when an
    /// alert had one rule.
    pub matches: Vec<AlertSpan>,
    /// Each rule's evidence, in the order of `rules`.
    #[serde(default)]
    pub evidence: Vec<RuleEvidence>,
    /// The story this item opened on the channel, when the channel decides stories for its
    /// rules; later items of the story become `newswatch.story_update.v1` messages naming it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// A story of the channel close to this item, though not close enough to join it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
}

/// What one rule matched in the item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEvidence {
    pub rule: String,
    pub severity: Severity,
    pub matches: Vec<AlertSpan>,
}

/// "Possibly related": the closest story of the channel, which the item scored below the join
/// threshold but above [`crate::story::related_threshold`] of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub story: String,
    /// The story's first item, and the alert it made on this channel.
    pub title: String,
    pub link: Option<String>,
    pub alert_id: String,
    pub similarity: f64,
}

impl Alert {
    /// Gives an alert queued by an earlier version, which had one rule, its `rules` and
    /// `evidence`.
    pub(crate) fn fill_rules(&mut self) {
        if self.rules.is_empty() {
            self.rules = vec![self.rule.clone()];
        }
        if self.evidence.is_empty() {
            self.evidence = vec![RuleEvidence {
                rule: self.rule.clone(),
                severity: self.severity,
                matches: self.matches.clone(),
            }];
        }
    }

    /// Every rule's spans, for marking matched words.
    pub fn all_spans(&self) -> impl Iterator<Item = &AlertSpan> {
        self.evidence.iter().flat_map(|e| &e.matches)
    }
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
    /// The primary rule: what the outbox row is counted against for caps.
    pub rule: String,
    /// Every rule it was made for, the primary first.
    pub rules: Vec<String>,
    pub body: String,
    /// Held for a digest of this period, or `None` to go at once.
    pub digest: Option<Duration>,
    /// Now, or for a digest the end of the period the alert falls in.
    pub due_at: DateTime<Utc>,
    /// Why it waits beyond its digest, for the digest to say: quiet hours. Empty when it
    /// does not.
    pub hold: String,
    /// Every rule's cap, or none when one of its rules has no cap
    /// ([`Recipient::caps`]); applied by [`caps::hold_capped`] with the counts the store reads.
    pub caps: Vec<(String, AlertCap)>,
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
            rules: vec![rule.to_string()],
            body,
            digest: None,
            due_at: now,
            hold: String::new(),
            caps: Vec::new(),
            quiet: None,
        }
    }

    /// This alert held back by its rules' caps, or `None` when it may go. `sent[i]` is how
    /// many alerts the rule of `caps[i]` has sent at once in that cap's current window. It is
    /// held only when every rule has reached its cap; it then waits for the first of those
    /// windows to end (that rule lets it through then) and for the channel's quiet hours, and
    /// goes out in the digest that summarises what was held.
    pub fn held_by_caps(&self, sent: &[i64], now: DateTime<Utc>) -> Option<OutboxAlert> {
        if self.caps.is_empty() || self.digest.is_some() || sent.len() != self.caps.len() {
            return None;
        }
        let every_cap_reached = self
            .caps
            .iter()
            .zip(sent)
            .all(|((_, cap), sent)| *sent >= i64::from(cap.max));
        if !every_cap_reached {
            return None;
        }
        let (per, end) = self
            .caps
            .iter()
            .map(|(_, cap)| (cap.per, cap.window(now).1))
            .min_by_key(|(_, end)| *end)?;
        let hold = self
            .caps
            .iter()
            .map(|(rule, cap)| format!("rule {rule} reached max_alerts {cap}"))
            .collect::<Vec<_>>()
            .join(" and ");
        Some(OutboxAlert {
            digest: Some(per),
            due_at: self.quiet.map_or(end, |quiet| quiet.release(end)),
            hold,
            ..self.clone()
        })
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

/// When a digest of `period` open at `now` goes out: the end of its window
/// ([`crate::config::window_end`]), so an hourly digest goes out on the hour and a daily one at
/// midnight UTC.
pub fn digest_due(now: DateTime<Utc>, period: Duration) -> DateTime<Utc> {
    crate::config::window_end(now, period)
}

/// The stable alert id: 32 hex digits of SHA-256 over (article, channel). The article is its
/// canonical link when it has one (the same story through two feeds is one article), else its
/// (feed, entry id). Which rules matched does not enter it: a channel hears of an article once.
pub fn alert_id(item: &Item, channel: &str) -> String {
    alert_id_of(&article_key(item), channel)
}

/// What identifies an article: its canonical link, else `feed\0entry id`.
pub fn article_key(item: &Item) -> String {
    match &item.canonical_link {
        Some(link) => link.clone(),
        None => format!("{}\0{}", item.feed, item.entry_id),
    }
}

/// [`alert_id`] from an [`article_key`].
pub fn alert_id_of(article: &str, channel: &str) -> String {
    // Earlier versions hashed (rule, article, channel); no rule name has a '/', so this prefix
    // keeps the two kinds of id apart.
    sha_hex(
        &[b"alert/channel", article.as_bytes(), channel.as_bytes()],
        16,
    )
}

/// The id of the story an article opens on `channel`: stable, so a restart, or the same
/// article through another feed, names the same story.
pub fn story_id(channel: &str, article: &str) -> String {
    // As in `alert_id_of`: apart from the ids of per-rule stories of earlier versions.
    let hash = sha_hex(
        &[b"story/channel", channel.as_bytes(), article.as_bytes()],
        12,
    );
    format!("story-{hash}")
}

/// The first `bytes` bytes of the SHA-256 of `parts` joined by NUL, in hex.
fn sha_hex(parts: &[&[u8]], bytes: usize) -> String {
    let mut hasher = Sha256::new();
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            hasher.update(b"\0");
        }
        hasher.update(part);
    }
    hex(&hasher.finalize()[..bytes])
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What clustering decided for an item on one channel, as the item's alert there tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelStory {
    pub channel: String,
    /// The story the item opens (or joins, in which case the store queues no alert unless
    /// the story has gone from it).
    pub story: String,
    pub related: Option<Related>,
}

/// One outbox alert per channel that the item's matched rules notify (see [`recipients`]);
/// `stories` holds the item's story on the channels that decide one.
pub fn alerts_for(
    item: &Item,
    matches: &[ItemMatch],
    rules: &[RuleInfo],
    stories: &[ChannelStory],
    now: DateTime<Utc>,
) -> Result<Vec<OutboxAlert>, serde_json::Error> {
    let article = article_key(item);
    let mut alerts = Vec::new();
    for recipient in recipients(matches, rules) {
        let channel = recipient.channel;
        let id = alert_id_of(&article, channel);
        let story = stories.iter().find(|s| s.channel == channel);
        let evidence: Vec<RuleEvidence> = recipient
            .rules
            .iter()
            .map(|notified| RuleEvidence {
                rule: notified.rule.name.clone(),
                severity: notified.rule.severity,
                matches: notified
                    .found
                    .spans
                    .iter()
                    .map(|s| AlertSpan {
                        field: s.field.name().to_string(),
                        start: s.start,
                        end: s.end,
                        text: s.text.clone(),
                    })
                    .collect(),
            })
            .collect();
        let primary = recipient.primary();
        let alert = Alert {
            kind: ALERT_TYPE.to_string(),
            id: id.clone(),
            rule: primary.name.clone(),
            rules: recipient.rule_names(),
            severity: recipient.severity(),
            created_at: now,
            item: AlertItem {
                id: item.entry_id.clone(),
                title: item.title.clone(),
                link: item.link.clone(),
                feed: item.feed.clone(),
                published: item.published.or(item.updated),
                summary: item.summary.clone(),
            },
            matches: evidence[0].matches.clone(),
            evidence,
            story: story.map(|s| s.story.clone()),
            related: story.and_then(|s| s.related.clone()),
        };
        let digest = recipient.digest();
        let entry = OutboxAlert {
            digest,
            due_at: digest.map_or(now, |period| digest_due(now, period)),
            rules: recipient.rule_names(),
            caps: recipient.caps(),
            ..OutboxAlert::immediate(
                id,
                channel,
                &primary.name,
                serde_json::to_string(&alert)?,
                now,
            )
        };
        alerts.push(entry.quieted(recipient.quiet(), recipient.severity()));
    }
    Ok(alerts)
}

/// The alert `send-test` delivers: clearly a test, shaped like a real one.
pub fn sample_alert(now: DateTime<Utc>) -> Alert {
    let title = "newswatch test alert: Alibaba named in sample memo";
    let mut alert = Alert {
        kind: ALERT_TYPE.to_string(),
        id: format!("test-{}", now.timestamp_millis()),
        rule: "send-test".to_string(),
        rules: Vec::new(),
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
        evidence: Vec::new(),
        story: None,
        related: None,
    };
    alert.fill_rules();
    alert
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ast::Field;
    use crate::rules::matcher::Span;
    use crate::rules::{Cluster, Notify};

    const HOUR: Duration = Duration::from_secs(3600);

    fn item() -> Item {
        Item {
            feed: "news".into(),
            entry_id: "n1".into(),
            title: "Commerce weighs Alibaba curbs over PLA ties".into(),
            link: Some("https://news.example.net/1".into()),
            canonical_link: Some("https://news.example.net/1".into()),
            ..Default::default()
        }
    }

    fn rule(name: &str, severity: Severity, channels: &[&str]) -> RuleInfo {
        RuleInfo {
            name: name.into(),
            severity,
            notify: channels
                .iter()
                .map(|channel| Notify {
                    channel: (*channel).into(),
                    digest: None,
                    quiet: None,
                })
                .collect(),
            cluster: Some(Cluster { threshold: None }),
            story_update: None,
            max_alerts: None,
        }
    }

    fn hit(rule: &str, word: &str) -> ItemMatch {
        let start = item().title.find(word).expect("word in title");
        ItemMatch {
            rule: rule.into(),
            spans: vec![Span {
                field: Field::Title,
                start,
                end: start + word.len(),
                text: word.into(),
            }],
        }
    }

    fn decode(entry: &OutboxAlert) -> Alert {
        serde_json::from_str(&entry.body).expect("alert JSON")
    }

    #[test]
    fn two_rules_of_one_channel_make_one_alert_with_both_and_their_evidence() {
        let rules = [
            rule("earnings", Severity::Medium, &["desk"]),
            rule("us-action", Severity::High, &["desk", "hook"]),
            rule("pla", Severity::High, &["desk"]),
        ];
        let matches = [hit("pla", "PLA"), hit("us-action", "Commerce")];
        let now = Utc::now();
        let alerts = alerts_for(&item(), &matches, &rules, &[], now).expect("alerts");
        let channels: Vec<&str> = alerts.iter().map(|a| a.channel.as_str()).collect();
        assert_eq!(channels, ["desk", "hook"]);
        let desk = decode(&alerts[0]);
        // Both HIGH: config order decides the primary.
        assert_eq!(desk.rule, "us-action");
        assert_eq!(desk.rules, ["us-action", "pla"]);
        assert_eq!(alerts[0].rules, desk.rules);
        assert_eq!(desk.severity, Severity::High);
        assert_eq!(desk.matches[0].text, "Commerce");
        let evidence: Vec<(&str, &str)> = desk
            .evidence
            .iter()
            .map(|e| (e.rule.as_str(), e.matches[0].text.as_str()))
            .collect();
        assert_eq!(evidence, [("us-action", "Commerce"), ("pla", "PLA")]);
        assert_eq!(decode(&alerts[1]).rules, ["us-action"]);
        // The id is the article's on the channel, whichever rules matched.
        assert_eq!(desk.id, alert_id(&item(), "desk"));
        let one_rule = alerts_for(&item(), &matches[..1], &rules, &[], now).expect("alerts");
        assert_eq!(one_rule[0].id, desk.id);
    }

    #[test]
    fn the_channel_story_and_a_related_story_are_told_in_the_alert() {
        let rules = [rule("pla", Severity::High, &["desk", "hook"])];
        let related = Related {
            story: "story-1".into(),
            title: "Pentagon memo".into(),
            link: None,
            alert_id: "a1".into(),
            similarity: 0.2,
        };
        let stories = [ChannelStory {
            channel: "desk".into(),
            story: "story-2".into(),
            related: Some(related.clone()),
        }];
        let alerts = alerts_for(&item(), &[hit("pla", "PLA")], &rules, &stories, Utc::now())
            .expect("alerts");
        let desk = decode(&alerts[0]);
        assert_eq!(desk.story.as_deref(), Some("story-2"));
        assert_eq!(desk.related, Some(related));
        let hook = decode(&alerts[1]);
        assert_eq!((hook.story, hook.related), (None, None));
        assert!(!alerts[1].body.contains("\"related\""), "omitted when none");
    }

    #[test]
    fn the_most_urgent_digest_and_quiet_hours_rule_apply() {
        let mut digested = rule("earnings", Severity::Medium, &["desk"]);
        digested.notify[0].digest = Some(HOUR);
        let quiet = QuietHours::parse("00:00-23:59", Some("UTC")).expect("quiet hours");
        digested.notify[0].quiet = Some(quiet);
        let mut urgent = rule("pla", Severity::Critical, &["desk"]);
        urgent.notify[0].quiet = Some(quiet);
        let rules = [digested, urgent];
        let now = DateTime::from_timestamp(1_800_000_000 + 600, 0).expect("time");
        let alone =
            alerts_for(&item(), &[hit("earnings", "Alibaba")], &rules, &[], now).expect("alerts");
        assert!(alone[0].digest.is_some());
        assert!(alone[0].due_at > now, "held for its digest or quiet hours");
        let both = alerts_for(
            &item(),
            &[hit("earnings", "Alibaba"), hit("pla", "PLA")],
            &rules,
            &[],
            now,
        )
        .expect("alerts");
        assert_eq!(both.len(), 1);
        assert_eq!(
            (both[0].digest, both[0].due_at, both[0].hold.as_str()),
            (None, now, ""),
            "a critical rule that sends at once takes the alert through both"
        );
    }

    #[test]
    fn caps_hold_an_alert_only_when_every_rule_has_reached_its_own() {
        let now = DateTime::from_timestamp(1_800_000_000 + 600, 0).expect("time");
        let two = AlertCap::parse("2/1h").expect("cap");
        let five = AlertCap::parse("5/1d").expect("cap");
        let alert = OutboxAlert {
            rules: vec!["pla".into(), "us-action".into()],
            caps: vec![("pla".into(), two), ("us-action".into(), five)],
            ..OutboxAlert::immediate("id".into(), "desk", "pla", "{}".into(), now)
        };
        assert_eq!(alert.held_by_caps(&[2, 4], now), None);
        assert_eq!(alert.held_by_caps(&[1, 5], now), None);
        let held = alert.held_by_caps(&[2, 5], now).expect("held");
        assert_eq!(
            held.due_at,
            two.window(now).1,
            "until the first window ends"
        );
        assert_eq!(held.digest, Some(HOUR));
        assert_eq!(
            held.hold,
            "rule pla reached max_alerts 2/1h and rule us-action reached max_alerts 5/1day"
        );
        let uncapped = OutboxAlert {
            caps: Vec::new(),
            ..alert
        };
        assert_eq!(uncapped.held_by_caps(&[], now), None);
    }
}
