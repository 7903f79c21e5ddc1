//! `newswatch run`: assembles the daemon from a loaded config and starts its long-running
//! tasks (scheduler and polls, outbox delivery, SIGHUP reload, health checks, story expiry,
//! the systemd status line, the HTTP listener); with `--once`, one pass and a drain.

use std::sync::Arc;

use anyhow::Context;
use tokio::sync::watch;

use super::reload::Reloads;
use super::setup::{deliverer, fetcher, open_store};
use crate::config::Config;
use crate::daemon::{self, PollSettings, Poller, Service, Shutdown, Vitals};
use crate::rules::RuleSet;
use crate::store::{AnyStore, Store};

/// How long `run --once` keeps delivering before it exits. It stops sooner as soon as nothing
/// is due (a channel that is down gets its retries scheduled for later), so this bounds only
/// a run that keeps making progress: 10,000 alerts at a few hundred a second must fit.
pub const ONCE_DELIVERY_LIMIT: std::time::Duration = std::time::Duration::from_secs(600);

pub async fn run(
    config: Config,
    rules: Arc<RuleSet>,
    once: bool,
    catch_up: bool,
) -> anyhow::Result<()> {
    // Before anything slow: a SIGTERM during start-up must stop the daemon cleanly, not kill it
    // with the signal's default action.
    let shutdown = if once {
        None
    } else {
        Some(daemon::on_signals().context("cannot install signal handlers")?)
    };
    let store = Arc::new(open_store(&config).await?);
    // Alerts a killed daemon had claimed go out now, not when their lease runs out. Not on a
    // shared store: this machine cannot tell whether another node's process lives.
    if !store.is_shared() {
        daemon::claims::release_gone(store.as_ref(), chrono::Utc::now())
            .await
            .context("reading the outbox failed")?;
    }
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
        let draining = tokio::time::Instant::now();
        let delivered = deliverer
            .drain(ONCE_DELIVERY_LIMIT)
            .await
            .context("reading the outbox failed")?;
        let out_of_time = draining.elapsed() >= ONCE_DELIVERY_LIMIT;
        let counts = store
            .outbox_counts(chrono::Utc::now())
            .await
            .context("reading the outbox failed")?;
        let held: u64 = counts.iter().map(|c| c.held).sum();
        let later: u64 = counts.iter().map(|c| c.follow_ups).sum();
        let configured = deliverer.channel_names();
        let (orphaned, counts): (Vec<_>, Vec<_>) = counts
            .into_iter()
            .partition(|c| !configured.contains(&c.channel));
        let orphaned: u64 = orphaned.iter().map(|c| c.due).sum();
        let leased: u64 = counts.iter().map(|c| c.leased).sum();
        let left: u64 = counts
            .iter()
            .map(|c| c.due)
            .sum::<u64>()
            .saturating_sub(leased);
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
        if leased > 0 {
            held.push_str(&format!(
                ", {leased} being delivered by another newswatch process"
            ));
        }
        if orphaned > 0 {
            held.push_str(&format!(
                ", {orphaned} for channels no longer in the config"
            ));
        }
        if left > 0 {
            // Said plainly, so a cron job's log shows the run did not deliver everything.
            let why = match out_of_time {
                true => format!(
                    " after the {}s delivery limit",
                    ONCE_DELIVERY_LIMIT.as_secs()
                ),
                false => String::new(),
            };
            held.push_str(&format!(
                ", {left} still queued{why} (the next run sends them)"
            ));
        }
        println!(
            "{summary}; alerts: {} delivered, {} retrying, {} dead{held}",
            delivered.delivered, delivered.retrying, delivered.dead
        );
        // A cron job or a systemd timer must see a run that read nothing as a failure; one
        // feed failing among others is the health alerts' business, not the exit code's.
        if summary.polled > 0 && summary.failed == summary.polled {
            return Err(anyhow::anyhow!(
                "every feed polled failed ({} of {}): see the errors above, or `newswatch \
                 status` for each feed's last error",
                summary.failed,
                summary.polled
            ));
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
    store: Arc<AnyStore>,
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
pub(crate) const EXPIRE_STORIES_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

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

async fn report_status(store: Arc<AnyStore>, service: Arc<Service>, mut shutdown: Shutdown) {
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
