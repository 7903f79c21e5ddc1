//! Text and link normalization: the pure functions that turn feed markup into display text,
//! display text into the folded form rules match against, and article links into the
//! canonical form that deduplicates one article arriving through several feeds.
//!
//! Everything here runs on every item of every poll, so each function makes one pass over its
//! input and takes a fast path for the common case (plain text, ASCII). There is no I/O and no
//! state: the item side and the query side of the rule engine call the same functions, which is
//! what makes their words comparable (docs/QUERY.md, "How text is compared").

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use url::Url;

/// Turns an HTML (or plain text) fragment into display text: tags stripped, `<script>` and
/// `<style>` contents dropped, block-level tags and `<br>` turned into a space, HTML entities
/// decoded, whitespace collapsed to single spaces and trimmed. Case is kept.
pub fn html_to_text(html: &str) -> String {
    let mut out = CollapsedText::with_capacity(html.len());
    if !html.contains(['<', '&']) {
        out.push_str(html);
        return out.finish();
    }

    let bytes = html.as_bytes();
    let mut text_start = 0;
    let mut pos = 0;
    while let Some(offset) = memchr_lt(&bytes[pos..]) {
        let lt = pos + offset;
        let Some(markup) = scan_markup(html, lt) else {
            // A '<' that does not open a tag ("a < b") is text.
            pos = lt + 1;
            continue;
        };
        out.push_text_with_entities(&html[text_start..lt]);
        match markup.kind {
            MarkupKind::Cdata(inner) => out.push_str(inner),
            MarkupKind::Ignored => {}
            MarkupKind::Tag { block } => {
                if block {
                    out.push_space();
                }
            }
        }
        pos = markup.end;
        text_start = markup.end;
    }
    out.push_text_with_entities(&html[text_start..]);
    out.finish()
}

/// Folds display text into the form that rules match against: Unicode NFKC, lower case,
/// typographic quotes and apostrophes folded to ASCII, whitespace collapsed and trimmed.
/// Dashes such as `–` and `—` are kept: they are word separators to the rule engine already.
pub fn normalize_for_match(text: &str) -> String {
    fold_case_aligned(&normalize_keep_case(text))
}

/// The normalized text that match spans point into: NFKC, typographic quotes folded,
/// whitespace collapsed and trimmed, case kept (case-sensitive regexes such as `/\bBABA\b/`
/// need it). [`fold_case_aligned`] of it is what words are matched in.
pub fn normalize_keep_case(text: &str) -> String {
    if text.is_ascii() {
        return collapse_ascii_whitespace(text);
    }
    let mut out = CollapsedText::with_capacity(text.len());
    // Most non-ASCII news text (curly quotes, accents, CJK) is already in NFKC; the quick
    // check is several times cheaper than running the normalizer over it.
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        out.push_str_folding_quotes(text);
    } else {
        // Quotes are folded before NFKC as well as after it, because NFKC decomposes the
        // double prime ″ into two single primes, which would fold to '' instead of ".
        for c in text.chars().map(fold_quote).nfkc() {
            out.push_char(fold_quote(c));
        }
    }
    out.finish()
}

/// [`CollapsedText`] for ASCII text, copying runs between whitespace whole: ASCII is its own
/// NFKC and holds no typographic quote, so only whitespace changes.
fn collapse_ascii_whitespace(text: &str) -> String {
    // The ASCII characters `char::is_whitespace` accepts (vertical tab included).
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut position = 0;
    while position < bytes.len() {
        let start = position + bytes[position..].iter().take_while(|b| is_space(b)).count();
        let end = start + bytes[start..].iter().take_while(|b| !is_space(b)).count();
        if start < end {
            if !out.is_empty() {
                out.push(' ');
            }
            // Slicing ASCII text anywhere is at a char boundary, and needs no UTF-8 check.
            out.push_str(&text[start..end]);
        }
        position = end;
    }
    out
}

/// Lower-cases `text` character by character wherever that keeps the character's UTF-8
/// length, so that a byte range of the result is the same byte range of the input: words are
/// found in the folded text and shown from the cased one. The few characters whose lower case
/// is longer (`İ`) are kept as they are, on both the item and the query side.
pub fn fold_case_aligned(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        let folded = match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => fold_final_sigma(l),
            _ => c,
        };
        out.push(folded);
    }
    out
}

