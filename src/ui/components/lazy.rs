//! Panels whose code arrives after the first screen. Each is a split point
//! (`wasm_split_helpers`) that a split release build (`--cfg payung_split`, set by
//! `scripts/wasm-env.sh`) cuts out of the app's main wasm into one chunk shared by all
//! (`scripts/bin/wasm-bindgen`, `scripts/split-build.mjs`); the split points themselves
//! are in `src/main.rs`. The app asks for the chunk once its first screen is up
//! (`preload`), and a panel built before the chunk has arrived stands as an empty, busy
//! section until then (`Deferred` then watches the element that replaces it). Natively, in tests and in unsplit builds
//! the panels are called directly. It knows nothing of what the panels show.

use super::{embed_generator, file_panel, national_panel, saved_panel, share_panel, tornado_panel};
use std::future::Future;
use std::pin::Pin;
use yew::prelude::*;

/// Draws a panel from its properties; in a split build it lives in the panels' chunk.
pub type Draw<P> = fn(&P) -> Html;

/// The panels' chunk on its way, and then the panel's drawing.
pub type Loading<P> = Pin<Box<dyn Future<Output = Draw<P>>>>;

#[derive(Properties)]
struct Props<P: PartialEq + 'static> {
    panel: P,
    load: fn() -> Loading<P>,
}

impl<P: PartialEq> PartialEq for Props<P> {
    fn eq(&self, other: &Self) -> bool {
        self.panel == other.panel
    }
}

/// A panel drawn once the chunk has arrived.
#[function_component]
fn Lazy<P: PartialEq + 'static>(props: &Props<P>) -> Html {
    let draw = use_state(|| None::<Draw<P>>);
    {
        let draw = draw.clone();
        let load = props.load;
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { draw.set(Some(load().await)) });
        });
    }
    match *draw {
        Some(draw) => draw(&props.panel),
        None => html! { <section class="lazy-panel" aria-busy="true"></section> },
    }
}

/// How a split build fetches each panel from the chunk: the split points live in the app's own
/// binary (`src/main.rs`), so that the engine's thread and the embed, which link this
/// library too, never link the panels; the app installs them before it mounts.
pub struct Loaders {
    pub embed: fn() -> Loading<embed_generator::Props>,
    pub files: fn() -> Loading<file_panel::Props>,
    pub national: fn() -> Loading<national_panel::Props>,
    pub saved: fn() -> Loading<saved_panel::Props>,
    pub share: fn() -> Loading<share_panel::Props>,
    pub tornado: fn() -> Loading<tornado_panel::Props>,
    /// Fetches the chunk.
    pub preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

#[cfg(all(target_arch = "wasm32", payung_split))]
static LOADERS: std::sync::OnceLock<Loaders> = std::sync::OnceLock::new();

/// Installs the split build's loaders (`src/main.rs`); elsewhere panels are drawn directly.
pub fn install(loaders: Loaders) {
    #[cfg(all(target_arch = "wasm32", payung_split))]
    let _ = LOADERS.set(loaders);
    #[cfg(not(all(target_arch = "wasm32", payung_split)))]
    let _ = loaders;
}

/// Declares panel `$name` (component `$panel` with properties `$props`): `$name(props)` is
/// the panel as the page holds it, and `$draw` draws it (what the split point gives).
macro_rules! lazy_panel {
    ($name:ident, $draw:ident, $load:ident, $panel:ident, $props:ty) => {
        pub fn $draw() -> Draw<$props> {
            |props| html! { <$panel ..props.clone() /> }
        }

        fn $load() -> Loading<$props> {
            // A split build draws only through its chunk (calling `$draw` here would keep
            // the panel in the main wasm); without the loaders it stays busy.
            #[cfg(all(target_arch = "wasm32", payung_split))]
            return match LOADERS.get() {
                Some(loaders) => (loaders.$name)(),
                None => Box::pin(std::future::pending()),
            };
            #[cfg(not(all(target_arch = "wasm32", payung_split)))]
            Box::pin(async { $draw() })
        }

        pub fn $name(panel: $props) -> Html {
            html! { <Lazy<$props> {panel} load={$load as fn() -> Loading<$props>} /> }
        }
    };
}

use embed_generator::EmbedGenerator;
use file_panel::FilePanel;
use national_panel::NationalPanel;
use saved_panel::SavedPanel;
use share_panel::SharePanel;
use tornado_panel::TornadoPanel;

lazy_panel!(
    embed,
    draw_embed,
    load_embed,
    EmbedGenerator,
    embed_generator::Props
);
lazy_panel!(files, draw_files, load_files, FilePanel, file_panel::Props);
lazy_panel!(
    national,
    draw_national,
    load_national,
    NationalPanel,
    national_panel::Props
);
lazy_panel!(
    saved,
    draw_saved,
    load_saved,
    SavedPanel,
    saved_panel::Props
);
lazy_panel!(
    share,
    draw_share,
    load_share,
    SharePanel,
    share_panel::Props
);
lazy_panel!(
    tornado,
    draw_tornado,
    load_tornado,
    TornadoPanel,
    tornado_panel::Props
);

/// Fetches the panels' chunk (in a split build; else there is nothing to fetch), so that
/// no panel waits for the network once the first screen is up, then marks the page as
/// having all it needs (`<html data-panels="loaded">`: after that it makes no request).
pub fn preload() {
    wasm_bindgen_futures::spawn_local(async {
        #[cfg(all(target_arch = "wasm32", payung_split))]
        if let Some(loaders) = LOADERS.get() {
            (loaders.preload)().await;
        }
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-panels", "loaded");
        }
    });
}
