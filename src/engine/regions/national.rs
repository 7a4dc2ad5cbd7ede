//! The national plan: all 38 provinces, each with its own sources over its kab/kota (514 in
//! all), and the nation's figures as the sums of the provinces', with the Universal Coverage
//! Jamsostek path (the RPJMN targets) and the cost of the members still short of it, by
//! province. Nothing here simulates a month; it knows nothing of how results are shown.

use super::plan::{PlanError, RegionResult, UcjPath};
use super::province::{self, ProvinceOutcome, ProvinceScenario, ProvinceSource, ValidProvince};
use super::Catalogue;
use crate::engine::scenario::{Horizon, Scenario, Target};
use crate::engine::Parameters;
use serde::{Deserialize, Serialize};

/// The code of the nation's own result row.
pub const NATION_CODE: &str = "ID";

/// Every province of Indonesia, as one plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalScenario {
    /// `plan::PLAN_SCHEMA_VERSION` when written.
    pub schema_version: u32,
    pub name: String,
    /// Every province and kab/kota runs over this horizon.
    pub horizon: Horizon,
    /// The national goal (pekerja rentan covered), also each starting province's goal.
    pub target: Target,
    /// Provinces whose plan is not their starting one (`ProvinceScenario::starting` over this
    /// horizon and target); their horizon must be this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provinces: Vec<ProvinceScenario>,
}

/// A province's own sources as edited over its starting plan: what the app's national view
/// changes (`ProvinceScenario::sources`; its kab/kota keep their starting scenarios), and
/// what the view's job and links carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnSources {
    /// Kemendagri province code, e.g. `81`.
    pub province: String,
    pub sources: Vec<ProvinceSource>,
}

/// A national plan that passed validation, ready to run.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidNational {
    name: String,
    target: Target,
    horizon: Horizon,
    provinces: Vec<ValidProvince>,
}

impl ValidNational {
    /// The plan's name, which names the nation's result row.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The provinces, in code order.
    pub fn provinces(&self) -> &[ValidProvince] {
        &self.provinces
    }
}

/// What running the national plan produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NationalOutcome {
    /// The sums of the provinces (code `ID`), with the UCJ path summed.
    pub nation: RegionResult,
    /// Each province with its kab/kota, in code order.
    pub provinces: Vec<ProvinceOutcome>,
}

impl NationalScenario {
    /// Every province's starting plan over the `custom` preset's horizon and target.
    pub fn starting() -> Result<NationalScenario, PlanError> {
        let custom =
            crate::engine::presets::load("custom").map_err(|e| PlanError::Data(e.to_string()))?;
        Ok(NationalScenario {
            schema_version: super::plan::PLAN_SCHEMA_VERSION,
            name: "Indonesia".into(),
            horizon: custom.horizon,
            target: custom.target,
            provinces: Vec::new(),
        })
    }

