//! The polling loop: each feed is due at its own next-poll time (no global tick that delays
//! every feed), polls run with bounded concurrency, and a shutdown stops new polls, gives
//! in-flight ones a grace period, then abandons them (their transactions roll back).
//!
//! The loop polls a due feed only under a claim in the store ([`Store::claim_feed`]), renewed
//! while the poll runs: of several nodes sharing a store, one polls it, and the others take its
//! new due time from the store. A node whose claim ran out and was taken has its result
//! refused at commit ([`StoreError::ClaimLost`]) and follows the store too. With one node the
//! claim is always granted, one cheap statement per poll.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

use super::claims::this_process;
use super::heap;
use super::poll::{PollOutcome, PollReport, Poller};
use super::service::Service;
use super::shutdown::Shutdown;
use super::turns::Turns;
use super::vitals::Vitals;
use crate::config::{Config, FeedConfig};
use crate::store::{FeedState, Store, StoreError};

/// How long in-flight polls may take to finish after a shutdown request.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// How often seen items past the retention period are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// The longest the loop sleeps without looking at the clock again, so a suspended machine or
/// a clock jump never leaves feeds waiting long.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// How long a claim on a feed lasts unless renewed: a node that dies while polling delays that
/// feed's poll by at most this. A poll renews its claim every third of it.
pub const FEED_LEASE: Duration = Duration::from_secs(60);

/// When to look again at a due feed this node could not claim because another holds it: its
/// poll ends with a new due time, or its lease runs out.
const CLAIMED_ELSEWHERE_RECHECK: Duration = Duration::from_secs(5);

/// Totals of one pass over the feeds (`run --once`).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CycleSummary {
    pub polled: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub gone: usize,
    /// Feeds left alone: already gone, or still backing off after failures.
    pub skipped: usize,
    /// Feeds with `paused = true`, not polled.
    pub paused: usize,
    pub new_items: usize,
    pub alertable: usize,
    /// (item, rule) pairs matched among the new items.
    pub matches: usize,
    /// New matched items recorded without alerting (`run --once --catch-up`).
    pub caught_up: usize,
}

impl CycleSummary {
    fn add(&mut self, outcome: &PollOutcome) {
        self.polled += 1;
        match outcome {
            PollOutcome::Changed {
                new_items,
                alertable,
                matches,
            } => {
                self.changed += 1;
                self.new_items += new_items;
                self.alertable += alertable;
                self.matches += matches;
            }
            PollOutcome::NotModified => self.unchanged += 1,
            PollOutcome::Failed { .. } => self.failed += 1,
            PollOutcome::Gone => self.gone += 1,
        }
    }
}

