//! The crate's layers, checked on its source: imports point down only (`config`/`net` at the
//! bottom, then `feed`, `rules`, `story`, `alert`, then `store`, `daemon`, `cli`), and no two
//! files import each other, directly or through others. docs/ARCHITECTURE.md explains the
//! layers; this keeps them from eroding.
//!
//! An import is any `crate::a::b` path or `super::` path outside a file's `#[cfg(test)]`
//! module, resolved to the longest module it names. A folder's `mod.rs` declaring its
//! children is not an import, and a child naming its own ancestor (the folder's shared types)
//! is allowed; everything else counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

type Module = Vec<String>;

/// The layer of each top-level module; an import may go to the same layer or lower.
fn layer(top: &str) -> u8 {
    match top {
        "config" | "net" => 0,
        "feed" => 1,
        "rules" => 2,
        "story" => 3,
        "alert" => 4,
        "store" => 5,
        "daemon" => 6,
        "cli" => 7,
        other => {
            panic!("module {other} has no layer: add it to tests/layers.rs and ARCHITECTURE.md")
        }
    }
}

/// Every module file under `src/` but lib.rs and main.rs, by module path.
fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).expect("under src");
            let mut parts: Module = relative
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            // Tests may reach anywhere; the layers are about the code that ships.
            let text = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let is_folder = relative.ends_with("mod.rs");
            found.insert(parts.clone(), text);
            if is_folder {
                // Marks the module as a folder for `super::` resolution below.
                found.insert([parts, vec!["mod".into()]].concat(), String::new());
            }
        }
    }
    found
}

/// The longest known module that `path` starts with.
fn resolve(known: &BTreeMap<Module, String>, path: &[String]) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|candidate| known.contains_key(candidate))
}

fn imports(known: &BTreeMap<Module, String>) -> BTreeSet<(Module, Module)> {
    let comment = Regex::new(r"//[^\n]*").expect("regex");
    let crate_path = Regex::new(r"crate::((?:\w+::)*\w+)").expect("regex");
    let crate_group = Regex::new(r"(?s)crate::(\w+(?:::\w+)*)::\{([^;]*?)\};").expect("regex");
    let super_path = Regex::new(r"\bsuper::((?:\w+::)*\w+)").expect("regex");
    let super_group = Regex::new(r"(?s)\bsuper::\{([^;]*?)\};").expect("regex");
    let mut edges = BTreeSet::new();
    for (module, text) in known {
        if module.last().is_some_and(|p| p == "mod") {
            continue;
        }
        let code = comment.replace_all(text, "");
        let is_folder = known.contains_key(&[module.clone(), vec!["mod".into()]].concat());
        // `super` of a folder's mod.rs is the folder's parent; of a file, the file's folder.
        let parent: Module = if is_folder {
            module[..module.len().saturating_sub(1)].to_vec()
        } else {
            module[..module.len() - 1].to_vec()
        };
        let mut add = |target: Vec<String>| {
            if let Some(to) = resolve(known, &target)
                && !module.starts_with(&to)
                && !to.starts_with(module)
            {
                edges.insert((module.clone(), to));
            }
        };
        let split = |path: &str| path.split("::").map(str::to_string).collect::<Vec<_>>();
        for found in crate_path.captures_iter(&code) {
            add(split(&found[1]));
        }
        for found in crate_group.captures_iter(&code) {
            for item in found[2].split([',', '{', '}', ' ', '\n']) {
                if !item.is_empty() && item != "self" {
                    add([split(&found[1]), split(item)].concat());
                }
            }
        }
        for found in super_path.captures_iter(&code) {
            add([parent.clone(), split(&found[1])].concat());
        }
        for found in super_group.captures_iter(&code) {
            for item in found[1].split([',', '{', '}', ' ', '\n']) {
                if !item.is_empty() && item != "self" {
                    add([parent.clone(), split(item)].concat());
                }
            }
        }
    }
    edges
}

fn show(module: &Module) -> String {
    module.join("/")
}

#[test]
fn imports_point_down_and_never_loop() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known = modules(&root);
    let edges = imports(&known);
    assert!(
        edges.len() > 100,
        "the scan found too few imports: {}",
        edges.len()
    );

    let upward: Vec<String> = edges
        .iter()
        .filter(|(from, to)| layer(&from[0]) < layer(&to[0]))
        .map(|(from, to)| format!("{} -> {}", show(from), show(to)))
        .collect();
    assert!(
        upward.is_empty(),
        "imports that point up a layer: {upward:#?}"
    );

    // A loop is a module that reaches itself; a depth-first walk from each finds it.
    let mut next: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (from, to) in &edges {
        next.entry(from).or_default().push(to);
    }
    let mut loops = Vec::new();
    for start in next.keys() {
        let mut stack: Vec<(&Module, Vec<&Module>)> = vec![(start, vec![start])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for &to in next.get(at).into_iter().flatten() {
                if to == *start {
                    let names: Vec<String> = path.iter().map(|m| show(m)).collect();
                    loops.push(format!("{} -> {}", names.join(" -> "), show(to)));
                } else if seen.insert(to) {
                    stack.push((to, [path.clone(), vec![to]].concat()));
                }
            }
        }
    }
    assert!(loops.is_empty(), "import loops: {loops:#?}");
}

#[test]
fn the_check_sees_an_upward_import_and_a_loop() {
    let mut known: BTreeMap<Module, String> = BTreeMap::new();
    let module = |path: &str| path.split('/').map(str::to_string).collect::<Module>();
    known.insert(module("config"), String::new());
    known.insert(module("config/mod"), String::new());
    known.insert(module("config/a"), "use super::b::X;".into());
    known.insert(
        module("config/b"),
        "use crate::config::a::Y; use crate::alert::Z;".into(),
    );
    known.insert(module("alert"), String::new());
    let edges = imports(&known);
    assert!(edges.contains(&(module("config/a"), module("config/b"))));
    assert!(edges.contains(&(module("config/b"), module("config/a"))));
    assert!(edges.contains(&(module("config/b"), module("alert"))));
}
