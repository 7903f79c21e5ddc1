//! From an OPML file's feeds to `[[feed]]` sections that, appended to a config, pass `check`:
//! names made from titles (`Le Monde – À la une` becomes `le-monde-a-la-une`; a title with
//! no Latin letters gives way to the URL's host), unique against the config and each other;
//! categories as tags; feeds whose URL the config already has, or the file lists twice, left
//! out with a note that says so.
//!
//! Two URLs are the same feed when they differ only in `http`/`https`, letter case of the
//! scheme and host, or a default port: an OPML file from an old reader often still says
//! `http://` for a feed the config reads over `https://`.

use std::collections::{BTreeSet, HashMap};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Outlines, Subscription};
use crate::config::Config;

/// A `[[feed]]` to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewFeed {
    pub name: String,
    pub title: Option<String>,
    pub url: String,
    pub tags: Vec<String>,
    pub paused: bool,
}

/// Something the user should hear about: a feed left out, merged, or a category dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// The line of the file it concerns, if one.
    pub line: Option<usize>,
    pub text: String,
}

/// What an import adds and what it says about the rest.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Import {
    pub feeds: Vec<NewFeed>,
    pub notes: Vec<Note>,
}

/// The longest name made from a title; long titles make unwieldy names in scopes and logs.
const MAX_NAME: usize = 40;

/// The feeds of `outlines` that `config` does not have yet, as `[[feed]]` sections.
pub(crate) fn plan(outlines: Outlines, config: &Config) -> Import {
    let mut import = Import::default();
    for unreadable in outlines.unreadable {
        import.notes.push(Note {
            line: Some(unreadable.line),
            text: format!(
                "{}: {}: skipped",
                describe(unreadable.title.as_deref(), &unreadable.xml_url),
                unreadable.reason
            ),
        });
    }
    let configured: HashMap<String, &str> = config
        .feeds
        .iter()
        .map(|feed| (same_feed_key(&feed.url), feed.name.as_str()))
        .collect();
    let mut taken: BTreeSet<String> = config.feeds.iter().map(|f| f.name.clone()).collect();
    // Index into `import.feeds` and line of each URL imported so far.
    let mut imported: HashMap<String, (usize, usize)> = HashMap::new();
    let mut untaggable = BTreeSet::new();
    for subscription in outlines.subscriptions {
        let what = describe(subscription.title.as_deref(), &subscription.xml_url);
        let note = |text: String| Note {
            line: Some(subscription.line),
            text,
        };
        let Some(url) = feed_url(&subscription.xml_url) else {
            import.notes.push(note(format!(
                "{what}: not an http:// or https:// address: skipped"
            )));
            continue;
        };
        let key = same_feed_key(&url);
        if let Some(name) = configured.get(&key) {
            import.notes.push(note(format!(
                "{what}: already in the config as feed \"{name}\": skipped"
            )));
            continue;
        }
        let tags = tags(&subscription.categories, &mut untaggable);
        if let Some(&(index, first_line)) = imported.get(&key) {
            // Readers that let a feed sit in several folders export it once per folder.
            let feed: &mut NewFeed = &mut import.feeds[index];
            for tag in tags {
                if !feed.tags.contains(&tag) {
                    feed.tags.push(tag);
                }
            }
            import.notes.push(note(format!(
                "{what}: listed again (first at line {first_line}): imported once, with the \
                 categories of both"
            )));
            continue;
        }
        let name = unique_name(&subscription, &url, &mut taken);
        imported.insert(key, (import.feeds.len(), subscription.line));
        // A title that only repeats the URL or the name (as an export of an untitled feed
        // writes it) says nothing.
        let title = subscription
            .title
            .filter(|title| *title != url && *title != name);
        import.feeds.push(NewFeed {
            name,
            title,
            url,
            tags,
            paused: subscription.disabled,
        });
    }
    for category in untaggable {
        import.notes.push(Note {
            line: None,
            text: format!(
                "category \"{category}\" has no letter or digit a tag can keep (a-z, 0-9): its \
                 feeds are imported without it"
            ),
        });
    }
    import
}

