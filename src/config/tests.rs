//! Tests of loading whole config files: the valid example, every error class with its
//! exact position, and the guarantees about paths and secrets.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::*;

const FILE: &str = "/etc/newswatch/newswatch.toml";
const ENV_SECRET: &str = "env-secret-value";

/// Only `SMTP_PASSWORD` is set, so tests never depend on the real environment.
fn test_env(name: &str) -> Option<OsString> {
    (name == "SMTP_PASSWORD").then(|| OsString::from(ENV_SECRET))
}

/// Stands in for `alert::render::check_template`, which the config layer cannot call: a
/// template holding `BROKEN` fails to render.
fn check_template(template: &ChannelTemplate, _: TemplateUse) -> Result<(), String> {
    match template.source.contains("BROKEN") {
        true => Err("rendering an alert: BROKEN is not a variable".into()),
        false => Ok(()),
    }
}

/// Stands in for `rules::check_query`: a query holding `((` fails at that column.
fn check_query(query: &str, _: &[&str]) -> Result<(), (usize, String)> {
    match query.find("((") {
        Some(at) => Err((
            query[..at].chars().count() + 1,
            "unbalanced parentheses".into(),
        )),
        None => Ok(()),
    }
}

/// Stands in for `rules::check_alias`: an alias holding `((` is refused.
fn check_alias(alias: &str) -> Result<(), String> {
    match alias.contains("((") {
        true => Err(format!("alias {alias:?} is not valid")),
        false => Ok(()),
    }
}

const CHECKS: Checks = Checks {
    template: check_template,
    query: check_query,
    alias: check_alias,
};

fn parse(text: &str) -> Result<Config, ConfigError> {
    parse_with_env(text, Path::new(FILE), &test_env, CHECKS)
}

fn error_lines(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(config) => panic!("expected errors, got a config: {config:?}"),
        Err(error) => error.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// The full example (`testdata/full.toml`), in a folder with its secret files.
fn full_config_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create temp dir");
    std::fs::create_dir(dir.path().join("secrets")).expect("create secrets dir");
    std::fs::write(dir.path().join("secrets/smtp"), "smtp-secret-value\n").expect("write secret");
    std::fs::write(
        dir.path().join("secrets/webhook"),
        "whsec_webhook-secret-value\n",
    )
    .expect("write secret");
    // As a careful deployment keeps them: readable by the service's user only.
    #[cfg(unix)]
    for secret in ["secrets/smtp", "secrets/webhook"] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join(secret),
            std::fs::Permissions::from_mode(0o600),
        )
        .expect("chmod secret");
    }
    std::fs::write(
        dir.path().join("newswatch.toml"),
        include_str!("testdata/full.toml"),
    )
    .expect("write config");
    dir
}

#[test]
fn full_design_config_loads() {
    let dir = full_config_dir();
    let config = load(&dir.path().join("newswatch.toml"), CHECKS).expect("full config is valid");

    assert_eq!(config.daemon.state, dir.path().join("state/newswatch.db"));
    assert_eq!(config.daemon.concurrency, 4);
    assert_eq!(config.daemon.max_body, 10 * 1024 * 1024);
    assert_eq!(config.daemon.max_hint_delay, Duration::from_secs(30 * 60));
    assert_eq!(config.daemon.retention, Duration::from_secs(90 * 86_400));
    assert_eq!(
        config.daemon.listen,
        Some(std::net::SocketAddr::from(([127, 0, 0, 1], 9464)))
    );
    assert_eq!(config.entities["pla"].len(), 4);
    assert_eq!(config.entities["alibaba"][5], "/\\bBABA\\b/");

    let [sec, demo] = &config.feeds[..] else {
        panic!("two feeds: {:?}", config.feeds)
    };
    assert_eq!(sec.interval, Duration::from_secs(15 * 60));
    assert_eq!(sec.tags, ["filings"]);
    assert!(
        sec.headers
            .contains(&("Accept-Language".to_owned(), "en".to_owned()))
    );
    assert!(sec.honor_cache_headers);
    assert_eq!(
        demo.interval,
        Duration::from_secs(10 * 60),
        "falls back to [daemon] interval"
    );
    assert!(!demo.honor_cache_headers);

    let pla = &config.rules[0];
    assert_eq!(pla.severity, Severity::High);
    assert_eq!(
        pla.feeds,
        [
            FeedScope::Tag("filings".into()),
            FeedScope::Feed("demo".into())
        ]
    );
    assert_eq!(pla.notify, ["analysts", "desk-chat"]);
    assert_eq!(config.rules[1].severity, Severity::Medium);
    assert!(config.rules[1].feeds.is_empty());

    let ChannelKind::Email(email) = &config.channels[0].kind else {
        panic!("analysts is email")
    };
    assert_eq!(email.to, ["desk@newsroom.net", "lead@newsroom.net"]);
    let EmailTransport::Smtp {
        host,
        port,
        tls,
        username,
        password,
        tls_ca,
    } = &email.transport
    else {
        panic!("analysts uses smtp")
    };
    assert_eq!(tls_ca, &None);
    assert_eq!(
        (host.as_str(), *port, *tls),
        ("smtp.newsroom.net", 587, TlsMode::Starttls)
    );
    assert_eq!(username.as_deref(), Some("newswatch"));
    assert_eq!(
        password.as_ref().map(Secret::expose),
        Some("smtp-secret-value"),
        "newline trimmed"
    );

    let ChannelKind::Webhook(webhook) = &config.channels[2].kind else {
        panic!("desk-chat is a webhook")
    };
    assert_eq!(webhook.format, WebhookFormat::Json);
    assert_eq!(
        webhook.secret.as_ref().map(Secret::expose),
        Some("whsec_webhook-secret-value")
    );
    assert_eq!(config.warnings, [], "the full example is clean");
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let dir = full_config_dir();
    let config = load(&dir.path().join("newswatch.toml"), CHECKS).expect("full config is valid");
    let printed = format!("{config:?} {config:#?}");
    assert!(!printed.contains("smtp-secret-value"), "{printed}");
    assert!(!printed.contains("webhook-secret-value"), "{printed}");
    assert!(printed.contains("***"));
    assert_eq!(Secret::new("hunter2").to_string(), "***");
    assert_eq!(format!("{:?}", Secret::new("hunter2")), "***");
}

