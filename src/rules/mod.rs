//! Rules: what users want to hear about, written in the query language of docs/QUERY.md.
//!
//! A query is parsed ([`syntax`]) into a tree ([`ast`]) whose words are normalized and
//! segmented exactly like item text ([`words`]); all rules of a config are then compiled into
//! ONE [`matcher::Matcher`], so matching an item costs time in proportion to the item, not to
//! the number of rules. [`RuleSet`] ties that to the config: it reports every rule's errors as
//! `file:line:col` diagnostics and answers "which rules match this item, and why".

pub mod ast;
pub mod explain;
pub mod matcher;
pub mod syntax;
pub mod words;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::config::{
    AlertCap, Config, ConfigError, Diagnostic, FeedConfig, Location, QuietHours, Severity,
};
use crate::feed::Item;
use matcher::{Entities, FeedRef, Matcher, RuleInput, Span};

/// The name under which `test-rule --query` reports its ad-hoc query.
pub const AD_HOC_RULE: &str = "query";

/// A rule's identity and what it asks for once it matches.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub name: String,
    pub severity: Severity,
    pub notify: Vec<Notify>,
    /// How its matches are grouped into stories; `None` when every match alerts.
    pub cluster: Option<Cluster>,
    /// At most one story follow-up per this period; `None`: no follow-ups.
    pub story_update: Option<std::time::Duration>,
    pub max_alerts: Option<AlertCap>,
}

/// A rule's story clustering settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cluster {
    /// `cluster_threshold`, or the engine's default.
    pub threshold: Option<f64>,
}

/// A channel a rule notifies, and the digest period its alerts wait for there: the rule's
/// own `digest`, else the channel's, else none (sent at once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notify {
    pub channel: String,
    pub digest: Option<std::time::Duration>,
    /// The channel's quiet hours.
    pub quiet: Option<QuietHours>,
}

/// One rule matching one item, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemMatch {
    pub rule: String,
    pub spans: Vec<Span>,
}

/// Why an ad-hoc query ([`RuleSet::from_query`]) cannot run: where in it (1-based column, in
/// characters) when the query itself is wrong, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for QueryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(column) => write!(f, "query: column {column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Every rule of a config, compiled once at load time.
pub struct RuleSet {
    rules: Vec<RuleInfo>,
    matcher: Matcher,
    /// Feed name to its tags, so scopes like `tag:filings` can be checked per item.
    feed_tags: HashMap<String, Vec<String>>,
    /// What compiles but is likely not what was meant (lower-case `or` between words), for
    /// `check` and the daemon's start to print.
    warnings: Vec<Diagnostic>,
}

/// A query's first error as [`crate::config::QueryCheck`] wants it: its column (in characters,
/// from 1) and the message, or nothing when it parses against `entities`.
pub fn check_query(query: &str, entities: &[&str]) -> Result<(), (usize, String)> {
    syntax::parse_query(query, entities)
        .map(drop)
        .map_err(|error| (error.column, error.message))
}

/// Warnings for lower-case `and`/`or`/`not` between words of `query`, which starts at `start`
/// of `file`; each message begins with `subject`.
fn lowercase_operator_warnings(
    query: &str,
    file: &Path,
    start: Location,
    subject: &str,
) -> Vec<Diagnostic> {
    syntax::lowercase_operators(query)
        .into_iter()
        .map(|(column, word)| Diagnostic {
            file: file.to_path_buf(),
            location: Some(Location {
                line: start.line,
                col: start.col + column - 1,
            }),
            message: format!(
                "{subject}\"{word}\" is searched for as a word, since operators are upper case: \
                 write {} to combine terms, or put \"{word}\" in quotes to search for the word",
                word.to_uppercase()
            ),
        })
        .collect()
}

/// An alias's error as [`crate::config::AliasCheck`] wants it, or nothing when it parses.
pub fn check_alias(alias: &str) -> Result<(), String> {
    syntax::parse_alias(alias).map(drop)
}

impl RuleSet {
    /// Compiles the config's rules; every error of every rule and entity is reported at once.
    pub fn from_config(config: &Config) -> Result<RuleSet, ConfigError> {
        let mut diagnostics = Vec::new();
        let entities = expand_entities(config, &mut diagnostics);
        let names = entity_names(config);
        let mut exprs = Vec::with_capacity(config.rules.len());
        let mut warnings = Vec::new();
        for rule in &config.rules {
            warnings.extend(lowercase_operator_warnings(
                &rule.query,
                &config.path,
                rule.query_location,
                &format!("rule \"{}\": ", rule.name),
            ));
            match syntax::parse_query(&rule.query, &names) {
                Ok(expr) => exprs.push(expr),
                Err(error) => diagnostics.push(Diagnostic {
                    file: config.path.clone(),
                    // Columns inside a single-line query; a multi-line one points at its start
                    // line with the query's own column, which still finds the token.
                    location: Some(Location {
                        line: rule.query_location.line,
                        col: rule.query_location.col + error.column.saturating_sub(1),
                    }),
                    message: format!("rule \"{}\": {}", rule.name, error.message),
                }),
            }
        }
        if !diagnostics.is_empty() {
            return Err(ConfigError { diagnostics });
        }
        let inputs: Vec<RuleInput<'_>> = config
            .rules
            .iter()
            .zip(&exprs)
            .map(|(rule, expr)| RuleInput {
                expr,
                scope: &rule.feeds,
            })
            .collect();
        let matcher = Matcher::compile(&inputs, &entities)
            .map_err(|message| whole_config_error(config, message))?;
        Ok(RuleSet {
            rules: config
                .rules
                .iter()
                .map(|rule| RuleInfo {
                    name: rule.name.clone(),
                    severity: rule.severity,
                    notify: rule
                        .notify
                        .iter()
                        .map(|channel| {
                            let config = config.channels.iter().find(|c| &c.name == channel);
                            Notify {
                                channel: channel.clone(),
                                digest: rule.digest.or_else(|| config.and_then(|c| c.digest)),
                                quiet: config.and_then(|c| c.quiet_hours),
                            }
                        })
                        .collect(),
                    cluster: rule.cluster.then_some(Cluster {
                        threshold: rule.cluster_threshold,
                    }),
                    story_update: rule.story_update,
                    max_alerts: rule.max_alerts,
                })
                .collect(),
            matcher,
            feed_tags: feed_tags(config),
            warnings,
        })
    }

