//! The recursive-descent parser: tokens to an [`Expr`], one function per precedence level (OR,
//! AND, NEAR, NOT), each leaf given its meaning (words, regex, entity); and the parsing of
//! entity aliases, which shares the regex check.

use super::lexer::{Leaf, QueryError, RawAtom, Token, TokenKind, tokenize};
use crate::config::closest_name;
use crate::rules::ast::{Atom, Expr};
use crate::rules::words::query_words;

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

/// What the regex crate says about `pattern`, on one line: config diagnostics are one line
/// each, and the crate's syntax errors draw a caret diagram over several.
pub(super) fn check_regex(pattern: &str, case_insensitive: bool) -> Result<(), String> {
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

/// The message every NEAR-operand error ends with.
const NEAR_OPERANDS: &str = "NEAR operands must be terms, phrases, prefixes, regexes, entities, or a parenthesized OR of those";

/// Deeper nesting than this is refused rather than risking the stack on hostile config text.
const MAX_NESTING: usize = 100;

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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::ast::Field;

    pub(crate) const ENTITIES: &[&str] = &["alibaba", "pla", "us-gov"];

    pub(crate) fn words(words: &[&str]) -> Expr {
        Expr::Match {
            atom: Atom::Words(words.iter().map(|w| w.to_string()).collect()),
            field: None,
        }
    }

    pub(crate) fn term(word: &str) -> Expr {
        words(&[word])
    }

    pub(crate) fn prefix(word: &str) -> Expr {
        Expr::Match {
            atom: Atom::Prefix(word.to_string()),
            field: None,
        }
    }

    pub(crate) fn regex(pattern: &str, case_insensitive: bool) -> Expr {
        Expr::Match {
            atom: Atom::Regex {
                pattern: pattern.to_string(),
                case_insensitive,
            },
            field: None,
        }
    }

    pub(crate) fn entity(name: &str) -> Expr {
        Expr::Entity {
            name: name.to_string(),
            field: None,
        }
    }

    pub(crate) fn in_field(field: Field, expr: Expr) -> Expr {
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

    pub(crate) fn and(operands: Vec<Expr>) -> Expr {
        Expr::And(operands)
    }

    pub(crate) fn or(operands: Vec<Expr>) -> Expr {
        Expr::Or(operands)
    }

    pub(crate) fn not(operand: Expr) -> Expr {
        Expr::Not(Box::new(operand))
    }

    pub(crate) fn near(left: Expr, right: Expr, distance: u32) -> Expr {
        Expr::Near {
            left: Box::new(left),
            right: Box::new(right),
            distance,
        }
    }

    pub(crate) fn parse(query: &str) -> Result<Expr, QueryError> {
        parse_query(query, ENTITIES)
    }

    #[test]
    fn parse_table() {
        use Field::*;
        let cases: Vec<(&str, Expr)> = vec![
            // Every form in docs/QUERY.md's table.
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
}
