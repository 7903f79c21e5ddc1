//! The matcher as a whole, through its public entry points: the query-semantics table, many
//! rules at once, and the property test against a slow reference evaluator.

use proptest::prelude::*;
use regex::Regex;

use super::compile::Entities;
use super::compile::tests::{
    and, compile, ent, entities, near, not, or, pre, re, rei, t, tf, words,
};
use super::evaluate::RuleMatch;
use super::scan::PreparedItem;
use super::scan::tests::item;
use crate::rules::ast::{Atom, Expr, Field};
use crate::rules::words::FieldText;

use Field::{Author, Category, Content, Link, Summary, Title};

type Case<'a> = (
    &'a str,
    Expr,
    Vec<(Field, &'a str)>,
    Option<Vec<(Field, &'a str)>>,
);

fn cases() -> Vec<Case<'static>> {
    let pentagon = vec![(Title, "Alibaba named by Pentagon")];
    vec![
        (
            "term",
            t("alibaba"),
            vec![(Title, "Alibaba shares rise")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "term is a whole word",
            t("alibaba"),
            vec![(Title, "Alibabas everywhere")],
            None,
        ),
        (
            "term in content",
            t("alibaba"),
            vec![(Content, "news about alibaba")],
            Some(vec![(Content, "alibaba")]),
        ),
        (
            "term absent",
            t("alibaba"),
            vec![(Title, "Tencent results")],
            None,
        ),
        (
            "term in several fields",
            t("alibaba"),
            vec![(Title, "Alibaba"), (Summary, "ALIBABA again")],
            Some(vec![(Title, "Alibaba"), (Summary, "ALIBABA")]),
        ),
        (
            "phrase",
            t("cloud unit"),
            vec![(Title, "Alibaba cloud unit grows")],
            Some(vec![(Title, "cloud unit")]),
        ),
        (
            "phrase out of order",
            t("cloud unit"),
            vec![(Title, "unit of cloud")],
            None,
        ),
        (
            "phrase across punctuation",
            t("cloud unit"),
            vec![(Title, "cloud, unit")],
            Some(vec![(Title, "cloud, unit")]),
        ),
        (
            "phrase split across fields",
            t("cloud unit"),
            vec![(Title, "its cloud"), (Summary, "unit sold")],
            None,
        ),
        (
            "prefix",
            pre("sanction"),
            vec![(Title, "New sanctions imposed")],
            Some(vec![(Title, "sanctions")]),
        ),
        (
            "prefix only at word start",
            pre("sanction"),
            vec![(Title, "unsanctioned trade")],
            None,
        ),
        (
            "prefix equal to the word",
            pre("sanction"),
            vec![(Title, "a sanction")],
            Some(vec![(Title, "sanction")]),
        ),
        (
            "regex case-sensitive",
            re(r"\bBABA\b"),
            vec![(Title, "BABA rose")],
            Some(vec![(Title, "BABA")]),
        ),
        (
            "regex word boundary is Unicode-aware",
            re(r"\bBABA\b"),
            vec![(Title, "阿BABA rose, BABA阿 too")],
            None,
        ),
        (
            "regex case-sensitive misses lower case",
            re(r"\bBABA\b"),
            vec![(Title, "baba rose")],
            None,
        ),
        (
            "regex /i",
            rei("alibaba"),
            vec![(Title, "ALIBABA rose")],
            Some(vec![(Title, "ALIBABA")]),
        ),
        (
            "regex every match is evidence",
            re(r"\d+%"),
            vec![(Title, "up 4% then 5%")],
            Some(vec![(Title, "4%"), (Title, "5%")]),
        ),
        (
            "entity by term",
            ent("alibaba"),
            vec![(Title, "Alibaba cloud")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "entity by regex alias",
            ent("alibaba"),
            vec![(Title, "BABA falls")],
            Some(vec![(Title, "BABA")]),
        ),
        (
            "entity CJK alias inside a longer name",
            ent("alibaba"),
            vec![(Title, "阿里巴巴集团")],
            Some(vec![(Title, "阿里巴巴")]),
        ),
        (
            "entity phrase alias",
            ent("pla"),
            vec![(Summary, "the People’s Liberation Army said")],
            Some(vec![(Summary, "People's Liberation Army")]),
        ),
        (
            "CJK phrase inside CJK text",
            t("阿里巴巴"),
            vec![(Title, "阿里巴巴集团发布")],
            Some(vec![(Title, "阿里巴巴")]),
        ),
        (
            "latin word inside CJK",
            t("alibaba"),
            vec![(Title, "阿里巴巴Alibaba集团")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "typographic apostrophe",
            t("people's liberation army"),
            vec![(Title, "People’s Liberation Army")],
            Some(vec![(Title, "People's Liberation Army")]),
        ),
        (
            "possessive",
            t("alibaba"),
            vec![(Title, "Alibaba's cloud")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "full-width letters",
            t("alibaba"),
            vec![(Title, "ＡＬＩＢＡＢＡ rose")],
            Some(vec![(Title, "ALIBABA")]),
        ),
        (
            "hyphenated term",
            t("US-China"),
            vec![(Title, "US-China talks")],
            Some(vec![(Title, "US-China")]),
        ),
        (
            "title: only title",
            tf(Title, "alibaba"),
            vec![(Content, "alibaba")],
            None,
        ),
        (
            "content: field",
            tf(Content, "alibaba"),
            vec![(Title, "x"), (Content, "alibaba")],
            Some(vec![(Content, "alibaba")]),
        ),
        (
            "default fields exclude author",
            t("smith"),
            vec![(Author, "John Smith")],
            None,
        ),
        (
            "author:",
            tf(Author, "smith"),
            vec![(Author, "John Smith")],
            Some(vec![(Author, "Smith")]),
        ),
        (
            "category:",
            tf(Category, "technology"),
            vec![(Category, "Technology")],
            Some(vec![(Category, "Technology")]),
        ),
        (
            "link: parent domain",
            tf(Link, "reuters.com"),
            vec![(Link, "https://www.reuters.com/x")],
            Some(vec![(Link, "reuters.com")]),
        ),
        (
            "link: no bare TLD",
            tf(Link, "com"),
            vec![(Link, "https://www.reuters.com/x")],
            None,
        ),
        (
            "AND",
            and(vec![t("alibaba"), ent("pla")]),
            vec![(Title, "Alibaba and the PLA")],
            Some(vec![(Title, "Alibaba"), (Title, "PLA")]),
        ),
        (
            "AND missing one",
            and(vec![t("alibaba"), ent("pla")]),
            vec![(Title, "Alibaba alone")],
            None,
        ),
        (
            "AND across fields",
            and(vec![t("alibaba"), t("pla")]),
            vec![(Title, "Alibaba"), (Content, "PLA")],
            Some(vec![(Title, "Alibaba"), (Content, "PLA")]),
        ),
        (
            "OR keeps matched branches only",
            or(vec![t("alibaba"), t("tencent")]),
            vec![(Title, "Alibaba rises")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "OR both branches",
            or(vec![t("alibaba"), t("tencent")]),
            vec![(Title, "Alibaba and Tencent")],
            Some(vec![(Title, "Alibaba"), (Title, "Tencent")]),
        ),
        (
            "NOT excludes",
            and(vec![t("alibaba"), not(or(vec![t("stock"), t("shares")]))]),
            vec![(Title, "Alibaba shares")],
            None,
        ),
        (
            "NOT gives no spans",
            and(vec![t("alibaba"), not(t("stock"))]),
            vec![(Title, "Alibaba cloud")],
            Some(vec![(Title, "Alibaba")]),
        ),
        (
            "OR with NOT matches without evidence",
            or(vec![not(t("stock")), t("alibaba")]),
            vec![(Title, "quiet day")],
            Some(vec![]),
        ),
        (
            "NEAR at the distance",
            near(t("alibaba"), t("pentagon"), 3),
            pentagon.clone(),
            Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
        ),
        (
            "NEAR one short",
            near(t("alibaba"), t("pentagon"), 2),
            pentagon.clone(),
            None,
        ),
        (
            "NEAR other order",
            near(t("pentagon"), t("alibaba"), 3),
            pentagon.clone(),
            Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
        ),
        (
            "NEAR other order one short",
            near(t("pentagon"), t("alibaba"), 2),
            pentagon,
            None,
        ),
        (
            "NEAR adjacent is 1",
            near(t("alibaba"), t("cloud"), 1),
            vec![(Title, "Alibaba cloud")],
            Some(vec![(Title, "Alibaba"), (Title, "cloud")]),
        ),
        (
            "NEAR from the last word of a phrase",
            near(ent("pla"), t("alibaba"), 1),
            vec![(Title, "People's Liberation Army, Alibaba")],
            Some(vec![
                (Title, "People's Liberation Army"),
                (Title, "Alibaba"),
            ]),
        ),
        (
            "NEAR not across fields",
            near(t("alibaba"), t("pentagon"), 9),
            vec![(Title, "Alibaba"), (Summary, "Pentagon")],
            None,
        ),
        (
            "NEAR occurrences must not overlap",
            near(t("alibaba"), ent("alibaba"), 5),
            vec![(Title, "Alibaba rose")],
            None,
        ),
        (
            "NEAR same word twice",
            near(t("alibaba"), t("alibaba"), 2),
            vec![(Title, "Alibaba vs Alibaba")],
            Some(vec![(Title, "Alibaba"), (Title, "Alibaba")]),
        ),
        (
            "NEAR spans only qualifying occurrences",
            near(t("alibaba"), t("pentagon"), 3),
            vec![(
                Title,
                "Alibaba one two three four five Alibaba named by Pentagon",
            )],
            Some(vec![(Title, "Alibaba"), (Title, "Pentagon")]),
        ),
        (
            "NEAR with OR operand and regex",
            near(or(vec![t("tencent"), re(r"\bBABA\b")]), pre("sanction"), 2),
            vec![(Title, "BABA faces sanctions")],
            Some(vec![(Title, "BABA"), (Title, "sanctions")]),
        ),
        (
            "NEAR in a field",
            near(tf(Content, "alibaba"), tf(Content, "pla"), 1),
            vec![(Title, "Alibaba PLA"), (Content, "Alibaba and PLA")],
            None,
        ),
        (
            "duplicate evidence once",
            and(vec![t("alibaba"), ent("alibaba")]),
            vec![(Title, "Alibaba")],
            Some(vec![(Title, "Alibaba")]),
        ),
    ]
}

#[test]
fn query_semantics_table() {
    let cases = cases();
    assert!(cases.len() >= 40);
    for (name, expr, fields, want) in cases {
        let matcher = compile(std::slice::from_ref(&expr));
        let prepared = PreparedItem::new(&item(&fields), &[]);
        let got = matcher.match_item(&prepared, None);
        match want {
            None => assert!(got.is_empty(), "{name}: unexpected match {got:?}"),
            Some(want) => {
                assert_eq!(got.len(), 1, "{name}: no match");
                let spans: Vec<(Field, &str)> = got[0]
                    .spans
                    .iter()
                    .map(|s| (s.field, s.text.as_str()))
                    .collect();
                assert_eq!(spans, want, "{name}");
                for span in &got[0].spans {
                    let text = &prepared.fields[span.field.index()].text;
                    assert_eq!(&text[span.start..span.end], span.text, "{name}");
                }
            }
        }
    }
}

#[test]
fn many_rules_return_the_matching_subset_in_rule_order() {
    let cases = cases();
    let exprs: Vec<Expr> = cases.iter().map(|c| c.1.clone()).collect();
    let all = compile(&exprs);
    assert_eq!(all.rule_count(), exprs.len());
    for (name, _, fields, _) in &cases {
        let prepared = PreparedItem::new(&item(fields), &[]);
        let got = all.match_item(&prepared, None);
        // Each rule alone decides the expected answer; the table test has checked those.
        let want: Vec<RuleMatch> = exprs
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let alone = compile(std::slice::from_ref(e)).match_item(&prepared, None);
                alone.into_iter().next().map(|m| RuleMatch { rule: i, ..m })
            })
            .collect();
        assert_eq!(got, want, "{name}");
        assert!(
            !want.is_empty() && want.len() < exprs.len() / 2,
            "{name}: {want:?}"
        );
    }
}

// ---- Differential test against a deliberately simple evaluator. ----

/// Where an atom occurred, as the reference sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RefOccurrence {
    field: Field,
    words: Option<(usize, usize)>,
    start: usize,
    end: usize,
}

fn fields_of(field: Option<Field>) -> Vec<Field> {
    field.map_or(Field::DEFAULT.to_vec(), |f| vec![f])
}

fn reference_occurrences(atom: &Atom, field: Field, text: &FieldText) -> Vec<RefOccurrence> {
    let n = text.words.len();
    let word_range = |first: usize, last: usize| RefOccurrence {
        field,
        words: Some((first, last)),
        start: text.words[first].start as usize,
        end: text.words[last].end as usize,
    };
    match atom {
        Atom::Words(ws) => (0..n)
            .filter(|&i| i + ws.len() <= n && (0..ws.len()).all(|k| text.word(i + k) == ws[k]))
            .map(|i| word_range(i, i + ws.len() - 1))
            .collect(),
        Atom::Prefix(p) => (0..n)
            .filter(|&i| text.word(i).starts_with(p.as_str()))
            .map(|i| word_range(i, i))
            .collect(),
        Atom::Regex {
            pattern,
            case_insensitive,
        } => {
            let source = if *case_insensitive {
                format!("(?i){pattern}")
            } else {
                pattern.clone()
            };
            let regex = Regex::new(&source).expect("test regexes are valid");
            regex
                .find_iter(&text.text)
                .map(|m| {
                    let covered: Vec<usize> = (0..n)
                        .filter(|&i| {
                            (text.words[i].start as usize) < m.end()
                                && (text.words[i].end as usize) > m.start()
                        })
                        .collect();
                    RefOccurrence {
                        field,
                        words: covered.first().zip(covered.last()).map(|(a, b)| (*a, *b)),
                        start: m.start(),
                        end: m.end(),
                    }
                })
                .collect()
        }
    }
}

fn leaf_occurrences(expr: &Expr, item: &PreparedItem, entities: &Entities) -> Vec<RefOccurrence> {
    let mut out = Vec::new();
    let (atoms, field) = match expr {
        Expr::Match { atom, field } => (vec![atom.clone()], *field),
        Expr::Entity { name, field } => (entities[name].clone(), *field),
        Expr::Or(children) => {
            return children
                .iter()
                .flat_map(|c| leaf_occurrences(c, item, entities))
                .collect();
        }
        _ => unreachable!("generated NEAR operands are leaves or ORs of leaves"),
    };
    for atom in &atoms {
        for f in fields_of(field) {
            out.extend(reference_occurrences(atom, f, &item.fields[f.index()]));
        }
    }
    out
}

fn reference_matches(expr: &Expr, item: &PreparedItem, entities: &Entities) -> bool {
    match expr {
        Expr::Match { .. } | Expr::Entity { .. } => {
            !leaf_occurrences(expr, item, entities).is_empty()
        }
        Expr::And(c) => c.iter().all(|e| reference_matches(e, item, entities)),
        Expr::Or(c) => c.iter().any(|e| reference_matches(e, item, entities)),
        Expr::Not(e) => !reference_matches(e, item, entities),
        Expr::Near {
            left,
            right,
            distance,
        } => {
            let lefts = leaf_occurrences(left, item, entities);
            let rights = leaf_occurrences(right, item, entities);
            let d = *distance as usize;
            lefts.iter().any(|l| {
                rights.iter().any(|r| {
                    let (Some((ls, le)), Some((rs, re))) = (l.words, r.words) else {
                        return false;
                    };
                    l.field == r.field && ((le < rs && rs - le <= d) || (re < ls && ls - re <= d))
                })
            })
        }
    }
}

/// Every (field, start, end) where some leaf of `expr` occurs.
fn all_leaf_places(
    expr: &Expr,
    item: &PreparedItem,
    entities: &Entities,
    out: &mut Vec<(Field, usize, usize)>,
) {
    match expr {
        Expr::Match { .. } | Expr::Entity { .. } => out.extend(
            leaf_occurrences(expr, item, entities)
                .iter()
                .map(|o| (o.field, o.start, o.end)),
        ),
        Expr::And(c) | Expr::Or(c) => c
            .iter()
            .for_each(|e| all_leaf_places(e, item, entities, out)),
        Expr::Not(e) => all_leaf_places(e, item, entities, out),
        Expr::Near { left, right, .. } => {
            all_leaf_places(left, item, entities, out);
            all_leaf_places(right, item, entities, out);
        }
    }
}

const VOCABULARY: [&str; 8] = [
    "alibaba",
    "pentagon",
    "cloud",
    "unit",
    "army",
    "stock",
    "sanctions",
    "baba",
];

fn leaf_strategy() -> impl Strategy<Value = Expr> {
    let atom = prop_oneof![
        (0..VOCABULARY.len()).prop_map(|i| words(VOCABULARY[i])),
        Just(words("cloud unit")),
        Just(words("people's liberation army")),
        Just(Atom::Prefix("sanction".into())),
        Just(Atom::Prefix("pen".into())),
        Just(Atom::Regex {
            pattern: r"\bBABA\b".into(),
            case_insensitive: false
        }),
        Just(Atom::Regex {
            pattern: r"cl[a-z]+d".into(),
            case_insensitive: true
        }),
    ];
    let field = prop_oneof![
        Just(None),
        Just(Some(Title)),
        Just(Some(Summary)),
        Just(Some(Content))
    ];
    prop_oneof![
        5 => (atom, field.clone()).prop_map(|(atom, field)| Expr::Match { atom, field }),
        1 => field.prop_map(|field| Expr::Entity { name: "alibaba".into(), field }),
    ]
}

fn expr_strategy() -> impl Strategy<Value = Expr> {
    let near_operand = prop_oneof![
        3 => leaf_strategy(),
        1 => prop::collection::vec(leaf_strategy(), 2..3).prop_map(Expr::Or),
    ];
    let near_expr =
        (near_operand.clone(), near_operand, 0u32..5).prop_map(|(l, r, d)| near(l, r, d));
    let base = prop_oneof![3 => leaf_strategy(), 1 => near_expr];
    base.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::Or),
            inner.prop_map(|e| and(vec![t("alibaba"), not(e)])),
        ]
    })
}

