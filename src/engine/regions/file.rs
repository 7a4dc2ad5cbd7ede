//! Province and national plans as JSON, for files, the CLI and (later) links:
//! `{"scope": "province" | "national", "schema_version": 1, …}`. Each kab/kota scenario
//! inside is a scenario JSON with its own `schema_version`, migrated like any scenario file.
//! A code this build does not know is reported by name before anything runs. This module
//! knows nothing of where the text comes from.

use super::national::NationalScenario;
use super::plan::PLAN_SCHEMA_VERSION;
use super::province::{ProvinceAmount, ProvinceScenario};
use super::Catalogue;
use crate::engine::import::{scenario_from_json, ImportError};
use serde_json::Value;

/// The largest plan text accepted (bytes): room for every kab/kota's own scenario.
pub const PLAN_MAX_BYTES: usize = 8_000_000;

/// A province's or the nation's plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    Province(ProvinceScenario),
    National(NationalScenario),
}

/// Why a plan's JSON was rejected, before its values are validated.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlanFileError {
    /// Larger than `PLAN_MAX_BYTES`.
    #[error("the file is too large ({bytes} bytes; the limit is {limit})")]
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON at all.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON without `scope` or `schema_version`: not a province or national plan.
    #[error("not a Payung province or national plan (it needs scope and schema_version)")]
    NotAPlan,
    /// A `scope` other than `province` or `national`.
    #[error("scope: `{0}` is neither `province` nor `national`")]
    UnknownScope(String),
    /// Written by a newer version of Payung.
    #[error("schema_version: version {found} is newer than this Payung understands ({supported})")]
    NewerVersion { found: u64, supported: u32 },
    /// A field is missing, unknown or of the wrong type.
    #[error("{path}: {message}")]
    WrongShape { path: String, message: String },
    /// A kab/kota's scenario inside the plan is not a valid scenario JSON.
    #[error("kab/kota {code}: {error}")]
    KabKotaScenario {
        code: String,
        error: Box<ImportError>,
    },
    /// A province or kab/kota code this build's tables do not have.
    #[error("unknown region code `{0}`: this build knows 38 provinces and 514 kab/kota (see `payung regions`)")]
    UnknownRegion(String),
}

/// The plan as pretty JSON.
pub fn plan_to_json(plan: &Plan) -> String {
    let (scope, value) = match plan {
        Plan::Province(p) => ("province", serde_json::to_value(p)),
        Plan::National(n) => ("national", serde_json::to_value(n)),
    };
    let mut value = value.unwrap_or(Value::Null);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("scope".into(), Value::from(scope));
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Reads a plan, migrating the kab/kota scenarios inside and checking every region code.
pub fn plan_from_json(text: &str, catalogue: &Catalogue) -> Result<Plan, PlanFileError> {
    if text.len() > PLAN_MAX_BYTES {
        return Err(PlanFileError::TooLarge {
            bytes: text.len(),
            limit: PLAN_MAX_BYTES,
        });
    }
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| PlanFileError::NotJson(e.to_string()))?;
    let scope = value
        .get("scope")
        .and_then(Value::as_str)
        .map(str::to_string);
    let version = value.get("schema_version").and_then(Value::as_u64);
    let (Some(scope), Some(version)) = (scope, version) else {
        return Err(PlanFileError::NotAPlan);
    };
    if version > u64::from(PLAN_SCHEMA_VERSION) {
        return Err(PlanFileError::NewerVersion {
            found: version,
            supported: PLAN_SCHEMA_VERSION,
        });
    }
    if let Some(obj) = value.as_object_mut() {
        obj.remove("scope");
    }
    let plan = match scope.as_str() {
        "province" => {
            migrate_province(&mut value)?;
            Plan::Province(shape(&value)?)
        }
        "national" => {
            if let Some(ps) = value.get_mut("provinces").and_then(Value::as_array_mut) {
                for p in ps {
                    migrate_province(p)?;
                }
            }
            Plan::National(shape(&value)?)
        }
        other => return Err(PlanFileError::UnknownScope(other.to_string())),
    };
    let provinces: Vec<&ProvinceScenario> = match &plan {
        Plan::Province(p) => vec![p],
        Plan::National(n) => n.provinces.iter().collect(),
    };
    for p in provinces {
        known_codes(p, catalogue)?;
    }
    Ok(plan)
}

fn shape<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, PlanFileError> {
    crate::engine::json_path::from_value(value).map_err(|e| PlanFileError::WrongShape {
        path: e.path,
        message: e.message,
    })
}

/// Brings each kab/kota scenario of a province plan to this build's scenario version.
fn migrate_province(value: &mut Value) -> Result<(), PlanFileError> {
    let Some(list) = value.get_mut("kabkota").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for entry in list {
        let code = entry
            .get("code")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let Some(sc) = entry.get_mut("scenario") else {
            continue;
        };
        let read = scenario_from_json(&sc.to_string()).map_err(|error| {
            PlanFileError::KabKotaScenario {
                code,
                error: Box::new(error),
            }
        })?;
        *sc = serde_json::to_value(read).unwrap_or(Value::Null);
    }
    Ok(())
}

/// Every code the province plan names is in this build's tables.
fn known_codes(p: &ProvinceScenario, catalogue: &Catalogue) -> Result<(), PlanFileError> {
    let unknown = |code: &str| PlanFileError::UnknownRegion(code.trim().to_string());
    if catalogue.province(p.province.trim()).is_none() {
        return Err(unknown(&p.province));
    }
    let is_kabkota = |code: &str| catalogue.kabkota.iter().any(|k| k.code == code.trim());
    for k in &p.kabkota {
        if !is_kabkota(&k.code) {
            return Err(unknown(&k.code));
        }
    }
    for s in &p.sources {
        if let ProvinceAmount::Quota { workers } = &s.amount {
            if let Some(code) = workers.keys().find(|c| !is_kabkota(c)) {
                return Err(unknown(code));
            }
        }
    }
    Ok(())
}
