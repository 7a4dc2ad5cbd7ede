//! The background thread: a Web Worker (gloo-worker) that runs `engine::jobs` for the page.
//! The page side (`Remote`) sends `(ticket, job)` and hands each reply to
//! `compute::answered`; the worker side (`EngineWorker`, started by `src/bin/worker.rs`)
//! holds the engine with its embedded data and answers each job in turn. Messages cross as
//! JSON (`Json`): the scenario and result types are serde types with exact decimals, which
//! gloo-worker's default binary encoding cannot read back.

use super::{answered, Backend, Lane};
use crate::engine::jobs::{Answer, Engine, Job};
use gloo::worker::{Codec, HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};
use serde::{Deserialize, Serialize};
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

/// One job's reply.
#[derive(Serialize, Deserialize)]
pub struct Reply {
    ticket: u64,
    answer: Answer,
    millis: f64,
}

/// The worker: the engine, or why its embedded data did not load.
pub struct EngineWorker {
    engine: Result<Engine, String>,
}

impl Worker for EngineWorker {
    type Message = ();
    type Input = (u64, Job);
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            engine: Engine::embedded(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, (ticket, job): (u64, Job), id: HandlerId) {
        let start = js_sys::Date::now();
        let answer = match &self.engine {
            Ok(engine) => engine.run(&job),
            Err(message) => Answer::Invalid(message.clone()),
        };
        let millis = js_sys::Date::now() - start;
        scope.respond(
            id,
            Reply {
                ticket,
                answer,
                millis,
            },
        );
    }
}

/// Runs the worker side; the worker's entry point calls it.
pub fn register() {
    EngineWorker::registrar().encoding::<Json>().register();
}

/// The page side of one worker.
pub struct Remote {
    bridge: WorkerBridge<EngineWorker>,
}

impl Remote {
    /// Starts a worker from its loader script (`web/worker-loader.js`) for `lane`.
    pub fn spawn(loader: &str, lane: Lane) -> Self {
        let mut spawner = EngineWorker::spawner();
        spawner
            .callback(move |reply: Reply| answered(lane, reply.ticket, reply.answer, reply.millis));
        Self {
            bridge: spawner.encoding::<Json>().spawn_with_loader(loader),
        }
    }
}

impl Backend for Remote {
    fn start(&self, ticket: u64, job: &Job) {
        self.bridge.send((ticket, job.clone()));
    }
}
