//! The background thread: a Web Worker (gloo-worker) that runs `engine::jobs` for the page.
//! The page side (`Remote`) sends `(ticket, job)` and hands each reply to
//! `compute::answered`; the worker side (`EngineWorker`, started by `src/bin/worker.rs`)
//! holds the engine with its embedded data and answers each job in turn. Messages cross as
//! JSON (`Json`): the scenario and result types are serde types with exact decimals, which
//! gloo-worker's default binary encoding cannot read back.
//!
//! The page reads each answer as the type it was started with (`Remote<A>`): the full app as
//! `Answer`, the embed as `ui::embed::EmbedAnswer`, the answers it asks for and no others, so
//! its bundle carries no code to read the rest (a goal-seek's, a plan's, the bands').
//!
//! **A national answer leaves out what the page holds.** Each national answer carries all
//! 514 kab/kota (about 810 KB of JSON), though an edit changes one province's. The kab/kota
//! of a province on its starting plan are the same in every answer, so the page keeps them
//! from the first answer that carries them (`Remote::kept`), sends their provinces' codes
//! with each job, and the worker leaves those out (`NationalOutcome::spare`, which says
//! which it left out and which it carried); the page puts them back, and keeps those
//! carried, before anyone reads the answer (`NationalOutcome::restore`).

use super::{answered, Backend, Lane};
use crate::engine::jobs::{Answer, Engine, Job};
use crate::engine::regions::{Spared, StartingKabKota};
use gloo::worker::{Codec, HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;
use wasm_bindgen::{JsValue, UnwrapThrowExt};

/// Worker messages as JSON text.
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        serde_json::to_string(&input).map_or(JsValue::NULL, JsValue::from)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // Both ends are this build's code, so a message that does not read back is a bug.
        serde_json::from_str(&input.as_string().unwrap_or_default())
            .expect_throw("payung: a worker message did not read back")
    }
}

/// One job: its ticket, the job, and the provinces whose starting kab/kota the page holds
/// (for a national job; empty for the others).
type Input = (u64, Job, Vec<String>);

/// One job's reply, its answer read as `A` (see the module's note).
#[derive(Serialize, Deserialize)]
pub struct Reply<A> {
    ticket: u64,
    answer: A,
    millis: f64,
    /// What a national answer left out, and what it carried (see the module's note).
    #[serde(default)]
    spared: Spared,
}

/// What a page may read an answer as: `Answer` itself, or a narrower type whose variants
/// read as `Answer`'s of the same name do (the worker writes `Answer`s).
pub trait ReadAs: Serialize + DeserializeOwned + From<Answer> + Into<Answer> + 'static {}

impl<A: Serialize + DeserializeOwned + From<Answer> + Into<Answer> + 'static> ReadAs for A {}

/// The worker: the engine, or why its embedded data did not load. The thread itself is always
/// `EngineWorker<Answer>`; `A` is how the page that spawned it reads its replies.
pub struct EngineWorker<A = Answer> {
    engine: Result<Engine, String>,
    read_as: PhantomData<A>,
}

impl<A: ReadAs> Worker for EngineWorker<A> {
    type Message = ();
    type Input = Input;
    type Output = Reply<A>;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            engine: Engine::embedded(),
            read_as: PhantomData,
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, (ticket, job, known): Input, id: HandlerId) {
        let start = js_sys::Date::now();
        let mut answer = match &self.engine {
            Ok(engine) => engine.run(&job),
            Err(message) => Answer::Invalid(message.clone()),
        };
        let spared = match (&job, &mut answer) {
            (Job::National(edited), Answer::National(result)) => match result.as_mut() {
                Ok(outcome) => outcome.spare(edited, &known),
                Err(_) => Spared::default(),
            },
            _ => Spared::default(),
        };
        let millis = js_sys::Date::now() - start;
        scope.respond(
            id,
            Reply {
                ticket,
                answer: A::from(answer),
                millis,
                spared,
            },
        );
    }
}

/// Runs the worker side; the worker's entry point calls it.
pub fn register() {
    EngineWorker::<Answer>::registrar()
        .encoding::<Json>()
        .register();
}

/// The page side of one worker, reading its answers as `A`.
pub struct Remote<A: ReadAs = Answer> {
    bridge: WorkerBridge<EngineWorker<A>>,
    /// The starting kab/kota of the provinces that national answers have carried.
    kept: Rc<RefCell<StartingKabKota>>,
}

impl<A: ReadAs> Remote<A> {
    /// Starts a worker from its loader script (`web/worker-loader.js`) for `lane`.
    pub fn spawn(loader: &str, lane: Lane) -> Self {
        let kept = Rc::new(RefCell::new(StartingKabKota::new()));
        let mut spawner = EngineWorker::<A>::spawner();
        spawner.callback({
            let kept = kept.clone();
            move |reply: Reply<A>| {
                let mut answer: Answer = reply.answer.into();
                if let Answer::National(result) = &mut answer {
                    if let Ok(outcome) = result.as_mut() {
                        // The page names only provinces it keeps, and keeps them all, so
                        // everything left out is put back.
                        let whole = outcome.restore(&reply.spared, &mut kept.borrow_mut());
                        debug_assert!(whole, "a national answer left out kab/kota not kept");
                    }
                }
                answered(lane, reply.ticket, answer, reply.millis)
            }
        });
        Self {
            bridge: spawner.encoding::<Json>().spawn_with_loader(loader),
            kept,
        }
    }
}

impl<A: ReadAs> Backend for Remote<A> {
    fn start(&self, ticket: u64, job: &Job) {
        let known = match job {
            Job::National(_) => self.kept.borrow().keys().cloned().collect(),
            _ => Vec::new(),
        };
        self.bridge.send((ticket, job.clone(), known));
    }
}

/// A worker started on its lane's first job, not with the page: a page that never asks for
/// a lane's jobs (the embed: no goal-seek, no bands) never starts its thread.
pub struct OnFirstJob<A: ReadAs = Answer> {
    loader: String,
    lane: Lane,
    remote: std::cell::OnceCell<Remote<A>>,
}

impl<A: ReadAs> OnFirstJob<A> {
    pub fn new(loader: &str, lane: Lane) -> Self {
        Self {
            loader: loader.to_owned(),
            lane,
            remote: std::cell::OnceCell::new(),
        }
    }
}

impl<A: ReadAs> Backend for OnFirstJob<A> {
    fn start(&self, ticket: u64, job: &Job) {
        self.remote
            .get_or_init(|| Remote::spawn(&self.loader, self.lane))
            .start(ticket, job);
    }
}
