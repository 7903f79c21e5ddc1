//! newswatch: a news-monitoring daemon. It polls RSS, Atom and JSON feeds, records what is new
//! in an embedded SQLite store, matches each new item against the users' rules, groups matches
//! into stories, and delivers alerts by email or webhook, at most once per event and recipient.
//!
//! ```text
//! config ─► scheduler ─► fetch ─► parse+normalize ─► match ─► stories ─► store (one tx) ─► outbox ─► deliver
//! ```
//!
//! # Layout
//!
//! Imports point down only (`tests/layers.rs` checks it; docs/ARCHITECTURE.md explains it):
//!
//! - [`config`] and [`net`], the bottom: the TOML schema and its validation with
//!   `file:line:col` diagnostics, durations, sizes, secrets, caps and quiet hours; the SSRF guard
//!   every connection goes through.
//! - [`feed`]: from a URL to normalized [`feed::Item`]s: fetching (conditional GET, limits,
//!   `file://`), the repair layer and parsing, the text normalization rules share, the schedule
//!   arithmetic (intervals, hints, backoff) and each feed's learned publication rhythm.
//! - [`rules`]: the query language (lexer, parser, printer) and the one matcher all rules
//!   compile into (compile, scan, evaluate), with the evidence it reports.
//! - [`story`]: story clustering, pure: fingerprints of items' text, the per-scope index, and
//!   the fitted score that decides join, lead or "possibly related".
//! - [`alert`]: what a match becomes, pure: one alert per (item, channel), its rendering and
//!   channels, and the policies: how several rules' settings combine ([`alert::recipient`]),
//!   caps ([`alert::caps`]), digest windows, quiet hours, story follow-ups ([`alert::update`]).
//! - [`store`]: persistence only. The [`store::Store`] contract (the seam every engine
//!   implements, with its contract suite in `tests/common/store_contract`), its SQLite
//!   implementation (the embedded default) and its PostgreSQL one (a store several nodes share).
//! - [`daemon`]: every long-running task and its wiring: the scheduler and one poll
//!   ([`daemon::poll`]), outbox delivery ([`daemon::deliver`]), SIGHUP reload, health, story
//!   expiry, metrics and the HTTP listener, systemd; [`daemon::run`](mod@daemon::run) assembles them.
//! - [`cli`]: the subcommands; `main.rs` parses arguments and maps failures to exit codes.

pub mod alert;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod feed;
pub mod net;
pub mod rules;
pub mod store;
pub mod story;
