//! Story follow-ups: what a channel hears when more outlets carry a story it was already
//! alerted to. One `newswatch.story_update.v1` entry per (story, channel, period) collects the
//! items that joined during that period, so a story carried by thirty outlets makes one alert
//! and at most one follow-up an hour, threaded under the alert in a mail reader.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{ALERT_TYPE, Alert, hex};
use crate::config::{QuietHours, Severity};

/// The JSON schema name of [`StoryUpdate`], its `type` field.
pub const STORY_UPDATE_TYPE: &str = "newswatch.story_update.v1";

/// New outlets on a story, sent after its first alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryUpdate {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub story: String,
    /// The story's primary rule, `rules[0]`: kept for receivers written when a story had one
    /// rule.
    pub rule: String,
    /// The rules of the story's items on this channel: the first alert's, then those that
    /// later items brought, each once. Never empty once read ([`OutboxBody::parse`] fills it
    /// in older updates).
    #[serde(default)]
    pub rules: Vec<String>,
    /// The highest severity among the rules of the items in this update.
    pub severity: Severity,
    pub created_at: DateTime<Utc>,
    /// The story's first item and its alert on this channel, which the update answers.
    pub first: StoryLead,
    /// Items that joined the story since the previous update, oldest first.
    pub items: Vec<StoryItem>,
    /// Every outlet that has carried the story, the first one first.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryLead {
    pub alert_id: String,
    pub title: String,
    pub link: Option<String>,
    pub source: String,
}

/// A later item of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryItem {
    pub id: String,
    pub title: String,
    pub link: Option<String>,
    pub feed: String,
    pub source: String,
    pub published: Option<DateTime<Utc>>,
    /// How close it came to the story (1.0: the same article).
    pub similarity: f64,
}

/// How the channel hears a story's follow-ups.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    /// The highest severity among the item's rules on the channel.
    pub severity: Severity,
    /// At most one follow-up per this period, counted from the story's start.
    pub period: Duration,
    /// The item's digest on the channel: follow-ups wait for it like alerts do.
    pub digest: Option<Duration>,
    pub quiet: Option<QuietHours>,
}

/// When a story's follow-up on a channel goes out and in which queue, from [`FollowUp::slot`].
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpSlot {
    /// The end of the period (Unix seconds) the follow-up gathers; with the story and channel it
    /// names the update ([`StoryUpdate::id_for`]), so items of one period land in one entry.
    pub slot: i64,
    /// When it is due: the slot's end, later if quiet hours hold it.
    pub due_at: DateTime<Utc>,
    /// Why it waits beyond its period (quiet hours), or empty.
    pub hold: String,
    /// The digest queue it joins, with this period, or `None` to be sent on its own.
    pub digest: Option<Duration>,
}

impl FollowUp {
    /// The slot of an item joining at `now` a story that began at `story_start`. The first
    /// follow-up goes a whole period after the alert, gathering the first wave of outlets;
    /// the next at most one per period, counted from the story's start. A digest delays it to
    /// the digest's end, and quiet hours (not for `critical`) to theirs.
    pub fn slot(&self, story_start: DateTime<Utc>, now: DateTime<Utc>) -> FollowUpSlot {
        let start = story_start.timestamp();
        let period = i64::try_from(self.period.as_secs())
            .unwrap_or(i64::MAX)
            .max(1);
        let mut slot = start + ((now.timestamp() - start).div_euclid(period) + 1) * period;
        if let Some(digest) = self.digest {
            slot = slot.max(super::digest_due(now, digest).timestamp());
        }
        let end = DateTime::from_timestamp(slot, 0).unwrap_or(now);
        let due_at = match self.quiet {
            Some(quiet) if self.severity < Severity::Critical => quiet.release(end),
            _ => end,
        };
        let hold = match self.quiet {
            Some(quiet) if due_at != end => format!("quiet hours {quiet}"),
            _ => String::new(),
        };
        // A follow-up waiting for a digest or quiet hours joins the digest queue; otherwise it
        // is sent on its own when its period ends.
        let digest = match (self.digest, hold.is_empty()) {
            (Some(digest), _) => Some(digest),
            (None, false) => Some(self.period.max(Duration::from_secs(1))),
            (None, true) => None,
        };
        FollowUpSlot {
            slot,
            due_at,
            hold,
            digest,
        }
    }
}

/// A story's rules with `more` added at the end, those it lacked: the first alert's rules stay
/// first.
pub fn merged_rules(story: &[String], more: &[String]) -> Vec<String> {
    let mut merged = story.to_vec();
    for rule in more {
        if !merged.contains(rule) {
            merged.push(rule.clone());
        }
    }
    merged
}

