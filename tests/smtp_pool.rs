//! The SMTP connection pool (`newswatch::alert::smtp`) against a real SMTP server (mailin) on
//! loopback, behind a proxy that counts connections and can close them all the way a server
//! closes clients idle past its timeout: messages reuse connections, parallel sends open no
//! more than are in flight, and a connection closed while idle is replaced without a failure,
//! in plain SMTP, STARTTLS and implicit TLS.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::SmtpServer;
use common::proxy::{Fault, FaultProxy};
use lettre::Message;
use newswatch::alert::smtp::{SmtpPool, SmtpTimeouts};
use newswatch::config::{Secret, TlsMode};

fn message(n: usize) -> Message {
    Message::builder()
        .from("newswatch@test.example".parse().expect("from"))
        .to("desk@test.example".parse().expect("to"))
        .subject(format!("alert {n}"))
        .body(format!("Alibaba and the PLA, item {n}\n"))
        .expect("message")
}

async fn send(pool: &Arc<SmtpPool>, numbers: std::ops::Range<usize>) {
    for n in numbers {
        let message = message(n);
        pool.send(message.envelope(), &message.formatted())
            .await
            .unwrap_or_else(|e| panic!("message {n}: {e}"));
    }
}

fn plain_pool(port: u16) -> Arc<SmtpPool> {
    Arc::new(SmtpPool::new("127.0.0.1", port, TlsMode::None, None, None, None).expect("pool"))
}

/// A plain SMTP server (rejecting every recipient if `reject`), the counting proxy in front
/// of it, and a pool that sends through the proxy.
async fn plain_setup(reject: bool) -> (SmtpServer, FaultProxy, Arc<SmtpPool>) {
    let smtp = SmtpServer::start(0, reject);
    let proxy = FaultProxy::start(0, smtp.port, Fault::Forward).await;
    let pool = plain_pool(proxy.port);
    (smtp, proxy, pool)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_one_after_another_share_one_connection() {
    let (smtp, proxy, pool) = plain_setup(false).await;
    send(&pool, 0..50).await;
    assert_eq!(smtp.messages().len(), 50);
    assert_eq!(proxy.accepted(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_sends_open_at_most_one_connection_each() {
    let (smtp, proxy, pool) = plain_setup(false).await;
    // Two senders: the test server serves two connections at a time.
    let senders: Vec<_> = (0..2)
        .map(|k| {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move { send(&pool, k * 40..(k + 1) * 40).await })
        })
        .collect();
    for sender in senders {
        sender.await.expect("sender");
    }
    assert_eq!(smtp.messages().len(), 80);
    assert!(
        (1..=2).contains(&proxy.accepted()),
        "{} connections for 2 senders",
        proxy.accepted()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_closed_by_the_server_while_idle_is_replaced_without_a_failure() {
    let (smtp, proxy, pool) = plain_setup(false).await;
    send(&pool, 0..3).await;
    proxy.hang_up_all().await;
    send(&pool, 3..6).await;
    assert_eq!(smtp.messages().len(), 6, "each message arrived once");
    assert_eq!(proxy.accepted(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pooled_connection_gone_silent_is_dropped_and_the_message_goes_out_on_a_new_one() {
    let smtp = SmtpServer::start(0, false);
    let proxy = FaultProxy::start(0, smtp.port, Fault::Forward).await;
    // Short deadlines, so the silent connection costs the test a second, not 30.
    let timeouts = SmtpTimeouts {
        connect: Duration::from_secs(2),
        command: Duration::from_secs(1),
        message: Duration::from_secs(1),
    };
    let pool = Arc::new(
        SmtpPool::new("127.0.0.1", proxy.port, TlsMode::None, None, None, None)
            .expect("pool")
            .with_timeouts(timeouts),
    );
    send(&pool, 0..3).await;
    proxy.silence_all().await;
    assert_eq!(proxy.muted(), 1);
    tokio::time::timeout(Duration::from_secs(10), send(&pool, 3..6))
        .await
        .expect("the send waited for the silent connection past its deadline");
    assert_eq!(smtp.messages().len(), 6, "each message arrived once");
    assert_eq!(proxy.accepted(), 2);
    // The silent connection was closed, not parked again.
    for _ in 0..100 {
        if proxy.muted() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(proxy.muted(), 0, "the silent connection is still open");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_recipient_is_not_retried_on_a_new_connection() {
    let (smtp, proxy, pool) = plain_setup(true).await;
    for n in 0..2 {
        let message = message(n);
        let error = pool
            .send(message.envelope(), &message.formatted())
            .await
            .expect_err("550");
        assert!(error.is_permanent(), "{error}");
    }
    // The rejected connection is not kept: each attempt opened one, and none opened a second.
    assert_eq!(proxy.accepted(), 2);
    assert!(smtp.messages().is_empty());
}

/// A self-signed certificate for 127.0.0.1 and its key, in `dir`; returns the paths and the
/// certificate's PEM.
fn certificate(dir: &tempfile::TempDir) -> (std::path::PathBuf, std::path::PathBuf, String) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("cert");
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, certified.cert.pem()).expect("write cert");
    std::fs::write(&key, certified.signing_key.serialize_pem()).expect("write key");
    (cert, key, certified.cert.pem())
}

/// Through `tls` with AUTH: connections are reused, and replaced after the server closed them.
async fn secure_connections_are_reused_and_replaced(smtp: &SmtpServer, tls: TlsMode, ca: &str) {
    let proxy = FaultProxy::start(0, smtp.port, Fault::Forward).await;
    let password = Secret::new("s3cret");
    let pool = Arc::new(
        SmtpPool::new(
            "127.0.0.1",
            proxy.port,
            tls,
            Some("newswatch"),
            Some(&password),
            Some(ca),
        )
        .expect("pool"),
    );
    send(&pool, 0..10).await;
    assert_eq!(proxy.accepted(), 1);
    proxy.hang_up_all().await;
    send(&pool, 10..20).await;
    assert_eq!(proxy.accepted(), 2);
    assert_eq!(smtp.messages().len(), 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starttls_connections_are_reused_and_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let (cert, key, ca) = certificate(&dir);
    let smtp = SmtpServer::start_secure((&cert, &key), ("newswatch", "s3cret"));
    secure_connections_are_reused_and_replaced(&smtp, TlsMode::Starttls, &ca).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn implicit_tls_connections_are_reused_and_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let (cert, key, ca) = certificate(&dir);
    let smtp = SmtpServer::start_implicit_tls((&cert, &key), ("newswatch", "s3cret"));
    secure_connections_are_reused_and_replaced(&smtp, TlsMode::Tls, &ca).await;
}
