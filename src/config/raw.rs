//! The config file exactly as written: serde types that keep each value's span.
//!
//! Nothing here is interpreted; `validate` and `channel` turn these into the public types.
//! Values we may need to point at are `Spanned`, and every table denies unknown keys so a
//! typo is an error with a position rather than a silently ignored setting. Before serde
//! runs, [`unknown_keys`] finds every unknown key of the file against the key lists here, so
//! that all are reported at once, each with the key it most likely meant.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

pub(super) type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    #[serde(default)]
    pub daemon: RawDaemon,
    #[serde(default)]
    pub entities: BTreeMap<Text, Spanned<Vec<Text>>>,
    #[serde(default)]
    pub feed: Vec<RawFeed>,
    #[serde(default)]
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub channel: Vec<RawChannel>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDaemon {
    pub state: Option<Text>,
    pub store: Option<Text>,
    pub store_password_file: Option<Text>,
    pub store_password_env: Option<Text>,
    pub interval: Option<Text>,
    pub min_interval: Option<Text>,
    pub pivot_interval: Option<Text>,
    /// Signed so that 0 and -1 get our message instead of serde's, and do not stop the
    /// search for further errors.
    pub concurrency: Option<Spanned<i64>>,
    pub timeout: Option<Text>,
    pub max_body: Option<Text>,
    pub user_agent: Option<Text>,
    pub new_feed_backlog: Option<Text>,
    pub max_item_age: Option<Text>,
    pub max_hint_delay: Option<Text>,
    pub max_backoff: Option<Text>,
    pub retention: Option<Text>,
    pub story_window: Option<Text>,
    pub alert_give_up: Option<Text>,
    #[serde(default)]
    pub health_notify: Vec<Text>,
    pub feed_failing_after: Option<Text>,
    pub channel_failing_after: Option<Text>,
    pub listen: Option<Text>,
    pub allow_private_networks: Option<bool>,
    #[serde(default)]
    pub allow_private_addresses: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeed {
    pub name: Text,
    pub title: Option<Text>,
    pub url: Text,
    pub interval: Option<Text>,
    pub min_interval: Option<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub headers: BTreeMap<Text, Text>,
    pub honor_cache_headers: Option<bool>,
    pub expect_items_within: Option<Text>,
    pub allow_private: Option<bool>,
    pub paused: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub name: Text,
    pub query: Text,
    #[serde(default)]
    pub feeds: Vec<Text>,
    pub severity: Option<Text>,
    #[serde(default)]
    pub notify: Vec<Text>,
    pub digest: Option<Text>,
    pub cluster: Option<bool>,
    pub cluster_threshold: Option<Spanned<f64>>,
    pub story_update: Option<Text>,
    pub max_alerts: Option<Text>,
}

/// Every key any channel type may use, all optional: which ones are required or allowed
/// depends on `type` and `transport`, checked in `channel`. A serde tagged enum would do
/// this for us but loses spans and `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChannel {
    pub name: Text,
    #[serde(rename = "type")]
    pub kind: Text,
    pub from: Option<Text>,
    pub to: Option<Spanned<Vec<Text>>>,
    pub transport: Option<Text>,
    pub smtp_host: Option<Text>,
    pub smtp_port: Option<Spanned<i64>>,
    pub tls: Option<Text>,
    pub username: Option<Text>,
    pub password_file: Option<Text>,
    pub password_env: Option<Text>,
    pub tls_ca_file: Option<Text>,
    pub dir: Option<Text>,
    pub sendmail_command: Option<Text>,
    pub url: Option<Text>,
    pub format: Option<Text>,
    pub secret_file: Option<Text>,
    pub headers: Option<Spanned<BTreeMap<Text, Text>>>,
    pub digest: Option<Text>,
    pub template: Option<Text>,
    pub allow_private: Option<Spanned<bool>>,
    pub quiet_hours: Option<Text>,
    pub timezone: Option<Text>,
}

