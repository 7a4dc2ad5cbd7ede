//! The app's one reducer: the scenario being edited, the last valid scenario (which drives
//! the charts), and pure UI choices. Outputs are never stored here; components derive them.

use crate::engine::edit::Rule;
use crate::engine::scenario::{limits, limits::Bounds, Amount, SourceKind};
use crate::engine::{presets, Parameters, Scenario, ScenarioError, ValidScenario};
use crate::locale::Lang;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// A numeric scenario field the UI can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    VulnerableWorkers,
    WorkerGrowth,
    Desa,
    Kelurahan,
    Asn,
    StartYear,
    HorizonYears,
    DeclaredIncome,
    Listed,
    VerificationYield,
    VerificationPerMonth,
    LapseRate,
    DeathsPerThousand,
    WorkDeathShare,
    AccidentsPerThousand,
    AccidentCost,
    ClaimShare,
    ClaimLag,
    ScholarshipShare,
    JhtReturn,
    TargetCoverage,
    TargetYear,
    /// Workers covered at the start by the i-th source.
    StartingCover(usize),
    Source(usize, SourceField),
}

/// A numeric field of one funding source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceField {
    Yearly,
    PledgedWorkers,
    DanaDesaShare,
    PerDesa,
    Participation,
    WorkersPerSponsor,
    FirstYear,
    FirstMonth,
    LastYear,
    Growth,
    Cap,
}

/// How a field is shown: its unit and whether it is a share shown in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Display {
    Workers,
    Count,
    Percent,
    Rupiah,
    RupiahPerMonth,
    Year,
    Month,
    Months,
    Years,
    PerThousand,
}

impl Field {
    pub fn display(self) -> Display {
        use Field::*;
        match self {
            VulnerableWorkers | StartingCover(_) | Listed | VerificationPerMonth => {
                Display::Workers
            }
            Desa | Kelurahan | Asn => Display::Count,
            WorkerGrowth | VerificationYield | LapseRate | WorkDeathShare | ClaimShare
            | ScholarshipShare | JhtReturn | TargetCoverage => Display::Percent,
            StartYear | TargetYear => Display::Year,
            HorizonYears => Display::Years,
            DeclaredIncome => Display::RupiahPerMonth,
            AccidentCost => Display::Rupiah,
            ClaimLag => Display::Months,
            DeathsPerThousand | AccidentsPerThousand => Display::PerThousand,
            Source(_, f) => match f {
                SourceField::Yearly | SourceField::PerDesa => Display::Rupiah,
                SourceField::PledgedWorkers | SourceField::Cap => Display::Workers,
                SourceField::WorkersPerSponsor => Display::Count,
                SourceField::DanaDesaShare | SourceField::Participation | SourceField::Growth => {
                    Display::Percent
                }
                SourceField::FirstYear | SourceField::LastYear => Display::Year,
                SourceField::FirstMonth => Display::Month,
            },
        }
    }

    /// The valid range, in the scenario's own units (ratios, not percent).
    pub fn bounds(self, params: &Parameters, sc: &Scenario) -> Bounds {
        use limits::*;
        use Field::*;
        match self {
            VulnerableWorkers => VULNERABLE_WORKERS,
            WorkerGrowth => WORKER_GROWTH,
            Desa => DESA,
            Kelurahan => KELURAHAN,
            Asn => ASN,
            StartYear => YEAR,
            HorizonYears => HORIZON_YEARS,
            DeclaredIncome => Bounds {
                min: params.income_minimum.at(sc.horizon.start),
                max: params.income_maximum.at(sc.horizon.start),
            },
            Listed => LISTED,
            VerificationYield => VERIFICATION_YIELD,
            VerificationPerMonth => VERIFICATION_PER_MONTH,
            LapseRate => LAPSE_RATE,
            DeathsPerThousand => DEATHS_PER_THOUSAND,
            WorkDeathShare => WORK_DEATH_SHARE,
            AccidentsPerThousand => ACCIDENTS_PER_THOUSAND,
            AccidentCost => ACCIDENT_COST,
            ClaimShare => CLAIM_SHARE,
            ClaimLag => CLAIM_LAG_MONTHS,
            ScholarshipShare => SCHOLARSHIP_SHARE,
            JhtReturn => JHT_RETURN,
            TargetCoverage => TARGET_COVERAGE,
            TargetYear => Bounds {
                min: sc.horizon.start.year.into(),
                max: sc.horizon.last_month().year.into(),
            },
            StartingCover(_) => Bounds {
                min: Decimal::ZERO,
                max: sc.region.vulnerable_workers.into(),
            },
            Source(_, f) => match f {
                SourceField::Yearly => YEARLY_AMOUNT,
                SourceField::PledgedWorkers => PLEDGED_WORKERS,
                SourceField::DanaDesaShare | SourceField::Participation => SHARE,
                SourceField::PerDesa => PER_DESA,
                SourceField::WorkersPerSponsor => WORKERS_PER_SPONSOR,
                SourceField::FirstYear | SourceField::LastYear => YEAR,
                SourceField::FirstMonth => MONTH,
                SourceField::Growth => SOURCE_GROWTH,
                SourceField::Cap => CAP_WORKERS,
            },
        }
    }

