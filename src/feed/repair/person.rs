//! E-mail addresses touching a multi-byte character, which crash feed-rs's person parser.
//!
//! feed-rs 3.0.0 reads RSS `<author>`, `<managingEditor>`, `<webMaster>`, `<dc:creator>`,
//! `<itunes:author>` and JSON Feed author names with `parse_person_name_email`, which takes the
//! name to be the text before or after the address minus one delimiter byte: it slices one byte
//! before or after the match. When that byte is inside a multi-byte character, as in
//! `news@example.cn（新闻部）` or `新闻部（news@example.cn）` or an address followed by a
//! no-break space, it panics and the whole feed is lost (`docs/upstream.md`, entry 10; found
//! again by fuzzing). [`space_wide_neighbours`] puts an ASCII space between such an address and
//! its neighbour, so that the byte feed-rs skips is that space.

/// `doc` with a space between every e-mail address and a multi-byte neighbour, or `None` when
/// no address needs one. `doc` is XML text or JSON; the neighbour may also be an entity or
/// character reference (`&#xFF08;`, `&nbsp;`) or a JSON `\u` escape, which decode to such a
/// character only inside feed-rs. Spaces go only next to ASCII bytes, so UTF-8 stays UTF-8.
pub(crate) fn space_wide_neighbours(doc: &[u8]) -> Option<Vec<u8>> {
    let mut inserts = Vec::new();
    for at in memchr::memchr_iter(b'@', doc) {
        let local = doc[..at]
            .iter()
            .rev()
            .take_while(|b| is_local_byte(**b))
            .count();
        let domain = doc[at + 1..]
            .iter()
            .take_while(|b| is_domain_byte(**b))
            .count();
        if local == 0 || domain == 0 {
            continue;
        }
        // The match feed-rs slices around may start with `mailto:`.
        let mut start = at - local;
        if doc[..start].ends_with(b"mailto:") {
            start -= b"mailto:".len();
        }
        let end = at + 1 + domain;
        // Every byte of the run is ASCII, so only what touches its two edges can be wide.
        if start > 0 {
            if doc[start - 1] >= 0x80 || reference_ending_at(doc, start).is_some_and(is_wide) {
                inserts.push(start);
            } else if doc[start - 1] == b'\\'
                && let Some(escape) = json_escape(&doc[start - 1..])
            {
                // `\uFF08news@...`: the run began inside the escape, and the space goes after it.
                if escape >= 0x80 {
                    inserts.push(start + 5);
                }
            }
        }
        let wide_after = match doc.get(end) {
            Some(&byte) if byte >= 0x80 => true,
            Some(b'&') => reference_starting_at(doc, end).is_some_and(is_wide),
            Some(b'\\') => json_escape(&doc[end..]).is_some_and(|c| c >= 0x80),
            _ => false,
        };
        if wide_after {
            inserts.push(end);
        }
    }
    if inserts.is_empty() {
        return None;
    }
    inserts.sort_unstable();
    inserts.dedup();
    let mut fixed = Vec::with_capacity(doc.len() + inserts.len());
    let mut copied = 0;
    for at in inserts {
        fixed.extend_from_slice(&doc[copied..at]);
        fixed.push(b' ');
        copied = at;
    }
    fixed.extend_from_slice(&doc[copied..]);
    Some(fixed)
}

/// The longest entity or character reference this looks for; real ones are far shorter.
const MAX_REFERENCE: usize = 32;

/// The name of the XML reference `&name;` that starts at `amp`.
fn reference_starting_at(doc: &[u8], amp: usize) -> Option<&[u8]> {
    let rest = &doc[amp + 1..doc.len().min(amp + 1 + MAX_REFERENCE)];
    let semicolon = memchr::memchr(b';', rest)?;
    Some(&rest[..semicolon])
}

/// The name of the XML reference `&name;` whose `;` is just before `end`.
fn reference_ending_at(doc: &[u8], end: usize) -> Option<&[u8]> {
    let head = doc[..end].strip_suffix(b";")?;
    let from = head.len().saturating_sub(MAX_REFERENCE);
    let amp = from + memchr::memrchr(b'&', &head[from..])?;
    Some(&head[amp + 1..])
}

/// Whether a reference decodes to a character outside ASCII. Only the five predefined
/// entities are ASCII; any other name (`nbsp`, undeclared in XML) counts as wide.
fn is_wide(name: &[u8]) -> bool {
    let number = |digits: &[u8], radix| {
        std::str::from_utf8(digits)
            .ok()
            .and_then(|digits| u32::from_str_radix(digits, radix).ok())
    };
    match name {
        [b'#', b'x' | b'X', hex @ ..] => number(hex, 16).is_some_and(|c| c >= 0x80),
        [b'#', decimal @ ..] => number(decimal, 10).is_some_and(|c| c >= 0x80),
        b"lt" | b"gt" | b"amp" | b"quot" | b"apos" => false,
        _ => !name.is_empty(),
    }
}

/// The code unit of the JSON escape `\uXXXX` at the start of `rest`.
fn json_escape(rest: &[u8]) -> Option<u32> {
    let hex = rest.strip_prefix(b"\\u")?.get(..4)?;
    u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
}

/// Bytes of the local part of an address, as feed-rs's pattern has it (`[A-Za-z0-9._%+-]`).
fn is_local_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// Bytes of the domain of an address (`[A-Za-z0-9.-]`).
fn is_domain_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(doc: &str) -> Option<String> {
        space_wide_neighbours(doc.as_bytes())
            .map(|bytes| String::from_utf8(bytes).expect("spaces go between whole characters"))
    }

    #[test]
    fn addresses_touching_wide_characters_get_a_space() {
        let cases = [
            (
                "<author>news@example.cn（新闻部）</author>",
                "<author>news@example.cn （新闻部）</author>",
            ),
            (
                "<author>新闻部（news@example.cn）</author>",
                "<author>新闻部（ news@example.cn ）</author>",
            ),
            (
                "<a>新闻部（mailto:news@x.cn</a>",
                "<a>新闻部（ mailto:news@x.cn</a>",
            ),
            (
                "<a>news@x.com\u{a0}(Desk)</a>",
                "<a>news@x.com \u{a0}(Desk)</a>",
            ),
            (
                "<a>&#xFF08;news@x.cn&#65289;</a>",
                "<a>&#xFF08; news@x.cn &#65289;</a>",
            ),
            ("<a>&nbsp;news@x.cn</a>", "<a>&nbsp; news@x.cn</a>"),
            (
                r#"{"name":"\uff08news@x.cn\uff09"}"#,
                r#"{"name":"\uff08 news@x.cn \uff09"}"#,
            ),
        ];
        for (doc, want) in cases {
            assert_eq!(fixed(doc).as_deref(), Some(want), "{doc}");
        }
    }

    #[test]
    fn addresses_among_ascii_are_left_alone() {
        for doc in [
            "<author>news@example.com (News Desk)</author>",
            "<author>News Desk &lt;news@example.com&gt;</author>",
            "<author>&#40;news@example.com&#x29;</author>",
            "<link href=\"mailto:news@example.com\"/>",
            "{\"name\":\"Desk\\u0028news@x.cn\\n\"}",
            "@ alone, a@ and @b",
        ] {
            assert_eq!(fixed(doc), None, "{doc}");
        }
    }
}