impl RawChannel {
    /// The optional keys present in this table, with the span of each value.
    pub(super) fn present_keys(&self) -> Vec<(&'static str, Range<usize>)> {
        let text = |key, value: &Option<Text>| value.as_ref().map(|v| (key, v.span()));
        [
            text("from", &self.from),
            self.to.as_ref().map(|v| ("to", v.span())),
            text("transport", &self.transport),
            text("smtp_host", &self.smtp_host),
            self.smtp_port.as_ref().map(|v| ("smtp_port", v.span())),
            text("tls", &self.tls),
            text("username", &self.username),
            text("password_file", &self.password_file),
            text("password_env", &self.password_env),
            text("tls_ca_file", &self.tls_ca_file),
            text("dir", &self.dir),
            text("sendmail_command", &self.sendmail_command),
            text("url", &self.url),
            text("format", &self.format),
            text("secret_file", &self.secret_file),
            self.headers.as_ref().map(|v| ("headers", v.span())),
            self.allow_private
                .as_ref()
                .map(|v| ("allow_private", v.span())),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The keys each table accepts, as its struct above names them (a test checks that they
/// agree). Used to report every unknown key at once, each with a did-you-mean: serde stops at
/// the first, and its message lists every key instead of the likely one.
pub(super) const TOP_KEYS: &[&str] = &["daemon", "entities", "feed", "rule", "channel"];
pub(super) const DAEMON_KEYS: &[&str] = &[
    "state",
    "store",
    "store_password_file",
    "store_password_env",
    "interval",
    "min_interval",
    "pivot_interval",
    "concurrency",
    "timeout",
    "max_body",
    "user_agent",
    "new_feed_backlog",
    "max_item_age",
    "max_hint_delay",
    "max_backoff",
    "retention",
    "story_window",
    "alert_give_up",
    "health_notify",
    "feed_failing_after",
    "channel_failing_after",
    "listen",
    "allow_private_networks",
    "allow_private_addresses",
];
pub(super) const FEED_KEYS: &[&str] = &[
    "name",
    "title",
    "url",
    "interval",
    "min_interval",
    "tags",
    "headers",
    "honor_cache_headers",
    "expect_items_within",
    "allow_private",
    "paused",
];
pub(super) const RULE_KEYS: &[&str] = &[
    "name",
    "query",
    "feeds",
    "severity",
    "notify",
    "digest",
    "cluster",
    "cluster_threshold",
    "story_update",
    "max_alerts",
];
pub(super) const CHANNEL_KEYS: &[&str] = &[
    "name",
    "type",
    "from",
    "to",
    "transport",
    "smtp_host",
    "smtp_port",
    "tls",
    "username",
    "password_file",
    "password_env",
    "tls_ca_file",
    "dir",
    "sendmail_command",
    "url",
    "format",
    "secret_file",
    "headers",
    "digest",
    "template",
    "allow_private",
    "quiet_hours",
    "timezone",
];

/// An unknown key: its span, its text, the section it is in, and the accepted keys there.
pub(super) struct UnknownKey {
    pub span: Range<usize>,
    pub key: String,
    pub section: &'static str,
    pub known: &'static [&'static str],
}

/// Every key of `text` that no table accepts, in file order; empty when the text is not
/// valid TOML (the TOML error is reported instead).
pub(super) fn unknown_keys(text: &str) -> Vec<UnknownKey> {
    use toml::de::{DeTable, DeValue};
    let Ok(root) = DeTable::parse(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut check = |table: &DeTable<'_>, section: &'static str, known: &'static [&'static str]| {
        for key in table.keys() {
            if !known.contains(&key.get_ref().as_ref()) {
                found.push(UnknownKey {
                    span: key.span(),
                    key: key.get_ref().to_string(),
                    section,
                    known,
                });
            }
        }
    };
    let root = root.get_ref();
    check(root, "the top level", TOP_KEYS);
    let sections: [(&str, &'static str, &'static [&'static str]); 4] = [
        ("daemon", "[daemon]", DAEMON_KEYS),
        ("feed", "[[feed]]", FEED_KEYS),
        ("rule", "[[rule]]", RULE_KEYS),
        ("channel", "[[channel]]", CHANNEL_KEYS),
    ];
    for (name, section, known) in sections {
        let tables: Vec<&DeTable<'_>> = match root.get(name).map(|value| value.get_ref()) {
            Some(DeValue::Table(table)) => vec![table],
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(table) => Some(table),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for table in tables {
            check(table, section, known);
        }
    }
    found.sort_by_key(|unknown| unknown.span.start);
    found
}
