//! Feed state and polls: `sync_feeds`, `feed_state`, `record_feed_state`, `record_poll`,
//! `known_entries`, `items_since`, `prune_items`, and what `status` and health read of them.

use super::*;

pub async fn sync_feeds_makes_a_new_feed_due_at_once<S: Store>(store: &S) {
    let feeds = [
        ("wire".to_string(), url("wire")),
        ("agg".to_string(), url("agg")),
    ];
    let states = store.sync_feeds(&feeds).await.expect("sync");
    assert_eq!(
        states,
        [
            FeedState::new("wire", &url("wire")),
            FeedState::new("agg", &url("agg"))
        ],
        "one state per feed, in the order given, each as FeedState::new"
    );
    assert!(
        states.iter().all(|s| s.next_poll_at <= at(0)),
        "due at once"
    );
    assert_eq!(
        store.feed_state("agg").await.expect("read"),
        Some(FeedState::new("agg", &url("agg")))
    );
    assert_eq!(
        store.feed_state("never-configured").await.expect("read"),
        None
    );
}

pub async fn sync_feeds_resets_a_feed_whose_url_changed<S: Store>(store: &S) {
    let old = url("wire");
    store
        .sync_feeds(&[("wire".into(), old.clone())])
        .await
        .expect("sync");
    record(store, "wire", &[Verdict::plain(item("wire", "x"))], at(0)).await;
    let polled = FeedState {
        url: "https://moved.example/feed.xml".into(),
        etag: Some("\"v1\"".into()),
        last_modified: Some("Sun, 09 Sep 2001 01:46:40 GMT".into()),
        last_status: Some(410),
        last_error: Some("410 Gone".into()),
        last_attempt_at: Some(at(60)),
        last_success_at: Some(at(0)),
        consecutive_failures: 3,
        next_poll_at: at(3600),
        gone: true,
        last_entries: Some(1),
        had_entries: true,
        failing_since: Some(at(30)),
        ..FeedState::new("wire", &old)
    };
    store.record_feed_state(&polled).await.expect("state");

    let new = "https://wire.example/other.xml".to_string();
    let states = store
        .sync_feeds(&[("wire".into(), new.clone())])
        .await
        .expect("sync");
    assert_eq!(states, [FeedState::new("wire", &new)], "reset, due at once");
    assert_eq!(
        store.feed_state("wire").await.expect("read"),
        Some(FeedState::new("wire", &new))
    );
    assert_eq!(
        store.known_entries("wire", &["x"]).await.expect("known"),
        set(["x"]),
        "items stay known by their ids"
    );
}

pub async fn sync_feeds_keeps_state_when_only_credentials_change<S: Store>(store: &S) {
    let before = "https://reader:old-token@wire.example/feed.xml";
    let after = "https://reader:new-token@wire.example/feed.xml";
    store
        .sync_feeds(&[("wire".into(), before.into())])
        .await
        .expect("sync");
    let polled = FeedState {
        etag: Some("\"v1\"".into()),
        last_status: Some(200),
        last_success_at: Some(at(0)),
        next_poll_at: at(900),
        ..FeedState::new("wire", before)
    };
    store.record_feed_state(&polled).await.expect("state");

    let states = store
        .sync_feeds(&[("wire".into(), after.into())])
        .await
        .expect("sync");
    assert_eq!(
        states,
        std::slice::from_ref(&polled),
        "a new token alone keeps the state"
    );
    let again = store
        .sync_feeds(&[("wire".into(), after.into())])
        .await
        .expect("sync");
    assert_eq!(
        again,
        std::slice::from_ref(&polled),
        "syncing twice changes nothing"
    );
    assert_eq!(store.feed_state("wire").await.expect("read"), Some(polled));
}

pub async fn sync_feeds_keeps_feeds_left_out_of_the_config<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire")), ("agg".into(), url("agg"))])
        .await
        .expect("sync");
    let states = store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    assert_eq!(states.len(), 1, "only the feeds asked for are returned");
    let names: Vec<String> = store
        .feed_states()
        .await
        .expect("states")
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["agg", "wire"], "a feed left out keeps its row");
}

