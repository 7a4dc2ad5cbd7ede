//! Turns the embedded TOML data into JSON at build time, so that the app parses the lighter
//! format on start and the web bundle carries no TOML parser. The TOML files stay the source
//! (they carry comments and references); `tests` check that both readings are equal.
//!   data/parameters.toml    -> $OUT_DIR/parameters.json    (an object)
//!   data/regions/ucj.toml   -> $OUT_DIR/ucj.json           (an object)
//!   data/uncertainty.toml   -> $OUT_DIR/uncertainty.json   ([[key, table], ...] in file order)

use std::{env, fs, path::Path};

fn read(path: &str) -> toml::Table {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(name: &str, json: &impl serde::Serialize) {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    let text = serde_json::to_string(json).expect("TOML values are JSON values");
    fs::write(&out, text).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    write("parameters.json", &read("data/parameters.toml"));
    write("ucj.json", &read("data/regions/ucj.toml"));
    // The assumptions' order is the file's (the tornado and the forms list them so): read
    // it from the table headers, as `Assumptions::from_toml` does.
    let path = "data/uncertainty.toml";
    let mut tables = read(path);
    let text = fs::read_to_string(path).expect("read above");
    let ordered: Vec<(String, toml::Value)> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
        .filter_map(|k| Some((k.to_string(), tables.remove(k)?)))
        .collect();
    write("uncertainty.json", &ordered);
}
