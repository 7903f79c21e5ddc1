//! SMTP submission for email channels: each channel keeps a small pool of SMTP connections that
//! it opens itself, and lettre's [`AsyncSmtpConnection`] speaks the protocol over them (TLS,
//! STARTTLS, AUTH, MAIL/RCPT/DATA).
//!
//! Why not lettre's pooled `AsyncSmtpTransport`: it opens its sockets without `TCP_NODELAY`
//! and writes the end-of-data marker (`\r\n.\r\n`) as a separate small write, so with Nagle's
//! algorithm every message waits for the server's delayed ACK of the body (about 40 ms on
//! Linux) before the marker leaves. Sixteen connections in parallel reached about 270 messages
//! a second against a sink that accepts 1,500 on one connection. lettre has no option to set
//! `TCP_NODELAY`, and its pool also sends a NOOP before every reuse, one more round trip per
//! message. Here the socket is ours, and a pooled connection is reused without a NOOP.
//!
//! Without the NOOP, a connection the server closed while it sat idle shows up as a failure of
//! the next message's first commands. A failure before the server accepted DATA has handed it
//! nothing, so it is retried once on a fresh connection. Once the body is being sent, the
//! outcome is left as it is: after the final "." the server may have accepted the message
//! without us reading its answer, and sending it again here would duplicate it (the outbox
//! retries later, under the same `Message-ID`, so a receiver can drop a duplicate).
//!
//! Every step has a deadline ([`SmtpTimeouts`]): the TCP connect, the TLS handshake, the
//! greeting with EHLO, STARTTLS, AUTH, MAIL, each RCPT, DATA, and the message with its final
//! reply. A server that accepts the connection and never speaks, or freezes in the middle,
//! fails the send as transient at the deadline and the outbox retries it; without deadlines
//! one such server held the channel forever. A connection past a deadline is dropped, never
//! reused, and gets no QUIT (a silent server would not answer it either). A pooled
//! connection that went silent before DATA was accepted (a frozen server, a NAT that forgot
//! the connection) is treated like one the server closed: the message goes out on a fresh
//! one. A timeout waiting for the reply to the final "." is ambiguous like any failure after
//! the body: the server may have accepted the message, so it is not sent again at once.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use lettre::Address;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::transport::smtp::response::Response;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use crate::config::{Secret, TlsMode};

/// Idle connections kept per channel: as many as the outbox worker delivers in parallel
/// (`DeliverySettings::parallel`), so a steady stream of alerts never opens a new one.
const MAX_IDLE: usize = 16;

/// How long an unused connection stays open. Servers close idle clients after a while of
/// their own (Postfix: 300 s, less under load); a connection closed first by them costs one
/// retried MAIL command, so this only bounds how many sockets a quiet daemon holds open.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long each step of an SMTP exchange may take; past it the connection is dropped and the
/// send fails as transient. The daemon uses [`SmtpTimeouts::default`]; tests shorten them.
///
/// RFC 5321 4.5.3.2 asks an MTA to wait minutes (5 for the greeting and MAIL, 10 for the
/// final reply), for servers that take their time on purpose. An alerting daemon submits a
/// few kilobytes to its own relay, so it waits less and says sooner that the channel is
/// failing: 30 s for the greeting and each command, well past Postfix's postscreen greet pause
/// (6 s) and the DNS checks servers make before greeting; 60 s for the message and its final
/// reply, for relays that scan content before answering. A reply later than that costs at
/// worst a duplicate under the same `Message-ID`, never a lost alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmtpTimeouts {
    /// Looking up the host, then opening the TCP connection to each of its addresses.
    pub connect: Duration,
    /// Each exchange before the message: the TLS handshake of implicit TLS, the greeting with
    /// the answer to EHLO, STARTTLS (with its handshake and second EHLO), AUTH, MAIL, each
    /// RCPT, DATA; and QUIT when a connection is closed.
    pub command: Duration,
    /// Sending the message and reading the reply to its final "."; for the sendmail
    /// transport, the whole run of the command.
    pub message: Duration,
}

