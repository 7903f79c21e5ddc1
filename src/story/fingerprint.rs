//! An item's story fingerprint: its features as a sorted set of 64-bit hashes, and a MinHash
//! signature of them for locality-sensitive lookup.
//!
//! Features are hashed once here so that comparing two items is a merge of two sorted integer
//! lists, and the index never touches text. The top bit of a hash marks a Han bigram:
//! language-neutral features (words, numbers, glossary translations, concepts) and Han
//! bigrams are kept apart because an English and a Chinese report can only ever share the
//! former, and the similarity measure has to know which part of each item to compare.
//!
//! The signature has two parts, one per kind of feature, so that a Chinese report can be
//! retrieved through its neutral features by its English versions and through its bigrams by
//! other Chinese reports; mixing both in one signature would make cross-language pairs
//! (whose shared features are a small part of the Chinese item's set) nearly invisible.

use super::glossary::Glossary;
use super::text::{
    Feature, features_of, is_distinguishing_number, is_market_move, is_reaction, lead_company,
    push_word,
};

/// Marks a Han bigram feature hash.
pub(crate) const HAN_BIT: u64 = 1 << 63;

/// MinHash values over neutral features: `NEUTRAL_BANDS` bands of `NEUTRAL_ROWS` rows.
pub(crate) const NEUTRAL_BANDS: usize = 20;
pub(crate) const NEUTRAL_ROWS: usize = 1;
/// MinHash values over Han bigrams.
pub(crate) const HAN_BANDS: usize = 10;
pub(crate) const HAN_ROWS: usize = 2;

const NEUTRAL_HASHES: usize = NEUTRAL_BANDS * NEUTRAL_ROWS;
const SIGNATURE_LEN: usize = NEUTRAL_HASHES + HAN_BANDS * HAN_ROWS;

/// What a headline reports, as far as its words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Event = 0,
    /// A price move ("Alibaba shares plunge 8%").
    MarketMove = 1,
    /// A reaction to news ("China vows countermeasures", "Alibaba rejects the label").
    Reaction = 2,
}

/// What the story index knows of an item's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Feature hashes, sorted and distinct; Han bigrams have [`HAN_BIT`] set, so they sort
    /// after every neutral feature.
    features: Vec<u64>,
    /// Whether each feature occurs in the title, aligned with `features`. A headline states
    /// the event; a summary adds background that differs from outlet to outlet.
    in_title: Vec<bool>,
    /// The features of the words by which the item entered its scope, sorted (see
    /// [`Fingerprint::in_scope`]).
    scope: Vec<u64>,
    /// MinHash minimums: the neutral part, then the Han part; `u64::MAX` where the item has
    /// no feature of that kind.
    signature: Vec<u64>,
    /// The hashes of the numbers in the title (not years), sorted: two reports of one event
    /// that both put numbers in their titles usually share one.
    numbers: Vec<u64>,
    /// Whether the title has such a number.
    title_numbers: bool,

    /// Whether the title reports a price move.
    market_move: bool,
    /// The hash of the first company the title names.
    lead: Option<u64>,
    /// Whether the title reports a reaction.
    reaction: bool,
    /// Whether the item came with no summary: a release or a filing named by its title.
    headline_only: bool,
}

impl Fingerprint {
    /// The fingerprint of an item's title and summary, with `concepts` (the names of config
    /// entities the item mentions, from [`Concepts::of`](super::Concepts::of)) as extra
    /// features: they are what an English "Alibaba" and a Chinese "阿里巴巴" have in common.
    pub fn of(title: &str, summary: &str, concepts: &[String]) -> Fingerprint {
        Fingerprint::in_scope(title, summary, concepts, &[])
    }