    /// The field's value, if the scenario has it (a source field of a missing source has none).
    pub fn get(self, sc: &Scenario) -> Option<Decimal> {
        use Field::*;
        let d = |v: u64| Some(Decimal::from(v));
        match self {
            VulnerableWorkers => d(sc.region.vulnerable_workers),
            WorkerGrowth => Some(sc.region.worker_growth),
            Desa => d(sc.region.desa.into()),
            Kelurahan => d(sc.region.kelurahan.into()),
            Asn => d(sc.region.asn.into()),
            StartYear => Some(sc.horizon.start.year.into()),
            HorizonYears => d(sc.horizon.years.into()),
            DeclaredIncome => Some(sc.programmes.declared_income),
            Listed => d(sc.enrolment.listed),
            VerificationYield => Some(sc.enrolment.verification_yield),
            VerificationPerMonth => d(sc.enrolment.verification_per_month),
            LapseRate => Some(sc.enrolment.lapse_rate),
            DeathsPerThousand => Some(sc.risk.deaths_per_thousand),
            WorkDeathShare => Some(sc.risk.work_death_share),
            AccidentsPerThousand => Some(sc.risk.accidents_per_thousand),
            AccidentCost => Some(sc.risk.accident_cost),
            ClaimShare => Some(sc.risk.claim_share),
            ClaimLag => d(sc.risk.claim_lag_months.into()),
            ScholarshipShare => Some(sc.risk.scholarship_share),
            JhtReturn => Some(sc.risk.jht_return),
            TargetCoverage => Some(sc.target.coverage),
            TargetYear => Some(sc.target.year.into()),
            StartingCover(i) => {
                let name = &sc.sources.get(i)?.name;
                d(sc.region
                    .covered_at_start
                    .iter()
                    .filter(|c| &c.source == name)
                    .map(|c| c.workers)
                    .sum())
            }
            Source(i, f) => {
                let s = sc.sources.get(i)?;
                match (f, &s.amount) {
                    (SourceField::Yearly, Amount::Rupiah { yearly }) => Some(*yearly),
                    (SourceField::PledgedWorkers, Amount::Workers { workers }) => d(*workers),
                    (SourceField::DanaDesaShare, Amount::DanaDesa { share, .. }) => Some(*share),
                    (SourceField::PerDesa, Amount::DanaDesa { per_desa, .. }) => Some(*per_desa),
                    (SourceField::Participation, Amount::BapakAsuh { participation, .. }) => {
                        Some(*participation)
                    }
                    (
                        SourceField::WorkersPerSponsor,
                        Amount::BapakAsuh {
                            workers_per_sponsor,
                            ..
                        },
                    ) => Some(*workers_per_sponsor),
                    (SourceField::FirstYear, _) => Some(s.first_year.into()),
                    (SourceField::FirstMonth, _) => Some(s.first_month.into()),
                    (SourceField::LastYear, _) => s.last_year.map(Decimal::from),
                    (SourceField::Growth, _) => Some(s.growth),
                    (SourceField::Cap, _) => s.cap_workers.map(Decimal::from),
                    _ => None,
                }
            }
        }
    }

