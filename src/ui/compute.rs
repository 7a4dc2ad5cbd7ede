//! Computation off the page's thread. Components ask for a `Job` (`use_job`) and get its
//! `Answer` later; the page itself never runs the engine, so a slider or a typed field
//! answers in the same frame whatever the scenario's size.
//!
//! Jobs go to one of three lanes, each a background thread (a Web Worker running
//! `engine::jobs`, see `worker`): `Lane::Quick` for what follows every move (the outcome,
//! the baseline, a comparison), `Lane::Slow` for what is worked out once the inputs settle
//! (goal-seek, plan, the national plan) and `Lane::Draws` for the Monte Carlo bands and the
//! tornado, so a long Monte Carlo never delays a move's answer, and the first bands never
//! wait for a goal-seek (on a machine with several cores they run side by side). Each lane's scheduler keeps at most one job in flight and, for each asker,
//! one pending: a newer job replaces the pending one (stale inputs are dropped, never
//! computed), and when the lane frees up the most urgent pending job starts.
//!
//! Where jobs run is installed once per page: `install_workers` (the app, `src/main.rs`) or
//! `inline::install` (the component tests, which run jobs on the page's thread after a
//! turn of the event loop). It knows nothing of what the answers are shown as.

pub mod inline;
pub mod worker;

use crate::engine::jobs::{Answer, Job};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The background thread a job runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    Quick,
    Slow,
    Draws,
}

impl Lane {
    fn of(job: &Job) -> Self {
        match job {
            Job::Outcome(_) | Job::Outcomes(_) | Job::KabKotaInPlan { .. } => Lane::Quick,
            Job::GoalSeek { .. } | Job::Plan { .. } | Job::National(_) => Lane::Slow,
            Job::Bands { .. } | Job::Tornado(_) | Job::BudgetForChance { .. } => Lane::Draws,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How urgent a job is within its lane: lower first.
fn urgency(job: &Job) -> u8 {
    match job {
        Job::Outcome(_) | Job::GoalSeek { .. } => 0,
        Job::Outcomes(_) | Job::Plan { .. } | Job::National(_) | Job::KabKotaInPlan { .. } => 1,
        Job::Bands { .. } => 2,
        Job::Tornado(_) => 3,
        Job::BudgetForChance { .. } => 4,
    }
}

/// A job's answer, with the job it answers (which may be older than the asker's newest).
#[derive(Debug, PartialEq)]
pub struct Done {
    pub job: Rc<Job>,
    pub answer: Answer,
    /// How long the background thread took, in milliseconds.
    pub millis: f64,
}

/// Where a lane's jobs run. The answer to `start(ticket, job)` must come back through
/// `answered(lane, ticket, answer, millis)`, after `start` has returned.
pub trait Backend {
    fn start(&self, ticket: u64, job: &Job);
}

type Asker = Rc<dyn Fn(Rc<Done>)>;

/// One lane's scheduler.
struct Scheduler {
    backend: Box<dyn Backend>,
    /// The job being worked on: its ticket, its asker and the job.
    in_flight: Option<(u64, u64, Rc<Job>)>,
    /// At most one job per asker, in the order asked.
    pending: Vec<(u64, Rc<Job>)>,
}

impl Scheduler {
    /// Starts the most urgent pending job if the lane is free.
    fn next(&mut self, ticket: u64) -> bool {
        if self.in_flight.is_some() {
            return false;
        }
        let Some(k) = (0..self.pending.len()).min_by_key(|&k| urgency(&self.pending[k].1)) else {
            return false;
        };
        let (asker, job) = self.pending.remove(k);
        self.backend.start(ticket, &job);
        self.in_flight = Some((ticket, asker, job));
        true
    }
}

/// The page's schedulers and askers.
struct Compute {
    lanes: Vec<Scheduler>,
    askers: HashMap<u64, Asker>,
    /// Each asker's last answered job.
    answered: HashMap<u64, Rc<Job>>,
    /// The asker whose jobs may be foreseen (`foresee`): the shown scenario's outcome.
    foreseeing: Option<u64>,
    /// The last foreseen job and what makes it the shown one (`foresee`), until the page
    /// asks for a job of its own or another move is foreseen.
    foreseen: Option<(Rc<Job>, Commit)>,
    next_ticket: u64,
    next_asker: u64,
}

thread_local! {
    static COMPUTE: RefCell<Option<Compute>> = const { RefCell::new(None) };
}

/// Installs where each lane's jobs run, in `Lane` order (once per page; later calls change
/// nothing).
pub fn install(backends: [Box<dyn Backend>; 3]) {
    COMPUTE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            let lane = |backend| Scheduler {
                backend,
                in_flight: None,
                pending: Vec::new(),
            };
            *c = Some(Compute {
                lanes: backends.into_iter().map(lane).collect(),
                askers: HashMap::new(),
                answered: HashMap::new(),
                foreseeing: None,
                foreseen: None,
                next_ticket: 1,
                next_asker: 1,
            });
        }
    });
}

