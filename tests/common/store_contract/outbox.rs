//! The outbox: `claim_due` and its leases, `finish_delivery`, `next_due`, `outbox_counts`,
//! `alerts`, `replay` and `troubled_channels`; and times, which all come from the caller.

use super::*;

/// Queues one immediate alert on `CHANNEL` per id, all at `now`; returns their alert ids.
async fn queue<S: Store>(store: &S, feed: &str, ids: &[&str], now: DateTime<Utc>) -> Vec<String> {
    let rules = [rule(RULE, CHANNEL, None)];
    let verdicts: Vec<Verdict> = ids
        .iter()
        .map(|id| Verdict::matching(item(feed, id), &rules, now))
        .collect();
    record(store, feed, &verdicts, now).await;
    verdicts.iter().map(|v| v.alert_id(CHANNEL)).collect()
}

pub async fn claim_due_hands_out_due_entries_in_order<S: Store>(store: &S) {
    let rules = [
        rule(RULE, CHANNEL, None),
        rule("ops-rule", OTHER_CHANNEL, None),
    ];
    let first = Verdict::matching(item("wire", "e1"), &rules, at(0));
    record(store, "wire", std::slice::from_ref(&first), at(0)).await;
    let later = [
        Verdict::matching(item("wire", "e2"), &rules, at(10)),
        Verdict::matching(item("wire", "e3"), &rules, at(10)),
    ];
    record(store, "wire", &later, at(10)).await;
    let mut same_time = [later[0].alert_id(CHANNEL), later[1].alert_id(CHANNEL)];
    same_time.sort();

    let claimed = store
        .claim_due(CHANNEL, Queue::Immediate, at(20), LEASE, 2, OWNER)
        .await
        .expect("claim");
    let ids: Vec<&str> = claimed.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [first.alert_id(CHANNEL).as_str(), same_time[0].as_str()],
        "by due time, then creation, then id; no more than the limit"
    );
    let desk_alert = first
        .alerts
        .iter()
        .find(|a| a.channel == CHANNEL)
        .expect("desk alert");
    assert_eq!(claimed[0].channel, CHANNEL);
    assert_eq!(claimed[0].body, desk_alert.body);
    assert_eq!(claimed[0].attempts, 1, "this attempt included");
    assert_eq!(claimed[0].created_at, at(0));
    assert_eq!(claimed[0].hold, "");

    assert_eq!(
        claim(store, CHANNEL, Queue::Immediate, at(20)).await,
        [same_time[1].clone()]
    );
    assert!(
        claim(store, CHANNEL, Queue::Immediate, at(20))
            .await
            .is_empty()
    );
    assert_eq!(
        claim(store, OTHER_CHANNEL, Queue::Immediate, at(20))
            .await
            .len(),
        3,
        "each channel has its own entries"
    );
    assert!(
        store
            .claim_due(CHANNEL, Queue::Immediate, at(10_000), LEASE, 0, OWNER)
            .await
            .expect("claim")
            .is_empty(),
        "a limit of 0 claims nothing"
    );
}

pub async fn claim_due_leases_an_entry_until_the_lease_ends<S: Store>(store: &S) {
    let ids = queue(store, "wire", &["e1"], at(0)).await;
    let first = store
        .claim_due(CHANNEL, Queue::Immediate, at(0), LEASE, 10, OWNER)
        .await
        .expect("claim");
    assert_eq!(
        (first[0].id.as_str(), first[0].attempts),
        (ids[0].as_str(), 1)
    );
    assert!(
        claim(store, CHANNEL, Queue::Immediate, at(59))
            .await
            .is_empty(),
        "nobody else gets it while the lease lasts"
    );
    assert_eq!(store.next_due(CHANNEL).await.expect("next"), Some(at(60)));
    let counts = store.outbox_counts(at(30)).await.expect("counts");
    assert_eq!(counts[0].due, 1, "an entry being delivered counts as due");

    let again = store
        .claim_due(CHANNEL, Queue::Immediate, at(60), LEASE, 10, OWNER)
        .await
        .expect("claim");
    assert_eq!(
        (again[0].id.as_str(), again[0].attempts),
        (ids[0].as_str(), 2),
        "once the lease ends it comes back, an attempt more"
    );
    assert_eq!(entry(store, &ids[0]).await.attempts, 2);
}

