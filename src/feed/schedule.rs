//! When a feed is polled next: the pure arithmetic of intervals, server hints, backoff and
//! `Retry-After`. No clock and no randomness of its own: callers pass the jitter draw, so tests
//! can pin every delay.

use std::time::Duration;

/// A `Retry-After` longer than this is treated as this: a misconfigured server must not silence
/// a feed for a month.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// Jitter lengthens a backoff by up to this fraction, so feeds that failed together (one
/// publisher down) do not all retry in the same second.
const JITTER_FRACTION: f64 = 0.25;

/// Delay until the next poll after a successful one.
///
/// The server's hint (`<ttl>` or `Cache-Control: max-age`) may lengthen the interval, but by at
/// most `max_hint_delay`: a news alert must not wait a day because a server says
/// `max-age=86400`.
pub fn delay_after_success(
    interval: Duration,
    hint: Option<Duration>,
    max_hint_delay: Duration,
) -> Duration {
    match hint {
        Some(hint) if hint > interval => interval + (hint - interval).min(max_hint_delay),
        _ => interval,
    }
}

/// Delay after the `failures`-th consecutive failure (1 for the first): the interval doubled per
/// further failure, capped at `cap` (but never below the interval itself), then lengthened by
/// `jitter` in `[0, 1)` times a quarter. Never infinite: a feed that is down is retried forever.
pub fn backoff_delay(failures: u32, interval: Duration, cap: Duration, jitter: f64) -> Duration {
    let doublings = failures.saturating_sub(1).min(32);
    let raw = interval.saturating_mul(1u32 << doublings.min(31));
    let capped = raw.min(cap.max(interval));
    capped.mul_f64(1.0 + JITTER_FRACTION * jitter.clamp(0.0, 1.0))
}

/// Delay after a failure the server asked us to wait out (429, 503 with `Retry-After`): the
/// server's wait, if longer than our own backoff.
pub fn delay_after_failure(
    failures: u32,
    interval: Duration,
    cap: Duration,
    retry_after: Option<Duration>,
    jitter: f64,
) -> Duration {
    let backoff = backoff_delay(failures, interval, cap, jitter);
    match retry_after {
        Some(wait) => wait.min(MAX_RETRY_AFTER).max(backoff),
        None => backoff,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);
    const HOUR: Duration = Duration::from_secs(3600);

    #[test]
    fn hint_lengthens_interval_by_at_most_max_hint_delay() {
        let cases = [
            (10 * MIN, None, 10 * MIN),
            (10 * MIN, Some(5 * MIN), 10 * MIN),
            (10 * MIN, Some(30 * MIN), 30 * MIN),
            (10 * MIN, Some(24 * HOUR), 10 * MIN + HOUR),
        ];
        for (interval, hint, want) in cases {
            assert_eq!(delay_after_success(interval, hint, HOUR), want, "{hint:?}");
        }
    }

    #[test]
    fn backoff_doubles_then_caps() {
        let got: Vec<u64> = (1..=8)
            .map(|n| backoff_delay(n, 10 * MIN, 6 * HOUR, 0.0).as_secs() / 60)
            .collect();
        assert_eq!(got, [10, 20, 40, 80, 160, 320, 360, 360]);
        assert_eq!(backoff_delay(u32::MAX, 10 * MIN, 6 * HOUR, 0.0), 6 * HOUR);
    }

    #[test]
    fn jitter_only_lengthens_and_by_a_quarter_at_most() {
        let base = backoff_delay(3, MIN, HOUR, 0.0);
        let top = backoff_delay(3, MIN, HOUR, 0.999);
        assert!(top > base && top <= base.mul_f64(1.25));
    }

    #[test]
    fn interval_longer_than_cap_is_kept() {
        assert_eq!(backoff_delay(5, 12 * HOUR, 6 * HOUR, 0.0), 12 * HOUR);
    }

    #[test]
    fn retry_after_wins_when_longer_and_is_bounded() {
        assert_eq!(
            delay_after_failure(1, MIN, HOUR, Some(2 * HOUR), 0.0),
            2 * HOUR
        );
        assert_eq!(
            delay_after_failure(1, 10 * MIN, HOUR, Some(MIN), 0.0),
            10 * MIN
        );
        assert_eq!(
            delay_after_failure(1, MIN, HOUR, Some(90 * 24 * HOUR), 0.0),
            MAX_RETRY_AFTER
        );
    }
}
