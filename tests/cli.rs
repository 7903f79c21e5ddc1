//! The `newswatch` binary as a user runs it: `check` diagnostics and exit codes, `run --once`
//! summaries, `status`, and state that survives a new process.

mod common;

use std::path::{Path, PathBuf};

use chrono::Utc;
use common::{CliOutput, TestServer, repo_file, rss, run_cli};

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("newswatch.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// Runs `newswatch -c config ARGS`.
fn run_on(config: &Path, args: &[&str]) -> CliOutput {
    let config = config.to_str().expect("utf-8");
    run_cli(["-c", config].iter().chain(args))
}

#[test]
fn check_accepts_both_shipped_configs() {
    for config in ["config/demo.toml", "config/newswatch.toml"] {
        let checked = run_on(&repo_file(config), &["check"]);
        let stdout = checked.success();
        assert!(stdout.contains("OK"), "{stdout}");
    }
}

#[test]
fn check_reports_every_error_with_file_line_and_column_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_config(
        dir.path(),
        r#"[daemon]
interval = "ten minutes"

[[feed]]
name = "a"
url = "https://example.net/a.xml"

[[feed]]
name = "a"
url = "https://example.net/b.xml"

[[rule]]
name = "r"
query = "alibaba"
notify = ["nowhere"]
"#,
    );
    let checked = run_on(&path, &["check"]);
    let stderr = checked.code(2);
    let file = path.display().to_string();
    assert!(stderr.contains(&format!("{file}:2:12: ")), "{stderr}");
    assert!(stderr.contains(&format!("{file}:9:8: ")), "{stderr}");
    assert!(stderr.contains(&format!("{file}:15:11: ")), "{stderr}");
    assert!(stderr.contains("nowhere"), "{stderr}");
}

#[test]
fn unknown_key_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_config(
        dir.path(),
        "[[feed]]\nname = \"a\"\nurl = \"https://example.net/a.xml\"\nintervall = \"5m\"\n\n\
         [daemon]\nconcurency = 2\n",
    );
    let checked = run_on(&path, &["check"]);
    let stderr = checked.code(2);
    // Both at once, each with the key it most likely meant.
    assert!(
        stderr.contains(&format!(
            "{}:4:1: unknown key `intervall` in [[feed]] (did you mean \"interval\"?)",
            path.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:7:1: unknown key `concurency` in [daemon] (did you mean \"concurrency\"?)",
            path.display()
        )),
        "{stderr}"
    );
}

#[test]
fn missing_config_file_exits_2_and_usage_errors_exit_2() {
    run_cli(["-c", "/nonexistent/newswatch.toml", "check"]).code(2);
    run_cli(["frobnicate"]).code(2);
}

#[test]
fn secrets_never_appear_in_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("smtp-password"), "hunter2-secret\n").expect("write secret");
    let path = write_config(
        dir.path(),
        r#"[daemon]
concurrency = 0

[[channel]]
name = "mail"
type = "email"
from = "nw@example.net"
to = ["desk@example.net"]
transport = "smtp"
smtp_host = "127.0.0.1"
username = "nw"
password_file = "smtp-password"
"#,
    );
    let checked = run_on(&path, &["check"]);
    checked.code(2);
    let all = format!("{}{}", checked.stdout, checked.stderr);
    assert!(!all.contains("hunter2"), "{all}");
}

fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    // The same layout as the repository: the demo's state goes to ../state, inside the copy.
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = dir.path().join("config/demo");
    std::fs::create_dir_all(&demo).expect("demo dir");
    for entry in std::fs::read_dir(repo_file("config/demo")).expect("demo files") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), demo.join(entry.file_name())).expect("copy");
    }
    let config = dir.path().join("config/demo.toml");
    std::fs::copy(repo_file("config/demo.toml"), &config).expect("copy config");
    (dir, config)
}

