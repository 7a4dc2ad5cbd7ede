//! The layers, read from the sources: `engine` → `locale` → `charts` → `ui`, one way.
//!
//! Like rust-analyzer's `tidy` tests, this reads `src/` as text. It strips comments and
//! string literals (so a `//!` may name what a layer must not know), then checks two things:
//!
//! - no file under `src/engine*`, `src/locale*` or `src/charts*` names the UI (`crate::ui`)
//!   or a browser crate (`yew`, `web_sys`, `gloo`, `wasm_bindgen`, `js_sys`); the engine
//!   names neither `crate::locale` nor `crate::charts`; the locale does not name
//!   `crate::charts`;
//! - the file-level graph of `crate::…`, `super::…` and `self::…` paths (in `use` trees and
//!   in code) has no cycle.
//!
//! A parent naming its own child module by a relative path (`coverage::draw`) is not an
//! edge: a module owns its children, and a child may use its parent through `super`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Crates only the UI may name.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "js_sys",
];

/// For each lower layer: the top-level modules of this crate it must not name.
const FORBIDDEN: [(&str, &[&str]); 3] = [
    ("engine", &["locale", "charts", "ui"]),
    ("locale", &["charts", "ui"]),
    ("charts", &["ui"]),
];

/// One source file of the library: its module path and its code without comments or strings.
struct Source {
    file: String,
    module: Vec<String>,
    code: String,
}

/// Every `.rs` file under `src/` that belongs to the library (not `main.rs` or `bin/`).
fn library_sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "main.rs" || rel.starts_with("bin/") {
                return None;
            }
            let text = std::fs::read_to_string(&path).ok()?;
            Some(source(&format!("src/{rel}"), &text))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A source file named `file` (as `src/a/b.rs`) with text `text`.
fn source(file: &str, text: &str) -> Source {
    let stem = file
        .trim_start_matches("src/")
        .trim_end_matches(".rs")
        .to_string();
    let module = if stem == "lib" {
        Vec::new()
    } else {
        stem.split('/').map(str::to_string).collect()
    };
    Source {
        file: file.to_string(),
        module,
        code: strip(text),
    }
}

