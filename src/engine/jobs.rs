//! The engine's work as messages: a `Job` names one computation on a scenario, and
//! `Engine::run` does it and gives an `Answer`. Both are plain data (serde, JSON), so the
//! same job runs wherever the caller puts it: in the page's background thread, in a test,
//! natively. This module knows nothing of where it runs, of threads or of messages' wire
//! format; the scenario arrives as plain data and is validated again here.

use super::parameters::Parameters;
use super::plan::{solve_plan, Plan, PlanError};
use super::regions::{self, run_national, NationalOutcome, NationalScenario};
use super::scenario::Scenario;
use super::solve::{coverage_for_budget, solve_budget, BudgetAnswer, CoverageAnswer, Unreachable};
use super::uncertainty::{bands, tornado, Assumptions, Bands, TornadoBar, UncertaintyError};
use super::{simulate, Outcome, Rupiah, ValidScenario};
use serde::{Deserialize, Serialize};

/// One computation on a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// The month-by-month outcome.
    Outcome(Scenario),
    /// The outcome of each scenario (comparing saved scenarios), each validated on its own.
    Outcomes(Vec<Scenario>),
    /// The flat yearly amount of one source that reaches the target, and what the source's
    /// current amount keeps covered (when it has a Rupiah amount).
    GoalSeek {
        scenario: Scenario,
        source: usize,
        current: Option<Rupiah>,
    },
    /// The least amount year by year for these sources.
    Plan {
        scenario: Scenario,
        sources: Vec<usize>,
    },
    /// The Monte Carlo bands over `draws` draws from a generator seeded with `seed`.
    Bands {
        scenario: Scenario,
        draws: u32,
        seed: u64,
    },
    /// Which assumption moves the answer most.
    Tornado(Scenario),
    /// Every province and kab/kota of Indonesia on its starting plan.
    National,
}

/// A job's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Outcome(Box<Outcome>),
    /// Each scenario's outcome, or why it is not valid.
    Outcomes(Vec<Result<Outcome, String>>),
    GoalSeek {
        need: Result<BudgetAnswer, Unreachable>,
        current: Option<CoverageAnswer>,
    },
    Plan(Box<Result<Plan, PlanError>>),
    Bands(Box<Result<Bands, UncertaintyError>>),
    Tornado(Result<Vec<TornadoBar>, UncertaintyError>),
    /// The national plan's results, or why the embedded regions could not be run.
    National(Box<Result<NationalOutcome, String>>),
    /// The job's scenario is not valid here (the caller validates before asking, so this
    /// means a mismatch of parameters between caller and engine).
    Invalid(String),
}

/// The engine with its embedded data, ready to run jobs.
pub struct Engine {
    params: Parameters,
    assumptions: Result<Assumptions, UncertaintyError>,
}

impl Engine {
    /// The engine with the embedded parameters and uncertain assumptions.
    pub fn embedded() -> Result<Self, String> {
        Ok(Self {
            params: Parameters::embedded().map_err(|e| e.to_string())?,
            assumptions: Assumptions::embedded(),
        })
    }

    pub fn params(&self) -> &Parameters {
        &self.params
    }

    fn valid(&self, scenario: &Scenario) -> Result<ValidScenario, String> {
        scenario
            .clone()
            .validate(&self.params)
            .map_err(|e| e.to_string())
    }

    fn assumptions(&self) -> Result<&Assumptions, UncertaintyError> {
        self.assumptions.as_ref().map_err(Clone::clone)
    }

    /// Does the job.
    pub fn run(&self, job: &Job) -> Answer {
        let p = &self.params;
        let answer = |scenario: &Scenario, f: &dyn Fn(&ValidScenario) -> Answer| {
            self.valid(scenario).map_or_else(Answer::Invalid, |v| f(&v))
        };
        match job {
            Job::Outcome(sc) => answer(sc, &|v| Answer::Outcome(Box::new(simulate(p, v)))),
            Job::Outcomes(scenarios) => Answer::Outcomes(
                scenarios
                    .iter()
                    .map(|sc| match sc.clone().validate(p) {
                        Ok(v) => Ok(simulate(p, &v)),
                        Err(e) => Err(e.to_string()),
                    })
                    .collect(),
            ),
            Job::GoalSeek {
                scenario,
                source,
                current,
            } => answer(scenario, &|v| Answer::GoalSeek {
                need: solve_budget(p, v, *source),
                current: current.and_then(|a| coverage_for_budget(p, v, *source, a).ok()),
            }),
            Job::Plan { scenario, sources } => answer(scenario, &|v| {
                Answer::Plan(Box::new(solve_plan(p, v, sources)))
            }),
            Job::Bands {
                scenario,
                draws,
                seed,
            } => answer(scenario, &|v| {
                Answer::Bands(Box::new(
                    self.assumptions()
                        .and_then(|a| bands(p, v, a, *draws, *seed)),
                ))
            }),
            Job::Tornado(scenario) => answer(scenario, &|v| {
                Answer::Tornado(self.assumptions().and_then(|a| tornado(p, v, a)))
            }),
            Job::National => Answer::National(Box::new(self.national())),
        }
    }

    /// The national plan: each province's starting plan over its kab/kota.
    fn national(&self) -> Result<NationalOutcome, String> {
        let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
        let plan = NationalScenario::starting()
            .and_then(|n| n.validate(&self.params, catalogue))
            .map_err(|e| e.to_string())?;
        Ok(run_national(&self.params, &plan))
    }
}
