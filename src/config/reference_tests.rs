//! Keeps `docs/CONFIGURATION.md` true to the parser: every key a section accepts has a row in
//! that section's tables, every row names a key the section accepts, and the defaults the page
//! gives for `[daemon]` are the ones the code applies. A key added without its documentation
//! fails here.

use std::collections::BTreeSet;

use crate::config::raw;
use crate::config::{DaemonConfig, parse_duration, parse_size};

const PAGE: &str = include_str!("../../docs/CONFIGURATION.md");

/// The text under the `## ` heading that names `section` (such as `` `[[feed]]` ``), up to
/// the next `## ` heading.
fn section(marker: &str) -> &'static str {
    let heading = format!("\n## `{marker}`\n");
    let start = PAGE
        .find(&heading)
        .unwrap_or_else(|| panic!("docs/CONFIGURATION.md has no heading {}", heading.trim()))
        + heading.len();
    let end = PAGE[start..]
        .find("\n## ")
        .map_or(PAGE.len(), |n| start + n);
    &PAGE[start..end]
}

/// The table rows of `text` whose first cell is one backticked key, as (key, cells).
fn key_rows(text: &str) -> Vec<(&str, Vec<&str>)> {
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .strip_prefix('|')?
                .split(" | ")
                .map(str::trim)
                .collect();
            let key = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            is_key.then_some((key, cells))
        })
        .collect()
}

#[test]
fn every_section_has_its_heading() {
    for key in raw::TOP_KEYS {
        let marker = match *key {
            "daemon" | "entities" => format!("[{key}]"),
            _ => format!("[[{key}]]"),
        };
        assert!(!section(&marker).is_empty(), "{marker}");
    }
}

#[test]
fn every_key_the_parser_accepts_is_documented_in_its_section_and_no_other() {
    let sections: [(&str, &[&str]); 4] = [
        ("[daemon]", raw::DAEMON_KEYS),
        ("[[feed]]", raw::FEED_KEYS),
        ("[[rule]]", raw::RULE_KEYS),
        ("[[channel]]", raw::CHANNEL_KEYS),
    ];
    for (marker, keys) in sections {
        let documented: BTreeSet<&str> = key_rows(section(marker))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let accepted: BTreeSet<&str> = keys.iter().copied().collect();
        let missing: Vec<_> = accepted.difference(&documented).collect();
        let unknown: Vec<_> = documented.difference(&accepted).collect();
        assert!(
            missing.is_empty(),
            "docs/CONFIGURATION.md, section {marker}: no row for {missing:?}"
        );
        assert!(
            unknown.is_empty(),
            "docs/CONFIGURATION.md, section {marker}: rows for keys the parser refuses: {unknown:?}"
        );
    }
}

#[test]
fn the_documented_daemon_defaults_are_the_applied_ones() {
    let rows = key_rows(section("[daemon]"));
    let default_of = |key: &str| -> String {
        let (_, cells) = rows
            .iter()
            .find(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("no row for {key}"));
        // key | type | default | meaning
        cells[2].trim_matches(['`', '"']).to_string()
    };
    let defaults = DaemonConfig::default();
    let durations = [
        ("interval", defaults.interval),
        ("min_interval", defaults.min_interval),
        ("pivot_interval", defaults.pivot_interval),
        ("timeout", defaults.timeout),
        ("new_feed_backlog", defaults.new_feed_backlog),
        ("max_item_age", defaults.max_item_age),
        ("max_hint_delay", defaults.max_hint_delay),
        ("max_backoff", defaults.max_backoff),
        ("retention", defaults.retention),
        ("story_window", defaults.story_window),
        ("alert_give_up", defaults.alert_give_up),
        ("feed_failing_after", defaults.feed_failing_after),
        ("channel_failing_after", defaults.channel_failing_after),
    ];
    for (key, value) in durations {
        assert_eq!(parse_duration(&default_of(key)), Ok(value), "{key}");
    }
    assert_eq!(parse_size(&default_of("max_body")), Ok(defaults.max_body));
    assert_eq!(default_of("concurrency"), defaults.concurrency.to_string());
    assert_eq!(
        default_of("state"),
        defaults.state.display().to_string(),
        "state"
    );
    assert_eq!(default_of("allow_private_networks"), "false");
}
