//! The `newswatch` command line: parses arguments, sets up logging, calls into the library and
//! maps outcomes to exit codes (0 success, 1 runtime failure, 2 invalid configuration or usage).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use newswatch::config::{self, Config, ConfigError};
use newswatch::daemon::{self, PollSettings, Poller};
use newswatch::feed::fetch::{FetchSettings, Fetcher};
use newswatch::store::SqliteStore;

#[derive(Debug, Parser)]
#[command(
    name = "newswatch",
    version,
    about = "Watches news feeds and alerts on matching items"
)]
struct Cli {
    /// Configuration file.
    #[arg(
        short,
        long,
        global = true,
        env = "NEWSWATCH_CONFIG",
        default_value = "/etc/newswatch/newswatch.toml"
    )]
    config: PathBuf,
    /// Log format on stderr; filter with RUST_LOG (for example RUST_LOG=newswatch=debug).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Human)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Poll every feed on its schedule until SIGTERM or SIGINT.
    Run {
        /// Poll every feed once, print a summary and exit.
        #[arg(long)]
        once: bool,
    },
    /// Validate the configuration and print a summary.
    Check,
    /// Show feed health from the store.
    Status {
        /// One JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Failures sorted by the exit code they deserve.
enum Failure {
    Config(ConfigError),
    Runtime(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Runtime(error)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        Command::Run { .. } => "info",
        Command::Check | Command::Status { .. } => "warn",
    };
    init_logging(cli.log_format, default_level);
    let runtime = match tokio::runtime::Runtime::new() {
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
        Err(Failure::Runtime(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn init_logging(format: LogFormat, default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn execute(cli: Cli) -> Result<(), Failure> {
    let config = config::load(&cli.config).map_err(Failure::Config)?;
    for warning in &config.warnings {
        eprintln!("{warning} (warning)");
    }
    match cli.command {
        Command::Check => {
            println!(
                "{}: OK: {} feeds, {} rules, {} channels, {} entities",
                config.path.display(),
                config.feeds.len(),
                config.rules.len(),
                config.channels.len(),
                config.entities.len()
            );
            Ok(())
        }
        Command::Run { once } => run(config, once).await,
        Command::Status { json } => status(&config, json).await,
    }
}

async fn open_store(config: &Config) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(&config.daemon.state)
        .await
        .with_context(|| {
            format!(
                "cannot open the state database {}",
                config.daemon.state.display()
            )
        })
}

async fn run(config: Config, once: bool) -> Result<(), Failure> {
    let store = Arc::new(open_store(&config).await?);
    let fetcher = Fetcher::new(FetchSettings {
        user_agent: config.daemon.user_agent.clone(),
        timeout: config.daemon.timeout,
        max_body: config.daemon.max_body,
    })?;
    let poller = Arc::new(Poller::new(
        store,
        fetcher,
        PollSettings::from(&config.daemon),
    ));
    if once {
        let summary = daemon::run_once(poller, &config)
            .await
            .context("recording a poll failed")?;
        println!("{summary}");
        return Ok(());
    }
    let shutdown = daemon::on_signals().context("cannot install signal handlers")?;
    daemon::run(poller, Arc::new(config), shutdown)
        .await
        .context("the scheduler stopped")?;
    Ok(())
}

async fn status(config: &Config, json: bool) -> Result<(), Failure> {
    let store = open_store(config).await?;
    let report = daemon::status::collect(&store, config, chrono::Utc::now())
        .await
        .context("cannot read feed state")?;
    if json {
        let text = serde_json::to_string_pretty(&report).context("cannot encode status")?;
        println!("{text}");
    } else {
        print!("{}", daemon::status::render_table(&report));
    }
    Ok(())
}
