//! What every command builds from a config: the config itself (with its templates checked),
//! the store, the fetcher, the channels and the outbox worker.

use std::sync::Arc;

use super::deliver::{Deliverer, DeliverySettings};
use crate::alert::channel::Channel;
use crate::config::{Checks, Config, ConfigError};
use crate::feed::fetch::{FetchSettings, Fetcher};
use crate::store::{AnyStore, PostgresStore, SqliteStore};

/// What loading a config checks with the layers above it: channel templates rendered with
/// sample alerts, rule queries and entity aliases parsed.
pub const CHECKS: Checks = Checks {
    template: crate::alert::render::check_template,
    query: crate::rules::check_query,
    alias: crate::rules::check_alias,
};

/// Reads and validates the config file at `path` with [`CHECKS`]: what every command and a
/// reload load.
pub fn load_config(path: &std::path::Path) -> Result<Config, ConfigError> {
    crate::config::load(path, CHECKS)
}

/// The store the config names (`[daemon] store` or `state`), opened and migrated.
pub async fn open_store(config: &Config) -> anyhow::Result<AnyStore> {
    match &config.daemon.postgres {
        Some(postgres) => {
            let password = postgres.password.as_ref().map(|p| p.expose());
            PostgresStore::open(&postgres.url, password)
                .await
                .map(AnyStore::Postgres)
                .map_err(|error| match error {
                    crate::store::StoreError::SchemaTooNew { .. } => anyhow::Error::new(error),
                    other => anyhow::Error::new(other)
                        .context(format!("cannot open the PostgreSQL store {}", postgres.url)),
                })
        }
        None => SqliteStore::open(&config.daemon.state)
            .await
            .map(AnyStore::Sqlite)
            .map_err(|error| with_path(error, &config.daemon.state)),
    }
}

/// Whether the store exists yet: always for a PostgreSQL database (the server holds it); for
/// SQLite, whether its file does.
pub fn store_exists(config: &Config) -> bool {
    config.daemon.postgres.is_some() || config.daemon.state.exists()
}

/// A store error as a report: errors that name the database already keep their cause; the
/// others (SQLite's, a migration's) get the path said first.
pub fn with_path(error: crate::store::StoreError, path: &std::path::Path) -> anyhow::Error {
    use crate::store::StoreError;
    match error {
        StoreError::Unreadable { .. }
        | StoreError::Folder { .. }
        | StoreError::Damaged { .. }
        | StoreError::SchemaTooNew { .. } => anyhow::Error::new(error),
        other => anyhow::Error::new(other)
            .context(format!("cannot open the state database {}", path.display())),
    }
}

/// The state database for a command that only reads it (`status`, `stories`): never created,
/// so that looking at a fresh install (as root, before the service ever ran) leaves no file
/// or folder behind with the wrong owner.
pub async fn open_existing_store(config: &Config) -> anyhow::Result<AnyStore> {
    if !store_exists(config) {
        anyhow::bail!(
            "no state database at {} yet: newswatch has not run with this config (`newswatch \
             run --once`, or the service, creates it)",
            config.daemon.state.display()
        );
    }
    open_store(config).await
}

pub fn fetcher(config: &Config) -> anyhow::Result<Fetcher> {
    Fetcher::new(FetchSettings::from(&config.daemon))
}

pub fn channels(config: &Config) -> anyhow::Result<Vec<Channel>> {
    crate::alert::channel::build_all(config)
}

pub fn deliverer(config: &Config, store: Arc<AnyStore>) -> anyhow::Result<Deliverer<AnyStore>> {
    let settings = DeliverySettings::from(&config.daemon);
    Ok(Deliverer::new(store, channels(config)?, settings))
}
