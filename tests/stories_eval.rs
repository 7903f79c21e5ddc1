//! Story clustering measured against labelled headlines: `tests/data/stories/items.jsonl`
//! (the first set) and `tests/data/stream/` (the stream set, split into dev and a frozen test
//! half). One JSON object per line with `id`, `story`, `lang`, `source`, `feed`, `title`,
//! `summary`, `link`, `published`.
//!
//! Items are replayed in publication order through one [`StoryIndex`] as ONE scope (the hard
//! case: every story shares the scope's vocabulary), with concepts from the shipped
//! `config/newswatch.toml` and the default 48 h window, as the daemon would: each item joins
//! the story `find` returns, or starts its own. Reported: pairwise precision and recall (over
//! pairs of items put in one cluster), B-cubed precision and recall (per item, averaged), per
//! language, and events that got no alert of their own (every item of the story joined
//! another story). `story_clustering_quality_per_rule` replays what the daemon does with the
//! shipped rules: each clustering rule's matches in their own scope, fingerprinted with the
//! words the rule matched.
//!
//! Methodology (docs/STORIES.md): the score's weights were fitted on the dev halves of both
//! sets (`dump_dev_candidates` writes the rows, `bench/stories_fit.py` fits them) and the
//! threshold was chosen by fitting on one set alone and replaying the other. The stream test
//! half was replayed once after that (2026-12-02); its errors were printed the next day and
//! the reaction and market-move vocabulary widened on them, so it is a development set since.
//! `the_second_test_set` replays `tests/data/stream2/`, looked at once after that change
//! (2026-12-03), its errors not printed; both assert floors at their measured level. `STREAM_VERBOSE=<threshold>` prints the dev
//! half's wrong merges and splits; `STORIES_VERBOSE=<threshold>` those of the first set's
//! dev half.
//!
//! `cargo test --test stories_eval -- --nocapture` prints every figure.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use newswatch::feed::Item;
use newswatch::feed::normalize::canonical_link;
use newswatch::rules::RuleSet;
use newswatch::story::{
    Concepts, DEFAULT_THRESHOLD, DEFAULT_WINDOW, Fingerprint, Member, StoryIndex,
};
use sha2::Digest;

/// Issue 18's targets: merging precision on news the method was not fitted on, recall, per
/// language and across languages.
const MIN_PRECISION: f64 = 0.98;
const MIN_RECALL: f64 = 0.85;
/// What the current method reaches on the first set at `DEFAULT_THRESHOLD`, rounded down: a
/// change that falls below is a regression. Recall is far below the target: the method
/// merges only when sure (see `story::DEFAULT_THRESHOLD`), and the domain rules that merged
/// results and share-move headlines by kind, tuned on this set, are gone.
const FLOOR_PRECISION: f64 = 0.99;
const FLOOR_RECALL: f64 = 0.60;
/// The same for the per-rule replay, pooled over rules.
const RULE_FLOOR_PRECISION: f64 = 0.99;
const RULE_FLOOR_RECALL: f64 = 0.55;
/// The same for the per-channel replay (the daemon's scopes), pooled over channels.
const CHANNEL_FLOOR_RECALL: f64 = 0.45;
/// The same for the stream set's development half (one scope).
const STREAM_FLOOR_RECALL: f64 = 0.58;
/// The stream test half, rounded down. At its one look (2026-12-02) it measured pairwise P
/// 0.947, B-cubed P 0.980, pairwise R 0.645; its errors were then looked at (2026-12-03) and
/// the reaction and market-move vocabulary widened, after which it measures P 0.999, B-cubed
/// P 0.998, R 0.639. It is a development set since.
const TEST_FLOOR_PRECISION: f64 = 0.99;
const TEST_FLOOR_BCUBED_PRECISION: f64 = 0.99;
const TEST_FLOOR_RECALL: f64 = 0.63;
/// The second test set at its one look (2026-12-03), rounded down: pairwise P 0.868, B-cubed
/// P 0.945, pairwise R 0.492, one event without an alert of its own. Far below the targets;
/// the floors only catch a regression.
const TEST2_FLOOR_PRECISION: f64 = 0.86;
const TEST2_FLOOR_BCUBED_PRECISION: f64 = 0.94;
const TEST2_FLOOR_RECALL: f64 = 0.49;
const TEST2_MAX_WITHOUT_ALERT: usize = 1;
/// Lookups where LSH candidates lead to another story than comparing with every member, at
/// most per item: LSH may miss a story's closest member and then score the story through
/// another one (one such lookup in the 362 items of the first set).
const MAX_LSH_MISS_RATE: f64 = 0.01;
const RULE: &str = "eval";
/// Join thresholds the sweeps print (the score is a probability).
const SWEEP: [f64; 10] = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];

#[derive(serde::Deserialize)]
struct Labelled {
    id: String,
    story: String,
    lang: String,
    #[allow(dead_code)]
    source: String,
    feed: String,
    title: String,
    #[serde(default)]
    summary: String,
    link: Option<String>,
    published: DateTime<Utc>,
}

/// A labelled item, fingerprinted once.
struct Case {
    item: Labelled,
    member: Member,
    /// The shipped config's rules the item matches, with their evidence, in config order.
    matches: Vec<newswatch::rules::ItemMatch>,
    /// The shipped config's entities the item mentions.
    concepts: Vec<String>,
}

/// A scope of the daemon's story index: a channel, or for the per-rule replay one rule.
struct Scope {
    name: String,
    /// The strictest threshold of its rules.
    threshold: f64,
    /// Its clustering rules.
    rules: Vec<String>,
    /// Its rules that do not cluster: an item one of them matched alerts, undecided.
    excluded: Vec<String>,
}

impl Case {
    /// The item as a member of `scope`, fingerprinted with the words its rules there matched,
    /// as the daemon does; `None` if the scope decides no story for it.
    fn member_in(&self, scope: &Scope) -> Option<Member> {
        let matched = |rules: &[String]| {
            self.matches
                .iter()
                .filter(|m| rules.contains(&m.rule))
                .collect::<Vec<_>>()
        };
        let hits = matched(&scope.rules);
        if hits.is_empty() || !matched(&scope.excluded).is_empty() {
            return None;
        }
        let words = CONCEPTS.with(|c| c.scope_words(hits));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        Some(Member {
            fingerprint: Fingerprint::in_scope(
                &self.item.title,
                &self.item.summary,
                &self.concepts,
                &words,
            ),
            ..self.member.clone()
        })
    }
}

