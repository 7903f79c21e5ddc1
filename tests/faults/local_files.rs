//! Faults of local `file://` feeds and of how feed URLs are shown (issue 16): a file rewritten
//! within the second it was read, files that are not regular files or lie about their size,
//! and credentials in a feed URL, which must never reach a log, `status` or the database.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::time::{Duration, SystemTime};

use chrono::Utc;

use super::{Harness, PollOutcome, TestServer, free_port, rss};
use crate::common::news::{outbox, unclustered_rule, webhook_channel};
use crate::common::{Cli, status};

/// A `[[feed]]` reading `path`.
fn file_feed(name: &str, path: &std::path::Path) -> String {
    let url = url::Url::from_file_path(path).expect("absolute path");
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\ninterval = \"10m\"\n")
}

/// Fails the test instead of hanging when a poll does not end.
async fn poll_within(h: &Harness, name: &str, limit: Duration) -> PollOutcome {
    tokio::time::timeout(limit, h.poll(name))
        .await
        .unwrap_or_else(|_| panic!("polling {name} took longer than {limit:?}"))
        .outcome
}

fn failure(outcome: PollOutcome) -> String {
    match outcome {
        PollOutcome::Failed { error } => error,
        other => panic!("expected a failed poll, got {other:?}"),
    }
}

#[tokio::test]
async fn a_file_rewritten_within_the_same_second_is_read_again_and_alerts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("local.xml");
    let now = Utc::now();
    let first = [("l0", "Alibaba supplies the PLA, first report", now)];
    std::fs::write(&path, rss(&first)).expect("write feed");
    // Both versions carry the same whole-second mtime, as when a writer replaces the file
    // within the second it was read.
    let second = SystemTime::UNIX_EPOCH + Duration::from_secs(now.timestamp() as u64);
    let set_mtime = |path: &std::path::Path| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|file| file.set_modified(second))
            .expect("set mtime");
    };
    set_mtime(&path);
    let hook = crate::common::news::TestWebhook::start(0, 200).await;
    let config = format!(
        "{}{}{}",
        file_feed("local", &path),
        unclustered_rule(),
        webhook_channel(&hook.url, "")
    );
    let h = Harness::new("", &config).await;
    assert!(matches!(
        poll_within(&h, "local", Duration::from_secs(10)).await,
        PollOutcome::Changed { new_items: 1, .. }
    ));

    let titles: Vec<(String, String)> = (1..=5)
        .map(|i| (format!("l{i}"), format!("Alibaba and the PLA, update {i}")))
        .collect();
    let mut items = first.to_vec();
    items.extend(titles.iter().map(|(g, t)| (g.as_str(), t.as_str(), now)));
    std::fs::write(&path, rss(&items)).expect("rewrite feed");
    set_mtime(&path);
    let outcome = poll_within(&h, "local", Duration::from_secs(10)).await;
    assert_eq!(
        outcome,
        PollOutcome::Changed {
            new_items: 5,
            alertable: 5,
            matches: 5
        }
    );
    assert_eq!(outbox(&h).await, (6, 0, 0), "one alert per matching item");
    assert_eq!(
        poll_within(&h, "local", Duration::from_secs(10)).await,
        PollOutcome::NotModified,
        "an unchanged file is still not modified"
    );
}

