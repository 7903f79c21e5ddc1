//! The daemon's side of stories: a [`StoryIndex`] of recent story members whose scopes are
//! channels, rebuilt from the store at start, consulted by each poll for its new matched items
//! and kept in step with what the poll commits.
//!
//! A story is what one channel was told about: an item's story is decided once per channel
//! that its matched rules notify (with the strictest of their join thresholds), so a report
//! matching only one rule joins the story another rule's alert opened there. A channel whose
//! matched rules include one that does not cluster decides no story: it gets the alert. One
//! lookup per channel answers both "which story does it join" and "which story is it close
//! to" (possibly related, named in the alert): the index is asked down to the related
//! threshold, and the answer joins only from the join threshold up.
//!
//! The index sits behind one async lock that a poll holds from its first decision to its
//! commit: two feeds carrying the same story at the same moment are decided one after the
//! other, so the second joins the first's story instead of opening its own.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{Mutex, MutexGuard};

use crate::alert::{Recipient, article_key, recipients, story_id};
use crate::config::Config;
use crate::feed::Item;
use crate::rules::{ItemMatch, RuleSet};
use crate::store::{
    FollowUp, NearStory, Store, StoreError, StoryDecision, StoryRole, StorySummary,
};
use crate::story::{
    Concepts, DEFAULT_THRESHOLD, Fingerprint, Member, StoryIndex, outlet, related_threshold,
};

/// The story index and what fingerprints need, shared by every poll.
pub struct Stories {
    index: Mutex<StoryIndex>,
    window: Duration,
    /// The config's entities, swapped on reload.
    concepts: RwLock<Arc<Concepts>>,
}

/// Items a poll put in the index, so a failed commit can take them out again: (scope, key).
#[derive(Debug, Default)]
pub struct Tentative {
    inserted: Vec<(String, String)>,
}

/// What [`Stories::prepare`] found out about an item, for [`Stories::settle`]. Empty (the
/// default) when no channel of its matched rules decides a story.
#[derive(Debug, Default)]
pub struct PreparedStories {
    /// The item's [`article_key`].
    article: String,
    /// Its outlet.
    source: String,
    concepts: Vec<String>,
    /// Each channel that decides its story, in the order of [`recipients`].
    channels: Vec<PreparedChannel>,
}

#[derive(Debug)]
struct PreparedChannel {
    channel: String,
    /// The matched rules that notify the channel, the primary first.
    rules: Vec<String>,
    threshold: f64,
    follow_up: Option<FollowUp>,
    /// The item as a member of the channel's scope.
    member: Member,
}

/// Where an item falls in one scope of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub story: String,
    /// The similarity of the story it joins; `None` when it opens its own.
    pub joined: Option<f64>,
    /// For an item that opens its own story, the closest story above the related threshold.
    pub near: Option<NearStory>,
}

impl Stories {
    pub fn new(config: &Config) -> Stories {
        Stories {
            index: Mutex::new(StoryIndex::with_window(config.daemon.story_window)),
            window: config.daemon.story_window,
            concepts: RwLock::new(Arc::new(Concepts::from_config(config))),
        }
    }

    fn concepts(&self) -> Arc<Concepts> {
        Arc::clone(&self.concepts.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Takes a reloaded config's entities.
    pub fn set_config(&self, config: &Config) {
        *self.concepts.write().unwrap_or_else(|e| e.into_inner()) =
            Arc::new(Concepts::from_config(config));
    }

    /// Refills the index with the members of the last window; returns how many.
    pub async fn restore<S: Store>(
        &self,
        store: &S,
        rules: &RuleSet,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let since =
            now - chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::days(2));
        let members = store.story_members_since(since).await?;
        let concepts = self.concepts();
        let mut index = self.index.lock().await;
        let count = members.len();
        for stored in members {
            // What the rule matched is not stored: matching the text again finds it (with
            // today's rules, which are the ones new items are matched with).
            let text = Item {
                title: stored.title.clone(),
                summary: stored.summary.clone(),
                ..Item::default()
            };
            let matched = rules.match_item(&text, None);
            let notifying = |rule: &str| {
                rules
                    .rules()
                    .iter()
                    .any(|r| r.name == rule && r.notify.iter().any(|n| n.channel == stored.channel))
            };
            let scope = concepts.scope_words(matched.iter().filter(|m| notifying(&m.rule)));
            let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
            let member = Member {
                key: member_key(&stored.feed, &stored.entry_id),
                canonical_link: stored.canonical_link,
                fingerprint: Fingerprint::in_scope(
                    &stored.title,
                    &stored.summary,
                    &stored.concepts,
                    &scope,
                ),
                at: story_time(stored.published_at, stored.joined_at),
            };
            index.insert(&stored.channel, &stored.story, member);
        }
        Ok(count)
    }

    pub async fn lock(&self) -> MutexGuard<'_, StoryIndex> {
        self.index.lock().await
    }