thread_local! {
    /// The shipped config's entities.
    static CONCEPTS: Concepts = Concepts::from_config(&shipped_config());
}

fn shipped_config() -> newswatch::config::Config {
    let config_path = repo_path("config/newswatch.toml");
    newswatch::daemon::load_config(&config_path)
        .unwrap_or_else(|e| panic!("{}: {e}", config_path.display()))
}

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn load_cases() -> Vec<Case> {
    load_cases_from("tests/data/stories/items.jsonl")
}

/// The labelled items of one file of this repository, fingerprinted and matched against the
/// shipped config, in publication order.
fn load_cases_from(relative: &str) -> Vec<Case> {
    let config_path = repo_path("config/newswatch.toml");
    let config = newswatch::daemon::load_config(&config_path)
        .unwrap_or_else(|e| panic!("{}: {e}", config_path.display()));
    let concepts = Concepts::from_config(&config);
    let rules =
        RuleSet::from_config(&config).unwrap_or_else(|e| panic!("{}: {e}", config_path.display()));
    let data = repo_path(relative);
    let text = std::fs::read_to_string(&data).unwrap_or_else(|e| panic!("{}: {e}", data.display()));
    let mut cases: Vec<Case> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let item: Labelled = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", data.display(), n + 1));
            let feed_item = Item {
                feed: item.feed.clone(),
                entry_id: item.id.clone(),
                title: item.title.clone(),
                summary: item.summary.clone(),
                link: item.link.clone(),
                canonical_link: item.link.as_deref().and_then(canonical_link),
                published: Some(item.published),
                ..Default::default()
            };
            let found = concepts.of(&feed_item);
            // No feed config: the labelled feeds are not the shipped config's, so rules that
            // need a feed tag (`feed:tag:government`) match here only through their text.
            let matches = rules.match_item(&feed_item, None);
            let member = Member {
                key: format!("{}\u{0}{}", item.feed, item.id),
                canonical_link: feed_item.canonical_link.clone(),
                fingerprint: Fingerprint::of(&item.title, &item.summary, &found),
                at: item.published,
            };
            Case {
                item,
                member,
                matches,
                concepts: found,
            }
        })
        .collect();
    cases.sort_by(|a, b| (a.item.published, &a.item.id).cmp(&(b.item.published, &b.item.id)));
    cases
}

/// What one replay produced.
struct Replay {
    /// Predicted cluster per case index.
    cluster: Vec<String>,
    /// Finds where LSH returned a different story than comparing with every member would.
    lsh_misses: usize,
}

fn replay(cases: &[&Case], threshold: f64) -> Replay {
    let mut index = StoryIndex::new();
    let mut cluster = Vec::with_capacity(cases.len());
    let mut lsh_misses = 0;
    let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
    for case in cases {
        index.expire(case.member.at - window);
        let found = index.find(RULE, &case.member, threshold);
        let exhaustive = index.find_exhaustive(RULE, &case.member, threshold);
        if found.as_ref().map(|m| &m.story) != exhaustive.as_ref().map(|m| &m.story) {
            lsh_misses += 1;
            if std::env::var_os("LSH_DEBUG").is_some() {
                println!(
                    "LSH miss: {} {:?} / exhaustive {:?}",
                    case.item.title, found, exhaustive
                );
                for c in index.explain(RULE, &case.member) {
                    println!("  {:?} score {:.3}", c, newswatch::story::index::score(&c));
                }
            }
        }
        let story = found.map_or_else(|| case.member.key.clone(), |m| m.story);
        index.insert(RULE, &story, case.member.clone());
        cluster.push(story);
    }
    Replay {
        cluster,
        lsh_misses,
    }
}

#[derive(Debug, Clone, Copy)]
struct Scores {
    pair_precision: f64,
    pair_recall: f64,
    bcubed_precision: f64,
    bcubed_recall: f64,
}

