//! What province and national plans share: the result of one region (a kab/kota, a province
//! or the nation) year by year with who pays, the UCJ path of a province or the nation, and
//! the errors of a plan. Results are plain serialisable data (they cross a worker boundary
//! as JSON). This module knows nothing of how they are shown.

use super::ucj::{PathPoint, Ucj, UcjData};
use crate::engine::calendar::YearMonth;
use crate::engine::scenario::{Programmes, Scenario, SourceKind, Target};
use crate::engine::simulate::RegionFigures;
use crate::engine::{ratio, Parameters, Rupiah, ScenarioError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The province and national plan JSON format this build writes (`schema_version`); each
/// kab/kota scenario inside keeps its own scenario `schema_version`.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// Who a Rupiah of premium comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// APBD provinsi, including BKBK transfers that desa spend.
    Province,
    /// APBD kabupaten/kota and revenue shares spent through it (DBHCHT, DBH sawit).
    KabKota,
    /// Dana Desa through the APBDes.
    Desa,
    /// Bapak asuh, CSR, Baznas and other pledges.
    Other,
}

/// Contributions split by payer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByPayer {
    pub province: Rupiah,
    pub kab_kota: Rupiah,
    pub desa: Rupiah,
    pub other: Rupiah,
}

impl ByPayer {
    /// Every payer's part together: the year's contributions.
    pub fn total(&self) -> Rupiah {
        self.province + self.kab_kota + self.desa + self.other
    }

    fn add(&mut self, payer: Payer, amount: Rupiah) {
        match payer {
            Payer::Province => self.province += amount,
            Payer::KabKota => self.kab_kota += amount,
            Payer::Desa => self.desa += amount,
            Payer::Other => self.other += amount,
        }
    }

    fn plus(self, o: ByPayer) -> ByPayer {
        ByPayer {
            province: self.province + o.province,
            kab_kota: self.kab_kota + o.kab_kota,
            desa: self.desa + o.desa,
            other: self.other + o.other,
        }
    }
}

/// One region's fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionYear {
    pub year: i32,
    /// Pekerja rentan at the year's end (an estimate where the region's count is).
    pub workers: u64,
    pub covered: u64,
    /// covered / workers, to four decimals.
    pub coverage: Decimal,
    /// All contributions paid in the year.
    pub contributions: Rupiah,
    pub by_payer: ByPayer,
    /// The part of `contributions` paid by the province's own sources (its APBD line, BKBK,
    /// co-funding and quotas); the rest is the kab/kota's own sources.
    pub from_province_sources: Rupiah,
    /// Money budgeted and not spent.
    pub unspent: Rupiah,
}

/// One region over the horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionResult {
    /// Kemendagri code (`81.71`, `81`), or `ID` for the nation.
    pub code: String,
    pub name: String,
    pub target: Target,
    /// The first month coverage reached the target, if it did.
    pub target_reached: Option<YearMonth>,
    /// Reached, and at or above the target at the end of the target year and every later one.
    pub target_met: bool,
    pub years: Vec<RegionYear>,
    /// Whether the pekerja rentan are (or include) the tables' estimate: a kab/kota on its
    /// starting scenario, or a sum over one.
    pub workers_estimated: bool,
    /// Universal Coverage Jamsostek, for provinces and the nation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ucj: Option<UcjPath>,
}

