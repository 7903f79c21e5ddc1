//! Stories: leads and joins recorded through `PolledItem::stories`, follow-ups, and the reads
//! `story_leads`, `story_members_since` and `stories`.

use super::*;

pub async fn a_lead_opens_a_story_and_alerts<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let lead_item = item("wire", "lead");
    let (lead, story) =
        Verdict::matching(lead_item.clone(), &rules, at(0)).leading(CHANNEL, "Reuters");
    let commit = record(store, "wire", &[lead], at(0)).await;
    assert_eq!(commit.alerts_queued, 1, "a lead's alert goes out as usual");
    assert!(commit.new_items[0].joined_stories.is_empty());

    let stories = store.stories(epoch(), None, None).await.expect("stories");
    assert_eq!(stories.len(), 1);
    let summary = &stories[0];
    assert_eq!(summary.id, story);
    assert_eq!(summary.channel.as_deref(), Some(CHANNEL));
    assert_eq!(
        (summary.rule.as_str(), summary.rules.as_slice()),
        (RULE, &[RULE.to_string()][..])
    );
    assert_eq!(
        (&summary.title, &summary.link),
        (&lead_item.title, &lead_item.link)
    );
    assert_eq!((summary.created_at, summary.updated_at), (at(0), at(0)));
    assert_eq!(summary.sources, ["Reuters"]);
    assert_eq!(
        summary.members,
        [StoryMemberSummary {
            feed: "wire".into(),
            entry_id: "lead".into(),
            title: lead_item.title.clone(),
            link: lead_item.link.clone(),
            source: "Reuters".into(),
            rules: vec![RULE.into()],
            similarity: None,
            joined_at: at(0),
        }]
    );

    let leads = store
        .story_leads(&[story.clone(), "story-unknown".to_string()])
        .await
        .expect("leads");
    assert_eq!(
        leads,
        HashMap::from([(
            story.clone(),
            StoryLead {
                alert_id: alert_id(&lead_item, CHANNEL),
                title: lead_item.title.clone(),
                link: lead_item.link.clone(),
                source: "Reuters".into(),
            }
        )]),
        "stories not in the store are left out"
    );
    assert_eq!(
        store.story_members_since(at(0)).await.expect("members"),
        [StoredMember {
            channel: CHANNEL.into(),
            story,
            feed: "wire".into(),
            entry_id: "lead".into(),
            title: lead_item.title.clone(),
            summary: lead_item.summary.clone(),
            canonical_link: lead_item.canonical_link.clone(),
            concepts: vec!["alibaba".into(), "pla".into()],
            joined_at: at(0),
            published_at: lead_item.published,
        }]
    );
}

