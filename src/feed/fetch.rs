//! Getting a feed's bytes: HTTP(S) with conditional GET, decompression, a whole-request timeout,
//! a minimum body rate, a body cap and manual redirect following, or a local `file://` read.
//!
//! Redirects are followed here rather than by reqwest so that we know whether every hop was
//! permanent (301/308), in which case the daemon stores the new URL.
//!
//! Whatever the source, a fetch ends within `timeout` and holds at most `max_body` bytes (+1 to
//! tell that there was more). A body must also keep arriving at [`MIN_BODY_BYTES`] per
//! [`body_window`]: the poller lets one request at a time go to a host, so a server trickling
//! its body (slowloris) would otherwise hold that host's other feeds for the whole timeout.
//! A local file is read only if it is a regular file: a FIFO or a device has no end.

use std::time::Duration;

use reqwest::StatusCode;

use crate::config::DaemonConfig;
use crate::feed::redact::redact_url;
use crate::net::{Blocked, Guard, blocked_cause, error_chain};
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};

/// Redirect hops followed before giving up (a loop ends here).
pub const MAX_REDIRECTS: usize = 10;

/// A body must bring at least this much in every [`body_window`], or the fetch fails.
pub const MIN_BODY_BYTES: usize = 1024;

/// The longest [`body_window`]: at the default 20 s timeout, a stalled or trickling body gives
/// its host back after 5 s.
pub const MAX_BODY_WINDOW: Duration = Duration::from_secs(5);

/// The time a body has to bring each [`MIN_BODY_BYTES`]: a quarter of the whole-request
/// `timeout`, at most [`MAX_BODY_WINDOW`], so that a trickle always fails before the timeout.
pub fn body_window(timeout: Duration) -> Duration {
    (timeout / 4).min(MAX_BODY_WINDOW)
}

/// Settings shared by every fetch.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    pub user_agent: String,
    /// Whole request, connect to last body byte, redirects included.
    pub timeout: Duration,
    /// Largest body accepted, counted after decompression.
    pub max_body: u64,
    /// Every feed may reach private addresses (`[daemon] allow_private_networks`).
    pub allow_private: bool,
    /// The SSRF guard applied otherwise.
    pub guard: Guard,
}

impl From<&DaemonConfig> for FetchSettings {
    fn from(daemon: &DaemonConfig) -> FetchSettings {
        FetchSettings {
            user_agent: daemon.user_agent.clone(),
            timeout: daemon.timeout,
            max_body: daemon.max_body,
            allow_private: daemon.allow_private_networks,
            guard: Guard {
                exempt: daemon.allow_private_addresses.clone(),
            },
        }
    }
}

/// One request for one feed.
#[derive(Debug, Clone, Copy)]
pub struct FetchRequest<'a> {
    pub url: &'a str,
    /// Validators from the previous successful response, sent as a conditional GET.
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
    pub headers: &'a [(String, String)],
    /// This feed may live on a private address (its `allow_private`).
    pub allow_private: bool,
}

/// A fetch that got an answer we can use.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// HTTP status of the final response (200 or 304); `None` for `file://`.
    pub status: Option<u16>,
    /// `None` means not modified since the validators we sent.
    pub body: Option<Vec<u8>>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// `Cache-Control: max-age`, a hint for the next poll.
    pub max_age: Option<Duration>,
    /// Set when every redirect hop was permanent: the URL to poll from now on.
    pub moved_to: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid URL {url}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("request timed out after {0:?}")]
    Timeout(Duration),
    #[error("response body exceeds max_body ({limit} bytes)")]
    BodyTooLarge { limit: u64 },
    #[error(
        "the response body arrived too slowly: {received} bytes in {window:?}, below the minimum \
         of {MIN_BODY_BYTES} bytes per {window:?} (a stalled or trickling server; the window is a \
         quarter of [daemon] timeout, at most 5 s)"
    )]
    BodyTooSlow { received: usize, window: Duration },
    #[error("more than {MAX_REDIRECTS} redirects (last: {last})")]
    TooManyRedirects { last: String },
    #[error("redirect without a usable Location header (HTTP {status})")]
    BadRedirect { status: u16 },
    #[error("feed is gone (HTTP 410)")]
    Gone,
    #[error("HTTP {status}")]
    Status {
        status: u16,
        /// `Retry-After` of a 429 or 503.
        retry_after: Option<RetryAfter>,
    },
    #[error("{0}")]
    Network(String),
    /// The SSRF guard refused the address.
    #[error("{0}")]
    Blocked(#[from] Blocked),
    #[error("cannot read {path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "refusing to read {path}: it is {kind}, not a regular file, and only regular files are \
         read as feeds (a pipe or a device may never end); point the feed at a regular file"
    )]
    NotAFile { path: String, kind: &'static str },
}

