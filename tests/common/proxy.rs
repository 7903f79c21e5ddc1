//! A TCP proxy on loopback that breaks connections on purpose, in front of a real server (the
//! mailin SMTP server, a webhook receiver). It exists because those servers cannot misbehave
//! on demand: mailin cannot drop a connection in the middle of DATA, axum cannot hang up
//! without answering. The proxy knows one thing about the protocol it carries (the marker
//! after which it cuts) and nothing else; every reply still comes from the real server.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy does with the next connection it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Pass bytes both ways unchanged.
    Forward,
    /// Read what the client sends first, then close without a word.
    HangUp,
    /// Read the request, then answer nothing and hold the connection open (at most 30 s).
    Stall,
    /// Write these bytes (say, an SMTP `421` greeting) and close, never reaching the server.
    Answer(&'static str),
    /// Forward until the client has sent this marker (say, `DATA\r\n`), pass on half of its
    /// next write, then close both sides: the server sees a message cut in the middle.
    CutAfter(&'static str),
    /// Forward until the client has sent this marker (say, `MAIL FROM`), that write included,
    /// then pass nothing more either way and hold the client's side open (at most 30 s): the
    /// server acts on the command, but its reply never arrives, as from a server frozen with
    /// `kill -STOP` while it worked on it.
    MuteAfter(&'static str),
}

struct Shared {
    fault: Mutex<Fault>,
    upstream: u16,
    /// Connections broken on purpose so far (any fault but `Forward`).
    broken: AtomicUsize,
    /// Connections accepted so far, whatever their fault.
    accepted: AtomicUsize,
    /// `Forward` connections still open.
    forwarding: AtomicUsize,
    /// Closes every `Forward` connection open at the time, as a server closes idle clients.
    hang_up: tokio::sync::Notify,
    /// Mutes every `Forward` connection open at the time (see [`FaultProxy::silence_all`]).
    silence: tokio::sync::Notify,
    /// Muted connections whose client has not closed them yet.
    muted: AtomicUsize,
}

/// Lives as long as the value.
pub struct FaultProxy {
    pub port: u16,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultProxy {
    /// Listens on 127.0.0.1:`port` (0 for any) and forwards to 127.0.0.1:`upstream`.
    pub async fn start(port: u16, upstream: u16, fault: Fault) -> FaultProxy {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let shared = Arc::new(Shared {
            fault: Mutex::new(fault),
            upstream,
            broken: AtomicUsize::new(0),
            accepted: AtomicUsize::new(0),
            forwarding: AtomicUsize::new(0),
            hang_up: tokio::sync::Notify::new(),
            silence: tokio::sync::Notify::new(),
            muted: AtomicUsize::new(0),
        });
        let accepting = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let fault = *accepting.fault.lock().expect("fault lock");
                accepting.accepted.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(client, fault, Arc::clone(&accepting)));
            }
        });
        FaultProxy { port, shared, task }
    }

    /// Applies to connections accepted from now on.
    pub fn set(&self, fault: Fault) {
        *self.shared.fault.lock().expect("fault lock") = fault;
    }

    pub fn broken(&self) -> usize {
        self.shared.broken.load(Ordering::SeqCst)
    }

    /// Connections accepted so far.
    pub fn accepted(&self) -> usize {
        self.shared.accepted.load(Ordering::SeqCst)
    }

    /// Closes every forwarded connection open now, both sides, and returns once they are
    /// closed: what a server does to clients idle past its timeout.
    pub async fn hang_up_all(&self) {
        self.shared.hang_up.notify_waiters();
        for _ in 0..500 {
            if self.shared.forwarding.load(Ordering::SeqCst) == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("forwarded connections still open 5 s after the hang-up");
    }

    /// Makes every forwarded connection open now go silent: the proxy closes its side to the
    /// server and passes nothing more, but keeps the client's side open (at most 30 s), as a
    /// frozen server or a NAT that forgot the connection would. Returns once they are muted.
    pub async fn silence_all(&self) {
        self.shared.silence.notify_waiters();
        for _ in 0..500 {
            if self.shared.forwarding.load(Ordering::SeqCst) == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("forwarded connections still forwarding 5 s after the silence");
    }

    /// Muted connections the client has not closed yet.
    pub fn muted(&self) -> usize {
        self.shared.muted.load(Ordering::SeqCst)
    }
}

async fn serve(mut client: TcpStream, fault: Fault, shared: Arc<Shared>) {
    let mut buf = vec![0u8; 16 * 1024];
    match fault {
        Fault::Forward => {
            let hang_up = shared.hang_up.notified();
            let silence = shared.silence.notified();
            if let Ok(mut server) = TcpStream::connect(("127.0.0.1", shared.upstream)).await {
                shared.forwarding.fetch_add(1, Ordering::SeqCst);
                let silenced = tokio::select! {
                    _ = tokio::io::copy_bidirectional(&mut client, &mut server) => false,
                    () = hang_up => false,
                    () = silence => true,
                };
                drop(server);
                if silenced {
                    shared.muted.fetch_add(1, Ordering::SeqCst);
                }
                shared.forwarding.fetch_sub(1, Ordering::SeqCst);
                if silenced {
                    hold_silently(client, &shared).await;
                }
            }
        }
        Fault::HangUp => {
            shared.broken.fetch_add(1, Ordering::SeqCst);
            let _ = tokio::time::timeout(Duration::from_secs(5), client.read(&mut buf)).await;
        }
        Fault::Stall => {
            shared.broken.fetch_add(1, Ordering::SeqCst);
            // Keep reading (and ignoring) until the client gives up, bounded.
            let _ = tokio::time::timeout(Duration::from_secs(30), async {
                while matches!(client.read(&mut buf).await, Ok(n) if n > 0) {}
            })
            .await;
        }
        Fault::Answer(text) => {
            shared.broken.fetch_add(1, Ordering::SeqCst);
            let _ = client.write_all(text.as_bytes()).await;
            let _ = client.shutdown().await;
        }
        Fault::CutAfter(marker) => {
            let Ok(server) = TcpStream::connect(("127.0.0.1", shared.upstream)).await else {
                return;
            };
            cut_after(client, server, marker.as_bytes(), &shared).await;
        }
        Fault::MuteAfter(marker) => {
            let Ok(server) = TcpStream::connect(("127.0.0.1", shared.upstream)).await else {
                return;
            };
            if let Some(client) = mute_after(client, server, marker.as_bytes()).await {
                shared.broken.fetch_add(1, Ordering::SeqCst);
                shared.muted.fetch_add(1, Ordering::SeqCst);
                hold_silently(client, &shared).await;
            }
        }
    }
}

/// Reads and drops what the client sends until it closes the connection (at most 30 s).
async fn hold_silently(mut client: TcpStream, shared: &Shared) {
    let mut buf = vec![0u8; 16 * 1024];
    let _ = tokio::time::timeout(Duration::from_secs(30), async {
        while matches!(client.read(&mut buf).await, Ok(n) if n > 0) {}
    })
    .await;
    shared.muted.fetch_sub(1, Ordering::SeqCst);
}

/// Forwards both ways until the client has sent `marker`; forwards that write, reads and drops
/// the server's reply, and closes the server's side. Returns the client's side, still open,
/// or `None` if either side went away before the marker.
async fn mute_after(
    mut client: TcpStream,
    mut server: TcpStream,
    marker: &[u8],
) -> Option<TcpStream> {
    let mut seen = Vec::new();
    let mut from_client = vec![0u8; 16 * 1024];
    let mut from_server = vec![0u8; 16 * 1024];
    // Bounded by the client: it reaches the marker or closes long before this many reads.
    for _ in 0..10_000 {
        tokio::select! {
            read = client.read(&mut from_client) => {
                let n = read.ok().filter(|n| *n > 0)?;
                server.write_all(&from_client[..n]).await.ok()?;
                seen.extend_from_slice(&from_client[..n]);
                if seen.windows(marker.len()).any(|w| w == marker) {
                    let reply = server.read(&mut from_server);
                    let _ = tokio::time::timeout(Duration::from_secs(5), reply).await;
                    return Some(client);
                }
            }
            read = server.read(&mut from_server) => {
                let n = read.ok().filter(|n| *n > 0)?;
                client.write_all(&from_server[..n]).await.ok()?;
            }
        }
    }
    None
}

/// Server-to-client bytes flow freely; client-to-server bytes are watched for `marker`.
async fn cut_after(client: TcpStream, server: TcpStream, marker: &[u8], shared: &Shared) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let replies = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
    });
    let mut seen = Vec::new();
    let mut marked = false;
    let mut buf = vec![0u8; 16 * 1024];
    // Bounded by the client: it stops writing or closes long before this many reads.
    for _ in 0..10_000 {
        let n = match client_read.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if marked {
            let _ = server_write.write_all(&buf[..n.div_ceil(2)]).await;
            shared.broken.fetch_add(1, Ordering::SeqCst);
            break;
        }
        if server_write.write_all(&buf[..n]).await.is_err() {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
        marked = seen.windows(marker.len()).any(|w| w == marker);
    }
    replies.abort();
    // Dropping both halves of both streams closes the two connections.
}
