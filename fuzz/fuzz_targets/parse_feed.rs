//! Bytes → `parse_feed` (encoding detection, the repair layer, feed-rs, normalization) → the
//! matcher's view of every item, as a poll does it.
//!
//! The first byte of the input chooses the HTTP context, so that the charset and base-URL paths
//! are fuzzed too: bits 0-2 pick the `Content-Type`, bits 3-4 the URL the body came from. The
//! rest is the response body. (The seeds in `seeds/parse_feed/` carry that byte in front.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use newswatch::feed::parse::{ParseError, parse_feed};

mod common;

const CONTENT_TYPES: [Option<&str>; 8] = [
    None,
    Some("application/rss+xml"),
    Some("application/atom+xml; charset=utf-8"),
    Some("text/xml; charset=gb2312"),
    Some("text/xml; charset=\"big5\""),
    Some("text/html; charset=windows-1252"),
    Some("application/feed+json"),
    Some("text/xml; charset=utf-16"),
];

const BASE_URLS: [Option<&str>; 4] = [
    None,
    Some("https://news.example.cn/feed/rss.xml"),
    Some("http://example.com/a/b/"),
    Some("https://[::1]:8080/x"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&context, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(context & 0b111)];
    let base_url = BASE_URLS[usize::from((context >> 3) & 0b11)];
    match parse_feed("fuzz", body, content_type, base_url) {
        Ok(parsed) => {
            if let Some(title) = &parsed.title {
                common::check_display_text(title);
            }
            for item in &parsed.items {
                common::check_item(item);
            }
        }
        // parse_feed turns a panic into this error so the daemon survives it, but a panic
        // still costs the user the whole feed. (libFuzzer's panic hook aborts before the
        // catch_unwind is reached anyway; this covers running the target without it.)
        Err(ParseError::Panicked(message)) => panic!("parse_feed panicked: {message}"),
        Err(_) => {}
    }
});
