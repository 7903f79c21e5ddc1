//! Durable state, persistence only: feed state, items seen, matches, stories, the outbox and
//! incidents. It records verdicts the layers above made; it decides none.
//!
//! The [`Store`] trait is the contract the daemon relies on (one poll = one transaction),
//! documented below and checked by the contract suite in `tests/common/store_contract`, which
//! every engine runs. [`sqlite`] is the embedded default; [`postgres`] the store several nodes
//! share; [`any`] is either, as the config chooses. Each engine embeds its own migrations.

pub mod any;
pub mod postgres;
pub mod sqlite;
mod writes;

use std::collections::{HashMap, HashSet};
use std::future::Future;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use crate::alert::FollowUp;
use crate::alert::{OutboxAlert, StoryLead};
use crate::feed::Item;
use crate::feed::redact::redact_url;
use crate::feed::rhythm::Rhythm;
use crate::rules::ItemMatch;

pub use any::AnyStore;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// A feed's rhythm from its stored bytes (`None`: none stored yet, the empty rhythm); an
/// unreadable one is logged and learned again. Both engines read it so.
pub(crate) fn stored_rhythm(feed: &str, bytes: Option<Vec<u8>>) -> Rhythm {
    Rhythm::from_bytes(&bytes.unwrap_or_default()).unwrap_or_else(|| {
        tracing::warn!(feed = %feed, "stored rhythm unreadable; the feed learns it again");
        Rhythm::default()
    })
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot encode match evidence: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(
        "{reason}, so newswatch refuses to open it: starting from an empty database would \
         alert every item of every feed's backlog again. To start fresh deliberately, move it \
         away (mv {path} {path}.damaged) and run again; to keep its history, restore it from a \
         backup"
    )]
    /// The file at `path` exists but is not a whole newswatch database.
    Damaged { path: String, reason: String },
    // The cause is the `source`, printed after the message by an error report.
    #[error(
        "cannot read the state database {path}; newswatch must read and write it (check its \
         owner and permissions)"
    )]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    // The cause is the `source`, printed after the message by an error report.
    #[error("cannot read the {what} of stored item {entry_id} of feed {feed}")]
    /// A value the store wrote that does not read back as written.
    Decode {
        what: &'static str,
        feed: String,
        entry_id: String,
        #[source]
        source: serde_json::Error,
    },
    /// An error of SQLite's C API, where the store calls it directly.
    #[error("SQLite error {code}: {message}")]
    Sqlite { code: i32, message: String },
    #[error(
        "the {engine} database {place} has schema version {found}, newer than this newswatch \
         knows (version {known}): a newer newswatch has migrated it, and this one would misread \
         it. Run the newer version (every node sharing the database must be upgraded), or \
         restore the database from a backup made before the upgrade"
    )]
    /// The database was migrated by a newer newswatch.
    SchemaTooNew {
        engine: &'static str,
        place: String,
        found: i64,
        known: i64,
    },
    /// The poll's claim on its feed ran out and another claim was made since: its result is
    /// stale and was not written.
    #[error(
        "the poll of feed {feed} was not recorded: its claim (generation {generation}) ran out \
         and the feed was claimed again since, by this or another node, so this result is stale"
    )]
    ClaimLost { feed: String, generation: i64 },
    #[error("the last {failures} polls failed to record, the latest with: {last}")]
    WritesFailing { failures: u32, last: String },
    // The cause is the `source`, which an error report prints after the message, once.
    #[error("cannot create the state folder {path}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Refuses a database whose newest applied migration, `applied` (`None`: not migrated yet), is
/// newer than any `migrator` has: sqlx would say only that a migration is missing.
fn refuse_newer_schema(
    applied: Option<i64>,
    migrator: &sqlx::migrate::Migrator,
    engine: &'static str,
    place: &str,
) -> Result<(), StoreError> {
    let known = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    match applied {
        Some(found) if found > known => Err(StoreError::SchemaTooNew {
            engine,
            place: place.to_string(),
            found,
            known,
        }),
        _ => Ok(()),
    }
}

/// A migration error, where sqlx found an applied migration it does not have (a newer
/// newswatch migrating meanwhile), as [`StoreError::SchemaTooNew`].
fn migration_error(
    error: sqlx::migrate::MigrateError,
    migrator: &sqlx::migrate::Migrator,
    engine: &'static str,
    place: &str,
) -> StoreError {
    match error {
        sqlx::migrate::MigrateError::VersionMissing(found) => {
            refuse_newer_schema(Some(found), migrator, engine, place)
                .err()
                .unwrap_or(StoreError::Migrate(error))
        }
        other => StoreError::Migrate(other),
    }
}

