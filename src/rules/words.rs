//! Word segmentation shared by items and queries, so that a query word and an item word are
//! compared in exactly the same form: Unicode word segments (UAX #29) of the case-folded
//! normalized text, which puts every Chinese or Japanese character in a word of its own,
//! splits at hyphens, and separates Latin words from the CJK characters around them
//! (`阿里巴巴Alibaba集团` holds the word `alibaba`). A possessive `'s` is dropped, so
//! `Alibaba's` is the word `alibaba`.

use unicode_segmentation::UnicodeSegmentation;

use crate::feed::normalize::{fold_case_aligned, normalize_keep_case};

/// A word's byte range in a [`FieldText`]'s `text` (and, identically, its `folded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: u32,
    pub end: u32,
}

/// One field of an item, ready for matching.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldText {
    /// Normalized, case kept: regexes run here and spans are shown from here.
    pub text: String,
    /// `text` case-folded, byte for byte aligned with it: words are compared here.
    pub folded: String,
    pub words: Vec<Word>,
}

impl FieldText {
    pub fn new(display: &str) -> FieldText {
        let text = normalize_keep_case(display);
        let folded = fold_case_aligned(&text);
        FieldText::from_normalized(text, folded)
    }

    /// From `text` already normalized and `folded` its [`fold_case_aligned`].
    pub fn from_normalized(text: String, folded: String) -> FieldText {
        let mut words = Vec::with_capacity(text.len() / 5);
        segment_into(&folded, &mut words);
        FieldText {
            text,
            folded,
            words,
        }
    }

    /// The folded form of word `i`.
    pub fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.folded[w.start as usize..w.end as usize]
    }
}

/// The words of a query term or phrase, normalized and segmented like item text.
pub fn query_words(text: &str) -> Vec<String> {
    let folded = fold_case_aligned(&normalize_keep_case(text));
    segment(&folded)
        .map(|w| folded[w.start as usize..w.end as usize].to_string())
        .collect()
}

/// Words of already folded text. Segments without a letter or digit (spaces, punctuation)
/// are not words.
fn segment(folded: &str) -> impl Iterator<Item = Word> {
    let mut words = Vec::new();
    segment_into(folded, &mut words);
    words.into_iter()
}

fn segment_into(folded: &str, words: &mut Vec<Word>) {
    let mut push = |start: usize, segment: &str| {
        let kept = segment
            .strip_suffix("'s")
            .filter(|stem| !stem.is_empty())
            .unwrap_or(segment);
        // Field texts are bounded well below 4 GiB by the fetch body cap.
        words.push(Word {
            start: start as u32,
            end: (start + kept.len()) as u32,
        });
    };
    if folded.is_ascii() {
        for (start, segment) in ascii_word_segments(folded) {
            push(start, segment);
        }
        return;
    }
    for (offset, chunk) in chunks(folded) {
        if chunk.is_ascii() {
            for (start, segment) in ascii_word_segments(chunk) {
                push(offset + start, segment);
            }
        } else {
            for (start, segment) in chunk.split_word_bound_indices() {
                if segment.chars().any(char::is_alphanumeric) {
                    push(offset + start, segment);
                }
            }
        }
    }
}

/// Splits text after every space that is followed by an ASCII character other than a space.
/// UAX #29 always breaks there (only another space or an Extend/Format/ZWJ character can join
/// a space to what follows, and none of those is ASCII other than the space), and no rule looks
/// across a space, so each chunk segments alone exactly as inside the whole text. Most chunks
/// of news text are then ASCII and take [`ascii_word_segments`].
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut position = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        while position < bytes.len() {
            let b = bytes[position];
            position += 1;
            if b == b' '
                && bytes
                    .get(position)
                    .is_some_and(|&n| n.is_ascii() && n != b' ')
            {
                break;
            }
        }
        let chunk = (start, &text[start..position]);
        start = position;
        Some(chunk)
    })
}