pub async fn release_claims_ends_only_that_owners_running_leases<S: Store>(store: &S) {
    queue(store, "wire", &["e1", "e2", "e3"], at(0)).await;
    let gone = "boot-a/99/5";
    let mine = store
        .claim_due(CHANNEL, Queue::Immediate, at(0), LEASE, 2, gone)
        .await
        .expect("claim");
    let other = store
        .claim_due(CHANNEL, Queue::Immediate, at(0), LEASE, 10, OWNER)
        .await
        .expect("claim");
    assert_eq!((mine.len(), other.len()), (2, 1));
    assert_eq!(
        store.claim_owners(at(10)).await.expect("owners"),
        [OWNER, gone],
        "each owner of a running lease once, sorted"
    );
    let counts = store.outbox_counts(at(10)).await.expect("counts");
    assert_eq!(counts[0].leased, 3);

    assert_eq!(
        store.release_claims(gone, at(10)).await.expect("release"),
        2
    );
    assert_eq!(store.claim_owners(at(10)).await.expect("owners"), [OWNER]);
    let again = claim(store, CHANNEL, Queue::Immediate, at(10)).await;
    let released: Vec<String> = mine.iter().map(|e| e.id.clone()).collect();
    assert_eq!(again, released, "claimable at once, in claim order");
    assert_eq!(
        entry(store, &released[0]).await.attempts,
        2,
        "attempts stay counted"
    );
    assert_eq!(
        store.release_claims(gone, at(10)).await.expect("release"),
        0,
        "the new claim is not the gone owner's"
    );
    assert!(
        store.claim_owners(at(70)).await.expect("owners").is_empty(),
        "leases over (the last ends at 70 s) are not running"
    );
}

pub async fn finish_delivery_retry_makes_an_entry_due_at_its_time<S: Store>(store: &S) {
    let ids = queue(store, "wire", &["e1"], at(0)).await;
    store
        .claim_due(CHANNEL, Queue::Immediate, at(0), HOUR, 10, OWNER)
        .await
        .expect("claim");
    finish(store, &ids[0], retry(at(300), "451 try later"), at(1)).await;

    assert_eq!(
        store.next_due(CHANNEL).await.expect("next"),
        Some(at(300)),
        "the lease ends with the attempt"
    );
    assert!(
        claim(store, CHANNEL, Queue::Immediate, at(299))
            .await
            .is_empty()
    );
    let row = entry(store, &ids[0]).await;
    assert_eq!(row.state, "pending");
    assert_eq!(row.next_attempt_at, at(300));
    assert_eq!(row.last_error.as_deref(), Some("451 try later"));
    assert_eq!(row.attempts, 1, "attempts are counted by claims");
    let again = store
        .claim_due(CHANNEL, Queue::Immediate, at(300), LEASE, 10, OWNER)
        .await
        .expect("claim");
    assert_eq!(again[0].attempts, 2);
}

pub async fn finish_delivery_delivered_or_dead_leaves_the_queue<S: Store>(store: &S) {
    let ids = queue(store, "wire", &["e1", "e2", "e3"], at(0)).await;
    assert_eq!(
        claim(store, CHANNEL, Queue::Immediate, at(0)).await.len(),
        3
    );
    finish(store, &ids[0], DeliveryResult::Delivered, at(5)).await;
    finish(store, &ids[1], dead("550 no such user"), at(6)).await;
    finish(store, &ids[2], retry(at(7), "timeout"), at(6)).await;
    claim(store, CHANNEL, Queue::Immediate, at(7)).await;
    finish(store, &ids[2], DeliveryResult::Delivered, at(8)).await;

    assert!(
        claim(store, CHANNEL, Queue::Immediate, at(100_000))
            .await
            .is_empty()
    );
    assert_eq!(store.next_due(CHANNEL).await.expect("next"), None);
    let delivered = entry(store, &ids[0]).await;
    assert_eq!(
        (
            delivered.state.as_str(),
            delivered.finished_at,
            delivered.last_error
        ),
        ("delivered", Some(at(5)), None)
    );
    let gone = entry(store, &ids[1]).await;
    assert_eq!(
        (
            gone.state.as_str(),
            gone.finished_at,
            gone.last_error.as_deref()
        ),
        ("dead", Some(at(6)), Some("550 no such user"))
    );
    let retried = entry(store, &ids[2]).await;
    assert_eq!(
        (retried.state.as_str(), retried.last_error),
        ("delivered", None),
        "delivery clears an earlier error"
    );
    let counts = store.outbox_counts(at(10)).await.expect("counts");
    assert_eq!(
        (
            counts[0].pending,
            counts[0].delivered,
            counts[0].dead,
            counts[0].due
        ),
        (0, 2, 1, 0)
    );
    assert!(store.troubled_channels().await.expect("trouble").is_empty());
}

