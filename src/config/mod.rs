//! Configuration: the TOML schema, its validation, and the typed `Config` the rest of
//! newswatch runs on.
//!
//! Loading is two steps. serde reads the file into `raw` types that keep every value's
//! span; `validate` (and `channel` for delivery channels) then checks meaning, resolves
//! relative paths against the config file's folder, reads secrets, and collects every
//! problem as a `file:line:col: message` diagnostic, so `newswatch check` shows all
//! mistakes at once. Only a TOML syntax error or a schema error (unknown or missing key,
//! wrong type) stops at the first one, because serde cannot go on past it.
//!
//! Rule queries stay text here (with their position); the rules module compiles them, and its
//! parser checks them during the load ([`QueryCheck`]) so their errors come with the rest. Channel
//! templates are rendered by a check the caller passes in ([`TemplateCheck`]): rendering needs
//! the alert types, a layer above. Checks of single values shared by every section are in
//! `fields`.

mod channel;
mod diagnostics;
mod exposure;
mod fatigue;
mod fields;
mod raw;
mod store;
mod units;
mod validate;

#[cfg(test)]
mod reference_tests;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

pub(crate) use crate::config::diagnostics::closest_name;
pub use crate::config::diagnostics::{ConfigError, Diagnostic, Location};
pub use crate::config::fatigue::{AlertCap, QuietHours, window_end};
pub use crate::config::units::{parse_duration, parse_size};

/// A validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The config file as given on the command line.
    pub path: PathBuf,
    pub daemon: DaemonConfig,
    /// Entity name (used as `@name` in queries) to its aliases, each non-empty.
    pub entities: BTreeMap<String, Vec<String>>,
    pub feeds: Vec<FeedConfig>,
    pub rules: Vec<RuleConfig>,
    pub channels: Vec<ChannelConfig>,
    /// Findings that do not stop the daemon but that `check` should show.
    pub warnings: Vec<Diagnostic>,
}

/// The `[daemon]` table; every key is optional.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaemonConfig {
    /// The SQLite file (`state`, or `store = "sqlite://PATH"`), resolved against the config
    /// folder; not used when `postgres` is set.
    pub state: PathBuf,
    /// `store = "postgres://..."`: the state is in this PostgreSQL database, which several
    /// nodes may share.
    pub postgres: Option<PostgresConfig>,
    /// Poll interval of feeds that do not set their own; with a learned rhythm, the longest
    /// a feed waits between polls (docs/SCHEDULING.md).
    pub interval: Duration,
    /// The shortest a feed with a learned rhythm waits between polls, for feeds that do not
    /// set their own.
    pub min_interval: Duration,
    /// The price of a request in the adaptive schedule: a feed publishing one item per
    /// `pivot_interval` is polled once per `pivot_interval`.
    pub pivot_interval: Duration,
    /// Feeds fetched at once, at least 1.
    pub concurrency: usize,
    /// Limit for a whole request.
    pub timeout: Duration,
    /// Larger response bodies are cut off and the poll fails.
    pub max_body: u64,
    pub user_agent: String,
    /// A feed's first poll alerts only on items younger than this.
    pub new_feed_backlog: Duration,
    /// Items older than this never alert.
    pub max_item_age: Duration,
    /// The most a feed's `<ttl>` or `Cache-Control` may lengthen its interval.
    pub max_hint_delay: Duration,
    /// Cap of a failing feed's exponential backoff.
    pub max_backoff: Duration,
    /// Seen items older than this are pruned from the store.
    pub retention: Duration,
    /// How far back a new item looks for the story it belongs to.
    pub story_window: Duration,
    /// An alert still failing transiently this long after it was queued is given up as dead.
    pub alert_give_up: Duration,
    /// Channels that hear about newswatch's own trouble: failing or silent feeds, failing
    /// channels. Empty: nobody is told (the log and `status` still say it).
    pub health_notify: Vec<String>,
    /// A feed failing this long raises a health alert.
    pub feed_failing_after: Duration,
    /// A channel whose oldest undelivered alert has been failing this long raises one.
    pub channel_failing_after: Duration,
    /// Where `/metrics`, `/healthz` and `/readyz` are served; nothing listens when `None`.
    pub listen: Option<std::net::SocketAddr>,
    /// Feeds and webhooks may reach loopback, private and link-local addresses (the SSRF
    /// guard is off).
    pub allow_private_networks: bool,
    /// Private addresses reachable even with the guard on.
    pub allow_private_addresses: Vec<std::net::IpAddr>,
}

