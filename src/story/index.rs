//! The story index: recent matched items per scope (the daemon's scope is a channel), and
//! "which story does this new item belong to".
//!
//! Each scope has its own index: stories never cross scopes, and what is common in one
//! scope's items (its rules' own query words) is what should count least when comparing
//! them. Lookup is in steps whose cost does not depend on how many items the window holds:
//!
//! 1. Candidates come from MinHash LSH buckets ([`Fingerprint::band_keys`]). A bucket keeps
//!    only its newest [`BUCKET_CAP`] members: buckets of features that every item has (the
//!    scope's own words) would otherwise grow with the window, and the newest members of a
//!    story are as good a way into it as the oldest. At most [`MAX_VERIFIED`] candidates, the
//!    ones sharing the most buckets with the item, are verified.
//! 2. Each candidate is compared with the item: cosine similarity of TF-IDF vectors (binary
//!    term frequency, title words weighted [`TITLE_WEIGHT`] times), with document frequencies
//!    kept per scope, incrementally, over a week or two of its items. Between a Chinese and
//!    a non-Chinese item only their language-neutral features are compared (see
//!    [`fingerprint`](super::fingerprint)). For ranking candidates, two titles with numbers
//!    but none in common, a price-move headline against one that is not, or titles leading
//!    with different companies are discounted: those are the usual look-alike events (the
//!    next quarter, the market's reaction to the news, a rival's results the same day).
//! 3. The [`CENTROID_CANDIDATES`] stories with the closest members are weighed on the
//!    evidence of a [`Candidate`]: cosine with the story's centroid (what its reports have in
//!    common) and with its closest member, the share of each one's weight the other covers,
//!    the cosine of the titles, rare shared features, the look-alike conflicts above, hours
//!    apart and the story's size. [`score`] turns the evidence into a probability with a
//!    logistic model fitted on labelled development data (`bench/stories_fit.py`). Nothing
//!    merges two items because of the kind of headline they are (results, share moves):
//!    one company's results a quarter apart are two events.
//!
//! The item joins the best-scoring story if it reaches the threshold. An item with the
//! canonical link of a member in the window joins that member's story at once.
//!
//! This module keeps the members and finds the candidates; the statistics it compares with
//! are kept in [`tfidf`](super::tfidf), and the evidence is weighed in [`score`](super::score),
//! which knows nothing of the index.
//!
//! [`TITLE_WEIGHT`]: super::tfidf::TITLE_WEIGHT

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::fingerprint::{Fingerprint, TitleKind};
use super::score::{
    CENTROID_KIND_CONFLICT, HEADLINE_COVERAGE, LEAD_CONFLICT, RARE_DF, join_score,
    look_alike_discount,
};
use super::tfidf::{Centroid, FeatureHashBuilder, Frequencies, Norms, term_weight};

// `explain` hands out the evidence, and callers weigh it with `score`.
pub use super::score::{Candidate, score};

/// Members kept per LSH bucket, newest first out.
pub const BUCKET_CAP: usize = 16;
/// Candidates verified per lookup.
pub const MAX_VERIFIED: usize = 32;
/// Background documents assumed in every rule's document frequencies, so that the first
/// items of a rule, when every shared word has a high document frequency, still compare by
/// their words rather than all weigh zero.
const IDF_PRIOR: f64 = 20.0;

/// One item in a rule's story index.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// `"feed\u{0}entry_id"`: unique per item.
    pub key: String,
    pub canonical_link: Option<String>,
    pub fingerprint: Fingerprint,
    /// When the item was published (or first seen): the window is measured on this.
    pub at: DateTime<Utc>,
}

/// The story an item belongs to, and the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMatch {
    pub story: String,
    /// The story's score for the item (a mix of cosine similarities with the story's
    /// centroid and with `via`, see the module doc), compared with the threshold; 1.0 for the
    /// same canonical link.
    pub similarity: f64,
    /// The key of the member it matched.
    pub via: String,
}

