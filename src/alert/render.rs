//! Turning an alert, or a digest of alerts, into what people read: the email subject, a
//! plain-text body, an HTML body with the matched words marked, and the body of a templated
//! webhook.
//!
//! Bodies come from minijinja templates: ours by default, or the channel's own
//! (`template = "path"`), which `check` renders against sample alerts so that a mistake in it
//! is a config error, not an alert that cannot be sent. HTML is rendered with auto-escaping
//! and then passed through ammonia, so neither item text nor a careless template (`|safe` on a
//! headline) can put a script or an event handler into an email.

use std::collections::HashSet;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::{Alert, AlertSpan, Digest, Related, StoryItem, StoryUpdate, sample_alert};
pub use crate::config::TemplateUse;
use crate::config::{ChannelTemplate, Severity};
use crate::feed::normalize::normalize_keep_case;
use crate::rules::explain::mark_ranges;

/// The built-in HTML body. It renders the body's content only: [`Templates::html_body`]
/// sanitizes it and wraps it in the document.
const HTML_TEMPLATE: &str = r#"{% macro show(a) %}
<p style="color: #555">{{ a.severity|upper }} &middot; {% if a.rules|length > 1 %}rules {% for r in a.rules %}<b>{{ r }}</b>{% if not loop.last %}, {% endif %}{% endfor %}{% else %}rule <b>{{ a.rule }}</b>{% endif %} &middot; feed {{ a.item.feed }}{% if a.published_text %} &middot; {{ a.published_text }}{% endif %}</p>
<h2 style="margin: 0.2em 0">{% if a.link %}<a href="{{ a.link }}">{% endif %}{% for part in a.title_parts %}{% if part.marked %}<mark>{{ part.text }}</mark>{% else %}{{ part.text }}{% endif %}{% endfor %}{% if a.link %}</a>{% endif %}</h2>
{% if a.summary_parts %}<p>{% for part in a.summary_parts %}{% if part.marked %}<mark>{{ part.text }}</mark>{% else %}{{ part.text }}{% endif %}{% endfor %}</p>{% endif %}
{% if a.rule_evidence|length > 1 %}{% for e in a.rule_evidence %}{% if e.words %}<p style="color: #555">Matched for {{ e.rule }}: {% for word in e.words %}<mark>{{ word }}</mark>{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}{% endfor %}
{% elif a.evidence %}<p style="color: #555">Matched: {% for word in a.evidence %}<mark>{{ word }}</mark>{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
{% if a.related %}<p style="color: #555">Possibly related: {% if a.related_link %}<a href="{{ a.related_link }}">{% endif %}{{ a.related.title }}{% if a.related_link %}</a>{% endif %} (first alert {{ a.related.alert_id }})</p>{% endif %}
{% if a.joined %}<p style="color: #555">Also carried by: {% for j in a.joined %}{% if j.link %}<a href="{{ j.link }}">{{ j.source }}</a>{% else %}{{ j.source }}{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
{% endmacro %}
{% macro show_update(u) %}
<p style="color: #555">{{ u.severity|upper }} &middot; {% if u.rules|length > 1 %}rules{% else %}rule{% endif %} {% for r in u.rules %}<b>{{ r }}</b>{% if not loop.last %}, {% endif %}{% endfor %} &middot; story first reported by {{ u.first_source }}</p>
<h2 style="margin: 0.2em 0">{{ u.headline }}</h2>
<p>On: {% if u.first_link %}<a href="{{ u.first_link }}">{% endif %}{{ u.first_title }}{% if u.first_link %}</a>{% endif %}</p>
<ul>{% for j in u.items %}<li>{{ j.source }}: {% if j.link %}<a href="{{ j.link }}">{% endif %}{{ j.title }}{% if j.link %}</a>{% endif %}</li>{% endfor %}</ul>
<p style="color: #555">{{ u.sources|length }} outlets so far: {{ u.sources|join(", ") }}</p>
{% endmacro %}
{% if digest %}<h1 style="font-size: 1.3em">{{ count }} alerts</h1>
{% for note in held %}<p style="color: #a60">Held: {{ note }}</p>{% endfor %}
{% for group in groups %}<h2 style="border-bottom: 1px solid #ccc">{{ group.rule }} ({{ group.severity|upper }}): {{ group.alerts|length }}</h2>
{% for a in group.alerts %}{{ show(a) }}{% endfor %}{% endfor %}
{% if updates %}<h2 style="border-bottom: 1px solid #ccc">Stories with new outlets: {{ updates|length }}</h2>
{% for u in updates %}{{ show_update(u) }}{% endfor %}{% endif %}
{% elif update %}{{ show_update(update) }}
{% else %}{{ show(alert) }}{% endif %}
<p style="color: #999; font-size: small">newswatch {% if digest %}digest{% elif update %}story update{% else %}alert{% endif %} {{ id }}</p>
"#;

/// What is being sent: one alert, a digest of held alerts, or a story's follow-up.
#[derive(Debug, Clone, Copy)]
pub enum Message<'a> {
    Alert(&'a Alert),
    Digest(&'a Digest),
    StoryUpdate(&'a StoryUpdate),
}

impl<'a> Message<'a> {
    /// The alert or digest id: the email `Message-ID` and the webhook `webhook-id`.
    pub fn id(&self) -> &'a str {
        match self {
            Message::Alert(alert) => &alert.id,
            Message::Digest(digest) => &digest.id,
            Message::StoryUpdate(update) => &update.id,
        }
    }

    /// Its alerts (none for a follow-up).
    pub fn alerts(&self) -> &'a [Alert] {
        match self {
            Message::Alert(alert) => std::slice::from_ref(*alert),
            Message::Digest(digest) => &digest.alerts,
            Message::StoryUpdate(_) => &[],
        }
    }

    /// The most severe of its alerts.
    pub fn severity(&self) -> Severity {
        match self {
            Message::Alert(alert) => alert.severity,
            Message::Digest(digest) => digest.severity(),
            Message::StoryUpdate(update) => update.severity,
        }
    }

    /// Its rules (every rule of each alert), each once, in order.
    pub fn rules(&self) -> Vec<&'a str> {
        let mut seen = HashSet::new();
        let updates: &[StoryUpdate] = match self {
            Message::Digest(digest) => &digest.updates,
            Message::StoryUpdate(update) => std::slice::from_ref(*update),
            Message::Alert(_) => &[],
        };
        self.alerts()
            .iter()
            .flat_map(|a| &a.rules)
            .chain(updates.iter().flat_map(|u| &u.rules))
            .map(String::as_str)
            .filter(|rule| seen.insert(*rule))
            .collect()
    }
}

/// `[newswatch] <SEVERITY> <rule>, <rule>: <title>` on one line (the highest severity, every
/// rule of the channel that matched); for a digest
/// `[newswatch] <SEVERITY> digest: <n> alerts (<rule> <n>, ...)` counted by primary rule; a
/// story's follow-up answers its first alert, `Re: ` and the subject of an alert with the
/// story's rules.
pub fn subject(message: Message<'_>) -> String {
    let one_line = |title: &str| -> String {
        title
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .to_string()
    };
    match message {
        Message::Alert(alert) => format!(
            "[newswatch] {} {}: {}",
            alert.severity,
            alert.rules.join(", "),
            one_line(&alert.item.title)
        ),
        Message::StoryUpdate(update) => format!(
            "Re: [newswatch] {} {}: {}",
            update.severity,
            update.rules.join(", "),
            one_line(&update.first.title)
        ),
        Message::Digest(digest) => {
            let per_rule: Vec<String> = digest
                .groups()
                .iter()
                .map(|group| format!("{} {}", group[0].rule, group.len()))
                .collect();
            let count = digest.alerts.len();
            let updates = match digest.orphan_updates().len() {
                0 => String::new(),
                n => format!(
                    ", {n} stor{} with new outlets",
                    if n == 1 { "y" } else { "ies" }
                ),
            };
            let held = if digest.held.is_empty() {
                ""
            } else {
                " (held)"
            };
            format!(
                "[newswatch] {} digest{held}: {count} alert{} ({}){updates}",
                digest.severity(),
                if count == 1 { "" } else { "s" },
                per_rule.join(", ")
            )
        }
    }
}

/// What a user's template renders, told by its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    /// `.html`/`.htm`: an email's HTML part.
    EmailHtml,
    /// `.txt`: an email's plain-text part.
    EmailText,
    /// A webhook body of this media type.
    Webhook(&'static str),
}

/// The templates of one channel, compiled once.
pub struct Templates {
    env: Environment<'static>,
    custom: Option<(String, Output)>,
    /// The HTML sanitizer, configured once: building its allow-lists for every email cost
    /// as much as a third of the sanitizing itself.
    sanitizer: ammonia::Builder<'static>,
}

const BUILT_IN_HTML: &str = "newswatch.html";

impl Templates {
    /// Compiles the built-in templates and the channel's own, if it has one.
    pub fn new(custom: Option<&ChannelTemplate>, use_: TemplateUse) -> Result<Templates, String> {
        let mut env = Environment::new();
        // A misspelt variable must fail `check`, but `{% if item.link %}` on an absent value
        // is ordinary template logic.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_auto_escape_callback(|name| {
            if name == BUILT_IN_HTML {
                AutoEscape::Html
            } else {
                minijinja::default_auto_escape_callback(name)
            }
        });
        env.add_template(BUILT_IN_HTML, HTML_TEMPLATE)
            .map_err(|e| format!("built-in template: {e}"))?;
        let custom = match custom {
            None => None,
            Some(template) => {
                let output = output_of(template, use_)?;
                let name = template
                    .path
                    .file_name()
                    .map_or_else(|| "template".into(), |n| n.to_string_lossy().into_owned());
                env.add_template_owned(name.clone(), template.source.clone())
                    .map_err(|e| describe(&e))?;
                Some((name, output))
            }
        };
        Ok(Templates {
            env,
            custom,
            sanitizer: sanitizer(),
        })
    }

    /// The subject line (see [`subject`]).
    pub fn subject(&self, message: Message<'_>) -> String {
        subject(message)
    }

    /// The plain-text part: the channel's `.txt` template, or ours with matched words in
    /// `[brackets]`.
    /// A story's follow-up always uses ours: users' templates are written for alerts and
    /// digests.
    pub fn text_body(&self, message: Message<'_>) -> Result<String, String> {
        match (&self.custom, message) {
            (_, Message::StoryUpdate(_)) => Ok(builtin_text(message)),
            (Some((name, Output::EmailText)), _) => self.render(name, message),
            _ => Ok(builtin_text(message)),
        }
    }

    /// The HTML part, sanitized and wrapped in a document.
    pub fn html_body(&self, message: Message<'_>) -> Result<String, String> {
        let name = match (&self.custom, message) {
            (_, Message::StoryUpdate(_)) => BUILT_IN_HTML,
            (Some((name, Output::EmailHtml)), _) => name.as_str(),
            _ => BUILT_IN_HTML,
        };
        let content = self.render(name, message)?;
        Ok(format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head>\n\
             <body style=\"font-family: sans-serif; max-width: 40em\">\n{}</body></html>\n",
            html_escape::encode_text(&subject(message)),
            self.sanitizer.clean(&content)
        ))
    }

    /// The body of a templated webhook and its media type, or `None` when the channel posts
    /// its format's own shape.
    pub fn webhook_body(
        &self,
        message: Message<'_>,
    ) -> Option<Result<(String, &'static str), String>> {
        if let Message::StoryUpdate(_) = message {
            return None;
        }
        match &self.custom {
            Some((name, Output::Webhook(media_type))) => {
                Some(self.render(name, message).map(|body| (body, *media_type)))
            }
            _ => None,
        }
    }

    fn render(&self, name: &str, message: Message<'_>) -> Result<String, String> {
        let template = self.env.get_template(name).map_err(|e| describe(&e))?;
        template.render(view(message)).map_err(|e| describe(&e))
    }
}

