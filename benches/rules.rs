//! Rule matching throughput: the one-automaton [`Matcher`] beside a naive baseline that
//! compiles every atom of every rule to its own `regex::Regex` and walks each rule over each
//! item (what Miniflux's filter does), on the same deterministic items and rules.
//!
//! Items (~1 KB of title, summary and content) and rules are generated from a fixed seed, so
//! runs compare. Targets (DESIGN, rules): at 1,000 rules at least 50,000 items/s on one core
//! and at least 20x the naive baseline; at 10,000 rules compile under 2 s and under 200 MiB.
//! Compile time and the matcher's memory (RSS delta) are printed, not measured by criterion:
//! one compile is enough to tell.
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

const WORDS: &[&str] = &[
    "government",
    "officials",
    "said",
    "on",
    "monday",
    "that",
    "the",
    "new",
    "policy",
    "would",
    "affect",
    "trade",
    "between",
    "china",
    "and",
    "united",
    "states",
    "market",
    "shares",
    "fell",
    "rose",
    "percent",
    "after",
    "company",
    "reported",
    "quarterly",
    "earnings",
    "analysts",
    "expected",
    "growth",
    "in",
    "cloud",
    "computing",
    "revenue",
    "investors",
    "military",
    "defense",
    "ministry",
    "pentagon",
    "sanctions",
    "export",
    "controls",
    "semiconductor",
    "chips",
    "technology",
    "security",
    "review",
    "list",
    "entities",
    "named",
    "by",
    "department",
    "commerce",
    "treasury",
    "statement",
    "spokesperson",
    "declined",
    "to",
    "comment",
    "week",
    "month",
    "year",
    "billion",
    "dollars",
    "deal",
    "acquisition",
    "merger",
    "regulators",
    "antitrust",
    "investigation",
    "court",
    "ruling",
    "appeal",
    "election",
    "president",
    "minister",
    "parliament",
    "vote",
    "bill",
    "law",
    "report",
    "according",
    "sources",
    "familiar",
    "with",
    "matter",
    "people",
    "liberation",
    "army",
    "navy",
    "exercise",
    "taiwan",
    "strait",
    "south",
    "sea",
    "ships",
    "aircraft",
    "drills",
    "tensions",
    "alibaba",
    "tencent",
    "huawei",
    "baidu",
    "bytedance",
    "tiktok",
    "apple",
    "nvidia",
    "microsoft",
    "reuters",
    "bloomberg",
    "filing",
    "securities",
    "exchange",
    "commission",
    "bank",
    "interest",
    "rates",
    "inflation",
    "economy",
    "supply",
    "chain",
    "factory",
    "workers",
    "energy",
    "oil",
    "gas",
    "prices",
    "climate",
    "summit",
    "talks",
    "agreement",
];

const CJK: &[&str] = &["阿里巴巴集团", "华为技术", "腾讯控股", "中国人民解放军"];

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
    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let mut out = Vec::with_capacity(words);
    for i in 0..words {
        let word = match rng.below(60) {
            0 => CJK[rng.below(CJK.len())].to_string(),
            1 => "BABA".to_string(),
            2 => format!("Corp{}", rng.below(NAMES)),
            3..=5 => {
                let w = rng.word();
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            _ => rng.word().to_string(),
        };
        out.push(word);
        if i % 12 == 11 {
            out.push(".".into());
        }
    }
    out.join(" ")
}

fn items() -> Vec<Item> {
    let mut rng = Lcg(7);
    (0..ITEMS)
        .map(|i| Item {
            feed: "wire".into(),
            entry_id: i.to_string(),
            title: sentence(&mut rng, 10),
            summary: sentence(&mut rng, 30),
            content: sentence(&mut rng, 120),
            authors: vec!["Staff Reporter".into()],
            categories: vec!["World".into()],
            link: Some(format!("https://www.reuters.com/world/{i}")),
            canonical_link: None,
            published: None,
            updated: None,
        })
        .collect()
}

/// Made-up company names `corpN`, one item word in 60 is one of them: most rules in a real
/// config watch names that most items never mention.
const NAMES: usize = 5_000;

/// A term that is a name, or one time in thirty a common news word: real rules name what
/// they watch, and an item here holds most of the common words.
fn term(rng: &mut Lcg) -> String {
    if rng.below(30) == 0 {
        rng.word().to_string()
    } else {
        format!("corp{}", rng.below(NAMES))
    }
}

