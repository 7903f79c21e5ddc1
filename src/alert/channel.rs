//! The channels an alert can leave through: email (SMTP through [`super::smtp`], the local
//! sendmail, or a Maildir folder) and webhooks. Each delivery ends as delivered, a transient
//! failure (retry later, maybe at a time the server asked for) or a permanent one (SMTP 5xx,
//! HTTP 4xx other than 408 and 429, a redirect, an address the SSRF guard refuses): the outbox
//! worker decides what to do with that.
//!
//! Webhooks never follow a redirect. The alert is signed and may carry the channel's
//! authentication headers: it goes to the address the config names or nowhere, so a receiver
//! (or whoever controls it) cannot send it on to an internal service or the cloud metadata
//! endpoint. [`WebhookClient`] is the only way to build a channel's client, so no caller can
//! hand in one that follows redirects.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use hmac::{Hmac, Mac};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSendmailTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::Sha256;

use super::render::{self, TemplateUse, Templates};
use super::smtp::{SmtpPool, SmtpTimeouts};
use super::{Alert, Digest, StoryUpdate};
use crate::config::{ChannelConfig, ChannelKind, Config, EmailTransport, Secret, WebhookFormat};
use crate::feed::fetch::RetryAfter;
use crate::net::{Guard, blocked_cause, error_chain};

/// What the receiving side answered, for logs and `send-test`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// Worth retrying: the server is down, busy, or asked us to wait.
    #[error("{message}")]
    Transient {
        message: String,
        retry_after: Option<RetryAfter>,
    },
    /// Retrying cannot help: a rejected address, a 4xx from a webhook, a broken message.
    #[error("{message}")]
    Permanent { message: String },
}

impl DeliveryError {
    fn transient(message: impl Into<String>) -> DeliveryError {
        DeliveryError::Transient {
            message: message.into(),
            retry_after: None,
        }
    }

    fn permanent(message: impl Into<String>) -> DeliveryError {
        DeliveryError::Permanent {
            message: message.into(),
        }
    }
}

/// A configured channel, ready to deliver.
pub struct Channel {
    pub name: String,
    sink: Sink,
    templates: Templates,
}

enum Sink {
    Smtp {
        pool: Arc<SmtpPool>,
        envelope: Envelope,
    },
    Sendmail {
        mailer: AsyncSendmailTransport<Tokio1Executor>,
        envelope: Envelope,
        /// How long the command may take to take the message: a hung command (a full queue
        /// directory, a relay it waits on) would otherwise hold the channel for good.
        deadline: Duration,
    },
    Maildir {
        dir: PathBuf,
        envelope: Envelope,
    },
    Webhook {
        client: WebhookClient,
        url: String,
        format: WebhookFormat,
        secret: Option<Vec<u8>>,
        headers: Vec<(String, String)>,
    },
}

/// The HTTP client webhooks post through, shared by channels: it follows no redirect, and
/// when guarded it connects only where the SSRF guard allows.
#[derive(Clone)]
pub struct WebhookClient {
    http: reqwest::Client,
    /// The SSRF guard for a literal IP in a channel's URL (names are checked by `http`'s
    /// resolver), and for naming a refused redirect target. `None` for channels allowed to
    /// reach private addresses.
    guard: Option<Guard>,
}

impl WebhookClient {
    /// `timeout` bounds each post, from connect to the last byte of the answer.
    pub fn new(
        timeout: Duration,
        user_agent: &str,
        guard: Option<Guard>,
    ) -> anyhow::Result<WebhookClient> {
        crate::feed::fetch::install_crypto_provider();
        let builder = reqwest::Client::builder()
            .tls_backend_rustls()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .user_agent(user_agent);
        let http = match &guard {
            // A proxy would resolve names itself, out of the guard's sight.
            Some(guard) => builder.no_proxy().dns_resolver(guard.resolver()).build()?,
            None => builder.build()?,
        };
        Ok(WebhookClient { http, guard })
    }
}

struct Envelope {
    from: Mailbox,
    to: Vec<Mailbox>,
    /// `List-Id` (RFC 2919), one per channel, so mail filters can file each channel's alerts;
    /// "localhost" is the namespace RFC 2919 gives lists without a domain of their own.
    list_id: String,
}

