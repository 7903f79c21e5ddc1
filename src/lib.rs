//! newswatch: a news-monitoring daemon. It polls RSS, Atom and JSON feeds, records what is new
//! in an embedded SQLite store, and (in later stages) matches items against rules and delivers
//! alerts. The data flow, and this crate's layout, follow `DESIGN.md`:
//!
//! ```text
//! config ─► scheduler ─► fetch ─► parse+normalize ─► dedup (store) ─► match ─► outbox ─► deliver
//! ```
//!
//! # Layout
//!
//! - [`config`]: the TOML schema, its validation with `file:line:col` diagnostics, durations,
//!   sizes and secrets.
//! - [`feed`]: fetching (HTTP with conditional GET and limits, or `file://`), parsing feed
//!   documents into [`feed::Item`]s (through a repair layer that mends what real servers send
//!   before feed-rs sees it), the text normalization shared with rules, and the schedule
//!   arithmetic (intervals, hints, backoff).
//! - [`store`]: the [`store::Store`] contract and its SQLite implementation: feed state and
//!   seen items, one transaction per poll.
//! - [`rules`]: the query language (parser, syntax tree, word segmentation shared with items)
//!   and the one matcher all rules compile into.
//! - [`alert`]: alerts, one per (item, channel) whatever number of the channel's rules
//!   matched, with stable ids, the outbox JSON, and delivery through the channels.
//! - [`story`]: story clustering: fingerprints of items' text, and the index that finds the
//!   recent story a new item reports (near-duplicate headlines across outlets and languages,
//!   or the same canonical link) within one scope, which the daemon makes the channel.
//! - [`daemon`]: one poll of one feed, the scheduler loop, shutdown, and `status`.

pub mod alert;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod feed;
pub mod net;
pub mod rules;
pub mod store;
pub mod story;