impl Scores {
    fn f1(self) -> f64 {
        let (p, r) = (self.pair_precision, self.pair_recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Pair and B-cubed counts of one clustering: they add up over rules, so that the rules of
/// a config can be scored together (a pair that two rules both hold counts in each).
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    together_both: usize,
    together_predicted: usize,
    together_gold: usize,
    /// Sums over items of their B-cubed precision and recall.
    bcubed_precision: f64,
    bcubed_recall: f64,
    items: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.together_both += other.together_both;
        self.together_predicted += other.together_predicted;
        self.together_gold += other.together_gold;
        self.bcubed_precision += other.bcubed_precision;
        self.bcubed_recall += other.bcubed_recall;
        self.items += other.items;
    }

    fn scores(self) -> Scores {
        // No items (a rule nothing matched) is no error, as no pairs is none.
        let mean = |sum: f64| {
            if self.items == 0 {
                1.0
            } else {
                sum / self.items as f64
            }
        };
        Scores {
            pair_precision: ratio(self.together_both, self.together_predicted),
            pair_recall: ratio(self.together_both, self.together_gold),
            bcubed_precision: mean(self.bcubed_precision),
            bcubed_recall: mean(self.bcubed_recall),
        }
    }
}

fn tally(gold: &[&str], predicted: &[String]) -> Tally {
    let n = gold.len();
    let mut t = Tally {
        items: n,
        ..Tally::default()
    };
    for i in 0..n {
        for j in i + 1..n {
            let same_gold = gold[i] == gold[j];
            let same_predicted = predicted[i] == predicted[j];
            t.together_both += usize::from(same_gold && same_predicted);
            t.together_predicted += usize::from(same_predicted);
            t.together_gold += usize::from(same_gold);
        }
    }
    for i in 0..n {
        let (mut both, mut in_predicted, mut in_gold) = (0, 0, 0);
        for j in 0..n {
            let same_gold = gold[i] == gold[j];
            let same_predicted = predicted[i] == predicted[j];
            both += usize::from(same_gold && same_predicted);
            in_predicted += usize::from(same_predicted);
            in_gold += usize::from(same_gold);
        }
        t.bcubed_precision += ratio(both, in_predicted);
        t.bcubed_recall += ratio(both, in_gold);
    }
    t
}

fn score(gold: &[&str], predicted: &[String]) -> Scores {
    tally(gold, predicted).scores()
}

fn evaluate(cases: &[&Case], threshold: f64) -> (Scores, Replay) {
    let result = replay(cases, threshold);
    let gold: Vec<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    (score(&gold, &result.cluster), result)
}

/// Pairwise recall by the languages of the pair: en-en, en-zh, zh-zh.
fn recall_by_language(cases: &[&Case], predicted: &[String]) -> String {
    let mut found = [0usize; 3];
    let mut total = [0usize; 3];
    for i in 0..cases.len() {
        for j in i + 1..cases.len() {
            if cases[i].item.story != cases[j].item.story {
                continue;
            }
            let zh =
                usize::from(cases[i].item.lang == "zh") + usize::from(cases[j].item.lang == "zh");
            total[zh] += 1;
            found[zh] += usize::from(predicted[i] == predicted[j]);
        }
    }
    format!(
        "recall en-en {:.3} en-zh {:.3} zh-zh {:.3}",
        ratio(found[0], total[0]),
        ratio(found[1], total[1]),
        ratio(found[2], total[2])
    )
}

fn line(name: &str, cases: &[&Case], threshold: f64) -> Scores {
    let (s, result) = evaluate(cases, threshold);
    println!("          {}", recall_by_language(cases, &result.cluster));
    let stories: BTreeSet<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    println!(
        "{name:<9} items {:>4} stories {:>3}  pairwise P {:.3} R {:.3} F1 {:.3}  B-cubed P {:.3} R {:.3}  LSH misses {}",
        cases.len(),
        stories.len(),
        s.pair_precision,
        s.pair_recall,
        s.f1(),
        s.bcubed_precision,
        s.bcubed_recall,
        result.lsh_misses,
    );
    s
}

/// Every wrong merge and split of a replay, for looking at errors.
fn print_errors(cases: &[&Case], threshold: f64) {
    let (_, result) = evaluate(cases, threshold);
    let mut clusters: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in result.cluster.iter().enumerate() {
        clusters.entry(c.as_str()).or_default().push(i);
    }
    println!("--- clusters mixing stories");
    for members in clusters.values() {
        let stories: BTreeSet<&str> = members
            .iter()
            .map(|&i| cases[i].item.story.as_str())
            .collect();
        if stories.len() > 1 {
            for &i in members {
                println!(
                    "  [{}] {} | {}",
                    cases[i].item.story, cases[i].item.title, cases[i].item.lang
                );
            }
            println!();
        }
    }
    println!("--- stories split over clusters");
    let mut by_story: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        by_story.entry(c.item.story.as_str()).or_default().push(i);
    }
    for (story, members) in by_story {
        let predicted: BTreeSet<&str> = members
            .iter()
            .map(|&i| result.cluster[i].as_str())
            .collect();
        if predicted.len() > 1 {
            println!("  {story}:");
            let mut ordinal: HashMap<&str, usize> = HashMap::new();
            for &i in &members {
                let next = ordinal.len();
                let k = *ordinal.entry(result.cluster[i].as_str()).or_insert(next);
                println!(
                    "    {k} {} | {} | {}",
                    cases[i].item.lang, cases[i].item.title, cases[i].item.summary
                );
            }
        }
    }
}

#[test]
fn story_clustering_quality() {
    let cases = load_cases();
    let stories: BTreeSet<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    let dev_stories: BTreeSet<&str> = stories.iter().step_by(2).copied().collect();
    let all: Vec<&Case> = cases.iter().collect();
    let (dev, held_out): (Vec<&Case>, Vec<&Case>) = cases
        .iter()
        .partition(|c| dev_stories.contains(c.item.story.as_str()));
    let zh = cases.iter().filter(|c| c.item.lang == "zh").count();
    println!(
        "{} items ({zh} zh), {} stories: dev {} items, held-out {} items",
        cases.len(),
        stories.len(),
        dev.len(),
        held_out.len()
    );

    println!("threshold sweep (dev half):");
    let mut sweep = Vec::new();
    for threshold in SWEEP {
        let (s, _) = evaluate(&dev, threshold);
        println!(
            "  {threshold:.3}  pairwise P {:.3} R {:.3} F1 {:.3}  B-cubed P {:.3} R {:.3}",
            s.pair_precision,
            s.pair_recall,
            s.f1(),
            s.bcubed_precision,
            s.bcubed_recall
        );
        sweep.push((threshold, s));
    }
    println!(
        "DEFAULT_THRESHOLD {DEFAULT_THRESHOLD} (chosen across sets, see story::DEFAULT_THRESHOLD)"
    );
    println!("at DEFAULT_THRESHOLD:");
    line("dev", &dev, DEFAULT_THRESHOLD);
    line("held-out", &held_out, DEFAULT_THRESHOLD);
    let (everything, replayed) = evaluate(&all, DEFAULT_THRESHOLD);
    line("all", &all, DEFAULT_THRESHOLD);
    let met = everything.pair_precision >= MIN_PRECISION && everything.pair_recall >= MIN_RECALL;
    println!(
        "issue targets (pairwise P >= {MIN_PRECISION}, R >= {MIN_RECALL} on all): {}",
        if met { "met" } else { "NOT met" }
    );
    println!("sweep, for the record (pairwise P/R; the threshold was chosen on dev alone):");
    for (threshold, dev_scores) in &sweep {
        let (held, _) = evaluate(&held_out, *threshold);
        let (every, _) = evaluate(&all, *threshold);
        println!(
            "  {threshold:.3}  dev {:.3}/{:.3}  held-out {:.3}/{:.3}  all {:.3}/{:.3}",
            dev_scores.pair_precision,
            dev_scores.pair_recall,
            held.pair_precision,
            held.pair_recall,
            every.pair_precision,
            every.pair_recall
        );
    }
    if std::env::var_os("STORIES_DIAG").is_some() {
        pair_diagnostics(&dev);
        replay_diagnostics(&dev);
    }
    if let Some(verbose) = std::env::var_os("STORIES_VERBOSE") {
        let threshold = verbose
            .to_str()
            .and_then(|t| t.parse().ok())
            .unwrap_or(DEFAULT_THRESHOLD);
        // STORIES_VERBOSE_ON=all looks at every item's errors (the held-out half then stops
        // being held out for whoever looks).
        let on_all = std::env::var("STORIES_VERBOSE_ON").is_ok_and(|v| v == "all");
        let on_held = std::env::var("STORIES_VERBOSE_ON").is_ok_and(|v| v == "held-out");
        print_errors(
            if on_all {
                &all
            } else if on_held {
                &held_out
            } else {
                &dev
            },
            threshold,
        );
    }
    assert!(
        ratio(replayed.lsh_misses, all.len()) <= MAX_LSH_MISS_RATE,
        "LSH candidates led elsewhere than comparing with every member {} times in {} items",
        replayed.lsh_misses,
        all.len()
    );
    assert!(
        everything.pair_precision >= FLOOR_PRECISION && everything.pair_recall >= FLOOR_RECALL,
        "regression: pairwise precision {:.3} (floor {FLOOR_PRECISION}), recall {:.3} (floor {FLOOR_RECALL})",
        everything.pair_precision,
        everything.pair_recall
    );
}

