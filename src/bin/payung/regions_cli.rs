//! `payung regions`, and runs of province and national plans (`run --province`,
//! `run --national`, `run --region` with a province code, a plan file), for `payung.rs`.

use super::Format;
use payung::engine::scenario::RegionKind;
use payung::engine::{presets, regions, Parameters};

/// `payung regions`: code, kind, name, province, population, desa, kelurahan and the
/// estimated pekerja rentan, as CSV.
pub fn regions_csv(params: &Parameters, search: Option<&str>) -> Result<String, String> {
    let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
    let places = match search {
        Some(q) => catalogue.search(q, usize::MAX),
        None => catalogue.all(),
    };
    if places.is_empty() {
        return Err(format!(
            "--search: no kab/kota or province matches `{}`",
            search.unwrap_or_default()
        ));
    }
    let at = presets::load("custom")
        .map_err(|e| e.to_string())?
        .horizon
        .start;
    let mut out =
        String::from("code,kind,name,province,population,desa,kelurahan,pekerja_rentan_estimate\n");
    for place in places {
        let estimate = regions::estimate(params, catalogue, place, at);
        let kind = match place.kind() {
            RegionKind::Kota => "kota",
            RegionKind::Kabupaten => "kabupaten",
            RegionKind::Provinsi => "provinsi",
        };
        out += &format!(
            "{},{},{},{},{},{},{},{}\n",
            place.code(),
            kind,
            place.name(),
            place.province_name(),
            place.population(),
            place.desa(),
            place.kelurahan(),
            estimate.workers
        );
    }
    Ok(out)
}

/// The province or national plan the arguments name, if they name one: `--national`,
/// `--province P`, `--region P` with a province code, or a plan file (with a `scope`).
pub fn plan_for(
    params: &Parameters,
    file: Option<&str>,
    region: Option<&str>,
    province: Option<String>,
    national: bool,
) -> Result<Option<regions::Plan>, String> {
    let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
    if national {
        return regions::NationalScenario::starting()
            .map(|n| Some(regions::Plan::National(n)))
            .map_err(|e| e.to_string());
    }
    let (flag, code) = match (province, region) {
        (Some(code), _) => ("--province", code),
        (None, Some(code)) => ("--region", code.to_string()),
        (None, None) => {
            let Some(path) = file else { return Ok(None) };
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let is_plan = serde_json::from_str::<serde_json::Value>(&text)
                .is_ok_and(|v| v.get("scope").is_some());
            if !is_plan {
                return Ok(None);
            }
            return regions::plan_from_json(&text, catalogue)
                .map(Some)
                .map_err(|e| format!("{path}: {e}"));
        }
    };
    match catalogue.place(&code).map_err(|e| format!("{flag}: {e}"))? {
        regions::Place::Province(p) => {
            regions::ProvinceScenario::starting(params, catalogue, &p.code)
                .map(|p| Some(regions::Plan::Province(p)))
                .map_err(|e| format!("{flag}: {e}"))
        }
        regions::Place::KabKota(k) if flag == "--province" => Err(format!(
            "--province: `{}` is a kab/kota ({}), not a province; use --region",
            k.code, k.name
        )),
        regions::Place::KabKota(_) => Ok(None),
    }
}

/// Validates and runs a plan: CSV with a region column (the province or nation first), or
/// the whole outcome as JSON.
pub fn run_plan(
    params: &Parameters,
    plan: &regions::Plan,
    format: Format,
) -> Result<String, String> {
    let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
    let json =
        |v: Result<String, serde_json::Error>| v.map(|t| t + "\n").map_err(|e| e.to_string());
    match plan {
        regions::Plan::Province(p) => {
            let valid = p.validate(params, catalogue).map_err(|e| e.to_string())?;
            let outcome = regions::run_province(params, &valid);
            match format {
                Format::Csv => Ok(regions::table::province_csv(&outcome)),
                Format::Json => json(serde_json::to_string_pretty(&outcome)),
            }
        }
        regions::Plan::National(n) => {
            let valid = n.validate(params, catalogue).map_err(|e| e.to_string())?;
            let outcome = regions::run_national(params, &valid);
            match format {
                Format::Csv => Ok(regions::table::national_csv(&outcome)),
                Format::Json => json(serde_json::to_string_pretty(&outcome)),
            }
        }
    }
}

/// `solve --region P` with a province code: the smallest flat yearly amount of one of the
/// province's APBD lines that brings its starting plan (the province over its kab/kota) to
/// the target. `None` when `code` is not a province's (the single-region solve takes it).
pub fn solve_province_csv(
    params: &Parameters,
    code: &str,
    source: &[String],
    target: Option<rust_decimal::Decimal>,
    by: Option<i32>,
    other_question: Option<&str>,
) -> Result<Option<String>, String> {
    let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
    let Ok(regions::Place::Province(p)) = catalogue.place(code) else {
        return Ok(None);
    };
    if let Some(flag) = other_question {
        return Err(format!(
            "{flag}: not available for a province (`{}`); solve --region with a province code answers one flat yearly amount",
            p.code
        ));
    }
    let [name] = source else {
        return Err("--source: give one province source".into());
    };
    let mut plan = regions::ProvinceScenario::starting(params, catalogue, &p.code)
        .map_err(|e| format!("--region: {e}"))?;
    if let Some(t) = target {
        plan.target.coverage = t;
    }
    if let Some(year) = by {
        plan.target.year = year;
    }
    let a = regions::solve_province(params, catalogue, &plan, name).map_err(|e| match e {
        regions::ProvinceSolveError::NoSuchSource(_)
        | regions::ProvinceSolveError::NotYearly(_) => {
            let names: Vec<&str> = plan.sources.iter().map(|s| s.name.as_str()).collect();
            format!(
                "--source: {e} (the province's sources: {})",
                names.join(", ")
            )
        }
        regions::ProvinceSolveError::Unreachable { .. } => format!("unreachable: {e}"),
        regions::ProvinceSolveError::Plan(e) => e.to_string(),
    })?;
    Ok(Some(format!(
        "region,source,target,by,yearly_amount,reached\n{},\"{}\",{},{},{},{}\n",
        p.code,
        a.source.replace('"', "\"\""),
        plan.target.coverage,
        plan.target.year,
        a.yearly_amount,
        a.reached
    )))
}