/// Proves a user's template compiles and renders a sample alert and a sample digest (and, for
/// a `.json` webhook body, that the result is JSON).
pub fn check_template(template: &ChannelTemplate, use_: TemplateUse) -> Result<(), String> {
    let templates = Templates::new(Some(template), use_)?;
    let now = chrono::Utc::now();
    let alert = sample_alert(now);
    let mut second = sample_alert(now);
    second.id.push_str("-2");
    second.rule = "send-test-2".into();
    second.rules = vec![second.rule.clone()];
    let digest = Digest::new(vec![alert.clone(), second], now);
    for message in [Message::Alert(&alert), Message::Digest(&digest)] {
        let what = match message {
            Message::Alert(_) => "an alert",
            Message::Digest(_) => "a digest",
            Message::StoryUpdate(_) => "a story update",
        };
        let rendered = match templates.custom.as_ref().map(|(_, output)| output) {
            Some(Output::EmailHtml) => templates.html_body(message),
            Some(Output::EmailText) => templates.text_body(message),
            Some(Output::Webhook(_)) | None => templates
                .webhook_body(message)
                .unwrap_or_else(|| Ok((String::new(), "")))
                .map(|(body, _)| body),
        }
        .map_err(|e| format!("rendering {what}: {e}"))?;
        if template.extension() == "json" {
            serde_json::from_str::<serde_json::Value>(&rendered)
                .map_err(|e| format!("rendering {what} does not give JSON: {e}"))?;
        }
    }
    Ok(())
}

