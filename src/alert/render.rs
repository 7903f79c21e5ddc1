//! Turning an [`Alert`] into what people read: the email subject, a plain-text body and an HTML
//! body with the matched words marked. The HTML comes from a minijinja template with
//! auto-escaping on, so item text (which is plain text by the time it is an alert) can never
//! inject markup: a `<script>` in a headline arrives as the visible characters `<script>`.

use minijinja::{AutoEscape, Environment, context};

use super::{Alert, AlertSpan};
use crate::feed::normalize::normalize_keep_case;
use crate::rules::explain::mark_ranges;

const HTML_TEMPLATE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ subject }}</title></head>
<body style="font-family: sans-serif; max-width: 40em">
<p style="color: #555">{{ severity }} &middot; rule <b>{{ rule }}</b> &middot; feed {{ feed }}{% if published %} &middot; {{ published }}{% endif %}</p>
<h2 style="margin: 0.2em 0">{% if link %}<a href="{{ link }}">{% endif %}{% for part in title %}{% if part.marked %}<mark>{{ part.text }}</mark>{% else %}{{ part.text }}{% endif %}{% endfor %}{% if link %}</a>{% endif %}</h2>
{% if summary %}<p>{% for part in summary %}{% if part.marked %}<mark>{{ part.text }}</mark>{% else %}{{ part.text }}{% endif %}{% endfor %}</p>{% endif %}
{% if evidence %}<p style="color: #555">Matched: {% for word in evidence %}<mark>{{ word }}</mark>{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
<p style="color: #999; font-size: small">newswatch alert {{ id }}</p>
</body></html>
"#;

/// `[newswatch] <SEVERITY> <rule>: <title>`, on one line.
pub fn subject(alert: &Alert) -> String {
    let title: String = alert
        .item
        .title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!(
        "[newswatch] {} {}: {}",
        alert.severity,
        alert.rule,
        title.trim()
    )
}

/// The plain-text body; matched words in `[brackets]`.
pub fn text_body(alert: &Alert) -> String {
    let bracketed = |display: &str, field: &str| -> String {
        let text = normalize_keep_case(display);
        mark_ranges(&text, field_ranges(&alert.matches, field))
            .into_iter()
            .map(|p| {
                if p.marked {
                    format!("[{}]", p.text)
                } else {
                    p.text.to_string()
                }
            })
            .collect()
    };
    let mut out = String::new();
    out.push_str(&bracketed(&alert.item.title, "title"));
    out.push('\n');
    if let Some(link) = &alert.item.link {
        out.push_str(link);
        out.push('\n');
    }
    out.push('\n');
    if !alert.item.summary.is_empty() {
        out.push_str(&bracketed(&alert.item.summary, "summary"));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "Rule: {} ({})\nFeed: {}\n",
        alert.rule, alert.severity, alert.item.feed
    ));
    if let Some(published) = alert.item.published {
        out.push_str(&format!("Published: {}\n", published.to_rfc2822()));
    }
    let evidence = evidence_words(&alert.matches);
    if !evidence.is_empty() {
        out.push_str(&format!("Matched: {}\n", evidence.join(", ")));
    }
    out.push_str(&format!("\n-- \nnewswatch alert {}\n", alert.id));
    out
}

/// The HTML body.
pub fn html_body(alert: &Alert) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template("alert.html", HTML_TEMPLATE)?;
    // Only http(s) links become anchors: a `javascript:` link in a feed must not be clickable.
    let link = alert
        .item
        .link
        .as_deref()
        .filter(|l| l.starts_with("https://") || l.starts_with("http://"));
    let title = normalize_keep_case(&alert.item.title);
    let summary = normalize_keep_case(&alert.item.summary);
    env.get_template("alert.html")?.render(context! {
        subject => subject(alert),
        id => alert.id,
        rule => alert.rule,
        severity => alert.severity.to_string(),
        feed => alert.item.feed,
        published => alert.item.published.map(|t| t.to_rfc2822()),
        link => link,
        title => mark_ranges(&title, field_ranges(&alert.matches, "title")),
        summary => mark_ranges(&summary, field_ranges(&alert.matches, "summary")),
        evidence => evidence_words(&alert.matches),
    })
}

/// The byte ranges of `field`'s spans. Spans point into the normalized text, so that is the
/// text alerts show (see [`normalize_keep_case`]).
fn field_ranges(spans: &[AlertSpan], field: &str) -> Vec<(usize, usize)> {
    spans
        .iter()
        .filter(|s| s.field == field)
        .map(|s| (s.start, s.end))
        .collect()
}

/// The distinct matched texts, in order of first appearance.
fn evidence_words(spans: &[AlertSpan]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for span in spans {
        if !words.iter().any(|w| w.eq_ignore_ascii_case(&span.text)) {
            words.push(span.text.clone());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alert::{ALERT_TYPE, AlertItem};
    use crate::config::Severity;

    fn alert(title: &str, summary: &str, spans: Vec<AlertSpan>) -> Alert {
        Alert {
            kind: ALERT_TYPE.into(),
            id: "0123456789abcdef0123456789abcdef".into(),
            rule: "alibaba-pla".into(),
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
        }
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

    #[test]
    fn subject_follows_the_contract() {
        let a = alert("Alibaba aided PLA\n", "", vec![]);
        assert_eq!(
            subject(&a),
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
        assert!(text_body(&a).starts_with("Pentagon says [Alibaba] aided the [PLA]\n"));
        let html = html_body(&a).expect("renders");
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
        let html = html_body(&a).expect("renders");
        assert!(
            !html.contains("<script>") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
