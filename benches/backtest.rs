//! `newswatch backtest` over 100,000 stored items: the whole command as a user runs it (the
//! release binary, config loading and all), the replay alone, and the store's read alone.
//!
//! Setup builds a state database the way the daemon does, through `Store::record_poll`: 4,000
//! polls of 25 items, spread over 30 days across the 35 feeds of the shipped watch profile
//! (`config/newswatch.toml`, whose six rules are replayed). The items' text is real: every
//! entry of the real-world corpus (`../shared/corpus/realworld` or `$NEWSWATCH_CORPUS`:
//! titles, summaries, content, authors, categories), the labelled story set
//! (`tests/data/stories`) and the profile's labelled headlines (`tests/data/profile`), each
//! stored many times over under its own entry id and link, as syndicated copies are. Items are
//! dated a few minutes to a few hours before their poll; one in 50 was a first poll's
//! backlog. Everything comes from fixed seeds, so runs compare.
//!
//! Measured:
//! - `binary/rule`: `newswatch backtest --rule alibaba-pla --since 31d` (all 100,000 items),
//!   the release binary run to completion, output discarded;
//! - `replay/rule` and `replay/query`: `daemon::backtest::backtest` for `alibaba-pla` and for
//!   `--query @alibaba`, on an open store;
//! - `read`: `Store::items_since` with a visitor that only counts.
//!
//! Target (issue 20): 100,000 stored items in under 2 s.
//!
//! `cargo bench --bench backtest`

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use newswatch::config::Config;
use newswatch::daemon::backtest::{Subject, backtest};
use newswatch::feed::Item;
use newswatch::store::{FeedState, PolledItem, SqliteStore, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const ITEMS: usize = 100_000;
const PER_POLL: usize = 25;
const DAYS: i64 = 30;
const RULE: &str = "alibaba-pla";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every entry of every corpus document that parses.
fn corpus_items() -> Vec<Item> {
    let dir = std::env::var_os("NEWSWATCH_CORPUS")
        .map_or_else(|| repo("../shared/corpus/realworld"), PathBuf::from);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "corpus folder {} (set NEWSWATCH_CORPUS): {e}",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "MANIFEST.tsv"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).expect("readable corpus file");
            newswatch::feed::parse::parse_feed("corpus", &bytes, None, None).ok()
        })
        .flat_map(|parsed| parsed.items)
        .collect()
}

/// Title, summary and link of each line of the labelled JSON Lines files.
fn labelled_items() -> Vec<Item> {
    let mut files = vec![repo("tests/data/stories/items.jsonl")];
    for set in ["blind", "dev", "holdout"] {
        files.push(repo(&format!("tests/data/profile/{set}.jsonl")));
    }
    let mut items = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("labelled data");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let field = |name: &str| value[name].as_str().unwrap_or_default().to_string();
            items.push(Item {
                title: field("title"),
                summary: field("summary"),
                link: Some(field("link")).filter(|l| !l.is_empty()),
                ..Item::default()
            });
        }
    }
    items
}

/// The watch profile with its state in `dir`, written there as `newswatch.toml`.
fn profile(dir: &Path) -> (PathBuf, Config) {
    let text = std::fs::read_to_string(repo("config/newswatch.toml")).expect("profile");
    let state = dir.join("state.db");
    let text = text.replace(
        "state = \"/var/lib/newswatch/newswatch.db\"",
        &format!("state = \"{}\"", state.display()),
    );
    assert!(text.contains(&state.display().to_string()), "state line");
    let path = dir.join("newswatch.toml");
    std::fs::write(&path, text).expect("write config");
    let config = newswatch::daemon::load_config(&path).expect("the profile loads");
    (path, config)
}