/// Everything remembered about one feed between polls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedState {
    pub name: String,
    /// The URL in the config when this state was written, its credentials redacted
    /// ([`crate::feed::redact`]); a different one in the config means the user changed the
    /// feed, which resets redirects and a "gone" mark. A new password or token alone does not.
    pub config_url: String,
    /// The URL to poll, as shown: the config's (redacted; the poller requests the config's own
    /// text then), or where a permanent redirect pointed (never one with credentials).
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub consecutive_failures: u32,
    pub next_poll_at: DateTime<Utc>,
    /// The server answered 410: not polled again until the config's URL changes.
    pub gone: bool,
    /// Entries in the last document parsed.
    pub last_entries: Option<u32>,
    /// Whether any document of this feed ever held an entry.
    pub had_entries: bool,
    /// The first failed poll since the last success, while the feed fails.
    pub failing_since: Option<DateTime<Utc>>,
    /// What the feed's publications taught the schedule, to store with this state; `None`
    /// keeps the stored one. [`Store::feed_state`] reads it (`None` when none is stored); the
    /// reads of every feed leave it `None`: it is 700 bytes a feed that only a poll and
    /// `status` need ([`Store::feed_rhythm`] reads it alone).
    #[serde(skip)]
    pub rhythm: Option<Rhythm>,
    /// The generation of the claim this state was read under ([`Store::claim_feed`]): writing
    /// it back is refused ([`StoreError::ClaimLost`]) once a newer claim of the feed exists.
    /// `None` for a state read without a claim, which is written unconditionally.
    #[serde(skip)]
    pub claim: Option<i64>,
}

impl FeedState {
    /// The state of a feed never polled: due at once.
    pub fn new(name: &str, url: &str) -> FeedState {
        let shown = redact_url(url);
        FeedState {
            name: name.to_string(),
            config_url: shown.clone(),
            url: shown,
            etag: None,
            last_modified: None,
            last_status: None,
            last_error: None,
            last_attempt_at: None,
            last_success_at: None,
            consecutive_failures: 0,
            next_poll_at: DateTime::<Utc>::UNIX_EPOCH,
            gone: false,
            last_entries: None,
            had_entries: false,
            failing_since: None,
            rhythm: None,
            claim: None,
        }
    }

    /// Whether this state was written for the configured URL `config_url`.
    pub fn describes(&self, config_url: &str) -> bool {
        self.config_url == redact_url(config_url)
    }

    /// Parsed with no entries although earlier documents had some.
    pub fn is_suspicious(&self) -> bool {
        self.had_entries && self.last_entries == Some(0)
    }

    pub fn health(&self) -> Health {
        if self.gone {
            Health::Gone
        } else if self.consecutive_failures > 0 {
            Health::Failing
        } else if self.is_suspicious() {
            Health::Suspicious
        } else if self.last_success_at.is_some() {
            Health::Ok
        } else {
            Health::New
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    New,
    Ok,
    Failing,
    /// Parses, but with zero entries after having had some.
    Suspicious,
    Gone,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::New => "new",
            Health::Ok => "ok",
            Health::Failing => "failing",
            Health::Suspicious => "suspicious",
            Health::Gone => "gone",
        }
    }
}

/// An item from a poll, with the daemon's verdict on whether it may alert if it is new, and
/// the rules it matched (stored only if the item is new).
#[derive(Debug, Clone, Copy)]
pub struct PolledItem<'a> {
    pub item: &'a Item,
    pub alertable: bool,
    pub matches: &'a [ItemMatch],
    /// Alerts its matches cause, one per channel; queued only if the item is new and
    /// alertable.
    pub alerts: &'a [OutboxAlert],
    /// Which story it opens or joins on each channel that decides one; recorded only if the
    /// item is new and alertable. A channel on which it joins a story queues no alert for it.
    pub stories: &'a [StoryDecision],
}

