//! Tests of rendering: subjects, the built-in text and HTML, users' templates, escaping.

use super::*;
use crate::alert::{ALERT_TYPE, AlertItem, RuleEvidence};
use crate::config::Severity;

fn alert(title: &str, summary: &str, spans: Vec<AlertSpan>) -> Alert {
    let mut alert = Alert {
        kind: ALERT_TYPE.into(),
        id: "0123456789abcdef0123456789abcdef".into(),
        rule: "alibaba-pla".into(),
        rules: Vec::new(),
        severity: Severity::High,
        created_at: chrono::DateTime::UNIX_EPOCH,
        item: AlertItem {
            id: "x".into(),
            title: title.into(),
            link: Some("https://news.example.net/a".into()),
            feed: "demo".into(),
            published: None,
            summary: summary.into(),
        },
        matches: spans,
        evidence: Vec::new(),
        story: None,
        related: None,
    };
    alert.fill_rules();
    alert
}

/// `alert` as one of `rule` alone.
fn of_rule(mut alert: Alert, rule: &str, severity: Severity) -> Alert {
    alert.rule = rule.into();
    alert.severity = severity;
    alert.rules.clear();
    alert.evidence.clear();
    alert.fill_rules();
    alert
}

fn span(field: &str, text: &str, needle: &str) -> AlertSpan {
    let start = text.find(needle).expect("needle");
    AlertSpan {
        field: field.into(),
        start,
        end: start + needle.len(),
        text: needle.into(),
    }
}

fn templates() -> Templates {
    Templates::new(None, TemplateUse::Email).expect("built-in templates compile")
}

fn custom(name: &str, source: &str, use_: TemplateUse) -> Result<Templates, String> {
    let template = ChannelTemplate {
        path: name.into(),
        source: source.into(),
    };
    check_template(&template, use_)?;
    Templates::new(Some(&template), use_)
}

#[test]
fn subject_follows_the_contract() {
    let a = alert("Alibaba aided PLA\n", "", vec![]);
    assert_eq!(
        subject(Message::Alert(&a)),
        "[newswatch] HIGH alibaba-pla: Alibaba aided PLA"
    );
}

#[test]
fn matched_words_are_marked_in_text_and_html() {
    let title = "Pentagon says Alibaba aided the PLA";
    let a = alert(
        title,
        "",
        vec![span("title", title, "Alibaba"), span("title", title, "PLA")],
    );
    let t = templates();
    let text = t.text_body(Message::Alert(&a)).expect("text");
    assert!(text.starts_with("Pentagon says [Alibaba] aided the [PLA]\n"));
    let html = t.html_body(Message::Alert(&a)).expect("renders");
    assert!(
        html.contains("<mark>Alibaba</mark> aided the <mark>PLA</mark>"),
        "{html}"
    );
}

