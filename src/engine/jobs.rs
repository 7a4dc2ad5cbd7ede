//! The engine's work as messages: a `Job` names one computation on a scenario, and
//! `Engine::run` does it and gives an `Answer`. Both are plain data (serde, JSON), so the
//! same job runs wherever the caller puts it: in the page's background thread, in a test,
//! natively. This module knows nothing of where it runs, of threads or of messages' wire
//! format; the scenario arrives as plain data and is validated again here.

use super::parameters::Parameters;
use super::plan::{solve_plan, Plan, PlanError};
use super::regions::{
    self, run_part, sum_nation, NationalOutcome, NationalScenario, OwnSources, ProvinceRun,
};
use super::scenario::Scenario;
use super::solve::{coverage_for_budget, solve_budget, BudgetAnswer, CoverageAnswer, Unreachable};
use super::uncertainty::{
    bands, chance_step, tornado, Assumptions, Bands, ChanceQuestion, ChanceSearch, ChanceStep,
    TornadoBar, UncertaintyError,
};
use super::{simulate, Outcome, Rupiah, ValidScenario};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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
    /// One step of the search for the least flat yearly amount of one source with which the
    /// target is met in at least `probability` of `draws` draws (seeded with `seed`, as
    /// `Bands`), from where `search` stands (`uncertainty::chance_step`); the asker asks the
    /// next step with the search its answer gives, until the amount is found.
    BudgetForChance {
        scenario: Scenario,
        source: usize,
        probability: Decimal,
        draws: u32,
        seed: u64,
        #[serde(default)]
        search: ChanceSearch,
    },
    /// Every province and kab/kota of Indonesia: these provinces with their own sources
    /// edited, every other one on its starting plan.
    National(Vec<OwnSources>),
    /// Kab/kota `code`'s scenario as the national plan runs it, with its province's sources
    /// (those in `edited` where its province is edited): what "Buka" opens.
    KabKotaInPlan {
        code: String,
        edited: Vec<OwnSources>,
    },
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
    BudgetForChance(Result<ChanceStep, UncertaintyError>),
    /// The national plan's results, or why the embedded regions could not be run.
    National(Box<Result<NationalOutcome, String>>),
    /// A scenario as its file's JSON (`import::scenario_to_json`, read back with
    /// `import::scenario_from_json`, as files and links are), or why there is none.
    Scenario(Result<String, String>),
    /// The job's scenario is not valid here (the caller validates before asking, so this
    /// means a mismatch of parameters between caller and engine).
    Invalid(String),
}

/// The engine with its embedded data, ready to run jobs.
pub struct Engine {
    params: Parameters,
    assumptions: Result<Assumptions, UncertaintyError>,
    /// Every province's run on its starting plan, made by the first national job and kept:
    /// a later one runs only the provinces it edits.
    starting: OnceLock<Result<Vec<ProvinceRun>, String>>,
}

