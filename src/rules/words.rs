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
        let words = segment(&folded).collect();
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
fn segment(folded: &str) -> impl Iterator<Item = Word> + '_ {
    folded
        .split_word_bound_indices()
        .filter(|(_, segment)| segment.chars().any(char::is_alphanumeric))
        .map(|(start, segment)| {
            let kept = segment
                .strip_suffix("'s")
                .filter(|stem| !stem.is_empty())
                .unwrap_or(segment);
            // Field texts are bounded well below 4 GiB by the fetch body cap.
            Word {
                start: start as u32,
                end: (start + kept.len()) as u32,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

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