/// Runs jobs in three Web Workers started from `loader` (the worker's loader script), all
/// three at once: they start while the page waits for its first answer, which measured
/// lighter on the first load than starting the other two after it (Lighthouse, README
/// "Speed and size").
pub fn install_workers(loader: &str) {
    install([Lane::Quick, Lane::Slow, Lane::Draws].map(|lane| {
        Box::new(worker::Remote::<worker::Later>::spawn(loader, lane)) as Box<dyn Backend>
    }));
}

/// Runs jobs for a page that reads answers as `A` (the embed: `worker::ReadAs`): the quick
/// lane's thread at once, since the first answer is asked for as the page opens, and the
/// others only on their lane's first job (`worker::OnFirstJob`), so an embed, which asks
/// for no goal-seek, plan or bands, starts one engine thread rather than three.
pub fn install_workers_reading<A: worker::ReadAs>(loader: &str) {
    install([
        Box::new(worker::Remote::<A>::spawn(loader, Lane::Quick)),
        Box::new(worker::OnFirstJob::<A>::new(loader, Lane::Slow)),
        Box::new(worker::OnFirstJob::<A>::new(loader, Lane::Draws)),
    ]);
}

fn with<R>(f: impl FnOnce(&mut Compute) -> R) -> Option<R> {
    COMPUTE.with(|c| c.borrow_mut().as_mut().map(f))
}

fn new_asker(asker: Asker) -> u64 {
    with(|c| {
        let id = c.next_asker;
        c.next_asker += 1;
        c.askers.insert(id, asker);
        id
    })
    .unwrap_or(0)
}

fn forget_asker(id: u64) {
    with(|c| {
        c.askers.remove(&id);
        c.answered.remove(&id);
        if c.foreseeing == Some(id) {
            c.foreseeing = None;
            c.foreseen = None;
        }
        for lane in &mut c.lanes {
            lane.pending.retain(|(a, _)| *a != id);
        }
    });
}

/// Asks for `job` on behalf of asker `id`: started at once if its lane is free, else it
/// replaces the asker's pending job. A job that is the asker's newest already (in flight,
/// or its last answer with nothing newer on the way) is not asked again: a foreseen job,
/// then asked as the page renders.
fn ask(id: u64, job: Rc<Job>) {
    with(|c| {
        if c.foreseeing == Some(id) {
            // The page now asks for a job itself: the foreseen move has been made (or
            // replaced by another edit), so its commit must not run any more.
            c.foreseen = None;
        }
        let flying = c
            .lanes
            .iter()
            .find_map(|l| l.in_flight.as_ref().filter(|(_, a, _)| *a == id))
            .map(|(_, _, j)| j.clone());
        let newest = flying.or_else(|| c.answered.get(&id).cloned());
        let lane = &mut c.lanes[Lane::of(&job).index()];
        lane.pending.retain(|(a, _)| *a != id);
        if newest.is_some_and(|j| *j == *job) {
            return;
        }
        lane.pending.push((id, job));
        if lane.next(c.next_ticket) {
            c.next_ticket += 1;
        }
    });
}

