//! `newswatch feeds`: `list` (every configured feed with its state from the store, read-only),
//! `export` (the config's feeds as OPML) and `import` (`[[feed]]` sections made from an OPML
//! file, printed for the user to append: the config file is theirs, comments and all, and
//! newswatch never rewrites it).

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use super::args::FeedsCommand;
use super::opml::{import, read, write};
use super::{Failure, count};
use crate::config::Config;
use crate::daemon::setup::{open_existing_store, store_exists};
use crate::daemon::status::{self, FeedStatus};

pub(super) async fn feeds(config: &Config, command: FeedsCommand) -> Result<(), Failure> {
    match command {
        FeedsCommand::List { json } => list(config, json).await,
        FeedsCommand::Export => {
            export(config);
            Ok(())
        }
        FeedsCommand::Import { file } => import(config, &file),
    }
}

/// One row of `feeds list`: the feed's status with what the config says about it.
#[derive(Serialize)]
struct Listing<'a> {
    #[serde(flatten)]
    status: &'a FeedStatus,
    title: Option<&'a str>,
    tags: &'a [String],
}

async fn list(config: &Config, json: bool) -> Result<(), Failure> {
    let now = chrono::Utc::now();
    // Read-only: a missing database is not created (see `open_existing_store`), and the feeds
    // are still worth listing.
    let statuses = if store_exists(config) {
        let store = open_existing_store(config).await?;
        status::feed_statuses(&store, config, now)
            .await
            .context("cannot read feed state")?
    } else {
        eprintln!(
            "no state database at {} yet: the feeds are listed as never polled",
            config.daemon.state.display()
        );
        status::unpolled_feeds(config, now)
    };
    let listings: Vec<Listing<'_>> = statuses
        .iter()
        .zip(&config.feeds)
        .map(|(status, feed)| Listing {
            status,
            title: feed.title.as_deref(),
            tags: &feed.tags,
        })
        .collect();
    if json {
        for listing in &listings {
            let line = serde_json::to_string(listing).context("cannot encode a feed")?;
            println!("{line}");
        }
    } else {
        print!("{}", render_table(&listings, now));
    }
    Ok(())
}

fn render_table(listings: &[Listing<'_>], now: chrono::DateTime<chrono::Utc>) -> String {
    let header = [
        "FEED",
        "STATE",
        "LAST POLL",
        "LAST SUCCESS",
        "FAILURES",
        "ITEMS",
        "TAGS",
        "TITLE",
    ];
    let never = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or("never".to_string(), |t| status::relative(t, now))
    };
    let rows: Vec<Vec<String>> = listings
        .iter()
        .map(|l| {
            vec![
                l.status.name.clone(),
                l.status.health_label().to_string(),
                never(l.status.last_attempt),
                never(l.status.last_success),
                l.status.consecutive_failures.to_string(),
                l.status.items_seen.to_string(),
                l.tags.join(","),
                l.title.unwrap_or_default().to_string(),
            ]
        })
        .collect();
    status::table(&header, &rows, |i| {
        listings[i]
            .status
            .last_error
            .as_ref()
            .map(|error| format!("    last error: {error}\n"))
    })
}

fn export(config: &Config) {
    let export = write::export(&config.feeds, chrono::Utc::now());
    for note in &export.notes {
        eprintln!("{note}");
    }
    print!("{}", export.opml);
}

fn import(config: &Config, file: &Path) -> Result<(), Failure> {
    let shown = file.display().to_string();
    let bytes = read_input(file)
        .map_err(|error| Failure::Usage(format!("cannot read the OPML file {shown}: {error}")))?;
    let outlines =
        read::read_opml(&bytes).map_err(|error| Failure::Usage(error.in_file(&shown)))?;
    let listed = outlines.subscriptions.len() + outlines.unreadable.len();
    let plan = import::plan(outlines, config);
    for note in &plan.notes {
        match note.line {
            Some(line) => eprintln!("{shown}:{line}: {}", note.text),
            None => eprintln!("{shown}: {}", note.text),
        }
    }
    if plan.feeds.is_empty() {
        eprintln!("{shown}: nothing to add ({} listed)", count(listed, "feed"));
        return Ok(());
    }
    print!("{}", import::render_toml(&plan.feeds, &shown));
    eprintln!(
        "{} to add of {} listed: append them to {} and run `newswatch check`",
        count(plan.feeds.len(), "feed"),
        listed,
        config.path.display()
    );
    Ok(())
}

/// The file's bytes; `-` is standard input.
fn read_input(file: &Path) -> std::io::Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    std::fs::read(file)
}
