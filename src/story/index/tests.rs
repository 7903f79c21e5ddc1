//! The story index's behaviour: which story an item joins, and what insert, remove and
//! expiry leave behind.

use super::*;

fn at(hours: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + hours * 3600, 0).expect("valid timestamp")
}

fn member(key: &str, title: &str, hours: i64) -> Member {
    Member {
        key: key.to_string(),
        canonical_link: None,
        fingerprint: Fingerprint::of(title, "", &[]),
        at: at(hours),
    }
}

fn linked(key: &str, title: &str, link: &str, hours: i64) -> Member {
    Member {
        canonical_link: Some(link.to_string()),
        ..member(key, title, hours)
    }
}

fn reported(key: &str, title: &str, summary: &str, hours: i64) -> Member {
    Member {
        fingerprint: Fingerprint::of(title, summary, &[]),
        ..member(key, title, hours)
    }
}

#[test]
fn a_report_joins_the_release_it_summarizes() {
    let release = member(
        "release",
        "Commerce Adds 27 Entities to the Entity List to Counter China's Military AI \
         Development",
        0,
    );
    let report = reported(
        "report",
        "Alibaba cloud and chip units hit by US export blacklist",
        "The Commerce Department on Thursday added 27 entities, four of them Alibaba \
         units, to its Entity List, saying they support China's military AI development. \
         The move, two days after the Pentagon named the group a Chinese military \
         company, could slow its cloud expansion in Southeast Asia and cut chip designer \
         T-Head off from TSMC.",
        1,
    );
    let unrelated = reported(
        "other",
        "Tencent beats estimates as games revenue climbs",
        "Tencent said quarterly revenue rose 15%, helped by its domestic games and \
         advertising, and that AI spending would keep rising.",
        1,
    );
    let mut index = StoryIndex::new();
    let threshold = super::super::DEFAULT_THRESHOLD;
    // Their cosine alone is below the threshold: the report's own headline outweighs
    // the words it shares with the release.
    let cosine = index.similarity("r", &release.fingerprint, &report.fingerprint);
    assert!(cosine < threshold, "{cosine}");
    index.insert("r", "release", release);
    let found = index
        .find("r", &report, threshold)
        .expect("joins the release");
    assert_eq!(found.story, "release");
    assert!(found.similarity >= threshold, "{found:?}");
    assert_eq!(index.find("r", &unrelated, threshold), None);
}

/// A member of a scope whose items entered it by `scope` words.
fn scoped(key: &str, title: &str, scope: &[&str]) -> Member {
    Member {
        fingerprint: Fingerprint::in_scope(title, "", &[], scope),
        ..member(key, title, 0)
    }
}

#[test]
fn a_first_run_does_not_merge_on_the_rules_own_words() {
    let threshold = super::super::DEFAULT_THRESHOLD;
    let scope = ["Alibaba", "Pentagon"];
    let pairs = [
        (
            "Alibaba shares fall after results",
            "Alibaba shares rise on AI news",
        ),
        (
            "Pentagon adds Alibaba to military list",
            "Alibaba denies Pentagon military claims",
        ),
        (
            "Tencent results beat estimates",
            "Tencent opens a new office",
        ),
    ];
    for (first, second) in pairs {
        let mut index = StoryIndex::new();
        index.insert("r", "first", scoped("a", first, &scope));
        let found = index.find("r", &scoped("b", second, &scope), threshold);
        assert_eq!(found, None, "{first:?} and {second:?}");
    }
    // What is left when the scope's words are set aside can still be one event.
    let mut index = StoryIndex::new();
    let first = "Pentagon adds Alibaba and Baidu to 1260H military company list";
    index.insert("r", "first", scoped("a", first, &scope));
    let second = "Alibaba, Baidu added to Pentagon's 1260H list of Chinese military companies";
    let found = index.find("r", &scoped("b", second, &scope), threshold);
    assert_eq!(found.map(|m| m.story).as_deref(), Some("first"));
}

#[test]
fn reworded_headline_joins_its_story() {
    let mut index = StoryIndex::new();
    index.insert(
        "r",
        "s1",
        member(
            "a",
            "Pentagon adds Alibaba to list of Chinese military companies",
            0,
        ),
    );
    index.insert(
        "r",
        "s2",
        member(
            "b",
            "Tencent reports record quarterly profit on gaming boom",
            0,
        ),
    );
    let found = index
        .find(
            "r",
            &member(
                "c",
                "Alibaba added to Pentagon list of Chinese military companies - Reuters",
                1,
            ),
            0.3,
        )
        .expect("a match");
    assert_eq!(found.story, "s1");
    assert_eq!(found.via, "a");
    assert!(found.similarity > 0.5, "{found:?}");
}

#[test]
fn stories_do_not_cross_rules() {
    let mut index = StoryIndex::new();
    index.insert("r1", "s1", member("a", "Alibaba shares fall 5%", 0));
    assert!(
        index
            .find("r2", &member("b", "Alibaba shares fall 5%", 0), 0.1)
            .is_none()
    );
    assert!(
        index
            .find("r1", &member("b", "Alibaba shares fall 5%", 0), 0.1)
            .is_some()
    );
}

