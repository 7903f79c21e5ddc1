//! Rule query text to [`Expr`] and back: the lexer, the recursive-descent parser, entity alias
//! parsing, and the pretty-printer that writes an [`Expr`] as query text.
//!
//! It is shaped as two passes because query errors are config errors that must name a column:
//! the lexer turns the query into tokens that each remember their column (in characters, the
//! way an editor counts), and the parser has one function per precedence level (OR, AND, NEAR,
//! NOT), so the grammar in `DESIGN.md` can be read off the code. Every term and phrase goes
//! through [`query_words`], the same normalization and segmentation that item text gets, so the
//! tree already holds words in the form the compiler compares. The printer is the parser's
//! inverse (a printed tree parses back to an equal tree), which is what lets `check` and
//! `test-rule` show a rule the way it was understood, and what the round-trip tests rely on.

use std::fmt;

use crate::config::closest_name;
use crate::feed::normalize::normalize_for_match;
use crate::rules::ast::{Atom, Expr, Field};
use crate::rules::words::query_words;

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

/// Parses a rule query. `entities` are the names of the config's `[entities]`: an `@name` that
/// is not among them is an error here, so the compiler can expand entities without checking.
pub fn parse_query(query: &str, entities: &[&str]) -> Result<Expr, QueryError> {
    let tokens = tokenize(query)?;
    let mut parser = Parser {
        tokens,
        position: 0,
        entities,
        open_groups: 0,
        nesting: 0,
    };
    parser.parse_query()
}

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

/// Parses one alias of an entity: `/re/` or `/re/i` is a regex, anything else is a term or
/// phrase (`Alibaba Group`, `阿里巴巴`). Aliases are whole config strings, not query text, so
/// they need no quoting and have no operators.
pub fn parse_alias(alias: &str) -> Result<Atom, String> {
    if let Some((pattern, case_insensitive)) = alias_regex(alias) {
        check_regex(pattern, case_insensitive)?;
        return Ok(Atom::Regex {
            pattern: pattern.to_string(),
            case_insensitive,
        });
    }
    let words = query_words(alias);
    if words.is_empty() {
        return Err(format!("alias {alias:?} has no words to match"));
    }
    Ok(Atom::Words(words))
}

/// `/pattern/` or `/pattern/i`; the closing slash is the last one, so an alias needs no escapes.
fn alias_regex(alias: &str) -> Option<(&str, bool)> {
    let body = alias.strip_prefix('/')?;
    if let Some(pattern) = body.strip_suffix("/i") {
        return Some((pattern, true));
    }
    body.strip_suffix('/').map(|pattern| (pattern, false))
}

