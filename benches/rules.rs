//! Rule matching throughput: the one-automaton [`Matcher`] beside a naive baseline that
//! compiles every atom of every rule to its own `regex::Regex` and walks each rule over each
//! item (what Miniflux's filter does), on the same deterministic items and rules.
//!
//! Items (~1.1 KB of title, summary and content) draw units from a vocabulary of ~6,900
//! (common news words at the head, then syllable-built words, company and person names, real
//! entities and Chinese names) with Zipf frequency (rank r drawn with weight 1/r), so a few
//! words fill most of the text and most units are rare. Rules are what real configs hold:
//! entities, names, name phrases and prefixes from the rare part of the vocabulary, some
//! combined with a common word (`AND`, `NOT`, `NEAR`), 5% with a regex, so that an item matches
//! about 0.5% of the rules; the matches per item are printed at each rule count. Everything
//! comes from fixed seeds, so runs compare.
//!
//! Measured: `PreparedItem::new` alone, `match_item` alone, and `prepare_and_match`
//! (what the daemon pays per item). The engine's targets: at 1,000 rules at least 50,000
//! items/s on one core and at least 20x the naive baseline; at 10,000 rules compile under 2 s
//! and under 200 MiB. Compile time and the matcher's memory (RSS delta) are printed, not
//! measured by criterion: one compile is enough to tell.
//!
//! `cargo bench --bench rules`

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newswatch::feed::Item;
use newswatch::rules::ast::{Atom, Expr, Field};
use newswatch::rules::matcher::{Entities, Matcher, PreparedItem, RuleInput};
use newswatch::rules::words::query_words;
use regex::Regex;

const ITEMS: usize = 200;

/// The head of the vocabulary, most frequent first: function words, then common news words.
const COMMON: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "a",
    "in",
    "that",
    "for",
    "on",
    "is",
    "said",
    "with",
    "as",
    "by",
    "was",
    "it",
    "at",
    "from",
    "has",
    "its",
    "be",
    "have",
    "will",
    "are",
    "an",
    "but",
    "not",
    "which",
    "after",
    "their",
    "this",
    "they",
    "were",
    "been",
    "more",
    "would",
    "new",
    "also",
    "who",
    "year",
    "about",
    "over",
    "than",
    "two",
    "government",
    "officials",
    "percent",
    "company",
    "market",
    "people",
    "states",
    "president",
    "minister",
    "week",
    "monday",
    "tuesday",
    "billion",
    "million",
    "according",
    "statement",
    "report",
    "reported",
    "shares",
    "united",
    "china",
    "policy",
    "trade",
    "economy",
    "bank",
    "military",
    "security",
    "court",
    "election",
    "investors",
    "analysts",
    "growth",
    "prices",
    "talks",
    "deal",
    "sanctions",
    "exports",
    "technology",
    "defense",
    "ministry",
    "spokesperson",
    "declined",
    "comment",
    "interest",
    "rates",
    "inflation",
    "energy",
    "oil",
    "gas",
    "climate",
    "summit",
    "agreement",
    "parliament",
    "vote",
    "law",
    "bill",
    "ruling",
    "appeal",
    "regulators",
    "investigation",
    "acquisition",
    "merger",
    "earnings",
    "quarterly",
    "revenue",
    "cloud",
    "computing",
    "chips",
    "semiconductor",
    "supply",
    "chain",
    "factory",
    "workers",
    "army",
    "navy",
    "exercise",
    "strait",
    "sea",
    "ships",
    "aircraft",
    "drills",
    "tensions",
    "sources",
    "familiar",
    "matter",
    "department",
    "commerce",
    "treasury",
    "commission",
    "exchange",
    "securities",
    "filing",
    "review",
    "list",
    "named",
    "entities",
];

