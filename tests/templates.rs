//! Channel templates: a user's minijinja file shapes the email's HTML or text part, or a
//! webhook body for a service we do not support natively (ntfy here), and a broken template
//! is a `check` error with its position, never a runtime surprise.

mod common;

use common::news::{TestWebhook, drain, news_harness, news_server, smtp_channel, webhook_channel};
use common::{Cli, SmtpServer};

fn template_file(dir: &tempfile::TempDir, name: &str, source: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, source).expect("write template");
    path.display().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_email_template_shapes_the_html_part_and_stays_sanitized() {
    let dir = tempfile::tempdir().expect("dir");
    let path = template_file(
        &dir,
        "desk.html",
        "<div class=\"desk\"><b>{{ alert.rule }}</b>: {{ alert.item.title|safe }}\
         {% for w in alert.evidence %} [{{ w }}]{% endfor %}</div>",
    );
    let server = news_server().await;
    let smtp = SmtpServer::start(0, false);
    let channel = format!("{}template = \"{path}\"\n", smtp_channel(smtp.port));
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let totals = drain(&h).await;
    assert_eq!(totals.delivered, 2);
    for raw in smtp.messages() {
        let parsed = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("parses");
        let html = parsed.body_html(0).expect("html part");
        assert!(html.contains("<b>alibaba-pla</b>: "), "{html}");
        assert!(html.contains("[Alibaba]"), "{html}");
        // The template marks the title safe, and the title holds a script: ammonia drops it.
        assert!(!html.contains("<script"), "{html}");
        let text = parsed.body_text(0).expect("text part");
        assert!(
            text.contains("Rule: alibaba-pla"),
            "the built-in text part: {text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_json_webhook_template_posts_what_it_renders() {
    let dir = tempfile::tempdir().expect("dir");
    let path = template_file(
        &dir,
        "ntfy.json",
        r#"{"topic": "alibaba", "title": {{ subject }}, "message": {{ alert.item.title }}, "click": {{ alert.item.link }}, "priority": {% if severity == "high" %}4{% else %}3{% endif %}}"#,
    );
    let server = news_server().await;
    let hook = TestWebhook::start(0, 200).await;
    let channel = webhook_channel(&hook.url, &format!("template = \"{path}\"\n"));
    let h = news_harness("", &server, &channel).await;
    h.poll("news").await;
    let totals = drain(&h).await;
    assert_eq!(totals.delivered, 2);
    let received = hook.received();
    assert_eq!(received.len(), 2);
    for (headers, body) in received {
        assert_eq!(headers["content-type"], "application/json");
        let value: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(value["topic"], "alibaba");
        assert_eq!(value["priority"], 4);
        let title = value["title"].as_str().expect("title");
        assert!(
            title.starts_with("[newswatch] HIGH alibaba-pla: "),
            "{title}"
        );
        assert!(
            value["click"]
                .as_str()
                .is_some_and(|l| l.starts_with("http")),
            "{value}"
        );
    }
}

#[test]
fn check_reports_a_broken_template_at_its_config_line() {
    let dir = tempfile::tempdir().expect("dir");
    let template = template_file(&dir, "bad.html", "<p>{{ alert.item.titel }}</p>\n");
    let config = dir.path().join("newswatch.toml");
    std::fs::write(
        &config,
        format!(
            "[daemon]\nstate = \"s.db\"\n\n[[channel]]\nname = \"out\"\ntype = \"email\"\n\
             from = \"a@b.example\"\nto = [\"c@d.example\"]\ntransport = \"maildir\"\ndir = \"mail\"\n\
             template = \"{template}\"\n"
        ),
    )
    .expect("write config");
    let output = Cli::new(["check", "--config"]).arg(&config).run();
    let stderr = output.code(2);
    assert!(
        stderr.contains("newswatch.toml:11:12: channel \"out\": template"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.html:1"), "{stderr}");
}
