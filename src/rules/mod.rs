//! Rules: the query language (syntax tree in [`ast`], word segmentation shared with items in
//! [`words`]).

pub mod ast;
pub mod words;