/// What the regex crate says about `pattern`, on one line: config diagnostics are one line
/// each, and the crate's syntax errors draw a caret diagram over several.
fn check_regex(pattern: &str, case_insensitive: bool) -> Result<(), String> {
    let flags = if case_insensitive { "i" } else { "" };
    if pattern.is_empty() {
        return Err(format!(
            "empty regex /{pattern}/{flags} would match every item"
        ));
    }
    let error = match regex::RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .build()
    {
        Ok(_) => return Ok(()),
        Err(error) => error,
    };
    let reason = match &error {
        regex::Error::Syntax(text) => text
            .lines()
            .find_map(|line| line.trim().strip_prefix("error: "))
            .map(str::to_string)
            .unwrap_or_else(|| one_line(text)),
        regex::Error::CompiledTooBig(limit) => {
            format!("compiled regex exceeds the size limit of {limit} bytes")
        }
        other => one_line(&other.to_string()),
    };
    Err(format!("invalid regex /{pattern}/{flags}: {reason}"))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Lexer

/// The message every NEAR-operand error ends with.
const NEAR_OPERANDS: &str = "NEAR operands must be terms, phrases, prefixes, regexes, entities, or a parenthesized OR of those";

/// Deeper nesting than this is refused rather than risking the stack on hostile config text.
const MAX_NESTING: usize = 100;

const MAX_NEAR_DISTANCE: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    kind: TokenKind,
    /// 1-based character column of the token's first character.
    column: usize,
    /// The source text, for messages ("after AND", "found `)`").
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum TokenKind {
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
struct Leaf {
    field: Option<Field>,
    atom: RawAtom,
    /// Column of the atom itself, after any `field:` prefix: errors about the atom point here.
    atom_column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum RawAtom {
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
fn ends_term(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || is_quote(c)
}

fn is_keyword(text: &str) -> bool {
    matches!(text, "AND" | "OR" | "NOT" | "NEAR") || text.starts_with("NEAR/")
}

/// The part before the first `:` of a term when that part reads as a field name: a known one
/// (in any case or width) or any run of ASCII letters, which is an unknown field rather than a
/// word, so `titel:alibaba` is an error instead of a silent phrase. `10:30` stays a term.
fn field_prefix(run: &str) -> Option<&str> {
    let (prefix, _) = run.split_once(':')?;
    let normalized = normalize_for_match(prefix);
    let letters = !normalized.is_empty() && normalized.chars().all(|c| c.is_ascii_alphabetic());
    letters.then_some(prefix)
}

fn tokenize(query: &str) -> Result<Vec<Token>, QueryError> {
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

// ---------------------------------------------------------------------------------------------
// Parser

/// A parsed sub-expression, and the error it causes if it turns out to be a NEAR operand. That
/// is only known once a NEAR follows, so each level records where its first AND, NOT or NEAR
/// was, to point the error at it rather than at the operand's start.
struct Parsed {
    expr: Expr,
    near_misuse: Option<QueryError>,
}

impl Parsed {
    fn plain(expr: Expr) -> Parsed {
        Parsed {
            expr,
            near_misuse: None,
        }
    }
}

struct Parser<'e> {
    /// Always ends with one `End` token, which is never consumed.
    tokens: Vec<Token>,
    position: usize,
    entities: &'e [&'e str],
    /// `(` not yet closed: a `)` with none open is unbalanced rather than a missing operand.
    open_groups: usize,
    /// Parentheses and NOTs around the current position, bounded by [`MAX_NESTING`].
    nesting: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        let last = self.tokens.len() - 1;
        &self.tokens[self.position.min(last)]
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if token.kind != TokenKind::End {
            self.position += 1;
        }
        token
    }

    fn parse_query(&mut self) -> Result<Expr, QueryError> {
        if self.peek().kind == TokenKind::End {
            return Err(QueryError {
                column: 1,
                message: "empty query".to_string(),
            });
        }
        let parsed = self.parse_or()?;
        let next = self.peek();
        if next.kind != TokenKind::End {
            // Every other token continues an OR, an AND or a juxtaposition.
            return Err(QueryError {
                column: next.column,
                message: "unexpected `)`: no `(` to close".to_string(),
            });
        }
        if !is_positive(&parsed.expr) {
            return Err(QueryError {
                column: 1,
                message: "query has no positive part; NOT only excludes".to_string(),
            });
        }
        Ok(parsed.expr)
    }

    /// `and (OR and)*`
    fn parse_or(&mut self) -> Result<Parsed, QueryError> {
        let first = self.parse_and()?;
        if self.peek().kind != TokenKind::Or {
            return Ok(first);
        }
        let mut near_misuse = first.near_misuse;
        let mut operands = Vec::new();
        push_flattened(&mut operands, first.expr, Flatten::Or);
        while self.peek().kind == TokenKind::Or {
            self.advance();
            let next = self.parse_and()?;
            near_misuse = near_misuse.or(next.near_misuse);
            push_flattened(&mut operands, next.expr, Flatten::Or);
        }
        Ok(Parsed {
            expr: Expr::Or(operands),
            near_misuse,
        })
    }

    /// `near ((AND)? near)*`: an operand right after another is an implicit AND.
    fn parse_and(&mut self) -> Result<Parsed, QueryError> {
        let first = self.parse_near()?;
        let mut near_misuse = first.near_misuse;
        let mut operands = Vec::new();
        push_flattened(&mut operands, first.expr, Flatten::And);
        loop {
            let token = self.peek();
            let explicit = token.kind == TokenKind::And;
            if !explicit && !starts_operand(&token.kind) {
                break;
            }
            if near_misuse.is_none() {
                let what = if explicit {
                    "AND"
                } else {
                    "AND (two operands side by side; quote words to make a phrase)"
                };
                near_misuse = Some(QueryError {
                    column: token.column,
                    message: format!("{what} inside a NEAR operand: {NEAR_OPERANDS}"),
                });
            }
            if explicit {
                self.advance();
            }
            let next = self.parse_near()?;
            push_flattened(&mut operands, next.expr, Flatten::And);
        }
        let expr = match operands.len() {
            1 => operands.remove(0),
            _ => Expr::And(operands),
        };
        Ok(Parsed { expr, near_misuse })
    }

    /// `unary (NEAR/n unary)*`, left-associative; a NEAR as an operand of a NEAR is refused.
    fn parse_near(&mut self) -> Result<Parsed, QueryError> {
        let mut left = self.parse_unary()?;
        while let TokenKind::Near(distance) = self.peek().kind {
            let near = self.advance();
            let right = self.parse_unary()?;
            for operand in [&left, &right] {
                if let Some(error) = &operand.near_misuse {
                    return Err(error.clone());
                }
            }
            left = Parsed {
                expr: Expr::Near {
                    left: Box::new(left.expr),
                    right: Box::new(right.expr),
                    distance,
                },
                near_misuse: Some(QueryError {
                    column: near.column,
                    message: format!("{} inside a NEAR operand: {NEAR_OPERANDS}", near.text),
                }),
            };
        }
        Ok(left)
    }

    /// `(NOT | -) unary | primary`
    fn parse_unary(&mut self) -> Result<Parsed, QueryError> {
        if !matches!(self.peek().kind, TokenKind::Not | TokenKind::Minus) {
            return self.parse_primary();
        }
        let not = self.advance();
        self.enter(&not)?;
        let operand = self.parse_unary();
        self.nesting -= 1;
        let what = if not.kind == TokenKind::Minus {
            "`-` (NOT)"
        } else {
            "NOT"
        };
        Ok(Parsed {
            expr: Expr::Not(Box::new(operand?.expr)),
            near_misuse: Some(QueryError {
                column: not.column,
                message: format!("{what} inside a NEAR operand: {NEAR_OPERANDS}"),
            }),
        })
    }

    /// `leaf | ( or )`
    fn parse_primary(&mut self) -> Result<Parsed, QueryError> {
        let token = self.peek().clone();
        match token.kind {
            TokenKind::Leaf(leaf) => {
                self.advance();
                Ok(Parsed::plain(self.leaf_expr(leaf)?))
            }
            TokenKind::LeftParen => {
                self.advance();
                self.enter(&token)?;
                self.open_groups += 1;
                let inner = self.parse_or();
                self.open_groups -= 1;
                self.nesting -= 1;
                let inner = inner?;
                if self.peek().kind != TokenKind::RightParen {
                    return Err(QueryError {
                        column: token.column,
                        message: "unclosed parenthesis: expected a matching `)`".to_string(),
                    });
                }
                self.advance();
                Ok(inner)
            }
            TokenKind::RightParen if self.open_groups == 0 => Err(QueryError {
                column: token.column,
                message: "unexpected `)`: no `(` to close".to_string(),
            }),
            _ => Err(QueryError {
                column: token.column,
                message: self.expected_operand(&token),
            }),
        }
    }

    fn expected_operand(&self, found: &Token) -> String {
        let after = match self.position.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(previous) => format!(" after {}", describe(previous)),
            None => " at the start of the query".to_string(),
        };
        format!(
            "expected a term, phrase, @entity or `(`{after}, found {}",
            describe(found)
        )
    }

    fn enter(&mut self, token: &Token) -> Result<(), QueryError> {
        if self.nesting >= MAX_NESTING {
            return Err(QueryError {
                column: token.column,
                message: format!("query nests deeper than {MAX_NESTING} levels"),
            });
        }
        self.nesting += 1;
        Ok(())
    }

    /// Gives a leaf its meaning: words through the shared segmenter, regexes through the regex
    /// crate, entities against the config.
    fn leaf_expr(&self, leaf: Leaf) -> Result<Expr, QueryError> {
        let error = |message: String| QueryError {
            column: leaf.atom_column,
            message,
        };
        let field = leaf.field;
        let atom = match leaf.atom {
            RawAtom::Term(text) => term_atom(&text).map_err(error)?,
            RawAtom::Phrase(text) => {
                let words = query_words(&text);
                if words.is_empty() {
                    return Err(error(
                        "empty phrase: a phrase needs at least one word".into(),
                    ));
                }
                Atom::Words(words)
            }
            RawAtom::Regex {
                pattern,
                case_insensitive,
            } => {
                check_regex(&pattern, case_insensitive).map_err(error)?;
                Atom::Regex {
                    pattern,
                    case_insensitive,
                }
            }
            RawAtom::Entity(name) => {
                if !self.entities.contains(&name.as_str()) {
                    return Err(error(unknown_entity(&name, self.entities)));
                }
                return Ok(Expr::Entity { name, field });
            }
        };
        Ok(Expr::Match { atom, field })
    }
}

/// A term is its words (several make a phrase: `US-China`), or with a trailing `*` a prefix
/// of one word.
fn term_atom(text: &str) -> Result<Atom, String> {
    let Some(stem) = text.strip_suffix('*') else {
        let words = query_words(text);
        if words.is_empty() {
            return Err(format!("term `{text}` has no words to match"));
        }
        return Ok(Atom::Words(words));
    };
    let mut words = query_words(stem);
    match words.len() {
        1 => Ok(Atom::Prefix(words.remove(0))),
        0 => Err(format!(
            "prefix `{text}` needs a word before the `*`, as in sanction*"
        )),
        _ => Err(format!(
            "prefix `{text}` must be a single word, but it is {}",
            words.join(" ")
        )),
    }
}

fn unknown_entity(name: &str, entities: &[&str]) -> String {
    match closest_name(name, entities) {
        Some(candidate) => format!("unknown entity @{name} (did you mean @{candidate}?)"),
        None if entities.is_empty() => {
            format!("unknown entity @{name} (no [entities] are defined)")
        }
        None => {
            let known: Vec<String> = entities.iter().map(|e| format!("@{e}")).collect();
            format!("unknown entity @{name} (entities: {})", known.join(", "))
        }
    }
}

fn starts_operand(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Leaf(_) | TokenKind::LeftParen | TokenKind::Not | TokenKind::Minus
    )
}