/// Canonical form of an article link, used to recognise the same article in several feeds:
/// Google Alerts and Google News redirects unwrapped, scheme and host lower-cased, default port
/// and fragment dropped, tracking parameters (`utm_*`, `fbclid`, `gclid`, ...) removed with the
/// other parameters kept in order. `None` for a link that is not absolute http(s).
pub fn canonical_link(link: &str) -> Option<String> {
    // A redirect wrapping a redirect is possible in principle; two levels cover what Google
    // produces, and the bound keeps a crafted link from recursing without end.
    canonical_link_within(link, 2)
}

fn canonical_link_within(link: &str, redirects_left: u8) -> Option<String> {
    let mut url = Url::parse(link.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    if redirects_left > 0
        && let Some(target) = google_redirect_target(&url)
        && let Some(canonical) = canonical_link_within(&target, redirects_left - 1)
    {
        return Some(canonical);
    }
    url.set_fragment(None);
    strip_tracking_params(&mut url);
    // `Url::parse` already lower-cased the scheme and host and dropped a default port.
    Some(url.into())
}

/// The target of a Google redirect link: `google.<tld>/url?...&url=TARGET` (Google Alerts,
/// also `q=TARGET`) and `news.google.com/news/url?...&url=TARGET`. News links of the form
/// `news.google.com/__i/rss/rd/articles/...` carry no readable target and are left alone.
fn google_redirect_target(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    let is_redirect = match url.path() {
        "/url" => host
            .strip_prefix("www.")
            .unwrap_or(host)
            .starts_with("google."),
        "/news/url" => host == "news.google.com",
        _ => false,
    };
    if !is_redirect {
        return None;
    }
    let mut q_target = None;
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "url" if !value.is_empty() => return Some(value.into_owned()),
            "q" if q_target.is_none() && !value.is_empty() => q_target = Some(value.into_owned()),
            _ => {}
        }
    }
    q_target
}

fn strip_tracking_params(url: &mut Url) {
    let Some(query) = url.query() else {
        return;
    };
    if query.is_empty() {
        url.set_query(None);
        return;
    }
    // Work on the raw pairs so the parameters we keep stay byte-for-byte as the publisher
    // wrote them; re-serialising through `query_pairs` would re-encode them.
    let mut kept = String::with_capacity(query.len());
    let mut removed_any = false;
    for pair in query.split('&') {
        let key = pair.split_once('=').map_or(pair, |(key, _)| key);
        if pair.is_empty() || is_tracking_param(key) {
            removed_any = true;
            continue;
        }
        if !kept.is_empty() {
            kept.push('&');
        }
        kept.push_str(pair);
    }
    if !removed_any {
        return;
    }
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.set_query(Some(&kept));
    }
}

fn is_tracking_param(key: &str) -> bool {
    const EXACT: [&str; 11] = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "yclid",
        "ref_src", "gclsrc",
    ];
    let key = key.trim();
    key.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("utm_"))
        || EXACT.iter().any(|name| key.eq_ignore_ascii_case(name))
}

fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        other => other,
    }
}

/// `char::to_lowercase` cannot know whether a Σ ends a word, so an upper-case title would
/// give σ where a lower-case query has ς; folding both to σ (as Unicode case folding does)
/// keeps them comparable. Both are two bytes in UTF-8, so span offsets are unaffected.
fn fold_final_sigma(c: char) -> char {
    if c == 'ς' { 'σ' } else { c }
}

/// Builds text with runs of whitespace collapsed to one space and no leading or trailing
/// space: a pending space is written only when a visible character follows it.
struct CollapsedText {
    text: String,
    space_pending: bool,
}

impl CollapsedText {
    fn with_capacity(capacity: usize) -> Self {
        CollapsedText {
            text: String::with_capacity(capacity),
            space_pending: false,
        }
    }

    fn push_char(&mut self, c: char) {
        if c.is_whitespace() {
            self.push_space();
        } else {
            if self.space_pending {
                self.text.push(' ');
                self.space_pending = false;
            }
            self.text.push(c);
        }
    }

