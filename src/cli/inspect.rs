//! The commands that read or re-queue what the store holds: `status`, `alerts`, `stories`,
//! `replay`, and `send-test`, which queues nothing and sends one sample alert.

use anyhow::Context;

use super::{Failure, known_names, unknown_channel};
use crate::config::Config;
use crate::daemon;
use crate::daemon::setup::{channels, open_existing_store, open_store};

/// What `alerts` lists.
pub(super) struct AlertsFilter<'a> {
    pub(super) rule: Option<&'a str>,
    pub(super) channel: Option<&'a str>,
    pub(super) state: Option<&'a str>,
    pub(super) limit: u32,
}

pub(super) async fn alerts(
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
    let rows = crate::store::Store::alerts(&store, since, filter.channel)
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

pub(super) async fn stories(
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
    let stories = crate::store::Store::stories(&store, since, rule, channel)
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

/// What `replay` was asked to put back.
pub(super) struct Scope<'a> {
    pub(super) dead: bool,
    pub(super) channel: Option<&'a str>,
    pub(super) since: Option<std::time::Duration>,
    pub(super) alert: Option<&'a str>,
}

pub(super) async fn replay(
    config: &Config,
    scope: Scope<'_>,
    dry_run: bool,
) -> Result<(), Failure> {
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
    let filter = crate::store::ReplayFilter {
        delivered: !scope.dead,
        channel: scope.channel,
        since,
        alert: scope.alert,
    };
    let entries = crate::store::Store::replay(&store, &filter, dry_run, now)
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

pub(super) async fn status(config: &Config, json: bool) -> Result<(), Failure> {
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

pub(super) async fn send_test(config: &Config, name: &str) -> Result<(), Failure> {
    let Some(channel) = channels(config)?.into_iter().find(|c| c.name == name) else {
        return Err(unknown_channel(config, name));
    };
    let alert = crate::alert::sample_alert(chrono::Utc::now());
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
