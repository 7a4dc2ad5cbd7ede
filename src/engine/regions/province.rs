//! A province's plan: the province's own sources (APBD provinsi shared among its kab/kota,
//! BKBK transfers to desa, co-funding a share of every premium, quotas of workers per
//! kab/kota) over each of its kab/kota's own scenario.
//!
//! The province's sources become ordinary funding sources (kind `apbd_provinsi`) added to each
//! kab/kota's scenario, and every kab/kota runs through the single-region simulation (reading
//! only what a plan shows: `simulate_region`); the province's figures are the sums of its
//! kab/kota's. Nothing here simulates a month. This module knows nothing of how a plan is
//! shown or stored.

mod sources;

use super::plan::{PlanError, RegionResult, UcjPath};
use super::ucj::{Ucj, UcjData};
use super::{Catalogue, KabKota};
use crate::engine::scenario::{Amount, Horizon, Programmes, Scenario, Target};
use crate::engine::simulate::{simulate_region, PriceCache, RegionFigures};
use crate::engine::{presets, Parameters, Rupiah, ValidScenario};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A province and its kab/kota, as one plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceScenario {
    /// `plan::PLAN_SCHEMA_VERSION` when written.
    pub schema_version: u32,
    pub name: String,
    /// Kemendagri province code, e.g. `81`.
    pub province: String,
    /// Every kab/kota runs over this horizon.
    pub horizon: Horizon,
    /// The province-wide goal (pekerja rentan covered), also each starting kab/kota's goal.
    pub target: Target,
    /// The province's own money, in priority order with the kab/kota's sources.
    pub sources: Vec<ProvinceSource>,
    /// Kab/kota whose scenario is not their starting one; every other kab/kota of the
    /// province runs its starting scenario (`regions::starting_scenario`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kabkota: Vec<KabKotaScenario>,
}

/// A kab/kota's own scenario inside a province plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KabKotaScenario {
    /// Kemendagri code `PP.KK`.
    pub code: String,
    pub scenario: Scenario,
}

/// One of the province's own sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceSource {
    /// Unique among the province's sources and its kab/kota's.
    pub name: String,
    pub amount: ProvinceAmount,
    /// Lower numbers are used first, among the kab/kota's own sources too.
    pub priority: u32,
    pub first_year: i32,
    /// The last funded year, or none for "until the end of the horizon".
    pub last_year: Option<i32>,
}

/// How a province's source reaches the kab/kota.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProvinceAmount {
    /// APBD provinsi, Rupiah per year, shared among the kab/kota in proportion to their
    /// pekerja rentan at the start.
    Apbd { yearly: Rupiah },
    /// Bantuan keuangan khusus (BKBK) to every desa, Rupiah per desa per year, which the
    /// desa spend on premiums (Jambi, Pergub 16/2022). Counted as the province's money.
    Bkbk { per_desa: Rupiah },
    /// A share of every premium paid in each kab/kota, by its own sources and by the
    /// province's other sources alike (ratio, 0.5 = half); their money then covers more.
    CoFund { share: Decimal },
    /// The whole premium of up to this many workers in each named kab/kota (by code).
    Quota { workers: BTreeMap<String, u64> },
}

/// A province plan that passed validation: each kab/kota's scenario with the province's
/// sources added, ready to run.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidProvince {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) target: Target,
    pub(super) horizon: Horizon,
    pub(super) sources: Vec<ProvinceSource>,
    pub(super) members: Vec<Member>,
    /// The package a member missing from the UCJ path would pay (the `custom` preset's).
    pub(super) package: Programmes,
    /// The province's UCJ before the plan, and the target path.
    pub(super) ucj: Ucj,
    pub(super) ucj_data: &'static UcjData,
    /// Workers the kab/kota scenarios cover at the start (already members).
    pub(super) covered_at_start: u64,
}

/// One kab/kota inside a valid province plan.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Member {
    pub code: String,
    pub name: String,
    pub scenario: ValidScenario,
    /// Sources from this index on are the province's (in the order of `sources`, those that
    /// apply here), before it the kab/kota's own.
    pub own: usize,
    /// Which province source each of those is.
    pub province_sources: Vec<usize>,
    /// Whether it runs its starting scenario (pekerja rentan estimated from the tables).
    pub estimated: bool,
}

