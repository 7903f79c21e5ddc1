//! Concepts: which of the config's `[entities]` an item mentions, as story features.
//!
//! An entity's alias list is the user's own statement that "Alibaba", "BABA" and "阿里巴巴"
//! name one thing, which is exactly the bridge story clustering needs between outlets and
//! languages. The aliases are matched by the rule engine itself (one compiled matcher with a
//! rule `@name` per entity), so a concept is found in an item exactly when a query `@name`
//! would match it. Entities that every item of a rule mentions get a low IDF weight in the
//! story index, so they do not make every item look alike.

use crate::config::{Config, Location, RuleConfig, Severity};
use crate::feed::Item;
use crate::rules::{ItemMatch, RuleSet};

/// The config's entities, compiled for matching.
pub struct Concepts {
    /// One rule per entity, named after it. `None` when the config has no entities.
    rules: Option<RuleSet>,
}

impl Concepts {
    /// Compiles every entity of `config` as a rule `@name`. An entity whose aliases do not
    /// compile (a config that passed `check` has none) is left out rather than failing the
    /// daemon: concepts only refine clustering.
    pub fn from_config(config: &Config) -> Concepts {
        let mut entity_rules = config.clone();
        entity_rules.rules = config
            .entities
            .keys()
            .map(|name| RuleConfig {
                name: name.clone(),
                query: format!("@{name}"),
                query_location: Location { line: 1, col: 1 },
                feeds: Vec::new(),
                severity: Severity::Info,
                notify: Vec::new(),
                digest: None,
                cluster: false,
                cluster_threshold: None,
                story_update: None,
                max_alerts: None,
            })
            .collect();
        if entity_rules.rules.is_empty() {
            return Concepts { rules: None };
        }
        let rules = RuleSet::from_config(&entity_rules).ok().or_else(|| {
            entity_rules
                .rules
                .retain(|rule| RuleSet::from_query(&rule.query, config).is_ok());
            RuleSet::from_config(&entity_rules).ok()
        });
        Concepts { rules }
    }

    /// Names of the entities that `item`'s title or summary mentions (the text a fingerprint
    /// is made of), in name order.
    pub fn of(&self, item: &Item) -> Vec<String> {
        self.in_text(&item.title, &item.summary)
    }

    /// What an item's rules matched in it, for [`Fingerprint::in_scope`]: each matched
    /// text, and the names of the entities it is an alias of.
    ///
    /// [`Fingerprint::in_scope`]: super::Fingerprint::in_scope
    pub fn scope_words<'a>(&self, matches: impl IntoIterator<Item = &'a ItemMatch>) -> Vec<String> {
        let mut words: Vec<String> = matches
            .into_iter()
            .flat_map(|m| m.spans.iter().map(|span| span.text.clone()))
            .collect();
        words.sort();
        words.dedup();
        let entities: Vec<String> = words
            .iter()
            .flat_map(|text| self.in_text(text, ""))
            .collect();
        words.extend(entities);
        words.sort();
        words.dedup();
        words
    }

    /// Names of the entities `title` or `summary` mentions, in name order.
    fn in_text(&self, title: &str, summary: &str) -> Vec<String> {
        let Some(rules) = &self.rules else {
            return Vec::new();
        };
        let text_only = Item {
            title: title.to_string(),
            summary: summary.to_string(),
            ..Default::default()
        };
        let mut names: Vec<String> = rules
            .match_item(&text_only, None)
            .into_iter()
            .map(|m| m.rule)
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let text = r#"
[entities]
alibaba = ["Alibaba", "阿里巴巴", "/\\bBABA\\b/"]
pla = ["PLA", "解放军"]
"#;
        crate::config::parse_str(
            text,
            std::path::Path::new("test.toml"),
            crate::daemon::CHECKS,
        )
        .expect("valid config")
    }

    fn item(title: &str, summary: &str) -> Item {
        Item {
            feed: "f".into(),
            entry_id: "1".into(),
            title: title.into(),
            summary: summary.into(),
            content: "PLA".into(),
            authors: Vec::new(),
            categories: Vec::new(),
            link: None,
            canonical_link: None,
            published: None,
            updated: None,
        }
    }

    #[test]
    fn entities_mentioned_in_title_or_summary_are_concepts() {
        let concepts = Concepts::from_config(&config());
        assert_eq!(concepts.of(&item("阿里巴巴股价下跌", "")), ["alibaba"]);
        assert_eq!(
            concepts.of(&item("BABA slides", "解放军 ties alleged")),
            ["alibaba", "pla"]
        );
        assert!(
            concepts.of(&item("Baba slides", "")).is_empty(),
            "content is not looked at"
        );
    }

    #[test]
    fn a_config_without_entities_has_no_concepts() {
        let config = crate::config::parse_str(
            "",
            std::path::Path::new("empty.toml"),
            crate::daemon::CHECKS,
        )
        .expect("valid config");
        assert!(
            Concepts::from_config(&config)
                .of(&item("Alibaba", ""))
                .is_empty()
        );
    }
}
