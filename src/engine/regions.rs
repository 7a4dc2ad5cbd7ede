//! Indonesia's regions as data: all 514 kabupaten and kota and 38 provinces
//! (`data/regions/*.csv`, embedded as JSON rows that build.rs makes of them, sources in
//! `data/regions/README.md`),
//! found by code or by a typed search, and the starting scenario each one opens with
//! (`regions/start.rs`).
//!
//! Above a single region: province plans (`regions/province.rs`: the province's own sources
//! over its kab/kota's scenarios), the national plan (`regions/national.rs`), what they
//! share (`regions/plan.rs`), Universal Coverage Jamsostek (`regions/ucj.rs`) and their JSON
//! (`regions/file.rs`). Every kab/kota runs through the single-region `simulate`.
//!
//! This module knows the tables and the estimate of pekerja rentan; it knows nothing of
//! how a region is shown or picked on screen.

pub mod file;
pub mod national;
pub mod plan;
pub mod province;
pub mod solve;
mod start;
pub mod table;
pub mod ucj;

pub use file::{plan_from_json, plan_to_json, Plan, PlanFileError};
pub use national::{
    kabkota_in_plan, run_national, run_part, sum_nation, NationalOutcome, NationalScenario,
    OwnSources, ProvinceRun, Spared, StartingKabKota, ValidNational,
};
pub use plan::{ByPayer, Payer, PlanError, RegionResult, RegionYear, UcjPath, UcjYear};
pub use province::{
    run_province, ProvinceAmount, ProvinceOutcome, ProvinceScenario, ProvinceSource, ValidProvince,
};
pub use solve::{solve_province, ProvinceAnswer, ProvinceSolveError};
pub use start::{estimate, starting_scenario, Basis, Estimate, StartingPoint};
pub use ucj::{ucj_data, PathPoint, Ucj, UcjData};

use super::scenario::RegionKind;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::OnceLock;

// The CSV files as JSON rows, made by build.rs (so the app carries no CSV reader).
const KABKOTA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/kabkota.json"));
const PROVINCES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/provinces.json"));

/// A kabupaten or kota (a row of `kabkota.csv`; the fields in its column order).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct KabKota {
    /// Kemendagri code `PP.KK`, e.g. `81.71`.
    pub code: String,
    /// E.g. "Kota Ambon", "Kabupaten Sleman".
    pub name: String,
    pub province_code: String,
    pub province: String,
    pub kind: RegionKind,
    pub kecamatan: u32,
    pub desa: u32,
    pub kelurahan: u32,
    /// Dukcapil, December 2024 (administrative count).
    #[serde(rename = "population_dukcapil_2024s2")]
    pub population: u64,
}

/// A province (a row of `provinces.csv`; the fields in its column order); empty cells are
/// `None`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Province {
    /// Kemendagri code `PP`, e.g. `81`.
    pub code: String,
    #[serde(rename = "province")]
    pub name: String,
    /// People in work (BPS, August 2023), for four provinces only.
    pub employed: Option<u64>,
    /// Percent of workers in informal jobs (BPS Sakernas August 2023), e.g. 65.42.
    pub informal_share: Option<Decimal>,
    pub informal_workers: Option<u64>,
    /// Dukcapil, December 2024.
    pub population: u64,
    /// Active BPJS Ketenagakerjaan participants, all segments (December 2023).
    pub bpjs_active: Option<u64>,
    pub bpu_active: Option<u64>,
    pub ucj_pct: Option<Decimal>,
    pub kabupaten: u32,
    pub kota: u32,
    pub desa: u32,
    pub kelurahan: u32,
    /// Where each filled column comes from.
    pub sources: String,
}

/// One region the user can start from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place<'a> {
    KabKota(&'a KabKota),
    Province(&'a Province),
}

impl<'a> Place<'a> {
    pub fn code(self) -> &'a str {
        match self {
            Place::KabKota(k) => &k.code,
            Place::Province(p) => &p.code,
        }
    }

    /// The Indonesian name: "Kota Ambon", "Kabupaten Sleman", "Provinsi Maluku".
    pub fn name(self) -> String {
        match self {
            Place::KabKota(k) => k.name.clone(),
            Place::Province(p) => format!("Provinsi {}", p.name),
        }
    }

    /// The name without its kind: "Ambon", "Sleman", "Maluku".
    pub fn base_name(self) -> &'a str {
        match self {
            Place::KabKota(k) => k
                .name
                .strip_prefix("Kota ")
                .or_else(|| k.name.strip_prefix("Kabupaten "))
                .unwrap_or(&k.name),
            Place::Province(p) => &p.name,
        }
    }

    pub fn kind(self) -> RegionKind {
        match self {
            Place::KabKota(k) => k.kind,
            Place::Province(_) => RegionKind::Provinsi,
        }
    }

    /// The province's name (a province is its own).
    pub fn province_name(self) -> &'a str {
        match self {
            Place::KabKota(k) => &k.province,
            Place::Province(p) => &p.name,
        }
    }

    pub fn population(self) -> u64 {
        match self {
            Place::KabKota(k) => k.population,
            Place::Province(p) => p.population,
        }
    }

    pub fn desa(self) -> u32 {
        match self {
            Place::KabKota(k) => k.desa,
            Place::Province(p) => p.desa,
        }
    }

    pub fn kelurahan(self) -> u32 {
        match self {
            Place::KabKota(k) => k.kelurahan,
            Place::Province(p) => p.kelurahan,
        }
    }
}

/// Both tables, parsed once.
#[derive(Debug)]
pub struct Catalogue {
    pub provinces: Vec<Province>,
    pub kabkota: Vec<KabKota>,
}