impl FetchError {
    /// The HTTP status behind this error, if one was received.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Gone => Some(410),
            FetchError::Status { status, .. } | FetchError::BadRedirect { status } => Some(*status),
            _ => None,
        }
    }

    pub fn retry_after(&self) -> Option<RetryAfter> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// The HTTP client and the limits it enforces; cheap to clone, one per daemon.
#[derive(Debug, Clone)]
pub struct Fetcher {
    /// Connects only where the SSRF guard allows.
    guarded: reqwest::Client,
    /// For feeds allowed to reach private addresses.
    open: reqwest::Client,
    settings: FetchSettings,
}

impl Fetcher {
    pub fn new(settings: FetchSettings) -> anyhow::Result<Fetcher> {
        install_crypto_provider();
        let builder = || {
            reqwest::Client::builder()
                .tls_backend_rustls()
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(settings.user_agent.clone())
                .timeout(settings.timeout)
                .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
                .gzip(true)
                .brotli(true)
                .deflate(true)
        };
        // A proxy would resolve names itself, out of the guard's sight.
        let guarded = builder()
            .no_proxy()
            .dns_resolver(settings.guard.resolver())
            .build()?;
        let open = builder().build()?;
        Ok(Fetcher {
            guarded,
            open,
            settings,
        })
    }

    pub fn settings(&self) -> &FetchSettings {
        &self.settings
    }

    /// Fetches one feed, bounded in time and size whatever the server does.
    pub async fn fetch(&self, request: FetchRequest<'_>) -> Result<Fetched, FetchError> {
        let url = url::Url::parse(request.url).map_err(|e| FetchError::InvalidUrl {
            url: redact_url(request.url),
            reason: e.to_string(),
        })?;
        let timeout = self.settings.timeout;
        let work = async {
            match url.scheme() {
                "http" | "https" => self.fetch_http(url, request).await,
                "file" => self.fetch_file(&url, request).await,
                other => Err(FetchError::InvalidUrl {
                    url: redact_url(request.url),
                    reason: format!("unsupported scheme {other}"),
                }),
            }
        };
        tokio::time::timeout(timeout, work)
            .await
            .unwrap_or(Err(FetchError::Timeout(timeout)))
    }