fn describe(token: &Token) -> String {
    match token.kind {
        TokenKind::End => "the end of the query".to_string(),
        TokenKind::And | TokenKind::Or | TokenKind::Not | TokenKind::Near(_) => token.text.clone(),
        _ => format!("`{}`", token.text),
    }
}

#[derive(Clone, Copy)]
enum Flatten {
    And,
    Or,
}

/// Adds an operand to an AND or OR, splicing in a parenthesized group of the same kind, so
/// the tree has one shape for `a AND (b AND c)` and `a AND b AND c`.
fn push_flattened(operands: &mut Vec<Expr>, operand: Expr, kind: Flatten) {
    match (kind, operand) {
        (Flatten::And, Expr::And(inner)) | (Flatten::Or, Expr::Or(inner)) => {
            operands.extend(inner);
        }
        (_, operand) => operands.push(operand),
    }
}

/// Whether the expression can match an item by itself: NOT only excludes, so an OR with a NOT
/// branch, or an AND of NOTs alone, would match nearly every item.
fn is_positive(expr: &Expr) -> bool {
    match expr {
        Expr::Match { .. } | Expr::Entity { .. } | Expr::Near { .. } => true,
        Expr::Not(_) => false,
        Expr::And(operands) => operands.iter().any(is_positive),
        Expr::Or(operands) => operands.iter().all(is_positive),
    }
}

