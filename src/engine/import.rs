//! Reading scenario JSON from outside (files, the CLI, share links): size limit, schema
//! version and migration, and the path of any field with the wrong shape.

use super::field::Field;
use super::json_path;
use super::scenario::{Scenario, SCHEMA_VERSION};
use serde_json::Value;

/// The largest scenario file accepted (bytes).
pub const MAX_BYTES: usize = 1_000_000;

/// Why a scenario JSON text was rejected, before validation of its values.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// Larger than `MAX_BYTES`.
    #[error("the file is too large ({bytes} bytes; the limit is {limit})")]
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON at all.
    #[error("not JSON: {message}")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// JSON, but not a scenario: a field is missing, unknown or of the wrong type.
    #[error("{path}: {message}")]
    WrongShape {
        path: String,
        /// The scenario field at or inside `path`, where there is one.
        field: Option<Field>,
        shape: Shape,
        /// The parser's own words (English), for the CLI.
        message: String,
    },
    /// JSON, but not a Payung scenario at all (no `schema_version`): usually the wrong file.
    #[error("not a Payung scenario (it has no schema_version)")]
    NotAScenario,
    /// Written by a newer version of Payung.
    #[error("schema_version: version {found} is newer than this Payung understands ({supported})")]
    NewerVersion { found: u64, supported: u32 },
}

/// What is wrong with the shape of the JSON at a path, so that the UI can say it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A required field is absent.
    Missing { name: String },
    /// A field that no scenario has.
    Unknown { name: String },
    /// A value of the wrong type (text for a number, a number for a list).
    WrongType,
    /// A value of the right type that is not allowed (an unknown kind, a negative count).
    WrongValue,
}

impl Shape {
    /// Reads serde's message, whose openings are fixed by `serde::de::Error`'s constructors.
    fn of(message: &str) -> Shape {
        let quoted = |prefix: &str| {
            let rest = message.strip_prefix(prefix)?;
            Some(rest.split('`').next().unwrap_or_default().to_string())
        };
        if let Some(name) = quoted("missing field `") {
            Shape::Missing { name }
        } else if let Some(name) = quoted("unknown field `") {
            Shape::Unknown { name }
        } else if message.starts_with("invalid type") {
            Shape::WrongType
        } else {
            Shape::WrongValue
        }
    }
}

/// Parses scenario JSON, migrating older schema versions.
pub fn scenario_from_json(text: &str) -> Result<Scenario, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        });
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        })?;
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    match version {
        None => return Err(ImportError::NotAScenario),
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(ImportError::NewerVersion {
                found: v,
                supported: SCHEMA_VERSION,
            })
        }
        Some(_) => {}
    }
    let value = migrate(value);
    json_path::from_value(&value).map_err(|e| {
        let json_path::PathError { path, message } = e;
        let shape = Shape::of(&message);
        let field = match &shape {
            Shape::Missing { name } if path == "." => Field::from_path(name),
            Shape::Missing { name } => Field::from_path(&format!("{path}.{name}")),
            _ => Field::from_path(&path),
        };
        ImportError::WrongShape {
            path,
            field,
            shape,
            message,
        }
    })
}

/// Brings an older scenario up to `SCHEMA_VERSION`. Version 1 is the first; each later
/// version adds one step here, so links and files from every release keep opening.
fn migrate(mut value: serde_json::Value) -> serde_json::Value {
    let version = value.get("schema_version").and_then(Value::as_u64);
    if version == Some(1) {
        v1_to_v2(&mut value);
    }
    if matches!(version, Some(1 | 2)) {
        v2_to_v3(&mut value);
    }
    value
}

/// Version 3 added worker groups. A version 2 scenario has none, which version 3 reads as
/// one implicit group (the region's vulnerable workers under `programmes`): the same
/// numbers, so only the version changes.
fn v2_to_v3(value: &mut Value) {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(3));
    }
}

/// Version 1 gave a source that starts after January its whole yearly amount in its first
/// year; version 2 pro-rates it. A version 1 file keeps its amounts: such a source's first
/// year, when it lies inside the horizon, gets its yearly amount written out as that year's
/// amount. Version 1 also let a Dana Desa source stand in a region without desa (it paid
/// nothing under the Dana Desa rule); version 2 refuses it, so such a source becomes an
/// "other" source with the same amounts (Rp 0 under the Dana Desa rule).
fn v1_to_v2(value: &mut Value) {
    let year = |v: &Value, path: &[&str]| {
        path.iter()
            .try_fold(v, |v, key| v.get(key))
            .and_then(Value::as_i64)
    };
    let start = year(value, &["horizon", "start", "year"]);
    let start_month = year(value, &["horizon", "start", "month"]).unwrap_or(1);
    let years = year(value, &["horizon", "years"]).unwrap_or(1);
    let last = start.map(|s| s + (start_month - 1 + years * 12 - 1) / 12);
    let no_desa = year(value, &["region", "desa"]) == Some(0);
    if let Some(sources) = value.get_mut("sources").and_then(Value::as_array_mut) {
        for source in sources.iter_mut().filter_map(Value::as_object_mut) {
            let late = source
                .get("first_month")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                > 1;
            let first = source.get("first_year").and_then(Value::as_i64);
            let ends = source.get("last_year").and_then(Value::as_i64);
            let rule = source
                .get("amount")
                .and_then(|a| a.get("rule"))
                .and_then(Value::as_str)
                .map(str::to_string);
            let yearly = source.get("amount").and_then(|a| a.get("yearly")).cloned();
            let simulated = matches!((first, start, last), (Some(f), Some(s), Some(l)) if s <= f && f <= l)
                && ends.zip(first).is_none_or(|(e, f)| f <= e);
            if let (true, true, Some("rupiah"), Some(first), Some(yearly)) =
                (late, simulated, rule.as_deref(), first, yearly)
            {
                let mut by_year = serde_json::Map::new();
                by_year.insert(first.to_string(), yearly);
                source.insert("by_year".into(), Value::Object(by_year));
            }
            if no_desa && source.get("kind").and_then(Value::as_str) == Some("dana_desa") {
                source.insert("kind".into(), Value::from("other"));
                if rule.as_deref() == Some("dana_desa") {
                    source.insert(
                        "amount".into(),
                        serde_json::json!({"rule": "rupiah", "yearly": "0"}),
                    );
                }
            }
        }
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(2));
    }
}

