//! Semantic checks of the raw file: names, references between sections, durations,
//! sizes, URLs and headers, with relative paths resolved against the config folder.
//!
//! Each check reports into one `Report` and carries on with a fallback value, so a single
//! run finds every error; the fallbacks never escape because any error fails the load.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::Spanned;

use crate::config::channel;
use crate::config::diagnostics::{ConfigError, Report, unknown_name_hint};
use crate::config::fields::{
    Context, NameChars, check_header_value, check_name, checked_headers, digest_period, duration,
    is_http_url, parse_choice, placeholder, strip_prefix_ignore_case,
};
use crate::config::raw::{RawChannel, RawConfig, RawDaemon, RawFeed, RawRule, Text};
use crate::config::units::parse_size;
use crate::config::{
    AlertCap, AliasCheck, Checks, Config, DaemonConfig, FeedConfig, FeedScope, Location,
    RuleConfig, Severity,
};

pub(super) fn validate(
    raw: RawConfig,
    text: &str,
    path: &Path,
    env: &dyn Fn(&str) -> Option<OsString>,
    checks: Checks,
) -> Result<Config, ConfigError> {
    let mut cx = Context {
        report: Report::new(text, path),
        base_dir: config_dir(path),
        env,
        checks,
    };

    let daemon = daemon_config(&mut cx, &raw.daemon);
    let entities = entities(&mut cx.report, raw.entities, cx.checks.alias);

    check_unique(
        &mut cx.report,
        "feed",
        raw.feed.iter().map(|feed| &feed.name),
    );
    let feeds: Vec<FeedConfig> = raw
        .feed
        .iter()
        .map(|feed| feed_config(&mut cx, feed, &daemon))
        .collect();

    check_unique(
        &mut cx.report,
        "channel",
        raw.channel.iter().map(|channel| &channel.name),
    );
    let channels = raw
        .channel
        .iter()
        .filter_map(|channel| channel::channel(&mut cx, channel))
        .collect();

    // References are checked against every defined name, even of sections that had
    // errors, so one mistake is not reported again as a dangling reference.
    let known = KnownNames {
        feeds: raw
            .feed
            .iter()
            .map(|feed| feed.name.get_ref().as_str())
            .collect(),
        tags: raw
            .feed
            .iter()
            .flat_map(|feed| &feed.tags)
            .map(|tag| tag.get_ref().as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        channels: raw
            .channel
            .iter()
            .map(|channel| channel.name.get_ref().as_str())
            .collect(),
    };
    check_unique(
        &mut cx.report,
        "rule",
        raw.rule.iter().map(|rule| &rule.name),
    );
    let rules: Vec<RuleConfig> = raw
        .rule
        .iter()
        .map(|rule| rule_config(&mut cx.report, rule, &known))
        .collect();

    for channel in &raw.daemon.health_notify {
        let name = channel.get_ref().as_str();
        if !known.channels.contains(&name) {
            let hint = unknown_name_hint(name, &known.channels, "channels");
            cx.report.error(
                channel.span(),
                format!("daemon: unknown channel \"{name}\" in health_notify {hint}"),
            );
        }
    }

    // Queries are parsed here too, so their errors come with the file's others.
    let entity_names: Vec<&str> = entities.keys().map(String::as_str).collect();
    for rule in &rules {
        if let Err((column, message)) = (cx.checks.query)(&rule.query, &entity_names) {
            // Columns inside a single-line query; a multi-line one points at its start line
            // with the query's own column, which still finds the token.
            let at = cx.report.offset_of(Location {
                line: rule.query_location.line,
                col: rule.query_location.col + column.saturating_sub(1),
            });
            cx.report
                .error(at..at, format!("rule \"{}\": {message}", rule.name));
        }
    }

    warn_unwatched_feeds(&mut cx.report, &raw.feed, &rules);
    warn_guarded_targets(&mut cx.report, &raw.feed, &raw.channel, &daemon);

    let warnings = cx.report.finish()?;
    Ok(Config {
        path: path.to_path_buf(),
        daemon,
        entities,
        feeds,
        rules,
        channels,
        warnings,
    })
}

/// The folder of the config file, made absolute so resolved paths survive a change of
/// working directory.
fn config_dir(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

struct KnownNames<'a> {
    feeds: Vec<&'a str>,
    tags: Vec<&'a str>,
    channels: Vec<&'a str>,
}

fn daemon_config(cx: &mut Context, raw: &RawDaemon) -> DaemonConfig {
    let defaults = DaemonConfig::default();
    let report = &mut cx.report;
    let mut read = |value: &Option<Text>, key: &str, positive: bool, default: Duration| {
        value
            .as_ref()
            .and_then(|value| duration(report, "daemon", key, value, positive))
            .unwrap_or(default)
    };
    let interval = read(&raw.interval, "interval", true, defaults.interval);
    let min_interval = read(
        &raw.min_interval,
        "min_interval",
        true,
        defaults.min_interval,
    );
    let pivot_interval = read(
        &raw.pivot_interval,
        "pivot_interval",
        true,
        defaults.pivot_interval,
    );
    let feed_failing_after = read(
        &raw.feed_failing_after,
        "feed_failing_after",
        true,
        defaults.feed_failing_after,
    );
    let channel_failing_after = read(
        &raw.channel_failing_after,
        "channel_failing_after",
        true,
        defaults.channel_failing_after,
    );
    let timeout = read(&raw.timeout, "timeout", true, defaults.timeout);
    let new_feed_backlog = read(
        &raw.new_feed_backlog,
        "new_feed_backlog",
        false,
        defaults.new_feed_backlog,
    );
    let max_item_age = read(
        &raw.max_item_age,
        "max_item_age",
        true,
        defaults.max_item_age,
    );
    let max_hint_delay = read(
        &raw.max_hint_delay,
        "max_hint_delay",
        false,
        defaults.max_hint_delay,
    );
    let max_backoff = read(&raw.max_backoff, "max_backoff", true, defaults.max_backoff);
    let retention = read(&raw.retention, "retention", true, defaults.retention);
    let story_window = read(
        &raw.story_window,
        "story_window",
        true,
        defaults.story_window,
    );
    let alert_give_up = read(
        &raw.alert_give_up,
        "alert_give_up",
        true,
        defaults.alert_give_up,
    );

    let concurrency = match &raw.concurrency {
        None => defaults.concurrency,
        Some(value) => match usize::try_from(*value.get_ref()) {
            Ok(concurrency) if concurrency >= 1 => concurrency,
            _ => {
                cx.report
                    .error(value.span(), "daemon: concurrency must be at least 1");
                defaults.concurrency
            }
        },
    };

    let max_body = match &raw.max_body {
        None => defaults.max_body,
        Some(value) => match parse_size(value.get_ref()) {
            Ok(0) => {
                cx.report
                    .error(value.span(), "daemon: max_body must be greater than zero");
                defaults.max_body
            }
            Ok(bytes) => bytes,
            Err(message) => {
                cx.report
                    .error(value.span(), format!("daemon: max_body: {message}"));
                defaults.max_body
            }
        },
    };

    let user_agent = match &raw.user_agent {
        None => defaults.user_agent,
        Some(value) => {
            if check_header_value(&mut cx.report, "daemon: user_agent", value)
                && let Some(placeholder) = placeholder(value.get_ref())
            {
                let message = format!(
                    "daemon: user_agent still holds a placeholder ({placeholder}); \
                     publishers such as the SEC block requests without a real contact"
                );
                cx.report.warn(value.span(), message);
            }
            value.get_ref().clone()
        }
    };

    let listen = raw.listen.as_ref().and_then(|value| {
        let parsed = value.get_ref().parse::<std::net::SocketAddr>();
        if parsed.is_err() {
            cx.report.error(
                value.span(),
                format!(
                    "daemon: listen \"{}\" must be an IP address and port, such as 127.0.0.1:9464",
                    value.get_ref()
                ),
            );
        }
        parsed.ok()
    });

    let allow_private_addresses = raw
        .allow_private_addresses
        .iter()
        .filter_map(|value| {
            let parsed = value.get_ref().parse::<std::net::IpAddr>();
            if parsed.is_err() {
                cx.report.error(
                    value.span(),
                    format!(
                        "daemon: allow_private_addresses: \"{}\" is not an IP address",
                        value.get_ref()
                    ),
                );
            }
            parsed.ok()
        })
        .collect();

    let (state, postgres) = crate::config::store::store_location(cx, raw, defaults.state);
    DaemonConfig {
        state,
        postgres,
        interval,
        min_interval,
        pivot_interval,
        concurrency,
        timeout,
        max_body,
        user_agent,
        new_feed_backlog,
        max_item_age,
        max_hint_delay,
        max_backoff,
        retention,
        story_window,
        alert_give_up,
        // Checked against the channels in `validate`, once they are known.
        health_notify: raw
            .health_notify
            .iter()
            .map(|channel| channel.get_ref().clone())
            .collect(),
        feed_failing_after,
        channel_failing_after,
        listen,
        allow_private_networks: raw.allow_private_networks.unwrap_or(false),
        allow_private_addresses,
    }
}

fn entities(
    report: &mut Report,
    raw: BTreeMap<Text, Spanned<Vec<Text>>>,
    check_alias: AliasCheck,
) -> BTreeMap<String, Vec<String>> {
    let mut entities = BTreeMap::new();
    for (name, aliases) in raw {
        check_name(report, "entity", &name, NameChars::WithUnderscore);
        if aliases.get_ref().is_empty() {
            report.error(
                aliases.span(),
                format!("entity \"{}\" has no aliases", name.get_ref()),
            );
        }
        for alias in aliases.get_ref() {
            if alias.get_ref().trim().is_empty() {
                report.error(
                    alias.span(),
                    format!("entity \"{}\": alias is empty", name.get_ref()),
                );
            } else if let Err(message) = check_alias(alias.get_ref()) {
                report.error(
                    alias.span(),
                    format!("entity \"{}\": {message}", name.get_ref()),
                );
            }
        }
        let aliases = aliases
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect();
        entities.insert(name.into_inner(), aliases);
    }
    entities
}

fn feed_config(cx: &mut Context, raw: &RawFeed, daemon: &DaemonConfig) -> FeedConfig {
    let name = raw.name.get_ref();
    let owner = format!("feed \"{name}\"");
    check_name(&mut cx.report, "feed", &raw.name, NameChars::HyphenOnly);
    for tag in &raw.tags {
        check_name(&mut cx.report, "tag", tag, NameChars::WithUnderscore);
    }
    let interval = raw
        .interval
        .as_ref()
        .and_then(|interval| duration(&mut cx.report, &owner, "interval", interval, true))
        .unwrap_or(daemon.interval);
    let min_interval = raw
        .min_interval
        .as_ref()
        .and_then(|min| duration(&mut cx.report, &owner, "min_interval", min, true))
        .unwrap_or(daemon.min_interval);
    let url = feed_url(cx, &owner, &raw.url);

    let headers = checked_headers(cx, &owner, &raw.headers, &url);
    let expect_items_within = raw
        .expect_items_within
        .as_ref()
        .and_then(|within| duration(&mut cx.report, &owner, "expect_items_within", within, true));
    let title = raw
        .title
        .as_ref()
        .map(|title| feed_title(cx, &owner, title));

    FeedConfig {
        name: name.clone(),
        title,
        url,
        interval,
        min_interval,
        tags: raw.tags.iter().map(|tag| tag.get_ref().clone()).collect(),
        headers,
        honor_cache_headers: raw.honor_cache_headers.unwrap_or(true),
        expect_items_within,
        allow_private: raw.allow_private.unwrap_or(false),
        paused: raw.paused.unwrap_or(false),
    }
}

/// A title is one line of text: it heads a row of `feeds list` and an OPML outline.
fn feed_title(cx: &mut Context, owner: &str, title: &Text) -> String {
    let value = title.get_ref();
    if value.trim().is_empty() {
        cx.report
            .error(title.span(), format!("{owner}: title is empty"));
    } else if value.chars().any(char::is_control) {
        cx.report.error(
            title.span(),
            format!("{owner}: title contains a line break or control character"),
        );
    }
    value.trim().to_string()
}

/// Checks a feed URL; a `file:` URL with a relative path becomes an absolute `file:///`.
fn feed_url(cx: &mut Context, owner: &str, url: &Text) -> String {
    let value = url.get_ref();
    if let Some(rest) = strip_prefix_ignore_case(value, "file:") {
        // `file://demo/a.xml` is strictly a host named "demo", but people write it to mean
        // a path next to the config, and a feed file on another host is not a use case.
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest
            .strip_prefix("localhost")
            .filter(|path| path.starts_with('/'))
            .unwrap_or(rest);
        if path.is_empty() {
            cx.report.error(
                url.span(),
                format!("{owner}: url \"{value}\" names no file"),
            );
            return value.clone();
        }
        return format!("file://{}", cx.resolve(path).display());
    }
    if !is_http_url(value) {
        cx.report.error(
            url.span(),
            format!("{owner}: url \"{value}\" must start with http://, https:// or file:"),
        );
    }
    value.clone()
}

fn rule_config(report: &mut Report, raw: &RawRule, known: &KnownNames) -> RuleConfig {
    let name = raw.name.get_ref();
    let owner = format!("rule \"{name}\"");
    check_name(report, "rule", &raw.name, NameChars::WithUnderscore);

    if raw.query.get_ref().trim().is_empty() {
        report.error(raw.query.span(), format!("{owner}: query is empty"));
    }

    let mut feeds = Vec::new();
    for scope in &raw.feeds {
        let value = scope.get_ref();
        if let Some(tag) = value.strip_prefix("tag:") {
            if !known.tags.contains(&tag) {
                let hint = unknown_name_hint(tag, &known.tags, "tags");
                report.error(
                    scope.span(),
                    format!("{owner}: no feed has tag \"{tag}\" {hint}"),
                );
            }
            feeds.push(FeedScope::Tag(tag.to_owned()));
        } else {
            if !known.feeds.contains(&value.as_str()) {
                let hint = unknown_name_hint(value, &known.feeds, "feeds");
                report.error(
                    scope.span(),
                    format!("{owner}: unknown feed \"{value}\" in feeds {hint}"),
                );
            }
            feeds.push(FeedScope::Feed(value.clone()));
        }
    }

    let severity = raw
        .severity
        .as_ref()
        .and_then(|severity| {
            let choices = Severity::ALL.map(|severity| (severity.as_str(), severity));
            parse_choice(report, &owner, "severity", severity, &choices)
        })
        .unwrap_or(Severity::Medium);

    for channel in &raw.notify {
        let channel_name = channel.get_ref().as_str();
        if !known.channels.contains(&channel_name) {
            let hint = unknown_name_hint(channel_name, &known.channels, "channels");
            report.error(
                channel.span(),
                format!("{owner}: unknown channel \"{channel_name}\" in notify {hint}"),
            );
        }
    }
    if raw.notify.is_empty() {
        report.warn(
            raw.name.span(),
            format!("{owner}: notify is empty, so its matches alert no one"),
        );
    }

    let digest = raw
        .digest
        .as_ref()
        .and_then(|digest| digest_period(report, &owner, digest));
    let query_start = query_start(report.text(), raw.query.span().start);
    let clustering = clustering(report, &owner, raw);
    RuleConfig {
        name: name.clone(),
        query: raw.query.get_ref().clone(),
        query_location: report.location(query_start),
        feeds,
        severity,
        notify: raw
            .notify
            .iter()
            .map(|channel| channel.get_ref().clone())
            .collect(),
        digest,
        cluster: clustering.cluster,
        cluster_threshold: clustering.threshold,
        story_update: clustering.story_update,
        max_alerts: clustering.max_alerts,
    }
}

/// A rule's story and fatigue keys, validated.
struct Clustering {
    cluster: bool,
    threshold: Option<f64>,
    story_update: Option<Duration>,
    max_alerts: Option<AlertCap>,
}

fn clustering(report: &mut Report, owner: &str, raw: &RawRule) -> Clustering {
    const DEFAULT_STORY_UPDATE: Duration = Duration::from_secs(3600);
    let threshold = raw.cluster_threshold.as_ref().and_then(|value| {
        let threshold = *value.get_ref();
        if threshold > 0.0 && threshold <= 1.0 {
            Some(threshold)
        } else {
            report.error(
                value.span(),
                format!("{owner}: cluster_threshold {threshold} must be above 0 and at most 1"),
            );
            None
        }
    });
    let story_update = match &raw.story_update {
        None => Some(DEFAULT_STORY_UPDATE),
        Some(value) if value.get_ref() == "off" => None,
        Some(value) => duration(report, owner, "story_update", value, true),
    };
    let max_alerts =
        raw.max_alerts
            .as_ref()
            .and_then(|value| match AlertCap::parse(value.get_ref()) {
                Ok(cap) => Some(cap),
                Err(message) => {
                    report.error(value.span(), format!("{owner}: max_alerts {message}"));
                    None
                }
            });
    Clustering {
        cluster: raw.cluster.unwrap_or(true),
        threshold,
        story_update,
        max_alerts,
    }
}

/// The offset of a string's first character, given the offset of its opening quote.
fn query_start(text: &str, quote: usize) -> usize {
    let source = text.get(quote..).unwrap_or_default();
    if source.starts_with("\"\"\"") || source.starts_with("'''") {
        // TOML drops a line break right after the opening delimiter of a multi-line string.
        let after = &source[3..];
        let newline = if after.starts_with("\r\n") {
            2
        } else {
            usize::from(after.starts_with('\n'))
        };
        quote + 3 + newline
    } else {
        quote + 1
    }
}

/// Feeds no rule looks at cost requests for nothing; usually a forgotten tag or scope.
/// Feeds and webhooks on an address the SSRF guard will refuse, said at `check` rather than
/// at the first poll or delivery: a literal private, loopback or link-local IP, or
/// `localhost`. Names that resolve to such addresses are only known when they are resolved.
fn warn_guarded_targets(
    report: &mut Report,
    feeds: &[RawFeed],
    channels: &[RawChannel],
    daemon: &DaemonConfig,
) {
    if daemon.allow_private_networks {
        return;
    }
    let guard = crate::net::Guard {
        exempt: daemon.allow_private_addresses.clone(),
    };
    let feeds = feeds
        .iter()
        .filter(|feed| !feed.allow_private.unwrap_or(false))
        .map(|feed| {
            (
                format!("feed \"{}\"", feed.name.get_ref()),
                &feed.url,
                "polling",
            )
        });
    let webhooks = channels
        .iter()
        .filter(|channel| !channel.allow_private.as_ref().is_some_and(|v| *v.get_ref()))
        .filter_map(|channel| {
            let owner = format!("channel \"{}\"", channel.name.get_ref());
            channel.url.as_ref().map(|url| (owner, url, "delivering"))
        });
    for (owner, url, doing) in feeds.chain(webhooks) {
        let Ok(parsed) = url::Url::parse(url.get_ref()) else {
            continue;
        };
        if !matches!(parsed.scheme(), "http" | "https") {
            continue;
        }
        let refused = match parsed.host() {
            Some(url::Host::Domain(name)) => {
                let name = name.trim_end_matches('.').to_ascii_lowercase();
                (name == "localhost" || name.ends_with(".localhost"))
                    .then(|| format!("{name} names this machine (a loopback address)"))
            }
            _ => guard
                .check_url(&parsed)
                .err()
                .map(|blocked| format!("{} is {}", blocked.address, blocked.class)),
        };
        if let Some(why) = refused {
            report.warn(
                url.span(),
                format!(
                    "{owner}: {why}, which the SSRF guard refuses when {doing}; to allow it, {}",
                    crate::net::HOW_TO_ALLOW
                ),
            );
        }
    }
}

fn warn_unwatched_feeds(report: &mut Report, feeds: &[RawFeed], rules: &[RuleConfig]) {
    if rules.iter().any(|rule| rule.feeds.is_empty()) {
        return;
    }
    let scopes: BTreeSet<&FeedScope> = rules.iter().flat_map(|rule| &rule.feeds).collect();
    // A paused feed costs nothing; that no rule looks at it may be why it is paused.
    for feed in feeds.iter().filter(|feed| feed.paused != Some(true)) {
        let name = feed.name.get_ref();
        let watched = scopes.contains(&FeedScope::Feed(name.clone()))
            || feed
                .tags
                .iter()
                .any(|tag| scopes.contains(&FeedScope::Tag(tag.get_ref().clone())));
        if !watched {
            report.warn(
                feed.name.span(),
                format!("feed \"{name}\": no rule looks at this feed"),
            );
        }
    }
}

/// Reports every name defined twice, pointing at the repeat.
fn check_unique<'a>(report: &mut Report, kind: &str, names: impl Iterator<Item = &'a Text>) {
    let mut first_offsets: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        match first_offsets.get(name.get_ref().as_str()) {
            Some(&first) => {
                let line = report.location(first).line;
                report.error(
                    name.span(),
                    format!(
                        "duplicate {kind} name \"{}\" (first defined at line {line})",
                        name.get_ref()
                    ),
                );
            }
            None => {
                first_offsets.insert(name.get_ref(), name.span().start);
            }
        }
    }
}
