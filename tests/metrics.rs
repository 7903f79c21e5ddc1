//! `/metrics`, `/healthz` and `/readyz` on loopback: scrapes are parsed with a Prometheus
//! text-format parser (not matched with regexes), and the counters must move as polls and
//! deliveries happen, while the outbox and feed gauges show what the store holds. The real
//! binary serves them only when `[daemon] listen` is set.

mod common;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::news::{RULE, deliverer, feed, news_server, smtp_channel};
use common::{Cli, Harness, SmtpServer, TestServer, free_port, rss};
use newswatch::daemon::http;
use newswatch::daemon::{
    Metrics, PollOutcome, PollReport, PollSettings, Poller, ShutdownTrigger, Vitals,
    shutdown_channel,
};
use newswatch::feed::fetch::{FetchSettings, Fetcher};
use newswatch::rules::RuleSet;
use newswatch::store::SqliteStore;
use prometheus_parse::{Sample, Scrape, Value};

/// A harness whose poller counts into `metrics`, and the endpoints serving them on loopback.
struct Monitored {
    h: Harness,
    poller: Poller<SqliteStore>,
    metrics: Arc<Metrics>,
    vitals: Arc<Vitals>,
    addr: SocketAddr,
    stop: ShutdownTrigger,
    server: tokio::task::JoinHandle<()>,
    client: reqwest::Client,
}

impl Monitored {
    async fn start(config: &str) -> Monitored {
        let h = Harness::new("", config).await;
        let metrics = Arc::new(Metrics::new(&h.config));
        let fetcher = Fetcher::new(FetchSettings::from(&h.config.daemon)).expect("client");
        let poller = Poller::new(
            Arc::clone(&h.store),
            Arc::new(RuleSet::from_config(&h.config).expect("rules compile")),
            fetcher,
            PollSettings::from(&h.config.daemon),
        )
        .with_clock(h.clock.clone(), 7)
        .with_metrics(Arc::clone(&metrics));
        let vitals = Arc::new(Vitals::default());
        let listener = http::bind("127.0.0.1:0".parse().expect("address"))
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let (stop, shutdown) = shutdown_channel();
        let server = tokio::spawn(http::serve(
            listener,
            Arc::clone(&h.store),
            Arc::clone(&metrics),
            Arc::clone(&vitals),
            shutdown,
        ));
        Monitored {
            h,
            poller,
            metrics,
            vitals,
            addr,
            stop,
            server,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("client"),
        }
    }

    async fn poll(&self, name: &str) -> PollReport {
        self.h.poll_with(&self.poller, name).await
    }

    async fn get(&self, path: &str) -> (u16, String) {
        get(&self.client, self.addr, path).await
    }

    async fn scrape(&self) -> Scrape {
        scrape(&self.client, self.addr).await
    }
}

