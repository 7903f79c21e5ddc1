//! Showing why an item matched: the matched spans highlighted in the field's normalized text,
//! for `test-rule` (and, later, alert bodies). Pure string work, no I/O.

use super::ast::Field;
use super::matcher::{PreparedItem, Span};
use crate::feed::Item;

/// How a highlighted span is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Bold yellow on a terminal.
    Ansi,
    /// `[` and `]`, for pipes and files.
    Brackets,
}

impl Highlight {
    fn marks(self) -> (&'static str, &'static str) {
        match self {
            Highlight::Ansi => ("\x1b[1;33m", "\x1b[0m"),
            Highlight::Brackets => ("[", "]"),
        }
    }
}

/// A run of text, marked when a rule matched it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Part<'a> {
    pub text: &'a str,
    pub marked: bool,
}

/// An item's fields as the rules read them (normalized; `feed` with the feed's tags): the text
/// a match's spans are offsets into, so evidence is shown against it.
pub struct MatchedText(PreparedItem);

impl MatchedText {
    pub fn new(item: &Item, tags: &[String]) -> MatchedText {
        MatchedText(PreparedItem::new(item, tags))
    }

    pub fn field(&self, field: Field) -> &str {
        &self.0.fields[field.index()].text
    }
}

/// `text` cut into runs at the byte `ranges`, which are marked. Overlapping or out-of-range
/// ranges (which a correct matcher never produces) are skipped, never a panic.
pub fn mark_ranges(text: &str, mut ranges: Vec<(usize, usize)>) -> Vec<Part<'_>> {
    ranges.sort_unstable();
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut done = 0;
    for (start, end) in ranges {
        let valid = start >= done
            && start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !valid {
            continue;
        }
        if start > done {
            parts.push(Part {
                text: &text[done..start],
                marked: false,
            });
        }
        parts.push(Part {
            text: &text[start..end],
            marked: true,
        });
        done = end;
    }
    if done < text.len() {
        parts.push(Part {
            text: &text[done..],
            marked: false,
        });
    }
    parts
}

/// `text` with every span of `field` marked in `style`.
pub fn highlight(text: &str, field: Field, spans: &[Span], style: Highlight) -> String {
    let (open, close) = style.marks();
    let ranges = spans
        .iter()
        .filter(|s| s.field == field)
        .map(|s| (s.start, s.end))
        .collect();
    let mut out = String::with_capacity(text.len() + spans.len() * 8);
    for part in mark_ranges(text, ranges) {
        if part.marked {
            out.push_str(open);
            out.push_str(part.text);
            out.push_str(close);
        } else {
            out.push_str(part.text);
        }
    }
    out
}

/// The part of a long `text` around its first span of `field`, about `width` characters,
/// with the spans in it highlighted and `…` where text was cut.
pub fn excerpt(text: &str, field: Field, spans: &[Span], width: usize, style: Highlight) -> String {
    let Some(first) = spans
        .iter()
        .filter(|s| s.field == field)
        .map(|s| s.start)
        .min()
    else {
        return String::new();
    };
    let before = width / 3;
    let start = floor_boundary(text, first.saturating_sub(before * 2));
    let start = text[..start]
        .rfind(' ')
        .map_or(start, |space| space + 1)
        .max(start.min(first));
    let end = ceil_boundary(text, (start + width * 2).min(text.len()));
    let inside: Vec<Span> = spans
        .iter()
        .filter(|s| s.field == field && s.start >= start && s.end <= end)
        .map(|s| Span {
            start: s.start - start,
            end: s.end - start,
            ..s.clone()
        })
        .collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&highlight(&text[start..end], field, &inside, style));
    if end < text.len() {
        out.push('…');
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(field: Field, text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span {
            field,
            start,
            end: start + needle.len(),
            text: needle.to_string(),
        }
    }

    #[test]
    fn spans_are_marked_in_order() {
        let text = "Pentagon says Alibaba aided the PLA";
        let spans = [
            span(Field::Title, text, "PLA"),
            span(Field::Title, text, "Alibaba"),
        ];
        assert_eq!(
            highlight(text, Field::Title, &spans, Highlight::Brackets),
            "Pentagon says [Alibaba] aided the [PLA]"
        );
        assert_eq!(
            highlight(text, Field::Summary, &spans, Highlight::Brackets),
            text,
            "spans of other fields are not marked"
        );
    }

    #[test]
    fn bad_spans_are_skipped_not_panicked_on() {
        let text = "阿里巴巴";
        let spans = [Span {
            field: Field::Title,
            start: 1,
            end: 99,
            text: String::new(),
        }];
        assert_eq!(highlight(text, Field::Title, &spans, Highlight::Ansi), text);
    }

    #[test]
    fn excerpt_cuts_around_the_first_span() {
        let text = format!(
            "{} Alibaba named by Pentagon {}",
            "filler ".repeat(40),
            "tail ".repeat(40)
        );
        let spans = [span(Field::Content, &text, "Alibaba")];
        let shown = excerpt(&text, Field::Content, &spans, 40, Highlight::Brackets);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("[Alibaba] named by Pentagon"), "{shown}");
    }
}