/// Real entities and phrases, placed in the tail of the vocabulary like the made-up names.
const REAL_NAMES: &[&str] = &[
    "Alibaba",
    "Tencent",
    "Huawei",
    "Baidu",
    "ByteDance",
    "TikTok",
    "Nvidia",
    "Microsoft",
    "People's Liberation Army",
    "export controls",
    "Entity List",
    "South China Sea",
    "Taiwan Strait",
    "Securities and Exchange Commission",
    "supply chain",
    "BABA",
    "SMIC",
];

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vin", "tel", "mar", "sa", "lo", "den", "qui", "bra", "zo", "nik", "ter", "ul",
    "pha", "gor", "mi", "sen", "tra", "vel", "do", "rus", "an", "cor", "lex", "pi", "nor", "sta",
    "bel", "fi", "gan", "hu", "jor", "ke", "lan", "mo", "pen", "ri", "sul", "tor",
];

const COMPANY_SUFFIXES: &[&str] = &["Holdings", "Group", "Labs", "Capital", "Systems", "Bank"];

const HAN: &str = "阿里巴集团华为技术腾讯控股中国人民解放军国家安全市场监管总局银行科创板上海深圳北京发改委商务部";

/// A tiny deterministic generator: the bench must not depend on a seeded crate's algorithm.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}

fn syllable_word(rng: &mut Lcg) -> String {
    (0..2 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Made-up words of the tail: plain words, company and person names, Chinese names.
const TAIL_WORDS: usize = 4_000;
const TAIL_NAMES: usize = 2_500;
const TAIL_HAN: usize = 200;

/// Units of text (a word, or a name or phrase of several words) ranked by frequency, the
/// [`COMMON`] head first; item text draws unit `r` with probability proportional to `1/(r+1)`.
struct Vocabulary {
    units: Vec<String>,
    /// Cumulative Zipf weights, for sampling by binary search.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let mut rng = Lcg(3);
        let mut seen = std::collections::HashSet::new();
        let mut tail: Vec<String> = REAL_NAMES.iter().map(|s| s.to_string()).collect();
        let han: Vec<char> = HAN.chars().collect();
        while tail.len() < REAL_NAMES.len() + TAIL_WORDS + TAIL_NAMES + TAIL_HAN {
            let unit = match tail.len() - REAL_NAMES.len() {
                n if n < TAIL_WORDS => syllable_word(&mut rng),
                n if n < TAIL_WORDS + TAIL_NAMES => match rng.below(3) {
                    0 => format!(
                        "{} {}",
                        capitalized(&syllable_word(&mut rng)),
                        COMPANY_SUFFIXES[rng.below(COMPANY_SUFFIXES.len())]
                    ),
                    1 => format!(
                        "{} {}",
                        capitalized(&syllable_word(&mut rng)),
                        capitalized(&syllable_word(&mut rng))
                    ),
                    _ => capitalized(&syllable_word(&mut rng)),
                },
                _ => (0..2 + rng.below(3))
                    .map(|_| han[rng.below(han.len())])
                    .collect(),
            };
            if !COMMON.contains(&unit.as_str()) && seen.insert(unit.to_lowercase()) {
                tail.push(unit);
            }
        }
        // Spread names, words and Chinese evenly over the ranks of the tail.
        for i in (1..tail.len()).rev() {
            tail.swap(i, rng.below(i + 1));
        }
        let units: Vec<String> = COMMON.iter().map(|s| s.to_string()).chain(tail).collect();
        let mut total = 0.0;
        let cumulative = (0..units.len())
            .map(|rank| {
                total += 1.0 / (rank + 1) as f64;
                total
            })
            .collect();
        Vocabulary { units, cumulative }
    }

    fn sample(&self, rng: &mut Lcg) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = rng.unit() * total;
        let rank = self.cumulative.partition_point(|&c| c <= target);
        &self.units[rank.min(self.units.len() - 1)]
    }

    /// A unit of the rare part, what rules are mostly written about.
    fn rare(&self, rng: &mut Lcg) -> &str {
        let from = COMMON.len() + RARE_FROM;
        &self.units[from + rng.below(self.units.len() - from)]
    }

    /// A unit of the common part of the tail, for `NOT` clauses and phrases with a name.
    fn common(&self, rng: &mut Lcg) -> &str {
        &self.units[rng.below(COMMON.len() + RARE_FROM)]
    }
}

/// Tail ranks below this are "common" to the rule generator; rules name units past it.
const RARE_FROM: usize = 800;

