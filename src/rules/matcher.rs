//! The rule matcher: every rule's [`Expr`] compiled into one [`Matcher`] that evaluates an item
//! in time proportional to the item's length, not to rules × length.
//!
//! It owns the step between a prepared item and "which rules matched, with which evidence".
//! The shape follows from that cost bound:
//!
//! 1. Compilation deduplicates every leaf pattern (term, phrase, prefix, regex, entity alias)
//!    across all rules into one table of atoms, and builds one index per kind: word sequences
//!    become sequences of word ids, indexed by their first id; prefixes go into one table
//!    looked up at word starts; the regexes of each field go into one `RegexSet`.
//! 2. Matching turns each field's words into ids once, walks them once against those indexes,
//!    and produces an occurrence table: for every atom that occurred, where (field, word
//!    positions, bytes).
//! 3. Only rules with a trigger atom that occurred are evaluated (an `AND` triggers on its
//!    most specific operand only: `a AND the` cannot match without `a`), plus the rare rule
//!    that can match with no positive evidence, such as `NOT a OR b`; each walks its compiled tree over
//!    the occurrence table, collecting the spans that made it match.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::config::FeedScope;
use crate::feed::Item;
use crate::feed::normalize::{fold_case_aligned, normalize_keep_case};
use crate::rules::ast::{Atom, Expr, Field};
use crate::rules::words::{FieldText, query_words};

/// One rule to compile: its query and the feeds it is limited to.
pub struct RuleInput<'a> {
    pub expr: &'a Expr,
    /// Feeds the rule looks at; empty means every feed.
    pub scope: &'a [FeedScope],
}

/// Entities already expanded: name -> alias atoms.
pub type Entities = HashMap<String, Vec<Atom>>;

/// The feed an item came from, for rule scopes.
pub struct FeedRef<'a> {
    pub name: &'a str,
    pub tags: &'a [String],
}

/// An item's fields as [`FieldText`]s, built once per item and shared by all rules.
pub struct PreparedItem {
    /// Indexed with [`Field::index`].
    pub fields: [FieldText; Field::COUNT],
}