impl Default for SmtpTimeouts {
    fn default() -> SmtpTimeouts {
        SmtpTimeouts {
            connect: Duration::from_secs(30),
            command: Duration::from_secs(30),
            message: Duration::from_secs(60),
        }
    }
}

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    /// No connection: name resolution, TCP connect (or its timeout), or the handshake of
    /// implicit TLS.
    #[error("Connection error: {0}")]
    Connect(io::Error),
    /// The server did not answer `step` within `after`; the connection was dropped.
    #[error("{}", timeout_message(*step, *after))]
    Timeout { step: Step, after: Duration },
    /// The message or its envelope needs an extension the server does not offer.
    #[error("internal client error: {0}")]
    Unsupported(&'static str),
    /// What lettre reported while speaking SMTP: a reply code, a broken connection, TLS.
    #[error(transparent)]
    Protocol(#[from] lettre::transport::smtp::Error),
}

impl SmtpError {
    /// A 5xx reply: the server refused for good.
    pub fn is_permanent(&self) -> bool {
        matches!(self, SmtpError::Protocol(error) if error.is_permanent())
    }
}

/// The steps of an SMTP exchange that have a deadline of their own (after the TCP connect).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The handshake of implicit TLS.
    TlsHandshake,
    /// The server's greeting and its answer to EHLO, as one exchange (as Postfix times them).
    Greeting,
    /// STARTTLS, the handshake and the second EHLO.
    Starttls,
    /// AUTH with its challenges.
    Auth,
    Mail,
    Rcpt,
    Data,
    /// The message and the reply to its final ".".
    Message,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::TlsHandshake => "the TLS handshake",
            Step::Greeting => "the greeting and EHLO",
            Step::Starttls => "STARTTLS",
            Step::Auth => "AUTH",
            Step::Mail => "MAIL FROM",
            Step::Rcpt => "RCPT TO",
            Step::Data => "DATA",
            Step::Message => "the end of the message (the final \".\")",
        })
    }
}

fn timeout_message(step: Step, after: Duration) -> String {
    let after = humantime::format_duration(after);
    match step {
        Step::Message => format!(
            "no reply to {step} within {after}: the server may have accepted the message; \
             the connection was dropped, and the retry carries the same Message-ID so that a \
             duplicate can be recognized"
        ),
        _ => format!(
            "no reply to {step} within {after}: the server is stalled or overloaded, or the \
             network lost the connection; the connection was dropped (check the mail server)"
        ),
    }
}

/// `work`, failed as a timeout of `step` if it takes longer than `limit`. The connection it
/// works on is then in an unknown state and must be dropped.
async fn within<T, E: Into<SmtpError>>(
    limit: Duration,
    step: Step,
    work: impl Future<Output = Result<T, E>>,
) -> Result<T, SmtpError> {
    match tokio::time::timeout(limit, work).await {
        Ok(result) => result.map_err(Into::into),
        Err(_) => Err(SmtpError::Timeout { step, after: limit }),
    }
}

/// Says goodbye (QUIT) and closes, giving up after `limit`: a server that does not answer
/// QUIT costs no more than that.
async fn quit(mut connection: AsyncSmtpConnection, limit: Duration) {
    let _ = tokio::time::timeout(limit, connection.abort()).await;
}

/// Where and how a channel submits mail, and the connections it keeps open for that.
pub struct SmtpPool {
    relay: Relay,
    /// The deadline of each step; set when the pool is built.
    timeouts: SmtpTimeouts,
    /// Connections that delivered their last message cleanly, most recently used last. A send
    /// takes one (or opens one) and puts it back once the server accepted the message.
    idle: Mutex<Vec<IdleConnection>>,
    /// Whether the task closing connections idle past `IDLE_TIMEOUT` has been started; it is
    /// started by the first connection put back, since building a channel needs no runtime.
    reaper_started: AtomicBool,
}

