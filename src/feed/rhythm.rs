//! A feed's publication rhythm, learned from the dates of its items, and the adaptive schedule
//! built on it. Pure: no clock, no randomness, no I/O; the daemon and the simulator
//! (`examples/schedule_sim.rs`) call the same two functions, [`Rhythm::observe`] after every
//! successful poll and [`next_delay`] to place the next one.
//!
//! # The model
//!
//! Publications are counted in 168 hour-of-week slots (UTC, Monday 00:00 first), together with
//! the hours of observation, both decayed with a half-life of [`HALF_LIFE_DAYS`] so that a feed
//! that changes its habits is relearned within weeks. A slot's rate is estimated by shrinking
//! three levels toward each other with pseudo-observations: the overall rate; a multiplicative
//! hour-of-day × day-of-week profile; the slot's own count. With little history every slot's
//! estimate is the overall rate; with weeks of it the slots speak for themselves. Below
//! [`MIN_ITEMS`] publications or [`MIN_OBSERVED_HOURS`] of history there is no rate at all
//! and the feed is polled at its fixed interval, as before.
//!
//! # The schedule
//!
//! Polling a feed whose rate is λ every τ costs 1/τ requests per unit of time and makes each
//! item wait τ/2 on average, so the delay λτ/2 per unit of time plus a price μ per request is
//! smallest at τ = √(2μ/λ): polls should come at a density proportional to √λ, one
//! `pivot`-long interval for a feed publishing one item per `pivot`. The next poll is where the
//! integral of that density from now reaches one, stepping through the hourly slots, so a poll
//! at night waits for the morning. It also comes before the feed's document can have scrolled
//! half its entries away, and it is bounded by `min_interval` and the feed's `interval`
//! (the maximum), then lengthened by a server's cache hint by at most `max_hint_delay`.
//! Costs `O(hours until the next poll)`, at most 168 steps a week of `interval`.

use std::time::Duration;

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::schedule::delay_after_success;

/// Hour-of-week slots.
pub const SLOTS: usize = 7 * 24;

/// Publications and observed time lose half their weight in this many days.
pub const HALF_LIFE_DAYS: f64 = 21.0;

/// Fewer (decayed) publications than this give no rate: the fixed interval applies.
pub const MIN_ITEMS: f64 = 3.0;

/// Less observed time than this gives no rate: minutes of history say nothing of a day.
pub const MIN_OBSERVED_HOURS: f64 = 24.0;

/// How far back a feed's first document may teach its rhythm: older items are counted only
/// if they fall in this window, which is observed time from then on.
pub const FIRST_LOOK_BACK_DAYS: i64 = 28;

/// Pseudo-hours of the overall rate added to each hour-of-day and day-of-week estimate, and of
/// the profile added to each slot's: how much evidence a level needs before it is believed.
const PRIOR_HOURS_PROFILE: f64 = 12.0;
const PRIOR_HOURS_SLOT: f64 = 4.0;

/// Jitter moves a learned delay by up to this fraction either way, so feeds that learned the
/// same rhythm do not poll in the same second.
const JITTER_FRACTION: f64 = 0.1;

/// A poll comes before the feed, at its expected rate, can have published this fraction of
/// the entries its document shows: the rest are still there when it does.
const SCROLL_MARGIN: f64 = 0.5;

const HOUR_SECS: f64 = 3600.0;

/// What a feed's history says about its publications. Changed only by [`Rhythm::observe`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rhythm {
    /// Decayed publications per hour-of-week slot (index 0: Monday 00:00-01:00 UTC), as of
    /// `as_of`; empty until the first observation.
    slots: Vec<f64>,
    /// Decayed hours during which publications were watched, as of `as_of`.
    observed_hours: f64,
    /// When the counts were last brought forward; `None` before the first successful poll.
    as_of: Option<DateTime<Utc>>,
}