pub async fn a_join_queues_a_follow_up_instead_of_its_alert<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let lead_item = item("wire", "lead");
    let (lead, story) =
        Verdict::matching(lead_item.clone(), &rules, at(0)).leading(CHANNEL, "Reuters");
    record(store, "wire", &[lead], at(0)).await;

    let join = Verdict::matching(item("agg", "join"), &rules, at(60)).joining(
        &story,
        CHANNEL,
        "SCMP",
        Some(follow_up_hourly()),
    );
    let join_alert = join.alert_id(CHANNEL);
    let commit = record(store, "agg", &[join], at(60)).await;
    assert_eq!(
        commit.new_items[0].joined_stories,
        [RULE],
        "no alert for its rule"
    );
    assert_eq!(
        commit.alerts_queued, 0,
        "follow-ups are not counted as alerts"
    );
    let rows = outbox(store).await;
    assert!(
        rows.iter().all(|r| r.id != join_alert),
        "its alert is not queued"
    );

    let update_id = StoryUpdate::id_for(&story, CHANNEL, at(3600).timestamp());
    let follow_up = entry(store, &update_id).await;
    assert_eq!(follow_up.story.as_deref(), Some(story.as_str()));
    assert_eq!(
        (follow_up.state.as_str(), follow_up.digest),
        ("pending", false)
    );
    assert_eq!(
        (follow_up.created_at, follow_up.next_attempt_at),
        (at(60), at(3600)),
        "due a whole period after the story began"
    );
    let update: StoryUpdate = serde_json::from_str(&follow_up.body).expect("story update JSON");
    assert_eq!(update.kind, STORY_UPDATE_TYPE);
    assert_eq!(
        (update.id.as_str(), update.story.as_str()),
        (update_id.as_str(), story.as_str())
    );
    assert_eq!(update.first.alert_id, alert_id(&lead_item, CHANNEL));
    let items: Vec<(&str, &str)> = update
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.source.as_str()))
        .collect();
    assert_eq!(items, [("join", "SCMP")]);
    assert_eq!(update.sources, ["Reuters", "SCMP"]);

    let counts = store.outbox_counts(at(60)).await.expect("counts");
    assert_eq!(
        (counts[0].pending, counts[0].follow_ups, counts[0].due),
        (2, 1, 1)
    );
    assert_eq!(
        claim(store, CHANNEL, Queue::Immediate, at(60)).await,
        [alert_id(&lead_item, CHANNEL)],
        "the follow-up waits for its period"
    );

    let second = Verdict::matching(item("third", "k"), &rules, at(120)).joining(
        &story,
        CHANNEL,
        "CNBC",
        Some(follow_up_hourly()),
    );
    record(store, "third", &[second], at(120)).await;
    assert_eq!(
        outbox(store).await.len(),
        2,
        "the same period's follow-up takes it"
    );
    let update: StoryUpdate =
        serde_json::from_str(&entry(store, &update_id).await.body).expect("story update JSON");
    let items: Vec<&str> = update.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(items, ["join", "k"]);

    let next_period = Verdict::matching(item("fourth", "m"), &rules, at(3700)).joining(
        &story,
        CHANNEL,
        "Caixin",
        Some(follow_up_hourly()),
    );
    record(store, "fourth", &[next_period], at(3700)).await;
    let next_id = StoryUpdate::id_for(&story, CHANNEL, at(7200).timestamp());
    assert_eq!(
        entry(store, &next_id).await.next_attempt_at,
        at(7200),
        "the next period's"
    );

    let stories = store.stories(epoch(), None, None).await.expect("stories");
    let members: Vec<(&str, Option<f64>)> = stories[0]
        .members
        .iter()
        .map(|m| (m.entry_id.as_str(), m.similarity))
        .collect();
    assert_eq!(
        members,
        [
            ("lead", None),
            ("join", Some(0.98)),
            ("k", Some(0.98)),
            ("m", Some(0.98))
        ],
        "the lead first, then in order of arrival"
    );
    assert_eq!(stories[0].sources, ["Reuters", "SCMP", "CNBC", "Caixin"]);
    assert_eq!(stories[0].updated_at, at(3700));
}

pub async fn another_feeds_copy_joins_without_a_follow_up<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let link = "https://news.example/memo";
    let (lead, story) =
        Verdict::matching(linked("wire", "lead", link), &rules, at(0)).leading(CHANNEL, "Reuters");
    record(store, "wire", &[lead], at(0)).await;
    let copy = Verdict::matching(linked("agg", "copy", link), &rules, at(60)).joining(
        &story,
        CHANNEL,
        "Aggregator",
        Some(follow_up_hourly()),
    );
    let commit = record(store, "agg", &[copy], at(60)).await;
    assert_eq!(commit.new_items[0].joined_stories, [RULE]);
    assert_eq!(
        outbox(store).await.len(),
        1,
        "no follow-up for the same article"
    );
    let stories = store.stories(epoch(), None, None).await.expect("stories");
    assert_eq!(stories[0].members.len(), 2, "it is a member all the same");
    assert_eq!(
        stories[0].updated_at,
        at(0),
        "the story is not updated by it"
    );
}

pub async fn a_join_to_a_story_not_in_the_store_leads_it<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let orphan_item = item("agg", "orphan");
    let orphan = Verdict::matching(orphan_item.clone(), &rules, at(0)).joining(
        "story-pruned",
        CHANNEL,
        "SCMP",
        Some(follow_up_hourly()),
    );
    let commit = record(store, "agg", &[orphan], at(0)).await;
    assert!(commit.new_items[0].joined_stories.is_empty());
    assert_eq!(commit.alerts_queued, 1, "its alert goes out");
    let leads = store
        .story_leads(&["story-pruned".to_string()])
        .await
        .expect("leads");
    assert_eq!(
        leads["story-pruned"].alert_id,
        alert_id(&orphan_item, CHANNEL),
        "it leads the story now"
    );
    let stories = store.stories(epoch(), None, None).await.expect("stories");
    assert_eq!(stories[0].members[0].similarity, None);
}

pub async fn leads_are_recorded_before_joins_in_one_poll<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let (lead, story) =
        Verdict::matching(item("wire", "lead"), &rules, at(0)).leading(CHANNEL, "Reuters");
    let join = Verdict::matching(item("wire", "join"), &rules, at(0)).joining(
        &story,
        CHANNEL,
        "Reuters",
        Some(follow_up_hourly()),
    );
    let commit = record(store, "wire", &[join, lead], at(0)).await;
    assert_eq!(new_ids(&commit), ["join", "lead"], "in the order given");
    assert_eq!(commit.new_items[0].joined_stories, [RULE], "it joined");
    assert_eq!(commit.alerts_queued, 1, "only the lead's alert");
    let stories = store.stories(epoch(), None, None).await.expect("stories");
    let members: Vec<&str> = stories[0]
        .members
        .iter()
        .map(|m| m.entry_id.as_str())
        .collect();
    assert_eq!(members, ["lead", "join"]);
}