/// `text` with comments removed and the insides of string and char literals blanked.
fn strip(text: &str) -> String {
    let s: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < s.len() {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !s[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while s.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if s.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < s.len() {
                if s[j] == '"' && (0..hashes).all(|k| s.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < s.len() && s[i] != '"' {
                if s[i] == '\\' {
                    i += 1;
                }
                if s.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{…}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < s.len() && s[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if s.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Identifiers, `::` and single punctuation marks.
fn tokens(code: &str) -> Vec<String> {
    let s: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_') {
                i += 1;
            }
            out.push(s[start..i].iter().collect());
        } else if c == ':' && s.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The full paths a `use` tree names: `a::{b, c::{d, e}}` gives `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &[String], prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    let mut i = 0;
    while i < tree.len() {
        let t = &tree[i];
        if t == "{" {
            // Split the group at its top-level commas.
            let mut depth = 0;
            let mut start = i + 1;
            let mut j = i;
            while j < tree.len() {
                match tree[j].as_str() {
                    "{" => depth += 1,
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            expand(&tree[start..j], &path, out);
                            return;
                        }
                    }
                    "," if depth == 1 => {
                        expand(&tree[start..j], &path, out);
                        start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
            return;
        } else if t == "as" {
            break;
        } else if is_ident(t) || t == "*" {
            path.push(t.clone());
        }
        i += 1;
    }
    if path.len() > prefix.len() {
        out.push(path);
    }
}

/// Every path in `src` that starts with a name: from `use` trees (expanded) and from code.
/// Each comes with the module it is written in (inline `mod x { … }` blocks included).
fn paths(src: &Source) -> Vec<(Vec<String>, Vec<String>)> {
    let toks = tokens(&src.code);
    let mut out = Vec::new();
    let mut inline: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    let here = |inline: &[(String, i32)]| {
        let mut m = src.module.clone();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };
    while i < toks.len() {
        let t = toks[i].as_str();
        match t {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "mod" if toks.get(i + 2).is_some_and(|b| b == "{") => {
                inline.push((toks[i + 1].clone(), depth));
            }
            "use" => {
                let end = toks[i..]
                    .iter()
                    .position(|t| t == ";")
                    .map_or(toks.len(), |p| i + p);
                let mut found = Vec::new();
                expand(&toks[i + 1..end], &[], &mut found);
                let m = here(&inline);
                out.extend(found.into_iter().map(|p| (m.clone(), p)));
                i = end;
                continue;
            }
            _ if is_ident(t) && (i == 0 || toks[i - 1] != "::") => {
                let mut path = vec![t.to_string()];
                let mut j = i + 1;
                while toks.get(j).is_some_and(|t| t == "::")
                    && toks.get(j + 1).is_some_and(|t| is_ident(t))
                {
                    path.push(toks[j + 1].clone());
                    j += 2;
                }
                out.push((here(&inline), path));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The absolute module path that `path`, written in module `module`, names; `None` for a
/// path that does not start with `crate`, `super` or `self` (another crate, or a local name).
fn absolute(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut at: Vec<String> = module.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("super") | Some("self") => {
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        at.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    if rest.is_empty() {
        return None;
    }
    at.extend(rest.iter().cloned());
    Some(at)
}

/// The file that holds the longest prefix of `path`.
fn file_of<'a>(path: &[String], files: &'a BTreeMap<Vec<String>, String>) -> Option<&'a String> {
    (0..=path.len()).rev().find_map(|n| files.get(&path[..n]))
}

/// What a layer names that it must not: one line per offence.
fn layer_violations(sources: &[Source]) -> Vec<String> {
    let mut found = Vec::new();
    for src in sources {
        let Some(layer) = src.module.first() else {
            continue;
        };
        let Some((_, banned)) = FORBIDDEN.iter().find(|(l, _)| l == layer) else {
            continue;
        };
        for t in tokens(&src.code) {
            if BROWSER_CRATES.contains(&t.as_str()) {
                found.push(format!("{} names the browser crate `{t}`", src.file));
            }
        }
        for (module, path) in paths(src) {
            if let Some(abs) = absolute(&module, &path) {
                if abs
                    .first()
                    .is_some_and(|top| banned.contains(&top.as_str()))
                {
                    found.push(format!(
                        "{} (layer `{layer}`) names `crate::{}`",
                        src.file,
                        abs.join("::")
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The file-level import graph: file → files it names through `crate`, `super` or `self`.
fn graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeMap<Vec<String>, String> = sources
        .iter()
        .map(|s| (s.module.clone(), s.file.clone()))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for src in sources {
        let to = edges.entry(src.file.clone()).or_default();
        for (module, path) in paths(src) {
            if let Some(target) = absolute(&module, &path).and_then(|a| file_of(&a, &files)) {
                if *target != src.file {
                    to.insert(target.clone());
                }
            }
        }
    }
    edges
}

/// One cycle per strongly connected group of files, each as `a → b → … → a`.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    // Tarjan's algorithm, recursive: the graph is a few dozen files.
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        groups: Vec<Vec<&'a str>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    group.push(w);
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.groups.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.groups
        .into_iter()
        .map(|group| {
            // A shortest way back to the group's first file, through the group.
            let inside: BTreeSet<&str> = group.iter().copied().collect();
            let start = *inside.iter().next().unwrap_or(&"");
            let mut back: BTreeMap<&str, &str> = BTreeMap::new();
            let mut queue = std::collections::VecDeque::from([start]);
            let mut end = None;
            while let Some(v) = queue.pop_front() {
                for w in edges.get(v).into_iter().flatten() {
                    let w = w.as_str();
                    if w == start {
                        end = Some(v);
                        queue.clear();
                        break;
                    }
                    if inside.contains(w) && !back.contains_key(w) {
                        back.insert(w, v);
                        queue.push_back(w);
                    }
                }
            }
            let mut way = vec![start];
            let mut at = end.unwrap_or(start);
            while at != start {
                way.push(at);
                at = back.get(at).copied().unwrap_or(start);
            }
            way[1..].reverse();
            way.push(start);
            way.join(" → ")
        })
        .collect()
}

#[test]
fn lower_layers_do_not_name_higher_ones() {
    let sources = library_sources();
    assert!(
        sources.iter().any(|s| s.file == "src/engine.rs"),
        "sources not found"
    );
    let found = layer_violations(&sources);
    assert!(found.is_empty(), "layer violations:\n{}", found.join("\n"));
}

#[test]
fn files_import_one_way() {
    let found = cycles(&graph(&library_sources()));
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_what_they_should_and_nothing_else() {
    let sources = [
        source(
            "src/charts.rs",
            "//! Must not know `crate::ui` or yew::Html.\n\
             /// Nor web_sys.\n\
             const S: &str = \"crate::ui::x // yew::\";\n\
             const C: char = '\"';\n\
             use crate::{engine::Outcome, ui::{format, i18n::Lang as L}};\n",
        ),
        source(
            "src/engine.rs",
            "pub fn f() { crate::locale::x(); }\n#[cfg(test)] mod tests { use super::*; }\n",
        ),
        source("src/locale.rs", "use gloo::storage;\n"),
        source("src/ui.rs", "use crate::charts::Chart;\n"),
    ];
    let found = layer_violations(&sources);
    assert_eq!(
        found,
        vec![
            "src/charts.rs (layer `charts`) names `crate::ui::format`",
            "src/charts.rs (layer `charts`) names `crate::ui::i18n::Lang`",
            "src/engine.rs (layer `engine`) names `crate::locale::x`",
            "src/locale.rs names the browser crate `gloo`",
        ]
    );
    let edges = graph(&sources);
    assert_eq!(
        cycles(&edges),
        vec!["src/charts.rs → src/ui.rs → src/charts.rs"]
    );
    assert!(
        edges["src/engine.rs"].contains("src/locale.rs"),
        "{edges:?}"
    );
}
