//! The TF-IDF statistics the story index keeps per scope: document frequencies in two
//! generations, each story's centroid, each stored member's norms, and the weight of a title
//! word. Bookkeeping only: the index compares with them, and `score` weighs the comparison.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{DateTime, Utc};

use super::fingerprint::{Fingerprint, HAN_BIT, TitleKind};

/// Document frequencies of one rule's items over the last one to two [`EPOCH`]s, counted in
/// two generations: when an item of a new epoch arrives the older generation is dropped. The
/// window alone is too short a memory: a big story fills it, and its own words would then
/// look common and weigh nothing just when more of its reports arrive. Two generations keep
/// memory bounded (the vocabulary of two epochs) without per-feature timestamps.
#[derive(Debug, Default)]
pub(super) struct Frequencies {
    /// The epoch (time since 1970 in [`EPOCH`]s) that `current` counts.
    epoch: i64,
    pub(super) current: Generation,
    previous: Generation,
}

#[derive(Debug, Default)]
pub(super) struct Generation {
    documents: u32,
    pub(super) counts: HashMap<u64, u32, FeatureHashBuilder>,
    /// Items by which each feature was a scope word ([`Fingerprint::scope`]): such words do
    /// not count towards [`MIN_SHARED`](super::score::MIN_SHARED).
    scope: HashMap<u64, u32, FeatureHashBuilder>,
}

/// The length of a document-frequency generation.
pub const EPOCH: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);

impl Frequencies {
    pub(super) fn add(&mut self, at: DateTime<Utc>, features: &[u64], scope: &[u64]) {
        let epoch = at.timestamp().div_euclid(EPOCH.as_secs() as i64);
        if epoch > self.epoch {
            self.previous = if epoch == self.epoch + 1 {
                std::mem::take(&mut self.current)
            } else {
                Generation::default()
            };
            self.current = Generation::default();
            self.epoch = epoch;
        }
        // A late item of an older epoch counts in the current generation: it is recent news.
        self.current.documents += 1;
        for &feature in features {
            *self.current.counts.entry(feature).or_insert(0) += 1;
        }
        for &feature in scope {
            *self.current.scope.entry(feature).or_insert(0) += 1;
        }
    }

    /// Whether `feature` is a word by which recent items entered the scope.
    pub(super) fn in_scope(&self, feature: u64) -> bool {
        self.current.scope.contains_key(&feature) || self.previous.scope.contains_key(&feature)
    }

    /// Takes back an [`add`](Self::add), from whichever generation still holds it.
    pub(super) fn remove(&mut self, features: &[u64], scope: &[u64]) {
        for generation in [&mut self.current, &mut self.previous] {
            if generation.documents == 0
                || !features.iter().all(|f| generation.counts.contains_key(f))
            {
                continue;
            }
            generation.documents -= 1;
            for (counts, features) in [
                (&mut generation.counts, features),
                (&mut generation.scope, scope),
            ] {
                for feature in features {
                    if let Some(count) = counts.get_mut(feature) {
                        *count -= 1;
                        if *count == 0 {
                            counts.remove(feature);
                        }
                    }
                }
            }
            return;
        }
    }

    /// The number of items with `feature`, and the number of items.
    pub(super) fn get(&self, feature: u64) -> (u32, u32) {
        let count = |g: &Generation| g.counts.get(&feature).copied().unwrap_or(0);
        (
            count(&self.current) + count(&self.previous),
            self.current.documents + self.previous.documents,
        )
    }
}

