//! A config's feeds as an OPML 2.0 document, written with quick-xml (which escapes every
//! attribute and text): one folder outline per first tag, in the order the config first uses
//! each, then the untagged feeds; each feed with `text` and `title` (Miniflux reads one,
//! FreshRSS the other), `type="rss"`, `xmlUrl`, its tags as `category`, and
//! `miniflux:disabled="true"` when paused (see the module doc of `opml`).

use chrono::{DateTime, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::MINIFLUX_NAMESPACE;
use crate::config::FeedConfig;

/// An export: the document and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Export {
    pub opml: String,
    /// Feeds left out, and settings OPML cannot carry.
    pub notes: Vec<String>,
}

/// `feeds` as OPML; feeds that read a local file are left out (another reader cannot reach
/// them), each with a note.
pub(crate) fn export(feeds: &[FeedConfig], now: DateTime<Utc>) -> Export {
    let mut notes = Vec::new();
    let mut exported: Vec<&FeedConfig> = Vec::new();
    for feed in feeds {
        if !feed.url.starts_with("http://") && !feed.url.starts_with("https://") {
            notes.push(format!(
                "feed \"{}\" reads a local file ({}): left out, another reader cannot reach it",
                feed.name, feed.url
            ));
            continue;
        }
        if !feed.headers.is_empty() {
            let names: Vec<&str> = feed.headers.iter().map(|(name, _)| name.as_str()).collect();
            notes.push(format!(
                "feed \"{}\" sends headers ({}) that OPML cannot carry: set them again where \
                 you import it",
                feed.name,
                names.join(", ")
            ));
        }
        exported.push(feed);
    }
    // Folders in the order the config first uses each tag; untagged feeds after them.
    let mut folders: Vec<(&str, Vec<&FeedConfig>)> = Vec::new();
    let mut untagged = Vec::new();
    for feed in exported.iter().copied() {
        match feed.tags.first() {
            None => untagged.push(feed),
            Some(tag) => match folders.iter_mut().find(|(name, _)| name == tag) {
                Some((_, members)) => members.push(feed),
                None => folders.push((tag, vec![feed])),
            },
        }
    }
    let any_paused = exported.iter().any(|feed| feed.paused);
    let opml = Document::default().write(&folders, &untagged, any_paused, now);
    Export { opml, notes }
}

/// The writer of one document; writing into memory cannot fail, which the `expect`s rely on.
struct Document {
    writer: Writer<Vec<u8>>,
}

impl Default for Document {
    fn default() -> Document {
        Document {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        }
    }
}

const IN_MEMORY: &str = "writing XML into memory cannot fail";

impl Document {
    fn write(
        mut self,
        folders: &[(&str, Vec<&FeedConfig>)],
        untagged: &[&FeedConfig],
        any_paused: bool,
        now: DateTime<Utc>,
    ) -> String {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut opml = BytesStart::new("opml");
        opml.push_attribute(("version", "2.0"));
        if any_paused {
            opml.push_attribute(("xmlns:miniflux", MINIFLUX_NAMESPACE));
        }
        self.event(Event::Start(opml));
        self.event(Event::Start(BytesStart::new("head")));
        self.text_element("title", "newswatch feeds");
        // RFC 1123, as FreshRSS writes and reads it (two-digit day, four-digit year).
        let created = now.format("%a, %d %b %Y %H:%M:%S %z").to_string();
        self.text_element("dateCreated", &created);
        self.event(Event::End(BytesEnd::new("head")));
        self.event(Event::Start(BytesStart::new("body")));
        for (tag, feeds) in folders {
            let mut folder = BytesStart::new("outline");
            folder.push_attribute(("text", *tag));
            self.event(Event::Start(folder));
            for feed in feeds {
                self.feed(feed);
            }
            self.event(Event::End(BytesEnd::new("outline")));
        }
        for feed in untagged {
            self.feed(feed);
        }
        self.event(Event::End(BytesEnd::new("body")));
        self.event(Event::End(BytesEnd::new("opml")));
        let mut text = String::from_utf8(self.writer.into_inner())
            .expect("quick-xml writes the UTF-8 it is given");
        text.push('\n');
        text
    }

