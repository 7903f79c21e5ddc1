//! Step 3 of matching: the rules an item's occurrences make worth evaluating, each rule's tree
//! walked over the occurrence table, and the evidence of each match as [`Span`]s.

use std::cell::RefCell;

use super::compile::{AtomId, FieldMask, Matcher, Node};
use super::scan::{Occurrence, OccurrenceTable, PreparedItem};
use crate::config::FeedScope;
use crate::rules::ast::Field;

/// The feed an item came from, for rule scopes.
pub struct FeedRef<'a> {
    pub name: &'a str,
    pub tags: &'a [String],
}

/// Where a span of evidence is, in the field's [`FieldText::text`].
///
/// [`FieldText::text`]: crate::rules::words::FieldText::text
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub field: Field,
    /// Byte offsets into that field's `FieldText.text`.
    pub start: usize,
    pub end: usize,
    /// `text[start..end]`, so an alert can show it without the item at hand.
    pub text: String,
}

/// One rule that matched an item, with its evidence sorted by (field, start).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleMatch {
    /// Index of the rule in the slice given to [`Matcher::compile`].
    pub rule: usize,
    pub spans: Vec<Span>,
}

impl Matcher {
    /// Rules matching the item, in rule order, each with its evidence. `feed` = None means the
    /// item belongs to no configured feed and scopes are not applied.
    pub fn match_item(&self, item: &PreparedItem, feed: Option<&FeedRef<'_>>) -> Vec<RuleMatch> {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.match_with(item, feed, &mut scratch),
            // Only reachable if matching ever re-entered itself on one thread.
            Err(_) => self.match_with(item, feed, &mut Scratch::default()),
        })
    }

    fn match_with(
        &self,
        item: &PreparedItem,
        feed: Option<&FeedRef<'_>>,
        scratch: &mut Scratch,
    ) -> Vec<RuleMatch> {
        scratch.reset(self.atoms.len());
        let Scratch {
            occurrences,
            ids,
            candidates,
            evidence,
            ranges,
        } = scratch;
        self.occurrences(item, ids, occurrences);
        candidates.extend_from_slice(&self.always_evaluated);
        let mut start = 0;
        while start < occurrences.len() {
            let atom = occurrences[start].atom;
            let end = start + occurrences[start..].partition_point(|o| o.atom == atom);
            ranges[atom as usize] = (start as u32, end as u32);
            candidates.extend(&self.rules_by_atom[atom as usize]);
            start = end;
        }
        candidates.sort_unstable();
        candidates.dedup();

        let table = OccurrenceTable {
            occurrences,
            ranges,
        };
        let mut matches = Vec::new();
        for &rule_index in candidates.iter() {
            let rule = &self.rules[rule_index as usize];
            if !in_scope(&rule.scope, feed) {
                continue;
            }
            evidence.clear();
            if eval(&rule.root, &table, evidence) {
                matches.push(RuleMatch {
                    rule: rule_index as usize,
                    spans: spans(item, evidence),
                });
            }
        }
        matches
    }
}

/// Working memory of [`Matcher::match_item`], kept per thread so that matching an item
/// allocates little beyond its result.
#[derive(Default)]
struct Scratch {
    occurrences: Vec<Occurrence>,
    /// Word ids of the field being searched.
    ids: Vec<u32>,
    candidates: Vec<u32>,
    evidence: Vec<Occurrence>,
    /// Atom -> range in `occurrences`; all empty between calls except the entries of the atoms
    /// in `occurrences`, which [`Scratch::reset`] empties.
    ranges: Vec<(u32, u32)>,
}

