//! The printer: an [`Expr`] written as query text that parses back to an equal tree, so `check`
//! and `test-rule` show a rule the way it was understood.

use std::fmt;

use super::lexer::{ends_term, field_prefix, is_keyword};
use crate::rules::ast::{Atom, Expr, Field};
use crate::rules::words::query_words;

/// Binding strength, loosest first; an operand printed inside an operator that binds tighter
/// gets parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Or,
    And,
    Near,
    Not,
    Atom,
}

fn level(expr: &Expr) -> Level {
    match expr {
        Expr::Or(_) => Level::Or,
        Expr::And(_) => Level::And,
        Expr::Near { .. } => Level::Near,
        Expr::Not(_) => Level::Not,
        Expr::Match { .. } | Expr::Entity { .. } => Level::Atom,
    }
}

/// Writes query text that [`parse_query`](crate::rules::syntax::parse_query) parses back to an
/// equal tree. Operators are spelled out (`AND`, `NOT`) rather than juxtaposed or written `-`,
/// for people reading `check` output.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self, Level::Or)
    }
}

fn write_expr(f: &mut fmt::Formatter<'_>, expr: &Expr, context: Level) -> fmt::Result {
    if level(expr) < context {
        f.write_str("(")?;
        write_expr(f, expr, Level::Or)?;
        return f.write_str(")");
    }
    match expr {
        Expr::Match { atom, field } => {
            write_field(f, *field)?;
            write_atom(f, atom, field.is_some())
        }
        Expr::Entity { name, field } => {
            write_field(f, *field)?;
            write!(f, "@{name}")
        }
        Expr::And(operands) => write_joined(f, operands, " AND ", Level::Near),
        Expr::Or(operands) => write_joined(f, operands, " OR ", Level::And),
        Expr::Not(operand) => {
            f.write_str("NOT ")?;
            write_expr(f, operand, Level::Not)
        }
        Expr::Near {
            left,
            right,
            distance,
        } => {
            // Only atoms print bare beside NEAR; an OR operand needs its parentheses.
            write_expr(f, left, Level::Atom)?;
            write!(f, " NEAR/{distance} ")?;
            write_expr(f, right, Level::Atom)
        }
    }
}

fn write_joined(
    f: &mut fmt::Formatter<'_>,
    operands: &[Expr],
    separator: &str,
    context: Level,
) -> fmt::Result {
    for (i, operand) in operands.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        write_expr(f, operand, context)?;
    }
    Ok(())
}

fn write_field(f: &mut fmt::Formatter<'_>, field: Option<Field>) -> fmt::Result {
    match field {
        Some(field) => write!(f, "{field}:"),
        None => Ok(()),
    }
}

fn write_atom(f: &mut fmt::Formatter<'_>, atom: &Atom, after_field: bool) -> fmt::Result {
    match atom {
        Atom::Words(words) => match words.as_slice() {
            [word] if prints_bare(word, after_field) => f.write_str(&spelling(word)),
            _ => write!(f, "\"{}\"", phrase_text(words)),
        },
        Atom::Prefix(word) => write!(f, "{}*", prefix_spelling(word, after_field)),
        Atom::Regex {
            pattern,
            case_insensitive,
        } => {
            f.write_str("/")?;
            write_regex_pattern(f, pattern)?;
            f.write_str(if *case_insensitive { "/i" } else { "/" })
        }
    }
}

/// Text that segments into exactly `word`. That is the word itself, except for a word that
/// still ends in `'s` (from `china's's`): the segmenter drops one possessive, so it gets one
/// more to drop.
fn spelling(word: &str) -> String {
    let possessive = format!("{word}'s");
    if query_words(word) != [word] && query_words(&possessive) == [word] {
        possessive
    } else {
        word.to_string()
    }
}

/// A prefix has no quoted form. A word such as `tag:x` (from `'tag:x*`, outside a field)
/// would read as a field when written bare, so it keeps a leading apostrophe, which the
/// lexer takes as part of a term and the segmenter drops.
fn prefix_spelling(word: &str, after_field: bool) -> String {
    let spelled = spelling(word);
    let guarded = format!("'{spelled}");
    if !after_field && field_prefix(&spelled).is_some() && query_words(&guarded) == [word] {
        guarded
    } else {
        spelled
    }
}

