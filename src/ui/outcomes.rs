//! The outcomes the app shows, derived from the state and never stored: the shown
//! scenario's and its preset's (the faint baseline), each worked out off the page's thread
//! (`compute`). The full app and the embed share it.

use crate::engine::jobs::{Answer, Job};
use crate::engine::{Outcome, ValidScenario};
use crate::ui::compute::{use_foreseeable_job, use_job, Arrival, Done};
use crate::ui::state::State;
use std::rc::Rc;
use yew::prelude::*;

/// What the app shows of its outcomes.
#[derive(Clone, PartialEq)]
pub struct Outcomes {
    /// The latest outcome: none before the first arrives; an older scenario's while the
    /// shown one is worked out (`fresh` is false then).
    pub outcome: Option<Rc<Outcome>>,
    pub fresh: bool,
    /// Why the engine could not work out the shown scenario (a mismatch of builds between
    /// the page and its background thread; never expected).
    pub failed: Option<String>,
    /// The preset's outcome, the faint baseline (none while it is worked out, or when the
    /// preset is not valid).
    pub baseline: Option<Rc<Outcome>>,
    /// Whether the preset's outcome is asked for and not answered yet.
    pub baseline_pending: bool,
}

/// The outcome in a job's answer, shared.
#[hook]
fn use_outcome_of(done: Option<Rc<Done>>) -> Option<Rc<Outcome>> {
    let outcome = use_memo(done.map(Arrival), |done| {
        done.as_ref().and_then(|d| match &d.0.answer {
            Answer::Outcome(o) => Some(Rc::new((**o).clone())),
            _ => None,
        })
    });
    (*outcome).clone()
}

/// The job that works out `valid`'s outcome: the one `use_outcomes` asks for, and the one a
/// slider's move asks ahead (`compute::foresee`), so the two are recognised as the same.
pub fn outcome_job(valid: &ValidScenario) -> Rc<Job> {
    Rc::new(Job::Outcome(valid.scenario().clone()))
}

/// The outcome of the shown scenario and of its preset (the faint baseline), each asked for
/// only when its own scenario changes. The full app and the embed share it.
#[hook]
pub fn use_outcomes(state: &State) -> Outcomes {
    let job = use_memo(state.valid.clone(), |valid| outcome_job(valid));
    // A slider's move is asked ahead (`compute::foresee`, from the app's `Action::Foresee`).
    let done = use_foreseeable_job(Some((*job).clone()));
    let fresh = done.as_ref().is_some_and(|d| d.answers(&job));
    let failed = done.as_ref().and_then(|d| match &d.answer {
        Answer::Invalid(why) => Some(why.clone()),
        _ => None,
    });
    let outcome = use_outcome_of(done);

    let baseline_job = {
        let params = state.params.clone();
        use_memo(state.preset.clone(), move |preset| {
            (**preset)
                .clone()
                .validate(&params)
                .ok()
                .map(|v| Rc::new(Job::Outcome(v.into_inner())))
        })
    };
    let baseline_done = use_job((*baseline_job).clone()).filter(|d| {
        baseline_job
            .as_ref()
            .as_ref()
            .is_some_and(|job| d.answers(job))
    });
    let baseline_pending = baseline_job.is_some() && baseline_done.is_none();
    let baseline = use_outcome_of(baseline_done);
    Outcomes {
        outcome,
        fresh,
        failed,
        baseline,
        baseline_pending,
    }
}