    async fn fetch_http(
        &self,
        mut url: url::Url,
        request: FetchRequest<'_>,
    ) -> Result<Fetched, FetchError> {
        let headers = request_headers(request)?;
        let open = self.settings.allow_private || request.allow_private;
        let client = if open { &self.open } else { &self.guarded };
        let mut all_permanent = true;
        for _hop in 0..=MAX_REDIRECTS {
            // Every hop: a public feed may redirect to the metadata service.
            if !open {
                self.settings.guard.check_url(&url)?;
            }
            let response = client
                .get(url.clone())
                .headers(headers.clone())
                .send()
                .await
                .map_err(|e| self.classify(e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                all_permanent &= matches!(
                    status,
                    StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
                );
                url = redirect_target(&url, response.headers()).ok_or(FetchError::BadRedirect {
                    status: status.as_u16(),
                })?;
                continue;
            }
            let moved_to = (all_permanent && url.as_str() != request.url).then(|| url.to_string());
            return self.finish(response, moved_to).await;
        }
        Err(FetchError::TooManyRedirects {
            last: redact_url(url.as_str()),
        })
    }

    async fn finish(
        &self,
        mut response: reqwest::Response,
        moved_to: Option<String>,
    ) -> Result<Fetched, FetchError> {
        let status = response.status();
        let headers = response.headers();
        let text = |name: HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let mut fetched = Fetched {
            status: Some(status.as_u16()),
            body: None,
            content_type: text(header::CONTENT_TYPE),
            etag: text(header::ETAG),
            last_modified: text(header::LAST_MODIFIED),
            max_age: text(header::CACHE_CONTROL).and_then(|v| parse_max_age(&v)),
            moved_to,
        };
        if status == StatusCode::NOT_MODIFIED {
            return Ok(fetched);
        }
        if status == StatusCode::GONE {
            return Err(FetchError::Gone);
        }
        if !status.is_success() {
            let retry_after = matches!(
                status,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            )
            .then(|| text(header::RETRY_AFTER))
            .flatten()
            .and_then(|v| RetryAfter::parse(&v));
            return Err(FetchError::Status {
                status: status.as_u16(),
                retry_after,
            });
        }
        fetched.body = Some(self.read_body(&mut response).await?);
        Ok(fetched)
    }

    /// The body, at most `max_body` bytes of it, arriving at [`MIN_BODY_BYTES`] per
    /// [`body_window`] at least.
    async fn read_body(&self, response: &mut reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let limit = self.settings.max_body;
        let window = body_window(self.settings.timeout);
        // Content-Length is only the compressed size, so the cap is enforced on what
        // reqwest hands us after decompression; a gzip bomb stops at the cap.
        let mut body = Vec::new();
        // The window restarts each time it has brought its quota: a body arriving steadily
        // above the rate is bounded only by the whole-request timeout.
        let mut deadline = tokio::time::Instant::now() + window;
        let mut received = 0;
        loop {
            let chunk = tokio::time::timeout_at(deadline, response.chunk())
                .await
                .map_err(|_| FetchError::BodyTooSlow { received, window })?
                .map_err(|e| self.classify(e))?;
            let Some(chunk) = chunk else {
                return Ok(body);
            };
            if body.len() as u64 + chunk.len() as u64 > limit {
                return Err(FetchError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
            received += chunk.len();
            if received >= MIN_BODY_BYTES {
                received = 0;
                deadline = tokio::time::Instant::now() + window;
            }
        }
    }

    /// Reads a local feed. A hash of its content plays the part of an `ETag`, so an unchanged
    /// file is "not modified" just like a 304, and a file rewritten within the same second
    /// (which a modification time cannot tell apart) is read again.
    async fn fetch_file(
        &self,
        url: &url::Url,
        request: FetchRequest<'_>,
    ) -> Result<Fetched, FetchError> {
        let path = url.to_file_path().map_err(|()| FetchError::InvalidUrl {
            url: redact_url(url.as_str()),
            reason: "not a local file path".into(),
        })?;
        let body = read_local_feed(&path, self.settings.max_body).await?;
        let tag = content_tag(&body);
        let unchanged = request.etag == Some(tag.as_str());
        Ok(Fetched {
            status: None,
            body: (!unchanged).then_some(body),
            content_type: None,
            etag: Some(tag),
            last_modified: None,
            max_age: None,
            moved_to: None,
        })
    }

    fn classify(&self, error: reqwest::Error) -> FetchError {
        // Its message would quote the URL, query secrets included; the poll's log names it.
        let error = error.without_url();
        if let Some(blocked) = blocked_cause(&error) {
            return FetchError::Blocked(blocked.clone());
        }
        if error.is_timeout() {
            FetchError::Timeout(self.settings.timeout)
        } else {
            FetchError::Network(error_chain(&error))
        }
    }
}

/// Makes ring the process's TLS crypto provider. reqwest is built without a bundled one so that
/// ring (fast to build, no C toolchain surprises) is used; every TLS client (feeds, webhooks)
/// needs this first, and installing twice is harmless.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

fn request_headers(request: FetchRequest<'_>) -> Result<HeaderMap, FetchError> {
    let mut headers = HeaderMap::new();
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: request.url.to_string(),
        reason,
    };
    for (name, value) in request.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| invalid(format!("header {name}: {e}")))?;
        let value =
            HeaderValue::from_str(value).map_err(|e| invalid(format!("header {name}: {e}")))?;
        headers.insert(name, value);
    }
    // Validators are ASCII in practice; one that isn't is dropped rather than failing the poll.
    if let Some(etag) = request.etag.and_then(|v| HeaderValue::from_str(v).ok()) {
        headers.insert(header::IF_NONE_MATCH, etag);
    }
    if let Some(since) = request
        .last_modified
        .and_then(|v| HeaderValue::from_str(v).ok())
    {
        headers.insert(header::IF_MODIFIED_SINCE, since);
    }
    Ok(headers)
}