impl Scratch {
    /// Ready for a matcher of `atoms` atoms. Cleaning up at the start rather than the end keeps
    /// the table right even after a call that unwound.
    fn reset(&mut self, atoms: usize) {
        for o in &self.occurrences {
            if let Some(range) = self.ranges.get_mut(o.atom as usize) {
                *range = (0, 0);
            }
        }
        if self.ranges.len() < atoms {
            self.ranges.resize(atoms, (0, 0));
        }
        self.occurrences.clear();
        self.candidates.clear();
        self.evidence.clear();
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Whether `node` matches; if so, its evidence is appended to `evidence` (and nothing is
/// appended otherwise).
fn eval(node: &Node, table: &OccurrenceTable<'_>, evidence: &mut Vec<Occurrence>) -> bool {
    match node {
        Node::Leaf(atoms) => {
            let before = evidence.len();
            for &(atom, fields) in atoms {
                let found = table.of(atom).iter();
                evidence.extend(found.filter(|o| fields.contains(o.field as usize)));
            }
            evidence.len() > before
        }
        Node::And(children) => {
            let before = evidence.len();
            for child in children {
                if !eval(child, table, evidence) {
                    evidence.truncate(before);
                    return false;
                }
            }
            true
        }
        Node::Or(children) => {
            // Every branch is evaluated, not just the first that matches: all of them are
            // evidence.
            let mut any = false;
            for child in children {
                any |= eval(child, table, evidence);
            }
            any
        }
        Node::Not(inner) => {
            let before = evidence.len();
            let matched = eval(inner, table, evidence);
            evidence.truncate(before);
            !matched
        }
        Node::Near {
            left,
            right,
            distance,
        } => near(left, right, *distance, table, evidence),
    }
}

fn near(
    left: &[(AtomId, FieldMask)],
    right: &[(AtomId, FieldMask)],
    distance: u32,
    table: &OccurrenceTable<'_>,
    evidence: &mut Vec<Occurrence>,
) -> bool {
    let positioned = |leaves: &[(AtomId, FieldMask)]| -> Vec<Occurrence> {
        leaves
            .iter()
            .flat_map(|&(atom, fields)| {
                table
                    .of(atom)
                    .iter()
                    .filter(move |o| fields.contains(o.field as usize) && o.words.is_some())
            })
            .copied()
            .collect()
    };
    let lefts = positioned(left);
    if lefts.is_empty() {
        return false;
    }
    let rights = positioned(right);
    if rights.is_empty() {
        return false;
    }
    let before = evidence.len();
    for field in 0..Field::COUNT as u8 {
        let in_field = |all: &[Occurrence]| -> Vec<(u32, u32, Occurrence)> {
            all.iter()
                .filter(|o| o.field == field)
                .filter_map(|o| o.words.map(|(first, last)| (first, last, *o)))
                .collect()
        };
        let l = in_field(&lefts);
        let r = in_field(&rights);
        if !l.is_empty() && !r.is_empty() {
            near_in_field(&l, &r, distance, evidence);
        }
    }
    evidence.len() > before
}

/// Appends every left and right occurrence that takes part in a qualifying pair. Rather than
/// trying all pairs (quadratic in a text that repeats a word), each left occurrence marks the
/// range of right occurrences that qualify, in the right ones sorted by first word (those after
/// it) and by last word (those before it); the marks are summed in one pass.
fn near_in_field(
    lefts: &[(u32, u32, Occurrence)],
    rights: &[(u32, u32, Occurrence)],
    distance: u32,
    evidence: &mut Vec<Occurrence>,
) {
    let mut by_first: Vec<usize> = (0..rights.len()).collect();
    by_first.sort_unstable_by_key(|&i| rights[i].0);
    let mut by_last: Vec<usize> = (0..rights.len()).collect();
    by_last.sort_unstable_by_key(|&i| rights[i].1);
    let mut marks_after = vec![0i64; rights.len() + 1];
    let mut marks_before = vec![0i64; rights.len() + 1];
    for &(first, last, occurrence) in lefts {
        let mut hit = false;
        // A right occurrence after this one: its first word within (last, last + distance].
        let from = by_first.partition_point(|&i| rights[i].0 <= last);
        let to = by_first.partition_point(|&i| rights[i].0 <= last.saturating_add(distance));
        if from < to {
            hit = true;
            marks_after[from] += 1;
            marks_after[to] -= 1;
        }
        // A right occurrence before this one: its last word within [first - distance, first).
        let from = by_last.partition_point(|&i| rights[i].1 < first.saturating_sub(distance));
        let to = by_last.partition_point(|&i| rights[i].1 < first);
        if from < to {
            hit = true;
            marks_before[from] += 1;
            marks_before[to] -= 1;
        }
        if hit {
            evidence.push(occurrence);
        }
    }
    for (order, marks) in [(&by_first, &marks_after), (&by_last, &marks_before)] {
        let mut open = 0;
        for (k, &i) in order.iter().enumerate() {
            open += marks[k];
            if open > 0 {
                evidence.push(rights[i].2);
            }
        }
    }
}

/// Evidence as spans sorted by (field, start), each place once.
fn spans(item: &PreparedItem, evidence: &mut [Occurrence]) -> Vec<Span> {
    evidence.sort_unstable_by_key(|o| (o.field, o.start, o.end));
    let mut spans: Vec<Span> = Vec::with_capacity(evidence.len());
    let mut previous = None;
    for o in evidence.iter() {
        let place = (o.field, o.start, o.end);
        if previous == Some(place) {
            continue;
        }
        previous = Some(place);
        let field = Field::ALL[o.field as usize];
        let (start, end) = (o.start as usize, o.end as usize);
        let text = item.fields[o.field as usize]
            .text
            .get(start..end)
            .unwrap_or_default();
        spans.push(Span {
            field,
            start,
            end,
            text: text.to_string(),
        });
    }
    spans
}

fn in_scope(scope: &[FeedScope], feed: Option<&FeedRef<'_>>) -> bool {
    let Some(feed) = feed else {
        return true;
    };
    scope.is_empty()
        || scope.iter().any(|entry| match entry {
            FeedScope::Feed(name) => name == feed.name,
            FeedScope::Tag(tag) => feed.tags.contains(tag),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::matcher::compile::RuleInput;
    use crate::rules::matcher::compile::tests::{entities, t};
    use crate::rules::matcher::scan::tests::item;
    use Field::Title;

    #[test]
    fn scope_limits_rules_to_feeds_and_tags() {
        let expr = t("alibaba");
        let by_feed = [FeedScope::Feed("demo".into())];
        let by_tag = [FeedScope::Tag("filings".into())];
        let rules = [
            RuleInput {
                expr: &expr,
                scope: &[],
            },
            RuleInput {
                expr: &expr,
                scope: &by_feed,
            },
            RuleInput {
                expr: &expr,
                scope: &by_tag,
            },
        ];
        let matcher = Matcher::compile(&rules, &entities()).expect("rules compile");
        let prepared = PreparedItem::new(&item(&[(Title, "Alibaba")]), &[]);
        let matching = |feed: Option<&FeedRef<'_>>| -> Vec<usize> {
            matcher
                .match_item(&prepared, feed)
                .iter()
                .map(|m| m.rule)
                .collect()
        };
        let filings = ["filings".to_string()];
        assert_eq!(matching(None), [0, 1, 2]);
        assert_eq!(
            matching(Some(&FeedRef {
                name: "demo",
                tags: &[]
            })),
            [0, 1]
        );
        assert_eq!(
            matching(Some(&FeedRef {
                name: "other",
                tags: &filings
            })),
            [0, 2]
        );
        assert_eq!(
            matching(Some(&FeedRef {
                name: "other",
                tags: &[]
            })),
            [0]
        );
    }
}
