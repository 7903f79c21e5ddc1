//! Reading an OPML file into the feeds it lists, as leniently as the readers that write them:
//! any encoding the feed reader's repair layer settles, attribute names in any case
//! (`xmlurl`, `XMLURL`), HTML entities as Miniflux's own reader accepts them (`&nbsp;`,
//! `&eacute;`), titles escaped twice, folders nested at any depth, outlines that are not feeds
//! (links, empty folders) passed over. What is not XML, not OPML, or cut short is an error
//! with its line and column.
//!
//! quick-xml does the parsing. It never expands an entity a DOCTYPE declares, so a hostile
//! file cannot grow in memory; attribute values are decoded here with the HTML entity table
//! instead of XML's five entities.

use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{MINIFLUX_NAMESPACE, Outlines, Subscription, Unreadable};
use crate::feed::repair::encoding::{Document, decode};

/// Why a file could not be read as OPML, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OpmlError {
    /// 1-based; `None` when the problem is the whole file (empty, JSON).
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub col: usize,
    pub message: String,
}

impl OpmlError {
    fn whole(message: impl Into<String>) -> OpmlError {
        OpmlError {
            line: None,
            col: 0,
            message: message.into(),
        }
    }

    fn at(text: &str, offset: usize, message: impl Into<String>) -> OpmlError {
        let (line, col) = line_col(text, offset);
        OpmlError {
            line: Some(line),
            col,
            message: message.into(),
        }
    }

    /// `FILE:3:17: message`, or `FILE: message` for the whole file.
    pub(crate) fn in_file(&self, file: &str) -> String {
        match self.line {
            Some(line) => format!("{file}:{line}:{}: {}", self.col, self.message),
            None => format!("{file}: {}", self.message),
        }
    }
}

/// The feeds of the OPML document `bytes`.
pub(crate) fn read_opml(bytes: &[u8]) -> Result<Outlines, OpmlError> {
    let text = match decode(bytes, None, None) {
        None => return Err(OpmlError::whole("the file is empty")),
        Some(Document::Json(_)) => {
            return Err(OpmlError::whole(
                "this is JSON, not OPML (an OPML file is XML starting with <opml>)",
            ));
        }
        Some(Document::Xml(text)) => text,
    };
    Outliner::new(&text).read()
}

/// One open element: an outline (a folder when it has a name and no feed URL) or another.
struct Open {
    name: String,
    /// The folder name this element gives the outlines inside it.
    folder: Option<String>,
    offset: usize,
}

struct Outliner<'t> {
    text: &'t str,
    reader: NsReader<&'t [u8]>,
    open: Vec<Open>,
    outlines: Outlines,
    seen_root: bool,
    seen_body: bool,
    /// An offset and its line: where counting lines goes on from (see `line_at`).
    counted: (usize, usize),
}