    /// Queries that compile but likely mean something else, as warnings with their position.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// An ad-hoc query (`test-rule --query`) using the config's entities, as one unscoped rule
    /// named [`AD_HOC_RULE`].
    pub fn from_query(query: &str, config: &Config) -> Result<RuleSet, QueryProblem> {
        let mut diagnostics = Vec::new();
        let entities = expand_entities(config, &mut diagnostics);
        if let Some(first) = diagnostics.first() {
            return Err(QueryProblem {
                column: None,
                message: first.to_string(),
            });
        }
        let expr = syntax::parse_query(query, &entity_names(config)).map_err(|e| QueryProblem {
            column: Some(e.column),
            message: e.message,
        })?;
        let matcher = Matcher::compile(
            &[RuleInput {
                expr: &expr,
                scope: &[],
            }],
            &entities,
        )
        .map_err(|message| QueryProblem {
            column: None,
            message,
        })?;
        Ok(RuleSet {
            rules: vec![RuleInfo {
                name: AD_HOC_RULE.to_string(),
                severity: Severity::Info,
                notify: Vec::new(),
                // `test-rule` shows how the query's matches would form stories.
                cluster: Some(Cluster { threshold: None }),
                story_update: None,
                max_alerts: None,
            }],
            matcher,
            feed_tags: feed_tags(config),
            // The query was typed on the command line: its warnings point there.
            warnings: lowercase_operator_warnings(
                query,
                Path::new("--query"),
                Location { line: 1, col: 1 },
                "",
            ),
        })
    }

    /// Only the rule named `name`, for `test-rule --rule`.
    pub fn only(config: &Config, name: &str) -> Result<RuleSet, ConfigError> {
        let mut narrowed = config.clone();
        narrowed.rules.retain(|rule| rule.name == name);
        if narrowed.rules.is_empty() {
            let known: Vec<&str> = config.rules.iter().map(|r| r.name.as_str()).collect();
            let hint = crate::config::closest_name(name, &known)
                .map(|n| format!(" (did you mean \"{n}\"?)"))
                .unwrap_or_default();
            return Err(whole_config_error(
                config,
                format!("no rule named \"{name}\"{hint}"),
            ));
        }
        RuleSet::from_config(&narrowed)
    }

    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    /// Which rules match `item`. With `feed` the rules' feed scopes apply; without it (an item
    /// from a URL or file that belongs to no configured feed) they do not.
    pub fn match_item(&self, item: &Item, feed: Option<&FeedConfig>) -> Vec<ItemMatch> {
        self.match_scoped(item, feed.map(|f| f.name.as_str()))
    }

    /// [`match_item`](Self::match_item) for an item of the feed named `feed`, by name: the
    /// rules' scopes apply, with the feed's tags in the config (none if it has no such feed).
    pub fn match_in_feed(&self, item: &Item, feed: &str) -> Vec<ItemMatch> {
        self.match_scoped(item, Some(feed))
    }

    fn match_scoped(&self, item: &Item, feed: Option<&str>) -> Vec<ItemMatch> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let no_tags = Vec::new();
        let tags = feed
            .and_then(|name| self.feed_tags.get(name))
            .unwrap_or(&no_tags);
        let Some(prepared) = self.matcher.prepare(item, tags) else {
            return Vec::new();
        };
        let feed_ref = feed.map(|name| FeedRef { name, tags });
        self.matcher
            .match_item(&prepared, feed_ref.as_ref())
            .into_iter()
            .filter_map(|m| {
                Some(ItemMatch {
                    rule: self.rules.get(m.rule)?.name.clone(),
                    spans: m.spans,
                })
            })
            .collect()
    }
}

fn entity_names(config: &Config) -> Vec<&str> {
    config.entities.keys().map(String::as_str).collect()
}

/// Parses every alias of every entity; a bad alias is a diagnostic, not a silent drop.
fn expand_entities(config: &Config, diagnostics: &mut Vec<Diagnostic>) -> Entities {
    let mut entities = Entities::new();
    for (name, aliases) in &config.entities {
        let mut atoms = Vec::with_capacity(aliases.len());
        for alias in aliases {
            match syntax::parse_alias(alias) {
                Ok(atom) => atoms.push(atom),
                Err(message) => diagnostics.push(Diagnostic {
                    file: config.path.clone(),
                    location: None,
                    message: format!("entity \"{name}\": alias {alias:?}: {message}"),
                }),
            }
        }
        entities.insert(name.clone(), atoms);
    }
    entities
}

fn feed_tags(config: &Config) -> HashMap<String, Vec<String>> {
    config
        .feeds
        .iter()
        .map(|f| (f.name.clone(), f.tags.clone()))
        .collect()
}

fn whole_config_error(config: &Config, message: String) -> ConfigError {
    ConfigError {
        diagnostics: vec![Diagnostic {
            file: config.path.clone(),
            location: None,
            message,
        }],
    }
}
