//! The SSRF guard against real servers on loopback: with the guard on (the default), feeds and
//! webhooks never reach a private address, whether it is written as an IP, behind a name that
//! resolves to it, or at the end of a redirect; the error names the setting that allows it.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::news::TestWebhook;
use common::{Harness, TestServer, rss, status};
use newswatch::alert::channel::DeliveryError;
use newswatch::daemon::PollOutcome;
use newswatch::daemon::deliver::Deliverer;
use newswatch::store::Store;

fn feed(name: &str, url: &str, extra: &str) -> String {
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\n{extra}")
}

fn failure(outcome: &PollOutcome) -> String {
    match outcome {
        PollOutcome::Failed { error } => error.clone(),
        other => panic!("expected the guard to refuse, got {other:?}"),
    }
}

#[tokio::test]
async fn loopback_by_address_and_by_name_is_refused_before_any_request() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Internal", Utc::now())]));
    let by_name = server.url("/a.xml").replace("127.0.0.1", "localhost");
    let h = Harness::guarded(
        "",
        &format!(
            "{}{}",
            feed("literal", &server.url("/a.xml"), ""),
            feed("named", &by_name, "")
        ),
    )
    .await;
    for name in ["literal", "named"] {
        let error = failure(&h.poll(name).await.outcome);
        assert!(error.contains("loopback"), "{name}: {error}");
        assert!(error.contains("allow_private = true"), "{name}: {error}");
    }
    assert!(
        server.requests("/a.xml").is_empty(),
        "a request got through"
    );
}

#[tokio::test]
async fn metadata_and_other_private_literals_are_refused_without_connecting() {
    let urls = [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/feed.xml",
        "http://192.168.1.1/feed.xml",
        "http://100.64.0.1/feed.xml",
        "http://[::ffff:127.0.0.1]/feed.xml",
        "http://[fd00::1]/feed.xml",
    ];
    let feeds: String = urls
        .iter()
        .enumerate()
        .map(|(i, url)| feed(&format!("f{i}"), url, ""))
        .collect();
    let h = Harness::guarded("timeout = \"2s\"", &feeds).await;
    for (i, url) in urls.iter().enumerate() {
        let error = failure(&h.poll(&format!("f{i}")).await.outcome);
        assert!(error.contains("refusing to connect"), "{url}: {error}");
    }
}

#[tokio::test]
async fn a_redirect_to_a_private_address_is_refused() {
    // 127.0.0.2 stands for an allowed intranet host; it redirects to 127.0.0.1, which is not.
    let inside = TestServer::start().await;
    inside.feed("/secret.xml", &rss(&[("s1", "Secret", Utc::now())]));
    let allowed = TestServer::start_on("127.0.0.2").await;
    let target = inside.url("/secret.xml");
    allowed.route("/feed.xml", move |_| {
        status(302, &[("location", target.as_str())])
    });
    let h = Harness::guarded(
        "allow_private_addresses = [\"127.0.0.2\"]",
        &feed("hop", &allowed.url("/feed.xml"), ""),
    )
    .await;
    let error = failure(&h.poll("hop").await.outcome);
    assert!(error.contains("127.0.0.1"), "{error}");
    assert_eq!(allowed.requests("/feed.xml").len(), 1);
    assert!(inside.requests("/secret.xml").is_empty());
}

#[tokio::test]
async fn a_feed_or_the_daemon_may_allow_private_addresses() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Intranet news", Utc::now())]));
    let h = Harness::guarded(
        "",
        &feed("a", &server.url("/a.xml"), "allow_private = true\n"),
    )
    .await;
    assert!(matches!(
        h.poll("a").await.outcome,
        PollOutcome::Changed { new_items: 1, .. }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_to_private_addresses_are_refused_unless_allowed() {
    let server = TestServer::start().await;
    server.feed("/a.xml", &rss(&[("a1", "Alibaba and the PLA", Utc::now())]));
    let hook = TestWebhook::start(0, 200).await;
    let config = |allow: &str| {
        format!(
            "{}[[rule]]\nname = \"pla\"\nquery = 'pla'\nnotify = [\"hook\"]\n\
             [[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{}\"\n{allow}",
            feed("a", &server.url("/a.xml"), "allow_private = true\n"),
            hook.url
        )
    };
    // The channels as the daemon builds them, guard and all.
    let drain = |h: &Harness| {
        let channels = newswatch::alert::channel::build_all(&h.config).expect("channels");
        let worker = Deliverer::new(h.store.clone(), channels, Default::default());
        async move { worker.drain(Duration::from_secs(10)).await.expect("drain") }
    };
    let guarded = Harness::guarded("", &config("")).await;
    guarded.poll("a").await;
    let totals = drain(&guarded).await;
    assert_eq!((totals.delivered, totals.dead), (0, 1));
    assert!(hook.received().is_empty());
    let dead = guarded
        .store
        .outbox_counts(Utc::now())
        .await
        .expect("counts");
    assert_eq!(dead.iter().map(|c| c.dead).sum::<u64>(), 1);

    let allowed = Harness::guarded("", &config("allow_private = true\n")).await;
    allowed.poll("a").await;
    let totals = drain(&allowed).await;
    assert_eq!(totals.delivered, 1);
    assert_eq!(hook.received().len(), 1);
}

#[tokio::test]
async fn ipv4_compatible_and_translated_loopback_literals_are_refused_for_feeds_and_webhooks() {
    // ::127.0.0.1 is ::7f00:1 (IPv4-compatible), ::ffff:0:7f00:1 is IPv4-translated: both
    // carry 127.0.0.1, and a host or translator that honours the form reaches loopback.
    let hosts = [
        ("::127.0.0.1", "IPv4-compatible"),
        ("::ffff:0:7f00:1", "IPv4-translated"),
    ];
    let mut config: String = hosts
        .iter()
        .enumerate()
        .map(|(i, (host, _))| feed(&format!("f{i}"), &format!("http://[{host}]:9/feed.xml"), ""))
        .collect();
    for (i, (host, _)) in hosts.iter().enumerate() {
        config.push_str(&format!(
            "[[channel]]\nname = \"hook{i}\"\ntype = \"webhook\"\nurl = \"http://[{host}]:9/hook\"\n"
        ));
    }
    let h = Harness::guarded("timeout = \"2s\"", &config).await;
    let channels = newswatch::alert::channel::build_all(&h.config).expect("channels");
    let alert = newswatch::alert::sample_alert(Utc::now());
    let body = serde_json::to_string(&alert).expect("json");
    for (i, (host, form)) in hosts.iter().enumerate() {
        let error = failure(&h.poll(&format!("f{i}")).await.outcome);
        assert!(
            error.contains("refusing to connect"),
            "feed {host}: {error}"
        );
        assert!(error.contains(form), "feed {host}: {error}");
        let channel = channels
            .iter()
            .find(|c| c.name == format!("hook{i}"))
            .expect("channel");
        let refused = channel.deliver(&alert, &body).await.expect_err("refused");
        assert!(
            matches!(refused, DeliveryError::Permanent { .. }),
            "webhook {host}: {refused:?}"
        );
        assert!(
            refused.to_string().contains("refusing to connect"),
            "webhook {host}: {refused}"
        );
        assert!(
            refused.to_string().contains(form),
            "webhook {host}: {refused}"
        );
    }
}
