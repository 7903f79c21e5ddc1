//! Story follow-ups: what a channel hears when more outlets carry a story it was already
//! alerted to. One `newswatch.story_update.v1` entry per (story, channel, period) collects the
//! items that joined during that period, so a story carried by thirty outlets makes one alert
//! and at most one follow-up an hour, threaded under the alert in a mail reader.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{ALERT_TYPE, Alert, hex};
use crate::config::Severity;

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

impl StoryUpdate {
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
}
