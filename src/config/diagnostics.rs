//! Diagnostics: where in the config file something is wrong, and how that is shown.
//!
//! Validation works on byte offsets (what `toml::Spanned` gives) and converts them to
//! `line:col` only when the report is finished, so all errors can be sorted by position
//! and shown together, the way a compiler does.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// A position in the config file, 1-based; `col` counts characters, not bytes, so it
/// matches what an editor shows on a line with `阿里巴巴` in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub line: usize,
    pub col: usize,
}

impl Location {
    /// The location of byte `offset` in `text`; an offset past the end or inside a
    /// character is moved back to the nearest character start. For many offsets into one
    /// text, [`LineStarts`] scans the text once.
    pub(super) fn of_offset(text: &str, offset: usize) -> Location {
        LineStarts::new(text).location(text, offset)
    }
}

/// Where each line of a text starts, so that many byte offsets become locations without
/// rescanning the text from its start for each: a config of 10,000 feeds, each warned about,
/// took 11 s to load when every warning counted the lines before it.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn new(text: &str) -> LineStarts {
        let after_newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
        LineStarts(std::iter::once(0).chain(after_newlines).collect())
    }

    /// [`Location::of_offset`] of `text`, which must be the text these starts were taken of.
    pub(super) fn location(&self, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The first start is 0, so at least one start is at or before any offset.
        let line = self.0.partition_point(|&start| start <= offset);
        let line_start = self.0[line - 1];
        Location {
            line,
            col: text[line_start..offset].chars().count() + 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One finding about the config file, an error or a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// `None` when the finding is about the whole file (it could not be read).
    pub location: Option<Location>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(location) => write!(f, "{}:{location}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Why a config was rejected: every error found, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", one_per_line(.diagnostics))]
pub struct ConfigError {
    pub diagnostics: Vec<Diagnostic>,
}

fn one_per_line(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

impl ConfigError {
    pub(super) fn whole_file(file: &Path, message: String) -> ConfigError {
        ConfigError {
            diagnostics: vec![Diagnostic {
                file: file.to_path_buf(),
                location: None,
                message,
            }],
        }
    }
}

/// Collects errors and warnings at byte offsets while the config is validated.
pub(super) struct Report<'a> {
    text: &'a str,
    lines: LineStarts,
    file: &'a Path,
    errors: Vec<(usize, String)>,
    warnings: Vec<(usize, String)>,
}

impl<'a> Report<'a> {
    pub(super) fn new(text: &'a str, file: &'a Path) -> Self {
        Report {
            text,
            lines: LineStarts::new(text),
            file,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    pub(super) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors.push((span.start, message.into()));
    }

    pub(super) fn warn(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.warnings.push((span.start, message.into()));
    }

    /// The byte offset of `location` (line and column in characters, from 1), for an error
    /// found in a value's parsed text rather than at a span.
    pub(super) fn offset_of(&self, location: Location) -> usize {
        let line_start = match location.line {
            0 | 1 => 0,
            line => self
                .text
                .match_indices('\n')
                .nth(line - 2)
                .map_or(self.text.len(), |(at, _)| at + 1),
        };
        let rest = &self.text[line_start..];
        let col = rest
            .char_indices()
            .nth(location.col.saturating_sub(1))
            .map_or(rest.len(), |(at, _)| at);
        line_start + col
    }

    pub(super) fn location(&self, offset: usize) -> Location {
        self.lines.location(self.text, offset)
    }

    /// The warnings if nothing is wrong, otherwise every error, in file order.
    pub(super) fn finish(self) -> Result<Vec<Diagnostic>, ConfigError> {
        let Report {
            text,
            lines,
            file,
            errors,
            warnings,
        } = self;
        let into_diagnostics = |mut found: Vec<(usize, String)>| {
            found.sort_by_key(|(offset, _)| *offset);
            found
                .into_iter()
                .map(|(offset, message)| Diagnostic {
                    file: file.to_path_buf(),
                    location: Some(lines.location(text, offset)),
                    message,
                })
                .collect::<Vec<_>>()
        };
        if errors.is_empty() {
            Ok(into_diagnostics(warnings))
        } else {
            Err(ConfigError {
                diagnostics: into_diagnostics(errors),
            })
        }
    }
}

/// The end of an "unknown name" message: a did-you-mean when one known name is close,
/// otherwise the list of known names so the user need not open the file to find them.
pub(super) fn unknown_name_hint(name: &str, known: &[&str], plural: &str) -> String {
    match closest_name(name, known) {
        Some(candidate) => format!("(did you mean \"{candidate}\"?)"),
        None if known.is_empty() => format!("(no {plural} are defined)"),
        None => format!("({plural}: {})", known.join(", ")),
    }
}

/// The known name within two edits of `name`, the closest first: the did-you-mean of every
/// "unknown name" message, in the config and in rule queries alike.
pub(crate) fn closest_name<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_characters_not_bytes() {
        let text = "a = 1\nname = \"阿里\" x";
        let offset = text.find(" x").expect("fixture contains ' x'") + 1;
        assert_eq!(
            Location::of_offset(text, offset),
            Location { line: 2, col: 13 }
        );
        assert_eq!(Location::of_offset(text, 0), Location { line: 1, col: 1 });
    }

    #[test]
    fn line_starts_agree_with_counting_from_the_start_at_every_offset() {
        let text = "\n[a]\nname = \"阿里\"\n\n\tx = 1\n末";
        let lines = LineStarts::new(text);
        for offset in 0..=text.len() + 2 {
            let mut start = offset.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let before = &text[..start];
            let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
            let counted = Location {
                line: before.matches('\n').count() + 1,
                col: before[line_start..].chars().count() + 1,
            };
            assert_eq!(lines.location(text, offset), counted, "offset {offset}");
        }
    }

    #[test]
    fn edit_distance_matches_known_values() {
        for (a, b, expected) in [
            ("", "abc", 3),
            ("analyst", "analysts", 1),
            ("kitten", "sitting", 3),
        ] {
            assert_eq!(edit_distance(a, b), expected, "{a} -> {b}");
        }
    }

    #[test]
    fn hint_suggests_close_name_or_lists_all() {
        let known = ["analysts", "desk-chat"];
        assert_eq!(
            unknown_name_hint("analyst", &known, "channels"),
            "(did you mean \"analysts\"?)"
        );
        assert_eq!(
            unknown_name_hint("pager", &known, "channels"),
            "(channels: analysts, desk-chat)"
        );
        assert_eq!(
            unknown_name_hint("pager", &[], "channels"),
            "(no channels are defined)"
        );
    }
}
