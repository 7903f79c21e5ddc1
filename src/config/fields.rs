//! Checks of single values that every section shares: names, choices, durations, digest
//! periods, URLs and HTTP headers. `validate` and `channel` both build on them, so neither
//! needs the other's helpers.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use crate::config::Checks;
use crate::config::diagnostics::Report;
use crate::config::raw::Text;
use crate::config::units::parse_duration;

/// What validation needs besides the raw values.
pub(super) struct Context<'a> {
    pub report: Report<'a>,
    /// The config file's folder, absolute, against which relative paths resolve.
    pub base_dir: PathBuf,
    pub env: &'a dyn Fn(&str) -> Option<OsString>,
    pub checks: Checks,
}

impl Context<'_> {
    pub(super) fn resolve(&self, path: &str) -> PathBuf {
        self.base_dir.join(path)
    }
}

/// Extra HTTP headers of a feed or a webhook: legal names, values without line breaks, and a
/// warning for a placeholder left in (the SEC refuses anonymous clients).
pub(super) fn checked_headers(
    cx: &mut Context,
    owner: &str,
    raw: &BTreeMap<Text, Text>,
    url: &str,
) -> Vec<(String, String)> {
    let mut headers = Vec::new();
    for (header, value) in raw {
        if !is_http_token(header.get_ref()) {
            cx.report.error(
                header.span(),
                format!(
                    "{owner}: \"{}\" is not a valid HTTP header name",
                    header.get_ref()
                ),
            );
        }
        let context = format!("{owner}: header {}", header.get_ref());
        if check_header_value(&mut cx.report, &context, value)
            && let Some(placeholder) = placeholder(value.get_ref())
        {
            let why = if url.contains("sec.gov") {
                "; the SEC blocks requests without a real contact"
            } else {
                ""
            };
            cx.report.warn(
                value.span(),
                format!("{context} still holds a placeholder ({placeholder}){why}"),
            );
        }
        headers.push((header.get_ref().clone(), value.get_ref().clone()));
    }
    headers
}

/// A rule's or channel's `digest` period: from a minute (shorter is no digest) to a week
/// (longer, and the news is stale before anyone reads it).
pub(super) fn digest_period(report: &mut Report, owner: &str, value: &Text) -> Option<Duration> {
    const SHORTEST: Duration = Duration::from_secs(60);
    const LONGEST: Duration = Duration::from_secs(7 * 24 * 3600);
    let period = duration(report, owner, "digest", value, true)?;
    if !(SHORTEST..=LONGEST).contains(&period) {
        report.error(
            value.span(),
            format!(
                "{owner}: digest \"{}\" must be between 1m and 7d",
                value.get_ref()
            ),
        );
        return None;
    }
    Some(period)
}

/// Parses a duration value; reports and returns `None` if it is invalid, or zero where
/// `positive` is required.
pub(super) fn duration(
    report: &mut Report,
    owner: &str,
    key: &str,
    value: &Text,
    positive: bool,
) -> Option<Duration> {
    match parse_duration(value.get_ref()) {
        Ok(duration) if positive && duration.is_zero() => {
            report.error(
                value.span(),
                format!("{owner}: {key} must be greater than zero"),
            );
            None
        }
        Ok(duration) => Some(duration),
        Err(message) => {
            report.error(
                value.span(),
                format!("{owner}: {key} \"{}\": {message}", value.get_ref()),
            );
            None
        }
    }
}

/// `http://` or `https://` followed by a host, with no whitespace or control characters.
pub(super) fn is_http_url(value: &str) -> bool {
    let rest = strip_prefix_ignore_case(value, "https://")
        .or_else(|| strip_prefix_ignore_case(value, "http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !value.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

pub(super) fn strip_prefix_ignore_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &value[prefix.len()..])
}

/// RFC 9110 token characters.
pub(super) fn is_http_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

/// Header values may not hold control characters (a line break would inject headers).
/// Reports and returns false when `value` does.
pub(super) fn check_header_value(report: &mut Report, context: &str, value: &Text) -> bool {
    let valid = !value.get_ref().chars().any(|c| c.is_control() && c != '\t');
    if !valid {
        report.error(
            value.span(),
            format!("{context}: value contains a line break or control character"),
        );
    }
    valid
}

/// Placeholder text copied from an example config, which publishers reject as a contact.
pub(super) fn placeholder(value: &str) -> Option<&'static str> {
    let lower = value.to_ascii_lowercase();
    if value.contains("REPLACE") {
        Some("\"REPLACE\"")
    } else if lower.contains("example.com") {
        Some("example.com")
    } else if lower.contains("example.org") {
        Some("example.org")
    } else {
        None
    }
}

/// Picks the value named by `value` from `choices`, or reports the valid names.
pub(super) fn parse_choice<T: Copy>(
    report: &mut Report,
    owner: &str,
    key: &str,
    value: &Text,
    choices: &[(&str, T)],
) -> Option<T> {
    let found = choices.iter().find(|(name, _)| name == value.get_ref());
    if found.is_none() {
        let valid: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        report.error(
            value.span(),
            format!(
                "{owner}: unknown {key} \"{}\" (valid: {})",
                value.get_ref(),
                valid.join(", ")
            ),
        );
    }
    found.map(|(_, choice)| *choice)
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum NameChars {
    /// `[a-z0-9-]+`: feed names, as docs/CONFIGURATION.md gives them.
    HyphenOnly,
    /// `[a-z0-9_-]+`: every other name.
    WithUnderscore,
}

pub(super) fn check_name(report: &mut Report, kind: &str, name: &Text, chars: NameChars) {
    let value = name.get_ref();
    let allowed = |c: char| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || c == '-'
            || (c == '_' && chars == NameChars::WithUnderscore)
    };
    if value.is_empty() {
        report.error(name.span(), format!("{kind} name is empty"));
    } else if !value.chars().all(allowed) {
        let set = match chars {
            NameChars::HyphenOnly => "a-z, 0-9 and -",
            NameChars::WithUnderscore => "a-z, 0-9, _ and -",
        };
        report.error(
            name.span(),
            format!("{kind} name \"{value}\" may only contain {set}"),
        );
    }
}
