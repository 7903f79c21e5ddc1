//! The native message shapes of chat services: Slack Block Kit, Discord embeds, and a Teams
//! Adaptive Card. Each shows an alert as its title linked, then severity, rules and each rule's
//! evidence (and a possibly related story); a digest or a story's follow-up lists its entries
//! the same way under a heading.
//!
//! Every service refuses a message past one of its documented limits with a 400, which is
//! permanent: the alert would go dead. So each text is fitted to its field, cut at a
//! character boundary and ended with "…", and a message lists only the entries that fit,
//! saying how many it left out:
//!
//! - Slack: 50 blocks a message, 3,000 characters in a section's or a context element's
//!   text, 150 in a header. An entry takes two blocks, so 24 are listed (with the header and
//!   the "more" line, 50 blocks).
//! - Discord: 10 embeds a message; an embed's title 256 characters, its description 4,096,
//!   and 6,000 in all the embeds' texts together, so each of `n` embeds gets `6000 / n`; the
//!   message's `content` 2,000. (We send no fields, footer or author, limited to 1,024, 2,048
//!   and 256.)
//! - Teams (incoming webhook): the payload under 28 KB. Entries are added while the card
//!   stays within [`TEAMS_PAYLOAD`], counted both as UTF-8 and as UTF-16 bytes: the connector
//!   has been seen to re-encode a body as UTF-16, which doubles ASCII.
//!
//! Lengths are counted in UTF-16 code units, never fewer than characters: services written in
//! JavaScript count that way, and a text within a limit in UTF-16 units is within it in
//! characters too.

use super::render;
use super::{Alert, AlertSpan, StoryUpdate};
use crate::config::WebhookFormat;

/// Entries a Teams card lists at most; a bigger digest says how many more there are.
const CHAT_LISTED: usize = 40;

const SLACK_BLOCKS: usize = 50;
const SLACK_TEXT: usize = 3_000;
const SLACK_HEADER: usize = 150;
/// A header, two blocks per entry, and the "more" line.
const SLACK_LISTED: usize = (SLACK_BLOCKS - 2) / 2;

const DISCORD_EMBEDS: usize = 10;
const DISCORD_TITLE: usize = 256;
const DISCORD_DESCRIPTION: usize = 4_096;
const DISCORD_EMBED_TOTAL: usize = 6_000;
const DISCORD_CONTENT: usize = 2_000;

/// Under Teams' 28 KB with room for what the connector wraps around it.
const TEAMS_PAYLOAD: usize = 27_000;
/// One text of a card: long enough for any real headline, short enough that a heading and
/// one entry always fit in [`TEAMS_PAYLOAD`] whatever the script.
const TEAMS_TEXT: usize = 1_000;
/// A link longer than this is left out (the title stays, unlinked), for the same reason.
const TEAMS_LINK: usize = 2_000;

const ELLIPSIS: char = '…';

/// The message `format` posts for `outgoing`.
pub(super) fn message(format: WebhookFormat, outgoing: render::Message<'_>) -> serde_json::Value {
    let (heading, entries) = entries(outgoing);
    match format {
        WebhookFormat::Slack => slack(outgoing, heading.as_deref(), &entries),
        WebhookFormat::Discord => discord(heading.as_deref(), &entries),
        WebhookFormat::Teams => teams(heading.as_deref(), &entries),
        WebhookFormat::Json => match outgoing {
            render::Message::Alert(alert) => serde_json::to_value(alert).unwrap_or_default(),
            render::Message::Digest(digest) => serde_json::to_value(digest).unwrap_or_default(),
            render::Message::StoryUpdate(update) => {
                serde_json::to_value(update).unwrap_or_default()
            }
        },
    }
}

/// The heading (for a digest or a follow-up) and the entries a message lists.
fn entries(outgoing: render::Message<'_>) -> (Option<String>, Vec<Line<'_>>) {
    let mut entries: Vec<Line<'_>> = outgoing.alerts().iter().map(Line::of_alert).collect();
    let heading = match outgoing {
        render::Message::Alert(_) => None,
        render::Message::Digest(digest) => {
            let orphans = digest.orphan_updates();
            entries.extend(orphans.iter().map(|u| Line::of_update(u)));
            let mut heading = format!(
                "newswatch digest: {} alerts ({})",
                digest.alerts.len(),
                outgoing.rules().join(", ")
            );
            if !orphans.is_empty() {
                heading.push_str(&format!(", {} stories with new outlets", orphans.len()));
            }
            for note in &digest.held {
                heading.push_str(&format!("; held: {note}"));
            }
            Some(heading)
        }
        render::Message::StoryUpdate(update) => {
            entries.extend(update.items.iter().map(|item| Line {
                title: item.title.clone(),
                link: web_link(item.link.as_deref()),
                detail: item.source.clone(),
            }));
            Some(format!(
                "{} on \"{}\" ({} · {})",
                update.headline(),
                update.first.title,
                update.severity,
                update.rules.join(", ")
            ))
        }
    };
    (heading, entries)
}

