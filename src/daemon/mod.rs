//! The running daemon: every long-running task and the wiring between them. Nothing below
//! this layer loops, sleeps or spawns.
//!
//! [`run`](mod@run) assembles the daemon from a config ([`setup`] builds the store, fetcher, channels
//! and outbox worker that every command shares); [`reload`] swaps in a new config on SIGHUP;
//! [`deliver`] is the outbox worker. The poll of one feed ([`poll`]), the loop that schedules polls
//! ([`scheduler`]), how it stops ([`shutdown`]), what it reports ([`status`]), its vital
//! signs ([`vitals`]), how it talks to systemd ([`service`]), how it reports its own trouble
//! ([`health`]), what it tells monitoring ([`metrics`], served by [`http`]), how it groups
//! matches into stories ([`stories`]), in what order one pass's polls commit ([`turns`])
//! and how it gives memory back when idle ([`heap`]). [`backtest`] replays a rule's decisions
//! over the items the store kept.

pub mod backtest;
pub mod claims;
pub mod deliver;
pub mod health;
pub mod heap;
pub mod history;
pub mod http;
pub mod metrics;
pub mod poll;
pub mod reload;
pub mod run;
pub mod scheduler;
pub mod service;
pub mod setup;
pub mod shutdown;
pub mod status;
pub mod stories;
pub mod turns;
pub mod vitals;

pub use metrics::Metrics;
pub use poll::{Clock, PollOutcome, PollReport, PollSettings, Poller, SystemClock};
pub use scheduler::{CycleSummary, run, run_once, run_with};
pub use service::Service;
pub use setup::{CHECKS, load_config};
pub use shutdown::{Shutdown, ShutdownTrigger, on_signals, shutdown_channel};
pub use stories::Stories;
pub use vitals::Vitals;