/// Recent members of every rule, by story. Owned by one task (the poller); lookups take
/// `&self`, changes `&mut self`.
#[derive(Debug)]
pub struct StoryIndex {
    rules: HashMap<String, RuleIndex>,
    /// How far apart in time two members of one story may be.
    window: chrono::Duration,
    /// Members over all rules, kept so that `len` needs no walk.
    len: usize,
}

impl Default for StoryIndex {
    fn default() -> StoryIndex {
        StoryIndex::new()
    }
}

/// One rule's members and the structures that find them.
#[derive(Debug, Default)]
struct RuleIndex {
    /// Members by slot; a removed member's slot is reused by the next insert.
    slots: Vec<Option<Stored>>,
    free: Vec<u32>,
    by_key: HashMap<String, u32>,
    by_link: HashMap<String, Vec<u32>>,
    /// LSH band key to the newest members with that band value, oldest first.
    buckets: HashMap<u64, Vec<u32>, FeatureHashBuilder>,
    /// How many of the rule's recent items have each feature, over a longer memory than the
    /// window.
    frequencies: Frequencies,
    /// Members in order of `at`, for expiry.
    by_time: BTreeSet<(DateTime<Utc>, u32)>,
    /// Stories by id: the stored members name their story by id, so that grouping
    /// candidates by story compares integers, not strings. A story whose last member left
    /// frees its id.
    stories: Vec<Option<Story>>,
    free_stories: Vec<u32>,
    story_ids: HashMap<String, u32>,
}

#[derive(Debug)]
struct Story {
    name: String,
    centroid: Centroid,
}

#[derive(Debug)]
struct Stored {
    member: Member,
    /// Index into [`RuleIndex::stories`].
    story: u32,
    /// The member's TF-IDF norms (all features, neutral ones) with the IDF of its insert:
    /// comparing it with an item then needs no lookup of its features that the item lacks.
    norms: Norms,
}

impl StoryIndex {
    /// An empty index with the [`DEFAULT_WINDOW`](super::DEFAULT_WINDOW).
    pub fn new() -> StoryIndex {
        StoryIndex::with_window(super::DEFAULT_WINDOW)
    }

    /// An empty index whose `find` looks at members at most `window` apart from the item.
    pub fn with_window(window: std::time::Duration) -> StoryIndex {
        StoryIndex {
            rules: HashMap::new(),
            window: chrono::Duration::from_std(window).unwrap_or(chrono::Duration::MAX),
            len: 0,
        }
    }

    /// The best existing story of `rule` for `member` (same canonical link → similarity 1.0),
    /// if any reaches `threshold`; does not change the index.
    pub fn find(&self, rule: &str, member: &Member, threshold: f64) -> Option<StoryMatch> {
        let index = self.rules.get(rule)?;
        let in_window = |stored: &Stored| {
            let apart = (stored.member.at - member.at).abs();
            apart <= self.window
        };
        if let Some(found) = member
            .canonical_link
            .as_ref()
            .and_then(|link| index.by_link.get(link))
            .and_then(|slots| {
                slots
                    .iter()
                    .rev()
                    .filter_map(|&slot| index.stored(slot))
                    .find(|stored| in_window(stored))
            })
        {
            return Some(StoryMatch {
                story: index.story_name(found.story).to_string(),
                similarity: 1.0,
                via: found.member.key.clone(),
            });
        }
        let query = Query::new(&member.fingerprint, index);
        let candidates = index
            .candidates(&member.fingerprint)
            .into_iter()
            .filter_map(|slot| index.stored(slot))
            .filter(|stored| in_window(stored));
        best_story(&query, index, candidates, member.at, threshold)
    }

    /// The evidence on every story [`find`](Self::find) would weigh for `member`, the
    /// closest first.
    pub fn explain(&self, rule: &str, member: &Member) -> Vec<Candidate> {
        let Some(index) = self.rules.get(rule) else {
            return Vec::new();
        };
        let query = Query::new(&member.fingerprint, index);
        let candidates = index
            .candidates(&member.fingerprint)
            .into_iter()
            .filter_map(|slot| index.stored(slot))
            .filter(|stored| (stored.member.at - member.at).abs() <= self.window);
        closest_stories(&query, candidates)
            .into_iter()
            .filter_map(|(story, _, via)| evidence(&query, index, story, via, member.at))
            .collect()
    }

