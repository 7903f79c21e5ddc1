//! `test-rule`: runs rules over a feed, a file, a URL or one headline and shows each match
//! with its evidence and where the daemon would place it among stories.

use anyhow::Context;

use super::args::TestRuleArgs;
use super::{Failure, count, query_failure};
use crate::config::{self, Config};
use crate::daemon;
use crate::daemon::setup::fetcher;
use crate::feed::fetch::FetchRequest;
use crate::feed::parse::parse_feed;
use crate::feed::redact::redact_url;
use crate::rules::RuleSet;
use crate::rules::ast::Field;
use crate::rules::explain::{Highlight, MatchedText, excerpt, highlight};

/// Where `test-rule` places a matching item among stories.
struct StoryPreview {
    story: String,
    /// The story's first item's title.
    lead: String,
    /// `None` for the first item of a story.
    similarity: Option<f64>,
    /// For the first item of a story, the closest other story's first title and its
    /// similarity, when it would be named as possibly related.
    related: Option<(String, f64)>,
}

/// How the daemon would group the matching items of one document into stories, oldest
/// first as they would arrive, keyed by (entry id, rule). The daemon decides stories per
/// channel, among the items of all the channel's rules; `test-rule` runs one rule, so its
/// items are grouped among themselves, with the rule's threshold.
async fn story_preview(
    config: &Config,
    rules: &RuleSet,
    items: &[crate::feed::Item],
    feed: Option<&config::FeedConfig>,
) -> std::collections::HashMap<(String, String), StoryPreview> {
    let stories = daemon::Stories::new(config);
    let mut index = stories.lock().await;
    let mut ordered: Vec<&crate::feed::Item> = items.iter().collect();
    ordered.sort_by_key(|item| item.published.or(item.updated));
    let mut leads = std::collections::HashMap::new();
    let mut preview = std::collections::HashMap::new();
    for item in ordered {
        let at = item
            .published
            .or(item.updated)
            .unwrap_or_else(chrono::Utc::now);
        let mut tentative = daemon::stories::Tentative::default();
        for hit in rules.match_item(item, feed) {
            let Some(rule) = rules.rules().iter().find(|r| r.name == hit.rule) else {
                continue;
            };
            let Some(cluster) = rule.cluster else {
                continue;
            };
            let threshold = cluster.threshold.unwrap_or(crate::story::DEFAULT_THRESHOLD);
            let member = stories.member(item, &hit, at);
            let placed = daemon::Stories::place(
                &mut index,
                &rule.name,
                threshold,
                item,
                member,
                &mut tentative,
            );
            if placed.joined.is_none() {
                leads.insert(placed.story.clone(), item.title.clone());
            }
            let lead_of = |story: &str| leads.get(story).cloned().unwrap_or_default();
            preview.insert(
                (item.entry_id.clone(), hit.rule),
                StoryPreview {
                    lead: lead_of(&placed.story),
                    related: placed
                        .near
                        .map(|near| (lead_of(&near.story), near.similarity)),
                    story: placed.story,
                    similarity: placed.joined,
                },
            );
        }
    }
    preview
}

