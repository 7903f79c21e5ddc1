//! Test fixtures shared by the integration tests: a real HTTP server on an ephemeral loopback
//! port that serves scripted responses and records every request, a controllable clock, and a
//! harness that builds a config, a store and a poller in a temporary folder; `cli` runs the
//! binary and keeps what it printed.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod cli;
pub mod news;
pub mod postgres;
pub mod proxy;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};

use newswatch::config::Config;
use newswatch::daemon::{Clock, PollReport, PollSettings, Poller};
use newswatch::feed::fetch::{FetchSettings, Fetcher};
use newswatch::store::{FeedState, SqliteStore, Store};

#[allow(unused_imports)] // each test binary uses a different part of this module
pub use cli::{Cli, CliOutput, run_cli};

/// The `newswatch` binary, with no config or log filter inherited from the environment.
pub fn newswatch() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("newswatch").expect("binary built");
    cmd.env_remove("NEWSWATCH_CONFIG").env_remove("RUST_LOG");
    cmd
}

/// A file of this repository, such as `config/demo.toml`.
pub fn repo_file(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct SeenRequest {
    pub path: String,
    pub headers: HeaderMap,
}

/// Builds the response to one request; `delay` holds the response back (a slow server).
pub type Responder = Arc<dyn Fn(&SeenRequest) -> (Duration, Response) + Send + Sync>;

#[derive(Default)]
struct ServerState {
    routes: Mutex<HashMap<String, Responder>>,
    requests: Mutex<Vec<SeenRequest>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

/// An HTTP server on 127.0.0.1 that lives as long as the value.
pub struct TestServer {
    pub base: String,
    state: Arc<ServerState>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_on("127.0.0.1").await
    }

    /// On another loopback address, such as 127.0.0.2 (Linux routes all of 127/8 locally).
    pub async fn start_on(ip: &str) -> TestServer {
        let state = Arc::new(ServerState::default());
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind((ip, 0))
            .await
            .expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("local addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestServer { base, state, task }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn route(
        &self,
        path: &str,
        responder: impl Fn(&SeenRequest) -> (Duration, Response) + Send + Sync + 'static,
    ) {
        self.state
            .routes
            .lock()
            .expect("routes lock")
            .insert(path.to_string(), Arc::new(responder));
    }

    /// Serves `body` with an ETag and Last-Modified, answering 304 to matching validators.
    pub fn feed(&self, path: &str, body: &str) {
        let body = body.to_string();
        let etag = format!(
            "\"{:x}\"",
            body.len() * 31 + body.bytes().map(usize::from).sum::<usize>()
        );
        self.route(path, move |request| {
            let matches = request
                .headers
                .get("if-none-match")
                .is_some_and(|v| v.as_bytes() == etag.as_bytes());
            let builder = Response::builder()
                .header("etag", &etag)
                .header("last-modified", "Wed, 25 Nov 2026 08:00:00 GMT");
            let response = if matches {
                builder.status(StatusCode::NOT_MODIFIED).body(Body::empty())
            } else {
                builder
                    .header("content-type", "application/rss+xml")
                    .body(Body::from(body.clone()))
            };
            (Duration::ZERO, response.expect("valid response"))
        });
    }

    pub fn requests(&self, path: &str) -> Vec<SeenRequest> {
        self.state
            .requests
            .lock()
            .expect("requests lock")
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }
}

async fn handle(State(state): State<Arc<ServerState>>, request: Request) -> Response {
    let seen = SeenRequest {
        path: request
            .uri()
            .path_and_query()
            .map_or("/".to_string(), |p| p.to_string()),
        headers: request.headers().clone(),
    };
    state
        .requests
        .lock()
        .expect("requests lock")
        .push(seen.clone());
    let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let responder = state
        .routes
        .lock()
        .expect("routes lock")
        .get(&seen.path)
        .cloned();
    let (delay, response) = match responder {
        Some(responder) => responder(&seen),
        None => (
            Duration::ZERO,
            Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body(Body::from("no such route"))
                .expect("valid response"),
        ),
    };
    tokio::time::sleep(delay).await;
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    response
}

/// A status-only response with optional headers.
pub fn status(code: u16, headers: &[(&str, &str)]) -> (Duration, Response) {
    let mut builder = Response::builder().status(code);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    (
        Duration::ZERO,
        builder.body(Body::empty()).expect("valid response"),
    )
}

/// An RSS 2.0 document with one item per (guid, title, pubDate).
pub fn rss(items: &[(&str, &str, DateTime<Utc>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Test</title><link>https://news.example.net/</link><description>t</description>\n",
    );
    for (guid, title, date) in items {
        out.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title>\
             <link>https://news.example.net/{guid}?utm_source=rss</link>\
             <pubDate>{}</pubDate><description>About {title}</description></item>\n",
            date.to_rfc2822()
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// A clock the test moves by hand.
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Arc<ManualClock> {
        Arc::new(ManualClock(Mutex::new(at)))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().expect("clock lock");
        *now += chrono::Duration::from_std(by).expect("small duration");
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

/// A config file, a store and a poller in a temporary folder.
pub struct Harness {
    pub dir: tempfile::TempDir,
    pub config: Config,
    pub store: Arc<SqliteStore>,
    pub poller: Arc<Poller<SqliteStore>>,
    pub clock: Arc<ManualClock>,
}

impl Harness {
    /// `body` is the config text after a `[daemon]` header whose `state` is set for you.
    /// Every test server is on loopback, which the SSRF guard refuses unless allowed: this
    /// harness allows it (see [`Harness::guarded`]).
    pub async fn new(daemon_keys: &str, rest: &str) -> Harness {
        let keys = format!("allow_private_networks = true\n{daemon_keys}");
        Harness::guarded(&keys, rest).await
    }

    /// [`Harness::new`] with the SSRF guard on, as in production.
    pub async fn guarded(daemon_keys: &str, rest: &str) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("newswatch.toml");
        let text = format!("[daemon]\nstate = \"state/test.db\"\n{daemon_keys}\n{rest}");
        std::fs::write(&path, text).expect("write config");
        let config =
            newswatch::daemon::load_config(&path).unwrap_or_else(|e| panic!("config: {e}"));
        let store = Arc::new(
            SqliteStore::open(&config.daemon.state)
                .await
                .expect("open store"),
        );
        let clock = ManualClock::new(Utc::now());
        let poller = Harness::poller(&config, &store, &clock, PollSettings::from(&config.daemon));
        Harness {
            dir,
            config,
            store,
            poller,
            clock,
        }
    }

    fn poller(
        config: &Config,
        store: &Arc<SqliteStore>,
        clock: &Arc<ManualClock>,
        settings: PollSettings,
    ) -> Arc<Poller<SqliteStore>> {
        let fetcher = Fetcher::new(FetchSettings::from(&config.daemon)).expect("client");
        Arc::new(
            Poller::new(
                Arc::clone(store),
                Arc::new(newswatch::rules::RuleSet::from_config(config).expect("rules compile")),
                fetcher,
                settings,
            )
            .with_clock(clock.clone(), 7)
            .with_stories(Arc::new(newswatch::daemon::Stories::new(config))),
        )
    }

    /// Opens the state file again with `options` (see `SqliteStore::file_options`) and polls
    /// through that store from now on; the clock and the config stay.
    pub async fn reopen_store(&mut self, options: sqlx::sqlite::SqliteConnectOptions) {
        self.store = Arc::new(SqliteStore::open_with(options).await.expect("reopen store"));
        self.poller = Harness::poller(
            &self.config,
            &self.store,
            &self.clock,
            PollSettings::from(&self.config.daemon),
        );
    }

    /// Polls through a poller with `settings` instead of the config's.
    pub fn set_poll_settings(&mut self, settings: PollSettings) {
        self.poller = Harness::poller(&self.config, &self.store, &self.clock, settings);
    }

    /// Polls one feed now, from its stored state.
    pub async fn poll(&self, name: &str) -> PollReport {
        self.poll_with(&self.poller, name).await
    }

    /// [`Harness::poll`] through another poller on the same store (one with metrics, say).
    pub async fn poll_with(&self, poller: &Poller<SqliteStore>, name: &str) -> PollReport {
        let feed = self
            .config
            .feeds
            .iter()
            .find(|f| f.name == name)
            .expect("feed in config");
        let state = self
            .store
            .feed_state(name)
            .await
            .expect("read state")
            .unwrap_or_else(|| FeedState::new(&feed.name, &feed.url));
        poller.poll_feed(feed, state).await.expect("record poll")
    }

    pub async fn state(&self, name: &str) -> FeedState {
        self.store
            .feed_state(name)
            .await
            .expect("read state")
            .expect("feed has state")
    }
}

/// STARTTLS certificate and key files, and the one login AUTH accepts.
type SmtpSecurity<'a> = (
    (&'a std::path::Path, &'a std::path::Path),
    (&'a str, &'a str),
);

/// A real SMTP server (mailin-embedded) on 127.0.0.1 that keeps every message it accepts.
/// It runs on its own threads until the test process ends.
pub struct SmtpServer {
    pub port: u16,
    messages: Arc<Mutex<Vec<Vec<u8>>>>,
}

#[derive(Clone)]
struct SmtpRecorder {
    messages: Arc<Mutex<Vec<Vec<u8>>>>,
    current: Vec<u8>,
    /// Answer 550 to every recipient: a permanent failure.
    reject: bool,
    /// The only (user, password) AUTH accepts, when set.
    login: Option<(String, String)>,
}

impl SmtpRecorder {
    fn check_login(&self, user: &str, password: &str) -> mailin_embedded::Response {
        match &self.login {
            Some((u, p)) if u == user && p == password => mailin_embedded::response::AUTH_OK,
            _ => mailin_embedded::response::INVALID_CREDENTIALS,
        }
    }
}

impl mailin_embedded::Handler for SmtpRecorder {
    fn auth_plain(&mut self, _: &str, user: &str, password: &str) -> mailin_embedded::Response {
        self.check_login(user, password)
    }

    fn auth_login(&mut self, user: &str, password: &str) -> mailin_embedded::Response {
        self.check_login(user, password)
    }

    fn rcpt(&mut self, _to: &str) -> mailin_embedded::Response {
        if self.reject {
            mailin_embedded::response::NO_MAILBOX
        } else {
            mailin_embedded::response::OK
        }
    }

    fn data_start(&mut self, _: &str, _: &str, _: bool, _: &[String]) -> mailin_embedded::Response {
        self.current.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let message = std::mem::take(&mut self.current);
        self.messages.lock().expect("smtp lock").push(message);
        mailin_embedded::response::OK
    }
}

impl SmtpServer {
    /// Starts on `port` (0 for any free one).
    pub fn start(port: u16, reject: bool) -> SmtpServer {
        SmtpServer::start_with(port, reject, None)
    }

    /// Offers STARTTLS with `tls = (cert_pem_path, key_pem_path)` and requires AUTH as
    /// `login = (user, password)`.
    pub fn start_secure(
        tls: (&std::path::Path, &std::path::Path),
        login: (&str, &str),
    ) -> SmtpServer {
        SmtpServer::start_with(0, false, Some((tls, login)))
    }

    fn start_with(port: u16, reject: bool, secure: Option<SmtpSecurity<'_>>) -> SmtpServer {
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).expect("bind smtp");
        let port = listener.local_addr().expect("addr").port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let recorder = SmtpRecorder {
            messages: Arc::clone(&messages),
            current: Vec::new(),
            reject,
            login: secure.map(|(_, (u, p))| (u.to_string(), p.to_string())),
        };
        let mut server = mailin_embedded::Server::new(recorder);
        server
            .with_name("smtp.test")
            .with_num_threads(2)
            .with_tcp_listener(listener);
        if let Some(((cert, key), _)) = secure {
            // Two crypto providers are compiled in (ring for us, aws-lc for the test server):
            // rustls then needs one chosen for the process.
            let _ = rustls::crypto::ring::default_provider().install_default();
            server
                .with_ssl(mailin_embedded::SslConfig::SelfSigned {
                    cert_path: cert.display().to_string(),
                    key_path: key.display().to_string(),
                })
                .expect("tls config")
                .with_auth(mailin_embedded::AuthMechanism::Plain)
                .with_auth(mailin_embedded::AuthMechanism::Login);
        }
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, messages }
    }

    /// Speaks SMTP over implicit TLS (SMTPS, as on port 465: TLS from the first byte) with
    /// the certificate and key PEM files `tls`, and requires AUTH as `login`.
    /// mailin-embedded offers only STARTTLS, so this runs mailin's SMTP session itself over a
    /// rustls stream; the protocol is still mailin's, not ours.
    pub fn start_implicit_tls(
        tls: (&std::path::Path, &std::path::Path),
        login: (&str, &str),
    ) -> SmtpServer {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let certs = CertificateDer::pem_file_iter(tls.0)
            .expect("read cert")
            .collect::<Result<Vec<_>, _>>()
            .expect("cert pem");
        let key = PrivateKeyDer::from_pem_file(tls.1).expect("key pem");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .expect("protocol versions")
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .expect("server cert"),
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind smtps");
        let port = listener.local_addr().expect("addr").port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let recorder = SmtpRecorder {
            messages: Arc::clone(&messages),
            current: Vec::new(),
            reject: false,
            login: Some((login.0.to_string(), login.1.to_string())),
        };
        let mut session = mailin::SessionBuilder::new("smtps.test");
        session
            .enable_auth(mailin_embedded::AuthMechanism::Plain)
            .enable_auth(mailin_embedded::AuthMechanism::Login);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (config, session, recorder) =
                    (Arc::clone(&config), session.clone(), recorder.clone());
                std::thread::spawn(move || smtps_connection(stream, config, &session, recorder));
            }
        });
        SmtpServer { port, messages }
    }

    pub fn messages(&self) -> Vec<Vec<u8>> {
        self.messages.lock().expect("smtp lock").clone()
    }
}