impl Engine {
    /// The engine with the embedded parameters and uncertain assumptions.
    pub fn embedded() -> Result<Self, String> {
        Ok(Self {
            params: Parameters::embedded().map_err(|e| e.to_string())?,
            assumptions: Assumptions::embedded(),
            starting: OnceLock::new(),
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
            Job::BudgetForChance {
                scenario,
                source,
                probability,
                draws,
                seed,
                search,
            } => answer(scenario, &|v| {
                let question = ChanceQuestion {
                    index: *source,
                    probability: *probability,
                    draws: *draws,
                    seed: *seed,
                };
                Answer::BudgetForChance(
                    self.assumptions()
                        .and_then(|a| chance_step(p, v, a, &question, *search)),
                )
            }),
            Job::National(edited) => Answer::National(Box::new(self.national(edited))),
            Job::KabKotaInPlan { code, edited } => Answer::Scenario(
                regions::catalogue()
                    .map_err(|e| e.to_string())
                    .and_then(|c| {
                        regions::kabkota_in_plan(p, c, edited, code).map_err(|e| e.to_string())
                    })
                    .map(|sc| super::import::scenario_to_json(&sc)),
            ),
        }
    }

    /// The national plan: the `edited` provinces on their plans, every other one on its
    /// starting plan (run once and kept).
    fn national(&self, edited: &[OwnSources]) -> Result<NationalOutcome, String> {
        let catalogue = regions::catalogue().map_err(|e| e.to_string())?;
        let plan = NationalScenario::starting().map_err(|e| e.to_string())?;
        let starting = self.starting.get_or_init(|| {
            let valid = plan
                .validate(&self.params, catalogue)
                .map_err(|e| e.to_string())?;
            Ok(valid
                .provinces()
                .iter()
                .map(|p| run_part(&self.params, p))
                .collect())
        });
        let mut runs = starting.clone()?;
        let plan = plan
            .with_own_sources(&self.params, catalogue, edited)
            .map_err(|e| e.to_string())?;
        let given = plan
            .validate_given(&self.params, catalogue)
            .map_err(|e| e.to_string())?;
        for (index, province) in given {
            if let Some(slot) = runs.get_mut(index) {
                *slot = run_part(&self.params, &province);
            }
        }
        Ok(sum_nation(&plan.name, &plan.target, &plan.horizon, runs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::regions::{run_national, ProvinceAmount};
    use rust_decimal::Decimal;

    fn national(engine: &Engine, edited: Vec<OwnSources>) -> NationalOutcome {
        match engine.run(&Job::National(edited)) {
            Answer::National(result) => (*result).expect("the national plan runs"),
            other => panic!("not a national answer: {other:?}"),
        }
    }

    /// The budget for a chance of reaching the target, as jobs of one step each: asking each
    /// next step with the search the last answer gave ends on the amount the engine's own
    /// search finds (a region whose target the draws can reach), and the first step says
    /// why there is none where verification, not money, holds coverage back (Ambon's 100%
    /// target).
    #[test]
    fn the_budget_for_a_chance_answers_step_by_step_as_the_search_does() {
        use crate::engine::uncertainty::budget_for_probability;
        let engine = Engine::embedded().unwrap();
        let p = engine.params();
        let a = Assumptions::embedded().unwrap();
        let job = |scenario: Scenario, search| Job::BudgetForChance {
            scenario,
            source: 0,
            probability: Decimal::new(8, 1),
            draws: 100,
            seed: 7,
            search,
        };
        let lombok = regions::starting_scenario(p, "52.03").unwrap().scenario;
        let valid = lombok.clone().validate(p).unwrap();
        let direct = budget_for_probability(p, &valid, &a, 0, Decimal::new(8, 1), 100, 7);
        assert!(direct.is_ok(), "{direct:?}");
        let (mut search, mut steps) = (ChanceSearch::default(), 0);
        let found = loop {
            steps += 1;
            match engine.run(&job(lombok.clone(), search)) {
                Answer::BudgetForChance(Ok(ChanceStep::Searching(next))) => {
                    let (low, high) = (next.low, next.high.expect("the most was tried"));
                    assert!(low < high, "step {steps}: {low} < {high}");
                    if let Some(last) = search.high {
                        assert!(
                            high - low <= (last - search.low) / Decimal::TWO + Decimal::ONE,
                            "each step halves the range"
                        );
                    }
                    search = next;
                }
                Answer::BudgetForChance(Ok(ChanceStep::Found(amount))) => break Ok(amount),
                other => panic!("step {steps}: {other:?}"),
            }
        };
        assert_eq!(found, direct);
        assert!(steps > 5, "a search of several steps ({steps})");
        let ambon = crate::engine::presets::load("ambon").unwrap();
        assert!(matches!(
            engine.run(&job(ambon, ChanceSearch::default())),
            Answer::BudgetForChance(Err(UncertaintyError::Unreachable(_)))
        ));
    }

    /// "Buka"'s job answers with the kab/kota's scenario in the plan, as a file reads it.
    #[test]
    fn a_kabkota_in_the_plan_answers_as_its_scenario_file() {
        let engine = Engine::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let job = |code: &str| Job::KabKotaInPlan {
            code: code.into(),
            edited: Vec::new(),
        };
        let Answer::Scenario(Ok(text)) = engine.run(&job("52.03")) else {
            panic!("no scenario for 52.03");
        };
        let read = crate::engine::import::scenario_from_json(&text).unwrap();
        let expected = regions::kabkota_in_plan(engine.params(), catalogue, &[], "52.03");
        assert_eq!(read, expected.unwrap());
        assert!(matches!(engine.run(&job("52")), Answer::Scenario(Err(_))));
    }

    /// An edited province, answered from the kept starting runs, gives the same numbers as
    /// the whole national plan run from scratch with that province, and the nation's
    /// figures follow it.
    #[test]
    fn an_edited_province_answers_as_the_whole_plan_run_afresh() {
        let engine = Engine::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let before = national(&engine, Vec::new());
        let plan = NationalScenario::starting().unwrap();
        let mut maluku = plan
            .starting_province(engine.params(), catalogue, "81")
            .unwrap();
        let ProvinceAmount::Apbd { yearly } = &mut maluku.sources[0].amount else {
            panic!("the starting plan has one APBD line");
        };
        *yearly *= Decimal::from(4);
        let own = OwnSources {
            province: "81".into(),
            sources: maluku.sources.clone(),
        };
        let after = national(&engine, vec![own]);
        let mut whole = plan.clone();
        whole.provinces = vec![maluku];
        let fresh = run_national(
            engine.params(),
            &whole.validate(engine.params(), catalogue).unwrap(),
        );
        assert_eq!(after, fresh);
        let cost = |o: &NationalOutcome, code: &str| {
            let p = o
                .provinces
                .iter()
                .find(|p| p.province.code == code)
                .unwrap();
            p.province.total_contributions()
        };
        assert!(cost(&after, "81") > cost(&before, "81"));
        assert_eq!(cost(&after, "64"), cost(&before, "64"));
        assert!(after.nation.total_contributions() > before.nation.total_contributions());
        // Back to no edits: the starting numbers again, from the kept runs.
        assert_eq!(national(&engine, Vec::new()), before);
    }

    /// A reader that kept the starting kab/kota of one answer gets later answers without
    /// them (much smaller), and putting them back gives the whole answer; an edited
    /// province's kab/kota are never left out, nor those the reader does not hold.
    #[test]
    fn a_national_answer_leaves_out_the_starting_kabkota_the_reader_holds() {
        use crate::engine::regions::StartingKabKota;
        let engine = Engine::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let plan = NationalScenario::starting().unwrap();
        let edit = |code: &str| {
            let mut p = plan
                .starting_province(engine.params(), catalogue, code)
                .unwrap();
            let ProvinceAmount::Apbd { yearly } = &mut p.sources[0].amount else {
                panic!("the starting plan has one APBD line");
            };
            *yearly *= Decimal::from(3);
            OwnSources {
                province: code.into(),
                sources: p.sources,
            }
        };
        let codes = |o: &NationalOutcome| -> Vec<String> {
            o.provinces
                .iter()
                .map(|p| p.province.code.clone())
                .collect()
        };

        // The first answer (Maluku edited) carries everything; the reader keeps the rest.
        let first_edits = vec![edit("81")];
        let whole_first = national(&engine, first_edits.clone());
        let mut first = whole_first.clone();
        let spared = first.spare(&first_edits, &[]);
        assert!(spared.left_out.is_empty());
        let others: Vec<String> = codes(&first).into_iter().filter(|c| c != "81").collect();
        assert_eq!(
            spared.carried, others,
            "an edited province's are not starting ones"
        );
        let mut kept = StartingKabKota::new();
        assert!(first.restore(&spared, &mut kept));
        assert_eq!(first, whole_first);
        assert_eq!(kept.len(), others.len());

        // The next answer (Jambi edited as well): every kept province's kab/kota left out
        // but Jambi's (edited now); Maluku's carried, not kept (edited).
        let edits = vec![edit("81"), edit("15")];
        let whole = national(&engine, edits.clone());
        let mut sent = whole.clone();
        let known: Vec<String> = kept.keys().cloned().collect();
        let spared = sent.spare(&edits, &known);
        assert_eq!(spared.left_out.len(), kept.len() - 1);
        assert!(spared.carried.is_empty());
        assert!(!spared.left_out.iter().any(|c| c == "81" || c == "15"));
        for p in &sent.provinces {
            assert_eq!(
                p.kabkota.is_empty(),
                spared.left_out.contains(&p.province.code)
            );
        }
        let size = |o: &NationalOutcome| serde_json::to_string(o).unwrap().len();
        assert!(
            size(&sent) * 5 < size(&whole),
            "{} of {}",
            size(&sent),
            size(&whole)
        );
        assert_eq!(sent.nation, whole.nation);
        assert!(sent.restore(&spared, &mut kept));
        assert_eq!(sent, whole);

        // A province's code is read trimmed, so an edit of ` 81` is Maluku's.
        let spaced = vec![OwnSources {
            province: " 81".into(),
            ..edit("81")
        }];
        let mut spaced_answer = national(&engine, spaced.clone());
        let spared = spaced_answer.spare(&spaced, &["81".into()]);
        assert!(!spared.left_out.contains(&"81".into()) && !spared.carried.contains(&"81".into()));

        // What is not kept cannot be put back: nothing is, and the reader is told.
        let mut sent = whole.clone();
        let spared = sent.spare(&edits, &known);
        let mut partial = kept.clone();
        partial.remove(&spared.left_out[0]);
        let before = sent.clone();
        assert!(!sent.restore(&spared, &mut partial));
        assert_eq!(sent, before);
    }

    #[test]
    fn a_province_this_build_does_not_know_is_refused_by_name() {
        let engine = Engine::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let plan = NationalScenario::starting().unwrap();
        let maluku = plan
            .starting_province(engine.params(), catalogue, "81")
            .unwrap();
        let odd = OwnSources {
            province: "99".into(),
            sources: maluku.sources,
        };
        let Answer::National(result) = engine.run(&Job::National(vec![odd])) else {
            panic!("not a national answer");
        };
        assert!(result.unwrap_err().contains("99"));
    }
}
