//! Checks shared by the targets: the invariants an item and its matcher view must keep, whatever
//! the input. A failed check panics, which libFuzzer reports as a crash.

// Each target uses only some of these.
#![allow(dead_code)]

use newswatch::feed::Item;
use newswatch::rules::matcher::PreparedItem;
use newswatch::rules::words::FieldText;

/// Everything the rest of the pipeline assumes about an item that came out of `parse_feed`.
pub fn check_item(item: &Item) {
    for text in [&item.title, &item.summary, &item.content] {
        check_display_text(text);
    }
    assert!(!item.entry_id.is_empty(), "empty entry id: {item:?}");
    if let Some(canonical) = &item.canonical_link {
        assert!(
            canonical.starts_with("http://") || canonical.starts_with("https://"),
            "canonical link is not http(s): {canonical:?}"
        );
    }
    check_prepared(&PreparedItem::new(
        item,
        &["news".to_owned(), "中文".to_owned()],
    ));
}

/// `html_to_text` output: whitespace collapsed to single ASCII spaces and trimmed.
pub fn check_display_text(text: &str) {
    assert!(
        !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  "),
        "whitespace not collapsed: {text:?}"
    );
    assert!(
        !text.chars().any(|c| c.is_whitespace() && c != ' '),
        "whitespace other than a space left: {text:?}"
    );
}

/// The matcher's view of an item: `folded` is byte for byte aligned with `text`, and every
/// word is a range of both on character boundaries.
pub fn check_prepared(item: &PreparedItem) {
    for field in &item.fields {
        check_field(field);
    }
}

fn check_field(field: &FieldText) {
    assert_eq!(
        field.text.len(),
        field.folded.len(),
        "folded text not aligned: {:?} vs {:?}",
        field.text,
        field.folded
    );
    assert!(
        field
            .text
            .char_indices()
            .map(|(at, _)| at)
            .eq(field.folded.char_indices().map(|(at, _)| at)),
        "folded characters not aligned: {:?} vs {:?}",
        field.text,
        field.folded
    );
    for word in &field.words {
        let (start, end) = (word.start as usize, word.end as usize);
        assert!(
            start < end && end <= field.folded.len() && field.folded.is_char_boundary(start),
            "word {start}..{end} out of {:?}",
            field.folded
        );
        assert!(field.folded.is_char_boundary(end));
    }
}