impl ValidProvince {
    /// The province's Kemendagri code, for the result rows and drill-down.
    pub fn code(&self) -> &str {
        &self.code
    }
    /// "Provinsi …", as its result row is named.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The kab/kota codes, in code order.
    pub fn kabkota_codes(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.code.as_str()).collect()
    }
    /// A kab/kota's scenario as it runs, with the province's sources added.
    pub fn kabkota_scenario(&self, code: &str) -> Option<&ValidScenario> {
        self.members
            .iter()
            .find(|m| m.code == code)
            .map(|m| &m.scenario)
    }
}

impl ProvinceScenario {
    /// The plan a province starts from: each kab/kota's starting scenario over `horizon`
    /// with `target`, and one APBD provinsi line worth a tenth of the province's pekerja
    /// rentan for a year (in whole juta), shared among its kab/kota.
    pub fn starting(
        params: &Parameters,
        catalogue: &Catalogue,
        code: &str,
    ) -> Result<ProvinceScenario, PlanError> {
        let province = catalogue
            .province(code.trim())
            .ok_or_else(|| PlanError::UnknownProvince(code.trim().to_string()))?;
        let custom = presets::load("custom").map_err(|e| PlanError::Data(e.to_string()))?;
        let start = super::starting_scenario(params, &province.code)
            .map_err(|e| PlanError::Data(e.to_string()))?;
        let yearly = match start.scenario.sources.first().map(|s| &s.amount) {
            Some(Amount::Rupiah { yearly }) => *yearly,
            _ => Decimal::ZERO,
        };
        Ok(ProvinceScenario {
            schema_version: super::plan::PLAN_SCHEMA_VERSION,
            name: format!("Provinsi {}", province.name),
            province: province.code.clone(),
            horizon: custom.horizon.clone(),
            target: custom.target.clone(),
            sources: vec![ProvinceSource {
                name: format!("APBD Provinsi {}", province.name),
                amount: ProvinceAmount::Apbd { yearly },
                priority: 0,
                first_year: custom.horizon.start.year,
                last_year: None,
            }],
            kabkota: Vec::new(),
        })
    }

    /// Checks the plan, builds each kab/kota's scenario with the province's sources added,
    /// and validates each one.
    pub fn validate(
        &self,
        params: &Parameters,
        catalogue: &Catalogue,
    ) -> Result<ValidProvince, PlanError> {
        let province = catalogue
            .province(self.province.trim())
            .ok_or_else(|| PlanError::UnknownProvince(self.province.trim().to_string()))?;
        let mine: Vec<&KabKota> = catalogue
            .kabkota
            .iter()
            .filter(|k| k.province_code == province.code)
            .collect();
        self.check_sources(catalogue, province)?;
        let mut custom: BTreeMap<&str, &Scenario> = BTreeMap::new();
        for k in &self.kabkota {
            let code = k.code.trim();
            match catalogue.find(code) {
                None => return Err(PlanError::UnknownKabKota(code.to_string())),
                Some(super::Place::Province(_)) => {
                    return Err(PlanError::UnknownKabKota(code.to_string()))
                }
                Some(super::Place::KabKota(kk)) if kk.province_code != province.code => {
                    return Err(PlanError::NotInProvince {
                        code: code.to_string(),
                        province: province.code.clone(),
                    })
                }
                Some(_) => {}
            }
            if custom.insert(code, &k.scenario).is_some() {
                return Err(PlanError::Duplicate(code.to_string()));
            }
        }
        let mut scenarios = Vec::with_capacity(mine.len());
        for k in &mine {
            let sc = match custom.get(k.code.as_str()) {
                Some(sc) if sc.horizon != self.horizon => {
                    return Err(PlanError::Horizon {
                        code: k.code.clone(),
                        start: self.horizon.start,
                        years: self.horizon.years,
                    })
                }
                Some(sc) => (*sc).clone(),
                None => {
                    let mut sc = super::starting_scenario(params, &k.code)
                        .map_err(|e| PlanError::Data(e.to_string()))?
                        .scenario;
                    sc.horizon = self.horizon.clone();
                    sc.target = self.target.clone();
                    for s in &mut sc.sources {
                        s.first_year = self.horizon.start.year;
                        s.first_month = self.horizon.start.month;
                    }
                    sc
                }
            };
            scenarios.push(sc);
        }
        let apbd_shares = self.apbd_shares(&scenarios);
        let mut members = Vec::with_capacity(mine.len());
        for (m, (k, mut sc)) in mine.iter().zip(scenarios).enumerate() {
            let own = sc.sources.len();
            let mut province_sources = Vec::new();
            for (i, source) in self.sources.iter().enumerate() {
                if let Some(added) = source.in_kabkota(k, apbd_shares[i].get(m).copied()) {
                    sc.sources.push(added);
                    province_sources.push(i);
                }
            }
            let scenario = sc.validate(params).map_err(|error| PlanError::KabKota {
                code: k.code.clone(),
                name: k.name.clone(),
                error: Box::new(error),
            })?;
            members.push(Member {
                code: k.code.clone(),
                name: k.name.clone(),
                scenario,
                own,
                province_sources,
                estimated: !custom.contains_key(k.code.as_str()),
            });
        }
        let package = presets::load("custom")
            .map_err(|e| PlanError::Data(e.to_string()))?
            .programmes;
        let ucj_data = super::ucj::ucj_data().map_err(|e| PlanError::Data(e.to_string()))?;
        let covered_at_start = members
            .iter()
            .flat_map(|m| &m.scenario.region.covered_at_start)
            .map(|c| c.workers)
            .sum();
        Ok(ValidProvince {
            ucj: super::ucj::ucj(params, ucj_data, province, self.horizon.start),
            ucj_data,
            covered_at_start,
            code: province.code.clone(),
            name: format!("Provinsi {}", province.name),
            target: self.target.clone(),
            horizon: self.horizon.clone(),
            sources: self.sources.clone(),
            members,
            package,
        })
    }
}