/// `and 3 more alerts, not listed here`, when some are.
fn more_line(total: usize, listed: usize) -> Option<String> {
    (total > listed).then(|| format!("and {} more alerts, not listed here", total - listed))
}

fn slack(
    outgoing: render::Message<'_>,
    heading: Option<&str>,
    entries: &[Line<'_>],
) -> serde_json::Value {
    let listed = entries.len().min(SLACK_LISTED);
    let mut blocks = Vec::new();
    if let Some(heading) = heading {
        // plain_text: Slack shows it as is, so no escaping.
        blocks.push(serde_json::json!({"type": "header", "text": {"type": "plain_text", "text": fit(heading, SLACK_HEADER)}}));
    }
    for line in &entries[..listed] {
        blocks.push(serde_json::json!({"type": "section", "text": {"type": "mrkdwn", "text": slack_link(line)}}));
        blocks.push(serde_json::json!({"type": "context", "elements": [{"type": "mrkdwn", "text": fit_mrkdwn(&line.detail, SLACK_TEXT)}]}));
    }
    if let Some(more) = more_line(entries.len(), listed) {
        blocks.push(
            serde_json::json!({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]}),
        );
    }
    debug_assert!(blocks.len() <= SLACK_BLOCKS);
    serde_json::json!({"text": fit_mrkdwn(&render::subject(outgoing), SLACK_TEXT), "blocks": blocks})
}

/// `*<link|title>*`, within a section's 3,000 characters. A link too long to leave the title
/// room is left out rather than cut, which would break it.
fn slack_link(line: &Line<'_>) -> String {
    // `|` and `>` end the link in mrkdwn and `<` starts one: percent-encoded, the URL
    // means the same.
    let url = line.link.map(|link| {
        link.replace('|', "%7C")
            .replace('<', "%3C")
            .replace('>', "%3E")
    });
    match url {
        Some(url) if utf16_len(&url) <= SLACK_TEXT / 2 => {
            let room = SLACK_TEXT - utf16_len(&url) - "*<|>*".len();
            format!("*<{url}|{}>*", fit_mrkdwn(&line.title, room))
        }
        _ => format!("*{}*", fit_mrkdwn(&line.title, SLACK_TEXT - 2)),
    }
}