/// The sum of a story's members' TF-IDF vectors, kept up to date as members come and go so
/// that comparing an item with a story costs one lookup per feature of the item, however big
/// the story. Each term keeps the IDF it had when a member last added or removed it: the
/// squared norm is then a running sum, where recomputing it with today's IDF would cost a
/// pass over every term of the story per lookup.
#[derive(Debug, Default)]
pub(super) struct Centroid {
    pub(super) members: u32,
    /// Members with Han text: the centroid has Han features.
    pub(super) with_han: u32,
    /// Feature to (sum of term weights over members, IDF at the last update).
    pub(super) terms: HashMap<u64, (f64, f64), FeatureHashBuilder>,
    /// Sum of (IDF × sum)² over all terms, and over the neutral ones.
    pub(super) square_all: f64,
    pub(super) square_neutral: f64,
    /// Members per company their title leads with.
    leads: Vec<(u64, u32)>,
    /// Members per title kind.
    kinds: [u32; 3],
}

impl Centroid {
    pub(super) fn count(&mut self, fingerprint: &Fingerprint, delta: i32) {
        self.members = self.members.saturating_add_signed(delta);
        self.with_han = self
            .with_han
            .saturating_add_signed(delta * i32::from(fingerprint.has_han()));
        let kind = &mut self.kinds[fingerprint.kind() as usize];
        *kind = kind.saturating_add_signed(delta);
        if let Some(lead) = fingerprint.lead() {
            match self.leads.iter_mut().find(|(company, _)| *company == lead) {
                Some(entry) => entry.1 = entry.1.saturating_add_signed(delta),
                None if delta > 0 => self.leads.push((lead, delta as u32)),
                None => {}
            }
            self.leads.retain(|&(_, n)| n > 0);
        }
    }

    /// Whether at least half of the story's titles are of `kind`.
    pub(super) fn agrees_with(&self, kind: TitleKind) -> bool {
        2 * self.kinds[kind as usize] >= self.members
    }

    /// The company most of the story's titles lead with, if most titles lead with one.
    pub(super) fn lead(&self) -> Option<u64> {
        let (company, n) = self.leads.iter().max_by_key(|(_, n)| *n)?;
        (2 * n > self.members).then_some(*company)
    }

    /// Adds `delta` to `feature`'s term-weight sum, re-weighted with `idf` if given (an
    /// insert), else with the IDF it had (a removal, which should not re-weight).
    pub(super) fn update(&mut self, feature: u64, delta: f64, idf: Option<f64>) {
        let (sum, weight_idf) = self.terms.get(&feature).copied().unwrap_or((0.0, 0.0));
        let idf = idf.unwrap_or(weight_idf);
        let before = (sum * weight_idf).powi(2);
        let new_sum = sum + delta;
        let after = if new_sum > 1e-9 {
            self.terms.insert(feature, (new_sum, idf));
            (new_sum * idf).powi(2)
        } else {
            self.terms.remove(&feature);
            0.0
        };
        self.square_all += after - before;
        if feature & HAN_BIT == 0 {
            self.square_neutral += after - before;
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Norms {
    pub(super) all: f64,
    pub(super) neutral: f64,
}

impl Norms {
    /// The norms of `fingerprint` with `idf` of each of its features.
    pub(super) fn of(fingerprint: &Fingerprint, idf: &[f64]) -> Norms {
        let mut all = 0.0;
        let mut neutral = 0.0;
        for ((&feature, &title), idf) in fingerprint
            .features()
            .iter()
            .zip(fingerprint.in_title())
            .zip(idf)
        {
            let weight = (idf * term_weight(title)).powi(2);
            all += weight;
            if feature & HAN_BIT == 0 {
                neutral += weight;
            }
        }
        Norms {
            all: all.sqrt(),
            neutral: neutral.sqrt(),
        }
    }
}

/// Weight of a feature that occurs in the title, against 1 for the summary only.
pub const TITLE_WEIGHT: f64 = 4.0;

pub(super) fn term_weight(in_title: bool) -> f64 {
    if in_title { TITLE_WEIGHT } else { 1.0 }
}

/// Feature hashes and band keys are already uniformly mixed 64-bit values: hashing them again
/// would only cost time.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FeatureHash(u64);

pub(super) type FeatureHashBuilder = BuildHasherDefault<FeatureHash>;

impl Hasher for FeatureHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}