impl StoryUpdate {
    /// The first follow-up of a slot: `joined` is the item that opens it, `rules` the story's
    /// rules (the primary first), `sources` every outlet of the story so far.
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        story: &str,
        channel: &str,
        slot: i64,
        rules: &[String],
        severity: Severity,
        first: StoryLead,
        joined: StoryItem,
        sources: Vec<String>,
        now: DateTime<Utc>,
    ) -> StoryUpdate {
        StoryUpdate {
            kind: STORY_UPDATE_TYPE.to_string(),
            id: StoryUpdate::id_for(story, channel, slot),
            story: story.to_string(),
            rule: rules.first().cloned().unwrap_or_default(),
            rules: rules.to_vec(),
            severity,
            created_at: now,
            first,
            items: vec![joined],
            sources,
        }
    }

    /// Adds `joined` to this pending update: its outlet to the sources, the story's `rules`
    /// (now including the item's), and the higher severity. False when it is there already.
    pub fn add(&mut self, joined: &StoryItem, rules: &[String], severity: Severity) -> bool {
        if self
            .items
            .iter()
            .any(|i| i.id == joined.id && i.feed == joined.feed)
        {
            return false;
        }
        self.items.push(joined.clone());
        if !self.sources.contains(&joined.source) {
            self.sources.push(joined.source.clone());
        }
        self.rules = rules.to_vec();
        self.severity = self.severity.max(severity);
        true
    }

    /// The update entry of `story` on `channel` for the `slot`-th period after the story began:
    /// its id is stable, so items joining in the same period land in the same entry.
    pub fn id_for(story: &str, channel: &str, slot: i64) -> String {
        let mut hasher = Sha256::new();
        for part in [
            b"story-update\0".as_slice(),
            story.as_bytes(),
            b"\0",
            channel.as_bytes(),
            b"\0",
            slot.to_string().as_bytes(),
        ] {
            hasher.update(part);
        }
        hex(&hasher.finalize()[..16])
    }

    /// Outlets named by this update's items, in order, each once.
    pub fn new_sources(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for item in &self.items {
            if !seen.contains(&item.source.as_str()) {
                seen.push(item.source.as_str());
            }
        }
        seen
    }

    /// `+4 outlets: Reuters, SCMP, CNBC, Caixin` (or `+2 items` when the outlets repeat).
    pub fn headline(&self) -> String {
        let sources = self.new_sources();
        let (count, noun) = if sources.len() == self.items.len() {
            (sources.len(), "outlet")
        } else {
            (self.items.len(), "item")
        };
        format!(
            "+{count} {noun}{}: {}",
            if count == 1 { "" } else { "s" },
            sources.join(", ")
        )
    }
}

/// An outbox entry's JSON, told apart by its `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum OutboxBody {
    Alert(Alert),
    StoryUpdate(StoryUpdate),
}

