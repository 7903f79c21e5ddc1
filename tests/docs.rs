//! The user documentation stays true to the program and to itself: `docs/CLI.md` has a section
//! for every command the binary accepts, naming each of its options (and no option it does
//! not have); every relative link of `README.md` and `docs/` leads to a file of the repository
//! and, with an anchor, to a heading there; and no page or source file sends readers to a
//! design file outside the repository. (`src/config/reference_tests.rs` does the same for the
//! configuration keys, `tests/schema.rs` for the webhook documents.)

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use common::repo_file;
use newswatch::cli::args::Cli;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text under the `## ` heading `heading`, up to the next `## ` heading.
fn section<'a>(page: &'a str, heading: &str) -> Option<&'a str> {
    let marker = format!("\n## {heading}\n");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..]
        .find("\n## ")
        .map_or(page.len(), |n| start + n);
    Some(&page[start..end])
}

/// The long options named in the first cell of the table rows of `text` (`--since DURATION`,
/// `-c FILE`, `--config FILE` give `since` and `config`).
fn option_rows(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split(" |").next())
        .flat_map(|cell| {
            cell.split('`')
                .filter_map(|part| part.strip_prefix("--"))
                .map(|option| {
                    option
                        .split([' ', '='])
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn long_options(command: &clap::Command) -> BTreeSet<String> {
    command
        .get_arguments()
        .filter_map(|arg| arg.get_long())
        .map(str::to_string)
        .collect()
}

#[test]
fn cli_reference_documents_every_command_and_option() {
    let page = read(&repo_file("docs/CLI.md"));
    let mut cli = Cli::command();
    cli.build();
    let global = section(&page, "Global options").expect("a Global options section");
    let mut globals = long_options(&cli);
    globals.extend(["help".to_string(), "version".to_string()]);
    assert_eq!(option_rows(global), globals, "docs/CLI.md, Global options");

    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        let name = command.get_name();
        let text = section(&page, name)
            .unwrap_or_else(|| panic!("docs/CLI.md has no section `## {name}`"));
        let options: BTreeSet<String> = long_options(command)
            .into_iter()
            .filter(|option| !globals.contains(option))
            .collect();
        for option in &options {
            assert!(
                text.contains(&format!("--{option}")),
                "docs/CLI.md, section {name}: --{option} is not documented"
            );
        }
        let documented = option_rows(text);
        let unknown: Vec<_> = documented.difference(&options).collect();
        assert!(
            unknown.is_empty(),
            "docs/CLI.md, section {name}: rows for options {name} does not have: {unknown:?}"
        );
    }
}

/// The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` dropped,
/// spaces made hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(page: &str) -> BTreeSet<String> {
    let mut in_code = false;
    let mut found = BTreeSet::new();
    for line in page.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            found.insert(anchor(line.trim_start_matches('#')));
        }
    }
    found
}

/// The targets of the markdown links `[text](target)` of `page`.
fn link_targets(page: &str) -> Vec<String> {
    page.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(str::to_string)
        .collect()
}

fn pages() -> Vec<PathBuf> {
    let mut pages = vec![repo_file("README.md")];
    for entry in std::fs::read_dir(repo_file("docs")).expect("docs/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    pages
}

#[test]
fn every_relative_link_of_the_docs_leads_into_the_repository() {
    let mut broken = Vec::new();
    for page_path in pages() {
        let page = read(&page_path);
        let folder = page_path.parent().expect("folder");
        for target in link_targets(&page) {
            if target.starts_with("https://") || target.starts_with("http://") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let linked = if file.is_empty() {
                page_path.clone()
            } else {
                folder.join(file)
            };
            let inside = linked
                .canonicalize()
                .is_ok_and(|path| path.starts_with(repo_file("").canonicalize().expect("repo")));
            if !inside {
                broken.push(format!("{}: {target}: no such file", page_path.display()));
                continue;
            }
            if !fragment.is_empty()
                && linked.is_file()
                && !anchors(&read(&linked)).contains(fragment)
            {
                broken.push(format!(
                    "{}: {target}: no such heading",
                    page_path.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn nothing_sends_readers_to_a_design_file_outside_the_repository() {
    // Spelt in two parts so that this file does not find itself.
    let (name, short) = (format!("{}.md", "DESIGN"), format!("{}, ", "DESIGN"));
    let mut found = Vec::new();
    let mut folders: Vec<PathBuf> = ["src", "tests", "benches", "config", "docs", "fuzz"]
        .iter()
        .map(|f| repo_file(f))
        .collect();
    let mut files = vec![repo_file("README.md"), repo_file("Cargo.toml")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with("corpus") {
                    folders.push(path);
                }
            } else {
                files.push(path);
            }
        }
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // binary fixtures
        };
        for (n, line) in text.lines().enumerate() {
            if line.contains(&name) || line.contains(&short) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "point readers at docs/ instead:\n{}",
        found.join("\n")
    );
}
