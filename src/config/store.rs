//! Where the durable state lives: `[daemon] store` (`sqlite://PATH` or
//! `postgres://USER@HOST/DATABASE`), the older `state` path, and the PostgreSQL password read
//! from `store_password_file` or `store_password_env` like the channels' secrets.
//!
//! A URL is checked here, at load time, so that `check` names a mistake with its line and
//! column instead of the daemon failing to connect at start. Messages never repeat the URL:
//! it may carry the password this module refuses to read from it.

use std::path::PathBuf;

use crate::config::channel::{secret_from_env, secret_from_file};
use crate::config::fields::Context;
use crate::config::raw::{RawDaemon, Text};
use crate::config::{PostgresConfig, Secret};

/// Query parameters a PostgreSQL URL may carry (libpq's names, as sqlx reads them).
const POSTGRES_PARAMETERS: &[&str] = &[
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "application_name",
    "options",
    "statement-cache-capacity",
];

const SSL_MODES: &[&str] = &[
    "disable",
    "allow",
    "prefer",
    "require",
    "verify-ca",
    "verify-full",
];

/// The SQLite file and, for a PostgreSQL store, its settings (then the file is not used).
pub(super) fn store_location(
    cx: &mut Context,
    raw: &RawDaemon,
    default_state: PathBuf,
) -> (PathBuf, Option<PostgresConfig>) {
    let mut state = default_state;
    if let Some(path) = &raw.state {
        if path.get_ref().contains("://") {
            cx.report.error(
                path.span(),
                "daemon: state is the SQLite file's path, not a URL; a database URL goes in \
                 store (store = \"postgres://USER@HOST/DATABASE\" or store = \"sqlite://PATH\")",
            );
        } else {
            state = cx.resolve(path.get_ref());
        }
    }
    let mut postgres = None;
    match (&raw.store, &raw.state) {
        (Some(store), Some(_)) => cx.report.error(
            store.span(),
            "daemon: give store or state, not both (state = \"PATH\" is the same as \
             store = \"sqlite://PATH\")",
        ),
        (Some(store), None) => match store_url(cx, store) {
            Some(Location::Sqlite(path)) => state = path,
            Some(Location::Postgres(url)) => {
                postgres = Some(PostgresConfig {
                    url,
                    password: store_password(cx, raw),
                });
            }
            None => {}
        },
        (None, _) => {}
    }
    if postgres.is_none() {
        for key in [&raw.store_password_file, &raw.store_password_env]
            .into_iter()
            .flatten()
        {
            cx.report.error(
                key.span(),
                "daemon: a store password is for a PostgreSQL store (store = \
                 \"postgres://USER@HOST/DATABASE\"); an SQLite file has none",
            );
        }
    }
    (state, postgres)
}

enum Location {
    Sqlite(PathBuf),
    /// The URL as written.
    Postgres(String),
}

fn store_url(cx: &mut Context, store: &Text) -> Option<Location> {
    let text = store.get_ref();
    if let Some(path) = text.strip_prefix("sqlite://") {
        if path.is_empty() {
            cx.report.error(
                store.span(),
                "daemon: store \"sqlite://\" names no file; write store = \
                 \"sqlite://PATH\", such as \"sqlite:///var/lib/newswatch/newswatch.db\"",
            );
            return None;
        }
        return Some(Location::Sqlite(cx.resolve(path)));
    }
    let scheme = text.split_once("://").map(|(scheme, _)| scheme);
    if !matches!(scheme, Some("postgres" | "postgresql")) {
        let hint = match scheme {
            None => format!(
                "; for an SQLite file write store = \"sqlite://{text}\" (or state = \"{text}\")"
            ),
            Some(_) => String::new(),
        };
        cx.report.error(
            store.span(),
            format!(
                "daemon: store must be sqlite://PATH (an SQLite file) or \
                 postgres://USER@HOST/DATABASE (a PostgreSQL database several nodes share){hint}"
            ),
        );
        return None;
    }
    let problem = postgres_url_problem(text);
    if let Some(problem) = problem {
        cx.report
            .error(store.span(), format!("daemon: store: {problem}"));
        return None;
    }
    Some(Location::Postgres(text.clone()))
}

