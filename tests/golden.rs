//! Golden scenarios: each file in `tests/golden/` holds a scenario and expected values at
//! JSON pointers into the outcome, compared as exact decimals.

use payung::engine::{simulate, Parameters, Scenario};
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(serde::Deserialize)]
struct Case {
    description: String,
    scenario: Scenario,
    expect: std::collections::BTreeMap<String, String>,
}

fn number(v: &serde_json::Value) -> Option<Decimal> {
    match v {
        serde_json::Value::String(s) => Decimal::from_str(s).ok(),
        serde_json::Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

#[test]
fn golden_scenarios_match_to_the_rupiah() {
    let params = Parameters::embedded().unwrap();
    let mut files: Vec<_> = std::fs::read_dir("tests/golden")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "golden folder is missing cases");
    for path in files {
        let case: Case = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let valid = case
            .scenario
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