#[test]
fn demo_run_once_prints_a_summary_then_sees_nothing_new() {
    let (_dir, config) = demo_copy();
    let first = run_on(&config, &["run", "--once"]);
    assert_eq!(
        first.success().trim(),
        "polled 4 feeds: 4 changed, 0 unchanged (304), 0 failed; 10 new items (10 may alert); 7 matches; \
         alerts: 4 delivered, 0 retrying, 0 dead, 1 story follow-up due later"
    );
    let second = run_on(&config, &["run", "--once"]);
    assert_eq!(
        second.stdout.trim(),
        "polled 4 feeds: 0 changed, 4 unchanged (304), 0 failed; 0 new items (0 may alert); 0 matches; \
         alerts: 0 delivered, 0 retrying, 0 dead, 1 story follow-up due later"
    );

    let status = run_on(&config, &["status", "--json"]);
    status.success();
    let report = status.json();
    let feeds = report["feeds"].as_array().expect("feeds");
    assert_eq!(feeds.len(), 4);
    let chinese = feeds.iter().find(|f| f["name"] == "demo-zh").expect("feed");
    assert_eq!(chinese["health"], "ok");
    assert_eq!(chinese["items_seen"], 2);
    let rules = report["rules"].as_array().expect("rules");
    let pla = rules
        .iter()
        .find(|r| r["rule"] == "alibaba-pla")
        .expect("rule");
    assert_eq!(pla["matches"], 5);
    assert_eq!(report["outbox"][0]["channel"], "demo-mail");
    assert_eq!(report["outbox"][0]["delivered"], 4);
    // The memo story's follow-up, due a minute after its alert.
    assert_eq!(report["outbox"][0]["pending"], 1);

    let table = run_on(&config, &["status"]).stdout;
    assert!(table.starts_with("FEED"), "{table}");
    assert!(table.contains("demo-sec"), "{table}");
    assert!(
        table.contains("\nRULE") && table.contains("alibaba-pla"),
        "{table}"
    );
    assert!(
        table.contains("\nCHANNEL") && table.contains("demo-mail"),
        "{table}"
    );
}

#[tokio::test]
async fn a_new_process_on_the_same_state_does_not_see_old_items_as_new() {
    let server = TestServer::start().await;
    // No validators: every poll downloads the whole document again.
    let body = rss(&[("a", "One", Utc::now()), ("b", "Two", Utc::now())]);
    server.route("/a.xml", move |_| {
        let response = axum::response::Response::builder()
            .body(axum::body::Body::from(body.clone()))
            .expect("valid");
        (std::time::Duration::ZERO, response)
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_config(
        dir.path(),
        &format!(
            "[daemon]\nstate = \"s.db\"\nallow_private_networks = true\n[[feed]]\nname = \"a\"\nurl = \"{}\"\n",
            server.url("/a.xml")
        ),
    );
    let mut summaries = Vec::new();
    for _ in 0..2 {
        let output = tokio::task::spawn_blocking({
            let path = path.clone();
            move || run_on(&path, &["run", "--once"])
        })
        .await
        .expect("join");
        summaries.push(output.success().trim().to_string());
    }
    assert!(
        summaries[0].contains("2 new items (2 may alert); 0 matches"),
        "{summaries:?}"
    );
    assert_eq!(
        summaries[1],
        "polled 1 feeds: 0 changed, 1 unchanged (304), 0 failed; 0 new items (0 may alert); 0 matches; \
         alerts: 0 delivered, 0 retrying, 0 dead"
    );
    assert_eq!(server.requests("/a.xml").len(), 2);
}

#[test]
fn json_logs_are_one_object_per_line() {
    let (_dir, config) = demo_copy();
    let output = run_on(&config, &["--log-format", "json", "run", "--once"]);
    output.success();
    let lines: Vec<&str> = output.stderr.lines().collect();
    assert!(!lines.is_empty());
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("json log line");
        assert!(value["level"].is_string());
    }
}

#[test]
fn sigterm_stops_the_daemon_with_exit_code_0() {
    let (dir, config) = demo_copy();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newswatch"))
        .args(["-c", config.to_str().expect("utf-8"), "run"])
        .env("RUST_LOG", "error")
        .spawn()
        .expect("start daemon");
    // Bounded wait for the first poll to be recorded.
    let state = dir.path().join("state/demo.db");
    for _ in 0..100 {
        if state.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "daemon still running 10 s after SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    if !status.success() {
        let _ = child.kill();
    }
    assert_eq!(status.code(), Some(0));
}

#[test]
fn channel_headers_are_checked_and_only_webhooks_take_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_config(
        dir.path(),
        r#"[[channel]]
name = "mail"
type = "email"
from = "a@b.example"
to = ["c@d.example"]
transport = "maildir"
dir = "m"
headers = { "X" = "y" }

[[channel]]
name = "hook"
type = "webhook"
url = "https://hooks.example.net/x"
headers = { "Bad Header" = "v" }
"#,
    );
    let checked = run_on(&path, &["check"]);
    let stderr = checked.code(2);
    let file = path.display().to_string();
    assert!(
        stderr.contains(&format!(
            "{file}:8:11: channel \"mail\": key `headers` does not apply"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{file}:14:13: channel \"hook\": \"Bad Header\" is not a valid HTTP header name"
        )),
        "{stderr}"
    );
}

