//! Rule query text to [`Expr`] and back: the lexer, the recursive-descent parser, entity alias
//! parsing, and the pretty-printer that writes an [`Expr`] as query text.
//!
//! It is shaped as two passes because query errors are config errors that must name a column:
//! the lexer turns the query into tokens that each remember their column (in characters, the
//! way an editor counts), and the parser has one function per precedence level (OR, AND, NEAR,
//! NOT), so the grammar in `docs/QUERY.md` can be read off the code. Every term and phrase goes
//! through [`query_words`], the same normalization and segmentation that item text gets, so the
//! tree already holds words in the form the compiler compares. The printer is the parser's
//! inverse (a printed tree parses back to an equal tree), which is what lets `check` and
//! `test-rule` show a rule the way it was understood, and what the round-trip tests rely on.
//!
//! Each part has its file: `lexer`, `parser`, `alias` and `print`. The parser and the printer
//! import from the lexer, `alias` only the parser's regex check; nothing imports the printer.
//!
//! [`Expr`]: crate::rules::ast::Expr
//! [`query_words`]: crate::rules::words::query_words

mod alias;
mod lexer;
mod parser;
mod print;

pub use alias::parse_alias;
pub use lexer::{QueryError, lowercase_operators};
pub use parser::parse_query;
