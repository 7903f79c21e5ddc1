//! Durations and sizes as people write them in the config file ("1h30m", "10MiB").

use std::time::Duration;

/// Parses "90s", "10m", "1h30m", "1h 30m", "7d", "500ms" (`m` is minutes, `M` months).
///
/// Zero is accepted here; keys that need a positive value check that where they are read.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s.trim()).map_err(|error| error.to_string())
}

/// Parses a byte count: "1000", "64 KiB", "10MiB", "1GiB" (powers of 1024) or "10MB"
/// (powers of 1000). Units are case-insensitive; a bare number is bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits_end);
    if number.is_empty() {
        return Err(format!("expected a size like 10MiB, got \"{s}\""));
    }
    let multiplier: u64 = match unit.trim_start().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        _ => {
            return Err(format!(
                "unknown size unit \"{}\" (valid: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
                unit.trim_start()
            ));
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|count| count.checked_mul(multiplier))
        .ok_or_else(|| format!("size \"{s}\" is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_as_written() {
        for (text, seconds) in [
            ("90s", 90),
            ("10m", 600),
            ("1h30m", 5400),
            ("1h 30m", 5400),
            ("7d", 7 * 86_400),
            ("24h", 86_400),
            ("0s", 0),
        ] {
            assert_eq!(
                parse_duration(text),
                Ok(Duration::from_secs(seconds)),
                "{text}"
            );
        }
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
    }

    #[test]
    fn bad_durations_are_rejected() {
        for text in ["", "10", "ten minutes", "10x", "-5m"] {
            assert!(parse_duration(text).is_err(), "{text:?} should be rejected");
        }
    }

    #[test]
    fn sizes_parse_as_written() {
        for (text, bytes) in [
            ("10MiB", 10 * 1024 * 1024),
            ("512KiB", 512 * 1024),
            ("1GiB", 1 << 30),
            ("10MB", 10_000_000),
            ("1000", 1000),
            ("64 KiB", 64 * 1024),
            ("2kib", 2048),
            ("0", 0),
        ] {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
    }

    #[test]
    fn bad_sizes_are_rejected() {
        for (text, fragment) in [
            ("", "expected a size"),
            ("MiB", "expected a size"),
            ("10 MegaBytes", "unknown size unit \"MegaBytes\""),
            ("1.5MiB", "unknown size unit \".5MiB\""),
            ("99999999999TiB", "too large"),
            ("99999999999999999999999", "too large"),
        ] {
            let error = parse_size(text).expect_err(text);
            assert!(error.contains(fragment), "{text}: {error}");
        }
    }
}
