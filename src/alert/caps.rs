//! Alert caps over one poll's alerts: which of them their rules' `max_alerts` hold back for
//! the digest, given what each rule already sent. Pure: the store reads the counts it asks
//! for ([`cap_windows`]) inside the poll's transaction, calls [`hold_capped`], and writes what
//! it returns, so every store engine applies the same policy.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::OutboxAlert;

/// A count the cap policy needs: the entries of `rule` on `channel` sent at once (not held
/// for a digest) since `since`, the start of the rule's current cap window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapWindow {
    pub rule: String,
    pub channel: String,
    pub since: DateTime<Utc>,
}

/// Sent-at-once counts by (rule, channel), as read for [`cap_windows`].
pub type SentCounts = HashMap<(String, String), i64>;

/// The windows whose counts [`hold_capped`] needs for `alerts`, each (rule, channel) once.
pub fn cap_windows<'a>(
    alerts: impl IntoIterator<Item = &'a OutboxAlert>,
    now: DateTime<Utc>,
) -> Vec<CapWindow> {
    let mut seen = HashSet::new();
    let mut windows = Vec::new();
    for alert in alerts.into_iter().filter(|a| is_capped(a)) {
        for (rule, cap) in &alert.caps {
            if seen.insert((rule.clone(), alert.channel.clone())) {
                windows.push(CapWindow {
                    rule: rule.clone(),
                    channel: alert.channel.clone(),
                    since: cap.window(now).0,
                });
            }
        }
    }
    windows
}

/// Decides, in order, which of one poll's `alerts` their caps hold back: for each alert, its
/// held version ([`OutboxAlert::held_by_caps`]) or `None` when it goes as it is. `queued` are
/// the ids already in the outbox (another feed's copy of the article): the first entry stays
/// and nothing is counted again. `sent` holds the counts of [`cap_windows`]; an alert let
/// through counts against its primary rule, the outbox row's `rule`, so a later alert of the
/// same poll sees it.
pub fn hold_capped(
    alerts: &[&OutboxAlert],
    queued: &HashSet<String>,
    mut sent: SentCounts,
    now: DateTime<Utc>,
) -> Vec<Option<OutboxAlert>> {
    alerts
        .iter()
        .map(|alert| {
            if !is_capped(alert) || queued.contains(&alert.id) {
                return None;
            }
            let counts: Vec<i64> = alert
                .caps
                .iter()
                .map(|(rule, _)| {
                    let key = (rule.clone(), alert.channel.clone());
                    sent.get(&key).copied().unwrap_or(0)
                })
                .collect();
            let held = alert.held_by_caps(&counts, now);
            if held.is_none() {
                *sent
                    .entry((alert.rule.clone(), alert.channel.clone()))
                    .or_default() += 1;
            }
            held
        })
        .collect()
}

/// Whether caps apply to `alert`: it has some and is sent at once (one held for a digest is
/// already grouped).
pub fn is_capped(alert: &OutboxAlert) -> bool {
    !alert.caps.is_empty() && alert.digest.is_none()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::config::AlertCap;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        use chrono::TimeZone as _;
        Utc.with_ymd_and_hms(2026, 12, 2, hour, minute, 0)
            .single()
            .expect("valid time")
    }

    fn capped(id: &str, rules: &[(&str, u32)], now: DateTime<Utc>) -> OutboxAlert {
        let mut alert = OutboxAlert::immediate(id.into(), "desk", rules[0].0, "{}".into(), now);
        alert.rules = rules.iter().map(|(r, _)| r.to_string()).collect();
        alert.caps = rules
            .iter()
            .map(|(rule, max)| {
                let cap = AlertCap {
                    max: *max,
                    per: Duration::from_secs(3600),
                };
                (rule.to_string(), cap)
            })
            .collect();
        alert
    }

    fn sent(pairs: &[(&str, i64)]) -> SentCounts {
        pairs
            .iter()
            .map(|(rule, n)| ((rule.to_string(), "desk".to_string()), *n))
            .collect()
    }

    #[test]
    fn windows_start_at_the_cap_period_and_are_asked_once() {
        let now = at(10, 25);
        let a = capped("a", &[("pla", 2), ("us", 3)], now);
        let b = capped("b", &[("pla", 2)], now);
        let mut digest = capped("c", &[("earnings", 1)], now);
        digest.digest = Some(Duration::from_secs(3600));
        let windows = cap_windows([&a, &b, &digest], now);
        let names: Vec<&str> = windows.iter().map(|w| w.rule.as_str()).collect();
        assert_eq!(
            names,
            ["pla", "us"],
            "once each; a digest's caps are not counted"
        );
        assert!(windows.iter().all(|w| w.since == at(10, 0)));
    }

    #[test]
    fn alerts_past_the_cap_are_held_and_earlier_ones_of_the_poll_count() {
        let now = at(10, 25);
        let alerts: Vec<OutboxAlert> = ["a", "b", "c"]
            .iter()
            .map(|id| capped(id, &[("pla", 2)], now))
            .collect();
        let refs: Vec<&OutboxAlert> = alerts.iter().collect();
        let decided = hold_capped(&refs, &HashSet::new(), sent(&[("pla", 1)]), now);
        assert!(decided[0].is_none(), "the second of the hour goes");
        let held = decided[1].as_ref().expect("the third is held");
        assert_eq!(held.due_at, at(11, 0));
        assert!(held.hold.contains("rule pla reached max_alerts 2"));
        assert!(decided[2].is_some(), "so is the fourth");
    }

    #[test]
    fn an_alert_already_queued_is_neither_held_nor_counted() {
        let now = at(10, 25);
        let first = capped("a", &[("pla", 1)], now);
        let second = capped("b", &[("pla", 1)], now);
        let queued: HashSet<String> = ["a".to_string()].into();
        let decided = hold_capped(&[&first, &second], &queued, sent(&[]), now);
        assert_eq!(decided, [None, None]);
    }

    #[test]
    fn an_alert_goes_while_any_of_its_rules_has_room_and_counts_against_its_primary() {
        let now = at(10, 25);
        let both = capped("a", &[("pla", 1), ("us", 5)], now);
        let pla_only = capped("b", &[("pla", 2)], now);
        let decided = hold_capped(
            &[&both, &pla_only],
            &HashSet::new(),
            sent(&[("pla", 1), ("us", 0)]),
            now,
        );
        assert!(decided[0].is_none(), "us has room");
        assert!(decided[1].is_some(), "pla: one before, one from this poll");
    }
}