/// The bounds and scale of one feed's schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// No two polls closer than this.
    pub min_interval: Duration,
    /// No two polls further apart than this (the feed's `interval`), cache hints aside.
    pub max_interval: Duration,
    /// A feed publishing one item per `pivot` is polled once per `pivot`; one publishing k
    /// times as often, √k times as often.
    pub pivot: Duration,
}

/// Everything besides the rhythm that places the next poll after a successful one.
#[derive(Debug, Clone, Copy)]
pub struct Hints {
    /// Entries the last document showed; a busy feed is polled before they scroll away.
    pub window: Option<u32>,
    /// `<ttl>` or `Cache-Control: max-age`, if honoured.
    pub cache: Option<Duration>,
    pub max_hint_delay: Duration,
    /// A draw in `[0, 1)`.
    pub jitter: f64,
}

impl Rhythm {
    /// Brings the counts forward to `now` and adds `published` (the publication times of the
    /// new items of a successful poll; `now` for an item without a date). A 304 or a document
    /// with nothing new is an observation too: time passed and nothing appeared.
    pub fn observe(&mut self, now: DateTime<Utc>, published: &[DateTime<Utc>]) {
        let tau = HALF_LIFE_DAYS * 24.0 / std::f64::consts::LN_2;
        if self.slots.len() != SLOTS {
            self.slots = vec![0.0; SLOTS];
            self.observed_hours = 0.0;
            // The first document's items tell how the feed published before we watched it:
            // from its oldest item, within the look-back, to now.
            let floor = now - chrono::Duration::days(FIRST_LOOK_BACK_DAYS);
            let start = published
                .iter()
                .copied()
                .filter(|t| *t >= floor)
                .min()
                .unwrap_or(now)
                .min(now);
            let span = hours(now - start);
            self.observed_hours = tau * (1.0 - (-span / tau).exp());
            self.as_of = Some(now);
            for t in published.iter().filter(|t| **t >= floor) {
                self.add(now, *t, tau);
            }
            return;
        }
        let before = self.as_of.unwrap_or(now);
        let elapsed = hours(now - before).max(0.0);
        let kept = (-elapsed / tau).exp();
        for slot in &mut self.slots {
            *slot *= kept;
        }
        self.observed_hours = self.observed_hours * kept + tau * (1.0 - kept);
        let now = now.max(before);
        self.as_of = Some(now);
        for t in published {
            self.add(now, *t, tau);
        }
    }

    fn add(&mut self, now: DateTime<Utc>, published: DateTime<Utc>, tau: f64) {
        let at = published.min(now);
        let weight = (-hours(now - at) / tau).exp();
        self.slots[slot(at)] += weight;
    }

    /// Decayed publications counted.
    pub fn items(&self) -> f64 {
        self.slots.iter().sum()
    }

    /// Whether there is enough history for a rate.
    pub fn is_learned(&self) -> bool {
        self.items() >= MIN_ITEMS && self.observed_hours >= MIN_OBSERVED_HOURS
    }

    /// Publications per hour over the whole history, if learned.
    pub fn overall_rate(&self) -> Option<f64> {
        self.is_learned()
            .then(|| self.items() / self.observed_hours)
    }

    /// Expected publications per hour in every hour-of-week slot, if learned.
    pub fn slot_rates(&self) -> Option<[f64; SLOTS]> {
        let overall = self.overall_rate()?;
        let mut by_hour = [0.0; 24];
        let mut by_day = [0.0; 7];
        for (s, count) in self.slots.iter().enumerate() {
            by_hour[s % 24] += count;
            by_day[s / 24] += count;
        }
        let smooth = |count: f64, exposure: f64, prior: f64, weight: f64| {
            (count + weight * prior) / (exposure + weight)
        };
        let hour_rate =
            by_hour.map(|c| smooth(c, self.observed_hours / 24.0, overall, PRIOR_HOURS_PROFILE));
        let day_rate =
            by_day.map(|c| smooth(c, self.observed_hours / 7.0, overall, PRIOR_HOURS_PROFILE));
        let mut rates = [0.0; SLOTS];
        for (s, rate) in rates.iter_mut().enumerate() {
            let profile = hour_rate[s % 24] * day_rate[s / 24] / overall;
            *rate = smooth(
                self.slots[s],
                self.observed_hours / SLOTS as f64,
                profile,
                PRIOR_HOURS_SLOT,
            );
        }
        Some(rates)
    }

