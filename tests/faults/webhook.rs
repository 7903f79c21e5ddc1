//! Faults of this area (issue 16); helpers of tests/faults.rs are reachable as `super::`.
//! A webhook receiver that redirects, and a webhook host the SSRF guard refuses by name: both
//! must fail at once as permanent, with an error that names what happened, and no alert body
//! may leave for an address the config does not name.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::Utc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{Harness, TestServer, status};
use newswatch::alert::channel::{Channel, DeliveryError, build_all};

/// A listener on 127.0.0.1 that counts every connection it accepts and answers each with
/// `200 OK`, standing for an internal service a redirect must never reach.
struct ConnectionRecorder {
    port: u16,
    accepted: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl ConnectionRecorder {
    async fn start() -> ConnectionRecorder {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&accepted);
        let task = tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    let mut buffer = [0u8; 4096];
                    let _ = tokio::time::timeout(Duration::from_secs(2), socket.read(&mut buffer))
                        .await;
                    let _ = socket
                        .write_all(
                            b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                        )
                        .await;
                });
            }
        });
        ConnectionRecorder {
            port,
            accepted,
            task,
        }
    }

    fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

impl Drop for ConnectionRecorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The channels of a guarded harness with one webhook `hook` at `url`, as the daemon builds
/// them (`build_all`: both HTTP clients, the guard and all).
async fn webhook_channels(daemon_keys: &str, url: &str, extra: &str) -> (Harness, Vec<Channel>) {
    let config =
        format!("[[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{url}\"\n{extra}");
    let h = Harness::guarded(daemon_keys, &config).await;
    let channels = build_all(&h.config).expect("channels");
    (h, channels)
}

/// Sends the `send-test` sample alert through `channel`, bounded in time.
async fn send_sample(channel: &Channel) -> Result<String, DeliveryError> {
    let alert = newswatch::alert::sample_alert(Utc::now());
    let body = serde_json::to_string(&alert).expect("sample alert encodes");
    tokio::time::timeout(Duration::from_secs(10), channel.deliver(&alert, &body))
        .await
        .expect("the post ended instead of hanging")
        .map(|delivered| delivered.answer)
}

fn permanent_message(outcome: Result<String, DeliveryError>) -> String {
    match outcome {
        Err(DeliveryError::Permanent { message }) => message,
        other => panic!("expected a permanent failure, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirecting_webhook_is_not_followed_and_the_error_names_the_target() {
    // 127.0.0.2 stands for an allowed intranet receiver; it redirects to 127.0.0.1, which is
    // not allowed, where an internal service listens.
    let internal = ConnectionRecorder::start().await;
    let receiver = TestServer::start_on("127.0.0.2").await;
    let admin = format!("http://127.0.0.1:{}/internal-admin", internal.port);
    let location = admin.clone();
    receiver.route("/", move |_| {
        status(307, &[("location", location.as_str())])
    });
    // Both webhook clients: the guarded one, and the one of a channel allowed private
    // addresses, which the guard does not watch at all.
    for (name, keys, extra) in [
        ("guarded", "allow_private_addresses = [\"127.0.0.2\"]", ""),
        ("allow_private", "", "allow_private = true\n"),
    ] {
        let (_h, channels) = webhook_channels(keys, &receiver.url("/"), extra).await;
        let started = std::time::Instant::now();
        let error = permanent_message(send_sample(&channels[0]).await);
        assert_eq!(internal.accepted(), 0, "{name}: the redirect was followed");
        assert!(error.contains("307"), "{name}: {error}");
        assert!(error.contains(&admin), "{name}: {error}");
        assert!(
            error.contains("does not follow redirects"),
            "{name}: {error}"
        );
        eprintln!(
            "webhook redirect ({name}): failed as permanent in {:?}: {error}",
            started.elapsed()
        );
    }
    assert_eq!(receiver.requests("/").len(), 2);

    // Only now that no redirect is followed (asserted above, or the test has stopped) may a
    // receiver point at the metadata service: no connection is attempted, and the error says
    // where the redirect led and that the guard refuses it.
    let metadata = "http://169.254.169.254/latest/meta-data/iam";
    receiver.route("/", move |_| status(307, &[("location", metadata)]));
    let (_h, channels) = webhook_channels(
        "allow_private_addresses = [\"127.0.0.2\"]",
        &receiver.url("/"),
        "",
    )
    .await;
    let error = permanent_message(send_sample(&channels[0]).await);
    assert!(error.contains(metadata), "{error}");
    assert!(error.contains("link-local"), "{error}");
    assert!(error.contains("does not follow redirects"), "{error}");
    eprintln!("webhook redirect to the metadata service: {error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_host_name_the_guard_refuses_fails_as_permanent_and_says_why() {
    let internal = ConnectionRecorder::start().await;
    let url = format!("http://localhost:{}/hook", internal.port);
    let (_h, channels) = webhook_channels("", &url, "").await;
    let error = permanent_message(send_sample(&channels[0]).await);
    assert!(
        error.contains("refusing to connect to localhost"),
        "{error}"
    );
    assert!(error.contains("loopback"), "{error}");
    assert!(error.contains("allow_private = true"), "{error}");
    assert_eq!(internal.accepted(), 0);
    eprintln!("webhook to a refused host name: {error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discord_alert_for_a_long_headline_fits_the_embed_limits() {
    let hook = crate::common::news::TestWebhook::start(0, 200).await;
    let (_h, channels) = webhook_channels(
        "allow_private_networks = true",
        &hook.url,
        "format = \"discord\"\n",
    )
    .await;
    for headline in ["阿里巴巴".repeat(500), "PLA ".repeat(1_250)] {
        let mut alert = newswatch::alert::sample_alert(Utc::now());
        alert.item.title = headline.clone();
        let body = serde_json::to_string(&alert).expect("alert encodes");
        let answer =
            tokio::time::timeout(Duration::from_secs(10), channels[0].deliver(&alert, &body))
                .await
                .expect("the post ended");
        assert!(answer.is_ok(), "{answer:?}");
    }
    let received = hook.received();
    assert_eq!(received.len(), 2);
    for (_, body) in received {
        let posted: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let title = posted["embeds"][0]["title"].as_str().expect("a title");
        let units = title.encode_utf16().count();
        assert!(units <= 256, "a title of {units} UTF-16 units");
        assert!(title.ends_with('…'));
        eprintln!(
            "discord long headline: title cut to {} characters, body {} bytes",
            title.chars().count(),
            body.len()
        );
    }
}