impl<'t> Outliner<'t> {
    fn new(text: &'t str) -> Outliner<'t> {
        let mut reader = NsReader::from_reader(text.as_bytes());
        reader.config_mut().trim_text(true);
        Outliner {
            text,
            reader,
            open: Vec::new(),
            outlines: Outlines::default(),
            seen_root: false,
            seen_body: false,
            counted: (0, 1),
        }
    }

    fn read(mut self) -> Result<Outlines, OpmlError> {
        loop {
            let before = self.position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(0);
                    return Err(OpmlError::at(
                        self.text,
                        at,
                        format!("not well-formed XML: {error}"),
                    ));
                }
            };
            // The tag starts after whatever whitespace the reader skipped before it.
            let start = before + whitespace_at(&self.text[before..]);
            match event {
                Event::Start(tag) => {
                    let open = self.element(&tag, start)?;
                    self.open.push(open);
                }
                Event::Empty(tag) => {
                    self.element(&tag, start)?;
                }
                Event::End(_) => {
                    self.open.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(open) = self.open.last() {
            return Err(OpmlError::at(
                self.text,
                self.text.len(),
                format!(
                    "the file ends inside <{}> (opened at line {}): it was cut short",
                    open.name,
                    line_col(self.text, open.offset).0
                ),
            ));
        }
        if !self.seen_root {
            return Err(OpmlError::whole(
                "no <opml> element: this is not an OPML file",
            ));
        }
        if !self.seen_body {
            return Err(OpmlError::whole(
                "<opml> has no <body>, where feeds are listed",
            ));
        }
        Ok(self.outlines)
    }

    /// The line of `offset`, counted on from the last one asked for: outlines come in file
    /// order, so the lines of a file are counted once, not once per outline.
    fn line_at(&mut self, offset: usize) -> usize {
        let (from, line) = self.counted;
        let to = offset.min(self.text.len());
        if to < from {
            return line_col(self.text, offset).0;
        }
        let line = line + memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..to]).count();
        self.counted = (to, line);
        line
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// Takes in one start or empty tag beginning at `offset`; returns what it opens.
    fn element(&mut self, tag: &BytesStart<'_>, offset: usize) -> Result<Open, OpmlError> {
        let name = tag.local_name().as_ref().to_string();
        let mut open = Open {
            name: name.clone(),
            folder: None,
            offset,
        };
        if !self.seen_root {
            if !name.eq_ignore_ascii_case("opml") {
                let hint = match name.to_ascii_lowercase().as_str() {
                    "rss" | "feed" | "rdf" => ": it looks like a feed, which goes in [[feed]] url",
                    "html" => ": it looks like a web page",
                    _ => "",
                };
                return Err(OpmlError::at(
                    self.text,
                    offset,
                    format!("not an OPML file: the root element is <{name}>, not <opml>{hint}"),
                ));
            }
            self.seen_root = true;
            return Ok(open);
        }
        let parent = self.open.last().map(|o| o.name.to_ascii_lowercase());
        if name.eq_ignore_ascii_case("body") && parent.as_deref() == Some("opml") {
            self.seen_body = true;
            return Ok(open);
        }
        let in_body = self
            .open
            .iter()
            .any(|o| o.name.eq_ignore_ascii_case("body"));
        if !in_body || !name.eq_ignore_ascii_case("outline") {
            return Ok(open);
        }
        let attributes = self.attributes(tag, offset)?;
        let line = self.line_at(offset);
        let title = attributes.title.or(attributes.text);
        match attributes.xml_url {
            Some(xml_url) => {
                let kind = attributes.kind.unwrap_or_default();
                if let Some(reason) = unreadable_type(&kind) {
                    self.outlines.unreadable.push(Unreadable {
                        title,
                        xml_url,
                        reason,
                        line,
                    });
                    return Ok(open);
                }
                let mut categories: Vec<String> = Vec::new();
                let folders = self.open.iter().filter_map(|o| o.folder.clone());
                for category in folders.chain(attributes.categories) {
                    if !categories.contains(&category) {
                        categories.push(category);
                    }
                }
                self.outlines.subscriptions.push(Subscription {
                    title,
                    xml_url,
                    categories,
                    disabled: attributes.disabled,
                    line,
                });
            }
            None => open.folder = title,
        }
        Ok(open)
    }

    fn attributes(&self, tag: &BytesStart<'_>, offset: usize) -> Result<Attributes, OpmlError> {
        let mut found = Attributes::default();
        let mut url = None;
        // Duplicated attributes are not well-formed XML, but every reader tolerates them.
        for attribute in tag.attributes().with_checks(false) {
            let attribute = attribute.map_err(|error| {
                // Attribute errors count from the tag's name, one past its `<`.
                let (at, message) = attribute_error(&error);
                OpmlError::at(self.text, offset + 1 + at, message)
            })?;
            let value = &attribute.value;
            let (namespace, local) = self.reader.resolver().resolve_attribute(attribute.key);
            let local = local.as_ref().to_ascii_lowercase();
            match namespace {
                ResolveResult::Bound(namespace)
                    if namespace.0 == MINIFLUX_NAMESPACE && local == "disabled" =>
                {
                    found.disabled = go_true(value);
                }
                ResolveResult::Unbound => match local.as_str() {
                    "xmlurl" => found.xml_url = non_empty(decode_entities(value).trim()),
                    "url" => url = non_empty(decode_entities(value).trim()),
                    "title" => found.title = label(value),
                    "text" => found.text = label(value),
                    "type" => found.kind = Some(decode_entities(value).trim().to_string()),
                    "category" => found.categories = categories(value),
                    _ => {}
                },
                _ => {}
            }
        }
        // Some readers wrote `url` for a feed outline's address; with type="rss" it is one.
        let is_feed_type = found
            .kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("rss") || k.eq_ignore_ascii_case("atom"));
        if found.xml_url.is_none() && is_feed_type {
            found.xml_url = url;
        }
        Ok(found)
    }
}