/// A lane's answer to the job with `ticket`: handed to its asker, and the lane's next job
/// started.
pub fn answered(lane: Lane, ticket: u64, answer: Answer, millis: f64) {
    let delivery = with(|c| {
        let scheduler = &mut c.lanes[lane.index()];
        let (asker, job) = match scheduler.in_flight.take() {
            Some((t, asker, job)) if t == ticket => (asker, job),
            other => {
                scheduler.in_flight = other;
                return None;
            }
        };
        if scheduler.next(c.next_ticket) {
            c.next_ticket += 1;
        }
        c.answered.insert(asker, job.clone());
        let commit = match c.foreseen.take() {
            Some((foreseen, commit)) if Some(asker) == c.foreseeing && foreseen == job => {
                Some(commit)
            }
            other => {
                c.foreseen = other;
                None
            }
        };
        let done = Rc::new(Done {
            job,
            answer,
            millis,
        });
        c.askers.get(&asker).map(|a| (a.clone(), done, commit))
    });
    // Outside the borrow: the asker may ask again at once.
    if let Some(Some((asker, done, commit))) = delivery {
        // The move this answers is made now, so that the page shows the move and its answer
        // in one render (both updates land in the same turn) rather than one after the other.
        if let Some(commit) = commit {
            commit();
        }
        asker(done);
    }
}

/// What makes a foreseen job the shown one (the app's `Set` of the moved slider).
pub type Commit = Box<dyn FnOnce()>;

/// Asks now for a job the page is about to ask for (a slider's move, before the page has
/// rendered it), on behalf of the asker that `use_foreseeable_job` named; its answer then
/// reaches that asker as any other. If the answer comes back before the page has made the
/// move itself (it makes it once the move is painted), `commit` makes it then, just before
/// the answer is handed over: one render for both instead of two. Once the page asks for a
/// job of its own or another move is foreseen, `commit` is dropped unrun (a move back to
/// the shown value is foreseen as the shown job, without a commit).
pub fn foresee(job: Rc<Job>, commit: Option<Commit>) {
    if let Some(id) = with(|c| c.foreseeing).flatten() {
        ask(id, job.clone());
        with(|c| c.foreseen = commit.map(|commit| (job, commit)));
    }
}

/// `use_job`, whose next job may also be asked ahead by `foresee` (one per page: the shown
/// scenario's outcome).
#[hook]
pub fn use_foreseeable_job(job: Option<Rc<Job>>) -> Option<Rc<Done>> {
    use_job_as(job, true)
}

/// The latest answer for this component's job: `None` until the first arrives; while a
/// newer job is worked out, the previous answer (`Done::job` says which job it answers).
/// `None` as the job asks for nothing.
#[hook]
pub fn use_job(job: Option<Rc<Job>>) -> Option<Rc<Done>> {
    use_job_as(job, false)
}

