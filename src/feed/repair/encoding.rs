//! Step 1 of the repair layer: settle the character encoding and hand back UTF-8 text whose XML
//! declaration says so. feed-rs only honours the XML declaration and only knows WHATWG labels,
//! while real servers send Windows and DOS code-page names, omit the declaration on legacy
//! bytes, declare one encoding and send another, and emit UTF-16 that makes quick-xml panic.
//!
//! The evidence is weighed in this order: a byte order mark (or NUL-interleaved UTF-16), bytes
//! that are UTF-8 (below), the HTTP `charset`, the XML declaration, and last chardetng's
//! statistical guess. A declared legacy encoding that the bytes contradict is also handed to
//! chardetng: a multi-byte one when the bytes do not decode cleanly in it, a single-byte one
//! when chardetng finds clean multi-byte text (GBK labelled ISO-8859-1).
//!
//! # UTF-8 with damaged bytes
//!
//! Bytes are UTF-8 when their non-ASCII sequences are mostly valid UTF-8, whatever a label
//! says, and then a sequence that is not becomes U+FFFD, alone: one bad byte (a truncated
//! character from a CMS, a stray Latin-1 byte pasted into UTF-8) costs one character, never
//! the document. The rule counts, over the whole body, the valid multi-byte sequences and the
//! invalid ones (each maximal invalid subpart once, as the Unicode substitution practice and
//! the replacement characters do), and reads UTF-8 when the valid ones are at least twice as
//! many ([`is_damaged_utf8`]). Legacy text forms a valid sequence only by accident, a lead
//! byte (0xC2 to 0xF4) followed by the right number of continuation bytes (0x80 to 0xBF): in
//! the corpus's 20 legacy feeds, single-byte ones (Windows-1251, ISO-8859-7, Latin-1) have at
//! most 1 valid sequence against thousands of invalid ones, and the double-byte ones (GBK,
//! Big5) at most 0.31 valid per invalid; damaged UTF-8 has one to four invalid sequences per
//! damaged byte among hundreds of valid ones. A ratio of 2 leaves a margin of six on the legacy
//! side and still reads UTF-8 with one sequence in three damaged. Below it the bytes go the
//! legacy way as before, so Windows-1252 sent as `charset=utf-8` (valid sequences: none) is
//! still read as Windows-1252.
//!
//! A body cut short (a connection or a server that stopped mid-document) often ends inside a
//! character. That last piece counts neither for nor against an encoding: left out, it would
//! have been in the entry the cut fell in, which is not read (`repair::truncated`).
//!
//! A declared double-byte encoding (GBK, Big5, Shift_JIS, EUC) the bytes do not decode cleanly
//! in is weighed likewise. Damage costs about one replacement character per damaged byte; a
//! label that does not fit the text costs more, but not always much more: the corpus's GB2312
//! feeds read as Big5 replace 0 to 2.7% of their characters, as EUC-KR 1.2 to 2.2%, and
//! Latin-1, Cyrillic and Greek feeds read as GBK or Big5 2.4% and up. So the label stands,
//! with replacement characters, only when at most one character in a hundred is replaced
//! ([`is_rarely_replaced`]) and chardetng, asked about the same bytes, finds no double-byte
//! encoding that reads them cleanly (as it finds GBK under a Big5 label). Before, one damaged
//! byte in a GBK feed went to chardetng alone, which ruled GBK out and chose Windows-1252.

use std::borrow::Cow;
use std::ops::Range;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, ISO_2022_JP, UTF_8, UTF_16BE, UTF_16LE};
use memchr::memmem;

/// A feed body as UTF-8 text that feed-rs will read as UTF-8.
#[derive(Debug)]
pub(crate) enum Document<'a> {
    /// JSON Feed, UTF-8 by definition: passed through untouched (minus a BOM) when it is valid,
    /// else decoded as XML is.
    Json(Cow<'a, [u8]>),
    /// XML decoded from its real encoding, with the declaration's encoding rewritten to UTF-8.
    Xml(String),
}

