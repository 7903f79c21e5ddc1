//! The `newswatch` command line: parses arguments, sets up logging, calls into the library and
//! maps outcomes to exit codes (0 success, 1 runtime failure, 2 invalid configuration or usage).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use tokio::sync::watch;

use newswatch::alert::channel::Channel;
use newswatch::config::{self, Config, ConfigError};
use newswatch::daemon::deliver::{Deliverer, DeliverySettings};
use newswatch::daemon::{self, PollSettings, Poller, Service, Shutdown, Vitals};
use newswatch::feed::fetch::{FetchRequest, FetchSettings, Fetcher};
use newswatch::feed::parse::parse_feed;
use newswatch::feed::redact::redact_url;
use newswatch::rules::RuleSet;
use newswatch::rules::ast::Field;
use newswatch::rules::explain::{Highlight, excerpt, highlight};
use newswatch::rules::matcher::PreparedItem;
use newswatch::store::{SqliteStore, Store};

#[derive(Debug, Parser)]
#[command(
    name = "newswatch",
    version,
    about = "Watches news feeds and alerts on matching items"
)]
struct Cli {
    /// Configuration file.
    #[arg(
        short,
        long,
        global = true,
        env = "NEWSWATCH_CONFIG",
        default_value = "/etc/newswatch/newswatch.toml"
    )]
    config: PathBuf,
    /// Log format on stderr; filter with RUST_LOG (for example RUST_LOG=newswatch=debug).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Human)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Poll every feed on its schedule until SIGTERM or SIGINT.
    Run {
        /// Poll every feed once, print a summary and exit.
        #[arg(long)]
        once: bool,
        /// With --once: record every item as seen and send nothing (the first run of a new
        /// profile, so that it does not alert on the backlog).
        #[arg(long, requires = "once")]
        catch_up: bool,
    },
    /// Validate the configuration and print a summary.
    Check,
    /// Show feed health and rule matches from the store.
    Status {
        /// One JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show which items of a feed match a rule, and why. Writes no state, sends nothing.
    TestRule(TestRuleArgs),
    /// Deliver a sample alert through one channel and print the receiver's answer.
    SendTest {
        /// The channel's name in the config.
        channel: String,
    },
    /// Queue delivered alerts again, or with --dead the dead ones. Needs a scope (--since,
    /// --alert or --dead): replaying every alert ever delivered is never meant.
    #[command(group(
        clap::ArgGroup::new("scope")
            .required(true)
            .multiple(true)
            .args(["dead", "since", "alert"])
    ))]
    Replay {
        /// Replay dead alerts instead of delivered ones.
        #[arg(long)]
        dead: bool,
        /// Only this channel's alerts.
        #[arg(long)]
        channel: Option<String>,
        /// Only alerts created within this long ("24h", "7d").
        #[arg(long, value_parser = config::parse_duration)]
        since: Option<std::time::Duration>,
        /// Only this alert (its id, as in Message-ID or webhook-id), delivered or dead.
        #[arg(long)]
        alert: Option<String>,
        /// List what would be queued and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List alerts: sent, waiting (held, due, retrying) and dead, newest first.
    Alerts {
        /// Alerts created within this long ("24h", "7d").
        #[arg(long, value_parser = config::parse_duration, default_value = "24h")]
        since: std::time::Duration,
        /// Only alerts of this rule (one of their rules).
        #[arg(long)]
        rule: Option<String>,
        /// Only alerts to this channel.
        #[arg(long)]
        channel: Option<String>,
        /// Only alerts in this state.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(daemon::history::STATES))]
        state: Option<String>,
        /// At most this many (the newest).
        #[arg(long, default_value_t = 200)]
        limit: u32,
        /// One JSON object per alert per line.
        #[arg(long)]
        json: bool,
    },
    /// List stories (one item's coverage across outlets) with their items and outlets.
    Stories {
        /// Stories with an item within this long ("24h", "7d").
        #[arg(long, value_parser = config::parse_duration, default_value = "24h")]
        since: std::time::Duration,
        /// Only stories whose items matched this rule.
        #[arg(long)]
        rule: Option<String>,
        /// Only stories of this channel (stories are decided per channel).
        #[arg(long)]
        channel: Option<String>,
        /// One JSON object per story per line.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("rule_source").args(["rule", "query"])))]
#[command(group(clap::ArgGroup::new("item_source").required(true).args(["feed", "url", "file", "text"])))]
struct TestRuleArgs {
    /// A rule from the config.
    #[arg(long)]
    rule: Option<String>,
    /// An ad-hoc query, with the config's entities.
    #[arg(long)]
    query: Option<String>,
    /// A configured feed (its scope rules apply).
    #[arg(long)]
    feed: Option<String>,
    /// Any feed URL (http, https or file).
    #[arg(long)]
    url: Option<String>,
    /// A feed document on disk.
    #[arg(long)]
    file: Option<PathBuf>,
    /// One headline, typed here (with --summary, its summary).
    #[arg(long)]
    text: Option<String>,
    /// The summary of the --text headline.
    #[arg(long, requires = "text")]
    summary: Option<String>,
    /// One JSON object per matching (item, rule) per line.
    #[arg(long)]
    json: bool,
}

/// glibc gives every thread that allocates its own arena (up to 8 per core) and keeps what a
/// poll cycle freed in each: an idle daemon with 1,000 feeds held 42 MiB with the default and
/// 35 MiB with two arenas (bench/peers, idle scenario). Allocation is not where newswatch
/// spends its time, so two arenas cost nothing measurable. `MALLOC_ARENA_MAX` still wins.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes allocator settings; it is called before any other
        // thread exists, as glibc asks.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

/// Failures sorted by the exit code they deserve.
enum Failure {
    Config(ConfigError),
    /// A name on the command line that the config does not define.
    Usage(String),
    Runtime(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Runtime(error)
    }
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    let default_level = match cli.command {
        Command::Run { .. } => "info",
        Command::Check
        | Command::Status { .. }
        | Command::TestRule(_)
        | Command::SendTest { .. }
        | Command::Replay { .. }
        | Command::Stories { .. }
        | Command::Alerts { .. } => "warn",
    };
    init_logging(cli.log_format, default_level);
    // Blocking work here is feed parsing (at most `concurrency` at once) and Maildir file
    // operations. Tokio's default pool grows to 512 threads: a mail-everything cycle into a
    // Maildir started 80, each with its stack pages and malloc caches resident.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(execute(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Config(error)) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn init_logging(format: LogFormat, default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    // Under systemd stderr is the journal, not a terminal: no colour escape codes there.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn execute(cli: Cli) -> Result<(), Failure> {
    let config = daemon::load_config(&cli.config).map_err(Failure::Config)?;
    for warning in &config.warnings {
        eprintln!("{warning} (warning)");
    }
    match cli.command {
        Command::Check => {
            let rules = RuleSet::from_config(&config).map_err(Failure::Config)?;
            for warning in rules.warnings() {
                eprintln!("{warning} (warning)");
            }
            println!(
                "{}: OK: {}, {}, {}, {}",
                config.path.display(),
                count(config.feeds.len(), "feed"),
                count(config.rules.len(), "rule"),
                count(config.channels.len(), "channel"),
                count(config.entities.len(), "entity")
            );
            Ok(())
        }
        Command::Run { once, catch_up } => {
            let rules = Arc::new(RuleSet::from_config(&config).map_err(Failure::Config)?);
            for warning in rules.warnings() {
                eprintln!("{warning} (warning)");
            }
            run(config, rules, once, catch_up).await
        }
        Command::Status { json } => status(&config, json).await,
        Command::TestRule(args) => test_rule(&config, &args).await,
        Command::SendTest { channel } => send_test(&config, &channel).await,
        Command::Replay {
            dead,
            channel,
            since,
            alert,
            dry_run,
        } => {
            let scope = Scope {
                dead,
                channel: channel.as_deref(),
                since,
                alert: alert.as_deref(),
            };
            replay(&config, scope, dry_run).await
        }
        Command::Alerts {
            since,
            rule,
            channel,
            state,
            limit,
            json,
        } => {
            let filter = AlertsFilter {
                rule: rule.as_deref(),
                channel: channel.as_deref(),
                state: state.as_deref(),
                limit,
            };
            alerts(&config, since, filter, json).await
        }
        Command::Stories {
            since,
            rule,
            channel,
            json,
        } => stories(&config, since, rule.as_deref(), channel.as_deref(), json).await,
    }
}

/// A `--rule` or `--channel` the config does not define is a usage error: filtering by a
/// misspelt name would list nothing as if there were nothing.
fn known_names(config: &Config, rule: Option<&str>, channel: Option<&str>) -> Result<(), Failure> {
    if let Some(rule) = rule.filter(|r| !config.rules.iter().any(|c| c.name == *r)) {
        return Err(Failure::Usage(format!(
            "no rule named \"{rule}\" in the config"
        )));
    }
    match channel.filter(|name| !config.channels.iter().any(|c| c.name == *name)) {
        Some(name) => Err(unknown_channel(config, name)),
        None => Ok(()),
    }
}

/// What `alerts` lists.
struct AlertsFilter<'a> {
    rule: Option<&'a str>,
    channel: Option<&'a str>,
    state: Option<&'a str>,
    limit: u32,
}

async fn alerts(
    config: &Config,
    since: std::time::Duration,
    filter: AlertsFilter<'_>,
    json: bool,
) -> Result<(), Failure> {
    known_names(config, filter.rule, filter.channel)?;
    let store = open_existing_store(config).await?;
    let now = chrono::Utc::now();
    let since = now - chrono::Duration::from_std(since).context("--since is too long")?;
    // The rule and state filters read each entry's JSON: the store hands over the newest
    // entries of the time and channel, and they are filtered here.
    let rows = newswatch::store::Store::alerts(&store, since, filter.channel)
        .await
        .context("cannot read the outbox")?;
    let views: Vec<daemon::history::AlertView> = rows
        .into_iter()
        .map(|row| daemon::history::AlertView::of(row, now))
        .filter(|v| filter.rule.is_none_or(|r| v.rules.iter().any(|x| x == r)))
        .filter(|v| filter.state.is_none_or(|s| v.in_state(s)))
        .take(filter.limit as usize)
        .collect();
    if json {
        for view in &views {
            println!(
                "{}",
                serde_json::to_string(view).context("cannot encode an alert")?
            );
        }
    } else {
        print!("{}", daemon::history::render_table(&views));
    }
    Ok(())
}

async fn stories(
    config: &Config,
    since: std::time::Duration,
    rule: Option<&str>,
    channel: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    known_names(config, rule, channel)?;
    let store = open_existing_store(config).await?;
    let since =
        chrono::Utc::now() - chrono::Duration::from_std(since).context("--since is too long")?;
    let stories = newswatch::store::Store::stories(&store, since, rule, channel)
        .await
        .context("cannot read stories")?;
    if json {
        for story in &stories {
            println!(
                "{}",
                serde_json::to_string(story).context("cannot encode a story")?
            );
        }
    } else {
        print!("{}", daemon::stories::render_table(&stories));
    }
    Ok(())
}

/// "1 feed", "3 feeds", "2 entities".
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

async fn open_store(config: &Config) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(&config.daemon.state)
        .await
        .map_err(|error| with_path(error, &config.daemon.state))
}

