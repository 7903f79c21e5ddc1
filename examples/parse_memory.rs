//! Peak memory of one `parse_feed` on a document of many tiny entries, the shape that once
//! took 268 MiB for a 9.6 MiB RSS document (issue 16). Run it under `/usr/bin/time -v` and
//! read "Maximum resident set size":
//!
//! ```text
//! cargo build --release --example parse_memory
//! /usr/bin/time -v target/release/examples/parse_memory rss      # or atom, json
//! /usr/bin/time -v target/release/examples/parse_memory rss none # the document alone
//! ```
//!
//! An optional count (default 290,000) sets the number of entries; `none` builds the document
//! without parsing it, which gives the baseline to subtract.

use std::fmt::Write;

const DEFAULT_ENTRIES: usize = 290_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let format = args.next().unwrap_or_else(|| "rss".to_owned());
    let rest: Vec<String> = args.collect();
    let parse = !rest.iter().any(|arg| arg == "none");
    let entries = rest
        .iter()
        .find(|arg| *arg != "none")
        .map_or(DEFAULT_ENTRIES, |count| {
            count
                .parse()
                .unwrap_or_else(|_| usage(&format!("bad count {count:?}")))
        });
    let doc = match format.as_str() {
        "rss" => rss(entries),
        "atom" => atom(entries),
        "json" => json(entries),
        other => usage(&format!("unknown format {other:?}")),
    };
    let mib = doc.len() as f64 / (1024.0 * 1024.0);
    if !parse {
        println!("{format}: {entries} entries, {mib:.1} MiB, not parsed");
        return;
    }
    let started = std::time::Instant::now();
    let parsed = newswatch::feed::parse::parse_feed("memory", doc.as_bytes(), None, None);
    let elapsed = started.elapsed();
    match parsed {
        Ok(parsed) => println!(
            "{format}: {entries} entries, {mib:.1} MiB, {} items kept in {elapsed:?}",
            parsed.items.len()
        ),
        Err(error) => println!("{format}: {entries} entries, {mib:.1} MiB: {error}"),
    }
}

fn usage(problem: &str) -> ! {
    eprintln!("parse_memory: {problem}; usage: parse_memory rss|atom|json [COUNT] [none]");
    std::process::exit(2);
}

fn rss(entries: usize) -> String {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>t</title><link>https://example.com/</link><description>d</description>\n",
    );
    for n in 0..entries {
        let _ = writeln!(doc, "<item><title>{n}</title></item>");
    }
    doc.push_str("</channel></rss>\n");
    doc
}

fn atom(entries: usize) -> String {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>t</title><id>urn:t</id><updated>2026-01-01T00:00:00Z</updated>\n",
    );
    for n in 0..entries {
        let _ = writeln!(doc, "<entry><id>urn:{n}</id></entry>");
    }
    doc.push_str("</feed>\n");
    doc
}

fn json(entries: usize) -> String {
    let mut doc = String::from(
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[\n",
    );
    for n in 0..entries {
        let comma = if n + 1 < entries { "," } else { "" };
        let _ = writeln!(doc, "{{\"id\":\"{n}\",\"title\":\"n{n}\"}}{comma}");
    }
    doc.push_str("]}\n");
    doc
}