/// Clustering's verdict on one (item, channel).
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDecision {
    pub channel: String,
    /// The item's matched rules that notify the channel, the primary first.
    pub rules: Vec<String>,
    pub story: String,
    /// The item's outlet (`Reuters`), for "+4 outlets: ...".
    pub source: String,
    /// Entity names it mentions, kept to rebuild the similarity index after a restart.
    pub concepts: Vec<String>,
    pub role: StoryRole,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StoryRole {
    /// It opens the story (`article` is its article key, from which the alert id derives);
    /// its alert goes out as usual. `near` is the closest story that it did not join, named
    /// in the alert as possibly related.
    Lead {
        article: String,
        near: Option<NearStory>,
    },
    /// It joins an existing story at this similarity; the channel gets a follow-up (if its
    /// rules send any) instead of an alert.
    Join {
        similarity: f64,
        follow_up: Option<FollowUp>,
    },
}

/// A story an item came close to without joining it.
#[derive(Debug, Clone, PartialEq)]
pub struct NearStory {
    pub story: String,
    pub similarity: f64,
}

/// A story member as stored, to rebuild the similarity index.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMember {
    /// The channel whose scope the story is in.
    pub channel: String,
    pub story: String,
    pub feed: String,
    pub entry_id: String,
    pub title: String,
    pub summary: String,
    pub canonical_link: Option<String>,
    pub concepts: Vec<String>,
    pub joined_at: DateTime<Utc>,
    /// The item's own date (published, else updated), if it had one.
    pub published_at: Option<DateTime<Utc>>,
}

/// One outbox entry as `newswatch alerts` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertRow {
    pub id: String,
    pub channel: String,
    /// The entry's primary rule.
    pub rule: String,
    /// `pending`, `delivered` or `dead`.
    pub state: String,
    /// The entry's JSON: `newswatch.alert.v1`, `newswatch.story_update.v1` or a cap summary.
    pub body: String,
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
    /// When a pending entry is due (for a held one, when its digest, quiet hours or
    /// follow-up period ends).
    pub next_attempt_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    /// Why it waits beyond its digest (quiet hours, a cap), empty when it does not.
    pub hold: String,
    pub digest: bool,
    pub story: Option<String>,
}

/// Which finished outbox entries `replay` puts back.
#[derive(Debug, Clone, Copy)]
pub struct ReplayFilter<'a> {
    /// Delivered entries; otherwise dead ones. Ignored with `alert`, which takes either.
    pub delivered: bool,
    pub channel: Option<&'a str>,
    /// Entries created at or after this.
    pub since: Option<DateTime<Utc>>,
    /// This one entry (an alert id as in `Message-ID` / `webhook-id`).
    pub alert: Option<&'a str>,
}

/// An entry `replay` queued again (or would).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayedEntry {
    pub id: String,
    pub channel: String,
    pub rule: String,
    pub state: String,
    pub created_at: DateTime<Utc>,
}

/// A story for `newswatch stories`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: String,
    /// The channel it was decided on; `None` for a story of an earlier version, which were
    /// per rule.
    pub channel: Option<String>,
    /// The first alert's primary rule.
    pub rule: String,
    /// The rules of its items: the first alert's, then those later items brought.
    pub rules: Vec<String>,
    pub title: String,
    pub link: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Outlets in order of arrival, each once.
    pub sources: Vec<String>,
    /// The lead first.
    pub members: Vec<StoryMemberSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryMemberSummary {
    pub feed: String,
    pub entry_id: String,
    pub title: String,
    pub link: Option<String>,
    pub source: String,
    /// The item's rules on the story's channel.
    pub rules: Vec<String>,
    /// `None` for the lead.
    pub similarity: Option<f64>,
    pub joined_at: DateTime<Utc>,
}

/// The (feed, entry id) identity of a stored item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemKey {
    pub feed: String,
    pub entry_id: String,
}

/// A stored item as [`Store::items_since`] hands it over: the item as its poll matched it, and
/// what the store recorded about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredItem {
    /// Feed, entry id, title, summary, content, authors, categories, link and canonical link
    /// as polled; `published` is the item's published date, else its updated one (the store
    /// keeps one), and `updated` is `None`.
    pub item: Item,
    /// The `now` of the poll that stored it.
    pub first_seen_at: DateTime<Utc>,
    /// [`PolledItem::alertable`] as that poll decided it.
    pub alertable: bool,
    /// Whether its text beyond title and link was kept: `false` for an item stored by a
    /// version that kept only those, whose summary, content, authors and categories read as
    /// empty here without having been empty in its feed.
    pub has_text: bool,
}