/// A store error as a report: errors that name the database already keep their cause; the
/// others (SQLite's, a migration's) get the path said first.
fn with_path(error: newswatch::store::StoreError, path: &std::path::Path) -> anyhow::Error {
    use newswatch::store::StoreError;
    match error {
        StoreError::Unreadable { .. } | StoreError::Folder { .. } | StoreError::Damaged { .. } => {
            anyhow::Error::new(error)
        }
        other => anyhow::Error::new(other)
            .context(format!("cannot open the state database {}", path.display())),
    }
}

/// The state database for a command that only reads it (`status`, `stories`): never created,
/// so that looking at a fresh install (as root, before the service ever ran) leaves no file
/// or folder behind with the wrong owner.
async fn open_existing_store(config: &Config) -> anyhow::Result<SqliteStore> {
    let path = &config.daemon.state;
    if !path.exists() {
        anyhow::bail!(
            "no state database at {} yet: newswatch has not run with this config (`newswatch \
             run --once`, or the service, creates it)",
            path.display()
        );
    }
    open_store(config).await
}

fn fetcher(config: &Config) -> anyhow::Result<Fetcher> {
    Fetcher::new(FetchSettings::from(&config.daemon))
}

/// Threads of the runtime's blocking pool (see `main`).
const BLOCKING_THREADS: usize = 8;