/// The scenario as pretty JSON: the same format the CLI exports and the web app imports.
pub fn scenario_to_json(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;

    #[test]
    fn a_preset_round_trips_through_json() {
        let sc = presets::load("ambon").unwrap();
        assert_eq!(scenario_from_json(&scenario_to_json(&sc)).unwrap(), sc);
    }

    #[test]
    fn problems_are_named() {
        assert!(matches!(
            scenario_from_json("{nope"),
            Err(ImportError::NotJson { .. })
        ));
        assert_eq!(scenario_from_json("[]"), Err(ImportError::NotAScenario));
        assert_eq!(
            scenario_from_json(r#"{"name": "x"}"#),
            Err(ImportError::NotAScenario)
        );
        let sc = presets::load("ambon").unwrap();
        let newer = scenario_to_json(&sc).replace("\"schema_version\": 3", "\"schema_version\": 7");
        assert!(matches!(
            scenario_from_json(&newer),
            Err(ImportError::NewerVersion { found: 7, .. })
        ));
        let bad = scenario_to_json(&sc).replace("\"desa\": 30", "\"desa\": \"many\"");
        match scenario_from_json(&bad) {
            Err(ImportError::WrongShape {
                path, field, shape, ..
            }) => {
                assert_eq!(path, "region.desa");
                assert_eq!(field, Some(Field::Desa));
                assert_eq!(shape, Shape::WrongType);
            }
            other => panic!("{other:?}"),
        }
        let missing = scenario_to_json(&sc).replace("\"jht_return\"", "\"jht_returns\"");
        match scenario_from_json(&missing) {
            Err(ImportError::WrongShape { field, shape, .. }) => {
                assert!(matches!(
                    shape,
                    Shape::Unknown { .. } | Shape::Missing { .. }
                ));
                assert!(
                    field.is_none() || field == Some(Field::JhtReturn),
                    "{field:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        let huge = " ".repeat(MAX_BYTES + 1);
        assert!(matches!(
            scenario_from_json(&huge),
            Err(ImportError::TooLarge { .. })
        ));
    }

    /// A version 1 scenario: a preset's scenario with `schema_version` 1, edited by `change`.
    fn v1(change: impl FnOnce(&mut Value)) -> String {
        let mut value = serde_json::to_value(presets::load("bontang").unwrap()).unwrap();
        value["schema_version"] = Value::from(1);
        if let Some(s) = value["sources"][0].as_object_mut() {
            s.remove("by_year");
        }
        change(&mut value);
        value.to_string()
    }

    #[test]
    fn version_1_keeps_a_late_first_years_amount_only_where_it_is_simulated() {
        let params = crate::engine::Parameters::embedded().unwrap();
        let sc = scenario_from_json(&v1(|_| {})).unwrap();
        let full = sc.sources[0].amount.clone();
        assert!(matches!(
            full,
            crate::engine::scenario::Amount::Rupiah { .. }
        ));
        assert_eq!(sc.sources[0].by_year.len(), 1);
        assert!(sc.validate(&params).is_ok());
        // The source started in October 2023, but the horizon now starts in 2024: nothing
        // of 2023 is simulated, so nothing is written, and the file still opens.
        let later = v1(|v| v["horizon"]["start"]["year"] = Value::from(2024));
        let sc = scenario_from_json(&later).unwrap();
        assert!(sc.sources[0].by_year.is_empty());
        assert!(sc.validate(&params).is_ok());
    }

    #[test]
    fn version_1_dana_desa_without_desa_becomes_another_source_paying_the_same() {
        let params = crate::engine::Parameters::embedded().unwrap();
        let text = v1(|v| {
            let dd = serde_json::json!({
                "name": "Dana Desa", "kind": "dana_desa", "priority": 2,
                "amount": {"rule": "dana_desa", "share": "0.1", "per_desa": "900000000"},
                "first_year": 2023, "last_year": null, "first_month": 1, "growth": "0",
                "cap_workers": null, "discount": false
            });
            v["sources"].as_array_mut().unwrap().push(dd);
        });
        let sc = scenario_from_json(&text).unwrap();
        assert_eq!(
            sc.sources[1].kind,
            crate::engine::scenario::SourceKind::Other
        );
        assert_eq!(
            sc.sources[1].amount,
            crate::engine::scenario::Amount::Rupiah {
                yearly: rust_decimal::Decimal::ZERO
            }
        );
        assert!(sc.validate(&params).is_ok());
    }
}