    /// [`find`](Self::find) without LSH: every member of the rule in the window is compared.
    /// Cost grows with the window; it exists to measure what the LSH candidates miss.
    pub fn find_exhaustive(
        &self,
        rule: &str,
        member: &Member,
        threshold: f64,
    ) -> Option<StoryMatch> {
        let index = self.rules.get(rule)?;
        let query = Query::new(&member.fingerprint, index);
        let window = self.window;
        let candidates = index
            .slots
            .iter()
            .flatten()
            .filter(|stored| (stored.member.at - member.at).abs() <= window);
        best_story(&query, index, candidates, member.at, threshold)
    }

    /// The similarity of two fingerprints under `rule`'s current document frequencies, as
    /// [`find`](Self::find) compares an item with one member (for explaining a decision).
    pub fn similarity(&self, rule: &str, a: &Fingerprint, b: &Fingerprint) -> f64 {
        let empty = RuleIndex::default();
        let index = self.rules.get(rule).unwrap_or(&empty);
        Query::new(a, index).member_similarity(b, index.norms(b))
    }

    /// Adds `member` to `story` of `rule`. A member with the key of one already there
    /// replaces it.
    pub fn insert(&mut self, rule: &str, story: &str, member: Member) {
        // A replaced member is uncounted here and counted again below.
        self.remove(rule, &member.key);
        let index = self.rules.entry(rule.to_string()).or_default();
        index.insert(story, member);
        self.len += 1;
    }

    /// Takes the member with `key` out of `rule`'s index (to undo an insert whose store
    /// commit failed); false if it is not there.
    pub fn remove(&mut self, rule: &str, key: &str) -> bool {
        let Some(index) = self.rules.get_mut(rule) else {
            return false;
        };
        let Some(&slot) = index.by_key.get(key) else {
            return false;
        };
        index.remove_slot(slot, true);
        self.len -= 1;
        if index.by_key.is_empty() {
            self.rules.remove(rule);
        }
        true
    }

    /// Drops every member older than `before` (the start of the window); returns how many.
    pub fn expire(&mut self, before: DateTime<Utc>) -> usize {
        let mut expired = 0;
        for index in self.rules.values_mut() {
            while let Some(&(at, slot)) = index.by_time.first() {
                if at >= before {
                    break;
                }
                index.remove_slot(slot, false);
                expired += 1;
            }
        }
        self.rules.retain(|_, index| !index.by_key.is_empty());
        self.len -= expired;
        expired
    }

