//! The timestamp parser feed-rs calls for every date (through
//! `feed_rs::parser::Builder::timestamp_parser`). RFC 3339 and RFC 2822 go to chrono; what they
//! reject goes to a tolerant reader of the forms real feeds use: zone abbreviations (`BST`,
//! `CEST`, `JST`), ISO dates without a zone, `2020/1/10 14:33`, `2005-5-28 16:05:36`, epoch
//! seconds, a weekday without its comma (`Tue 11 Jan 2011`), long month and day names, an
//! offset glued to the time (`06:15:55+0900`), Chinese `2005年5月28日`.
//!
//! A time without a zone is taken as UTC, as feedparser does: an hour off is better than no
//! date, which would make the item look new forever. Text that is not recognised in full gives
//! `None`, never a guess from a fragment. (The `dateparser` crate covers similar ground but
//! fills a bare time with today's date, turns on chrono's default features, and knows few zone
//! abbreviations; this is the small part of it feeds need.)

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// Parses a feed timestamp, strict forms first.
pub(crate) fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .map(|time| time.to_utc())
        .ok()
        .or_else(|| parse_lenient(text))
}

/// The parts of a date found so far.
#[derive(Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<(u32, u32, u32, u32)>,
    pm: Option<bool>,
    /// Seconds east of UTC.
    offset: Option<i32>,
    /// Bare numbers not yet placed (day and year around a month name).
    numbers: Vec<u32>,
}

fn parse_lenient(text: &str) -> Option<DateTime<Utc>> {
    if let Some(time) = epoch(text) {
        return Some(time);
    }
    let text = text.replace(['年', '月'], "-").replace('日', " ");
    let mut parts = Parts::default();
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        for token in split_glued(word) {
            if !token.is_empty() {
                read_token(token, &mut parts)?;
            }
        }
    }
    assemble(parts)
}

/// Seconds (9 or 10 digits) or milliseconds (12 or 13) since the Unix epoch. Shorter runs of
/// digits are years or garbage, not instants.
fn epoch(text: &str) -> Option<DateTime<Utc>> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = text.parse().ok()?;
    match text.len() {
        9 | 10 => DateTime::from_timestamp(value, 0),
        12 | 13 => DateTime::from_timestamp_millis(value),
        _ => None,
    }
}

/// Splits `2012-11-13T14:36:22Z` into date, time and zone, and `06:15:55+0900` into time and
/// zone.
fn split_glued(word: &str) -> Vec<&str> {
    let mut tokens = Vec::with_capacity(3);
    let mut rest = word;
    if let Some(t) = rest.find(['T', 't'])
        && t > 0
        && rest.as_bytes()[t - 1].is_ascii_digit()
        && rest.as_bytes().get(t + 1).is_some_and(u8::is_ascii_digit)
    {
        tokens.push(&rest[..t]);
        rest = &rest[t + 1..];
    }
    if rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && rest.contains(':')
        && let Some(zone) = rest.find(['+', '-', 'Z', 'z'])
    {
        tokens.push(&rest[..zone]);
        rest = &rest[zone..];
    }
    tokens.push(rest);
    tokens
}

fn read_token(token: &str, parts: &mut Parts) -> Option<()> {
    let lower = token.trim_end_matches('.').to_ascii_lowercase();
    if lower.is_empty() {
        return Some(());
    }
    if let Some(month) = month_number(&lower) {
        parts.month = Some(month);
    } else if is_weekday(&lower) || lower == "at" {
    } else if lower == "am" || lower == "pm" {
        parts.pm = Some(lower == "pm");
    } else if let Some(offset) = zone_offset(&lower) {
        parts.offset = Some(offset);
    } else if lower.contains(':') {
        parts.time = Some(clock_time(&lower)?);
    } else if let Some((year, month, day)) = numeric_date(&lower) {
        (parts.year, parts.month, parts.day) = (Some(year), Some(month), Some(day));
    } else if lower.bytes().all(|b| b.is_ascii_digit()) && lower.len() <= 4 {
        parts.numbers.push(lower.parse().ok()?);
    } else {
        return None;
    }
    Some(())
}

