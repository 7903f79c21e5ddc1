//! Step 1 of matching: every rule's tree compiled into one [`Matcher`], its leaf patterns
//! deduplicated into one table of atoms and indexed by kind (word ids, prefixes, one
//! `RegexSet` per field).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use regex::{Regex, RegexSet, RegexSetBuilder};

use super::gate::{self, Gate};
use crate::config::FeedScope;
use crate::feed::normalize::{fold_case_aligned, normalize_keep_case};
use crate::rules::ast::{Atom, Expr, Field};
use crate::rules::words::query_words;

/// One rule to compile: its query and the feeds it is limited to.
pub struct RuleInput<'a> {
    pub expr: &'a Expr,
    /// Feeds the rule looks at; empty means every feed.
    pub scope: &'a [FeedScope],
}

/// Entities already expanded: name -> alias atoms.
pub type Entities = HashMap<String, Vec<Atom>>;

/// Index into [`Matcher::atoms`].
pub(super) type AtomId = u32;

/// Fields as a bit set (bit = [`Field::index`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct FieldMask(u8);

impl FieldMask {
    fn of(field: Option<Field>) -> FieldMask {
        match field {
            Some(f) => FieldMask(1 << f.index()),
            None => Field::DEFAULT
                .iter()
                .fold(FieldMask(0), |m, f| FieldMask(m.0 | 1 << f.index())),
        }
    }

