//! `newswatch alerts`: the outbox as a history of what was sent, what waits and what failed,
//! one line (or one JSON object) per entry.
//!
//! The store keeps each entry with its JSON; this module reads what a person asks about out
//! of it (title, rules) and names the state as a reader means it: a pending entry is `held`
//! while its digest, quiet hours, cap or follow-up period has not ended, `retrying` after a
//! failed attempt, `due` otherwise.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::store::AlertRow;

/// An outbox entry as `alerts` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertView {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub channel: String,
    /// `alert`, `story_update`, `digest` or the entry's `type`.
    pub kind: String,
    pub rules: Vec<String>,
    /// `delivered`, `dead`, `held`, `retrying` or `due`.
    pub state: String,
    pub attempts: i64,
    pub title: String,
    /// When a pending entry is due, or when a finished one finished.
    pub at: Option<DateTime<Utc>>,
    /// Why a held entry waits (digest, quiet hours, cap, follow-up period).
    pub held_for: Option<String>,
    pub last_error: Option<String>,
    pub story: Option<String>,
}

/// The states `--state` accepts: the shown ones, and `pending` for every unfinished entry.
pub const STATES: [&str; 6] = ["pending", "due", "retrying", "held", "delivered", "dead"];

impl AlertView {
    pub fn of(row: AlertRow, now: DateTime<Utc>) -> AlertView {
        let body: serde_json::Value = serde_json::from_str(&row.body).unwrap_or_default();
        let kind = body["type"]
            .as_str()
            .map(|t| {
                t.trim_start_matches("newswatch.")
                    .trim_end_matches(".v1")
                    .to_string()
            })
            .unwrap_or_default();
        let title = body["item"]["title"]
            .as_str()
            .or_else(|| body["first"]["title"].as_str())
            .unwrap_or_default()
            .to_string();
        let rules = match body["rules"].as_array() {
            Some(rules) => rules
                .iter()
                .filter_map(|r| r.as_str().map(str::to_string))
                .collect(),
            None => vec![row.rule.clone()],
        };
        let pending = row.state == "pending";
        let waiting = pending && row.next_attempt_at > now;
        let state = match row.state.as_str() {
            "pending" if waiting && row.attempts == 0 => "held",
            "pending" if row.attempts > 0 => "retrying",
            "pending" => "due",
            other => other,
        }
        .to_string();
        let held_for = (state == "held").then(|| {
            if !row.hold.is_empty() {
                row.hold.clone()
            } else if row.digest {
                "digest".to_string()
            } else if kind == "story_update" {
                "follow-up period".to_string()
            } else {
                "scheduled".to_string()
            }
        });
        AlertView {
            id: row.id,
            created_at: row.created_at,
            channel: row.channel,
            kind,
            rules,
            at: if pending {
                Some(row.next_attempt_at)
            } else {
                row.finished_at
            },
            state,
            attempts: row.attempts,
            title,
            held_for,
            last_error: row.last_error,
            story: row.story,
        }
    }

    /// Whether `--state state` selects this entry.
    pub fn in_state(&self, state: &str) -> bool {
        match state {
            "pending" => matches!(self.state.as_str(), "held" | "retrying" | "due"),
            state => self.state == state,
        }
    }
}

/// The entries as a table, newest first.
pub fn render_table(alerts: &[AlertView]) -> String {
    if alerts.is_empty() {
        return "no alerts in that time\n".to_string();
    }
    let mut out = String::new();
    for alert in alerts {
        let when = alert
            .at
            .map(|at| format!(" {}", at.format("%Y-%m-%d %H:%M")))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}  {:<9}{}  {}  {}  {}\n  {}  [{}]\n",
            alert.created_at.format("%Y-%m-%d %H:%M"),
            alert.state,
            when,
            alert.channel,
            alert.kind,
            alert.id,
            alert.title,
            alert.rules.join(", "),
        ));
        if let Some(why) = &alert.held_for {
            out.push_str(&format!("  held for: {why}\n"));
        }
        // One attempt is how a delivered entry went out; anything else is worth a line.
        if alert.attempts > 1 || (alert.attempts > 0 && alert.state != "delivered") {
            out.push_str(&format!(
                "  attempts: {}{}\n",
                alert.attempts,
                alert
                    .last_error
                    .as_deref()
                    .map(|e| format!(", last error: {e}"))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(state: &str, attempts: i64, due_in: i64, body: &str) -> AlertRow {
        let now = DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        AlertRow {
            id: "a1".into(),
            channel: "desk".into(),
            rule: "r".into(),
            state: state.into(),
            body: body.into(),
            attempts,
            created_at: now,
            next_attempt_at: now + chrono::Duration::seconds(due_in),
            finished_at: None,
            last_error: None,
            hold: String::new(),
            digest: false,
            story: None,
        }
    }

    #[test]
    fn pending_entries_are_named_as_a_reader_means_them() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        let alert = r#"{"type":"newswatch.alert.v1","rules":["a","b"],"item":{"title":"T"}}"#;
        let update = r#"{"type":"newswatch.story_update.v1","first":{"title":"F"}}"#;
        let held = AlertView::of(row("pending", 0, 3600, update), now);
        assert_eq!(
            (
                held.state.as_str(),
                held.held_for.as_deref(),
                held.kind.as_str()
            ),
            ("held", Some("follow-up period"), "story_update")
        );
        assert_eq!(held.title, "F");
        let due = AlertView::of(row("pending", 0, 0, alert), now);
        assert_eq!(
            (due.state.as_str(), due.rules.clone()),
            ("due", vec!["a".to_string(), "b".to_string()])
        );
        assert!(due.in_state("pending") && !due.in_state("held"));
        let retrying = AlertView::of(row("pending", 2, 60, alert), now);
        assert_eq!(retrying.state, "retrying");
        let dead = AlertView::of(row("dead", 5, 0, alert), now);
        assert!(dead.in_state("dead") && !dead.in_state("pending"));
    }
}
