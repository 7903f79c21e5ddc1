//! Feed URLs as people see them: credentials in a URL (`https://reader:PASSWORD@host/` or
//! `?token=...`) are the user's secrets, so logs, `status`, errors and the database show
//! `https://reader:***@host/...?token=***` instead. Requests still use the configured URL.
//!
//! What counts as secret: the password of the userinfo; a user name given alone (an API token
//! is often passed that way, `https://TOKEN@host/`); and the value of every query parameter
//! whose name contains, case-insensitively, one of [`SECRET_NAMES`]. The rule errs on the side
//! of hiding (`author=` and `keywords=` are hidden too): a redacted URL is only ever shown.
//! A secret elsewhere in the URL, such as a key in its path, cannot be recognised.

/// What a secret is replaced with.
pub const REDACTED: &str = "***";

/// Query parameters whose name contains one of these hold a secret.
pub const SECRET_NAMES: [&str; 12] = [
    "token",
    "key",
    "secret",
    "password",
    "passwd",
    "pwd",
    "auth",
    "sig",
    "signature",
    "session",
    "apikey",
    "access_token",
];

/// Secrets shorter than this are not searched for in free text ([`scrub_secrets`]): replacing
/// every "ab" of an error message would garble it and hide nothing.
const MIN_SCRUBBED_LEN: usize = 4;

/// `url` with its secrets replaced by `***`; the text unchanged when it has none (or is not a
/// URL). Applying it twice gives the same text.
pub fn redact_url(url: &str) -> String {
    redacted(url).map_or_else(|| url.to_string(), String::from)
}

/// Whether `url` has a part [`redact_url`] hides, already hidden or not: a redacted URL has
/// secrets too, only not their values.
pub fn has_secrets(url: &str) -> bool {
    redacted(url).is_some()
}

/// `url` with its secrets replaced, or `None` when it has no secret part.
fn redacted(url: &str) -> Option<url::Url> {
    let mut parsed = url::Url::parse(url).ok()?;
    let mut secret = false;
    if parsed.password().is_some() {
        secret = true;
        // Only fails for URLs that cannot have a userinfo, which this one has.
        let _ = parsed.set_password(Some(REDACTED));
    } else if !parsed.username().is_empty() {
        secret = true;
        let _ = parsed.set_username(REDACTED);
    }
    if let Some(query) = parsed.query() {
        let mut hidden = false;
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, value)) if !value.is_empty() && is_secret_name(name) => {
                    hidden = true;
                    format!("{name}={REDACTED}")
                }
                _ => pair.to_string(),
            })
            .collect();
        if hidden {
            secret = true;
            parsed.set_query(Some(&pairs.join("&")));
        }
    }
    secret.then_some(parsed)
}

/// `text` with every secret of `url` (as written in the URL and percent-decoded) replaced by
/// `***`: a backstop for error messages that quote the URL in their own words.
pub fn scrub_secrets(text: &str, url: &str) -> String {
    let Ok(parsed) = url::Url::parse(url) else {
        return text.to_string();
    };
    let mut secrets: Vec<String> = Vec::new();
    if let Some(password) = parsed.password() {
        secrets.push(password.to_string());
    } else if !parsed.username().is_empty() {
        secrets.push(parsed.username().to_string());
    }
    if let Some(query) = parsed.query() {
        for pair in query.split('&') {
            if let Some((name, value)) = pair.split_once('=')
                && is_secret_name(name)
            {
                secrets.push(value.to_string());
            }
        }
    }
    let decoded: Vec<String> = secrets
        .iter()
        .map(|s| decode(s))
        .filter(|d| !secrets.contains(d))
        .collect();
    secrets.extend(decoded);
    // Longest first, so that a secret containing another is replaced whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut text = text.to_string();
    for secret in secrets
        .iter()
        .filter(|s| s.len() >= MIN_SCRUBBED_LEN && s.as_str() != REDACTED)
    {
        text = text.replace(secret.as_str(), REDACTED);
    }
    text
}

/// `url` without its userinfo and with its secrets redacted: the base against which a feed's
/// relative links are resolved, so that an item's link never carries the feed's credentials.
pub fn link_base(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return url.to_string();
    };
    let _ = parsed.set_password(None);
    let _ = parsed.set_username("");
    redact_url(parsed.as_str())
}

fn is_secret_name(name: &str) -> bool {
    let name = decode(name).to_ascii_lowercase();
    SECRET_NAMES.iter().any(|secret| name.contains(secret))
}

/// Percent-decoding as in a query (`+` is a space); invalid UTF-8 is replaced.
fn decode(text: &str) -> String {
    url::form_urlencoded::parse(text.as_bytes())
        .next()
        .map(|(name, value)| {
            if value.is_empty() {
                name.into_owned()
            } else {
                format!("{name}={value}")
            }
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_and_secret_parameters_are_redacted() {
        let cases = [
            (
                "http://reader:hunter2@example.net/feed?token=s3cr3t",
                "http://reader:***@example.net/feed?token=***",
            ),
            (
                "https://TOKEN123@example.net/feed.xml",
                "https://***@example.net/feed.xml",
            ),
            (
                "https://example.net/f?lang=en&API_KEY=abc&Signature=x%2By&page=2",
                "https://example.net/f?lang=en&API_KEY=***&Signature=***&page=2",
            ),
            (
                "https://example.net/f?access_token=a&sessionid=b&pwd=c&passwd=d&auth=e&x-sig=f",
                "https://example.net/f?access_token=***&sessionid=***&pwd=***&passwd=***&auth=***&x-sig=***",
            ),
            // Percent-encoded names are recognised.
            (
                "https://example.net/f?%74oken=abc",
                "https://example.net/f?%74oken=***",
            ),
            // Nothing secret: the text is kept as written, not normalized.
            (
                "https://Example.net:443/f?q=1",
                "https://Example.net:443/f?q=1",
            ),
            (
                "https://example.net/f?token=&token",
                "https://example.net/f?token=&token",
            ),
            ("file:///var/feeds/local.xml", "file:///var/feeds/local.xml"),
            ("not a url", "not a url"),
        ];
        for (url, want) in cases {
            let got = redact_url(url);
            assert_eq!(got, want, "{url}");
            assert_eq!(redact_url(&got), got, "idempotent for {url}");
            assert_eq!(has_secrets(url), url != want, "{url}");
            assert_eq!(has_secrets(&got), has_secrets(url), "{url}");
        }
    }

    #[test]
    fn secrets_are_scrubbed_from_free_text() {
        let url = "http://reader:hunter%32@example.net/feed?token=s3cr3t%21&q=ab&key=ab";
        let text = "error for http://reader:hunter%32@example.net/feed?token=s3cr3t%21 \
                    (decoded: hunter2, s3cr3t!) q=ab";
        let got = scrub_secrets(text, url);
        assert_eq!(
            got,
            "error for http://reader:***@example.net/feed?token=*** \
             (decoded: ***, ***) q=ab"
        );
        assert_eq!(scrub_secrets("no url", "not a url"), "no url");
    }

    #[test]
    fn relative_links_do_not_inherit_credentials() {
        let base = link_base("http://reader:hunter2@example.net/feeds/a.xml?token=t0k3n");
        assert_eq!(base, "http://example.net/feeds/a.xml?token=***");
        let joined = url::Url::parse(&base)
            .and_then(|b| b.join("../story/1"))
            .expect("join");
        assert_eq!(joined.as_str(), "http://example.net/story/1");
    }
}
