//! `[[channel]]` validation: which keys each channel type and email transport takes, and
//! reading secrets from files and environment variables.
//!
//! The raw channel is one flat table of every possible key (see `raw::RawChannel`), so
//! this is where a key that belongs to another type is caught and named.

use std::ops::Range;
use std::path::PathBuf;

use crate::config::diagnostics::Report;
use crate::config::exposure::group_or_other_readable;
use crate::config::fields::{
    Context, NameChars, check_name, checked_headers, digest_period, is_http_url, parse_choice,
    placeholder,
};
use crate::config::raw::{RawChannel, Text};
use crate::config::{
    ChannelConfig, ChannelKind, ChannelTemplate, EmailChannel, EmailTransport, QuietHours, Secret,
    TemplateUse, TlsMode, WebhookChannel, WebhookFormat,
};

const EMAIL_KEYS: &[&str] = &[
    "from",
    "to",
    "transport",
    "smtp_host",
    "smtp_port",
    "tls",
    "username",
    "password_file",
    "password_env",
    "tls_ca_file",
    "dir",
    "sendmail_command",
];
const SMTP_KEYS: &[&str] = &[
    "smtp_host",
    "smtp_port",
    "tls",
    "username",
    "password_file",
    "password_env",
    "tls_ca_file",
];
const SENDMAIL_KEYS: &[&str] = &["sendmail_command"];
const MAILDIR_KEYS: &[&str] = &["dir"];
const WEBHOOK_KEYS: &[&str] = &["url", "format", "secret_file", "headers", "allow_private"];

#[derive(Clone, Copy)]
enum Type {
    Email,
    Webhook,
}

#[derive(Clone, Copy)]
enum Transport {
    Smtp,
    Sendmail,
    Maildir,
}

/// The validated channel, or `None` after reporting why it is not valid.
pub(super) fn channel(cx: &mut Context, raw: &RawChannel) -> Option<ChannelConfig> {
    let owner = format!("channel \"{}\"", raw.name.get_ref());
    check_name(
        &mut cx.report,
        "channel",
        &raw.name,
        NameChars::WithUnderscore,
    );
    let types = [("email", Type::Email), ("webhook", Type::Webhook)];
    let kind = parse_choice(&mut cx.report, &owner, "type", &raw.kind, &types)?;
    let digest = raw
        .digest
        .as_ref()
        .and_then(|digest| digest_period(&mut cx.report, &owner, digest));
    let template = match &raw.template {
        Some(file) => Some(template(cx, &owner, kind, file)?),
        None => None,
    };
    let kind = match kind {
        Type::Email => ChannelKind::Email(email(cx, &owner, raw)?),
        Type::Webhook => ChannelKind::Webhook(webhook(cx, &owner, raw)?),
    };
    if raw.digest.is_some() && digest.is_none() {
        return None;
    }
    let quiet_hours = quiet_hours(cx, &owner, raw)?;
    Some(ChannelConfig {
        name: raw.name.get_ref().clone(),
        kind,
        digest,
        template,
        quiet_hours,
    })
}

/// `quiet_hours` and its `timezone`: `Some(None)` when not set, `None` after reporting an
/// invalid value.
fn quiet_hours(cx: &mut Context, owner: &str, raw: &RawChannel) -> Option<Option<QuietHours>> {
    let Some(range) = &raw.quiet_hours else {
        if let Some(zone) = &raw.timezone {
            cx.report.error(
                zone.span(),
                format!("{owner}: timezone applies only to quiet_hours, which is not set"),
            );
            return None;
        }
        return Some(None);
    };
    let zone = raw.timezone.as_ref().map(|zone| zone.get_ref().as_str());
    match QuietHours::parse(range.get_ref(), zone) {
        Ok(quiet) => Some(Some(quiet)),
        Err(message) => {
            let span = match (&raw.timezone, message.starts_with("unknown time zone")) {
                (Some(zone), true) => zone.span(),
                _ => range.span(),
            };
            cx.report
                .error(span, format!("{owner}: quiet_hours: {message}"));
            None
        }
    }
}

/// Reads a channel's template and proves it renders, so a typo in it is a `check` error
/// rather than an alert that cannot be sent.
fn template(cx: &mut Context, owner: &str, kind: Type, file: &Text) -> Option<ChannelTemplate> {
    let path = cx.resolve(file.get_ref());
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            cx.report.error(
                file.span(),
                format!(
                    "{owner}: cannot read template \"{}\": {error}",
                    path.display()
                ),
            );
            return None;
        }
    };
    let template = ChannelTemplate { path, source };
    let use_ = match kind {
        Type::Email => TemplateUse::Email,
        Type::Webhook => TemplateUse::Webhook,
    };
    if let Err(message) = (cx.checks.template)(&template, use_) {
        cx.report.error(
            file.span(),
            format!(
                "{owner}: template \"{}\": {message}",
                template.path.display()
            ),
        );
        return None;
    }
    Some(template)
}

