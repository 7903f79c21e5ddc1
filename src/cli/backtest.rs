//! `backtest`: a rule or an ad-hoc query replayed over the items the store kept
//! ([`daemon::backtest`]), printed as the stories each channel would have got, with counts
//! per day, or as one JSON document.

use std::fmt::Write;

use anyhow::Context;
use chrono::{DateTime, SubsecRound, Utc};

use super::args::BacktestArgs;
use super::{Failure, count, query_failure};
use crate::config::Config;
use crate::daemon;
use crate::daemon::backtest::{
    APPLIED_FOR_QUERY, APPLIED_FOR_RULE, Backtest, ChannelBacktest, NOT_APPLIED, Subject,
};
use crate::daemon::setup::open_existing_store;

pub(super) async fn backtest(config: &Config, args: &BacktestArgs) -> Result<(), Failure> {
    let subject = match (&args.rule, &args.query) {
        (Some(name), _) => match Subject::rule(config, name) {
            Some(subject) => subject.map_err(Failure::Config)?,
            None => return Err(unknown_rule(config, name)),
        },
        (None, Some(query)) => Subject::query(config, query).map_err(query_failure)?,
        (None, None) => unreachable!("clap requires --rule or --query"),
    };
    let store = open_existing_store(config).await?;
    // The store keeps whole seconds.
    let now = Utc::now().trunc_subsecs(0);
    let since = now - chrono::Duration::from_std(args.since).context("--since is too long")?;
    let report = daemon::backtest::backtest(&store, config, &subject, since, now)
        .await
        .context("cannot read the stored items")?;
    if args.json {
        let text = serde_json::to_string_pretty(&report).context("cannot encode the report")?;
        println!("{text}");
    } else {
        print!("{}", render(&report, config, args.since));
    }
    Ok(())
}

/// A `--rule` the config does not define, with the closest name it does.
fn unknown_rule(config: &Config, name: &str) -> Failure {
    let known: Vec<&str> = config.rules.iter().map(|r| r.name.as_str()).collect();
    let hint = match crate::config::closest_name(name, &known) {
        Some(close) => format!(" (did you mean \"{close}\"?)"),
        None if known.is_empty() => " (it defines none)".to_string(),
        None => format!(" (rules: {})", known.join(", ")),
    };
    Failure::Usage(format!("no rule named \"{name}\" in the config{hint}"))
}

/// `30d`, `36h`, `90m`: as typed, in the largest unit that divides it.
fn duration(length: std::time::Duration) -> String {
    let seconds = length.as_secs();
    match [(86_400, "d"), (3_600, "h"), (60, "m")]
        .into_iter()
        .find(|(unit, _)| seconds >= *unit && seconds.is_multiple_of(*unit))
    {
        Some((unit, suffix)) => format!("{}{suffix}", seconds / unit),
        None => humantime::format_duration(length).to_string(),
    }
}

fn time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// The report as text: a heading, each channel's stories and days, then what the replay
/// applied and did not, and what it could not see.
fn render(report: &Backtest, config: &Config, since: std::time::Duration) -> String {
    let mut out = String::new();
    let subject = match (&report.rule, &report.query) {
        (Some(rule), _) => format!("rule \"{rule}\""),
        (None, query) => format!("query {:?}", query.as_deref().unwrap_or_default()),
    };
    let _ = writeln!(
        out,
        "{subject} over {} first seen since {} UTC ({})",
        count(report.items.read as usize, "stored item"),
        time(report.since),
        duration(since)
    );
    for channel in &report.channels {
        render_channel(&mut out, channel, report.rule.as_deref());
    }
    out.push('\n');
    let applied = match report.rule {
        Some(_) => &APPLIED_FOR_RULE[..],
        None => &APPLIED_FOR_QUERY[..],
    };
    for (heading, list) in [
        ("applied as the daemon does:", applied),
        ("not applied:", &NOT_APPLIED[..]),
    ] {
        let _ = writeln!(out, "{heading}");
        for (_, meaning) in list {
            let _ = writeln!(out, "  - {meaning}");
        }
    }
    for note in notes(report, config) {
        let _ = writeln!(out, "note: {note}");
    }
    out
}

