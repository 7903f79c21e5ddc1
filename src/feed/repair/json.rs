//! JSON Feed repairs. feed-rs deserializes JSON Feed into strict types, so one field of the
//! wrong shape fails the whole feed: a missing `version` (Scripting News), an `http://` version
//! URL, `tags` as a comma-separated string, a numeric `id`, an `author` given as a bare name.
//! After feed-rs has rejected a JSON body, [`coerce_json_feed`] reshapes the document to the
//! types feed-rs expects, converting what has an obvious meaning and dropping what has none,
//! and feed-rs reads it again. It runs only after a failure: a valid feed never pays for it.
//!
//! Dave Winer's "RSS in JSON" (`{"rss": {"channel": {"item": [...]}}}`, served by Scripting
//! News and other River-of-News tools as their `.json` feed) is mapped onto JSON Feed first.

use serde_json::{Map, Value};

const CURRENT_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// The feed's string fields, top level and per item.
const FEED_STRINGS: [&str; 7] = [
    "title",
    "home_page_url",
    "feed_url",
    "language",
    "description",
    "icon",
    "favicon",
];
const ITEM_STRINGS: [&str; 9] = [
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "date_published",
    "date_modified",
];

/// The body reshaped to what feed-rs deserializes, or `None` when it is not a JSON object at
/// all (then the original error stands).
pub(crate) fn coerce_json_feed(body: &[u8]) -> Option<Vec<u8>> {
    let mut feed: Map<String, Value> = serde_json::from_slice(body).ok()?;
    if !feed.contains_key("items")
        && let Some(channel) = rss_in_json_channel(&mut feed)
    {
        feed = json_feed_from_rss_channel(channel);
    }
    fix_version(&mut feed);
    coerce_strings(&mut feed, &FEED_STRINGS);
    // `title` is required by feed-rs, optional in practice.
    feed.entry("title")
        .or_insert_with(|| Value::String(String::new()));
    coerce_authors(&mut feed);
    let items = match feed.remove("items") {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::Object(mut item) => {
                    coerce_item(&mut item);
                    Some(Value::Object(item))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    feed.insert("items".to_owned(), Value::Array(items));
    serde_json::to_vec(&feed).ok()
}

/// The `rss.channel` object of an RSS-in-JSON document.
fn rss_in_json_channel(feed: &mut Map<String, Value>) -> Option<Map<String, Value>> {
    match feed.get_mut("rss")?.get_mut("channel")?.take() {
        Value::Object(channel) => Some(channel),
        _ => None,
    }
}

/// RSS 2.0's channel and item fields under their JSON Feed names.
fn json_feed_from_rss_channel(mut channel: Map<String, Value>) -> Map<String, Value> {
    let mut feed = Map::new();
    rename(
        &mut channel,
        &mut feed,
        &[
            ("title", "title"),
            ("link", "home_page_url"),
            ("description", "description"),
        ],
    );
    let items = match channel.remove("item") {
        Some(Value::Array(items)) => items,
        Some(item @ Value::Object(_)) => vec![item],
        _ => Vec::new(),
    };
    let items = items
        .into_iter()
        .filter_map(|item| match item {
            Value::Object(mut item) => {
                let mut converted = Map::new();
                if let Some(guid) = item.remove("guid") {
                    // `{"isPermaLink": "false", "#value": "..."}` when the guid had attributes.
                    let guid = match guid {
                        Value::Object(mut guid) => {
                            guid.remove("#value").or_else(|| guid.remove("value"))
                        }
                        other => Some(other),
                    };
                    converted.extend(guid.map(|guid| ("id".to_owned(), guid)));
                }
                rename(
                    &mut item,
                    &mut converted,
                    &[
                        ("title", "title"),
                        ("link", "url"),
                        ("description", "content_html"),
                        ("pubDate", "date_published"),
                        ("category", "tags"),
                        ("author", "author"),
                    ],
                );
                Some(Value::Object(converted))
            }
            _ => None,
        })
        .collect();
    feed.insert("items".to_owned(), Value::Array(items));
    feed
}

fn rename(from: &mut Map<String, Value>, to: &mut Map<String, Value>, names: &[(&str, &str)]) {
    for (old, new) in names {
        if let Some(value) = from.remove(*old) {
            to.insert((*new).to_owned(), value);
        }
    }
}

/// A missing version, or JSON Feed 1's version URL written with `http://`, becomes a version
/// feed-rs accepts. A different format's version (`.../version/2`) is left to be rejected.
fn fix_version(feed: &mut Map<String, Value>) {
    let version = match feed.get("version") {
        Some(Value::String(version)) => match version.strip_prefix("http://") {
            Some(rest) if rest.starts_with("jsonfeed.org/version/1") => format!("https://{rest}"),
            _ => return,
        },
        _ => CURRENT_VERSION.to_owned(),
    };
    feed.insert("version".to_owned(), Value::String(version));
}

fn coerce_item(item: &mut Map<String, Value>) {
    coerce_strings(item, &ITEM_STRINGS);
    coerce_authors(item);
    match item.remove("tags") {
        Some(Value::String(tags)) => {
            let tags = tags
                .split(',')
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .map(|tag| Value::String(tag.to_owned()))
                .collect();
            item.insert("tags".to_owned(), Value::Array(tags));
        }
        Some(Value::Array(tags)) => {
            let tags = tags
                .into_iter()
                .filter_map(into_string)
                .map(Value::String)
                .collect();
            item.insert("tags".to_owned(), Value::Array(tags));
        }
        _ => {}
    }
    if let Some(Value::Array(attachments)) = item.remove("attachments") {
        let attachments = attachments
            .into_iter()
            .filter(|attachment| {
                ["url", "mime_type"]
                    .iter()
                    .all(|key| attachment.get(key).is_some_and(Value::is_string))
            })
            .collect();
        item.insert("attachments".to_owned(), Value::Array(attachments));
    }
}

/// Numbers and booleans in string fields become their text; other non-strings are dropped.
fn coerce_strings(object: &mut Map<String, Value>, keys: &[&str]) {
    for key in keys {
        if let Some(value) = object.remove(*key)
            && let Some(text) = into_string(value)
        {
            object.insert((*key).to_owned(), Value::String(text));
        }
    }
}

fn into_string(value: Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// `author` and `authors` as objects with string `name` and `url`; a bare string is a name.
fn coerce_authors(object: &mut Map<String, Value>) {
    if let Some(author) = object.remove("author").and_then(into_author) {
        object.insert("author".to_owned(), author);
    }
    let authors = match object.remove("authors") {
        Some(Value::Array(authors)) => authors.into_iter().filter_map(into_author).collect(),
        Some(single) => into_author(single).into_iter().collect(),
        None => return,
    };
    object.insert("authors".to_owned(), Value::Array(authors));
}

fn into_author(value: Value) -> Option<Value> {
    let mut author = match value {
        Value::String(name) => Map::from_iter([("name".to_owned(), Value::String(name))]),
        Value::Object(author) => author,
        _ => return None,
    };
    coerce_strings(&mut author, &["name", "url", "avatar"]);
    Some(Value::Object(author))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coerced(json: &str) -> Value {
        let bytes = coerce_json_feed(json.as_bytes()).expect("an object");
        serde_json::from_slice(&bytes).expect("valid JSON")
    }

    #[test]
    fn json_feed_fields_are_coerced_to_their_types() {
        let feed = coerced(
            r#"{"title": "T", "author": "Dave", "items": [
                {"id": 42, "title": "A", "tags": "workflow, omnifocus,", "url": null,
                 "authors": {"name": "Jo"}, "attachments": [{"url": "u"}, {"url": "u", "mime_type": "audio/mpeg"}]},
                "not an item"]}"#,
        );
        assert_eq!(feed["version"], CURRENT_VERSION);
        assert_eq!(feed["author"]["name"], "Dave");
        let item = &feed["items"][0];
        assert_eq!(item["id"], "42");
        assert_eq!(item["tags"], serde_json::json!(["workflow", "omnifocus"]));
        assert_eq!(item["authors"], serde_json::json!([{"name": "Jo"}]));
        assert_eq!(item["attachments"].as_array().map(Vec::len), Some(1));
        assert!(item.get("url").is_none());
        assert_eq!(feed["items"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn rss_in_json_becomes_json_feed() {
        let feed = coerced(
            r##"{"rss": {"version": "2.0", "channel": {"title": "Scripting News", "link": "http://scripting.com/",
                "item": [{"link": "http://scripting.com/a", "description": "Hello <b>world</b>",
                          "pubDate": "Mon, 26 Jun 2017 12:20:05 GMT", "guid": "http://scripting.com/a",
                          "category": "politics"},
                         {"title": "T", "guid": {"isPermaLink": "false", "#value": "g2"}}]}}}"##,
        );
        assert_eq!(feed["version"], CURRENT_VERSION);
        assert_eq!(feed["title"], "Scripting News");
        assert_eq!(feed["home_page_url"], "http://scripting.com/");
        let items = &feed["items"];
        assert_eq!(items[0]["id"], "http://scripting.com/a");
        assert_eq!(items[0]["url"], "http://scripting.com/a");
        assert_eq!(items[0]["content_html"], "Hello <b>world</b>");
        assert_eq!(items[0]["date_published"], "Mon, 26 Jun 2017 12:20:05 GMT");
        assert_eq!(items[0]["tags"], serde_json::json!(["politics"]));
        assert_eq!(items[1]["id"], "g2");
    }

    #[test]
    fn versions_are_fixed_only_when_they_mean_json_feed_1() {
        let version = |json: &str| coerced(json)["version"].clone();
        assert_eq!(
            version(r#"{"version": "http://jsonfeed.org/version/1", "items": []}"#),
            "https://jsonfeed.org/version/1"
        );
        assert_eq!(version(r#"{"items": []}"#), CURRENT_VERSION);
        assert_eq!(
            version(r#"{"version": "https://jsonfeed.org/version/2", "items": []}"#),
            "https://jsonfeed.org/version/2"
        );
        assert_eq!(coerce_json_feed(b"[1, 2]"), None);
        assert_eq!(coerce_json_feed(b"{\"version\": "), None);
    }
}
