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
//! without parsing it, which gives the baseline to subtract. Three more documents, of about
//! 9.5 MiB each, look for the largest peak a document within `max_body` can cause once the
//! entries are capped: `long-items` (1000 entries of 9.5 KiB of escaped HTML), `markup-title`
//! (one title of unescaped tags, which the repair layer escapes) and `cp1252` (bytes that
//! each decode to three).

use std::fmt::Write;

const DEFAULT_ENTRIES: usize = 290_000;

/// The documents that are not many tiny entries fill most of the default `max_body` (10 MiB).
const MIB: usize = 1024 * 1024;
const FILL: usize = 9 * MIB + MIB / 2;

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
        "long-items" => long_items(),
        "markup-title" => markup_title(),
        "cp1252" => cp1252(),
        other => usage(&format!("unknown format {other:?}")),
    };
    let mib = doc.len() as f64 / MIB as f64;
    if !parse {
        println!("{format}: {entries} entries, {mib:.1} MiB, not parsed");
        return;
    }
    let started = std::time::Instant::now();
    let parsed = newswatch::feed::parse::parse_feed("memory", &doc, None, None);
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
    eprintln!(
        "parse_memory: {problem}; usage: parse_memory rss|atom|json|long-items|markup-title|cp1252 [COUNT] [none]"
    );
    std::process::exit(2);
}

fn rss(entries: usize) -> Vec<u8> {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>t</title><link>https://example.com/</link><description>d</description>\n",
    );
    for n in 0..entries {
        let _ = writeln!(doc, "<item><title>{n}</title></item>");
    }
    doc.push_str("</channel></rss>\n");
    doc.into_bytes()
}

fn atom(entries: usize) -> Vec<u8> {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>t</title><id>urn:t</id><updated>2026-01-01T00:00:00Z</updated>\n",
    );
    for n in 0..entries {
        let _ = writeln!(doc, "<entry><id>urn:{n}</id></entry>");
    }
    doc.push_str("</feed>\n");
    doc.into_bytes()
}

fn json(entries: usize) -> Vec<u8> {
    let mut doc = String::from(
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[\n",
    );
    for n in 0..entries {
        let comma = if n + 1 < entries { "," } else { "" };
        let _ = writeln!(doc, "{{\"id\":\"{n}\",\"title\":\"n{n}\"}}{comma}");
    }
    doc.push_str("]}\n");
    doc.into_bytes()
}

/// As many entries as are kept, each with about 9.5 KiB of escaped HTML: the most text the
/// cap lets through.
fn long_items() -> Vec<u8> {
    let paragraph = "&lt;p&gt;Alibaba &amp;amp; the &lt;b&gt;PLA&lt;/b&gt;&lt;/p&gt;\n";
    let per_item = FILL / 1000;
    let description = paragraph.repeat(per_item / paragraph.len());
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>t</title><link>https://example.com/</link><description>d</description>\n",
    );
    for n in 0..1000 {
        let _ = writeln!(
            doc,
            "<item><title>{n}</title><description>{description}</description></item>"
        );
    }
    doc.push_str("</channel></rss>\n");
    doc.into_bytes()
}

/// One title of unescaped markup, which the repair layer escapes (`<` to `&lt;`) before
/// feed-rs reads it: the largest copy the repairs make.
fn markup_title() -> Vec<u8> {
    let markup = "<b>x</b>";
    format!(
        "<rss version=\"2.0\"><channel><title>t</title><item><title>{}</title></item>\
         </channel></rss>",
        markup.repeat(FILL / markup.len())
    )
    .into_bytes()
}

/// Windows-1252 bytes that each decode to a three-byte UTF-8 character (0x80 is the euro
/// sign): the largest growth decoding can cause.
fn cp1252() -> Vec<u8> {
    let mut doc = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\">\
        <channel><title>t</title><item><title>euro</title><description>"
        .to_vec();
    doc.resize(doc.len() + FILL, 0x80);
    doc.extend_from_slice(b"</description></item></channel></rss>");
    doc
}
