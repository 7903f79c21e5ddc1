//! A string → rule query: parsed, printed and parsed back (the printer's documented round
//! trip), compiled with `RuleSet::from_query` against a config with two entities, and matched
//! against a fixed item in English and Chinese; every span of every match is checked and
//! highlighted the way `test-rule` shows it.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newswatch::config::{self, Config, FeedConfig};
use newswatch::feed::Item;
use newswatch::rules::RuleSet;
use newswatch::rules::ast::Field;
use newswatch::rules::explain::{Highlight, excerpt, highlight};
use newswatch::rules::matcher::PreparedItem;
use newswatch::rules::syntax::parse_query;

mod common;

const CONFIG: &str = r#"
[entities]
alibaba = ["Alibaba", "Alibaba Group", "阿里巴巴", "阿里云", "/\\bBABA\\b/"]
pla = ["PLA", "People's Liberation Army", "中国人民解放军", "解放军", "/p\\.?l\\.?a\\./i"]

[[feed]]
name = "reuters-china"
url = "https://www.reuters.test/world/china/rss"
tags = ["news", "zh"]
"#;

struct Fixture {
    config: Config,
    item: Item,
    tags: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let config = config::parse_str(
            CONFIG,
            Path::new("/nonexistent/fuzz.toml"),
            newswatch::daemon::CHECKS,
        )
        .expect("the fixed config is valid");
        let item = Item {
            feed: "reuters-china".to_owned(),
            entry_id: "urn:fuzz:1".to_owned(),
            title: "Alibaba’s cloud arm denies PLA ties — 阿里巴巴否认与解放军有关".to_owned(),
            summary: "The People's Liberation Army (中国人民解放军) named BABA and Alibaba Group \
                      in a report; ＡＬＩＢＡＢＡ shares fell 3.5% in Hong Kong."
                .to_owned(),
            content: "阿里巴巴集团周三表示，该公司与军方没有任何联系。Alibaba Cloud said \
                      “military ties” were false. Straße İstanbul ﬁnance ΣΊΣΥΦΟΣ"
                .to_owned(),
            authors: vec!["Jane Doe".to_owned(), "李明".to_owned()],
            categories: vec!["Business".to_owned(), "科技".to_owned()],
            link: Some("https://www.reuters.test/world/china/alibaba-pla-2024-05-01/".to_owned()),
            canonical_link: Some(
                "https://www.reuters.test/world/china/alibaba-pla-2024-05-01/".to_owned(),
            ),
            published: None,
            updated: None,
        };
        let tags = config.feeds[0].tags.clone();
        Fixture { config, item, tags }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let fixture = fixture();
    let names: Vec<&str> = fixture.config.entities.keys().map(String::as_str).collect();
    if let Ok(expr) = parse_query(query, &names) {
        let printed = expr.to_string();
        let reparsed = parse_query(&printed, &names)
            .unwrap_or_else(|e| panic!("{query:?} printed as {printed:?}, which fails: {e}"));
        assert_eq!(reparsed, expr, "{query:?} printed as {printed:?}");
    }
    let Ok(rules) = RuleSet::from_query(query, &fixture.config) else {
        return;
    };
    let prepared = PreparedItem::new(&fixture.item, &fixture.tags);
    common::check_prepared(&prepared);
    let feed: &FeedConfig = &fixture.config.feeds[0];
    for scope in [None, Some(feed)] {
        for hit in rules.match_item(&fixture.item, scope) {
            for span in &hit.spans {
                let text = &prepared.fields[span.field.index()].text;
                assert!(
                    span.start <= span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{query:?}: span {span:?} out of {text:?}"
                );
                assert_eq!(&text[span.start..span.end], span.text, "{query:?}");
            }
            let field_text = |field: Field| prepared.fields[field.index()].text.as_str();
            highlight(
                field_text(Field::Title),
                Field::Title,
                &hit.spans,
                Highlight::Ansi,
            );
            for field in Field::ALL {
                excerpt(
                    field_text(field),
                    field,
                    &hit.spans,
                    60,
                    Highlight::Brackets,
                );
            }
        }
    }
});