#[test]
fn the_demo_story_makes_one_alert_and_stories_lists_its_outlets() {
    let (dir, config) = demo_copy();
    run_on(&config, &["run", "--once"]).success();
    let listed = run_on(&config, &["stories", "--since", "3650d", "--json"]);
    let stories: Vec<serde_json::Value> = listed
        .success()
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let memo = stories
        .iter()
        .find(|s| {
            s["members"]
                .as_array()
                .is_some_and(|m| m.iter().any(|m| m["source"] == "Reuters"))
        })
        .expect("the memo story");
    let sources = memo["sources"].as_array().expect("sources");
    for outlet in ["Reuters", "South China Morning Post", "news.example.net"] {
        assert!(sources.iter().any(|s| s == outlet), "{outlet} in {memo}");
    }
    // One alert for the story, whichever outlet was polled first.
    let story = memo["id"].as_str().expect("id");
    let mail = dir.path().join("state/demo-mail/new");
    let alerts = std::fs::read_dir(&mail)
        .expect("maildir")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("mail"))
        .filter(|m| m.contains(&format!("X-Newswatch-Story: {story}")))
        .count();
    assert_eq!(alerts, 1, "one alert for the memo story");

    let table = run_on(
        &config,
        &["stories", "--since", "3650d", "--rule", "alibaba-pla"],
    )
    .stdout;
    assert!(table.contains(story) && table.contains(" lead "), "{table}");
    run_on(&config, &["stories", "--rule", "nope"]).code(2);
}

#[test]
fn test_rule_shows_how_items_group_into_stories() {
    let (_dir, config) = demo_copy();
    let wire = config.parent().expect("folder").join("demo/wire.rss");
    let wire = wire.to_str().expect("utf-8");
    let output = run_on(
        &config,
        &["test-rule", "--rule", "alibaba-pla", "--file", wire],
    );
    let text = output.success();
    assert!(text.contains("(first of its story)"), "{text}");
    assert!(
        text.contains("joins \"Alibaba named in Pentagon memo"),
        "{text}"
    );
    assert!(text.contains("2 of 2 items match, in 1 story"), "{text}");
}

#[test]
fn a_damaged_state_database_is_refused_and_left_as_it_was() {
    let (dir, config) = demo_copy();
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).expect("state folder");
    let db = state.join("demo.db");
    for (what, bytes) in [("empty", Vec::new()), ("garbage", vec![0x5Au8; 4096])] {
        std::fs::write(&db, &bytes).expect("damaged file");
        let run = run_on(&config, &["run", "--once"]);
        let stderr = &run.stderr;
        assert_ne!(run.code, Some(0), "{what}: {stderr}");
        assert!(
            stderr.contains("newswatch refuses to open it") && stderr.contains("move it away"),
            "{what}: {stderr}"
        );
        assert_eq!(std::fs::read(&db).expect("still there"), bytes, "{what}");
        eprintln!("{what} database: {}", stderr.trim());
    }
    // Moved away, as the message says: the next run starts fresh, and the one after reopens it.
    std::fs::rename(&db, state.join("demo.db.damaged")).expect("move away");
    for run in ["first", "second"] {
        let output = run_on(&config, &["run", "--once"]);
        assert_eq!(output.code, Some(0), "{run}: {}", output.stderr);
    }
}

