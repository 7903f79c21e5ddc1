//! The lexer: query text to tokens that each remember their column (in characters, the way an
//! editor counts), and [`QueryError`], which every query error is. Also the check for
//! lower-case operators, which needs only tokens.

use std::fmt;

use crate::config::closest_name;
use crate::feed::normalize::normalize_for_match;
use crate::rules::ast::Field;

/// A query that does not parse, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// 1-based, in characters of the query string; one past the last character when the query
    /// ended too early.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for QueryError {}

/// Bare `and`, `or` and `not` that are not upper case, standing between two operands: the
/// query searches for them as words (operators are upper case), which is seldom what the
/// writer meant: `military or pentagon` needs all three words and matches almost nothing.
/// Each comes with its 1-based character column; none when the query does not tokenize (that
/// error is reported on its own).
pub fn lowercase_operators(query: &str) -> Vec<(usize, String)> {
    let Ok(tokens) = tokenize(query) else {
        return Vec::new();
    };
    let ends_operand =
        |kind: &TokenKind| matches!(kind, TokenKind::Leaf(_) | TokenKind::RightParen);
    let starts_operand = |kind: &TokenKind| {
        matches!(
            kind,
            TokenKind::Leaf(_) | TokenKind::LeftParen | TokenKind::Minus | TokenKind::Not
        )
    };
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, token)| {
            let TokenKind::Leaf(Leaf {
                field: None,
                atom: RawAtom::Term(term),
                ..
            }) = &token.kind
            else {
                return None;
            };
            let operator_like = matches!(term.to_lowercase().as_str(), "and" | "or" | "not");
            let between = i > 0
                && ends_operand(&tokens[i - 1].kind)
                && tokens
                    .get(i + 1)
                    .is_some_and(|next| starts_operand(&next.kind));
            (operator_like && between).then(|| (token.column, term.clone()))
        })
        .collect()
}

pub(super) const MAX_NEAR_DISTANCE: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) kind: TokenKind,
    /// 1-based character column of the token's first character.
    pub(super) column: usize,
    /// The source text, for messages ("after AND", "found `)`").
    pub(super) text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TokenKind {
    Leaf(Leaf),
    LeftParen,
    RightParen,
    And,
    Or,
    Not,
    /// `-` directly before an operand: NOT.
    Minus,
    Near(u32),
    End,
}

/// An operand as written, not yet checked against the word segmenter, the regex crate or the
/// entity list (the parser does that, so the lexer needs no config).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Leaf {
    pub(super) field: Option<Field>,
    pub(super) atom: RawAtom,
    /// Column of the atom itself, after any `field:` prefix: errors about the atom point here.
    pub(super) atom_column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RawAtom {
    Term(String),
    Phrase(String),
    Regex {
        pattern: String,
        case_insensitive: bool,
    },
    Entity(String),
}

/// Straight and typographic double quotes all open and close phrases, so a query pasted from
/// a word processor (“…” or „…“) works as typed.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Characters that end a term: everything else, including `-`, `:`, `/`, `@` and `*`, can be
/// part of one, and the word segmenter decides what it means.
pub(super) fn ends_term(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || is_quote(c)
}

pub(super) fn is_keyword(text: &str) -> bool {
    matches!(text, "AND" | "OR" | "NOT" | "NEAR") || text.starts_with("NEAR/")
}

/// The part before the first `:` of a term when that part reads as a field name: a known one
/// (in any case or width) or any run of ASCII letters, which is an unknown field rather than a
/// word, so `titel:alibaba` is an error instead of a silent phrase. `10:30` stays a term.
pub(super) fn field_prefix(run: &str) -> Option<&str> {
    let (prefix, _) = run.split_once(':')?;
    let normalized = normalize_for_match(prefix);
    let letters = !normalized.is_empty() && normalized.chars().all(|c| c.is_ascii_alphabetic());
    letters.then_some(prefix)
}