    /// Members in the index, over all rules.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl RuleIndex {
    fn stored(&self, slot: u32) -> Option<&Stored> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    fn insert(&mut self, story: &str, member: Member) {
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.slots.push(None);
                u32::try_from(self.slots.len() - 1).expect("fewer than 2^32 members per rule")
            }
        };
        self.frequencies.add(
            member.at,
            member.fingerprint.features(),
            member.fingerprint.scope(),
        );
        for key in member.fingerprint.band_keys() {
            let bucket = self.buckets.entry(key).or_default();
            if bucket.len() >= BUCKET_CAP {
                bucket.remove(0);
            }
            bucket.push(slot);
        }
        if let Some(link) = &member.canonical_link {
            self.by_link.entry(link.clone()).or_default().push(slot);
        }
        let idf: Vec<f64> = member
            .fingerprint
            .features()
            .iter()
            .map(|&f| self.idf(f))
            .collect();
        let norms = Norms::of(&member.fingerprint, &idf);
        let story = self.story_id(story);
        let centroid = &mut self.stories[story as usize]
            .as_mut()
            .expect("story_id returns a live story")
            .centroid;
        centroid.count(&member.fingerprint, 1);
        for ((&feature, &title), idf) in member
            .fingerprint
            .features()
            .iter()
            .zip(member.fingerprint.in_title())
            .zip(&idf)
        {
            centroid.update(feature, term_weight(title), Some(*idf));
        }
        self.by_time.insert((member.at, slot));
        self.by_key.insert(member.key.clone(), slot);
        self.slots[slot as usize] = Some(Stored {
            member,
            story,
            norms,
        });
    }

    /// The id of the story named `name`, allocated if the rule has no such story.
    fn story_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.story_ids.get(name) {
            return id;
        }
        let story = Story {
            name: name.to_string(),
            centroid: Centroid::default(),
        };
        let id = match self.free_stories.pop() {
            Some(id) => {
                self.stories[id as usize] = Some(story);
                id
            }
            None => {
                self.stories.push(Some(story));
                u32::try_from(self.stories.len() - 1).expect("fewer than 2^32 stories per rule")
            }
        };
        self.story_ids.insert(name.to_string(), id);
        id
    }

    fn story_name(&self, id: u32) -> &str {
        self.stories
            .get(id as usize)
            .and_then(Option::as_ref)
            .map_or("", |story| story.name.as_str())
    }

    /// Takes a member out. `undo` (an insert taken back) also takes its features out of the
    /// document frequencies; a member that merely leaves the window stays counted there.
    fn remove_slot(&mut self, slot: u32, undo: bool) {
        let Some(stored) = self.slots.get_mut(slot as usize).and_then(Option::take) else {
            return;
        };
        let member = stored.member;
        if let Some(Some(story)) = self.stories.get_mut(stored.story as usize) {
            let centroid = &mut story.centroid;
            centroid.count(&member.fingerprint, -1);
            if centroid.members == 0 {
                self.story_ids.remove(&story.name);
                self.stories[stored.story as usize] = None;
                self.free_stories.push(stored.story);
            } else {
                for (&feature, &title) in member
                    .fingerprint
                    .features()
                    .iter()
                    .zip(member.fingerprint.in_title())
                {
                    centroid.update(feature, -term_weight(title), None);
                }
            }
        }
        if undo {
            self.frequencies
                .remove(member.fingerprint.features(), member.fingerprint.scope());
        }
        for key in member.fingerprint.band_keys() {
            if let Some(bucket) = self.buckets.get_mut(&key) {
                bucket.retain(|&s| s != slot);
                if bucket.is_empty() {
                    self.buckets.remove(&key);
                }
            }
        }
        if let Some(link) = &member.canonical_link
            && let Some(slots) = self.by_link.get_mut(link)
        {
            slots.retain(|&s| s != slot);
            if slots.is_empty() {
                self.by_link.remove(link);
            }
        }
        self.by_time.remove(&(member.at, slot));
        self.by_key.remove(&member.key);
        self.free.push(slot);
    }

    /// Slots sharing a bucket with `fingerprint`, those sharing the most first, at most
    /// [`MAX_VERIFIED`].
    fn candidates(&self, fingerprint: &Fingerprint) -> Vec<u32> {
        let mut hits: Vec<u32> = Vec::with_capacity(64);
        for key in fingerprint.band_keys() {
            if let Some(bucket) = self.buckets.get(&key) {
                hits.extend_from_slice(bucket);
            }
        }
        hits.sort_unstable();
        let mut counted: Vec<(u32, u32)> = Vec::with_capacity(hits.len());
        for slot in hits {
            match counted.last_mut() {
                Some((last, count)) if *last == slot => *count += 1,
                _ => counted.push((slot, 1)),
            }
        }
        if counted.len() > MAX_VERIFIED {
            counted.select_nth_unstable_by(MAX_VERIFIED - 1, |a, b| b.1.cmp(&a.1));
            counted.truncate(MAX_VERIFIED);
        }
        counted.into_iter().map(|(slot, _)| slot).collect()
    }

    /// The TF-IDF norms of `fingerprint` under the current document frequencies.
    fn norms(&self, fingerprint: &Fingerprint) -> Norms {
        let idf: Vec<f64> = fingerprint
            .features()
            .iter()
            .map(|&f| self.idf(f))
            .collect();
        Norms::of(fingerprint, &idf)
    }

    /// Inverse document frequency of `feature` in this scope.
    fn idf(&self, feature: u64) -> f64 {
        let (df, documents) = self.frequencies.get(feature);
        ((f64::from(documents) + 1.0 + IDF_PRIOR) / (f64::from(df) + 1.0)).ln()
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Overlaps {
    ours: f64,
    theirs: f64,
    title: f64,
    rare: u32,
    shared: u32,
}

/// Stories per lookup whose centroid is compared with the item.
pub const CENTROID_CANDIDATES: usize = 6;

/// The stories of `candidates` with the closest members, at most [`CENTROID_CANDIDATES`],
/// each with its closest member and that (discounted) similarity, the closest first.
fn closest_stories<'a>(
    query: &Query<'_>,
    candidates: impl Iterator<Item = &'a Stored>,
) -> Vec<(u32, f64, &'a Stored)> {
    // Per story: its closest member and that similarity.
    let mut closest: Vec<(u32, f64, &'a Stored)> = Vec::new();
    for stored in candidates {
        let similarity = query.member_similarity(&stored.member.fingerprint, stored.norms);
        match closest
            .iter_mut()
            .find(|(story, _, _)| *story == stored.story)
        {
            Some(entry) if entry.1 < similarity => {
                entry.1 = similarity;
                entry.2 = stored;
            }
            Some(_) => {}
            None => closest.push((stored.story, similarity, stored)),
        }
    }
    // Only the stories with the closest members are compared as a whole: the centroid
    // comparison costs a lookup per feature of the item, and a story none of whose members
    // is close is not the item's story.
    closest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    closest.truncate(CENTROID_CANDIDATES);
    closest
}

/// The story among `candidates`' that scores highest for `query`, if it reaches `threshold`.
fn best_story<'a>(
    query: &Query<'_>,
    index: &'a RuleIndex,
    candidates: impl Iterator<Item = &'a Stored>,
    at: DateTime<Utc>,
    threshold: f64,
) -> Option<StoryMatch> {
    let mut best: Option<StoryMatch> = None;
    for (story, _, via) in closest_stories(query, candidates) {
        let Some(evidence) = evidence(query, index, story, via, at) else {
            continue;
        };
        let Some(score) = join_score(&evidence, threshold) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| score > b.similarity) {
            best = Some(StoryMatch {
                story: evidence.story,
                similarity: score,
                via: evidence.via,
            });
        }
    }
    best
}