fn sentence(vocabulary: &Vocabulary, rng: &mut Lcg, units: usize) -> String {
    let mut out = String::new();
    for i in 0..units {
        let unit = vocabulary.sample(rng);
        if !out.is_empty() {
            out.push(if i % 14 == 0 { '.' } else { ' ' });
            if i % 14 == 0 {
                out.push(' ');
            }
        }
        match rng.below(40) {
            0 => out.push_str(&unit.to_uppercase()),
            _ if i % 14 == 0 => out.push_str(&capitalized(unit)),
            1 => {
                out.push_str(unit);
                out.push_str("'s");
            }
            2 => {
                out.push_str(unit);
                out.push_str(&format!(" {}.{}%", rng.below(100), rng.below(10)));
            }
            _ => out.push_str(unit),
        }
    }
    out.push('.');
    out
}

fn items(vocabulary: &Vocabulary) -> Vec<Item> {
    let mut rng = Lcg(7);
    (0..ITEMS)
        .map(|i| Item {
            feed: "wire".into(),
            entry_id: i.to_string(),
            title: sentence(vocabulary, &mut rng, 10),
            summary: sentence(vocabulary, &mut rng, 28),
            content: sentence(vocabulary, &mut rng, 110),
            authors: vec!["Staff Reporter".into()],
            categories: vec!["World".into()],
            link: Some(format!("https://www.reuters.com/world/{i}")),
            canonical_link: None,
            published: None,
            updated: None,
        })
        .collect()
}

/// A prefix of a rare word long enough to be worth truncating (`varokin*` from `varokinsul`).
fn prefix(vocabulary: &Vocabulary, rng: &mut Lcg) -> String {
    loop {
        let unit = vocabulary.rare(rng).to_lowercase();
        if unit.is_ascii() && !unit.contains(' ') && unit.len() >= 9 {
            return unit[..7].to_string();
        }
    }
}

fn matching(atom: Atom, field: Option<Field>) -> Expr {
    Expr::Match { atom, field }
}

fn words(text: &str) -> Atom {
    Atom::Words(query_words(text))
}

const ENTITIES: usize = 200;

fn entities(vocabulary: &Vocabulary) -> Entities {
    let mut rng = Lcg(11);
    let mut entities = HashMap::new();
    for i in 0..ENTITIES {
        let aliases = (0..1 + rng.below(3))
            .map(|_| words(vocabulary.rare(&mut rng)))
            .collect();
        entities.insert(format!("e{i}"), aliases);
    }
    entities
}

/// A positive leaf: an entity, a rare name or word, a name with a common word, a prefix.
fn leaf(vocabulary: &Vocabulary, rng: &mut Lcg) -> Expr {
    match rng.below(10) {
        0..=1 => Expr::Entity {
            name: format!("e{}", rng.below(ENTITIES)),
            field: None,
        },
        2 => matching(
            words(&format!(
                "{} {}",
                vocabulary.common(rng),
                vocabulary.rare(rng)
            )),
            None,
        ),
        3 => matching(Atom::Prefix(prefix(vocabulary, rng)), None),
        4 => matching(words(vocabulary.rare(rng)), Some(Field::Title)),
        _ => matching(words(vocabulary.rare(rng)), None),
    }
}

fn rules(vocabulary: &Vocabulary, n: usize) -> Vec<Expr> {
    let mut rng = Lcg(13 + n as u64);
    (0..n)
        .map(|_| match rng.below(100) {
            0..=4 => {
                let word = vocabulary.rare(&mut rng).to_lowercase();
                let word = word.split(' ').next().unwrap_or_default();
                let upper = word.to_uppercase();
                let regex = matching(
                    Atom::Regex {
                        pattern: format!(r"\b{upper}\b|{word}-?\d+"),
                        case_insensitive: rng.below(2) == 0,
                    },
                    None,
                );
                Expr::Or(vec![regex, leaf(vocabulary, &mut rng)])
            }
            5..=14 => Expr::Near {
                left: Box::new(leaf(vocabulary, &mut rng)),
                right: Box::new(matching(words(vocabulary.common(&mut rng)), None)),
                distance: 3 + rng.below(6) as u32,
            },
            15..=29 => Expr::And(vec![
                leaf(vocabulary, &mut rng),
                Expr::Not(Box::new(matching(words(vocabulary.common(&mut rng)), None))),
            ]),
            30..=59 => Expr::Or(vec![leaf(vocabulary, &mut rng), leaf(vocabulary, &mut rng)]),
            60..=79 => Expr::And(vec![
                leaf(vocabulary, &mut rng),
                matching(words(vocabulary.common(&mut rng)), None),
            ]),
            _ => leaf(vocabulary, &mut rng),
        })
        .collect()
}

