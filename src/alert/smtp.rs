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

/// How long opening the TCP connection may take, as lettre's transport was configured before.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    /// No connection: name resolution, TCP connect (or its timeout), or the handshake of
    /// implicit TLS.
    #[error("Connection error: {0}")]
    Connect(io::Error),
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

/// Where and how a channel submits mail, and the connections it keeps open for that.
pub struct SmtpPool {
    relay: Relay,
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
            idle: Mutex::new(Vec::new()),
            reaper_started: AtomicBool::new(false),
        })
    }

    /// Sends `message` (the formatted email) to the envelope's recipients and returns the
    /// server's answer to the final ".".
    pub async fn send(
        self: &Arc<Self>,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<Response, SmtpError> {
        let mut connection = match self.take_idle() {
            Some(mut reused) => match start_data(&mut reused, envelope, message).await {
                Ok(()) => reused,
                Err(error) if connection_lost(&error) => {
                    tracing::debug!(host = %self.relay.host, error = %error, "pooled SMTP connection was closed; opening a new one");
                    drop(reused);
                    self.fresh_connection(envelope, message).await?
                }
                Err(error) => {
                    reused.abort().await;
                    return Err(error);
                }
            },
            None => self.fresh_connection(envelope, message).await?,
        };
        match connection.message(message).await {
            Ok(response) => {
                self.put_back(connection).await;
                Ok(response)
            }
            Err(error) => {
                connection.abort().await;
                Err(error.into())
            }
        }
    }

    /// A new connection on which the server has accepted DATA for this message.
    async fn fresh_connection(
        &self,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<AsyncSmtpConnection, SmtpError> {
        let mut connection = self.relay.connect().await?;
        if let Err(error) = start_data(&mut connection, envelope, message).await {
            connection.abort().await;
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
            Some(mut connection) => connection.abort().await,
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
                for mut parked in expired {
                    parked.connection.abort().await;
                }
            }
        });
    }
}

impl Relay {
    /// Connects, secures and authenticates a new connection, ready for MAIL.
    async fn connect(&self) -> Result<AsyncSmtpConnection, SmtpError> {
        let socket = self.open_socket().await.map_err(SmtpError::Connect)?;
        let stream: Box<dyn AsyncTokioStream> = match &self.security {
            Security::Implicit(connector) => {
                let name = ServerName::try_from(self.host.clone()).map_err(|_| {
                    SmtpError::Connect(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "domain isn't a valid DNS name",
                    ))
                })?;
                let tls = connector
                    .connect(name, socket)
                    .await
                    .map_err(SmtpError::Connect)?;
                Box::new(ImplicitTls(tls))
            }
            Security::None | Security::Starttls(_) => Box::new(socket),
        };
        let mut connection =
            AsyncSmtpConnection::connect_with_transport(stream, &self.hello).await?;
        if let Security::Starttls(parameters) = &self.security {
            connection.starttls(parameters.clone(), &self.hello).await?;
        }
        if let Some(credentials) = &self.credentials {
            connection.auth(DEFAULT_MECHANISMS, credentials).await?;
        }
        Ok(connection)
    }

    /// A TCP connection with `TCP_NODELAY`, trying each address of the host in turn.
    async fn open_socket(&self) -> io::Result<TcpStream> {
        let mut last_error = None;
        for address in tokio::net::lookup_host((self.host.as_str(), self.port)).await? {
            match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(address)).await {
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
/// them. Separate from the body, so that a failure here is known to have handed the server
/// nothing. A failed connection must not be reused.
async fn start_data(
    connection: &mut AsyncSmtpConnection,
    envelope: &Envelope,
    message: &[u8],
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
    connection
        .command(Mail::new(envelope.from().cloned(), parameters))
        .await?;
    for to in envelope.to() {
        connection
            .command(Rcpt::new(to.clone(), Vec::new()))
            .await?;
    }
    connection.command(Data).await?;
    Ok(())
}

/// Whether a failure before DATA says the connection is gone rather than anything about the
/// message: no reply at all (the socket was closed or reset), or 421, the reply of a server
/// that is closing the connection (RFC 5321 3.8).
fn connection_lost(error: &SmtpError) -> bool {
    match error {
        SmtpError::Protocol(error) => match error.status() {
            Some(code) => u16::from(code) == 421,
            None => !error.is_client(),
        },
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