    /// Sets the field; whole-number fields take the value rounded.
    pub fn set(self, sc: &mut Scenario, v: Decimal) {
        use Field::*;
        let u = v.round().to_u64().unwrap_or(0);
        let u32_ = u.min(u64::from(u32::MAX)) as u32;
        let year = v.round().to_i32().unwrap_or(2026);
        match self {
            VulnerableWorkers => sc.region.vulnerable_workers = u,
            WorkerGrowth => sc.region.worker_growth = v,
            Desa => sc.region.desa = u32_,
            Kelurahan => sc.region.kelurahan = u32_,
            Asn => sc.region.asn = u32_,
            StartYear => sc.set_start_year(year),
            HorizonYears => sc.horizon.years = u32_,
            DeclaredIncome => sc.programmes.declared_income = v.round(),
            Listed => sc.enrolment.listed = u,
            VerificationYield => sc.enrolment.verification_yield = v,
            VerificationPerMonth => sc.enrolment.verification_per_month = u,
            LapseRate => sc.enrolment.lapse_rate = v,
            DeathsPerThousand => sc.risk.deaths_per_thousand = v,
            WorkDeathShare => sc.risk.work_death_share = v,
            AccidentsPerThousand => sc.risk.accidents_per_thousand = v,
            AccidentCost => sc.risk.accident_cost = v.round(),
            ClaimShare => sc.risk.claim_share = v,
            ClaimLag => sc.risk.claim_lag_months = u32_,
            ScholarshipShare => sc.risk.scholarship_share = v,
            JhtReturn => sc.risk.jht_return = v,
            TargetCoverage => sc.target.coverage = v,
            TargetYear => sc.target.year = year,
            StartingCover(i) => {
                if let Some(name) = sc.sources.get(i).map(|s| s.name.clone()) {
                    sc.region.covered_at_start.retain(|c| c.source != name);
                    if u > 0 {
                        sc.region
                            .covered_at_start
                            .push(crate::engine::scenario::StartingCover {
                                source: name,
                                workers: u,
                                months_of_membership: 12,
                            });
                    }
                }
            }
            Source(i, f) => {
                let Some(s) = sc.sources.get_mut(i) else {
                    return;
                };
                match (f, &mut s.amount) {
                    (SourceField::Yearly, Amount::Rupiah { yearly }) => *yearly = v.round(),
                    (SourceField::PledgedWorkers, Amount::Workers { workers }) => *workers = u,
                    (SourceField::DanaDesaShare, Amount::DanaDesa { share, .. }) => *share = v,
                    (SourceField::PerDesa, Amount::DanaDesa { per_desa, .. }) => {
                        *per_desa = v.round()
                    }
                    (SourceField::Participation, Amount::BapakAsuh { participation, .. }) => {
                        *participation = v
                    }
                    (
                        SourceField::WorkersPerSponsor,
                        Amount::BapakAsuh {
                            workers_per_sponsor,
                            ..
                        },
                    ) => *workers_per_sponsor = v,
                    (SourceField::FirstYear, _) => s.first_year = year,
                    (SourceField::FirstMonth, _) => s.first_month = u.min(12) as u8,
                    (SourceField::LastYear, _) => s.last_year = Some(year),
                    (SourceField::Growth, _) => s.growth = v,
                    (SourceField::Cap, _) => s.cap_workers = Some(u),
                    _ => {}
                }
            }
        }
    }
}

/// Everything the user can change, and what the app remembers about it.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub params: Rc<Parameters>,
    /// The scenario as edited (may fail validation across fields).
    pub scenario: Scenario,
    /// The last scenario that validated: it drives the charts.
    pub valid: Rc<ValidScenario>,
    /// Why the edited scenario is not the one shown, if it is not.
    pub error: Option<ScenarioError>,
    /// The preset's scenario, for reset buttons and the faint baseline.
    pub preset: Rc<Scenario>,
    pub lang: Lang,
    pub presentation: bool,
}

/// The user's intentions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Field, Decimal),
    SetJht(bool),
    SetReenrol(bool),
    SetRegionName(String),
    SetSourceName(usize, String),
    SetSourceKind(usize, SourceKind),
    SetSourceRule(usize, Rule),
    SetDiscount(usize, bool),
    /// Whether the source runs to the end of the horizon (no last year).
    SetOpenEnded(usize, bool),
    SetCapped(usize, bool),
    AddSource(SourceKind),
    RemoveSource(usize),
    /// Moves a source one place up (earlier priority) in the list.
    MoveUp(usize),
    LoadPreset(String),
    /// Replaces the whole scenario (import, share link, goal-seek apply).
    Replace(Box<Scenario>),
    SetLang(Lang),
    TogglePresentation,
}

impl State {
    /// The app opened on a valid scenario, in `lang`.
    pub fn new(params: Rc<Parameters>, valid: ValidScenario, lang: Lang) -> Self {
        let scenario = valid.scenario().clone();
        let preset = presets::load(&scenario.preset).unwrap_or_else(|_| scenario.clone());
        Self {
            params,
            scenario,
            valid: Rc::new(valid),
            error: None,
            preset: Rc::new(preset),
            lang,
            presentation: false,
        }
    }