/// Fills the store with [`ITEMS`] items first seen over the [`DAYS`] before `now`.
async fn fill(store: &SqliteStore, config: &Config, now: DateTime<Utc>) {
    let mut pool = corpus_items();
    let from_corpus = pool.len();
    pool.extend(labelled_items());
    println!(
        "item texts: {} ({from_corpus} from the corpus, {} labelled)",
        pool.len(),
        pool.len() - from_corpus
    );
    let mut rng = StdRng::seed_from_u64(20);
    let feeds: Vec<&str> = config.feeds.iter().map(|f| f.name.as_str()).collect();
    let polls = ITEMS / PER_POLL;
    let step = chrono::Duration::days(DAYS) / polls as i32;
    let start = now - chrono::Duration::days(DAYS);
    for poll in 0..polls {
        let at = start + step * poll as i32;
        let feed = feeds[poll % feeds.len()];
        let items: Vec<Item> = (0..PER_POLL)
            .map(|n| {
                let number = poll * PER_POLL + n;
                let text = &pool[rng.random_range(0..pool.len())];
                let link = format!("https://{feed}.example/{number}");
                Item {
                    feed: feed.to_string(),
                    entry_id: format!("{feed}-{number}"),
                    link: Some(link.clone()),
                    canonical_link: Some(link),
                    published: Some(at - chrono::Duration::minutes(rng.random_range(1..600))),
                    updated: None,
                    ..text.clone()
                }
            })
            .collect();
        let alertable: Vec<bool> = items.iter().map(|_| !rng.random_ratio(1, 50)).collect();
        let polled: Vec<PolledItem<'_>> = items
            .iter()
            .zip(&alertable)
            .map(|(item, alertable)| PolledItem {
                item,
                alertable: *alertable,
                matches: &[],
                alerts: &[],
                stories: &[],
            })
            .collect();
        let state = FeedState::new(feed, "https://example.org/feed.xml");
        store
            .record_poll(&state, &polled, at)
            .await
            .expect("record poll");
    }
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // `BACKTEST_BENCH_DIR` keeps the config and the store there, and a later run reuses
    // them: for profiling the binary alone (`perf stat newswatch -c DIR/newswatch.toml
    // backtest ...`) without building the store again.
    let temp = tempfile::tempdir().expect("temp dir");
    let kept = std::env::var_os("BACKTEST_BENCH_DIR").map(PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temp.path());
    std::fs::create_dir_all(dir).expect("bench folder");
    let reused = dir.join("state.db").exists();
    let (config_path, config) = profile(dir);
    let now = Utc::now();
    let since = now - chrono::Duration::days(DAYS + 1);
    let store = runtime.block_on(async {
        let store = SqliteStore::open(&config.daemon.state).await.expect("open");
        if reused {
            println!("reusing the store in {}", dir.display());
        } else {
            let built = std::time::Instant::now();
            fill(&store, &config, now).await;
            println!("built {ITEMS} items in {:.1?}", built.elapsed());
        }
        store
    });
    let bytes = std::fs::metadata(&config.daemon.state).map_or(0, |m| m.len());
    println!("database: {:.1} MiB", bytes as f64 / 1048576.0);
    let rule = Subject::rule(&config, RULE)
        .expect("a rule of the profile")
        .expect("compiles");
    let query = Subject::query(&config, "@alibaba").expect("query");
    for (name, subject) in [("rule", &rule), ("query", &query)] {
        let report = runtime
            .block_on(backtest(&store, &config, subject, since, now))
            .expect("backtest");
        for channel in &report.channels {
            println!(
                "{name}: channel {:?}: {} alerts, {} matching items, {} stories; {} items read",
                channel.channel,
                channel.alerts,
                channel.matched,
                channel.stories.len(),
                report.items.read
            );
        }
    }

    let mut group = c.benchmark_group("backtest");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("binary/rule", |b| {
        b.iter(|| {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_newswatch"))
                .args(["-c", config_path.to_str().expect("utf-8")])
                .args(["backtest", "--rule", RULE, "--since", "31d"])
                .output()
                .expect("run newswatch");
            assert!(output.status.success(), "{output:?}");
            black_box(output.stdout.len())
        })
    });
    group.bench_function("replay/rule", |b| {
        b.iter(|| {
            runtime
                .block_on(backtest(&store, &config, &rule, since, now))
                .expect("backtest")
        })
    });
    group.bench_function("replay/query", |b| {
        b.iter(|| {
            runtime
                .block_on(backtest(&store, &config, &query, since, now))
                .expect("backtest")
        })
    });
    group.bench_function("read", |b| {
        b.iter(|| {
            let mut bytes = 0;
            let count = runtime
                .block_on(store.items_since(since, |s| bytes += s.item.title.len()))
                .expect("read");
            black_box((count, bytes))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
