//! Entity aliases: each config string of an entity to one atom, a regex when written `/re/` or
//! `/re/i`, else a term or phrase. Aliases are not query text, so they skip the lexer.

use super::parser::check_regex;
use crate::rules::ast::Atom;
use crate::rules::words::query_words;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
