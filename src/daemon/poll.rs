//! One poll of one feed, the daemon's unit of work: fetch, parse, decide which items are new and
//! may alert, then record everything in ONE store transaction together with the feed's next
//! poll time. A poll dropped before that commit leaves no trace.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use tokio::sync::MutexGuard;

use super::metrics::Metrics;
use super::stories::{Stories, Tentative};
use super::turns::Turn;
use crate::alert::{ChannelStory, OutboxAlert, Related, StoryLead, alert_id, alerts_for};
use crate::config::{DaemonConfig, FeedConfig};
use crate::feed::fetch::{FetchError, FetchRequest, Fetched, Fetcher, RetryAfter};
use crate::feed::filer::name_filer;
use crate::feed::parse::parse_feed;
use crate::feed::redact::{has_secrets, link_base, redact_url, scrub_secrets};
use crate::feed::rhythm::{self, Rhythm};
use crate::feed::{Item, ParsedFeed, schedule};
use crate::rules::{ItemMatch, RuleSet};
use crate::store::{FeedState, PolledItem, Store, StoreError, StoryDecision, StoryRole};
use crate::story::StoryIndex;

/// The source of "now", injected so tests can place polls in time without sleeping.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// How much older than the rhythm's last look a new item's date may be and still count as a
/// publication: feeds that date items when written and publish them later are late by this.
const PUBLICATION_LAG: chrono::Duration = chrono::Duration::days(2);

/// The longest a poll waits for its document to be parsed and matched. `max_body` alone does
/// not bound that time: a well-formed 10 MiB feed parses in seconds, but some malformed ones
/// take time quadratic in their size in the repair layer (minutes at 10 MiB; figures in
/// docs/RELIABILITY.md).
pub const PARSE_TIMEOUT: Duration = Duration::from_secs(30);

/// The `last_error` of a feed whose last poll read a document cut short. The poll succeeded, and
/// the store has no field of its own for this: `status` knows it by this exact text and shows
/// it as a note, not an error.
pub(crate) const TRUNCATED_NOTE: &str = "the last document was cut short (it ended \
    mid-element): the entries complete before the cut were read, and the next poll fetches it \
    whole";

/// The daemon settings a poll needs, copied out of the config.
#[derive(Debug, Clone)]
pub struct PollSettings {
    pub new_feed_backlog: Duration,
    pub max_item_age: Duration,
    pub max_hint_delay: Duration,
    pub max_backoff: Duration,
    /// The adaptive schedule's price of a request ([`rhythm::Bounds::pivot`]).
    pub pivot_interval: Duration,
    /// [`PARSE_TIMEOUT`]; a field so tests can shorten it.
    pub parse_timeout: Duration,
    /// Record every item as seen without alerting (`run --once --catch-up`).
    pub catch_up: bool,
}

impl From<&DaemonConfig> for PollSettings {
    fn from(daemon: &DaemonConfig) -> PollSettings {
        PollSettings {
            new_feed_backlog: daemon.new_feed_backlog,
            max_item_age: daemon.max_item_age,
            max_hint_delay: daemon.max_hint_delay,
            max_backoff: daemon.max_backoff,
            pivot_interval: daemon.pivot_interval,
            parse_timeout: PARSE_TIMEOUT,
            catch_up: false,
        }
    }
}

/// How a poll ended.
#[derive(Debug, Clone, PartialEq)]
pub enum PollOutcome {
    /// The feed had a new document; `new_items` of its items were never seen before,
    /// `alertable` of those may alert, and `matches` (item, rule) pairs matched among them.
    Changed {
        new_items: usize,
        alertable: usize,
        matches: usize,
    },
    /// 304, an unchanged file, or a document with nothing new.
    NotModified,
    Failed {
        error: String,
    },
    /// 410: the feed is not polled again until its configured URL changes.
    Gone,
}

