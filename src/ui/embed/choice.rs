//! What an embed address can choose: the controls, charts and headline figures, each with
//! the word that names it in the address. Their names for people are in the catalogue
//! (`ui::i18n::embed`), which reads this module; this module reads no catalogue.

use crate::charts::ChartKind;
use crate::engine::scenario::{Amount, Scenario};
use crate::ui::state::{Field, SourceField};

/// A control the embed can show; each sets one part of the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Control {
    /// The yearly Rupiah amount of the first source funded in Rupiah.
    Budget,
    /// JHT on or off.
    Jht,
    /// Declared income per month.
    Income,
    /// Vulnerable workers in the region.
    Workers,
    /// Target coverage.
    Target,
    /// Entries verified per month.
    Verification,
    /// Yearly lapse rate.
    Lapse,
    /// Deaths per 1,000 members per year.
    Deaths,
}

/// What a control edits in a given scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ControlInput {
    /// A numeric field with a slider and a typed input.
    Number(Field),
    /// The JHT checkbox.
    Jht,
}

impl Control {
    /// Every control, in the order the generator lists them.
    pub const ALL: [Control; 8] = [
        Control::Budget,
        Control::Jht,
        Control::Income,
        Control::Workers,
        Control::Target,
        Control::Verification,
        Control::Lapse,
        Control::Deaths,
    ];

    /// The word used in the `controls` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Control::Budget => "budget",
            Control::Jht => "jht",
            Control::Income => "income",
            Control::Workers => "workers",
            Control::Target => "target",
            Control::Verification => "verification",
            Control::Lapse => "lapse",
            Control::Deaths => "deaths",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// What the control edits in `sc`; `None` when `sc` has nothing for it (no source is
    /// funded in Rupiah, for `budget`).
    pub fn input(self, sc: &Scenario) -> Option<ControlInput> {
        let field = match self {
            Control::Jht => return Some(ControlInput::Jht),
            Control::Budget => {
                let i = sc
                    .sources
                    .iter()
                    .position(|s| matches!(s.amount, Amount::Rupiah { .. }))?;
                Field::Source(i, SourceField::Yearly)
            }
            Control::Income => Field::DeclaredIncome,
            Control::Workers => Field::VulnerableWorkers,
            Control::Target => Field::TargetCoverage,
            Control::Verification => Field::VerificationPerMonth,
            Control::Lapse => Field::LapseRate,
            Control::Deaths => Field::DeathsPerThousand,
        };
        Some(ControlInput::Number(field))
    }
}

/// A chart the embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartChoice {
    Coverage,
    Cost,
    Benefits,
}

impl ChartChoice {
    pub const ALL: [ChartChoice; 3] = [
        ChartChoice::Coverage,
        ChartChoice::Cost,
        ChartChoice::Benefits,
    ];

    /// The chart it chooses.
    pub fn kind(self) -> ChartKind {
        match self {
            ChartChoice::Coverage => ChartKind::Coverage,
            ChartChoice::Cost => ChartKind::Cost,
            ChartChoice::Benefits => ChartKind::Benefits,
        }
    }

    /// The word used in the `chart` parameter.
    pub fn code(self) -> &'static str {
        match self {
            ChartChoice::Coverage => "coverage",
            ChartChoice::Cost => "cost",
            ChartChoice::Benefits => "benefits",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A headline figure shown above the controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Headline {
    /// Coverage at the end of the horizon, with covered of all workers.
    Coverage,
    /// Contributions in the first year.
    Cost,
    /// When the target is reached.
    Target,
    /// Rupiah per protected worker-year.
    PerWorker,
}

impl Headline {
    pub const ALL: [Headline; 4] = [
        Headline::Coverage,
        Headline::Cost,
        Headline::Target,
        Headline::PerWorker,
    ];

    /// The word used in the `headline` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Headline::Coverage => "coverage",
            Headline::Cost => "cost",
            Headline::Target => "target",
            Headline::PerWorker => "per-worker",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}
