//! The app's one reducer: the scenario being edited, the last valid scenario (which drives
//! the charts), and pure UI choices. Outputs are never stored here; components derive them.

use crate::engine::field::Unit;
use crate::engine::scenario::{limits, Amount, FundingSource, SourceKind};
use crate::engine::{presets, Parameters, Scenario, ScenarioError, ValidScenario};
use crate::ui::i18n::Lang;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

pub use crate::engine::field::{Field, SourceField};

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

/// How the UI shows a field's number, from the field's unit.
pub fn display(field: Field) -> Display {
    match field.unit() {
        Unit::Rupiah => Display::Rupiah,
        Unit::RupiahPerMonth => Display::RupiahPerMonth,
        Unit::Workers => Display::Workers,
        Unit::Ratio => Display::Percent,
        Unit::PerThousand => Display::PerThousand,
        Unit::Year => Display::Year,
        Unit::Month => Display::Month,
        Unit::Months => Display::Months,
        Unit::Years => Display::Years,
        Unit::Count | Unit::Text | Unit::Flag | Unit::Choice => Display::Count,
    }
}

/// The funding rule a source uses, for the rule selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Rupiah,
    Workers,
    DanaDesa,
    BapakAsuh,
}

impl Rule {
    pub fn of(amount: &Amount) -> Self {
        match amount {
            Amount::Rupiah { .. } => Rule::Rupiah,
            Amount::Workers { .. } => Rule::Workers,
            Amount::DanaDesa { .. } => Rule::DanaDesa,
            Amount::BapakAsuh { .. } => Rule::BapakAsuh,
        }
    }

    /// The rule whose amount JSON has this `rule` tag.
    pub fn from_key(key: &str) -> Option<Rule> {
        match key {
            "rupiah" => Some(Rule::Rupiah),
            "workers" => Some(Rule::Workers),
            "dana_desa" => Some(Rule::DanaDesa),
            "bapak_asuh" => Some(Rule::BapakAsuh),
            _ => None,
        }
    }

    /// The rules a kind of source may use; the first is its default.
    pub fn for_kind(kind: SourceKind) -> &'static [Rule] {
        match kind {
            SourceKind::DanaDesa => &[Rule::DanaDesa, Rule::Rupiah],
            SourceKind::BapakAsuh => &[Rule::BapakAsuh, Rule::Workers],
            SourceKind::Csr | SourceKind::Baznas | SourceKind::Other => {
                &[Rule::Rupiah, Rule::Workers]
            }
            SourceKind::ApbdKota | SourceKind::ApbdProvinsi => &[Rule::Rupiah],
        }
    }

    pub fn default_amount(self) -> Amount {
        match self {
            Rule::Rupiah => Amount::Rupiah {
                yearly: Decimal::from(1_000_000_000u64),
            },
            Rule::Workers => Amount::Workers { workers: 1_000 },
            Rule::DanaDesa => Amount::DanaDesa {
                share: Decimal::new(5, 2),
                per_desa: Decimal::from(900_000_000u64),
            },
            Rule::BapakAsuh => Amount::BapakAsuh {
                participation: Decimal::new(20, 2),
                workers_per_sponsor: Decimal::ONE,
            },
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

/// Renumbers priorities to follow list order (the UI's order is the priority order).
fn renumber(sources: &mut [FundingSource]) {
    for (i, s) in sources.iter_mut().enumerate() {
        s.priority = i as u32 + 1;
    }
}

fn new_source(kind: SourceKind, sc: &Scenario, name: String) -> FundingSource {
    FundingSource {
        name,
        kind,
        priority: sc.sources.len() as u32 + 1,
        amount: Rule::for_kind(kind)[0].default_amount(),
        first_year: sc.horizon.start.year,
        last_year: None,
        first_month: sc.horizon.start.month,
        growth: Decimal::ZERO,
        cap_workers: None,
        discount: false,
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
            Action::SetSourceName(i, name) => {
                if let Some(old) = sc.sources.get(i).map(|s| s.name.clone()) {
                    for c in sc
                        .region
                        .covered_at_start
                        .iter_mut()
                        .filter(|c| c.source == old)
                    {
                        c.source = name.clone();
                    }
                    sc.sources[i].name = name;
                }
            }
            Action::SetSourceKind(i, kind) => {
                if let Some(s) = sc.sources.get_mut(i) {
                    s.kind = kind;
                    if !Rule::for_kind(kind).contains(&Rule::of(&s.amount)) {
                        s.amount = Rule::for_kind(kind)[0].default_amount();
                    }
                    if kind.is_public_budget() {
                        s.discount = false;
                    }
                }
            }
            Action::SetSourceRule(i, rule) => {
                if let Some(s) = sc.sources.get_mut(i) {
                    if Rule::of(&s.amount) != rule {
                        s.amount = rule.default_amount();
                    }
                }
            }
            Action::SetDiscount(i, on) => {
                if let Some(s) = sc.sources.get_mut(i) {
                    s.discount = on && !s.kind.is_public_budget();
                }
            }
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
                if sc.sources.len() >= limits::MAX_SOURCES as usize {
                    return self;
                }
                let mut k = sc.sources.len() + 1;
                let base = crate::ui::i18n::source_kind_name(kind, next.lang);
                let mut name = base.to_string();
                while sc.sources.iter().any(|s| s.name == name) {
                    k += 1;
                    name = format!("{base} {k}");
                }
                let s = new_source(kind, sc, name);
                sc.sources.push(s);
                renumber(&mut sc.sources);
            }
            Action::RemoveSource(i) => {
                if i < sc.sources.len() {
                    let gone = sc.sources.remove(i);
                    sc.region.covered_at_start.retain(|c| c.source != gone.name);
                    renumber(&mut sc.sources);
                }
            }
            Action::MoveUp(i) => {
                if i > 0 && i < sc.sources.len() {
                    sc.sources.swap(i - 1, i);
                    renumber(&mut sc.sources);
                }
            }
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