pub async fn feed_state_round_trips_every_field<S: Store>(store: &S) {
    let full = FeedState {
        name: "wire".into(),
        config_url: "https://reader:***@wire.example/feed.xml".into(),
        url: "https://cdn.wire.example/feed.xml".into(),
        etag: Some("W/\"abc\"".into()),
        last_modified: Some("Sun, 09 Sep 2001 01:46:40 GMT".into()),
        last_status: Some(503),
        last_error: Some("503 Service Unavailable".into()),
        last_attempt_at: Some(at(120)),
        last_success_at: Some(at(-3600)),
        consecutive_failures: 2,
        next_poll_at: at(720),
        gone: false,
        last_entries: Some(0),
        had_entries: true,
        failing_since: Some(at(60)),
        claim: None,
        // Undecayed whole counts: the store keeps counts as f32, exact for these.
        rhythm: Some({
            let mut rhythm = Rhythm::default();
            rhythm.observe(at(0), &[at(0), at(0), at(0)]);
            rhythm
        }),
    };
    // A feed no sync_feeds has seen gets its row all the same.
    store.record_feed_state(&full).await.expect("write");
    assert_eq!(
        store.feed_state("wire").await.expect("read"),
        Some(full.clone())
    );

    let emptied = FeedState {
        etag: None,
        last_modified: None,
        last_status: None,
        last_error: None,
        last_attempt_at: None,
        last_success_at: None,
        consecutive_failures: 0,
        last_entries: None,
        had_entries: false,
        failing_since: None,
        gone: true,
        ..full
    };
    store.record_feed_state(&emptied).await.expect("write");
    assert_eq!(
        store.feed_state("wire").await.expect("read"),
        Some(emptied),
        "every field is written as given, an empty one too"
    );
}

pub async fn record_poll_tells_new_items_from_already_seen<S: Store>(store: &S) {
    let first = record(
        store,
        "wire",
        &[
            Verdict::plain(item("wire", "x")),
            Verdict::plain(item("wire", "y")),
        ],
        at(0),
    )
    .await;
    assert_eq!(new_ids(&first), ["x", "y"]);
    assert_eq!(first.already_seen, 0);
    assert_eq!(
        first.new_items[0],
        NewItem {
            entry_id: "x".into(),
            alertable: true,
            duplicate_of: None,
            matched_rules: vec![],
            joined_stories: vec![],
        }
    );

    let mut updated = item("wire", "y");
    updated.title = "Memo y names Alibaba (updated)".into();
    let second = record(
        store,
        "wire",
        &[
            Verdict::plain(updated),
            Verdict::plain(item("wire", "z")),
            Verdict::plain(item("wire", "x")),
        ],
        at(3600),
    )
    .await;
    assert_eq!(new_ids(&second), ["z"], "an updated item is not new");
    assert_eq!(second.already_seen, 2);
    assert_eq!(
        store
            .known_entries("wire", &["x", "y", "z", "w"])
            .await
            .expect("known"),
        set(["x", "y", "z"])
    );
}

pub async fn record_poll_takes_the_first_copy_of_a_repeated_entry_id<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let first = Verdict::matching(linked("wire", "x", "https://wire.example/a"), &rules, at(0));
    let copy = Verdict::matching(linked("wire", "x", "https://wire.example/b"), &rules, at(0));
    let commit = record(store, "wire", &[first, copy], at(0)).await;
    assert_eq!(new_ids(&commit), ["x"]);
    assert_eq!(commit.already_seen, 1, "the second copy counts as seen");
    assert_eq!(commit.alerts_queued, 1);
    let queued: Vec<String> = outbox(store).await.into_iter().map(|r| r.id).collect();
    assert_eq!(
        queued,
        [alert_id(
            &linked("wire", "x", "https://wire.example/a"),
            CHANNEL
        )],
        "only the first copy's alert"
    );
}

pub async fn record_poll_marks_a_link_first_seen_in_another_feed<S: Store>(store: &S) {
    let link = "https://news.example/memo";
    record(
        store,
        "wire",
        &[Verdict::plain(linked("wire", "w1", link))],
        at(0),
    )
    .await;
    let agg = record(
        store,
        "agg",
        &[
            Verdict::plain(linked("agg", "g1", link)),
            Verdict::plain(item("agg", "g2")),
        ],
        at(60),
    )
    .await;
    let wire_w1 = ItemKey {
        feed: "wire".into(),
        entry_id: "w1".into(),
    };
    assert_eq!(agg.new_items[0].duplicate_of, Some(wire_w1.clone()));
    assert_eq!(agg.new_items[1].duplicate_of, None);
    let third = record(
        store,
        "third",
        &[Verdict::plain(linked("third", "t1", link))],
        at(120),
    )
    .await;
    assert_eq!(
        third.new_items[0].duplicate_of,
        Some(wire_w1),
        "the item that carried the link first"
    );
    let own = record(
        store,
        "wire",
        &[Verdict::plain(linked(
            "wire",
            "w2",
            "https://news.example/own",
        ))],
        at(180),
    )
    .await;
    assert_eq!(own.new_items[0].duplicate_of, None);
    let again = record(
        store,
        "wire",
        &[Verdict::plain(linked(
            "wire",
            "w3",
            "https://news.example/own",
        ))],
        at(240),
    )
    .await;
    assert_eq!(
        again.new_items[0].duplicate_of, None,
        "a link seen before in the same feed is no duplicate"
    );
}

