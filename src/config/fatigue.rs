//! Controls against alert fatigue, as values: a rule's cap (`max_alerts = "10/1h"`) and a
//! channel's quiet hours (`quiet_hours = "22:00-07:00"` in `timezone`). Parsing and the time
//! arithmetic live here, free of I/O, so the daylight-saving and midnight cases are tested
//! directly; the outbox applies them when it queues an alert.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::config::units::parse_duration;

/// At most `max` alerts of a rule per `per`, counted in windows aligned to the Unix epoch
/// (an hourly cap resets on the hour); the rest are held and summarised when the window ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlertCap {
    pub max: u32,
    pub per: Duration,
}

impl AlertCap {
    /// Parses `"10/1h"`.
    pub fn parse(text: &str) -> Result<AlertCap, String> {
        let (max, per) = text
            .split_once('/')
            .ok_or_else(|| format!("\"{text}\" is not a count per period, such as \"10/1h\""))?;
        let max: u32 = max
            .trim()
            .parse()
            .map_err(|_| format!("\"{}\" is not a whole number of alerts", max.trim()))?;
        if max == 0 {
            return Err(
                "the count must be at least 1 (remove the rule's notify to silence it)".into(),
            );
        }
        let per = parse_duration(per.trim())?;
        if !(Duration::from_secs(60)..=Duration::from_secs(7 * 24 * 3600)).contains(&per) {
            return Err(format!(
                "the period of \"{text}\" must be between 1m and 7d"
            ));
        }
        Ok(AlertCap { max, per })
    }

    /// The window `now` falls in: `[start, end)`.
    pub fn window(&self, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        let end = window_end(now, self.per);
        let per = chrono::Duration::from_std(self.per).unwrap_or(chrono::Duration::zero());
        (end - per, end)
    }
}

/// The end of the `period`-long window `now` falls in, counted from the Unix epoch: hourly
/// windows end on the hour, daily ones at midnight UTC. Digests and caps share these windows.
pub fn window_end(now: DateTime<Utc>, period: Duration) -> DateTime<Utc> {
    let period = i64::try_from(period.as_secs()).unwrap_or(i64::MAX).max(1);
    let end = (now.timestamp().div_euclid(period) + 1).saturating_mul(period);
    DateTime::from_timestamp(end, 0).unwrap_or(now)
}

impl fmt::Display for AlertCap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.max, humantime::format_duration(self.per))
    }
}

/// A daily window in a time zone during which a channel's alerts wait. The window may cross
/// midnight (`22:00-07:00`); it always ends at `end` local time, whatever daylight saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub timezone: Tz,
}

impl QuietHours {
    /// Parses `"22:00-07:00"`; `timezone` is an IANA name such as `Asia/Shanghai`.
    pub fn parse(text: &str, timezone: Option<&str>) -> Result<QuietHours, String> {
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| format!("\"{text}\" is not a range of times such as \"22:00-07:00\""))?;
        let time = |value: &str| {
            NaiveTime::parse_from_str(value.trim(), "%H:%M")
                .map_err(|_| format!("\"{}\" is not a time of day as HH:MM", value.trim()))
        };
        let (start, end) = (time(start)?, time(end)?);
        if start == end {
            return Err(format!("\"{text}\" starts and ends at the same time"));
        }
        let timezone = match timezone {
            None => Tz::UTC,
            Some(name) => name.parse::<Tz>().map_err(|_| {
                format!("unknown time zone \"{name}\" (an IANA name such as \"Asia/Shanghai\")")
            })?,
        };
        Ok(QuietHours {
            start,
            end,
            timezone,
        })
    }

    /// Whether `at` falls inside the window.
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        let local = at.with_timezone(&self.timezone).time();
        if self.start < self.end {
            self.start <= local && local < self.end
        } else {
            local >= self.start || local < self.end
        }
    }

    /// When something due at `due` may go: `due` itself, or the end of the quiet window it
    /// falls in.
    pub fn release(&self, due: DateTime<Utc>) -> DateTime<Utc> {
        if !self.contains(due) {
            return due;
        }
        let today = due.with_timezone(&self.timezone).date_naive();
        [Some(today), today.checked_add_days(Days::new(1))]
            .into_iter()
            .flatten()
            .filter_map(|day| self.local_end(day))
            .find(|end| *end > due)
            .unwrap_or(due)
    }

    /// `end` local time on `day`, in UTC. In a daylight-saving gap the clock skips `end`; the
    /// window then ends at the first minute that exists after it.
    fn local_end(&self, day: NaiveDate) -> Option<DateTime<Utc>> {
        (0..=120).find_map(|minutes| {
            let time = day.and_time(self.end) + chrono::Duration::minutes(minutes);
            self.timezone
                .from_local_datetime(&time)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        })
    }
}