/// What is wrong with a `postgres://` URL, if anything.
fn postgres_url_problem(text: &str) -> Option<String> {
    let url = match url::Url::parse(text) {
        Ok(url) => url,
        // The URL itself is not repeated: it may hold a password.
        Err(error) => return Some(format!("not a valid PostgreSQL URL ({error})")),
    };
    let params: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if url.password().is_some() || params.iter().any(|(k, _)| k == "password") {
        return Some(
            "the URL holds a password, which anyone who can read this file (and any log that \
             shows the config) would see; put it in a file named by store_password_file (a \
             systemd credential: store_password_file = \"/run/credentials/newswatch.service/db\") \
             or in an environment variable named by store_password_env"
                .to_string(),
        );
    }
    for (key, value) in &params {
        if !POSTGRES_PARAMETERS.contains(&key.as_str()) {
            return Some(format!(
                "unknown connection parameter \"{key}\"; known: {}",
                POSTGRES_PARAMETERS.join(", ")
            ));
        }
        if key == "sslmode" && !SSL_MODES.contains(&value.as_str()) {
            return Some(format!(
                "sslmode \"{value}\" is none of {}",
                SSL_MODES.join(", ")
            ));
        }
    }
    let has = |key: &str| params.iter().any(|(k, _)| k == key);
    if url.host_str().is_none_or(str::is_empty) && !has("host") && !has("hostaddr") {
        return Some(
            "the URL names no server; write postgres://USER@HOST/DATABASE (or \
             postgres:///DATABASE?host=/run/postgresql for a local socket)"
                .to_string(),
        );
    }
    let database = url.path().trim_start_matches('/');
    if database.is_empty() && !has("dbname") {
        return Some(
            "the URL names no database; write it as the path: postgres://USER@HOST/newswatch"
                .to_string(),
        );
    }
    if database.contains('/') {
        return Some(format!(
            "\"{database}\" is not a database name (it holds a /)"
        ));
    }
    None
}

fn store_password(cx: &mut Context, raw: &RawDaemon) -> Option<Secret> {
    const OWNER: &str = "daemon";
    match (&raw.store_password_file, &raw.store_password_env) {
        (Some(_), Some(env)) => {
            cx.report.error(
                env.span(),
                "daemon: give store_password_file or store_password_env, not both",
            );
            None
        }
        (Some(file), None) => secret_from_file(cx, OWNER, "store_password_file", file),
        (None, Some(env)) => secret_from_env(cx, OWNER, "store_password_env", env),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::postgres_url_problem;

    #[test]
    fn good_postgres_urls_pass() {
        for url in [
            "postgres://newswatch@db.internal/newswatch",
            "postgresql://nw@10.0.0.5:5433/news?sslmode=verify-full&application_name=nw-1",
            "postgres:///newswatch?host=/run/postgresql",
        ] {
            assert_eq!(postgres_url_problem(url), None, "{url}");
        }
    }

    #[test]
    fn bad_postgres_urls_say_what_is_wrong_without_repeating_a_password() {
        for (url, says) in [
            ("postgres://nw:hunter2@db/news", "holds a password"),
            ("postgres://nw@db/news?password=hunter2", "holds a password"),
            ("postgres://nw@db/", "names no database"),
            ("postgres:///news", "names no server"),
            ("postgres://nw@db/news?sslmode=always", "sslmode \"always\""),
            (
                "postgres://nw@db/news?timeout=3",
                "unknown connection parameter",
            ),
            ("postgres://nw@db:99999/news", "not a valid PostgreSQL URL"),
            ("postgres://nw@db/a/b", "not a database name"),
        ] {
            let problem = postgres_url_problem(url).unwrap_or_else(|| panic!("{url} passed"));
            assert!(problem.contains(says), "{url}: {problem}");
            assert!(!problem.contains("hunter2"), "{problem}");
        }
    }
}