#[hook]
fn use_job_as(job: Option<Rc<Job>>, foreseeable: bool) -> Option<Rc<Done>> {
    let latest = use_state(|| None::<Rc<Done>>);
    let id = {
        let latest = latest.clone();
        *use_memo((), move |_| {
            // An asker's first answer is shown in a task of its own rather than in the one
            // that received it: on the first load that task has decoded the answer, and
            // both together made one long task that held up the page.
            // A newer answer that arrives meanwhile replaces it there.
            let first = std::cell::Cell::new(true);
            let waiting = Rc::new(RefCell::new(None::<Rc<Done>>));
            let id = new_asker(Rc::new(move |done| {
                if first.replace(false) {
                    *waiting.borrow_mut() = Some(done);
                    let (latest, waiting) = (latest.clone(), waiting.clone());
                    gloo::timers::callback::Timeout::new(0, move || {
                        if let Some(done) = waiting.borrow_mut().take() {
                            latest.set(Some(done));
                        }
                    })
                    .forget();
                } else if waiting.borrow().is_some() {
                    *waiting.borrow_mut() = Some(done);
                } else {
                    latest.set(Some(done));
                }
            }));
            if foreseeable {
                with(|c| c.foreseeing = Some(id));
            }
            id
        })
    };
    use_effect_with((), move |_| move || forget_asker(id));
    // Asked as the component renders, not in an effect after the page has rendered: on a
    // slider move the background thread works out the answer while the page is still
    // drawing the move itself.
    let asked = use_mut_ref(|| None::<Option<Rc<Job>>>);
    if asked.borrow().as_ref() != Some(&job) {
        match &job {
            Some(job) => ask(id, job.clone()),
            None => {
                with(|c| {
                    for lane in &mut c.lanes {
                        lane.pending.retain(|(a, _)| *a != id);
                    }
                });
            }
        }
        *asked.borrow_mut() = Some(job);
    }
    (*latest).clone()
}

impl Done {
    /// Whether this answers `job` (else it is an older job's, shown meanwhile).
    pub fn answers(&self, job: &Job) -> bool {
        *self.job == *job
    }
}

/// Asks for `job` once it has stayed the same for `settle_ms` milliseconds (so a drag asks
/// nothing). Gives the last answer, and whether it answers the current job: while a newer
/// job settles and is worked out the asker keeps showing the older answer through
/// `kept_answer` (dimmed, its actions off), so a move changes its text in place rather than
/// removing and rebuilding it, and nothing below it moves.
#[hook]
pub fn use_settled_answer(job: Option<Rc<Job>>, settle_ms: u32) -> Option<(Rc<Done>, bool)> {
    let asked = use_state(|| None::<Rc<Job>>);
    {
        let asked = asked.clone();
        use_effect_with(job.clone(), move |job| {
            let job = job.clone();
            let timer = gloo::timers::callback::Timeout::new(settle_ms, move || asked.set(job));
            move || drop(timer)
        });
    }
    let done = use_job((*asked).clone())?;
    let fresh = job.as_ref().is_some_and(|j| done.answers(j));
    Some((done, fresh))
}

/// What an asker of `use_settled_answer` shows of its answer, marked busy (and dimmed by
/// the stylesheet) while it is not `fresh`.
pub fn kept_answer(fresh: bool, shown: Html) -> Html {
    html! { <div class="kept-answer" aria-busy={(!fresh).to_string()}>{ shown }</div> }
}

/// One arrival of an answer, compared by identity: each arrival counts as new, without
/// comparing whole outcomes (for `use_memo` keys).
#[derive(Clone)]
pub struct Arrival(pub Rc<Done>);

impl PartialEq for Arrival {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;

    /// Records the jobs a lane was asked to start.
    struct Recorder(Rc<RefCell<Vec<(u64, Job)>>>);

    impl Backend for Recorder {
        fn start(&self, ticket: u64, job: &Job) {
            self.0.borrow_mut().push((ticket, job.clone()));
        }
    }

    fn outcome_job(workers: u64) -> Rc<Job> {
        let mut sc = presets::load("ambon").unwrap();
        sc.region.vulnerable_workers = workers;
        Rc::new(Job::Outcome(sc))
    }