pub async fn record_poll_queues_each_alert_id_once<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let link = "https://news.example/memo";
    let wire = [Verdict::matching(linked("wire", "w1", link), &rules, at(0))];
    let id = wire[0].alert_id(CHANNEL);
    assert_eq!(record(store, "wire", &wire, at(0)).await.alerts_queued, 1);

    let agg = [Verdict::matching(linked("agg", "g1", link), &rules, at(60))];
    assert_eq!(agg[0].alert_id(CHANNEL), id, "one article, one alert id");
    let commit = record(store, "agg", &agg, at(60)).await;
    assert_eq!(new_ids(&commit), ["g1"], "new in its own feed");
    assert_eq!(commit.alerts_queued, 0, "but its alert is already queued");

    let replayed = record(store, "wire", &wire, at(120)).await;
    assert!(replayed.new_items.is_empty());
    assert_eq!(replayed.alerts_queued, 0, "a replayed poll queues nothing");

    let rows = outbox(store).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].id.as_str(), rows[0].created_at),
        (id.as_str(), at(0))
    );

    store
        .claim_due(CHANNEL, Queue::Immediate, at(180), LEASE, 10, OWNER)
        .await
        .expect("claim");
    finish(store, &id, DeliveryResult::Delivered, at(181)).await;
    let late = [Verdict::matching(
        linked("late", "l1", link),
        &rules,
        at(240),
    )];
    assert_eq!(record(store, "late", &late, at(240)).await.alerts_queued, 0);
    assert_eq!(
        entry(store, &id).await.state,
        "delivered",
        "a delivered entry is left as it is"
    );
}

pub async fn record_poll_queues_nothing_for_items_that_may_not_alert<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let backlog = [Verdict::matching(item("wire", "old"), &rules, at(0)).backlog()];
    assert!(!backlog[0].alerts.is_empty(), "the store is given alerts");
    let commit = record(store, "wire", &backlog, at(0)).await;
    assert_eq!(
        commit.new_items,
        [NewItem {
            entry_id: "old".into(),
            alertable: false,
            duplicate_of: None,
            matched_rules: vec![RULE.into()],
            joined_stories: vec![],
        }]
    );
    assert_eq!(commit.alerts_queued, 0);
    assert!(outbox(store).await.is_empty());
    let counted: Vec<(String, u64)> = store
        .rule_summaries()
        .await
        .expect("rules")
        .into_iter()
        .map(|r| (r.rule, r.matches))
        .collect();
    assert_eq!(counted, [(RULE.to_string(), 1)], "its match is stored");

    let later = [Verdict::matching(item("wire", "old"), &rules, at(60))];
    let commit = record(store, "wire", &later, at(60)).await;
    assert_eq!(
        commit.alerts_queued, 0,
        "seen as backlog, it never alerts later"
    );
    assert!(outbox(store).await.is_empty());
}

pub async fn record_poll_writes_the_feed_state_with_the_items<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    let fetched = FeedState {
        etag: Some("\"v2\"".into()),
        last_status: Some(200),
        last_attempt_at: Some(at(0)),
        last_success_at: Some(at(0)),
        next_poll_at: at(900),
        last_entries: Some(1),
        had_entries: true,
        ..FeedState::new("wire", &url("wire"))
    };
    let items = [Verdict::plain(item("wire", "x"))];
    store
        .record_poll(&fetched, &polled(&items), at(0))
        .await
        .expect("poll");
    assert_eq!(
        store.feed_state("wire").await.expect("read"),
        Some(fetched.clone())
    );
    assert_eq!(store.last_new_items().await.expect("last")["wire"], at(0));

    let refetched = FeedState {
        etag: Some("\"v3\"".into()),
        last_attempt_at: Some(at(900)),
        last_success_at: Some(at(900)),
        next_poll_at: at(1800),
        ..fetched
    };
    let commit = store
        .record_poll(&refetched, &polled(&items), at(900))
        .await
        .expect("poll");
    assert!(commit.new_items.is_empty());
    assert_eq!(
        store.feed_state("wire").await.expect("read"),
        Some(refetched)
    );
    assert_eq!(
        store.last_new_items().await.expect("last")["wire"],
        at(0),
        "a poll with nothing new leaves the last new item's time"
    );
}