    /// [`of`](Self::of), noting which features come from `scope_words`: the text by which
    /// the item entered the scope (what its rules matched, "Alibaba", "People's Liberation
    /// Army", and the names of the entities those are aliases of). Every item of a scope has
    /// some such words, so they are no evidence that two items report one event: the index
    /// does not count them among the words two items must share to merge. A first run, whose
    /// document frequencies know little yet, would otherwise see two headlines that share
    /// only "Alibaba" as alike.
    pub fn in_scope(
        title: &str,
        summary: &str,
        concepts: &[String],
        scope_words: &[&str],
    ) -> Fingerprint {
        let glossary = Glossary::builtin();
        let mut features = Vec::with_capacity(48);
        features_of(title, glossary, &mut features);
        let title_features = features.len();
        features_of(summary, glossary, &mut features);
        let headline_only = features.len() == title_features;
        for concept in concepts {
            push_word(&concept.to_lowercase(), &mut features);
        }
        let mut hashes: Vec<(u64, bool)> = features
            .iter()
            .enumerate()
            .map(|(i, feature)| (feature_hash(feature), i < title_features))
            .collect();
        let mut fingerprint = Fingerprint::from_hashes(&mut hashes);
        fingerprint.set_scope(scope_words);
        fingerprint.headline_only = headline_only;
        let is_number =
            |feature: &Feature| matches!(feature, Feature::Word(w) if is_distinguishing_number(w));
        fingerprint.title_numbers = features[..title_features].iter().any(is_number);
        fingerprint.market_move = is_market_move(&features[..title_features]);
        fingerprint.lead = lead_company(&features[..title_features]).map(|w| word_hash(&w));
        fingerprint.reaction = is_reaction(&features[..title_features]);
        fingerprint.numbers = features[..title_features]
            .iter()
            .filter(|f| is_number(f))
            .map(feature_hash)
            .collect();
        fingerprint.numbers.sort_unstable();
        fingerprint.numbers.dedup();
        fingerprint
    }

    /// This fingerprint with `scope_words` as the words by which the item entered its scope
    /// (see [`in_scope`](Self::in_scope)): the same as `in_scope` with them, for the cost of
    /// the scope words only. An item entering several scopes is fingerprinted once.
    pub fn with_scope(&self, scope_words: &[&str]) -> Fingerprint {
        let mut scoped = self.clone();
        scoped.set_scope(scope_words);
        scoped
    }

    fn set_scope(&mut self, scope_words: &[&str]) {
        let mut scope = Vec::new();
        for words in scope_words {
            features_of(words, Glossary::builtin(), &mut scope);
        }
        let mut scope: Vec<u64> = scope.iter().map(feature_hash).collect();
        scope.sort_unstable();
        scope.dedup();
        scope.retain(|f| self.features.binary_search(f).is_ok());
        self.scope = scope;
    }

    /// What the title reports.
    pub fn kind(&self) -> TitleKind {
        if self.market_move {
            TitleKind::MarketMove
        } else if self.reaction {
            TitleKind::Reaction
        } else {
            TitleKind::Event
        }
    }

    /// Whether one title reports a price move or a reaction and the other does not.
    pub fn kinds_conflict(&self, other: &Fingerprint) -> bool {
        self.market_move != other.market_move || self.reaction != other.reaction
    }

    /// The hash of the first company the title names, if it names one.
    pub fn lead(&self) -> Option<u64> {
        self.lead
    }

    /// Whether `company` (a word hash) is in the title.
    pub fn title_has(&self, company: u64) -> bool {
        self.features
            .binary_search(&company)
            .is_ok_and(|i| self.in_title[i])
    }

    /// Whether the titles lead with different companies, neither naming the other's: "Tencent
    /// beats estimates" and "Alibaba revenue rises" are two results, however alike.
    pub fn leads_conflict(&self, other: &Fingerprint) -> bool {
        match (self.lead, other.lead) {
            (Some(ours), Some(theirs)) => {
                ours != theirs && !other.title_has(ours) && !self.title_has(theirs)
            }
            _ => false,
        }
    }

