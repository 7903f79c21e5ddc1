//! Story clustering cost per item: what the daemon pays for each matched item with 10,000 and
//! 100,000 items of one rule in the window, and what fingerprinting a headline costs.
//!
//! Items are synthetic but shaped like a news rule's: headlines and summaries draw words from
//! a vocabulary of ~5,000 (common news words at the head, then syllable-built words) with
//! Zipf frequency (rank r drawn with weight 1/r), so every item shares the rule's common words
//! and most words are rare. 800 stories each have five words of their own and a number, of
//! which every item of the story uses most; a third of the items belong to no story, and one
//! in ten is in Chinese (common Chinese news words, drawn uniformly). Everything comes from
//! fixed seeds, so runs compare.
//!
//! Measured:
//! - `fingerprint/en` and `fingerprint/zh`: `Fingerprint::of` for one headline and summary;
//! - `steady/N`: the daemon's per-item work with N members in the window: expire what left
//!   the window, `find`, `insert`. The clock advances by 48 h / N per item, so the window
//!   stays at N members;
//! - `find/N`: `find` alone on the same index.
//!
//! Target: under 50 µs per item, and flat from 10,000 to 100,000.
//!
//! `cargo bench --bench stories`

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newswatch::story::{DEFAULT_THRESHOLD, DEFAULT_WINDOW, Fingerprint, Member, StoryIndex};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const STORIES: usize = 800;
const POOL: usize = 20_000;
const RULE: &str = "alibaba";

const COMMON: &[&str] = &[
    "alibaba",
    "shares",
    "china",
    "us",
    "company",
    "market",
    "group",
    "cloud",
    "business",
    "investors",
    "chinese",
    "government",
    "billion",
    "tech",
    "stock",
    "quarter",
    "revenue",
    "growth",
    "trade",
    "hong",
    "kong",
    "officials",
    "ai",
    "data",
    "deal",
    "security",
    "military",
    "pentagon",
    "commerce",
    "report",
    "plans",
    "week",
    "rise",
    "fall",
    "profit",
    "sales",
    "global",
    "firms",
    "list",
    "rules",
    "policy",
    "national",
    "president",
    "trump",
    "beijing",
    "washington",
    "analysts",
    "results",
    "earnings",
    "chief",
    "executive",
    "users",
    "platform",
    "e-commerce",
    "retail",
    "consumer",
    "demand",
    "model",
    "chips",
    "tariffs",
    "sanctions",
    "ban",
    "court",
    "lawsuit",
    "probe",
    "regulators",
    "approval",
    "talks",
    "investment",
    "funding",
    "unit",
    "spin-off",
    "listing",
    "rally",
    "slump",
    "record",
];

const HAN: &[&str] = &[
    "阿里巴巴",
    "美国",
    "中国",
    "商务部",
    "五角大楼",
    "制裁",
    "财报",
    "营收",
    "利润",
    "增长",
    "下跌",
    "上涨",
    "股价",
    "云计算",
    "人工智能",
    "芯片",
    "监管",
    "调查",
    "诉讼",
    "法院",
    "军方",
    "解放军",
    "实体清单",
    "关税",
    "投资者",
    "市场",
    "公司",
    "集团",
    "季度",
    "业绩",
    "发布",
    "宣布",
    "计划",
    "否认",
    "回应",
    "声明",
    "白宫",
    "国会",
    "议员",
    "安全",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "van", "so", "rel", "pa", "dun", "gri", "mo", "sen", "tal", "ve",
    "bri", "cor", "nu", "fal", "den", "ris",
];

/// A vocabulary with a Zipf sampler over it.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative 1/rank weights.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut StdRng) -> Vocabulary {
        let mut words: Vec<String> = COMMON.iter().map(|w| (*w).to_string()).collect();
        while words.len() < 5_000 {
            let n = rng.random_range(2..4);
            let word: String = (0..n)
                .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
                .collect();
            words.push(word);
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn zipf(&self, rng: &mut StdRng) -> &str {
        let total = *self.cumulative.last().expect("non-empty vocabulary");
        let x = rng.random_range(0.0..total);
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

struct Story {
    words: Vec<String>,
    number: u32,
}

struct Headline {
    title: String,
    summary: String,
}

fn make_headline(rng: &mut StdRng, vocabulary: &Vocabulary, stories: &[Story]) -> Headline {
    let story = (rng.random_range(0..3) != 0).then(|| &stories[rng.random_range(0..stories.len())]);
    let chinese = rng.random_range(0..10) == 0;
    let mut title: Vec<String> = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    if let Some(story) = story {
        for word in &story.words {
            if rng.random_range(0..5) != 0 {
                title.push(word.clone());
            }
        }
        title.push(format!("{}%", story.number));
    }
    let background = |rng: &mut StdRng, n: usize, out: &mut Vec<String>| {
        for _ in 0..n {
            if chinese {
                out.push(HAN[rng.random_range(0..HAN.len())].to_string());
            } else {
                out.push(vocabulary.zipf(rng).to_string());
            }
        }
    };
    let n = rng.random_range(4..8);
    background(rng, n, &mut title);
    // One in five comes with a title only, as government releases and Google News items do:
    // those take the headline-coverage comparison too.
    if rng.random_range(0..5) != 0 {
        let n = rng.random_range(10..20);
        background(rng, n, &mut summary);
    }
    let separator = if chinese { "" } else { " " };
    Headline {
        title: format!("{} - Reuters", title.join(separator)),
        summary: summary.join(separator),
    }
}

fn pool() -> Vec<Headline> {
    let mut rng = StdRng::seed_from_u64(7);
    let vocabulary = Vocabulary::new(&mut rng);
    let stories: Vec<Story> = (0..STORIES)
        .map(|_| Story {
            words: (0..5)
                .map(|_| vocabulary.words[rng.random_range(200..vocabulary.words.len())].clone())
                .collect(),
            number: rng.random_range(1..100),
        })
        .collect();
    (0..POOL)
        .map(|_| make_headline(&mut rng, &vocabulary, &stories))
        .collect()
}

fn start() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).expect("valid timestamp")
}