fn text_strategy() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        8 => (0..VOCABULARY.len()).prop_map(|i| VOCABULARY[i].to_string()),
        1 => Just("BABA".to_string()),
        1 => Just("Alibaba's".to_string()),
        1 => Just("People’s Liberation Army".to_string()),
        1 => Just("sanctioned".to_string()),
        1 => Just("阿里巴巴".to_string()),
        1 => Just("CLOUD".to_string()),
        3 => prop::sample::select(vec!["the", "of", "x", "-", ",", "unsanctioned", "penny"]).prop_map(str::to_string),
    ];
    prop::collection::vec(token, 0..14).prop_map(|tokens| tokens.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn matcher_agrees_with_reference_evaluator(
        exprs in prop::collection::vec(expr_strategy(), 5),
        title in text_strategy(),
        summary in text_strategy(),
        content in text_strategy(),
    ) {
        let entities = entities();
        let matcher = compile(&exprs);
        let prepared = PreparedItem::new(&item(&[(Title, &title), (Summary, &summary), (Content, &content)]), &[]);
        let got = matcher.match_item(&prepared, None);
        let got_rules: Vec<usize> = got.iter().map(|m| m.rule).collect();
        let want: Vec<usize> = (0..exprs.len())
            .filter(|&i| reference_matches(&exprs[i], &prepared, &entities))
            .collect();
        prop_assert_eq!(&got_rules, &want);
        for m in &got {
            let mut places = Vec::new();
            all_leaf_places(&exprs[m.rule], &prepared, &entities, &mut places);
            for span in &m.spans {
                prop_assert!(places.contains(&(span.field, span.start, span.end)), "{:?} not an occurrence", span);
            }
        }
    }
}

