//! The SQLite side of stories: recording a poll's story decisions inside its transaction,
//! collecting a joining item into the story's pending follow-up, and the reads behind
//! `newswatch stories` and the similarity index rebuilt at start.
//!
//! A follow-up is one outbox entry per (story, channel, period), due when the period ends.
//! Items joining before then are added to that entry's JSON, so thirty outlets in an hour make
//! one message; once the entry has been tried, later items open the next period's entry.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{
    StoreError, StoredMember, StoryDecision, StoryMemberSummary, StoryRole, StorySummary,
    UpdateTarget,
};
use crate::alert::{STORY_UPDATE_TYPE, StoryItem, StoryLead, StoryUpdate, alert_id_of, digest_due};
use crate::feed::Item;

/// Records `decision` for the new, alertable `item`. Returns `false` when the item leads the
/// story, either as decided or because the story it was to join is not in the store (pruned,
/// or decided against a stale index): its alerts must then be queued.
pub(super) async fn record(
    tx: &mut sqlx::SqliteConnection,
    item: &Item,
    decision: &StoryDecision,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let now_s = now.timestamp();
    let lead = match &decision.role {
        StoryRole::Lead { article } => Some(article.clone()),
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
            "INSERT OR IGNORE INTO stories (id, rule, article, title, link, source, created_at, \
             updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&decision.story)
        .bind(&decision.rule)
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
        "INSERT OR IGNORE INTO story_members (rule, feed, entry_id, story, title, summary, link, \
         canonical_link, source, concepts, similarity, joined_at, published_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&decision.rule)
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
            updates,
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
    sqlx::query("UPDATE stories SET updated_at = ? WHERE id = ?")
        .bind(now_s)
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
    for target in updates {
        add_to_update(tx, decision, target, &joined, now).await?;
    }
    Ok(true)
}

/// Puts `joined` into the story's follow-up for `target`'s channel: the pending entry of the
/// current period, or a new one.
async fn add_to_update(
    tx: &mut sqlx::SqliteConnection,
    decision: &StoryDecision,
    target: &UpdateTarget,
    joined: &StoryItem,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let story =
        sqlx::query("SELECT article, title, link, source, created_at FROM stories WHERE id = ?")
            .bind(&decision.story)
            .fetch_one(&mut *tx)
            .await?;
    let created_at: i64 = story.try_get("created_at")?;
    let period = i64::try_from(target.period.as_secs())
        .unwrap_or(i64::MAX)
        .max(1);
    // The end of the period `now` is in, counted from the story's start: the first follow-up
    // goes a whole period after the alert, gathering the first wave of outlets.
    let mut due = created_at + ((now.timestamp() - created_at).div_euclid(period) + 1) * period;
    if let Some(digest) = target.digest {
        due = due.max(digest_due(now, digest).timestamp());
    }
    let id = StoryUpdate::id_for(&decision.story, &target.channel, due);
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
            tracing::warn!(story = %decision.story, channel = %target.channel, "story follow-up already sent; item not added to it");
            return Ok(());
        }
        let mut update: StoryUpdate = serde_json::from_str(&row.try_get::<String, _>("body")?)?;
        if update
            .items
            .iter()
            .any(|i| i.id == joined.id && i.feed == joined.feed)
        {
            return Ok(());
        }
        update.items.push(joined.clone());
        if !update.sources.contains(&joined.source) {
            update.sources.push(joined.source.clone());
        }
        sqlx::query("UPDATE outbox SET body = ? WHERE id = ?")
            .bind(serde_json::to_string(&update)?)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        return Ok(());
    }
    let article: String = story.try_get("article")?;
    let update = StoryUpdate {
        kind: STORY_UPDATE_TYPE.to_string(),
        id: id.clone(),
        story: decision.story.clone(),
        rule: decision.rule.clone(),
        severity: target.severity,
        created_at: now,
        first: StoryLead {
            alert_id: alert_id_of(&decision.rule, &article, &target.channel),
            title: story.try_get("title")?,
            link: story.try_get("link")?,
            source: story.try_get("source")?,
        },
        items: vec![joined.clone()],
        sources: sources_of(tx, &decision.story).await?,
    };
    let due_at = DateTime::from_timestamp(due, 0).unwrap_or(now);
    let released = match target.quiet {
        Some(quiet) if target.severity < crate::config::Severity::Critical => quiet.release(due_at),
        _ => due_at,
    };
    let hold = match target.quiet {
        Some(quiet) if released != due_at => format!("quiet hours {quiet}"),
        _ => String::new(),
    };
    // A follow-up waiting for a digest or quiet hours joins the digest queue; otherwise it
    // is sent on its own when its period ends.
    let digest = match (target.digest, hold.is_empty()) {
        (Some(digest), _) => i64::try_from(digest.as_secs()).unwrap_or(i64::MAX),
        (None, false) => period,
        (None, true) => 0,
    };
    sqlx::query(
        "INSERT INTO outbox (id, channel, rule, feed, entry_id, body, state, created_at, \
         next_attempt_at, digest, hold, story) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&target.channel)
    .bind(&decision.rule)
    .bind(&joined.feed)
    .bind(&joined.id)
    .bind(serde_json::to_string(&update)?)
    .bind(now.timestamp())
    .bind(released.timestamp())
    .bind(digest)
    .bind(hold)
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

pub(super) async fn members_since(
    conn: &mut sqlx::SqliteConnection,
    since: DateTime<Utc>,
) -> Result<Vec<StoredMember>, StoreError> {
    let rows = sqlx::query(
        "SELECT rule, story, feed, entry_id, title, summary, canonical_link, concepts, joined_at, \
         published_at FROM story_members WHERE joined_at >= ? ORDER BY joined_at, rowid",
    )
    .bind(since.timestamp())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredMember {
                rule: row.try_get("rule")?,
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

pub(super) async fn summaries(
    conn: &mut sqlx::SqliteConnection,
    since: DateTime<Utc>,
    rule: Option<&str>,
) -> Result<Vec<StorySummary>, StoreError> {
    let stories = sqlx::query(
        "SELECT id, rule, title, link, created_at, updated_at FROM stories \
         WHERE updated_at >= ? AND (? IS NULL OR rule = ?) ORDER BY updated_at DESC, id",
    )
    .bind(since.timestamp())
    .bind(rule)
    .bind(rule)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(stories.len());
    for story in stories {
        let id: String = story.try_get("id")?;
        let members = sqlx::query(
            "SELECT feed, entry_id, title, link, source, similarity, joined_at FROM story_members \
             WHERE story = ? ORDER BY joined_at, rowid",
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
                    similarity: m.try_get("similarity")?,
                    joined_at: timestamp(m.try_get("joined_at")?),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let sources = distinct(members.iter().map(|m| m.source.clone()));
        out.push(StorySummary {
            id,
            rule: story.try_get("rule")?,
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

fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}