impl PollOutcome {
    /// The outcome as the `newswatch_polls_total` metric labels it.
    pub fn label(&self) -> &'static str {
        match self {
            PollOutcome::Changed { .. } => "changed",
            PollOutcome::NotModified => "not_modified",
            PollOutcome::Failed { .. } => "failed",
            PollOutcome::Gone => "gone",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PollReport {
    pub feed: String,
    pub outcome: PollOutcome,
    /// When the feed is due again; `None` once it is gone.
    pub next_poll_at: Option<DateTime<Utc>>,
    /// New matched items that would have alerted but for `catch_up`.
    pub caught_up: usize,
}

/// Polls feeds against one store. Shared by every poll task of the daemon.
pub struct Poller<S> {
    store: Arc<S>,
    /// Compiled once per config load; a reload swaps in the new set, which the next poll of
    /// each feed uses (a poll in flight finishes with the set it started with).
    rules: RwLock<Arc<RuleSet>>,
    fetcher: Fetcher,
    settings: PollSettings,
    clock: Arc<dyn Clock>,
    hosts: HostGate,
    /// Jitter draws for backoff; seeded in tests so delays are reproducible.
    rng: Mutex<StdRng>,
    /// Where polls are counted, if anywhere.
    metrics: Option<Arc<Metrics>>,
    /// Story clustering; without it every match alerts.
    stories: Option<Arc<Stories>>,
}

impl<S: Store> Poller<S> {
    pub fn new(
        store: Arc<S>,
        rules: Arc<RuleSet>,
        fetcher: Fetcher,
        settings: PollSettings,
    ) -> Poller<S> {
        Poller {
            store,
            rules: RwLock::new(rules),
            fetcher,
            settings,
            clock: Arc::new(SystemClock),
            hosts: HostGate::default(),
            rng: Mutex::new(StdRng::from_os_rng()),
            metrics: None,
            stories: None,
        }
    }

    /// Groups the matches of clustering rules into stories (see [`Stories`]).
    pub fn with_stories(mut self, stories: Arc<Stories>) -> Poller<S> {
        self.stories = Some(stories);
        self
    }

    pub fn stories(&self) -> Option<&Arc<Stories>> {
        self.stories.as_ref()
    }

    /// Counts polls, fetches, new items and matches in `metrics`.
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Poller<S> {
        self.metrics = Some(metrics);
        self
    }

    /// Replaces the clock and seeds the jitter, for tests.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>, seed: u64) -> Poller<S> {
        self.clock = clock;
        self.rng = Mutex::new(StdRng::seed_from_u64(seed));
        self
    }

    pub fn store(&self) -> &Arc<S> {
        &self.store
    }

    /// The rules polls match against now.
    pub fn rules(&self) -> Arc<RuleSet> {
        Arc::clone(&self.rules.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Swaps in reloaded rules.
    pub fn set_rules(&self, rules: Arc<RuleSet>) {
        *self.rules.write().unwrap_or_else(|e| e.into_inner()) = rules;
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Polls `feed` once, starting from its stored `state`, and records the result.
    pub async fn poll_feed(
        &self,
        feed: &FeedConfig,
        state: FeedState,
    ) -> Result<PollReport, StoreError> {
        self.poll_feed_in_turn(feed, state, None).await
    }

    /// [`poll_feed`](Self::poll_feed) that decides its stories and commits only on `turn`
    /// (see [`Turns`](super::turns::Turns)), so that a pass gives the same stories whichever
    /// fetch finishes first.
    pub async fn poll_feed_in_turn(
        &self,
        feed: &FeedConfig,
        state: FeedState,
        turn: Option<Turn>,
    ) -> Result<PollReport, StoreError> {
        let report = self.fetch_and_record(feed, state, turn).await?;
        if let Some(metrics) = &self.metrics {
            metrics.polled(&feed.name, report.outcome.label());
        }
        Ok(report)
    }

    async fn fetch_and_record(
        &self,
        feed: &FeedConfig,
        mut state: FeedState,
        // Held to the end: dropping it lets the next turn go.
        turn: Option<Turn>,
    ) -> Result<PollReport, StoreError> {
        state.last_attempt_at = Some(self.clock.now());
        let mut url = request_url(feed, &state).to_string();
        let fetched = {
            // Only the request holds the host's slot; parsing runs without it.
            let _slot = self.hosts.acquire(&url).await;
            let started = std::time::Instant::now();
            let fetched = self
                .fetcher
                .fetch(FetchRequest {
                    url: &url,
                    etag: state.etag.as_deref(),
                    last_modified: state.last_modified.as_deref(),
                    headers: &feed.headers,
                    allow_private: feed.allow_private,
                })
                .await;
            if let Some(metrics) = &self.metrics {
                metrics.fetched(&feed.name, started.elapsed(), fetched.as_ref());
            }
            fetched
        };
        let mut fetched = match fetched {
            Ok(fetched) => fetched,
            Err(error) => return self.record_failure(feed, state, error).await,
        };
        if let Some(moved_to) = fetched.moved_to.take() {
            if has_secrets(&moved_to) {
                // Stored, the new URL would put the credentials in the database: the redirect
                // is followed again on every poll instead.
                tracing::info!(feed = %feed.name, from = %state.url, to = %redact_url(&moved_to), "feed moved permanently; the new URL carries credentials, which are not stored: put it in the config to skip the redirect");
            } else {
                tracing::info!(feed = %feed.name, from = %state.url, to = %moved_to, "feed moved permanently");
                state.url = moved_to.clone();
            }
            url = moved_to;
        }
        let Some(body) = fetched.body.take() else {
            return self.record_unchanged(feed, state, &fetched).await;
        };
        let content_type = fetched.content_type.clone();
        let base_url = link_base(&url);
        let rules = self.rules();
        let rules_now = Arc::clone(&rules);
        let scope = feed.clone();
        // Parsing and matching a large feed take milliseconds of CPU: keep them off the async
        // workers. Every item is matched, not only new ones, because which items are new is
        // settled inside the store transaction; matching is cheap next to parsing.
        let parse = tokio::task::spawn_blocking(move || {
            let mut parsed =
                parse_feed(&scope.name, &body, content_type.as_deref(), Some(&base_url))
                    .map_err(|e| format!("cannot parse feed: {e}"))?;
            // Before matching: a rule on the filer's name sees it, and so does the subject.
            name_filer(parsed.title.as_deref(), &scope.name, &mut parsed.items);
            let matches: Vec<Vec<ItemMatch>> = parsed
                .items
                .iter()
                .map(|item| rules.match_item(item, Some(&scope)))
                .collect();
            Ok::<_, String>((parsed, matches))
        });
        // A blocking thread cannot be cancelled: past the limit the poll fails and is retried
        // with backoff, while the thread runs on to its end in the background. The backoff
        // keeps a document that always takes this long from tying up many threads.
        let limit = self.settings.parse_timeout;
        let parsed = match tokio::time::timeout(limit, parse).await {
            Ok(joined) => joined.unwrap_or_else(|join| Err(format!("parser crashed: {join}"))),
            Err(_elapsed) => Err(format!(
                "parsing and matching took longer than {limit:?}; abandoned"
            )),
        };
        let (parsed, matches) = match parsed {
            Ok(parsed) => parsed,
            Err(message) => {
                let failure = PollFailure::unusable(message, fetched.status);
                return self.record_failure(feed, state, failure).await;
            }
        };
        let now = self.clock.now();
        let first_poll = state.last_success_at.is_none();
        let mut alertable: Vec<bool> = parsed
            .items
            .iter()
            .map(|item| self.may_alert(item, first_poll, now))
            .collect();
        // Caught up: what would have alerted is recorded as seen, and counted for the summary.
        let mut would_alert: HashSet<&str> = HashSet::new();
        if self.settings.catch_up {
            for ((item, alertable), matches) in
                parsed.items.iter().zip(&mut alertable).zip(&matches)
            {
                if *alertable && !matches.is_empty() {
                    would_alert.insert(item.entry_id.as_str());
                }
                *alertable = false;
            }
        }
        if let Some(turn) = &turn {
            turn.wait().await;
        }
        let mut tentative = Tentative::default();
        let (decisions, mut index) = self
            .story_decisions(
                feed,
                &parsed.items,
                &matches,
                &alertable,
                &rules_now,
                now,
                &mut tentative,
            )
            .await?;
        let alerts = match self
            .alerts(
                &parsed.items,
                &matches,
                &alertable,
                &decisions,
                &rules_now,
                now,
            )
            .await
        {
            Ok(alerts) => alerts,
            Err(failure) => {
                if let Some(index) = index.as_mut() {
                    Stories::undo(index, tentative);
                }
                drop(index);
                return match failure {
                    AlertsFailure::Store(error) => Err(error),
                    AlertsFailure::Encode(error) => {
                        let message = format!("cannot encode alert: {error}");
                        let failure = PollFailure::unusable(message, fetched.status);
                        self.record_failure(feed, state, failure).await
                    }
                };
            }
        };
        let verdicts: Vec<PolledItem<'_>> = parsed
            .items
            .iter()
            .zip(&matches)
            .zip(&alertable)
            .zip(&alerts)
            .zip(&decisions)
            .map(
                |((((item, matches), alertable), alerts), stories)| PolledItem {
                    item,
                    alertable: *alertable,
                    matches,
                    alerts,
                    stories,
                },
            )
            .collect();
        let mut rhythm = self.rhythm_of(feed, &mut state).await?;
        let published = self
            .new_publications(feed, &rhythm, &parsed.items, now)
            .await?;
        rhythm.observe(now, &published);
        state.rhythm = Some(rhythm);
        self.mark_success(feed, &mut state, &fetched, now, Some(&parsed));
        let commit = self.store.record_poll(&state, &verdicts, now).await;
        if let (Err(_), Some(index)) = (&commit, index.as_mut()) {
            Stories::undo(index, tentative);
        }
        drop(index);
        let commit = commit?;
        if let Some(metrics) = &self.metrics {
            metrics.committed(&feed.name, &commit.new_items);
            if parsed.truncated {
                metrics.truncated(&feed.name);
            }
        }
        let alertable = commit.new_items.iter().filter(|i| i.alertable).count();
        let matched: usize = commit.new_items.iter().map(|i| i.matched_rules.len()).sum();
        tracing::info!(
            feed = %feed.name,
            status = ?fetched.status,
            items = parsed.items.len(),
            truncated = parsed.truncated,
            new = commit.new_items.len(),
            alertable,
            matches = matched,
            "polled"
        );
        for new in commit
            .new_items
            .iter()
            .filter(|i| !i.matched_rules.is_empty())
        {
            tracing::info!(feed = %feed.name, entry = %new.entry_id, rules = ?new.matched_rules, joined_stories = ?new.joined_stories, alertable = new.alertable, "matched");
        }
        let outcome = if commit.new_items.is_empty() {
            PollOutcome::NotModified
        } else {
            PollOutcome::Changed {
                new_items: commit.new_items.len(),
                alertable,
                matches: matched,
            }
        };
        let caught_up = commit
            .new_items
            .iter()
            .filter(|i| would_alert.contains(i.entry_id.as_str()))
            .count();
        Ok(PollReport {
            feed: feed.name.clone(),
            outcome,
            next_poll_at: Some(state.next_poll_at),
            caught_up,
        })
    }

    /// The alerts of each alertable item with matches, one per channel its rules notify,
    /// telling its story there and any story it is possibly related to.
    async fn alerts(
        &self,
        items: &[Item],
        matches: &[Vec<ItemMatch>],
        alertable: &[bool],
        decisions: &[Vec<StoryDecision>],
        rules: &RuleSet,
        now: DateTime<Utc>,
    ) -> Result<Vec<Vec<OutboxAlert>>, AlertsFailure> {
        let leads = self
            .near_story_leads(items, decisions)
            .await
            .map_err(AlertsFailure::Store)?;
        let mut alerts = Vec::with_capacity(items.len());
        for (((item, matches), alertable), decisions) in
            items.iter().zip(matches).zip(alertable).zip(decisions)
        {
            if !alertable || matches.is_empty() {
                alerts.push(Vec::new());
                continue;
            }
            let stories = channel_stories(decisions, &leads);
            alerts.push(
                alerts_for(item, matches, rules.rules(), &stories, now)
                    .map_err(AlertsFailure::Encode)?,
            );
        }
        Ok(alerts)
    }

    /// The first item and alert of each story that an item of this poll came close to without
    /// joining ("possibly related"): this poll's own leads, else the store's. The index is
    /// locked, so every story in it is either committed or this poll's.
    async fn near_story_leads(
        &self,
        items: &[Item],
        decisions: &[Vec<StoryDecision>],
    ) -> Result<HashMap<String, StoryLead>, StoreError> {
        let near: Vec<&str> = decisions
            .iter()
            .flatten()
            .filter_map(|d| match &d.role {
                StoryRole::Lead {
                    near: Some(near), ..
                } => Some(near.story.as_str()),
                _ => None,
            })
            .collect();
        let mut leads = HashMap::new();
        if near.is_empty() {
            return Ok(leads);
        }
        for (item, decisions) in items.iter().zip(decisions) {
            for decision in decisions {
                if matches!(decision.role, StoryRole::Lead { .. })
                    && near.contains(&decision.story.as_str())
                {
                    leads.insert(
                        decision.story.clone(),
                        StoryLead {
                            alert_id: alert_id(item, &decision.channel),
                            title: item.title.clone(),
                            link: item.link.clone(),
                            source: decision.source.clone(),
                        },
                    );
                }
            }
        }
        let stored: Vec<String> = near
            .iter()
            .filter(|story| !leads.contains_key(**story))
            .map(|story| story.to_string())
            .collect();
        if !stored.is_empty() {
            leads.extend(self.store.story_leads(&stored).await?);
        }
        Ok(leads)
    }

    /// The story decisions of each item (empty for most): only new, alertable items that
    /// matched rules of a channel that decides stories get one. The index stays locked,
    /// returned with them, until the poll is committed.
    #[allow(clippy::too_many_arguments)]
    async fn story_decisions(
        &self,
        feed: &FeedConfig,
        items: &[Item],
        matches: &[Vec<ItemMatch>],
        alertable: &[bool],
        rules: &RuleSet,
        now: DateTime<Utc>,
        tentative: &mut Tentative,
    ) -> Result<(Vec<Vec<StoryDecision>>, Option<MutexGuard<'_, StoryIndex>>), StoreError> {
        let mut decisions = vec![Vec::new(); items.len()];
        let Some(stories) = &self.stories else {
            return Ok((decisions, None));
        };
        let mut candidates: Vec<usize> = (0..items.len())
            .filter(|&i| alertable[i] && !matches[i].is_empty())
            .collect();
        // Oldest first, as they were published: the first report of a story leads it. Ties
        // go by entry id, not by place in the document, which a feed may shuffle.
        candidates.sort_by(|&a, &b| {
            let key = |i: usize| (items[i].published.or(items[i].updated), &items[i].entry_id);
            key(a).cmp(&key(b)).then(a.cmp(&b))
        });
        if candidates.is_empty() {
            return Ok((decisions, None));
        }
        let ids: Vec<&str> = candidates
            .iter()
            .map(|&i| items[i].entry_id.as_str())
            .collect();
        // Which items are new is settled for good in the commit; this feed is never polled
        // twice at once, so the answer cannot change before then.
        let known = self.store.known_entries(&feed.name, &ids).await?;
        let mut index = stories.lock().await;
        let mut decided = HashSet::new();
        for i in candidates {
            let item = &items[i];
            if known.contains(&item.entry_id) || !decided.insert(item.entry_id.as_str()) {
                continue;
            }
            decisions[i] = stories.decide(&mut index, rules, item, &matches[i], now, tentative);
        }
        Ok((decisions, Some(index)))
    }

    /// The feed's rhythm: the one its state was read with, else the stored one.
    async fn rhythm_of(
        &self,
        feed: &FeedConfig,
        state: &mut FeedState,
    ) -> Result<Rhythm, StoreError> {
        match state.rhythm.take() {
            Some(rhythm) => Ok(rhythm),
            None => self.store.feed_rhythm(&feed.name).await,
        }
    }

    /// When the items of this document that are new were published (the poll's time for one
    /// without a date), for the rhythm. On the rhythm's first look every item counts: the
    /// document is the feed's recent history. Later, only items the store does not know, among
    /// those dated after the last look less [`PUBLICATION_LAG`] or undated: that bounds the
    /// lookup, and an item dated before that is a late copy, not news of the feed's rhythm.
    async fn new_publications(
        &self,
        feed: &FeedConfig,
        rhythm: &Rhythm,
        items: &[Item],
        now: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let date = |item: &Item| item.published.or(item.updated);
        let Some(last_look) = rhythm.as_of() else {
            return Ok(items.iter().map(|i| date(i).unwrap_or(now)).collect());
        };
        let since = last_look - PUBLICATION_LAG;
        let candidates: Vec<&Item> = items
            .iter()
            .filter(|i| date(i).is_none_or(|d| d >= since))
            .collect();
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<&str> = candidates.iter().map(|i| i.entry_id.as_str()).collect();
        let known = self.store.known_entries(&feed.name, &ids).await?;
        let mut counted = HashSet::new();
        Ok(candidates
            .into_iter()
            .filter(|i| !known.contains(&i.entry_id) && counted.insert(i.entry_id.as_str()))
            .map(|i| date(i).unwrap_or(now))
            .collect())
    }

    /// The first-poll and age rules (`new_feed_backlog`, `max_item_age`: docs/CONFIGURATION.md).
    /// An item without any date cannot be placed in time: on a first poll it is backlog; later,
    /// being new in the feed is the best evidence we have.
    fn may_alert(&self, item: &Item, first_poll: bool, now: DateTime<Utc>) -> bool {
        let age = item
            .published
            .or(item.updated)
            .map(|t| (now - t).to_std().unwrap_or_default());
        let limit = if first_poll {
            self.settings.new_feed_backlog
        } else {
            self.settings.max_item_age
        };
        match age {
            Some(age) => age <= limit,
            None => !first_poll,
        }
    }

    fn mark_success(
        &self,
        feed: &FeedConfig,
        state: &mut FeedState,
        fetched: &Fetched,
        now: DateTime<Utc>,
        document: Option<&ParsedFeed>,
    ) {
        // `document` is `None` when nothing changed. A 304 may omit the validators; the ones
        // we sent stay valid then. A new document's validators always replace the old ones,
        // absent ones included.
        let modified = document.is_some();
        let ttl = document.and_then(|d| d.ttl);
        if let Some(document) = document {
            let entries = u32::try_from(document.items.len()).unwrap_or(u32::MAX);
            if entries == 0 && state.had_entries && state.last_entries != Some(0) {
                tracing::warn!(
                    feed = %feed.name,
                    url = %state.url,
                    "feed parsed with no entries after having had some: its format may have changed, or it serves an error page"
                );
            }
            state.last_entries = Some(entries);
            state.had_entries |= entries > 0;
        }
        // A document cut short must not be answered "not modified" next time: without
        // validators, the next poll fetches it whole.
        let truncated = document.is_some_and(|d| d.truncated);
        if fetched.etag.is_some() || modified {
            state.etag = fetched.etag.clone().filter(|_| !truncated);
        }
        if fetched.last_modified.is_some() || modified {
            state.last_modified = fetched.last_modified.clone().filter(|_| !truncated);
        }
        state.last_status = fetched.status;
        state.last_error = truncated.then(|| TRUNCATED_NOTE.to_owned());
        state.last_success_at = Some(now);
        state.consecutive_failures = 0;
        state.failing_since = None;
        let hint = feed
            .honor_cache_headers
            .then(|| fetched.max_age.max(ttl))
            .flatten();
        let bounds = rhythm::Bounds {
            min_interval: feed.min_interval,
            max_interval: feed.interval,
            pivot: self.settings.pivot_interval,
        };
        let hints = rhythm::Hints {
            window: state.last_entries,
            cache: hint,
            max_hint_delay: self.settings.max_hint_delay,
            jitter: self.jitter(),
        };
        let learned = state.rhythm.clone().unwrap_or_default();
        let delay = rhythm::next_delay(&learned, now, &bounds, &hints);
        state.next_poll_at = now + delay;
    }

    async fn record_unchanged(
        &self,
        feed: &FeedConfig,
        mut state: FeedState,
        fetched: &Fetched,
    ) -> Result<PollReport, StoreError> {
        let now = self.clock.now();
        // Nothing new is news too: time passed without a publication. A state read with every
        // other feed's (`run --once`) comes without its rhythm, and the 304 is the cheapest
        // poll there is: no read is added to it. The stored rhythm stays, losing nothing (the
        // next observation counts the time since the last), and the fixed interval places
        // the next poll, which `--once` does not use.
        if let Some(rhythm) = state.rhythm.as_mut() {
            rhythm.observe(now, &[]);
        }
        self.mark_success(feed, &mut state, fetched, now, None);
        self.store.record_feed_state(&state).await?;
        tracing::debug!(feed = %feed.name, status = ?fetched.status, "not modified");
        Ok(PollReport {
            feed: feed.name.clone(),
            outcome: PollOutcome::NotModified,
            next_poll_at: Some(state.next_poll_at),
            caught_up: 0,
        })
    }

    /// A jitter draw in `[0, 1)`.
    fn jitter(&self) -> f64 {
        self.rng
            .lock()
            .map(|mut rng| rng.random::<f64>())
            .unwrap_or(0.5)
    }

    async fn record_failure(
        &self,
        feed: &FeedConfig,
        mut state: FeedState,
        error: impl Into<PollFailure>,
    ) -> Result<PollReport, StoreError> {
        let now = self.clock.now();
        let mut failure: PollFailure = error.into();
        // Errors name URLs in their own words (a redirect target, a library's message).
        failure.message = scrub_secrets(&failure.message, &feed.url);
        state.last_status = failure.status;
        state.last_error = Some(failure.message.clone());
        if failure.gone {
            state.gone = true;
            self.store.record_feed_state(&state).await?;
            tracing::warn!(feed = %feed.name, url = %state.url, "feed is gone (HTTP 410); not polled until its URL changes");
            return Ok(PollReport {
                feed: feed.name.clone(),
                outcome: PollOutcome::Gone,
                next_poll_at: None,
                caught_up: 0,
            });
        }
        state.consecutive_failures = state.consecutive_failures.saturating_add(1);
        state.failing_since.get_or_insert(now);
        let jitter = self.jitter();
        let delay = schedule::delay_after_failure(
            state.consecutive_failures,
            feed.interval,
            self.settings.max_backoff,
            failure.retry_after.map(|r| r.delay_from(now)),
            jitter,
        );
        state.next_poll_at = now + delay;
        self.store.record_feed_state(&state).await?;
        tracing::warn!(
            feed = %feed.name,
            url = %state.url,
            error = %failure.message,
            failures = state.consecutive_failures,
            retry_in_s = delay.as_secs(),
            "poll failed"
        );
        Ok(PollReport {
            feed: feed.name.clone(),
            outcome: PollOutcome::Failed {
                error: failure.message,
            },
            next_poll_at: Some(state.next_poll_at),
            caught_up: 0,
        })
    }
}

/// Why a poll's alerts could not be made after its story decisions.
enum AlertsFailure {
    Store(StoreError),
    Encode(serde_json::Error),
}

/// The item's story on each channel that decided one, as its alert there tells it, with the
/// story it is possibly related to when `leads` knows that story's first item.
fn channel_stories(
    decisions: &[StoryDecision],
    leads: &HashMap<String, StoryLead>,
) -> Vec<ChannelStory> {
    decisions
        .iter()
        .map(|decision| ChannelStory {
            channel: decision.channel.clone(),
            story: decision.story.clone(),
            related: match &decision.role {
                StoryRole::Lead {
                    near: Some(near), ..
                } => leads.get(&near.story).map(|lead| Related {
                    story: near.story.clone(),
                    title: lead.title.clone(),
                    link: lead.link.clone(),
                    alert_id: lead.alert_id.clone(),
                    similarity: near.similarity,
                }),
                _ => None,
            },
        })
        .collect()
}

/// The URL to request for `feed`. The state keeps URLs only as shown, without credentials: one
/// with `***` in it is the config's URL, whose real text only the config holds. A URL a
/// permanent redirect led to never has credentials, so it is its own real text.
fn request_url<'a>(feed: &'a FeedConfig, state: &'a FeedState) -> &'a str {
    if has_secrets(&state.url) {
        &feed.url
    } else {
        &state.url
    }
}

/// Why a poll failed, in the terms the schedule needs.
struct PollFailure {
    message: String,
    status: Option<u16>,
    retry_after: Option<RetryAfter>,
    gone: bool,
}

impl From<FetchError> for PollFailure {
    fn from(error: FetchError) -> PollFailure {
        PollFailure {
            status: error.status(),
            retry_after: error.retry_after(),
            gone: matches!(error, FetchError::Gone),
            message: error.to_string(),
        }
    }
}

impl PollFailure {
    /// A document that was fetched (HTTP 200 or a file) but could not be used.
    fn unusable(message: String, status: Option<u16>) -> PollFailure {
        PollFailure {
            message,
            status,
            retry_after: None,
            gone: false,
        }
    }
}

/// At most one request in flight per host, so that a publisher's rate limit (the SEC allows 10
/// requests/s) holds however many of its feeds are configured.
#[derive(Default)]
struct HostGate {
    hosts: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl HostGate {
    async fn acquire(&self, url: &str) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        let host = url::Url::parse(url).ok().and_then(|u| {
            let host = u.host_str()?.to_ascii_lowercase();
            Some(format!("{host}:{}", u.port_or_known_default().unwrap_or(0)))
        })?;
        let slot = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(hosts.entry(host).or_default())
        };
        Some(slot.lock_owned().await)
    }
}
