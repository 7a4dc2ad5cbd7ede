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

/// The split points of a split release build (`payung::ui::components::lazy`): the panels'
/// drawing, and all that only they use, goes into a wasm chunk fetched after the first
/// screen.
#[cfg(all(target_arch = "wasm32", payung_split))]
mod split {
    use payung::ui::components::lazy::{self, Draw, Loaders, Loading};
    use payung::ui::components::{
        embed_generator, file_panel, national_panel, saved_panel, share_panel, tornado_panel,
    };
    use wasm_split_helpers::wasm_split;

    // All six panels go into one chunk (`panels`): the app fetches them all at once anyway,
    // and one file is one request, compressed as one, with no small chunks of code that two
    // panels share.
    macro_rules! split_point {
        ($name:ident, $load:ident, $draw:path, $props:ty) => {
            #[wasm_split(panels)]
            fn $name() -> Draw<$props> {
                $draw()
            }

            fn $load() -> Loading<$props> {
                Box::pin($name())
            }
        };
    }

    split_point!(embed, load_embed, lazy::draw_embed, embed_generator::Props);
    split_point!(files, load_files, lazy::draw_files, file_panel::Props);
    split_point!(
        national,
        load_national,
        lazy::draw_national,
        national_panel::Props
    );
    split_point!(saved, load_saved, lazy::draw_saved, saved_panel::Props);
    split_point!(share, load_share, lazy::draw_share, share_panel::Props);
    split_point!(
        tornado,
        load_tornado,
        lazy::draw_tornado,
        tornado_panel::Props
    );

    /// Fetches the panels' chunk (asking for one panel's drawing draws nothing).
    fn preload() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
        Box::pin(async {
            load_national().await;
        })
    }

    pub fn install() {
        lazy::install(Loaders {
            embed: load_embed,
            files: load_files,
            national: load_national,
            saved: load_saved,
            share: load_share,
            tornado: load_tornado,
            preload,
        });
    }
}