struct IdleConnection {
    connection: AsyncSmtpConnection,
    since: Instant,
}

/// The server and what every new connection to it goes through before it can send.
struct Relay {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    /// The EHLO name: this machine's host name, as lettre's transport sent it.
    hello: ClientId,
}

enum Security {
    None,
    /// Upgraded by lettre after the greeting (`tls = "starttls"`).
    Starttls(TlsParameters),
    /// TLS from the first byte (`tls = "tls"`, port 465). lettre upgrades only sockets it
    /// opened itself before the greeting, so this handshake is ours, with the same trust as
    /// lettre's STARTTLS: the webpki roots and `tls_ca`, TLS 1.2 and 1.3.
    Implicit(tokio_rustls::TlsConnector),
}

impl SmtpPool {
    pub fn new(
        host: &str,
        port: u16,
        tls: TlsMode,
        username: Option<&str>,
        password: Option<&Secret>,
        tls_ca: Option<&str>,
    ) -> anyhow::Result<SmtpPool> {
        let security = match tls {
            TlsMode::None => Security::None,
            TlsMode::Starttls => {
                let mut builder = TlsParameters::builder(host.to_string());
                if let Some(pem) = tls_ca {
                    builder = builder.add_root_certificate(Certificate::from_pem(pem.as_bytes())?);
                }
                Security::Starttls(builder.build_rustls()?)
            }
            TlsMode::Tls => Security::Implicit(implicit_tls(tls_ca)?),
        };
        let credentials = match (username, password) {
            (Some(user), Some(password)) => Some(Credentials::new(
                user.to_string(),
                password.expose().to_string(),
            )),
            _ => None,
        };
        Ok(SmtpPool {
            relay: Relay {
                host: host.to_string(),
                port,
                security,
                credentials,
                hello: ClientId::default(),
            },
            timeouts: SmtpTimeouts::default(),
            idle: Mutex::new(Vec::new()),
            reaper_started: AtomicBool::new(false),
        })
    }

    /// The same pool with other deadlines (tests use short ones).
    pub fn with_timeouts(mut self, timeouts: SmtpTimeouts) -> SmtpPool {
        self.timeouts = timeouts;
        self
    }