/// Text where rule words are rare and come in the forms normalization changes: full width,
/// other cases, ligatures, typographic quotes, odd whitespace, words run together.
fn gate_text_strategy() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        12 => prop::sample::select(vec!["the", "of", "x", "-", ",", "penny", "unsanctioned", "市场", "新闻", "Ärger", "ΣΟΦΟΣ"]).prop_map(str::to_string),
        2 => (0..VOCABULARY.len()).prop_map(|i| VOCABULARY[i].to_string()),
        1 => prop::sample::select(vec![
            "ＡＬＩＢＡＢＡ", "ＢＡＢＡ", "AliBaba", "ALIBABA’s", "Ａｌｉｂａｂａ", "阿里\n巴巴", "阿里巴巴集团",
            "Alibaba阿里巴巴", "People’s\u{3000}Liberation\tArmy", "SANCTIONS", "ﬁnance cloud", "cloud\u{a0}unit",
            "pen-ultimate", "PENTAGON", "stock\n\nstock", "Cl\u{0130}oud", "ba\u{0301}ba",
        ]).prop_map(str::to_string),
    ];
    prop::collection::vec(token, 0..10).prop_map(|tokens| tokens.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// The gate turns an item away only when no rule matches it.
    #[test]
    fn the_gate_turns_away_only_items_that_match_nothing(
        exprs in prop::collection::vec(expr_strategy(), 1..4),
        title in gate_text_strategy(),
        summary in gate_text_strategy(),
        content in gate_text_strategy(),
    ) {
        let matcher = compile(&exprs);
        let raw = item(&[(Title, &title), (Summary, &summary), (Content, &content)]);
        if !matcher.may_match(&raw, &[]) {
            let got = matcher.match_item(&PreparedItem::new(&raw, &[]), None);
            prop_assert!(got.is_empty(), "gated, yet {:?} match", got);
        }
    }
}