fn output_of(template: &ChannelTemplate, use_: TemplateUse) -> Result<Output, String> {
    let extension = template.extension();
    match (use_, extension.as_str()) {
        (TemplateUse::Email, "html" | "htm") => Ok(Output::EmailHtml),
        (TemplateUse::Email, "txt") => Ok(Output::EmailText),
        (TemplateUse::Email, _) => {
            Err("an email template is named *.html (the HTML part) or *.txt (the text part)".into())
        }
        (TemplateUse::Webhook, "json") => Ok(Output::Webhook("application/json")),
        (TemplateUse::Webhook, "txt") => Ok(Output::Webhook("text/plain; charset=utf-8")),
        (TemplateUse::Webhook, "xml") => Ok(Output::Webhook("application/xml")),
        (TemplateUse::Webhook, "html" | "htm") => Ok(Output::Webhook("text/html; charset=utf-8")),
        (TemplateUse::Webhook, _) => Err(
            "a webhook template is named *.json, *.txt, *.xml or *.html (its media type)".into(),
        ),
    }
}

/// minijinja's message with the template line, and what caused it.
fn describe(error: &minijinja::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
}

/// Only formatting survives: no scripts, styles sheets, forms or event handlers, and links
/// only to http(s) and mail addresses.
fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["mark"])
        .add_generic_attributes(["style"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]));
    builder
}