    /// `push_char(fold_quote(c))` for every character, copying the runs in which neither
    /// changes anything whole.
    fn push_str_folding_quotes(&mut self, s: &str) {
        let mut run_start = 0;
        for (i, c) in s.char_indices() {
            let folded = fold_quote(c);
            if folded == c && !c.is_whitespace() {
                continue;
            }
            self.push_visible_run(&s[run_start..i]);
            self.push_char(folded);
            run_start = i + c.len_utf8();
        }
        self.push_visible_run(&s[run_start..]);
    }

    /// Pushes text that holds no whitespace.
    fn push_visible_run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        if self.space_pending {
            self.text.push(' ');
            self.space_pending = false;
        }
        self.text.push_str(run);
    }

    fn push_space(&mut self) {
        self.space_pending = !self.text.is_empty();
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    fn push_text_with_entities(&mut self, text: &str) {
        let decoded: Cow<'_, str> = if text.contains('&') {
            html_escape::decode_html_entities(text)
        } else {
            Cow::Borrowed(text)
        };
        self.push_str(&decoded);
    }

    fn finish(self) -> String {
        self.text
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// One piece of markup found at a '<': where it ends and what it contributes to the text.
struct Markup<'a> {
    end: usize,
    kind: MarkupKind<'a>,
}

enum MarkupKind<'a> {
    /// An element tag; block-level ones separate words.
    Tag { block: bool },
    /// `<![CDATA[...]]>` inside HTML: its contents are literal text.
    Cdata(&'a str),
    /// Comments, doctypes, processing instructions, and script/style elements with their body.
    Ignored,
}

/// Recognises the markup starting at `html[lt] == '<'`, or `None` when the '<' is plain text.
fn scan_markup(html: &str, lt: usize) -> Option<Markup<'_>> {
    let rest = &html[lt..];
    let after = rest.as_bytes().get(1).copied()?;
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(html.len(), |i| lt + 4 + i + 3);
        return Some(Markup {
            end,
            kind: MarkupKind::Ignored,
        });
    }
    if let Some(body) = rest.strip_prefix("<![CDATA[") {
        let (inner, end) = match body.find("]]>") {
            Some(i) => (&body[..i], lt + 9 + i + 3),
            None => (body, html.len()),
        };
        return Some(Markup {
            end,
            kind: MarkupKind::Cdata(inner),
        });
    }
    if after == b'!' || after == b'?' {
        let end = rest.find('>').map_or(html.len(), |i| lt + i + 1);
        return Some(Markup {
            end,
            kind: MarkupKind::Ignored,
        });
    }

    let closing = after == b'/';
    let name_start = if closing { 2 } else { 1 };
    let name_len = rest.as_bytes()[name_start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    if !name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let tag_end = lt + name_start + name_len + find_tag_end(&rest[name_start + name_len..]);

    if !closing && (name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style")) {
        let end = find_closing_tag(html, tag_end, name);
        return Some(Markup {
            end,
            kind: MarkupKind::Ignored,
        });
    }
    Some(Markup {
        end: tag_end,
        kind: MarkupKind::Tag {
            block: is_block_tag(name),
        },
    })
}

/// Offset just past the '>' that closes a tag, skipping '>' inside quoted attribute values.
/// An unterminated quote falls back to the first '>' so one stray quote cannot swallow the
/// rest of the text.
fn find_tag_end(attrs: &str) -> usize {
    let mut quote = None;
    for (i, b) in attrs.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    attrs.find('>').map_or(attrs.len(), |i| i + 1)
}

/// Offset just past `</name ...>` at or after `from`, or the end of the text when it is missing.
fn find_closing_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(offset) = memchr_lt(&bytes[pos..]) {
        let lt = pos + offset;
        let candidate = &bytes[lt..];
        if candidate.get(1) == Some(&b'/')
            && candidate
                .get(2..2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            let after_name = lt + 2 + name.len();
            return after_name + find_tag_end(&html[after_name..]);
        }
        pos = lt + 1;
    }
    html.len()
}

