//! The `newswatch` subcommands above the daemon: each reads the config, then checks it, runs
//! the daemon, tries rules (`test_rule`), replays one over stored items (`backtest`), reads
//! the store (`inspect`), or lists, exports and imports feeds (`feeds`, with the OPML format in
//! `opml`); `main.rs` only parses arguments, sets up logging and maps a [`Failure`] to an exit
//! code.

pub mod args;
mod backtest;
mod feeds;
mod inspect;
mod opml;
mod test_rule;

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{Config, ConfigError, Diagnostic, Location};
use crate::daemon;
use crate::rules::{QueryProblem, RuleSet};
use args::{Cli, Command};
use backtest::backtest;
use inspect::{AlertsFilter, Scope, alerts, replay, send_test, status, stories};
use test_rule::test_rule;

/// Failures sorted by the exit code they deserve.
pub enum Failure {
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

pub async fn execute(cli: Cli) -> Result<(), Failure> {
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
            let paused = config.feeds.iter().filter(|f| f.paused).count();
            let feeds = match paused {
                0 => count(config.feeds.len(), "feed"),
                n => format!("{} ({n} paused)", count(config.feeds.len(), "feed")),
            };
            println!(
                "{}: OK: {feeds}, {}, {}, {}",
                config.path.display(),
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
            Ok(daemon::run::run(config, rules, once, catch_up).await?)
        }
        Command::Status { json } => status(&config, json).await,
        Command::TestRule(args) => test_rule(&config, &args).await,
        Command::Backtest(args) => backtest(&config, &args).await,
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
        Command::Feeds(command) => feeds::feeds(&config, command).await,
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
pub(crate) fn known_names(
    config: &Config,
    rule: Option<&str>,
    channel: Option<&str>,
) -> Result<(), Failure> {
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

/// An ad-hoc query's error, placed on the command line (`--query:1:14: ...`) rather than in
/// the config file.
pub(crate) fn query_failure(problem: QueryProblem) -> Failure {
    Failure::Config(ConfigError {
        diagnostics: vec![Diagnostic {
            file: PathBuf::from("--query"),
            location: problem.column.map(|col| Location { line: 1, col }),
            message: problem.message,
        }],
    })
}

/// "1 feed", "3 feeds", "2 entities".
pub(crate) fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// A usage error for a channel name the config does not define, naming the ones it does.
pub(crate) fn unknown_channel(config: &Config, name: &str) -> Failure {
    let known: Vec<&str> = config.channels.iter().map(|c| c.name.as_str()).collect();
    Failure::Usage(format!(
        "no channel named \"{name}\" (channels: {})",
        known.join(", ")
    ))
}