/// Decodes `body`. `content_type` is the HTTP header; `tld` the top-level domain the body came
/// from, which sharpens chardetng's guess between scripts (`ru`, `tw`, `cn`). `None` when the
/// body holds nothing but whitespace.
pub(crate) fn decode<'a>(
    body: &'a [u8],
    content_type: Option<&str>,
    tld: Option<&str>,
) -> Option<Document<'a>> {
    let (encoding, bom_len) = match Encoding::for_bom(body) {
        Some(found) => found,
        None => (sniff_utf16_without_bom(body).unwrap_or(UTF_8), 0),
    };
    let content = &body[bom_len..];
    match content.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return None,
        Some(b'{') if encoding == UTF_8 => {
            // JSON is UTF-8 by definition, but serde_json rejects the whole document for one
            // bad byte in a string: damaged bytes are settled here as for XML.
            let json = match utf8_but_a_cut_character(content) {
                Some(text) => Cow::Borrowed(text.as_bytes()),
                None => Cow::Owned(decode_unmarked(content, content_type, tld).into_bytes()),
            };
            return Some(Document::Json(json));
        }
        Some(_) => {}
    }
    let mut text = if encoding == UTF_8 && bom_len == 0 {
        decode_unmarked(content, content_type, tld)
    } else {
        // Malformed sequences become U+FFFD rather than failing the whole feed: one bad
        // byte in a description should not hide every headline.
        encoding.decode_without_bom_handling(content).0.into_owned()
    };
    settle_declaration(&mut text);
    Some(Document::Xml(text))
}

/// Makes the text's XML declaration agree with its new encoding. feed-rs's reader (quick-xml)
/// switches decoders when a declaration names another encoding, and panics when that
/// declaration is not at the very start; and feed-rs looks for the root only in the first 8 KiB.
/// So leading whitespace goes, the leading declaration says UTF-8, and a declaration anywhere
/// else (not XML at all) is blanked out.
fn settle_declaration(text: &mut String) {
    let leading = text.len() - text.trim_start().len();
    if leading > 0 {
        text.drain(..leading);
    }
    // A leading declaration that names an encoding is replaced whole rather than edited in
    // place: quick-xml reads it up to the first `?>`, however far away, and obeys whatever
    // `encoding` attribute it finds there. A fuzzed body whose unterminated declaration ran on
    // past the first kilobyte escaped an in-place edit (which gives up after 512 bytes) and
    // made quick-xml panic switching decoders.
    let mut leading_end = 0;
    if let Some(end) = leading_declaration_end(text) {
        leading_end = end;
        if text[..end].contains("encoding") {
            text.replace_range(..end, UTF8_DECLARATION);
            leading_end = UTF8_DECLARATION.len();
        }
    }
    // Only past the leading declaration: a `<?xml ` inside it (fuzzing) is part of it, and
    // cutting from there to the `?>` that closes both once joined the leading one to a later
    // declaration naming big5. Spans are found in the text as it is, a `<?xml ` inside an
    // earlier span belonging to that span; each is blanked to a space, not removed, so that the
    // text on either side cannot join into a new `<?xml `.
    let bytes = text.as_bytes();
    let mut misplaced: Vec<(usize, usize)> = Vec::new();
    for at in memmem::find_iter(&bytes[leading_end..], b"<?xml").map(|at| leading_end + at) {
        let inside_previous = misplaced.last().is_some_and(|&(_, end)| at < end);
        if at == 0 || inside_previous || !bytes.get(at + 5).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        let end = memmem::find(&bytes[at..], b"?>").map_or(bytes.len(), |end| at + end + 2);
        misplaced.push((at, end));
    }
    // Later ones first, so the offsets of earlier ones hold.
    for (at, end) in misplaced.into_iter().rev() {
        text.replace_range(at..end, " ");
    }
}

const UTF8_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Where the XML declaration at the start of `text` ends (after its `?>`), delimited the way
/// quick-xml delimits it: `<?xml` then a space or `?`, up to the first `?>`.
fn leading_declaration_end(text: &str) -> Option<usize> {
    let after_name = text.strip_prefix("<?xml")?;
    if !after_name.starts_with(['?', ' ', '\t', '\r', '\n']) {
        return None;
    }
    text.find("?>").map(|end| end + 2)
}

