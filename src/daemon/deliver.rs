//! The outbox worker: per channel, claim due entries, deliver them, and record the outcome:
//! delivered; a retry with exponential backoff and jitter (or the server's `Retry-After`); or
//! dead, at once for a permanent failure and after the give-up age for a transient one.
//!
//! Delivery runs beside polling, one task per channel, so a slow SMTP server never delays a
//! poll or another channel. Claims are leases: entries claimed by a process that died are
//! claimed again once the lease ends, so nothing is lost; at worst an alert whose delivery
//! was in flight at the crash is delivered twice, with the same id for the receiver to drop.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{Clock, Metrics, Shutdown, SystemClock, heap};
use crate::alert::channel::{Channel, DeliveryError};
use crate::alert::{Digest, OutboxBody};
use crate::config::DaemonConfig;
use crate::feed::schedule::backoff_delay;
use crate::store::{DeliveryResult, OutboxEntry, Queue, Store, StoreError};

/// The most alerts one digest message lists; more due at once make several digests.
const DIGEST_MAX_ALERTS: usize = 500;

/// Settings of the outbox worker.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    /// How long a claim holds an entry; longer than any one delivery can take.
    pub lease: Duration,
    /// A transient failure older than this is given up as dead.
    pub give_up: Duration,
    /// First retry delay; doubles per attempt up to `max_retry_delay`.
    pub retry_delay: Duration,
    pub max_retry_delay: Duration,
    /// Entries claimed at once.
    pub batch: usize,
    /// Deliveries in flight at once per channel.
    pub parallel: usize,
}

impl Default for DeliverySettings {
    fn default() -> DeliverySettings {
        DeliverySettings {
            lease: Duration::from_secs(120),
            give_up: Duration::from_secs(24 * 3600),
            retry_delay: Duration::from_secs(30),
            max_retry_delay: Duration::from_secs(3600),
            batch: 64,
            parallel: 16,
        }
    }
}

impl From<&DaemonConfig> for DeliverySettings {
    fn from(daemon: &DaemonConfig) -> DeliverySettings {
        DeliverySettings {
            give_up: daemon.alert_give_up,
            ..DeliverySettings::default()
        }
    }
}

/// Totals of deliveries, for `run --once` and logs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeliveryTotals {
    pub delivered: usize,
    pub retrying: usize,
    pub dead: usize,
}

/// Delivers outbox entries through the configured channels.
pub struct Deliverer<S> {
    store: Arc<S>,
    /// Rebuilt on reload; a delivery in flight keeps the channel it started with.
    channels: RwLock<HashMap<String, Arc<Channel>>>,
    settings: DeliverySettings,
    clock: Arc<dyn Clock>,
    rng: Mutex<StdRng>,
    /// Set at shutdown: deliveries in flight finish, no new one starts.
    stopping: AtomicBool,
    /// Where delivery outcomes are counted, if anywhere.
    metrics: Option<Arc<Metrics>>,
    /// Recorded with each claim ([`super::claims`]), so a restart can release the claims of
    /// this process once it is gone.
    owner: String,
}

impl<S: Store> Deliverer<S> {
    pub fn new(store: Arc<S>, channels: Vec<Channel>, settings: DeliverySettings) -> Deliverer<S> {
        Deliverer {
            store,
            channels: RwLock::new(by_name(channels)),
            settings,
            clock: Arc::new(SystemClock),
            rng: Mutex::new(StdRng::from_os_rng()),
            stopping: AtomicBool::new(false),
            metrics: None,
            owner: super::claims::this_process().to_string(),
        }
    }

    /// Counts each delivery's outcome by channel in `metrics`.
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Deliverer<S> {
        self.metrics = Some(metrics);
        self
    }

