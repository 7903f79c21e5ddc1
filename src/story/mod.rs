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
//! - [`tfidf`]: the statistics the index keeps per scope: document frequencies, story
//!   centroids, member norms.
//! - [`score`]: the evidence on a candidate story, its fitted score, and the join and
//!   possibly-related thresholds; pure functions the index calls.

pub mod concepts;
pub mod fingerprint;
pub mod glossary;
pub mod index;
pub mod outlet;
pub mod score;
pub mod text;
pub mod tfidf;

pub use concepts::Concepts;
pub use fingerprint::Fingerprint;
pub use index::{Member, StoryIndex, StoryMatch};
pub use outlet::outlet;
pub use score::{DEFAULT_THRESHOLD, RELATED_SHARE, related_threshold};

/// How far apart in time two items of one story may be.
pub const DEFAULT_WINDOW: std::time::Duration = std::time::Duration::from_secs(48 * 3600);