/// The `[[feed]]` sections of `feeds`, with a comment saying where they came from.
pub(crate) fn render_toml(feeds: &[NewFeed], source: &str) -> String {
    let quote = |text: &str| toml::Value::String(text.to_string()).to_string();
    // The blank first line keeps the comment off the config's last line when that line has
    // no line break of its own.
    let mut out = format!(
        "\n# {} imported from {source} by `newswatch feeds import`\n",
        crate::cli::count(feeds.len(), "feed")
    );
    for feed in feeds {
        out.push_str("\n[[feed]]\n");
        out.push_str(&format!("name = {}\n", quote(&feed.name)));
        if let Some(title) = &feed.title {
            out.push_str(&format!("title = {}\n", quote(title)));
        }
        out.push_str(&format!("url = {}\n", quote(&feed.url)));
        if !feed.tags.is_empty() {
            let tags: Vec<String> = feed.tags.iter().map(|t| quote(t)).collect();
            out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
        }
        if feed.paused {
            out.push_str("paused = true\n");
        }
    }
    out
}

/// `"Title" <url>`, or `<url>` for an untitled feed.
fn describe(title: Option<&str>, url: &str) -> String {
    match title {
        Some(title) => format!("\"{title}\" <{url}>"),
        None => format!("<{url}>"),
    }
}