impl Channel {
    /// Builds the channel; `client` carries webhook posts (email channels ignore it).
    pub fn new(config: &ChannelConfig, client: &WebhookClient) -> anyhow::Result<Channel> {
        Channel::with_smtp_timeouts(config, client, SmtpTimeouts::default())
    }

    /// [`Channel::new`] with other SMTP deadlines, for tests that cannot wait the real ones.
    pub fn with_smtp_timeouts(
        config: &ChannelConfig,
        client: &WebhookClient,
        smtp_timeouts: SmtpTimeouts,
    ) -> anyhow::Result<Channel> {
        let sink = match &config.kind {
            ChannelKind::Email(email) => {
                let envelope = Envelope {
                    from: email.from.parse()?,
                    to: email
                        .to
                        .iter()
                        .map(|to| to.parse())
                        .collect::<Result<_, _>>()?,
                    list_id: format!("newswatch {0} <{0}.newswatch.localhost>", config.name),
                };
                match &email.transport {
                    EmailTransport::Smtp {
                        host,
                        port,
                        tls,
                        username,
                        password,
                        tls_ca,
                    } => Sink::Smtp {
                        pool: Arc::new(
                            SmtpPool::new(
                                host,
                                *port,
                                *tls,
                                username.as_deref(),
                                password.as_ref(),
                                tls_ca.as_deref(),
                            )?
                            .with_timeouts(smtp_timeouts),
                        ),
                        envelope,
                    },
                    EmailTransport::Sendmail { command } => Sink::Sendmail {
                        mailer: AsyncSendmailTransport::new_with_command(command.as_os_str()),
                        envelope,
                        deadline: smtp_timeouts.message,
                    },
                    EmailTransport::Maildir { dir } => Sink::Maildir {
                        dir: dir.clone(),
                        envelope,
                    },
                }
            }
            ChannelKind::Webhook(hook) => Sink::Webhook {
                client: client.clone(),
                url: hook.url.clone(),
                format: hook.format,
                secret: hook.secret.as_ref().map(signing_key).transpose()?,
                headers: hook.headers.clone(),
            },
        };
        let template_use = match config.kind {
            ChannelKind::Email(_) => TemplateUse::Email,
            ChannelKind::Webhook(_) => TemplateUse::Webhook,
        };
        Ok(Channel {
            name: config.name.clone(),
            sink,
            templates: Templates::new(config.template.as_ref(), template_use)
                .map_err(|e| anyhow::anyhow!("channel \"{}\": template: {e}", config.name))?,
        })
    }

    /// The least time between two posts, for services that rate-limit their webhooks: Slack
    /// allows about one message per second per webhook, Discord five per two seconds. Pacing
    /// keeps every alert; a 429 that still happens is retried after its `Retry-After`.
    pub fn pace(&self) -> Option<Duration> {
        match &self.sink {
            Sink::Webhook {
                format: WebhookFormat::Slack,
                ..
            } => Some(Duration::from_millis(1000)),
            Sink::Webhook {
                format: WebhookFormat::Discord,
                ..
            } => Some(Duration::from_millis(400)),
            _ => None,
        }
    }

    /// Delivers one alert; `body` is its `newswatch.alert.v1` JSON as stored.
    pub async fn deliver(&self, alert: &Alert, body: &str) -> Result<Delivered, DeliveryError> {
        self.send(render::Message::Alert(alert), body).await
    }

    /// Delivers a story's follow-up; `body` is its `newswatch.story_update.v1` JSON as stored.
    pub async fn deliver_update(
        &self,
        update: &StoryUpdate,
        body: &str,
    ) -> Result<Delivered, DeliveryError> {
        self.send(render::Message::StoryUpdate(update), body).await
    }

    /// Delivers held alerts as one message.
    pub async fn deliver_digest(&self, digest: &Digest) -> Result<Delivered, DeliveryError> {
        let body = serde_json::to_string(digest)
            .map_err(|e| DeliveryError::permanent(format!("cannot encode the digest: {e}")))?;
        self.send(render::Message::Digest(digest), &body).await
    }

