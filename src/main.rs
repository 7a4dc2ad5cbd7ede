//! The web app's entry point: starts the background thread that runs the engine
//! (`payung::ui::compute`, built from `src/bin/worker.rs`), then in the next task works out
//! what the app opens with (`payung::ui::app::prepare`), and mounts `payung::ui::App` in the
//! task after that, so that starting the wasm, reading the scenario and the first render
//! are three shorter tasks rather than one long one.

use gloo::timers::callback::Timeout;

fn main() {
    payung::ui::compute::install_workers("worker-loader.js");
    Timeout::new(0, || {
        payung::ui::app::prepare();
        Timeout::new(0, || {
            yew::Renderer::<payung::ui::App>::new().render();
        })
        .forget();
    })
    .forget();
}
