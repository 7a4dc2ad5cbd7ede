//! The width of a chart's box in CSS pixels, and whether it is shown in presentation mode,
//! measured when it is mounted and again whenever the box is resized (a window resize,
//! presentation mode, a panel opening), so that the chart is redrawn for the space it has
//! rather than scaled.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What was measured of a chart's box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measured {
    /// The width in whole CSS pixels.
    pub width: u32,
    /// The height in whole CSS pixels (what a box with a height set by the layout allows).
    pub height: u32,
    /// Whether the box is inside the page's presentation mode (`.presentation`).
    pub presentation: bool,
}

/// The box's width and mode; `None` until it has been measured.
#[hook]
pub fn use_width(node: NodeRef) -> Option<Measured> {
    let width = use_state_eq(|| None::<Measured>);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let target = node.cast::<web_sys::Element>();
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let rect = el.get_bounding_client_rect();
                    let w = rect.width().floor();
                    if w >= 1.0 {
                        let presentation = el.closest(".presentation").ok().flatten().is_some();
                        width.set(Some(Measured {
                            width: w as u32,
                            height: rect.height().floor() as u32,
                            presentation,
                        }));
                    }
                }
            };
            measure();
            let observed = {
                let measure = measure.clone();
                let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| measure());
                let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
                if let (Some(observer), Some(el)) = (&observer, &target) {
                    observer.observe(el);
                }
                observer.map(|o| (o, callback))
            };
            // Without ResizeObserver, window resizes are the next best signal.
            let fallback = observed
                .is_none()
                .then(|| EventListener::new(&gloo::utils::window(), "resize", move |_| measure()));
            move || {
                if let Some((observer, _callback)) = observed {
                    observer.disconnect();
                }
                drop(fallback);
            }
        });
    }
    *width
}