    async fn send(
        &self,
        outgoing: render::Message<'_>,
        json: &str,
    ) -> Result<Delivered, DeliveryError> {
        match &self.sink {
            Sink::Smtp { pool, envelope } => {
                let message = email_message(&self.templates, outgoing, envelope)?;
                match pool.send(message.envelope(), &message.formatted()).await {
                    Ok(response) => Ok(Delivered {
                        answer: format!("SMTP {}", response.code()),
                    }),
                    // lettre keeps the cause (connection refused, TLS, a closed connection)
                    // as the error's source: the message must carry it.
                    Err(error) if error.is_permanent() => Err(DeliveryError::permanent(format!(
                        "SMTP: {}",
                        crate::net::error_chain(&error)
                    ))),
                    Err(error) => Err(DeliveryError::transient(format!(
                        "SMTP: {}",
                        crate::net::error_chain(&error)
                    ))),
                }
            }
            Sink::Sendmail {
                mailer,
                envelope,
                deadline,
            } => {
                let message = email_message(&self.templates, outgoing, envelope)?;
                // lettre spawns the command with kill_on_drop: the timeout ends the process.
                match tokio::time::timeout(*deadline, mailer.send(message)).await {
                    Ok(sent) => sent
                        .map(|()| Delivered {
                            answer: "sendmail accepted".into(),
                        })
                        .map_err(|e| {
                            DeliveryError::transient(format!(
                                "sendmail: {}",
                                crate::net::error_chain(&e)
                            ))
                        }),
                    Err(_) => Err(DeliveryError::transient(format!(
                        "sendmail: the command did not take the message within {}s and was \
                         killed; the alert stays pending (check the local mail system)",
                        deadline.as_secs()
                    ))),
                }
            }
            Sink::Maildir { dir, envelope } => {
                let message = email_message(&self.templates, outgoing, envelope)?;
                let path = deliver_to_maildir(dir, outgoing.id(), &message.formatted())
                    .await
                    .map_err(|e| {
                        DeliveryError::transient(format!("maildir {}: {e}", dir.display()))
                    })?;
                Ok(Delivered {
                    answer: format!("stored {}", path.display()),
                })
            }
            Sink::Webhook {
                client,
                url,
                format,
                secret,
                headers,
            } => {
                let parsed = url::Url::parse(url)
                    .map_err(|e| DeliveryError::permanent(format!("webhook url: {e}")))?;
                if let Some(guard) = &client.guard {
                    guard
                        .check_url(&parsed)
                        .map_err(|e| DeliveryError::permanent(format!("webhook: {e}")))?;
                }
                let target = WebhookTarget {
                    url: &parsed,
                    format: *format,
                    secret: secret.as_deref(),
                    headers,
                };
                post_webhook(client, &target, &self.templates, outgoing, json).await
            }
        }
    }
}

/// Every channel of `config`. Webhooks share two HTTP clients: one behind the SSRF guard, and
/// one for channels allowed to reach private addresses.
pub fn build_all(config: &Config) -> anyhow::Result<Vec<Channel>> {
    let guard = Guard {
        exempt: config.daemon.allow_private_addresses.clone(),
    };
    let (timeout, user_agent) = (config.daemon.timeout, &config.daemon.user_agent);
    let guarded = WebhookClient::new(timeout, user_agent, Some(guard))?;
    let open = WebhookClient::new(timeout, user_agent, None)?;
    config
        .channels
        .iter()
        .map(|channel| {
            let allowed = config.daemon.allow_private_networks
                || matches!(&channel.kind, ChannelKind::Webhook(hook) if hook.allow_private);
            let built = Channel::new(channel, if allowed { &open } else { &guarded });
            built.map_err(|e| e.context(format!("channel \"{}\"", channel.name)))
        })
        .collect()
}