    /// Expected publications per hour at `at`, if learned.
    pub fn rate_at(&self, at: DateTime<Utc>) -> Option<f64> {
        Some(self.slot_rates()?[slot(at)])
    }

    /// When the counts were last brought forward.
    pub fn as_of(&self) -> Option<DateTime<Utc>> {
        self.as_of
    }

    /// The stored form: [`ENCODING_VERSION`], the observed hours (f64), the time of `as_of` in
    /// seconds (i64), then the 168 slots as f32, all little-endian; empty for a rhythm that
    /// never observed anything. 685 bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let Some(as_of) = self.as_of.filter(|_| self.slots.len() == SLOTS) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(ENCODED_LEN);
        out.push(ENCODING_VERSION);
        out.extend_from_slice(&self.observed_hours.to_le_bytes());
        out.extend_from_slice(&as_of.timestamp().to_le_bytes());
        for slot in &self.slots {
            out.extend_from_slice(&(*slot as f32).to_le_bytes());
        }
        out
    }

    /// Reads [`to_bytes`](Self::to_bytes)'s form; `None` for anything else (the feed then
    /// learns again from its next document, and is polled at its interval until it has).
    pub fn from_bytes(bytes: &[u8]) -> Option<Rhythm> {
        if bytes.is_empty() {
            return Some(Rhythm::default());
        }
        if bytes.len() != ENCODED_LEN || bytes[0] != ENCODING_VERSION {
            return None;
        }
        let observed_hours = f64::from_le_bytes(bytes[1..9].try_into().ok()?);
        let as_of = DateTime::from_timestamp(i64::from_le_bytes(bytes[9..17].try_into().ok()?), 0)?;
        let slots: Vec<f64> = bytes[17..]
            .chunks_exact(4)
            .map(|c| c.try_into().map(|b| f64::from(f32::from_le_bytes(b))))
            .collect::<Result<_, _>>()
            .ok()?;
        let sane = |v: f64| v.is_finite() && v >= 0.0;
        (sane(observed_hours) && slots.iter().all(|v| sane(*v))).then_some(Rhythm {
            slots,
            observed_hours,
            as_of: Some(as_of),
        })
    }
}

const ENCODING_VERSION: u8 = 1;
const ENCODED_LEN: usize = 1 + 8 + 8 + SLOTS * 4;

/// The delay from `now` to the next poll after a successful one: learned from `rhythm` when it
/// has enough history, else the fixed `max_interval` (then exactly as before: cache hints
/// lengthen it, no jitter).
pub fn next_delay(rhythm: &Rhythm, now: DateTime<Utc>, bounds: &Bounds, hints: &Hints) -> Duration {
    let Some(rates) = rhythm.slot_rates() else {
        return delay_after_success(bounds.max_interval, hints.cache, hints.max_hint_delay);
    };
    let max = bounds.max_interval.max(bounds.min_interval);
    let learned = learned_delay(&rates, now, bounds.pivot, max, hints.window);
    let jittered =
        learned.mul_f64(1.0 + JITTER_FRACTION * (2.0 * hints.jitter.clamp(0.0, 1.0) - 1.0));
    let bounded = jittered.clamp(bounds.min_interval.min(max), max);
    delay_after_success(bounded, hints.cache, hints.max_hint_delay)
}

