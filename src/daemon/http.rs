//! The HTTP listener of `[daemon] listen`: `/metrics` for Prometheus, `/healthz` (the process
//! answers) and `/readyz` (it can do its job: the store accepts writes, the config on disk is the one
//! running, and the scheduler loops). There is no authentication: bind it to loopback, or to
//! an address only trusted scrapers reach.
//!
//! Every answer is computed when it is asked for (the store is read per scrape), so the
//! listener holds no state of its own and cannot drift from the daemon it reports on.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;

use super::metrics::{CONTENT_TYPE, Metrics};
use super::shutdown::Shutdown;
use super::vitals::Vitals;
use crate::store::Store;

/// The scheduler wakes at least once a minute; two minutes without a beat means it is stuck.
pub const BEAT_LIMIT: Duration = Duration::from_secs(120);

/// A probe or a scrape must answer even when SQLite is locked: past this, the store counts as
/// unreachable.
const STORE_LIMIT: Duration = Duration::from_secs(5);

/// What every request handler reads.
struct Reporter<S> {
    store: Arc<S>,
    metrics: Arc<Metrics>,
    vitals: Arc<Vitals>,
    /// When the listener started: the scheduler's first beat is expected within
    /// [`BEAT_LIMIT`] of it.
    started: Instant,
}

/// Binds `addr`, naming it in the error (a port already taken is a common first-run mistake).
pub async fn bind(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} ([daemon] listen)"))
}

/// Serves the endpoints on `listener` until `shutdown` fires, then lets requests in flight
/// finish. Runs as its own task: a failure is logged, and polling and delivery carry on.
pub async fn serve<S: Store>(
    listener: TcpListener,
    store: Arc<S>,
    metrics: Arc<Metrics>,
    vitals: Arc<Vitals>,
    mut shutdown: Shutdown,
) {
    let reporter = Arc::new(Reporter {
        store,
        metrics,
        vitals,
        started: Instant::now(),
    });
    let app = axum::Router::new()
        .route("/metrics", get(scrape::<S>))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz::<S>))
        .with_state(reporter);
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(addr = %addr, "serving /metrics, /healthz and /readyz");
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.wait().await })
        .await;
    if let Err(error) = served {
        tracing::error!(error = %error, "the metrics and health listener stopped");
    }
}

async fn scrape<S: Store>(State(reporter): State<Arc<Reporter<S>>>) -> Response {
    let now = chrono::Utc::now();
    let read = tokio::time::timeout(
        STORE_LIMIT,
        reporter.metrics.read_store(reporter.store.as_ref(), now),
    )
    .await;
    let stored = match read {
        Ok(Ok(stored)) => stored,
        // A scrape without the outbox and feed gauges would look like an empty outbox: fail
        // it instead, which Prometheus records as `up == 0`.
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "metrics scrape: cannot read the store");
            return plain(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("cannot read the store: {error}\n"),
            );
        }
        Err(_elapsed) => {
            return plain(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the store did not answer within {}s\n",
                    STORE_LIMIT.as_secs()
                ),
            );
        }
    };
    let body = reporter.metrics.render(&stored, &reporter.vitals);
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], body).into_response()
}

async fn healthz() -> Response {
    plain(StatusCode::OK, "ok\n".to_string())
}

async fn readyz<S: Store>(State(reporter): State<Arc<Reporter<S>>>) -> Response {
    // Ready means the store takes writes, not only that it answers: a read-only or full
    // database answers reads while every poll fails to record.
    let store = match tokio::time::timeout(STORE_LIMIT, reporter.store.check_writable()).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_elapsed) => Err(format!("no answer within {}s", STORE_LIMIT.as_secs())),
    };
    let verdict = readiness(
        store,
        reporter.vitals.config_error(),
        reporter.vitals.since_beat(),
        reporter.started.elapsed(),
    );
    match verdict {
        Ok(()) => plain(StatusCode::OK, "ready\n".to_string()),
        Err(reasons) => plain(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {}\n", reasons.join("; ")),
        ),
    }
}

/// The `/readyz` decision, every reason it is not ready. Before the scheduler's first beat the
/// daemon is still starting (opening the store, syncing feeds) and counts as ready for
/// [`BEAT_LIMIT`]: a probe must not fail a healthy start, and a scheduler that never starts is
/// caught just as late as one that stops.
fn readiness(
    store: Result<(), String>,
    config_error: Option<String>,
    since_beat: Option<Duration>,
    uptime: Duration,
) -> Result<(), Vec<String>> {
    let mut reasons = Vec::new();
    if let Err(error) = store {
        reasons.push(format!("store does not accept writes: {error}"));
    }
    if let Some(error) = config_error {
        reasons.push(format!(
            "the last config reload failed, the previous config still runs: {error}"
        ));
    }
    match since_beat {
        Some(age) if age > BEAT_LIMIT => {
            reasons.push(format!("scheduler has not looped for {}s", age.as_secs()))
        }
        None if uptime > BEAT_LIMIT => reasons.push(format!(
            "scheduler has not started after {}s",
            uptime.as_secs()
        )),
        _ => {}
    }
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(reasons)
    }
}

fn plain(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        store_error: Option<&'static str>,
        config_error: Option<&'static str>,
        since_beat: Option<u64>,
        uptime: u64,
        want: &'static [&'static str],
    }

    #[test]
    fn readiness_needs_store_config_and_a_recent_beat() {
        let well = Case {
            name: "all well",
            store_error: None,
            config_error: None,
            since_beat: Some(5),
            uptime: 3600,
            want: &[],
        };
        let cases = [
            Case {
                name: "starting, no beat yet",
                since_beat: None,
                uptime: 30,
                ..well
            },
            Case {
                name: "never started",
                since_beat: None,
                uptime: 121,
                want: &["scheduler has not started after 121s"],
                ..well
            },
            Case {
                name: "stuck scheduler",
                since_beat: Some(300),
                want: &["scheduler has not looped for 300s"],
                ..well
            },
            Case {
                name: "store down",
                store_error: Some("database is locked"),
                want: &["store does not accept writes: database is locked"],
                ..well
            },
            Case {
                name: "bad reload and stuck",
                config_error: Some("newswatch.toml:3:1: unknown field"),
                since_beat: Some(121),
                want: &[
                    "the last config reload failed, the previous config still runs: newswatch.toml:3:1: unknown field",
                    "scheduler has not looped for 121s",
                ],
                ..well
            },
            well,
        ];
        for case in cases {
            let got = readiness(
                case.store_error.map_or(Ok(()), |e| Err(e.to_string())),
                case.config_error.map(str::to_string),
                case.since_beat.map(Duration::from_secs),
                Duration::from_secs(case.uptime),
            );
            assert_eq!(got.err().unwrap_or_default(), case.want, "{}", case.name);
        }
    }
}
