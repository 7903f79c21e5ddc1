//! The `Store` contract (`tests/common/store_contract/`) run against every engine: SQLite in a
//! file, as the daemon runs it, and in memory, as `test-rule` does; with the `postgres-tests`
//! feature, PostgreSQL on the real server the tests use, each test in a schema of its own
//! (`tests/common/postgres.rs`).

#[path = "common/store_contract/mod.rs"]
mod store_contract;

#[cfg(feature = "postgres-tests")]
#[path = "common/postgres.rs"]
mod postgres;

use newswatch::store::SqliteStore;

store_contract_tests!(sqlite_file, async || {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("state.db"))
        .await
        .expect("open");
    (store, dir)
});

store_contract_tests!(sqlite_in_memory, async || {
    let store = SqliteStore::open_in_memory().await.expect("open");
    (store, ())
});

#[cfg(feature = "postgres-tests")]
store_contract_tests!(postgres_schema, async || {
    let schema = postgres::TestSchema::create().await;
    let store = newswatch::store::PostgresStore::open_with(schema.options())
        .await
        .expect("open");
    (store, schema)
});