/// Where the poll density √(λ/pivot) integrates to one from `now`, or where the expected
/// publications fill [`SCROLL_MARGIN`] of the window, whichever comes first; at most `max`.
fn learned_delay(
    rates: &[f64; SLOTS],
    now: DateTime<Utc>,
    pivot: Duration,
    max: Duration,
    window: Option<u32>,
) -> Duration {
    let pivot_hours = (pivot.as_secs_f64() / HOUR_SECS).max(1.0 / 60.0);
    let max_hours = max.as_secs_f64() / HOUR_SECS;
    let scroll_budget = window
        .filter(|w| *w > 0)
        .map(|w| f64::from(w) * SCROLL_MARGIN);
    let (mut polls, mut published, mut elapsed) = (0.0, 0.0, 0.0);
    let mut at = now;
    while elapsed < max_hours {
        let into_hour = f64::from(at.minute() * 60 + at.second()) / HOUR_SECS;
        let step = (1.0 - into_hour).min(max_hours - elapsed).max(1e-9);
        let rate = rates[slot(at)];
        let density = (rate / pivot_hours).sqrt();
        let mut end = step;
        if density * step >= 1.0 - polls {
            end = end.min((1.0 - polls) / density);
        }
        if let Some(budget) = scroll_budget
            && rate * step >= budget - published
        {
            end = end.min((budget - published) / rate);
        }
        if end < step {
            return secs(elapsed + end);
        }
        polls += density * step;
        published += rate * step;
        elapsed += step;
        at += chrono::Duration::milliseconds((step * HOUR_SECS * 1000.0).round() as i64);
    }
    max
}

fn secs(hours: f64) -> Duration {
    Duration::from_secs_f64((hours * HOUR_SECS).max(0.0))
}

fn hours(d: chrono::Duration) -> f64 {
    d.num_milliseconds() as f64 / (HOUR_SECS * 1000.0)
}

