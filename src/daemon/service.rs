//! Talking to the service manager (systemd's `sd_notify` protocol): `READY=1` once the daemon
//! polls, `WATCHDOG=1` from the scheduler loop itself (so systemd restarts a hung scheduler,
//! not merely a dead process), `RELOADING=1` around a reload, `STOPPING=1` on shutdown, and a
//! one-line `STATUS=` summary. Without `NOTIFY_SOCKET` (not under systemd, or in tests) every
//! call is a no-op.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sd_notify::NotifyState;

use super::vitals::Vitals;
use crate::store::{Health, Store, StoreError};

pub struct Service {
    vitals: Arc<Vitals>,
    /// Whether `NOTIFY_SOCKET` names a service manager to talk to; fixed at start.
    managed: bool,
    /// `WATCHDOG_USEC`: systemd restarts us if no ping arrives within it.
    watchdog: Option<Duration>,
    last_ping: Mutex<Option<Instant>>,
}

impl Service {
    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` (and `WATCHDOG_PID`) from the environment.
    pub fn from_env(vitals: Arc<Vitals>) -> Service {
        Service {
            vitals,
            managed: std::env::var_os("NOTIFY_SOCKET").is_some(),
            watchdog: sd_notify::watchdog_enabled(),
            last_ping: Mutex::new(None),
        }
    }

    /// Whether a service manager listens, so that a `STATUS=` line is worth computing.
    pub fn is_managed(&self) -> bool {
        self.managed
    }

    pub fn vitals(&self) -> &Arc<Vitals> {
        &self.vitals
    }

    /// The longest the scheduler may sleep between beats: a quarter of the watchdog period
    /// leaves room for a slow pass, a busy machine and a late timer.
    pub fn longest_sleep(&self, otherwise: Duration) -> Duration {
        self.watchdog.map_or(otherwise, |w| (w / 4).min(otherwise))
    }

    /// One pass of the scheduler loop: it is alive.
    pub fn heartbeat(&self) {
        self.vitals.beat();
        let Some(watchdog) = self.watchdog else {
            return;
        };
        let mut last = self.last_ping.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_none_or(|at| at.elapsed() >= watchdog / 4) {
            send(&[NotifyState::Watchdog]);
            *last = Some(Instant::now());
        }
    }

    pub fn ready(&self) {
        send(&[NotifyState::Ready]);
    }

    /// Systemd 253 and later need the monotonic time with `RELOADING=1`.
    pub fn reloading(&self) {
        match NotifyState::monotonic_usec_now() {
            Ok(now) => send(&[NotifyState::Reloading, now]),
            Err(_) => send(&[NotifyState::Reloading]),
        }
    }

    pub fn stopping(&self) {
        send(&[NotifyState::Stopping]);
    }

    pub fn status(&self, line: &str) {
        send(&[NotifyState::Status(line)]);
    }
}

fn send(states: &[NotifyState<'_>]) {
    if let Err(error) = sd_notify::notify(states) {
        tracing::warn!(error = %error, "cannot notify the service manager");
    }
}

/// The `STATUS=` line: `12 feeds: 11 ok, 1 failing; alerts: 3 pending, 0 dead`, and why the
/// config on disk is not running, if a reload was refused.
pub async fn status_line<S: Store>(
    store: &S,
    vitals: &Vitals,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let feeds = store.feed_states().await?;
    let count = |health: Health| feeds.iter().filter(|f| f.health() == health).count();
    let outbox = store.outbox_counts(now).await?;
    let pending: u64 = outbox.iter().map(|c| c.pending).sum();
    let dead: u64 = outbox.iter().map(|c| c.dead).sum();
    let mut line = format!(
        "{} feeds: {} ok, {} failing",
        feeds.len(),
        count(Health::Ok),
        count(Health::Failing)
    );
    for (health, name) in [
        (Health::Suspicious, "suspicious"),
        (Health::Gone, "gone"),
        (Health::New, "new"),
    ] {
        let n = count(health);
        if n > 0 {
            line.push_str(&format!(", {n} {name}"));
        }
    }
    line.push_str(&format!("; alerts: {pending} pending, {dead} dead"));
    if let Some(error) = vitals.config_error() {
        let first = error.lines().next().unwrap_or_default();
        line.push_str(&format!(
            "; config reload FAILED, old config running: {first}"
        ));
    }
    Ok(line)
}