/// The evidence on `story` for the item of `query` (published `at`), through its closest
/// member `via`; `None` if the story is gone.
fn evidence(
    query: &Query<'_>,
    index: &RuleIndex,
    story: u32,
    via: &Stored,
    at: DateTime<Utc>,
) -> Option<Candidate> {
    let centroid = &index.stories.get(story as usize)?.as_ref()?.centroid;
    let ours = query.fingerprint;
    let theirs = &via.member.fingerprint;
    let overlaps = query.overlaps(theirs, index);
    Some(Candidate {
        story: index.story_name(story).to_string(),
        via: via.member.key.clone(),
        centroid: query.centroid_similarity(centroid),
        member: query.member_cosine(theirs, via.norms),
        coverage: headline_coverage(ours, theirs, index),
        ours: overlaps.ours,
        theirs: overlaps.theirs,
        title: overlaps.title,
        rare: overlaps.rare,
        shared: overlaps.shared,
        cross_language: ours.has_han() != theirs.has_han(),
        numbers_conflict: ours.numbers_conflict(theirs),
        kinds_conflict: ours.kinds_conflict(theirs),
        leads_conflict: ours.leads_conflict(theirs),
        hours: (at - via.member.at).num_seconds().abs() as f64 / 3600.0,
        size: centroid.members,
    })
}