    fn feed(&mut self, feed: &FeedConfig) {
        let title = feed.title.as_deref().unwrap_or(&feed.name);
        let mut outline = BytesStart::new("outline");
        outline.push_attribute(("type", "rss"));
        outline.push_attribute(("text", title));
        outline.push_attribute(("title", title));
        outline.push_attribute(("xmlUrl", feed.url.as_str()));
        if !feed.tags.is_empty() {
            outline.push_attribute(("category", feed.tags.join(",").as_str()));
        }
        if feed.paused {
            outline.push_attribute(("miniflux:disabled", "true"));
        }
        self.event(Event::Empty(outline));
    }

    fn text_element(&mut self, name: &str, text: &str) {
        self.writer
            .create_element(name)
            .write_text_content(BytesText::new(text))
            .expect(IN_MEMORY);
    }

    fn event(&mut self, event: Event<'_>) {
        self.writer.write_event(event).expect(IN_MEMORY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::opml::read::read_opml;

    fn feeds(text: &str) -> Vec<FeedConfig> {
        crate::config::parse_str(
            text,
            std::path::Path::new("/c/newswatch.toml"),
            crate::daemon::setup::CHECKS,
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .feeds
    }

    #[test]
    fn titles_and_urls_are_escaped_and_read_back_as_they_were() {
        let feeds = feeds(
            "[[feed]]\nname = \"a\"\ntitle = \"<Tom & \\\"Jerry\\\"> 'news'\"\n\
             url = \"https://a.test/rss?x=1&y=<2>\"\ntags = [\"cartoons\", \"us\"]\n\
             paused = true\n\n\
             [[feed]]\nname = \"b\"\nurl = \"https://b.test/rss\"\n",
        );
        let export = export(&feeds, Utc::now());
        assert!(export.notes.is_empty(), "{:?}", export.notes);
        assert!(
            export
                .opml
                .contains("xmlUrl=\"https://a.test/rss?x=1&amp;y=&lt;2&gt;\""),
            "{}",
            export.opml
        );
        let read = read_opml(export.opml.as_bytes()).expect("well-formed");
        let a = &read.subscriptions[0];
        assert_eq!(a.title.as_deref(), Some("<Tom & \"Jerry\"> 'news'"));
        assert_eq!(a.xml_url, "https://a.test/rss?x=1&y=<2>");
        assert_eq!(a.categories, ["cartoons", "us"]);
        assert!(a.disabled);
        let b = &read.subscriptions[1];
        assert_eq!(
            b.title.as_deref(),
            Some("b"),
            "the name stands in for a missing title"
        );
        assert!(b.categories.is_empty());
        assert!(!b.disabled);
    }

    #[test]
    fn local_files_are_left_out_and_headers_noted() {
        let feeds = feeds(
            "[[feed]]\nname = \"disk\"\nurl = \"file:///srv/feed.xml\"\n\n\
             [[feed]]\nname = \"sec\"\nurl = \"https://sec.test/rss\"\n\
             headers = { \"User-Agent\" = \"me me@mail.test\" }\n",
        );
        let export = export(&feeds, Utc::now());
        assert_eq!(export.notes.len(), 2, "{:?}", export.notes);
        assert!(export.notes[0].contains("\"disk\" reads a local file"));
        assert!(export.notes[1].contains("headers (User-Agent)"));
        let read = read_opml(export.opml.as_bytes()).expect("well-formed");
        assert_eq!(read.subscriptions.len(), 1);
        assert!(
            !export.opml.contains("xmlns:miniflux"),
            "no paused feed, no namespace"
        );
    }
}