fn compile(exprs: &[Expr], entities: &Entities) -> Matcher {
    let inputs: Vec<RuleInput<'_>> = exprs
        .iter()
        .map(|expr| RuleInput { expr, scope: &[] })
        .collect();
    Matcher::compile(&inputs, entities).expect("generated rules compile")
}

// ---- The naive baseline: one regex per atom, each rule walked per item. ----

enum Naive {
    Any(Vec<Regex>, Option<Field>),
    And(Vec<Naive>),
    Or(Vec<Naive>),
    Not(Box<Naive>),
    Near(Box<Naive>, Box<Naive>, usize),
}

fn naive_regex(atom: &Atom) -> Regex {
    let source = match atom {
        Atom::Words(ws) => {
            let escaped: Vec<String> = ws.iter().map(|w| regex::escape(w)).collect();
            format!(r"(?i)\b{}\b", escaped.join(r"\W+"))
        }
        Atom::Prefix(p) => format!(r"(?i)\b{}\w*", regex::escape(p)),
        Atom::Regex {
            pattern,
            case_insensitive,
        } => {
            if *case_insensitive {
                format!("(?i){pattern}")
            } else {
                pattern.clone()
            }
        }
    };
    Regex::new(&source).expect("baseline regexes compile")
}

fn naive(expr: &Expr, entities: &Entities) -> Naive {
    match expr {
        Expr::Match { atom, field } => Naive::Any(vec![naive_regex(atom)], *field),
        Expr::Entity { name, field } => {
            Naive::Any(entities[name].iter().map(naive_regex).collect(), *field)
        }
        Expr::And(c) => Naive::And(c.iter().map(|e| naive(e, entities)).collect()),
        Expr::Or(c) => Naive::Or(c.iter().map(|e| naive(e, entities)).collect()),
        Expr::Not(e) => Naive::Not(Box::new(naive(e, entities))),
        Expr::Near {
            left,
            right,
            distance,
        } => Naive::Near(
            Box::new(naive(left, entities)),
            Box::new(naive(right, entities)),
            *distance as usize,
        ),
    }
}

fn naive_fields(item: &Item, field: Option<Field>) -> Vec<&str> {
    match field {
        None => vec![&item.title, &item.summary, &item.content],
        Some(Field::Title) => vec![&item.title],
        Some(Field::Summary) => vec![&item.summary],
        Some(_) => vec![&item.content],
    }
}