/// A poll whose transaction fails half-way (here: a story follow-up whose outbox entry holds
/// what is not a story update, which cannot be extended) leaves no trace: its items stay
/// unknown, the feed keeps its state, nothing is queued.
pub async fn a_failed_poll_writes_nothing<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let (lead, story) =
        Verdict::matching(item("wire", "lead"), &rules, at(0)).leading(CHANNEL, "Reuters");
    record(store, "wire", &[lead], at(0)).await;
    // The follow-up of a join at at(60) is the story's first hourly period, due at at(3600).
    let follow_up_id = StoryUpdate::id_for(&story, CHANNEL, at(3600).timestamp());
    let mut planted = Verdict::plain(item("other", "p"));
    planted.alerts = vec![OutboxAlert::immediate(
        follow_up_id,
        CHANNEL,
        RULE,
        "not a story update".into(),
        at(30),
    )];
    record(store, "other", &[planted], at(30)).await;
    store
        .sync_feeds(&[("agg".into(), url("agg"))])
        .await
        .expect("sync");
    let outbox_before = outbox(store).await;

    let joining = Verdict::matching(item("agg", "join"), &rules, at(60)).joining(
        &story,
        CHANNEL,
        "SCMP",
        Some(follow_up_hourly()),
    );
    let fetched = FeedState {
        etag: Some("\"after\"".into()),
        last_success_at: Some(at(60)),
        ..FeedState::new("agg", &url("agg"))
    };
    let items = [Verdict::plain(item("agg", "plain")), joining];
    let failed = store.record_poll(&fetched, &polled(&items), at(60)).await;
    assert!(failed.is_err(), "the poll must fail: {failed:?}");

    assert!(
        store
            .known_entries("agg", &["plain", "join"])
            .await
            .expect("known")
            .is_empty(),
        "no item of the failed poll is known"
    );
    assert_eq!(
        store.feed_state("agg").await.expect("read"),
        Some(FeedState::new("agg", &url("agg"))),
        "the feed keeps its state"
    );
    assert_eq!(outbox(store).await, outbox_before, "nothing queued");
    assert!(
        !store
            .last_new_items()
            .await
            .expect("last")
            .contains_key("agg")
    );
    let stories = store.stories(epoch(), None, None).await.expect("stories");
    assert_eq!(stories[0].members.len(), 1, "the join is not recorded");
}

pub async fn known_entries_answers_for_one_feed<S: Store>(store: &S) {
    record(store, "wire", &[Verdict::plain(item("wire", "x"))], at(0)).await;
    record(store, "agg", &[Verdict::plain(item("agg", "y"))], at(0)).await;
    assert_eq!(
        store
            .known_entries("wire", &["x", "y", "z"])
            .await
            .expect("known"),
        set(["x"]),
        "an id stored for another feed is not known here"
    );
    assert!(
        store
            .known_entries("wire", &[])
            .await
            .expect("known")
            .is_empty()
    );
    assert!(
        store
            .known_entries("nowhere", &["x"])
            .await
            .expect("known")
            .is_empty()
    );
}

