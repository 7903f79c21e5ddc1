//! The shipped watch profile measured against labelled headlines: precision and recall of the
//! three rules users' mail filters key on, over `tests/data/profile/*.jsonl` (format in the
//! README there).
//!
//! Items are matched with no feed, so rule scopes do not apply: the measured rules are
//! required to be unscoped, which makes that exactly what the daemon does for an item from any
//! feed. Branches that look at the item's feed (`feed:tag:government`) are thereby left out of
//! the measurement, so the figures are a floor for items from the government's own feeds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newswatch::config::Config;
use newswatch::feed::Item;
use newswatch::rules::RuleSet;

const MEASURED: [&str; 3] = ["alibaba-pla", "alibaba-us-action", "alibaba-earnings"];
const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    title: String,
    #[serde(default)]
    summary: String,
    labels: Vec<String>,
    lang: String,
}

/// One labelled item and where it was read from, for messages.
struct Case {
    origin: String,
    set: String,
    item: Labelled,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positive: u32,
    false_positive: u32,
    false_negative: u32,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    fn recall(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
}

/// An empty denominator means there was nothing to get wrong.
fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        1.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn shipped_profile() -> Config {
    let path = repo_path("config/newswatch.toml");
    newswatch::daemon::load_config(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `*.jsonl` file of the data folder; the file's stem names the set (`blind`, `dev`).
fn labelled_cases() -> Vec<Case> {
    let dir = repo_path("tests/data/profile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("read data folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let set = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("data file names are UTF-8")
            .to_string();
        let text = std::fs::read_to_string(&file).expect("read labelled data");
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let origin = format!("{}:{}", file.display(), number + 1);
            let item: Labelled =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{origin}: {e}"));
            for label in &item.labels {
                assert!(
                    MEASURED.contains(&label.as_str()),
                    "{origin}: unknown label {label:?}"
                );
            }
            assert!(
                ["en", "zh-Hans", "zh-Hant"].contains(&item.lang.as_str()),
                "{origin}: lang must be en, zh-Hans or zh-Hant"
            );
            cases.push(Case {
                origin,
                set: set.clone(),
                item,
            });
        }
    }
    cases
}

fn as_item(case: &Case) -> Item {
    Item {
        feed: "labelled".to_string(),
        entry_id: case.origin.clone(),
        title: case.item.title.clone(),
        summary: case.item.summary.clone(),
        ..Default::default()
    }
}

#[test]
fn shipped_rules_reach_precision_and_recall_on_labelled_headlines() {
    let config = shipped_profile();
    for name in MEASURED {
        let rule = config
            .rules
            .iter()
            .find(|rule| rule.name == name)
            .unwrap_or_else(|| panic!("the profile lost rule {name}, which mail filters use"));
        assert!(
            rule.feeds.is_empty(),
            "rule {name} is scoped to feeds; measure it per feed before scoping it"
        );
    }
    let rules = RuleSet::from_config(&config).expect("shipped rules compile");
    let cases = labelled_cases();

    // (set, rule) -> counts; the set "all" sums every file.
    let mut counts: BTreeMap<(String, &str), Counts> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for case in &cases {
        let matched: Vec<String> = rules
            .match_item(&as_item(case), None)
            .into_iter()
            .map(|m| m.rule)
            .collect();
        for rule in MEASURED {
            let expected = case.item.labels.iter().any(|l| l == rule);
            let got = matched.iter().any(|m| m == rule);
            for set in [case.set.clone(), "all".to_string()] {
                let c = counts.entry((set, rule)).or_default();
                match (expected, got) {
                    (true, true) => c.true_positive += 1,
                    (false, true) => c.false_positive += 1,
                    (true, false) => c.false_negative += 1,
                    (false, false) => {}
                }
            }
            if expected != got {
                let kind = if got { "false positive" } else { "missed" };
                mistakes.push(format!(
                    "  {rule} {kind}: {} | {}  ({})",
                    case.item.title, case.item.summary, case.origin
                ));
            }
        }
    }

    let mut report = format!(
        "{} labelled items\n{:<8} {:<18} {:>4} {:>4} {:>4} {:>9} {:>7}\n",
        cases.len(),
        "set",
        "rule",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall"
    );
    for ((set, rule), c) in &counts {
        report.push_str(&format!(
            "{set:<8} {rule:<18} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}\n",
            c.true_positive,
            c.false_positive,
            c.false_negative,
            c.precision(),
            c.recall()
        ));
    }
    if !mistakes.is_empty() {
        report.push_str("disagreements with the labels:\n");
        report.push_str(&mistakes.join("\n"));
        report.push('\n');
    }
    eprintln!("{report}");

    for rule in MEASURED {
        let c = counts
            .get(&("all".to_string(), rule))
            .copied()
            .unwrap_or_default();
        assert!(
            c.precision() >= MIN_PRECISION && c.recall() >= MIN_RECALL,
            "{rule}: precision {:.3}, recall {:.3}, below {MIN_PRECISION}/{MIN_RECALL}\n{report}",
            c.precision(),
            c.recall()
        );
    }
}

/// Enough of each language and label that the figures mean something, and the hard cases
/// the set was written for are still in it.
#[test]
fn labelled_set_covers_languages_labels_and_lookalikes() {
    let cases = labelled_cases();
    assert!(cases.len() >= 150, "only {} labelled items", cases.len());
    for lang in ["en", "zh-Hans", "zh-Hant"] {
        let n = cases.iter().filter(|c| c.item.lang == lang).count();
        assert!(n >= 30, "only {n} items in {lang}");
    }
    for rule in MEASURED {
        let n = cases
            .iter()
            .filter(|c| c.item.labels.iter().any(|l| l == rule))
            .count();
        assert!(n >= 25, "only {n} items labelled {rule}");
    }
    let unlabelled = cases.iter().filter(|c| c.item.labels.is_empty()).count();
    assert!(unlabelled >= 50, "only {unlabelled} items with no label");
    for lookalike in ["Ali Baba", "Baba", "四十大"] {
        assert!(
            cases.iter().any(|c| c.item.title.contains(lookalike)),
            "no item about {lookalike:?}, which is not the company"
        );
    }
}