/// The window's members arrive evenly over 48 h; `step` is the gap between two.
struct Stream {
    fingerprints: Vec<Fingerprint>,
    next: usize,
    at: DateTime<Utc>,
    step: chrono::Duration,
    index: StoryIndex,
}

impl Stream {
    fn new(fingerprints: Vec<Fingerprint>, members: usize) -> Stream {
        let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
        let step = window / i32::try_from(members).expect("fits i32");
        let mut stream = Stream {
            fingerprints,
            next: 0,
            at: start(),
            step,
            index: StoryIndex::new(),
        };
        for _ in 0..members {
            stream.add();
        }
        stream
    }

    fn member(&self) -> Member {
        Member {
            key: format!("feed\u{0}{}", self.next),
            canonical_link: None,
            fingerprint: self.fingerprints[self.next % self.fingerprints.len()].clone(),
            at: self.at,
        }
    }

    /// One item as the daemon handles it: expire, find, insert.
    fn add(&mut self) {
        let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
        self.index.expire(self.at - window);
        let member = self.member();
        let story = self
            .index
            .find(RULE, &member, DEFAULT_THRESHOLD)
            .map_or_else(|| member.key.clone(), |m| m.story);
        self.index.insert(RULE, &story, member);
        self.next += 1;
        self.at += self.step;
    }
}

fn benches(c: &mut Criterion) {
    let headlines = pool();
    let fingerprints: Vec<Fingerprint> = headlines
        .iter()
        .map(|h| Fingerprint::of(&h.title, &h.summary, &["alibaba".to_string()]))
        .collect();

    let mut group = c.benchmark_group("fingerprint");
    let english = "Alibaba shares fall 7% after Pentagon adds it to Chinese military companies list - Reuters";
    let english_summary = "The Defense Department named Alibaba Group, Baidu and BYD under Section 1260H of the defense authorization act; Alibaba said the listing was baseless.";
    let chinese = "五角大楼将阿里巴巴列入中国军事企业清单 股价下跌7%";
    let chinese_summary = "美国国防部依据1260H条款更新名单，阿里巴巴回应称相关指控毫无根据。";
    let concepts = vec![
        "alibaba".to_string(),
        "pla".to_string(),
        "us_gov".to_string(),
    ];
    group.bench_function("en", |b| {
        b.iter(|| Fingerprint::of(black_box(english), black_box(english_summary), &concepts))
    });
    group.bench_function("zh", |b| {
        b.iter(|| Fingerprint::of(black_box(chinese), black_box(chinese_summary), &concepts))
    });
    group.finish();

    for members in [10_000, 100_000] {
        let mut stream = Stream::new(fingerprints.clone(), members);
        eprintln!(
            "steady/{members}: {} members in the window after warm-up",
            stream.index.len()
        );
        let mut group = c.benchmark_group("steady");
        group.measurement_time(Duration::from_secs(8));
        group.bench_with_input(BenchmarkId::from_parameter(members), &members, |b, _| {
            b.iter(|| stream.add())
        });
        group.finish();
        eprintln!(
            "steady/{members}: {} members in the window after measuring",
            stream.index.len()
        );

        let mut group = c.benchmark_group("find");
        let probe: Vec<Member> = (0..256)
            .map(|i| Member {
                key: format!("probe\u{0}{i}"),
                canonical_link: None,
                fingerprint: fingerprints[(stream.next + i) % fingerprints.len()].clone(),
                at: stream.at,
            })
            .collect();
        let mut i = 0;
        group.bench_with_input(BenchmarkId::from_parameter(members), &members, |b, _| {
            b.iter(|| {
                i = (i + 1) % probe.len();
                stream
                    .index
                    .find(RULE, black_box(&probe[i]), DEFAULT_THRESHOLD)
            })
        });
        group.finish();
    }
}

criterion_group!(stories, benches);
criterion_main!(stories);