// ---------------------------------------------------------------------------------------------
// Printer

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

/// Writes query text that [`parse_query`] parses back to an equal tree. Operators are spelled
/// out (`AND`, `NOT`) rather than juxtaposed or written `-`, for people reading `check` output.
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
    use proptest::prelude::*;

    const ENTITIES: &[&str] = &["alibaba", "pla", "us-gov"];

    fn words(words: &[&str]) -> Expr {
        Expr::Match {
            atom: Atom::Words(words.iter().map(|w| w.to_string()).collect()),
            field: None,
        }
    }

    fn term(word: &str) -> Expr {
        words(&[word])
    }

    fn prefix(word: &str) -> Expr {
        Expr::Match {
            atom: Atom::Prefix(word.to_string()),
            field: None,
        }
    }

    fn regex(pattern: &str, case_insensitive: bool) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.to_string(),
                case_insensitive,
            },
            field: None,
        }
    }

    fn entity(name: &str) -> Expr {
        Expr::Entity {
            name: name.to_string(),
            field: None,
        }
    }

    fn in_field(field: Field, expr: Expr) -> Expr {
        match expr {
            Expr::Match { atom, .. } => Expr::Match {
                atom,
                field: Some(field),
            },
            Expr::Entity { name, .. } => Expr::Entity {
                name,
                field: Some(field),
            },
            other => panic!("only leaves have a field: {other:?}"),
        }
    }

    fn and(operands: Vec<Expr>) -> Expr {
        Expr::And(operands)
    }

    fn or(operands: Vec<Expr>) -> Expr {
        Expr::Or(operands)
    }

    fn not(operand: Expr) -> Expr {
        Expr::Not(Box::new(operand))
    }

    fn near(left: Expr, right: Expr, distance: u32) -> Expr {
        Expr::Near {
            left: Box::new(left),
            right: Box::new(right),
            distance,
        }
    }

    fn parse(query: &str) -> Result<Expr, QueryError> {
        parse_query(query, ENTITIES)
    }

    #[test]
    fn parse_table() {
        use Field::*;
        let cases: Vec<(&str, Expr)> = vec![
            // Every form in DESIGN.md's table.
            ("alibaba", term("alibaba")),
            (
                "\"people's liberation army\"",
                words(&["people", "liberation", "army"]),
            ),
            ("sanction*", prefix("sanction")),
            (r"/\bBABA\b/", regex(r"\bBABA\b", false)),
            ("/alibaba/i", regex("alibaba", true)),
            ("@alibaba", entity("alibaba")),
            ("title:alibaba", in_field(Title, term("alibaba"))),
            (
                "title:\"cloud unit\"",
                in_field(Title, words(&["cloud", "unit"])),
            ),
            ("alibaba AND pla", and(vec![term("alibaba"), term("pla")])),
            ("alibaba pla", and(vec![term("alibaba"), term("pla")])),
            ("pla OR military", or(vec![term("pla"), term("military")])),
            (
                "alibaba NOT (stock OR shares)",
                and(vec![
                    term("alibaba"),
                    not(or(vec![term("stock"), term("shares")])),
                ]),
            ),
            (
                "alibaba -stock",
                and(vec![term("alibaba"), not(term("stock"))]),
            ),
            ("alibaba NEAR/5 pla", near(term("alibaba"), term("pla"), 5)),
            (
                "@alibaba NEAR/8 @pla",
                near(entity("alibaba"), entity("pla"), 8),
            ),
            (
                "@alibaba AND (@pla OR military NEAR/5 ties)",
                and(vec![
                    entity("alibaba"),
                    or(vec![entity("pla"), near(term("military"), term("ties"), 5)]),
                ]),
            ),
            // Precedence: NOT, then NEAR, then AND, then OR.
            (
                "a OR b c",
                or(vec![term("a"), and(vec![term("b"), term("c")])]),
            ),
            (
                "a b OR c",
                or(vec![and(vec![term("a"), term("b")]), term("c")]),
            ),
            (
                "a AND b NEAR/2 c",
                and(vec![term("a"), near(term("b"), term("c"), 2)]),
            ),
            (
                "a NEAR/2 b OR c",
                or(vec![near(term("a"), term("b"), 2), term("c")]),
            ),
            ("NOT a b", and(vec![not(term("a")), term("b")])),
            (
                "(a OR b) NEAR/3 c",
                near(or(vec![term("a"), term("b")]), term("c"), 3),
            ),
            (
                "(a OR (b OR c)) NEAR/1000 @pla",
                near(
                    or(vec![term("a"), term("b"), term("c")]),
                    entity("pla"),
                    1000,
                ),
            ),
            // Flattening and collapsing.
            (
                "a AND (b AND c)",
                and(vec![term("a"), term("b"), term("c")]),
            ),
            (
                "(a OR b) OR (c OR d)",
                or(vec![term("a"), term("b"), term("c"), term("d")]),
            ),
            ("((alibaba))", term("alibaba")),
            (
                "a (b c) d",
                and(vec![term("a"), term("b"), term("c"), term("d")]),
            ),
            ("NOT NOT a AND b", and(vec![not(not(term("a"))), term("b")])),
            // Capitals only: lower-case operators are words.
            (
                "alibaba and pla",
                and(vec![term("alibaba"), term("and"), term("pla")]),
            ),
            (
                "cats or dogs",
                and(vec![term("cats"), term("or"), term("dogs")]),
            ),
            ("near not", and(vec![term("near"), term("not")])),
            ("NEARBY", term("nearby")),
            ("ANDROID or", and(vec![term("android"), term("or")])),
            ("\"AND\" x", and(vec![term("and"), term("x")])),
            // `-` is NOT only directly before an operand.
            (
                "a -(b OR c)",
                and(vec![term("a"), not(or(vec![term("b"), term("c")]))]),
            ),
            ("a -\"b c\"", and(vec![term("a"), not(words(&["b", "c"]))])),
            (
                "alibaba -@pla -title:stock",
                and(vec![
                    term("alibaba"),
                    not(entity("pla")),
                    not(in_field(Title, term("stock"))),
                ]),
            ),
            ("US-China", words(&["us", "china"])),
            ("a-b -c", and(vec![words(&["a", "b"]), not(term("c"))])),
            ("x --y", and(vec![term("x"), term("y")])),
            // Fields.
            ("link:reuters.com", in_field(Link, term("reuters.com"))),
            (
                "feed:sec-alibaba",
                in_field(Feed, words(&["sec", "alibaba"])),
            ),
            ("title:@alibaba", in_field(Title, entity("alibaba"))),
            ("title:sanction*", in_field(Title, prefix("sanction"))),
            ("title:/re/i", in_field(Title, regex("re", true))),
            (
                "summary:a content:b author:c category:d",
                and(vec![
                    in_field(Summary, term("a")),
                    in_field(Content, term("b")),
                    in_field(Author, term("c")),
                    in_field(Category, term("d")),
                ]),
            ),
            ("Title:x", in_field(Title, term("x"))),
            ("title:AND", in_field(Title, term("and"))),
            // Not a field: the segmenter splits it at the colon.
            ("10:30", words(&["10", "30"])),
            // Unicode.
            ("ＡＬＩＢＡＢＡ", term("alibaba")),
            ("阿里巴巴", words(&["阿", "里", "巴", "巴"])),
            (
                "阿里巴巴 OR 阿里云",
                or(vec![
                    words(&["阿", "里", "巴", "巴"]),
                    words(&["阿", "里", "云"]),
                ]),
            ),
            (
                "“People’s Liberation Army”",
                words(&["people", "liberation", "army"]),
            ),
            ("„Volksbefreiungsarmee“", term("volksbefreiungsarmee")),
            ("Alibaba’s", term("alibaba")),
            ("don't", term("don't")),
            ("Ελλάδα", term("ελλάδα")),
            // Regexes.
            (r"/a\/b/", regex("a/b", false)),
            (r"/\d+\.\d/", regex(r"\d+\.\d", false)),
            ("/a b/ c", and(vec![regex("a b", false), term("c")])),
            ("(/x/)", regex("x", false)),
        ];
        let mut failures = Vec::new();
        for (query, want) in &cases {
            match parse(query) {
                Ok(got) if got == *want => {}
                got => failures.push(format!("{query:?}: got {got:?}, want {want:?}")),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(cases.len() >= 50, "{} cases", cases.len());
    }

    #[test]
    fn error_table() {
        let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
        let cases: Vec<(&str, usize, &str)> = vec![
            ("", 1, "empty query"),
            ("   ", 1, "empty query"),
            ("--", 1, "term `--` has no words to match"),
            ("a - b", 3, "term `-` has no words"),
            (
                "a AND",
                6,
                "expected a term, phrase, @entity or `(` after AND, found the end of the query",
            ),
            ("a AND OR b", 7, "after AND, found OR"),
            ("a AND NEAR/3 b", 7, "after AND, found NEAR/3"),
            ("OR a", 1, "at the start of the query, found OR"),
            ("a NOT", 6, "after NOT, found the end of the query"),
            ("(a OR b", 1, "unclosed parenthesis"),
            ("((a) OR b", 1, "unclosed parenthesis"),
            ("a OR b)", 7, "unexpected `)`"),
            (")", 1, "unexpected `)`"),
            ("a AND )", 7, "unexpected `)`"),
            ("a ()", 4, "after `(`, found `)`"),
            (
                "NOT alibaba",
                1,
                "query has no positive part; NOT only excludes",
            ),
            ("-a -b", 1, "query has no positive part"),
            ("a OR -b", 1, "query has no positive part"),
            (
                "@alibab",
                1,
                "unknown entity @alibab (did you mean @alibaba?)",
            ),
            (
                "x @zzzzzz",
                3,
                "unknown entity @zzzzzz (entities: @alibaba, @pla, @us-gov)",
            ),
            ("@", 1, "expected an entity name after `@`"),
            (
                "titel:x",
                1,
                "unknown field `titel:` (did you mean `title:`?)",
            ),
            (
                "a http://x",
                3,
                "fields are title, summary, content, author, category, link, feed",
            ),
            (
                "title: x",
                7,
                "expected a term, phrase, prefix, regex or @entity after `title:`",
            ),
            ("title:(a OR b)", 7, "not to a group"),
            ("a NEAR b", 3, "NEAR needs a distance: NEAR/5"),
            ("a NEAR/x b", 3, "NEAR needs a distance: NEAR/5"),
            ("a NEAR/0 b", 3, "between 1 and 1000"),
            ("a NEAR/1001 b", 3, "between 1 and 1000"),
            ("a NEAR/99999999999 b", 3, "between 1 and 1000"),
            (
                "a NEAR/3 b NEAR/3 c",
                3,
                "NEAR/3 inside a NEAR operand: NEAR operands must be terms, phrases, prefixes, \
                 regexes, entities, or a parenthesized OR of those",
            ),
            ("(a AND b) NEAR/3 c", 4, "AND inside a NEAR operand"),
            ("(a b) NEAR/3 c", 4, "AND (two operands side by side"),
            ("a NEAR/3 -b", 10, "`-` (NOT) inside a NEAR operand"),
            ("a NOT b NEAR/3 c", 3, "NOT inside a NEAR operand"),
            ("a NEAR/2 (b OR NOT c)", 16, "NOT inside a NEAR operand"),
            ("a NEAR/2 (b OR c d)", 18, "AND (two operands side by side"),
            ("(a NEAR/2 b) NEAR/2 c", 4, "NEAR/2 inside a NEAR operand"),
            ("*", 1, "needs a word before the `*`"),
            ("us-chin*", 1, "must be a single word, but it is us chin"),
            ("\"\"", 1, "empty phrase"),
            ("x \" — \"", 3, "empty phrase"),
            ("a \"open", 3, "unclosed phrase"),
            ("/(abc/", 1, "invalid regex /(abc/: unclosed group"),
            (
                "title:/a[/i",
                7,
                "invalid regex /a[/i: unclosed character class",
            ),
            ("/abc", 1, "unclosed regex"),
            ("/abc/g", 6, "unknown regex flag `g`"),
            ("//", 1, "empty regex"),
            // Columns count characters, not bytes.
            ("阿里 AND", 7, "found the end of the query"),
            ("“阿里” titel:x", 6, "unknown field `titel:`"),
            ("ＡＢ:c", 1, "unknown field `ＡＢ:`"),
            (&deep, 101, "nests deeper than 100 levels"),
        ];
        let mut failures = Vec::new();
        for (query, column, fragment) in &cases {
            match parse(query) {
                Err(error) if error.column == *column && error.message.contains(fragment) => {
                    assert!(!error.message.contains('\n'), "{query:?}: {error}");
                }
                got => failures.push(format!(
                    "{query:?}: got {got:?}, want column {column} with {fragment:?}"
                )),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(cases.len() >= 15);
    }

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

    #[test]
    fn error_display_names_the_column() {
        let error = parse("a AND").unwrap_err();
        assert!(
            error.to_string().starts_with("column 6: expected a term"),
            "{error}"
        );
    }

    #[test]
    fn no_entities_defined_is_said_so() {
        let error = parse_query("@alibaba", &[]).unwrap_err();
        assert_eq!(
            error.message,
            "unknown entity @alibaba (no [entities] are defined)"
        );
    }

    #[test]
    fn feed_tag_and_link_terms_follow_the_word_segmenter() {
        // UAX #29 keeps a colon between letters inside the word.
        let feed = parse("feed:tag:filings").unwrap();
        assert_eq!(feed, in_field(Field::Feed, term("tag:filings")));
        assert_eq!(
            parse("link:reuters.com").unwrap().to_string(),
            "link:reuters.com"
        );
    }

    #[test]
    fn alias_table() {
        let ok: Vec<(&str, Atom)> = vec![
            ("Alibaba", Atom::Words(vec!["alibaba".into()])),
            (
                "Alibaba Group",
                Atom::Words(vec!["alibaba".into(), "group".into()]),
            ),
            (
                "People’s Liberation Army",
                Atom::Words(vec!["people".into(), "liberation".into(), "army".into()]),
            ),
            (
                "阿里巴巴",
                Atom::Words(["阿", "里", "巴", "巴"].map(String::from).to_vec()),
            ),
            (
                r"/\bBABA\b/",
                Atom::Regex {
                    pattern: r"\bBABA\b".into(),
                    case_insensitive: false,
                },
            ),
            (
                "/alibaba/i",
                Atom::Regex {
                    pattern: "alibaba".into(),
                    case_insensitive: true,
                },
            ),
            (
                "/a/b/",
                Atom::Regex {
                    pattern: "a/b".into(),
                    case_insensitive: false,
                },
            ),
            (
                "/r/worldnews",
                Atom::Words(vec!["r".into(), "worldnews".into()]),
            ),
            ("/i", Atom::Words(vec!["i".into()])),
        ];
        for (alias, want) in ok {
            assert_eq!(parse_alias(alias), Ok(want), "{alias}");
        }
        let errors = [
            ("/(x/", "invalid regex /(x/: unclosed group"),
            ("--", "has no words"),
            ("", "has no words"),
            ("//", "empty regex"),
            ("//i", "empty regex"),
        ];
        for (alias, fragment) in errors {
            match parse_alias(alias) {
                Err(message) if message.contains(fragment) && !message.contains('\n') => {}
                got => panic!("{alias:?}: got {got:?}, want {fragment:?}"),
            }
        }
    }

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
