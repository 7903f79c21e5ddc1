//! The channels an alert can leave through: email (SMTP through [`super::smtp`], the local
//! sendmail, or a Maildir folder) and webhooks. Each delivery ends as delivered, a transient
//! failure (retry later, maybe at a time the server asked for) or a permanent one (SMTP 5xx,
//! HTTP 4xx other than 408 and 429): the outbox worker decides what to do with that.

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
use super::smtp::SmtpPool;
use super::{Alert, Digest, StoryUpdate};
use crate::config::{ChannelConfig, ChannelKind, Config, EmailTransport, Secret, WebhookFormat};
use crate::feed::fetch::RetryAfter;
use crate::net::Guard;

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
    },
    Maildir {
        dir: PathBuf,
        envelope: Envelope,
    },
    Webhook {
        client: reqwest::Client,
        url: String,
        format: WebhookFormat,
        secret: Option<Vec<u8>>,
        headers: Vec<(String, String)>,
        /// The SSRF guard for a literal IP in `url`; names are checked by the client's
        /// resolver. `None` when the channel may reach private addresses.
        guard: Option<Guard>,
    },
}

struct Envelope {
    from: Mailbox,
    to: Vec<Mailbox>,
    /// `List-Id` (RFC 2919), one per channel, so mail filters can file each channel's alerts;
    /// "localhost" is the namespace RFC 2919 gives lists without a domain of their own.
    list_id: String,
}

