//! The web app's entry point: starts the background thread that runs the engine
//! (`payung::ui::compute`, built from `src/bin/worker.rs`), then in the next task works out
//! what the app opens with (`payung::ui::app::prepare`), and mounts `payung::ui::App` in the
//! task after that, so that starting the wasm, reading the scenario and the first render
//! are three shorter tasks rather than one long one.

use gloo::timers::callback::Timeout;

fn main() {
    payung::ui::compute::install_workers("worker-loader.js");
    #[cfg(all(target_arch = "wasm32", payung_split))]
    split::install();
    Timeout::new(0, || {
        payung::ui::app::prepare();
        Timeout::new(0, || {
            yew::Renderer::<payung::ui::App>::new().render();
        })
        .forget();
    })
    .forget();
}

/// The split point of a split release build (`payung::ui::components::lazy`): the panels'
/// drawing, and all that only they use, goes into a wasm chunk fetched after the first
/// screen.
#[cfg(all(target_arch = "wasm32", payung_split))]
mod split {
    use payung::ui::components::lazy::{self, Draw, Loaders, Loading, Panel};
    use payung::ui::compute::worker;
    use wasm_split_helpers::wasm_split;

    // All the panels go into one chunk (`panels`): the app fetches them all at once anyway,
    // and one file is one request, compressed as one, with no small chunks of code that two
    // panels share.
    #[wasm_split(panels)]
    fn panels(panel: Panel) -> Draw {
        lazy::draw(panel)
    }

    /// Reads the answers that only the panels ask for (`compute::worker::Later`).
    #[wasm_split(panels)]
    fn reader() -> worker::Reader {
        worker::read_answer
    }

    /// Writes share links (`lazy::encoder`).
    #[wasm_split(panels)]
    fn encode() -> lazy::Encode {
        payung::ui::share::encode
    }

    fn load(panel: Panel) -> Loading {
        Box::pin(panels(panel))
    }

    /// Fetches the panels' chunk (asking for one panel's drawing draws nothing).
    fn preload() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
        Box::pin(async {
            panels(Panel::National).await;
        })
    }

    pub fn install() {
        lazy::install(Loaders {
            load,
            preload,
            encoder: || Box::pin(encode()),
        });
        worker::install_reader(|| Box::pin(reader()));
    }
}
