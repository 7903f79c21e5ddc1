//! The config file exactly as written: serde types that keep each value's span.
//!
//! Nothing here is interpreted; `validate` and `channel` turn these into the public types.
//! Values we may need to point at are `Spanned`, and every table denies unknown keys so a
//! typo is an error with a position rather than a silently ignored setting.

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
    pub interval: Option<Text>,
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
    pub url: Text,
    pub interval: Option<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub headers: BTreeMap<Text, Text>,
    pub honor_cache_headers: Option<bool>,
    pub expect_items_within: Option<Text>,
    pub allow_private: Option<bool>,
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
