//! The running daemon: the poll of one feed ([`poll`]), the loop that schedules polls
//! ([`scheduler`]), how it stops ([`shutdown`]), what it reports ([`status`]), and its vital
//! signs ([`vitals`]).

pub mod poll;
pub mod scheduler;
pub mod shutdown;
pub mod status;
pub mod vitals;

pub use poll::{Clock, PollOutcome, PollReport, PollSettings, Poller, SystemClock};
pub use scheduler::{CycleSummary, run, run_once};
pub use shutdown::{Shutdown, ShutdownTrigger, on_signals, shutdown_channel};
pub use vitals::Vitals;
