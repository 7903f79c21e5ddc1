//! The `newswatch` binary on a PostgreSQL store (`[daemon] store = "postgres://..."`), on the
//! real server the tests use, each test in a schema of its own: every command works as on
//! SQLite, and a database migrated by a newer newswatch is refused with a clear message.
//! Built with the `postgres-tests` feature only: `cargo test` needs no server.
#![cfg(feature = "postgres-tests")]

mod common;

use std::path::{Path, PathBuf};

use common::postgres::TestSchema;
use common::{CliOutput, repo_file, run_cli};
use sqlx::Connection;

/// Runs `newswatch -c config ARGS`.
fn run_on(config: &Path, args: &[&str]) -> CliOutput {
    let config = config.to_str().expect("utf-8");
    run_cli(["-c", config].iter().chain(args))
}

/// The bundled demo in a temporary folder, its state in `schema` instead of an SQLite file.
fn demo_on(schema: &TestSchema) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = dir.path().join("config/demo");
    std::fs::create_dir_all(&demo).expect("demo dir");
    for entry in std::fs::read_dir(repo_file("config/demo")).expect("demo files") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), demo.join(entry.file_name())).expect("copy");
    }
    let text = std::fs::read_to_string(repo_file("config/demo.toml")).expect("demo config");
    let sqlite = "state = \"../state/demo.db\"";
    assert!(text.contains(sqlite), "the demo's state line moved");
    let text = text.replace(sqlite, &format!("store = \"{}\"", schema.url()));
    let config = dir.path().join("config/demo.toml");
    std::fs::write(&config, text).expect("write config");
    (dir, config)
}

#[tokio::test]
async fn the_demo_runs_on_postgresql_as_on_sqlite() {
    let schema = TestSchema::create().await;
    let (dir, config) = demo_on(&schema);
    let runs = tokio::task::spawn_blocking(move || {
        let first = run_on(&config, &["run", "--once"]);
        let second = run_on(&config, &["run", "--once"]);
        let status = run_on(&config, &["status", "--json"]);
        let stories = run_on(&config, &["stories", "--since", "3650d", "--json"]);
        let alerts = run_on(&config, &["alerts", "--since", "3650d"]);
        (first, second, status, stories, alerts)
    })
    .await
    .expect("join");
    let (first, second, status, stories, alerts) = runs;
    // The same summaries as on SQLite (tests/cli.rs).
    assert_eq!(
        first.success().trim(),
        "polled 4 feeds: 4 changed, 0 unchanged (304), 0 failed; 10 new items (10 may alert); 7 matches; \
         alerts: 4 delivered, 0 retrying, 0 dead, 1 story follow-up due later"
    );
    assert_eq!(
        second.success().trim(),
        "polled 4 feeds: 0 changed, 4 unchanged (304), 0 failed; 0 new items (0 may alert); 0 matches; \
         alerts: 0 delivered, 0 retrying, 0 dead, 1 story follow-up due later"
    );
    status.success();
    let report = status.json();
    let feeds = report["feeds"].as_array().expect("feeds");
    assert_eq!(feeds.len(), 4);
    let chinese = feeds.iter().find(|f| f["name"] == "demo-zh").expect("feed");
    assert_eq!(chinese["health"], "ok");
    assert_eq!(chinese["items_seen"], 2);
    assert_eq!(report["outbox"][0]["delivered"], 4);
    assert_eq!(report["outbox"][0]["pending"], 1);
    let stories = stories.success();
    assert!(stories.contains("\"sources\""), "{stories}");
    assert!(stories.contains("Pentagon"), "{stories}");
    let alerts = alerts.success();
    assert!(alerts.contains("delivered"), "{alerts}");
    assert!(
        !dir.path().join("state/demo.db").exists(),
        "no SQLite file may be made"
    );
    // The rows are in the test's schema, where the daemon put them.
    let mut conn = sqlx::PgConnection::connect_with(&schema.options())
        .await
        .expect("connect");
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM items")
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(items, 10);
}

#[tokio::test]
async fn a_database_migrated_by_a_newer_newswatch_is_refused() {
    let schema = TestSchema::create().await;
    let (_dir, config) = demo_on(&schema);
    let check_config = config.clone();
    let first = tokio::task::spawn_blocking(move || run_on(&check_config, &["run", "--once"]))
        .await
        .expect("join");
    first.success();
    let mut conn = sqlx::PgConnection::connect_with(&schema.options())
        .await
        .expect("connect");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from the future', true, '\\x00', 0)",
    )
    .execute(&mut conn)
    .await
    .expect("a future migration");
    let refused = tokio::task::spawn_blocking(move || run_on(&config, &["run", "--once"]))
        .await
        .expect("join");
    refused.code(1);
    assert!(
        refused
            .stderr
            .contains("has schema version 9999, newer than this newswatch knows (version "),
        "{}",
        refused.stderr
    );
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM items")
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(items, 10, "the refused node changed nothing");
}

#[test]
fn a_postgres_url_with_a_password_is_refused_by_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("newswatch.toml");
    std::fs::write(
        &config,
        "[daemon]\nstore = \"postgres://nw:hunter2@127.0.0.1/news\"\n",
    )
    .expect("write");
    let checked = run_on(&config, &["check"]);
    checked.code(2);
    assert!(
        checked.stderr.contains("store: the URL holds a password"),
        "{}",
        checked.stderr
    );
    assert!(!checked.stderr.contains("hunter2"), "{}", checked.stderr);
}

#[tokio::test]
async fn an_item_holding_a_nul_character_is_stored_with_a_replacement() {
    use newswatch::feed::Item;
    use newswatch::store::{FeedState, PolledItem, PostgresStore, Store};
    let schema = TestSchema::create().await;
    let store = PostgresStore::open_with(schema.options())
        .await
        .expect("open");
    // A JSON feed may carry "\u0000", which PostgreSQL's text cannot hold.
    let item = Item {
        feed: "wire".into(),
        entry_id: "id\0x".into(),
        title: "Memo\0names Alibaba".into(),
        ..Default::default()
    };
    let polled = [PolledItem {
        item: &item,
        alertable: true,
        matches: &[],
        alerts: &[],
        stories: &[],
    }];
    let state = FeedState::new("wire", "https://wire.example/feed.xml");
    let now = chrono::Utc::now();
    let first = store
        .record_poll(&state, &polled, now)
        .await
        .expect("recorded");
    assert_eq!(first.new_items.len(), 1);
    let again = store
        .record_poll(&state, &polled, now)
        .await
        .expect("recorded");
    assert_eq!(
        again.already_seen, 1,
        "the same item, known the second time"
    );
    let mut seen = Vec::new();
    store
        .items_since(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH, |s| {
            seen.push(s.item.clone())
        })
        .await
        .expect("read");
    let read: Vec<(&str, &str)> = seen
        .iter()
        .map(|i| (i.entry_id.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(read, [("id\u{FFFD}x", "Memo\u{FFFD}names Alibaba")]);
}