/// Whether `word` written bare lexes back as a term of exactly that word (and not as an
/// operator, a field, a `-`, an entity, a regex or a prefix).
fn prints_bare(word: &str, after_field: bool) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    let spelled = spelling(word);
    !matches!(first, '-' | '@' | '/')
        && !spelled.chars().any(|c| ends_term(c) || c == '*')
        && (after_field || field_prefix(&spelled).is_none())
        && !is_keyword(&spelled)
        && query_words(&spelled) == [word]
}

/// The words of a phrase as text that segments back into them: single characters of scripts
/// written without spaces are written together (`阿里巴巴`, as people write them), everything
/// else is separated by spaces.
fn phrase_text(words: &[String]) -> String {
    let spelled: Vec<String> = words.iter().map(|word| spelling(word)).collect();
    let mut compact = String::new();
    for (i, word) in spelled.iter().enumerate() {
        let previous_is_glyph = i > 0 && is_single_glyph(&spelled[i - 1]);
        if i > 0 && !(previous_is_glyph && is_single_glyph(word)) {
            compact.push(' ');
        }
        compact.push_str(word);
    }
    if query_words(&compact) == words {
        compact
    } else {
        spelled.join(" ")
    }
}

fn is_single_glyph(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_ascii())
}

/// Writes a pattern between slashes, escaping each bare `/` as the lexer expects.
fn write_regex_pattern(f: &mut fmt::Formatter<'_>, pattern: &str) -> fmt::Result {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                f.write_str("\\")?;
                if let Some(escaped) = chars.next() {
                    write!(f, "{escaped}")?;
                }
            }
            '/' => f.write_str("\\/")?,
            c => write!(f, "{c}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::syntax::lexer::MAX_NEAR_DISTANCE;
    use crate::rules::syntax::parser::tests::{
        ENTITIES, and, entity, in_field, near, not, or, parse, prefix, regex, term, words,
    };
    use proptest::prelude::*;

    #[test]
    fn printer_table() {
        let cases: Vec<(Expr, &str)> = vec![
            (
                and(vec![term("a"), or(vec![term("b"), term("c")])]),
                "a AND (b OR c)",
            ),
            (
                or(vec![and(vec![term("a"), term("b")]), term("c")]),
                "a AND b OR c",
            ),
            (
                near(or(vec![term("a"), entity("pla")]), prefix("c"), 3),
                "(a OR @pla) NEAR/3 c*",
            ),
            (
                and(vec![term("c"), not(near(term("a"), term("b"), 2))]),
                "c AND NOT (a NEAR/2 b)",
            ),
            (and(vec![term("a"), not(not(term("b")))]), "a AND NOT NOT b"),
            (words(&["阿", "里", "巴", "巴"]), "\"阿里巴巴\""),
            (words(&["us", "china"]), "\"us china\""),
            (term("and"), "and"),
            (term("tag:x"), "\"tag:x\""),
            (words(&["us", "china's"]), "\"us china's's\""),
            (in_field(Field::Feed, term("tag:x")), "feed:tag:x"),
            (prefix("tag:x"), "'tag:x*"),
            (in_field(Field::Feed, prefix("tag:x")), "feed:tag:x*"),
            (regex("a/b", true), r"/a\/b/i"),
            (in_field(Field::Title, entity("alibaba")), "title:@alibaba"),
        ];
        for (expr, want) in cases {
            assert_eq!(expr.to_string(), want);
            assert_eq!(parse(want), Ok(expr), "{want}");
        }
    }

    /// Canonical words for the generators: whatever the segmenter makes of these.
    const PHRASES: &[&str] = &[
        "alibaba",
        "PLA",
        "people's liberation army",
        "US-China",
        "阿里巴巴",
        "and",
        "NEAR",
        "NOT",
        "reuters.com",
        "4.5",
        "don't",
        "tag:filings",
        "1260H",
        "Ελλάδα",
        "ＡＬＩＢＡＢＡ集团",
        "China's's",
    ];
    const PREFIXES: &[&str] = &["sanction", "militar", "阿", "ελλ", "1260"];
    const REGEXES: &[(&str, bool)] = &[
        (r"\bBABA\b", false),
        ("alibaba", true),
        ("a/b", false),
        ("(?:x|y)+", false),
        (r"\\", false),
        (r"a\s+b", true),
        ("[/]", false),
    ];

    fn leaf() -> impl Strategy<Value = Expr> {
        let words = prop::sample::select(PHRASES).prop_map(|p| Atom::Words(query_words(p)));
        let prefixes = prop::sample::select(PREFIXES).prop_map(|p| Atom::Prefix(p.to_string()));
        let regexes =
            prop::sample::select(REGEXES).prop_map(|(pattern, case_insensitive)| Atom::Regex {
                pattern: pattern.to_string(),
                case_insensitive,
            });
        let field = prop::option::of(prop::sample::select(Field::ALL.to_vec()));
        let matches = (
            prop_oneof![3 => words, 1 => prefixes, 1 => regexes],
            field.clone(),
        )
            .prop_map(|(atom, field)| Expr::Match { atom, field });
        let entities =
            (prop::sample::select(ENTITIES), field).prop_map(|(name, field)| Expr::Entity {
                name: name.to_string(),
                field,
            });
        prop_oneof![4 => matches, 1 => entities]
    }

    fn near_operand() -> impl Strategy<Value = Expr> {
        prop_oneof![
            3 => leaf(),
            1 => prop::collection::vec(leaf(), 2..4).prop_map(Expr::Or),
        ]
    }

    /// Splices operands of the same kind, as the parser does.
    fn flattened(expr: Expr) -> Expr {
        let splice = |operands: Vec<Expr>, is_same: fn(&Expr) -> Option<&Vec<Expr>>| {
            let mut out = Vec::new();
            for operand in operands {
                match is_same(&operand) {
                    Some(inner) => out.extend(inner.iter().cloned()),
                    None => out.push(operand),
                }
            }
            out
        };
        match expr {
            Expr::And(operands) => Expr::And(splice(operands, |e| match e {
                Expr::And(inner) => Some(inner),
                _ => None,
            })),
            Expr::Or(operands) => Expr::Or(splice(operands, |e| match e {
                Expr::Or(inner) => Some(inner),
                _ => None,
            })),
            other => other,
        }
    }

    /// Trees that can match something: an AND gets at least one positive operand, an OR only
    /// positive ones.
    fn positive_expr(depth: u32) -> BoxedStrategy<Expr> {
        let near = (near_operand(), near_operand(), 1..=MAX_NEAR_DISTANCE)
            .prop_map(|(left, right, distance)| near(left, right, distance));
        let base = prop_oneof![3 => leaf(), 1 => near];
        if depth == 0 {
            return base.boxed();
        }
        let and = (
            positive_expr(depth - 1),
            prop::collection::vec(any_expr(depth - 1), 1..3),
            any::<prop::sample::Index>(),
        )
            .prop_map(|(positive, mut rest, at)| {
                rest.insert(at.index(rest.len() + 1), positive);
                flattened(Expr::And(rest))
            });
        let or = prop::collection::vec(positive_expr(depth - 1), 2..4)
            .prop_map(|operands| flattened(Expr::Or(operands)));
        prop_oneof![2 => base, 1 => and, 1 => or].boxed()
    }

    fn any_expr(depth: u32) -> BoxedStrategy<Expr> {
        let negated = if depth == 0 {
            positive_expr(0)
        } else {
            any_expr(depth - 1)
        };
        prop_oneof![3 => positive_expr(depth), 1 => negated.prop_map(not)].boxed()
    }

    /// Pieces of query text, some meaningful, some hostile, for the parse-anything property.
    const FRAGMENTS: &[&str] = &[
        "alibaba", "pla", "AND", "OR", "NOT", "NEAR/3", "NEAR", " ", " ", "(", ")", "\"", "“", "”",
        "-", "/", "\\", "@", "*", ":", "title:", "titel:", "i", "阿里", "ＡＢ", "10", "us-china",
        "'s", "@alibaba", "tag:", "and", "/x/", "\"b c\"", "'", ".", "é", "İ", "NEAR/0",
    ];

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 3000,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn printed_trees_parse_back_equal(expr in positive_expr(3)) {
            let text = expr.to_string();
            prop_assert_eq!(parse(&text), Ok(expr), "{}", text);
        }

        #[test]
        fn any_text_parses_or_fails_with_a_column_and_reparses_equal(
            pieces in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..14)
        ) {
            let query = pieces.concat();
            match parse(&query) {
                Ok(expr) => {
                    let text = expr.to_string();
                    prop_assert_eq!(parse(&text), Ok(expr), "{} printed as {}", query, text);
                }
                Err(error) => {
                    let end = query.chars().count() + 1;
                    prop_assert!((1..=end).contains(&error.column), "{:?}: {}", query, error);
                    prop_assert!(!error.message.contains('\n'));
                }
            }
        }
    }
}