/// The attributes of an outline that matter here.
#[derive(Default)]
struct Attributes {
    xml_url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    kind: Option<String>,
    categories: Vec<String>,
    disabled: bool,
}

/// The offset (from the tag's name) and words of a malformed attribute.
fn attribute_error(error: &quick_xml::events::attributes::AttrError) -> (usize, String) {
    use quick_xml::events::attributes::AttrError;
    let at = match *error {
        AttrError::ExpectedEq(at)
        | AttrError::ExpectedValue(at)
        | AttrError::UnquotedValue(at)
        | AttrError::ExpectedQuote(at, _)
        | AttrError::Duplicated(at, _) => at,
    };
    // quick-xml's words start with "position N: ", which counts from the wrong place.
    let words = error.to_string();
    let words = words.split_once(": ").map_or(words.as_str(), |(_, w)| w);
    (at, format!("not well-formed XML: {words}"))
}

/// FreshRSS's types for sources that are not feeds but web pages or JSON it scrapes; only
/// `rss` (any feed) and `JSONFeed` are feeds newswatch reads.
fn unreadable_type(kind: &str) -> Option<String> {
    let lower = kind.to_ascii_lowercase();
    (lower.contains("xpath") || lower.contains("dotnotation") || lower.contains("dotpath"))
        .then(|| format!("a FreshRSS web-scraping source (type {kind}), not a feed"))
}

/// XML's and HTML's entities and character references; a bare `&` (common in URLs written by
/// hand) stays as it is.
fn decode_entities(raw: &str) -> Cow<'_, str> {
    if raw.contains('&') {
        html_escape::decode_html_entities(raw)
    } else {
        Cow::Borrowed(raw)
    }
}