/// Decodes a body without a byte order mark, weighing the declared labels against the bytes.
fn decode_unmarked(body: &[u8], content_type: Option<&str>, tld: Option<&str>) -> String {
    // Valid UTF-8 (ASCII included) is UTF-8 whatever a label says: servers and CMSs routinely
    // label UTF-8 as ISO-8859-1, and for ASCII every label we accept agrees anyway.
    if let Some(text) = utf8_but_a_cut_character(body) {
        // The one 7-bit legacy encoding encoding_rs decodes: its escape sequences are ASCII.
        let iso_2022_jp = memchr::memchr(0x1B, body).is_some()
            && declared_encoding(body, content_type) == Some(ISO_2022_JP);
        if !iso_2022_jp {
            return text.to_owned();
        }
    }
    if is_damaged_utf8(body) {
        return String::from_utf8_lossy(body).into_owned();
    }
    let declared = declared_encoding(body, content_type)
        // Without a BOM or NUL-interleaved bytes a UTF-16 label contradicts the bytes, and
        // these bytes are not UTF-8 whatever their label claims.
        .filter(|encoding| ![UTF_8, UTF_16LE, UTF_16BE].contains(encoding));
    let guessed = match declared {
        Some(declared) if !declared.is_single_byte() => {
            let (text, had_errors) = decode_but_a_cut_character(declared, body);
            if !had_errors {
                return text;
            }
            let guessed = guess_encoding(body, tld);
            let guess_reads_cleanly =
                !guessed.is_single_byte() && !guessed.decode_without_bom_handling(body).1;
            if !guess_reads_cleanly && is_rarely_replaced(&text) {
                return text;
            }
            guessed
        }
        // Every byte sequence decodes without error in a single-byte encoding, so only a
        // detector can tell that "ISO-8859-1" is really GBK. It overrules the label only for a
        // multi-byte encoding the bytes decode cleanly in: between two single-byte encodings
        // its guess is no better than the publisher's word.
        Some(declared) => {
            let guessed = guess_encoding(body, tld);
            if guessed.is_single_byte() || guessed.decode_without_bom_handling(body).1 {
                declared
            } else {
                guessed
            }
        }
        None => guess_encoding(body, tld),
    };
    guessed.decode_without_bom_handling(body).0.into_owned()
}

/// `body` as text if it is valid UTF-8, or would be but for a last character cut in half,
/// which is left out: a body cut short mid-character is no evidence against UTF-8, and the
/// entry it was cut in is not read anyway (`repair::truncated`). Counted as damage instead, it
/// made a cut feed with one non-ASCII character before the cut go to chardetng's guess.
fn utf8_but_a_cut_character(body: &[u8]) -> Option<&str> {
    match std::str::from_utf8(body) {
        Ok(text) => Some(text),
        Err(error) if error.error_len().is_none() => Some(
            std::str::from_utf8(&body[..error.valid_up_to()])
                .expect("bytes are valid UTF-8 up to valid_up_to"),
        ),
        Err(_) => None,
    }
}

/// `body` decoded from `encoding` but for a last character cut in half, which is left out (as
/// in [`utf8_but_a_cut_character`]), and whether anything else failed to decode. Counted as
/// an error, the cut sent a short GBK feed to chardetng, which read it as something else.
fn decode_but_a_cut_character(encoding: &'static Encoding, body: &[u8]) -> (String, bool) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    // Not the last input: an incomplete last character waits in the decoder for more bytes.
    let (_, _, had_errors) = decoder.decode_to_string(body, &mut text, false);
    (text, had_errors)
}

/// Whether `body`, which is not valid UTF-8, is UTF-8 with a few damaged sequences rather than
/// legacy text: its valid multi-byte sequences are at least twice as many as its invalid ones
/// (the module doc gives the figures behind the ratio).
fn is_damaged_utf8(body: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        // Each multi-byte character has exactly one lead byte, 0xC0 or above.
        valid += chunk.valid().bytes().filter(|byte| *byte >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid > 0 && valid >= 2 * invalid
}

/// Whether legacy double-byte text decoded with a few errors is damaged text in the right
/// encoding: at most one character in a hundred is a replacement (the module doc gives the
/// figures behind the share).
fn is_rarely_replaced(text: &str) -> bool {
    let (mut non_ascii, mut replaced) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        replaced += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    replaced * 100 <= non_ascii
}

/// The encoding named by the HTTP charset, else by the XML declaration.
fn declared_encoding(body: &[u8], content_type: Option<&str>) -> Option<&'static Encoding> {
    content_type
        .and_then(http_charset)
        .and_then(encoding_for_label)
        .or_else(|| xml_declared_encoding(body).and_then(encoding_for_label))
}

