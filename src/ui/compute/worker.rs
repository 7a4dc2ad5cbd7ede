//! The background thread: a Web Worker (gloo-worker) that runs `engine::jobs` for the page.
//! The page side (`Remote`) sends `(ticket, job)` and hands each reply to
//! `compute::answered`; the worker side (`EngineWorker`, started by `src/bin/worker.rs`)
//! holds the engine with its embedded data and answers each job in turn. Messages cross as
//! JSON (`Json`): the scenario and result types are serde types with exact decimals, which
//! gloo-worker's default binary encoding cannot read back.
//!
//! The page reads each answer as the type it was started with (`Remote<A>`): the full app as
//! `Later`, which reads at once only what its first screen shows and leaves the rest as text
//! for the panels' chunk to read (`install_reader`), the embed as `ui::embed::EmbedAnswer`,
//! the answers it asks for and no others; so neither main wasm carries code to read the
//! rest (a goal-seek's, a plan's, the tornado's).
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
use crate::engine::uncertainty::{Bands, UncertaintyError};
use crate::engine::Outcome;
use gloo::worker::{Codec, HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
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

/// What a page may read an answer as: `Answer` itself, or a type whose variants read as
/// `Answer`'s of the same name do (the worker writes `Answer`s).
pub trait ReadAs: Serialize + DeserializeOwned + From<Answer> + 'static {
    /// The answer, or its JSON text (as `Answer`) for the panels' chunk to read (`Later`).
    fn read(self) -> Result<Answer, String>;
}

impl ReadAs for Answer {
    fn read(self) -> Result<Answer, String> {
        Ok(self)
    }
}

/// An `Answer` as the full app reads it. What the first screen shows (an outcome, the
/// bands) is read at once; the answers that only the panels in the chunk ask for (a
/// goal-seek's, a plan's, the tornado's, the national plan's) are kept as their JSON text
/// and read by the chunk's code (`read_answer`, see `install_reader`), so that the app's
/// main wasm carries no code to read them.
#[derive(Serialize, Deserialize)]
pub enum Later {
    Outcome(Box<Outcome>),
    Outcomes(Vec<Result<Outcome, String>>),
    GoalSeek(Box<RawValue>),
    Plan(Box<RawValue>),
    Bands(Box<Result<Bands, UncertaintyError>>),
    Tornado(Box<RawValue>),
    BudgetForChance(Box<RawValue>),
    National(Box<RawValue>),
    Scenario(Result<String, String>),
    Invalid(String),
}

/// Only for the worker's side of the type (which always writes `Answer`s).
impl From<Answer> for Later {
    fn from(answer: Answer) -> Self {
        serde_json::to_string(&answer)
            .and_then(|text| serde_json::from_str(&text))
            .unwrap_or_else(|e| Later::Invalid(e.to_string()))
    }
}

impl ReadAs for Later {
    fn read(self) -> Result<Answer, String> {
        let text = |name: &str, raw: Box<RawValue>| format!("{{\"{name}\":{}}}", raw.get());
        match self {
            Later::Outcome(o) => Ok(Answer::Outcome(o)),
            Later::Outcomes(o) => Ok(Answer::Outcomes(o)),
            Later::Bands(b) => Ok(Answer::Bands(b)),
            Later::Scenario(s) => Ok(Answer::Scenario(s)),
            Later::Invalid(why) => Ok(Answer::Invalid(why)),
            Later::GoalSeek(raw) => Err(text("GoalSeek", raw)),
            Later::Plan(raw) => Err(text("Plan", raw)),
            Later::Tornado(raw) => Err(text("Tornado", raw)),
            Later::BudgetForChance(raw) => Err(text("BudgetForChance", raw)),
            Later::National(raw) => Err(text("National", raw)),
        }
    }
}

/// Reads an answer's JSON text, as the worker wrote it (the chunk's side of `Later`).
pub fn read_answer(text: &str) -> Answer {
    serde_json::from_str(text)
        .unwrap_or_else(|e| Answer::Invalid(format!("payung: an answer did not read back: {e}")))
}

/// Reads an answer's JSON text: `read_answer`, from the panels' chunk in a split build.
pub type Reader = fn(&str) -> Answer;

/// Fetches the chunk's `Reader`.
pub type LoadReader = fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Reader>>>;