impl RegionResult {
    /// A kab/kota's result from its run; sources from index `own` on are the province's.
    pub(super) fn of_figures(
        code: &str,
        name: &str,
        sc: &Scenario,
        run: &RegionFigures,
        own: usize,
        workers_estimated: bool,
    ) -> RegionResult {
        let years = run
            .figures
            .years
            .iter()
            .enumerate()
            .zip(&run.unspent)
            .map(|((k, y), unspent)| {
                let by_source = run.by_source(k);
                let mut by_payer = ByPayer::default();
                let mut from_province = Decimal::ZERO;
                for (i, (paid, source)) in by_source.iter().zip(&sc.sources).enumerate() {
                    by_payer.add(payer(source.kind), *paid);
                    if i >= own {
                        from_province += paid;
                    }
                }
                RegionYear {
                    year: y.year,
                    workers: y.population_end,
                    covered: y.covered_end,
                    coverage: ratio(y.covered_end, y.population_end),
                    contributions: y.contributions,
                    by_payer,
                    from_province_sources: from_province,
                    unspent: *unspent,
                }
            })
            .collect();
        RegionResult {
            code: code.to_string(),
            name: name.to_string(),
            target: sc.target.clone(),
            target_reached: run.figures.target_reached,
            target_met: run.figures.target_met,
            years,
            workers_estimated,
            ucj: None,
        }
    }

    /// The sum of `parts` (same horizon), judged against `target` month by month (`months`:
    /// covered and pekerja rentan of all parts).
    pub(super) fn sum(
        code: &str,
        name: &str,
        target: &Target,
        parts: &[RegionResult],
        months: &[(u64, u64)],
        start: YearMonth,
    ) -> RegionResult {
        let n = parts.first().map_or(0, |p| p.years.len());
        let years: Vec<RegionYear> = (0..n)
            .map(|i| {
                let mut y = RegionYear {
                    year: parts[0].years[i].year,
                    workers: 0,
                    covered: 0,
                    coverage: Decimal::ZERO,
                    contributions: Decimal::ZERO,
                    by_payer: ByPayer::default(),
                    from_province_sources: Decimal::ZERO,
                    unspent: Decimal::ZERO,
                };
                for p in parts {
                    let py = &p.years[i];
                    y.workers += py.workers;
                    y.covered += py.covered;
                    y.contributions += py.contributions;
                    y.by_payer = y.by_payer.plus(py.by_payer);
                    y.from_province_sources += py.from_province_sources;
                    y.unspent += py.unspent;
                }
                y.coverage = ratio(y.covered, y.workers);
                y
            })
            .collect();
        let target_reached = reached(months, target.coverage, start);
        let below =
            |y: &RegionYear| Decimal::from(y.covered) < target.coverage * Decimal::from(y.workers);
        let judged: Vec<&RegionYear> = years.iter().filter(|y| y.year >= target.year).collect();
        let target_met =
            target_reached.is_some() && !judged.is_empty() && !judged.iter().any(|y| below(y));
        RegionResult {
            code: code.to_string(),
            name: name.to_string(),
            target: target.clone(),
            target_reached,
            target_met,
            years,
            workers_estimated: parts.iter().any(|p| p.workers_estimated),
            ucj: None,
        }
    }

    /// Contributions over the horizon.
    pub fn total_contributions(&self) -> Rupiah {
        self.years.iter().map(|y| y.contributions).sum()
    }
}

/// UCJ before the plan and at each year's end with the plan's newly covered workers, against
/// the national target path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UcjPath {
    /// The figure before any plan (an estimate where `is_estimate`).
    pub base: Ucj,
    pub years: Vec<UcjYear>,
}

/// UCJ at one year's end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UcjYear {
    pub year: i32,
    /// Active members and the workers the plan newly covers.
    pub members: u64,
    /// members / all workers; an estimate, since
    /// the plan's workers are assumed not to be members already.
    pub share: Decimal,
    pub target: PathPoint,
    /// Members still short of the target.
    pub gap_members: u64,
    /// What a year of the package would cost for them (an estimate: the cost of the path
    /// beyond what the plan pays, with no payer yet).
    pub gap_cost: Rupiah,
}

impl UcjPath {
    /// A province's path: `new_members[i]` are the workers its plan newly covers at the end
    /// of `years[i]`.
    pub(super) fn province(
        params: &Parameters,
        data: &UcjData,
        base: Ucj,
        years: &[RegionYear],
        covered_at_start: u64,
        package: &Programmes,
    ) -> UcjPath {
        let years = years
            .iter()
            .map(|y| {
                let new = y.covered.saturating_sub(covered_at_start);
                let target = data.target(y.year);
                let gap = base.gap(target.target, new);
                UcjYear {
                    year: y.year,
                    members: base.active_members + new,
                    share: base.with_members(new),
                    target,
                    gap_members: gap,
                    gap_cost: Decimal::from(gap) * year_of_package(params, package, y.year),
                }
            })
            .collect();
        UcjPath { base, years }
    }

