//! Who hears about an item, and how: the rules an item matched, grouped by the channels they
//! notify, one [`Recipient`] per channel. A channel gets one alert per item however many of
//! its rules matched, so the rules' settings have to be combined when they disagree. The most
//! urgent treatment wins:
//!
//! - **Order.** The rules are listed most severe first, in config order among equals; the
//!   first is the *primary* rule (the alert's `rule`, its subject's severity).
//! - **Digest.** If any rule sends at once, the alert goes at once; otherwise it waits for the
//!   shortest of the rules' digests.
//! - **Quiet hours** are the channel's, the same for every rule; a `critical` rule among them
//!   goes through them.
//! - **Caps.** The alert is held only if every one of its rules has a cap and each is reached;
//!   a rule without a cap always lets it through. It counts against the primary rule's cap.
//! - **Stories.** The channel's story decision needs every rule to cluster (one that does not
//!   wants every item, so the alert goes unconditionally); it uses the strictest (highest) join
//!   threshold, and the follow-up period is the shortest of the rules that send follow-ups.
//!
//! Pure policy, no I/O, in one place: the alert of a channel, its story decision and the
//! store's cap check all follow it.

use std::time::Duration;

use crate::config::{AlertCap, QuietHours, Severity};
use crate::rules::{ItemMatch, Notify, RuleInfo};

/// One channel and the matched rules that notify it.
#[derive(Debug, Clone)]
pub struct Recipient<'a> {
    pub channel: &'a str,
    /// Most severe first, config order among equals; never empty.
    pub rules: Vec<Notified<'a>>,
}

/// A matched rule as one channel hears it.
#[derive(Debug, Clone, Copy)]
pub struct Notified<'a> {
    pub rule: &'a RuleInfo,
    /// The rule's entry for this channel: its digest and the channel's quiet hours.
    pub notify: &'a Notify,
    /// The rule's evidence in the item.
    pub found: &'a ItemMatch,
}

/// The channels `matches` notify, each with its rules, in order of their primary rules.
pub fn recipients<'a>(matches: &'a [ItemMatch], rules: &'a [RuleInfo]) -> Vec<Recipient<'a>> {
    let mut matched: Vec<(&RuleInfo, &ItemMatch)> = rules
        .iter()
        .filter_map(|rule| Some((rule, matches.iter().find(|m| m.rule == rule.name)?)))
        .collect();
    // Stable: rules of one severity keep their config order.
    matched.sort_by_key(|(rule, _)| std::cmp::Reverse(rule.severity));
    let mut out: Vec<Recipient<'a>> = Vec::new();
    for (rule, found) in matched {
        for notify in &rule.notify {
            let notified = Notified {
                rule,
                notify,
                found,
            };
            match out.iter_mut().find(|r| r.channel == notify.channel) {
                Some(recipient) => recipient.rules.push(notified),
                None => out.push(Recipient {
                    channel: &notify.channel,
                    rules: vec![notified],
                }),
            }
        }
    }
    out
}

