//! OPML, the outline format feed readers exchange subscription lists in: [`read`] turns a file
//! exported by Miniflux, FreshRSS or any other reader into [`Subscription`]s, [`import`] makes
//! them `[[feed]]` sections for a config (valid, unique names; feeds already there left out),
//! and [`write`] exports a config's feeds as OPML 2.0 that those readers import back with
//! their categories.
//!
//! # Tags and categories
//!
//! A newswatch feed has any number of tags; Miniflux and FreshRSS give a feed one category,
//! the folder outline it sits in, and read the OPML 2.0 `category` attribute never (Miniflux) or
//! only outside folders (FreshRSS). So an export puts each feed in the folder of its first tag,
//! the one category those readers keep, and lists all its tags in `category="a,b"` (the
//! spec's form for tags), which an import here reads back whole. An import takes every folder
//! a feed sits in (nested ones too) and every entry of its `category` attribute as tags.
//!
//! # Paused feeds
//!
//! Plain OPML cannot say that a feed is switched off. Miniflux can, with
//! `miniflux:disabled="true"` in its namespace, so that is what a paused feed is exported
//! with and what an import reads as `paused = true`: paused feeds stay paused on the way to
//! Miniflux and back.

pub(crate) mod import;
pub(crate) mod read;
pub(crate) mod write;

/// The namespace of Miniflux's own outline attributes (`miniflux:disabled`, ...).
const MINIFLUX_NAMESPACE: &str = "https://miniflux.app/opml";

/// One feed outline of an OPML file: an `<outline>` with an `xmlUrl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subscription {
    /// The outline's `title`, else its `text`, entities decoded and whitespace collapsed;
    /// `None` when both are missing or blank.
    pub title: Option<String>,
    /// The feed's address as written (entities decoded, spaces trimmed).
    pub xml_url: String,
    /// The folders it sits in, outermost first, then its `category` attribute's entries; each
    /// once.
    pub categories: Vec<String>,
    /// `miniflux:disabled="true"`.
    pub disabled: bool,
    /// Line of the outline in the file, for messages about it.
    pub line: usize,
}

/// An outline that names a source newswatch cannot read, such as a FreshRSS web-scraping one
/// (`type="HTML+XPath"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unreadable {
    pub title: Option<String>,
    pub xml_url: String,
    /// Why, in words: "a FreshRSS web-scraping source (type HTML+XPath)".
    pub reason: String,
    pub line: usize,
}

/// What an OPML file lists.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Outlines {
    /// The feeds, in file order.
    pub subscriptions: Vec<Subscription>,
    pub unreadable: Vec<Unreadable>,
}