/// Why the embedded tables could not be read (caught by tests).
#[derive(Debug, thiserror::Error)]
pub enum RegionError {
    #[error("data/regions/{0}: {1}")]
    Malformed(&'static str, String),
    /// No kab/kota or province has this code.
    #[error("unknown region code `{0}` (see `payung regions`)")]
    Unknown(String),
    /// Not a code at all: a province is two digits (`81`), a kab/kota `PP.KK` (`81.71`).
    #[error(
        "malformed region code `{0}`: a province is two digits (81), a kab/kota two pairs (81.71)"
    )]
    BadCode(String),
}

/// Whether `code` has the shape of a Kemendagri code: `PP` or `PP.KK`, digits only.
pub fn is_code(code: &str) -> bool {
    let pair = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    match code.split_once('.') {
        Some((p, k)) => pair(p) && pair(k),
        None => pair(code),
    }
}

fn read<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    text: &str,
) -> Result<Vec<T>, RegionError> {
    serde_json::from_str(text).map_err(|e| RegionError::Malformed(file, e.to_string()))
}

impl Catalogue {
    fn parse() -> Result<Self, RegionError> {
        Ok(Self {
            provinces: read("provinces.csv", PROVINCES_JSON)?,
            kabkota: read("kabkota.csv", KABKOTA_JSON)?,
        })
    }

    /// The province with this code.
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The kab/kota or province with this code, or why there is none (malformed, unknown).
    pub fn place(&self, code: &str) -> Result<Place<'_>, RegionError> {
        let code = code.trim();
        if !is_code(code) {
            return Err(RegionError::BadCode(code.to_string()));
        }
        self.find(code)
            .ok_or_else(|| RegionError::Unknown(code.to_string()))
    }

    /// The kab/kota or province with this code (`81.71`, `81`).
    pub fn find(&self, code: &str) -> Option<Place<'_>> {
        let code = code.trim();
        self.kabkota
            .iter()
            .find(|k| k.code == code)
            .map(Place::KabKota)
            .or_else(|| self.province(code).map(Place::Province))
    }

    /// Every region, provinces first, each followed by its kab/kota in code order.
    pub fn all(&self) -> Vec<Place<'_>> {
        let mut out = Vec::with_capacity(self.provinces.len() + self.kabkota.len());
        for p in &self.provinces {
            out.push(Place::Province(p));
            out.extend(
                self.kabkota
                    .iter()
                    .filter(|k| k.province_code == p.code)
                    .map(Place::KabKota),
            );
        }
        out
    }

    /// The region of `kind` called `name`, in any case: in full ("Kabupaten Mukomuko"), or
    /// with the word for its kind in front shortened, in English or left out ("Kab.
    /// Mukomuko", "Regency Mukomuko", "Mukomuko").
    pub fn named(&self, name: &str, kind: RegionKind) -> Option<Place<'_>> {
        let name = name.trim();
        let base = name
            .split_once(' ')
            .filter(|(head, _)| {
                let head = head.trim_end_matches('.').to_lowercase();
                kind_words(kind).contains(&head.as_str())
            })
            .map_or(name, |(_, rest)| rest.trim());
        self.all().into_iter().find(|p| {
            p.kind() == kind && (p.name() == name || p.base_name().eq_ignore_ascii_case(base))
        })
    }

    /// Regions whose names match every word typed, best first: "sleman", "kota amb",
    /// "kab. bantul", "ambon city", "prov maluku", or a code ("81.71"). A word matches the
    /// start of a word of the name, of the province's name, or of the kind in either
    /// language (kota/city, kabupaten/kab/regency, provinsi/prov/province).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Place<'_>> {
        let words: Vec<String> = query
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
            .map(|w| w.trim_end_matches('.').to_string())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize, Place<'_>)> = self
            .all()
            .into_iter()
            .enumerate()
            .filter_map(|(i, place)| score(place, &words).map(|s| (s, i, place)))
            .collect();
        scored.sort_by_key(|&(s, i, _)| (std::cmp::Reverse(s), i));
        scored.into_iter().take(limit).map(|(_, _, p)| p).collect()
    }
}

/// The words for a kind of region, in either language, as typed in a search or in front
/// of a name ("Kab. Mukomuko"), lower case.
fn kind_words(kind: RegionKind) -> &'static [&'static str] {
    match kind {
        RegionKind::Kota => &["kota", "city"],
        RegionKind::Kabupaten => &["kabupaten", "kab", "regency"],
        RegionKind::Provinsi => &["provinsi", "prov", "province"],
    }
}

/// How well `place` matches every word (higher is better), or none if a word misses.
fn score(place: Place<'_>, words: &[String]) -> Option<u32> {
    let kind_words = kind_words(place.kind());
    let base = place.base_name().to_lowercase();
    let province = place.province_name().to_lowercase();
    let mut total = 0;
    for w in words {
        let starts_word = |text: &str| {
            text.split([' ', '-'])
                .any(|part| part.starts_with(w.as_str()))
        };
        total += if place.code() == w {
            100
        } else if base == *w {
            40
        } else if base.starts_with(w.as_str()) {
            30
        } else if starts_word(&base) {
            20
        } else if kind_words.iter().any(|k| k.starts_with(w.as_str())) {
            5
        } else if starts_word(&province) {
            2
        } else {
            return None;
        };
    }
    Some(total)
}

/// The embedded tables, parsed on first use.
pub fn catalogue() -> Result<&'static Catalogue, RegionError> {
    static CATALOGUE: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::parse().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| RegionError::Malformed("regions", e.clone()))
}
