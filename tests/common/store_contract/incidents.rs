//! Health incidents: `open_incident`, `close_incident` and `open_incidents`, each change with
//! its notices.

use super::*;

/// A health notice, as the daemon's health check queues them.
fn notice(id: &str, channel: &str, now: DateTime<Utc>) -> OutboxAlert {
    OutboxAlert::immediate(
        id.to_string(),
        channel,
        "feed-failing",
        format!("{{\"type\":\"newswatch.alert.v1\",\"id\":\"{id}\"}}"),
        now,
    )
}

fn incident(kind: &str, subject: &str, opened_at: DateTime<Utc>) -> Incident {
    Incident {
        kind: kind.to_string(),
        subject: subject.to_string(),
        opened_at,
        detail: format!("{subject} has failed every poll"),
    }
}

pub async fn open_incident_queues_its_notices_with_it<S: Store>(store: &S) {
    let failing = incident("feed-failing", "wire", at(0));
    store
        .open_incident(&failing, &[notice("open-1", CHANNEL, at(0))], at(0))
        .await
        .expect("open");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        std::slice::from_ref(&failing)
    );
    let row = entry(store, "open-1").await;
    assert_eq!((row.state.as_str(), row.created_at), ("pending", at(0)));

    store
        .open_incident(&failing, &[notice("open-1", CHANNEL, at(60))], at(60))
        .await
        .expect("open again");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        std::slice::from_ref(&failing)
    );
    assert_eq!(
        outbox(store).await.len(),
        1,
        "the same notice is queued once"
    );

    let later = Incident {
        detail: "another stretch?".into(),
        ..incident("feed-failing", "wire", at(120))
    };
    store
        .open_incident(&later, &[notice("open-2", CHANNEL, at(120))], at(120))
        .await
        .expect("open while open");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        std::slice::from_ref(&failing),
        "the open incident of that kind and subject is kept"
    );
    assert_eq!(
        outbox(store).await.len(),
        2,
        "its notices are queued anyway: checking open_incidents first is the caller's job"
    );

    let earlier = incident("channel-failing", "ops", at(-60));
    store
        .open_incident(&earlier, &[], at(130))
        .await
        .expect("open");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        [earlier, failing],
        "oldest first"
    );
}

pub async fn close_incident_queues_its_notices_with_it<S: Store>(store: &S) {
    let failing = incident("feed-failing", "wire", at(0));
    store
        .open_incident(&failing, &[notice("open-1", CHANNEL, at(0))], at(0))
        .await
        .expect("open");
    store
        .close_incident(&failing, &[notice("closed-1", CHANNEL, at(600))], at(600))
        .await
        .expect("close");
    assert!(store.open_incidents().await.expect("open").is_empty());
    assert_eq!(entry(store, "closed-1").await.created_at, at(600));

    let again = incident("feed-failing", "wire", at(900));
    store
        .open_incident(&again, &[notice("open-2", CHANNEL, at(900))], at(900))
        .await
        .expect("open");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        std::slice::from_ref(&again),
        "a new stretch opens after the old one closed"
    );
    store
        .close_incident(
            &failing,
            &[notice("closed-again", CHANNEL, at(960))],
            at(960),
        )
        .await
        .expect("close a closed one");
    assert_eq!(
        store.open_incidents().await.expect("open"),
        [again],
        "closing names one stretch: the open one stays open"
    );
    assert_eq!(
        entry(store, "closed-again").await.state,
        "pending",
        "notices are queued anyway: closing only what is open is the caller's job"
    );
}