#[test]
fn inline_secrets_never_appear_in_debug_output() {
    let config = parse(
        r#"
[[feed]]
name = "paid"
url = "https://api.example.net/feed"
headers = { "X-Api-Key" = "feed-key-value", "Accept-Language" = "en" }

[[channel]]
name = "chat"
type = "webhook"
format = "slack"
url = "https://hooks.slack.com/services/T0/B0/slack-url-secret"

[[channel]]
name = "hook"
type = "webhook"
url = "https://hooks.example.net/in"
headers = { "Authorization" = "Bearer header-secret-value" }
"#,
    )
    .expect("valid config");
    let printed = format!("{config:?} {config:#?}");
    for secret in ["feed-key-value", "slack-url-secret", "header-secret-value"] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
    assert!(printed.contains("Accept-Language") && printed.contains("\"en\""));
    assert!(
        printed.contains("https://hooks.example.net/in"),
        "a json url is no secret"
    );
}

#[cfg(unix)]
#[test]
fn a_config_with_inline_secrets_readable_by_others_is_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("create temp dir");
    let path = dir.path().join("newswatch.toml");
    let with_secrets = "[[channel]]\nname = \"chat\"\ntype = \"webhook\"\nformat = \"discord\"\n\
        url = \"https://discord.com/api/webhooks/1/discord-url-secret\"\n\
        headers = { \"Authorization\" = \"Bearer header-secret-value\" }\n";
    let without =
        "[[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"https://x.example/in\"\n";
    let cases = [
        (with_secrets, 0o644, true),
        (with_secrets, 0o640, true),
        (with_secrets, 0o600, false),
        (without, 0o644, false),
    ];
    for (text, mode, warned) in cases {
        std::fs::write(&path, text).expect("write config");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let config = load(&path, CHECKS).expect("valid config");
        let warnings: Vec<String> = config.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings.len(),
            usize::from(warned),
            "{mode:o}: {warnings:?}"
        );
        if let Some(warning) = warnings.first() {
            assert!(
                warning.contains(&format!("mode {mode:03o}"))
                    && warning.contains("channel \"chat\": url")
                    && warning.contains("channel \"chat\": header Authorization"),
                "{warning}"
            );
            assert!(!warning.contains("secret-value") && !warning.contains("url-secret"));
        }
    }
}

#[test]
fn secret_read_errors_name_the_source_not_the_content() {
    let dir = tempfile::tempdir().expect("create temp dir");
    std::fs::write(dir.path().join("empty"), "\n").expect("write secret");
    let text = r#"
[[channel]]
name = "hook"
type = "webhook"
url = "https://hooks.test/x"
secret_file = "empty"
"#;
    let error =
        parse_str(text, &dir.path().join("newswatch.toml"), CHECKS).expect_err("empty secret");
    let expected = format!(
        "channel \"hook\": secret_file \"{}\" is empty",
        dir.path().join("empty").display()
    );
    assert_eq!(error.diagnostics[0].message, expected);
}

#[test]
fn password_env_reads_the_variable() {
    let text = r#"
[[channel]]
name = "mail"
type = "email"
from = "a@b.test"
to = ["c@d.test"]
transport = "smtp"
smtp_host = "mail.test"
tls = "tls"
username = "u"
password_env = "SMTP_PASSWORD"
"#;
    let config = parse(text).expect("valid");
    let ChannelKind::Email(EmailChannel { transport, .. }) = &config.channels[0].kind else {
        panic!("email")
    };
    let EmailTransport::Smtp { port, password, .. } = transport else {
        panic!("smtp")
    };
    assert_eq!(*port, 465, "tls defaults to port 465");
    assert_eq!(password.as_ref().map(Secret::expose), Some(ENV_SECRET));
    assert!(!format!("{config:?}").contains(ENV_SECRET));
}