/// One SMTPS connection: the TLS handshake, then mailin's session line by line until QUIT or
/// the client goes away.
fn smtps_connection(
    stream: std::net::TcpStream,
    config: Arc<rustls::ServerConfig>,
    builder: &mailin::SessionBuilder,
    recorder: SmtpRecorder,
) {
    use std::io::{BufRead, Write};
    let Ok(peer) = stream.peer_addr() else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(connection) = rustls::ServerConnection::new(config) else {
        return;
    };
    let mut tls = std::io::BufReader::new(rustls::StreamOwned::new(connection, stream));
    let mut session = builder.build(peer.ip(), recorder);
    // The connection is encrypted from the start, which is what STARTTLS would have achieved.
    session.tls_active();
    let reply = |tls: &mut std::io::BufReader<_>, response: &mailin_embedded::Response| {
        let out: &mut rustls::StreamOwned<_, _> = tls.get_mut();
        response.write_to(out).and_then(|()| out.flush()).is_ok()
    };
    if !reply(&mut tls, &session.greeting()) {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match tls.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let response = session.process(&line);
        match response.action {
            mailin_embedded::Action::Reply => {
                if !reply(&mut tls, &response) {
                    return;
                }
            }
            mailin_embedded::Action::NoReply => {}
            mailin_embedded::Action::Close | mailin_embedded::Action::UpgradeTls => {
                let _ = reply(&mut tls, &response);
                return;
            }
        }
    }
}

/// A loopback port nothing listens on (for "server down").
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}