pub async fn story_members_since_lists_oldest_first_and_pruning_ages_them_out<S: Store>(store: &S) {
    let rules = [rule(RULE, CHANNEL, None)];
    let (lead, story) =
        Verdict::matching(item("wire", "lead"), &rules, at(0)).leading(CHANNEL, "Reuters");
    record(store, "wire", &[lead], at(0)).await;
    for (feed, id, now) in [("agg", "j", at(60)), ("third", "k", at(120))] {
        let join =
            Verdict::matching(item(feed, id), &rules, now).joining(&story, CHANNEL, feed, None);
        record(store, feed, &[join], now).await;
    }
    let since = |members: Vec<StoredMember>| -> Vec<String> {
        members.into_iter().map(|m| m.entry_id).collect()
    };
    assert_eq!(
        since(store.story_members_since(at(60)).await.expect("members")),
        ["j", "k"],
        "at or after `since`, oldest first"
    );
    assert!(
        outbox(store).await.iter().all(|r| r.story.is_none()),
        "a join without follow-ups queues nothing"
    );

    store.prune_items(at(90)).await.expect("prune");
    assert_eq!(
        since(store.story_members_since(epoch()).await.expect("members")),
        ["k"]
    );
    assert_eq!(
        store
            .stories(epoch(), None, None)
            .await
            .expect("stories")
            .len(),
        1,
        "a story with a member left stays"
    );
    store.prune_items(at(100_000)).await.expect("prune");
    assert!(
        store
            .story_members_since(epoch())
            .await
            .expect("members")
            .is_empty()
    );
    assert!(
        store
            .stories(epoch(), None, None)
            .await
            .expect("stories")
            .is_empty()
    );
    assert!(store.story_leads(&[story]).await.expect("leads").is_empty());
}

async fn story_ids<S: Store>(
    store: &S,
    since: DateTime<Utc>,
    rule: Option<&str>,
    channel: Option<&str>,
) -> Vec<String> {
    let stories: Vec<StorySummary> = store.stories(since, rule, channel).await.expect("stories");
    stories.into_iter().map(|s| s.id).collect()
}

pub async fn stories_filter_by_rule_and_channel_newest_first<S: Store>(store: &S) {
    let alpha = [rule("alpha", CHANNEL, None)];
    let beta = [rule("beta", OTHER_CHANNEL, None)];
    let (first, s1) =
        Verdict::matching(item("wire", "a"), &alpha, at(0)).leading(CHANNEL, "Reuters");
    record(store, "wire", &[first], at(0)).await;
    let (second, s2) =
        Verdict::matching(item("wire", "b"), &beta, at(60)).leading(OTHER_CHANNEL, "Reuters");
    record(store, "wire", &[second], at(60)).await;

    assert_eq!(
        story_ids(store, epoch(), None, None).await,
        [s2.clone(), s1.clone()]
    );
    assert_eq!(
        story_ids(store, epoch(), Some("alpha"), None).await,
        std::slice::from_ref(&s1)
    );
    assert_eq!(
        story_ids(store, epoch(), None, Some(OTHER_CHANNEL)).await,
        std::slice::from_ref(&s2)
    );
    assert!(
        story_ids(store, epoch(), Some("alpha"), Some(OTHER_CHANNEL))
            .await
            .is_empty()
    );
    assert_eq!(
        story_ids(store, at(30), None, None).await,
        std::slice::from_ref(&s2)
    );
    assert!(
        story_ids(store, epoch(), Some("alph"), None)
            .await
            .is_empty(),
        "rule names match whole"
    );

    let gamma = [rule("gamma", CHANNEL, None)];
    let join =
        Verdict::matching(item("agg", "c"), &gamma, at(120)).joining(&s1, CHANNEL, "SCMP", None);
    record(store, "agg", &[join], at(120)).await;
    assert_eq!(
        story_ids(store, epoch(), None, None).await,
        [s1.clone(), s2],
        "a join updates the story"
    );
    let joined = store
        .stories(epoch(), Some("gamma"), None)
        .await
        .expect("stories");
    assert_eq!(joined[0].id, s1, "the rules of later items count");
    assert_eq!(joined[0].rules, ["alpha", "gamma"]);
    assert_eq!(joined[0].rule, "alpha");
}
