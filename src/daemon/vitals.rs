//! The running daemon's vital signs, shared by whoever reports them: the scheduler beats once
//! per loop pass, reloads record their outcome, and systemd's watchdog, the `STATUS=` line and
//! the `/readyz` endpoint read them. Lock-free reads, so a report never waits on the loop.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Vitals {
    started: Instant,
    /// Milliseconds from `started` to the scheduler's last beat, plus one; 0 means never.
    last_beat: AtomicU64,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
    /// Why the last reload was refused, until a later one succeeds.
    config_error: Mutex<Option<String>>,
}

impl Default for Vitals {
    fn default() -> Vitals {
        Vitals {
            started: Instant::now(),
            last_beat: AtomicU64::new(0),
            reloads_ok: AtomicU64::new(0),
            reloads_failed: AtomicU64::new(0),
            config_error: Mutex::new(None),
        }
    }
}

impl Vitals {
    /// The scheduler is alive and looping.
    pub fn beat(&self) {
        let ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX - 1);
        self.last_beat.store(ms + 1, Ordering::Relaxed);
    }

    /// Time since the scheduler's last beat; `None` before the first.
    pub fn since_beat(&self) -> Option<Duration> {
        match self.last_beat.load(Ordering::Relaxed) {
            0 => None,
            beat => Some(
                self.started
                    .elapsed()
                    .saturating_sub(Duration::from_millis(beat - 1)),
            ),
        }
    }

    pub fn reload_succeeded(&self) {
        self.reloads_ok.fetch_add(1, Ordering::Relaxed);
        *self.config_error.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    pub fn reload_failed(&self, error: String) {
        self.reloads_failed.fetch_add(1, Ordering::Relaxed);
        *self.config_error.lock().unwrap_or_else(|e| e.into_inner()) = Some(error);
    }

    /// (succeeded, failed) reloads since start.
    pub fn reloads(&self) -> (u64, u64) {
        (
            self.reloads_ok.load(Ordering::Relaxed),
            self.reloads_failed.load(Ordering::Relaxed),
        )
    }

    /// Why the config on disk is not the one running, if it is not.
    pub fn config_error(&self) -> Option<String> {
        self.config_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beats_and_reloads_are_reported() {
        let vitals = Vitals::default();
        assert_eq!(vitals.since_beat(), None);
        vitals.beat();
        assert!(
            vitals
                .since_beat()
                .is_some_and(|d| d < Duration::from_secs(5))
        );
        vitals.reload_failed("bad.toml:3:1: unknown field".into());
        assert_eq!(vitals.reloads(), (0, 1));
        assert!(vitals.config_error().is_some());
        vitals.reload_succeeded();
        assert_eq!(vitals.reloads(), (1, 1));
        assert_eq!(vitals.config_error(), None);
    }
}