impl Default for DaemonConfig {
    fn default() -> Self {
        const HOUR: u64 = 3600;
        const DAY: u64 = 24 * HOUR;
        DaemonConfig {
            state: PathBuf::from("/var/lib/newswatch/newswatch.db"),
            postgres: None,
            interval: Duration::from_secs(10 * 60),
            min_interval: Duration::from_secs(2 * 60),
            pivot_interval: Duration::from_secs(10 * 60),
            concurrency: 8,
            timeout: Duration::from_secs(20),
            max_body: 10 * 1024 * 1024,
            user_agent: concat!("newswatch/", env!("CARGO_PKG_VERSION")).to_owned(),
            new_feed_backlog: Duration::from_secs(DAY),
            max_item_age: Duration::from_secs(7 * DAY),
            max_hint_delay: Duration::from_secs(HOUR),
            max_backoff: Duration::from_secs(6 * HOUR),
            retention: Duration::from_secs(90 * DAY),
            story_window: Duration::from_secs(2 * DAY),
            alert_give_up: Duration::from_secs(DAY),
            health_notify: Vec::new(),
            feed_failing_after: Duration::from_secs(6 * HOUR),
            channel_failing_after: Duration::from_secs(HOUR),
            listen: None,
            allow_private_networks: false,
            allow_private_addresses: Vec::new(),
        }
    }
}

/// A PostgreSQL store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostgresConfig {
    /// The URL as written; it holds no password (the config refuses one).
    pub url: String,
    /// From `store_password_file` or `store_password_env`; `None` when the server asks for
    /// none (or takes it from `PGPASSWORD` or `~/.pgpass`, as libpq does).
    pub password: Option<Secret>,
}

/// One `[[feed]]`.
#[derive(Clone, PartialEq, Eq)]
pub struct FeedConfig {
    /// Unique, `[a-z0-9-]+`.
    pub name: String,
    /// What people call the feed ("Reuters World News"), kept from an OPML import and written
    /// back by `feeds export`; the name stays the identifier everywhere else.
    pub title: Option<String>,
    /// `http://`, `https://`, or an absolute `file:///` URL (relative ones are resolved
    /// against the config folder at load time).
    pub url: String,
    /// The feed's own interval, or `[daemon] interval`: the longest it waits between polls.
    pub interval: Duration,
    /// The feed's own `min_interval`, or `[daemon] min_interval`: the shortest it waits once
    /// its rhythm is learned (the interval, if that is shorter).
    pub min_interval: Duration,
    pub tags: Vec<String>,
    /// Extra request headers; names are HTTP tokens, values hold no control characters.
    pub headers: Vec<(String, String)>,
    /// Whether `<ttl>` and `Cache-Control: max-age` may lengthen the interval.
    pub honor_cache_headers: bool,
    /// A feed with no new item for this long raises a health alert (`expect_items_within`).
    pub expect_items_within: Option<Duration>,
    /// This feed may live on a private address (`allow_private = true`).
    pub allow_private: bool,
    /// `paused = true`: the daemon does not poll the feed, its state is kept as it was, and
    /// `check`, `status` and `feeds list` say it is paused.
    pub paused: bool,
}

/// Debug output shows credential headers as `***`.
impl fmt::Debug for FeedConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedConfig")
            .field("name", &self.name)
            .field("title", &self.title)
            .field("url", &self.url)
            .field("interval", &self.interval)
            .field("min_interval", &self.min_interval)
            .field("tags", &self.tags)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("honor_cache_headers", &self.honor_cache_headers)
            .field("expect_items_within", &self.expect_items_within)
            .field("allow_private", &self.allow_private)
            .field("paused", &self.paused)
            .finish()
    }
}

/// Header pairs for Debug output, the values of credential headers (`Authorization`, ...)
/// replaced by `***`.
struct RedactedHeaders<'a>(&'a [(String, String)]);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        for (name, value) in self.0 {
            if exposure::is_credential(name) {
                list.entry(&(name, "***"));
            } else {
                list.entry(&(name, value));
            }
        }
        list.finish()
    }
}

