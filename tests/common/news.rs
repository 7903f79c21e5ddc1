//! Fixtures for alert tests: a harness with a `news` feed and one rule notifying the `out`
//! channel, a delivery worker on the harness clock, a webhook receiver that can fail on
//! purpose, and an independent Standard Webhooks verifier.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::response::Response;
use base64::Engine;
use chrono::Utc;
use hmac::Mac;
use newswatch::alert::channel::{Channel, WebhookClient};
use newswatch::daemon::Clock;
use newswatch::daemon::deliver::{Deliverer, DeliverySettings};
use newswatch::store::{SqliteStore, Store};

use super::{Harness, TestServer, rss};

pub const RULE: &str = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND (PLA OR military)'
severity = "high"
notify = ["out"]
"#;

pub fn feed(name: &str, url: &str) -> String {
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\n")
}

/// A harness with the `news` feed of `server`, [`RULE`] and `channel`.
pub async fn news_harness(daemon_keys: &str, server: &TestServer, channel: &str) -> Harness {
    let feeds = feed("news", &server.url("/news.xml"));
    Harness::new(daemon_keys, &format!("{feeds}{RULE}{channel}")).await
}

/// [`RULE`] with story clustering off: every matching item alerts, for tests that need many
/// alerts from near-identical headlines.
pub fn unclustered_rule() -> String {
    RULE.replace("notify = [\"out\"]", "notify = [\"out\"]\ncluster = false")
}

/// [`news_harness`] with [`unclustered_rule`].
pub async fn unclustered_harness(server: &TestServer, channel: &str) -> Harness {
    let feeds = feed("news", &server.url("/news.xml"));
    let rule = unclustered_rule();
    Harness::new("", &format!("{feeds}{rule}{channel}")).await
}

/// The `out` channel as a webhook to `url`, with `extra` keys.
pub fn webhook_channel(url: &str, extra: &str) -> String {
    format!("[[channel]]\nname = \"out\"\ntype = \"webhook\"\nurl = \"{url}\"\n{extra}")
}

pub fn deliverer(h: &Harness) -> Deliverer<SqliteStore> {
    deliverer_with(h, Duration::from_secs(5), 3)
}

/// A delivery worker on the harness clock whose webhook posts give up after `timeout`, with
/// its retry jitter seeded by `seed`.
pub fn deliverer_with(h: &Harness, timeout: Duration, seed: u64) -> Deliverer<SqliteStore> {
    let client = WebhookClient::new(timeout, "newswatch-test", None).expect("client");
    let channels = h
        .config
        .channels
        .iter()
        .map(|c| Channel::new(c, &client).expect("channel"))
        .collect();
    Deliverer::new(
        h.store.clone(),
        channels,
        DeliverySettings::from(&h.config.daemon),
    )
    .with_clock(h.clock.clone(), seed)
}

/// Delivers everything due through [`deliverer`], waiting at most 20 s.
pub async fn drain(h: &Harness) -> newswatch::daemon::deliver::DeliveryTotals {
    deliverer(h)
        .drain(Duration::from_secs(20))
        .await
        .expect("drain")
}

pub async fn outbox(h: &Harness) -> (u64, u64, u64) {
    let counts = h.store.outbox_counts(h.clock.now()).await.expect("counts");
    counts.iter().fold((0, 0, 0), |(p, d, x), c| {
        (p + c.pending, d + c.delivered, x + c.dead)
    })
}

pub async fn news_server() -> TestServer {
    let server = TestServer::start().await;
    let now = Utc::now();
    server.feed(
        "/news.xml",
        &rss(&[
            // Double-escaped in the feed, so the title text itself holds "<script>".
            ("n1", "Pentagon says Alibaba aided the PLA &amp;lt;script&amp;gt;x()&amp;lt;/script&amp;gt;", now),
            ("n2", "Alibaba denies military ties", now),
            ("n3", "Alibaba earnings beat estimates", now),
        ]),
    );
    server
}

