//! The modules of `src/` form no cycle: each uses only modules below it (README,
//! "Development"). Read from the source itself: every `crate::module` a module's code names
//! (its tests and comments left out) is an edge; a depth-first search finds any cycle.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The code of a module's files, without `//` comments and without its `#[cfg(test)]` module.
fn code_of(path: &Path, out: &mut String) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for entry in entries {
            code_of(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        let text = fs::read_to_string(path).unwrap();
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            out.push_str(line);
            out.push('\n');
        }
    }
}

fn graph() -> BTreeMap<String, Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "bin" {
            continue;
        }
        let mut code = String::new();
        code_of(&path, &mut code);
        modules.insert(name, code);
    }
    let names: Vec<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, code)| {
            let uses = names
                .iter()
                .filter(|other| *other != name)
                .filter(|other| {
                    code.contains(&format!("crate::{other}::"))
                        || code.contains(&format!("crate::{other};"))
                        || code.contains(&format!("crate::{other}::{{"))
                        || code.contains(&format!("crate::{{{other}"))
                })
                .cloned()
                .collect();
            (name.clone(), uses)
        })
        .collect()
}

fn find_cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn the_modules_of_src_form_no_cycle() {
    let g = graph();
    // The check sees the edges it must: the engine uses the timeline, the report uses analysis.
    assert!(g["engine"].contains(&"timeline".to_string()), "{g:?}");
    assert!(g["model"].contains(&"analysis".to_string()), "{g:?}");
    assert_eq!(find_cycle(&g), None, "{g:#?}");
}

#[test]
fn the_check_finds_a_cycle_when_there_is_one() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), vec!["b".to_string()]);
    g.insert("b".to_string(), vec!["c".to_string()]);
    g.insert("c".to_string(), vec!["a".to_string()]);
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a", "b", "c", "a"].into_iter().map(String::from).collect())
    );
}
