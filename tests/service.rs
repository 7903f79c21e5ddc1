//! The daemon as systemd runs it: the real binary with `NOTIFY_SOCKET` pointing at a datagram
//! socket this test owns. It must say READY=1, ping the watchdog from its scheduler loop, say
//! STOPPING=1 on SIGTERM and exit 0; and SIGHUP must swap in a valid config (new feeds polled,
//! changed rules matching) while an invalid one is refused, reported, and the old one runs on.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use common::{TestServer, rss};
use tokio::net::UnixDatagram;
use tokio::time::{Instant, timeout};

/// The daemon under test, killed if the test fails half-way.
struct Daemon(Child);

impl Daemon {
    fn start(config: &Path, notify: &Path, watchdog: Option<Duration>) -> Daemon {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("newswatch"));
        command
            .args(["-c", config.to_str().expect("utf-8"), "run"])
            .env_remove("NEWSWATCH_CONFIG")
            .env("RUST_LOG", "newswatch=info")
            .env("NOTIFY_SOCKET", notify)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(watchdog) = watchdog {
            command.env("WATCHDOG_USEC", watchdog.as_micros().to_string());
        }
        Daemon(command.spawn().expect("start daemon"))
    }

    fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &self.0.id().to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
    }

    /// Waits (bounded) for the exit code.
    async fn exit_code(&mut self) -> Option<i32> {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(status) = self.0.try_wait().expect("wait") {
                return status.code();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("daemon still running 15 s after SIGTERM");
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads notifications until one satisfies `want` or `limit` passes; returns all read.
async fn read_until(
    socket: &UnixDatagram,
    limit: Duration,
    want: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    let deadline = Instant::now() + limit;
    let mut seen = Vec::new();
    let mut buf = vec![0u8; 4096];
    while !want(&seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match timeout(left, socket.recv(&mut buf)).await {
            Ok(Ok(n)) => seen.extend(
                String::from_utf8_lossy(&buf[..n])
                    .lines()
                    .map(str::to_string),
            ),
            Ok(Err(error)) => panic!("notify socket: {error}"),
            Err(_) => break,
        }
    }
    seen
}

fn count(seen: &[String], line: &str) -> usize {
    seen.iter().filter(|l| *l == line).count()
}

fn write_config(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("newswatch.toml");
    // Write-then-rename, as editors do, so the daemon never reads half a file.
    let tmp = dir.join("newswatch.toml.tmp");
    std::fs::write(
        &tmp,
        format!("[daemon]\nstate = \"state.db\"\nallow_private_networks = true\n{body}"),
    )
    .expect("config");
    std::fs::rename(&tmp, &path).expect("rename config");
    path
}

const CHANNEL: &str = "[[channel]]\nname = \"desk\"\ntype = \"email\"\nfrom = \"n@test.example\"\nto = [\"d@test.example\"]\n\
     transport = \"maildir\"\ndir = \"mail\"\n";

fn feed(name: &str, url: &str) -> String {
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\ninterval = \"1s\"\n")
}

fn rule(name: &str, query: &str) -> String {
    format!("[[rule]]\nname = \"{name}\"\nquery = '{query}'\nnotify = [\"desk\"]\n")
}

/// Alert emails in the maildir, as text.
fn mails(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("mail/new"))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

async fn wait_for(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_then_watchdog_pings_then_stopping_and_exit_0() {
    let dir = tempfile::tempdir().expect("dir");
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Quiet day", Utc::now())]));
    let config = write_config(
        dir.path(),
        &format!("{}{CHANNEL}", feed("a", &server.url("/a.xml"))),
    );
    let notify_path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&notify_path).expect("bind notify socket");
    let mut daemon = Daemon::start(&config, &notify_path, Some(Duration::from_secs(2)));

    let seen = read_until(&socket, Duration::from_secs(20), |seen| {
        seen.iter()
            .position(|l| l == "READY=1")
            .is_some_and(|ready| count(&seen[ready..], "WATCHDOG=1") >= 3)
    })
    .await;
    let ready = seen
        .iter()
        .position(|l| l == "READY=1")
        .unwrap_or_else(|| panic!("no READY=1 in {seen:?}"));
    assert!(
        count(&seen[ready..], "WATCHDOG=1") >= 3,
        "watchdog pings after READY=1: {seen:?}"
    );
    // The first STATUS= line is sent at start; later ones every 15 s.
    let status = seen
        .iter()
        .find(|l| l.starts_with("STATUS="))
        .cloned()
        .unwrap_or_default();
    assert!(status.contains("1 feeds:"), "{status}");
    assert!(status.contains("alerts: 0 pending, 0 dead"), "{status}");

    daemon.signal("TERM");
    let after = read_until(&socket, Duration::from_secs(15), |seen| {
        seen.iter().any(|l| l == "STOPPING=1")
    })
    .await;
    assert!(after.iter().any(|l| l == "STOPPING=1"), "{after:?}");
    assert_eq!(daemon.exit_code().await, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_swaps_in_a_valid_config_and_refuses_an_invalid_one() {
    let dir = tempfile::tempdir().expect("dir");
    let server = TestServer::start().await;
    server.feed(
        "/a.xml",
        &rss(&[("a1", "Alibaba opens a data centre", Utc::now())]),
    );
    server.feed(
        "/b.xml",
        &rss(&[("b1", "Tencent results beat estimates", Utc::now())]),
    );
    let first = format!(
        "{}{}{CHANNEL}",
        feed("a", &server.url("/a.xml")),
        rule("alibaba", "alibaba")
    );
    let config = write_config(dir.path(), &first);
    let notify_path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&notify_path).expect("bind notify socket");
    let mut daemon = Daemon::start(&config, &notify_path, None);
    read_until(&socket, Duration::from_secs(20), |seen| {
        seen.iter().any(|l| l == "READY=1")
    })
    .await;
    wait_for(Duration::from_secs(20), "the first alert", || {
        mails(dir.path()).iter().any(|m| m.contains("data centre"))
    })
    .await;
    assert!(server.requests("/b.xml").is_empty());

    // A new feed and a changed rule.
    let second = format!(
        "{}{}{}{CHANNEL}",
        feed("a", &server.url("/a.xml")),
        feed("b", &server.url("/b.xml")),
        rule("tencent", "tencent")
    );
    write_config(dir.path(), &second);
    daemon.signal("HUP");
    let reloaded = read_until(&socket, Duration::from_secs(20), |seen| {
        seen.iter().any(|l| l == "RELOADING=1") && seen.iter().any(|l| l == "READY=1")
    })
    .await;
    assert!(
        reloaded.iter().any(|l| l.starts_with("MONOTONIC_USEC=")),
        "{reloaded:?}"
    );
    wait_for(
        Duration::from_secs(20),
        "the new rule's alert from the new feed",
        || {
            mails(dir.path())
                .iter()
                .any(|m| m.contains("Tencent results"))
        },
    )
    .await;
    // The alert from before the reload was not sent again.
    let alibaba = mails(dir.path())
        .iter()
        .filter(|m| m.contains("data centre"))
        .count();
    assert_eq!(alibaba, 1);

    // An invalid config is refused and reported; the old one keeps polling.
    write_config(
        dir.path(),
        &format!(
            "{second}[[rule]]\nname = \"broken\"\nquery = '(unbalanced'\nnotify = [\"desk\"]\n"
        ),
    );
    daemon.signal("HUP");
    let refused = read_until(&socket, Duration::from_secs(20), |seen| {
        seen.iter()
            .any(|l| l.starts_with("STATUS=") && l.contains("config reload FAILED"))
    })
    .await;
    assert!(
        refused
            .iter()
            .any(|l| l.starts_with("STATUS=") && l.contains("config reload FAILED")),
        "{refused:?}"
    );
    let polled = server.requests("/b.xml").len();
    // A headline with words of its own: the desk's stories hold every rule's items, and
    // "Tencent opens a new office" scores just above the join threshold against b1 there
    // (these three short headlines are all the story index knows), so it would make no alert.
    server.feed(
        "/b.xml",
        &rss(&[
            ("b1", "Tencent results beat estimates", Utc::now()),
            (
                "b2",
                "Tencent opens a new office in Singapore for its cloud unit",
                Utc::now(),
            ),
        ]),
    );
    wait_for(
        Duration::from_secs(20),
        "polls under the old config",
        || {
            server.requests("/b.xml").len() > polled
                && mails(dir.path()).iter().any(|m| m.contains("new office"))
        },
    )
    .await;

    daemon.signal("TERM");
    assert_eq!(daemon.exit_code().await, Some(0));
}
