//! Jobs run on the page's own thread, each after a turn of the event loop, as a worker's
//! answer would arrive. For the component tests (`tests/web*.rs`), whose test runner serves
//! no worker script; the app itself never uses it, so the engine stays out of its bundle.

use super::{answered, Backend, Lane};
use crate::engine::jobs::{Engine, Job};
use gloo::timers::callback::Timeout;
use std::rc::Rc;

struct Inline {
    lane: Lane,
    engine: Rc<Engine>,
}

impl Backend for Inline {
    fn start(&self, ticket: u64, job: &Job) {
        let (lane, engine, job) = (self.lane, self.engine.clone(), job.clone());
        Timeout::new(0, move || {
            let start = js_sys::Date::now();
            let answer = engine.run(&job);
            answered(lane, ticket, answer, js_sys::Date::now() - start);
        })
        .forget();
    }
}

/// Runs this page's jobs inline (once per page; later calls change nothing).
pub fn install() {
    let Ok(engine) = Engine::embedded() else {
        return;
    };
    let engine = Rc::new(engine);
    super::install([Lane::Quick, Lane::Slow, Lane::Draws].map(|lane| {
        Box::new(Inline {
            lane,
            engine: engine.clone(),
        }) as Box<dyn Backend>
    }));
}