    /// Sends `message` (the formatted email) to the envelope's recipients and returns the
    /// server's answer to the final ".".
    pub async fn send(
        self: &Arc<Self>,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<Response, SmtpError> {
        let command = self.timeouts.command;
        let mut connection = match self.take_idle() {
            Some(mut reused) => match start_data(&mut reused, envelope, message, command).await {
                Ok(()) => reused,
                Err(error) if connection_lost(&error) => {
                    tracing::debug!(host = %self.relay.host, error = %error, "pooled SMTP connection was closed or went silent; opening a new one");
                    drop(reused);
                    self.fresh_connection(envelope, message).await?
                }
                Err(error) => {
                    self.discard(reused, &error).await;
                    return Err(error);
                }
            },
            None => self.fresh_connection(envelope, message).await?,
        };
        let sent = within(
            self.timeouts.message,
            Step::Message,
            connection.message(message),
        )
        .await;
        match sent {
            Ok(response) => {
                self.put_back(connection).await;
                Ok(response)
            }
            Err(error) => {
                self.discard(connection, &error).await;
                Err(error)
            }
        }
    }

    /// Closes a connection that failed with `error`: with a QUIT if the server still answers,
    /// without one after a timeout.
    async fn discard(&self, connection: AsyncSmtpConnection, error: &SmtpError) {
        if !matches!(error, SmtpError::Timeout { .. }) {
            quit(connection, self.timeouts.command).await;
        }
    }

    /// A new connection on which the server has accepted DATA for this message.
    async fn fresh_connection(
        &self,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<AsyncSmtpConnection, SmtpError> {
        let mut connection = self.relay.connect(&self.timeouts).await?;
        if let Err(error) =
            start_data(&mut connection, envelope, message, self.timeouts.command).await
        {
            self.discard(connection, &error).await;
            return Err(error);
        }
        Ok(connection)
    }

    fn take_idle(&self) -> Option<AsyncSmtpConnection> {
        let mut idle = self
            .idle
            .lock()
            .expect("no code panics holding the idle lock");
        // The most recently used is the likeliest still open; the older ones are past the
        // idle timeout if this one is, and are dropped (closed) with it.
        while let Some(parked) = idle.pop() {
            if parked.since.elapsed() < IDLE_TIMEOUT {
                return Some(parked.connection);
            }
        }
        None
    }

    async fn put_back(self: &Arc<Self>, connection: AsyncSmtpConnection) {
        let surplus = {
            let mut idle = self
                .idle
                .lock()
                .expect("no code panics holding the idle lock");
            if idle.len() < MAX_IDLE {
                idle.push(IdleConnection {
                    connection,
                    since: Instant::now(),
                });
                None
            } else {
                Some(connection)
            }
        };
        match surplus {
            Some(connection) => quit(connection, self.timeouts.command).await,
            None => self.start_reaper(),
        }
    }

    /// Closes (QUIT) connections idle past `IDLE_TIMEOUT`, so a quiet daemon does not hold
    /// sockets on the mail server until the server times them out. The task ends with the
    /// pool, which a config reload drops.
    fn start_reaper(self: &Arc<Self>) {
        if self.reaper_started.swap(true, Ordering::Relaxed) {
            return;
        }
        let pool: Weak<SmtpPool> = Arc::downgrade(self);
        let quit_limit = self.timeouts.command;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(IDLE_TIMEOUT / 2).await;
                let Some(pool) = pool.upgrade() else {
                    return;
                };
                let expired: Vec<IdleConnection> = {
                    let mut idle = pool
                        .idle
                        .lock()
                        .expect("no code panics holding the idle lock");
                    let (expired, fresh) = std::mem::take(&mut *idle)
                        .into_iter()
                        .partition(|parked| parked.since.elapsed() >= IDLE_TIMEOUT);
                    *idle = fresh;
                    expired
                };
                drop(pool);
                // Together, so a server that stopped answering costs one QUIT deadline, not
                // one per connection.
                let quits = expired
                    .into_iter()
                    .map(|parked| quit(parked.connection, quit_limit));
                futures_util::future::join_all(quits).await;
            }
        });
    }
}

impl Relay {
    /// Connects, secures and authenticates a new connection, ready for MAIL.
    async fn connect(&self, timeouts: &SmtpTimeouts) -> Result<AsyncSmtpConnection, SmtpError> {
        let socket = self
            .open_socket(timeouts.connect)
            .await
            .map_err(SmtpError::Connect)?;
        let stream: Box<dyn AsyncTokioStream> = match &self.security {
            Security::Implicit(connector) => {
                let name = ServerName::try_from(self.host.clone()).map_err(|_| {
                    SmtpError::Connect(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "domain isn't a valid DNS name",
                    ))
                })?;
                let handshake = async {
                    connector
                        .connect(name, socket)
                        .await
                        .map_err(SmtpError::Connect)
                };
                let tls = within(timeouts.command, Step::TlsHandshake, handshake).await?;
                Box::new(ImplicitTls(tls))
            }
            Security::None | Security::Starttls(_) => Box::new(socket),
        };
        let greeting = AsyncSmtpConnection::connect_with_transport(stream, &self.hello);
        let mut connection = within(timeouts.command, Step::Greeting, greeting).await?;
        if let Security::Starttls(parameters) = &self.security {
            let upgrade = connection.starttls(parameters.clone(), &self.hello);
            within(timeouts.command, Step::Starttls, upgrade).await?;
        }
        if let Some(credentials) = &self.credentials {
            let auth = connection.auth(DEFAULT_MECHANISMS, credentials);
            within(timeouts.command, Step::Auth, auth).await?;
        }
        Ok(connection)
    }

    /// A TCP connection with `TCP_NODELAY`, trying each address of the host in turn; the name
    /// lookup and each attempt get `connect_timeout` each.
    async fn open_socket(&self, connect_timeout: Duration) -> io::Result<TcpStream> {
        let lookup = tokio::net::lookup_host((self.host.as_str(), self.port));
        let addresses = tokio::time::timeout(connect_timeout, lookup)
            .await
            .map_err(|_| {
                io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the name lookup of the SMTP host timed out",
                )
            })??;
        let mut last_error = None;
        for address in addresses {
            match tokio::time::timeout(connect_timeout, TcpStream::connect(address)).await {
                Ok(Ok(socket)) => {
                    socket.set_nodelay(true)?;
                    return Ok(socket);
                }
                Ok(Err(error)) => last_error = Some(error),
                Err(_) => {
                    last_error = Some(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "connection timed out",
                    ));
                }
            }
        }
        Err(last_error.unwrap_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "could not resolve to any supported address",
            )
        }))
    }
}