fn email(cx: &mut Context, owner: &str, raw: &RawChannel) -> Option<EmailChannel> {
    let keys = raw.present_keys();
    reject_keys(&mut cx.report, owner, &keys, EMAIL_KEYS, "an email channel");

    let transports = [
        ("smtp", Transport::Smtp),
        ("sendmail", Transport::Sendmail),
        ("maildir", Transport::Maildir),
    ];
    let transport = match &raw.transport {
        Some(transport) => parse_choice(&mut cx.report, owner, "transport", transport, &transports),
        None => {
            missing(
                &mut cx.report,
                owner,
                &raw.name,
                "transport",
                "an email channel (smtp, sendmail or maildir)",
            );
            None
        }
    };
    if let Some(transport) = transport {
        let (own_keys, described) = match transport {
            Transport::Smtp => (SMTP_KEYS, "the smtp transport"),
            Transport::Sendmail => (SENDMAIL_KEYS, "the sendmail transport"),
            Transport::Maildir => (MAILDIR_KEYS, "the maildir transport"),
        };
        let transport_keys: Vec<_> = keys
            .iter()
            .filter(|(key, _)| {
                [SMTP_KEYS, SENDMAIL_KEYS, MAILDIR_KEYS]
                    .iter()
                    .any(|set| set.contains(key))
            })
            .cloned()
            .collect();
        reject_keys(&mut cx.report, owner, &transport_keys, own_keys, described);
    }

    let from = match &raw.from {
        Some(from) => Some(address(&mut cx.report, owner, "from", from)),
        None => {
            missing(&mut cx.report, owner, &raw.name, "from", "an email channel");
            None
        }
    };
    let to = match &raw.to {
        Some(to) if to.get_ref().is_empty() => {
            cx.report
                .error(to.span(), format!("{owner}: `to` lists no address"));
            None
        }
        Some(to) => Some(
            to.get_ref()
                .iter()
                .map(|to| address(&mut cx.report, owner, "to", to))
                .collect(),
        ),
        None => {
            missing(&mut cx.report, owner, &raw.name, "to", "an email channel");
            None
        }
    };
    let transport = match transport? {
        Transport::Smtp => smtp(cx, owner, raw)?,
        Transport::Sendmail => EmailTransport::Sendmail {
            command: raw.sendmail_command.as_ref().map_or_else(
                || PathBuf::from("/usr/sbin/sendmail"),
                |command| PathBuf::from(command.get_ref()),
            ),
        },
        Transport::Maildir => match &raw.dir {
            Some(dir) => EmailTransport::Maildir {
                dir: cx.resolve(dir.get_ref()),
            },
            None => {
                missing(
                    &mut cx.report,
                    owner,
                    &raw.name,
                    "dir",
                    "the maildir transport",
                );
                return None;
            }
        },
    };
    Some(EmailChannel {
        from: from?,
        to: to?,
        transport,
    })
}

