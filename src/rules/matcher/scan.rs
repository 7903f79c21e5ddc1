//! Step 2 of matching: an item's fields prepared once ([`PreparedItem`]), then walked once
//! against the matcher's indexes into every occurrence of every atom, sorted by atom.

use std::borrow::Cow;

use super::compile::{AtomId, Matcher};
use crate::feed::Item;
use crate::feed::normalize::{fold_case_aligned, normalize_keep_case};
use crate::rules::ast::Field;
use crate::rules::words::FieldText;

/// An item's fields as [`FieldText`]s, built once per item and shared by all rules.
pub struct PreparedItem {
    /// Indexed with [`Field::index`].
    pub fields: [FieldText; Field::COUNT],
}

impl PreparedItem {
    /// `tags` are the tags of the item's feed; they become `tag:NAME` words of the `feed` field.
    pub fn new(item: &Item, tags: &[String]) -> PreparedItem {
        let fields = Field::ALL.map(|field| FieldText::new(&source(item, tags, field)));
        PreparedItem { fields }
    }
}

/// The text of `field` that [`PreparedItem::new`] normalizes.
fn source<'a>(item: &'a Item, tags: &[String], field: Field) -> Cow<'a, str> {
    match field {
        Field::Title => Cow::Borrowed(&item.title),
        Field::Summary => Cow::Borrowed(&item.summary),
        Field::Content => Cow::Borrowed(&item.content),
        Field::Author => Cow::Owned(item.authors.join(", ")),
        Field::Category => Cow::Owned(item.categories.join(", ")),
        Field::Link => Cow::Owned(
            item.link
                .as_deref()
                .map(link_with_domains)
                .unwrap_or_default(),
        ),
        Field::Feed => {
            let mut feed = item.feed.clone();
            for tag in tags {
                feed.push_str(" tag:");
                feed.push_str(tag);
            }
            Cow::Owned(feed)
        }
    }
}

impl Matcher {
    /// `item` (of a feed with `tags`) prepared for [`match_item`](Self::match_item), or `None`
    /// when no rule can match it (the gate's module says how that is known): then it is
    /// not prepared. A field the gate has normalized is not normalized again.
    pub fn prepare(&self, item: &Item, tags: &[String]) -> Option<PreparedItem> {
        let Some(gate) = &self.gate else {
            return Some(PreparedItem::new(item, tags));
        };
        let mut normalized: [Option<(String, String)>; Field::COUNT] = Default::default();
        let mut admitted = false;
        for field in Field::ALL.into_iter().filter(|f| gate.searches(*f)) {
            let raw = source(item, tags, field);
            if raw.is_ascii() {
                admitted = gate.admits_ascii(&raw);
            } else {
                let text = normalize_keep_case(&raw);
                let folded = fold_case_aligned(&text);
                admitted = gate.admits_folded(&folded);
                normalized[field.index()] = Some((text, folded));
            }
            if admitted {
                break;
            }
        }
        if !admitted {
            return None;
        }
        let fields = Field::ALL.map(|field| match normalized[field.index()].take() {
            Some((text, folded)) => FieldText::from_normalized(text, folded),
            None => FieldText::new(&source(item, tags, field)),
        });
        Some(PreparedItem { fields })
    }

    /// Whether `item` can match some rule: [`prepare`](Self::prepare) would prepare it.
    pub fn may_match(&self, item: &Item, tags: &[String]) -> bool {
        self.prepare(item, tags).is_some()
    }
}

/// `<link> <host> <parent domains>`, so that `link:reuters.com` is an ordinary word match on
/// `https://www.reuters.com/x`. The bare top-level domain is left out: `link:com` matching
/// every `.com` link would be a trap, not a feature.
fn link_with_domains(link: &str) -> String {
    let mut out = link.to_string();
    let Some(host) = url::Url::parse(link)
        .ok()
        .and_then(|url| url.host_str().map(str::to_string))
    else {
        return out;
    };
    let mut domain = host.as_str();
    loop {
        out.push(' ');
        out.push_str(domain);
        match domain.split_once('.') {
            Some((_, parent)) if parent.contains('.') => domain = parent,
            _ => break,
        }
    }
    out
}

/// Where an atom occurred in an item.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence {
    pub(super) atom: AtomId,
    pub(super) field: u8,
    /// First and last word position covered; `None` for a regex match that covers no word
    /// (it can satisfy a plain match but has no position for `NEAR`).
    pub(super) words: Option<(u32, u32)>,
    pub(super) start: u32,
    pub(super) end: u32,
}

/// A word id for item words no rule mentions.
const UNKNOWN_WORD: u32 = u32::MAX;

impl Matcher {
    /// Every occurrence of every atom in the item, sorted by (atom, field, start).
    pub(super) fn occurrences(
        &self,
        item: &PreparedItem,
        ids: &mut Vec<u32>,
        out: &mut Vec<Occurrence>,
    ) {
        for field in Field::ALL {
            let f = field.index();
            let text = &item.fields[f];
            if self.phrase_fields.contains(f) {
                self.find_phrases(text, f, ids, out);
            }
            if self.prefix_fields.contains(f) {
                self.find_prefixes(text, f, out);
            }
            self.find_regexes(text, f, out);
        }
        out.sort_unstable_by_key(|o| (o.atom, o.field, o.start, o.end));
    }