/// An item this poll saw for the first time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewItem {
    pub entry_id: String,
    pub alertable: bool,
    /// The item that first carried the same canonical link, in another feed.
    pub duplicate_of: Option<ItemKey>,
    /// Names of the rules it matched.
    pub matched_rules: Vec<String>,
    /// Rules that made no alert for it because it joined an earlier story on every channel
    /// they notify.
    pub joined_stories: Vec<String>,
}

/// What a committed poll changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PollCommit {
    pub new_items: Vec<NewItem>,
    /// Items already known (including ones updated in place, which never count as new).
    pub already_seen: usize,
    /// Alerts put in the outbox (an alert already there, from another feed, is not counted).
    pub alerts_queued: usize,
}

/// An outbox entry claimed for delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub id: String,
    pub channel: String,
    /// The `newswatch.alert.v1` or `newswatch.story_update.v1` JSON.
    pub body: String,
    /// Attempts so far, this one included.
    pub attempts: u32,
    pub created_at: DateTime<Utc>,
    /// Why it was held beyond its digest (quiet hours, a rule's cap), or empty.
    pub hold: String,
}

/// One stretch of one problem of newswatch itself, from its alert to its recovery notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incident {
    /// `feed-failing`, `feed-silent` or `channel-failing`.
    pub kind: String,
    /// The feed or channel.
    pub subject: String,
    pub opened_at: DateTime<Utc>,
    pub detail: String,
}

/// A channel with undelivered alerts that keep failing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelTrouble {
    pub channel: String,
    /// When the oldest such alert was queued.
    pub since: DateTime<Utc>,
    pub last_error: String,
}

/// The two queues of a channel's outbox: alerts sent one by one, and alerts held for a digest
/// (claimed together and sent as one message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    Immediate,
    Digest,
}

/// How a delivery attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub enum DeliveryResult {
    Delivered,
    /// A transient failure: try again at `at`.
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    /// A permanent failure, or a transient one past the give-up age.
    Dead {
        error: String,
    },
}

/// Outbox numbers of one channel, for `status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxCounts {
    pub channel: String,
    pub pending: u64,
    pub delivered: u64,
    pub dead: u64,
    /// Pending entries waiting for their digest period to end (counted in `pending` too).
    pub held: u64,
    /// Story follow-ups waiting for their period to end (counted in `pending` too).
    pub follow_ups: u64,
    /// Pending entries due now: not yet delivered, or being delivered.
    pub due: u64,
    /// Pending entries a worker holds now (claimed, lease not over): being delivered, by this
    /// process or another.
    pub leased: u64,
    pub oldest_pending: Option<DateTime<Utc>>,
}

/// Per-rule numbers for `status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSummary {
    pub rule: String,
    pub matches: u64,
    pub last_match: Option<DateTime<Utc>>,
}

/// Per-feed numbers for `status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedSummary {
    #[serde(flatten)]
    pub state: FeedState,
    pub items_seen: u64,
}