/// What running a province plan produced: the province's figures, each kab/kota's, and
/// what each of the province's own sources paid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceOutcome {
    /// The sums of the kab/kota (with the province's UCJ).
    pub province: RegionResult,
    /// Each kab/kota, in code order; their own sources and the province's within them.
    pub kabkota: Vec<RegionResult>,
    /// What each of the province's sources paid, across its kab/kota.
    pub own_sources: Vec<OwnSourceResult>,
}

/// One of the province's own sources, summed over its kab/kota.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnSourceResult {
    pub name: String,
    /// Contributions paid in each year of the horizon.
    pub by_year: Vec<Rupiah>,
    /// Contributions paid over the horizon in each kab/kota (in `kabkota`'s order).
    pub by_kabkota: Vec<Rupiah>,
}

/// Runs every kab/kota of a valid province plan and sums them.
pub fn run_province(params: &Parameters, plan: &ValidProvince) -> ProvinceOutcome {
    run_with_months(params, plan).0
}

/// The outcome and the province's covered and pekerja rentan for each month (for the
/// national sums).
pub(super) fn run_with_months(
    params: &Parameters,
    plan: &ValidProvince,
) -> (ProvinceOutcome, Vec<(u64, u64)>) {
    let mut cache = PriceCache::default();
    let runs: Vec<RegionFigures> = plan
        .members
        .iter()
        .map(|m| simulate_region(params, &m.scenario, &mut cache))
        .collect();
    let kabkota: Vec<RegionResult> = plan
        .members
        .iter()
        .zip(&runs)
        .map(|(m, r)| {
            RegionResult::of_figures(&m.code, &m.name, &m.scenario, r, m.own, m.estimated)
        })
        .collect();
    let months = monthly(&runs);
    let years = plan.horizon.years as usize;
    let own_sources = plan
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut by_year = vec![Decimal::ZERO; years];
            let mut by_kabkota = vec![Decimal::ZERO; plan.members.len()];
            for (k, (m, r)) in plan.members.iter().zip(&runs).enumerate() {
                let Some(j) = m.province_sources.iter().position(|p| *p == i) else {
                    continue;
                };
                for y in 0..r.figures.years.len() {
                    let paid = r.by_source(y)[m.own + j];
                    if let Some(slot) = by_year.get_mut(y) {
                        *slot += paid;
                    }
                    by_kabkota[k] += paid;
                }
            }
            OwnSourceResult {
                name: s.name.clone(),
                by_year,
                by_kabkota,
            }
        })
        .collect();
    let mut province = RegionResult::sum(
        &plan.code,
        &plan.name,
        &plan.target,
        &kabkota,
        &months,
        plan.horizon.start,
    );
    province.ucj = Some(UcjPath::province(
        params,
        plan.ucj_data,
        plan.ucj,
        &province.years,
        plan.covered_at_start,
        &plan.package,
    ));
    (
        ProvinceOutcome {
            province,
            kabkota,
            own_sources,
        },
        months,
    )
}

/// Covered and pekerja rentan summed over the runs, month by month.
pub(super) fn monthly(runs: &[RegionFigures]) -> Vec<(u64, u64)> {
    let n = runs.first().map_or(0, |r| r.months.len());
    (0..n)
        .map(|i| {
            runs.iter().fold((0, 0), |(c, p), r| {
                let (covered, population) = r.months[i];
                (c + covered, p + population)
            })
        })
        .collect()
}