pub async fn prune_items_forgets_only_items_not_seen_since_the_cutoff<S: Store>(store: &S) {
    let day = 86_400;
    let rules = [rule(RULE, CHANNEL, None)];
    let both = |now| {
        [
            Verdict::matching(item("wire", "kept"), &rules, now),
            Verdict::matching(item("wire", "dropped"), &rules, now),
        ]
    };
    record(store, "wire", &both(at(0)), at(0)).await;
    let kept = [Verdict::matching(
        item("wire", "kept"),
        &rules,
        at(100 * day),
    )];
    record(store, "wire", &kept, at(100 * day)).await;

    let pruned = store.prune_items(at(10 * day)).await.expect("prune");
    assert_eq!(pruned, 1);
    assert_eq!(
        store
            .known_entries("wire", &["kept", "dropped"])
            .await
            .expect("known"),
        set(["kept"])
    );
    let summaries = store.rule_summaries().await.expect("rules");
    assert_eq!(summaries[0].matches, 1, "its matches go with it");
    assert_eq!(outbox(store).await.len(), 2, "the outbox is kept");
    assert_eq!(
        store.last_new_items().await.expect("last")["wire"],
        at(0),
        "the last new item's time is kept"
    );
    assert!(store.feed_state("wire").await.expect("read").is_some());

    let back = record(store, "wire", &both(at(100 * day)), at(100 * day)).await;
    assert_eq!(new_ids(&back), ["dropped"], "a forgotten item is new again");
    assert_eq!(
        store.prune_items(at(100 * day)).await.expect("prune"),
        0,
        "an item last seen at the cutoff is kept"
    );
}

/// Every item `items_since(since)` hands over, owned.
async fn items_since<S: Store>(store: &S, since: DateTime<Utc>) -> Vec<StoredItem> {
    let mut seen = Vec::new();
    let count = store
        .items_since(since, |stored| seen.push(stored.clone()))
        .await
        .expect("items_since");
    assert_eq!(
        count,
        seen.len() as u64,
        "the count is of the items handed over"
    );
    seen
}

pub async fn items_since_gives_back_each_item_as_polled_in_poll_order<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let full = Item {
        content: "The memo, in full, names Alibaba and the PLA.".into(),
        authors: vec!["Jane Doe".into(), "Li, Wei".into()],
        categories: vec!["Technology".into()],
        published: None,
        updated: Some(at(-900)),
        ..item("wire", "full")
    };
    let undated = Item {
        published: None,
        ..item("wire", "undated")
    };
    let late = Item {
        published: Some(at(-60)),
        ..item("wire", "late")
    };
    let early = Item {
        published: Some(at(-3000)),
        ..item("wire", "early")
    };
    record(
        store,
        "wire",
        &[Verdict::plain(item("wire", "old"))],
        at(-7200),
    )
    .await;
    record(
        store,
        "wire",
        &[
            Verdict::plain(late.clone()),
            Verdict::matching(full.clone(), &rules, at(0)),
            Verdict::plain(undated.clone()).backlog(),
            Verdict::plain(early.clone()),
        ],
        at(0),
    )
    .await;
    // Another feed polled the same second comes in feed order; a later poll after it.
    record(store, "agg", &[Verdict::plain(item("agg", "a"))], at(0)).await;
    record(store, "agg", &[Verdict::plain(item("agg", "b"))], at(30)).await;
    // Seen again later: still first seen when it was.
    record(store, "wire", &[Verdict::plain(late.clone())], at(60)).await;

    let seen = items_since(store, at(-60)).await;
    let order: Vec<(&str, &str)> = seen
        .iter()
        .map(|s| (s.item.feed.as_str(), s.item.entry_id.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("agg", "a"),
            ("wire", "undated"),
            ("wire", "early"),
            ("wire", "full"),
            ("wire", "late"),
            ("agg", "b"),
        ],
        "by first seen, feed, date (undated first), entry id; nothing first seen before since"
    );
    let full_back = seen
        .iter()
        .find(|s| s.item.entry_id == "full")
        .expect("full");
    assert_eq!(
        *full_back,
        StoredItem {
            item: Item {
                published: Some(at(-900)),
                updated: None,
                ..full
            },
            first_seen_at: at(0),
            alertable: true,
            has_text: true,
        },
        "every field the matcher reads, as polled; the updated date stands in for a missing \
         published one"
    );
    let undated_back = seen
        .iter()
        .find(|s| s.item.entry_id == "undated")
        .expect("undated");
    assert!(!undated_back.alertable, "alertable as the poll decided");
    assert_eq!(undated_back.item.published, None);
    assert_eq!(
        seen.iter()
            .find(|s| s.item.entry_id == "late")
            .expect("late")
            .first_seen_at,
        at(0)
    );
    assert_eq!(
        items_since(store, at(-7200)).await.len(),
        7,
        "since is inclusive"
    );

    store.prune_items(at(-100)).await.expect("prune");
    assert!(
        items_since(store, at(-7200))
            .await
            .iter()
            .all(|s| s.item.entry_id != "old"),
        "a pruned item is gone with its text"
    );
}