impl fmt::Display for CycleSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "polled {} feeds: {} changed, {} unchanged (304), {} failed",
            self.polled, self.changed, self.unchanged, self.failed
        )?;
        if self.gone > 0 {
            write!(f, ", {} gone", self.gone)?;
        }
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        if self.paused > 0 {
            write!(f, ", {} paused", self.paused)?;
        }
        write!(
            f,
            "; {} new items ({} may alert); {} matches",
            self.new_items, self.alertable, self.matches
        )?;
        if self.caught_up > 0 {
            write!(
                f,
                "; caught up: {} matched item{} recorded as seen without alerting",
                self.caught_up,
                if self.caught_up == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

/// Brings the store's rows of the feeds to poll (all but paused ones) in line with the config
/// and returns them by feed name. A paused feed's row stays as it was, as a removed feed's
/// does: unpaused, it carries on from its last poll.
pub async fn sync_feeds<S: Store>(
    store: &S,
    config: &Config,
) -> Result<HashMap<String, FeedState>, StoreError> {
    let feeds: Vec<(String, String)> = config
        .feeds
        .iter()
        .filter(|f| !f.paused)
        .map(|f| (f.name.clone(), f.url.clone()))
        .collect();
    let states = store.sync_feeds(&feeds).await?;
    Ok(states.into_iter().map(|s| (s.name.clone(), s)).collect())
}

/// Polls every feed once (except gone ones and ones still backing off) and waits for all.
pub async fn run_once<S: Store>(
    poller: Arc<Poller<S>>,
    config: &Config,
) -> Result<CycleSummary, StoreError> {
    let mut states = sync_feeds(poller.store().as_ref(), config).await?;
    let now = poller.now();
    let limit = Arc::new(Semaphore::new(config.daemon.concurrency.max(1)));
    let mut polls = JoinSet::new();
    let mut summary = CycleSummary::default();
    // Polls commit in the order of their feeds' names, not of the config or of whichever fetch
    // finishes first: the same documents make the same alerts and stories however they are
    // listed or served. Spawned in that order too, so a poll waiting for its turn never holds
    // a slot an earlier turn needs.
    let mut feeds: Vec<&FeedConfig> = config.feeds.iter().collect();
    feeds.sort_by(|a, b| a.name.cmp(&b.name));
    let turns = Turns::new();
    for (number, feed) in feeds.into_iter().enumerate() {
        let turn = turns.turn(number);
        if feed.paused {
            summary.paused += 1;
            continue;
        }
        let Some(state) = states.remove(&feed.name) else {
            continue;
        };
        // A cron-driven `run --once` must not hammer a server that asked us to back off.
        if state.gone || (state.consecutive_failures > 0 && state.next_poll_at > now) {
            summary.skipped += 1;
            continue;
        }
        // Taking the slot before spawning starts polls in turn order.
        let permit = Arc::clone(&limit).acquire_owned().await;
        let (poller, feed) = (Arc::clone(&poller), feed.clone());
        polls.spawn(async move {
            let _permit = permit;
            poller.poll_feed_in_turn(&feed, state, Some(turn)).await
        });
        // A finished task keeps its whole allocation (about 6 KiB, sized for the poll's
        // future) until it is joined: reaped as we go, 10,000 feeds do not hold 60 MiB.
        while let Some(joined) = polls.try_join_next() {
            count_poll(joined, &mut summary)?;
        }
    }
    while let Some(joined) = polls.join_next().await {
        count_poll(joined, &mut summary)?;
    }
    Ok(summary)
}

/// Adds one `run_once` poll's outcome to `summary`; a store failure ends the pass.
fn count_poll(
    joined: Result<Result<PollReport, StoreError>, tokio::task::JoinError>,
    summary: &mut CycleSummary,
) -> Result<(), StoreError> {
    match joined {
        Ok(Ok(report)) => {
            summary.add(&report.outcome);
            summary.caught_up += report.caught_up;
        }
        Ok(Err(error)) => return Err(error),
        Err(join) => {
            tracing::error!(error = %join, "poll task failed");
            summary.polled += 1;
            summary.failed += 1;
        }
    }
    Ok(())
}

/// The daemon's loop; returns when `shutdown` fires and in-flight polls are done or abandoned.
pub async fn run<S: Store>(
    poller: Arc<Poller<S>>,
    config: Arc<Config>,
    shutdown: Shutdown,
) -> Result<(), StoreError> {
    let (_keep, configs) = watch::channel(config);
    let service = Service::from_env(Arc::new(Vitals::default()));
    run_with(poller, configs, &service, shutdown).await
}

/// [`run`], following the config in `configs` (a reload sends a new one: new feeds start
/// polling, removed ones stop, and every feed's state is kept) and reporting to `service`.
pub async fn run_with<S: Store>(
    poller: Arc<Poller<S>>,
    mut configs: watch::Receiver<Arc<Config>>,
    service: &Service,
    mut shutdown: Shutdown,
) -> Result<(), StoreError> {
    let mut config = Arc::clone(&configs.borrow_and_update());
    let mut feeds = feeds_by_name(&config);
    // Feeds waiting for their time; a feed in flight or gone is absent.
    let mut due: HashMap<String, DateTime<Utc>> = HashMap::new();
    schedule_states(
        &mut due,
        sync_feeds(poller.store().as_ref(), &config).await?,
        &HashSet::new(),
    );
    let limit = Arc::new(Semaphore::new(config.daemon.concurrency.max(1)));
    let mut polls = JoinSet::new();
    let mut in_flight: HashMap<tokio::task::Id, String> = HashMap::new();
    let mut next_prune = poller.now();
    let mut following = true;
    tracing::info!(feeds = feeds.len(), "scheduler started");
    service.heartbeat();
    service.ready();

    loop {
        service.heartbeat();
        let now = poller.now();
        let ready: Vec<String> = due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(name, _)| name.clone())
            .collect();
        for name in ready {
            due.remove(&name);
            let Some(feed) = feeds.get(&name) else {
                continue;
            };
            let handle = polls.spawn(poll_with_limit(
                Arc::clone(&poller),
                Arc::clone(&limit),
                feed.clone(),
            ));
            in_flight.insert(handle.id(), name);
        }
        if now >= next_prune {
            prune(poller.store().as_ref(), config.daemon.retention, now).await;
            next_prune = now + PRUNE_EVERY;
        }
        let sleep = due
            .values()
            .min()
            .map(|at| (*at - now).to_std().unwrap_or_default())
            .unwrap_or(MAX_SLEEP)
            .min(service.longest_sleep(MAX_SLEEP));
        tokio::select! {
            _ = shutdown.wait() => break,
            changed = configs.changed(), if following => {
                if changed.is_err() {
                    // Nobody can send a new config any more: keep running this one.
                    following = false;
                    continue;
                }
                config = Arc::clone(&configs.borrow_and_update());
                feeds = feeds_by_name(&config);
                due.retain(|name, _| feeds.contains_key(name));
                let busy: HashSet<String> = in_flight.values().cloned().collect();
                let states = sync_feeds(poller.store().as_ref(), &config).await?;
                schedule_states(&mut due, states, &busy);
                tracing::info!(feeds = feeds.len(), "scheduler follows the reloaded config");
            }
            Some(joined) = polls.join_next_with_id() => {
                let (id, result) = match joined {
                    Ok((id, result)) => (id, Ok(result)),
                    Err(join) => (join.id(), Err(join)),
                };
                let Some(name) = in_flight.remove(&id) else { continue };
                if in_flight.is_empty() {
                    // The burst of polls is over: give back what it freed.
                    heap::release_freed_memory();
                }
                // A feed removed by a reload while it was polled is not scheduled again.
                let Some(feed) = feeds.get(&name) else { continue };
                let retry_at = poller.now() + feed.interval;
                match result {
                    Ok(Ok(Some(at))) => { due.insert(name, at); }
                    Ok(Ok(None)) => {}
                    Ok(Err(error)) => {
                        tracing::error!(feed = %name, error = %error, "cannot record poll; retrying after the interval");
                        due.insert(name, retry_at);
                    }
                    Err(join) => {
                        tracing::error!(feed = %name, error = %join, "poll task failed; retrying after the interval");
                        due.insert(name, retry_at);
                    }
                }
            }
            _ = tokio::time::sleep(sleep) => {}
        }
    }

    tracing::info!(in_flight = polls.len(), "stopping: no new polls");
    let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while polls.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            abandoned = polls.len(),
            "in-flight polls abandoned; their feeds are polled again at next start"
        );
        polls.shutdown().await;
    }
    Ok(())
}

