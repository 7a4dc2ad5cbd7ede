//! Golden scenarios: each file in `tests/golden/` names a preset, the changes that make the
//! case (values at JSON pointers into the preset's scenario), and expected values at JSON
//! pointers into the outcome, compared as exact decimals.

use payung::engine::{presets, simulate, Parameters, Scenario};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    /// The preset the case starts from.
    preset: String,
    /// New values, each at a JSON pointer to a place the preset's scenario already has
    /// (a whole array to change its length). The pointers name distinct places.
    changes: BTreeMap<String, Value>,
    expect: BTreeMap<String, String>,
}

impl Case {
    /// The preset's scenario with the case's changes.
    fn scenario(&self, path: &Path) -> Scenario {
        let preset =
            presets::load(&self.preset).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut value = serde_json::to_value(preset).unwrap();
        for (pointer, new) in &self.changes {
            let place = value
                .pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{}: the preset has no {pointer}", path.display()));
            *place = new.clone();
        }
        serde_json::from_value(value)
            .unwrap_or_else(|e| panic!("{}: changed scenario: {e}", path.display()))
    }
}

fn number(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str(s).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

fn cases() -> Vec<(std::path::PathBuf, Case)> {
    let mut files: Vec<_> = std::fs::read_dir("tests/golden")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let case =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, case)
        })
        .collect()
}

#[test]
fn golden_scenarios_match_to_the_rupiah() {
    let params = Parameters::embedded().unwrap();
    let cases = cases();
    assert!(cases.len() >= 5, "golden folder is missing cases");
    for (path, case) in cases {
        let valid = case
            .scenario(&path)
            .validate(&params)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outcome = serde_json::to_value(simulate(&params, &valid)).unwrap();
        for (pointer, expected) in &case.expect {
            let actual = outcome
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{}: no {pointer}", path.display()));
            assert_eq!(
                number(actual),
                Decimal::from_str(expected).ok(),
                "{} ({}): {pointer} is {actual}, expected {expected}",
                path.display(),
                case.description
            );
        }
    }
}