/// Each case is a whole file with exactly one error.
#[test]
fn each_error_names_its_position_and_cause() {
    const HOOK: &str =
        "[[channel]]\nname = \"chat\"\ntype = \"webhook\"\nurl = \"https://hooks.test/x\"\n";
    let cases: &[(&str, String, &str, &str)] = &[
        ("unknown top-level key", "frobnicate = 1\n".into(), "1:1", "unknown key `frobnicate` in the top level"),
        (
            "unknown key in a feed",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\nurll = \"x\"\n".into(),
            "4:1",
            "unknown key `urll` in [[feed]] (did you mean \"url\"?)",
        ),
        ("unknown key in daemon", "[daemon]\nworkers = 3\n".into(), "2:1", "unknown key `workers` in [daemon]"),
        ("missing required key", "[[feed]]\nname = \"a\"\n".into(), "1:1", "missing field `url`"),
        ("toml syntax", "[daemon\ninterval = \"1m\"\n".into(), "1:8", ""),
        (
            "duplicate feed",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\n[[feed]]\nname = \"a\"\nurl = \"https://b.test/\"\n".into(),
            "5:8",
            "duplicate feed name \"a\" (first defined at line 2)",
        ),
        (
            "feed name chars",
            "[[feed]]\nname = \"Sec_A\"\nurl = \"https://a.test/\"\n".into(),
            "2:8",
            "feed name \"Sec_A\" may only contain a-z, 0-9 and -",
        ),
        (
            "feed url scheme",
            "[[feed]]\nname = \"a\"\nurl = \"ftp://a.test/\"\n".into(),
            "3:7",
            "feed \"a\": url \"ftp://a.test/\" must start with http://, https:// or file:",
        ),
        (
            "digest too short",
            format!("{HOOK}digest = \"30s\"\n"),
            "5:10",
            "channel \"chat\": digest \"30s\" must be between 1m and 7d",
        ),
        (
            "missing template",
            format!("{HOOK}template = \"nowhere.json\"\n"),
            "5:12",
            "channel \"chat\": cannot read template",
        ),
        (
            "bad duration",
            "[daemon]\ninterval = \"10 parsecs\"\n".into(),
            "2:12",
            "daemon: interval \"10 parsecs\": unknown time unit \"parsecs\"",
        ),
        (
            "zero feed interval",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\ninterval = \"0s\"\n".into(),
            "4:12",
            "feed \"a\": interval must be greater than zero",
        ),
        (
            "listen without a port",
            "[daemon]\nlisten = \"localhost\"\n".into(),
            "2:10",
            "daemon: listen \"localhost\" must be an IP address and port, such as 127.0.0.1:9464",
        ),
        ("zero concurrency", "[daemon]\nconcurrency = 0\n".into(), "2:15", "daemon: concurrency must be at least 1"),
        (
            "bad size",
            "[daemon]\nmax_body = \"10 MegaBytes\"\n".into(),
            "2:12",
            "daemon: max_body: unknown size unit \"MegaBytes\"",
        ),
        (
            "bad severity",
            "[[rule]]\nname = \"r\"\nquery = \"x\"\nseverity = \"urgent\"\n".into(),
            "4:12",
            "rule \"r\": unknown severity \"urgent\" (valid: info, low, medium, high, critical)",
        ),
        ("empty query", "[[rule]]\nname = \"r\"\nquery = \"  \"\n".into(), "3:9", "rule \"r\": query is empty"),
        (
            "unknown channel",
            format!("[[rule]]\nname = \"r\"\nquery = \"x\"\nnotify = [\"chat\", \"pager\"]\n{HOOK}"),
            "4:19",
            "rule \"r\": unknown channel \"pager\" in notify (channels: chat)",
        ),
        (
            "unknown feed in scope",
            "[[rule]]\nname = \"r\"\nquery = \"x\"\nfeeds = [\"reuters\"]\n".into(),
            "4:10",
            "rule \"r\": unknown feed \"reuters\" in feeds (no feeds are defined)",
        ),
        (
            "unknown tag in scope",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\ntags = [\"filings\"]\n\
             [[rule]]\nname = \"r\"\nquery = \"x\"\nfeeds = [\"tag:filing\"]\n"
                .into(),
            "8:10",
            "rule \"r\": no feed has tag \"filing\" (did you mean \"filings\"?)",
        ),
        (
            "smtp key on a webhook",
            format!("{HOOK}smtp_host = \"mail.test\"\n"),
            "5:13",
            "channel \"chat\": key `smtp_host` does not apply to a webhook channel",
        ),
        (
            "webhook url scheme",
            "[[channel]]\nname = \"chat\"\ntype = \"webhook\"\nurl = \"hooks.test/x\"\n".into(),
            "4:7",
            "channel \"chat\": url \"hooks.test/x\" must start with http:// or https://",
        ),
        (
            "bad channel type",
            "[[channel]]\nname = \"chat\"\ntype = \"sms\"\n".into(),
            "3:8",
            "channel \"chat\": unknown type \"sms\" (valid: email, webhook)",
        ),
        (
            "maildir key on smtp",
            smtp_channel("dir = \"mail\"\n"),
            "8:7",
            "channel \"mail\": key `dir` does not apply to the smtp transport",
        ),
        (
            "missing password file",
            smtp_channel("username = \"u\"\npassword_file = \"secrets/nope\"\n"),
            "9:17",
            "channel \"mail\": cannot read password_file \"/etc/newswatch/secrets/nope\":",
        ),
        (
            "password file and env",
            smtp_channel("username = \"u\"\npassword_file = \"p\"\npassword_env = \"SMTP_PASSWORD\"\n"),
            "10:16",
            "channel \"mail\": give password_file or password_env, not both",
        ),
        (
            "unset password variable",
            smtp_channel("username = \"u\"\npassword_env = \"NO_SUCH_VAR\"\n"),
            "9:16",
            "channel \"mail\": password_env: environment variable NO_SUCH_VAR is not set",
        ),
        (
            "username without password",
            smtp_channel("username = \"u\"\n"),
            "8:12",
            "channel \"mail\": username needs a password",
        ),
        (
            "smtp port range",
            smtp_channel("smtp_port = 70000\n"),
            "8:13",
            "channel \"mail\": smtp_port must be between 1 and 65535",
        ),
        (
            "missing transport",
            "[[channel]]\nname = \"mail\"\ntype = \"email\"\nfrom = \"a@b.test\"\nto = [\"c@d.test\"]\n".into(),
            "2:8",
            "channel \"mail\": missing key `transport`, required by an email channel",
        ),
        (
            "bad address",
            "[[channel]]\nname = \"mail\"\ntype = \"email\"\nfrom = \"newswatch\"\nto = [\"c@d.test\"]\ntransport = \"sendmail\"\n".into(),
            "4:8",
            "channel \"mail\": from \"newswatch\" is not an email address",
        ),
        (
            "header value with a line break",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\nheaders = { X-A = \"1\\r\\nX-B: 2\" }\n".into(),
            "4:19",
            "feed \"a\": header X-A: value contains a line break or control character",
        ),
        (
            "bad header name",
            "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\nheaders = { \"X A\" = \"1\" }\n".into(),
            "4:13",
            "feed \"a\": \"X A\" is not a valid HTTP header name",
        ),
        ("entity without aliases", "[entities]\npla = []\n".into(), "2:7", "entity \"pla\" has no aliases"),
        (
            "quiet hours not a range",
            format!("{HOOK}quiet_hours = \"22:00\"\n"),
            "5:15",
            "channel \"chat\": quiet_hours: \"22:00\" is not a range of times such as \"22:00-07:00\"",
        ),
        (
            "unknown time zone",
            format!("{HOOK}quiet_hours = \"22:00-07:00\"\ntimezone = \"Mars/Base\"\n"),
            "6:12",
            "unknown time zone \"Mars/Base\" (an IANA name such as \"Asia/Shanghai\")",
        ),
        (
            "time zone without quiet hours",
            format!("{HOOK}timezone = \"UTC\"\n"),
            "5:12",
            "channel \"chat\": timezone applies only to quiet_hours, which is not set",
        ),
        (
            "cap not a count",
            "[[rule]]\nname = \"r\"\nquery = 'x'\nmax_alerts = \"ten/1h\"\n".into(),
            "4:14",
            "rule \"r\": max_alerts \"ten\" is not a whole number of alerts",
        ),
        (
            "threshold out of range",
            "[[rule]]\nname = \"r\"\nquery = 'x'\ncluster_threshold = 1.5\n".into(),
            "4:21",
            "rule \"r\": cluster_threshold 1.5 must be above 0 and at most 1",
        ),
        (
            "story update not a duration",
            "[[rule]]\nname = \"r\"\nquery = 'x'\nstory_update = \"soon\"\n".into(),
            "4:16",
            "rule \"r\": story_update",
        ),
        (
            "entity name chars",
            "[entities]\n\"Big Co\" = [\"x\"]\n".into(),
            "2:1",
            "entity name \"Big Co\" may only contain a-z, 0-9, _ and -",
        ),
    ];
    for (case, text, location, fragment) in cases {
        let lines = error_lines(text);
        assert_eq!(lines.len(), 1, "{case}: {lines:#?}");
        let prefix = format!("{FILE}:{location}: ");
        assert!(
            lines[0].starts_with(&prefix) && lines[0].contains(fragment),
            "{case}: expected `{prefix}...{fragment}...`, got `{}`",
            lines[0]
        );
    }
}

/// An smtp channel whose `extra` keys start on line 8.
fn smtp_channel(extra: &str) -> String {
    format!(
        "[[channel]]\nname = \"mail\"\ntype = \"email\"\nfrom = \"a@b.test\"\nto = [\"c@d.test\"]\n\
         transport = \"smtp\"\nsmtp_host = \"mail.test\"\n{extra}"
    )
}

#[test]
fn all_errors_are_reported_together_in_file_order() {
    let text = r#"[daemon]
interval = "soon"

[[feed]]
name = "a"
url = "gopher://a.test/"

[[rule]]
name = "r"
query = "x"
notify = ["nobody"]

[[channel]]
name = "chat"
type = "webhook"
url = "https://hooks.test/x"
format = "irc"

[[feed]]
name = "a"
url = "https://b.test/"
"#;
    let error = parse(text).expect_err("five errors");
    let positions: Vec<String> = error
        .diagnostics
        .iter()
        .map(|diagnostic| {
            diagnostic
                .location
                .map(|location| location.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        positions,
        ["2:12", "6:7", "11:11", "17:10", "20:8"],
        "{error}"
    );
    assert_eq!(
        error.to_string().lines().count(),
        5,
        "Display prints one diagnostic per line"
    );
}

#[test]
fn notify_typo_gets_a_did_you_mean() {
    let text = r#"[[rule]]
name = "alibaba-pla"
query = "@alibaba"
notify = ["analyst"]

[[channel]]
name = "analysts"
type = "email"
from = "newswatch@newsroom.net"
to = ["desk@newsroom.net"]
transport = "sendmail"

[[channel]]
name = "desk-chat"
type = "webhook"
url = "https://hooks.test/x"
"#;
    assert_eq!(
        error_lines(text),
        [format!(
            "{FILE}:4:11: rule \"alibaba-pla\": unknown channel \"analyst\" in notify (did you mean \"analysts\"?)"
        )]
    );
}

#[test]
fn relative_paths_resolve_against_the_config_folder() {
    let text = r#"[daemon]
state = "data/newswatch.db"

[[feed]]
name = "double-slash"
url = "file://demo/a.xml"

[[feed]]
name = "single-colon"
url = "file:demo/b.xml"

[[feed]]
name = "absolute"
url = "file:///srv/feeds/c.xml"

[[channel]]
name = "box"
type = "email"
from = "a@b.test"
to = ["c@d.test"]
transport = "maildir"
dir = "mail/"
"#;
    let config = parse_str(text, Path::new("/srv/newswatch/conf.toml"), CHECKS).expect("valid");
    assert_eq!(
        config.daemon.state,
        PathBuf::from("/srv/newswatch/data/newswatch.db")
    );
    let urls: Vec<&str> = config.feeds.iter().map(|feed| feed.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "file:///srv/newswatch/demo/a.xml",
            "file:///srv/newswatch/demo/b.xml",
            "file:///srv/feeds/c.xml"
        ]
    );
    let ChannelKind::Email(email) = &config.channels[0].kind else {
        panic!("email")
    };
    assert_eq!(
        email.transport,
        EmailTransport::Maildir {
            dir: PathBuf::from("/srv/newswatch/mail/")
        }
    );
}

#[test]
fn config_path_without_folder_resolves_against_working_directory() {
    let config = parse_str(
        "[daemon]\nstate = \"nw.db\"\n",
        Path::new("newswatch.toml"),
        CHECKS,
    )
    .expect("valid");
    let cwd = std::env::current_dir().expect("current dir");
    assert_eq!(config.daemon.state, cwd.join("nw.db"));
    assert_eq!(config.path, PathBuf::from("newswatch.toml"));
}

#[test]
fn an_absolute_state_path_is_kept() {
    let config = parse("[daemon]\nstate = \"/var/lib/nw/state.db\"\n").expect("valid");
    assert_eq!(config.daemon.state, PathBuf::from("/var/lib/nw/state.db"));
    assert_eq!(config.daemon.postgres, None);
}

#[test]
fn an_sqlite_store_url_names_the_file_relative_to_the_config() {
    for (store, file) in [
        ("sqlite://data/nw.db", "/etc/newswatch/data/nw.db"),
        ("sqlite:///var/lib/nw/state.db", "/var/lib/nw/state.db"),
    ] {
        let config = parse(&format!("[daemon]\nstore = \"{store}\"\n")).expect("valid");
        assert_eq!(config.daemon.state, PathBuf::from(file), "{store}");
        assert_eq!(config.daemon.postgres, None);
    }
}

#[test]
fn a_postgres_store_reads_its_password_like_the_other_secrets() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("db"), "db-secret-value\n").expect("write secret");
    let text = "[daemon]\nstore = \"postgres://nw@db.internal/newswatch\"\n\
                store_password_file = \"db\"\n";
    let config = parse_str(text, &dir.path().join("newswatch.toml"), CHECKS).expect("valid");
    let postgres = config.daemon.postgres.clone().expect("a postgres store");
    assert_eq!(postgres.url, "postgres://nw@db.internal/newswatch");
    assert_eq!(
        postgres.password.as_ref().map(Secret::expose),
        Some("db-secret-value")
    );
    assert!(!format!("{:?}", config.daemon.postgres).contains("db-secret"));

    let text =
        "[daemon]\nstore = \"postgres://nw@db/news\"\nstore_password_env = \"SMTP_PASSWORD\"\n";
    let postgres = parse(text)
        .expect("valid")
        .daemon
        .postgres
        .expect("postgres");
    assert_eq!(
        postgres.password.as_ref().map(Secret::expose),
        Some(ENV_SECRET)
    );
    let postgres = parse("[daemon]\nstore = \"postgres://nw@db/news\"\n")
        .expect("valid")
        .daemon
        .postgres
        .expect("postgres");
    assert_eq!(postgres.password, None);
}

#[test]
fn a_bad_store_setting_is_an_error_at_its_place() {
    for (text, expected) in [
        (
            "[daemon]\nstore = \"postgres://nw:hunter2@db/news\"\n",
            "newswatch.toml:2:9: daemon: store: the URL holds a password",
        ),
        (
            "[daemon]\nstore = \"mysql://nw@db/news\"\n",
            "newswatch.toml:2:9: daemon: store must be sqlite://PATH",
        ),
        (
            "[daemon]\nstore = \"nw.db\"\n",
            "for an SQLite file write store = \"sqlite://nw.db\"",
        ),
        (
            "[daemon]\nstore = \"postgres://nw@db\"\n",
            "daemon: store: the URL names no database",
        ),
        (
            "[daemon]\nstate = \"nw.db\"\nstore = \"sqlite://x.db\"\n",
            "newswatch.toml:3:9: daemon: give store or state, not both",
        ),
        (
            "[daemon]\nstate = \"postgres://nw@db/news\"\n",
            "daemon: state is the SQLite file's path, not a URL",
        ),
        (
            "[daemon]\nstore_password_env = \"SMTP_PASSWORD\"\n",
            "daemon: a store password is for a PostgreSQL store",
        ),
        (
            "[daemon]\nstore = \"postgres://nw@db/news\"\nstore_password_env = \"NO_SUCH\"\n",
            "daemon: store_password_env: environment variable NO_SUCH is not set",
        ),
    ] {
        let lines = error_lines(text);
        assert!(
            lines.iter().any(|line| line.contains(expected)),
            "{text}: {lines:?}"
        );
        assert!(
            lines.iter().all(|line| !line.contains("hunter2")),
            "{lines:?}"
        );
    }
}

#[test]
fn defaults_fill_an_empty_file() {
    let config = parse("").expect("an empty file is valid");
    assert_eq!(config.daemon, DaemonConfig::default());
    assert_eq!(
        config.daemon.user_agent,
        concat!("newswatch/", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(config.daemon.interval, Duration::from_secs(600));
}

#[test]
fn placeholders_and_unwatched_feeds_are_warnings() {
    let text = r#"[daemon]
user_agent = "newswatch (REPLACE with your contact)"

[[feed]]
name = "sec-alibaba"
url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany"
headers = { "User-Agent" = "newswatch admin@example.org" }

[[feed]]
name = "reuters"
url = "https://reuters.test/feed"

[[rule]]
name = "r"
query = "x"
feeds = ["sec-alibaba"]
notify = []
"#;
    let config = parse(text).expect("warnings do not fail the load");
    let warnings: Vec<String> = config.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            format!(
                "{FILE}:2:14: daemon: user_agent still holds a placeholder (\"REPLACE\"); publishers such as the SEC block requests without a real contact"
            ),
            format!(
                "{FILE}:7:28: feed \"sec-alibaba\": header User-Agent still holds a placeholder (example.org); the SEC blocks requests without a real contact"
            ),
            format!("{FILE}:10:8: feed \"reuters\": no rule looks at this feed"),
            format!("{FILE}:14:8: rule \"r\": notify is empty, so its matches alert no one"),
        ]
    );
}

#[test]
fn query_location_points_at_the_first_character() {
    let text = "[[rule]]\nname = \"a\"\nquery = \"alibaba\"\n\
                [[rule]]\nname = \"b\"\nquery   =   'pla'\n\
                [[rule]]\nname = \"c\"\nquery = '''\n  military'''\n";
    let config = parse(text).expect("valid");
    let locations: Vec<Location> = config
        .rules
        .iter()
        .map(|rule| rule.query_location)
        .collect();
    assert_eq!(
        locations,
        [
            Location { line: 3, col: 10 },
            Location { line: 6, col: 14 },
            Location { line: 10, col: 1 }
        ]
    );
}

#[test]
fn severity_prints_upper_case_and_serializes_lower_case() {
    assert_eq!(Severity::High.to_string(), "HIGH");
    assert_eq!(Severity::Critical.as_str(), "critical");
    assert_eq!(
        toml::Value::try_from(Severity::Low).ok(),
        Some(toml::Value::String("low".into()))
    );
}

#[test]
fn unreadable_file_is_a_diagnostic_without_position() {
    let error = load(Path::new("/nonexistent/newswatch.toml"), CHECKS).expect_err("missing file");
    assert_eq!(error.diagnostics[0].location, None);
    assert!(
        error
            .to_string()
            .starts_with("/nonexistent/newswatch.toml: cannot read config: "),
        "{error}"
    );
}

#[test]
fn story_and_fatigue_keys_load_with_their_defaults() {
    let text = r#"
[[rule]]
name = "plain"
query = 'x'

[[rule]]
name = "tuned"
query = 'x'
cluster_threshold = 0.5
story_update = "off"
max_alerts = "10/1h"

[[rule]]
name = "every-item"
query = 'x'
cluster = false

[[channel]]
name = "night"
type = "webhook"
url = "https://hooks.test/x"
quiet_hours = "22:00-07:00"
timezone = "Asia/Shanghai"
"#;
    let config = parse(text).expect("valid");
    let [plain, tuned, every] = &config.rules[..] else {
        panic!("three rules");
    };
    assert!(plain.cluster);
    assert_eq!(plain.cluster_threshold, None);
    assert_eq!(plain.story_update, Some(Duration::from_secs(3600)));
    assert_eq!(plain.max_alerts, None);
    assert_eq!(tuned.cluster_threshold, Some(0.5));
    assert_eq!(tuned.story_update, None);
    assert_eq!(
        tuned.max_alerts.map(|cap| cap.to_string()).as_deref(),
        Some("10/1h")
    );
    assert!(!every.cluster);
    let quiet = config.channels[0].quiet_hours.expect("quiet hours");
    assert_eq!(quiet.to_string(), "22:00-07:00 Asia/Shanghai");
    assert_eq!(config.daemon.story_window, Duration::from_secs(48 * 3600));
}

/// The warnings of an SMTP channel to `host` with `tls` and, if `user`, a username (its
/// password from the test environment).
fn smtp_warnings(host: &str, tls: &str, user: bool) -> Vec<String> {
    let login = if user {
        "username = \"nw\"\npassword_env = \"SMTP_PASSWORD\"\n"
    } else {
        ""
    };
    let text = format!(
        "[[channel]]\nname = \"mail\"\ntype = \"email\"\nfrom = \"nw@example.net\"\n\
         to = [\"desk@example.net\"]\ntransport = \"smtp\"\nsmtp_host = \"{host}\"\n\
         tls = \"{tls}\"\n{login}"
    );
    let config = parse(&text).expect("warnings do not fail the load");
    config.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn auth_without_tls_to_a_remote_server_is_a_warning() {
    assert_eq!(
        smtp_warnings("smtp.example.net", "none", true),
        [format!(
            "{FILE}:8:7: channel \"mail\": tls = \"none\" sends the SMTP password to \
             smtp.example.net in clear text (AUTH PLAIN or LOGIN), readable by anyone on the \
             network path; set tls = \"starttls\" (port 587) or tls = \"tls\" (port 465)"
        )]
    );
    // (host, tls, username): whether a password crosses the network unencrypted.
    let cases = [
        ("192.0.2.7", "none", true, true),
        ("[2001:db8::7]", "none", true, true),
        ("smtp.example.net", "starttls", true, false),
        ("smtp.example.net", "tls", true, false),
        ("smtp.example.net", "none", false, false),
        ("127.0.0.1", "none", true, false),
        ("127.0.0.53", "none", true, false),
        ("::1", "none", true, false),
        ("[::1]", "none", true, false),
        ("::ffff:127.0.0.1", "none", true, false),
        ("localhost", "none", true, false),
        ("LocalHost.", "none", true, false),
        ("mail.localhost", "none", true, false),
        ("localhost.example.net", "none", true, true),
    ];
    for (host, tls, user, warned) in cases {
        let warnings = smtp_warnings(host, tls, user);
        assert_eq!(
            warnings.len(),
            usize::from(warned),
            "{host} {tls}: {warnings:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_secret_file_readable_by_others_is_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("create temp dir");
    let secret = dir.path().join("secret");
    std::fs::write(&secret, "secret-value\n").expect("write secret");
    let smtp = "[[channel]]\nname = \"mail\"\ntype = \"email\"\nfrom = \"nw@example.net\"\n\
        to = [\"desk@example.net\"]\ntransport = \"smtp\"\nsmtp_host = \"smtp.example.net\"\n\
        username = \"nw\"\npassword_file = \"secret\"\n";
    let webhook = "[[channel]]\nname = \"hook\"\ntype = \"webhook\"\n\
        url = \"https://hooks.example.net/in\"\nsecret_file = \"secret\"\n";
    let cases = [
        (smtp, 0o644, Some(("password_file", "SMTP password", 9))),
        (smtp, 0o640, Some(("password_file", "SMTP password", 9))),
        (smtp, 0o604, Some(("password_file", "SMTP password", 9))),
        (smtp, 0o600, None),
        (smtp, 0o400, None),
        (
            webhook,
            0o644,
            Some(("secret_file", "webhook signing key", 5)),
        ),
        (webhook, 0o600, None),
    ];
    for (text, mode, warned) in cases {
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let config = parse_with_env(text, &dir.path().join("newswatch.toml"), &test_env, CHECKS)
            .expect("warnings do not fail the load");
        let warnings: Vec<String> = config.warnings.iter().map(ToString::to_string).collect();
        let expected: Vec<String> = warned
            .map(|(key, what, line)| {
                let owner = if key == "password_file" {
                    "mail"
                } else {
                    "hook"
                };
                format!(
                    "{}:{line}:{}: channel \"{owner}\": {key} \"{}\" is readable by group or \
                     others (mode {mode:03o}), so other local users can read the {what}; \
                     restrict it to the user newswatch runs as (chmod 600)",
                    dir.path().join("newswatch.toml").display(),
                    key.len() + 4,
                    secret.display()
                )
            })
            .into_iter()
            .collect();
        assert_eq!(warnings, expected, "{mode:o}");
        assert!(!warnings.concat().contains("secret-value"));
    }
}

fn guard_warnings(daemon: &str, feed_url: &str, feed_keys: &str, hook_url: &str) -> Vec<String> {
    let text = format!(
        "[daemon]\n{daemon}\n[[feed]]\nname = \"f\"\nurl = \"{feed_url}\"\n{feed_keys}\n\
         [[channel]]\nname = \"hook\"\ntype = \"webhook\"\nurl = \"{hook_url}\"\n"
    );
    let config = parse(&text).expect("warnings do not fail the load");
    config
        .warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("SSRF"))
        .collect()
}

#[test]
fn targets_the_ssrf_guard_will_refuse_are_warnings() {
    assert_eq!(
        guard_warnings(
            "",
            "http://127.0.0.1:8080/feed.xml",
            "",
            "https://hooks.example.net/x"
        ),
        [format!(
            "{FILE}:5:7: feed \"f\": 127.0.0.1 is a loopback address, which the SSRF guard \
             refuses when polling; to allow it, {}",
            crate::net::HOW_TO_ALLOW
        )]
    );
    let hook = guard_warnings(
        "",
        "https://news.example.net/",
        "",
        "http://169.254.169.254/x",
    );
    assert_eq!(hook.len(), 1, "{hook:?}");
    assert!(
        hook[0].contains(
            "channel \"hook\": 169.254.169.254 is a link-local address, which \
             the SSRF guard refuses when delivering"
        ),
        "{hook:?}"
    );
    let named = guard_warnings("", "http://LocalHost.:8080/f", "", "https://h.example.net/");
    assert!(
        named[0].contains("localhost names this machine"),
        "{named:?}"
    );
    // (daemon keys, feed keys, url): allowed or public targets pass without a warning.
    for (daemon, keys, url) in [
        ("allow_private_networks = true", "", "http://127.0.0.1/f"),
        (
            "allow_private_addresses = [\"10.0.0.5\"]",
            "",
            "http://10.0.0.5/f",
        ),
        ("", "allow_private = true", "http://192.168.1.2/f"),
        ("", "", "https://news.example.net/f"),
        ("", "", "http://93.184.215.14/f"),
        ("", "", "file:///var/lib/newswatch/f.xml"),
    ] {
        assert_eq!(
            guard_warnings(daemon, url, keys, "https://hooks.example.net/x"),
            Vec::<String>::new(),
            "{daemon} {keys} {url}"
        );
    }
}

#[test]
fn a_list_section_with_single_brackets_says_to_double_them() {
    let lines = error_lines(
        "[daemon]\nstate = \"/tmp/x.db\"\n\n  [channel]  # the desk\nname = \"a\"\ntype = \"email\"\n",
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!(
            "{FILE}:4:3: [channel] must be [[channel]]: channels are a list, one [[channel]] \
             section per channel (TOML: "
        )),
        "{lines:?}"
    );
    let twice = error_lines("[rule]\nname = \"a\"\n\n[rule]\nname = \"b\"\n");
    assert!(
        twice[0].contains(":1:1: [rule] must be [[rule]]"),
        "{twice:?}"
    );
}

#[test]
fn every_unknown_key_is_reported_at_once_with_a_did_you_mean() {
    let lines = error_lines(
        "[daemon]\nintervall = \"5m\"\n\n[[channel]]\nname = \"m\"\ntype = \"webhook\"\n\
         smtp_hots = \"x\"\nurl = \"https://h.test/\"\n[[feed]]\nname = \"f\"\nurl = \"https://a.test/\"\n\
         colour = \"red\"\n",
    );
    assert_eq!(
        lines,
        [
            format!("{FILE}:2:1: unknown key `intervall` in [daemon] (did you mean \"interval\"?)"),
            format!(
                "{FILE}:7:1: unknown key `smtp_hots` in [[channel]] (did you mean \"smtp_host\"?)"
            ),
            format!(
                "{FILE}:12:1: unknown key `colour` in [[feed]] (keys: {})",
                raw::FEED_KEYS.join(", ")
            ),
        ]
    );
}

#[test]
fn unknown_keys_come_with_the_rest_of_the_files_errors() {
    let lines = error_lines(
        "[daemon]\nsmtp_hots = 1\n\n[[feed]]\nname = \"f\"\nurl = \"https://a.test/\"\n\n\
         [[rule]]\nname = \"r\"\nquery = 'alibaba'\nnotify = [\"nope\"]\n",
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains(":2:1: unknown key `smtp_hots`"),
        "{lines:?}"
    );
    assert!(lines[1].contains("unknown channel \"nope\""), "{lines:?}");
}

/// The key lists of `raw` name exactly the fields serde accepts: serde's own refusal of an
/// unknown key lists them.
#[test]
fn the_key_lists_agree_with_the_config_structs() {
    let sections: [(&str, &[&str]); 5] = [
        ("", raw::TOP_KEYS),
        ("[daemon]", raw::DAEMON_KEYS),
        ("[[feed]]", raw::FEED_KEYS),
        ("[[rule]]", raw::RULE_KEYS),
        ("[[channel]]", raw::CHANNEL_KEYS),
    ];
    for (header, keys) in sections {
        let message = toml::from_str::<raw::RawConfig>(&format!("{header}\nzz_extra = 0\n"))
            .err()
            .map(|e| e.message().to_owned())
            .unwrap_or_default();
        let (_, expected) = message
            .split_once("expected one of ")
            .unwrap_or_else(|| panic!("{header}: serde no longer refuses unknown keys: {message}"));
        let mut accepted: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
        let mut listed = keys.to_vec();
        accepted.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, accepted, "{header}");
    }
}

#[test]
fn a_template_that_does_not_render_is_reported_with_the_other_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("alert.json"), "{\"x\": \"BROKEN\"}").expect("write template");
    let text = "[[channel]]\nname = \"chat\"\ntype = \"webhook\"\nurl = \"https://hooks.test/x\"\n\
                template = \"alert.json\"\n[[feed]]\nname = \"Bad_Name\"\nurl = \"https://a.test/\"\n";
    let error = parse_with_env(text, &dir.path().join("newswatch.toml"), &test_env, CHECKS)
        .expect_err("two errors");
    let lines: Vec<String> = error.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        lines.iter().any(|l| l.contains(":5:12:")
            && l.contains("template \"")
            && l.contains("BROKEN is not a variable")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("Bad_Name")), "{lines:?}");
}