/// The values templates see; docs/ALERTS.md, "Templates", lists them for users.
#[derive(Serialize)]
struct View<'a> {
    subject: String,
    id: &'a str,
    digest: bool,
    count: usize,
    severity: Severity,
    /// The alert, or a digest's first. Alerts appear here, in `alerts` and in `groups`: each
    /// is converted to a template value once and shared, not serialized three times.
    alert: Option<Value>,
    alerts: Vec<Value>,
    groups: Vec<GroupView<'a>>,
    /// A story's follow-up.
    update: Option<UpdateView<'a>>,
    /// A digest's follow-ups of stories whose alert went out before it.
    updates: Vec<UpdateView<'a>>,
    /// Why a digest's entries were held (quiet hours, a rule's cap).
    held: Vec<&'a str>,
}

/// A story's follow-up, as templates see it.
#[derive(Serialize, Clone)]
struct UpdateView<'a> {
    story: &'a str,
    rule: &'a str,
    rules: &'a [String],
    severity: Severity,
    headline: String,
    first_title: &'a str,
    first_link: Option<&'a str>,
    first_source: &'a str,
    items: Vec<JoinedView<'a>>,
    sources: &'a [String],
}

/// A later item of a story.
#[derive(Serialize, Clone)]
struct JoinedView<'a> {
    title: &'a str,
    link: Option<&'a str>,
    source: &'a str,
}

#[derive(Serialize)]
struct GroupView<'a> {
    rule: &'a str,
    severity: Severity,
    alerts: Vec<Value>,
}

/// An alert as in its `newswatch.alert.v1` JSON, plus what display needs. Templates written
/// when an alert had one rule read `evidence` as the matched words: it stays that (of every
/// rule), and the JSON's per-rule evidence is `rule_evidence` here, with words.
#[derive(Serialize)]
struct AlertView<'a> {
    #[serde(flatten)]
    fields: serde_json::Map<String, serde_json::Value>,
    #[serde(skip)]
    alert: &'a Alert,
    /// The item's link if it is http(s): a `javascript:` link in a feed is never clickable.
    link: Option<&'a str>,
    published_text: Option<String>,
    title_parts: Vec<Part>,
    summary_parts: Vec<Part>,
    evidence: Vec<String>,
    rule_evidence: Vec<RuleWords<'a>>,
    /// The related story's link if it is http(s).
    related_link: Option<&'a str>,
    /// In a digest, the story's later items held with it.
    joined: Vec<JoinedView<'a>>,
}

/// One rule's matched words.
#[derive(Serialize)]
struct RuleWords<'a> {
    rule: &'a str,
    severity: Severity,
    words: Vec<String>,
}

#[derive(Serialize, Clone)]
struct Part {
    text: String,
    marked: bool,
}