/// The hour-of-week slot of `t`: Monday 00:00-01:00 UTC is 0.
pub fn slot(t: DateTime<Utc>) -> usize {
    t.weekday().num_days_from_monday() as usize * 24 + t.hour() as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const MIN: Duration = Duration::from_secs(60);
    const HOUR: Duration = Duration::from_secs(3600);

    /// Monday 2026-01-05 00:00 UTC.
    fn monday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
            .single()
            .expect("valid date")
    }

    fn bounds(min: Duration, max: Duration, pivot: Duration) -> Bounds {
        Bounds {
            min_interval: min,
            max_interval: max,
            pivot,
        }
    }

    fn hints(jitter: f64) -> Hints {
        Hints {
            window: None,
            cache: None,
            max_hint_delay: HOUR,
            jitter,
        }
    }

    /// A rhythm fed by hourly polls over `days` days from `monday()`, with publications at the
    /// minutes `publishes(t)` says.
    fn learn(days: i64, publishes: impl Fn(DateTime<Utc>) -> usize) -> (Rhythm, DateTime<Utc>) {
        let mut rhythm = Rhythm::default();
        let mut now = monday();
        rhythm.observe(now, &[]);
        for _ in 0..days * 24 {
            let next = now + chrono::Duration::hours(1);
            let items: Vec<DateTime<Utc>> = (0..publishes(now))
                .map(|i| now + chrono::Duration::minutes(1 + i as i64))
                .collect();
            rhythm.observe(next, &items);
            now = next;
        }
        (rhythm, now)
    }

    #[test]
    fn without_history_the_fixed_interval_and_cache_hints_apply_unjittered() {
        let rhythm = Rhythm::default();
        let b = bounds(MIN, 10 * MIN, 10 * MIN);
        assert_eq!(next_delay(&rhythm, monday(), &b, &hints(0.9)), 10 * MIN);
        let cached = Hints {
            cache: Some(5 * HOUR),
            ..hints(0.0)
        };
        assert_eq!(next_delay(&rhythm, monday(), &b, &cached), 70 * MIN);
    }

    #[test]
    fn two_items_are_not_enough_history() {
        let mut rhythm = Rhythm::default();
        let now = monday();
        rhythm.observe(now, &[now - chrono::Duration::minutes(5), now]);
        assert!(!rhythm.is_learned());
        assert_eq!(rhythm.overall_rate(), None);
    }

    #[test]
    fn first_document_teaches_the_overall_rate() {
        let now = monday() + chrono::Duration::days(3);
        // 48 items, one an hour for the last two days.
        let items: Vec<DateTime<Utc>> = (0..48).map(|h| now - chrono::Duration::hours(h)).collect();
        let mut rhythm = Rhythm::default();
        rhythm.observe(now, &items);
        let rate = rhythm.overall_rate().expect("learned");
        assert!((rate - 1.0).abs() < 0.1, "{rate}");
    }

    #[test]
    fn busier_feeds_poll_more_often_by_the_square_root() {
        let b = bounds(MIN, 24 * HOUR, HOUR);
        let (hourly, now) = learn(14, |_| 1);
        let (four_an_hour, _) = learn(14, |_| 4);
        let one = next_delay(&hourly, now, &b, &hints(0.5));
        let four = next_delay(&four_an_hour, now, &b, &hints(0.5));
        // One item an hour at a one-hour pivot: about an hour; four times as busy: half that.
        assert!(one > 50 * MIN && one < 70 * MIN, "{one:?}");
        let ratio = one.as_secs_f64() / four.as_secs_f64();
        assert!((ratio - 2.0).abs() < 0.2, "{one:?} {four:?}");
    }

    #[test]
    fn learns_day_and_night_and_waits_for_the_morning() {
        // Four items an hour from 08:00 to 18:00 UTC on weekdays, nothing otherwise.
        let office = |t: DateTime<Utc>| {
            let weekday = t.weekday().num_days_from_monday() < 5;
            usize::from(weekday && (8..18).contains(&t.hour())) * 4
        };
        let (rhythm, end) = learn(42, office);
        assert_eq!(end.weekday(), chrono::Weekday::Mon);
        let rates = rhythm.slot_rates().expect("learned");
        assert!(rates[10] > 3.0, "Monday 10:00: {}", rates[10]);
        assert!(rates[2] < rates[10] / 10.0, "Monday 02:00: {}", rates[2]);
        assert!(
            rates[5 * 24 + 10] < rates[10] / 5.0,
            "Saturday 10:00: {}",
            rates[5 * 24 + 10]
        );
        let b = bounds(2 * MIN, 12 * HOUR, HOUR);
        // Monday 01:00: a few polls in the night at most, and one soon after 08:00.
        let night = end + chrono::Duration::hours(1);
        let asleep = next_delay(&rhythm, night, &b, &hints(0.5));
        assert!(
            asleep > 90 * MIN && asleep < 7 * HOUR + 15 * MIN,
            "{asleep:?}"
        );
        let early = end + chrono::Duration::hours(7) + chrono::Duration::minutes(50);
        let waking = next_delay(&rhythm, early, &b, &hints(0.5));
        assert!(waking < 45 * MIN, "{waking:?}");
        // Monday 10:00: every half hour or so.
        let day = end + chrono::Duration::hours(10);
        let awake = next_delay(&rhythm, day, &b, &hints(0.5));
        assert!(awake > 20 * MIN && awake < 40 * MIN, "{awake:?}");
    }

    #[test]
    fn delays_stay_within_min_and_max_interval() {
        let (busy, now) = learn(14, |_| 60);
        let b = bounds(5 * MIN, HOUR, MIN);
        for jitter in [0.0, 0.5, 0.999] {
            assert_eq!(next_delay(&busy, now, &b, &hints(jitter)), 5 * MIN);
        }
        let (quiet, now) = learn(14, |t| {
            usize::from(t.hour() == 0 && t.weekday() == chrono::Weekday::Mon) * 3
        });
        // A quiet feed waits the whole interval; jitter may only shorten that.
        let b = bounds(5 * MIN, HOUR, HOUR);
        let later = now + chrono::Duration::hours(2);
        assert_eq!(next_delay(&quiet, later, &b, &hints(0.5)), HOUR);
        let early = next_delay(&quiet, later, &b, &hints(0.0));
        assert!(early >= 54 * MIN && early < HOUR, "{early:?}");
        assert_eq!(next_delay(&quiet, later, &b, &hints(0.999)), HOUR);
    }

    #[test]
    fn cache_hint_lengthens_a_learned_delay_by_at_most_max_hint_delay() {
        let (rhythm, now) = learn(14, |_| 4);
        let b = bounds(MIN, 24 * HOUR, HOUR);
        let plain = next_delay(&rhythm, now, &b, &hints(0.5));
        let cached = Hints {
            cache: Some(48 * HOUR),
            max_hint_delay: 10 * MIN,
            ..hints(0.5)
        };
        assert_eq!(next_delay(&rhythm, now, &b, &cached), plain + 10 * MIN);
    }

    #[test]
    fn polls_before_the_window_scrolls_away() {
        // Sixty items an hour and a document of ten: a poll within five minutes.
        let (rhythm, now) = learn(14, |_| 60);
        let b = bounds(Duration::from_secs(10), 24 * HOUR, 24 * HOUR);
        let open = next_delay(&rhythm, now, &b, &hints(0.5));
        let windowed = Hints {
            window: Some(10),
            ..hints(0.5)
        };
        let delay = next_delay(&rhythm, now, &b, &windowed);
        assert!(open > 10 * MIN, "{open:?}");
        assert!(delay <= 6 * MIN && delay >= 4 * MIN, "{delay:?}");
    }

    #[test]
    fn jitter_spreads_by_a_tenth_either_way() {
        let (rhythm, now) = learn(14, |_| 1);
        let b = bounds(MIN, 24 * HOUR, HOUR);
        let low = next_delay(&rhythm, now, &b, &hints(0.0)).as_secs_f64();
        let mid = next_delay(&rhythm, now, &b, &hints(0.5)).as_secs_f64();
        let high = next_delay(&rhythm, now, &b, &hints(0.999)).as_secs_f64();
        assert!(
            (low / mid - 0.9).abs() < 1e-3 && (high / mid - 1.1).abs() < 1e-3,
            "{low} {mid} {high}"
        );
    }

    #[test]
    fn old_habits_fade() {
        // Three weeks busy, then six weeks at a tenth of that.
        let start = monday();
        let (rhythm, _) = learn(63, |t| {
            if t < start + chrono::Duration::days(21) {
                10
            } else {
                1
            }
        });
        let rate = rhythm.overall_rate().expect("learned");
        assert!(rate < 2.5, "{rate}");
    }

    #[test]
    fn survives_a_round_trip_through_bytes() {
        let (rhythm, now) = learn(3, |_| 2);
        let back = Rhythm::from_bytes(&rhythm.to_bytes()).expect("decodes");
        assert_eq!(back.as_of, Some(now));
        assert!((back.items() - rhythm.items()).abs() < 1e-3);
        assert_eq!(
            Rhythm::from_bytes(&Rhythm::default().to_bytes()),
            Some(Rhythm::default())
        );
        let mut broken = rhythm.to_bytes();
        broken.truncate(100);
        assert_eq!(Rhythm::from_bytes(&broken), None);
        let mut negative = rhythm.to_bytes();
        negative[17..21].copy_from_slice(&(-1.0f32).to_le_bytes());
        assert_eq!(Rhythm::from_bytes(&negative), None);
    }

    #[test]
    fn a_day_of_history_is_needed_before_a_rate() {
        let now = monday();
        let mut rhythm = Rhythm::default();
        let minutes: Vec<DateTime<Utc>> = (0..20)
            .map(|m| now - chrono::Duration::minutes(m))
            .collect();
        rhythm.observe(now, &minutes);
        assert!(!rhythm.is_learned(), "twenty items in twenty minutes");
        rhythm.observe(now + chrono::Duration::hours(25), &[]);
        assert!(rhythm.is_learned());
    }

    #[test]
    fn a_clock_going_back_loses_nothing() {
        let (mut rhythm, now) = learn(3, |_| 2);
        let items = rhythm.items();
        rhythm.observe(
            now - chrono::Duration::hours(5),
            &[now - chrono::Duration::hours(6)],
        );
        assert!(rhythm.items() > items);
        assert_eq!(rhythm.as_of(), Some(now));
    }
}
