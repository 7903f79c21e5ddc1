//! Faults of this area (issue 16); helpers of tests/faults.rs are reachable as `super::`.
//!
//! A stalled SMTP server: one that accepts the connection and never greets, one that stops
//! answering in the middle of the transaction, one that takes the message and never answers
//! its final ".". Each send must fail at its deadline (short ones here, injected), keep its
//! alert pending, and deliver it once the server answers again.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use newswatch::alert::channel::{Channel, WebhookClient};
use newswatch::alert::smtp::SmtpTimeouts;
use newswatch::daemon::deliver::{Deliverer, DeliverySettings};
use newswatch::store::SqliteStore;

use super::{drain, side_connection};
use crate::common::news::{news_harness, news_server, outbox, smtp_channel};
use crate::common::proxy::{Fault, FaultProxy};
use crate::common::{Harness, SmtpServer};

/// Deadlines short enough for a test, long enough for the loopback server on a busy machine.
const SHORT: SmtpTimeouts = SmtpTimeouts {
    connect: Duration::from_secs(2),
    command: Duration::from_secs(1),
    message: Duration::from_secs(1),
};

/// Far past every deadline above: a drain that takes longer has hung.
const HUNG: Duration = Duration::from_secs(10);

/// A delivery worker on the harness clock whose SMTP channels use [`SHORT`].
fn smtp_worker(h: &Harness) -> Deliverer<SqliteStore> {
    let client = WebhookClient::new(HUNG, "newswatch-test", None).expect("client");
    let channels = h
        .config
        .channels
        .iter()
        .map(|c| Channel::with_smtp_timeouts(c, &client, SHORT).expect("channel"))
        .collect();
    Deliverer::new(
        h.store.clone(),
        channels,
        DeliverySettings::from(&h.config.daemon),
    )
    .with_clock(h.clock.clone(), 11)
}