impl OutboxBody {
    pub fn parse(json: &str) -> Result<OutboxBody, String> {
        #[derive(Deserialize)]
        struct Kind {
            #[serde(rename = "type")]
            kind: String,
        }
        let kind: Kind = serde_json::from_str(json).map_err(|e| e.to_string())?;
        // Entries queued by an earlier version, with one rule each, are read as such.
        match kind.kind.as_str() {
            STORY_UPDATE_TYPE => {
                let mut update: StoryUpdate =
                    serde_json::from_str(json).map_err(|e| e.to_string())?;
                if update.rules.is_empty() {
                    update.rules = vec![update.rule.clone()];
                }
                Ok(OutboxBody::StoryUpdate(update))
            }
            ALERT_TYPE => {
                let mut alert: Alert = serde_json::from_str(json).map_err(|e| e.to_string())?;
                alert.fill_rules();
                Ok(OutboxBody::Alert(alert))
            }
            other => Err(format!("unknown entry type \"{other}\"")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(source: &str) -> StoryItem {
        StoryItem {
            id: format!("{source}-1"),
            title: format!("{source} says"),
            link: None,
            feed: "news".into(),
            source: source.into(),
            published: None,
            similarity: 0.8,
        }
    }

    fn update(items: Vec<StoryItem>) -> StoryUpdate {
        StoryUpdate {
            kind: STORY_UPDATE_TYPE.into(),
            id: StoryUpdate::id_for("story-1", "desk", 1),
            story: "story-1".into(),
            rule: "alibaba-pla".into(),
            rules: vec!["alibaba-pla".into()],
            severity: Severity::High,
            created_at: DateTime::UNIX_EPOCH,
            first: StoryLead {
                alert_id: "a1".into(),
                title: "Alibaba denies".into(),
                link: None,
                source: "Reuters".into(),
            },
            items,
            sources: vec!["Reuters".into()],
        }
    }

    #[test]
    fn headline_counts_outlets_or_items() {
        assert_eq!(
            update(vec![item("SCMP"), item("CNBC")]).headline(),
            "+2 outlets: SCMP, CNBC"
        );
        assert_eq!(
            update(vec![item("SCMP"), item("SCMP")]).headline(),
            "+2 items: SCMP"
        );
    }

    #[test]
    fn ids_are_stable_per_story_channel_and_period() {
        assert_eq!(
            StoryUpdate::id_for("s", "desk", 1),
            StoryUpdate::id_for("s", "desk", 1)
        );
        assert_ne!(
            StoryUpdate::id_for("s", "desk", 1),
            StoryUpdate::id_for("s", "desk", 2)
        );
        assert_ne!(
            StoryUpdate::id_for("s", "desk", 1),
            StoryUpdate::id_for("s", "chat", 1)
        );
    }

    #[test]
    fn bodies_are_told_apart_by_type() {
        let json = serde_json::to_string(&update(vec![item("SCMP")])).expect("encodes");
        assert!(matches!(
            OutboxBody::parse(&json),
            Ok(OutboxBody::StoryUpdate(_))
        ));
        let alert = serde_json::to_string(&super::super::sample_alert(Utc::now())).expect("ok");
        assert!(matches!(
            OutboxBody::parse(&alert),
            Ok(OutboxBody::Alert(_))
        ));
        assert!(OutboxBody::parse(r#"{"type": "x"}"#).is_err());
    }

    #[test]
    fn entries_queued_with_one_rule_read_with_their_rules_filled_in() {
        let mut alert = super::super::sample_alert(Utc::now());
        alert.rules.clear();
        alert.evidence.clear();
        let json = serde_json::to_string(&alert).expect("encodes");
        let Ok(OutboxBody::Alert(read)) = OutboxBody::parse(&json) else {
            panic!("an alert");
        };
        assert_eq!(read.rules, ["send-test"]);
        assert_eq!(read.evidence.len(), 1);
        assert_eq!(read.evidence[0].matches, read.matches);
        let mut old = update(vec![item("SCMP")]);
        old.rules.clear();
        let json = serde_json::to_string(&old).expect("encodes");
        let Ok(OutboxBody::StoryUpdate(read)) = OutboxBody::parse(&json) else {
            panic!("an update");
        };
        assert_eq!(read.rules, ["alibaba-pla"]);
    }

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        use chrono::TimeZone as _;
        Utc.with_ymd_and_hms(2026, 12, 2, hour, minute, 0)
            .single()
            .expect("valid time")
    }

    fn hourly() -> FollowUp {
        FollowUp {
            severity: Severity::High,
            period: Duration::from_secs(3600),
            digest: None,
            quiet: None,
        }
    }

    #[test]
    fn a_follow_up_goes_a_whole_period_after_the_story_began() {
        let slot = hourly().slot(at(9, 40), at(9, 45));
        assert_eq!(slot.due_at, at(10, 40));
        assert_eq!(slot.slot, at(10, 40).timestamp());
        assert_eq!((slot.hold.as_str(), slot.digest), ("", None));
        let later = hourly().slot(at(9, 40), at(11, 0));
        assert_eq!(
            later.due_at,
            at(11, 40),
            "periods count from the story's start"
        );
    }

    #[test]
    fn a_digest_delays_a_follow_up_to_its_end_and_queues_it_there() {
        let follow_up = FollowUp {
            digest: Some(Duration::from_secs(6 * 3600)),
            ..hourly()
        };
        let slot = follow_up.slot(at(9, 40), at(9, 45));
        assert_eq!(slot.due_at, at(12, 0));
        assert_eq!(slot.digest, Some(Duration::from_secs(6 * 3600)));
    }

    #[test]
    fn quiet_hours_hold_a_follow_up_unless_it_is_critical() {
        let quiet = QuietHours::parse("10:00-12:00", Some("UTC")).expect("valid quiet hours");
        let follow_up = FollowUp {
            quiet: Some(quiet),
            ..hourly()
        };
        let slot = follow_up.slot(at(9, 40), at(9, 45));
        assert_eq!(slot.due_at, at(12, 0));
        assert!(slot.hold.starts_with("quiet hours"), "{}", slot.hold);
        assert_eq!(slot.digest, Some(Duration::from_secs(3600)));
        assert_eq!(
            slot.slot,
            at(10, 40).timestamp(),
            "the id keeps the period's end"
        );
        let critical = FollowUp {
            severity: Severity::Critical,
            ..follow_up
        };
        assert_eq!(critical.slot(at(9, 40), at(9, 45)).due_at, at(10, 40));
    }

    #[test]
    fn an_update_gathers_each_item_once_with_the_story_rules_and_highest_severity() {
        let lead = StoryLead {
            alert_id: "a1".into(),
            title: "first".into(),
            link: None,
            source: "Reuters".into(),
        };
        let rules = vec!["pla".to_string()];
        let mut update = StoryUpdate::open(
            "s1",
            "desk",
            7,
            &rules,
            Severity::Medium,
            lead,
            item("AP"),
            vec!["Reuters".into(), "AP".into()],
            at(9, 45),
        );
        assert_eq!(update.id, StoryUpdate::id_for("s1", "desk", 7));
        assert_eq!(update.rule, "pla");
        let more = merged_rules(&rules, &["us".to_string(), "pla".to_string()]);
        assert_eq!(more, ["pla", "us"]);
        assert!(update.add(&item("BBC"), &more, Severity::High));
        assert!(!update.add(&item("BBC"), &more, Severity::High), "once");
        assert_eq!(update.sources, ["Reuters", "AP", "BBC"]);
        assert_eq!((update.rules.len(), update.severity), (2, Severity::High));
        assert_eq!(update.rule, "pla", "the primary stays the first alert's");
    }
}
