//! The SQLite side of stories: recording a poll's story decisions inside its transaction,
//! collecting a joining item into the story's pending follow-up, and the reads behind
//! `newswatch stories`, "possibly related" and the similarity index rebuilt at start.
//!
//! A story belongs to one channel, and its rules are its items' rules on that channel, kept
//! space-separated (rule names have no spaces). A follow-up is one outbox entry per (story,
//! channel, period), due when the period ends. Items joining before then are added to that
//! entry's JSON, so thirty outlets in an hour make one message; once the entry has been tried,
//! later items open the next period's entry.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Row, Sqlite};

use crate::alert::update::merged_rules;
use crate::alert::{StoryItem, StoryLead, StoryUpdate, alert_id_of};
use crate::feed::Item;
use crate::store::{
    FollowUp, StoreError, StoredMember, StoryDecision, StoryMemberSummary, StoryRole, StorySummary,
};

/// Records `decision` for the new, alertable `item`. Returns `false` when the item leads the
/// story, either as decided or because the story it was to join is not in the store (pruned,
/// or decided against a stale index): its alert on the channel must then be queued.
pub(super) async fn record(
    tx: &mut sqlx::SqliteConnection,
    item: &Item,
    decision: &StoryDecision,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now_s = now.timestamp();
    let rules = decision.rules.join(" ");
    let lead = match &decision.role {
        StoryRole::Lead { article, .. } => Some(article.clone()),
        StoryRole::Join { .. } => {
            let exists: bool = sqlx::query_scalar("SELECT count(*) > 0 FROM stories WHERE id = ?")
                .bind(&decision.story)
                .fetch_one(&mut *tx)
                .await?;
            (!exists).then(|| crate::alert::article_key(item))
        }
    };
    if let Some(article) = &lead {
        sqlx::query(
            "INSERT OR IGNORE INTO stories (id, channel, rule, rules, article, title, link, \
             source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&decision.story)
        .bind(&decision.channel)
        .bind(decision.rules.first())
        .bind(&rules)
        .bind(article)
        .bind(&item.title)
        .bind(&item.link)
        .bind(&decision.source)
        .bind(now_s)
        .bind(now_s)
        .execute(&mut *tx)
        .await?;
    }
    let similarity = match (&decision.role, &lead) {
        (StoryRole::Join { similarity, .. }, None) => Some(*similarity),
        _ => None,
    };
    sqlx::query(
        "INSERT OR IGNORE INTO story_members (channel, rules, feed, entry_id, story, title, \
         summary, link, canonical_link, source, concepts, similarity, joined_at, published_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&decision.channel)
    .bind(&rules)
    .bind(&item.feed)
    .bind(&item.entry_id)
    .bind(&decision.story)
    .bind(&item.title)
    .bind(&item.summary)
    .bind(&item.link)
    .bind(&item.canonical_link)
    .bind(&decision.source)
    .bind(decision.concepts.join(" "))
    .bind(similarity)
    .bind(now_s)
    .bind(item.published.or(item.updated).map(|t| t.timestamp()))
    .execute(&mut *tx)
    .await?;
    let (
        StoryRole::Join {
            similarity,
            follow_up,
        },
        None,
    ) = (&decision.role, &lead)
    else {
        return Ok(lead.is_none());
    };
    // The same article through another feed (an aggregator's copy) is no news: it stays a
    // member but is not announced.
    let known_article: bool = match &item.canonical_link {
        None => false,
        Some(link) => {
            sqlx::query_scalar(
                "SELECT count(*) > 0 FROM story_members WHERE story = ? AND canonical_link = ? \
                 AND NOT (feed = ? AND entry_id = ?)",
            )
            .bind(&decision.story)
            .bind(link)
            .bind(&item.feed)
            .bind(&item.entry_id)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    if known_article {
        return Ok(true);
    }
    let story_rules = merge_rules(tx, &decision.story, &decision.rules).await?;
    sqlx::query("UPDATE stories SET updated_at = ?, rules = ? WHERE id = ?")
        .bind(now_s)
        .bind(story_rules.join(" "))
        .bind(&decision.story)
        .execute(&mut *tx)
        .await?;
    let joined = StoryItem {
        id: item.entry_id.clone(),
        title: item.title.clone(),
        link: item.link.clone(),
        feed: item.feed.clone(),
        source: decision.source.clone(),
        published: item.published.or(item.updated),
        similarity: *similarity,
    };
    if let Some(follow_up) = follow_up {
        add_to_update(tx, decision, follow_up, &story_rules, &joined, now).await?;
    }
    Ok(true)
}

/// The story's rules with `rules` added at the end, those it lacked.
async fn merge_rules(
    tx: &mut sqlx::SqliteConnection,
    story: &str,
    rules: &[String],
) -> Result<Vec<String>, StoreError> {
    let stored: String = sqlx::query_scalar("SELECT rules FROM stories WHERE id = ?")
        .bind(story)
        .fetch_one(&mut *tx)
        .await?;
    Ok(merged_rules(&split_rules(&stored), rules))
}

/// Puts `joined` into the story's follow-up on the decision's channel: the pending entry of
/// its slot ([`FollowUp::slot`]), or a new one. `story_rules` are the story's rules,
/// `joined`'s included.
async fn add_to_update(
    tx: &mut sqlx::SqliteConnection,
    decision: &StoryDecision,
    target: &FollowUp,
    story_rules: &[String],
    joined: &StoryItem,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let channel = decision.channel.as_str();
    let story =
        sqlx::query("SELECT article, title, link, source, created_at FROM stories WHERE id = ?")
            .bind(&decision.story)
            .fetch_one(&mut *tx)
            .await?;
    let created_at = timestamp(story.try_get("created_at")?);
    let slot = target.slot(created_at, now);
    let id = StoryUpdate::id_for(&decision.story, channel, slot.slot);
    let existing = sqlx::query("SELECT body, state, attempts FROM outbox WHERE id = ?")
        .bind(&id)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some(row) = existing {
        let appendable = row.try_get::<String, _>("state")? == "pending"
            && row.try_get::<i64, _>("attempts")? == 0;
        if !appendable {
            // Being sent (or sent) already although its period has not ended: the clock went
            // back. The item stays a member, shown by `stories`; it is not mentioned twice.
            tracing::warn!(story = %decision.story, channel = %channel, "story follow-up already sent; item not added to it");
            return Ok(());
        }
        let mut update: StoryUpdate = serde_json::from_str(&row.try_get::<String, _>("body")?)?;
        if update.add(joined, story_rules, target.severity) {
            sqlx::query("UPDATE outbox SET body = ? WHERE id = ?")
                .bind(serde_json::to_string(&update)?)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
        return Ok(());
    }
    let article: String = story.try_get("article")?;
    let first = StoryLead {
        alert_id: alert_id_of(&article, channel),
        title: story.try_get("title")?,
        link: story.try_get("link")?,
        source: story.try_get("source")?,
    };
    let sources = sources_of(tx, &decision.story).await?;
    let update = StoryUpdate::open(
        &decision.story,
        channel,
        slot.slot,
        story_rules,
        target.severity,
        first,
        joined.clone(),
        sources,
        now,
    );
    sqlx::query(
        "INSERT INTO outbox (id, channel, rule, feed, entry_id, body, state, created_at, \
         next_attempt_at, digest, hold, story) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(channel)
    .bind(&update.rule)
    .bind(&joined.feed)
    .bind(&joined.id)
    .bind(serde_json::to_string(&update)?)
    .bind(now.timestamp())
    .bind(slot.due_at.timestamp())
    .bind(
        slot.digest
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    )
    .bind(slot.hold)
    .bind(&decision.story)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The story's outlets in order of arrival, each once.
async fn sources_of(
    tx: &mut sqlx::SqliteConnection,
    story: &str,
) -> Result<Vec<String>, StoreError> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT source FROM story_members WHERE story = ? ORDER BY joined_at, rowid",
    )
    .bind(story)
    .fetch_all(&mut *tx)
    .await?;
    Ok(distinct(rows))
}

/// `items` without repeats, in order of first appearance (a story has a few dozen outlets at
/// most, so a linear search is fine).
fn distinct(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Members that joined since `since`, oldest first. Those without a channel, written when
/// stories were per rule, cannot be placed in a channel's scope and are left out.
pub(super) async fn members_since(
    conn: &mut sqlx::SqliteConnection,
    since: DateTime<Utc>,
) -> Result<Vec<StoredMember>, StoreError> {
    let rows = sqlx::query(
        "SELECT channel, story, feed, entry_id, title, summary, canonical_link, concepts, \
         joined_at, published_at FROM story_members WHERE joined_at >= ? \
         AND channel IS NOT NULL ORDER BY joined_at, rowid",
    )
    .bind(since.timestamp())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredMember {
                channel: row.try_get("channel")?,
                story: row.try_get("story")?,
                feed: row.try_get("feed")?,
                entry_id: row.try_get("entry_id")?,
                title: row.try_get("title")?,
                summary: row.try_get("summary")?,
                canonical_link: row.try_get("canonical_link")?,
                concepts: row
                    .try_get::<String, _>("concepts")?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                joined_at: timestamp(row.try_get("joined_at")?),
                published_at: row
                    .try_get::<Option<i64>, _>("published_at")?
                    .map(timestamp),
            })
        })
        .collect()
}

/// The first item of each story of `ids` that has a channel, and its alert there.
pub(super) async fn leads(
    conn: &mut sqlx::SqliteConnection,
    ids: &[String],
) -> Result<HashMap<String, StoryLead>, StoreError> {
    let mut leads = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let mut select = QueryBuilder::<Sqlite>::new(
            "SELECT id, channel, article, title, link, source FROM stories \
             WHERE channel IS NOT NULL AND id IN (",
        );
        let mut list = select.separated(", ");
        for id in chunk {
            list.push_bind(id.as_str());
        }
        select.push(")");
        for row in select.build().fetch_all(&mut *conn).await? {
            let channel: String = row.try_get("channel")?;
            let article: String = row.try_get("article")?;
            leads.insert(
                row.try_get("id")?,
                StoryLead {
                    alert_id: alert_id_of(&article, &channel),
                    title: row.try_get("title")?,
                    link: row.try_get("link")?,
                    source: row.try_get("source")?,
                },
            );
        }
    }
    Ok(leads)
}

pub(super) async fn summaries(
    conn: &mut sqlx::SqliteConnection,
    since: DateTime<Utc>,
    rule: Option<&str>,
    channel: Option<&str>,
) -> Result<Vec<StorySummary>, StoreError> {
    let stories = sqlx::query(
        "SELECT id, channel, rule, rules, title, link, created_at, updated_at FROM stories \
         WHERE updated_at >= ? \
         AND (? IS NULL OR instr(' ' || rules || ' ', ' ' || ? || ' ') > 0) \
         AND (? IS NULL OR channel = ?) ORDER BY updated_at DESC, id",
    )
    .bind(since.timestamp())
    .bind(rule)
    .bind(rule)
    .bind(channel)
    .bind(channel)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(stories.len());
    for story in stories {
        let id: String = story.try_get("id")?;
        let members = sqlx::query(
            "SELECT feed, entry_id, title, link, source, rules, similarity, joined_at \
             FROM story_members WHERE story = ? ORDER BY joined_at, rowid",
        )
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
        let members = members
            .iter()
            .map(|m| {
                Ok(StoryMemberSummary {
                    feed: m.try_get("feed")?,
                    entry_id: m.try_get("entry_id")?,
                    title: m.try_get("title")?,
                    link: m.try_get("link")?,
                    source: m.try_get("source")?,
                    rules: split_rules(&m.try_get::<String, _>("rules")?),
                    similarity: m.try_get("similarity")?,
                    joined_at: timestamp(m.try_get("joined_at")?),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let sources = distinct(members.iter().map(|m| m.source.clone()));
        out.push(StorySummary {
            id,
            channel: story.try_get("channel")?,
            rule: story.try_get("rule")?,
            rules: split_rules(&story.try_get::<String, _>("rules")?),
            title: story.try_get("title")?,
            link: story.try_get("link")?,
            created_at: timestamp(story.try_get("created_at")?),
            updated_at: timestamp(story.try_get("updated_at")?),
            sources,
            members,
        });
    }
    Ok(out)
}

/// Forgets story members older than `cutoff`, and stories left without members.
pub(super) async fn prune(
    conn: &mut sqlx::SqliteConnection,
    cutoff: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM story_members WHERE joined_at < ?")
        .bind(cutoff.timestamp())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM stories WHERE updated_at < ? \
         AND NOT EXISTS (SELECT 1 FROM story_members WHERE story = stories.id)",
    )
    .bind(cutoff.timestamp())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn split_rules(rules: &str) -> Vec<String> {
    rules.split_whitespace().map(str::to_string).collect()
}

fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use sqlx::Connection;

    use super::*;

    /// The migrations from before stories were per channel, in order.
    const BEFORE_CHANNELS: [&str; 9] = [
        include_str!("../../../migrations/0001_init.sql"),
        include_str!("../../../migrations/0002_matches.sql"),
        include_str!("../../../migrations/0003_outbox.sql"),
        include_str!("../../../migrations/0004_digest.sql"),
        include_str!("../../../migrations/0005_feed_entries.sql"),
        include_str!("../../../migrations/0006_health.sql"),
        include_str!("../../../migrations/0007_stories.sql"),
        include_str!("../../../migrations/0008_outbox_claim_order.sql"),
        include_str!("../../../migrations/0009_feed_last_new.sql"),
    ];

    #[tokio::test]
    async fn a_story_from_before_channels_is_listed_but_not_restored() {
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .expect("database");
        for migration in BEFORE_CHANNELS {
            sqlx::raw_sql(migration)
                .execute(&mut conn)
                .await
                .expect("old migration");
        }
        let at = 1_800_000_000i64;
        sqlx::raw_sql(
            "INSERT INTO stories VALUES ('story-old', 'alibaba-pla', 'https://r.example/1', \
             'Memo names Alibaba', 'https://r.example/1', 'Reuters', 1800000000, 1800000060); \
             INSERT INTO story_members VALUES \
             ('alibaba-pla', 'wire', 'r1', 'story-old', 'Memo names Alibaba', '', \
              'https://r.example/1', 'https://r.example/1', 'Reuters', '', NULL, 1800000000, NULL), \
             ('alibaba-pla', 'agg', 's1', 'story-old', 'Alibaba named in memo', '', \
              'https://s.example/1', 'https://s.example/1', 'SCMP', '', 0.5, 1800000060, NULL);",
        )
        .execute(&mut conn)
        .await
        .expect("old rows");
        sqlx::raw_sql(include_str!(
            "../../../migrations/0010_stories_per_channel.sql"
        ))
        .execute(&mut conn)
        .await
        .expect("migration");

        let since = timestamp(at - 60);
        assert!(
            members_since(&mut conn, since)
                .await
                .expect("members")
                .is_empty(),
            "no channel to place them in"
        );
        let listed = summaries(&mut conn, since, Some("alibaba-pla"), None)
            .await
            .expect("stories");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].channel, None);
        assert_eq!(listed[0].rules, ["alibaba-pla"]);
        let members: Vec<(&str, &[String])> = listed[0]
            .members
            .iter()
            .map(|m| (m.source.as_str(), m.rules.as_slice()))
            .collect();
        assert_eq!(
            members,
            [
                ("Reuters", &["alibaba-pla".to_string()][..]),
                ("SCMP", &["alibaba-pla".to_string()][..])
            ]
        );
        assert!(
            summaries(&mut conn, since, None, Some("desk"))
                .await
                .expect("stories")
                .is_empty()
        );
        assert!(
            leads(&mut conn, &["story-old".to_string()])
                .await
                .expect("leads")
                .is_empty()
        );
    }
}