    pub(super) fn contains(self, field: usize) -> bool {
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

pub(super) struct AtomInfo {
    kind: AtomKind,
    /// How rarely the atom is likely to occur, for choosing which atoms make a rule worth
    /// evaluating (and the gate's literals): the bytes of its words or prefix (longer is
    /// rarer), of its shortest literal for a regex.
    specificity: u32,
    /// Fields some rule looks for it in; occurrences elsewhere are not recorded.
    pub(super) fields: FieldMask,
    /// What it cannot occur without, for the [`Gate`]; `None` if nothing.
    literals: Option<Vec<String>>,
}

/// A word sequence as word ids, with the atom it is.
pub(super) struct Phrase {
    pub(super) words: Box<[u32]>,
    pub(super) atom: AtomId,
}

/// A rule's tree with leaves resolved to atoms.
pub(super) enum Node {
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

pub(super) struct CompiledRule {
    pub(super) root: Node,
    pub(super) scope: Vec<FeedScope>,
}

/// Every rule compiled into one matcher; see the module docs for how it is laid out.
pub struct Matcher {
    pub(super) rules: Vec<CompiledRule>,
    pub(super) atoms: Vec<AtomInfo>,
    /// Every word of every word sequence, folded, to its id.
    pub(super) vocabulary: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
    pub(super) phrases: Vec<Phrase>,
    /// Word id -> phrases (indexes into `phrases`) starting with it.
    pub(super) phrases_by_first_word: Vec<Vec<u32>>,
    /// Every prefix, looked up at each word's start.
    pub(super) prefixes: PrefixIndex,
    /// Every regex atom, compiled alone: run only where its field's set said it matches.
    pub(super) regexes: Vec<Regex>,
    /// Regex index -> its atom.
    pub(super) regex_atoms: Vec<AtomId>,
    /// Per field: one set of the regexes looked for there, and set index -> regex index.
    pub(super) regex_sets: [Option<(RegexSet, Vec<usize>)>; Field::COUNT],
    /// Fields in which some word sequence is looked for.
    pub(super) phrase_fields: FieldMask,
    /// Fields in which some prefix is looked for.
    pub(super) prefix_fields: FieldMask,
    /// Atom -> rules that one of its occurrences makes worth evaluating ([`Node::trigger_atoms`]).
    pub(super) rules_by_atom: Vec<Vec<u32>>,
    /// Rules that can match with no positive atom occurring (`NOT a OR b`).
    pub(super) always_evaluated: Vec<u32>,
    /// What an item's raw fields must hold for any rule to match it, if anything is known.
    pub(super) gate: Option<Gate>,
}

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

    pub fn rule_count(&self) -> usize {
        self.rules.len()
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
        let literals = match &key {
            AtomKey::Words(words) => gate::words_literal(words),
            AtomKey::Prefix(prefix) => gate::prefix_literal(prefix),
            AtomKey::Regex(source) => gate::regex_literals(source),
        };
        let specificity = match &key {
            AtomKey::Words(words) => words.iter().map(|w| w.len() as u32 + 1).sum(),
            AtomKey::Prefix(prefix) => prefix.len() as u32,
            // As rare as the rarest text it cannot match without (`/\bBABA\b/` as `baba`).
            AtomKey::Regex(_) => literals.as_deref().map_or(0, gate::rarity) as u32,
        };
        self.atoms.push(AtomInfo {
            kind,
            specificity,
            fields,
            literals,
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
        let gate = Gate::build(
            always_evaluated.is_empty(),
            rules_by_atom
                .iter()
                .zip(&self.atoms)
                .filter(|(rules, _)| !rules.is_empty())
                .map(|(_, atom)| {
                    let fields = Field::ALL.map(|f| atom.fields.contains(f.index()));
                    (atom.literals.as_deref(), fields)
                }),
        );

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
            gate,
        })
    }
}

/// Slots of [`PrefixIndex::lengths`].
const PREFIX_SLOTS: usize = 1 << 12;

/// Every prefix, found by looking up a word's leading bytes: for the first two bytes of a word,
/// a bit mask says which prefix lengths can start that way, and only those lengths are looked
/// up, so most words cost one table read.
pub(super) struct PrefixIndex {
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
    pub(super) fn each_prefix_of(&self, word: &str, mut found: impl FnMut(AtomId)) {
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

/// FxHash-style hasher for the vocabulary lookups, one per item word: several times cheaper
/// than SipHash on short words. Item text cannot grow the table, so flooding it is not a
/// concern.
#[derive(Default, Clone, Copy)]
pub(super) struct WordHasher(u64);

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
pub(super) mod tests {
    use super::*;

    pub(crate) fn words(text: &str) -> Atom {
        Atom::Words(query_words(text))
    }
    pub(crate) fn t(text: &str) -> Expr {
        Expr::Match {
            atom: words(text),
            field: None,
        }
    }
    pub(crate) fn tf(field: Field, text: &str) -> Expr {
        Expr::Match {
            atom: words(text),
            field: Some(field),
        }
    }
    pub(crate) fn pre(prefix: &str) -> Expr {
        Expr::Match {
            atom: Atom::Prefix(prefix.into()),
            field: None,
        }
    }
    pub(crate) fn re(pattern: &str) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.into(),
                case_insensitive: false,
            },
            field: None,
        }
    }
    pub(crate) fn rei(pattern: &str) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.into(),
                case_insensitive: true,
            },
            field: None,
        }
    }
    pub(crate) fn ent(name: &str) -> Expr {
        Expr::Entity {
            name: name.into(),
            field: None,
        }
    }
    pub(crate) fn and(exprs: Vec<Expr>) -> Expr {
        Expr::And(exprs)
    }
    pub(crate) fn or(exprs: Vec<Expr>) -> Expr {
        Expr::Or(exprs)
    }
    pub(crate) fn not(expr: Expr) -> Expr {
        Expr::Not(Box::new(expr))
    }
    pub(crate) fn near(left: Expr, right: Expr, distance: u32) -> Expr {
        Expr::Near {
            left: Box::new(left),
            right: Box::new(right),
            distance,
        }
    }

    pub(crate) fn entities() -> Entities {
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

    pub(crate) fn compile(exprs: &[Expr]) -> Matcher {
        let rules: Vec<RuleInput<'_>> = exprs
            .iter()
            .map(|expr| RuleInput { expr, scope: &[] })
            .collect();
        Matcher::compile(&rules, &entities()).expect("test rules compile")
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
}