#[test]
fn a_query_error_is_reported_with_the_other_errors_at_its_column() {
    let text = "[[feed]]\nname = \"Bad_Name\"\nurl = \"https://a.test/\"\n\
                [[rule]]\nname = \"r\"\nquery = 'Alibaba AND ((PLA'\n";
    let lines = error_lines(text);
    assert!(lines.iter().any(|l| l.contains("Bad_Name")), "{lines:?}");
    // `query = '` puts the query at column 10; "((" is its 13th character.
    assert!(
        lines
            .iter()
            .any(|l| l.contains(":6:22:") && l.contains("rule \"r\": unbalanced parentheses")),
        "{lines:?}"
    );
}

#[test]
fn a_feed_takes_a_title_and_can_be_paused() {
    let config = parse(
        "[[feed]]\nname = \"wire\"\ntitle = \"  Reuters: World News \"\nurl = \"https://a.test/\"\n\
         paused = true\n\n[[feed]]\nname = \"agg\"\nurl = \"https://b.test/\"\n",
    )
    .expect("valid");
    assert_eq!(
        config.feeds[0].title.as_deref(),
        Some("Reuters: World News")
    );
    assert!(config.feeds[0].paused);
    assert_eq!(config.feeds[1].title, None);
    assert!(!config.feeds[1].paused);
}

