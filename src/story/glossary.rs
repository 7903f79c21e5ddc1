//! The built-in Chinese-to-English news glossary (`glossary.tsv`), and finding its terms in
//! a run of Han characters.
//!
//! Chinese and English reports of one event share almost no characters, so without help
//! their similarity is zero. A few hundred general news terms (governments, agencies,
//! markets, earnings, military, technology, law) mapped to the English words outlets use give
//! them the same language-neutral features as the English versions. Longest match wins, so
//! `阿里云` is "alibaba cloud" and not `阿里` + `云`. The table is data, compiled into the
//! binary, and indexed once by first character: a lookup costs one hash probe per character
//! of Chinese text plus a comparison with the few terms starting there.

use std::collections::HashMap;
use std::sync::LazyLock;

const GLOSSARY_TSV: &str = include_str!("glossary.tsv");

/// Terms by first character, longest first.
pub struct Glossary {
    by_first: HashMap<char, Vec<Entry>>,
}

struct Entry {
    /// The Chinese term's characters after the first.
    rest: Vec<char>,
    english: &'static str,
}

static BUILTIN: LazyLock<Glossary> = LazyLock::new(|| Glossary::parse(GLOSSARY_TSV));

impl Glossary {
    /// The table shipped in `glossary.tsv`.
    pub fn builtin() -> &'static Glossary {
        &BUILTIN
    }

    /// Reads `term,term<TAB>english words` lines; `#` starts a comment line. Malformed lines
    /// are skipped: the table is ours and a unit test holds it to the format.
    fn parse(tsv: &'static str) -> Glossary {
        let mut by_first: HashMap<char, Vec<Entry>> = HashMap::new();
        for (chinese, english) in entries(tsv) {
            for term in chinese.split(',') {
                let mut chars = term.trim().chars();
                let Some(first) = chars.next() else {
                    continue;
                };
                by_first.entry(first).or_default().push(Entry {
                    rest: chars.collect(),
                    english,
                });
            }
        }
        for candidates in by_first.values_mut() {
            candidates.sort_by_key(|entry| std::cmp::Reverse(entry.rest.len()));
        }
        Glossary { by_first }
    }

    /// Calls `emit` with the English words of each term found in `run` (Han characters),
    /// scanning left to right and taking the longest term at each position.
    pub fn translate(&self, run: &[char], emit: &mut dyn FnMut(&'static str)) {
        let mut position = 0;
        while position < run.len() {
            let step = self
                .by_first
                .get(&run[position])
                .and_then(|candidates| {
                    candidates
                        .iter()
                        .find(|entry| run[position + 1..].starts_with(&entry.rest))
                })
                .map_or(1, |entry| {
                    emit(entry.english);
                    entry.rest.len() + 1
                });
            position += step;
        }
    }
}

fn entries(tsv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    tsv.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(chinese, english)| (chinese.trim(), english.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_of(text: &str) -> Vec<&'static str> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        Glossary::builtin().translate(&chars, &mut |english| found.push(english));
        found
    }

    #[test]
    fn every_line_is_a_term_and_its_english() {
        let mut seen = std::collections::HashSet::new();
        let mut terms = 0;
        for line in GLOSSARY_TSV.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (chinese, english) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("no tab in glossary line {line:?}"));
            assert!(!english.trim().is_empty(), "{line:?}");
            assert!(english.is_ascii(), "{line:?}");
            for term in chinese.split(',') {
                assert!(
                    term.chars().all(crate::story::text::is_han),
                    "term {term:?} is not Han text"
                );
                assert!(seen.insert(term), "term {term:?} appears twice");
                terms += 1;
            }
        }
        assert!(terms >= 300, "{terms} terms");
    }

    #[test]
    fn longest_term_wins() {
        assert_eq!(english_of("阿里云"), ["alibaba cloud"]);
        assert_eq!(english_of("阿里巴巴"), ["alibaba"]);
        assert_eq!(english_of("美国商务部"), ["us commerce department"]);
        // Bare, they are China's ministries; the US ones are named as such.
        assert_eq!(english_of("中国商务部"), ["china", "commerce ministry"]);
        assert_eq!(english_of("中美贸易战"), ["china us", "trade war"]);
    }

    #[test]
    fn traditional_forms_translate_too() {
        assert_eq!(english_of("美國財政部制裁"), ["us", "treasury", "sanction"]);
    }

    #[test]
    fn unknown_text_translates_to_nothing() {
        assert!(english_of("一二三").is_empty());
    }
}