/// One `[[rule]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleConfig {
    pub name: String,
    /// The query text, compiled by the rules module.
    pub query: String,
    /// Where the query's first character is in the file, so the rules compiler can report
    /// `file:line:col` (exact for queries without escapes or line breaks).
    pub query_location: Location,
    /// Feeds the rule looks at; empty means every feed.
    pub feeds: Vec<FeedScope>,
    pub severity: Severity,
    /// Channel names, each defined in `[[channel]]`.
    pub notify: Vec<String>,
    /// Hold this rule's alerts and send them as one message per period (`digest = "1h"`).
    pub digest: Option<Duration>,
    /// Items of one story across outlets make one alert; later ones join its story.
    pub cluster: bool,
    /// How similar an item must be to a story's to join it, in (0, 1]; `None` is the
    /// clustering engine's tuned default.
    pub cluster_threshold: Option<f64>,
    /// At most one follow-up per story per this period (`story_update = "off"`: none).
    pub story_update: Option<Duration>,
    /// Past this many alerts per period, alerts are held and summarised (`max_alerts`).
    pub max_alerts: Option<AlertCap>,
}

/// An entry of a rule's `feeds`: `"tag:filings"` or a feed name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedScope {
    Feed(String),
    Tag(String),
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The lower-case name used in the config file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Upper case, as in an email subject: `[newswatch] HIGH alibaba-pla: ...`.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str().to_ascii_uppercase())
    }
}

/// One `[[channel]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelConfig {
    pub name: String,
    pub kind: ChannelKind,
    /// Every alert to this channel goes into a digest of this period, unless its rule sets
    /// its own.
    pub digest: Option<Duration>,
    /// The channel's own body template (`template = "path"`), checked at load time.
    pub template: Option<ChannelTemplate>,
    /// Alerts (other than `critical` ones) that fall in this window wait for its end and go
    /// out as one digest.
    pub quiet_hours: Option<QuietHours>,
}

/// A user's minijinja template, read at load time. Its file extension says what it renders:
/// `.html` or `.txt` for an email part, and for a webhook the body's media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelTemplate {
    pub path: PathBuf,
    pub source: String,
}

/// Where a channel's template is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateUse {
    Email,
    Webhook,
}

/// Renders a user's template with sample messages and says what fails. Rendering needs the
/// alert types, which sit above the config layer, so the caller of [`load`] passes it in
/// (`alert::render::check_template`); the template's error is then reported with the file's
/// other errors, at the `template` key.
pub type TemplateCheck = fn(&ChannelTemplate, TemplateUse) -> Result<(), String>;

/// Parses a rule query against the config's entity names and says where it fails: the column
/// (in characters, from 1) and the message. The query language sits above the config layer, so
/// the caller of [`load`] passes it in (`rules::check_query`); query errors are then reported
/// with the file's other errors, in one pass.
pub type QueryCheck = fn(&str, &[&str]) -> Result<(), (usize, String)>;

/// Parses one entity alias and says why it cannot be matched (an invalid regex, no words).
/// Like [`QueryCheck`], the caller passes it in (`rules::check_alias`).
pub type AliasCheck = fn(&str) -> Result<(), String>;

/// What the layers above the config check while it loads, so that every error of the file
/// comes out in one pass.
#[derive(Clone, Copy)]
pub struct Checks {
    pub template: TemplateCheck,
    pub query: QueryCheck,
    pub alias: AliasCheck,
}

