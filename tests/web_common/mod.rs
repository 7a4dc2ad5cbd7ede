//! What the browser tests (`tests/web.rs`, `tests/web_share.rs`, `tests/web_saved.rs`) share:
//! a place to mount a component, a wait on a condition (never a sleep), and the few ways a
//! test reads the page and acts on it as a user would.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A new, empty element at the end of the page's body, for one test to mount into. The
/// engine's jobs run inline: the test runner serves no worker script.
pub fn mount_point() -> Element {
    payung::ui::compute::inline::install();
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// A mount point with nothing remembered from an earlier test: LocalStorage is emptied
/// and the address loses the scenario an earlier app wrote into it (`#s=…`).
pub fn clean_mount_point() -> Element {
    use gloo::storage::Storage;
    gloo::storage::LocalStorage::clear();
    let window = gloo::utils::window();
    let location = window.location();
    let bare = format!(
        "{}{}",
        location.pathname().unwrap(),
        location.search().unwrap()
    );
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare))
        .unwrap();
    mount_point()
}

/// Yields to the browser until `check` holds (at most ~2,000 turns of the event loop).
pub async fn until(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..2_000 {
        if check() {
            return;
        }
        TimeoutFuture::new(0).await;
    }
    panic!("gave up waiting for {what}");
}

/// The first element under `root` that matches `selector`, as a `T`.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.dyn_into().unwrap())
}

/// The text a user sees in the first match of `selector`; empty when nothing matches.
pub fn text(root: &Element, selector: &str) -> String {
    find::<Element>(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The input that `selector` names; panics when there is none.
pub fn input(root: &Element, selector: &str) -> HtmlInputElement {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}"))
}

/// Clicks what `selector` names; panics when there is nothing to click.
pub fn click(root: &Element, selector: &str) {
    find::<HtmlElement>(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .click();
}

/// Types `value` into `el` as a user does: the value changes, then `input` and `change` fire.
pub fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    el.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Submits the form that `selector` names, as pressing Enter in it does.
pub fn submit(root: &Element, selector: &str) {
    let form = root.query_selector(selector).unwrap().unwrap();
    let event = web_sys::Event::new_with_event_init_dict("submit", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init
    })
    .unwrap();
    form.dispatch_event(&event).unwrap();
}