fn redirect_target(current: &url::Url, headers: &HeaderMap) -> Option<url::Url> {
    let location = headers.get(header::LOCATION)?.to_str().ok()?;
    let target = current.join(location).ok()?;
    matches!(target.scheme(), "http" | "https").then_some(target)
}

/// `max-age` from a `Cache-Control` value; `no-cache`/`no-store` give no hint.
pub fn parse_max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| value.trim().trim_matches('"').parse::<u64>().ok())
            .flatten()
            .map(Duration::from_secs)
    })
}

/// A `Retry-After` header as sent. An HTTP date stays a date until the caller resolves it
/// against its own clock, so a test clock (or a slow request) never skews the wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    Delay(Duration),
    At(chrono::DateTime<chrono::Utc>),
}

impl RetryAfter {
    /// Delay-seconds or an HTTP date; anything else is ignored, as RFC 9110 allows.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
        Some(RetryAfter::At(when.with_timezone(&chrono::Utc)))
    }

    /// How long to wait from `now`; a date in the past means "now".
    pub fn delay_from(self, now: chrono::DateTime<chrono::Utc>) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(when) => (when - now).to_std().unwrap_or_default(),
        }
    }
}

/// At most `limit` bytes of the regular file at `path`: a FIFO, a device, a directory or a
/// socket is refused before it is opened, and a file longer than it says (a file being
/// written, a file of /proc) is cut at the limit with an error.
async fn read_local_feed(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, FetchError> {
    use tokio::io::AsyncReadExt;
    let file_error = |source| FetchError::File {
        path: path.display().to_string(),
        source,
    };
    // Looked at before opening: opening a FIFO waits for a writer, and opening some devices
    // acts on them (a tape rewinds).
    let metadata = tokio::fs::metadata(path).await.map_err(file_error)?;
    refuse_unless_regular(path, &metadata)?;
    if metadata.len() > limit {
        return Err(FetchError::BodyTooLarge { limit });
    }
    // Non-blocking and without taking a terminal, in case the path was swapped for something
    // else since; the open file is checked again below. Reads of a regular file ignore it.
    let file = tokio::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .await
        .map_err(file_error)?;
    let metadata = file.metadata().await.map_err(file_error)?;
    refuse_unless_regular(path, &metadata)?;
    let expected = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
    let mut body = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .await
        .map_err(file_error)?;
    if body.len() as u64 > limit {
        return Err(FetchError::BodyTooLarge { limit });
    }
    Ok(body)
}

fn refuse_unless_regular(
    path: &std::path::Path,
    metadata: &std::fs::Metadata,
) -> Result<(), FetchError> {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    let kind = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "an unknown kind of file"
    };
    Err(FetchError::NotAFile {
        path: path.display().to_string(),
        kind,
    })
}

/// The validator of a local feed: its length and the start of its SHA-256, quoted as an ETag.
fn content_tag(body: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{}-{hex}\"", body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        let cases = [
            ("max-age=86400", Some(86400)),
            ("public, max-age=300, must-revalidate", Some(300)),
            ("no-cache", None),
            ("max-age=abc", None),
            ("s-maxage=10", None),
        ];
        for (value, want) in cases {
            assert_eq!(
                parse_max_age(value),
                want.map(Duration::from_secs),
                "{value}"
            );
        }
    }

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .expect("valid literal")
            .with_timezone(&chrono::Utc);
        let cases = [
            ("120", Some(120)),
            ("Thu, 26 Nov 2026 10:05:00 GMT", Some(300)),
            ("Thu, 26 Nov 2026 09:00:00 GMT", Some(0)),
            ("soon", None),
        ];
        for (value, want) in cases {
            assert_eq!(
                RetryAfter::parse(value).map(|r| r.delay_from(now)),
                want.map(Duration::from_secs),
                "{value}"
            );
        }
    }
}
