//! The web app's entry point: starts the background thread that runs the engine
//! (`payung::ui::compute`, built from `src/bin/worker.rs`), then mounts `payung::ui::App`
//! in the next task, so that starting the wasm and the first render are two shorter tasks
//! rather than one long one.

fn main() {
    payung::ui::compute::install_workers("worker-loader.js");
    gloo::timers::callback::Timeout::new(0, || {
        yew::Renderer::<payung::ui::App>::new().render();
    })
    .forget();
}