/// How well one item-to-item similarity separates same-story from other-story pairs within
/// the window, with document frequencies of all `cases`.
fn pair_diagnostics(cases: &[&Case]) {
    let mut index = StoryIndex::new();
    for case in cases {
        index.insert(RULE, &case.member.key, case.member.clone());
    }
    let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
    let mut positives = Vec::new();
    let mut negatives = Vec::new();
    let mut by_kind: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (i, a) in cases.iter().enumerate() {
        for b in &cases[..i] {
            if (a.member.at - b.member.at).abs() > window {
                continue;
            }
            let s = index.similarity(RULE, &a.member.fingerprint, &b.member.fingerprint);
            if a.item.story == b.item.story {
                positives.push(s);
                let kind = match (a.item.lang.as_str(), b.item.lang.as_str()) {
                    ("en", "en") => "en-en",
                    ("zh", "zh") => "zh-zh",
                    _ => "en-zh",
                };
                by_kind.entry(kind).or_default().push(s);
            } else {
                negatives.push(s);
            }
        }
    }
    println!(
        "pairs in window: {} positive, {} negative",
        positives.len(),
        negatives.len()
    );
    for t in [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5] {
        let above = |v: &[f64]| v.iter().filter(|&&s| s >= t).count();
        let kinds: Vec<String> = by_kind
            .iter()
            .map(|(k, v)| format!("{k} {:.2}", ratio(above(v), v.len())))
            .collect();
        println!(
            "  >= {t:.2}: positives {:.3} ({}), negatives {}",
            ratio(above(&positives), positives.len()),
            kinds.join(" "),
            above(&negatives)
        );
    }
    // Single-pass view: does each item's most similar earlier item (in the window) belong to
    // its story?
    let mut right = 0;
    let mut wrong = 0;
    let mut first = 0;
    let mut joining = Vec::new();
    let mut starting = Vec::new();
    for (i, a) in cases.iter().enumerate() {
        let has_earlier = cases[..i].iter().any(|b| b.item.story == a.item.story);
        let best = cases[..i]
            .iter()
            .filter(|b| (a.member.at - b.member.at).abs() <= window)
            .map(|b| {
                (
                    index.similarity(RULE, &a.member.fingerprint, &b.member.fingerprint),
                    b,
                )
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        let best_similarity = best.map_or(0.0, |(s, _)| s);
        if has_earlier {
            joining.push(best_similarity);
        } else {
            starting.push(best_similarity);
        }
        match best {
            _ if !has_earlier => first += 1,
            Some((_, b)) if b.item.story == a.item.story => right += 1,
            _ => wrong += 1,
        }
    }
    println!(
        "nearest earlier item: same story {right}, other story {wrong}, story's first {first}"
    );
    joining.sort_by(f64::total_cmp);
    starting.sort_by(f64::total_cmp);
    let show = |v: &[f64]| {
        v.iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "best earlier similarity of items that start a story: {}",
        show(&starting)
    );
    println!(
        "best earlier similarity of items that join one: {}",
        show(&joining)
    );
}

/// In a replay: each item's best similarity to an earlier item of its own story and of other
/// stories, at the moment it arrives.
fn replay_diagnostics(cases: &[&Case]) {
    let mut index = StoryIndex::new();
    let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
    let mut joining = Vec::new();
    let mut starting = Vec::new();
    let mut other_for_joining = Vec::new();
    for (i, a) in cases.iter().enumerate() {
        index.expire(a.member.at - window);
        let mut same: f64 = -1.0;
        let mut other: f64 = 0.0;
        for b in &cases[..i] {
            if (a.member.at - b.member.at).abs() > window {
                continue;
            }
            let s = index.similarity(RULE, &a.member.fingerprint, &b.member.fingerprint);
            if b.item.story == a.item.story {
                same = same.max(s);
            } else {
                other = other.max(s);
            }
        }
        if same >= 0.0 {
            joining.push(same);
            other_for_joining.push(other);
        } else {
            starting.push(other);
        }
        index.insert(RULE, &a.item.story, a.member.clone());
    }
    joining.sort_by(f64::total_cmp);
    starting.sort_by(f64::total_cmp);
    other_for_joining.sort_by(f64::total_cmp);
    let show = |v: &[f64]| {
        v.iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "replay: best other-story similarity of items that start a story: {}",
        show(&starting)
    );
    println!(
        "replay: best same-story similarity of items that join one: {}",
        show(&joining)
    );
    println!(
        "replay: best other-story similarity of items that join one: {}",
        show(&other_for_joining)
    );
}

/// The shipped config's clustering rules with the threshold the daemon gives each: its
/// `cluster_threshold`, else [`DEFAULT_THRESHOLD`]. Rules with `cluster = false` are left out,
/// as the daemon leaves them out of the story index.
fn clustering_rules() -> Vec<Scope> {
    let config = shipped_config();
    let rules = RuleSet::from_config(&config).expect("shipped rules");
    rules
        .rules()
        .iter()
        .filter_map(|rule| {
            let cluster = rule.cluster?;
            Some(Scope {
                name: rule.name.clone(),
                threshold: cluster.threshold.unwrap_or(DEFAULT_THRESHOLD),
                rules: vec![rule.name.clone()],
                excluded: Vec::new(),
            })
        })
        .collect()
}

/// The shipped config's channels as the daemon's story scopes: the clustering rules that
/// notify each, with the strictest of their thresholds, and the ones that do not cluster.
fn channel_scopes() -> Vec<Scope> {
    let config = shipped_config();
    let rules = RuleSet::from_config(&config).expect("shipped rules");
    config
        .channels
        .iter()
        .map(|channel| {
            let notifying = rules
                .rules()
                .iter()
                .filter(|r| r.notify.iter().any(|n| n.channel == channel.name));
            let (clustering, excluded): (Vec<_>, Vec<_>) =
                notifying.partition(|r| r.cluster.is_some());
            Scope {
                name: channel.name.clone(),
                threshold: clustering
                    .iter()
                    .filter_map(|r| r.cluster)
                    .map(|c| c.threshold.unwrap_or(DEFAULT_THRESHOLD))
                    .fold(0.0, f64::max),
                rules: clustering.iter().map(|r| r.name.clone()).collect(),
                // The shipped rules that do not cluster read EDGAR feeds only (a feed scope
                // the labelled items, matched without feeds, cannot honour).
                excluded: excluded
                    .iter()
                    .filter(|r| {
                        !config
                            .rules
                            .iter()
                            .any(|c| c.name == r.name && !c.feeds.is_empty())
                    })
                    .map(|r| r.name.clone())
                    .collect(),
            }
        })
        .filter(|scope| !scope.rules.is_empty())
        .collect()
}

/// One rule's part of a deployment replay.
#[derive(Default)]
struct RuleClusters {
    /// Indexes into the replayed cases of the items the rule matched, in replay order.
    cases: Vec<usize>,
    /// Predicted cluster of each.
    cluster: Vec<String>,
}

/// What the daemon would do with `cases`: each item, in publication order, is clustered under
/// every clustering rule it matches, in one index where each rule has its own stories and
/// document frequencies. Returns each rule's clusters (in `rules` order), the items that
/// matched no clustering rule, and the finds where LSH disagreed with comparing every member.
fn replay_rules(cases: &[&Case], scopes: &[Scope]) -> (Vec<RuleClusters>, usize, usize) {
    let mut index = StoryIndex::new();
    let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
    let mut per_scope: Vec<RuleClusters> = scopes.iter().map(|_| RuleClusters::default()).collect();
    let mut unclustered = 0;
    let mut lsh_misses = 0;
    for (i, case) in cases.iter().enumerate() {
        index.expire(case.member.at - window);
        let mut clustered = false;
        for (scope, out) in scopes.iter().zip(&mut per_scope) {
            let Some(member) = case.member_in(scope) else {
                continue;
            };
            clustered = true;
            let name = scope.name.as_str();
            let found = index.find(name, &member, scope.threshold);
            let exhaustive = index.find_exhaustive(name, &member, scope.threshold);
            if found.as_ref().map(|m| &m.story) != exhaustive.as_ref().map(|m| &m.story) {
                lsh_misses += 1;
            }
            // A new story is named after its scope and first item, as the daemon's story ids
            // are: the same item leads different stories in different scopes.
            let story = found.map_or_else(|| format!("{name}/{}", case.member.key), |m| m.story);
            index.insert(name, &story, member);
            out.cases.push(i);
            out.cluster.push(story);
        }
        unclustered += usize::from(!clustered);
    }
    (per_scope, unclustered, lsh_misses)
}

/// Scores of a deployment replay of `cases`: per rule, then pooled over rules.
fn rule_lines(name: &str, cases: &[&Case], scopes: &[Scope]) -> Scores {
    let (per_rule, unclustered, lsh_misses) = replay_rules(cases, scopes);
    println!(
        "{name}: {} items, {unclustered} match no clustering rule, LSH misses {lsh_misses}",
        cases.len()
    );
    let mut pooled = Tally::default();
    for (scope, clusters) in scopes.iter().zip(&per_rule) {
        let (rule, threshold) = (&scope.name, scope.threshold);
        let gold: Vec<&str> = clusters
            .cases
            .iter()
            .map(|&i| cases[i].item.story.as_str())
            .collect();
        let t = tally(&gold, &clusters.cluster);
        pooled.add(t);
        let s = t.scores();
        let stories: BTreeSet<&str> = gold.iter().copied().collect();
        println!(
            "  {rule:<22} {threshold:.3}  items {:>4} stories {:>3} gold pairs {:>5}  pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}",
            t.items,
            stories.len(),
            t.together_gold,
            s.pair_precision,
            s.pair_recall,
            s.bcubed_precision,
            s.bcubed_recall,
        );
    }
    let s = pooled.scores();
    println!(
        "  {:<28} items {:>4}             gold pairs {:>5}  pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}",
        "pooled",
        pooled.items,
        pooled.together_gold,
        s.pair_precision,
        s.pair_recall,
        s.bcubed_precision,
        s.bcubed_recall,
    );
    s
}

/// The deployment-faithful measure: the daemon clusters each rule's matches on their own
/// ("each new matched item is compared with recent items for the same rule"), so a rule's
/// stories only compete with stories that match the same query. Items are matched against
/// the shipped `config/newswatch.toml` and replayed rule by rule, each rule with the
/// daemon's threshold for it. Pairs are counted within each rule and pooled over rules (a
/// pair that two rules hold counts in each); B-cubed is averaged over (rule, item) pairs.
#[test]
fn story_clustering_quality_per_rule() {
    let cases = load_cases();
    let rules = clustering_rules();
    assert!(!rules.is_empty(), "the shipped config has clustering rules");
    let stories: BTreeSet<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    let dev_stories: BTreeSet<&str> = stories.iter().step_by(2).copied().collect();
    let all: Vec<&Case> = cases.iter().collect();
    let (dev, held_out): (Vec<&Case>, Vec<&Case>) = cases
        .iter()
        .partition(|c| dev_stories.contains(c.item.story.as_str()));
    println!("per-rule replay (each clustering rule of config/newswatch.toml on its own):");
    rule_lines("dev", &dev, &rules);
    rule_lines("held-out", &held_out, &rules);
    let everything = rule_lines("all", &all, &rules);
    println!("per-channel replay (the daemon's scopes: each channel's clustering rules):");
    let channels = rule_lines("all", &all, &channel_scopes());
    assert!(
        channels.pair_precision >= RULE_FLOOR_PRECISION
            && channels.pair_recall >= CHANNEL_FLOOR_RECALL,
        "regression: per-channel pairwise precision {:.3} (floor {RULE_FLOOR_PRECISION}), recall {:.3} (floor {CHANNEL_FLOOR_RECALL})",
        channels.pair_precision,
        channels.pair_recall
    );
    let met = everything.pair_precision >= MIN_PRECISION && everything.pair_recall >= MIN_RECALL;
    println!(
        "issue targets per rule, pooled (pairwise P >= {MIN_PRECISION}, R >= {MIN_RECALL} on all): {}",
        if met { "met" } else { "NOT met" }
    );
    let (_, _, lsh_misses) = replay_rules(&all, &rules);
    assert!(
        ratio(lsh_misses, all.len()) <= MAX_LSH_MISS_RATE,
        "LSH candidates led elsewhere than comparing with every member {lsh_misses} times"
    );
    assert!(
        everything.pair_precision >= RULE_FLOOR_PRECISION
            && everything.pair_recall >= RULE_FLOOR_RECALL,
        "regression: pooled per-rule pairwise precision {:.3} (floor {RULE_FLOOR_PRECISION}), recall {:.3} (floor {RULE_FLOOR_RECALL})",
        everything.pair_precision,
        everything.pair_recall
    );
}

/// SHA-256 of `tests/data/stream/test.jsonl`, recorded when the stream set was committed and
/// before any clustering ran on it: the test half is frozen, and a changed file is a new test
/// half whose figures start again from "not looked at".
const STREAM_TEST_SHA256: &str = "8290b8563b042d782a02fee3b18918c4e987ab7b87ce12c927f78a907c67c564";

/// SHA-256 of `tests/data/stream2/test.jsonl`, a second test set written blind after the
/// stream test half was used (2026-12-02): frozen on arrival, never replayed yet. It is for
/// the next claim about grouping quality; replaying it is that claim's one look.
const STREAM2_TEST_SHA256: &str =
    "b8f3504ed3ba45648b2964df18b1e4e25299287e02827f0c99130bf82ebfb606";

/// The SHA-256 of a file of this repository, in hex.
fn sha256_of(relative: &str) -> String {
    let path = repo_path(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The second test set, as it was frozen, replayed with the method and threshold as they
/// stand. Its first replay (2026-12-03) was the one look: after the reaction and market-move
/// vocabulary was widened on the stream set's halves, both looked at by then; its errors
/// were not looked at.
#[test]
fn the_second_test_set() {
    assert_eq!(
        sha256_of("tests/data/stream2/test.jsonl"),
        STREAM2_TEST_SHA256,
        "tests/data/stream2/test.jsonl changed: the frozen test set must not be edited"
    );
    let test = load_cases_from("tests/data/stream2/test.jsonl");
    let test: Vec<&Case> = test.iter().collect();
    let figures = stream_lines("test2", &test, DEFAULT_THRESHOLD);
    let (precision, recall) = targets_met(&figures);
    println!(
        "issue targets on the second test set: precision >= {MIN_PRECISION} {}, recall >= {MIN_RECALL} {}, events without alert {}",
        if precision { "met" } else { "NOT met" },
        if recall { "met" } else { "NOT met" },
        figures.without_alert.len()
    );
    for threshold in [0.95, 0.98, 0.99] {
        let (s, _) = evaluate(&test, threshold);
        println!(
            "  at {threshold:.2}: pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}",
            s.pair_precision, s.pair_recall, s.bcubed_precision, s.bcubed_recall
        );
    }
    let all = figures.all;
    assert!(
        all.pair_precision >= TEST2_FLOOR_PRECISION
            && all.bcubed_precision >= TEST2_FLOOR_BCUBED_PRECISION
            && all.pair_recall >= TEST2_FLOOR_RECALL
            && figures.without_alert.len() <= TEST2_MAX_WITHOUT_ALERT,
        "regression on the second test set: pairwise P {:.3} R {:.3}, B-cubed P {:.3}, {} events without alert",
        all.pair_precision,
        all.pair_recall,
        all.bcubed_precision,
        figures.without_alert.len()
    );
}

/// Events that got no alert of their own: stories none of whose items started a predicted
/// cluster, because every one of them joined a cluster another story's item had opened.
fn events_without_alert(cases: &[&Case], predicted: &[String]) -> Vec<String> {
    let mut opened: BTreeSet<&str> = BTreeSet::new();
    let mut alerted: BTreeSet<&str> = BTreeSet::new();
    for (case, cluster) in cases.iter().zip(predicted) {
        if opened.insert(cluster.as_str()) {
            alerted.insert(case.item.story.as_str());
        }
    }
    let stories: BTreeSet<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    stories
        .difference(&alerted)
        .map(|s| (*s).to_owned())
        .collect()
}

/// Scores of one stream replay: across languages, per language, and the events that got no
/// alert of their own.
struct StreamFigures {
    all: Scores,
    languages: Vec<(&'static str, Scores)>,
    without_alert: Vec<String>,
}

/// Scores of one replay of `cases` at `threshold`, across languages and per language (pairs
/// and B-cubed over the items of that language alone, clustered together with the others).
fn stream_lines(name: &str, cases: &[&Case], threshold: f64) -> StreamFigures {
    let (all, result) = evaluate(cases, threshold);
    let stories: BTreeSet<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    let show = |label: &str, s: Scores, items: usize| {
        println!(
            "  {name:<5} {label:<4} items {items:>4}  pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}",
            s.pair_precision, s.pair_recall, s.bcubed_precision, s.bcubed_recall
        );
    };
    show("all", all, cases.len());
    let mut languages = Vec::new();
    for lang in ["en", "zh"] {
        let (gold, predicted): (Vec<&str>, Vec<String>) = cases
            .iter()
            .zip(&result.cluster)
            .filter(|(c, _)| c.item.lang == lang)
            .map(|(c, p)| (c.item.story.as_str(), p.clone()))
            .unzip();
        let scores = score(&gold, &predicted);
        show(lang, scores, gold.len());
        languages.push((lang, scores));
    }
    let without_alert = events_without_alert(cases, &result.cluster);
    println!(
        "  {name:<5} {} stories, {} without an alert of their own{}",
        stories.len(),
        without_alert.len(),
        if without_alert.is_empty() {
            String::new()
        } else {
            format!(": {}", without_alert.join(", "))
        }
    );
    StreamFigures {
        all,
        languages,
        without_alert,
    }
}

/// Whether `figures` meet the targets: `(precision, recall)` each over all items and
/// every language, pairwise and B-cubed.
fn targets_met(figures: &StreamFigures) -> (bool, bool) {
    let every = std::iter::once(&figures.all).chain(figures.languages.iter().map(|(_, s)| s));
    every.fold((true, true), |(p, r), s| {
        (
            p && s.pair_precision >= MIN_PRECISION && s.bcubed_precision >= MIN_PRECISION,
            r && s.pair_recall >= MIN_RECALL && s.bcubed_recall >= MIN_RECALL,
        )
    })
}

/// The stream set (`tests/data/stream/`): six months of news written blind to this code. Only
/// the development half is replayed by default; `STORIES_TEST_HALF=1` replays the frozen test
/// half too, which is a look at it (docs say when it was looked at).
#[test]
fn stream_clustering_quality() {
    assert_eq!(
        sha256_of("tests/data/stream/test.jsonl"),
        STREAM_TEST_SHA256,
        "tests/data/stream/test.jsonl changed: the frozen test half must not be edited"
    );

    let dev = load_cases_from("tests/data/stream/dev.jsonl");
    let dev: Vec<&Case> = dev.iter().collect();
    println!("stream set, one rule, threshold {DEFAULT_THRESHOLD}:");
    let dev_figures = stream_lines("dev", &dev, DEFAULT_THRESHOLD);
    println!("threshold sweep (stream dev half):");
    for threshold in SWEEP {
        let (s, result) = evaluate(&dev, threshold);
        println!(
            "  {threshold:.2}  pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}  without alert {}",
            s.pair_precision,
            s.pair_recall,
            s.bcubed_precision,
            s.bcubed_recall,
            events_without_alert(&dev, &result.cluster).len()
        );
    }
    let (small, small_missed) = small_sets(&dev, DEFAULT_THRESHOLD);
    println!(
        "small sets ({SMALL_DRAWS} draws of {SMALL_STORIES} dev stories, each from an empty index): pairwise P {:.3} R {:.3}  B-cubed P {:.3} R {:.3}  without alert {small_missed}",
        small.pair_precision, small.pair_recall, small.bcubed_precision, small.bcubed_recall
    );
    println!("per-rule replay of the dev half (each clustering rule of config/newswatch.toml):");
    rule_lines("dev", &dev, &clustering_rules());
    println!("per-channel replay of the dev half (the daemon's scopes, config/newswatch.toml):");
    rule_lines("dev", &dev, &channel_scopes());
    println!("feed orders (a first run or backfill polls each feed once, in any order):");
    for seed in 1..=5u64 {
        let (agree, s) = permuted_replay(&dev, &result_of(&dev, DEFAULT_THRESHOLD), seed);
        println!(
            "  order {seed}: pairwise P {:.3} R {:.3}; {:.1}% of pairs decided as in publication order",
            s.pair_precision,
            s.pair_recall,
            100.0 * agree
        );
    }
    if let Ok(value) = std::env::var("STREAM_VERBOSE") {
        print_errors(&dev, value.parse().unwrap_or(DEFAULT_THRESHOLD));
    }
    let dev_scores = dev_figures.all;
    assert!(
        dev_scores.pair_precision >= MIN_PRECISION
            && dev_scores.pair_recall >= STREAM_FLOOR_RECALL
            && dev_figures.without_alert.is_empty(),
        "regression on the stream dev half: pairwise P {:.3} R {:.3}, {} events without alert",
        dev_scores.pair_precision,
        dev_scores.pair_recall,
        dev_figures.without_alert.len()
    );
}

/// The stream set's frozen test half, replayed with the method and threshold as they stand.
#[test]
fn stream_test_half() {
    // The test half, replayed with the method and threshold as they stand. Its figures were
    // looked at once, after the method was fixed on dev (docs/STORIES.md records them); its
    // errors were looked at a day later, which made it a second dev half.
    let test = load_cases_from("tests/data/stream/test.jsonl");
    let test: Vec<&Case> = test.iter().collect();
    let test_figures = stream_lines("test", &test, DEFAULT_THRESHOLD);
    let (precision, recall) = targets_met(&test_figures);
    println!(
        "issue targets on the test half: precision >= {MIN_PRECISION} {}, recall >= {MIN_RECALL} {}, events without alert {}",
        if precision { "met" } else { "NOT met" },
        if recall { "met" } else { "NOT met" },
        test_figures.without_alert.len()
    );
    // What the test half measured at its one look (2026-12-02, after the method was fixed on
    // dev; docs/STORIES.md): precision and recall below the targets, no event without its
    // alert. The floors only catch a regression; the targets are printed above.
    let all = test_figures.all;
    assert!(
        all.pair_precision >= TEST_FLOOR_PRECISION
            && all.bcubed_precision >= TEST_FLOOR_BCUBED_PRECISION
            && all.pair_recall >= TEST_FLOOR_RECALL,
        "regression on the stream test half: pairwise P {:.3} R {:.3}, B-cubed P {:.3}",
        all.pair_precision,
        all.pair_recall,
        all.bcubed_precision
    );
    assert!(
        test_figures.without_alert.is_empty(),
        "events without an alert of their own: {:?}",
        test_figures.without_alert
    );
}

fn result_of(cases: &[&Case], threshold: f64) -> Vec<String> {
    replay(cases, threshold).cluster
}

/// Replays `cases` feed by feed, the feeds in an order shuffled with `seed` and each feed's
/// items in publication order, as one pass over every feed would see them; no expiry, so the
/// window is the only bound (as in one poll cycle). Returns the share of item pairs whose
/// together-or-apart decision matches `reference` (the publication-order replay's clusters),
/// and the scores against the labels.
fn permuted_replay(cases: &[&Case], reference: &[String], seed: u64) -> (f64, Scores) {
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let mut feeds: Vec<&str> = cases.iter().map(|c| c.item.feed.as_str()).collect();
    feeds.sort_unstable();
    feeds.dedup();
    feeds.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    let mut order: Vec<usize> = Vec::with_capacity(cases.len());
    for feed in &feeds {
        // `cases` is in publication order already.
        order.extend((0..cases.len()).filter(|&i| cases[i].item.feed == *feed));
    }
    let mut index = StoryIndex::new();
    let mut cluster = vec![String::new(); cases.len()];
    for &i in &order {
        let member = &cases[i].member;
        let story = index
            .find(RULE, member, DEFAULT_THRESHOLD)
            .map_or_else(|| member.key.clone(), |m| m.story);
        index.insert(RULE, &story, member.clone());
        cluster[i] = story;
    }
    let (mut same, mut pairs) = (0usize, 0usize);
    for i in 0..cases.len() {
        for j in i + 1..cases.len() {
            pairs += 1;
            same += usize::from((cluster[i] == cluster[j]) == (reference[i] == reference[j]));
        }
    }
    let gold: Vec<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    (ratio(same, pairs), score(&gold, &cluster))
}

/// Writes, for each item of `cases` replayed in publication order into its gold story, the
/// evidence on each candidate story `find` would weigh, labelled with whether it is the
/// item's story: the data the score's weights are fitted on (dev halves only).
fn dump_candidates(cases: &[&Case], set: &str, out: &mut impl std::io::Write) {
    let members: Vec<(&Case, Member)> = cases.iter().map(|c| (*c, c.member.clone())).collect();
    dump_members(&members, set, out);
}

/// [`dump_candidates`] of items with the member each is looked up as.
fn dump_members(members: &[(&Case, Member)], set: &str, out: &mut impl std::io::Write) {
    let mut index = StoryIndex::new();
    let window = chrono::Duration::from_std(DEFAULT_WINDOW).expect("48 h fits");
    let mut seen: HashMap<&str, DateTime<Utc>> = HashMap::new();
    for (case, member) in members {
        index.expire(member.at - window);
        let story = case.item.story.as_str();
        let reachable = seen
            .get(story)
            .is_some_and(|&at| (member.at - at).abs() <= window);
        let candidates = index.explain(RULE, member);
        for c in &candidates {
            let row = serde_json::json!({
                "set": set, "item": case.item.id, "lang": case.item.lang,
                "label": c.story == story, "reachable": reachable,
                "centroid": c.centroid, "member": c.member, "coverage": c.coverage,
                "ours": c.ours, "theirs": c.theirs, "title": c.title, "rare": c.rare, "shared": c.shared,
                "cross": c.cross_language, "numbers": c.numbers_conflict,
                "kinds": c.kinds_conflict, "leads": c.leads_conflict, "hours": c.hours,
                "size": c.size,
            });
            writeln!(out, "{row}").expect("write dump");
        }
        if !candidates.iter().any(|c| c.story == story) && reachable {
            let row = serde_json::json!({"set": set, "item": case.item.id, "missed": true});
            writeln!(out, "{row}").expect("write dump");
        }
        index.insert(RULE, story, member.clone());
        seen.insert(story, case.member.at);
    }
}

/// Draws of small sets per half (see [`small_set`]).
const SMALL_DRAWS: u64 = 20;
/// Stories per small set: the size of a first run over a few feeds.
const SMALL_STORIES: usize = 12;

/// [`SMALL_STORIES`] stories of `cases` drawn with `seed`, with all their items, in
/// publication order: a first run or a new scope, where the index starts empty and knows
/// little about which words are common.
fn small_set<'a>(cases: &[&'a Case], seed: u64) -> Vec<&'a Case> {
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let mut stories: Vec<&str> = cases.iter().map(|c| c.item.story.as_str()).collect();
    stories.sort_unstable();
    stories.dedup();
    stories.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    stories.truncate(SMALL_STORIES);
    cases
        .iter()
        .filter(|c| stories.contains(&c.item.story.as_str()))
        .copied()
        .collect()
}

/// Scores pooled over [`SMALL_DRAWS`] small sets of `cases`, each replayed from an empty
/// index, and the events without an alert over all draws.
fn small_sets(cases: &[&Case], threshold: f64) -> (Scores, usize) {
    let mut pooled = Tally::default();
    let mut missed = 0;
    for seed in 0..SMALL_DRAWS {
        let set = small_set(cases, seed);
        let result = replay(&set, threshold);
        let gold: Vec<&str> = set.iter().map(|c| c.item.story.as_str()).collect();
        pooled.add(tally(&gold, &result.cluster));
        missed += events_without_alert(&set, &result.cluster).len();
    }
    (pooled.scores(), missed)
}

/// `STREAM_DUMP=path` writes the dev halves' candidate evidence (see [`dump_candidates`]).
#[test]
fn dump_dev_candidates() {
    let Some(path) = std::env::var_os("STREAM_DUMP") else {
        return;
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
    let stream = load_cases_from("tests/data/stream/dev.jsonl");
    let stream: Vec<&Case> = stream.iter().collect();
    dump_candidates(&stream, "stream", &mut out);
    let old = load_cases();
    let stories: BTreeSet<&str> = old.iter().map(|c| c.item.story.as_str()).collect();
    let dev_stories: BTreeSet<&str> = stories.iter().step_by(2).copied().collect();
    let dev: Vec<&Case> = old
        .iter()
        .filter(|c| dev_stories.contains(c.item.story.as_str()))
        .collect();
    dump_candidates(&dev, "stories", &mut out);
    // Each clustering rule's items in its own scope, with the words the rule matched.
    for (name, cases) in [("stream-rules", &stream), ("stories-rules", &dev)] {
        for scope in clustering_rules() {
            let members: Vec<(&Case, Member)> = cases
                .iter()
                .filter_map(|c| Some((*c, c.member_in(&scope)?)))
                .collect();
            dump_members(&members, name, &mut out);
        }
    }
    // Small sets from an empty index, where document frequencies know little yet.
    for (name, cases) in [("stream-small", &stream), ("stories-small", &dev)] {
        for seed in 0..SMALL_DRAWS {
            dump_candidates(&small_set(cases, seed), name, &mut out);
        }
    }
}
