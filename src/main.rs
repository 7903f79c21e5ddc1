//! The `newswatch` command line: parses arguments, sets up logging, calls into the library and
//! maps outcomes to exit codes (0 success, 1 runtime failure, 2 invalid configuration or usage).
//! The commands themselves are in [`newswatch::cli`].

use std::process::ExitCode;

use clap::Parser;

use newswatch::cli::args::{Cli, Command, LogFormat};
use newswatch::cli::{Failure, execute};

/// Threads of the runtime's blocking pool (see `main`).
const BLOCKING_THREADS: usize = 8;

/// glibc gives every thread that allocates its own arena (up to 8 per core) and keeps what a
/// poll cycle freed in each: an idle daemon with 1,000 feeds held 42 MiB with the default and
/// 35 MiB with two arenas (bench/peers, idle scenario). Allocation is not where newswatch
/// spends its time, so two arenas cost nothing measurable. `MALLOC_ARENA_MAX` still wins.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes allocator settings; it is called before any other
        // thread exists, as glibc asks.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    let default_level = match cli.command {
        Command::Run { .. } => "info",
        Command::Check
        | Command::Status { .. }
        | Command::TestRule(_)
        | Command::Backtest(_)
        | Command::SendTest { .. }
        | Command::Replay { .. }
        | Command::Stories { .. }
        | Command::Alerts { .. }
        | Command::Feeds(_) => "warn",
    };
    init_logging(cli.log_format, default_level);
    // Blocking work here is feed parsing (at most `concurrency` at once) and Maildir file
    // operations. Tokio's default pool grows to 512 threads: a mail-everything cycle into a
    // Maildir started 80, each with its stack pages and malloc caches resident.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(execute(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Config(error)) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn init_logging(format: LogFormat, default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    // Under systemd stderr is the journal, not a terminal: no colour escape codes there.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}