fn naive_matches(rule: &Naive, item: &Item, word: &Regex) -> bool {
    match rule {
        Naive::Any(regexes, field) => naive_fields(item, *field)
            .iter()
            .any(|text| regexes.iter().any(|r| r.is_match(text))),
        Naive::And(c) => c.iter().all(|r| naive_matches(r, item, word)),
        Naive::Or(c) => c.iter().any(|r| naive_matches(r, item, word)),
        Naive::Not(r) => !naive_matches(r, item, word),
        Naive::Near(left, right, distance) => {
            // Find both sides' matches per field, then count the words between each pair.
            let (Naive::Any(lefts, field), Naive::Any(rights, _)) = (&**left, &**right) else {
                return naive_matches(left, item, word) && naive_matches(right, item, word);
            };
            naive_fields(item, *field).iter().any(|text| {
                let found = |rs: &[Regex]| -> Vec<(usize, usize)> {
                    rs.iter()
                        .flat_map(|r| r.find_iter(text).map(|m| (m.start(), m.end())))
                        .collect()
                };
                let (ls, rs) = (found(lefts), found(rights));
                ls.iter().any(|&(ls, le)| {
                    rs.iter().any(|&(rs, re)| {
                        let gap = if le <= rs {
                            &text[le..rs]
                        } else if re <= ls {
                            &text[re..ls]
                        } else {
                            return false;
                        };
                        word.find_iter(gap).count() < *distance
                    })
                })
            })
        }
    }
}

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn bench(c: &mut Criterion) {
    let vocabulary = Vocabulary::new();
    let entities = entities(&vocabulary);
    let items = items(&vocabulary);
    let bytes: usize = items
        .iter()
        .map(|i| i.title.len() + i.summary.len() + i.content.len())
        .sum();
    eprintln!(
        "{} items, {} bytes on average, vocabulary of {} units",
        items.len(),
        bytes / items.len(),
        vocabulary.units.len()
    );

    let mut group = c.benchmark_group("prepare");
    group.throughput(Throughput::Elements(items.len() as u64));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("PreparedItem::new", |b| {
        b.iter(|| {
            items
                .iter()
                .map(|i| PreparedItem::new(black_box(i), &[]))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
    let prepared: Vec<PreparedItem> = items.iter().map(|i| PreparedItem::new(i, &[])).collect();

    // `match_item` alone, and `prepare_and_match` (what the daemon pays per item).
    let mut group = c.benchmark_group("matcher");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(prepared.len() as u64));
    for n in RULE_COUNTS {
        let exprs = rules(&vocabulary, n);
        let rss_before = rss_bytes();
        let started = Instant::now();
        let matcher = compile(&exprs, &entities);
        let took = started.elapsed();
        let rss_after = rss_bytes();
        let matched: usize = prepared
            .iter()
            .map(|p| matcher.match_item(p, None).len())
            .sum();
        let per_item = matched as f64 / prepared.len() as f64;
        eprintln!(
            "{n} rules: compile {took:.2?}, matcher RSS delta {:.1} MiB, {per_item:.2} matches \
             per item ({:.2}% of rules)",
            (rss_after.saturating_sub(rss_before)) as f64 / (1 << 20) as f64,
            100.0 * per_item / n as f64
        );
        group.bench_with_input(BenchmarkId::new("match_item", n), &matcher, |b, m| {
            b.iter(|| {
                prepared
                    .iter()
                    .map(|p| m.match_item(black_box(p), None).len())
                    .sum::<usize>()
            })
        });
        group.bench_with_input(
            BenchmarkId::new("prepare_and_match", n),
            &matcher,
            |b, m| {
                b.iter(|| {
                    items
                        .iter()
                        .map(|i| {
                            m.match_item(&PreparedItem::new(black_box(i), &[]), None)
                                .len()
                        })
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();

    // The baseline is slow enough that a smaller batch keeps the run short; throughput is per
    // item either way. 10,000 rules is skipped: about ten times the 1,000-rule time per item.
    let word = Regex::new(r"\w+").expect("word regex");
    let mut group = c.benchmark_group("naive");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (n, batch) in [(10, ITEMS), (100, ITEMS / 2), (1_000, 20)] {
        let rules: Vec<Naive> = rules(&vocabulary, n)
            .iter()
            .map(|e| naive(e, &entities))
            .collect();
        let batch = &items[..batch];
        let matched: usize = batch
            .iter()
            .map(|item| {
                rules
                    .iter()
                    .filter(|r| naive_matches(r, item, &word))
                    .count()
            })
            .sum();
        // Not equal to the matcher's count by design: `\b` and `\W+` are not word segmentation.
        eprintln!(
            "{n} rules, naive: {:.2} matches per item",
            matched as f64 / batch.len() as f64
        );
        group.throughput(Throughput::Elements(batch.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("per_rule_regexes", n),
            &rules,
            |b, rules| {
                b.iter(|| {
                    batch
                        .iter()
                        .map(|item| {
                            rules
                                .iter()
                                .filter(|r| naive_matches(r, black_box(item), &word))
                                .count()
                        })
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

const RULE_COUNTS: [usize; 4] = [10, 100, 1_000, 10_000];

criterion_group!(benches, bench);
criterion_main!(benches);