impl Recipient<'_> {
    /// The most severe rule, the first.
    pub fn primary(&self) -> &RuleInfo {
        self.rules[0].rule
    }

    /// The highest severity among the rules.
    pub fn severity(&self) -> Severity {
        self.primary().severity
    }

    /// The rules' names, in order.
    pub fn rule_names(&self) -> Vec<String> {
        self.rules.iter().map(|n| n.rule.name.clone()).collect()
    }

    /// `None` (at once) if any rule sends at once, else the shortest digest.
    pub fn digest(&self) -> Option<Duration> {
        self.rules
            .iter()
            .map(|n| n.notify.digest)
            .collect::<Option<Vec<Duration>>>()
            .and_then(|periods| periods.into_iter().min())
    }

    /// The channel's quiet hours.
    pub fn quiet(&self) -> Option<QuietHours> {
        self.rules[0].notify.quiet
    }

    /// Every rule's cap, in order; empty when one rule has none, since that rule always lets
    /// the alert through.
    pub fn caps(&self) -> Vec<(String, AlertCap)> {
        self.rules
            .iter()
            .map(|n| Some((n.rule.name.clone(), n.rule.max_alerts?)))
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default()
    }

    /// Whether the channel decides the item's story: only if every rule clusters.
    pub fn clusters(&self) -> bool {
        self.rules.iter().all(|n| n.rule.cluster.is_some())
    }

    /// The shortest follow-up period of the rules that send follow-ups; `None` if none does.
    pub fn follow_up_period(&self) -> Option<Duration> {
        self.rules.iter().filter_map(|n| n.rule.story_update).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Cluster;

    const HOUR: Duration = Duration::from_secs(3600);

    fn rule(name: &str, severity: Severity, channels: &[(&str, Option<Duration>)]) -> RuleInfo {
        RuleInfo {
            name: name.into(),
            severity,
            notify: channels
                .iter()
                .map(|(channel, digest)| Notify {
                    channel: (*channel).into(),
                    digest: *digest,
                    quiet: None,
                })
                .collect(),
            cluster: Some(Cluster { threshold: None }),
            story_update: Some(HOUR),
            max_alerts: None,
        }
    }

    fn hit(rule: &str) -> ItemMatch {
        ItemMatch {
            rule: rule.into(),
            spans: Vec::new(),
        }
    }

    fn names(recipient: &Recipient<'_>) -> Vec<String> {
        recipient.rule_names()
    }

    #[test]
    fn one_recipient_per_channel_with_the_most_severe_rule_first() {
        let rules = [
            rule("earnings", Severity::Medium, &[("desk", None)]),
            rule("pla", Severity::High, &[("desk", None), ("hook", None)]),
            rule("us-action", Severity::High, &[("desk", None)]),
            rule("unmatched", Severity::Critical, &[("desk", None)]),
        ];
        let matches = [hit("us-action"), hit("earnings"), hit("pla")];
        let found = recipients(&matches, &rules);
        let channels: Vec<&str> = found.iter().map(|r| r.channel).collect();
        assert_eq!(channels, ["desk", "hook"]);
        assert_eq!(names(&found[0]), ["pla", "us-action", "earnings"]);
        assert_eq!(found[0].severity(), Severity::High);
        assert_eq!(names(&found[1]), ["pla"]);
        assert!(recipients(&[], &rules).is_empty());
    }

    #[test]
    fn any_rule_sending_at_once_sends_at_once_else_the_shortest_digest() {
        let rules = [
            rule("a", Severity::High, &[("desk", Some(HOUR))]),
            rule("b", Severity::Low, &[("desk", None)]),
            rule("c", Severity::Low, &[("desk", Some(24 * HOUR))]),
        ];
        let digest = |hits: &[&str]| {
            let matches: Vec<ItemMatch> = hits.iter().map(|r| hit(r)).collect();
            recipients(&matches, &rules)[0].digest()
        };
        assert_eq!(digest(&["a", "b"]), None);
        assert_eq!(digest(&["a", "c"]), Some(HOUR));
        assert_eq!(digest(&["c"]), Some(24 * HOUR));
    }

    #[test]
    fn caps_apply_only_when_every_rule_has_one() {
        let cap = AlertCap::parse("2/1h").expect("cap");
        let mut capped = rule("a", Severity::High, &[("desk", None)]);
        capped.max_alerts = Some(cap);
        let mut also = rule("b", Severity::High, &[("desk", None)]);
        also.max_alerts = Some(cap);
        let free = rule("c", Severity::High, &[("desk", None)]);
        let rules = [capped, also, free];
        let caps = |hits: &[&str]| {
            let matches: Vec<ItemMatch> = hits.iter().map(|r| hit(r)).collect();
            recipients(&matches, &rules)[0].caps()
        };
        assert_eq!(caps(&["a", "b"]).len(), 2);
        assert!(caps(&["a", "c"]).is_empty());
    }

    #[test]
    fn stories_need_every_rule_to_cluster_and_take_the_shortest_follow_up() {
        let mut fast = rule("a", Severity::High, &[("desk", None)]);
        fast.story_update = Some(HOUR / 6);
        let mut silent = rule("b", Severity::High, &[("desk", None)]);
        silent.story_update = None;
        let mut filings = rule("c", Severity::Medium, &[("desk", None)]);
        filings.cluster = None;
        let rules = [fast, silent, filings];
        let recipient = |hits: &[&str]| {
            let matches: Vec<ItemMatch> = hits.iter().map(|r| hit(r)).collect();
            let found = recipients(&matches, &rules);
            (found[0].clusters(), found[0].follow_up_period())
        };
        assert_eq!(recipient(&["a", "b"]), (true, Some(HOUR / 6)));
        assert_eq!(recipient(&["b"]), (true, None));
        assert!(!recipient(&["a", "c"]).0);
    }
}
