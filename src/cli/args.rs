//! The command line's grammar: every subcommand and flag, as clap derives them. `--help`
//! text comes from the doc comments here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config;
use crate::daemon;

#[derive(Debug, Parser)]
#[command(
    name = "newswatch",
    version,
    about = "Watches news feeds and alerts on matching items"
)]
pub struct Cli {
    /// Configuration file.
    #[arg(
        short,
        long,
        global = true,
        env = "NEWSWATCH_CONFIG",
        default_value = "/etc/newswatch/newswatch.toml"
    )]
    pub config: PathBuf,
    /// Log format on stderr; filter with RUST_LOG (for example RUST_LOG=newswatch=debug).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Human)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Run a rule (or a query) over the items the store kept and show what it would have sent,
    /// grouped into stories, with counts per day. Reads the store, writes nothing.
    Backtest(BacktestArgs),
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
    /// List the configured feeds with their state, or move them to and from OPML.
    #[command(subcommand)]
    Feeds(FeedsCommand),
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

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Every configured feed with its state from the store: health (or paused), last poll,
    /// last success, failures in a row, items seen, tags. Reads only; before the first run it
    /// lists the feeds as never polled.
    List {
        /// One JSON object per feed per line.
        #[arg(long)]
        json: bool,
    },
    /// Print the configured feeds as OPML 2.0, one folder per feed's first tag and every tag
    /// in its `category`, for Miniflux, FreshRSS or any feed reader to import.
    Export,
    /// Read an OPML file (from Miniflux, FreshRSS, ...) and print `[[feed]]` sections to
    /// append to the config: names made from titles, categories as tags, feeds the config
    /// already has left out (said on stderr).
    Import {
        /// The OPML file; `-` reads standard input.
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("rule_source").args(["rule", "query"])))]
#[command(group(clap::ArgGroup::new("item_source").required(true).args(["feed", "url", "file", "text"])))]
pub struct TestRuleArgs {
    /// A rule from the config.
    #[arg(long)]
    pub rule: Option<String>,
    /// An ad-hoc query, with the config's entities.
    #[arg(long)]
    pub query: Option<String>,
    /// A configured feed (its scope rules apply).
    #[arg(long)]
    pub feed: Option<String>,
    /// Any feed URL (http, https or file).
    #[arg(long)]
    pub url: Option<String>,
    /// A feed document on disk.
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// One headline, typed here (with --summary, its summary).
    #[arg(long)]
    pub text: Option<String>,
    /// The summary of the --text headline.
    #[arg(long, requires = "text")]
    pub summary: Option<String>,
    /// One JSON object per matching (item, rule) per line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("subject").required(true).args(["rule", "query"])))]
pub struct BacktestArgs {
    /// A rule from the config: its query, feed scope, channels and stories, as the daemon
    /// runs it.
    #[arg(long)]
    pub rule: Option<String>,
    /// An ad-hoc query, with the config's entities, on every feed.
    #[arg(long)]
    pub query: Option<String>,
    /// Items first seen within this long ("30d", "12h"); the store keeps them for
    /// `retention`.
    #[arg(long, value_parser = config::parse_duration, default_value = "30d")]
    pub since: std::time::Duration,
    /// One JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}