fn assemble(mut parts: Parts) -> Option<DateTime<Utc>> {
    if parts.day.is_none() {
        // "11 Jan 2011", "Jan 11 2011", "Jan 11, 2011": the 4-digit (or > 31) number is the
        // year, the other the day.
        let numbers = std::mem::take(&mut parts.numbers);
        let [first, second] = numbers[..] else {
            return None;
        };
        let (day, year) = if first > 31 {
            (second, first)
        } else {
            (first, second)
        };
        parts.day = Some(day);
        parts.year = Some(full_year(year));
    } else if !parts.numbers.is_empty() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(parts.year?, parts.month?, parts.day?)?;
    let (mut hour, minute, second, nanos) = parts.time.unwrap_or_default();
    match parts.pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    // feed-rs reads "24:00" as the start of that day, and so does this.
    let time = NaiveTime::from_hms_nano_opt(hour % 24, minute, second, nanos)?;
    let offset = FixedOffset::east_opt(parts.offset.unwrap_or(0))?;
    let local = offset.from_local_datetime(&date.and_time(time)).single()?;
    Some(local.to_utc())
}

fn full_year(year: u32) -> i32 {
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    match year {
        0..50 => 2000 + year,
        50..100 => 1900 + year,
        _ => year,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const LONG_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let index = MONTHS
        .iter()
        .position(|month| word == *month)
        .or_else(|| LONG_MONTHS.iter().position(|month| word == *month))
        .or_else(|| (word == "sept").then_some(8))?;
    u32::try_from(index + 1).ok()
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const LONG_DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.contains(&word)
        || LONG_DAYS.contains(&word)
        || ["tues", "wednes", "thur", "thurs"].contains(&word)
}

/// `14:33`, `14:33:00`, `14:33:00.123`.
fn clock_time(word: &str) -> Option<(u32, u32, u32, u32)> {
    let mut fields = word.split(':');
    let hour = fields.next()?.parse().ok()?;
    let minute = fields.next()?.parse().ok()?;
    let (second, nanos) = match fields.next() {
        None => (0, 0),
        Some(seconds) => {
            let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
            // Digits only, checked before measuring: nine characters of a fraction like
            // `0ìììì` are more than nine bytes, and `9 - len` underflowed (found by fuzzing).
            if !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Digits past the ninth are below a nanosecond.
            let digits = &fraction[..fraction.len().min(9)];
            let nanos = if digits.is_empty() {
                0
            } else {
                let scale = 10u32.pow(9 - u32::try_from(digits.len()).ok()?);
                digits.parse::<u32>().ok()? * scale
            };
            (whole.parse().ok()?, nanos)
        }
    };
    if fields.next().is_some() {
        return None;
    }
    Some((hour, minute, second, nanos))
}

/// `2005-5-28`, `2020/1/10`, `28.05.2005`, `05/28/2005`: year, month, day.
fn numeric_date(word: &str) -> Option<(i32, u32, u32)> {
    let separator = word.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let fields: Vec<&str> = word.split(separator).collect();
    let [a, b, c] = fields[..] else {
        return None;
    };
    let number = |field: &str| -> Option<u32> {
        (!field.is_empty() && field.len() <= 4 && field.bytes().all(|b| b.is_ascii_digit()))
            .then(|| field.parse().ok())
            .flatten()
    };
    let (a_value, b_value, c_value) = (number(a)?, number(b)?, number(c)?);
    if a.len() == 4 {
        return Some((full_year(a_value), b_value, c_value));
    }
    if c.len() != 4 {
        return None;
    }
    // Day first unless that cannot be (Europe writes 28.05.2005, the US 05/28/2005).
    let day_first = separator == '.' || a_value > 12;
    let (month, day) = if day_first {
        (b_value, a_value)
    } else {
        (a_value, b_value)
    };
    Some((full_year(c_value), month, day))
}

/// A zone: `Z`, `+0900`, `+09:00`, `-05`, `GMT+8`, `UTC`, or an abbreviation.
fn zone_offset(word: &str) -> Option<i32> {
    let numeric = word
        .strip_prefix("gmt")
        .or_else(|| word.strip_prefix("utc"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(word);
    if let Some(sign) = numeric.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let digits: String = numeric[1..].chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (hours, minutes) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
            _ => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        };
        let seconds = hours * 3600 + minutes * 60;
        return Some(if sign == '-' { -seconds } else { seconds });
    }
    let minutes_east: i32 = match word {
        "z" | "ut" | "utc" | "gmt" | "wet" => 0,
        "bst" | "cet" | "met" | "west" | "wat" => 60,
        "cest" | "mest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" => 180,
        "msd" => 240,
        "pkt" => 300,
        // India's: the one IST a news feed most likely means.
        "ist" => 330,
        "ict" | "wib" => 420,
        "hkt" | "sgt" | "pht" | "awst" => 480,
        "jst" | "kst" => 540,
        "acst" => 570,
        "aest" => 600,
        "acdt" => 630,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "nst" => -210,
        "ndt" => -150,
        "adt" | "brt" | "art" => -180,
        "ast" | "edt" => -240,
        // RFC 822 zones: CST is US Central, not China.
        "est" | "cdt" => -300,
        "cst" | "mdt" => -360,
        "mst" | "pdt" => -420,
        "pst" | "akdt" => -480,
        "akst" => -540,
        "hst" => -600,
        _ => return None,
    };
    Some(minutes_east * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_feed_rs_leaves_empty_are_read() {
        let cases = [
            ("Fri, 17 May 2019 06:00:00 BST", "2019-05-17T05:00:00+00:00"),
            ("Tue 11 Jan 2011 01:30:00 GMT", "2011-01-11T01:30:00+00:00"),
            ("2012-11-13T14:36:22", "2012-11-13T14:36:22+00:00"),
            ("2020/1/10 14:33:00", "2020-01-10T14:33:00+00:00"),
            ("2020/1/10 14:33", "2020-01-10T14:33:00+00:00"),
            ("2005-5-28 16:05:36", "2005-05-28T16:05:36+00:00"),
            ("1518478934", "2018-02-12T23:42:14+00:00"),
            ("1518478934000", "2018-02-12T23:42:14+00:00"),
            (
                "Sat, 31 Dec 2005 06:15:55+0900",
                "2005-12-30T21:15:55+00:00",
            ),
            (
                "Thursday, 13 July 2011 07:38:00 CEST",
                "2011-07-13T05:38:00+00:00",
            ),
            ("Jan 15 2020 10:00 PM EST", "2020-01-16T03:00:00+00:00"),
            ("2005年5月28日 16:05", "2005-05-28T16:05:00+00:00"),
            ("28.05.2005 16:05", "2005-05-28T16:05:00+00:00"),
            ("2021-04-29 16:45:49 -04:00", "2021-04-29T20:45:49+00:00"),
            (
                "2021-04-29T16:45:49.5+0530",
                "2021-04-29T11:15:49.500+00:00",
            ),
            (
                "Wed, 8 Jun 2005 24:00:00 GMT+8",
                "2005-06-07T16:00:00+00:00",
            ),
            ("10 Jun 03 14:30 JST", "2003-06-10T05:30:00+00:00"),
            ("2019-05-17", "2019-05-17T00:00:00+00:00"),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_timestamp(text).map(|t| t.to_rfc3339()).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn strict_forms_still_parse() {
        let cases = [
            ("Tue, 10 Jun 2025 14:30:00 GMT", "2025-06-10T14:30:00+00:00"),
            (
                "Wed, 21 Mar 2018 10:27:32 +0300",
                "2018-03-21T07:27:32+00:00",
            ),
            ("2021-04-29T16:45:49-04:00", "2021-04-29T20:45:49+00:00"),
            (
                "  Mon, 16 Oct 2017 15:10:00 EST \n",
                "2017-10-16T20:10:00+00:00",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_timestamp(text).map(|t| t.to_rfc3339()).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn text_that_is_not_a_date_gives_none() {
        for text in [
            "",
            "yesterday",
            "2005",
            "12345",
            "14:33",
            "Fri, 17 May",
            "31 Feb 2020",
            "2020-13-01",
            "17 May 2019 06:00:00 XYZ",
            "25:61",
            "9999999999999999999999",
            // A fraction of second that is not digits (it once underflowed).
            "2025-02-24T15:45:46.0ììììììììì35455Z",
            "2025-02-24 15:45:46.5x",
        ] {
            assert_eq!(parse_timestamp(text), None, "{text:?}");
        }
    }
}