#[test]
fn the_gate_turns_away_what_cannot_match_and_only_that() {
    let exprs = [ent("alibaba"), and(vec![t("cloud"), not(t("unit"))])];
    let matcher = compile(&exprs);
    let may = |title: &str| matcher.may_match(&item(&[(Title, title)]), &[]);
    assert!(!may("Tencent shares rise"));
    assert!(!may("Tencent rises"));
    // A substring test: `cloudy` is no match of `cloud`, but the item is prepared to see.
    assert!(may("Tencent cloudy"));
    for title in [
        "ＡＬＩＢＡＢＡ and the Pentagon",
        "阿里巴巴",
        "BABA falls",
        "alibaba",
    ] {
        assert!(may(title), "{title}");
    }
    // A rule that can match without any word occurring turns the gate off.
    let negative = compile(&[not(t("alibaba"))]);
    assert!(negative.may_match(&item(&[(Title, "anything")]), &[]));
    // So does a regex with no literal.
    let digits = compile(&[re(r"\d+")]);
    assert!(digits.may_match(&item(&[(Title, "no digits")]), &[]));
    // Only the fields the triggers are looked for in are searched.
    let title_only = compile(&[tf(Title, "alibaba")]);
    assert!(!title_only.may_match(&item(&[(Summary, "Alibaba")]), &[]));
}
