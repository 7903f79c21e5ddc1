//! The syntax tree of a rule query, shared by the parser (which builds it), the pretty-printer
//! (which writes it back as query text) and the compiler (which turns every rule's tree into one
//! matcher). Words in the tree are already normalized and segmented exactly like item text (see
//! [`super::words`]), so the compiler compares like with like.

use std::fmt;

/// Where in an item a query looks. Without a field prefix a query looks at
/// [`Field::DEFAULT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Summary,
    Content,
    Author,
    Category,
    /// The link, its host and the host's parent domains (`link:reuters.com`).
    Link,
    /// The feed's name and its tags as `tag:NAME`.
    Feed,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Title,
        Field::Summary,
        Field::Content,
        Field::Author,
        Field::Category,
        Field::Link,
        Field::Feed,
    ];

    /// The fields a query without a field prefix looks at.
    pub const DEFAULT: [Field; 3] = [Field::Title, Field::Summary, Field::Content];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Content => "content",
            Field::Author => "author",
            Field::Category => "category",
            Field::Link => "link",
            Field::Feed => "feed",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Index into per-field arrays (`[T; Field::COUNT]`).
    pub fn index(self) -> usize {
        self as usize
    }

    pub const COUNT: usize = 7;
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A leaf pattern: what matches at some word positions of a field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Atom {
    /// Words in sequence. A bare term is one word; a phrase, or a term that segments into
    /// several words (`US-China` is `["us", "china"]`), is several. Never empty.
    Words(Vec<String>),
    /// One word that matches any word starting with it: `sanction*` is `Prefix("sanction")`.
    Prefix(String),
    /// A Rust `regex` over the field's normalized text (case kept), case-sensitive unless
    /// `case_insensitive`.
    Regex {
        pattern: String,
        case_insensitive: bool,
    },
}

/// A query, after parsing. `And`/`Or` hold at least two operands; the parser flattens nested
/// ones of the same kind (`a AND (b AND c)` is one `And` of three).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Expr {
    /// A pattern, in one field or (with `None`) in [`Field::DEFAULT`].
    Match {
        atom: Atom,
        field: Option<Field>,
    },
    /// `@name`: any alias of the entity, each alias parsed as a term, phrase or regex. The
    /// parser has checked that the entity exists; the compiler expands it.
    Entity {
        name: String,
        field: Option<Field>,
    },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// Both operands in the same field, in either order, at most `distance` word positions
    /// apart, counted from the last word of the first match to the first word of the second
    /// (adjacent words are 1 apart). Operands are `Match`, `Entity`, or an `Or` of those.
    Near {
        left: Box<Expr>,
        right: Box<Expr>,
        distance: u32,
    },
}