/// Makes a named pipe at `path`.
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Writes up to `total` bytes of feed-like text into the FIFO at `path` for as long as a reader
/// holds it open, giving up after about 3 s without one; returns the bytes written.
fn fifo_writer(path: std::path::PathBuf, total: usize) -> std::thread::JoinHandle<usize> {
    std::thread::spawn(move || {
        // Non-blocking: opening for writing fails at once while nobody reads, so the writer
        // never waits for ever on a reader that was refused.
        let mut pipe = None;
        for _ in 0..300 {
            match std::fs::File::options()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(&path)
            {
                Ok(file) => {
                    pipe = Some(file);
                    break;
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        let Some(mut pipe) = pipe else {
            return 0;
        };
        let chunk = [b'x'; 64 * 1024];
        let mut written = 0;
        let mut stalls = 0;
        while written < total && stalls < 300 {
            match pipe.write(&chunk) {
                Ok(n) => written += n,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    stalls += 1;
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(_) => break,
            }
        }
        written
    })
}

#[tokio::test]
async fn a_fifo_feed_is_refused_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pipe.xml");
    mkfifo(&path);
    const TOTAL: usize = 8 * 1024 * 1024;
    let writer = fifo_writer(path.clone(), TOTAL);
    let h = Harness::new("max_body = \"1MiB\"", &file_feed("pipe", &path)).await;
    let error = failure(poll_within(&h, "pipe", Duration::from_secs(10)).await);
    let written = tokio::task::spawn_blocking(move || writer.join().expect("writer"))
        .await
        .expect("join");
    eprintln!("fifo feed: {error}; the writer got {written} bytes in");
    assert!(
        error.contains("FIFO") && error.contains("regular file"),
        "{error}"
    );
    assert!(
        written < TOTAL,
        "the whole stream was read: {written} bytes"
    );
    assert_eq!(h.state("pipe").await.consecutive_failures, 1);
}

#[tokio::test]
async fn a_device_feed_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let h = Harness::new(
        "max_body = \"1MiB\"",
        &file_feed("zero", std::path::Path::new("/dev/zero")),
    )
    .await;
    let started = std::time::Instant::now();
    let error = failure(poll_within(&h, "zero", Duration::from_secs(10)).await);
    eprintln!("/dev/zero feed: {error} ({:.0?})", started.elapsed());
    assert!(
        error.contains("character device") && error.contains("regular file"),
        "{error}"
    );
    // A directory is no feed either.
    let folder = Harness::new("", &file_feed("folder", dir.path())).await;
    let error = failure(poll_within(&folder, "folder", Duration::from_secs(10)).await);
    assert!(error.contains("directory"), "{error}");
}

#[tokio::test]
async fn a_file_larger_than_max_body_fails_the_poll() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.xml");
    let big = format!(
        "<rss version=\"2.0\"><channel>{}</channel></rss>",
        "x".repeat(300_000)
    );
    std::fs::write(&path, big).expect("write feed");
    let h = Harness::new("max_body = \"64KiB\"", &file_feed("big", &path)).await;
    let error = failure(poll_within(&h, "big", Duration::from_secs(10)).await);
    assert!(error.contains("max_body"), "{error}");
}

#[tokio::test]
async fn a_file_that_says_it_is_empty_is_still_read_only_up_to_max_body() {
    // Files of /proc report a size of 0 whatever they hold, as a file still being written may
    // say less than it ends up holding: only counting what is read enforces the cap.
    let smaps = std::path::Path::new("/proc/self/smaps");
    let stat = std::fs::metadata(smaps).expect("stat /proc/self/smaps");
    assert_eq!(stat.len(), 0);
    assert!(std::fs::read(smaps).expect("read").len() > 4096);
    let h = Harness::new("max_body = \"4KiB\"", &file_feed("proc", smaps)).await;
    let error = failure(poll_within(&h, "proc", Duration::from_secs(10)).await);
    assert!(error.contains("max_body"), "{error}");
}

/// Every text value of every table of the SQLite file at `path`.
async fn every_text_value(path: &std::path::Path) -> Vec<String> {
    use sqlx::{Column, Connection, Row};
    let mut conn = sqlx::SqliteConnection::connect_with(
        &sqlx::sqlite::SqliteConnectOptions::new().filename(path),
    )
    .await
    .expect("open state");
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .expect("tables");
    let mut values = Vec::new();
    for table in tables {
        // The names come from sqlite_master of our own test database.
        let select = sqlx::AssertSqlSafe(format!("SELECT * FROM \"{table}\""));
        let rows = sqlx::query(select)
            .fetch_all(&mut conn)
            .await
            .expect("rows");
        for row in rows {
            for column in row.columns() {
                if let Ok(Some(text)) = row.try_get::<Option<String>, _>(column.ordinal()) {
                    values.push(format!("{table}.{}: {text}", column.name()));
                }
            }
        }
    }
    // Closed before the files are read: closing removes the write-ahead log.
    conn.close().await.expect("close state");
    values
}