#[test]
fn state_and_maildir_files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, config) = demo_copy();
    // The umask of a shell outside systemd; the files must not depend on it.
    let run = std::process::Command::new("sh")
        .args(["-c", "umask 022 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_newswatch"))
        .args(["-c", config.to_str().expect("utf-8"), "run", "--once"])
        .env_remove("NEWSWATCH_CONFIG")
        .env_remove("RUST_LOG")
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let state = dir.path().join("state");
    assert_eq!(mode(&state), 0o700, "state folder");
    for name in ["demo.db", "demo.db-wal", "demo.db-shm"] {
        let path = state.join(name);
        // The WAL files are removed when the last connection closes cleanly.
        if name == "demo.db" || path.exists() {
            assert_eq!(mode(&path), 0o600, "{name}");
        }
    }
    let mail = state.join("demo-mail");
    for sub in ["tmp", "new", "cur"] {
        assert_eq!(mode(&mail.join(sub)), 0o700, "demo-mail/{sub}");
    }
    let messages: Vec<_> = std::fs::read_dir(mail.join("new"))
        .expect("maildir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(!messages.is_empty());
    for message in messages {
        assert_eq!(mode(&message), 0o600, "{}", message.display());
    }
}

/// `run --once` exits 1 when every feed it polled failed (a cron job must notice a run that
/// read nothing), and 0 when at least one feed was read, whatever the others did.
#[test]
fn alerts_lists_what_was_sent_and_what_waits() {
    let (dir, config) = demo_copy();
    run_on(&config, &["alerts"]).code(1);
    assert!(
        !dir.path().join("state").exists(),
        "a read-only command wrote state"
    );
    run_on(&config, &["run", "--once"]).code(0);
    let listed = run_on(&config, &["alerts", "--json"]);
    let alerts: Vec<serde_json::Value> = listed
        .success()
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let states: Vec<&str> = alerts
        .iter()
        .map(|a| a["state"].as_str().expect("state"))
        .collect();
    assert_eq!(
        states.iter().filter(|s| **s == "delivered").count(),
        4,
        "{states:?}"
    );
    let held: Vec<&serde_json::Value> = alerts.iter().filter(|a| a["state"] == "held").collect();
    assert_eq!(held.len(), 1, "{alerts:?}");
    assert_eq!(held[0]["kind"], "story_update");
    assert_eq!(held[0]["held_for"], "follow-up period");
    let table = run_on(&config, &["alerts", "--state", "held"]).stdout;
    assert!(table.contains("held for: follow-up period"), "{table}");
    assert!(!table.contains("delivered"), "{table}");
    run_on(&config, &["alerts", "--rule", "alibaba-pal"]).code(2);
}