/// The `Message-ID` of each message the server stored.
fn message_ids(smtp: &SmtpServer) -> Vec<String> {
    smtp.messages()
        .iter()
        .filter_map(|m| {
            String::from_utf8_lossy(m)
                .lines()
                .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
                .map(str::to_string)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_smtp_server_fails_each_send_at_its_deadline_and_the_alerts_wait_for_it() {
    // (fault, what the error names, messages the server stored without our hearing of it)
    let cases: [(&str, Fault, &str, usize); 3] = [
        ("never greets", Fault::Stall, "greeting", 0),
        (
            "silent at MAIL",
            Fault::MuteAfter("MAIL FROM"),
            "MAIL FROM",
            0,
        ),
        (
            "silent after the final \".\"",
            Fault::MuteAfter("\r\n.\r\n"),
            "may have accepted",
            2,
        ),
    ];
    for (name, fault, named, stored_unanswered) in cases {
        let server = news_server().await;
        let smtp = SmtpServer::start(0, false);
        let proxy = FaultProxy::start(0, smtp.port, fault).await;
        let h = news_harness("", &server, &smtp_channel(proxy.port)).await;
        h.poll("news").await;
        let worker = smtp_worker(&h);

        let started = Instant::now();
        let stalled = tokio::time::timeout(HUNG, drain(&worker))
            .await
            .unwrap_or_else(|_| panic!("{name}: delivery still waiting after {HUNG:?}"));
        let failed_in = started.elapsed();
        assert_eq!(
            (stalled.delivered, stalled.retrying, stalled.dead),
            (0, 2, 0),
            "{name}"
        );
        assert_eq!(outbox(&h).await, (2, 0, 0), "{name}: both alerts pending");
        // One connection per alert: a stalled send is not tried again at once elsewhere, so
        // a message the server may have accepted is not sent twice in a row.
        assert_eq!(proxy.accepted(), 2, "{name}");
        assert_eq!(smtp.messages().len(), stored_unanswered, "{name}");
        let errors: Vec<String> =
            sqlx::query_scalar("SELECT last_error FROM outbox WHERE state = 'pending'")
                .fetch_all(&mut side_connection(&h).await)
                .await
                .expect("errors");
        assert!(
            errors.iter().all(|e| e.contains(named)),
            "{name}: {errors:?}"
        );

        // The server answers again: after the backoff, each alert goes out once more.
        proxy.set(Fault::Forward);
        h.clock.advance(Duration::from_secs(120));
        let back = tokio::time::timeout(HUNG, drain(&worker))
            .await
            .expect("delivery to a good server");
        assert_eq!(back.delivered, 2, "{name}");
        h.clock.advance(Duration::from_secs(3600));
        assert_eq!(drain(&worker).await.delivered, 0, "{name}");
        assert_eq!(outbox(&h).await, (0, 2, 0), "{name}");
        let ids = message_ids(&smtp);
        assert_eq!(ids.len(), 2 + stored_unanswered, "{name}");
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            2,
            "{name}: {ids:?}"
        );
        eprintln!(
            "smtp fault {name}: both sends failed in {:.1} s (deadlines {:?}); error: {}; \
             2 alerts pending, then delivered ({} messages, 2 Message-IDs)",
            failed_in.as_secs_f64(),
            SHORT.command,
            errors[0],
            ids.len()
        );
    }
}

/// A sendmail command that never takes the message: the send fails at the message deadline
/// as transient, the hung process is killed, and the alert goes out once the command works.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_sendmail_command_is_killed_at_its_deadline_and_the_alert_waits() {
    use std::os::unix::fs::PermissionsExt;

    let server = news_server().await;
    let spool = tempfile::tempdir().expect("spool");
    let script = spool.path().join("sendmail");
    // While `hang` exists the command records its pid and sleeps far past the deadline, as a
    // sendmail waiting on a full queue would; otherwise it keeps the message it is given.
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nd='{dir}'\nif [ -e \"$d/hang\" ]; then echo $$ > \"$d/pid\"; exec sleep 60; fi\n\
             cat > \"$d/message.$$\"\n",
            dir = spool.path().display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::write(spool.path().join("hang"), "").expect("hang marker");
    let channel = format!(
        "[[channel]]\nname = \"out\"\ntype = \"email\"\nfrom = \"newswatch@test.example\"\n\
         to = [\"desk@test.example\"]\ntransport = \"sendmail\"\nsendmail_command = \"{}\"\n",
        script.display()
    );
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let worker = smtp_worker(&h);

    let hung = tokio::time::timeout(HUNG, drain(&worker))
        .await
        .expect("a hung sendmail must fail at its deadline, not hold the channel");
    assert_eq!((hung.delivered, hung.retrying, hung.dead), (0, 2, 0));
    let errors: Vec<String> =
        sqlx::query_scalar("SELECT last_error FROM outbox WHERE state = 'pending'")
            .fetch_all(&mut side_connection(&h).await)
            .await
            .expect("errors");
    assert!(
        errors
            .iter()
            .all(|e| e.contains("did not take the message")),
        "{errors:?}"
    );
    // The timed-out command was killed (it would sleep for a minute): its pid is gone or a
    // zombie waiting to be reaped, within a bounded wait.
    let pid = std::fs::read_to_string(spool.path().join("pid")).expect("pid");
    let stat = format!("/proc/{}/stat", pid.trim());
    let mut alive = true;
    for _ in 0..50 {
        alive = std::fs::read_to_string(&stat).is_ok_and(|s| !s.contains(") Z "));
        if !alive {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!alive, "the hung sendmail process was left running");

    std::fs::remove_file(spool.path().join("hang")).expect("unhang");
    h.clock.advance(Duration::from_secs(120));
    let back = tokio::time::timeout(HUNG, drain(&worker))
        .await
        .expect("delivery through a working command");
    assert_eq!(back.delivered, 2);
    assert_eq!(outbox(&h).await, (0, 2, 0));
    let kept = std::fs::read_dir(spool.path())
        .expect("spool")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("message."))
        })
        .count();
    assert_eq!(kept, 2);
}

/// Issue 20, point 7: an SMTP server that is not there leaves its cause in the alert's error
/// ("Connection refused"), not only lettre's "Connection error".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_smtp_server_that_is_down_leaves_its_cause_in_the_error() {
    let server = news_server().await;
    // Nothing listens on a port just freed.
    let port = crate::common::free_port();
    let h = news_harness("", &server, &smtp_channel(port)).await;
    h.poll("news").await;
    drain(&smtp_worker(&h)).await;
    assert_eq!(outbox(&h).await.0, 2, "both alerts pending");
    let errors: Vec<String> =
        sqlx::query_scalar("SELECT last_error FROM outbox WHERE state = 'pending'")
            .fetch_all(&mut side_connection(&h).await)
            .await
            .expect("errors");
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("SMTP: ") && e.to_lowercase().contains("refused")),
        "{errors:?}"
    );
}