pub async fn last_new_items_remembers_the_last_poll_with_a_new_item<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire")), ("quiet".into(), url("quiet"))])
        .await
        .expect("sync");
    assert!(store.last_new_items().await.expect("last").is_empty());
    record(store, "wire", &[Verdict::plain(item("wire", "x"))], at(0)).await;
    record(store, "wire", &[Verdict::plain(item("wire", "x"))], at(60)).await;
    let mut failed = FeedState::new("quiet", &url("quiet"));
    failed.consecutive_failures = 1;
    store.record_feed_state(&failed).await.expect("state");
    assert_eq!(
        store.last_new_items().await.expect("last"),
        HashMap::from([("wire".to_string(), at(0))])
    );
    record(store, "wire", &[Verdict::plain(item("wire", "y"))], at(120)).await;
    store.prune_items(at(100_000)).await.expect("prune");
    assert_eq!(
        store.last_new_items().await.expect("last"),
        HashMap::from([("wire".to_string(), at(120))]),
        "survives pruning"
    );
}

pub async fn rule_summaries_count_the_matches_of_stored_items<S: Store>(store: &S) {
    let alpha = rule("alpha", CHANNEL, None);
    let beta = rule("beta", CHANNEL, None);
    let both = [beta.clone(), alpha.clone()];
    let first = [
        Verdict::matching(item("wire", "x"), &both, at(0)),
        Verdict::matching(item("wire", "y"), std::slice::from_ref(&alpha), at(0)).backlog(),
    ];
    record(store, "wire", &first, at(0)).await;
    let second = [
        Verdict::matching(item("wire", "z"), std::slice::from_ref(&beta), at(60)),
        Verdict::matching(item("wire", "x"), &both, at(60)),
    ];
    record(store, "wire", &second, at(60)).await;
    assert_eq!(
        store.rule_summaries().await.expect("rules"),
        [
            RuleSummary {
                rule: "alpha".into(),
                matches: 2,
                last_match: Some(at(0)),
            },
            RuleSummary {
                rule: "beta".into(),
                matches: 2,
                last_match: Some(at(60)),
            },
        ],
        "by rule name; an item seen again is not counted again"
    );
}

pub async fn feed_states_and_summaries_list_every_feed_by_name<S: Store>(store: &S) {
    let feeds: Vec<(String, String)> = ["c", "a", "b"]
        .iter()
        .map(|f| (f.to_string(), url(f)))
        .collect();
    store.sync_feeds(&feeds).await.expect("sync");
    record(
        store,
        "a",
        &[
            Verdict::plain(item("a", "x")),
            Verdict::plain(item("a", "y")),
        ],
        at(0),
    )
    .await;
    record(store, "b", &[Verdict::plain(item("b", "z"))], at(0)).await;

    let states = store.feed_states().await.expect("states");
    let names: Vec<&str> = states.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c"]);
    let summaries = store.feed_summaries().await.expect("summaries");
    let seen: Vec<(&str, u64)> = summaries
        .iter()
        .map(|s| (s.state.name.as_str(), s.items_seen))
        .collect();
    assert_eq!(seen, [("a", 2), ("b", 1), ("c", 0)]);
    for (summary, state) in summaries.iter().zip(&states) {
        assert_eq!(&summary.state, state);
    }
}

pub async fn check_writable_accepts_a_working_store<S: Store>(store: &S) {
    store
        .check_writable()
        .await
        .expect("a fresh store takes writes");
    record(store, "wire", &[Verdict::plain(item("wire", "x"))], at(0)).await;
    store
        .check_writable()
        .await
        .expect("and still after a poll");
    assert_eq!(
        store.feed_states().await.expect("states").len(),
        1,
        "the probe writes nothing"
    );
}

/// A feed claimed by a process that is gone is polled at once by the next one, not after the
/// lease: `release_claims` ends feed claims as it ends outbox leases.
pub async fn release_claims_ends_a_gone_owners_feed_claims<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire")), ("other".into(), url("other"))])
        .await
        .expect("sync");
    let gone = "boot/1/1";
    let taken = store
        .claim_feed("wire", gone, at(0), LEASE)
        .await
        .expect("claim")
        .expect("due");
    store
        .claim_feed("other", "boot/2/2", at(0), LEASE)
        .await
        .expect("claim")
        .expect("due");
    assert_eq!(
        store.claim_owners(at(10)).await.expect("owners"),
        ["boot/1/1", "boot/2/2"]
    );
    assert_eq!(
        store.release_claims(gone, at(10)).await.expect("release"),
        1
    );
    assert_eq!(
        store.claim_owners(at(10)).await.expect("owners"),
        ["boot/2/2"]
    );
    let again = store
        .claim_feed("wire", "boot/3/3", at(11), LEASE)
        .await
        .expect("claim")
        .expect("released: claimable at once");
    assert!(
        again.claim > taken.claim,
        "a newer generation fences the old claim"
    );
    assert!(
        store
            .claim_feed("other", "boot/3/3", at(11), LEASE)
            .await
            .expect("claim")
            .is_none(),
        "another owner's claim is left alone"
    );
}

