//! Prometheus metrics. Events are counted where they happen: a poll's outcome, fetch latency
//! and bytes, documents cut short, new items and rule matches in [`super::poll`], each
//! delivery's outcome in [`crate::daemon::deliver`]. What the store holds (outbox depth, feed
//! health) is read from the store at scrape time instead of being tracked in memory, so it is
//! right from the first scrape after a restart and always agrees with `newswatch status`.
//!
//! Built on `prometheus-client`, the Prometheus project's own Rust client: metrics are typed
//! values in a registry this struct owns, not a process-wide recorder, so every `Metrics` (and
//! so every test) counts on its own; label sets are structs, so a label name cannot be misspelt
//! at one call site. Label values come from the config (feed, rule and channel names) or from
//! fixed lists (outcomes, health states), never from item data, so cardinality is bounded by
//! the config.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::prometheus_text;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

use super::vitals::Vitals;
use crate::config::Config;
use crate::feed::fetch::{FetchError, Fetched};
use crate::store::{DeliveryResult, FeedState, Health, NewItem, Store, StoreError};

/// The `Content-Type` of what [`Metrics::render`] returns: the Prometheus text format 0.0.4.
pub const CONTENT_TYPE: &str = prometheus_text::CONTENT_TYPE;

/// Upper bounds of the fetch latency buckets, in seconds: from a fast local server to the
/// default 20 s request timeout.
const FETCH_SECONDS_BUCKETS: [f64; 11] =
    [0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 20.0, 30.0];