#[test]
fn test_rule_takes_a_headline_typed_on_the_command_line() {
    let profile = repo_file("config/newswatch.toml");
    let headline = "Pentagon memo says Alibaba aided People's Liberation Army";
    let hit = run_on(
        &profile,
        &["test-rule", "--rule", "alibaba-pla", "--text", headline],
    );
    let stdout = hit.success();
    assert!(
        stdout.contains(
            "[alibaba-pla] Pentagon memo says [Alibaba] aided [People's Liberation Army]"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("1 of 1 items match"), "{stdout}");
    // The summary is matched too; a headline alone that names only the company does not.
    let summary = run_on(
        &profile,
        &[
            "test-rule",
            "--rule",
            "alibaba-pla",
            "--text",
            "Alibaba shares fall",
            "--summary",
            "A Pentagon memo ties the company to China's military.",
            "--json",
        ],
    );
    let line = &summary.stdout;
    let hit: serde_json::Value = serde_json::from_str(line.trim()).expect("one json line");
    assert!(
        hit["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .any(|s| s["field"] == "summary")
    );
    let miss = run_on(
        &profile,
        &[
            "test-rule",
            "--rule",
            "alibaba-pla",
            "--text",
            "Alibaba shares fall",
        ],
    );
    assert!(miss.stdout.contains("0 of 1 items match"));
    // Without a rule or a query, every rule at once, each hit labelled.
    let every = run_on(&profile, &["test-rule", "--text", headline]);
    let stdout = &every.stdout;
    assert!(
        stdout.contains("[alibaba-pla] ") && stdout.contains("[alibaba-us-action] "),
        "{stdout}"
    );
    // An ad-hoc query's error points into the query, not at the config file.
    let wrong = run_on(
        &profile,
        &["test-rule", "--query", "@alibaba AND (pla", "--text", "x"],
    );
    let stderr = wrong.code(2);
    assert!(
        stderr.contains("--query:1:14: unclosed parenthesis"),
        "{stderr}"
    );
    // A lower-case operator in it is searched for as a word, and said so, pointing there too.
    let lower = run_on(
        &profile,
        &[
            "test-rule",
            "--query",
            "military or pentagon",
            "--text",
            "Pentagon",
        ],
    );
    assert!(
        lower.stdout.contains("0 of 1 items match"),
        "{}",
        lower.stdout
    );
    assert!(
        lower
            .stderr
            .contains("--query:1:10: \"or\" is searched for as a word"),
        "{}",
        lower.stderr
    );
}

#[test]
fn test_rule_says_when_the_rules_scope_leaves_the_feed_out() {
    let (_dir, config) = demo_copy();
    let out = run_on(
        &config,
        &[
            "test-rule",
            "--rule",
            "alibaba-filings",
            "--feed",
            "demo-news",
        ],
    );
    let stderr = &out.stderr;
    assert!(
        stderr.contains("rule \"alibaba-filings\" reads only feeds tag:filings and feed \"demo-news\" is none of them"),
        "{stderr}"
    );
    let inside = run_on(
        &config,
        &[
            "test-rule",
            "--rule",
            "alibaba-filings",
            "--feed",
            "demo-sec",
        ],
    );
    assert!(!inside.stderr.contains("reads only feeds"));
}

#[test]
fn catch_up_records_the_backlog_and_sends_nothing() {
    let (dir, config) = demo_copy();
    let caught = run_on(&config, &["run", "--once", "--catch-up"]);
    let stdout = caught.success();
    assert!(
        stdout.contains("10 new items (0 may alert); 7 matches; caught up: 7 matched items recorded as seen without alerting; alerts: 0 delivered"),
        "{stdout}"
    );
    let next = run_on(&config, &["run", "--once"]);
    let stdout = &next.stdout;
    assert!(
        stdout.contains("0 new items (0 may alert); 0 matches; alerts: 0 delivered"),
        "{stdout}"
    );
    let mail = dir.path().join("state/demo-mail/new");
    let sent = std::fs::read_dir(&mail).map_or(0, |entries| entries.count());
    assert_eq!(sent, 0, "nothing in {}", mail.display());
    // Only with --once: a daemon that never alerts is a mistake, not a mode.
    run_on(&config, &["run", "--catch-up"]).code(2);
}

#[test]
fn run_once_fails_when_every_feed_failed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.xml");
    std::fs::write(&good, rss(&[("g1", "An ordinary headline", Utc::now())])).expect("feed file");
    let feed = |name: &str, path: &Path| {
        format!(
            "[[feed]]\nname = \"{name}\"\nurl = \"file://{}\"\n",
            path.display()
        )
    };
    let missing = dir.path().join("missing.xml");
    let base = format!(
        "[daemon]\nstate = \"{}\"\n\n[[rule]]\nname = \"r\"\nquery = \"alibaba\"\nnotify = [\"m\"]\n\n\
         [[channel]]\nname = \"m\"\ntype = \"email\"\nfrom = \"a@example.org\"\n\
         to = [\"b@example.org\"]\ntransport = \"maildir\"\ndir = \"{}\"\n\n",
        dir.path().join("state.db").display(),
        dir.path().join("mail").display()
    );
    let all_failing = write_config(
        dir.path(),
        &format!(
            "{base}{}{}",
            feed("gone-1", &missing),
            feed("gone-2", &missing)
        ),
    );
    let output = run_on(&all_failing, &["run", "--once"]);
    let stderr = output.code(1);
    assert!(
        stderr.contains("every feed polled failed (2 of 2)"),
        "{stderr}"
    );
    // The summary is still printed: it says what happened.
    assert!(output.stdout.contains("2 failed"));

    let one_good = write_config(
        dir.path(),
        &format!("{base}{}{}", feed("gone-1", &missing), feed("good", &good)),
    );
    run_on(&one_good, &["run", "--once"]).success();
}

/// A lower-case `or` between words is searched for as a word: `check` says so, with the
/// position of the word, and still accepts the config.
#[test]
fn check_warns_about_lowercase_operators_between_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(
        dir.path(),
        &format!(
            "[daemon]\nstate = \"{}\"\n\n[[rule]]\nname = \"r\"\n\
             query = 'military or pentagon'\nnotify = []\n",
            dir.path().join("state.db").display()
        ),
    );
    let checked = run_on(&config, &["check"]);
    let stderr = checked.code(0);
    assert!(
        stderr.contains(
            ":6:19: rule \"r\": \"or\" is searched for as a word, since operators are upper \
             case: write OR to combine terms, or put \"or\" in quotes to search for the word \
             (warning)"
        ),
        "{stderr}"
    );
}