/// For a headline without a summary and a report with one (either way round): the share of
/// the headline's IDF weight that the report's words cover, times [`HEADLINE_COVERAGE`];
/// 0 otherwise. A release or filing is a few words of officialese that a report's summary
/// repeats but whose cosine with the report is small: the report's own headline and
/// background words make up most of its weight.
fn headline_coverage(a: &Fingerprint, b: &Fingerprint, index: &RuleIndex) -> f64 {
    if a.headline_only() == b.headline_only() {
        return 0.0;
    }
    let (short, long) = if a.headline_only() { (a, b) } else { (b, a) };
    let neutral_only = short.has_han() != long.has_han();
    let features = if neutral_only {
        short.neutral()
    } else {
        short.features()
    };
    let theirs = long.features();
    let (mut covered, mut total) = (0.0, 0.0);
    let mut j = 0;
    for &feature in features {
        let weight = index.idf(feature).powi(2);
        total += weight;
        while j < theirs.len() && theirs[j] < feature {
            j += 1;
        }
        if j < theirs.len() && theirs[j] == feature {
            covered += weight;
        }
    }
    if total == 0.0 {
        return 0.0;
    }
    look_alike_discount(short, long) * HEADLINE_COVERAGE * covered / total
}

/// The item being looked up, with its feature weights computed once.
struct Query<'a> {
    fingerprint: &'a Fingerprint,
    /// IDF of each feature, aligned with `fingerprint.features()`.
    idf: Vec<f64>,
    /// IDF times term weight.
    weights: Vec<f64>,
    neutral: usize,
    norm_all: f64,
    norm_neutral: f64,
}