pub async fn claim_due_keeps_the_digest_queue_apart<S: Store>(store: &S) {
    let now_rule = rule(RULE, CHANNEL, None);
    let digest_rule = rule("hourly", CHANNEL, Some(HOUR));
    let at_once = Verdict::matching(item("wire", "x"), &[now_rule], at(0));
    let held = Verdict::matching(item("wire", "y"), &[digest_rule], at(0));
    let due = held.alerts[0].due_at;
    assert!(due > at(0), "the digest is due at the end of its hour");
    let (x, y) = (at_once.alert_id(CHANNEL), held.alert_id(CHANNEL));
    record(store, "wire", &[at_once, held], at(0)).await;

    let counts = store.outbox_counts(at(0)).await.expect("counts");
    assert_eq!(
        (counts[0].pending, counts[0].held, counts[0].due),
        (2, 1, 1)
    );
    assert_eq!(
        claim(store, CHANNEL, Queue::Immediate, at(0)).await,
        std::slice::from_ref(&x)
    );
    assert!(claim(store, CHANNEL, Queue::Digest, at(0)).await.is_empty());
    finish(store, &x, DeliveryResult::Delivered, at(1)).await;
    assert!(
        claim(
            store,
            CHANNEL,
            Queue::Digest,
            due - chrono::Duration::seconds(1)
        )
        .await
        .is_empty()
    );
    assert!(
        claim(store, CHANNEL, Queue::Immediate, due)
            .await
            .is_empty(),
        "a digest entry is never in the immediate queue"
    );
    assert_eq!(
        claim(store, CHANNEL, Queue::Digest, due).await,
        std::slice::from_ref(&y)
    );
    let row = entry(store, &y).await;
    assert!(row.digest);
    assert_eq!(row.next_attempt_at, due);
}

pub async fn next_due_is_the_earliest_pending_entry<S: Store>(store: &S) {
    assert_eq!(store.next_due(CHANNEL).await.expect("next"), None);
    let digest_rule = rule("hourly", CHANNEL, Some(HOUR));
    let held = Verdict::matching(item("wire", "y"), &[digest_rule], at(0));
    let due = held.alerts[0].due_at;
    record(store, "wire", &[held], at(0)).await;
    let ids = queue(store, "wire", &["x"], at(10)).await;
    assert_eq!(store.next_due(CHANNEL).await.expect("next"), Some(at(10)));
    claim(store, CHANNEL, Queue::Immediate, at(20)).await;
    finish(store, &ids[0], DeliveryResult::Delivered, at(21)).await;
    assert_eq!(
        store.next_due(CHANNEL).await.expect("next"),
        Some(due),
        "the digest queue counts too"
    );
    assert_eq!(store.next_due(OTHER_CHANNEL).await.expect("next"), None);
}

pub async fn outbox_counts_sum_each_channel<S: Store>(store: &S) {
    let rules = [
        rule(RULE, "b-desk", None),
        rule("hourly", "b-desk", Some(HOUR)),
        rule("ops", "a-ops", None),
    ];
    let verdicts = [
        Verdict::matching(item("wire", "sent"), &rules[0..1], at(0)),
        Verdict::matching(item("wire", "failed"), &rules[0..1], at(0)),
        Verdict::matching(item("wire", "waiting"), &rules[0..1], at(0)),
        Verdict::matching(item("wire", "held"), &rules[1..2], at(0)),
    ];
    record(store, "wire", &verdicts, at(0)).await;
    let ops = [Verdict::matching(item("wire", "ops"), &rules[2..3], at(50))];
    record(store, "wire", &ops, at(50)).await;
    let id = |n: usize| verdicts[n].alert_id("b-desk");
    claim(store, "b-desk", Queue::Immediate, at(60)).await;
    finish(store, &id(0), DeliveryResult::Delivered, at(61)).await;
    finish(store, &id(1), dead("550"), at(61)).await;
    finish(store, &id(2), retry(at(120), "timeout"), at(61)).await;

    let counts = store.outbox_counts(at(100)).await.expect("counts");
    assert_eq!(
        counts,
        [
            OutboxCounts {
                channel: "a-ops".into(),
                pending: 1,
                delivered: 0,
                dead: 0,
                held: 0,
                follow_ups: 0,
                due: 1,
                leased: 0,
                oldest_pending: Some(at(50)),
            },
            OutboxCounts {
                channel: "b-desk".into(),
                pending: 2,
                delivered: 1,
                dead: 1,
                held: 1,
                follow_ups: 0,
                due: 0,
                leased: 0,
                oldest_pending: Some(at(0)),
            },
        ],
        "by channel name"
    );
}