/// A feed on 127.0.0.1 without an allowance passes `check` with a warning that says the guard
/// will refuse it and how to allow it, instead of failing silently at the first poll.
#[test]
fn check_warns_about_a_feed_the_ssrf_guard_will_refuse() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(
        dir.path(),
        &format!(
            "[daemon]\nstate = \"{}\"\n\n[[feed]]\nname = \"intranet\"\n\
             url = \"http://127.0.0.1:8080/feed.xml\"\n",
            dir.path().join("state.db").display()
        ),
    );
    let checked = run_on(&config, &["check"]);
    let stderr = checked.code(0);
    assert!(
        stderr.contains(
            ":6:7: feed \"intranet\": 127.0.0.1 is a loopback address, which the SSRF guard \
             refuses when polling; to allow it, set allow_private = true"
        ),
        "{stderr}"
    );
}

/// `replay --channel` with a name the config does not define is a usage error (exit 2) naming
/// the channels, not a quiet "queued 0".
#[test]
fn replay_of_an_unknown_channel_exits_2_with_the_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(
        dir.path(),
        &format!(
            "[daemon]\nstate = \"{}\"\n\n[[channel]]\nname = \"desk\"\ntype = \"email\"\n\
             from = \"a@test.example\"\nto = [\"b@test.example\"]\ntransport = \"maildir\"\n\
             dir = \"{}\"\n",
            dir.path().join("state.db").display(),
            dir.path().join("mail").display()
        ),
    );
    let replay = run_on(&config, &["replay", "--dead", "--channel", "dsek"]);
    let stderr = replay.code(2);
    assert!(
        stderr.contains("no channel named \"dsek\" (channels: desk)"),
        "{stderr}"
    );
}

/// `[channel]` instead of `[[channel]]` is an error that says to double the brackets, at the
/// header, rather than TOML's "duplicate key".
#[test]
fn a_single_bracket_channel_header_says_to_double_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(
        dir.path(),
        "[daemon]\nstate = \"/tmp/x.db\"\n\n[channel]\nname = \"a\"\n\n[channel]\nname = \"b\"\n",
    );
    let checked = run_on(&config, &["check"]);
    let stderr = checked.code(2);
    assert!(
        stderr.contains(":4:1: [channel] must be [[channel]]: channels are a list"),
        "{stderr}"
    );
}

/// Issue 20, point 9: `status`, `stories`, `alerts` and `backtest` on a config that never ran
/// create no file or folder: they say there is no state yet (exit 1); `check` and `test-rule`
/// write nothing either.
#[test]
fn read_only_commands_create_no_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("var").join("state.db");
    let config = write_config(
        dir.path(),
        &format!("[daemon]\nstate = \"{}\"\n", state.display()),
    );
    let files = |dir: &Path| -> Vec<std::path::PathBuf> {
        let mut found: Vec<_> = std::fs::read_dir(dir)
            .expect("read temp dir")
            .map(|entry| entry.expect("entry").path())
            .collect();
        found.sort();
        found
    };
    let before = files(dir.path());
    for command in [
        &["check"][..],
        &["status"],
        &["status", "--json"],
        &["stories"],
        &["alerts"],
        &["alerts", "--json"],
        &["backtest", "--query", "Alibaba"],
        &[
            "test-rule",
            "--query",
            "Alibaba",
            "--text",
            "Alibaba shares fall",
        ],
    ] {
        let output = run_on(&config, command);
        match command[0] {
            "check" | "test-rule" => {
                output.success();
            }
            _ => {
                let stderr = output.code(1);
                assert!(
                    stderr.contains("no state database at"),
                    "{command:?}: {stderr}"
                );
            }
        }
        assert_eq!(
            files(dir.path()),
            before,
            "{command:?} created a file or folder"
        );
    }
}