impl PreparedItem {
    /// `tags` are the tags of the item's feed; they become `tag:NAME` words of the `feed` field.
    pub fn new(item: &Item, tags: &[String]) -> PreparedItem {
        let mut feed = item.feed.clone();
        for tag in tags {
            feed.push_str(" tag:");
            feed.push_str(tag);
        }
        let link = item
            .link
            .as_deref()
            .map(link_with_domains)
            .unwrap_or_default();
        let fields = Field::ALL.map(|field| match field {
            Field::Title => FieldText::new(&item.title),
            Field::Summary => FieldText::new(&item.summary),
            Field::Content => FieldText::new(&item.content),
            Field::Author => FieldText::new(&item.authors.join(", ")),
            Field::Category => FieldText::new(&item.categories.join(", ")),
            Field::Link => FieldText::new(&link),
            Field::Feed => FieldText::new(&feed),
        });
        PreparedItem { fields }
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

/// Where a span of evidence is, in the field's [`FieldText::text`].
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

/// Index into [`Matcher::atoms`].
type AtomId = u32;

/// Fields as a bit set (bit = [`Field::index`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct FieldMask(u8);

impl FieldMask {
    fn of(field: Option<Field>) -> FieldMask {
        match field {
            Some(f) => FieldMask(1 << f.index()),
            None => Field::DEFAULT
                .iter()
                .fold(FieldMask(0), |m, f| FieldMask(m.0 | 1 << f.index())),
        }
    }

    fn contains(self, field: usize) -> bool {
        self.0 & (1 << field) != 0
    }
}

/// How an atom is found in an item.
enum AtomKind {
    /// One of [`Matcher::phrases`].
    Words,
    /// One of the prefixes of [`Matcher::prefixes`].
    Prefix,
    /// Found by its field's `RegexSet`, located by its own `Regex`.
    Regex,
}

struct AtomInfo {
    kind: AtomKind,
    /// How rarely the atom is likely to occur, for choosing which atoms make a rule worth
    /// evaluating: the bytes of its words or prefix (longer is rarer), 0 for a regex.
    specificity: u32,
    /// Fields some rule looks for it in; occurrences elsewhere are not recorded.
    fields: FieldMask,
}

/// A word sequence as word ids, with the atom it is.
struct Phrase {
    words: Box<[u32]>,
    atom: AtomId,
}

/// A rule's tree with leaves resolved to atoms.
enum Node {
    /// Any of these atoms, each in its fields: a `Match`, an `Entity` (its aliases), or an `Or`
    /// of those under `Near`.
    Leaf(Vec<(AtomId, FieldMask)>),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Near {
        left: Vec<(AtomId, FieldMask)>,
        right: Vec<(AtomId, FieldMask)>,
        distance: u32,
    },
}

impl Node {
    /// Whether a match needs some positive atom to occur; rules for which it does not are
    /// evaluated for every item.
    fn needs_positive(&self) -> bool {
        match self {
            Node::Leaf(_) | Node::Near { .. } => true,
            Node::And(children) => children.iter().any(Node::needs_positive),
            Node::Or(children) => children.iter().all(Node::needs_positive),
            Node::Not(_) => false,
        }
    }

    /// Atoms one of which occurs whenever the node matches (for a node that
    /// [`needs_positive`](Node::needs_positive)), chosen to be rarely found: of the children
    /// of an `And` and the sides of a `Near`, only the one whose atoms look most specific
    /// counts. Returns that specificity: the least [`AtomInfo::specificity`] of the atoms.
    fn trigger_atoms(&self, atoms: &[AtomInfo], out: &mut Vec<AtomId>) -> u32 {
        let leaves = |leaves: &[(AtomId, FieldMask)], out: &mut Vec<AtomId>| {
            out.extend(leaves.iter().map(|(a, _)| *a));
            leaves
                .iter()
                .map(|(a, _)| atoms[*a as usize].specificity)
                .min()
                .unwrap_or(0)
        };
        match self {
            Node::Leaf(l) => leaves(l, out),
            Node::Near { left, right, .. } => {
                let mut l = Vec::new();
                let mut r = Vec::new();
                let (ls, rs) = (leaves(left, &mut l), leaves(right, &mut r));
                out.extend(if ls >= rs { l } else { r });
                ls.max(rs)
            }
            Node::Or(children) => children
                .iter()
                .map(|c| c.trigger_atoms(atoms, out))
                .min()
                .unwrap_or(0),
            Node::And(children) => {
                let mut best: Option<(u32, Vec<AtomId>)> = None;
                for child in children.iter().filter(|c| c.needs_positive()) {
                    let mut found = Vec::new();
                    let score = child.trigger_atoms(atoms, &mut found);
                    if best.as_ref().is_none_or(|(s, _)| score > *s) {
                        best = Some((score, found));
                    }
                }
                let (score, found) = best.unwrap_or_default();
                out.extend(found);
                score
            }
            Node::Not(_) => 0,
        }
    }
}

struct CompiledRule {
    root: Node,
    scope: Vec<FeedScope>,
}

/// Every rule compiled into one matcher; see the module docs for how it is laid out.
pub struct Matcher {
    rules: Vec<CompiledRule>,
    atoms: Vec<AtomInfo>,
    /// Every word of every word sequence, folded, to its id.
    vocabulary: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
    phrases: Vec<Phrase>,
    /// Word id -> phrases (indexes into `phrases`) starting with it.
    phrases_by_first_word: Vec<Vec<u32>>,
    /// Every prefix, looked up at each word's start.
    prefixes: PrefixIndex,
    /// Every regex atom, compiled alone: run only where its field's set said it matches.
    regexes: Vec<Regex>,
    /// Regex index -> its atom.
    regex_atoms: Vec<AtomId>,
    /// Per field: one set of the regexes looked for there, and set index -> regex index.
    regex_sets: [Option<(RegexSet, Vec<usize>)>; Field::COUNT],
    /// Fields in which some word sequence is looked for.
    phrase_fields: FieldMask,
    /// Fields in which some prefix is looked for.
    prefix_fields: FieldMask,
    /// Atom -> rules that one of its occurrences makes worth evaluating ([`Node::trigger_atoms`]).
    rules_by_atom: Vec<Vec<u32>>,
    /// Rules that can match with no positive atom occurring (`NOT a OR b`).
    always_evaluated: Vec<u32>,
}

/// Where an atom occurred in an item.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    atom: AtomId,
    field: u8,
    /// First and last word position covered; `None` for a regex match that covers no word
    /// (it can satisfy a plain match but has no position for `NEAR`).
    words: Option<(u32, u32)>,
    start: u32,
    end: u32,
}

/// A word id for item words no rule mentions.
const UNKNOWN_WORD: u32 = u32::MAX;

/// What compilation collects before the indexes are built.
#[derive(Default)]
struct Builder {
    atoms: Vec<AtomInfo>,
    atom_ids: HashMap<AtomKey, AtomId>,
    vocabulary: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
    phrases: Vec<Phrase>,
    prefixes: PrefixIndex,
    regexes: Vec<Regex>,
    regex_atoms: Vec<AtomId>,
    /// Per regex: its pattern as given to the field's set, and the first rule that used it.
    regex_sources: Vec<(String, usize)>,
}

/// An atom after normalization, as the deduplication key.
#[derive(PartialEq, Eq, Hash)]
enum AtomKey {
    Words(Vec<String>),
    Prefix(String),
    Regex(String),
}

impl Matcher {
    /// Compiles every rule into one matcher. Errors (an entity missing from `entities`, a
    /// regex that fails to compile, `RegexSet` size limits) name the rule index.
    pub fn compile(rules: &[RuleInput<'_>], entities: &Entities) -> Result<Matcher, String> {
        let mut builder = Builder::default();
        let mut compiled = Vec::with_capacity(rules.len());
        for (index, rule) in rules.iter().enumerate() {
            let root = builder
                .node(rule.expr, entities, index)
                .map_err(|e| format!("rule {index}: {e}"))?;
            compiled.push(CompiledRule {
                root,
                scope: rule.scope.to_vec(),
            });
        }
        builder.finish(compiled)
    }

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

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Every occurrence of every atom in the item, sorted by (atom, field, start).
    fn occurrences(&self, item: &PreparedItem, ids: &mut Vec<u32>, out: &mut Vec<Occurrence>) {
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

impl Builder {
    fn node(&mut self, expr: &Expr, entities: &Entities, rule: usize) -> Result<Node, String> {
        Ok(match expr {
            Expr::Match { .. } | Expr::Entity { .. } => {
                Node::Leaf(self.leaves(expr, entities, rule)?)
            }
            Expr::And(children) => Node::And(self.nodes(children, entities, rule)?),
            Expr::Or(children) => Node::Or(self.nodes(children, entities, rule)?),
            Expr::Not(inner) => Node::Not(Box::new(self.node(inner, entities, rule)?)),
            Expr::Near {
                left,
                right,
                distance,
            } => Node::Near {
                left: self.leaves(left, entities, rule)?,
                right: self.leaves(right, entities, rule)?,
                distance: *distance,
            },
        })
    }

    fn nodes(
        &mut self,
        exprs: &[Expr],
        entities: &Entities,
        rule: usize,
    ) -> Result<Vec<Node>, String> {
        exprs.iter().map(|e| self.node(e, entities, rule)).collect()
    }

    /// The atoms of a `Match`, an `Entity`, or an `Or` of those (a `NEAR` operand).
    fn leaves(
        &mut self,
        expr: &Expr,
        entities: &Entities,
        rule: usize,
    ) -> Result<Vec<(AtomId, FieldMask)>, String> {
        let mut out = Vec::new();
        self.collect_leaves(expr, entities, rule, &mut out)?;
        Ok(out)
    }

    fn collect_leaves(
        &mut self,
        expr: &Expr,
        entities: &Entities,
        rule: usize,
        out: &mut Vec<(AtomId, FieldMask)>,
    ) -> Result<(), String> {
        match expr {
            Expr::Match { atom, field } => {
                let fields = FieldMask::of(*field);
                out.push((self.atom(atom, fields, rule)?, fields));
            }
            Expr::Entity { name, field } => {
                let aliases = entities
                    .get(name)
                    .ok_or_else(|| format!("unknown entity @{name}"))?;
                let fields = FieldMask::of(*field);
                for alias in aliases {
                    let atom = self
                        .atom(alias, fields, rule)
                        .map_err(|e| format!("entity @{name}: {e}"))?;
                    out.push((atom, fields));
                }
            }
            Expr::Or(children) => {
                for child in children {
                    self.collect_leaves(child, entities, rule, out)?;
                }
            }
            Expr::And(_) | Expr::Not(_) | Expr::Near { .. } => {
                return Err("NEAR operands must be terms, phrases, prefixes, regexes, \
                            entities or an OR of those"
                    .into());
            }
        }
        Ok(())
    }

    /// The id of `atom`, normalized like item text, adding it on first use. `fields` widens
    /// where it is looked for.
    fn atom(&mut self, atom: &Atom, fields: FieldMask, rule: usize) -> Result<AtomId, String> {
        let key = match atom {
            // Re-segmenting is a no-op for parser output and keeps hand-built trees
            // (`"People's"`, `"US-China"`) comparable with item words.
            Atom::Words(words) => {
                AtomKey::Words(words.iter().flat_map(|w| query_words(w)).collect())
            }
            Atom::Prefix(prefix) => {
                AtomKey::Prefix(fold_case_aligned(&normalize_keep_case(prefix)))
            }
            Atom::Regex {
                pattern,
                case_insensitive,
            } => AtomKey::Regex(if *case_insensitive {
                format!("(?i){pattern}")
            } else {
                pattern.clone()
            }),
        };
        if let Some(&id) = self.atom_ids.get(&key) {
            let info = &mut self.atoms[id as usize];
            info.fields = FieldMask(info.fields.0 | fields.0);
            return Ok(id);
        }
        let id = AtomId::try_from(self.atoms.len()).map_err(|_| "too many patterns".to_string())?;
        let kind = match &key {
            AtomKey::Words(words) => {
                if words.is_empty() {
                    return Err("a term or phrase without any word".into());
                }
                let mut ids = Vec::with_capacity(words.len());
                for word in words {
                    let next = self.vocabulary.len() as u32;
                    ids.push(*self.vocabulary.entry(word.as_str().into()).or_insert(next));
                }
                let ids = ids.into_boxed_slice();
                self.phrases.push(Phrase {
                    words: ids,
                    atom: id,
                });
                AtomKind::Words
            }
            AtomKey::Prefix(prefix) => {
                if prefix.is_empty() {
                    return Err("a prefix without any letter".into());
                }
                self.prefixes.insert(prefix, id);
                AtomKind::Prefix
            }
            AtomKey::Regex(source) => {
                let regex =
                    Regex::new(source).map_err(|e| format!("invalid regex /{source}/: {e}"))?;
                self.regexes.push(regex);
                self.regex_atoms.push(id);
                self.regex_sources.push((source.clone(), rule));
                AtomKind::Regex
            }
        };
        let specificity = match &key {
            AtomKey::Words(words) => words.iter().map(|w| w.len() as u32 + 1).sum(),
            AtomKey::Prefix(prefix) => prefix.len() as u32,
            AtomKey::Regex(_) => 0,
        };
        self.atoms.push(AtomInfo {
            kind,
            specificity,
            fields,
        });
        self.atom_ids.insert(key, id);
        Ok(id)
    }

    fn finish(self, rules: Vec<CompiledRule>) -> Result<Matcher, String> {
        let mut phrases_by_first_word = vec![Vec::new(); self.vocabulary.len()];
        for (index, phrase) in self.phrases.iter().enumerate() {
            phrases_by_first_word[phrase.words[0] as usize].push(index as u32);
        }
        let mut regex_sets: [Option<(RegexSet, Vec<usize>)>; Field::COUNT] = Default::default();
        for field in Field::ALL {
            let indexes: Vec<usize> = self
                .regex_atoms
                .iter()
                .enumerate()
                .filter(|(_, atom)| self.atoms[**atom as usize].fields.contains(field.index()))
                .map(|(index, _)| index)
                .collect();
            if indexes.is_empty() {
                continue;
            }
            let sources: Vec<&(String, usize)> =
                indexes.iter().map(|&i| &self.regex_sources[i]).collect();
            let set = regex_set(&sources).map_err(|_| oversized_set_error(&sources, field))?;
            regex_sets[field.index()] = Some((set, indexes));
        }

        let fields_of = |kind: fn(&AtomKind) -> bool| {
            self.atoms
                .iter()
                .filter(|a| kind(&a.kind))
                .fold(FieldMask(0), |m, a| FieldMask(m.0 | a.fields.0))
        };
        let phrase_fields = fields_of(|k| matches!(k, AtomKind::Words));
        let prefix_fields = fields_of(|k| matches!(k, AtomKind::Prefix));

        let mut rules_by_atom = vec![Vec::new(); self.atoms.len()];
        let mut always_evaluated = Vec::new();
        let mut atoms = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            if !rule.root.needs_positive() {
                always_evaluated.push(index as u32);
            }
            atoms.clear();
            rule.root.trigger_atoms(&self.atoms, &mut atoms);
            atoms.sort_unstable();
            atoms.dedup();
            for &atom in &atoms {
                rules_by_atom[atom as usize].push(index as u32);
            }
        }

        Ok(Matcher {
            rules,
            atoms: self.atoms,
            vocabulary: self.vocabulary,
            phrases: self.phrases,
            phrases_by_first_word,
            prefixes: self.prefixes,
            regexes: self.regexes,
            regex_atoms: self.regex_atoms,
            regex_sets,
            phrase_fields,
            prefix_fields,
            rules_by_atom,
            always_evaluated,
        })
    }
}

/// Slots of [`PrefixIndex::lengths`].
const PREFIX_SLOTS: usize = 1 << 12;

/// Every prefix, found by looking up a word's leading bytes: for the first two bytes of a word,
/// a bit mask says which prefix lengths can start that way, and only those lengths are looked
/// up, so most words cost one table read.
struct PrefixIndex {
    /// Folded prefix -> its atom (prefixes are deduplicated, so one each).
    atoms: HashMap<Box<str>, AtomId, BuildHasherDefault<WordHasher>>,
    /// By [`PrefixIndex::slot`] of a text's first two bytes: bit `n - 1` is set if some prefix
    /// of `n` < 64 bytes may start with them, bit 63 if some prefix of 64 bytes or more may.
    /// Slots are shared by unrelated byte pairs: a set bit only says "look it up".
    lengths: Box<[u64]>,
    /// The lengths of prefixes of 64 bytes or more, for bit 63.
    long_lengths: Vec<usize>,
}

impl Default for PrefixIndex {
    fn default() -> PrefixIndex {
        PrefixIndex {
            atoms: HashMap::default(),
            lengths: vec![0; PREFIX_SLOTS].into_boxed_slice(),
            long_lengths: Vec::new(),
        }
    }
}

impl PrefixIndex {
    /// The slot of text starting with `first` and `second` (0 for a one-byte text).
    fn slot(first: u8, second: u8) -> usize {
        ((usize::from(first) << 4) ^ usize::from(second)) & (PREFIX_SLOTS - 1)
    }

    fn length_bit(length: usize) -> u64 {
        1 << (length.min(64) - 1)
    }

    /// Adds a prefix that is not empty and not yet present.
    fn insert(&mut self, prefix: &str, atom: AtomId) {
        let bytes = prefix.as_bytes();
        let bit = Self::length_bit(bytes.len());
        match bytes {
            [first] => {
                for second in 0..=u8::MAX {
                    self.lengths[Self::slot(*first, second)] |= bit;
                }
            }
            [first, second, ..] => self.lengths[Self::slot(*first, *second)] |= bit,
            [] => return,
        }
        if bytes.len() >= 64 && !self.long_lengths.contains(&bytes.len()) {
            self.long_lengths.push(bytes.len());
        }
        self.atoms.insert(prefix.into(), atom);
    }

    /// Calls `found` with the atom of every prefix that `word` starts with.
    fn each_prefix_of(&self, word: &str, mut found: impl FnMut(AtomId)) {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return;
        };
        let second = bytes.get(1).copied().unwrap_or(0);
        let mut lengths = self.lengths[Self::slot(first, second)];
        if bytes.len() < 64 {
            // Only lengths up to the word's own.
            lengths &= (1u64 << bytes.len()) - 1;
        }
        let mut look_up = |length: usize| {
            if let Some(&atom) = word.get(..length).and_then(|p| self.atoms.get(p)) {
                found(atom);
            }
        };
        while lengths != 0 {
            let bit = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            if bit < 63 {
                look_up(bit + 1);
            } else {
                for &length in self.long_lengths.iter().filter(|&&l| l <= bytes.len()) {
                    look_up(length);
                }
            }
        }
    }
}

/// The set of one field's regexes, used only to tell which regexes can match: each pattern
/// loses its word-boundary assertions. Dropping an assertion only widens what a pattern
/// matches, so the set still finds every regex that matches, and each hit is confirmed by the
/// regex itself. Without them the set runs in the lazy DFA on any text; with a Unicode `\b` the
/// DFA gives up on the first non-ASCII byte (every Chinese headline) and the set falls back to
/// the PikeVM, whose cost grows with the number of patterns times the text length.
fn regex_set(sources: &[&(String, usize)]) -> Result<RegexSet, regex::Error> {
    let build = |patterns: Vec<String>| {
        RegexSetBuilder::new(patterns)
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
    };
    let relaxed = sources
        .iter()
        .map(|(source, _)| format!("(?:[\\s\\S]|){}", without_word_boundaries(source)))
        .collect();
    // A pattern that does not parse once relaxed (`\b+`) keeps the set exact instead.
    build(relaxed).or_else(|_| build(sources.iter().map(|(s, _)| s.clone()).collect()))
}

/// `pattern` without `\b`, `\B`, `\b{...}`, `\<` and `\>` outside character classes.
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b' | 'B' | '<' | '>') if class_depth == 0 => {
                    if chars.peek() == Some(&'{') {
                        for skipped in chars.by_ref() {
                            if skipped == '}' {
                                break;
                            }
                        }
                    }
                }
                Some(next) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Names the rule whose regex made the set too large: the shortest failing prefix of the list,
/// found by bisection so the error path costs a logarithmic number of set builds.
fn oversized_set_error(sources: &[&(String, usize)], field: Field) -> String {
    let (mut fits, mut fails) = (0, sources.len());
    while fails - fits > 1 {
        let middle = fits + (fails - fits) / 2;
        if regex_set(&sources[..middle]).is_ok() {
            fits = middle;
        } else {
            fails = middle;
        }
    }
    let (source, rule) = sources[fails - 1];
    format!(
        "rule {rule}: regex /{source}/ makes the {field} regexes of all rules too large together"
    )
}

/// The occurrences of one item, sorted by atom, looked up by atom.
struct OccurrenceTable<'a> {
    occurrences: &'a [Occurrence],
    /// Atom -> its range in `occurrences`; empty for atoms that did not occur.
    ranges: &'a [(u32, u32)],
}