/// How long `run --once` keeps delivering before it exits. It stops sooner as soon as nothing
/// is due (a channel that is down gets its retries scheduled for later), so this bounds only
/// a run that keeps making progress: 10,000 alerts at a few hundred a second must fit.
const ONCE_DELIVERY_LIMIT: std::time::Duration = std::time::Duration::from_secs(600);

fn channels(config: &Config) -> anyhow::Result<Vec<Channel>> {
    newswatch::alert::channel::build_all(config)
}

fn deliverer(config: &Config, store: Arc<SqliteStore>) -> anyhow::Result<Deliverer<SqliteStore>> {
    let settings = DeliverySettings::from(&config.daemon);
    Ok(Deliverer::new(store, channels(config)?, settings))
}

/// A usage error for a channel name the config does not define, naming the ones it does.
fn unknown_channel(config: &Config, name: &str) -> Failure {
    let known: Vec<&str> = config.channels.iter().map(|c| c.name.as_str()).collect();
    Failure::Usage(format!(
        "no channel named \"{name}\" (channels: {})",
        known.join(", ")
    ))
}

async fn send_test(config: &Config, name: &str) -> Result<(), Failure> {
    let Some(channel) = channels(config)?.into_iter().find(|c| c.name == name) else {
        return Err(unknown_channel(config, name));
    };
    let alert = newswatch::alert::sample_alert(chrono::Utc::now());
    let body = serde_json::to_string(&alert).context("cannot encode the sample alert")?;
    match channel.deliver(&alert, &body).await {
        Ok(delivered) => {
            println!("{name}: delivered: {}", delivered.answer);
            Ok(())
        }
        Err(error) => Err(Failure::Runtime(anyhow::anyhow!(
            "{name}: not delivered: {error}"
        ))),
    }
}