fn smtp(cx: &mut Context, owner: &str, raw: &RawChannel) -> Option<EmailTransport> {
    let modes = [
        ("starttls", TlsMode::Starttls),
        ("tls", TlsMode::Tls),
        ("none", TlsMode::None),
    ];
    let tls = match &raw.tls {
        Some(tls) => parse_choice(&mut cx.report, owner, "tls", tls, &modes),
        None => Some(TlsMode::Starttls),
    };
    let port = match &raw.smtp_port {
        Some(port) => {
            let valid = u16::try_from(*port.get_ref())
                .ok()
                .filter(|port| *port != 0);
            if valid.is_none() {
                cx.report.error(
                    port.span(),
                    format!("{owner}: smtp_port must be between 1 and 65535"),
                );
            }
            valid
        }
        None => tls.map(|tls| match tls {
            TlsMode::Starttls => 587,
            TlsMode::Tls => 465,
            TlsMode::None => 25,
        }),
    };
    let host = match &raw.smtp_host {
        Some(host)
            if host.get_ref().trim().is_empty() || host.get_ref().contains(char::is_whitespace) =>
        {
            cx.report.error(
                host.span(),
                format!(
                    "{owner}: smtp_host \"{}\" is not a host name",
                    host.get_ref()
                ),
            );
            None
        }
        Some(host) => Some(host.get_ref().clone()),
        None => {
            missing(
                &mut cx.report,
                owner,
                &raw.name,
                "smtp_host",
                "the smtp transport",
            );
            None
        }
    };

    let password = match (&raw.password_file, &raw.password_env) {
        (Some(_), Some(env)) => {
            cx.report.error(
                env.span(),
                format!("{owner}: give password_file or password_env, not both"),
            );
            None
        }
        (Some(file), None) => Some(secret_from_file(cx, owner, "password_file", file)),
        (None, Some(env)) => Some(secret_from_env(cx, owner, "password_env", env)),
        (None, None) => None,
    };
    if let (Some(TlsMode::None), Some(host), Some(_), Some(tls)) =
        (tls, &host, &raw.username, &raw.tls)
        && !is_this_machine(host)
    {
        cx.report.warn(
            tls.span(),
            format!(
                "{owner}: tls = \"none\" sends the SMTP password to {host} in clear text \
                 (AUTH PLAIN or LOGIN), readable by anyone on the network path; set \
                 tls = \"starttls\" (port 587) or tls = \"tls\" (port 465)"
            ),
        );
    }
    match (&raw.username, &password) {
        (Some(username), None) if raw.password_file.is_none() && raw.password_env.is_none() => {
            cx.report.error(
                username.span(),
                format!("{owner}: username needs a password (password_file or password_env)"),
            );
        }
        (None, Some(_)) => {
            missing(
                &mut cx.report,
                owner,
                &raw.name,
                "username",
                "a password (password_file or password_env)",
            );
        }
        _ => {}
    }

    Some(EmailTransport::Smtp {
        host: host?,
        port: port?,
        tls: tls?,
        username: raw
            .username
            .as_ref()
            .map(|username| username.get_ref().clone()),
        password: password.flatten(),
        tls_ca: match &raw.tls_ca_file {
            Some(file) => Some(ca_certificate(cx, owner, file)?),
            None => None,
        },
    })
}