pub async fn claim_feed_hands_a_due_feed_to_one_claimant_at_a_time<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    let first = store
        .claim_feed("wire", "node-a", at(0), LEASE)
        .await
        .expect("claim")
        .expect("a new feed is due at once");
    assert_eq!(
        first,
        FeedState {
            claim: first.claim,
            ..FeedState::new("wire", &url("wire"))
        }
    );
    let generation = first.claim.expect("a claimed state carries its generation");
    assert!(
        store
            .claim_feed("wire", "node-b", at(30), LEASE)
            .await
            .expect("claim")
            .is_none(),
        "node-a holds it"
    );
    assert!(
        store
            .claim_feed("unknown", "node-b", at(30), LEASE)
            .await
            .expect("claim")
            .is_none()
    );
    // node-a records its poll, which ends its claim; the feed is due again at at(600).
    let polled = FeedState {
        last_success_at: Some(at(1)),
        next_poll_at: at(600),
        ..first.clone()
    };
    store.record_feed_state(&polled).await.expect("recorded");
    assert!(
        store
            .claim_feed("wire", "node-b", at(31), LEASE)
            .await
            .expect("claim")
            .is_none(),
        "not due"
    );
    let second = store
        .claim_feed("wire", "node-b", at(600), LEASE)
        .await
        .expect("claim")
        .expect("due again");
    assert!(second.claim > Some(generation), "{second:?}");
    assert_eq!(second.last_success_at, Some(at(1)), "the recorded state");
    let gone = FeedState {
        gone: true,
        next_poll_at: at(0),
        ..second
    };
    store.record_feed_state(&gone).await.expect("recorded");
    assert!(
        store
            .claim_feed("wire", "node-a", at(700), LEASE)
            .await
            .expect("claim")
            .is_none(),
        "a gone feed is never claimed"
    );
}

pub async fn a_poll_whose_claim_was_taken_again_writes_nothing<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    let stale = store
        .claim_feed("wire", "node-a", at(0), LEASE)
        .await
        .expect("claim")
        .expect("due");
    // node-a stalls past its lease; node-b claims the feed and polls it.
    let fresh = store
        .claim_feed("wire", "node-b", at(61), LEASE)
        .await
        .expect("claim")
        .expect("the lease ran out");
    assert!(fresh.claim > stale.claim);
    let rules = [rule(RULE, CHANNEL, None)];
    let verdicts = [Verdict::matching(item("wire", "x"), &rules, at(62))];
    let refused = store
        .record_poll(&stale, &polled(&verdicts), at(62))
        .await
        .expect_err("a stale claim is refused");
    assert!(
        matches!(refused, StoreError::ClaimLost { ref feed, generation }
            if feed == "wire" && Some(generation) == stale.claim),
        "{refused:?}"
    );
    assert!(
        store
            .known_entries("wire", &["x"])
            .await
            .expect("known")
            .is_empty(),
        "nothing of the stale poll is written"
    );
    assert!(outbox(store).await.is_empty());
    let refused = store.record_feed_state(&stale).await;
    assert!(
        matches!(refused, Err(StoreError::ClaimLost { .. })),
        "{refused:?}"
    );
    let commit = store
        .record_poll(&fresh, &polled(&verdicts), at(63))
        .await
        .expect("the current claim records");
    assert_eq!(new_ids(&commit), ["x"]);
    assert_eq!(outbox(store).await.len(), 1);
}