#[test]
fn same_canonical_link_joins_whatever_the_text() {
    let mut index = StoryIndex::new();
    index.insert(
        "r",
        "s1",
        linked("a", "Alibaba shares fall", "https://example.org/x", 0),
    );
    let found = index
        .find(
            "r",
            &linked("b", "完全不同的标题", "https://example.org/x", 2),
            0.99,
        )
        .expect("joined by link");
    assert_eq!((found.story.as_str(), found.similarity), ("s1", 1.0));
}

#[test]
fn members_outside_the_window_are_ignored_and_expire() {
    let mut index = StoryIndex::with_window(std::time::Duration::from_secs(48 * 3600));
    index.insert("r", "s1", member("a", "Alibaba shares fall 5%", 0));
    index.insert("r", "s1", member("b", "Alibaba shares drop 5%", 10));
    assert!(
        index
            .find("r", &member("c", "Alibaba shares fall 5%", 49), 0.3)
            .is_some()
    );
    assert_eq!(
        index
            .find("r", &member("c", "Alibaba shares fall 5%", 49), 0.3)
            .map(|m| m.via),
        Some("b".to_string()),
        "a is 49 h away"
    );
    assert!(
        index
            .find("r", &member("c", "Alibaba shares fall 5%", 70), 0.3)
            .is_none()
    );
    assert_eq!(index.expire(at(1)), 1);
    assert_eq!(index.len(), 1);
    assert_eq!(index.expire(at(100)), 1);
    assert!(index.is_empty());
    assert!(
        index
            .find("r", &member("c", "Alibaba shares fall 5%", 0), 0.0)
            .is_none()
    );
}

#[test]
fn remove_undoes_insert() {
    let mut index = StoryIndex::new();
    index.insert(
        "r",
        "s1",
        linked("a", "Alibaba shares fall 5%", "https://example.org/a", 0),
    );
    let probe = linked("b", "Alibaba shares fall 5%", "https://example.org/a", 0);
    assert!(index.find("r", &probe, 0.5).is_some());
    assert!(index.remove("r", "a"));
    assert!(!index.remove("r", "a"));
    assert!(index.find("r", &probe, 0.0).is_none());
    assert_eq!(index.len(), 0);
    assert!(
        index.rules.is_empty(),
        "an emptied rule leaves nothing behind"
    );
}

#[test]
fn reinserting_a_key_replaces_the_member() {
    let mut index = StoryIndex::new();
    index.insert("r", "s1", member("a", "Alibaba shares fall 5%", 0));
    index.insert("r", "s2", member("a", "Alibaba shares fall 5%", 0));
    assert_eq!(index.len(), 1);
    let found = index.find("r", &member("b", "Alibaba shares fall 5%", 0), 0.5);
    assert_eq!(found.map(|m| m.story), Some("s2".to_string()));
}

#[test]
fn buckets_keep_only_the_newest_members() {
    let mut index = StoryIndex::new();
    for i in 0..(BUCKET_CAP as i64 * 3) {
        index.insert(
            "r",
            &format!("s{i}"),
            member(&format!("k{i}"), "Alibaba shares fall", 0),
        );
    }
    let rule = &index.rules["r"];
    assert!(rule.buckets.values().all(|b| b.len() <= BUCKET_CAP));
    let newest = u32::try_from(BUCKET_CAP * 3 - 1).expect("small");
    assert!(rule.buckets.values().all(|b| b.last() == Some(&newest)));
    let found = index
        .find("r", &member("x", "Alibaba shares fall", 0), 0.5)
        .expect("a match");
    let n: usize = found.story[1..].parse().expect("numbered story");
    assert!(n >= BUCKET_CAP * 2, "matched a recent member, got {n}");
}

#[test]
fn an_emptied_story_is_forgotten_and_its_id_reused() {
    let mut index = StoryIndex::new();
    index.insert("r", "s1", member("a", "Alibaba shares fall 5%", 0));
    index.insert("r", "s0", member("z", "Tencent profit jumps on games", 0));
    assert!(index.remove("r", "a"));
    index.insert("r", "s2", member("b", "Alibaba shares fall 5%", 1));
    let found = index.find("r", &member("c", "Alibaba shares drop 5%", 2), 0.2);
    assert_eq!(found.map(|m| m.story), Some("s2".to_string()));
    let rule = &index.rules["r"];
    assert_eq!(rule.story_ids.len(), 2);
    assert!(!rule.story_ids.contains_key("s1"));
}

#[test]
fn removed_slots_leave_no_trace_in_buckets() {
    let mut index = StoryIndex::new();
    index.insert("r", "s1", member("a", "Alibaba shares fall 5%", 0));
    index.insert("r", "s2", member("b", "Tencent profit jumps", 0));
    assert!(index.remove("r", "a"));
    let rule = &index.rules["r"];
    let b = rule.by_key["b"];
    assert!(rule.buckets.values().flatten().all(|&s| s == b));
    assert!(rule.frequencies.current.counts.values().all(|&n| n == 1));
}