/// The URL to poll: `http(s)://` as written; `feed://host/...` (the scheme some sites link
/// feeds with) as `http://host/...`, `feed:https://...` as `https://...`. `None` for anything
/// else.
fn feed_url(written: &str) -> Option<String> {
    let url = match strip_prefix_ignore_case(written, "feed:") {
        Some(rest) if rest.starts_with("//") => format!("http:{rest}"),
        Some(rest) => rest.to_string(),
        None => written.to_string(),
    };
    let parsed = url::Url::parse(&url).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some();
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean).then_some(url)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// What two URLs of the same feed have in common (see the module doc).
fn same_feed_key(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.scheme() == "http" || parsed.scheme() == "https" => {
            // Switching between two special schemes always succeeds.
            let _ = parsed.set_scheme("https");
            parsed.set_fragment(None);
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// The subscription's categories as tags, in order, each once; a category that gives no tag
/// is added to `untaggable`.
fn tags(categories: &[String], untaggable: &mut BTreeSet<String>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for category in categories {
        let tag = slug(category, usize::MAX);
        if tag.is_empty() {
            untaggable.insert(category.clone());
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// A feed name from the title, else from the URL's host, that no feed has yet; recorded in
/// `taken`.
fn unique_name(subscription: &Subscription, url: &str, taken: &mut BTreeSet<String>) -> String {
    let from_title = subscription
        .title
        .as_deref()
        .map(|title| slug(title, MAX_NAME))
        .unwrap_or_default();
    let base = match from_title.is_empty() {
        false => from_title,
        true => url::Url::parse(url)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            })
            .map(|host| slug(&host, MAX_NAME))
            .filter(|slug| !slug.is_empty())
            .unwrap_or_else(|| "feed".to_string()),
    };
    // At most `taken.len() + 1` candidates are tried before one is free.
    let name = (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|candidate| !taken.contains(candidate))
        .expect("an endless sequence of distinct names has one not taken");
    taken.insert(name.clone());
    name
}

/// `text` in `[a-z0-9-]`: accents dropped (`é` is `e`), apostrophes dropped, every other run of
/// characters a single `-`; cut at a `-` to at most `max` characters.
fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '’') {
            continue;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').filter(|&at| at > 0).unwrap_or(max);
        slug.truncate(cut);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(feeds: &str) -> Config {
        let checks = crate::daemon::setup::CHECKS;
        crate::config::parse_str(feeds, std::path::Path::new("/c/newswatch.toml"), checks)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn subscription(
        title: Option<&str>,
        url: &str,
        categories: &[&str],
        line: usize,
    ) -> Subscription {
        Subscription {
            title: title.map(str::to_string),
            xml_url: url.to_string(),
            categories: categories.iter().map(|c| c.to_string()).collect(),
            disabled: false,
            line,
        }
    }

    #[test]
    fn slugs_keep_latin_letters_and_digits() {
        let cases = [
            ("Le Monde – À la une", "le-monde-a-la-une"),
            ("Reuters: World News", "reuters-world-news"),
            ("Don’t Panic! 2024", "dont-panic-2024"),
            ("新浪新闻", ""),
            ("  --Ars   Technica--  ", "ars-technica"),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text, MAX_NAME), want, "{text}");
        }
        assert_eq!(
            slug(
                "The Quite Long Title Of A Very Specialised Trade Journal",
                40
            ),
            "the-quite-long-title-of-a-very"
        );
        assert_eq!(slug("abcdefghij", 4), "abcd");
    }

    #[test]
    fn names_are_unique_against_the_config_and_each_other() {
        let config = config("[[feed]]\nname = \"ars-technica\"\nurl = \"https://other.test/a\"\n");
        let outlines = Outlines {
            subscriptions: vec![
                subscription(Some("Ars Technica"), "https://feeds.test/ars", &[], 3),
                subscription(Some("Ars  Technica"), "https://feeds.test/ars2", &[], 4),
                subscription(Some("新浪新闻"), "https://www.sina.test/rss", &[], 5),
                subscription(None, "https://www.sina.test/other", &[], 6),
                subscription(Some("wire"), "https://wire.test/rss", &[], 7),
            ],
            unreadable: Vec::new(),
        };
        let feeds = plan(outlines, &config).feeds;
        let names: Vec<&str> = feeds.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "ars-technica-2",
                "ars-technica-3",
                "sina-test",
                "sina-test-2",
                "wire"
            ]
        );
        assert_eq!(feeds[4].title, None, "a title that is the name is left out");
    }

    #[test]
    fn configured_urls_are_skipped_and_repeats_merged() {
        let config = config("[[feed]]\nname = \"wire\"\nurl = \"https://Wire.test:443/rss\"\n");
        let outlines = Outlines {
            subscriptions: vec![
                subscription(Some("Wire"), "http://wire.test/rss", &["News"], 3),
                subscription(Some("Tech"), "https://tech.test/rss", &["News"], 4),
                subscription(Some("Tech"), "https://tech.test/rss", &["Tech", "News"], 9),
                subscription(Some("Script"), "javascript:alert(1)", &[], 10),
                subscription(Some("Old"), "feed://old.test/rss", &["科技"], 11),
            ],
            unreadable: Vec::new(),
        };
        let import = plan(outlines, &config);
        let feeds: Vec<(&str, &str, Vec<&str>)> = import
            .feeds
            .iter()
            .map(|f| {
                (
                    f.name.as_str(),
                    f.url.as_str(),
                    f.tags.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            feeds,
            [
                ("tech", "https://tech.test/rss", vec!["news", "tech"]),
                ("old", "http://old.test/rss", vec![]),
            ]
        );
        let notes: Vec<(Option<usize>, &str)> = import
            .notes
            .iter()
            .map(|n| (n.line, n.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                (
                    Some(3),
                    "\"Wire\" <http://wire.test/rss>: already in the config as feed \"wire\": skipped"
                ),
                (
                    Some(9),
                    "\"Tech\" <https://tech.test/rss>: listed again (first at line 4): imported \
                     once, with the categories of both"
                ),
                (
                    Some(10),
                    "\"Script\" <javascript:alert(1)>: not an http:// or https:// address: skipped"
                ),
                (
                    None,
                    "category \"科技\" has no letter or digit a tag can keep (a-z, 0-9): its feeds \
                     are imported without it"
                ),
            ]
        );
    }

    #[test]
    fn the_toml_passes_check_with_the_config_it_is_appended_to() {
        let base = "[[feed]]\nname = \"wire\"\nurl = \"https://wire.test/rss\"\n";
        let outlines = Outlines {
            subscriptions: vec![
                subscription(
                    Some("Quotes \"and\" \\ backslashes"),
                    "https://a.test/?q=\"x\"",
                    &["A b"],
                    1,
                ),
                Subscription {
                    disabled: true,
                    ..subscription(None, "https://b.test/", &[], 2)
                },
            ],
            unreadable: Vec::new(),
        };
        let import = plan(outlines, &config(base));
        let toml = render_toml(&import.feeds, "x.opml");
        let appended = config(&format!("{base}\n{toml}"));
        let added = &appended.feeds[1..];
        assert_eq!(
            added[0].title.as_deref(),
            Some("Quotes \"and\" \\ backslashes")
        );
        assert_eq!(added[0].url, "https://a.test/?q=\"x\"");
        assert_eq!(added[0].tags, ["a-b"]);
        assert_eq!(added[1].name, "b-test");
        assert!(added[1].paused);
    }
}