fn discord(heading: Option<&str>, entries: &[Line<'_>]) -> serde_json::Value {
    let listed = entries.len().min(DISCORD_EMBEDS);
    // The 6,000 characters shared equally: 600 each for a full message, the whole title and
    // 4,096 of description for a single alert.
    let share = DISCORD_EMBED_TOTAL / listed.max(1);
    let embeds: Vec<_> = entries[..listed]
        .iter()
        .map(|line| {
            let title = fit(&line.title, DISCORD_TITLE.min(share));
            let room = DISCORD_DESCRIPTION.min(share - utf16_len(&title));
            let mut embed = serde_json::json!({"title": title});
            if let Some(link) = line.link {
                embed["url"] = link.into();
            }
            if room > 0 && !line.detail.is_empty() {
                embed["description"] = fit(&line.detail, room).into();
            }
            embed
        })
        .collect();
    let mut message = serde_json::json!({"embeds": embeds});
    let content: Vec<String> = heading
        .map(str::to_string)
        .into_iter()
        .chain(more_line(entries.len(), listed))
        .collect();
    if !content.is_empty() {
        message["content"] = fit(&content.join("; "), DISCORD_CONTENT).into();
    }
    message
}

fn teams(heading: Option<&str>, entries: &[Line<'_>]) -> serde_json::Value {
    let card = |body: &[serde_json::Value]| {
        serde_json::json!({
            "type": "message",
            "attachments": [{
                "contentType": "application/vnd.microsoft.card.adaptive",
                "content": {"type": "AdaptiveCard", "version": "1.4", "body": body},
            }],
        })
    };
    let text_block =
        |text: String| serde_json::json!({"type": "TextBlock", "text": text, "wrap": true});
    let mut body = Vec::new();
    if let Some(heading) = heading {
        body.push(serde_json::json!({"type": "TextBlock", "text": fit(heading, TEAMS_TEXT), "size": "Large", "weight": "Bolder", "wrap": true}));
    }
    // Room is checked with the longest "more" line in place, so the real one always fits.
    let widest_more = text_block(more_line(usize::MAX, 0).unwrap_or_default());
    let mut listed = 0;
    for line in entries.iter().take(CHAT_LISTED) {
        let title = fit(&line.title, TEAMS_TEXT);
        let linked = match line.link.filter(|link| link.len() <= TEAMS_LINK) {
            Some(link) => format!("[{title}]({link})"),
            None => title,
        };
        body.push(serde_json::json!({"type": "TextBlock", "text": linked, "weight": "Bolder", "wrap": true}));
        body.push(text_block(fit(&line.detail, TEAMS_TEXT)));
        body.push(widest_more.clone());
        let fits = teams_size(&card(&body)) <= TEAMS_PAYLOAD;
        body.pop();
        if !fits {
            body.truncate(body.len() - 2);
            break;
        }
        listed += 1;
    }
    if let Some(more) = more_line(entries.len(), listed) {
        body.push(text_block(more));
    }
    card(&body)
}

/// The payload's size as the larger of its UTF-8 and UTF-16 encodings.
fn teams_size(card: &serde_json::Value) -> usize {
    let text = card.to_string();
    text.len().max(2 * utf16_len(&text))
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// `text` within `max` UTF-16 units: whole, or cut at a character boundary and ended with
/// "…".
fn fit(text: &str, max: usize) -> String {
    fit_escaped(text, max, |_| None)
}

/// [`fit`] for Slack mrkdwn, whose `&`, `<` and `>` must be escaped (they mark links and
/// mentions): the limit counts the escaped text, and the cut never splits an escape.
fn fit_mrkdwn(text: &str, max: usize) -> String {
    fit_escaped(text, max, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    })
}

fn fit_escaped(text: &str, max: usize, escape: impl Fn(char) -> Option<&'static str>) -> String {
    let width = |c: char| escape(c).map_or(c.len_utf16(), str::len);
    let whole = text.chars().map(width).sum::<usize>() <= max;
    let room = if whole {
        max
    } else {
        max.saturating_sub(ELLIPSIS.len_utf16())
    };
    let mut fitted = String::with_capacity(text.len().min(4 * max));
    let mut used = 0;
    for c in text.chars() {
        let w = width(c);
        if used + w > room {
            break;
        }
        used += w;
        match escape(c) {
            Some(escaped) => fitted.push_str(escaped),
            None => fitted.push(c),
        }
    }
    if !whole && max > 0 {
        fitted.push(ELLIPSIS);
    }
    fitted
}

/// Only http(s) links are made clickable: a `javascript:` link in a feed never is, and the
/// services refuse an empty or odd URL with a 400.
fn web_link(link: Option<&str>) -> Option<&str> {
    link.filter(|l| l.starts_with("https://") || l.starts_with("http://"))
}

/// One entry of a chat message: a title (linked when it has a web link) and a line under it.
struct Line<'a> {
    title: String,
    link: Option<&'a str>,
    detail: String,
}

impl<'a> Line<'a> {
    fn of_alert(alert: &'a Alert) -> Line<'a> {
        Line {
            title: alert.item.title.clone(),
            link: web_link(alert.item.link.as_deref()),
            detail: alert_line(alert),
        }
    }

    fn of_update(update: &'a StoryUpdate) -> Line<'a> {
        Line {
            title: update.first.title.clone(),
            link: web_link(update.first.link.as_deref()),
            detail: format!(
                "{} · {} · {}",
                update.severity,
                update.rules.join(", "),
                update.headline()
            ),
        }
    }
}

/// `HIGH · alibaba-pla · matched Alibaba, PLA`; with several rules, each with its words,
/// `HIGH · alibaba-pla: Alibaba, PLA · alibaba-us-action: Alibaba, Commerce`; then the
/// possibly related story on a line of its own.
fn alert_line(alert: &Alert) -> String {
    let words = |matches: &[AlertSpan]| -> String {
        let words: Vec<&str> = matches.iter().map(|m| m.text.as_str()).collect();
        words.join(", ")
    };
    let mut line = match alert.evidence.as_slice() {
        [one] => format!(
            "{} · {} · matched {}",
            alert.severity,
            one.rule,
            words(&one.matches)
        ),
        several => {
            let per_rule: Vec<String> = several
                .iter()
                .map(|e| format!("{}: {}", e.rule, words(&e.matches)))
                .collect();
            format!("{} · {}", alert.severity, per_rule.join(" · "))
        }
    };
    if let Some(related) = &alert.related {
        line.push('\n');
        line.push_str(&render::related_line(related));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alert::{ALERT_TYPE, AlertItem, Digest, RuleEvidence};
    use crate::config::Severity;
    use serde_json::Value;

    const CJK_HEADLINE: usize = 2_000;
    const ASCII_HEADLINE: usize = 5_000;

    /// The two headlines the limits are tested with: 2,000 CJK characters (3 bytes each in
    /// UTF-8) and 5,000 ASCII ones.
    fn long_headlines() -> [String; 2] {
        [
            "阿里巴巴".repeat(CJK_HEADLINE / 4),
            "PLA ".repeat(ASCII_HEADLINE / 4),
        ]
    }

    fn alert(n: usize, title: &str, evidence: &str) -> Alert {
        let mut alert = Alert {
            kind: ALERT_TYPE.into(),
            id: format!("{n:032x}"),
            rule: "alibaba-pla".into(),
            rules: Vec::new(),
            severity: Severity::High,
            created_at: chrono::DateTime::UNIX_EPOCH,
            item: AlertItem {
                id: format!("item-{n}"),
                title: title.into(),
                link: Some(format!("https://news.example.net/{n}?a=1&b=<2>|3")),
                feed: "demo".into(),
                published: None,
                summary: String::new(),
            },
            matches: vec![AlertSpan {
                field: "title".into(),
                start: 0,
                end: evidence.len(),
                text: evidence.into(),
            }],
            evidence: Vec::new(),
            story: None,
            related: None,
        };
        alert.fill_rules();
        alert
    }

    fn digest(count: usize, title: &str, evidence: &str) -> Digest {
        let alerts = (0..count).map(|n| alert(n, title, evidence)).collect();
        let mut digest = Digest::new(alerts, chrono::DateTime::UNIX_EPOCH);
        digest.held = vec![format!("quiet hours {}", "x".repeat(3_000))];
        digest
    }

    /// Serializes as the channel does and reads it back: the bytes sent are valid UTF-8 and
    /// valid JSON.
    fn sent(format: WebhookFormat, outgoing: render::Message<'_>) -> Value {
        let bytes = message(format, outgoing).to_string().into_bytes();
        let text = String::from_utf8(bytes).expect("valid UTF-8");
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
        value
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no text at {pointer} in {value}"))
    }

    /// Within `max` as the services count (UTF-16 code units, never fewer than characters).
    fn assert_within(value: &str, max: usize, what: &str) {
        let units = value.encode_utf16().count();
        assert!(units <= max, "{what}: {units} > {max}");
        assert!(value.chars().count() <= max, "{what}");
    }

    #[test]
    fn texts_are_cut_at_a_character_boundary_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly10!", 10), "exactly10!");
        assert_eq!(fit("eleven char", 10), "eleven ch…");
        assert_eq!(fit("阿里巴巴新闻", 4), "阿里巴…");
        // An emoji is two UTF-16 units: it is kept whole or not at all.
        assert_eq!(fit("ab😀cd", 4), "ab…");
        assert_eq!(fit("ab😀cd", 5), "ab😀…");
        // An escape counts at its escaped length and is never split.
        assert_eq!(fit_mrkdwn("a<b", 5), "a…");
        assert_eq!(fit_mrkdwn("a<b", 6), "a&lt;b");
        assert_eq!(fit_mrkdwn("a&b&c", 7), "a&amp;…");
    }

    #[test]
    fn discord_embed_title_and_description_fit_their_limits() {
        for headline in long_headlines() {
            let evidence = "军".repeat(5_000);
            let one = alert(1, &headline, &evidence);
            let sent = sent(WebhookFormat::Discord, render::Message::Alert(&one));
            let title = text(&sent, "/embeds/0/title");
            assert_within(title, 256, "title");
            assert!(title.ends_with('…'), "cut with an ellipsis: {title}");
            assert!(headline.starts_with(title.trim_end_matches('…')));
            assert_within(text(&sent, "/embeds/0/description"), 4_096, "description");
        }
    }

    #[test]
    fn discord_embeds_stay_within_6000_characters_and_content_within_2000() {
        for headline in long_headlines() {
            let digest = digest(25, &headline, &"PLA".repeat(2_000));
            let sent = sent(WebhookFormat::Discord, render::Message::Digest(&digest));
            let embeds = sent["embeds"].as_array().expect("embeds");
            assert!(embeds.len() <= 10, "{} embeds", embeds.len());
            let mut total = 0;
            for embed in embeds {
                for field in ["title", "description"] {
                    let value = embed[field].as_str().unwrap_or_default();
                    total += value.encode_utf16().count();
                }
            }
            assert!(total <= 6_000, "{total} characters in all embeds");
            let content = text(&sent, "/content");
            assert_within(content, 2_000, "content");
            assert!(content.ends_with('…'), "{content}");
        }
    }

    #[test]
    fn slack_blocks_fit_their_limits() {
        for headline in long_headlines() {
            let one = alert(1, &headline, &"解放军".repeat(2_000));
            let sent_one = sent(WebhookFormat::Slack, render::Message::Alert(&one));
            let section = text(&sent_one, "/blocks/0/text/text");
            assert_within(section, 3_000, "section text");
            if headline.chars().count() > SLACK_TEXT {
                assert!(section.ends_with("…>*"), "the title is cut inside the link");
            }
            // The link stays closed: the title is cut inside it, never the markup.
            assert!(
                section.ends_with(">*"),
                "{}",
                section.chars().rev().take(9).collect::<String>()
            );
            assert!(!section.contains("<2>|3"), "the link is escaped");
            assert_within(
                text(&sent_one, "/blocks/1/elements/0/text"),
                3_000,
                "context",
            );
            assert_within(text(&sent_one, "/text"), 3_000, "fallback text");

            let digest = digest(60, &headline, "PLA");
            let sent = sent(WebhookFormat::Slack, render::Message::Digest(&digest));
            let blocks = sent["blocks"].as_array().expect("blocks");
            assert!(blocks.len() <= 50, "{} blocks", blocks.len());
            assert_within(text(&sent, "/blocks/0/text/text"), 150, "header");
            let last = blocks.last().expect("a block");
            assert!(
                text(last, "/elements/0/text").contains("more alerts"),
                "{last}"
            );
        }
    }

    #[test]
    fn a_teams_card_stays_under_28_kb() {
        for headline in long_headlines() {
            let digest = digest(40, &headline, &"PLA".repeat(2_000));
            let card = sent(WebhookFormat::Teams, render::Message::Digest(&digest));
            let payload = card.to_string();
            let utf16_bytes = 2 * payload.encode_utf16().count();
            assert!(payload.len() < 28_000, "{} bytes", payload.len());
            assert!(utf16_bytes < 28_000, "{utf16_bytes} bytes as UTF-16");
            assert!(payload.contains("more alerts, not listed here"));
            let one = alert(1, &headline, "PLA");
            let card = sent(WebhookFormat::Teams, render::Message::Alert(&one));
            assert!(card.to_string().len() < 28_000);
        }
    }

    #[test]
    fn an_alert_of_two_rules_shows_each_rules_words_and_the_related_story() {
        let mut two = alert(1, "Commerce weighs Alibaba curbs", "Alibaba");
        two.rules.push("alibaba-us-action".into());
        two.evidence.push(RuleEvidence {
            rule: "alibaba-us-action".into(),
            severity: Severity::High,
            matches: vec![AlertSpan {
                field: "title".into(),
                start: 0,
                end: 8,
                text: "Commerce".into(),
            }],
        });
        two.related = Some(crate::alert::Related {
            story: "story-1".into(),
            title: "Pentagon memo".into(),
            link: None,
            alert_id: "a1".into(),
            similarity: 0.2,
        });
        let sent = sent(WebhookFormat::Slack, render::Message::Alert(&two));
        assert_eq!(
            text(&sent, "/blocks/1/elements/0/text"),
            "HIGH · alibaba-pla: Alibaba · alibaba-us-action: Commerce\n\
             Possibly related: Pentagon memo (first alert a1)"
        );
        assert!(text(&sent, "/text").contains("alibaba-pla, alibaba-us-action"));
    }
}
