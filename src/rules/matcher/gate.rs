//! Step 0 of matching: a necessary condition checked on an item's raw fields before they are
//! prepared. Most items of a feed match no rule, and preparing them (normalizing, folding and
//! segmenting every field) is most of what matching costs; the gate turns those items away
//! with one substring search per field.
//!
//! The condition: every rule that can match only with a positive atom needs one of its trigger
//! atoms (the compiler's `Node::trigger_atoms`) to occur, and each atom occurs only where one of its
//! literals occurs as a substring of the field's folded text: the longest word of a word
//! sequence (the words need not be adjacent in the text), a prefix itself, one of the prefix
//! literals of a regex's matches (as `regex-syntax` extracts them, so `/\bBABA\b/` needs
//! `baba`). Literals are kept folded and cut to their longest piece without whitespace.
//!
//! Why a raw field can be searched as it is: ASCII text is its own NFKC and holds no
//! typographic quote, so normalizing it only collapses whitespace, and folding it only
//! lower-cases ASCII; a literal without whitespace is in the folded text exactly when it is
//! in the raw text, ignoring ASCII case. Any other field is searched in its folded text
//! (normalized and folded exactly as `FieldText` does), which folding per character makes
//! a superset search for the regex literals, found in the case-kept text, too.
//!
//! The gate is off (every item is prepared) when some rule can match without a positive atom
//! (`NOT a`) or some trigger atom has no literal (a regex such as `/\d+/`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Hir, HirKind};

use crate::feed::normalize::fold_case_aligned;
use crate::rules::ast::Field;

/// The literals an atom cannot occur without, in their searchable form; `None` when the atom
/// has none (it can occur where no fixed text does).
pub(super) fn words_literal(words: &[String]) -> Option<Vec<String>> {
    let longest = words.iter().max_by_key(|w| w.len())?;
    searchable(longest).map(|l| vec![l])
}

pub(super) fn prefix_literal(prefix: &str) -> Option<Vec<String>> {
    searchable(prefix).map(|l| vec![l])
}

/// Literals one of which every match of `source` (a pattern as compiled, inline flags and
/// all) contains: its prefix literals as `regex-syntax` extracts them (`\bU\.?S\b` starts
/// with `U.S` or `US`), or the literals some part of the pattern requires wherever it is
/// (`(?:^|[^·])阿里` holds `阿里`), whichever is rarer.
pub(super) fn regex_literals(source: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(source)
        .ok()?;
    let prefixes = Extractor::new()
        .extract(&hir)
        .literals()
        .and_then(|literals| {
            literals
                .iter()
                .map(|literal| {
                    let bytes = literal.as_bytes();
                    // A prefix can end inside a character where the extractor stopped expanding
                    // a class; the complete characters before that are still a prefix.
                    match std::str::from_utf8(bytes) {
                        Ok(text) => Some(text.to_string()),
                        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()])
                            .ok()
                            .map(str::to_string),
                    }
                })
                .collect::<Option<Vec<String>>>()
        });
    [prefixes, required(&hir)]
        .into_iter()
        .filter_map(|found| {
            found?
                .iter()
                .map(|l| searchable(l))
                .collect::<Option<Vec<_>>>()
        })
        .max_by_key(|literals| rarity(literals))
}

/// How rarely one of `literals` is likely to occur: the length of the shortest.
pub(super) fn rarity(literals: &[String]) -> usize {
    literals.iter().map(String::len).min().unwrap_or(0)
}

/// Literals one of which every match of `hir` contains; `None` if some match may hold no
/// fixed text (a class, an optional part, an assertion).
fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0)
            .ok()
            .map(|text| vec![text.to_string()]),
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required)
            .max_by_key(|literals| rarity(literals)),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// `text` folded like item text and cut to its longest piece without whitespace (any piece of
/// a necessary literal is necessary too, and whitespace is what normalizing changes); `None`
/// if nothing is left.
fn searchable(text: &str) -> Option<String> {
    let folded = fold_case_aligned(text);
    let longest = folded
        .split(char::is_whitespace)
        .max_by_key(|piece| piece.len())?;
    (!longest.is_empty()).then(|| longest.to_string())
}

/// The compiled condition.
pub(super) struct Gate {
    literals: AhoCorasick,
    /// By [`Field::index`]: whether some trigger atom is looked for in the field; the others
    /// are not searched.
    fields: [bool; Field::COUNT],
}

impl Gate {
    /// `triggers`: every trigger atom of every rule, with its literals and fields. `None`
    /// (no gate) if a rule needs no positive atom or an atom has no literal.
    pub(super) fn build<'a>(
        every_rule_needs_positive: bool,
        triggers: impl IntoIterator<Item = (Option<&'a [String]>, [bool; Field::COUNT])>,
    ) -> Option<Gate> {
        if !every_rule_needs_positive {
            return None;
        }
        let mut literals: Vec<&str> = Vec::new();
        let mut fields = [false; Field::COUNT];
        for (atom_literals, atom_fields) in triggers {
            literals.extend(atom_literals?.iter().map(String::as_str));
            for (field, looked_in) in fields.iter_mut().zip(atom_fields) {
                *field |= looked_in;
            }
        }
        if literals.is_empty() {
            return None;
        }
        literals.sort_unstable();
        literals.dedup();
        let literals = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&literals)
            .ok()?;
        Some(Gate { literals, fields })
    }

    /// Whether trigger atoms are looked for in `field`: only those fields are searched.
    pub(super) fn searches(&self, field: Field) -> bool {
        self.fields[field.index()]
    }

    /// Whether an ASCII field, as the item has it, holds a literal.
    pub(super) fn admits_ascii(&self, raw: &str) -> bool {
        debug_assert!(raw.is_ascii());
        self.literals.is_match(raw)
    }

    /// Whether any other field holds a literal, searched in its folded text.
    pub(super) fn admits_folded(&self, folded: &str) -> bool {
        self.literals.is_match(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_literals_are_in_every_match() {
        assert_eq!(regex_literals(r"\bBABA\b"), Some(vec!["baba".into()]));
        let ali = r"(?:^|[^·・])阿里(?:$|[^\p{Han}·・]|[云雲系])";
        assert_eq!(regex_literals(ali), Some(vec!["阿里".into()]));
        let mut either = regex_literals(r"x(?:Pentagon|PLA)+\d").expect("finite");
        either.sort();
        assert_eq!(either, ["xpentagon", "xpla"]);
        let mut us = regex_literals(r"\bU\.?S\b(?:$|[^$])").expect("finite");
        us.sort();
        assert_eq!(us, ["u.s", "us"]);
        // Unbounded: no literal, no gate.
        assert_eq!(regex_literals(r"\d+"), None);
        assert_eq!(regex_literals(r"(?i)x|\w"), None);
    }

    #[test]
    fn literals_lose_whitespace_and_case() {
        // Of equally long pieces, the last.
        assert_eq!(regex_literals("United States"), Some(vec!["states".into()]));
        assert_eq!(
            words_literal(&["people".into(), "liberation".into()]),
            Some(vec!["liberation".into()])
        );
        assert_eq!(prefix_literal(" "), None);
    }
}