pub(super) fn tokenize(query: &str) -> Result<Vec<Token>, QueryError> {
    let mut lexer = Lexer {
        chars: query.chars().collect(),
        position: 0,
    };
    let mut tokens = Vec::new();
    loop {
        let token = lexer.next_token()?;
        let done = token.kind == TokenKind::End;
        tokens.push(token);
        if done {
            return Ok(tokens);
        }
    }
}

struct Lexer {
    chars: Vec<char>,
    /// Index into `chars` of the next character to read; its column is `position + 1`.
    position: usize,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    fn text_from(&self, start: usize) -> String {
        self.chars[start..self.position].iter().collect()
    }

    fn error_at(&self, index: usize, message: String) -> QueryError {
        QueryError {
            column: index + 1,
            message,
        }
    }

    fn next_token(&mut self) -> Result<Token, QueryError> {
        while self.peek().is_some_and(char::is_whitespace) {
            self.position += 1;
        }
        let start = self.position;
        let Some(c) = self.peek() else {
            return Ok(self.token(start, TokenKind::End));
        };
        let kind = match c {
            '(' => {
                self.position += 1;
                TokenKind::LeftParen
            }
            ')' => {
                self.position += 1;
                TokenKind::RightParen
            }
            '-' if self.minus_is_not() => {
                self.position += 1;
                TokenKind::Minus
            }
            '"' | '“' | '”' | '„' | '/' | '@' => TokenKind::Leaf(self.leaf(None)?),
            _ => self.word_token()?,
        };
        Ok(self.token(start, kind))
    }

    fn token(&self, start: usize, kind: TokenKind) -> Token {
        let text = match kind {
            TokenKind::End => String::new(),
            _ => self.text_from(start),
        };
        Token {
            kind,
            column: start + 1,
            text,
        }
    }

    /// A `-` is NOT when an operand follows it directly; `- x` and `--` are terms (that have
    /// no words, which the parser reports).
    fn minus_is_not(&self) -> bool {
        self.chars
            .get(self.position + 1)
            .is_some_and(|&next| !next.is_whitespace() && next != ')' && next != '-')
    }

    /// Consumes characters up to the end of a term.
    fn take_run(&mut self) -> String {
        let start = self.position;
        while self.peek().is_some_and(|c| !ends_term(c)) {
            self.position += 1;
        }
        self.text_from(start)
    }

    /// A bare run of characters: an operator, `field:` and its atom, or a term.
    fn word_token(&mut self) -> Result<TokenKind, QueryError> {
        let start = self.position;
        let run = self.take_run();
        match run.as_str() {
            "AND" => return Ok(TokenKind::And),
            "OR" => return Ok(TokenKind::Or),
            "NOT" => return Ok(TokenKind::Not),
            _ if is_keyword(&run) => return self.near_distance(start, &run).map(TokenKind::Near),
            _ => {}
        }
        let Some(prefix) = field_prefix(&run) else {
            return Ok(TokenKind::Leaf(Leaf {
                field: None,
                atom: RawAtom::Term(run),
                atom_column: start + 1,
            }));
        };
        let field = Field::from_name(&normalize_for_match(prefix))
            .ok_or_else(|| self.error_at(start, unknown_field(prefix)))?;
        // The atom starts right after the colon, and may be a phrase the run stopped before.
        self.position = start + prefix.chars().count() + 1;
        Ok(TokenKind::Leaf(self.leaf(Some(field))?))
    }