impl<'a> Query<'a> {
    fn new(fingerprint: &'a Fingerprint, index: &RuleIndex) -> Query<'a> {
        let idf: Vec<f64> = fingerprint
            .features()
            .iter()
            .map(|&f| index.idf(f))
            .collect();
        let weights: Vec<f64> = idf
            .iter()
            .zip(fingerprint.in_title())
            .map(|(idf, &title)| idf * term_weight(title))
            .collect();
        let neutral = fingerprint.neutral().len();
        let norm = |w: &[f64]| w.iter().map(|w| w * w).sum::<f64>().sqrt();
        Query {
            fingerprint,
            norm_neutral: norm(&weights[..neutral]),
            norm_all: norm(&weights),
            idf,
            weights,
            neutral,
        }
    }

    /// Cosine similarity of TF-IDF vectors; over neutral features only when exactly one of
    /// the two items has Han text.
    fn member_cosine(&self, other: &Fingerprint, their_norms: Norms) -> f64 {
        let neutral_only = self.fingerprint.has_han() != other.has_han();
        let (ours, norm, their_norm) = if neutral_only {
            (
                &self.fingerprint.features()[..self.neutral],
                self.norm_neutral,
                their_norms.neutral,
            )
        } else {
            (self.fingerprint.features(), self.norm_all, their_norms.all)
        };
        let theirs = if neutral_only {
            other.neutral()
        } else {
            other.features()
        };
        let mut dot = 0.0;
        let mut i = 0;
        for (&feature, &title) in theirs.iter().zip(other.in_title()) {
            while i < ours.len() && ours[i] < feature {
                i += 1;
            }
            if i == ours.len() {
                break;
            }
            if ours[i] == feature {
                dot += self.weights[i] * self.idf[i] * term_weight(title);
            }
        }
        if dot == 0.0 || their_norm == 0.0 {
            return 0.0;
        }
        dot / (norm * their_norm)
    }

    fn member_similarity(&self, other: &Fingerprint, their_norms: Norms) -> f64 {
        look_alike_discount(self.fingerprint, other) * self.member_cosine(other, their_norms)
    }

    /// The share of the item's IDF weight (title weight ignored) that `other`'s features
    /// cover, and the same for `other`'s weight, and the cosine of the two titles alone;
    /// over neutral features when one of them has Han text and the other not. Also how many
    /// shared features are rare in the scope (at most [`RARE_DF`] recent items have them).
    fn overlaps(&self, other: &Fingerprint, index: &RuleIndex) -> Overlaps {
        let neutral_only = self.fingerprint.has_han() != other.has_han();
        let (ours, our_title) = if neutral_only {
            (
                &self.fingerprint.features()[..self.neutral],
                &self.fingerprint.in_title()[..self.neutral],
            )
        } else {
            (self.fingerprint.features(), self.fingerprint.in_title())
        };
        let theirs = if neutral_only {
            other.neutral()
        } else {
            other.features()
        };
        let their_title = &other.in_title()[..theirs.len()];
        let mut out = Overlaps::default();
        let (mut ours_total, mut theirs_total, mut shared) = (0.0, 0.0, 0.0);
        let (mut title_dot, mut our_title_sq, mut their_title_sq) = (0.0, 0.0, 0.0);
        for (idf, &title) in self.idf.iter().zip(our_title) {
            let w = idf * idf;
            ours_total += w;
            if title {
                our_title_sq += w;
            }
        }
        let mut i = 0;
        for (&feature, &title) in theirs.iter().zip(their_title) {
            let idf = index.idf(feature);
            theirs_total += idf * idf;
            if title {
                their_title_sq += idf * idf;
            }
            while i < ours.len() && ours[i] < feature {
                i += 1;
            }
            if i < ours.len() && ours[i] == feature {
                shared += idf * idf;
                let scope_word = index.frequencies.in_scope(feature)
                    || self.fingerprint.scope().binary_search(&feature).is_ok();
                out.shared += u32::from(!scope_word);
                if title && our_title[i] {
                    title_dot += idf * idf;
                }
                if index.frequencies.get(feature).0 <= RARE_DF {
                    out.rare += 1;
                }
            }
        }
        if ours_total > 0.0 {
            out.ours = shared / ours_total;
        }
        if theirs_total > 0.0 {
            out.theirs = shared / theirs_total;
        }
        if our_title_sq > 0.0 && their_title_sq > 0.0 {
            out.title = title_dot / (our_title_sq * their_title_sq).sqrt();
        }
        out
    }

    /// Cosine similarity with a story's centroid; over neutral features only unless both
    /// the item and the story have Han text (see below).
    fn centroid_similarity(&self, centroid: &Centroid) -> f64 {
        let both_han = self.fingerprint.has_han() && centroid.with_han > 0;
        let features = if both_han {
            self.fingerprint.features()
        } else {
            &self.fingerprint.features()[..self.neutral]
        };
        let (mut neutral_dot, mut han_dot) = (0.0, 0.0);
        for (i, feature) in features.iter().enumerate() {
            if let Some((sum, idf)) = centroid.terms.get(feature) {
                if i < self.neutral {
                    neutral_dot += self.weights[i] * idf * sum;
                } else {
                    han_dot += self.weights[i] * idf * sum;
                }
            }
        }
        let cosine = |dot: f64, norm: f64, square: f64| {
            if dot <= 0.0 || norm <= 0.0 || square <= 0.0 {
                0.0
            } else {
                dot / (norm * square.sqrt())
            }
        };
        // The member count divides both the dot product and the centroid's norm: it cancels.
        let neutral = cosine(neutral_dot, self.norm_neutral, centroid.square_neutral);
        let similarity = if !both_han {
            neutral
        } else {
            let all = cosine(neutral_dot + han_dot, self.norm_all, centroid.square_all);
            // A Chinese report's bigrams outweigh its translated words, and a story told
            // mostly in English has few bigrams to meet them: there, its translated words may
            // speak alone. Where most reports are Chinese, the bigrams are the story.
            if 2 * centroid.with_han <= centroid.members {
                all.max(neutral)
            } else {
                all
            }
        };
        if similarity == 0.0 {
            return 0.0;
        }
        let mut conflict = 1.0;
        let kind = self.fingerprint.kind();
        if kind != TitleKind::Event && !centroid.agrees_with(kind) {
            conflict *= CENTROID_KIND_CONFLICT;
        }
        if let (Some(ours), Some(theirs)) = (self.fingerprint.lead(), centroid.lead())
            && ours != theirs
            && !self.fingerprint.title_has(theirs)
        {
            conflict *= LEAD_CONFLICT;
        }
        conflict * similarity
    }
}

#[cfg(test)]
mod tests;