/// multipart/alternative (plain text and HTML), with the headers mail filters key on and a
/// `Message-ID` derived from the alert id, so a receiver can drop a re-delivered duplicate.
fn email_message(
    templates: &Templates,
    outgoing: render::Message<'_>,
    envelope: &Envelope,
) -> Result<Message, DeliveryError> {
    let cannot_render =
        |e: String| DeliveryError::permanent(format!("cannot render the email: {e}"));
    let html = templates.html_body(outgoing).map_err(cannot_render)?;
    let text = templates.text_body(outgoing).map_err(cannot_render)?;
    let header = |name: &'static str, value: String| {
        HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
    };
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .subject(templates.subject(outgoing))
        .message_id(Some(format!("<{}@newswatch>", outgoing.id())))
        .date_now()
        .raw_header(header("List-Id", envelope.list_id.clone()))
        .raw_header(header("X-Newswatch-Rule", outgoing.rules().join(", ")))
        .raw_header(header(
            "X-Newswatch-Severity",
            outgoing.severity().as_str().to_string(),
        ));
    match outgoing {
        render::Message::Digest(digest) => {
            builder = builder.raw_header(header(
                "X-Newswatch-Digest",
                digest.alerts.len().to_string(),
            ));
        }
        render::Message::StoryUpdate(update) => {
            // Threaded under the story's first alert, whose Message-ID derives from its id.
            let first = format!("<{}@newswatch>", update.first.alert_id);
            builder = builder
                .in_reply_to(first.clone())
                .references(first)
                .raw_header(header("X-Newswatch-Story", update.story.clone()));
        }
        render::Message::Alert(alert) => {
            if let Some(story) = &alert.story {
                builder = builder.raw_header(header("X-Newswatch-Story", story.clone()));
            }
        }
    }
    for to in &envelope.to {
        builder = builder.to(to.clone());
    }
    builder
        .multipart(MultiPart::alternative_plain_html(text, html))
        .map_err(|e| DeliveryError::permanent(format!("cannot build the email: {e}")))
}

/// Maildir delivery: write into `tmp/`, then rename into `new/`, so a mail reader never sees a
/// half-written message. The file is named after the alert, so delivering the same alert
/// twice (after a crash) leaves one message, not two.
async fn deliver_to_maildir(dir: &Path, id: &str, message: &[u8]) -> std::io::Result<PathBuf> {
    use tokio::io::AsyncWriteExt;
    // Alerts are mail for their owner only: folders this creates are 0700 and messages 0600,
    // whatever the umask (folders that already exist keep their mode).
    let mut folders = tokio::fs::DirBuilder::new();
    folders.recursive(true).mode(0o700);
    for sub in ["tmp", "new", "cur"] {
        folders.create(dir.join(sub)).await?;
    }
    let name = format!("newswatch-{id}");
    let tmp = dir.join("tmp").join(&name);
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .await?;
    file.write_all(message).await?;
    file.sync_all().await?;
    let new = dir.join("new").join(&name);
    tokio::fs::rename(&tmp, &new).await?;
    Ok(new)
}

/// `whsec_<base64>` (or bare base64, or raw text) to the HMAC key, per Standard Webhooks.
fn signing_key(secret: &Secret) -> anyhow::Result<Vec<u8>> {
    let text = secret.expose();
    let encoded = text.strip_prefix("whsec_").unwrap_or(text);
    Ok(base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap_or_else(|_| text.as_bytes().to_vec()))
}

/// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
pub fn webhook_signature(key: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    format!("v1,{signature}")
}

/// Where and how a webhook posts.
struct WebhookTarget<'a> {
    url: &'a url::Url,
    format: WebhookFormat,
    secret: Option<&'a [u8]>,
    headers: &'a [(String, String)],
}

async fn post_webhook(
    client: &WebhookClient,
    target: &WebhookTarget<'_>,
    templates: &Templates,
    outgoing: render::Message<'_>,
    json: &str,
) -> Result<Delivered, DeliveryError> {
    let WebhookTarget {
        url,
        format,
        secret,
        headers,
    } = *target;
    let (payload, media_type) = match (templates.webhook_body(outgoing), format) {
        (Some(rendered), _) => rendered.map_err(|e| {
            DeliveryError::permanent(format!("cannot render the webhook body: {e}"))
        })?,
        (None, WebhookFormat::Json) => (json.to_string(), "application/json"),
        (None, service) => (
            super::chat::message(service, outgoing).to_string(),
            "application/json",
        ),
    };
    let id = outgoing.id();
    let timestamp = chrono::Utc::now().timestamp();
    let mut request = client.http.post(url.clone());
    // The channel's own headers (authentication for a private receiver, say); ours follow.
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let mut request = request
        .header("content-type", media_type)
        .header("webhook-id", id)
        .header("webhook-timestamp", timestamp.to_string());
    if let Some(key) = secret {
        request = request.header(
            "webhook-signature",
            webhook_signature(key, id, timestamp, &payload),
        );
    }
    let response = request.body(payload).send().await.map_err(send_error)?;
    let status = response.status();
    if status.is_redirection() {
        return Err(redirect_error(target, client.guard.as_ref(), &response));
    }
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(RetryAfter::parse);
    let answer = format!("HTTP {}", status.as_u16());
    if status.is_success() {
        Ok(Delivered { answer })
    } else if status.is_server_error() || matches!(status.as_u16(), 408 | 429) {
        Err(DeliveryError::Transient {
            message: format!("webhook answered {answer}"),
            retry_after,
        })
    } else {
        Err(DeliveryError::permanent(format!(
            "webhook answered {answer}"
        )))
    }
}