/// UAX #29 word segments of ASCII text that contain a letter or digit, as
/// `split_word_bound_indices` finds them: runs of letters, digits and `_` (WB5, WB8-WB10,
/// WB13a/b), joined across one `'`, `.` or `:` between letters (WB6/7) and one `'`, `.`, `,`
/// or `;` between digits (WB11/12). Every other ASCII character stands alone and is no word.
fn ascii_word_segments(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut position = 0;
    std::iter::from_fn(move || {
        loop {
            while position < bytes.len() && !is_word(bytes[position]) {
                position += 1;
            }
            if position >= bytes.len() {
                return None;
            }
            let start = position;
            let mut alphanumeric = false;
            loop {
                while position < bytes.len() && is_word(bytes[position]) {
                    alphanumeric |= bytes[position] != b'_';
                    position += 1;
                }
                let (Some(&before), Some(&mid), Some(&after)) = (
                    bytes.get(position.wrapping_sub(1)),
                    bytes.get(position),
                    bytes.get(position + 1),
                ) else {
                    break;
                };
                let letters = before.is_ascii_alphabetic()
                    && after.is_ascii_alphabetic()
                    && matches!(mid, b'\'' | b'.' | b':');
                let digits = before.is_ascii_digit()
                    && after.is_ascii_digit()
                    && matches!(mid, b'\'' | b'.' | b',' | b';');
                if !(letters || digits) {
                    break;
                }
                position += 1;
            }
            if alphanumeric {
                return Some((start, &text[start..position]));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<String> {
        let field = FieldText::new(text);
        (0..field.words.len())
            .map(|i| field.word(i).to_string())
            .collect()
    }

    #[test]
    fn segmentation_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Alibaba's cloud", &["alibaba", "cloud"]),
            (
                "People’s Liberation Army",
                &["people", "liberation", "army"],
            ),
            ("US-China talks", &["us", "china", "talks"]),
            (
                "阿里巴巴Alibaba集团",
                &["阿", "里", "巴", "巴", "alibaba", "集", "团"],
            ),
            (
                "ＡＬＩＢＡＢＡ (BABA) rose 4.5%",
                &["alibaba", "baba", "rose", "4.5"],
            ),
            ("don't stop", &["don't", "stop"]),
            ("reuters.com, 1260H list", &["reuters.com", "1260h", "list"]),
            ("  — ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn query_words_match_item_words() {
        assert_eq!(
            query_words("\"People's Liberation Army\""),
            ["people", "liberation", "army"]
        );
        assert_eq!(query_words("阿里巴巴"), ["阿", "里", "巴", "巴"]);
    }

    fn unicode_words(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices()
            .filter(|(_, segment)| segment.chars().any(char::is_alphanumeric))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn ascii_fast_path_agrees_with_unicode_segmentation(
            text in "[a-cA-C0-2_'.:,;\\- \t\n!\"()%$]{0,24}",
        ) {
            prop_assert_eq!(ascii_word_segments(&text).collect::<Vec<_>>(), unicode_words(&text));
        }

        #[test]
        fn chunked_segmentation_agrees_with_unicode_segmentation(
            text in "([a-b0-1'.:,_ -]|\\u{301}|\\u{200d}|\\u{bbe}|阿|é|ς|\\u{1f600}|\\u{1f1fa}|\\u{a0}){0,24}",
        ) {
            let via_chunks: Vec<(usize, &str)> = chunks(&text)
                .flat_map(|(offset, chunk)| {
                    unicode_words(chunk).into_iter().map(move |(start, segment)| (offset + start, segment))
                })
                .collect();
            prop_assert_eq!(&via_chunks, &unicode_words(&text));
            let fast: Vec<Word> = segment(&text).collect();
            let unicode: Vec<Word> = unicode_words(&text)
                .into_iter()
                .map(|(start, segment)| {
                    let kept = segment.strip_suffix("'s").filter(|stem| !stem.is_empty()).unwrap_or(segment);
                    Word { start: start as u32, end: (start + kept.len()) as u32 }
                })
                .collect();
            prop_assert_eq!(fast, unicode);
        }
    }

    #[test]
    fn word_ranges_point_into_the_cased_text() {
        let field = FieldText::new("Pentagon names ALIBABA");
        let last = field.words[2];
        assert_eq!(
            &field.text[last.start as usize..last.end as usize],
            "ALIBABA"
        );
    }
}