/// A title or folder name: entities decoded (twice when the writer escaped them twice, as in
/// `AT&amp;amp;T`), whitespace collapsed; `None` when blank.
fn label(raw: &str) -> Option<String> {
    let once = decode_entities(raw);
    let twice = match once.contains('&') {
        true => html_escape::decode_html_entities(&once).into_owned(),
        false => once.into_owned(),
    };
    non_empty(&twice.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The OPML 2.0 `category` attribute: comma-separated, each a tag (`news`) or a slash path
/// (`/news/world`), whose every part is taken.
fn categories(raw: &str) -> Vec<String> {
    let decoded = decode_entities(raw);
    decoded
        .split(',')
        .flat_map(|entry| entry.split('/'))
        .filter_map(label)
        .collect()
}

/// Go's `strconv.ParseBool` truths, which is how Miniflux reads its attributes.
fn go_true(value: &str) -> bool {
    matches!(value.trim(), "1" | "t" | "T" | "true" | "TRUE" | "True")
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

fn whitespace_at(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feeds(opml: &str) -> Vec<Subscription> {
        read_opml(opml.as_bytes())
            .unwrap_or_else(|e| panic!("{}", e.in_file("t.opml")))
            .subscriptions
    }

    fn error(opml: &str) -> String {
        match read_opml(opml.as_bytes()) {
            Ok(outlines) => panic!("expected an error, read {outlines:?}"),
            Err(error) => error.in_file("t.opml"),
        }
    }

    #[test]
    fn attribute_names_are_read_in_any_case_and_type_may_be_missing() {
        let found = feeds(
            "<opml version=\"1.0\"><body>\
             <outline text=\"A\" xmlurl=\"https://a.test/feed\"/>\
             <outline TEXT=\"B\" XMLURL=\"https://b.test/feed\" type=\"RSS\"/>\
             <outline text=\"C\" xmlURL=\"https://c.test/feed\"/>\
             <outline text=\"D\" type=\"rss\" url=\"https://d.test/feed\"/>\
             </body></opml>",
        );
        let urls: Vec<&str> = found.iter().map(|s| s.xml_url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://a.test/feed",
                "https://b.test/feed",
                "https://c.test/feed",
                "https://d.test/feed"
            ]
        );
        assert_eq!(found[1].title.as_deref(), Some("B"));
    }

    #[test]
    fn nested_folders_and_the_category_attribute_all_become_categories() {
        let found = feeds(
            "<opml version=\"2.0\"><body>\
             <outline text=\"News\"><outline title=\"World\" text=\"ignored\">\
             <outline text=\"A\" xmlUrl=\"https://a.test/\" category=\"wires,/Asia/China\"/>\
             </outline></outline>\
             <outline text=\"Empty folder\"/>\
             <outline text=\"A link\" type=\"link\" url=\"https://example.test/\"/>\
             <outline text=\"B\" xmlUrl=\"https://b.test/\"/>\
             </body></opml>",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].categories,
            ["News", "World", "wires", "Asia", "China"]
        );
        assert!(found[1].categories.is_empty());
    }

    #[test]
    fn html_entities_and_double_escaping_are_decoded_and_a_bare_ampersand_kept() {
        let found = feeds(
            "<opml version=\"2.0\"><body>\
             <outline text=\"Caf&eacute;&nbsp;Society &#8211; AT&amp;amp;T\" \
              xmlUrl=\"https://a.test/rss?a=1&b=2&amp;c=3\"/>\
             </body></opml>",
        );
        // The no-break space is whitespace, collapsed like the rest.
        assert_eq!(found[0].title.as_deref(), Some("Café Society – AT&T"));
        assert_eq!(found[0].xml_url, "https://a.test/rss?a=1&b=2&c=3");
    }

    #[test]
    fn miniflux_disabled_is_read_through_its_namespace() {
        let found = feeds(
            "<opml version=\"2.0\" xmlns:mf=\"https://miniflux.app/opml\"><body>\
             <outline text=\"A\" xmlUrl=\"https://a.test/\" mf:disabled=\"true\"/>\
             <outline text=\"B\" xmlUrl=\"https://b.test/\" disabled=\"true\"/>\
             </body></opml>",
        );
        assert!(found[0].disabled);
        assert!(
            !found[1].disabled,
            "an attribute outside the namespace says nothing"
        );
    }

    #[test]
    fn scraping_sources_are_set_apart() {
        let outlines = read_opml(
            b"<opml version=\"2.0\"><body>\
              <outline text=\"Page\" type=\"HTML+XPath\" xmlUrl=\"https://a.test/page.html\"/>\
              <outline text=\"JSON\" type=\"JSONFeed\" xmlUrl=\"https://b.test/feed.json\"/>\
              </body></opml>",
        )
        .expect("valid");
        assert_eq!(outlines.subscriptions.len(), 1);
        assert_eq!(outlines.unreadable.len(), 1);
        assert!(outlines.unreadable[0].reason.contains("HTML+XPath"));
    }

    #[test]
    fn a_latin1_file_is_decoded_by_its_declaration() {
        let mut bytes =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml version=\"1.0\"><body>\
              <outline text=\"Le Monde \xe9conomie\" xmlUrl=\"https://a.test/\"/></body></opml>"
                .to_vec();
        bytes.push(b'\n');
        assert_eq!(
            read_opml(&bytes).expect("valid").subscriptions[0]
                .title
                .as_deref(),
            Some("Le Monde économie")
        );
    }

    #[test]
    fn malformed_files_are_refused_with_a_position() {
        assert_eq!(
            error(
                "<opml version=\"2.0\">\n<body>\n  <outline text=\"A\" xmlUrl=\"https://a.test/\">\n</body></opml>"
            ),
            "t.opml:4:1: not well-formed XML: ill-formed document: expected `</outline>`, but `</body>` was found"
        );
        assert_eq!(
            error("<opml version=\"2.0\">\n<body>\n<outline text=A xmlUrl=\"x\"/></body></opml>"),
            "t.opml:3:15: not well-formed XML: attribute value must be enclosed in `\"` or `'`"
        );
        assert_eq!(
            error(
                "<opml version=\"2.0\">\n<body>\n<outline text=\"A\" xmlUrl=\"https://a.test/\"/>\n"
            ),
            "t.opml:4:1: the file ends inside <body> (opened at line 2): it was cut short"
        );
        assert_eq!(
            error("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>"),
            "t.opml:2:1: not an OPML file: the root element is <rss>, not <opml>: it looks like \
             a feed, which goes in [[feed]] url"
        );
        assert_eq!(error("  \n"), "t.opml: the file is empty");
        assert_eq!(
            error("<opml version=\"2.0\"><head/></opml>"),
            "t.opml: <opml> has no <body>, where feeds are listed"
        );
    }
}
