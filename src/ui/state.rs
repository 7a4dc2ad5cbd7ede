//! The app's one reducer: the scenario being edited, the last valid scenario (which drives
//! the charts), and pure UI choices. Outputs are never stored here; components derive them.

use crate::engine::edit::Rule;
use crate::engine::field::Unit;
use crate::engine::scenario::{CoFundPart, Scheme, SourceKind};
use crate::engine::{presets, regions, Parameters, Scenario, ScenarioError, ValidScenario};
use crate::locale::Lang;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

pub use crate::engine::field::{Field, GroupField, SourceField};

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
    /// A multiplier: "1,5×".
    Multiple,
}

/// How the UI shows a field's number, from the field's unit.
pub fn display(field: Field) -> Display {
    match field.unit() {
        Unit::Rupiah => Display::Rupiah,
        Unit::RupiahPerMonth => Display::RupiahPerMonth,
        Unit::Workers => Display::Workers,
        Unit::Ratio => Display::Percent,
        Unit::PerThousand => Display::PerThousand,
        Unit::Multiple => Display::Multiple,
        Unit::Year => Display::Year,
        Unit::Month => Display::Month,
        Unit::Months => Display::Months,
        Unit::Years => Display::Years,
        Unit::Count | Unit::Text | Unit::Flag | Unit::Choice => Display::Count,
    }
}

/// Everything the user can change, and what the app remembers about it.
#[derive(Clone, Debug)]
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
    /// Counts the changes other than a field's new value (another scenario, the language,
    /// a source added...): sections out of sight show those at once, while they let a
    /// dragged slider's values settle first (`components::deferred`).
    pub epoch: u32,
}

/// Compared often (every panel's props): what changes on a move first, and shared parts by
/// address before by content (the parameters never change while the app runs).
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        fn same<T: PartialEq>(a: &Rc<T>, b: &Rc<T>) -> bool {
            Rc::ptr_eq(a, b) || a == b
        }
        self.epoch == other.epoch
            && self.lang == other.lang
            && self.presentation == other.presentation
            && self.scenario == other.scenario
            && self.error == other.error
            && same(&self.valid, &other.valid)
            && same(&self.preset, &other.preset)
            && same(&self.params, &other.params)
    }
}

/// The user's intentions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Field, Decimal),
    /// A slider is moving to this value: the app may start working out its answer before
    /// the `Set` that follows just after the next paint. It changes no state.
    Foresee(Field, Decimal),
    SetJht(bool),
    SetReenrol(bool),
    SetRegionName(String),
    SetSourceName(usize, String),
    SetSourceKind(usize, SourceKind),
    SetSourceRule(usize, Rule),
    SetDiscount(usize, bool),
    /// Which source a co-funder helps (none: all of them).
    SetCoFundOf(usize, Option<String>),
    SetCoFundPart(usize, CoFundPart),
    SetScheme(Scheme),
    SetTransport(bool),
    /// Whether the source runs to the end of the horizon (no last year).
    SetOpenEnded(usize, bool),
    SetCapped(usize, bool),
    /// Sets source `.0`'s amounts by year to exactly these (a goal-seek plan).
    ApplyPlan(usize, Vec<(i32, Decimal)>),
    /// Removes source `.0`'s amount set for year `.1`: that year returns to yearly × growth.
    ClearByYear(usize, i32),
    AddSource(SourceKind),
    RemoveSource(usize),
    /// Adds a worker group (turning the implicit one into the first group).
    AddGroup,
    RemoveGroup(usize),
    SetGroupName(usize, String),
    SetGroupScheme(usize, Scheme),
    SetGroupTransport(usize, bool),
    /// Lets source `.0` pay for group `.1`, or not.
    SetSourceGroup(usize, usize, bool),
    /// Moves a source one place up (earlier priority) in the list.
    MoveUp(usize),
    LoadPreset(String),
    /// Opens the starting scenario of the kab/kota or province with this code.
    LoadRegion(String),
    /// Opens a kab/kota's scenario as the national plan runs it (`Job::KabKotaInPlan`), with
    /// itself as the "no change" line: it shows its table row's figures.
    LoadPlanScenario(Box<Scenario>),
    /// Replaces the whole scenario (import, share link, goal-seek apply).
    Replace(Box<Scenario>),
    SetLang(Lang),
    TogglePresentation,
}