    #[test]
    fn a_job_is_asked_again_unless_it_is_the_askers_newest() {
        let started = Rc::new(RefCell::new(Vec::new()));
        install([0, 1, 2].map(|_| Box::new(Recorder(started.clone())) as Box<dyn Backend>));
        let got = Rc::new(RefCell::new(Vec::new()));
        let sink = got.clone();
        let id = new_asker(Rc::new(move |d: Rc<Done>| {
            sink.borrow_mut().push(d.job.clone())
        }));
        let (x, y) = (outcome_job(70_000), outcome_job(71_000));
        let answer = |started: &Rc<RefCell<Vec<(u64, Job)>>>| {
            let ticket = started.borrow().last().unwrap().0;
            answered(Lane::Quick, ticket, Answer::Invalid("test".into()), 0.0);
        };

        ask(id, x.clone());
        ask(id, x.clone()); // in flight: not again
        assert_eq!(started.borrow().len(), 1);
        answer(&started);
        ask(id, x.clone()); // just answered: not again
        assert_eq!(started.borrow().len(), 1);

        // Y in flight, then back to X: X is asked again after Y, not dropped.
        ask(id, y.clone());
        ask(id, x.clone());
        assert_eq!(started.borrow().len(), 2);
        answer(&started);
        assert_eq!(started.borrow().len(), 3, "X started once Y was answered");
        assert_eq!(started.borrow()[2].1, *x);
        answer(&started);
        assert_eq!(*got.borrow().last().unwrap().as_ref(), *x);
        forget_asker(id);
    }

    #[test]
    fn a_foreseen_move_is_made_with_its_answer_unless_the_page_made_it_first() {
        let started = Rc::new(RefCell::new(Vec::new()));
        install([0, 1, 2].map(|_| Box::new(Recorder(started.clone())) as Box<dyn Backend>));
        // What happened, in order: "commit X" when a move is made, "answer X" on arrival.
        let log = Rc::new(RefCell::new(Vec::<String>::new()));
        let name = |job: &Job| match job {
            Job::Outcome(sc) => sc.region.vulnerable_workers.to_string(),
            _ => "?".into(),
        };
        let sink = log.clone();
        let id = new_asker(Rc::new(move |d: Rc<Done>| {
            sink.borrow_mut().push(format!("answer {}", name(&d.job)))
        }));
        with(|c| c.foreseeing = Some(id));
        let commit = |tag: &str| {
            let (log, tag) = (log.clone(), tag.to_owned());
            Some(Box::new(move || log.borrow_mut().push(format!("commit {tag}"))) as Commit)
        };
        let answer = |started: &Rc<RefCell<Vec<(u64, Job)>>>| {
            let ticket = started.borrow().last().unwrap().0;
            answered(Lane::Quick, ticket, Answer::Invalid("test".into()), 0.0);
        };
        let (x, y) = (outcome_job(70_000), outcome_job(71_000));

        // The answer comes back before the page made the move: the move is made first.
        foresee(x.clone(), commit("70000"));
        answer(&started);
        assert_eq!(*log.borrow(), ["commit 70000", "answer 70000"]);

        // The page made the move first (it asked for the job as it rendered): the commit
        // is dropped, never run later.
        log.borrow_mut().clear();
        foresee(y.clone(), commit("71000"));
        ask(id, y.clone());
        answer(&started);
        assert_eq!(*log.borrow(), ["answer 71000"]);

        // A newer move replaces the older one's commit; the older answer makes no move.
        log.borrow_mut().clear();
        foresee(x.clone(), commit("70000"));
        foresee(y.clone(), commit("71000"));
        answer(&started); // X, in flight when Y was foreseen
        answer(&started); // Y
        assert_eq!(
            *log.borrow(),
            ["answer 70000", "commit 71000", "answer 71000"]
        );

        // Y shown; a move to Z, then back to Y before the page made either: the move back is
        // foreseen as Y without a commit, so Z's answer makes no move, and Y is asked again
        // after it.
        log.borrow_mut().clear();
        let z = outcome_job(72_000);
        let asked = started.borrow().len();
        foresee(z.clone(), commit("72000"));
        foresee(y.clone(), None);
        answer(&started); // Z
        assert_eq!(*log.borrow(), ["answer 72000"]);
        assert_eq!(started.borrow().len(), asked + 2, "Y asked again after Z");
        answer(&started); // Y
        assert_eq!(*log.borrow(), ["answer 72000", "answer 71000"]);
        forget_asker(id);
    }
}