impl Channel {
    /// Builds the channel; `client` is shared by webhooks (its timeout bounds each post) and
    /// must resolve names through `guard`'s resolver when a guard is given.
    pub fn new(
        config: &ChannelConfig,
        client: &reqwest::Client,
        guard: Option<&Guard>,
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
                        pool: Arc::new(SmtpPool::new(
                            host,
                            *port,
                            *tls,
                            username.as_deref(),
                            password.as_ref(),
                            tls_ca.as_deref(),
                        )?),
                        envelope,
                    },
                    EmailTransport::Sendmail { command } => Sink::Sendmail {
                        mailer: AsyncSendmailTransport::new_with_command(command.as_os_str()),
                        envelope,
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
                guard: guard.cloned(),
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
                    Err(error) if error.is_permanent() => {
                        Err(DeliveryError::permanent(format!("SMTP: {error}")))
                    }
                    Err(error) => Err(DeliveryError::transient(format!("SMTP: {error}"))),
                }
            }
            Sink::Sendmail { mailer, envelope } => {
                let message = email_message(&self.templates, outgoing, envelope)?;
                mailer
                    .send(message)
                    .await
                    .map(|()| Delivered {
                        answer: "sendmail accepted".into(),
                    })
                    .map_err(|e| DeliveryError::transient(format!("sendmail: {e}")))
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
                guard,
            } => {
                if let Some(guard) = guard {
                    let parsed = url::Url::parse(url)
                        .map_err(|e| DeliveryError::permanent(format!("webhook url: {e}")))?;
                    guard
                        .check_url(&parsed)
                        .map_err(|e| DeliveryError::permanent(format!("webhook: {e}")))?;
                }
                let target = WebhookTarget {
                    url,
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
    crate::feed::fetch::install_crypto_provider();
    let builder = || {
        reqwest::Client::builder()
            .tls_backend_rustls()
            .timeout(config.daemon.timeout)
            .user_agent(config.daemon.user_agent.clone())
    };
    let guard = Guard {
        exempt: config.daemon.allow_private_addresses.clone(),
    };
    // A proxy would resolve names itself, out of the guard's sight.
    let guarded = builder()
        .no_proxy()
        .dns_resolver(guard.resolver())
        .build()?;
    let open = builder().build()?;
    config
        .channels
        .iter()
        .map(|channel| {
            let allowed = config.daemon.allow_private_networks
                || matches!(&channel.kind, ChannelKind::Webhook(hook) if hook.allow_private);
            let built = if allowed {
                Channel::new(channel, &open, None)
            } else {
                Channel::new(channel, &guarded, Some(&guard))
            };
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
    url: &'a str,
    format: WebhookFormat,
    secret: Option<&'a [u8]>,
    headers: &'a [(String, String)],
}

async fn post_webhook(
    client: &reqwest::Client,
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
            service_message(service, outgoing).to_string(),
            "application/json",
        ),
    };
    let id = outgoing.id();
    let timestamp = chrono::Utc::now().timestamp();
    let mut request = client.post(url);
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
    let response = request
        .body(payload)
        .send()
        .await
        // reqwest's message names the URL, which for a chat service is the credential, and
        // this message reaches the log, the outbox and `status`.
        .map_err(|e| DeliveryError::transient(format!("webhook: {}", e.without_url())))?;
    let status = response.status();
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

/// Alerts a chat message lists; a bigger digest says how many more there are. Slack allows 50
/// blocks a message and Discord 10 embeds.
const CHAT_LISTED: usize = 40;
const DISCORD_EMBEDS: usize = 10;

/// The native message shapes of chat services: the title linked, rule, severity and evidence;
/// a digest lists its alerts the same way under a heading.
fn service_message(format: WebhookFormat, outgoing: render::Message<'_>) -> serde_json::Value {
    let mut alerts: Vec<Line<'_>> = outgoing.alerts().iter().map(Line::of_alert).collect();
    let heading = match outgoing {
        render::Message::Alert(_) => None,
        render::Message::Digest(digest) => {
            let orphans = digest.orphan_updates();
            alerts.extend(orphans.iter().map(|u| Line::of_update(u)));
            let mut heading = format!(
                "newswatch digest: {} alerts ({})",
                digest.alerts.len(),
                outgoing.rules().join(", ")
            );
            if !orphans.is_empty() {
                heading.push_str(&format!(", {} stories with new outlets", orphans.len()));
            }
            for note in &digest.held {
                heading.push_str(&format!("; held: {note}"));
            }
            Some(heading)
        }
        render::Message::StoryUpdate(update) => {
            alerts.extend(update.items.iter().map(|item| Line {
                title: item.title.clone(),
                link: item.link.as_deref().unwrap_or_default(),
                detail: item.source.clone(),
            }));
            Some(format!(
                "{} on \"{}\" ({} · {})",
                update.headline(),
                update.first.title,
                update.severity,
                update.rule
            ))
        }
    };
    let listed = match format {
        WebhookFormat::Discord => DISCORD_EMBEDS.min(alerts.len()),
        _ => CHAT_LISTED.min(alerts.len()),
    };
    let more = (alerts.len() > listed)
        .then(|| format!("and {} more alerts, not listed here", alerts.len() - listed));
    let shown = &alerts[..listed];
    match format {
        WebhookFormat::Slack => {
            let mut blocks = Vec::new();
            if let Some(heading) = &heading {
                blocks.push(serde_json::json!({"type": "header", "text": {"type": "plain_text", "text": heading}}));
            }
            for line in shown {
                blocks.push(serde_json::json!({"type": "section", "text": {"type": "mrkdwn", "text": format!("*<{}|{}>*", line.link, line.title)}}));
                blocks.push(serde_json::json!({"type": "context", "elements": [{"type": "mrkdwn", "text": line.detail}]}));
            }
            if let Some(more) = &more {
                blocks.push(serde_json::json!({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]}));
            }
            serde_json::json!({"text": render::subject(outgoing), "blocks": blocks})
        }
        WebhookFormat::Discord => {
            let embeds: Vec<_> = shown
                .iter()
                .map(|line| serde_json::json!({"title": line.title, "url": line.link, "description": line.detail}))
                .collect();
            let mut message = serde_json::json!({"embeds": embeds});
            let content: Vec<&str> = heading
                .iter()
                .chain(more.iter())
                .map(String::as_str)
                .collect();
            if !content.is_empty() {
                message["content"] = content.join("; ").into();
            }
            message
        }
        WebhookFormat::Teams => {
            let mut body = Vec::new();
            if let Some(heading) = &heading {
                body.push(serde_json::json!({"type": "TextBlock", "text": heading, "size": "Large", "weight": "Bolder", "wrap": true}));
            }
            for line in shown {
                body.push(serde_json::json!({"type": "TextBlock", "text": format!("[{}]({})", line.title, line.link), "weight": "Bolder", "wrap": true}));
                body.push(
                    serde_json::json!({"type": "TextBlock", "text": line.detail, "wrap": true}),
                );
            }
            if let Some(more) = &more {
                body.push(serde_json::json!({"type": "TextBlock", "text": more, "wrap": true}));
            }
            serde_json::json!({
                "type": "message",
                "attachments": [{
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "content": {"type": "AdaptiveCard", "version": "1.4", "body": body},
                }],
            })
        }
        WebhookFormat::Json => match outgoing {
            render::Message::Alert(alert) => serde_json::to_value(alert).unwrap_or_default(),
            render::Message::Digest(digest) => serde_json::to_value(digest).unwrap_or_default(),
            render::Message::StoryUpdate(update) => {
                serde_json::to_value(update).unwrap_or_default()
            }
        },
    }
}

/// One entry of a chat message: a linked title and a line under it.
struct Line<'a> {
    title: String,
    link: &'a str,
    detail: String,
}

impl<'a> Line<'a> {
    fn of_alert(alert: &'a Alert) -> Line<'a> {
        Line {
            title: alert.item.title.clone(),
            link: alert.item.link.as_deref().unwrap_or_default(),
            detail: alert_line(alert),
        }
    }

    fn of_update(update: &'a StoryUpdate) -> Line<'a> {
        Line {
            title: update.first.title.clone(),
            link: update.first.link.as_deref().unwrap_or_default(),
            detail: format!(
                "{} · {} · {}",
                update.severity,
                update.rule,
                update.headline()
            ),
        }
    }
}

/// `HIGH · alibaba-pla · matched Alibaba, PLA`.
fn alert_line(alert: &Alert) -> String {
    let evidence: Vec<&str> = alert.matches.iter().map(|m| m.text.as_str()).collect();
    format!(
        "{} · {} · matched {}",
        alert.severity,
        alert.rule,
        evidence.join(", ")
    )
}