fn view(message: Message<'_>) -> View<'_> {
    let mut alerts: Vec<AlertView<'_>> = message.alerts().iter().map(alert_view).collect();
    let (update, updates, held) = match message {
        Message::Alert(_) => (None, Vec::new(), Vec::new()),
        Message::StoryUpdate(update) => (Some(update_view(update)), Vec::new(), Vec::new()),
        Message::Digest(digest) => {
            for view in &mut alerts {
                if let Some(story) = &view.alert.story {
                    view.joined = digest
                        .updates_of(story)
                        .flat_map(|u| u.items.iter().map(joined_view))
                        .collect();
                }
            }
            let orphans = digest.orphan_updates().into_iter().map(update_view);
            let held = digest.held.iter().map(String::as_str).collect();
            (None, orphans.collect(), held)
        }
    };
    let values: Vec<Value> = alerts.iter().map(Value::from_serialize).collect();
    let mut groups: Vec<GroupView<'_>> = Vec::new();
    for (alert, value) in alerts.iter().zip(&values) {
        match groups.last_mut() {
            Some(group) if group.rule == alert.alert.rule => group.alerts.push(value.clone()),
            _ => groups.push(GroupView {
                rule: &alert.alert.rule,
                severity: alert.alert.severity,
                alerts: vec![value.clone()],
            }),
        }
    }
    View {
        subject: subject(message),
        id: message.id(),
        digest: matches!(message, Message::Digest(_)),
        count: alerts.len(),
        severity: message.severity(),
        alert: values.first().cloned(),
        alerts: values,
        groups,
        update,
        updates,
        held,
    }
}

fn update_view(update: &StoryUpdate) -> UpdateView<'_> {
    UpdateView {
        story: &update.story,
        rule: &update.rule,
        rules: &update.rules,
        severity: update.severity,
        headline: update.headline(),
        first_title: &update.first.title,
        first_link: update.first.link.as_deref().filter(|l| is_web_link(l)),
        first_source: &update.first.source,
        items: update.items.iter().map(joined_view).collect(),
        sources: &update.sources,
    }
}

fn joined_view(item: &StoryItem) -> JoinedView<'_> {
    JoinedView {
        title: &item.title,
        link: item.link.as_deref().filter(|l| is_web_link(l)),
        source: &item.source,
    }
}

/// Only http(s) links are made clickable: a `javascript:` link in a feed never is.
fn is_web_link(link: &str) -> bool {
    link.starts_with("https://") || link.starts_with("http://")
}

fn alert_view(alert: &Alert) -> AlertView<'_> {
    let mut fields = match serde_json::to_value(alert) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    };
    fields.remove("evidence");
    let parts = |display: &str, field: &str| -> Vec<Part> {
        let text = normalize_keep_case(display);
        mark_ranges(&text, field_ranges(alert.all_spans(), field))
            .into_iter()
            .map(|p| Part {
                text: p.text.to_string(),
                marked: p.marked,
            })
            .collect()
    };
    AlertView {
        fields,
        alert,
        link: alert.item.link.as_deref().filter(|l| is_web_link(l)),
        published_text: alert.item.published.map(|t| t.to_rfc2822()),
        title_parts: parts(&alert.item.title, "title"),
        summary_parts: if alert.item.summary.is_empty() {
            Vec::new()
        } else {
            parts(&alert.item.summary, "summary")
        },
        evidence: evidence_words(alert.all_spans()),
        rule_evidence: alert
            .evidence
            .iter()
            .map(|e| RuleWords {
                rule: &e.rule,
                severity: e.severity,
                words: evidence_words(&e.matches),
            })
            .collect(),
        related_link: alert
            .related
            .as_ref()
            .and_then(|r| r.link.as_deref())
            .filter(|l| is_web_link(l)),
        joined: Vec::new(),
    }
}