    /// Checks every province's plan (the starting one where none is given).
    pub fn validate(
        &self,
        params: &Parameters,
        catalogue: &Catalogue,
    ) -> Result<ValidNational, PlanError> {
        self.check_given(catalogue)?;
        let provinces = catalogue
            .provinces
            .iter()
            .map(|row| {
                let given = self
                    .provinces
                    .iter()
                    .find(|p| p.province.trim() == row.code);
                match given {
                    Some(p) => p.validate(params, catalogue),
                    None => self
                        .starting_province(params, catalogue, &row.code)?
                        .validate(params, catalogue),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ValidNational {
            name: self.name.clone(),
            target: self.target.clone(),
            horizon: self.horizon.clone(),
            provinces,
        })
    }

    /// This plan with the `edited` provinces on their starting plans with their own sources
    /// replaced.
    pub fn with_own_sources(
        mut self,
        params: &Parameters,
        catalogue: &Catalogue,
        edited: &[OwnSources],
    ) -> Result<Self, PlanError> {
        let provinces = edited
            .iter()
            .map(|e| {
                let mut p = self.starting_province(params, catalogue, &e.province)?;
                p.sources.clone_from(&e.sources);
                Ok(p)
            })
            .collect::<Result<Vec<_>, PlanError>>()?;
        self.provinces = provinces;
        Ok(self)
    }

    /// Only the given provinces' plans, validated, with their index among the catalogue's
    /// provinces (for replacing those provinces in runs of the starting plan).
    pub fn validate_given(
        &self,
        params: &Parameters,
        catalogue: &Catalogue,
    ) -> Result<Vec<(usize, ValidProvince)>, PlanError> {
        self.check_given(catalogue)?;
        self.provinces
            .iter()
            .map(|p| {
                let code = p.province.trim();
                let index = catalogue
                    .provinces
                    .iter()
                    .position(|row| row.code == code)
                    .ok_or_else(|| PlanError::UnknownProvince(code.to_string()))?;
                Ok((index, p.validate(params, catalogue)?))
            })
            .collect()
    }

    /// The given provinces are known, each once, over this plan's horizon.
    fn check_given(&self, catalogue: &Catalogue) -> Result<(), PlanError> {
        for (i, p) in self.provinces.iter().enumerate() {
            let code = p.province.trim();
            if catalogue.province(code).is_none() {
                return Err(PlanError::UnknownProvince(code.to_string()));
            }
            if self.provinces[..i]
                .iter()
                .any(|o| o.province.trim() == code)
            {
                return Err(PlanError::Duplicate(code.to_string()));
            }
            if p.horizon != self.horizon {
                return Err(PlanError::Horizon {
                    code: code.to_string(),
                    start: self.horizon.start,
                    years: self.horizon.years,
                });
            }
        }
        Ok(())
    }

    /// Province `code`'s starting plan over this plan's horizon and target.
    pub fn starting_province(
        &self,
        params: &Parameters,
        catalogue: &Catalogue,
        code: &str,
    ) -> Result<ProvinceScenario, PlanError> {
        let mut p = ProvinceScenario::starting(params, catalogue, code)?;
        p.horizon = self.horizon.clone();
        p.target = self.target.clone();
        for s in &mut p.sources {
            s.first_year = self.horizon.start.year;
        }
        Ok(p)
    }
}

/// Kab/kota `code`'s scenario as the national plan runs it: its own sources and, after them,
/// its province's (the starting ones, or those `edited` gives). Opened in the simulator it
/// shows the figures of its row in the plan, where its own starting scenario
/// (`regions::starting_scenario`) leaves the province's money out.
pub fn kabkota_in_plan(
    params: &Parameters,
    catalogue: &Catalogue,
    edited: &[OwnSources],
    code: &str,
) -> Result<Scenario, PlanError> {
    let unknown = || PlanError::UnknownKabKota(code.to_string());
    let Some(super::Place::KabKota(kabkota)) = catalogue.find(code) else {
        return Err(unknown());
    };
    let plan = NationalScenario::starting()?;
    let mut province = plan.starting_province(params, catalogue, &kabkota.province_code)?;
    if let Some(own) = edited.iter().find(|e| e.province == kabkota.province_code) {
        province.sources.clone_from(&own.sources);
    }
    let valid = province.validate(params, catalogue)?;
    let scenario = valid.kabkota_scenario(code).ok_or_else(unknown)?;
    Ok(scenario.scenario().clone())
}

/// One province's run, kept to be summed into the nation: a caller may keep the runs of
/// unchanged provinces and sum them again with a changed one's.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceRun {
    pub outcome: ProvinceOutcome,
    /// Covered and pekerja rentan for each month.
    months: Vec<(u64, u64)>,
}

/// Runs one province of a plan.
pub fn run_part(params: &Parameters, province: &ValidProvince) -> ProvinceRun {
    let (outcome, months) = province::run_with_months(params, province);
    ProvinceRun { outcome, months }
}

/// Runs every province of a valid national plan and sums them.
pub fn run_national(params: &Parameters, plan: &ValidNational) -> NationalOutcome {
    let runs: Vec<ProvinceRun> = plan.provinces.iter().map(|p| run_part(params, p)).collect();
    sum_nation(&plan.name, &plan.target, &plan.horizon, runs)
}

/// The nation's figures from every province's run (in code order), named `name`.
pub fn sum_nation(
    name: &str,
    target: &Target,
    horizon: &Horizon,
    runs: Vec<ProvinceRun>,
) -> NationalOutcome {
    let mut months: Vec<(u64, u64)> = Vec::new();
    let mut provinces = Vec::with_capacity(runs.len());
    for run in runs {
        if months.is_empty() {
            months = run.months;
        } else {
            for (sum, (c, w)) in months.iter_mut().zip(run.months) {
                sum.0 += c;
                sum.1 += w;
            }
        }
        provinces.push(run.outcome);
    }
    let parts: Vec<RegionResult> = provinces.iter().map(|p| p.province.clone()).collect();
    let mut nation = RegionResult::sum(NATION_CODE, name, target, &parts, &months, horizon.start);
    let paths: Vec<&UcjPath> = provinces
        .iter()
        .filter_map(|p| p.province.ucj.as_ref())
        .collect();
    nation.ucj = UcjPath::sum(&paths);
    NationalOutcome { nation, provinces }
}

/// A province's kab/kota results on its starting plan, by province code: what a page keeps
/// of national answers so that later answers may leave them out (`NationalOutcome::spare`).
pub type StartingKabKota = std::collections::HashMap<String, Vec<RegionResult>>;

/// What `NationalOutcome::spare` did, by province code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Spared {
    /// The provinces whose kab/kota were left out (the reader holds them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// The provinces on their starting plan whose kab/kota were carried: the reader may
    /// keep them, and name them in later jobs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<String>,
}

impl NationalOutcome {
    /// Leaves out the kab/kota of each province on its starting plan (not in `edited`)
    /// whose code is in `known`: the reader holds them from an earlier answer, and they are
    /// the same in every answer. The provinces' and the nation's own figures stay.
    pub fn spare(&mut self, edited: &[OwnSources], known: &[String]) -> Spared {
        let mut spared = Spared::default();
        for p in &mut self.provinces {
            let code = &p.province.code;
            // Codes are read trimmed (` 81` edits Maluku), so they are compared trimmed.
            if edited.iter().any(|e| e.province.trim() == code) {
                continue;
            }
            if known.contains(code) {
                p.kabkota = Vec::new();
                spared.left_out.push(code.clone());
            } else {
                spared.carried.push(code.clone());
            }
        }
        spared
    }

    /// Puts back the kab/kota that `spare` left out, from `kept`, and adds to `kept` those
    /// it carried. False, and nothing changed, when one left out is not kept.
    pub fn restore(&mut self, spared: &Spared, kept: &mut StartingKabKota) -> bool {
        if !spared.left_out.iter().all(|code| kept.contains_key(code)) {
            return false;
        }
        for p in &mut self.provinces {
            let code = &p.province.code;
            if spared.left_out.contains(code) {
                p.kabkota = kept[code].clone();
            } else if spared.carried.contains(code) {
                kept.entry(code.clone())
                    .or_insert_with(|| p.kabkota.clone());
            }
        }
        true
    }
}