/// MAIL, RCPT and DATA, with the parameters lettre's `AsyncSmtpConnection::send` would give
/// them, each answered within `limit`. Separate from the body, so that a failure here is known
/// to have handed the server nothing. A failed connection must not be reused.
async fn start_data(
    connection: &mut AsyncSmtpConnection,
    envelope: &Envelope,
    message: &[u8],
    limit: Duration,
) -> Result<(), SmtpError> {
    let mut parameters = Vec::new();
    let addresses = envelope.from().into_iter().chain(envelope.to());
    if addresses.map(Address::as_ref).any(|a: &str| !a.is_ascii()) {
        if !connection
            .server_info()
            .supports_feature(Extension::SmtpUtfEight)
        {
            return Err(SmtpError::Unsupported(
                "Envelope contains non-ascii chars but server does not support SMTPUTF8",
            ));
        }
        parameters.push(MailParameter::SmtpUtfEight);
    }
    if !message.is_ascii() {
        if !connection
            .server_info()
            .supports_feature(Extension::EightBitMime)
        {
            return Err(SmtpError::Unsupported(
                "Message contains non-ascii chars but server does not support 8BITMIME",
            ));
        }
        parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let mail = connection.command(Mail::new(envelope.from().cloned(), parameters));
    within(limit, Step::Mail, mail).await?;
    for to in envelope.to() {
        let rcpt = connection.command(Rcpt::new(to.clone(), Vec::new()));
        within(limit, Step::Rcpt, rcpt).await?;
    }
    within(limit, Step::Data, connection.command(Data)).await?;
    Ok(())
}

/// Whether a failure before DATA says the connection is gone rather than anything about the
/// message: no reply at all (the socket was closed or reset, or stayed silent past the
/// deadline), or 421, the reply of a server that is closing the connection (RFC 5321 3.8).
fn connection_lost(error: &SmtpError) -> bool {
    match error {
        SmtpError::Protocol(error) => match error.status() {
            Some(code) => u16::from(code) == 421,
            None => !error.is_client(),
        },
        SmtpError::Timeout { .. } => true,
        SmtpError::Connect(_) | SmtpError::Unsupported(_) => false,
    }
}

/// The client side of implicit TLS: the webpki roots plus `tls_ca`, TLS 1.2 and 1.3, with the
/// process's rustls crypto provider (ring unless one was installed), as lettre builds it.
fn implicit_tls(tls_ca: Option<&str>) -> anyhow::Result<tokio_rustls::TlsConnector> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(pem) = tls_ca {
        for certificate in CertificateDer::pem_slice_iter(pem.as_bytes()) {
            roots.add(certificate?)?;
        }
    }
    let provider = rustls::crypto::CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// An implicit-TLS socket in the shape lettre takes a stream in.
#[derive(Debug)]
struct ImplicitTls(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncTokioStream for ImplicitTls {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl AsyncRead for ImplicitTls {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for ImplicitTls {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}