pub fn smtp_channel(port: u16) -> String {
    format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"newswatch@test.example\"\n\
         to = [\"desk@test.example\", \"chief@test.example\"]\ntransport = \"smtp\"\n\
         smtp_host = \"127.0.0.1\"\nsmtp_port = {port}\ntls = \"none\"\n"
    )
}

/// A webhook receiver on loopback: the first `fail_first` posts get `fail_status` (with
/// `Retry-After: 60`), later ones 200; it keeps the headers and body of each accepted post.
pub struct TestWebhook {
    pub url: String,
    state: Arc<HookState>,
    task: tokio::task::JoinHandle<()>,
}

struct HookState {
    fail_first: usize,
    fail_status: u16,
    /// Time each post takes, to keep deliveries in flight.
    delay: Duration,
    /// Keep a post before the delay rather than after it (see `start_acting_first`).
    act_first: bool,
    calls: Mutex<usize>,
    accepted: Mutex<Vec<(axum::http::HeaderMap, String)>>,
    /// Posts being received now (a client that goes away ends its post too).
    in_flight: std::sync::atomic::AtomicUsize,
}

/// Counts one post in flight for as long as it lives.
struct InFlight<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> InFlight<'a> {
    fn new(counter: &'a std::sync::atomic::AtomicUsize) -> InFlight<'a> {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        InFlight(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Drop for TestWebhook {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestWebhook {
    pub async fn start(fail_first: usize, fail_status: u16) -> TestWebhook {
        TestWebhook::start_slow(fail_first, fail_status, Duration::ZERO).await
    }

    pub async fn start_slow(fail_first: usize, fail_status: u16, delay: Duration) -> TestWebhook {
        TestWebhook::start_with(fail_first, fail_status, delay, false).await
    }

    /// Accepts every post as soon as it arrives, then takes `delay` to answer 200: a receiver
    /// that acts on a post before replying, so a sender that dies before reading the reply
    /// sends it again. The worst case for duplicates.
    pub async fn start_acting_first(delay: Duration) -> TestWebhook {
        TestWebhook::start_with(0, 200, delay, true).await
    }

    async fn start_with(
        fail_first: usize,
        fail_status: u16,
        delay: Duration,
        act_first: bool,
    ) -> TestWebhook {
        let state = Arc::new(HookState {
            fail_first,
            fail_status,
            delay,
            act_first,
            calls: Mutex::new(0),
            accepted: Mutex::new(Vec::new()),
            in_flight: std::sync::atomic::AtomicUsize::new(0),
        });
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(receive))
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestWebhook { url, state, task }
    }

    pub fn received(&self) -> Vec<(axum::http::HeaderMap, String)> {
        self.state.accepted.lock().expect("lock").clone()
    }

    /// Posts started and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.state
            .in_flight
            .load(std::sync::atomic::Ordering::SeqCst)
    }
}

async fn receive(
    axum::extract::State(state): axum::extract::State<Arc<HookState>>,
    headers: axum::http::HeaderMap,
    body: String,
) -> Response {
    let _in_flight = InFlight::new(&state.in_flight);
    if !state.act_first {
        tokio::time::sleep(state.delay).await;
    }
    let call = {
        let mut calls = state.calls.lock().expect("lock");
        *calls += 1;
        *calls
    };
    let status = if call <= state.fail_first {
        state.fail_status
    } else {
        state.accepted.lock().expect("lock").push((headers, body));
        200
    };
    if state.act_first {
        tokio::time::sleep(state.delay).await;
    }
    Response::builder()
        .status(status)
        .header("retry-after", "60")
        .body(Body::empty())
        .expect("response")
}

/// Standard Webhooks verification, written here independently of the crate's signer.
pub fn verify(key: &[u8], id: &str, timestamp: &str, body: &str, header: &str) -> bool {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("key");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    header
        .split(' ')
        .any(|sig| sig.strip_prefix("v1,") == Some(expected.as_str()))
}