    /// The nation's path: the provinces' figures summed; the gap is every province's own gap
    /// (each province reaching the path), not the nation's average.
    pub(super) fn sum(paths: &[&UcjPath]) -> Option<UcjPath> {
        let first = paths.first()?;
        let mut base = Ucj {
            workers: 0,
            workers_estimated: false,
            active_members: 0,
            active_estimated: false,
            share: Decimal::ZERO,
        };
        for p in paths {
            base.workers += p.base.workers;
            base.active_members += p.base.active_members;
            base.workers_estimated |= p.base.workers_estimated;
            base.active_estimated |= p.base.active_estimated;
        }
        base.share = ratio(base.active_members, base.workers);
        let years = (0..first.years.len())
            .map(|i| {
                let members = paths.iter().map(|p| p.years[i].members).sum();
                UcjYear {
                    year: first.years[i].year,
                    members,
                    share: ratio(members, base.workers),
                    target: first.years[i].target,
                    gap_members: paths.iter().map(|p| p.years[i].gap_members).sum(),
                    gap_cost: paths.iter().map(|p| p.years[i].gap_cost).sum(),
                }
            })
            .collect();
        Some(UcjPath { base, years })
    }
}

/// A year of the package for one worker in `year` (twelve January months, no discount:
/// public money never gets PP 50/2025's).
fn year_of_package(params: &Parameters, package: &Programmes, year: i32) -> Rupiah {
    params
        .contribution_for(YearMonth::new(year, 1), package, false)
        .total()
        * Decimal::from(12)
}

/// Why a province or national plan cannot run.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// No province has this code.
    #[error("unknown province code `{0}` (see `payung regions`)")]
    UnknownProvince(String),
    /// No kab/kota has this code.
    #[error("unknown kab/kota code `{0}` (see `payung regions`)")]
    UnknownKabKota(String),
    /// A kab/kota of another province.
    #[error("kab/kota `{code}` is not in province `{province}`")]
    NotInProvince { code: String, province: String },
    /// A kab/kota or province given twice.
    #[error("region `{0}` is given twice")]
    Duplicate(String),
    /// A province's own source, or the plan's horizon or target, is out of range.
    #[error("province plan `{name}`: {problem}")]
    Source { name: String, problem: String },
    /// A kab/kota's scenario, with the province's sources added, failed validation.
    #[error("{code} {name}: {error}")]
    KabKota {
        code: String,
        name: String,
        error: Box<ScenarioError>,
    },
    /// A kab/kota's or province's horizon differs from the plan's.
    #[error("{code}: the horizon must be the plan's ({start}, {years} years)")]
    Horizon {
        code: String,
        start: YearMonth,
        years: u32,
    },
    /// The embedded tables or presets could not be read (caught by tests).
    #[error("embedded data: {0}")]
    Data(String),
}

/// Whose money a source of this kind is.
pub fn payer(kind: SourceKind) -> Payer {
    match kind {
        SourceKind::ApbdProvinsi => Payer::Province,
        SourceKind::ApbdKota | SourceKind::Dbhcht | SourceKind::DbhSawit => Payer::KabKota,
        SourceKind::DanaDesa => Payer::Desa,
        SourceKind::BapakAsuh | SourceKind::Csr | SourceKind::Baznas | SourceKind::Other => {
            Payer::Other
        }
    }
}

/// The first month `covered` reached `target` × pekerja rentan, from `start`.
fn reached(months: &[(u64, u64)], target: Decimal, start: YearMonth) -> Option<YearMonth> {
    months
        .iter()
        .position(|&(c, p)| Decimal::from(c) >= target * Decimal::from(p))
        .map(|i| start.plus_months(i as u32))
}
