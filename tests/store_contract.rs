//! The `Store` contract (`tests/common/store_contract/`) run against every engine: SQLite in a
//! file, as the daemon runs it, and in memory, as `test-rule` does.

#[path = "common/store_contract/mod.rs"]
mod store_contract;

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
