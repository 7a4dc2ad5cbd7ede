//! Turns the embedded TOML data into JSON at build time, so that the app parses the lighter
//! format on start and the web bundle carries no TOML parser. The TOML files stay the source
//! (they carry comments and references); `tests` check that both readings are equal.
//!   data/parameters.toml    -> $OUT_DIR/parameters.json    (an object)
//!   data/regions/ucj.toml   -> $OUT_DIR/ucj.json           (an object)
//!   data/uncertainty.toml   -> $OUT_DIR/uncertainty.json   ([[key, table], ...] in file order)
//! The regions' CSV tables become JSON the same way, so that neither thread carries a CSV
//! reader (the app already reads JSON):
//!   data/regions/kabkota.csv   -> $OUT_DIR/kabkota.json    ([[cell, ...], ...], one per row)
//!   data/regions/provinces.csv -> $OUT_DIR/provinces.json

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

/// A CSV table as a JSON array of rows, each the array of its cells in the file's column
/// order (the order of the fields of the struct that reads it): an empty cell is null, a cell
/// of digits a number, anything else a string. Codes (`code`, `province_code`: "81") stay
/// strings. `tests/data_json.rs` checks the reading against the CSV read by column name.
fn csv_rows(path: &str) -> Vec<Vec<serde_json::Value>> {
    use serde_json::Value;
    println!("cargo:rerun-if-changed={path}");
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .clone();
    let text = |column: &str| column == "code" || column == "province_code";
    reader
        .records()
        .map(|record| {
            let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
            let cell = |(column, cell): (&str, &str)| match cell {
                "" => Value::Null,
                digits if !text(column) && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    Value::from(
                        digits
                            .parse::<u64>()
                            .unwrap_or_else(|e| panic!("{path}: {e}")),
                    )
                }
                other => Value::from(other),
            };
            headers.iter().zip(record.iter()).map(cell).collect()
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // A release build that splits the app (`--cfg payung_split`, scripts/wasm-env.sh) links
    // the app's main wasm with its relocations, which the splitter reads
    // (scripts/bin/wasm-bindgen); the other wasm files are not split.
    if std::env::var_os("CARGO_CFG_PAYUNG_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=payung-web=--emit-relocs");
    }
    write("parameters.json", &read("data/parameters.toml"));
    write("ucj.json", &read("data/regions/ucj.toml"));
    write("kabkota.json", &csv_rows("data/regions/kabkota.csv"));
    write("provinces.json", &csv_rows("data/regions/provinces.csv"));
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