impl OccurrenceTable<'_> {
    fn of(&self, atom: AtomId) -> &[Occurrence] {
        let (start, end) = self.ranges[atom as usize];
        &self.occurrences[start as usize..end as usize]
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

/// FxHash-style hasher for the vocabulary lookups, one per item word: several times cheaper
/// than SipHash on short words. Item text cannot grow the table, so flooding it is not a
/// concern.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().expect("chunks_exact gives 8 bytes");
            self.add(u64::from_le_bytes(word));
        }
        // The tail of a word (most words are shorter than 8 bytes) as two overlapping 4-byte
        // loads or three single bytes: a variable-length copy would cost a `memcpy` call.
        let rest = chunks.remainder();
        let n = rest.len();
        let tail = if n >= 4 {
            let load = |at: usize| {
                let four: [u8; 4] = rest[at..at + 4].try_into().expect("4 bytes in range");
                u64::from(u32::from_le_bytes(four))
            };
            load(0) | load(n - 4) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            0
        };
        self.add(tail ^ (n as u64) << 56);
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Atom {
        Atom::Words(query_words(text))
    }
    fn t(text: &str) -> Expr {
        Expr::Match {
            atom: words(text),
            field: None,
        }
    }
    fn tf(field: Field, text: &str) -> Expr {
        Expr::Match {
            atom: words(text),
            field: Some(field),
        }
    }
    fn pre(prefix: &str) -> Expr {
        Expr::Match {
            atom: Atom::Prefix(prefix.into()),
            field: None,
        }
    }
    fn re(pattern: &str) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.into(),
                case_insensitive: false,
            },
            field: None,
        }
    }
    fn rei(pattern: &str) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.into(),
                case_insensitive: true,
            },
            field: None,
        }
    }
    fn ent(name: &str) -> Expr {
        Expr::Entity {
            name: name.into(),
            field: None,
        }
    }
    fn and(exprs: Vec<Expr>) -> Expr {
        Expr::And(exprs)
    }
    fn or(exprs: Vec<Expr>) -> Expr {
        Expr::Or(exprs)
    }
    fn not(expr: Expr) -> Expr {
        Expr::Not(Box::new(expr))
    }
    fn near(left: Expr, right: Expr, distance: u32) -> Expr {
        Expr::Near {
            left: Box::new(left),
            right: Box::new(right),
            distance,
        }
    }

    fn entities() -> Entities {
        Entities::from([
            (
                "alibaba".to_string(),
                vec![
                    words("alibaba"),
                    words("阿里巴巴"),
                    Atom::Regex {
                        pattern: r"\bBABA\b".into(),
                        case_insensitive: false,
                    },
                ],
            ),
            (
                "pla".to_string(),
                vec![words("people's liberation army"), words("PLA")],
            ),
        ])
    }

    fn item(fields: &[(Field, &str)]) -> Item {
        let mut item = Item {
            feed: "wire".into(),
            entry_id: "1".into(),
            title: String::new(),
            summary: String::new(),
            content: String::new(),
            authors: Vec::new(),
            categories: Vec::new(),
            link: None,
            canonical_link: None,
            published: None,
            updated: None,
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

    fn compile(exprs: &[Expr]) -> Matcher {
        let rules: Vec<RuleInput<'_>> = exprs
            .iter()
            .map(|expr| RuleInput { expr, scope: &[] })
            .collect();
        Matcher::compile(&rules, &entities()).expect("test rules compile")
    }

    use Field::{Author, Category, Content, Link, Summary, Title};

    type Case<'a> = (
        &'a str,
        Expr,
        Vec<(Field, &'a str)>,
        Option<Vec<(Field, &'a str)>>,
    );

    fn cases() -> Vec<Case<'static>> {
        let pentagon = vec![(Title, "Alibaba named by Pentagon")];
        vec![
            (
                "term",
                t("alibaba"),
                vec![(Title, "Alibaba shares rise")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "term is a whole word",
                t("alibaba"),
                vec![(Title, "Alibabas everywhere")],
                None,
            ),
            (
                "term in content",
                t("alibaba"),
                vec![(Content, "news about alibaba")],
                Some(vec![(Content, "alibaba")]),
            ),
            (
                "term absent",
                t("alibaba"),
                vec![(Title, "Tencent results")],
                None,
            ),
            (
                "term in several fields",
                t("alibaba"),
                vec![(Title, "Alibaba"), (Summary, "ALIBABA again")],
                Some(vec![(Title, "Alibaba"), (Summary, "ALIBABA")]),
            ),
            (
                "phrase",
                t("cloud unit"),
                vec![(Title, "Alibaba cloud unit grows")],
                Some(vec![(Title, "cloud unit")]),
            ),
            (
                "phrase out of order",
                t("cloud unit"),
                vec![(Title, "unit of cloud")],
                None,
            ),
            (
                "phrase across punctuation",
                t("cloud unit"),
                vec![(Title, "cloud, unit")],
                Some(vec![(Title, "cloud, unit")]),
            ),
            (
                "phrase split across fields",
                t("cloud unit"),
                vec![(Title, "its cloud"), (Summary, "unit sold")],
                None,
            ),
            (
                "prefix",
                pre("sanction"),
                vec![(Title, "New sanctions imposed")],
                Some(vec![(Title, "sanctions")]),
            ),
            (
                "prefix only at word start",
                pre("sanction"),
                vec![(Title, "unsanctioned trade")],
                None,
            ),
            (
                "prefix equal to the word",
                pre("sanction"),
                vec![(Title, "a sanction")],
                Some(vec![(Title, "sanction")]),
            ),
            (
                "regex case-sensitive",
                re(r"\bBABA\b"),
                vec![(Title, "BABA rose")],
                Some(vec![(Title, "BABA")]),
            ),
            (
                "regex word boundary is Unicode-aware",
                re(r"\bBABA\b"),
                vec![(Title, "阿BABA rose, BABA阿 too")],
                None,
            ),
            (
                "regex case-sensitive misses lower case",
                re(r"\bBABA\b"),
                vec![(Title, "baba rose")],
                None,
            ),
            (
                "regex /i",
                rei("alibaba"),
                vec![(Title, "ALIBABA rose")],
                Some(vec![(Title, "ALIBABA")]),
            ),
            (
                "regex every match is evidence",
                re(r"\d+%"),
                vec![(Title, "up 4% then 5%")],
                Some(vec![(Title, "4%"), (Title, "5%")]),
            ),
            (
                "entity by term",
                ent("alibaba"),
                vec![(Title, "Alibaba cloud")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "entity by regex alias",
                ent("alibaba"),
                vec![(Title, "BABA falls")],
                Some(vec![(Title, "BABA")]),
            ),
            (
                "entity CJK alias inside a longer name",
                ent("alibaba"),
                vec![(Title, "阿里巴巴集团")],
                Some(vec![(Title, "阿里巴巴")]),
            ),
            (
                "entity phrase alias",
                ent("pla"),
                vec![(Summary, "the People’s Liberation Army said")],
                Some(vec![(Summary, "People's Liberation Army")]),
            ),
            (
                "CJK phrase inside CJK text",
                t("阿里巴巴"),
                vec![(Title, "阿里巴巴集团发布")],
                Some(vec![(Title, "阿里巴巴")]),
            ),
            (
                "latin word inside CJK",
                t("alibaba"),
                vec![(Title, "阿里巴巴Alibaba集团")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "typographic apostrophe",
                t("people's liberation army"),
                vec![(Title, "People’s Liberation Army")],
                Some(vec![(Title, "People's Liberation Army")]),
            ),
            (
                "possessive",
                t("alibaba"),
                vec![(Title, "Alibaba's cloud")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "full-width letters",
                t("alibaba"),
                vec![(Title, "ＡＬＩＢＡＢＡ rose")],
                Some(vec![(Title, "ALIBABA")]),
            ),
            (
                "hyphenated term",
                t("US-China"),
                vec![(Title, "US-China talks")],
                Some(vec![(Title, "US-China")]),
            ),
            (
                "title: only title",
                tf(Title, "alibaba"),
                vec![(Content, "alibaba")],
                None,
            ),
            (
                "content: field",
                tf(Content, "alibaba"),
                vec![(Title, "x"), (Content, "alibaba")],
                Some(vec![(Content, "alibaba")]),
            ),
            (
                "default fields exclude author",
                t("smith"),
                vec![(Author, "John Smith")],
                None,
            ),
            (
                "author:",
                tf(Author, "smith"),
                vec![(Author, "John Smith")],
                Some(vec![(Author, "Smith")]),
            ),
            (
                "category:",
                tf(Category, "technology"),
                vec![(Category, "Technology")],
                Some(vec![(Category, "Technology")]),
            ),
            (
                "link: parent domain",
                tf(Link, "reuters.com"),
                vec![(Link, "https://www.reuters.com/x")],
                Some(vec![(Link, "reuters.com")]),
            ),
            (
                "link: no bare TLD",
                tf(Link, "com"),
                vec![(Link, "https://www.reuters.com/x")],
                None,
            ),
            (
                "AND",
                and(vec![t("alibaba"), ent("pla")]),
                vec![(Title, "Alibaba and the PLA")],
                Some(vec![(Title, "Alibaba"), (Title, "PLA")]),
            ),
            (
                "AND missing one",
                and(vec![t("alibaba"), ent("pla")]),
                vec![(Title, "Alibaba alone")],
                None,
            ),
            (
                "AND across fields",
                and(vec![t("alibaba"), t("pla")]),
                vec![(Title, "Alibaba"), (Content, "PLA")],
                Some(vec![(Title, "Alibaba"), (Content, "PLA")]),
            ),
            (
                "OR keeps matched branches only",
                or(vec![t("alibaba"), t("tencent")]),
                vec![(Title, "Alibaba rises")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "OR both branches",
                or(vec![t("alibaba"), t("tencent")]),
                vec![(Title, "Alibaba and Tencent")],
                Some(vec![(Title, "Alibaba"), (Title, "Tencent")]),
            ),
            (
                "NOT excludes",
                and(vec![t("alibaba"), not(or(vec![t("stock"), t("shares")]))]),
                vec![(Title, "Alibaba shares")],
                None,
            ),
            (
                "NOT gives no spans",
                and(vec![t("alibaba"), not(t("stock"))]),
                vec![(Title, "Alibaba cloud")],
                Some(vec![(Title, "Alibaba")]),
            ),
            (
                "OR with NOT matches without evidence",
                or(vec![not(t("stock")), t("alibaba")]),
                vec![(Title, "quiet day")],
                Some(vec![]),
            ),
            (
                "NEAR at the distance",
                near(t("alibaba"), t("pentagon"), 3),
                pentagon.clone(),
                Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
            ),
            (
                "NEAR one short",
                near(t("alibaba"), t("pentagon"), 2),
                pentagon.clone(),
                None,
            ),
            (
                "NEAR other order",
                near(t("pentagon"), t("alibaba"), 3),
                pentagon.clone(),
                Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
            ),
            (
                "NEAR other order one short",
                near(t("pentagon"), t("alibaba"), 2),
                pentagon,
                None,
            ),
            (
                "NEAR adjacent is 1",
                near(t("alibaba"), t("cloud"), 1),
                vec![(Title, "Alibaba cloud")],
                Some(vec![(Title, "Alibaba"), (Title, "cloud")]),
            ),
            (
                "NEAR from the last word of a phrase",
                near(ent("pla"), t("alibaba"), 1),
                vec![(Title, "People's Liberation Army, Alibaba")],
                Some(vec![
                    (Title, "People's Liberation Army"),
                    (Title, "Alibaba"),
                ]),
            ),
            (
                "NEAR not across fields",
                near(t("alibaba"), t("pentagon"), 9),
                vec![(Title, "Alibaba"), (Summary, "Pentagon")],
                None,
            ),
            (
                "NEAR occurrences must not overlap",
                near(t("alibaba"), ent("alibaba"), 5),
                vec![(Title, "Alibaba rose")],
                None,
            ),
            (
                "NEAR same word twice",
                near(t("alibaba"), t("alibaba"), 2),
                vec![(Title, "Alibaba vs Alibaba")],
                Some(vec![(Title, "Alibaba"), (Title, "Alibaba")]),
            ),
            (
                "NEAR spans only qualifying occurrences",
                near(t("alibaba"), t("pentagon"), 3),
                vec![(
                    Title,
                    "Alibaba one two three four five Alibaba named by Pentagon",
                )],
                Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
            ),
            (
                "NEAR with OR operand and regex",
                near(or(vec![t("tencent"), re(r"\bBABA\b")]), pre("sanction"), 2),
                vec![(Title, "BABA faces sanctions")],
                Some(vec![(Title, "BABA"), (Title, "sanctions")]),
            ),
            (
                "NEAR in a field",
                near(tf(Content, "alibaba"), tf(Content, "pla"), 1),
                vec![(Title, "Alibaba PLA"), (Content, "Alibaba and PLA")],
                None,
            ),
            (
                "duplicate evidence once",
                and(vec![t("alibaba"), ent("alibaba")]),
                vec![(Title, "Alibaba")],
                Some(vec![(Title, "Alibaba")]),
            ),
        ]
    }

    #[test]
    fn query_semantics_table() {
        let cases = cases();
        assert!(cases.len() >= 40);
        for (name, expr, fields, want) in cases {
            let matcher = compile(std::slice::from_ref(&expr));
            let prepared = PreparedItem::new(&item(&fields), &[]);
            let got = matcher.match_item(&prepared, None);
            match want {
                None => assert!(got.is_empty(), "{name}: unexpected match {got:?}"),
                Some(want) => {
                    assert_eq!(got.len(), 1, "{name}: no match");
                    let spans: Vec<(Field, &str)> = got[0]
                        .spans
                        .iter()
                        .map(|s| (s.field, s.text.as_str()))
                        .collect();
                    assert_eq!(spans, want, "{name}");
                    for span in &got[0].spans {
                        let text = &prepared.fields[span.field.index()].text;
                        assert_eq!(&text[span.start..span.end], span.text, "{name}");
                    }
                }
            }
        }
    }

    #[test]
    fn many_rules_return_the_matching_subset_in_rule_order() {
        let cases = cases();
        let exprs: Vec<Expr> = cases.iter().map(|c| c.1.clone()).collect();
        let all = compile(&exprs);
        assert_eq!(all.rule_count(), exprs.len());
        for (name, _, fields, _) in &cases {
            let prepared = PreparedItem::new(&item(fields), &[]);
            let got = all.match_item(&prepared, None);
            // Each rule alone decides the expected answer; the table test has checked those.
            let want: Vec<RuleMatch> = exprs
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let alone = compile(std::slice::from_ref(e)).match_item(&prepared, None);
                    alone.into_iter().next().map(|m| RuleMatch { rule: i, ..m })
                })
                .collect();
            assert_eq!(got, want, "{name}");
            assert!(
                !want.is_empty() && want.len() < exprs.len() / 2,
                "{name}: {want:?}"
            );
        }
    }

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

    #[test]
    fn regex_set_patterns_lose_only_word_boundaries() {
        let cases = [
            (r"\bBABA\b", "BABA"),
            (r"\\b[\b]", r"\\b[\b]"),
            (r"\b{start}x\B\<y\>", "xy"),
            (r"a\d+", r"a\d+"),
        ];
        for (pattern, relaxed) in cases {
            assert_eq!(without_word_boundaries(pattern), relaxed, "{pattern}");
        }
    }

    #[test]
    fn compile_errors_name_the_rule() {
        let good = t("alibaba");
        let unknown = ent("alibab");
        let bad_regex = re("(unclosed");
        for (bad, needle) in [
            (&unknown, "unknown entity @alibab"),
            (&bad_regex, "invalid regex"),
        ] {
            let rules = [
                RuleInput {
                    expr: &good,
                    scope: &[],
                },
                RuleInput {
                    expr: bad,
                    scope: &[],
                },
            ];
            let Err(error) = Matcher::compile(&rules, &entities()) else {
                panic!("{needle}: compiled");
            };
            assert!(
                error.starts_with("rule 1: ") && error.contains(needle),
                "{error}"
            );
        }
    }

    // ---- Differential test against a deliberately simple evaluator. ----

    /// Where an atom occurred, as the reference sees it.
    #[derive(Debug, Clone, Copy, PartialEq)]
    struct RefOccurrence {
        field: Field,
        words: Option<(usize, usize)>,
        start: usize,
        end: usize,
    }

    fn fields_of(field: Option<Field>) -> Vec<Field> {
        field.map_or(Field::DEFAULT.to_vec(), |f| vec![f])
    }

    fn reference_occurrences(atom: &Atom, field: Field, text: &FieldText) -> Vec<RefOccurrence> {
        let n = text.words.len();
        let word_range = |first: usize, last: usize| RefOccurrence {
            field,
            words: Some((first, last)),
            start: text.words[first].start as usize,
            end: text.words[last].end as usize,
        };
        match atom {
            Atom::Words(ws) => (0..n)
                .filter(|&i| i + ws.len() <= n && (0..ws.len()).all(|k| text.word(i + k) == ws[k]))
                .map(|i| word_range(i, i + ws.len() - 1))
                .collect(),
            Atom::Prefix(p) => (0..n)
                .filter(|&i| text.word(i).starts_with(p.as_str()))
                .map(|i| word_range(i, i))
                .collect(),
            Atom::Regex {
                pattern,
                case_insensitive,
            } => {
                let source = if *case_insensitive {
                    format!("(?i){pattern}")
                } else {
                    pattern.clone()
                };
                let regex = Regex::new(&source).expect("test regexes are valid");
                regex
                    .find_iter(&text.text)
                    .map(|m| {
                        let covered: Vec<usize> = (0..n)
                            .filter(|&i| {
                                (text.words[i].start as usize) < m.end()
                                    && (text.words[i].end as usize) > m.start()
                            })
                            .collect();
                        RefOccurrence {
                            field,
                            words: covered.first().zip(covered.last()).map(|(a, b)| (*a, *b)),
                            start: m.start(),
                            end: m.end(),
                        }
                    })
                    .collect()
            }
        }
    }

    fn leaf_occurrences(
        expr: &Expr,
        item: &PreparedItem,
        entities: &Entities,
    ) -> Vec<RefOccurrence> {
        let mut out = Vec::new();
        let (atoms, field) = match expr {
            Expr::Match { atom, field } => (vec![atom.clone()], *field),
            Expr::Entity { name, field } => (entities[name].clone(), *field),
            Expr::Or(children) => {
                return children
                    .iter()
                    .flat_map(|c| leaf_occurrences(c, item, entities))
                    .collect();
            }
            _ => unreachable!("generated NEAR operands are leaves or ORs of leaves"),
        };
        for atom in &atoms {
            for f in fields_of(field) {
                out.extend(reference_occurrences(atom, f, &item.fields[f.index()]));
            }
        }
        out
    }

    fn reference_matches(expr: &Expr, item: &PreparedItem, entities: &Entities) -> bool {
        match expr {
            Expr::Match { .. } | Expr::Entity { .. } => {
                !leaf_occurrences(expr, item, entities).is_empty()
            }
            Expr::And(c) => c.iter().all(|e| reference_matches(e, item, entities)),
            Expr::Or(c) => c.iter().any(|e| reference_matches(e, item, entities)),
            Expr::Not(e) => !reference_matches(e, item, entities),
            Expr::Near {
                left,
                right,
                distance,
            } => {
                let lefts = leaf_occurrences(left, item, entities);
                let rights = leaf_occurrences(right, item, entities);
                let d = *distance as usize;
                lefts.iter().any(|l| {
                    rights.iter().any(|r| {
                        let (Some((ls, le)), Some((rs, re))) = (l.words, r.words) else {
                            return false;
                        };
                        l.field == r.field
                            && ((le < rs && rs - le <= d) || (re < ls && ls - re <= d))
                    })
                })
            }
        }
    }

    /// Every (field, start, end) where some leaf of `expr` occurs.
    fn all_leaf_places(
        expr: &Expr,
        item: &PreparedItem,
        entities: &Entities,
        out: &mut Vec<(Field, usize, usize)>,
    ) {
        match expr {
            Expr::Match { .. } | Expr::Entity { .. } => out.extend(
                leaf_occurrences(expr, item, entities)
                    .iter()
                    .map(|o| (o.field, o.start, o.end)),
            ),
            Expr::And(c) | Expr::Or(c) => c
                .iter()
                .for_each(|e| all_leaf_places(e, item, entities, out)),
            Expr::Not(e) => all_leaf_places(e, item, entities, out),
            Expr::Near { left, right, .. } => {
                all_leaf_places(left, item, entities, out);
                all_leaf_places(right, item, entities, out);
            }
        }
    }

    const VOCABULARY: [&str; 8] = [
        "alibaba",
        "pentagon",
        "cloud",
        "unit",
        "army",
        "stock",
        "sanctions",
        "baba",
    ];

    fn leaf_strategy() -> impl Strategy<Value = Expr> {
        let atom = prop_oneof![
            (0..VOCABULARY.len()).prop_map(|i| words(VOCABULARY[i])),
            Just(words("cloud unit")),
            Just(words("people's liberation army")),
            Just(Atom::Prefix("sanction".into())),
            Just(Atom::Prefix("pen".into())),
            Just(Atom::Regex {
                pattern: r"\bBABA\b".into(),
                case_insensitive: false
            }),
            Just(Atom::Regex {
                pattern: r"cl[a-z]+d".into(),
                case_insensitive: true
            }),
        ];
        let field = prop_oneof![
            Just(None),
            Just(Some(Title)),
            Just(Some(Summary)),
            Just(Some(Content))
        ];
        prop_oneof![
            5 => (atom, field.clone()).prop_map(|(atom, field)| Expr::Match { atom, field }),
            1 => field.prop_map(|field| Expr::Entity { name: "alibaba".into(), field }),
        ]
    }

    fn expr_strategy() -> impl Strategy<Value = Expr> {
        let near_operand = prop_oneof![
            3 => leaf_strategy(),
            1 => prop::collection::vec(leaf_strategy(), 2..3).prop_map(Expr::Or),
        ];
        let near_expr =
            (near_operand.clone(), near_operand, 0u32..5).prop_map(|(l, r, d)| near(l, r, d));
        let base = prop_oneof![3 => leaf_strategy(), 1 => near_expr];
        base.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
                prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::Or),
                inner.prop_map(|e| and(vec![t("alibaba"), not(e)])),
            ]
        })
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            8 => (0..VOCABULARY.len()).prop_map(|i| VOCABULARY[i].to_string()),
            1 => Just("BABA".to_string()),
            1 => Just("Alibaba's".to_string()),
            1 => Just("People’s Liberation Army".to_string()),
            1 => Just("sanctioned".to_string()),
            1 => Just("阿里巴巴".to_string()),
            1 => Just("CLOUD".to_string()),
            3 => prop::sample::select(vec!["the", "of", "x", "-", ",", "unsanctioned", "penny"]).prop_map(str::to_string),
        ];
        prop::collection::vec(token, 0..14).prop_map(|tokens| tokens.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn matcher_agrees_with_reference_evaluator(
            exprs in prop::collection::vec(expr_strategy(), 5),
            title in text_strategy(),
            summary in text_strategy(),
            content in text_strategy(),
        ) {
            let entities = entities();
            let matcher = compile(&exprs);
            let prepared = PreparedItem::new(&item(&[(Title, &title), (Summary, &summary), (Content, &content)]), &[]);
            let got = matcher.match_item(&prepared, None);
            let got_rules: Vec<usize> = got.iter().map(|m| m.rule).collect();
            let want: Vec<usize> = (0..exprs.len())
                .filter(|&i| reference_matches(&exprs[i], &prepared, &entities))
                .collect();
            prop_assert_eq!(&got_rules, &want);
            for m in &got {
                let mut places = Vec::new();
                all_leaf_places(&exprs[m.rule], &prepared, &entities, &mut places);
                for span in &m.spans {
                    prop_assert!(places.contains(&(span.field, span.start, span.end)), "{:?} not an occurrence", span);
                }
            }
        }
    }
}