/// Whether `host` names this machine, where a password in clear text crosses no network: a
/// loopback address, `localhost`, or a name under `.localhost` (RFC 6761: they resolve to
/// loopback).
fn is_this_machine(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.to_canonical().is_loopback(),
        Err(_) => {
            let name = bare.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

/// A private CA's certificate (PEM), for an SMTP server whose certificate no public CA signed.
fn ca_certificate(cx: &mut Context, owner: &str, file: &Text) -> Option<String> {
    let path = cx.resolve(file.get_ref());
    match std::fs::read_to_string(&path) {
        Ok(pem) if pem.contains("-----BEGIN CERTIFICATE-----") => Some(pem),
        Ok(_) => {
            cx.report.error(
                file.span(),
                format!(
                    "{owner}: tls_ca_file \"{}\" holds no PEM certificate",
                    path.display()
                ),
            );
            None
        }
        Err(error) => {
            cx.report.error(
                file.span(),
                format!(
                    "{owner}: cannot read tls_ca_file \"{}\": {error}",
                    path.display()
                ),
            );
            None
        }
    }
}

fn webhook(cx: &mut Context, owner: &str, raw: &RawChannel) -> Option<WebhookChannel> {
    reject_keys(
        &mut cx.report,
        owner,
        &raw.present_keys(),
        WEBHOOK_KEYS,
        "a webhook channel",
    );
    let formats = [
        ("json", WebhookFormat::Json),
        ("slack", WebhookFormat::Slack),
        ("discord", WebhookFormat::Discord),
        ("teams", WebhookFormat::Teams),
    ];
    let format = match &raw.format {
        Some(format) => parse_choice(&mut cx.report, owner, "format", format, &formats),
        None => Some(WebhookFormat::Json),
    };
    let url = match &raw.url {
        Some(url) if !is_http_url(url.get_ref()) => {
            cx.report.error(
                url.span(),
                format!(
                    "{owner}: url \"{}\" must start with http:// or https://",
                    url.get_ref()
                ),
            );
            None
        }
        Some(url) => {
            if let Some(placeholder) = placeholder(url.get_ref()) {
                cx.report.warn(
                    url.span(),
                    format!("{owner}: url still holds a placeholder ({placeholder})"),
                );
            }
            Some(url.get_ref().clone())
        }
        None => {
            missing(&mut cx.report, owner, &raw.name, "url", "a webhook channel");
            None
        }
    };
    let secret = match (&raw.secret_file, format) {
        (Some(file), Some(WebhookFormat::Json)) => {
            Some(secret_from_file(cx, owner, "secret_file", file)?)
        }
        (Some(file), Some(_)) => {
            // Slack, Discord and Teams authenticate by the secret URL; they check no signature.
            cx.report.error(
                file.span(),
                format!("{owner}: secret_file applies only to the json format"),
            );
            None
        }
        _ => None,
    };
    let headers = match &raw.headers {
        Some(map) => checked_headers(cx, owner, map.get_ref(), ""),
        None => Vec::new(),
    };
    Some(WebhookChannel {
        url: url?,
        format: format?,
        secret,
        headers,
        allow_private: raw.allow_private.as_ref().is_some_and(|v| *v.get_ref()),
    })
}

/// Reports each of `keys` that is not in `allowed`.
fn reject_keys(
    report: &mut Report,
    owner: &str,
    keys: &[(&str, Range<usize>)],
    allowed: &[&str],
    described: &str,
) {
    for (key, span) in keys {
        if !allowed.contains(key) {
            report.error(
                span.clone(),
                format!("{owner}: key `{key}` does not apply to {described}"),
            );
        }
    }
}

/// A missing key has no span of its own; the channel's name points at the table.
fn missing(report: &mut Report, owner: &str, name: &Text, key: &str, needed_by: &str) {
    report.error(
        name.span(),
        format!("{owner}: missing key `{key}`, required by {needed_by}"),
    );
}

/// A light check that catches a forgotten domain or a stray line break, not RFC 5322.
fn address(report: &mut Report, owner: &str, key: &str, value: &Text) -> String {
    let address = value.get_ref();
    let plausible = address.split_once('@').is_some_and(|(local, domain)| {
        !local.trim().is_empty() && !domain.trim().is_empty() && !domain.contains('@')
    }) && !address.chars().any(char::is_control);
    if !plausible {
        report.error(
            value.span(),
            format!("{owner}: {key} \"{address}\" is not an email address"),
        );
    } else if key == "to"
        && let Some(placeholder) = placeholder(address)
    {
        report.warn(
            value.span(),
            format!("{owner}: to \"{address}\" still holds a placeholder ({placeholder}); alerts would go nowhere useful"),
        );
    }
    address.clone()
}

/// Reads a secret file; the message on failure names the file, never its content.
/// Returns `None` after reporting.
pub(super) fn secret_from_file(
    cx: &mut Context,
    owner: &str,
    key: &str,
    file: &Text,
) -> Option<Secret> {
    let path = cx.resolve(file.get_ref());
    match std::fs::read_to_string(&path) {
        Ok(content) => {
            // Files written with `echo` or an editor end in a newline that is not part of it.
            let secret = content.trim_end_matches(['\r', '\n']);
            if secret.is_empty() {
                cx.report.error(
                    file.span(),
                    format!("{owner}: {key} \"{}\" is empty", path.display()),
                );
                return None;
            }
            if let Some(mode) = group_or_other_readable(&path) {
                let what = match key {
                    "password_file" => "SMTP password",
                    "store_password_file" => "database password",
                    _ => "webhook signing key",
                };
                cx.report.warn(
                    file.span(),
                    format!(
                        "{owner}: {key} \"{}\" is readable by group or others (mode {mode:03o}), \
                         so other local users can read the {what}; restrict it to the user \
                         newswatch runs as (chmod 600)",
                        path.display()
                    ),
                );
            }
            Some(Secret::new(secret))
        }
        Err(error) => {
            // systemd hands credentials to the running service only: from a shell, `check`
            // cannot see them, which is no mistake in the config.
            let hint = if path.starts_with("/run/credentials") {
                " (systemd credentials exist only inside the running service; check there \
                 with `systemd-run -p LoadCredential=... newswatch check`, or after start-up \
                 in `systemctl status newswatch`)"
            } else {
                ""
            };
            cx.report.error(
                file.span(),
                format!(
                    "{owner}: cannot read {key} \"{}\": {error}{hint}",
                    path.display()
                ),
            );
            None
        }
    }
}

pub(super) fn secret_from_env(
    cx: &mut Context,
    owner: &str,
    key: &str,
    variable: &Text,
) -> Option<Secret> {
    let name = variable.get_ref();
    let problem = match (cx.env)(name).map(|value| value.into_string()) {
        Some(Ok(value)) if !value.is_empty() => return Some(Secret::new(value)),
        Some(Ok(_)) => "is empty",
        Some(Err(_)) => "is not valid UTF-8",
        None => "is not set",
    };
    cx.report.error(
        variable.span(),
        format!("{owner}: {key}: environment variable {name} {problem}"),
    );
    None
}