#[test]
fn item_markup_is_escaped_never_executed() {
    let a = alert(
        "<script>alert(1)</script> Alibaba",
        "<img src=x onerror=alert(1)>",
        vec![],
    );
    let html = templates().html_body(Message::Alert(&a)).expect("renders");
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn a_careless_custom_template_still_cannot_inject_script() {
    let t = custom(
        "mine.html",
        "<h1>{{ alert.item.title|safe }}</h1><a href=\"{{ alert.item.link|safe }}\" onclick=\"x()\">go</a>",
        TemplateUse::Email,
    )
    .expect("valid template");
    let mut a = alert("<script>alert(1)</script>Alibaba <b>bold</b>", "", vec![]);
    a.item.link = Some("javascript:alert(2)".into());
    let html = t.html_body(Message::Alert(&a)).expect("renders");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(!html.contains("onclick"), "{html}");
    assert!(html.contains("<b>bold</b>"), "{html}");
}

#[test]
fn digest_lists_every_alert_grouped_by_rule_most_severe_first() {
    let mut low = of_rule(
        alert("Quarterly results", "", vec![]),
        "earnings",
        Severity::Low,
    );
    low.id = "b".into();
    let mut old = alert("Older PLA story", "", vec![]);
    old.id = "c".into();
    old.item.published = chrono::DateTime::from_timestamp(1_000, 0);
    let mut new = alert("Newer PLA story", "", vec![]);
    new.id = "d".into();
    new.item.published = chrono::DateTime::from_timestamp(2_000, 0);
    let digest = Digest::new(vec![low, old, new], chrono::DateTime::UNIX_EPOCH);
    let message = Message::Digest(&digest);
    assert_eq!(
        subject(message),
        "[newswatch] HIGH digest: 3 alerts (alibaba-pla 2, earnings 1)"
    );
    let text = templates().text_body(message).expect("text");
    let at = |needle: &str| text.find(needle).expect(needle);
    assert!(at("Newer PLA") < at("Older PLA"), "{text}");
    assert!(at("Older PLA") < at("== earnings (LOW): 1 =="), "{text}");
    let html = templates().html_body(message).expect("html");
    for title in ["Newer PLA story", "Older PLA story", "Quarterly results"] {
        assert!(html.contains(title), "{html}");
    }
}

#[test]
fn template_mistakes_are_reported_with_their_line() {
    let error = custom(
        "bad.html",
        "<p>\n{{ alert.item.titel }}</p>",
        TemplateUse::Email,
    )
    .err()
    .expect("undefined attribute is an error");
    assert!(error.contains("bad.html:2"), "{error}");
    let error = custom("bad.txt", "{% if %}", TemplateUse::Email)
        .err()
        .expect("syntax error");
    assert!(error.contains("syntax"), "{error}");
    let error = custom(
        "ntfy.json",
        "{\"t\": {{ alert.item.title|safe }}}",
        TemplateUse::Webhook,
    )
    .err()
    .expect("not JSON");
    assert!(error.contains("JSON"), "{error}");
    let error = custom("mail.md", "x", TemplateUse::Email)
        .err()
        .expect("unknown extension");
    assert!(error.contains("*.html"), "{error}");
}

#[test]
fn json_webhook_templates_escape_values_as_json() {
    let t = custom(
        "ntfy.json",
        r#"{"topic": "news", "title": {{ alert.item.title }}, "count": {{ count }}}"#,
        TemplateUse::Webhook,
    )
    .expect("valid");
    let a = alert("Quote \" and \\ backslash", "", vec![]);
    let (body, media_type) = t
        .webhook_body(Message::Alert(&a))
        .expect("templated")
        .expect("renders");
    assert_eq!(media_type, "application/json");
    let value: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(value["title"], "Quote \" and \\ backslash");
    assert_eq!(value["count"], 1);
}

/// An alert of two rules: `alibaba-pla` marked "PLA", `alibaba-us-action` marked
/// "Commerce", both "Alibaba".
fn two_rule_alert() -> Alert {
    let title = "Commerce weighs Alibaba curbs over PLA ties";
    let mut a = alert(
        title,
        "",
        vec![span("title", title, "Alibaba"), span("title", title, "PLA")],
    );
    a.rules = vec!["alibaba-pla".into(), "alibaba-us-action".into()];
    a.evidence.push(RuleEvidence {
        rule: "alibaba-us-action".into(),
        severity: Severity::Medium,
        matches: vec![
            span("title", title, "Commerce"),
            span("title", title, "Alibaba"),
        ],
    });
    a.related = Some(Related {
        story: "story-1".into(),
        title: "Pentagon memo names Alibaba".into(),
        link: Some("https://news.example.net/memo".into()),
        alert_id: "fedcba9876543210fedcba9876543210".into(),
        similarity: 0.2,
    });
    a
}

#[test]
fn an_alert_of_two_rules_names_both_and_shows_each_ones_evidence() {
    let a = two_rule_alert();
    assert_eq!(
        subject(Message::Alert(&a)),
        "[newswatch] HIGH alibaba-pla, alibaba-us-action: Commerce weighs Alibaba curbs over PLA ties"
    );
    assert_eq!(
        Message::Alert(&a).rules(),
        ["alibaba-pla", "alibaba-us-action"]
    );
    let t = templates();
    let text = t.text_body(Message::Alert(&a)).expect("text");
    assert!(
        text.starts_with("[Commerce] weighs [Alibaba] curbs over [PLA] ties\n"),
        "{text}"
    );
    assert!(
        text.contains("Rules: alibaba-pla (HIGH), alibaba-us-action (MEDIUM)\n"),
        "{text}"
    );
    assert!(
        text.contains("Matched for alibaba-pla: Alibaba, PLA\n"),
        "{text}"
    );
    assert!(
        text.contains("Matched for alibaba-us-action: Commerce, Alibaba\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Possibly related: Pentagon memo names Alibaba https://news.example.net/memo \
             (first alert fedcba9876543210fedcba9876543210)\n"
        ),
        "{text}"
    );
    let html = t.html_body(Message::Alert(&a)).expect("html");
    assert!(
        html.contains("rules <b>alibaba-pla</b>, <b>alibaba-us-action</b>"),
        "{html}"
    );
    assert!(
        html.contains("Matched for alibaba-us-action: <mark>Commerce</mark>, <mark>Alibaba</mark>"),
        "{html}"
    );
    assert!(
        html.contains("Possibly related: <a href=\"https://news.example.net/memo\""),
        "{html}"
    );
    assert!(
        html.contains(
            ">Pentagon memo names Alibaba</a> (first alert fedcba9876543210fedcba9876543210)"
        ),
        "{html}"
    );
}

#[test]
fn templates_still_see_the_matched_words_as_evidence() {
    let t = custom(
        "words.txt",
        "{% for w in alert.evidence %}{{ w }};{% endfor %}|{% for e in alert.rule_evidence %}{{ e.rule }}={{ e.words|join(\"+\") }};{% endfor %}|{% if alert.related %}{{ alert.related.alert_id }}{% endif %}",
        TemplateUse::Email,
    )
    .expect("valid template");
    let text = t
        .text_body(Message::Alert(&two_rule_alert()))
        .expect("renders");
    assert_eq!(
        text,
        "Alibaba;PLA;Commerce;|alibaba-pla=Alibaba+PLA;alibaba-us-action=Commerce+Alibaba;|fedcba9876543210fedcba9876543210"
    );
}

#[test]
fn overlapping_spans_of_two_rules_are_marked_once() {
    assert_eq!(
        field_ranges(
            &[
                AlertSpan {
                    field: "title".into(),
                    start: 0,
                    end: 7,
                    text: "Alibaba".into(),
                },
                AlertSpan {
                    field: "title".into(),
                    start: 0,
                    end: 13,
                    text: "Alibaba Group".into(),
                },
                AlertSpan {
                    field: "summary".into(),
                    start: 3,
                    end: 5,
                    text: "x".into(),
                },
            ],
            "title",
        ),
        [(0, 13)]
    );
}
