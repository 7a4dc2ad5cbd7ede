//! Panels whose code arrives after the first screen. Each is a split point
//! (`wasm_split_helpers`) that a split release build (`--cfg payung_split`, set by
//! `scripts/wasm-env.sh`) cuts out of the app's main wasm into one chunk shared by all
//! (`scripts/bin/wasm-bindgen`, `scripts/split-build.mjs`); the split points themselves
//! are in `src/main.rs`. The app asks for the chunk once its first screen is up
//! (`preload`); a panel built before the chunk has arrived stands as an empty, busy
//! section until then (`Deferred` then watches the element that replaces it), and one
//! built after it is drawn at once. Natively, in tests and in unsplit builds the panels are
//! called directly. It knows nothing of what the panels show.
//!
//! One component (`Lazy`) stands for every panel: it holds the panel's properties as
//! `dyn Any`, and each panel's drawing reads back its own type, so adding a panel adds a
//! drawing function, not another copy of the component.

use super::{
    budget_ledger, embed_generator, enrolment_panel, file_panel, goal_seek, national_panel,
    preset_notes, print_brief, programme_panel, region_panel, results_table, risk_panel,
    saved_panel, share_panel, target_panel, tornado_panel,
};
use crate::engine::Scenario;
use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// The panels that arrive after the first screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Embed,
    Files,
    National,
    Saved,
    Share,
    Tornado,
    Brief,
    GoalSeek,
    Results,
    Ledger,
    Notes,
    Target,
    Region,
    Programme,
    Enrolment,
    Risk,
    Downloads,
}

impl Panel {
    pub const ALL: [Panel; 17] = [
        Panel::Embed,
        Panel::Files,
        Panel::National,
        Panel::Saved,
        Panel::Share,
        Panel::Tornado,
        Panel::Brief,
        Panel::GoalSeek,
        Panel::Results,
        Panel::Ledger,
        Panel::Notes,
        Panel::Target,
        Panel::Region,
        Panel::Programme,
        Panel::Enrolment,
        Panel::Risk,
        Panel::Downloads,
    ];
}

/// Draws a panel from its properties (of the panel's own type); in a split build it lives
/// in the panels' chunk.
pub type Draw = fn(&dyn Any) -> Html;

/// The panels' chunk on its way, and then the panel's drawing.
pub type Loading = Pin<Box<dyn Future<Output = Draw>>>;

thread_local! {
    /// Each panel's drawing, once its chunk is here.
    static DRAWN: RefCell<[Option<Draw>; Panel::ALL.len()]> = const { RefCell::new([None; Panel::ALL.len()]) };
}

fn drawn(panel: Panel) -> Option<Draw> {
    DRAWN.with(|d| d.borrow()[panel as usize])
}

/// The panel's drawing, fetching the chunk first if it is not here yet.
pub async fn load(panel: Panel) -> Draw {
    if let Some(draw) = drawn(panel) {
        return draw;
    }
    let draw = fetch(panel).await;
    DRAWN.with(|d| d.borrow_mut()[panel as usize] = Some(draw));
    draw
}

/// Whether `panel` can be drawn at once (its chunk is here).
pub fn ready(panel: Panel) -> bool {
    drawn(panel).is_some()
}

#[derive(Properties)]
struct Props {
    kind: Panel,
    panel: Rc<dyn Any>,
    /// Whether two panels' properties are the same (both of the panel's own type).
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && (self.same)(&*self.panel, &*other.panel)
    }
}

/// A panel drawn once the chunk has arrived.
#[function_component]
fn Lazy(props: &Props) -> Html {
    let kind = props.kind;
    let update = use_force_update();
    use_effect_with((), move |_| {
        if drawn(kind).is_none() {
            wasm_bindgen_futures::spawn_local(async move {
                load(kind).await;
                // Each panel that waited draws in a task of its own, so that the chunk's
                // arrival does not draw them all in one long task.
                gloo::timers::callback::Timeout::new(0, move || update.force_update()).forget();
            });
        }
    });
    match drawn(kind) {
        Some(draw) => draw(&*props.panel),
        None => html! { <section class="lazy-panel" aria-busy="true"></section> },
    }
}

fn same<P: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    a.downcast_ref::<P>() == b.downcast_ref::<P>()
}

fn lazy<P: PartialEq + 'static>(kind: Panel, panel: P) -> Html {
    html! { <Lazy {kind} panel={Rc::new(panel) as Rc<dyn Any>} same={same::<P> as fn(&dyn Any, &dyn Any) -> bool} /> }
}

/// How a split build fetches each panel from the chunk: the split points live in the app's own
/// binary (`src/main.rs`), so that the engine's thread and the embed, which link this
/// library too, never link the panels; the app installs them before it mounts.
pub struct Loaders {
    pub load: fn(Panel) -> Loading,
    /// Fetches the chunk.
    pub preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
    /// Fetches `share::encode` from the chunk.
    pub encoder: fn() -> Pin<Box<dyn Future<Output = Encode>>>,
}

/// Writes a scenario as a share link's fragment (`share::encode`).
pub type Encode = fn(&Scenario) -> String;