pub async fn alerts_lists_newest_first<S: Store>(store: &S) {
    let early = queue(store, "wire", &["a", "b"], at(0)).await;
    let late = queue(store, "wire", &["c"], at(60)).await;
    let ops_rule = [rule("ops", OTHER_CHANNEL, None)];
    let ops = Verdict::matching(item("wire", "d"), &ops_rule, at(30));
    let ops_id = ops.alert_id(OTHER_CHANNEL);
    record(store, "wire", &[ops], at(30)).await;
    let mut same_time = early.clone();
    same_time.sort();

    let ids: Vec<String> = outbox(store).await.into_iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            late[0].clone(),
            ops_id.clone(),
            same_time[0].clone(),
            same_time[1].clone()
        ],
        "newest first, ties by id"
    );
    let since: Vec<String> = store
        .alerts(at(30), None)
        .await
        .expect("alerts")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        since,
        [late[0].clone(), ops_id.clone()],
        "created at or after `since`"
    );
    let ops: Vec<String> = store
        .alerts(epoch(), Some(OTHER_CHANNEL))
        .await
        .expect("alerts")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ops, [ops_id]);
    let row = entry(store, &late[0]).await;
    assert_eq!(
        (row.channel.as_str(), row.rule.as_str(), row.state.as_str()),
        (CHANNEL, RULE, "pending")
    );
    assert_eq!(
        (row.attempts, row.created_at, row.next_attempt_at),
        (0, at(60), at(60))
    );
    assert_eq!(
        (row.finished_at, row.hold.as_str(), row.digest, row.story),
        (None, "", false, None)
    );
}

pub async fn replay_puts_finished_entries_back<S: Store>(store: &S) {
    let d1 = queue(store, "wire", &["d1"], at(0)).await.remove(0);
    let d2 = queue(store, "wire", &["d2"], at(60)).await.remove(0);
    let ops_rule = [rule("ops", OTHER_CHANNEL, None)];
    let ops = Verdict::matching(item("wire", "d3"), &ops_rule, at(120));
    let d3 = ops.alert_id(OTHER_CHANNEL);
    record(store, "wire", &[ops], at(120)).await;
    let pending = queue(store, "wire", &["p"], at(180)).await.remove(0);
    claim(store, CHANNEL, Queue::Immediate, at(200)).await;
    claim(store, OTHER_CHANNEL, Queue::Immediate, at(200)).await;
    finish(store, &d1, DeliveryResult::Delivered, at(201)).await;
    finish(store, &d2, dead("550"), at(201)).await;
    finish(store, &d3, DeliveryResult::Delivered, at(201)).await;
    finish(store, &pending, retry(at(10_000), "timeout"), at(201)).await;
    let before = outbox(store).await;

    let filter = |delivered, channel, since, alert| ReplayFilter {
        delivered,
        channel,
        since,
        alert,
    };
    let replayed = |entries: Vec<ReplayedEntry>| -> Vec<(String, String)> {
        entries.into_iter().map(|e| (e.id, e.state)).collect()
    };
    let now = at(1000);
    let delivered = store
        .replay(&filter(true, None, None, None), true, now)
        .await
        .expect("replay");
    assert_eq!(
        delivered.iter().map(|e| e.created_at).collect::<Vec<_>>(),
        [at(0), at(120)],
        "oldest first"
    );
    assert_eq!(
        replayed(delivered),
        [
            (d1.clone(), "delivered".into()),
            (d3.clone(), "delivered".into())
        ]
    );
    let on_desk = store
        .replay(&filter(true, Some(CHANNEL), None, None), true, now)
        .await
        .expect("replay");
    assert_eq!(replayed(on_desk), [(d1.clone(), "delivered".to_string())]);
    let dead_ones = store
        .replay(&filter(false, None, None, None), true, now)
        .await
        .expect("replay");
    assert_eq!(replayed(dead_ones), [(d2.clone(), "dead".to_string())]);
    let recent = store
        .replay(&filter(true, None, Some(at(120)), None), true, now)
        .await
        .expect("replay");
    assert_eq!(replayed(recent), [(d3.clone(), "delivered".to_string())]);
    let one = store
        .replay(&filter(true, None, None, Some(d2.as_str())), true, now)
        .await
        .expect("replay");
    assert_eq!(
        replayed(one),
        [(d2.clone(), "dead".to_string())],
        "one alert, whatever its state"
    );
    let never_pending = store
        .replay(&filter(true, None, None, Some(pending.as_str())), true, now)
        .await
        .expect("replay");
    assert!(never_pending.is_empty(), "a pending entry is not replayed");
    assert_eq!(outbox(store).await, before, "a dry run changes nothing");

    let done = store
        .replay(&filter(true, Some(CHANNEL), None, None), false, now)
        .await
        .expect("replay");
    assert_eq!(replayed(done), [(d1.clone(), "delivered".to_string())]);
    let row = entry(store, &d1).await;
    assert_eq!(
        (
            row.state.as_str(),
            row.attempts,
            row.next_attempt_at,
            row.finished_at
        ),
        ("pending", 0, now, None)
    );
    let claimed = store
        .claim_due(CHANNEL, Queue::Immediate, now, LEASE, 10, OWNER)
        .await
        .expect("claim");
    let ids: Vec<(&str, u32)> = claimed
        .iter()
        .map(|e| (e.id.as_str(), e.attempts))
        .collect();
    assert_eq!(ids, [(d1.as_str(), 1)], "due at once, counted afresh");

    // A replayed dead entry starts over: its old error would make the channel look failing
    // (`troubled_channels`) before it is even tried again.
    store
        .replay(&filter(false, Some(CHANNEL), None, None), false, now)
        .await
        .expect("replay");
    let row = entry(store, &d2).await;
    assert_eq!((row.state.as_str(), row.last_error), ("pending", None));
}