    /// Decides the story of a new, alertable `item` on each channel its matched rules notify
    /// that decides stories (every one of its rules there clusters), and puts it in the index
    /// (recorded in `tentative`): [`prepare`](Self::prepare), then
    /// [`settle`](Self::settle).
    pub fn decide(
        &self,
        index: &mut StoryIndex,
        rules: &RuleSet,
        item: &Item,
        matches: &[ItemMatch],
        now: DateTime<Utc>,
        tentative: &mut Tentative,
    ) -> Vec<StoryDecision> {
        Stories::settle(index, self.prepare(rules, item, matches, now), tentative)
    }

    /// The part of [`decide`](Self::decide) that does not read the index: which channels
    /// decide `item`'s story, with which threshold, and its fingerprint there. It can run
    /// ahead, on another thread (`backtest` does), as long as the results are settled in the
    /// items' order.
    pub fn prepare(
        &self,
        rules: &RuleSet,
        item: &Item,
        matches: &[ItemMatch],
        now: DateTime<Utc>,
    ) -> PreparedStories {
        let deciding: Vec<(Recipient<'_>, f64)> = recipients(matches, rules.rules())
            .into_iter()
            .filter_map(|recipient| {
                let threshold = join_threshold(&recipient)?;
                Some((recipient, threshold))
            })
            .collect();
        if deciding.is_empty() {
            return PreparedStories::default();
        }
        let entities = self.concepts();
        let concepts = entities.of(item);
        let fingerprint = Fingerprint::of(&item.title, &item.summary, &concepts);
        let channels = deciding
            .into_iter()
            .map(|(recipient, threshold)| {
                // The words by which the item entered this channel's scope: what its rules
                // there matched.
                let names = recipient.rule_names();
                let scope =
                    entities.scope_words(matches.iter().filter(|m| names.contains(&m.rule)));
                let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
                PreparedChannel {
                    channel: recipient.channel.to_string(),
                    member: Member {
                        key: member_key(&item.feed, &item.entry_id),
                        canonical_link: item.canonical_link.clone(),
                        fingerprint: fingerprint.with_scope(&scope),
                        at: story_time(item.published.or(item.updated), now),
                    },
                    threshold,
                    follow_up: follow_up(&recipient),
                    rules: names,
                }
            })
            .collect();
        PreparedStories {
            article: article_key(item),
            source: outlet(&item.title, item.canonical_link.as_deref(), &item.feed),
            concepts,
            channels,
        }
    }

    /// The part of [`decide`](Self::decide) that reads and changes the index: places each
    /// prepared channel's member, in order.
    pub fn settle(
        index: &mut StoryIndex,
        prepared: PreparedStories,
        tentative: &mut Tentative,
    ) -> Vec<StoryDecision> {
        let PreparedStories {
            article,
            source,
            concepts,
            channels,
        } = prepared;
        let mut decisions = Vec::with_capacity(channels.len());
        for channel in channels {
            let placed = Stories::place_article(
                index,
                &channel.channel,
                channel.threshold,
                &article,
                channel.member,
                tentative,
            );
            let role = match placed.joined {
                Some(similarity) => StoryRole::Join {
                    similarity,
                    follow_up: channel.follow_up,
                },
                None => StoryRole::Lead {
                    article: article.clone(),
                    near: placed.near,
                },
            };
            decisions.push(StoryDecision {
                channel: channel.channel,
                rules: channel.rules,
                story: placed.story,
                source: source.clone(),
                concepts: concepts.clone(),
                role,
            });
        }
        decisions
    }

    /// Places `item` in the stories of `scope` with the join `threshold`: it joins the best
    /// story scoring at least that, else opens its own (naming the best story that scores at
    /// least the related threshold); either way it is put in the index.
    pub fn place(
        index: &mut StoryIndex,
        scope: &str,
        threshold: f64,
        item: &Item,
        member: Member,
        tentative: &mut Tentative,
    ) -> Placement {
        Stories::place_article(
            index,
            scope,
            threshold,
            &article_key(item),
            member,
            tentative,
        )
    }

    /// [`place`](Self::place) for the item whose [`article_key`] is `article`.
    pub fn place_article(
        index: &mut StoryIndex,
        scope: &str,
        threshold: f64,
        article: &str,
        member: Member,
        tentative: &mut Tentative,
    ) -> Placement {
        let found = index.find(scope, &member, related_threshold(threshold));
        let placement = match found {
            Some(found) if found.similarity >= threshold => Placement {
                story: found.story,
                joined: Some(found.similarity),
                near: None,
            },
            near => Placement {
                story: story_id(scope, article),
                joined: None,
                near: near.map(|found| NearStory {
                    story: found.story,
                    similarity: found.similarity,
                }),
            },
        };
        tentative
            .inserted
            .push((scope.to_string(), member.key.clone()));
        index.insert(scope, &placement.story, member);
        placement
    }

    /// `item`, first seen `now`, as a member of the index of a scope it entered by `hit`.
    pub fn member(&self, item: &Item, hit: &ItemMatch, now: DateTime<Utc>) -> Member {
        let entities = self.concepts();
        let scope = entities.scope_words([hit]);
        let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
        member_of(item, &entities.of(item), &scope, now)
    }

    /// Takes a failed poll's members out of the index again.
    pub fn undo(index: &mut StoryIndex, tentative: Tentative) {
        for (scope, key) in tentative.inserted {
            index.remove(&scope, &key);
        }
    }

    /// Drops members older than the window.
    pub async fn expire(&self, now: DateTime<Utc>) -> usize {
        let before =
            now - chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::days(2));
        self.index.lock().await.expire(before)
    }
}