/// A prefix of a name (`corp12*`), or one time in ten of a longer news word (`semico*`).
fn prefix(rng: &mut Lcg) -> String {
    if rng.below(10) != 0 {
        return format!("corp{}", rng.below(NAMES / 10));
    }
    loop {
        let word = rng.word();
        if word.len() >= 8 {
            return word[..6].to_string();
        }
    }
}

fn matching(atom: Atom, field: Option<Field>) -> Expr {
    Expr::Match { atom, field }
}

fn words(text: &str) -> Atom {
    Atom::Words(query_words(text))
}

const ENTITIES: usize = 50;

fn entities() -> Entities {
    let mut rng = Lcg(11);
    let mut entities = HashMap::new();
    for i in 0..ENTITIES {
        let mut aliases = vec![
            words(&term(&mut rng)),
            words(&format!("{} {}", rng.word(), rng.word())),
        ];
        if i % 5 == 0 {
            aliases.push(words(CJK[i / 5 % CJK.len()]));
        }
        entities.insert(format!("e{i}"), aliases);
    }
    entities
}

fn leaf(rng: &mut Lcg) -> Expr {
    match rng.below(10) {
        0..=1 => Expr::Entity {
            name: format!("e{}", rng.below(ENTITIES)),
            field: None,
        },
        2..=3 => matching(words(&format!("{} {}", rng.word(), rng.word())), None),
        4 => matching(Atom::Prefix(prefix(rng)), None),
        5 => matching(words(&term(rng)), Some(Field::Title)),
        _ => matching(words(&term(rng)), None),
    }
}

fn rules(n: usize) -> Vec<Expr> {
    let mut rng = Lcg(13 + n as u64);
    (0..n)
        .map(|_| match rng.below(100) {
            0..=4 => {
                let word = rng.word();
                let upper = word.to_uppercase();
                let regex = matching(
                    Atom::Regex {
                        pattern: format!(r"\b{upper}\b|{word}\d+"),
                        case_insensitive: rng.below(2) == 0,
                    },
                    None,
                );
                Expr::And(vec![regex, leaf(&mut rng)])
            }
            5..=14 => Expr::Near {
                left: Box::new(leaf(&mut rng)),
                right: Box::new(leaf(&mut rng)),
                distance: 3 + rng.below(6) as u32,
            },
            15..=29 => Expr::And(vec![
                leaf(&mut rng),
                leaf(&mut rng),
                Expr::Not(Box::new(leaf(&mut rng))),
            ]),
            30..=59 => Expr::Or(vec![leaf(&mut rng), leaf(&mut rng), leaf(&mut rng)]),
            _ => Expr::And(vec![leaf(&mut rng), leaf(&mut rng)]),
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
    let entities = entities();
    let items = items();
    let bytes: usize = items
        .iter()
        .map(|i| i.title.len() + i.summary.len() + i.content.len())
        .sum();
    eprintln!(
        "{} items, {} bytes on average",
        items.len(),
        bytes / items.len()
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

    let mut group = c.benchmark_group("matcher");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(prepared.len() as u64));
    for n in [10, 100, 1_000, 10_000] {
        let exprs = rules(n);
        let rss_before = rss_bytes();
        let started = Instant::now();
        let matcher = compile(&exprs, &entities);
        let took = started.elapsed();
        let rss_after = rss_bytes();
        let matched: usize = prepared
            .iter()
            .map(|p| matcher.match_item(p, None).len())
            .sum();
        eprintln!(
            "{n} rules: compile {took:.2?}, matcher RSS delta {:.1} MiB, {:.1} matches per item",
            (rss_after.saturating_sub(rss_before)) as f64 / (1 << 20) as f64,
            matched as f64 / prepared.len() as f64
        );
        group.bench_with_input(BenchmarkId::new("match_item", n), &matcher, |b, m| {
            b.iter(|| {
                prepared
                    .iter()
                    .map(|p| m.match_item(black_box(p), None).len())
                    .sum::<usize>()
            })
        });
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
    for (n, batch) in [(10, ITEMS), (100, ITEMS / 4), (1_000, 10)] {
        let rules: Vec<Naive> = rules(n).iter().map(|e| naive(e, &entities)).collect();
        let batch = &items[..batch];
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

criterion_group!(benches, bench);
criterion_main!(benches);