/// A feed file cut short, as a server that stops mid-document leaves it: `run --once` alerts
/// on the entries complete before the cut, never on the one it fell in, and `status` says the
/// feed's last document was truncated.
#[test]
fn run_once_alerts_on_the_whole_entries_of_a_feed_cut_short_and_status_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc::now();
    let whole = rss(&[
        ("t1", "Alibaba and the PLA, part one", now),
        ("t2", "Alibaba denies military ties", now),
        ("t3", "PLA drills near Taiwan", now),
    ]);
    let cut = whole.find("PLA drills").expect("third title") + "PLA dri".len();
    let path = dir.path().join("cut.xml");
    std::fs::write(&path, &whole[..cut]).expect("feed file");
    let mail = dir.path().join("mail");
    let config = write_config(
        dir.path(),
        &format!(
            "[daemon]\nstate = \"{}\"\n\n[[feed]]\nname = \"cut\"\nurl = \"file://{}\"\n\n\
             [[rule]]\nname = \"pla\"\nquery = \"pla OR military\"\ncluster = false\nnotify = [\"m\"]\n\n\
             [[channel]]\nname = \"m\"\ntype = \"email\"\nfrom = \"a@example.org\"\n\
             to = [\"b@example.org\"]\ntransport = \"maildir\"\ndir = \"{}\"\n",
            dir.path().join("state.db").display(),
            path.display(),
            mail.display()
        ),
    );
    let run = run_on(&config, &["run", "--once"]);
    let stderr = run.code(0);
    assert!(stderr.contains("cut short"), "the log says so: {stderr}");
    let subjects: Vec<String> = std::fs::read_dir(mail.join("new"))
        .expect("maildir")
        .map(|entry| {
            let raw = std::fs::read(entry.expect("entry").path()).expect("message");
            let message = mail_parser::MessageParser::default()
                .parse(&raw)
                .expect("parses");
            message.subject().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    for title in [
        "Alibaba and the PLA, part one",
        "Alibaba denies military ties",
    ] {
        assert!(
            subjects.iter().any(|subject| subject.contains(title)),
            "{title}: {subjects:?}"
        );
    }

    let table = run_on(&config, &["status"]).stdout;
    assert!(
        table.contains("    truncated: the last document was cut short; the 2 entries"),
        "{table}"
    );
    let report = run_on(&config, &["status", "--json"]).json();
    let feed = &report["feeds"][0];
    assert_eq!(
        (&feed["truncated"], &feed["health"], &feed["items_seen"]),
        (&true.into(), &"ok".into(), &2.into())
    );
}

/// Issue 20, point 6: an unknown key, a bad name, a dangling reference and two query errors
/// come out of one `check`, each at its place.
#[test]
fn check_reports_config_and_query_errors_in_one_pass() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("newswatch.toml");
    std::fs::write(
        &config,
        "[daemon]\nstate = \"s.db\"\nfrobnicate = 1\n\n\
         [entities]\nalibaba = [\"Alibaba\", '/(unclosed/']\npla = [\"...\"]\n\n\
         [[feed]]\nname = \"Bad_Name\"\nurl = \"https://a.test/\"\n\n\
         [[rule]]\nname = \"pla\"\nquery = '@alibab AND PLA'\nnotify = [\"nowhere\"]\n\n\
         [[rule]]\nname = \"open\"\nquery = 'Alibaba AND (PLA'\n",
    )
    .expect("write config");
    let checked = run_on(&config, &["check"]);
    let stderr = checked.code(2);
    for expected in [
        ":3:1: unknown key `frobnicate`",
        ":6:23: entity \"alibaba\": invalid regex /(unclosed/",
        ":7:8: entity \"pla\": alias \"...\" has no words to match",
        ":10:8: feed name \"Bad_Name\"",
        ":15:10: rule \"pla\": unknown entity @alibab",
        ":16:11: rule \"pla\": unknown channel \"nowhere\"",
        ":20:22: rule \"open\": unclosed parenthesis",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}