impl fmt::Display for QuietHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{} {}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M"),
            self.timezone.name()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("test times are valid")
            .with_timezone(&Utc)
    }

    #[test]
    fn cap_parses_count_and_period() {
        let cap = AlertCap::parse("10/1h").expect("valid");
        assert_eq!(cap.max, 10);
        assert_eq!(cap.per, Duration::from_secs(3600));
        assert_eq!(cap.to_string(), "10/1h");
        for bad in ["10", "0/1h", "x/1h", "10/0s", "10/30s", "10/8d", "10/soon"] {
            assert!(AlertCap::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn cap_window_is_aligned_to_the_period() {
        let cap = AlertCap::parse("5/1h").expect("valid");
        let (start, end) = cap.window(utc("2026-11-26T14:37:10Z"));
        assert_eq!(start, utc("2026-11-26T14:00:00Z"));
        assert_eq!(end, utc("2026-11-26T15:00:00Z"));
    }

    #[test]
    fn quiet_hours_across_midnight_in_shanghai() {
        let quiet = QuietHours::parse("22:00-07:00", Some("Asia/Shanghai")).expect("valid");
        // 23:30 in Shanghai is 15:30 UTC: quiet until 07:00 Shanghai, 23:00 UTC.
        assert!(quiet.contains(utc("2026-11-26T15:30:00Z")));
        assert_eq!(
            quiet.release(utc("2026-11-26T15:30:00Z")),
            utc("2026-11-26T23:00:00Z")
        );
        // 02:00 Shanghai (18:00 UTC the day before): the same night's end.
        assert_eq!(
            quiet.release(utc("2026-11-26T18:00:00Z")),
            utc("2026-11-26T23:00:00Z")
        );
        // Noon in Shanghai is not quiet.
        let noon = utc("2026-11-26T04:00:00Z");
        assert!(!quiet.contains(noon));
        assert_eq!(quiet.release(noon), noon);
        // The end itself is no longer quiet; the start is.
        assert!(!quiet.contains(utc("2026-11-26T23:00:00Z")));
        assert!(quiet.contains(utc("2026-11-26T14:00:00Z")));
    }

    #[test]
    fn quiet_hours_within_one_day_default_to_utc() {
        let quiet = QuietHours::parse("12:00-13:30", None).expect("valid");
        assert_eq!(quiet.to_string(), "12:00-13:30 UTC");
        assert!(!quiet.contains(utc("2026-11-26T11:59:00Z")));
        assert_eq!(
            quiet.release(utc("2026-11-26T12:10:00Z")),
            utc("2026-11-26T13:30:00Z")
        );
    }

    #[test]
    fn quiet_hours_ending_in_a_daylight_saving_gap_end_after_it() {
        // New York skipped 02:00-03:00 on 2026-03-08.
        let quiet = QuietHours::parse("01:00-02:30", Some("America/New_York")).expect("valid");
        let at = utc("2026-03-08T06:30:00Z"); // 01:30 EST
        assert!(quiet.contains(at));
        assert_eq!(quiet.release(at), utc("2026-03-08T07:00:00Z")); // 03:00 EDT
    }

    #[test]
    fn quiet_hours_refuse_bad_values() {
        for (range, zone) in [
            ("22:00", None),
            ("22:00-22:00", None),
            ("25:00-07:00", None),
            ("22:00-07:00", Some("Mars/Olympus")),
        ] {
            assert!(QuietHours::parse(range, zone).is_err(), "{range} {zone:?}");
        }
    }
}