async fn get(client: &reqwest::Client, addr: SocketAddr, path: &str) -> (u16, String) {
    let response = client
        .get(format!("http://{addr}{path}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// GET /metrics, checked to be the Prometheus text format, parsed by `prometheus-parse`.
async fn scrape(client: &reqwest::Client, addr: SocketAddr) -> Scrape {
    let response = client
        .get(format!("http://{addr}/metrics"))
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = response.text().await.expect("body");
    Scrape::parse(text.lines().map(|line| Ok(line.to_string()))).expect("valid exposition")
}

/// The one sample of `metric` with (at least) `labels`.
fn sample<'a>(scrape: &'a Scrape, metric: &str, labels: &[(&str, &str)]) -> &'a Sample {
    let found: Vec<&Sample> = scrape
        .samples
        .iter()
        .filter(|s| s.metric == metric && labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
        .collect();
    match found[..] {
        [one] => one,
        _ => panic!(
            "{} samples of {metric}{labels:?}; have: {:?}",
            found.len(),
            scrape
                .samples
                .iter()
                .map(|s| &s.metric)
                .collect::<HashSet<_>>()
        ),
    }
}

/// The value of a counter or gauge sample.
fn value(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    match &sample(scrape, metric, labels).value {
        Value::Counter(v) | Value::Gauge(v) | Value::Untyped(v) => *v,
        other => panic!("{metric} is not a single value: {other:?}"),
    }
}

fn maildir_channel(dir: &std::path::Path) -> String {
    format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"n@test.example\"\n\
         to = [\"d@test.example\"]\ntransport = \"maildir\"\ndir = \"{}\"\n",
        dir.display()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counters_move_as_polls_and_deliveries_happen() {
    let server = news_server().await;
    let mail = tempfile::tempdir().expect("mail dir");
    let config = format!(
        "{}{RULE}{}",
        feed("news", &server.url("/news.xml")),
        maildir_channel(mail.path())
    );
    let m = Monitored::start(&config).await;
    let news = [("feed", "news")];

    let before = m.scrape().await;
    for outcome in ["changed", "not_modified", "failed", "gone"] {
        let labels = [("feed", "news"), ("outcome", outcome)];
        assert_eq!(value(&before, "newswatch_polls_total", &labels), 0.0);
    }
    assert_eq!(
        value(
            &before,
            "newswatch_rule_matches_total",
            &[("rule", "alibaba-pla")]
        ),
        0.0
    );
    assert_eq!(
        value(
            &before,
            "newswatch_story_joins_total",
            &[("rule", "alibaba-pla")]
        ),
        0.0
    );
    assert_eq!(value(&before, "newswatch_feeds", &[("state", "new")]), 1.0);
    assert_eq!(value(&before, "newswatch_feeds", &[("state", "ok")]), 0.0);
    assert_eq!(
        value(&before, "newswatch_outbox_pending", &[("channel", "out")]),
        0.0
    );

    assert!(matches!(
        m.poll("news").await.outcome,
        PollOutcome::Changed { matches: 2, .. }
    ));
    let first = m.scrape().await;
    let changed = [("feed", "news"), ("outcome", "changed")];
    assert_eq!(value(&first, "newswatch_polls_total", &changed), 1.0);
    assert_eq!(value(&first, "newswatch_items_new_total", &news), 3.0);
    assert_eq!(value(&first, "newswatch_fetch_truncated_total", &news), 0.0);
    assert_eq!(
        value(
            &first,
            "newswatch_rule_matches_total",
            &[("rule", "alibaba-pla")]
        ),
        2.0
    );
    assert!(value(&first, "newswatch_fetch_bytes_total", &news) > 500.0);
    assert_eq!(
        value(&first, "newswatch_fetch_duration_seconds_count", &news),
        1.0
    );
    match &sample(&first, "newswatch_fetch_duration_seconds", &news).value {
        Value::Histogram(buckets) => {
            let infinite = buckets
                .iter()
                .find(|b| b.less_than.is_infinite())
                .expect("+Inf bucket");
            assert_eq!(infinite.count, 1.0);
        }
        other => panic!("fetch duration is not a histogram: {other:?}"),
    }
    assert_eq!(value(&first, "newswatch_feeds", &[("state", "ok")]), 1.0);
    assert_eq!(value(&first, "newswatch_feeds", &[("state", "new")]), 0.0);
    let out = [("channel", "out")];
    assert_eq!(value(&first, "newswatch_outbox_pending", &out), 2.0);
    assert_eq!(value(&first, "newswatch_outbox_held", &out), 0.0);
    assert_eq!(value(&first, "newswatch_outbox_dead", &out), 0.0);
    // The alerts were created at the harness clock's "now", moments ago.
    let age = value(&first, "newswatch_outbox_oldest_pending_age_seconds", &out);
    assert!((0.0..60.0).contains(&age), "{age}");

    // The server answers the conditional GET with 304.
    assert_eq!(m.poll("news").await.outcome, PollOutcome::NotModified);
    let second = m.scrape().await;
    let not_modified = [("feed", "news"), ("outcome", "not_modified")];
    assert_eq!(value(&second, "newswatch_polls_total", &not_modified), 1.0);
    assert_eq!(value(&second, "newswatch_polls_total", &changed), 1.0);
    assert_eq!(
        value(&second, "newswatch_fetch_not_modified_total", &news),
        1.0
    );
    assert_eq!(value(&second, "newswatch_items_new_total", &news), 3.0);

    let totals = deliverer(&m.h)
        .with_metrics(Arc::clone(&m.metrics))
        .drain(Duration::from_secs(20))
        .await
        .expect("drain");
    assert_eq!(totals.delivered, 2);
    let delivered = m.scrape().await;
    let labels = [("channel", "out"), ("outcome", "delivered")];
    assert_eq!(value(&delivered, "newswatch_alerts_total", &labels), 2.0);
    let labels = [("channel", "out"), ("outcome", "dead")];
    assert_eq!(value(&delivered, "newswatch_alerts_total", &labels), 0.0);
    assert_eq!(value(&delivered, "newswatch_outbox_pending", &out), 0.0);
    assert_eq!(
        value(
            &delivered,
            "newswatch_outbox_oldest_pending_age_seconds",
            &out
        ),
        0.0
    );
    let messages = std::fs::read_dir(mail.path().join("new")).expect("maildir");
    assert_eq!(messages.count(), 2);

    m.stop.trigger();
    tokio::time::timeout(Duration::from_secs(10), m.server)
        .await
        .expect("the listener stops on shutdown")
        .expect("listener task");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_alert_is_counted_dead_and_shown_in_the_outbox() {
    let server = news_server().await;
    let smtp = SmtpServer::start(0, true);
    let config = format!(
        "{}{RULE}{}",
        feed("news", &server.url("/news.xml")),
        smtp_channel(smtp.port)
    );
    let m = Monitored::start(&config).await;
    m.poll("news").await;
    let totals = deliverer(&m.h)
        .with_metrics(Arc::clone(&m.metrics))
        .drain(Duration::from_secs(20))
        .await
        .expect("drain");
    assert_eq!(totals.dead, 2);
    let scrape = m.scrape().await;
    let dead = [("channel", "out"), ("outcome", "dead")];
    assert_eq!(value(&scrape, "newswatch_alerts_total", &dead), 2.0);
    let delivered = [("channel", "out"), ("outcome", "delivered")];
    assert_eq!(value(&scrape, "newswatch_alerts_total", &delivered), 0.0);
    let out = [("channel", "out")];
    assert_eq!(value(&scrape, "newswatch_outbox_dead", &out), 2.0);
    assert_eq!(value(&scrape, "newswatch_outbox_pending", &out), 0.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_cut_short_is_counted_and_the_poll_succeeds() {
    let server = TestServer::start().await;
    let whole = rss(&[
        ("t1", "Alibaba and the PLA", chrono::Utc::now()),
        ("t2", "Alibaba military ties", chrono::Utc::now()),
    ]);
    let second = whole
        .find("<item><guid isPermaLink=\"false\">t2")
        .expect("t2");
    server.feed("/news.xml", &whole[..second + 30]);
    let mail = tempfile::tempdir().expect("mail dir");
    let config = format!(
        "{}{RULE}{}",
        feed("news", &server.url("/news.xml")),
        maildir_channel(mail.path())
    );
    let m = Monitored::start(&config).await;
    let news = [("feed", "news")];
    assert_eq!(
        value(&m.scrape().await, "newswatch_fetch_truncated_total", &news),
        0.0
    );

    assert!(matches!(
        m.poll("news").await.outcome,
        PollOutcome::Changed { new_items: 1, .. }
    ));
    let scrape = m.scrape().await;
    assert_eq!(
        value(&scrape, "newswatch_fetch_truncated_total", &news),
        1.0
    );
    let changed = [("feed", "news"), ("outcome", "changed")];
    assert_eq!(value(&scrape, "newswatch_polls_total", &changed), 1.0);
    assert_eq!(value(&scrape, "newswatch_feeds", &[("state", "ok")]), 1.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_feed_is_counted_and_shown_failing() {
    let server = TestServer::start().await;
    server.route("/down.xml", |_| common::status(500, &[]));
    let m = Monitored::start(&feed("down", &server.url("/down.xml"))).await;
    assert!(matches!(
        m.poll("down").await.outcome,
        PollOutcome::Failed { .. }
    ));
    let scrape = m.scrape().await;
    let failed = [("feed", "down"), ("outcome", "failed")];
    assert_eq!(value(&scrape, "newswatch_polls_total", &failed), 1.0);
    assert_eq!(
        value(&scrape, "newswatch_feeds", &[("state", "failing")]),
        1.0
    );
    // Latency is observed for failures too; no body was counted.
    let down = [("feed", "down")];
    assert_eq!(
        value(&scrape, "newswatch_fetch_duration_seconds_count", &down),
        1.0
    );
    assert_eq!(value(&scrape, "newswatch_fetch_bytes_total", &down), 0.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_gone_from_the_config_leaves_the_health_gauges() {
    let server = TestServer::start().await;
    server.route("/down.xml", |_| common::status(500, &[]));
    server.feed("/up.xml", &rss(&[("u1", "Quiet day", chrono::Utc::now())]));
    let both = feed("down", &server.url("/down.xml")) + &feed("up", &server.url("/up.xml"));
    let m = Monitored::start(&both).await;
    m.poll("down").await;
    m.poll("up").await;
    let scrape = m.scrape().await;
    assert_eq!(
        value(&scrape, "newswatch_feeds", &[("state", "failing")]),
        1.0
    );
    assert_eq!(value(&scrape, "newswatch_feeds", &[("state", "ok")]), 1.0);

    // As after a reload that dropped the failing feed: its row stays in the store, but a
    // removed feed must not hold a "failing" alert forever.
    let path = m.h.dir.path().join("newswatch.toml");
    let text = format!(
        "[daemon]\nstate = \"state/test.db\"\n{}",
        feed("up", &server.url("/up.xml"))
    );
    let reloaded = newswatch::config::parse_str(&text, &path, newswatch::daemon::CHECKS)
        .expect("valid config");
    m.metrics.configure(&reloaded);
    let scrape = m.scrape().await;
    assert_eq!(
        value(&scrape, "newswatch_feeds", &[("state", "failing")]),
        0.0
    );
    assert_eq!(value(&scrape, "newswatch_feeds", &[("state", "ok")]), 1.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_follow_the_vitals() {
    let m = Monitored::start("").await;
    assert_eq!(m.get("/healthz").await, (200, "ok\n".to_string()));
    // Starting: no beat yet, but well within the grace period.
    assert_eq!(m.get("/readyz").await.0, 200);
    m.vitals.beat();
    assert_eq!(m.get("/readyz").await, (200, "ready\n".to_string()));

    m.vitals
        .reload_failed("newswatch.toml:3:1: unknown field `intervall`".into());
    let (status, body) = m.get("/readyz").await;
    assert_eq!(status, 503);
    assert!(body.starts_with("not ready: "), "{body}");
    assert!(body.contains("unknown field `intervall`"), "{body}");
    assert_eq!(m.get("/healthz").await.0, 200, "alive all the same");
    let scrape = m.scrape().await;
    let failed = [("outcome", "failed")];
    assert_eq!(
        value(&scrape, "newswatch_config_reloads_total", &failed),
        1.0
    );
    let ok = [("outcome", "ok")];
    assert_eq!(value(&scrape, "newswatch_config_reloads_total", &ok), 0.0);

    m.vitals.reload_succeeded();
    assert_eq!(m.get("/readyz").await.0, 200);
    let scrape = m.scrape().await;
    assert_eq!(value(&scrape, "newswatch_config_reloads_total", &ok), 1.0);
    assert_eq!(m.get("/nothing").await.0, 404);
}

/// TCP ports process `pid` listens on, read from /proc: its socket inodes matched against the
/// LISTEN rows of the (network namespace's) TCP tables.
fn listening_ports(pid: u32) -> Vec<u16> {
    let inodes: HashSet<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("fd list")
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            Some(
                target
                    .strip_prefix("socket:[")?
                    .strip_suffix(']')?
                    .to_string(),
            )
        })
        .collect();
    let mut ports = Vec::new();
    for table in ["tcp", "tcp6"] {
        let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/net/{table}")) else {
            continue;
        };
        for row in text.lines().skip(1) {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // local_address is column 1 (ADDR:PORT in hex), st column 3 (0A = LISTEN), inode 9.
            if columns.len() > 9 && columns[3] == "0A" && inodes.contains(columns[9]) {
                let port = columns[1].rsplit(':').next().unwrap_or_default();
                ports.push(u16::from_str_radix(port, 16).expect("hex port"));
            }
        }
    }
    ports
}

/// A daemon process, killed if a test fails before stopping it.
struct Daemon(std::process::Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Daemon {
    fn start(config: &std::path::Path) -> Daemon {
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newswatch"))
            .args(["-c", config.to_str().expect("utf-8"), "run"])
            .env_remove("NEWSWATCH_CONFIG")
            .env("RUST_LOG", "error")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start daemon");
        Daemon(child)
    }

    /// SIGTERM, then the exit code (bounded wait).
    async fn stop(mut self) -> Option<i32> {
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let started = Instant::now();
        loop {
            if let Some(status) = self.0.try_wait().expect("wait") {
                return status.code();
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "daemon still running 10 s after SIGTERM"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// A config file in `dir` with one feed of `server` and `daemon_keys`.
fn daemon_config(
    dir: &std::path::Path,
    server: &TestServer,
    daemon_keys: &str,
) -> std::path::PathBuf {
    let path = dir.join("newswatch.toml");
    let text = format!(
        "[daemon]\nstate = \"state/nw.db\"\nallow_private_networks = true\n{daemon_keys}\n{}",
        feed("news", &server.url("/news.xml"))
    );
    std::fs::write(&path, text).expect("write config");
    path
}

async fn one_item_server() -> TestServer {
    let server = TestServer::start().await;
    server.feed(
        "/news.xml",
        &rss(&[("n1", "Alibaba answers the memo", chrono::Utc::now())]),
    );
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daemon_serves_metrics_on_the_listen_address() {
    let server = one_item_server().await;
    let dir = tempfile::tempdir().expect("dir");
    let port = free_port();
    let config = daemon_config(
        dir.path(),
        &server,
        &format!("listen = \"127.0.0.1:{port}\""),
    );
    let daemon = Daemon::start(&config);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    // Bounded wait until the listener is up and the first poll is counted.
    let changed = [("feed", "news"), ("outcome", "changed")];
    let started = Instant::now();
    loop {
        if client
            .get(format!("http://{addr}/healthz"))
            .send()
            .await
            .is_ok()
        {
            let scrape = scrape(&client, addr).await;
            if value(&scrape, "newswatch_polls_total", &changed) == 1.0 {
                assert_eq!(
                    value(&scrape, "newswatch_items_new_total", &[("feed", "news")]),
                    1.0
                );
                assert_eq!(value(&scrape, "newswatch_feeds", &[("state", "ok")]), 1.0);
                break;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no counted poll on {addr} within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(get(&client, addr, "/readyz").await.0, 200);
    assert_eq!(listening_ports(daemon.0.id()), vec![port]);
    assert_eq!(daemon.stop().await, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_listen_nothing_listens() {
    let server = one_item_server().await;
    let dir = tempfile::tempdir().expect("dir");
    let config = daemon_config(dir.path(), &server, "");
    let daemon = Daemon::start(&config);
    // Bounded wait until the daemon is past its start-up and polling.
    let started = Instant::now();
    while server.requests("/news.xml").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the daemon never polled"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(listening_ports(daemon.0.id()), Vec::<u16>::new());
    assert_eq!(daemon.stop().await, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_listen_port_is_a_runtime_error_naming_the_address() {
    let server = one_item_server().await;
    let dir = tempfile::tempdir().expect("dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let config = daemon_config(
        dir.path(),
        &server,
        &format!("listen = \"127.0.0.1:{port}\""),
    );
    let output = tokio::task::spawn_blocking(move || {
        Cli::new(["-c", config.to_str().expect("utf-8"), "run"])
            .timeout(Duration::from_secs(20))
            .run()
    })
    .await
    .expect("join");
    let stderr = output.code(1);
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
    drop(taken);
}