/// What `replay` was asked to put back.
struct Scope<'a> {
    dead: bool,
    channel: Option<&'a str>,
    since: Option<std::time::Duration>,
    alert: Option<&'a str>,
}

async fn replay(config: &Config, scope: Scope<'_>, dry_run: bool) -> Result<(), Failure> {
    // A misspelt channel would otherwise replay nothing and say "queued 0" as if all were well.
    if let Some(name) = scope
        .channel
        .filter(|name| !config.channels.iter().any(|c| c.name == *name))
    {
        return Err(unknown_channel(config, name));
    }
    let store = open_store(config).await?;
    let now = chrono::Utc::now();
    let since = scope
        .since
        .map(chrono::Duration::from_std)
        .transpose()
        .context("--since is too long")?
        .map(|d| now - d);
    let filter = newswatch::store::ReplayFilter {
        delivered: !scope.dead,
        channel: scope.channel,
        since,
        alert: scope.alert,
    };
    let entries = newswatch::store::Store::replay(&store, &filter, dry_run, now)
        .await
        .context("cannot update the outbox")?;
    if let Some(id) = scope.alert.filter(|_| entries.is_empty()) {
        return Err(Failure::Runtime(anyhow::anyhow!(
            "no delivered or dead alert {id}{}: `newswatch status` shows the outbox",
            scope
                .channel
                .map(|c| format!(" on channel {c}"))
                .unwrap_or_default()
        )));
    }
    let which = match (scope.alert, scope.dead) {
        (Some(_), _) => "",
        (None, true) => "dead ",
        (None, false) => "delivered ",
    };
    if dry_run {
        for entry in &entries {
            println!(
                "{}  {}  {:<9}  {}  {}",
                entry.created_at.format("%Y-%m-%d %H:%M UTC"),
                entry.id,
                entry.state,
                entry.channel,
                entry.rule
            );
        }
        println!(
            "would queue {} {which}alert{} again (dry run: nothing changed)",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" }
        );
        return Ok(());
    }
    println!(
        "queued {} {which}alert{} again; the running daemon (or the next run) delivers them",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

async fn run(
    config: Config,
    rules: Arc<RuleSet>,
    once: bool,
    catch_up: bool,
) -> Result<(), Failure> {
    // Before anything slow: a SIGTERM during start-up must stop the daemon cleanly, not kill it
    // with the signal's default action.
    let shutdown = if once {
        None
    } else {
        Some(daemon::on_signals().context("cannot install signal handlers")?)
    };
    let store = Arc::new(open_store(&config).await?);
    // `run --once` serves no metrics, and their per-feed families are a few MiB at 2,000 feeds.
    let metrics = (!once).then(|| Arc::new(daemon::Metrics::new(&config)));
    let fetcher = fetcher(&config)?;
    let mut deliverer = deliverer(&config, Arc::clone(&store))?;
    if let Some(metrics) = &metrics {
        deliverer = deliverer.with_metrics(Arc::clone(metrics));
    }
    let deliverer = Arc::new(deliverer);
    let stories = Arc::new(daemon::Stories::new(&config));
    let restored = stories
        .restore(store.as_ref(), &rules, chrono::Utc::now())
        .await
        .context("reading recent stories failed")?;
    tracing::debug!(members = restored, "story index restored");
    let settings = PollSettings {
        catch_up,
        ..PollSettings::from(&config.daemon)
    };
    let poller = Poller::new(Arc::clone(&store), rules, fetcher, settings);
    let mut poller = poller.with_stories(Arc::clone(&stories));
    if let Some(metrics) = &metrics {
        poller = poller.with_metrics(Arc::clone(metrics));
    }
    let poller = Arc::new(poller);
    if once {
        let summary = daemon::run_once(poller, &config)
            .await
            .context("recording a poll failed")?;
        daemon::health::check(store.as_ref(), &config, chrono::Utc::now())
            .await
            .context("checking feed and channel health failed")?;
        let delivered = deliverer
            .drain(ONCE_DELIVERY_LIMIT)
            .await
            .context("reading the outbox failed")?;
        let counts = store
            .outbox_counts(chrono::Utc::now())
            .await
            .context("reading the outbox failed")?;
        let held: u64 = counts.iter().map(|c| c.held).sum();
        let later: u64 = counts.iter().map(|c| c.follow_ups).sum();
        let left: u64 = counts.iter().map(|c| c.due).sum();
        let mut held = if held > 0 {
            format!(", {held} held for digests")
        } else {
            String::new()
        };
        if later > 0 {
            held.push_str(&format!(
                ", {later} story follow-up{} due later",
                if later == 1 { "" } else { "s" }
            ));
        }
        if left > 0 {
            // Said plainly, so a cron job's log shows the run did not deliver everything.
            held.push_str(&format!(
                ", {left} still queued after the {}s delivery limit (the next run sends them)",
                ONCE_DELIVERY_LIMIT.as_secs()
            ));
        }
        println!(
            "{summary}; alerts: {} delivered, {} retrying, {} dead{held}",
            delivered.delivered, delivered.retrying, delivered.dead
        );
        // A cron job or a systemd timer must see a run that read nothing as a failure; one
        // feed failing among others is the health alerts' business, not the exit code's.
        if summary.polled > 0 && summary.failed == summary.polled {
            return Err(Failure::Runtime(anyhow::anyhow!(
                "every feed polled failed ({} of {}): see the errors above, or `newswatch \
                 status` for each feed's last error",
                summary.failed,
                summary.polled
            )));
        }
        return Ok(());
    }
    let vitals = Arc::new(Vitals::default());
    let service = Arc::new(Service::from_env(Arc::clone(&vitals)));
    let (Some(shutdown), Some(metrics)) = (shutdown, metrics) else {
        unreachable!("signal handlers and metrics are set up for every run but --once");
    };
    if let Some(addr) = config.daemon.listen {
        let listener = daemon::http::bind(addr).await?;
        let (store, shutdown) = (Arc::clone(&store), shutdown.clone());
        tokio::spawn(daemon::http::serve(
            listener,
            store,
            Arc::clone(&metrics),
            Arc::clone(&vitals),
            shutdown,
        ));
    }
    let path = config.path.clone();
    let (config_tx, configs) = watch::channel(Arc::new(config));
    let delivery = tokio::spawn(Arc::clone(&deliverer).run(shutdown.clone()));
    let reloads = Reloads {
        path,
        poller: Arc::clone(&poller),
        deliverer,
        metrics: Arc::clone(&metrics),
        configs: config_tx,
        service: Arc::clone(&service),
    };
    tokio::spawn(reloads.on_hangup(shutdown.clone()));
    tokio::spawn(watch_health(
        Arc::clone(&store),
        configs.clone(),
        shutdown.clone(),
    ));
    tokio::spawn(report_status(store, Arc::clone(&service), shutdown.clone()));
    tokio::spawn(expire_stories(stories, shutdown.clone()));
    let stopping = {
        let (service, mut shutdown) = (Arc::clone(&service), shutdown.clone());
        tokio::spawn(async move {
            shutdown.wait().await;
            service.stopping();
        })
    };
    // Polls in flight get SHUTDOWN_GRACE and deliveries in flight DELIVERY_GRACE, at the same
    // time; what is left stays in the store (and the outbox) for the next start.
    let (polling, _) = tokio::join!(
        daemon::run_with(poller, configs, &service, shutdown),
        tokio::time::timeout(DELIVERY_GRACE, delivery)
    );
    let _ = stopping.await;
    polling.context("the scheduler stopped")?;
    Ok(())
}

/// How long deliveries in flight may take to finish after SIGTERM; well inside the unit's
/// `TimeoutStopSec`.
const DELIVERY_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Health alerts (failing or silent feeds, failing channels) for the config running now.
async fn watch_health(
    store: Arc<SqliteStore>,
    configs: watch::Receiver<Arc<Config>>,
    mut shutdown: Shutdown,
) {
    loop {
        let config = Arc::clone(&configs.borrow());
        if let Err(error) = daemon::health::check(store.as_ref(), &config, chrono::Utc::now()).await
        {
            tracing::warn!(error = %error, "cannot check feed and channel health");
        }
        tokio::select! {
            _ = shutdown.wait() => break,
            _ = tokio::time::sleep(daemon::health::CHECK_EVERY) => {}
        }
    }
}

/// How often story members older than the window leave the index.
const EXPIRE_STORIES_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

async fn expire_stories(stories: Arc<daemon::Stories>, mut shutdown: Shutdown) {
    loop {
        tokio::select! {
            _ = shutdown.wait() => break,
            _ = tokio::time::sleep(EXPIRE_STORIES_EVERY) => {
                let expired = stories.expire(chrono::Utc::now()).await;
                tracing::debug!(expired, "story index expired old members");
            }
        }
    }
}

/// How often the `STATUS=` line is refreshed.
const STATUS_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

async fn report_status(store: Arc<SqliteStore>, service: Arc<Service>, mut shutdown: Shutdown) {
    // Each line reads every feed's state from the store; without a listener that is waste.
    if !service.is_managed() {
        return;
    }
    // Until the scheduler has synced the feeds with the store, a summary would say "0 feeds".
    while service.vitals().since_beat().is_none() {
        tokio::select! {
            _ = shutdown.wait() => return,
            _ = tokio::time::sleep(std::time::Duration::from_millis(50)) => {}
        }
    }
    loop {
        match daemon::service::status_line(store.as_ref(), service.vitals(), chrono::Utc::now())
            .await
        {
            Ok(line) => service.status(&line),
            Err(error) => tracing::warn!(error = %error, "cannot read the store for STATUS="),
        }
        tokio::select! {
            _ = shutdown.wait() => break,
            _ = tokio::time::sleep(STATUS_EVERY) => {}
        }
    }
}

/// SIGHUP: read the config file again and, if it is valid, swap it in everywhere; if not, log
/// why and keep running the old one.
struct Reloads {
    path: PathBuf,
    poller: Arc<Poller<SqliteStore>>,
    deliverer: Arc<Deliverer<SqliteStore>>,
    metrics: Arc<daemon::Metrics>,
    configs: watch::Sender<Arc<Config>>,
    service: Arc<Service>,
}

impl Reloads {
    async fn on_hangup(self, mut shutdown: Shutdown) {
        use tokio::signal::unix::{SignalKind, signal};
        let mut hangups = match signal(SignalKind::hangup()) {
            Ok(hangups) => hangups,
            Err(error) => {
                tracing::error!(error = %error, "cannot listen for SIGHUP; reload needs a restart");
                return;
            }
        };
        loop {
            tokio::select! {
                _ = shutdown.wait() => break,
                Some(()) = hangups.recv() => {
                    self.service.reloading();
                    self.reload();
                    self.service.ready();
                    // Say at once whether the reload took, rather than at the next refresh.
                    let store = self.poller.store();
                    let vitals = self.service.vitals();
                    if let Ok(line) = daemon::service::status_line(store.as_ref(), vitals, chrono::Utc::now()).await {
                        self.service.status(&line);
                    }
                }
            }
        }
    }

    fn reload(&self) {
        let vitals = self.service.vitals();
        let loaded = daemon::load_config(&self.path)
            .map_err(|e| e.to_string())
            .and_then(|config| {
                let rules = RuleSet::from_config(&config).map_err(|e| e.to_string())?;
                let channels = channels(&config).map_err(|e| format!("{e:#}"))?;
                Ok((config, rules, channels))
            });
        match loaded {
            Ok((config, rules, channels)) => {
                let running = self.configs.borrow().daemon.clone();
                if config.daemon != running {
                    tracing::warn!(
                        "[daemon] settings changed: they take effect at the next restart"
                    );
                }
                for warning in config.warnings.iter().chain(rules.warnings()) {
                    tracing::warn!("{warning}");
                }
                tracing::info!(
                    feeds = config.feeds.len(),
                    rules = config.rules.len(),
                    channels = config.channels.len(),
                    "config reloaded"
                );
                self.poller.set_rules(Arc::new(rules));
                if let Some(stories) = self.poller.stories() {
                    stories.set_config(&config);
                }
                self.deliverer.set_channels(channels);
                self.metrics.configure(&config);
                self.configs.send_replace(Arc::new(config));
                vitals.reload_succeeded();
            }
            Err(error) => {
                for line in error.lines() {
                    tracing::error!("{line}");
                }
                tracing::error!(
                    path = %self.path.display(),
                    "config reload refused; the old config keeps running"
                );
                vitals.reload_failed(error);
            }
        }
    }
}

async fn status(config: &Config, json: bool) -> Result<(), Failure> {
    let store = open_existing_store(config).await?;
    let report = daemon::status::collect(&store, config, chrono::Utc::now())
        .await
        .context("cannot read feed state")?;
    if json {
        let text = serde_json::to_string_pretty(&report).context("cannot encode status")?;
        println!("{text}");
    } else {
        print!("{}", daemon::status::render_table(&report));
    }
    Ok(())
}

/// Where `test-rule` places a matching item among stories.
struct StoryPreview {
    story: String,
    /// The story's first item's title.
    lead: String,
    /// `None` for the first item of a story.
    similarity: Option<f64>,
    /// For the first item of a story, the closest other story's first title and its
    /// similarity, when it would be named as possibly related.
    related: Option<(String, f64)>,
}

/// How the daemon would group the matching items of one document into stories, oldest
/// first as they would arrive, keyed by (entry id, rule). The daemon decides stories per
/// channel, among the items of all the channel's rules; `test-rule` runs one rule, so its
/// items are grouped among themselves, with the rule's threshold.
async fn story_preview(
    config: &Config,
    rules: &RuleSet,
    items: &[newswatch::feed::Item],
    feed: Option<&config::FeedConfig>,
) -> std::collections::HashMap<(String, String), StoryPreview> {
    let stories = daemon::Stories::new(config);
    let mut index = stories.lock().await;
    let mut ordered: Vec<&newswatch::feed::Item> = items.iter().collect();
    ordered.sort_by_key(|item| item.published.or(item.updated));
    let mut leads = std::collections::HashMap::new();
    let mut preview = std::collections::HashMap::new();
    for item in ordered {
        let at = item
            .published
            .or(item.updated)
            .unwrap_or_else(chrono::Utc::now);
        let mut tentative = daemon::stories::Tentative::default();
        for hit in rules.match_item(item, feed) {
            let Some(rule) = rules.rules().iter().find(|r| r.name == hit.rule) else {
                continue;
            };
            let Some(cluster) = rule.cluster else {
                continue;
            };
            let threshold = cluster
                .threshold
                .unwrap_or(newswatch::story::DEFAULT_THRESHOLD);
            let member = stories.member(item, &hit, at);
            let placed = daemon::Stories::place(
                &mut index,
                &rule.name,
                threshold,
                item,
                member,
                &mut tentative,
            );
            if placed.joined.is_none() {
                leads.insert(placed.story.clone(), item.title.clone());
            }
            let lead_of = |story: &str| leads.get(story).cloned().unwrap_or_default();
            preview.insert(
                (item.entry_id.clone(), hit.rule),
                StoryPreview {
                    lead: lead_of(&placed.story),
                    related: placed
                        .near
                        .map(|near| (lead_of(&near.story), near.similarity)),
                    story: placed.story,
                    similarity: placed.joined,
                },
            );
        }
    }
    preview
}

async fn test_rule(config: &Config, args: &TestRuleArgs) -> Result<(), Failure> {
    let rules = match (&args.rule, &args.query) {
        (Some(name), _) => RuleSet::only(config, name).map_err(Failure::Config)?,
        // The query was typed on the command line: its errors point there, not at the config.
        (None, Some(query)) => RuleSet::from_query(query, config).map_err(|problem| {
            Failure::Config(ConfigError {
                diagnostics: vec![config::Diagnostic {
                    file: PathBuf::from("--query"),
                    location: problem.column.map(|col| config::Location { line: 1, col }),
                    message: problem.message,
                }],
            })
        })?,
        // Neither: every rule of the config at once, each hit labelled with its rule.
        (None, None) => RuleSet::from_config(config).map_err(Failure::Config)?,
    };
    let feed = match &args.feed {
        Some(name) => Some(
            config
                .feeds
                .iter()
                .find(|f| &f.name == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = config.feeds.iter().map(|f| f.name.as_str()).collect();
                    Failure::Usage(format!(
                        "no feed named \"{name}\" (feeds: {})",
                        known.join(", ")
                    ))
                })?,
        ),
        None => None,
    };
    // Say why a scoped rule matches nothing here, rather than only "0 of N items match".
    if let (Some(name), Some(feed)) = (&args.rule, feed)
        && let Some(rule) = config.rules.iter().find(|r| &r.name == name)
        && !rule.feeds.is_empty()
        && !rule.feeds.iter().any(|scope| match scope {
            config::FeedScope::Feed(name) => *name == feed.name,
            config::FeedScope::Tag(tag) => feed.tags.contains(tag),
        })
    {
        let scopes: Vec<String> = rule
            .feeds
            .iter()
            .map(|scope| match scope {
                config::FeedScope::Feed(name) => name.clone(),
                config::FeedScope::Tag(tag) => format!("tag:{tag}"),
            })
            .collect();
        eprintln!(
            "note: rule \"{name}\" reads only feeds {} and feed \"{}\" is none of them: it \
             matches nothing there",
            scopes.join(", "),
            feed.name
        );
    }
    let (label, body, content_type, base) = match (&args.file, feed, &args.url) {
        _ if args.text.is_some() => ("--text".to_string(), Vec::new(), None, None),
        (Some(path), _, _) => {
            let body =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            (path.display().to_string(), body, None, None)
        }
        (None, feed, url) => {
            // A URL typed on the command line is the operator's own choice; a configured feed
            // gets the SSRF guard the daemon would apply.
            let (label, url, headers, allow_private) = match (feed, url) {
                (Some(feed), _) => (
                    feed.name.clone(),
                    feed.url.clone(),
                    feed.headers.clone(),
                    feed.allow_private,
                ),
                (None, Some(url)) => (url.clone(), url.clone(), Vec::new(), true),
                (None, None) => unreachable!("clap requires --feed, --url or --file"),
            };
            let fetched = fetcher(config)?
                .fetch(FetchRequest {
                    url: &url,
                    etag: None,
                    last_modified: None,
                    headers: &headers,
                    allow_private,
                })
                .await
                .with_context(|| format!("cannot fetch {}", redact_url(&url)))?;
            let body = fetched.body.unwrap_or_default();
            (label, body, fetched.content_type, Some(url))
        }
    };
    let parsed = match &args.text {
        Some(title) => newswatch::feed::ParsedFeed {
            items: vec![newswatch::feed::Item {
                feed: "--text".to_string(),
                entry_id: "text".to_string(),
                title: title.clone(),
                summary: args.summary.clone().unwrap_or_default(),
                published: Some(chrono::Utc::now()),
                ..newswatch::feed::Item::default()
            }],
            ..newswatch::feed::ParsedFeed::default()
        },
        None => {
            let mut parsed = parse_feed(&label, &body, content_type.as_deref(), base.as_deref())
                .with_context(|| format!("cannot parse {label}"))?;
            let feed_name = feed.map_or(label.as_str(), |f| f.name.as_str());
            newswatch::feed::filer::name_filer(
                parsed.title.as_deref(),
                feed_name,
                &mut parsed.items,
            );
            parsed
        }
    };
    let style = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        Highlight::Ansi
    } else {
        Highlight::Brackets
    };
    let tags = feed.map(|f| f.tags.clone()).unwrap_or_default();
    let stories = story_preview(config, &rules, &parsed.items, feed).await;
    let mut matching = 0;
    for item in &parsed.items {
        let found = rules.match_item(item, feed);
        if found.is_empty() {
            continue;
        }
        matching += 1;
        for hit in &found {
            let story = stories.get(&(item.entry_id.clone(), hit.rule.clone()));
            if args.json {
                let mut line = serde_json::json!({
                    "rule": hit.rule,
                    "id": item.entry_id,
                    "title": item.title,
                    "link": item.link,
                    "feed": item.feed,
                    "spans": hit.spans,
                });
                if let Some(story) = story {
                    line["story"] = story.story.clone().into();
                    line["story_similarity"] = story.similarity.into();
                    if let Some((title, similarity)) = &story.related {
                        line["story_related"] =
                            serde_json::json!({"title": title, "similarity": similarity});
                    }
                }
                println!("{line}");
                continue;
            }
            let prepared = PreparedItem::new(item, &tags);
            let field_text = |field: Field| prepared.fields[field.index()].text.as_str();
            println!(
                "[{}] {}",
                hit.rule,
                highlight(field_text(Field::Title), Field::Title, &hit.spans, style)
            );
            println!("    {}", item.link.as_deref().unwrap_or("(no link)"));
            if let Some(story) = story {
                match story.similarity {
                    None => match &story.related {
                        None => println!("    story: {} (first of its story)", story.story),
                        Some((title, similarity)) => println!(
                            "    story: {} (first of its story; possibly related to \"{title}\", similarity {similarity:.2})",
                            story.story
                        ),
                    },
                    Some(similarity) => println!(
                        "    story: {} joins \"{}\" (similarity {similarity:.2}): no alert",
                        story.story, story.lead
                    ),
                }
            }
            for field in Field::ALL.into_iter().filter(|f| *f != Field::Title) {
                if hit.spans.iter().any(|s| s.field == field) {
                    println!(
                        "    {field}: {}",
                        excerpt(field_text(field), field, &hit.spans, 60, style)
                    );
                }
            }
        }
    }
    if !args.json {
        let distinct: std::collections::HashSet<&str> =
            stories.values().map(|s| s.story.as_str()).collect();
        let grouped = if distinct.is_empty() {
            String::new()
        } else {
            format!(", in {}", count(distinct.len(), "story"))
        };
        println!("{matching} of {} items match{grouped}", parsed.items.len());
    }
    Ok(())
}