pub async fn renew_feed_claim_keeps_a_slow_poll_its_feed<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    let slow = store
        .claim_feed("wire", "node-a", at(0), LEASE)
        .await
        .expect("claim")
        .expect("due");
    let generation = slow.claim.expect("generation");
    assert!(
        store
            .renew_feed_claim("wire", generation, at(50), LEASE)
            .await
            .expect("renew")
    );
    assert!(
        store
            .claim_feed("wire", "node-b", at(61), LEASE)
            .await
            .expect("claim")
            .is_none(),
        "renewed until at(110)"
    );
    let taken = store
        .claim_feed("wire", "node-b", at(110), LEASE)
        .await
        .expect("claim")
        .expect("the renewed lease ran out");
    assert!(
        !store
            .renew_feed_claim("wire", generation, at(111), LEASE)
            .await
            .expect("renew"),
        "a claim taken again is not renewed"
    );
    store.record_feed_state(&taken).await.expect("recorded");
    assert!(
        !store
            .renew_feed_claim("wire", taken.claim.expect("generation"), at(112), LEASE)
            .await
            .expect("renew"),
        "a claim its poll ended stays ended"
    );
}

/// A rhythm that has seen `items` publications over the two days before `now`.
fn learned_rhythm(items: i64, now: DateTime<Utc>) -> Rhythm {
    let mut rhythm = Rhythm::default();
    let published: Vec<DateTime<Utc>> = (0..items)
        .map(|i| now - chrono::Duration::minutes(i * 48 * 60 / items))
        .collect();
    rhythm.observe(now, &published);
    rhythm
}

pub async fn feed_rhythm_is_stored_with_the_state_and_kept_when_none_is_given<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    assert_eq!(
        store.feed_rhythm("wire").await.expect("read"),
        Rhythm::default(),
        "a feed never polled has the empty rhythm"
    );
    assert_eq!(
        store.feed_rhythm("never-configured").await.expect("read"),
        Rhythm::default()
    );
    let rhythm = learned_rhythm(40, at(0));
    assert!(rhythm.is_learned());
    let state = FeedState {
        last_success_at: Some(at(0)),
        rhythm: Some(rhythm.clone()),
        ..FeedState::new("wire", &url("wire"))
    };
    store
        .record_poll(&state, &polled(&[Verdict::plain(item("wire", "a"))]), at(0))
        .await
        .expect("record_poll");
    let stored = store.feed_rhythm("wire").await.expect("read");
    assert_eq!(stored.as_of(), rhythm.as_of());
    let rate = |r: &Rhythm| r.overall_rate().expect("learned");
    assert!(
        (rate(&stored) - rate(&rhythm)).abs() < 1e-4,
        "kept to f32 precision"
    );
    assert_eq!(
        store
            .feed_state("wire")
            .await
            .expect("read")
            .and_then(|s| s.rhythm)
            .map(|r| r.as_of()),
        Some(rhythm.as_of()),
        "feed_state reads it along"
    );
    assert!(
        store
            .feed_states()
            .await
            .expect("read")
            .iter()
            .all(|s| s.rhythm.is_none()),
        "reads of every feed leave it out"
    );

    // A failed poll's state carries none: the stored rhythm stays.
    let failed = FeedState {
        consecutive_failures: 1,
        last_error: Some("timeout".into()),
        ..FeedState::new("wire", &url("wire"))
    };
    store.record_feed_state(&failed).await.expect("state");
    assert_eq!(
        store.feed_rhythm("wire").await.expect("read").as_of(),
        rhythm.as_of()
    );

    // A 304's state carries the rhythm brought forward.
    let mut later = rhythm.clone();
    later.observe(at(3600), &[]);
    let unchanged = FeedState {
        rhythm: Some(later),
        ..FeedState::new("wire", &url("wire"))
    };
    store.record_feed_state(&unchanged).await.expect("state");
    assert_eq!(
        store.feed_rhythm("wire").await.expect("read").as_of(),
        Some(at(3600))
    );
}

pub async fn sync_feeds_forgets_the_rhythm_of_a_feed_whose_url_changed<S: Store>(store: &S) {
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    let polled = FeedState {
        rhythm: Some(learned_rhythm(40, at(0))),
        ..FeedState::new("wire", &url("wire"))
    };
    store.record_feed_state(&polled).await.expect("state");
    store
        .sync_feeds(&[("wire".into(), url("wire"))])
        .await
        .expect("sync");
    assert!(
        store.feed_rhythm("wire").await.expect("read").is_learned(),
        "the same URL keeps it"
    );
    store
        .sync_feeds(&[("wire".into(), "https://wire.example/other.xml".into())])
        .await
        .expect("sync");
    assert_eq!(
        store.feed_rhythm("wire").await.expect("read"),
        Rhythm::default(),
        "a new source learns anew"
    );
}