#[cfg(all(target_arch = "wasm32", payung_split))]
static LOAD_READER: std::sync::OnceLock<LoadReader> = std::sync::OnceLock::new();

thread_local! {
    static READER: std::cell::Cell<Option<Reader>> = const { std::cell::Cell::new(None) };
}

/// Installs how a split build fetches `read_answer` from its chunk (`src/main.rs`); elsewhere
/// it is called directly.
pub fn install_reader(load: LoadReader) {
    #[cfg(all(target_arch = "wasm32", payung_split))]
    let _ = LOAD_READER.set(load);
    #[cfg(not(all(target_arch = "wasm32", payung_split)))]
    let _ = load;
}

/// The reader of answers kept as text, fetched once (in a split build, naming
/// `read_answer` here would keep all it reads in the main wasm).
async fn reader() -> Reader {
    if let Some(read) = READER.get() {
        return read;
    }
    #[cfg(all(target_arch = "wasm32", payung_split))]
    let read = match LOAD_READER.get() {
        Some(load) => load().await,
        None => std::future::pending().await,
    };
    #[cfg(not(all(target_arch = "wasm32", payung_split)))]
    let read: Reader = read_answer;
    READER.set(Some(read));
    read
}

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
                let Reply {
                    ticket,
                    answer,
                    millis,
                    spared,
                } = reply;
                let kept = kept.clone();
                let deliver = move |mut answer: Answer| {
                    if let Answer::National(result) = &mut answer {
                        if let Ok(outcome) = result.as_mut() {
                            // The page names only provinces it keeps, and keeps them all, so
                            // everything left out is put back.
                            let whole = outcome.restore(&spared, &mut kept.borrow_mut());
                            debug_assert!(whole, "a national answer left out kab/kota not kept");
                        }
                    }
                    answered(lane, ticket, answer, millis)
                };
                match answer.read() {
                    Ok(answer) => deliver(answer),
                    Err(text) => match READER.get() {
                        Some(read) => deliver(read(&text)),
                        None => wasm_bindgen_futures::spawn_local(async move {
                            deliver(reader().await(&text));
                        }),
                    },
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::jobs::{Engine, Job};
    use crate::engine::presets;
    use rust_decimal::Decimal;

    /// What the worker writes as an `Answer` reads back through `Later` to the same answer:
    /// at once, or from the text it keeps for the chunk.
    fn reads_back(answer: Answer, at_once: bool) {
        let text = serde_json::to_string(&answer).unwrap();
        let later: Later = serde_json::from_str(&text).unwrap();
        let read = match later.read() {
            Ok(read) => {
                assert!(at_once, "read at once, though only the chunk asks for it");
                read
            }
            Err(kept) => {
                assert!(
                    !at_once,
                    "kept for the chunk, though the first screen shows it"
                );
                read_answer(&kept)
            }
        };
        assert_eq!(read, answer);
    }

    #[test]
    fn every_answer_reads_back_through_later() {
        let engine = Engine::embedded().unwrap();
        let scenario = presets::load("ambon").unwrap();
        let run = |job: Job| engine.run(&job);
        reads_back(run(Job::Outcome(scenario.clone())), true);
        reads_back(run(Job::Outcomes(vec![scenario.clone()])), true);
        reads_back(
            run(Job::Bands {
                scenario: scenario.clone(),
                draws: 20,
                seed: 7,
            }),
            true,
        );
        reads_back(Answer::Scenario(Ok("{}".into())), true);
        reads_back(Answer::Invalid("parameters differ".into()), true);
        reads_back(
            run(Job::GoalSeek {
                scenario: scenario.clone(),
                source: 0,
                current: None,
            }),
            false,
        );
        reads_back(
            run(Job::Plan {
                scenario: scenario.clone(),
                sources: vec![0],
            }),
            false,
        );
        reads_back(run(Job::Tornado(scenario.clone())), false);
        reads_back(
            run(Job::BudgetForChance {
                scenario: scenario.clone(),
                source: 0,
                probability: Decimal::new(8, 1),
                draws: 20,
                seed: 7,
                search: Default::default(),
            }),
            false,
        );
        reads_back(run(Job::National(Vec::new())), false);
    }

    #[test]
    fn text_that_is_no_answer_is_said_not_lost() {
        match read_answer("{\"Plan\":") {
            Answer::Invalid(why) => assert!(why.contains("did not read back"), "{why}"),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }
}