/// `share::encode`, which the page needs only once edited (for the address bar) or printed
/// (for the brief's link): in a split build it comes with the panels' chunk, with the
/// compression it alone uses. Opening a link (`share::decode`) stays in the main wasm.
pub async fn encoder() -> Encode {
    #[cfg(all(target_arch = "wasm32", payung_split))]
    return match LOADERS.get() {
        Some(loaders) => (loaders.encoder)().await,
        None => std::future::pending().await,
    };
    #[cfg(not(all(target_arch = "wasm32", payung_split)))]
    crate::ui::share::encode
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

fn fetch(panel: Panel) -> Loading {
    // A split build draws only through its chunk (naming the drawings here would keep the
    // panels in the main wasm); without the loaders it stays busy.
    #[cfg(all(target_arch = "wasm32", payung_split))]
    return match LOADERS.get() {
        Some(loaders) => (loaders.load)(panel),
        None => Box::pin(std::future::pending()),
    };
    #[cfg(not(all(target_arch = "wasm32", payung_split)))]
    Box::pin(async move { draw(panel) })
}

/// Declares panel `$name` (component `$panel` with properties `$props`): `$name(props)` is
/// the panel as the page holds it, and `$draw` draws it (what the split point gives).
macro_rules! lazy_panel {
    ($name:ident, $draw:ident, $kind:ident, $panel:path, $props:ty) => {
        fn $draw(props: &dyn Any) -> Html {
            props
                .downcast_ref::<$props>()
                .map_or_else(Html::default, |props| html! { <$panel ..props.clone() /> })
        }

        pub fn $name(panel: $props) -> Html {
            lazy(Panel::$kind, panel)
        }
    };
}

lazy_panel!(
    embed,
    draw_embed,
    Embed,
    embed_generator::EmbedGenerator,
    embed_generator::Props
);
lazy_panel!(
    files,
    draw_files,
    Files,
    file_panel::FilePanel,
    file_panel::Props
);
lazy_panel!(
    national,
    draw_national,
    National,
    national_panel::NationalPanel,
    national_panel::Props
);
lazy_panel!(
    saved,
    draw_saved,
    Saved,
    saved_panel::SavedPanel,
    saved_panel::Props
);
lazy_panel!(
    share,
    draw_share,
    Share,
    share_panel::SharePanel,
    share_panel::Props
);
lazy_panel!(
    tornado,
    draw_tornado,
    Tornado,
    tornado_panel::TornadoPanel,
    tornado_panel::Props
);
lazy_panel!(
    brief,
    draw_brief,
    Brief,
    print_brief::PrintBrief,
    print_brief::Props
);
lazy_panel!(
    goal_seek,
    draw_goal_seek,
    GoalSeek,
    goal_seek::GoalSeek,
    goal_seek::Props
);
lazy_panel!(
    results,
    draw_results,
    Results,
    results_table::ResultsTable,
    results_table::Props
);
lazy_panel!(
    ledger,
    draw_ledger,
    Ledger,
    budget_ledger::BudgetLedger,
    budget_ledger::Props
);
lazy_panel!(
    notes,
    draw_notes,
    Notes,
    preset_notes::PresetNotes,
    preset_notes::Props
);

lazy_panel!(
    target,
    draw_target,
    Target,
    target_panel::TargetPanel,
    target_panel::Props
);
lazy_panel!(
    region,
    draw_region,
    Region,
    region_panel::RegionPanel,
    region_panel::Props
);
lazy_panel!(
    programme,
    draw_programme,
    Programme,
    programme_panel::ProgrammePanel,
    programme_panel::Props
);
lazy_panel!(
    enrolment,
    draw_enrolment,
    Enrolment,
    enrolment_panel::EnrolmentPanel,
    enrolment_panel::Props
);
lazy_panel!(
    risk,
    draw_risk,
    Risk,
    risk_panel::RiskPanel,
    risk_panel::Props
);

lazy_panel!(
    downloads,
    draw_downloads,
    Downloads,
    file_panel::ChartDownloads,
    file_panel::ChartDownloadsProps
);

/// Each panel's drawing: what the split points give (`src/main.rs`), and what an unsplit
/// build calls directly.
pub fn draw(panel: Panel) -> Draw {
    match panel {
        Panel::Embed => draw_embed,
        Panel::Files => draw_files,
        Panel::National => draw_national,
        Panel::Saved => draw_saved,
        Panel::Share => draw_share,
        Panel::Tornado => draw_tornado,
        Panel::Brief => draw_brief,
        Panel::GoalSeek => draw_goal_seek,
        Panel::Results => draw_results,
        Panel::Ledger => draw_ledger,
        Panel::Notes => draw_notes,
        Panel::Target => draw_target,
        Panel::Region => draw_region,
        Panel::Programme => draw_programme,
        Panel::Enrolment => draw_enrolment,
        Panel::Risk => draw_risk,
        Panel::Downloads => draw_downloads,
    }
}

/// Fetches the panels' chunk (in a split build; else there is nothing to fetch), so that
/// no panel waits for the network once the first screen is up, and keeps every panel's
/// drawing so that a panel built from then on is drawn at once; then marks the page as
/// having all it needs (`<html data-panels="loaded">`: after that it makes no request).
pub fn preload() {
    wasm_bindgen_futures::spawn_local(async {
        #[cfg(all(target_arch = "wasm32", payung_split))]
        if let Some(loaders) = LOADERS.get() {
            (loaders.preload)().await;
        }
        for panel in Panel::ALL {
            load(panel).await;
        }
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-panels", "loaded");
        }
    });
}