const POLL_OUTCOMES: [&str; 4] = ["changed", "not_modified", "failed", "gone"];
const DELIVERY_OUTCOMES: [&str; 3] = ["delivered", "retry", "dead"];
const HEALTH_STATES: [Health; 5] = [
    Health::New,
    Health::Ok,
    Health::Failing,
    Health::Suspicious,
    Health::Gone,
];

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FeedLabels {
    feed: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PollLabels {
    feed: String,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RuleLabels {
    rule: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ChannelLabels {
    channel: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DeliveryLabels {
    channel: String,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabels {
    version: &'static str,
}

fn fetch_seconds_histogram() -> Histogram {
    Histogram::new(FETCH_SECONDS_BUCKETS)
}

/// The feeds and channels of the running config: stored rows of any other describe sources
/// the config no longer has, and must not keep a gauge (say, a failing feed) alive forever.
#[derive(Debug, Default)]
struct Scope {
    /// (name, configured URL); a stored row written for another URL describes the old source.
    feeds: Vec<(String, String)>,
    channels: Vec<String>,
}

/// The daemon's metrics, shared (in an `Arc`) by the poller, the deliverer and the HTTP
/// listener. Recording is a few atomic operations; nothing here waits on I/O.
pub struct Metrics {
    /// Holds every event metric below; encoded on each scrape.
    registry: Registry,
    polls: Family<PollLabels, Counter>,
    fetch_seconds: Family<FeedLabels, Histogram, fn() -> Histogram>,
    fetch_bytes: Family<FeedLabels, Counter>,
    fetch_not_modified: Family<FeedLabels, Counter>,
    fetch_truncated: Family<FeedLabels, Counter>,
    new_items: Family<FeedLabels, Counter>,
    rule_matches: Family<RuleLabels, Counter>,
    story_joins: Family<RuleLabels, Counter>,
    alerts: Family<DeliveryLabels, Counter>,
    /// Replaced by [`Metrics::configure`] on start and after each successful reload.
    scope: Mutex<Scope>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Metrics {
    /// Metrics for `config`: its feeds, rules and channels start at zero, so a rate or an
    /// alert expression has a series to look at before the first event.
    pub fn new(config: &Config) -> Metrics {
        let mut registry = Registry::with_prefix("newswatch");
        let polls = Family::default();
        registry.register(
            "polls",
            "Polls by feed and outcome: changed (new items), not_modified (HTTP 304, an unchanged file, or a document with nothing new), failed, gone (HTTP 410)",
            polls.clone(),
        );
        let fetch_seconds =
            Family::new_with_constructor(fetch_seconds_histogram as fn() -> Histogram);
        registry.register(
            "fetch_duration_seconds",
            "Time from sending a feed request to having its whole body (or the error), by feed",
            fetch_seconds.clone(),
        );
        let fetch_bytes = Family::default();
        registry.register(
            "fetch_bytes",
            "Feed document bytes received (after decompression), by feed",
            fetch_bytes.clone(),
        );
        let fetch_not_modified = Family::default();
        registry.register(
            "fetch_not_modified",
            "Fetches answered 304 Not Modified (or a file unchanged on disk), by feed; divided by all polls, the conditional GET hit ratio",
            fetch_not_modified.clone(),
        );
        let fetch_truncated = Family::default();
        registry.register(
            "fetch_truncated",
            "Feed documents that arrived cut short (ending mid-element), by feed: the entries complete before the cut were read, and the next poll fetches the document whole",
            fetch_truncated.clone(),
        );
        let new_items = Family::default();
        registry.register(
            "items_new",
            "Items seen for the first time, by feed",
            new_items.clone(),
        );
        let rule_matches = Family::default();
        registry.register(
            "rule_matches",
            "New items matched, by rule",
            rule_matches.clone(),
        );
        let story_joins = Family::default();
        registry.register(
            "story_joins",
            "Matches that made no alert because the item joined an earlier story on every channel the rule notifies, by rule; divided by rule_matches, how much repetition story clustering saved",
            story_joins.clone(),
        );
        let alerts = Family::default();
        registry.register(
            "alerts",
            "Alert delivery attempts by channel and outcome: delivered, retry (a transient failure), dead",
            alerts.clone(),
        );
        registry.register(
            "build",
            "The running newswatch version",
            Info::new(VersionLabels {
                version: env!("CARGO_PKG_VERSION"),
            }),
        );
        let metrics = Metrics {
            registry,
            polls,
            fetch_seconds,
            fetch_bytes,
            fetch_not_modified,
            fetch_truncated,
            new_items,
            rule_matches,
            story_joins,
            alerts,
            scope: Mutex::new(Scope::default()),
        };
        metrics.configure(config);
        metrics
    }

    /// Follows a new config: the feeds and channels whose stored state the gauges report, and
    /// zero series for new names. Series of removed names keep their last value until restart,
    /// as counters should.
    pub fn configure(&self, config: &Config) {
        // Creating a series is the point here; the guard `get_or_create` returns is not needed.
        for feed in &config.feeds {
            for outcome in POLL_OUTCOMES {
                let _ = self.polls.get_or_create(&PollLabels {
                    feed: feed.name.clone(),
                    outcome,
                });
            }
            let labels = FeedLabels {
                feed: feed.name.clone(),
            };
            let _ = self.fetch_bytes.get_or_create(&labels);
            let _ = self.fetch_not_modified.get_or_create(&labels);
            let _ = self.fetch_truncated.get_or_create(&labels);
            let _ = self.new_items.get_or_create(&labels);
        }
        for rule in &config.rules {
            let labels = RuleLabels {
                rule: rule.name.clone(),
            };
            let _ = self.rule_matches.get_or_create(&labels);
            let _ = self.story_joins.get_or_create(&labels);
        }
        for channel in &config.channels {
            for outcome in DELIVERY_OUTCOMES {
                let _ = self.alerts.get_or_create(&DeliveryLabels {
                    channel: channel.name.clone(),
                    outcome,
                });
            }
        }
        *self.scope.lock().unwrap_or_else(|e| e.into_inner()) = Scope {
            feeds: config
                .feeds
                .iter()
                .map(|f| (f.name.clone(), f.url.clone()))
                .collect(),
            channels: config.channels.iter().map(|c| c.name.clone()).collect(),
        };
    }

    /// A fetch of `feed` ended after `elapsed` (failures included: a timeout is latency too).
    pub(crate) fn fetched(
        &self,
        feed: &str,
        elapsed: Duration,
        result: Result<&Fetched, &FetchError>,
    ) {
        let labels = FeedLabels {
            feed: feed.to_string(),
        };
        self.fetch_seconds
            .get_or_create(&labels)
            .observe(elapsed.as_secs_f64());
        match result.map(|fetched| fetched.body.as_ref()) {
            Err(_) => {}
            Ok(Some(body)) => {
                self.fetch_bytes
                    .get_or_create(&labels)
                    .inc_by(u64::try_from(body.len()).unwrap_or(u64::MAX));
            }
            Ok(None) => {
                self.fetch_not_modified.get_or_create(&labels).inc();
            }
        }
    }

    /// A poll's outcome (`PollOutcome::label`) was recorded in the store.
    pub(crate) fn polled(&self, feed: &str, outcome: &'static str) {
        self.polls
            .get_or_create(&PollLabels {
                feed: feed.to_string(),
                outcome,
            })
            .inc();
    }

    /// A poll's new items were committed, with the rules each matched.
    pub(crate) fn committed(&self, feed: &str, new_items: &[NewItem]) {
        let count = u64::try_from(new_items.len()).unwrap_or(u64::MAX);
        self.new_items
            .get_or_create(&FeedLabels {
                feed: feed.to_string(),
            })
            .inc_by(count);
        for rule in new_items.iter().flat_map(|item| &item.matched_rules) {
            self.rule_matches
                .get_or_create(&RuleLabels { rule: rule.clone() })
                .inc();
        }
        for rule in new_items.iter().flat_map(|item| &item.joined_stories) {
            self.story_joins
                .get_or_create(&RuleLabels { rule: rule.clone() })
                .inc();
        }
    }

    /// A poll of `feed` read a document cut short, and was recorded.
    pub(crate) fn truncated(&self, feed: &str) {
        self.fetch_truncated
            .get_or_create(&FeedLabels {
                feed: feed.to_string(),
            })
            .inc();
    }

    /// One alert's delivery attempt through `channel` ended with `result`.
    pub(crate) fn delivery(&self, channel: &str, result: &DeliveryResult) {
        let outcome = match result {
            DeliveryResult::Delivered => "delivered",
            DeliveryResult::Retry { .. } => "retry",
            DeliveryResult::Dead { .. } => "dead",
        };
        self.alerts
            .get_or_create(&DeliveryLabels {
                channel: channel.to_string(),
                outcome,
            })
            .inc();
    }

    /// Reads what the gauges report from `store`, for configured feeds and channels only.
    pub async fn read_store<S: Store>(
        &self,
        store: &S,
        now: DateTime<Utc>,
    ) -> Result<StoredState, StoreError> {
        let outbox = store.outbox_counts(now).await?;
        let states = store.feed_states().await?;
        // By name: a linear search per configured feed is quadratic in the feed count.
        let states: HashMap<&str, &FeedState> =
            states.iter().map(|s| (s.name.as_str(), s)).collect();
        let scope = self.scope.lock().unwrap_or_else(|e| e.into_inner());
        let mut feeds = [0; HEALTH_STATES.len()];
        for (name, url) in &scope.feeds {
            // As in `status`: a feed without a row of its URL has never been polled.
            let health = states
                .get(name.as_str())
                .filter(|s| s.describes(url))
                .map_or(Health::New, |s| s.health());
            if let Some(i) = HEALTH_STATES.iter().position(|h| *h == health) {
                feeds[i] += 1;
            }
        }
        let channels = scope
            .channels
            .iter()
            .map(|name| {
                let counts = outbox.iter().find(|c| c.channel == *name);
                ChannelOutbox {
                    channel: name.clone(),
                    pending: counts.map_or(0, |c| c.pending),
                    held: counts.map_or(0, |c| c.held),
                    dead: counts.map_or(0, |c| c.dead),
                    oldest_pending_age: counts
                        .and_then(|c| c.oldest_pending)
                        .map_or(Duration::ZERO, |t| (now - t).to_std().unwrap_or_default()),
                }
            })
            .collect();
        Ok(StoredState { feeds, channels })
    }

    /// The whole exposition: the event metrics, then gauges of `stored` and `vitals`.
    pub fn render(&self, stored: &StoredState, vitals: &Vitals) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail, and neither can encoding our own label types.
        prometheus_text::encode(&mut out, &self.registry).expect("encoding into a String");
        prometheus_text::encode(&mut out, &stored.registry(vitals))
            .expect("encoding into a String");
        out
    }
}

/// One channel's outbox, as read for one scrape.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelOutbox {
    pub channel: String,
    pub pending: u64,
    /// Pending alerts waiting for their digest period to end (counted in `pending` too).
    pub held: u64,
    pub dead: u64,
    /// Age of the oldest pending alert (held ones included); zero when none is pending.
    pub oldest_pending_age: Duration,
}

/// What the store holds, read for one scrape by [`Metrics::read_store`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoredState {
    /// Configured feeds per health state, in the order of `HEALTH_STATES`.
    feeds: [u64; HEALTH_STATES.len()],
    pub channels: Vec<ChannelOutbox>,
}

impl StoredState {
    /// How many configured feeds are in `health`.
    pub fn feeds_in(&self, health: Health) -> u64 {
        HEALTH_STATES
            .iter()
            .position(|h| *h == health)
            .map_or(0, |i| self.feeds[i])
    }

    /// A registry built for this one scrape, so a channel or feed gone from the config simply
    /// is not in it, and nothing needs clearing between scrapes.
    fn registry(&self, vitals: &Vitals) -> Registry {
        let mut registry = Registry::with_prefix("newswatch");
        let per_channel = |value: fn(&ChannelOutbox) -> u64| {
            let family = Family::<ChannelLabels, Gauge>::default();
            for outbox in &self.channels {
                family
                    .get_or_create(&ChannelLabels {
                        channel: outbox.channel.clone(),
                    })
                    .set(i64::try_from(value(outbox)).unwrap_or(i64::MAX));
            }
            family
        };
        registry.register(
            "outbox_pending",
            "Alerts waiting for delivery (digest ones included), by channel",
            per_channel(|o| o.pending),
        );
        registry.register(
            "outbox_held",
            "Pending alerts held until their digest period ends, by channel",
            per_channel(|o| o.held),
        );
        registry.register(
            "outbox_dead",
            "Alerts given up (kept, and replayable with `newswatch replay --dead`), by channel",
            per_channel(|o| o.dead),
        );
        registry.register(
            "outbox_oldest_pending_age_seconds",
            "Age of the oldest pending alert (held digest alerts included), 0 when none is pending, by channel",
            per_channel(|o| o.oldest_pending_age.as_secs()),
        );
        let feeds = Family::<StateLabels, Gauge>::default();
        for (health, count) in HEALTH_STATES.iter().zip(self.feeds) {
            feeds
                .get_or_create(&StateLabels {
                    state: health.as_str(),
                })
                .set(i64::try_from(count).unwrap_or(i64::MAX));
        }
        registry.register(
            "feeds",
            "Configured feeds by health state, as in `newswatch status`",
            feeds,
        );
        let (ok, failed) = vitals.reloads();
        let reloads = Family::<OutcomeLabels, Counter>::default();
        reloads
            .get_or_create(&OutcomeLabels { outcome: "ok" })
            .inc_by(ok);
        reloads
            .get_or_create(&OutcomeLabels { outcome: "failed" })
            .inc_by(failed);
        registry.register(
            "config_reloads",
            "Config reloads (SIGHUP) since start, by outcome: ok, failed (the old config keeps running)",
            reloads,
        );
        registry
    }
}