/// Our plain-text body: matched words in `[brackets]`; a digest lists its alerts by rule.
fn builtin_text(message: Message<'_>) -> String {
    match message {
        Message::Alert(alert) => {
            let mut out = alert_text(alert);
            out.push_str(&format!("\n-- \nnewswatch alert {}\n", alert.id));
            out
        }
        Message::StoryUpdate(update) => {
            let mut out = update_text(update);
            out.push_str(&format!("\n-- \nnewswatch story update {}\n", update.id));
            out
        }
        Message::Digest(digest) => {
            let mut out = format!("{} alerts\n", digest.alerts.len());
            for note in &digest.held {
                out.push_str(&format!("Held: {note}\n"));
            }
            for group in digest.groups() {
                out.push_str(&format!(
                    "\n== {} ({}): {} ==\n",
                    group[0].rule,
                    group[0].severity,
                    group.len()
                ));
                for alert in group {
                    out.push('\n');
                    out.push_str(&alert_text(alert));
                    let joined: Vec<&str> = alert
                        .story
                        .as_deref()
                        .map(|story| {
                            digest
                                .updates_of(story)
                                .flat_map(|u| u.items.iter().map(|i| i.source.as_str()))
                                .collect()
                        })
                        .unwrap_or_default();
                    if !joined.is_empty() {
                        out.push_str(&format!("Also carried by: {}\n", joined.join(", ")));
                    }
                }
            }
            let orphans = digest.orphan_updates();
            if !orphans.is_empty() {
                out.push_str(&format!(
                    "\n== Stories with new outlets: {} ==\n",
                    orphans.len()
                ));
                for update in orphans {
                    out.push('\n');
                    out.push_str(&update_text(update));
                }
            }
            out.push_str(&format!("\n-- \nnewswatch digest {}\n", digest.id));
            out
        }
    }
}

/// `+2 outlets: SCMP, CNBC`, the story's first item, and each new item with its link.
fn update_text(update: &StoryUpdate) -> String {
    let mut out = format!("{}\n\nOn: {}\n", update.headline(), update.first.title);
    if let Some(link) = &update.first.link {
        out.push_str(&format!("{link}\n"));
    }
    out.push('\n');
    for item in &update.items {
        out.push_str(&format!("- {}: {}\n", item.source, item.title));
        if let Some(link) = &item.link {
            out.push_str(&format!("  {link}\n"));
        }
    }
    out.push_str(&format!(
        "\n{}: {} ({})\n{} outlets so far: {}\n",
        if update.rules.len() > 1 {
            "Rules"
        } else {
            "Rule"
        },
        update.rules.join(", "),
        update.severity,
        update.sources.len(),
        update.sources.join(", ")
    ));
    out
}

fn alert_text(alert: &Alert) -> String {
    let bracketed = |display: &str, field: &str| -> String {
        let text = normalize_keep_case(display);
        mark_ranges(&text, field_ranges(alert.all_spans(), field))
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
    if let [evidence] = alert.evidence.as_slice() {
        out.push_str(&format!(
            "Rule: {} ({})\n",
            evidence.rule, evidence.severity
        ));
    } else {
        let rules: Vec<String> = alert
            .evidence
            .iter()
            .map(|e| format!("{} ({})", e.rule, e.severity))
            .collect();
        out.push_str(&format!("Rules: {}\n", rules.join(", ")));
    }
    out.push_str(&format!("Feed: {}\n", alert.item.feed));
    if let Some(published) = alert.item.published {
        out.push_str(&format!("Published: {}\n", published.to_rfc2822()));
    }
    for evidence in &alert.evidence {
        let words = evidence_words(&evidence.matches);
        if words.is_empty() {
            continue;
        }
        if alert.evidence.len() > 1 {
            out.push_str(&format!(
                "Matched for {}: {}\n",
                evidence.rule,
                words.join(", ")
            ));
        } else {
            out.push_str(&format!("Matched: {}\n", words.join(", ")));
        }
    }
    if let Some(related) = &alert.related {
        out.push_str(&related_line(related));
        out.push('\n');
    }
    out
}

/// `Possibly related: <title> <link> (first alert <id>)`.
pub(super) fn related_line(related: &Related) -> String {
    let link = related
        .link
        .as_deref()
        .map(|l| format!(" {l}"))
        .unwrap_or_default();
    format!(
        "Possibly related: {}{link} (first alert {})",
        related.title, related.alert_id
    )
}

/// The byte ranges of `field`'s spans, overlapping ones merged (two rules may mark the same
/// or overlapping words). Spans point into the normalized text, so that is the text alerts
/// show (see [`normalize_keep_case`]).
fn field_ranges<'a>(
    spans: impl IntoIterator<Item = &'a AlertSpan>,
    field: &str,
) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = spans
        .into_iter()
        .filter(|s| s.field == field)
        .map(|s| (s.start, s.end))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The distinct matched texts, in order of first appearance.
fn evidence_words<'a>(spans: impl IntoIterator<Item = &'a AlertSpan>) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for span in spans {
        if !words.iter().any(|w| w.eq_ignore_ascii_case(&span.text)) {
            words.push(span.text.clone());
        }
    }
    words
}

#[cfg(test)]
mod tests;