pub(super) async fn test_rule(config: &Config, args: &TestRuleArgs) -> Result<(), Failure> {
    let rules = match (&args.rule, &args.query) {
        (Some(name), _) => RuleSet::only(config, name).map_err(Failure::Config)?,
        // The query was typed on the command line: its errors point there, not at the config.
        (None, Some(query)) => {
            let rules = RuleSet::from_query(query, config).map_err(query_failure)?;
            for warning in rules.warnings() {
                eprintln!("{warning} (warning)");
            }
            rules
        }
        // Neither: every rule of the config at once, each hit labelled with its rule.
        (None, None) => RuleSet::from_config(config).map_err(Failure::Config)?,
    };
    let feed = match &args.feed {
        Some(name) => Some(
            config
                .feeds
                .iter()
                .find(|f| &f.name == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = config.feeds.iter().map(|f| f.name.as_str()).collect();
                    Failure::Usage(format!(
                        "no feed named \"{name}\" (feeds: {})",
                        known.join(", ")
                    ))
                })?,
        ),
        None => None,
    };
    // Say why a scoped rule matches nothing here, rather than only "0 of N items match".
    if let (Some(name), Some(feed)) = (&args.rule, feed)
        && let Some(rule) = config.rules.iter().find(|r| &r.name == name)
        && !rule.feeds.is_empty()
        && !rule.feeds.iter().any(|scope| match scope {
            config::FeedScope::Feed(name) => *name == feed.name,
            config::FeedScope::Tag(tag) => feed.tags.contains(tag),
        })
    {
        let scopes: Vec<String> = rule
            .feeds
            .iter()
            .map(|scope| match scope {
                config::FeedScope::Feed(name) => name.clone(),
                config::FeedScope::Tag(tag) => format!("tag:{tag}"),
            })
            .collect();
        eprintln!(
            "note: rule \"{name}\" reads only feeds {} and feed \"{}\" is none of them: it \
             matches nothing there",
            scopes.join(", "),
            feed.name
        );
    }
    let (label, body, content_type, base) = match (&args.file, feed, &args.url) {
        _ if args.text.is_some() => ("--text".to_string(), Vec::new(), None, None),
        (Some(path), _, _) => {
            let body =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            (path.display().to_string(), body, None, None)
        }
        (None, feed, url) => {
            // A URL typed on the command line is the operator's own choice; a configured feed
            // gets the SSRF guard the daemon would apply.
            let (label, url, headers, allow_private) = match (feed, url) {
                (Some(feed), _) => (
                    feed.name.clone(),
                    feed.url.clone(),
                    feed.headers.clone(),
                    feed.allow_private,
                ),
                (None, Some(url)) => (url.clone(), url.clone(), Vec::new(), true),
                (None, None) => unreachable!("clap requires --feed, --url or --file"),
            };
            let fetched = fetcher(config)?
                .fetch(FetchRequest {
                    url: &url,
                    etag: None,
                    last_modified: None,
                    headers: &headers,
                    allow_private,
                })
                .await
                .with_context(|| format!("cannot fetch {}", redact_url(&url)))?;
            let body = fetched.body.unwrap_or_default();
            (label, body, fetched.content_type, Some(url))
        }
    };
    let parsed = match &args.text {
        Some(title) => crate::feed::ParsedFeed {
            items: vec![crate::feed::Item {
                feed: "--text".to_string(),
                entry_id: "text".to_string(),
                title: title.clone(),
                summary: args.summary.clone().unwrap_or_default(),
                published: Some(chrono::Utc::now()),
                ..crate::feed::Item::default()
            }],
            ..crate::feed::ParsedFeed::default()
        },
        None => {
            let mut parsed = parse_feed(&label, &body, content_type.as_deref(), base.as_deref())
                .with_context(|| format!("cannot parse {label}"))?;
            let feed_name = feed.map_or(label.as_str(), |f| f.name.as_str());
            crate::feed::filer::name_filer(parsed.title.as_deref(), feed_name, &mut parsed.items);
            parsed
        }
    };
    let style = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        Highlight::Ansi
    } else {
        Highlight::Brackets
    };
    let tags = feed.map(|f| f.tags.clone()).unwrap_or_default();
    let stories = story_preview(config, &rules, &parsed.items, feed).await;
    let mut matching = 0;
    for item in &parsed.items {
        let found = rules.match_item(item, feed);
        if found.is_empty() {
            continue;
        }
        matching += 1;
        for hit in &found {
            let story = stories.get(&(item.entry_id.clone(), hit.rule.clone()));
            if args.json {
                let mut line = serde_json::json!({
                    "rule": hit.rule,
                    "id": item.entry_id,
                    "title": item.title,
                    "link": item.link,
                    "feed": item.feed,
                    "spans": hit.spans,
                });
                if let Some(story) = story {
                    line["story"] = story.story.clone().into();
                    line["story_similarity"] = story.similarity.into();
                    if let Some((title, similarity)) = &story.related {
                        line["story_related"] =
                            serde_json::json!({"title": title, "similarity": similarity});
                    }
                }
                println!("{line}");
                continue;
            }
            let text = MatchedText::new(item, &tags);
            let field_text = |field: Field| text.field(field);
            println!(
                "[{}] {}",
                hit.rule,
                highlight(field_text(Field::Title), Field::Title, &hit.spans, style)
            );
            println!("    {}", item.link.as_deref().unwrap_or("(no link)"));
            if let Some(story) = story {
                match story.similarity {
                    None => match &story.related {
                        None => println!("    story: {} (first of its story)", story.story),
                        Some((title, similarity)) => println!(
                            "    story: {} (first of its story; possibly related to \"{title}\", similarity {similarity:.2})",
                            story.story
                        ),
                    },
                    Some(similarity) => println!(
                        "    story: {} joins \"{}\" (similarity {similarity:.2}): no alert",
                        story.story, story.lead
                    ),
                }
            }
            for field in Field::ALL.into_iter().filter(|f| *f != Field::Title) {
                if hit.spans.iter().any(|s| s.field == field) {
                    println!(
                        "    {field}: {}",
                        excerpt(field_text(field), field, &hit.spans, 60, style)
                    );
                }
            }
        }
    }
    if !args.json {
        let distinct: std::collections::HashSet<&str> =
            stories.values().map(|s| s.story.as_str()).collect();
        let grouped = if distinct.is_empty() {
            String::new()
        } else {
            format!(", in {}", count(distinct.len(), "story"))
        };
        println!("{matching} of {} items match{grouped}", parsed.items.len());
    }
    Ok(())
}