/// `newswatch stories` as text: each story with its channel, rules and outlets, then its
/// items, the lead first.
pub fn render_table(stories: &[StorySummary]) -> String {
    if stories.is_empty() {
        return "no stories in that time\n".to_string();
    }
    let mut out = String::new();
    for story in stories {
        let items = story.members.len();
        out.push_str(&format!(
            "{}  {}  {}  {} item{}, {} outlet{}  {} .. {}\n  {}\n  outlets: {}\n",
            story.id,
            // Stories of earlier versions were per rule, on no one channel.
            story.channel.as_deref().unwrap_or("-"),
            story.rules.join(", "),
            items,
            if items == 1 { "" } else { "s" },
            story.sources.len(),
            if story.sources.len() == 1 { "" } else { "s" },
            story.created_at.format("%Y-%m-%d %H:%M"),
            story.updated_at.format("%Y-%m-%d %H:%M UTC"),
            story.title,
            story.sources.join(", "),
        ));
        for member in &story.members {
            let how = member
                .similarity
                .map_or_else(|| "lead".to_string(), |s| format!("{s:.2}"));
            out.push_str(&format!(
                "    {how:>5}  {:<20}  {}  {}  [{}]\n",
                member.source,
                member.title,
                member.link.as_deref().unwrap_or("-"),
                member.rules.join(", ")
            ));
        }
        out.push('\n');
    }
    out
}

/// When an item happened, for the story window: its own date, so that a backfill, a replay or
/// a first run over months of items groups them as the live stream would have (five
/// quarters' results polled in one pass are five stories, not one); but never later than
/// when it was first seen, so that a wrong future date cannot hold a story open. An item
/// without a date happened when it was seen.
pub fn story_time(dated: Option<DateTime<Utc>>, seen: DateTime<Utc>) -> DateTime<Utc> {
    dated.map_or(seen, |at| at.min(seen))
}

fn member_of(item: &Item, concepts: &[String], scope: &[&str], now: DateTime<Utc>) -> Member {
    Member {
        key: member_key(&item.feed, &item.entry_id),
        canonical_link: item.canonical_link.clone(),
        fingerprint: Fingerprint::in_scope(&item.title, &item.summary, concepts, scope),
        at: story_time(item.published.or(item.updated), now),
    }
}

/// The index key of an item: unique across feeds.
pub fn member_key(feed: &str, entry_id: &str) -> String {
    format!("{feed}\u{0}{entry_id}")
}

/// The join threshold of a channel's story decision: the strictest (highest) of its rules'
/// thresholds; `None` when one of its rules does not cluster, and the channel decides no
/// story.
pub fn join_threshold(recipient: &Recipient<'_>) -> Option<f64> {
    recipient
        .rules
        .iter()
        .map(|n| {
            n.rule
                .cluster
                .map(|c| c.threshold.unwrap_or(DEFAULT_THRESHOLD))
        })
        .collect::<Option<Vec<f64>>>()
        .and_then(|thresholds| thresholds.into_iter().reduce(f64::max))
}

/// How the channel hears the story's follow-ups for an item that joins it; `None` when none
/// of its rules sends follow-ups.
fn follow_up(recipient: &Recipient<'_>) -> Option<FollowUp> {
    Some(FollowUp {
        severity: recipient.severity(),
        period: recipient.follow_up_period()?,
        digest: recipient.digest(),
        quiet: recipient.quiet(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Severity;
    use crate::rules::{Cluster, Notify, RuleInfo};

    fn rule(name: &str, cluster: Option<Option<f64>>) -> RuleInfo {
        RuleInfo {
            name: name.into(),
            severity: Severity::High,
            notify: vec![Notify {
                channel: "desk".into(),
                digest: None,
                quiet: None,
            }],
            cluster: cluster.map(|threshold| Cluster { threshold }),
            story_update: None,
            max_alerts: None,
        }
    }

    fn threshold(rules: &[RuleInfo]) -> Option<f64> {
        let matches: Vec<ItemMatch> = rules
            .iter()
            .map(|r| ItemMatch {
                rule: r.name.clone(),
                spans: Vec::new(),
            })
            .collect();
        join_threshold(&recipients(&matches, rules)[0])
    }

    #[test]
    fn a_channel_decides_with_the_strictest_threshold_only_if_every_rule_clusters() {
        assert_eq!(threshold(&[rule("a", Some(None))]), Some(DEFAULT_THRESHOLD));
        assert_eq!(
            threshold(&[rule("a", Some(Some(0.4))), rule("b", Some(None))]),
            Some(0.4f64.max(DEFAULT_THRESHOLD))
        );
        assert_eq!(
            threshold(&[rule("a", Some(Some(0.1))), rule("b", Some(Some(0.2)))]),
            Some(0.2)
        );
        assert_eq!(threshold(&[rule("a", Some(None)), rule("b", None)]), None);
    }
}