    /// Whether both titles state numbers and share none: "revenue rises 7%" and "revenue
    /// rises 5%" are different quarters or different companies.
    pub fn numbers_conflict(&self, other: &Fingerprint) -> bool {
        self.title_numbers
            && other.title_numbers
            && !self
                .numbers
                .iter()
                .any(|n| other.numbers.binary_search(n).is_ok())
    }

    /// A fingerprint of already hashed features, each with whether it is in the title (in any
    /// order, repeats allowed); for tests and benchmarks that make synthetic items.
    pub fn from_hashes(hashes: &mut [(u64, bool)]) -> Fingerprint {
        // Title occurrences sort first, so dedup keeps them.
        hashes.sort_unstable_by_key(|&(hash, in_title)| (hash, !in_title));
        let mut features = Vec::with_capacity(hashes.len());
        let mut in_title = Vec::with_capacity(hashes.len());
        for &(hash, title) in hashes.iter() {
            if features.last() != Some(&hash) {
                features.push(hash);
                in_title.push(title);
            }
        }
        let signature = minhash(&features);
        Fingerprint {
            features,
            in_title,
            signature,
            scope: Vec::new(),
            numbers: Vec::new(),
            title_numbers: false,
            market_move: false,
            lead: None,
            reaction: false,
            headline_only: false,
        }
    }

    /// The features of the words by which the item entered its scope, sorted.
    pub fn scope(&self) -> &[u64] {
        &self.scope
    }

    /// Whether the item had a title and no summary.
    pub fn headline_only(&self) -> bool {
        self.headline_only
    }

    /// Sorted, distinct feature hashes.
    pub fn features(&self) -> &[u64] {
        &self.features
    }

    /// Whether each feature of [`features`](Self::features) occurs in the title.
    pub fn in_title(&self) -> &[bool] {
        &self.in_title
    }

    pub fn signature(&self) -> &[u64] {
        &self.signature
    }

    /// Whether the item has Han text, and so features an English item cannot share.
    pub fn has_han(&self) -> bool {
        self.features.last().is_some_and(|f| f & HAN_BIT != 0)
    }

    /// The language-neutral features: the prefix before the Han bigrams.
    pub fn neutral(&self) -> &[u64] {
        let split = self.features.partition_point(|f| f & HAN_BIT == 0);
        &self.features[..split]
    }

    /// LSH bucket keys: one per band of the signature that has features behind it. Bands of
    /// the two parts never share a key (the band number is mixed in).
    pub fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        let neutral = self.signature[..NEUTRAL_HASHES]
            .chunks(NEUTRAL_ROWS)
            .enumerate();
        let han = self.signature[NEUTRAL_HASHES..]
            .chunks(HAN_ROWS)
            .enumerate()
            .map(|(band, rows)| (band + NEUTRAL_BANDS, rows));
        neutral.chain(han).filter_map(|(band, rows)| {
            if rows.contains(&u64::MAX) {
                return None;
            }
            let mut key = mix(band as u64 + 0x9e37);
            for &row in rows {
                key = mix(key ^ row);
            }
            Some(key)
        })
    }
}

/// MinHash of the neutral and Han parts, each under its own hash functions.
fn minhash(sorted: &[u64]) -> Vec<u64> {
    let split = sorted.partition_point(|f| f & HAN_BIT == 0);
    let (neutral, han) = sorted.split_at(split);
    let mut signature = vec![u64::MAX; SIGNATURE_LEN];
    for (i, slot) in signature.iter_mut().enumerate() {
        let part = if i < NEUTRAL_HASHES { neutral } else { han };
        let seed = mix(i as u64 + 1);
        *slot = part
            .iter()
            .map(|&f| mix(f ^ seed) >> 1)
            .min()
            .unwrap_or(u64::MAX);
    }
    signature
}

fn feature_hash(feature: &Feature) -> u64 {
    match feature {
        Feature::Word(word) => text_hash(word) & !HAN_BIT,
        Feature::Han(bigram) => text_hash(bigram) | HAN_BIT,
    }
}

