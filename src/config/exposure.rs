//! Inline secrets in a config file that others can read. A chat webhook's URL is its own
//! credential (anyone holding a Slack, Discord or Teams incoming-webhook URL can post to the
//! channel), and so is an `Authorization` or API-key header. newswatch reads passwords and
//! signing keys from files or the environment, but these sit in the config itself: when the
//! file is readable by its group or by everyone, `check` and the daemon's start say so.

use std::path::Path;

use crate::config::{ChannelKind, Config, Diagnostic, WebhookFormat};

/// A warning naming (never showing) the inline secrets of `config`, if the file at `path` is
/// readable by group or others; `None` otherwise, or where file modes do not exist.
pub(super) fn readable_secrets_warning(path: &Path, config: &Config) -> Option<Diagnostic> {
    let mode = group_or_other_readable(path)?;
    let secrets = inline_secrets(config);
    if secrets.is_empty() {
        return None;
    }
    Some(Diagnostic {
        file: path.to_path_buf(),
        location: None,
        message: format!(
            "the file is readable by group or others (mode {mode:03o}) and holds inline \
             secrets ({}); restrict it to the user newswatch runs as (chmod 600)",
            secrets.join(", ")
        ),
    })
}

/// The permission bits of the file at `path` if its group or others may read it.
#[cfg(unix)]
pub(super) fn group_or_other_readable(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o044 != 0).then_some(mode)
}

#[cfg(not(unix))]
pub(super) fn group_or_other_readable(_path: &Path) -> Option<u32> {
    None
}

/// Where `config` holds credentials inline, as `channel "x": url` or `feed "y": header Name`.
fn inline_secrets(config: &Config) -> Vec<String> {
    let mut found = Vec::new();
    for feed in &config.feeds {
        for (name, _) in feed.headers.iter().filter(|(name, _)| is_credential(name)) {
            found.push(format!("feed \"{}\": header {name}", feed.name));
        }
    }
    for channel in &config.channels {
        let ChannelKind::Webhook(hook) = &channel.kind else {
            continue;
        };
        if hook.format != WebhookFormat::Json {
            found.push(format!("channel \"{}\": url", channel.name));
        }
        for (name, _) in hook.headers.iter().filter(|(name, _)| is_credential(name)) {
            found.push(format!("channel \"{}\": header {name}", channel.name));
        }
    }
    found
}

/// Header names that carry credentials: `Authorization`, `Cookie`, `X-Api-Key`,
/// `X-Auth-Token`, `Private-Token` and the like.
pub(super) fn is_credential(header: &str) -> bool {
    let name = header.to_ascii_lowercase();
    name == "cookie"
        || ["auth", "token", "secret", "key", "password"]
            .iter()
            .any(|word| name.contains(word))
}