    fn find_phrases(
        &self,
        text: &FieldText,
        field: usize,
        ids: &mut Vec<u32>,
        out: &mut Vec<Occurrence>,
    ) {
        ids.clear();
        ids.extend(text.words.iter().map(|w| {
            self.vocabulary
                .get(&text.folded[w.start as usize..w.end as usize])
                .copied()
                .unwrap_or(UNKNOWN_WORD)
        }));
        for (position, &id) in ids.iter().enumerate() {
            let Some(starting) = self.phrases_by_first_word.get(id as usize) else {
                continue;
            };
            for &phrase_index in starting {
                let phrase = &self.phrases[phrase_index as usize];
                let last = position + phrase.words.len() - 1;
                // The first word is `id` already; most phrases are a single word.
                if !self.atoms[phrase.atom as usize].fields.contains(field)
                    || (last > position && ids.get(position + 1..=last) != Some(&phrase.words[1..]))
                {
                    continue;
                }
                out.push(Occurrence {
                    atom: phrase.atom,
                    field: field as u8,
                    words: Some((position as u32, last as u32)),
                    start: text.words[position].start,
                    end: text.words[last].end,
                });
            }
        }
    }

    /// A prefix counts only where it starts at a word's start and stays within that word, so
    /// each word's leading bytes are looked up rather than the whole text searched.
    fn find_prefixes(&self, text: &FieldText, field: usize, out: &mut Vec<Occurrence>) {
        for (position, word) in text.words.iter().enumerate() {
            let folded = &text.folded[word.start as usize..word.end as usize];
            self.prefixes.each_prefix_of(folded, |atom| {
                if self.atoms[atom as usize].fields.contains(field) {
                    out.push(Occurrence {
                        atom,
                        field: field as u8,
                        words: Some((position as u32, position as u32)),
                        start: word.start,
                        end: word.end,
                    });
                }
            });
        }
    }

    fn find_regexes(&self, text: &FieldText, field: usize, out: &mut Vec<Occurrence>) {
        let Some((set, regex_indexes)) = &self.regex_sets[field] else {
            return;
        };
        for set_index in set.matches(&text.text).iter() {
            let regex_index = regex_indexes[set_index];
            let atom = self.regex_atoms[regex_index];
            for found in self.regexes[regex_index].find_iter(&text.text) {
                let first = text
                    .words
                    .partition_point(|w| (w.end as usize) <= found.start());
                let after = text
                    .words
                    .partition_point(|w| (w.start as usize) < found.end());
                let words = (first < after).then(|| (first as u32, after as u32 - 1));
                out.push(Occurrence {
                    atom,
                    field: field as u8,
                    words,
                    start: found.start() as u32,
                    end: found.end() as u32,
                });
            }
        }
    }
}

/// The occurrences of one item, sorted by atom, looked up by atom.
pub(super) struct OccurrenceTable<'a> {
    pub(super) occurrences: &'a [Occurrence],
    /// Atom -> its range in `occurrences`; empty for atoms that did not occur.
    pub(super) ranges: &'a [(u32, u32)],
}

impl OccurrenceTable<'_> {
    pub(super) fn of(&self, atom: AtomId) -> &[Occurrence] {
        let (start, end) = self.ranges[atom as usize];
        &self.occurrences[start as usize..end as usize]
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::matcher::compile::tests::{compile, tf};

    pub(crate) fn item(fields: &[(Field, &str)]) -> Item {
        let mut item = Item {
            feed: "wire".into(),
            entry_id: "1".into(),
            ..Default::default()
        };
        for &(field, text) in fields {
            match field {
                Field::Title => item.title = text.into(),
                Field::Summary => item.summary = text.into(),
                Field::Content => item.content = text.into(),
                Field::Author => item.authors.push(text.into()),
                Field::Category => item.categories.push(text.into()),
                Field::Link => item.link = Some(text.into()),
                Field::Feed => item.feed = text.into(),
            }
        }
        item
    }

    #[test]
    fn the_gate_searches_links_and_feed_tags_as_prepared() {
        let matcher = compile(&[
            tf(Field::Link, "reuters.com"),
            tf(Field::Feed, "tag:filings"),
        ]);
        let link = |link: &str| Item {
            link: Some(link.into()),
            ..item(&[])
        };
        assert!(matcher.may_match(&link("https://WWW.Reuters.COM/x"), &[]));
        assert!(!matcher.may_match(&link("https://example.org/reuters"), &[]));
        // The host as the URL parser writes it: an internationalized name in punycode.
        let idn = compile(&[tf(Field::Link, "xn--bcher-kva.example")]);
        assert!(idn.may_match(&link("https://bücher.example/a"), &[]));
        assert!(matcher.may_match(&item(&[]), &["filings".into()]));
        assert!(!matcher.may_match(&item(&[]), &["other".into()]));
    }

    #[test]
    fn feed_field_holds_name_and_tags() {
        let exprs = [
            tf(Field::Feed, "tag:filings"),
            tf(Field::Feed, "sec"),
            tf(Field::Feed, "tag:other"),
        ];
        let matcher = compile(&exprs);
        let prepared =
            PreparedItem::new(&item(&[(Field::Feed, "SEC filings")]), &["filings".into()]);
        let got: Vec<usize> = matcher
            .match_item(&prepared, None)
            .iter()
            .map(|m| m.rule)
            .collect();
        assert_eq!(got, [0, 1]);
    }
}