/// The daemon's durable state, and the seam a second storage engine plugs into. What follows
/// is the contract every implementation keeps; `tests/store_contract.rs` checks it, one test
/// per promise, and a new engine runs the same checks by adding one `store_contract_tests!`
/// line there.
///
/// # Transactions
///
/// Every method is atomic: it takes effect whole or not at all, and an error means nothing of
/// it was written. Writes that must survive a crash together are one transaction:
///
/// - [`Store::record_poll`]: the poll's new items, their matches, their story decisions, the
///   alerts and follow-ups they cause, and the feed's new state. A crash or an error leaves
///   the previous poll's state intact and never marks an item seen without the rest of its
///   poll (an item seen but not alerted would never alert).
/// - [`Store::open_incident`] and [`Store::close_incident`]: the incident's change and its
///   notices.
/// - [`Store::claim_due`]: the choice of entries and their leases, so two workers never get
///   the same entry.
/// - [`Store::replay`]: the entries selected and the entries put back are the same ones.
///
/// Reads see committed writes only.
///
/// # Identity and idempotency
///
/// Every write the daemon may repeat (a retried poll, a restart, the same article through two
/// feeds) is harmless when repeated:
///
/// - An item is (feed, entry id). Once stored it is never new again in that feed until
///   [`Store::prune_items`] forgets it; a replayed poll stores nothing new and queues nothing.
///   Within one poll, a repeated entry id is one item: the first copy wins.
/// - An outbox entry is its alert id ([`OutboxAlert::id`]). An alert whose id is already in
///   the outbox, in any state, is not queued again and the entry there is left as it is:
///   the same article from another feed, a replayed poll, a notice queued twice.
/// - An open incident is (kind, subject): opening one while it is open keeps the first.
///
/// # Ordering
///
/// Lists come back in the order each method states; that order is part of the contract
/// (claim order, `status` and `alerts` output, the story index rebuilt at start).
///
/// # Leases
///
/// Outbox entries are handed to workers by [`Store::claim_due`] under a lease; see there and
/// at [`Store::finish_delivery`]. The store does not check who finishes an entry: a worker
/// finishes only what it claimed.
///
/// Feeds are polled under a claim too ([`Store::claim_feed`]), so that processes sharing a
/// store poll each due feed once. Its writes are fenced: a state read under a claim is
/// written back only while no newer claim of the feed exists ([`FeedState::claim`]).
///
/// # Time
///
/// Every time comes from the caller: the `now` arguments, and the times inside the values
/// given ([`FeedState`], [`OutboxAlert::due_at`], [`DeliveryResult::Retry`], [`Incident`]).
/// The store never reads the clock (no `now()` in `store/`, no SQL time function in the
/// migrations), so a test drives it at any date without sleeping. Times are kept to the
/// second: sub-second parts are dropped.
///
/// # What is the caller's job
///
/// The store persists verdicts; it does not make them. The caller decides which items may
/// alert ([`PolledItem::alertable`]: the first-poll backlog and age rules), which rules match,
/// which alerts an item makes and when each is due (digests, quiet hours:
/// [`OutboxAlert::due_at`], [`OutboxAlert::digest`]), which story an item opens or joins, when
/// a delivery is retried or given up ([`DeliveryResult`]), and which incidents to open or
/// close (it reads [`Store::open_incidents`] first). It also polls one feed at a time:
/// [`Store::known_entries`] read before a poll stays true until that poll commits only if no
/// other poll of the feed commits meanwhile.
///
/// Two decisions need data only the transaction sees, so the store calls pure functions of
/// the alert layer with what it reads, and writes what they return; an engine reads and
/// writes, it never re-implements them: rule caps ([`crate::alert::caps::cap_windows`] says
/// which counts to read, [`crate::alert::caps::hold_capped`] decides) and story follow-ups
/// ([`FollowUp::slot`] says when and in which queue, [`crate::alert::StoryUpdate::open`] and
/// [`crate::alert::StoryUpdate::add`] what it holds).
pub trait Store: Send + Sync + 'static {
    /// Makes sure every configured feed (name, URL) has a state row, and returns each feed's
    /// state in the order given. A feed never seen gets [`FeedState::new`] (due at once). A feed
    /// whose configured URL changed gets its state reset the same way (new URL, validators
    /// and failures cleared, no longer gone, due at once); its items stay known by their ids.
    /// URLs are compared without their credentials ([`FeedState::describes`]): a new password
    /// or token alone keeps the state. Feeds left out of `feeds` keep their rows (a feed put
    /// back in the config does not alert its backlog again), and still show in
    /// [`Store::feed_states`]. One transaction.
    fn sync_feeds<'a>(
        &'a self,
        feeds: &'a [(String, String)],
    ) -> impl Future<Output = Result<Vec<FeedState>, StoreError>> + Send + 'a;

    /// Whether the store accepts writes now, for readiness: an error if the latest polls'
    /// transactions with items all failed (the SQLite store counts three in a row), or if a
    /// probe that writes nothing (a write rolled back) is refused. Writes nothing itself.
    fn check_writable(&self) -> impl Future<Output = Result<(), StoreError>> + Send + '_;

    /// The feed's state as last written, or `None` for a feed without a state row.
    fn feed_state<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Future<Output = Result<Option<FeedState>, StoreError>> + Send + 'a;

    /// The feed's publication rhythm as last stored with its state; a feed without one (never
    /// polled, reset by a new URL, or stored in a form this version cannot read) has the empty
    /// rhythm, which the schedule treats as unlearned.
    fn feed_rhythm<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Future<Output = Result<Rhythm, StoreError>> + Send + 'a;

    /// Records a poll that failed or changed nothing: only the feed's state, every field as
    /// given (creating the row if the feed has none; a `rhythm` of `None` keeps the stored
    /// one). Items, and when the feed last brought a new one ([`Store::last_new_items`]), are
    /// left as they are. A state read under a claim is fenced and ends it, as in
    /// [`Store::record_poll`].
    fn record_feed_state<'a>(
        &'a self,
        state: &'a FeedState,
    ) -> impl Future<Output = Result<(), StoreError>> + Send + 'a;

    /// Records a poll that returned items, with the feed's new state (`state.name` is the
    /// feed), in ONE transaction:
    ///
    /// - An item is new if its entry id is not stored for the feed; a repeated id within
    ///   `items` is one item, its first copy. Items already stored (updated ones too) count
    ///   in [`PollCommit::already_seen`], are marked seen at `now` (which keeps
    ///   [`Store::prune_items`] from them) and are otherwise left as first stored.
    /// - New items are stored with their matches and their text (what
    ///   [`Store::items_since`] gives back), alertable or not; [`PollCommit::new_items`]
    ///   lists them in the order of `items`, each with [`NewItem::duplicate_of`] set when an
    ///   item of another feed already stored carried the same canonical link (the first to
    ///   be seen). That mark is for the caller; it suppresses nothing by itself.
    /// - The story decisions of new alertable items are recorded, leads before joins whatever
    ///   their order in `items` (an item may join a story another item of the poll opens). A
    ///   join to a story the store does not have (pruned, or decided on a stale index) is
    ///   recorded as the lead of that story instead. A join adds the item to the story and,
    ///   unless the story already has its canonical link (another feed's copy), merges its
    ///   rules into the story's and, with a [`FollowUp`], adds it to the follow-up entry of
    ///   the current period: one outbox entry per (story, channel, period), created if
    ///   missing, extended until it is first attempted.
    /// - The alerts of new alertable items are queued, except on a channel where the item
    ///   joined a story; each is queued at `now`, due at its `due_at`, in the digest queue if
    ///   it has a `digest` (or if its rules' caps hold it, see above), and not at all if its
    ///   id is already in the outbox. [`PollCommit::alerts_queued`] counts the alerts it
    ///   queued, not follow-ups; [`NewItem::joined_stories`] names the rules that made no
    ///   alert because the item joined a story on every channel they notify. Items that are
    ///   not new or not alertable queue nothing and record no story.
    /// - The feed's state is written as given and, if any item was new, the feed's last new
    ///   item is `now`. A state read under a claim ([`FeedState::claim`]) ends that claim, and
    ///   if the feed was claimed again since, nothing at all is written
    ///   ([`StoreError::ClaimLost`]).
    fn record_poll<'a>(
        &'a self,
        state: &'a FeedState,
        items: &'a [PolledItem<'a>],
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<PollCommit, StoreError>> + Send + 'a;

    /// Claims feed `name` for one poll by `owner` (a process identity, kept for `status`)
    /// until `now + lease` (whole seconds): only if its row says it is due (`next_poll_at <=
    /// now`), not gone, and no other claim of it is running (an earlier claim's lease ended at
    /// or before `now`). Returns its state with [`FeedState::claim`] set to the new claim's
    /// generation, greater than every earlier claim's of the feed; `None` when it is not due,
    /// claimed by another, gone or unknown. Recording the poll ([`Store::record_poll`],
    /// [`Store::record_feed_state`]) with that state ends the claim, and is refused with
    /// [`StoreError::ClaimLost`], writing nothing, once the feed has been claimed again.
    fn claim_feed<'a>(
        &'a self,
        name: &'a str,
        owner: &'a str,
        now: DateTime<Utc>,
        lease: std::time::Duration,
    ) -> impl Future<Output = Result<Option<FeedState>, StoreError>> + Send + 'a;

    /// Extends the claim `generation` of feed `name` to `now + lease`, for a poll that takes
    /// long; `false` (and nothing changed) when the feed has been claimed again since.
    fn renew_feed_claim<'a>(
        &'a self,
        name: &'a str,
        generation: i64,
        now: DateTime<Utc>,
        lease: std::time::Duration,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'a;

    /// Forgets items not seen in their feed since `cutoff` (last seen strictly before it),
    /// with their matches, and story members that joined before `cutoff`, with stories left
    /// without members and not updated since; returns how many items. A forgotten item is new
    /// again if its feed brings it back. Feed states, [`Store::last_new_items`] and the outbox
    /// are kept. One transaction.
    fn prune_items(
        &self,
        cutoff: DateTime<Utc>,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send + '_;

    /// Claims up to `limit` due entries of `channel` from `queue` for `lease`: pending entries
    /// whose `next_attempt_at` and previous lease have both passed (`<= now`), in the order
    /// (next attempt, created, id). Each claimed entry is leased until `now + lease` (whole
    /// seconds) and its attempts grow by one; [`OutboxEntry::attempts`] includes this one. No
    /// other claim (in this or another process) gets it until the lease ends; after that it
    /// is claimed again, an attempt more, as when its worker died. An immediate entry is never
    /// in the digest queue nor the reverse ([`OutboxAlert::digest`] decides). The claim
    /// records `owner`, the claiming process's identity, for [`Store::release_claims`]. One
    /// transaction.
    #[allow(clippy::too_many_arguments)]
    fn claim_due<'a>(
        &'a self,
        channel: &'a str,
        queue: Queue,
        now: DateTime<Utc>,
        lease: std::time::Duration,
        limit: usize,
        owner: &'a str,
    ) -> impl Future<Output = Result<Vec<OutboxEntry>, StoreError>> + Send + 'a;

    /// The owners of the leases running at `now` (pending outbox entries claimed and feeds
    /// claimed for a poll, lease not over), each once, sorted; claims recorded without an
    /// owner are left out.
    fn claim_owners(
        &self,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send + '_;

    /// Ends the running leases of `owner` now, outbox entries' and feeds', so they are
    /// claimable at once (entries with their attempts as they are; a feed's claim generation
    /// stays, so the owner's poll could still not commit); returns how many. For the caller
    /// that knows the owner is gone: deciding that is not the store's business.
    fn release_claims<'a>(
        &'a self,
        owner: &'a str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send + 'a;

    /// Records how the delivery of a claimed entry ended, and ends its lease. `Delivered` and
    /// `Dead` take it out of the queue for good (finished at `now`; `Dead` keeps the error,
    /// `Delivered` clears any earlier one). `Retry` leaves it pending, due at `at` (even if the
    /// lease would have lasted longer), with the error kept for [`Store::troubled_channels`];
    /// attempts are counted by [`Store::claim_due`], not here.
    ///
    /// The store checks neither the lease nor the state: an unknown id is no error, and a
    /// worker whose lease ran out (its entry since claimed by another) still overwrites the
    /// entry. Finishing only what one claimed, within the lease, is the caller's job.
    fn finish_delivery<'a>(
        &'a self,
        id: &'a str,
        result: &'a DeliveryResult,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send + 'a;

    /// When `channel` next has a pending entry due, in either queue, a leased entry counting
    /// as due when its lease ends; `None` when it has no pending entry. The time may be
    /// past: an entry due now.
    fn next_due<'a>(
        &'a self,
        channel: &'a str,
    ) -> impl Future<Output = Result<Option<DateTime<Utc>>, StoreError>> + Send + 'a;

    /// Outbox counts of each channel with any entry, by channel name; `now` tells held
    /// entries from due ones (see [`OutboxCounts`]: `due` includes entries being delivered,
    /// `held` is the digest queue's waiting entries, `follow_ups` the immediate queue's story
    /// follow-ups not yet attempted and waiting for their period).
    fn outbox_counts(
        &self,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<OutboxCounts>, StoreError>> + Send + '_;

    /// Outbox entries created at or after `since`, of `channel` if given, in every state
    /// (alerts, follow-ups, incident notices), newest first (ties by id); for `newswatch
    /// alerts`.
    fn alerts<'a>(
        &'a self,
        since: DateTime<Utc>,
        channel: Option<&'a str>,
    ) -> impl Future<Output = Result<Vec<AlertRow>, StoreError>> + Send + 'a;

    /// Puts the finished entries `filter` selects back in the queue: pending, due at `now`,
    /// no lease, no attempts, no error, not finished. Pending entries are never selected. With
    /// `dry_run`, changes nothing. Returns the entries it queued (or would queue), oldest
    /// first (ties by id), each with the state it had. One transaction.
    fn replay<'a>(
        &'a self,
        filter: &'a ReplayFilter<'a>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<ReplayedEntry>, StoreError>> + Send + 'a;

    /// Health incidents not yet closed, oldest first (then by kind and subject).
    fn open_incidents(&self)
    -> impl Future<Output = Result<Vec<Incident>, StoreError>> + Send + '_;

    /// Opens `incident` and queues its alerts, in one transaction. Opening an incident while
    /// one of the same kind and subject is open keeps the open one; the alerts are queued
    /// anyway, each unless its id is already in the outbox. The caller opens only what
    /// [`Store::open_incidents`] does not list.
    fn open_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send + 'a;

    /// Closes `incident` (the open one with its kind, subject and `opened_at`) at `now` and
    /// queues its recovery notices, in one transaction. The notices are queued even if no such
    /// incident is open; the caller closes only what [`Store::open_incidents`] listed.
    fn close_incident<'a>(
        &'a self,
        incident: &'a Incident,
        alerts: &'a [OutboxAlert],
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send + 'a;

    /// When each feed last brought an item never seen before (the `now` of that
    /// [`Store::record_poll`]), by feed name; feeds that never did are absent. Survives
    /// pruning: silence counts from the newest item ever seen.
    fn last_new_items(
        &self,
    ) -> impl Future<Output = Result<HashMap<String, DateTime<Utc>>, StoreError>> + Send + '_;

    /// Channels with pending entries that have failed at least once (a `Retry` error kept),
    /// by channel name: since when the oldest such entry was queued, and its error. Dead and
    /// delivered entries do not count.
    fn troubled_channels(
        &self,
    ) -> impl Future<Output = Result<Vec<ChannelTrouble>, StoreError>> + Send + '_;

    /// How many stored items each rule matched, and when last (the poll that first stored
    /// the item), by rule name. Counts fall as [`Store::prune_items`] forgets items.
    fn rule_summaries(
        &self,
    ) -> impl Future<Output = Result<Vec<RuleSummary>, StoreError>> + Send + '_;

    /// State of every feed with a state row, by name: [`Store::feed_summaries`] without the
    /// item counts, which cost a pass over every stored item. For whatever runs periodically.
    fn feed_states(&self) -> impl Future<Output = Result<Vec<FeedState>, StoreError>> + Send + '_;

    /// State and stored item count of every feed with a state row, by name.
    fn feed_summaries(
        &self,
    ) -> impl Future<Output = Result<Vec<FeedSummary>, StoreError>> + Send + '_;

    /// Hands every stored item first seen at or after `since` to `visit`, one at a time, in
    /// the order polls would have met them: by first seen, then feed, then date (published,
    /// else updated; undated first), then entry id. Every item is read as [`Store::record_poll`]
    /// stored it (its text, whether it was alertable), from one consistent snapshot: a poll
    /// committing meanwhile is seen whole or not at all. The value `visit` gets is only
    /// lent (an engine may reuse it for the next item); it keeps what it needs. Returns how
    /// many items it handed over. Writes nothing.
    fn items_since<'a, F>(
        &'a self,
        since: DateTime<Utc>,
        visit: F,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send + 'a
    where
        F: FnMut(&StoredItem) + Send + 'a;

    /// Which of `ids` are already stored for `feed` (an id stored for another feed is not).
    fn known_entries<'a>(
        &'a self,
        feed: &'a str,
        ids: &'a [&'a str],
    ) -> impl Future<Output = Result<HashSet<String>, StoreError>> + Send + 'a;

    /// Story members (leads included) that joined at or after `since`, oldest first, ties in
    /// the order they were recorded; members of stories from before stories were decided per
    /// channel are left out. What the story index is rebuilt from at start.
    fn story_members_since(
        &self,
        since: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<StoredMember>, StoreError>> + Send + '_;

    /// The first item of each of the stories `ids`, with its alert on the story's channel;
    /// stories not in the store are left out.
    fn story_leads<'a>(
        &'a self,
        ids: &'a [String],
    ) -> impl Future<Output = Result<HashMap<String, StoryLead>, StoreError>> + Send + 'a;

    /// Stories updated at or after `since` (opened, or joined by an article they did not
    /// have), most recently updated first (ties by id): those whose rules include `rule` and
    /// those of `channel`, if given. Each lists its members lead first, in order of arrival.
    fn stories<'a>(
        &'a self,
        since: DateTime<Utc>,
        rule: Option<&'a str>,
        channel: Option<&'a str>,
    ) -> impl Future<Output = Result<Vec<StorySummary>, StoreError>> + Send + 'a;
}
