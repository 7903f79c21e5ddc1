//! Parse+normalize throughput over the real-world corpus, beside raw feed-rs parsing of the same
//! bytes in the same run. Only files that raw feed-rs accepts are used, so every side does the
//! same well-formed documents. Targets: our pipeline at least 50% of raw feed-rs throughput
//! (issue 2); `parse_feed` with the repair layer within 20% of `parse_feed_unrepaired`, the same
//! pipeline without it, because on such feeds the repair layer should only look, not rewrite.
//!
//! `cargo bench --bench parse` (the corpus is `../shared/corpus/realworld`, or
//! `$NEWSWATCH_CORPUS`)

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswatch::feed::normalize::normalize_for_match;
use newswatch::feed::parse::{parse_feed, parse_feed_unrepaired};
use std::hint::black_box;

const BASE: &str = "https://example.org/feed";

fn corpus() -> Vec<Vec<u8>> {
    let dir = std::env::var("NEWSWATCH_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/realworld").to_owned()
    });
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {dir} (set NEWSWATCH_CORPUS): {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "MANIFEST.tsv"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("readable corpus file"))
        .filter(|bytes| feed_rs::parser::parse(&bytes[..]).is_ok())
        .collect()
}

/// Our whole pipeline for one document: decode, parse, clean display text, then the match
/// normalization every field gets before rules see it.
fn pipeline(bytes: &[u8]) -> usize {
    let parsed = parse_feed("bench", bytes, None, Some(BASE)).expect("corpus file parses");
    let mut chars = 0;
    for item in &parsed.items {
        for text in [&item.title, &item.summary, &item.content] {
            chars += normalize_for_match(text).len();
        }
    }
    chars
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let items: usize = files
        .iter()
        .map(|b| feed_rs::parser::parse(&b[..]).map_or(0, |f| f.entries.len()))
        .sum();
    eprintln!(
        "corpus: {} files, {bytes} bytes, {items} items",
        files.len()
    );

    let mut group = c.benchmark_group("repair-layer");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse_feed without repair", |b| {
        b.iter(|| {
            for file in &files {
                black_box(parse_feed_unrepaired("bench", black_box(file), Some(BASE)).ok());
            }
        })
    });
    group.bench_function("parse_feed with repair", |b| {
        b.iter(|| {
            for file in &files {
                black_box(parse_feed("bench", black_box(file), None, Some(BASE)).ok());
            }
        })
    });
    group.finish();

    for (unit, throughput) in [
        ("bytes", Throughput::Bytes(bytes as u64)),
        ("items", Throughput::Elements(items as u64)),
    ] {
        let mut group = c.benchmark_group(format!("corpus-{unit}"));
        group.throughput(throughput);
        group.sample_size(20);
        group.bench_function("feed-rs raw", |b| {
            b.iter(|| {
                for file in &files {
                    black_box(feed_rs::parser::parse(black_box(&file[..])).ok());
                }
            })
        });
        group.bench_function("newswatch parse+normalize", |b| {
            b.iter(|| {
                for file in &files {
                    black_box(pipeline(black_box(file)));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