/// A post that got no answer. The guard's refusal of a name is permanent, as for a literal
/// address: the name resolves to a private address, and retrying for a day would only
/// resolve it there again; the user must allow the address or fix the URL, then replay.
/// Anything else (refused, reset, timed out, a DNS failure) may pass, and is retried.
fn send_error(error: reqwest::Error) -> DeliveryError {
    if let Some(blocked) = blocked_cause(&error) {
        return DeliveryError::permanent(format!("webhook: {blocked}"));
    }
    // reqwest's message names the URL, which for a chat service is the credential, and this
    // message reaches the log, the outbox and `status`; its causes name no URL.
    DeliveryError::transient(format!("webhook: {}", error_chain(&error.without_url())))
}

/// A receiver answered with a redirect, which a webhook never follows (see the module doc).
/// Permanent, not transient: newswatch would post to the same URL and get the same answer
/// until the user changes the config, so a day of retries would only hide the problem as
/// "pending"; failing at once shows it in `status` and the log with the target named, and
/// `replay` resends the alerts once the channel's url is right. Stripe and GitHub treat a
/// redirect from a webhook receiver the same way: a failed delivery, never followed.
fn redirect_error(
    target: &WebhookTarget<'_>,
    guard: Option<&Guard>,
    response: &reqwest::Response,
) -> DeliveryError {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|location| target.url.join(location).ok());
    let Some(location) = location else {
        return DeliveryError::permanent(format!(
            "webhook answered HTTP {status}, a redirect without a usable Location header; \
             newswatch does not follow redirects from webhook receivers: check the channel's url"
        ));
    };
    let refused = guard
        .and_then(|guard| guard.check_url(&location).err())
        .map(|blocked| {
            format!(
                " (the SSRF guard refuses it too: {} is {})",
                blocked.address, blocked.class
            )
        })
        .unwrap_or_default();
    DeliveryError::permanent(format!(
        "webhook answered HTTP {status}, a redirect to {}{refused}; newswatch does not follow \
         redirects from webhook receivers, so that the signed alert goes only where the config \
         says: if the receiver has moved, set the channel's url to its new address",
        shown_target(&location, target.format)
    ))
}

/// A redirect target as an error may show it: no user name or password, no query (where
/// tokens travel), and for a chat service no path either, since its path is the credential.
fn shown_target(location: &url::Url, format: WebhookFormat) -> String {
    let origin = location.origin().ascii_serialization();
    if format != WebhookFormat::Json {
        return format!("{origin}/…");
    }
    let query = if location.query().is_some() {
        "?…"
    } else {
        ""
    };
    format!("{origin}{}{query}", location.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_target_is_shown_without_credentials() {
        let url = |text: &str| url::Url::parse(text).expect("url");
        let target = url("https://user:pw@hooks.example.net:8443/moved/here?token=abc#top");
        assert_eq!(
            shown_target(&target, WebhookFormat::Json),
            "https://hooks.example.net:8443/moved/here?…"
        );
        // A chat service's path is its credential: http -> https keeps the secret path.
        let slack = url("https://hooks.slack.com/services/T000/B000/XXXXXXXX");
        for format in [
            WebhookFormat::Slack,
            WebhookFormat::Discord,
            WebhookFormat::Teams,
        ] {
            assert_eq!(shown_target(&slack, format), "https://hooks.slack.com/…");
        }
    }
}
