//! The rule matcher: every rule's [`Expr`] compiled into one [`Matcher`] that evaluates an item
//! in time proportional to the item's length, not to rules × length.
//!
//! It owns the step between a prepared item and "which rules matched, with which evidence".
//! The shape follows from that cost bound:
//!
//! 1. Compilation deduplicates every leaf pattern (term, phrase, prefix, regex, entity alias)
//!    across all rules into one table of atoms, and builds one index per kind: word sequences
//!    become sequences of word ids, indexed by their first id; prefixes go into one table
//!    looked up at word starts; the regexes of each field go into one `RegexSet`.
//! 2. Matching turns each field's words into ids once, walks them once against those indexes,
//!    and produces an occurrence table: for every atom that occurred, where (field, word
//!    positions, bytes).
//! 3. Only rules with a trigger atom that occurred are evaluated (an `AND` triggers on its
//!    most specific operand only: `a AND the` cannot match without `a`), plus the rare rule
//!    that can match with no positive evidence, such as `NOT a OR b`; each walks its compiled tree over
//!    the occurrence table, collecting the spans that made it match.
//!
//! Before step 2, a gate (compiled in step 1) turns away the items that cannot match any rule
//! by a substring search of their raw fields for the literals of the trigger atoms, so that
//! most items are never prepared.
//!
//! Each step has its file: `gate` (step 0: what step 1 compiles it from), `compile` (step 1),
//! `scan` (step 2), `evaluate` (step 3); each imports only from the steps before it.
//!
//! [`Expr`]: crate::rules::ast::Expr

mod compile;
mod evaluate;
mod gate;
mod scan;
#[cfg(test)]
mod tests;

pub use compile::{Entities, Matcher, RuleInput};
pub use evaluate::{FeedRef, RuleMatch, Span};
pub use scan::PreparedItem;