    fn near_distance(&self, start: usize, run: &str) -> Result<u32, QueryError> {
        let digits = run.strip_prefix("NEAR/").unwrap_or_default();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(self.error_at(
                start,
                format!("NEAR needs a distance: NEAR/5 (found `{run}`)"),
            ));
        }
        // Overlong digit strings overflow u32; they are out of range all the same.
        match digits.parse::<u32>() {
            Ok(distance) if (1..=MAX_NEAR_DISTANCE).contains(&distance) => Ok(distance),
            _ => Err(self.error_at(
                start,
                format!("NEAR distance must be between 1 and {MAX_NEAR_DISTANCE} (found `{run}`)"),
            )),
        }
    }

    /// One operand at the current position. After a `field:` prefix the text up to the end
    /// of the term is the atom whatever it looks like, so `feed:tag:filings` and `title:AND`
    /// are terms rather than a second field or an operator.
    fn leaf(&mut self, field: Option<Field>) -> Result<Leaf, QueryError> {
        let start = self.position;
        let atom = match self.peek() {
            Some(c) if is_quote(c) => self.phrase()?,
            Some('/') => self.regex()?,
            Some('@') => {
                self.position += 1;
                let name = self.take_run();
                if name.is_empty() {
                    return Err(
                        self.error_at(start, "expected an entity name after `@`".to_string())
                    );
                }
                RawAtom::Entity(name)
            }
            Some('(') => {
                return Err(self.error_at(
                    start,
                    "a field applies to one term, phrase, prefix, regex or @entity, not to a \
                     group: write `title:a OR title:b`"
                        .to_string(),
                ));
            }
            Some(c) if !ends_term(c) => RawAtom::Term(self.take_run()),
            _ => {
                let field_name = field.map(Field::name).unwrap_or_default();
                return Err(self.error_at(
                    start,
                    format!(
                        "expected a term, phrase, prefix, regex or @entity after `{field_name}:`"
                    ),
                ));
            }
        };
        Ok(Leaf {
            field,
            atom,
            atom_column: start + 1,
        })
    }

    fn phrase(&mut self) -> Result<RawAtom, QueryError> {
        let open = self.position;
        self.position += 1;
        let inner_start = self.position;
        while let Some(c) = self.peek() {
            if is_quote(c) {
                let inner = self.text_from(inner_start);
                self.position += 1;
                return Ok(RawAtom::Phrase(inner));
            }
            self.position += 1;
        }
        Err(self.error_at(open, "unclosed phrase: expected a closing `\"`".to_string()))
    }

    /// `/pattern/flags`. `\/` stands for a `/` in the pattern and is stored unescaped (the
    /// printer escapes it again); every other escape is the regex crate's and is kept as is.
    fn regex(&mut self) -> Result<RawAtom, QueryError> {
        let open = self.position;
        self.position += 1;
        let mut pattern = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(
                        self.error_at(open, "unclosed regex: expected a closing `/`".to_string())
                    );
                }
                Some('/') => break,
                Some('\\') => {
                    let Some(&escaped) = self.chars.get(self.position + 1) else {
                        self.position += 1;
                        continue;
                    };
                    if escaped != '/' {
                        pattern.push('\\');
                    }
                    pattern.push(escaped);
                    self.position += 2;
                }
                Some(c) => {
                    pattern.push(c);
                    self.position += 1;
                }
            }
        }
        self.position += 1;
        let flags_start = self.position;
        let flags = self.take_run();
        let case_insensitive = match flags.as_str() {
            "" => false,
            "i" => true,
            _ => {
                return Err(self.error_at(
                    flags_start,
                    format!(
                        "unknown regex flag `{flags}`: the only flag is `i` (case-insensitive)"
                    ),
                ));
            }
        };
        Ok(RawAtom::Regex {
            pattern,
            case_insensitive,
        })
    }
}

fn unknown_field(prefix: &str) -> String {
    let names = Field::ALL.map(Field::name);
    let valid = names.join(", ");
    match closest_name(&normalize_for_match(prefix), &names) {
        Some(name) => {
            format!("unknown field `{prefix}:` (did you mean `{name}:`?); fields are {valid}")
        }
        None => format!("unknown field `{prefix}:`; fields are {valid}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_operators_between_operands_are_found() {
        assert_eq!(
            lowercase_operators("military or pentagon"),
            [(10, "or".to_string())]
        );
        assert_eq!(
            lowercase_operators("Alibaba And (PLA Or army) not memo"),
            [
                (9, "And".to_string()),
                (18, "Or".to_string()),
                (27, "not".to_string())
            ]
        );
        // Operators, quoted words, a field's term and words at either end are meant.
        for query in [
            "military OR pentagon",
            "\"rock and roll\"",
            "title:or alibaba",
            "or alibaba",
            "alibaba and",
            "alibaba NOT or",
        ] {
            assert_eq!(lowercase_operators(query), [], "{query}");
        }
    }
}