pub async fn troubled_channels_lists_channels_whose_pending_entries_failed<S: Store>(store: &S) {
    let e1 = queue(store, "wire", &["e1"], at(0)).await.remove(0);
    let e2 = queue(store, "wire", &["e2"], at(60)).await.remove(0);
    let ops_rule = [rule("ops", OTHER_CHANNEL, None)];
    let ops = Verdict::matching(item("wire", "o1"), &ops_rule, at(30));
    let o1 = ops.alert_id(OTHER_CHANNEL);
    record(store, "wire", &[ops], at(30)).await;
    assert!(store.troubled_channels().await.expect("trouble").is_empty());

    claim(store, CHANNEL, Queue::Immediate, at(100)).await;
    claim(store, OTHER_CHANNEL, Queue::Immediate, at(100)).await;
    finish(store, &e2, retry(at(200), "error of e2"), at(101)).await;
    assert_eq!(
        store.troubled_channels().await.expect("trouble"),
        [ChannelTrouble {
            channel: CHANNEL.into(),
            since: at(60),
            last_error: "error of e2".into(),
        }]
    );
    finish(store, &e1, retry(at(200), "error of e1"), at(102)).await;
    finish(store, &o1, dead("gave up"), at(102)).await;
    assert_eq!(
        store.troubled_channels().await.expect("trouble"),
        [ChannelTrouble {
            channel: CHANNEL.into(),
            since: at(0),
            last_error: "error of e1".into(),
        }],
        "since the oldest failing entry, with its error; a dead entry does not count"
    );
    claim(store, CHANNEL, Queue::Immediate, at(200)).await;
    finish(store, &e1, DeliveryResult::Delivered, at(201)).await;
    finish(store, &e2, DeliveryResult::Delivered, at(201)).await;
    assert!(store.troubled_channels().await.expect("trouble").is_empty());
}

pub async fn times_come_from_the_caller<S: Store>(store: &S) {
    // 2100-01-01, with a fraction of a second, which the store drops.
    let future = DateTime::from_timestamp(4_102_444_800, 250_000_000).expect("valid");
    let whole = DateTime::from_timestamp(4_102_444_800, 0).expect("valid");
    let rules = [rule(RULE, CHANNEL, None)];
    let verdict = Verdict::matching(item("wire", "x"), &rules, future);
    let id = verdict.alert_id(CHANNEL);
    record(store, "wire", &[verdict], future).await;
    assert_eq!(store.last_new_items().await.expect("last")["wire"], whole);
    let row = entry(store, &id).await;
    assert_eq!((row.created_at, row.next_attempt_at), (whole, whole));
    assert!(
        claim(
            store,
            CHANNEL,
            Queue::Immediate,
            whole - chrono::Duration::seconds(1)
        )
        .await
        .is_empty(),
        "not due before the caller's time"
    );
    assert_eq!(
        claim(store, CHANNEL, Queue::Immediate, whole).await,
        std::slice::from_ref(&id)
    );
    assert_eq!(
        store.next_due(CHANNEL).await.expect("next"),
        Some(whole + chrono::Duration::seconds(60))
    );
    finish(store, &id, DeliveryResult::Delivered, future).await;
    assert_eq!(entry(store, &id).await.finished_at, Some(whole));
}
