//! The PostgreSQL side of stories: recording a poll's story decisions inside its transaction,
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
use sqlx::Row;

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
    tx: &mut sqlx::PgConnection,
    item: &Item,
    decision: &StoryDecision,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now_s = now.timestamp();
    let rules = decision.rules.join(" ");
    let lead = match &decision.role {
        StoryRole::Lead { article, .. } => Some(article.clone()),
        StoryRole::Join { .. } => {
            let exists: bool = sqlx::query_scalar("SELECT count(*) > 0 FROM stories WHERE id = $1")
                .bind(&decision.story)
                .fetch_one(&mut *tx)
                .await?;
            (!exists).then(|| crate::alert::article_key(item))
        }
    };
    if let Some(article) = &lead {
        sqlx::query(
            "INSERT INTO stories (id, channel, rule, rules, article, title, link, source, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT DO NOTHING",
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
        "INSERT INTO story_members (channel, rules, feed, entry_id, story, title, summary, \
         link, canonical_link, source, concepts, similarity, joined_at, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         ON CONFLICT DO NOTHING",
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
    let known_article: bool =
        match &item.canonical_link {
            None => false,
            Some(link) => sqlx::query_scalar(
                "SELECT count(*) > 0 FROM story_members WHERE story = $1 AND canonical_link = $2 \
                 AND NOT (feed = $3 AND entry_id = $4)",
            )
            .bind(&decision.story)
            .bind(link)
            .bind(&item.feed)
            .bind(&item.entry_id)
            .fetch_one(&mut *tx)
            .await?,
        };
    if known_article {
        return Ok(true);
    }
    let story_rules = merge_rules(tx, &decision.story, &decision.rules).await?;
    sqlx::query("UPDATE stories SET updated_at = $1, rules = $2 WHERE id = $3")
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
    tx: &mut sqlx::PgConnection,
    story: &str,
    rules: &[String],
) -> Result<Vec<String>, StoreError> {
    // Locked until the poll commits: another node's join of this story waits here instead
    // of merging into rules this one is about to overwrite.
    let stored: String = sqlx::query_scalar("SELECT rules FROM stories WHERE id = $1 FOR UPDATE")
        .bind(story)
        .fetch_one(&mut *tx)
        .await?;
    Ok(merged_rules(&split_rules(&stored), rules))
}

/// Puts `joined` into the story's follow-up on the decision's channel: the pending entry of
/// its slot ([`FollowUp::slot`]), or a new one. `story_rules` are the story's rules,
/// `joined`'s included.
async fn add_to_update(
    tx: &mut sqlx::PgConnection,
    decision: &StoryDecision,
    target: &FollowUp,
    story_rules: &[String],
    joined: &StoryItem,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let channel = decision.channel.as_str();
    let story =
        sqlx::query("SELECT article, title, link, source, created_at FROM stories WHERE id = $1")
            .bind(&decision.story)
            .fetch_one(&mut *tx)
            .await?;
    let created_at = timestamp(story.try_get("created_at")?);
    let slot = target.slot(created_at, now);
    let id = StoryUpdate::id_for(&decision.story, channel, slot.slot);
    let existing = sqlx::query("SELECT body, state, attempts FROM outbox WHERE id = $1 FOR UPDATE")
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
            sqlx::query("UPDATE outbox SET body = $1 WHERE id = $2")
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
         next_attempt_at, digest, hold, story) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10, $11)",
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
async fn sources_of(tx: &mut sqlx::PgConnection, story: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT source FROM story_members WHERE story = $1 ORDER BY joined_at, seq",
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
    conn: &mut sqlx::PgConnection,
    since: DateTime<Utc>,
) -> Result<Vec<StoredMember>, StoreError> {
    let rows = sqlx::query(
        "SELECT channel, story, feed, entry_id, title, summary, canonical_link, concepts, \
         joined_at, published_at FROM story_members WHERE joined_at >= $1 \
         AND channel IS NOT NULL ORDER BY joined_at, seq",
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
    conn: &mut sqlx::PgConnection,
    ids: &[String],
) -> Result<HashMap<String, StoryLead>, StoreError> {
    let mut leads = HashMap::with_capacity(ids.len());
    let rows = sqlx::query(
        "SELECT id, channel, article, title, link, source FROM stories \
         WHERE channel IS NOT NULL AND id = ANY($1)",
    )
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
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
    Ok(leads)
}

pub(super) async fn summaries(
    conn: &mut sqlx::PgConnection,
    since: DateTime<Utc>,
    rule: Option<&str>,
    channel: Option<&str>,
) -> Result<Vec<StorySummary>, StoreError> {
    let stories = sqlx::query(
        "SELECT id, channel, rule, rules, title, link, created_at, updated_at FROM stories \
         WHERE updated_at >= $1 \
         AND ($2 IS NULL OR position(' ' || $3 || ' ' IN ' ' || rules || ' ') > 0) \
         AND ($4 IS NULL OR channel = $5) ORDER BY updated_at DESC, id",
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
             FROM story_members WHERE story = $1 ORDER BY joined_at, seq",
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
    conn: &mut sqlx::PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM story_members WHERE joined_at < $1")
        .bind(cutoff.timestamp())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM stories WHERE updated_at < $1 \
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