impl ChannelTemplate {
    /// The file extension, lower case (`html`, `txt`, `json`, ...).
    pub fn extension(&self) -> String {
        self.path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelKind {
    Email(EmailChannel),
    Webhook(WebhookChannel),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailChannel {
    pub from: String,
    pub to: Vec<String>,
    pub transport: EmailTransport,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailTransport {
    Smtp {
        host: String,
        /// `smtp_port`, or 587 for starttls, 465 for tls, 25 for none.
        port: u16,
        tls: TlsMode,
        username: Option<String>,
        /// Read from `password_file` or `password_env` at load time.
        password: Option<Secret>,
        /// PEM of a private CA to trust (`tls_ca_file`), read at load time.
        tls_ca: Option<String>,
    },
    Sendmail {
        /// `sendmail_command`, default `/usr/sbin/sendmail`.
        command: PathBuf,
    },
    Maildir {
        /// Resolved against the config folder.
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TlsMode {
    Starttls,
    Tls,
    None,
}

#[derive(Clone, PartialEq, Eq)]
pub struct WebhookChannel {
    pub url: String,
    pub format: WebhookFormat,
    /// Standard Webhooks signing secret (`whsec_...`), read from `secret_file`.
    pub secret: Option<Secret>,
    /// Extra HTTP headers sent with every post (`headers = { "Authorization" = "..." }`).
    pub headers: Vec<(String, String)>,
    /// The receiver may live on a private address (`allow_private = true`).
    pub allow_private: bool,
}

/// Debug output hides a chat service's URL (it is the credential) and credential headers.
impl fmt::Debug for WebhookChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url: &dyn fmt::Debug = match self.format {
            WebhookFormat::Json => &self.url,
            _ => &"***",
        };
        f.debug_struct("WebhookChannel")
            .field("url", url)
            .field("format", &self.format)
            .field("secret", &self.secret)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("allow_private", &self.allow_private)
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebhookFormat {
    Json,
    Slack,
    Discord,
    Teams,
}

/// A password or signing key. It prints as `***` so it cannot reach a log line or `check`
/// output by accident; `expose` is the one way to the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Reads and validates the config file at `path`, with a warning if the file holds inline
/// secrets (a chat webhook URL, an `Authorization` header) and others may read it. Channel
/// templates and rule queries are checked with `checks`.
pub fn load(path: &Path, checks: Checks) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| ConfigError::whole_file(path, format!("cannot read config: {error}")))?;
    let mut config = parse_str(&text, path, checks)?;
    config
        .warnings
        .extend(exposure::readable_secrets_warning(path, &config));
    Ok(config)
}

/// Validates config `text`; `path` names the file in diagnostics, and its folder is where
/// relative paths in the file resolve. Secret files and variables are read here.
pub fn parse_str(text: &str, path: &Path, checks: Checks) -> Result<Config, ConfigError> {
    parse_with_env(text, path, &|name| std::env::var_os(name), checks)
}

/// `parse_str` with the environment injected, so tests need not mutate the process's.
fn parse_with_env(
    text: &str,
    path: &Path,
    env: &dyn Fn(&str) -> Option<OsString>,
    checks: Checks,
) -> Result<Config, ConfigError> {
    let unknown = raw::unknown_keys(text);
    if !unknown.is_empty() {
        let lines = diagnostics::LineStarts::new(text);
        let mut diagnostics: Vec<Diagnostic> = unknown
            .iter()
            .map(|unknown| Diagnostic {
                file: path.to_path_buf(),
                location: Some(lines.location(text, unknown.span.start)),
                message: format!(
                    "unknown key `{}` in {} {}",
                    unknown.key,
                    unknown.section,
                    diagnostics::unknown_name_hint(&unknown.key, unknown.known, "keys")
                ),
            })
            .collect();
        // Every error at once: the rest of the file is checked as if the unknown keys' lines
        // were blank (offsets kept, so locations stay right). A value spanning lines leaves
        // the rest unparseable; then the unknown keys are all there is to say.
        let mut masked = text.to_string();
        for unknown in &unknown {
            let end = text[unknown.span.start..]
                .find('\n')
                .map_or(text.len(), |n| unknown.span.start + n);
            masked.replace_range(
                unknown.span.start..end,
                &" ".repeat(end - unknown.span.start),
            );
        }
        if let Ok(raw) = toml::from_str::<raw::RawConfig>(&masked)
            && let Err(rest) = validate::validate(raw, &masked, path, env, checks)
        {
            diagnostics.extend(rest.diagnostics);
            diagnostics.sort_by_key(|d| d.location.map(|l| (l.line, l.col)));
        }
        return Err(ConfigError { diagnostics });
    }
    let raw: raw::RawConfig = toml::from_str(text).map_err(|error| {
        let diagnostic = match single_bracket_list(text) {
            // TOML's own words ("duplicate key", "invalid type: map, expected a sequence")
            // do not say that the header wants two brackets.
            Some((offset, name)) => Diagnostic {
                file: path.to_path_buf(),
                location: Some(Location::of_offset(text, offset)),
                message: format!(
                    "[{name}] must be [[{name}]]: {name}s are a list, one [[{name}]] section \
                     per {name} (TOML: {})",
                    error.message()
                ),
            },
            None => Diagnostic {
                file: path.to_path_buf(),
                location: error
                    .span()
                    .map(|span| Location::of_offset(text, span.start)),
                message: error.message().to_owned(),
            },
        };
        ConfigError {
            diagnostics: vec![diagnostic],
        }
    })?;
    validate::validate(raw, text, path, env, checks)
}

/// The first `[feed]`, `[rule]` or `[channel]` header written with single brackets, as its
/// offset and name: those sections are arrays of tables.
fn single_bracket_list(text: &str) -> Option<(usize, &'static str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let header = line.split('#').next().unwrap_or_default().trim();
        let found = ["feed", "rule", "channel"]
            .into_iter()
            .find(|name| header == format!("[{name}]"));
        if let Some(name) = found {
            return Some((offset + (line.len() - line.trim_start().len()), name));
        }
        offset += line.len();
    }
    None
}