fn render_channel(out: &mut String, channel: &ChannelBacktest, rule: Option<&str>) {
    let name = channel
        .channel
        .as_deref()
        .map(|c| format!("channel {c}: "))
        .unwrap_or_default();
    // Alerts of a channel that groups no story are no stories.
    let stories = channel.stories.iter().filter(|s| s.story.is_some()).count();
    let _ = writeln!(
        out,
        "\n{name}{}, {}{}",
        count(channel.alerts as usize, "alert"),
        count(channel.matched as usize, "matching item"),
        match stories {
            0 => String::new(),
            n => format!(", {}", count(n, "story")),
        }
    );
    if channel.stories.is_empty() {
        return;
    }
    let feed_width = channel
        .stories
        .iter()
        .map(|s| s.first.feed.chars().count())
        .max()
        .unwrap_or_default();
    let indent = " ".repeat(2 + 16 + 2 + feed_width + 2);
    for story in &channel.stories {
        let first = &story.first;
        let _ = writeln!(
            out,
            "  {}  {:<feed_width$}  {}",
            time(first.first_seen),
            first.feed,
            first.title
        );
        let _ = writeln!(
            out,
            "{indent}{}",
            first.link.as_deref().unwrap_or("(no link)")
        );
        if !story.alert {
            let own = rule.is_none_or(|r| first.rules.iter().any(|x| x == r));
            let why = if own {
                "sent before the period".to_string()
            } else {
                format!("sent for rule {}, not this one", first.rules.join(", "))
            };
            let _ = writeln!(out, "{indent}({why})");
        }
        if story.more > 0 {
            let how = if story.story.is_some() {
                "in its story: no alert"
            } else {
                "of the same article: no alert"
            };
            let _ = writeln!(out, "{indent}+{} more {how}", story.more);
        }
    }
    let _ = writeln!(
        out,
        "\n  {:<10}  {:>6}  {:>8}",
        "DAY (UTC)", "ALERTS", "MATCHING"
    );
    for day in &channel.days {
        let _ = writeln!(
            out,
            "  {:<10}  {:>6}  {:>8}",
            day.day.format("%Y-%m-%d"),
            day.alerts,
            day.matched
        );
    }
    let _ = writeln!(
        out,
        "  {:<10}  {:>6}  {:>8}",
        "total", channel.alerts, channel.matched
    );
}

/// What the reader should know about what the replay could see.
fn notes(report: &Backtest, config: &Config) -> Vec<String> {
    let items = &report.items;
    let mut notes = Vec::new();
    if items.without_text > 0 {
        notes.push(format!(
            "{} of {} were stored before newswatch kept item text: they were matched on their \
             title, link and feed name only (summary, content, authors and categories were not \
             kept)",
            items.without_text,
            count(items.read as usize, "item")
        ));
    }
    if items.never_alertable > 0 {
        notes.push(format!(
            "{} more could not alert when first seen (a feed's first-poll backlog, or older \
             than max_item_age) and are not counted",
            count(items.never_alertable as usize, "matching item")
        ));
    }
    if items.of_other_feeds > 0 {
        notes.push(format!(
            "{} of feeds no longer in the config left out",
            count(items.of_other_feeds as usize, "stored item")
        ));
    }
    let retention = chrono::Duration::from_std(config.daemon.retention).ok();
    if let Some(kept_from) = retention.map(|r| report.until - r)
        && report.since < kept_from
    {
        notes.push(format!(
            "the store keeps items for retention ({}): none first seen before {} UTC is left",
            duration(config.daemon.retention),
            time(kept_from)
        ));
    }
    if let Some(first) = items.earliest_first_seen
        && first - report.since > chrono::Duration::days(1)
    {
        notes.push(format!(
            "the store holds nothing first seen in the period before {} UTC",
            time(first)
        ));
    }
    notes
}
