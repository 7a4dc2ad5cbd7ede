//! The width of a chart's box in CSS pixels, measured when it is mounted and again
//! whenever the box is resized (a window resize, presentation mode, a panel opening), so
//! that the chart is redrawn for the space it has rather than scaled.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The box's width in whole CSS pixels; `None` until it has been measured.
#[hook]
pub fn use_width(node: NodeRef) -> Option<u32> {
    let width = use_state_eq(|| None::<u32>);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let target = node.cast::<web_sys::Element>();
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let w = el.get_bounding_client_rect().width().floor();
                    if w >= 1.0 {
                        width.set(Some(w as u32));
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