    fn revalidate(mut self) -> Self {
        match self.scenario.clone().validate(&self.params) {
            Ok(v) => {
                self.valid = Rc::new(v);
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let sc = &mut next.scenario;
        match action {
            Action::Set(field, value) => {
                if field.get(sc) == Some(value) {
                    return self;
                }
                field.set(sc, value);
            }
            Action::SetJht(on) => sc.programmes.jht = on,
            Action::SetReenrol(on) => sc.enrolment.reenrol = on,
            Action::SetRegionName(name) => sc.region.name = name,
            Action::SetSourceName(i, name) => sc.rename_source(i, name),
            Action::SetSourceKind(i, kind) => sc.set_source_kind(i, kind),
            Action::SetSourceRule(i, rule) => sc.set_source_rule(i, rule),
            Action::SetDiscount(i, on) => sc.set_source_discount(i, on),
            Action::SetOpenEnded(i, open) => {
                let last = sc.horizon.last_month().year;
                if let Some(s) = sc.sources.get_mut(i) {
                    s.last_year = if open {
                        None
                    } else {
                        Some(last.max(s.first_year))
                    };
                }
            }
            Action::SetCapped(i, capped) => {
                if let Some(s) = sc.sources.get_mut(i) {
                    s.cap_workers = if capped { Some(10_000) } else { None };
                }
            }
            Action::AddSource(kind) => {
                let base = crate::ui::i18n::source_kind::source_kind_name(kind, next.lang);
                if sc.add_source(kind, base).is_none() {
                    return self;
                }
            }
            Action::RemoveSource(i) => sc.remove_source(i),
            Action::MoveUp(i) => sc.move_source_up(i),
            Action::LoadPreset(id) => {
                let Ok(preset) = presets::load(&id) else {
                    return self;
                };
                next.preset = Rc::new(preset.clone());
                next.scenario = preset;
            }
            Action::Replace(scenario) => {
                next.preset = Rc::new(
                    presets::load(&scenario.preset).unwrap_or_else(|_| (*scenario).clone()),
                );
                next.scenario = *scenario;
            }
            Action::SetLang(lang) => {
                if lang == next.lang {
                    return self;
                }
                next.lang = lang;
                return Rc::new(next);
            }
            Action::TogglePresentation => {
                next.presentation = !next.presentation;
                return Rc::new(next);
            }
        }
        Rc::new(next.revalidate())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        let params = Rc::new(Parameters::embedded().unwrap());
        let valid = presets::load("ambon").unwrap().validate(&params).unwrap();
        Rc::new(State::new(params, valid, Lang::Id))
    }

    #[test]
    fn setting_a_field_revalidates_and_a_cross_field_error_keeps_the_last_valid() {
        let s = state();
        let s = s.reduce(Action::Set(Field::VulnerableWorkers, Decimal::from(80_000)));
        assert_eq!(s.valid.region.vulnerable_workers, 80_000);
        let s = s.reduce(Action::Set(Field::VulnerableWorkers, Decimal::from(100)));
        assert!(
            s.error.is_some(),
            "40,000 covered at start cannot exceed 100 workers"
        );
        assert_eq!(s.valid.region.vulnerable_workers, 80_000);
    }

    #[test]
    fn every_field_round_trips_through_get_and_set() {
        let s = state();
        let mut sc = s.scenario.clone();
        for f in [
            Field::Desa,
            Field::LapseRate,
            Field::TargetCoverage,
            Field::Source(0, SourceField::Yearly),
        ] {
            let v = f.get(&sc).unwrap() + Decimal::ONE;
            f.set(&mut sc, v);
            assert_eq!(f.get(&sc), Some(v), "{f:?}");
        }
    }

    #[test]
    fn sources_can_be_added_moved_and_removed() {
        let s = state();
        let n = s.scenario.sources.len();
        let s = s.reduce(Action::AddSource(SourceKind::BapakAsuh));
        assert_eq!(s.scenario.sources.len(), n + 1);
        assert!(matches!(
            s.scenario.sources[n].amount,
            Amount::BapakAsuh { .. }
        ));
        let name = s.scenario.sources[n].name.clone();
        let s = s.reduce(Action::MoveUp(n));
        assert_eq!(s.scenario.sources[n - 1].name, name);
        assert_eq!(s.scenario.sources[n - 1].priority, n as u32);
        let s = s.reduce(Action::RemoveSource(0));
        assert_eq!(s.scenario.sources.len(), n);
        assert!(s.error.is_none(), "{:?}", s.error);
    }
}