/// chardetng's guess for bytes known not to be UTF-8.
fn guess_encoding(body: &[u8], tld: Option<&str>) -> &'static Encoding {
    // chardetng runs at tens of MB/s; a window of text from the first non-ASCII byte on is as
    // telling as the whole of a megabyte feed and keeps the check cheap on well-labelled ones.
    const SAMPLE: usize = 64 * 1024;
    let start = body.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let sample = &body[start..body.len().min(start + SAMPLE)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // `last` only when the sample is the whole rest: a cut character is not an error.
    detector.feed(sample, start + sample.len() == body.len());
    // chardetng panics on a TLD with a period, upper case or non-ASCII: pass only clean ones.
    let tld = tld
        .filter(|tld| !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_lowercase()))
        .map(str::as_bytes);
    detector.guess(tld, Utf8Detection::Deny)
}

fn sniff_utf16_without_bom(body: &[u8]) -> Option<&'static Encoding> {
    // UCS-2 is UTF-16 without surrogates, so one check serves both. The second character may
    // be any ASCII letter (`<rss`, `<feed`, `<RDF`), `?` or `!`.
    match body.get(..4)? {
        [b'<', 0, second, 0] if second.is_ascii_graphic() => Some(UTF_16LE),
        [0, b'<', 0, second] if second.is_ascii_graphic() => Some(UTF_16BE),
        [b' ' | b'\n' | b'\r' | b'\t', 0, _, 0] => Some(UTF_16LE),
        [0, b' ' | b'\n' | b'\r' | b'\t', 0, _] => Some(UTF_16BE),
        _ => None,
    }
}

/// The `charset` parameter of a `Content-Type` header value.
pub(crate) fn http_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
            .filter(|value| !value.is_empty())
    })
}

/// An encoding for a label: WHATWG labels through encoding_rs, then the spellings servers use
/// that WHATWG does not list (`windows_1252`, `latin-1`, `cp936`, `ibm866`, `MacRoman`). A label
/// naming an encoding encoding_rs lacks (`cp437`, `cp850`) is `None`, which leaves the choice to
/// detection rather than to a look-alike code page.
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    if let Some(encoding) = Encoding::for_label(label.as_bytes()) {
        return Some(encoding);
    }
    let compact: String = label
        .trim()
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(encoding) = Encoding::for_label(compact.as_bytes()) {
        return Some(encoding);
    }
    if let Some(page) = code_page_number(&compact) {
        return encoding_for_code_page(page);
    }
    let name = match compact.as_str() {
        "macroman" | "xmacroman" => "macintosh",
        "maccyrillic" | "xmaccyrillic" | "macukrainian" => "x-mac-cyrillic",
        "utf16" | "ucs2" | "unicode" => "utf-16le",
        "sjis" | "shiftjis" | "mskanji" => "shift_jis",
        "eucjp" => "euc-jp",
        "euckr" => "euc-kr",
        "gb2312" | "gb231280" | "euccn" => "gbk",
        "big5hkscs" | "big5" => "big5",
        "koi8r" => "koi8-r",
        "koi8u" => "koi8-u",
        other => {
            return iso_8859_part(other).and_then(|label| Encoding::for_label(label.as_bytes()));
        }
    };
    Encoding::for_label(name.as_bytes())
}

/// `cp1252`, `windows1252`, `win1251`, `ms936`, `ibm866`, `codepage437`: the code page number.
fn code_page_number(compact: &str) -> Option<u32> {
    [
        "codepage", "windows", "xcp", "csibm", "win", "cp", "ms", "ibm",
    ]
    .iter()
    .find_map(|prefix| compact.strip_prefix(prefix))
    .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
    .and_then(|digits| digits.parse().ok())
}

