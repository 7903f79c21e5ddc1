//! Everything between a feed's URL and a list of normalized [`Item`]s: fetching over HTTP or
//! from a file ([`fetch`]), turning bytes into items ([`parse`]), the text normalization that
//! items and rule queries share ([`normalize`]), when to poll next ([`schedule`], and
//! [`rhythm`], which learns when each feed publishes), and how a
//! feed URL is shown without its credentials ([`redact`]), and who filed an EDGAR filing
//! whose entry names only the form ([`filer`]).
//!
//! Parsing sits behind the single function [`parse::parse_feed`]; the leniency layer in front
//! of feed-rs (`repair`) mends what real servers send without the daemon knowing about it.

pub mod fetch;
pub mod filer;
pub mod normalize;
pub mod parse;
pub mod redact;
pub(crate) mod repair;
pub mod rhythm;
pub mod schedule;

use chrono::{DateTime, Utc};

/// One entry of a feed, with display text already cleaned of markup.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Item {
    /// The configured name of the feed it came from.
    pub feed: String,
    /// The entry's own id, or a hash of link and title when the feed gives none.
    pub entry_id: String,
    /// Display text: HTML stripped, entities decoded, whitespace collapsed, case kept.
    pub title: String,
    pub summary: String,
    pub content: String,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    /// Absolute link as published.
    pub link: Option<String>,
    /// The link with tracking parameters removed and redirect wrappers unwrapped; the key that
    /// recognises one article arriving through several feeds.
    pub canonical_link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

/// What one feed document contained.
#[derive(Debug, Clone, Default)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The feed's own `<ttl>`, a hint for how often it changes.
    pub ttl: Option<std::time::Duration>,
    pub items: Vec<Item>,
    /// The document was cut short (it ends inside its root element): `items` are the entries
    /// that closed before the cut, and the one the cut fell in is left out. The poll still
    /// counts, but the response's validators are not kept, so the next one fetches it whole.
    pub truncated: bool,
}
