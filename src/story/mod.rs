//! Stories: clusters of items from different outlets (and languages) that report one event,
//! so that a channel is alerted to a story once rather than to each of its thirty headlines.
//!
//! Pure logic, no I/O: the daemon fingerprints each matched item, asks the [`StoryIndex`]
//! which recent story it belongs to within a scope (the daemon's scopes are channels, see
//! `daemon::stories`), or which story it comes close to, and records the answer with the item.
//!
//! - [`text`]: headline text to features: outlet labels stripped, stop words dropped, light
//!   stemming, numbers kept, Han text as character bigrams plus glossary translations.
//! - [`glossary`]: the built-in Chinese-to-English news glossary that lets a Chinese report
//!   meet its English versions.
//! - [`fingerprint`]: features hashed and sorted, with a MinHash signature.
//! - [`concepts`]: the config's entities an item mentions, as extra features.
//! - [`index`]: the index, by scope: LSH candidates with capped buckets, TF-IDF cosine
//!   verification against members and story centroids, canonical-link joins, the time
//!   window.

pub mod concepts;
pub mod fingerprint;
pub mod glossary;
pub mod index;
pub mod outlet;
pub mod text;

pub use concepts::Concepts;
pub use fingerprint::Fingerprint;
pub use index::{Member, StoryIndex, StoryMatch};
pub use outlet::outlet;

/// The score at which an item joins a story, for rules without `cluster_threshold`. Chosen
/// on the development half of `tests/data/stories` (`tests/stories_eval.rs` prints the
/// sweep): the highest recall whose precision stays on target there and one step lower.
/// Lower values merge more (fewer alerts, more wrongly merged stories).
pub const DEFAULT_THRESHOLD: f64 = 0.25;

/// How much lower than the join threshold a story may score and still be named in the alert
/// as "possibly related": close enough that a reader may want to know, not close enough to
/// hold the alert back.
pub const RELATED_SHARE: f64 = 0.6;

/// The score from which an item that opens its own story names the closest story as
/// possibly related, for a join threshold of `threshold`.
pub fn related_threshold(threshold: f64) -> f64 {
    threshold * RELATED_SHARE
}

/// How far apart in time two items of one story may be.
pub const DEFAULT_WINDOW: std::time::Duration = std::time::Duration::from_secs(48 * 3600);