#[tokio::test]
async fn credentials_in_a_feed_url_never_reach_logs_status_or_the_database() {
    let server = TestServer::start().await;
    let path = "/feed?token=s3cr3t&lang=en";
    server.route(path, |_| status(500, &[]));
    let failing = format!(
        "http://reader:hunter2@{}{path}",
        server.base.trim_start_matches("http://")
    );
    // Nothing listens there: reqwest's own error names the URL it tried.
    let refused = format!(
        "http://reader:hunter2@127.0.0.1:{}/feed?api_key=s3cr3t",
        free_port()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("newswatch.toml");
    std::fs::write(
        &config,
        format!(
            "[daemon]\nstate = \"state.db\"\nallow_private_networks = true\n\
             [[feed]]\nname = \"failing\"\nurl = \"{failing}\"\n\
             [[feed]]\nname = \"refused\"\nurl = \"{refused}\"\n"
        ),
    )
    .expect("write config");
    let config = config.to_str().expect("utf-8").to_string();
    let run = |args: Vec<&'static str>| {
        let config = config.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                Cli::new(["-c", &config])
                    .env("RUST_LOG", "newswatch=debug")
                    .args(args)
                    .timeout(Duration::from_secs(60))
                    .run()
            })
            .await
            .expect("join")
        }
    };
    let once = run(vec!["run", "--once"]).await;
    let log = once.stdout + &once.stderr;
    assert!(log.contains("poll failed"), "{log}");
    // The request itself carried the credentials.
    let requests = server.requests(path);
    let request = requests
        .first()
        .unwrap_or_else(|| panic!("no request to {path}: {log}"));
    assert_eq!(
        request.headers["authorization"], "Basic cmVhZGVyOmh1bnRlcjI=",
        "reader:hunter2"
    );
    let table = run(vec!["status"]).await;
    let json = run(vec!["status", "--json"]).await;
    table.success();
    json.success();
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("status json");
    let table = table.stdout + &table.stderr;
    let json = json.stdout + &json.stderr;
    let shown: Vec<&str> = report["feeds"]
        .as_array()
        .expect("feeds")
        .iter()
        .map(|f| f["url"].as_str().expect("url"))
        .collect();
    let stored = every_text_value(&dir.path().join("state.db")).await;
    eprintln!("log:\n{log}\nstatus:\n{table}\nurls shown: {shown:?}\nstored:\n{stored:#?}");
    assert!(
        shown.contains(
            &format!(
                "http://reader:***@{}/feed?token=***&lang=en",
                server.base.trim_start_matches("http://")
            )
            .as_str()
        ),
        "{shown:?}"
    );
    for (place, text) in [
        ("the log", log.as_str()),
        ("status", table.as_str()),
        ("status --json", json.as_str()),
        ("the database", stored.join("\n").as_str()),
    ] {
        for secret in ["hunter2", "s3cr3t"] {
            assert!(!text.contains(secret), "{secret} in {place}:\n{text}");
        }
    }
    assert!(
        stored.iter().any(|v| v.contains("reader:***@")),
        "the feed rows are there, redacted: {stored:#?}"
    );
    // Nor in any byte of the database files, free pages and write-ahead log included.
    for file in std::fs::read_dir(dir.path()).expect("state folder") {
        let path = file.expect("entry").path();
        if !path.to_string_lossy().contains("state.db") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue; // a -wal or -shm file removed as the last connection closed
        };
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["hunter2", "s3cr3t"] {
            assert!(!text.contains(secret), "{secret} in {}", path.display());
        }
    }
}
