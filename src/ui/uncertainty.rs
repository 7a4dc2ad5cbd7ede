//! How sure the answer is, as the app shows it: the Monte Carlo bands of the shown scenario
//! (`engine::uncertainty::bands`), worked out on the slow background lane (`compute`) only
//! after the inputs settle, never on a slider move, and progressively: first a quick answer
//! from `FIRST_DRAWS` draws, then the full `FULL_DRAWS`, unless the first step shows that the
//! refined run would take more than `REFINE_BUDGET_MS` on this device (then the answer stays
//! at `FIRST_DRAWS`, and says so). A fixed seed makes the same scenario and draws always
//! show the same numbers.
//!
//! It holds no words and draws nothing; the summary card, the coverage chart and the
//! tornado take what it gives.

use crate::engine::jobs::{Answer, Job};
use crate::engine::uncertainty::{Assumptions, Bands, UncertaintyError};
use crate::engine::{Scenario, ValidScenario};
use crate::ui::compute::use_job;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// The seed of every run, so that the same scenario always gives the same bands.
pub const SEED: u64 = 20_261_130;

/// The draws of the quick first answer.
pub const FIRST_DRAWS: u32 = 100;

/// The draws of the refined answer.
pub const FULL_DRAWS: u32 = 1_000;

/// Milliseconds the inputs must stay still before the first answer is asked for.
const SETTLE_MS: u32 = 250;

/// The longest the refined run may take, estimated from the first step's time.
const REFINE_BUDGET_MS: f64 = 10_000.0;

/// One run's answer, for the scenario it was worked out for.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub scenario: Scenario,
    pub bands: Result<Rc<Bands>, UncertaintyError>,
    /// Whether a run with more draws follows.
    pub more: bool,
}

impl Run {
    /// Whether this answer belongs to `valid` (else it is an older one, shown while the
    /// new one is worked out).
    pub fn is_for(&self, valid: &ValidScenario) -> bool {
        self.scenario == *valid.scenario()
    }

    /// Whether more draws will follow.
    pub fn refining(&self) -> bool {
        self.more && self.bands.is_ok()
    }
}

/// The embedded assumptions, read once per component that shows them.
#[hook]
pub fn use_assumptions() -> Rc<Result<Assumptions, UncertaintyError>> {
    use_memo((), |_| Assumptions::embedded())
}

fn job(valid: &ValidScenario, draws: u32) -> Rc<Job> {
    Rc::new(Job::Bands {
        scenario: valid.scenario().clone(),
        draws,
        seed: SEED,
    })
}

/// The latest answer: none before the first one; an older scenario's while a new one is
/// being worked out (`Run::is_for` tells which).
#[hook]
pub fn use_bands(valid: Rc<ValidScenario>) -> Option<Run> {
    let asked = use_state(|| None::<Rc<Job>>);
    {
        let asked = asked.clone();
        use_effect_with(valid.clone(), move |valid| {
            let valid = valid.clone();
            let timer = Timeout::new(SETTLE_MS, move || asked.set(Some(job(&valid, FIRST_DRAWS))));
            move || drop(timer)
        });
    }
    let done = use_job((*asked).clone());
    let run = use_memo(done, |done| {
        let done = done.as_ref()?;
        let (
            Job::Bands {
                scenario, draws, ..
            },
            Answer::Bands(bands),
        ) = (&*done.job, &done.answer)
        else {
            return None;
        };
        gloo::console::log!(format!("payung: {draws} draws in {:.0} ms", done.millis));
        let scale = f64::from(FULL_DRAWS) / f64::from(*draws);
        let more = *draws < FULL_DRAWS && bands.is_ok() && done.millis * scale <= REFINE_BUDGET_MS;
        Some(Run {
            scenario: scenario.clone(),
            bands: (**bands).clone().map(Rc::new),
            more,
        })
    });
    // The quick answer for the shown scenario is in: ask for the refined one.
    {
        let asked = asked.clone();
        use_effect_with(((*run).clone(), valid), move |(run, valid)| {
            if run.as_ref().is_some_and(|r| r.more && r.is_for(valid)) {
                asked.set(Some(job(valid, FULL_DRAWS)));
            }
        });
    }
    (*run).clone()
}

/// What the headline card shows of the chance of reaching the target.
#[derive(Clone, Debug, PartialEq)]
pub enum Chance {
    /// Not yet worked out for the shown scenario.
    Pending,
    Ready {
        probability: rust_decimal::Decimal,
        draws: u32,
        refining: bool,
    },
    Failed(UncertaintyError),
}

impl Chance {
    /// The chance for `valid` from the latest answer.
    pub fn of(latest: Option<&Run>, valid: &ValidScenario) -> Self {
        match latest.filter(|r| r.is_for(valid)) {
            None => Chance::Pending,
            Some(r) => match &r.bands {
                Ok(b) => Chance::Ready {
                    probability: b.probability_target_met,
                    draws: b.draws,
                    refining: r.refining(),
                },
                Err(e) => Chance::Failed(e.clone()),
            },
        }
    }
}