fn encoding_for_code_page(page: u32) -> Option<&'static Encoding> {
    let label = match page {
        874 => "windows-874".to_owned(),
        1250..=1258 => format!("windows-{page}"),
        932 => "shift_jis".to_owned(),
        936 => "gbk".to_owned(),
        949 => "euc-kr".to_owned(),
        950 => "big5".to_owned(),
        866 => "ibm866".to_owned(),
        1200 => "utf-16le".to_owned(),
        1201 => "utf-16be".to_owned(),
        10000 => "macintosh".to_owned(),
        10007 | 10017 => "x-mac-cyrillic".to_owned(),
        20866 => "koi8-r".to_owned(),
        21866 => "koi8-u".to_owned(),
        20932 | 51932 => "euc-jp".to_owned(),
        28591..=28606 => format!("iso-8859-{}", page - 28590),
        50220..=50222 => "iso-2022-jp".to_owned(),
        51936 => "gbk".to_owned(),
        54936 => "gb18030".to_owned(),
        65001 => "utf-8".to_owned(),
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// `iso88597`, `iso8859part7`, `8859-7`, `latin-9`: an ISO-8859 label encoding_rs knows.
fn iso_8859_part(compact: &str) -> Option<String> {
    if let Some(number) = compact.strip_prefix("latin") {
        // Latin-N is not ISO-8859-N past 4.
        let part = match number {
            "1" => "1",
            "2" => "2",
            "3" => "3",
            "4" => "4",
            "5" => "9",
            "6" => "10",
            "7" => "13",
            "8" => "14",
            "9" => "15",
            "10" => "16",
            _ => return None,
        };
        return Some(format!("iso-8859-{part}"));
    }
    let part = compact
        .strip_prefix("iso8859")
        .or_else(|| compact.strip_prefix("8859"))?
        .trim_start_matches("part");
    part.parse::<u8>()
        .ok()
        .map(|part| format!("iso-8859-{part}"))
}

/// The value of `encoding="..."` in the XML declaration, if the body starts with one.
fn xml_declared_encoding(body: &[u8]) -> Option<&str> {
    let range = xml_declared_encoding_range(body)?;
    std::str::from_utf8(&body[range]).ok()
}

/// Byte range of the `encoding` value inside a leading `<?xml ... ?>` declaration. Works on
/// the raw bytes (ASCII-compatible encodings) and on the decoded text alike.
fn xml_declared_encoding_range(doc: &[u8]) -> Option<Range<usize>> {
    // A declaration longer than this is not one a real server writes.
    const MAX_DECLARATION: usize = 512;
    let start = doc.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &doc[start..doc.len().min(start + MAX_DECLARATION)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let declaration = &head[..memmem::find(head, b"?>")?];
    let after_name = memmem::find(declaration, b"encoding")? + b"encoding".len();
    let skip_spaces = |mut pos: usize| {
        while declaration.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        pos
    };
    let mut pos = skip_spaces(after_name);
    if declaration.get(pos) != Some(&b'=') {
        return None;
    }
    pos = skip_spaces(pos + 1);
    let quote = *declaration.get(pos).filter(|q| matches!(q, b'"' | b'\''))?;
    let value_start = pos + 1;
    let value_len = declaration[value_start..]
        .iter()
        .position(|b| *b == quote)?;
    Some(start + value_start..start + value_start + value_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_beyond_whatwg_map_to_encodings() {
        let cases = [
            ("windows_1252", Some("windows-1252")),
            ("Windows-1251", Some("windows-1251")),
            ("win1251", Some("windows-1251")),
            ("CP1250", Some("windows-1250")),
            ("cp936", Some("GBK")),
            ("MS950", Some("Big5")),
            ("ibm866", Some("IBM866")),
            ("cp866", Some("IBM866")),
            ("dos-866", None),
            ("cp437", None),
            ("IBM850", None),
            ("MacRoman", Some("macintosh")),
            ("x-mac-cyrillic", Some("x-mac-cyrillic")),
            ("MacCyrillic", Some("x-mac-cyrillic")),
            ("latin-1", Some("windows-1252")),
            ("Latin-9", Some("ISO-8859-15")),
            ("ISO8859_7", Some("ISO-8859-7")),
            ("iso-8859-2", Some("ISO-8859-2")),
            ("gb_2312", Some("GBK")),
            ("GB2312", Some("GBK")),
            ("BIG5-HKSCS", Some("Big5")),
            ("Shift-JIS", Some("Shift_JIS")),
            ("UCS-2", Some("UTF-16LE")),
            ("utf8", Some("UTF-8")),
            ("klingon", None),
        ];
        for (label, want) in cases {
            assert_eq!(
                encoding_for_label(label).map(Encoding::name),
                want,
                "{label}"
            );
        }
    }

    #[test]
    fn http_charset_is_read_from_content_type() {
        let cases = [
            ("text/xml; charset=UTF-8", Some("UTF-8")),
            ("text/xml;charset=\"gb2312\"", Some("gb2312")),
            ("application/rss+xml; q=1; Charset = big5 ", Some("big5")),
            ("text/xml", None),
            ("text/xml; charset=", None),
        ];
        for (content_type, want) in cases {
            assert_eq!(http_charset(content_type), want, "{content_type}");
        }
    }

    fn xml(body: &[u8], content_type: Option<&str>) -> String {
        match decode(body, content_type, None).expect("decodes") {
            Document::Xml(text) => text,
            Document::Json(_) => panic!("not XML"),
        }
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<rss version=\"2.0\"><channel><title>Новости Оренбурга и области</title></channel></rss>",
        );
        assert!(xml(&body, None).contains("Новости Оренбурга и области"));
        let (body, _, _) = encoding_rs::GBK.encode(
            "<rss><channel><title>阿里巴巴集团公布季度业绩，云计算收入增长</title></channel></rss>",
        );
        assert!(xml(&body, None).contains("阿里巴巴集团公布季度业绩"));
    }

    #[test]
    fn a_declaration_the_bytes_contradict_loses() {
        // Declared Shift_JIS, sent as GBK: Shift_JIS cannot decode it cleanly.
        let text = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\
                    <rss><channel><title>阿里巴巴集团公布季度业绩，云计算收入增长</title></channel></rss>";
        let (body, _, _) = encoding_rs::GBK.encode(text);
        let decoded = xml(&body, None);
        assert!(decoded.contains("阿里巴巴集团公布季度业绩"), "{decoded}");
        assert!(decoded.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        // Declared ISO-8859-1 (which decodes anything), sent as GBK.
        let latin1_label = text.replace("Shift_JIS", "ISO-8859-1");
        let (body, _, _) = encoding_rs::GBK.encode(&latin1_label);
        assert!(xml(&body, None).contains("阿里巴巴集团公布季度业绩"));
        // Declared windows-1251 and really windows-1251: the label stands.
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>Цитата</title></rss>",
        );
        assert!(xml(&body, None).contains("Цитата"));
    }

    #[test]
    fn utf16_with_and_without_bom_decodes() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"/>";
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let with_bom = [&[0xFE, 0xFF][..], &be].concat();
        let want = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"/>";
        for body in [be, le, with_bom] {
            assert_eq!(xml(&body, None), want);
        }
    }

    #[test]
    fn declarations_are_settled_for_feed_rs() {
        let pad = " ".repeat(10_000);
        let cases = [
            (
                format!("{pad}<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>",
            ),
            (
                "<!-- c --><?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>".to_owned(),
                "<!-- c --> <rss/>",
            ),
            (
                // A declaration inside the leading one stays inside it (fuzzing): cut out, it
                // joined the leading one to the later declaration naming big5.
                "<?xml versi <?xml version=\"1\"?>xx<?xml version=\"1.0\" encoding=\"big5\"?><rss/>"
                    .to_owned(),
                "<?xml versi <?xml version=\"1\"?>xx <rss/>",
            ),
            (
                // Nested later ones are one span; what is left cannot join into `<?xml `.
                "<rss><?x<?xml <?xml a?>ml encoding='big5'?></rss>".to_owned(),
                "<rss><?x ml encoding='big5'?></rss>",
            ),
            (
                "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss><?xml encoding='ucs-2'?></rss>"
                    .to_owned(),
                "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss> </rss>",
            ),
            (
                // quick-xml reads a declaration to the first `?>`, however far (fuzzing).
                format!(
                    "<?xml version=\"1.0\" encoding=\"windows-1253\"?:\"x\">\n<!-- {} -->?><rss/>",
                    "x".repeat(1000)
                ),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>",
            ),
        ];
        for (body, want) in cases {
            assert_eq!(xml(body.as_bytes(), None), want);
        }
    }

    /// The issue 16 repro: five Chinese headlines in UTF-8.
    fn chinese_headlines(bad_byte_at: Option<usize>) -> Vec<u8> {
        let items: String = (1..=5)
            .map(|n| {
                format!("<item><title>阿里巴巴新闻 {n} 解放军</title><guid>g{n}</guid></item>")
            })
            .collect();
        let mut body =
            format!("<rss version=\"2.0\"><channel><title>新闻</title>{items}</channel></rss>")
                .into_bytes();
        if let Some(at) = bad_byte_at {
            body.insert(at, 0xFF);
        }
        body
    }

    #[test]
    fn a_bad_byte_in_utf8_costs_one_character_not_the_document() {
        let clean = chinese_headlines(None);
        // In markup, inside a title's characters, between two titles, at the very end.
        let title = memmem::find(&clean, "阿里巴巴新闻 3".as_bytes()).expect("third title");
        let places = [20, title + 1, title + 6, clean.len() - 5, clean.len()];
        for at in places {
            let body = chinese_headlines(Some(at));
            for content_type in [
                None,
                Some("text/xml; charset=utf-8"),
                Some("text/xml; charset=iso-8859-1"),
            ] {
                let text = xml(&body, content_type);
                // The byte itself, and the pieces of the character it splits, if any.
                let replaced = text.matches('\u{FFFD}').count();
                assert!((1..=4).contains(&replaced), "{at} {content_type:?}: {text}");
                let intact = (1..=5)
                    .filter(|n| text.contains(&format!("阿里巴巴新闻 {n} 解放军")))
                    .count();
                assert!(intact >= 4, "{at} {content_type:?}: {text}");
            }
        }
    }

    #[test]
    fn legacy_text_is_told_from_damaged_utf8_by_its_share_of_valid_sequences() {
        // Windows-1252 sent as UTF-8 (tests/faults.rs reads it over HTTP too): no valid
        // multi-byte sequence at all.
        let (body, _, _) = encoding_rs::WINDOWS_1252
            .encode("<rss><title>Alibaba: l'armée chinoise (PLA) répond</title></rss>");
        assert!(xml(&body, Some("text/xml; charset=utf-8")).contains("l'armée chinoise"));
        // GBK forms valid UTF-8 sequences by accident (a fifth of the corpus's characters),
        // never a majority.
        let (body, _, _) = encoding_rs::GBK
            .encode("<rss><title>阿里巴巴集团公布季度业绩，云计算收入增长</title></rss>");
        assert!(xml(&body, Some("text/xml; charset=utf-8")).contains("阿里巴巴集团公布季度业绩"));
        // An English feed with curly quotes and one stray byte is still UTF-8.
        let body = b"<rss><title>\xE2\x80\x9CAlibaba\xE2\x80\x9D \xFF</title></rss>";
        assert_eq!(
            xml(body, None),
            "<rss><title>\u{201C}Alibaba\u{201D} \u{FFFD}</title></rss>"
        );
    }

    #[test]
    fn a_character_cut_at_the_end_is_no_evidence_against_the_encoding() {
        let whole = "<rss><channel><item><title>Café</title></item><item><title>Thé";
        let cut = &whole.as_bytes()[..whole.len() - 1];
        for content_type in [None, Some("text/xml; charset=utf-8")] {
            assert_eq!(
                xml(cut, content_type),
                "<rss><channel><item><title>Café</title></item><item><title>Th",
                "{content_type:?}"
            );
        }
        let json = "{\"items\": [{\"title\": \"Café\"}, {\"title\": \"Thé";
        match decode(&json.as_bytes()[..json.len() - 1], None, None).expect("decodes") {
            Document::Json(json) => assert_eq!(
                std::str::from_utf8(&json).ok(),
                Some("{\"items\": [{\"title\": \"Café\"}, {\"title\": \"Th")
            ),
            Document::Xml(_) => panic!("not JSON"),
        }
        // A short GBK feed: one replaced character in a few dozen went to chardetng.
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<?xml version=\"1.0\" encoding=\"gbk\"?><rss><channel><title>新闻</title>\
             <item><title>阿里巴巴回应解放军指控</title></item><item><title>五角",
        );
        assert!(xml(&gbk[..gbk.len() - 1], None).ends_with(
            "<title>新闻</title><item><title>阿里巴巴回应解放军指控</title></item><item><title>五"
        ));
    }

    #[test]
    fn json_feed_with_a_bad_byte_is_read_as_utf8() {
        let body = [
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"阿里巴巴".as_bytes(),
            b"\xFF\"}",
        ]
        .concat();
        match decode(&body, None, None).expect("decodes") {
            Document::Json(json) => assert_eq!(
                std::str::from_utf8(&json).ok(),
                Some(
                    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"阿里巴巴\u{FFFD}\"}"
                )
            ),
            Document::Xml(_) => panic!("not JSON"),
        }
    }

    #[test]
    fn chardetng_is_never_handed_a_tld_it_would_panic_on() {
        let (body, _, _) = encoding_rs::WINDOWS_1252.encode("<rss><title>Café</title></rss>");
        for tld in ["Com", "co.uk", "рф", "", "com"] {
            let decoded = match decode(&body, None, Some(tld)) {
                Some(Document::Xml(text)) => text,
                other => panic!("{tld}: {other:?}"),
            };
            assert!(decoded.contains("Caf"), "{tld}");
        }
    }
}