#[test]
fn a_feed_title_is_one_line_of_text() {
    let lines = error_lines(
        "[[feed]]\nname = \"a\"\ntitle = \"\"\nurl = \"https://a.test/\"\n\n\
         [[feed]]\nname = \"b\"\ntitle = \"two\\nlines\"\nurl = \"https://b.test/\"\n",
    );
    assert_eq!(
        lines,
        [
            format!("{FILE}:3:9: feed \"a\": title is empty"),
            format!("{FILE}:8:9: feed \"b\": title contains a line break or control character"),
        ]
    );
}

/// No rule looking at a paused feed is no news: pausing may be the answer to it.
#[test]
fn a_paused_feed_no_rule_looks_at_is_not_warned_about() {
    let config = parse(
        "[[feed]]\nname = \"a\"\nurl = \"https://a.test/\"\ntags = [\"x\"]\n\n\
         [[feed]]\nname = \"b\"\nurl = \"https://b.test/\"\npaused = true\n\n\
         [[rule]]\nname = \"r\"\nquery = 'alibaba'\nfeeds = [\"tag:x\"]\n",
    )
    .expect("valid");
    let about_feeds: Vec<String> = config
        .warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("no rule looks at"))
        .collect();
    assert!(about_feeds.is_empty(), "{about_feeds:?}");
}