    /// Replaces the clock and seeds the jitter, for tests.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>, seed: u64) -> Deliverer<S> {
        self.clock = clock;
        self.rng = Mutex::new(StdRng::seed_from_u64(seed));
        self
    }

    fn channels(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<Channel>>> {
        self.channels.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Swaps in the channels of a reloaded config. Entries of a removed channel stay in the
    /// outbox, pending, until a config names it again.
    pub fn set_channels(&self, channels: Vec<Channel>) {
        *self.channels.write().unwrap_or_else(|e| e.into_inner()) = by_name(channels);
    }

    pub fn channel_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.channels().keys().cloned().collect();
        names.sort();
        names
    }

    /// Claims and delivers one batch of `channel`'s due entries; returns what happened.
    pub async fn deliver_due(&self, channel: &str) -> Result<DeliveryTotals, StoreError> {
        let mut totals = DeliveryTotals::default();
        self.deliver_due_into(channel, &mut totals).await?;
        Ok(totals)
    }

    /// [`Deliverer::deliver_due`], counting into `totals` as outcomes are recorded, so a caller
    /// that stops waiting half-way still knows what was delivered.
    async fn deliver_due_into(
        &self,
        channel: &str,
        totals: &mut DeliveryTotals,
    ) -> Result<(), StoreError> {
        let Some(held_channel) = self.channels().get(channel).cloned() else {
            return Ok(());
        };
        let sink = held_channel.as_ref();
        let now = self.clock.now();
        let entries = self
            .store
            .claim_due(
                channel,
                Queue::Immediate,
                now,
                self.settings.lease,
                self.settings.batch,
                &self.owner,
            )
            .await?;
        // Several deliveries in flight hide each one's round trips (SMTP is chatty, and a
        // remote webhook is a network away); each outcome is recorded as soon as it is known,
        // so a crash re-sends at most what was in flight. A paced channel sends one at a time.
        let pace = sink.pace();
        let parallel = if pace.is_some() {
            1
        } else {
            self.settings.parallel.max(1)
        };
        let mut outcomes = futures_util::stream::iter(entries)
            .map(|entry| async move {
                // Once the daemon stops, claimed entries not yet started go back to the queue
                // at once instead of waiting out their lease at the next start.
                if self.stopping.load(Ordering::Relaxed) {
                    return (entry, None);
                }
                let started = tokio::time::Instant::now();
                let result = self.attempt(sink, &entry).await;
                if let Some(pace) = pace {
                    tokio::time::sleep_until(started + pace).await;
                }
                (entry, Some(result))
            })
            .buffer_unordered(parallel);
        while let Some((entry, result)) = outcomes.next().await {
            let Some(result) = result else {
                let unclaimed = DeliveryResult::Retry {
                    at: self.clock.now(),
                    error: "not attempted: the daemon was stopping".into(),
                };
                self.store
                    .finish_delivery(&entry.id, &unclaimed, self.clock.now())
                    .await?;
                continue;
            };
            self.tally(channel, &result, totals);
            self.store
                .finish_delivery(&entry.id, &result, self.clock.now())
                .await?;
        }
        drop(outcomes);
        if self.stopping.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Held alerts whose period has ended go out together, as one message.
        let held = self
            .store
            .claim_due(
                channel,
                Queue::Digest,
                self.clock.now(),
                self.settings.lease,
                DIGEST_MAX_ALERTS,
                &self.owner,
            )
            .await?;
        if !held.is_empty() {
            let started = tokio::time::Instant::now();
            self.deliver_digest(sink, held, totals).await?;
            if let Some(pace) = pace {
                tokio::time::sleep_until(started + pace).await;
            }
        }
        Ok(())
    }

    /// Sends `entries` as one digest and records the one outcome for each of them, so they
    /// stay together: retried together, or delivered together.
    async fn deliver_digest(
        &self,
        channel: &Channel,
        entries: Vec<OutboxEntry>,
        totals: &mut DeliveryTotals,
    ) -> Result<(), StoreError> {
        let mut alerts = Vec::with_capacity(entries.len());
        let mut updates = Vec::new();
        let mut notes = Vec::new();
        let mut held = Vec::with_capacity(entries.len());
        for entry in entries {
            let body = OutboxBody::parse(&entry.body);
            if body.is_ok() && !entry.hold.is_empty() {
                notes.push(entry.hold.clone());
            }
            match body {
                Ok(OutboxBody::Alert(alert)) => {
                    alerts.push(alert);
                    held.push(entry);
                }
                Ok(OutboxBody::StoryUpdate(update)) => {
                    updates.push(update);
                    held.push(entry);
                }
                Err(error) => {
                    let dead = DeliveryResult::Dead {
                        error: format!("unreadable alert in the outbox: {error}"),
                    };
                    self.tally(&channel.name, &dead, totals);
                    self.store
                        .finish_delivery(&entry.id, &dead, self.clock.now())
                        .await?;
                }
            }
        }
        // The youngest entry decides when to give up, so no alert is given up before its time.
        let Some(youngest) = held.iter().max_by_key(|e| e.created_at) else {
            return Ok(());
        };
        let digest = Digest::with(alerts, updates, notes, self.clock.now());
        let outcome = channel.deliver_digest(&digest).await;
        let now = self.clock.now();
        let result = match outcome {
            Ok(delivered) => {
                tracing::info!(channel = %channel.name, digest_id = %digest.id, alerts = held.len(), answer = %delivered.answer, "digest delivered");
                DeliveryResult::Delivered
            }
            Err(DeliveryError::Permanent { message }) => {
                tracing::error!(channel = %channel.name, digest_id = %digest.id, alerts = held.len(), error = %message, "digest dead: permanent failure");
                DeliveryResult::Dead { error: message }
            }
            Err(DeliveryError::Transient {
                message,
                retry_after,
            }) => self.retry_or_give_up(
                youngest,
                now,
                message,
                retry_after.map(|r| r.delay_from(now)),
            ),
        };
        for entry in &held {
            self.tally(&channel.name, &result, totals);
            self.store.finish_delivery(&entry.id, &result, now).await?;
        }
        Ok(())
    }

    /// Counts one alert's outcome in `totals` and in the metrics.
    fn tally(&self, channel: &str, result: &DeliveryResult, totals: &mut DeliveryTotals) {
        match result {
            DeliveryResult::Delivered => totals.delivered += 1,
            DeliveryResult::Retry { .. } => totals.retrying += 1,
            DeliveryResult::Dead { .. } => totals.dead += 1,
        }
        if let Some(metrics) = &self.metrics {
            metrics.delivery(channel, result);
        }
    }

    async fn attempt(&self, channel: &Channel, entry: &OutboxEntry) -> DeliveryResult {
        let (outcome, rule) = match OutboxBody::parse(&entry.body) {
            Ok(OutboxBody::Alert(alert)) => {
                (channel.deliver(&alert, &entry.body).await, alert.rule)
            }
            Ok(OutboxBody::StoryUpdate(update)) => (
                channel.deliver_update(&update, &entry.body).await,
                update.rule,
            ),
            Err(error) => {
                return DeliveryResult::Dead {
                    error: format!("unreadable alert in the outbox: {error}"),
                };
            }
        };
        let now = self.clock.now();
        match outcome {
            Ok(delivered) => {
                tracing::info!(channel = %entry.channel, alert_id = %entry.id, rule = %rule, answer = %delivered.answer, "alert delivered");
                DeliveryResult::Delivered
            }
            Err(DeliveryError::Permanent { message }) => {
                tracing::error!(channel = %entry.channel, alert_id = %entry.id, error = %message, "alert dead: permanent failure");
                DeliveryResult::Dead { error: message }
            }
            Err(DeliveryError::Transient {
                message,
                retry_after,
            }) => {
                self.retry_or_give_up(entry, now, message, retry_after.map(|r| r.delay_from(now)))
            }
        }
    }

    fn retry_or_give_up(
        &self,
        entry: &OutboxEntry,
        now: DateTime<Utc>,
        error: String,
        retry_after: Option<Duration>,
    ) -> DeliveryResult {
        let age = (now - entry.created_at).to_std().unwrap_or_default();
        if age >= self.settings.give_up {
            tracing::error!(channel = %entry.channel, alert_id = %entry.id, error = %error, "alert dead: gave up after transient failures");
            return DeliveryResult::Dead {
                error: format!("gave up after {} attempts: {error}", entry.attempts),
            };
        }
        let jitter = self
            .rng
            .lock()
            .map(|mut r| r.random::<f64>())
            .unwrap_or(0.5);
        let backoff = backoff_delay(
            entry.attempts,
            self.settings.retry_delay,
            self.settings.max_retry_delay,
            jitter,
        );
        let delay = retry_after.map_or(backoff, |wait| {
            wait.min(self.settings.give_up).max(backoff.min(wait))
        });
        let at = now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
        tracing::warn!(channel = %entry.channel, alert_id = %entry.id, error = %error, attempts = entry.attempts, retry_in_s = delay.as_secs(), "delivery failed; will retry");
        DeliveryResult::Retry { at, error }
    }

    /// Delivers whatever is due on every channel until nothing is due now or `limit` has
    /// passed (for `run --once`); entries waiting for a retry stay pending. The limit is
    /// checked between batches: a batch in flight is finished and its outcomes recorded (each
    /// attempt is bounded by the channel's timeout), since abandoning it would leave messages
    /// the receiver accepted claimed but unrecorded, to be sent again by the next run.
    pub async fn drain(&self, limit: Duration) -> Result<DeliveryTotals, StoreError> {
        let deadline = tokio::time::Instant::now() + limit;
        let mut totals = DeliveryTotals::default();
        for name in self.channel_names() {
            while tokio::time::Instant::now() < deadline {
                let before = totals;
                self.deliver_due_into(&name, &mut totals).await?;
                if totals == before {
                    break;
                }
            }
        }
        Ok(totals)
    }

    /// The daemon's delivery loop: one task per channel until shutdown. A reload that adds a
    /// channel gets it a task within a second; a removed channel's task ends.
    pub async fn run(self: Arc<Self>, shutdown: Shutdown) {
        const LOOK_FOR_NEW_CHANNELS: Duration = Duration::from_secs(1);
        let mut tasks = tokio::task::JoinSet::new();
        let mut running: HashMap<String, tokio::task::AbortHandle> = HashMap::new();
        let mut stop = shutdown.clone();
        loop {
            running.retain(|_, task| !task.is_finished());
            for name in self.channel_names() {
                if let std::collections::hash_map::Entry::Vacant(slot) = running.entry(name) {
                    let name = slot.key().clone();
                    let task = Arc::clone(&self).channel_loop(name, shutdown.clone());
                    slot.insert(tasks.spawn(task));
                }
            }
            tokio::select! {
                _ = stop.wait() => {
                    self.stopping.store(true, Ordering::Relaxed);
                    break;
                }
                _ = tokio::time::sleep(LOOK_FOR_NEW_CHANNELS) => {}
                Some(_) = tasks.join_next() => {}
            }
        }
        while tasks.join_next().await.is_some() {}
    }

    async fn channel_loop(self: Arc<Self>, name: String, mut shutdown: Shutdown) {
        // Whether the last pass delivered anything: the first idle pass after work trims the heap.
        let mut was_working = false;
        loop {
            if shutdown.is_triggered() || !self.channels().contains_key(&name) {
                break;
            }
            let worked = match self.deliver_due(&name).await {
                Ok(t) => t.delivered + t.dead + t.retrying > 0,
                Err(error) => {
                    tracing::error!(channel = %name, error = %error, "outbox unavailable");
                    false
                }
            };
            if worked {
                was_working = true;
                continue;
            }
            if std::mem::take(&mut was_working) {
                heap::release_freed_memory();
            }
            let wait = self.idle_wait(&name).await;
            tokio::select! {
                _ = shutdown.wait() => break,
                _ = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// How long a channel with nothing due sleeps: until its next entry is due, but never long,
    /// since polls add new entries at any moment.
    async fn idle_wait(&self, channel: &str) -> Duration {
        const POLL_OUTBOX_EVERY: Duration = Duration::from_secs(1);
        match self.store.next_due(channel).await {
            Ok(Some(at)) => (at - self.clock.now())
                .to_std()
                .unwrap_or_default()
                .clamp(Duration::from_millis(50), POLL_OUTBOX_EVERY),
            _ => POLL_OUTBOX_EVERY,
        }
    }
}

fn by_name(channels: Vec<Channel>) -> HashMap<String, Arc<Channel>> {
    channels
        .into_iter()
        .map(|c| (c.name.clone(), Arc::new(c)))
        .collect()
}
