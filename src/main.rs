//! The web app's entry point: starts the background threads that run the engine
//! (`payung::ui::compute`, built from `src/bin/worker.rs`), then mounts `payung::ui::App`.

fn main() {
    payung::ui::compute::install_workers("worker-loader.js");
    yew::Renderer::<payung::ui::App>::new().render();
}