/// The feeds the loop polls: every configured one but the paused.
fn feeds_by_name(config: &Config) -> HashMap<String, FeedConfig> {
    config
        .feeds
        .iter()
        .filter(|f| !f.paused)
        .map(|f| (f.name.clone(), f.clone()))
        .collect()
}

/// Puts each feed that is not gone, and not being polled now, on the schedule at its stored
/// next-poll time (a feed whose URL a reload changed is due at once: the store reset it).
fn schedule_states(
    due: &mut HashMap<String, DateTime<Utc>>,
    states: HashMap<String, FeedState>,
    busy: &HashSet<String>,
) {
    for (name, state) in states {
        if state.gone {
            due.remove(&name);
        } else if !busy.contains(&name) {
            due.insert(name, state.next_poll_at);
        }
    }
}

/// Polls `feed` once it has a slot, if this node can claim it; returns when the feed is due
/// next (`None`: gone). The claim makes a feed due on several nodes sharing a store polled by
/// one of them; the others see its new due time.
async fn poll_with_limit<S: Store>(
    poller: Arc<Poller<S>>,
    limit: Arc<Semaphore>,
    feed: FeedConfig,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    // The semaphore is never closed, so acquiring only waits.
    let _permit = limit.acquire_owned().await;
    // Claiming after the wait, not before, reads the state then: a long queue never polls
    // with stale validators, nor a feed another node polled meanwhile.
    let store = poller.store();
    let claimed = store
        .claim_feed(&feed.name, this_process(), poller.now(), FEED_LEASE)
        .await?;
    let Some(state) = claimed else {
        return due_again(poller.as_ref(), &feed).await;
    };
    let generation = state.claim.unwrap_or_default();
    // Boxed: the poll's state machine is about 6 KiB, and a task is as large as its future.
    // Every due feed is spawned at once and most of them wait for a permit above, so inline
    // it would cost 6 MiB at 1,000 feeds on every cycle, and glibc keeps what it once held.
    let mut poll = Box::pin(poller.poll_feed(&feed, state));
    let mut renew = tokio::time::interval(FEED_LEASE / 3);
    // The first tick is at once; the claim is fresh.
    renew.tick().await;
    let polled = loop {
        tokio::select! {
            polled = &mut poll => break polled,
            _ = renew.tick() => {
                match store.renew_feed_claim(&feed.name, generation, poller.now(), FEED_LEASE).await {
                    Ok(true) => {}
                    Ok(false) => tracing::warn!(feed = %feed.name, "this poll's claim on the feed ran out and was taken again; its result will not be recorded"),
                    Err(error) => tracing::warn!(feed = %feed.name, error = %error, "cannot renew the claim on the feed"),
                }
            }
        }
    };
    match polled {
        Ok(report) => Ok(report.next_poll_at),
        Err(StoreError::ClaimLost { .. }) => {
            tracing::warn!(feed = %feed.name, "poll result discarded: its claim ran out (this node was too slow or paused) and the feed was claimed again");
            due_again(poller.as_ref(), &feed).await
        }
        Err(error) => Err(error),
    }
}

/// When a feed this node did not poll is due, from the store: its next poll time if another
/// node polled it, else (another holds it now) a little later.
async fn due_again<S: Store>(
    poller: &Poller<S>,
    feed: &FeedConfig,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let now = poller.now();
    let state = poller.store().feed_state(&feed.name).await?;
    Ok(match state {
        Some(state) if state.gone => None,
        Some(state) if state.next_poll_at > now => Some(state.next_poll_at),
        _ => Some(now + CLAIMED_ELSEWHERE_RECHECK),
    })
}

async fn prune<S: Store>(store: &S, retention: Duration, now: DateTime<Utc>) {
    let Ok(retention) = chrono::Duration::from_std(retention) else {
        return;
    };
    match store.prune_items(now - retention).await {
        Ok(0) => {}
        Ok(pruned) => tracing::info!(pruned, "forgot items not seen within the retention period"),
        Err(error) => tracing::warn!(error = %error, "pruning seen items failed"),
    }
}