fn is_block_tag(name: &str) -> bool {
    const BLOCK: [&str; 40] = [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ];
    name.len() <= 10 && BLOCK.iter().any(|block| name.eq_ignore_ascii_case(block))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_collapse_agrees_with_the_general_path(text in "[a-b '\"\t\n\r\x0b\x0c\x1f.]{0,20}") {
            let mut general = CollapsedText::with_capacity(text.len());
            general.push_str(&text);
            proptest::prop_assert_eq!(collapse_ascii_whitespace(&text), general.finish());
        }

        #[test]
        fn quote_folding_runs_agree_with_char_by_char(text in "[a-b ’‘“\u{a0}\u{3000}阿\n]{0,20}") {
            let mut by_char = CollapsedText::with_capacity(text.len());
            for c in text.chars() {
                by_char.push_char(fold_quote(c));
            }
            let mut by_run = CollapsedText::with_capacity(text.len());
            by_run.push_str_folding_quotes(&text);
            proptest::prop_assert_eq!(by_run.finish(), by_char.finish());
        }
    }

    #[test]
    fn case_folding_keeps_byte_offsets() {
        for text in ["Alibaba’s ÉCOLE ΣΟΦΟΣ 阿里巴巴 İstanbul", "PLA", "Straße ǅ"] {
            let cased = normalize_keep_case(text);
            let folded = fold_case_aligned(&cased);
            assert_eq!(cased.len(), folded.len(), "{text}");
            assert!(
                cased
                    .char_indices()
                    .all(|(i, _)| folded.is_char_boundary(i))
            );
        }
        assert_eq!(fold_case_aligned("ÉCOLE ΣΟΦΟΣ"), "école σοφοσ");
        assert_eq!(normalize_keep_case("People’s  Ａrmy"), "People's Army");
    }

    #[test]
    fn html_to_text_strips_markup_and_decodes_entities() {
        let cases = [
            ("plain text stays", "plain text stays"),
            ("  spaced \n\t out  ", "spaced out"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("Caf&eacute; &aacute;", "Café á"),
            ("People&#8217;s &#x2019;", "People’s ’"),
            ("AT&T and a & b", "AT&T and a & b"),
            ("<b>Ali</b>baba Group", "Alibaba Group"),
            ("<p>one</p><p>two</p>", "one two"),
            ("line<br>break<br/>again<BR />end", "line break again end"),
            (
                "<a href=\"x?a=1&b=2\" title='a > b'>link</a> text",
                "link text",
            ),
            ("a<script>var x = '<p>';</script>b", "ab"),
            ("a <STYLE type=\"text/css\">p { x: 1 }</style> b", "a b"),
            ("x <script>never closed", "x"),
            ("a <!-- hidden <b> --> b", "a b"),
            ("<![CDATA[kept <raw>]]> text", "kept <raw> text"),
            ("1 < 2 and 3 <= 4", "1 < 2 and 3 <= 4"),
            ("&lt;b&gt;escaped&lt;/b&gt;", "<b>escaped</b>"),
            ("non&nbsp;breaking&nbsp;&nbsp;space", "non breaking space"),
            ("<li>first</li><li>second</li>", "first second"),
            ("tail <unterminated", "tail"),
            ("", ""),
            ("<p></p>", ""),
        ];
        for (input, want) in cases {
            assert_eq!(html_to_text(input), want, "input {input:?}");
        }
    }

    #[test]
    fn normalize_for_match_folds_case_width_and_quotes() {
        let cases = [
            ("Alibaba", "alibaba"),
            ("People’s Liberation Army", "people's liberation army"),
            (
                "‘quoted’ “double” „low“ ″inch″ 5′",
                "'quoted' \"double\" \"low\" \"inch\" 5'",
            ),
            ("ＡＢＣ　ｄｅｆ", "abc def"),
            ("US–China — talks", "us–china — talks"),
            ("  many   spaces\n\there ", "many spaces here"),
            ("阿里巴巴集团", "阿里巴巴集团"),
            ("ΟΔΟΣ οδός", "οδοσ οδόσ"),
            ("ﬁnance", "finance"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_for_match(input), want, "input {input:?}");
        }
    }

    #[test]
    fn normalize_for_match_is_idempotent() {
        for input in ["People’s ＡＢＣ", "Straße ΣΟΦΙΑ", "  x  "] {
            let once = normalize_for_match(input);
            assert_eq!(normalize_for_match(&once), once, "input {input:?}");
        }
    }

    #[test]
    fn canonical_link_removes_noise_and_unwraps_redirects() {
        let cases: [(&str, Option<&str>); 14] = [
            (
                "https://Example.COM/a/B?x=1",
                Some("https://example.com/a/B?x=1"),
            ),
            (
                "https://example.com/story?utm_source=rss&id=7&utm_medium=feed&fbclid=abc&page=2",
                Some("https://example.com/story?id=7&page=2"),
            ),
            (
                "https://example.com/story?utm_campaign=x",
                Some("https://example.com/story"),
            ),
            (
                "https://example.com/story#comments",
                Some("https://example.com/story"),
            ),
            ("http://example.com:80/x", Some("http://example.com/x")),
            (
                "https://example.com:8443/x",
                Some("https://example.com:8443/x"),
            ),
            (
                "HTTPS://example.com/x?gclid=1&MSCLKID=2&_ga=3",
                Some("https://example.com/x"),
            ),
            (
                "https://www.google.com/url?rct=j&sa=t&url=https://investorplace.com/2019/07/slack-stock-truly-compelling/&ct=ga&cd=CAIyHGU4ZTJkZjQ3OTVkYmIzMTc6Y28uanA6ZW46SlA&usg=AFQjCNEZXRySX8eW_IyksUe5d7lidLUXxg",
                Some("https://investorplace.com/2019/07/slack-stock-truly-compelling/"),
            ),
            (
                "https://www.google.com/url?q=https%3A%2F%2FNews.example.com%2Fa%3Fid%3D1%26utm_source%3Dx%23top&sa=D",
                Some("https://news.example.com/a?id=1"),
            ),
            (
                "https://news.google.com/news/url?sa=t&fd=R&url=http://www.reuters.com/article/x?utm_medium=rss",
                Some("http://www.reuters.com/article/x"),
            ),
            (
                "https://news.google.com/__i/rss/rd/articles/CBMiiwFodHRwczovL3d3dy5ydGJm?oc=5",
                Some(
                    "https://news.google.com/__i/rss/rd/articles/CBMiiwFodHRwczovL3d3dy5ydGJm?oc=5",
                ),
            ),
            ("ftp://example.com/file", None),
            ("mailto:desk@example.org", None),
            ("/relative/path", None),
        ];
        for (input, want) in cases {
            assert_eq!(canonical_link(input).as_deref(), want, "input {input:?}");
        }
    }

    #[test]
    fn canonical_link_keeps_a_redirect_whose_target_is_not_http() {
        let link = "https://www.google.com/url?url=javascript:alert(1)";
        assert_eq!(canonical_link(link).as_deref(), Some(link));
    }

    #[test]
    fn canonical_link_unwraps_every_google_alerts_link_in_the_corpus() {
        let xml = read_corpus_file("google_alerts.atom");
        let mut unwrapped = 0;
        for href in xml
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            let href = href.replace("&amp;", "&");
            if !href.starts_with("https://www.google.com/url?") {
                continue;
            }
            let canonical = canonical_link(&href).unwrap_or_default();
            assert!(!canonical.contains("google.com"), "{href} -> {canonical}");
            assert!(canonical.starts_with("http"), "{href} -> {canonical}");
            unwrapped += 1;
        }
        assert!(
            unwrapped > 0,
            "expected Google Alerts redirect links in the corpus file"
        );
    }

    /// The corpus lives in `../shared/` beside the checkout, in development and in CI alike;
    /// `NEWSWATCH_CORPUS` points elsewhere for a checkout that has no such neighbour.
    fn read_corpus_file(name: &str) -> String {
        let path = std::env::var("NEWSWATCH_CORPUS").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/realworld").to_owned()
        });
        std::fs::read_to_string(format!("{path}/{name}"))
            .unwrap_or_else(|e| panic!("corpus file {path}/{name}: {e}"))
    }
}