impl State {
    /// The app opened on a valid scenario, in `lang`.
    pub fn new(params: Rc<Parameters>, valid: ValidScenario, lang: Lang) -> Self {
        Self::with_baseline(params, valid, lang, None)
    }

    /// The app opened on a valid scenario, compared with `kept` (the baseline remembered
    /// from the last visit) when that is this scenario's: of the same preset and region,
    /// starting together (a kab/kota opened from a plan keeps the plan's run of it);
    /// otherwise with `baseline_for`'s.
    pub fn with_baseline(
        params: Rc<Parameters>,
        valid: ValidScenario,
        lang: Lang,
        kept: Option<Scenario>,
    ) -> Self {
        let scenario = valid.scenario().clone();
        let preset = kept
            .filter(|b| {
                b.preset == scenario.preset
                    && b.region.name == scenario.region.name
                    && b.horizon.start == scenario.horizon.start
            })
            .unwrap_or_else(|| baseline_for(&params, &scenario));
        Self {
            params,
            scenario,
            valid: Rc::new(valid),
            error: None,
            preset: Rc::new(preset),
            lang,
            presentation: false,
            epoch: 0,
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

/// What a scenario is compared with (the grey baseline): the preset it started from, or, for
/// a scenario of the neutral `custom` preset (started from a region, or read from a file),
/// its region's starting scenario when the region is known by its name (written in full or
/// with its kind shortened: "Kab. Mukomuko") and the horizons start together; otherwise the
/// scenario itself, as opened (never another region's numbers).
pub fn baseline_for(params: &Parameters, scenario: &Scenario) -> Scenario {
    let Ok(preset) = presets::load(&scenario.preset) else {
        return scenario.clone();
    };
    if scenario.preset != "custom" || preset.region.name == scenario.region.name {
        return preset;
    }
    let place = regions::catalogue()
        .ok()
        .and_then(|c| c.named(&scenario.region.name, scenario.region.kind));
    place
        .and_then(|p| regions::starting_scenario(params, p.code()).ok())
        .map(|start| start.scenario)
        .filter(|start| start.horizon.start == scenario.horizon.start)
        .unwrap_or_else(|| scenario.clone())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Foresee(..)) {
            return self;
        }
        let mut next = (*self).clone();
        if !matches!(action, Action::Set(..)) {
            next.epoch = next.epoch.wrapping_add(1);
        }
        let sc = &mut next.scenario;
        match action {
            Action::Foresee(..) => return self,
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
            Action::SetSourceKind(i, kind) => sc.set_source_kind(i, kind, &self.params),
            Action::SetSourceRule(i, rule) => sc.set_source_rule(i, rule, &self.params),
            Action::SetDiscount(i, on) => sc.set_source_discount(i, on),
            Action::SetCoFundOf(i, name) => sc.set_co_fund_of(i, name),
            Action::SetCoFundPart(i, part) => sc.set_co_fund_part(i, part),
            Action::SetScheme(scheme) => {
                sc.programmes.scheme = scheme;
                if scheme == Scheme::WageEarner {
                    sc.programmes.transport = false;
                }
            }
            Action::SetTransport(on) => sc.programmes.transport = on,
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
            Action::ApplyPlan(i, amounts) => {
                let Some(s) = sc.sources.get_mut(i) else {
                    return self;
                };
                let by_year = amounts.into_iter().collect();
                if s.by_year == by_year {
                    return self;
                }
                s.by_year = by_year;
            }
            Action::ClearByYear(i, year) => {
                if sc
                    .sources
                    .get_mut(i)
                    .and_then(|s| s.by_year.remove(&year))
                    .is_none()
                {
                    return self;
                }
            }
            Action::AddSource(kind) => {
                let base = crate::ui::i18n::source_kind::source_kind_name(kind, next.lang);
                if sc.add_source(kind, base, &self.params).is_none() {
                    return self;
                }
            }
            Action::RemoveSource(i) => sc.remove_source(i),
            Action::AddGroup => {
                use crate::ui::i18n::groups::GroupText;
                let (base, first) = (
                    GroupText::NewName.get(next.lang),
                    GroupText::FirstName.get(next.lang),
                );
                if sc.add_group(base, first, 1_000).is_none() {
                    return self;
                }
            }
            Action::RemoveGroup(g) => sc.remove_group(g),
            Action::SetGroupName(g, name) => sc.rename_group(g, name),
            Action::SetGroupScheme(g, scheme) => {
                sc.set_group_scheme(g, scheme);
                if scheme == Scheme::WageEarner {
                    sc.set_group_transport(g, false);
                }
            }
            Action::SetGroupTransport(g, on) => sc.set_group_transport(g, on),
            Action::SetSourceGroup(i, g, on) => sc.set_source_group(i, g, on),
            Action::MoveUp(i) => sc.move_source_up(i),
            Action::LoadPreset(id) => {
                let Ok(preset) = presets::load(&id) else {
                    return self;
                };
                next.preset = Rc::new(preset.clone());
                next.scenario = preset;
            }
            Action::LoadRegion(code) => {
                let Ok(start) = regions::starting_scenario(&self.params, &code) else {
                    return self;
                };
                next.preset = Rc::new(start.scenario.clone());
                next.scenario = start.scenario;
            }
            Action::LoadPlanScenario(scenario) => {
                next.preset = Rc::new((*scenario).clone());
                next.scenario = *scenario;
            }
            Action::Replace(scenario) => {
                // The same region keeps its baseline (a goal-seek's answer applied, a saved
                // variant opened): the grey line still shows where the work started.
                let same_region = scenario.preset == self.scenario.preset
                    && scenario.region.name == self.scenario.region.name;
                if !same_region {
                    next.preset = Rc::new(baseline_for(&self.params, &scenario));
                }
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
    use crate::engine::scenario::{Amount, RegionKind};

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
    fn a_plan_replaces_the_amounts_by_year_and_a_cleared_year_returns_to_yearly() {
        let s = state();
        let first = s.scenario.sources[0].first_year;
        let plan = vec![
            (first, Decimal::from(5_000_000_000_u64)),
            (first + 1, Decimal::from(6)),
        ];
        let s = s.reduce(Action::ApplyPlan(0, plan.clone()));
        assert!(s.error.is_none(), "{:?}", s.error);
        assert_eq!(s.valid.sources[0].by_year, plan.into_iter().collect());
        let same = s.clone().reduce(Action::ClearByYear(0, first + 5_000));
        assert!(
            Rc::ptr_eq(&s, &same),
            "clearing a year never set is a no-op"
        );
        let s = s.reduce(Action::ClearByYear(0, first));
        assert_eq!(s.valid.sources[0].by_year.len(), 1);
    }

    #[test]
    fn groups_can_be_added_limited_renamed_and_removed() {
        let s = state();
        let workers = s.scenario.region.vulnerable_workers;
        let s = s.reduce(Action::AddGroup);
        assert_eq!(s.scenario.groups.len(), 2);
        assert_eq!(s.scenario.groups[0].name, "Pekerja rentan");
        assert_eq!(s.valid.region.vulnerable_workers, workers + 1_000);
        let s = s.reduce(Action::SetSourceGroup(0, 0, false));
        assert_eq!(
            s.scenario.sources[0].groups,
            vec!["Kelompok baru".to_string()]
        );
        // The source paid for the first group's starting cover: said beside that cover.
        assert_eq!(
            s.error.as_ref().map(|e| e.field),
            Some(Field::StartingCover(0))
        );
        let s = s.reduce(Action::SetGroupName(1, "Nelayan".into()));
        assert_eq!(s.scenario.sources[0].groups, vec!["Nelayan".to_string()]);
        let s = s.reduce(Action::SetSourceGroup(0, 0, true));
        assert!(s.valid.sources[0].groups.is_empty(), "all groups again");
        let s = s.reduce(Action::Set(
            Field::Group(1, GroupField::Workers),
            Decimal::from(1_593),
        ));
        assert!(s.error.is_none(), "{:?}", s.error);
        assert_eq!(s.valid.region.vulnerable_workers, workers + 1_593);
        let s = s.reduce(Action::SetGroupName(1, String::new()));
        assert_eq!(
            s.error.as_ref().map(|e| e.field),
            Some(Field::Group(1, GroupField::Name))
        );
        let s = s.reduce(Action::RemoveGroup(1));
        assert!(s.error.is_none(), "{:?}", s.error);
        assert_eq!(s.valid.region.vulnerable_workers, workers);
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

    /// A reload keeps the baseline remembered with the work when it is this scenario's (a
    /// kab/kota opened from a plan stays compared with the plan's run of it, province money
    /// included), and not another region's or another start's.
    #[test]
    fn a_remembered_baseline_is_kept_only_for_its_own_scenario() {
        let params = Rc::new(Parameters::embedded().unwrap());
        let start = regions::starting_scenario(&params, "17.06")
            .unwrap()
            .scenario;
        let mut in_plan = start.clone();
        in_plan.sources.truncate(1);
        in_plan.name = "Rencana provinsi".into();
        let valid = || start.clone().validate(&params).unwrap();
        let state = |kept| State::with_baseline(params.clone(), valid(), Lang::Id, kept);
        assert_eq!(*state(Some(in_plan.clone())).preset, in_plan);
        assert_eq!(*state(None).preset, start);
        let mut elsewhere = in_plan.clone();
        elsewhere.region.name = "Kabupaten Lain".into();
        assert_eq!(*state(Some(elsewhere)).preset, start);
        let mut later = in_plan;
        later.horizon.start.year += 1;
        assert_eq!(*state(Some(later)).preset, start);
    }

    /// A file's scenario is compared with its own region's start (named in full or with the
    /// kind shortened), never with another region's; when the region is unknown or the
    /// horizons start apart, with itself as opened.
    #[test]
    fn a_files_baseline_is_its_own_regions_start_or_itself() {
        let params = Parameters::embedded().unwrap();
        let start = regions::starting_scenario(&params, "17.06")
            .unwrap()
            .scenario;
        assert_eq!(start.region.name, "Kabupaten Mukomuko");
        let mut file = start.clone();
        file.preset = "custom".into();
        file.region.name = "Kab. Mukomuko".into();
        file.region.vulnerable_workers = 5_043;
        assert_eq!(baseline_for(&params, &file), start);
        file.region.name = "kabupaten  mukomuko".into();
        assert_eq!(baseline_for(&params, &file), start);
        // A kota of that name does not exist.
        file.region.name = "Kota Mukomuko".into();
        file.region.kind = RegionKind::Kota;
        assert_eq!(baseline_for(&params, &file), file);
        file.region.name = "Kab. Mukomuko".into();
        file.region.kind = RegionKind::Kabupaten;
        file.horizon.start.year -= 2;
        assert_eq!(baseline_for(&params, &file), file);
        file.region.name = "Kab. Tidak Ada".into();
        assert_eq!(baseline_for(&params, &file), file);
    }

    /// A scenario of the same region replacing the shown one keeps the baseline; another
    /// region's gets its own.
    #[test]
    fn replacing_within_a_region_keeps_its_baseline() {
        let s = state();
        let baseline = s.preset.clone();
        let mut variant = s.scenario.clone();
        variant.region.vulnerable_workers += 1_000;
        let kept = s.clone().reduce(Action::Replace(Box::new(variant)));
        assert!(Rc::ptr_eq(&kept.preset, &baseline));
        let other = presets::load("bontang").unwrap();
        let moved = kept.reduce(Action::Replace(Box::new(other.clone())));
        assert_eq!(*moved.preset, other);
    }
}
