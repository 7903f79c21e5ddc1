//! SIGHUP: reads the config file again and swaps a valid one into the running daemon (rules,
//! story settings, channels, metrics); an invalid one is logged and the old one keeps running.

use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::watch;

use super::deliver::Deliverer;
use super::setup::channels;
use crate::config::Config;
use crate::daemon::{self, Poller, Service, Shutdown};
use crate::rules::RuleSet;
use crate::store::AnyStore;

/// SIGHUP: read the config file again and, if it is valid, swap it in everywhere; if not, log
/// why and keep running the old one.
pub(super) struct Reloads {
    pub(super) path: PathBuf,
    pub(super) poller: Arc<Poller<AnyStore>>,
    pub(super) deliverer: Arc<Deliverer<AnyStore>>,
    pub(super) metrics: Arc<daemon::Metrics>,
    pub(super) configs: watch::Sender<Arc<Config>>,
    pub(super) service: Arc<Service>,
}

impl Reloads {
    pub(super) async fn on_hangup(self, mut shutdown: Shutdown) {
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
