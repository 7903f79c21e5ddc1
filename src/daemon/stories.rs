//! The daemon's side of stories: one [`StoryIndex`] of recent story members for every
//! clustering rule, rebuilt from the store at start, consulted by each poll for its new
//! matched items and kept in step with what the poll commits.
//!
//! The index sits behind one async lock that a poll holds from its first decision to its
//! commit: two feeds carrying the same story at the same moment are decided one after the
//! other, so the second joins the first's story instead of opening its own.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{Mutex, MutexGuard};

use crate::alert::{article_key, story_id};
use crate::config::Config;
use crate::feed::Item;
use crate::rules::{ItemMatch, RuleInfo, RuleSet};
use crate::store::{Store, StoreError, StoryDecision, StoryRole, StorySummary, UpdateTarget};
use crate::story::{Concepts, DEFAULT_THRESHOLD, Fingerprint, Member, StoryIndex, outlet};

/// The story index and what fingerprints need, shared by every poll.
pub struct Stories {
    index: Mutex<StoryIndex>,
    window: Duration,
    /// The config's entities, swapped on reload.
    concepts: RwLock<Arc<Concepts>>,
}

/// Items a poll put in the index, so a failed commit can take them out again.
#[derive(Debug, Default)]
pub struct Tentative {
    inserted: Vec<(String, String)>,
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
            let scope = concepts.scope_words(matched.iter().filter(|m| m.rule == stored.rule));
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
            index.insert(&stored.rule, &stored.story, member);
        }
        Ok(count)
    }

    pub async fn lock(&self) -> MutexGuard<'_, StoryIndex> {
        self.index.lock().await
    }

    /// Decides the story of a new, alertable `item` for each clustering rule it matched, and
    /// puts it in the index (recorded in `tentative`).
    pub fn decide(
        &self,
        index: &mut StoryIndex,
        rules: &RuleSet,
        item: &Item,
        matches: &[ItemMatch],
        now: DateTime<Utc>,
        tentative: &mut Tentative,
    ) -> Vec<StoryDecision> {
        let clustering: Vec<&RuleInfo> = matches
            .iter()
            .filter_map(|m| rules.rules().iter().find(|r| r.name == m.rule))
            .filter(|r| r.cluster.is_some())
            .collect();
        if clustering.is_empty() {
            return Vec::new();
        }
        let entities = self.concepts();
        let concepts = entities.of(item);
        let key = member_key(&item.feed, &item.entry_id);
        let source = outlet(&item.title, item.canonical_link.as_deref(), &item.feed);
        let mut decisions = Vec::with_capacity(clustering.len());
        for rule in clustering {
            let scope = entities.scope_words(matches.iter().filter(|m| m.rule == rule.name));
            let scope: Vec<&str> = scope.iter().map(String::as_str).collect();
            let member = Member {
                key: key.clone(),
                canonical_link: item.canonical_link.clone(),
                fingerprint: Fingerprint::in_scope(&item.title, &item.summary, &concepts, &scope),
                at: story_time(item.published.or(item.updated), now),
            };
            let threshold = rule
                .cluster
                .and_then(|c| c.threshold)
                .unwrap_or(DEFAULT_THRESHOLD);
            let (story, role) = match index.find(&rule.name, &member, threshold) {
                Some(found) => (
                    found.story,
                    StoryRole::Join {
                        similarity: found.similarity,
                        updates: update_targets(rule),
                    },
                ),
                None => {
                    let article = article_key(item);
                    (story_id(&rule.name, &article), StoryRole::Lead { article })
                }
            };
            index.insert(&rule.name, &story, member);
            tentative.inserted.push((rule.name.clone(), key.clone()));
            decisions.push(StoryDecision {
                rule: rule.name.clone(),
                story,
                source: source.clone(),
                concepts: concepts.clone(),
                role,
            });
        }
        decisions
    }

    /// Takes a failed poll's members out of the index again.
    pub fn undo(index: &mut StoryIndex, tentative: Tentative) {
        for (rule, key) in tentative.inserted {
            index.remove(&rule, &key);
        }
    }

    /// Drops members older than the window.
    pub async fn expire(&self, now: DateTime<Utc>) -> usize {
        let before =
            now - chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::days(2));
        self.index.lock().await.expire(before)
    }
}

/// `newswatch stories` as text: each story with its outlets, then its items, the lead first.
pub fn render_table(stories: &[StorySummary]) -> String {
    if stories.is_empty() {
        return "no stories in that time\n".to_string();
    }
    let mut out = String::new();
    for story in stories {
        let items = story.members.len();
        out.push_str(&format!(
            "{}  {}  {} item{}, {} outlet{}  {} .. {}\n  {}\n  outlets: {}\n",
            story.id,
            story.rule,
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
                "    {how:>5}  {:<20}  {}  {}\n",
                member.source,
                member.title,
                member.link.as_deref().unwrap_or("-")
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

/// The index key of an item: unique across feeds.
pub fn member_key(feed: &str, entry_id: &str) -> String {
    format!("{feed}\u{0}{entry_id}")
}

/// The channels that hear `rule`'s story follow-ups; none when it sends none.
fn update_targets(rule: &RuleInfo) -> Vec<UpdateTarget> {
    let Some(period) = rule.story_update else {
        return Vec::new();
    };
    rule.notify
        .iter()
        .map(|notify| UpdateTarget {
            channel: notify.channel.clone(),
            severity: rule.severity,
            period,
            digest: notify.digest,
            quiet: notify.quiet,
        })
        .collect()
}
