//! How sure the answer is, as the app shows it: the Monte Carlo bands of the shown scenario
//! (`engine::uncertainty::bands`), worked out only after the inputs settle, never on a
//! slider move, and progressively: first a quick answer from `FIRST_DRAWS` draws, then,
//! a moment later, the full `FULL_DRAWS`, unless the first step shows that this device
//! would freeze the page for more than `REFINE_BUDGET_MS` doing so (then the answer stays
//! at `FIRST_DRAWS`, and says so). A fixed seed makes the same scenario and draws always
//! show the same numbers.
//!
//! It holds no words and draws nothing; the summary card, the coverage chart and the
//! tornado take what it gives.

use crate::engine::uncertainty::{bands, Assumptions, Bands, UncertaintyError};
use crate::engine::{Parameters, ValidScenario};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The seed of every run, so that the same scenario always gives the same bands.
pub const SEED: u64 = 20_261_130;

/// The draws of the quick first answer.
pub const FIRST_DRAWS: u32 = 100;

/// The draws of the refined answer.
pub const FULL_DRAWS: u32 = 1_000;

/// Milliseconds the inputs must stay still before the first answer is worked out.
const SETTLE_MS: u32 = 250;

/// Milliseconds between the first answer and the refined one, so that the page shows the
/// first answer before the longer run starts.
const REFINE_MS: u32 = 60;

/// The longest the refined run may hold the page, estimated from the first step's time.
const REFINE_BUDGET_MS: f64 = 3_000.0;

thread_local! {
    /// The newest request for a run in this page. A page runs one Monte Carlo at a time,
    /// the newest: where several simulators share a page (the browser tests mount one
    /// per test), older ones stay pending instead of holding the page in turn.
    static NEWEST: Cell<u64> = const { Cell::new(0) };
}

/// A new ticket, which makes every earlier one stale.
fn take_ticket() -> u64 {
    NEWEST.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

fn is_newest(ticket: u64) -> bool {
    NEWEST.with(|n| n.get() == ticket)
}

/// One run's answer, for the scenario it was worked out for.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub valid: Rc<ValidScenario>,
    pub bands: Result<Rc<Bands>, UncertaintyError>,
    /// Whether a run with more draws follows.
    pub more: bool,
}

impl Run {
    /// Whether this answer belongs to `valid` (else it is an older one, shown while the
    /// new one is worked out).
    pub fn is_for(&self, valid: &ValidScenario) -> bool {
        *self.valid == *valid
    }

    /// Whether more draws will follow.
    pub fn refining(&self) -> bool {
        self.more && self.bands.is_ok()
    }
}

/// The embedded assumptions, read once per app.
#[hook]
pub fn use_assumptions() -> Rc<Result<Assumptions, UncertaintyError>> {
    use_memo((), |_| Assumptions::embedded())
}

fn run(
    params: &Parameters,
    valid: &Rc<ValidScenario>,
    assumptions: &Result<Assumptions, UncertaintyError>,
    draws: u32,
) -> Run {
    let bands = assumptions
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|a| bands(params, valid, a, draws, SEED))
        .map(Rc::new);
    Run {
        valid: valid.clone(),
        bands,
        more: false,
    }
}

/// `run` and how long it took in milliseconds, also logged in the console ("payung: 1000
/// draws in 240 ms"), which the end-to-end test reports.
fn timed(
    params: &Parameters,
    valid: &Rc<ValidScenario>,
    assumptions: &Result<Assumptions, UncertaintyError>,
    draws: u32,
) -> (Run, f64) {
    let start = now_ms();
    let done = run(params, valid, assumptions, draws);
    let ms = now_ms() - start;
    gloo::console::log!(format!("payung: {draws} draws in {ms:.0} ms"));
    (done, ms)
}

/// Milliseconds since the page opened, for the log line of a run.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The latest answer: none before the first one; an older scenario's while a new one is
/// being worked out (`Run::is_for` tells which).
#[hook]
pub fn use_bands(
    params: Rc<Parameters>,
    valid: Rc<ValidScenario>,
    assumptions: Rc<Result<Assumptions, UncertaintyError>>,
) -> Option<Run> {
    let latest = use_state(|| None::<Run>);
    {
        let latest = latest.clone();
        use_effect_with(valid, move |valid| {
            let valid = valid.clone();
            let ticket = take_ticket();
            let refine: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let first = {
                let refine = refine.clone();
                Timeout::new(SETTLE_MS, move || {
                    if !is_newest(ticket) {
                        return;
                    }
                    let (first, ms) = timed(&params, &valid, &assumptions, FIRST_DRAWS);
                    let scale = f64::from(FULL_DRAWS) / f64::from(FIRST_DRAWS);
                    let more = first.bands.is_ok() && ms * scale <= REFINE_BUDGET_MS;
                    latest.set(Some(Run { more, ..first }));
                    if more {
                        let second = Timeout::new(REFINE_MS, move || {
                            if !is_newest(ticket) {
                                return;
                            }
                            latest.set(Some(timed(&params, &valid, &assumptions, FULL_DRAWS).0));
                        });
                        *refine.borrow_mut() = Some(second);
                    }
                })
            };
            move || {
                drop(first);
                drop(refine.borrow_mut().take());
            }
        });
    }
    (*latest).clone()
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