/// The hash of a neutral feature's text, for tests and benchmarks that build fingerprints of
/// known words with [`Fingerprint::from_hashes`].
pub fn word_hash(word: &str) -> u64 {
    text_hash(word) & !HAN_BIT
}

/// FNV-1a, finished with [`mix`]: stable across runs and platforms (features may one day be
/// stored), and fast on short words.
fn text_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in text.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    mix(hash)
}

/// The splitmix64 finalizer: a cheap bijection that spreads every input bit over the output.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoping_a_fingerprint_is_fingerprinting_in_scope() {
        let concepts = ["alibaba".to_string(), "pla".to_string()];
        for (title, summary, scope) in [
            (
                "Pentagon memo says Alibaba aided PLA, shares fall 5%",
                "A memo alleges Alibaba Group supported the People's Liberation Army.",
                &["Alibaba", "PLA", "alibaba"][..],
            ),
            (
                "五角大楼称阿里巴巴协助解放军",
                "",
                &["阿里巴巴", "解放军"][..],
            ),
            (
                "Alibaba results beat estimates",
                "Cloud revenue rose.",
                &[][..],
            ),
        ] {
            assert_eq!(
                Fingerprint::of(title, summary, &concepts).with_scope(scope),
                Fingerprint::in_scope(title, summary, &concepts, scope),
                "{title}"
            );
        }
    }

    #[test]
    fn rewording_keeps_most_features() {
        let a = Fingerprint::of("Alibaba shares fall 5% - Reuters", "", &[]);
        let b = Fingerprint::of("UPDATE 1-Alibaba shares falling 5% | SCMP", "", &[]);
        assert_eq!(a.features(), b.features());
        assert_eq!(a.signature(), b.signature());
    }

    #[test]
    fn concepts_are_features() {
        let plain = Fingerprint::of("阿里巴巴股价下跌", "", &[]);
        let with = Fingerprint::of("阿里巴巴股价下跌", "", &["alibaba".to_string()]);
        assert!(plain.features().contains(&word_hash("alibaba")));
        assert_eq!(plain, with, "the glossary already names alibaba");
        let pla = Fingerprint::of("中央军委", "", &["pla".to_string()]);
        assert!(pla.features().contains(&word_hash("pla")));
    }

    #[test]
    fn titles_leading_with_different_companies_conflict() {
        let tencent = Fingerprint::of("Tencent third-quarter revenue rises 8%", "", &[]);
        let alibaba = Fingerprint::of("Alibaba revenue rises 10% on cloud", "", &[]);
        assert!(tencent.leads_conflict(&alibaba));
        let chinese = Fingerprint::of("腾讯第三季度营收2085亿元", "", &[]);
        assert!(!tencent.leads_conflict(&chinese), "腾讯 is Tencent");
        // One title names both: the same listing seen from either company.
        let both = Fingerprint::of("Pentagon adds Alibaba, Baidu to military list", "", &[]);
        let baidu = Fingerprint::of("Baidu shares fall after Pentagon listing", "", &[]);
        assert!(!both.leads_conflict(&baidu));
        let none = Fingerprint::of("Pentagon updates its military company list", "", &[]);
        assert!(!none.leads_conflict(&alibaba));
    }

    #[test]
    fn han_features_sort_after_neutral_ones() {
        let fp = Fingerprint::of("阿里巴巴 Alibaba 7%", "", &[]);
        assert!(fp.has_han());
        assert!(fp.neutral().iter().all(|f| f & HAN_BIT == 0));
        assert!(fp.neutral().contains(&word_hash("7")));
        let english = Fingerprint::of("Alibaba 7%", "", &[]);
        assert!(!english.has_han());
        assert_eq!(english.band_keys().count(), NEUTRAL_BANDS);
        assert_eq!(fp.band_keys().count(), NEUTRAL_BANDS + HAN_BANDS);
    }

    #[test]
    fn empty_text_has_no_bands() {
        let fp = Fingerprint::of("", "", &[]);
        assert!(fp.features().is_empty());
        assert_eq!(fp.band_keys().count(), 0);
    }
}
