//! Component tests of `Deferred` in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test web_deferred`): out of sight, a new
//! value waits until the changes settle, a new epoch shows at once; in sight, every change
//! shows at once; placed in an element that is not displayed, it mounts once that is shown.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use payung::ui::components::deferred::Deferred;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod web_common;
use web_common::{clean_mount_point, text, until};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq, Clone)]
struct HostProps {
    /// Page height above the section, in px.
    above: u32,
    value: u32,
    epoch: u32,
}

#[component]
fn Host(props: &HostProps) -> Html {
    html! {
        <>
            <div style={format!("height: {}px", props.above)}></div>
            <Deferred epoch={props.epoch}><p id="shown">{ props.value }</p></Deferred>
        </>
    }
}

fn in_sight(root: &web_sys::Element) -> Option<String> {
    root.query_selector(".deferred")
        .unwrap()
        .and_then(|d| d.get_attribute("data-in-sight"))
}

/// Lets the page run a few turns of its event loop (well under `SETTLE_MS`).
async fn a_few_turns() {
    for _ in 0..3 {
        TimeoutFuture::new(0).await;
    }
}

#[wasm_bindgen_test]
async fn out_of_sight_a_value_waits_until_changes_settle_and_a_new_epoch_shows_at_once() {
    let root = clean_mount_point();
    let props = HostProps {
        above: 20_000,
        value: 1,
        epoch: 0,
    };
    let mut app = yew::Renderer::<Host>::with_root_and_props(root.clone(), props.clone()).render();
    until("the first value", || text(&root, "#shown") == "1").await;
    until("seen out of sight", || {
        in_sight(&root).as_deref() == Some("false")
    })
    .await;

    app.update(HostProps {
        value: 2,
        ..props.clone()
    });
    a_few_turns().await;
    assert_eq!(
        text(&root, "#shown"),
        "1",
        "out of sight, a moved value waits"
    );
    until("the value once settled", || text(&root, "#shown") == "2").await;

    app.update(HostProps {
        value: 3,
        epoch: 1,
        ..props
    });
    a_few_turns().await;
    assert_eq!(text(&root, "#shown"), "3", "a new epoch shows at once");
}

#[wasm_bindgen_test]
async fn in_sight_every_change_shows_at_once() {
    let root = clean_mount_point();
    let props = HostProps {
        above: 0,
        value: 1,
        epoch: 0,
    };
    let mut app = yew::Renderer::<Host>::with_root_and_props(root.clone(), props.clone()).render();
    until("the first value", || text(&root, "#shown") == "1").await;
    root.scroll_into_view();
    until("seen in sight", || {
        in_sight(&root).as_deref() == Some("true")
    })
    .await;
    for value in 2..5 {
        app.update(HostProps {
            value,
            ..props.clone()
        });
        a_few_turns().await;
        assert_eq!(
            text(&root, "#shown"),
            value.to_string(),
            "in sight, at once"
        );
    }
}

#[derive(Properties, PartialEq, Clone)]
struct PlaceProps {
    /// Whether the element the section is placed in is displayed.
    displayed: bool,
}

#[component]
fn Place(props: &PlaceProps) -> Html {
    let style = if props.displayed { "" } else { "display: none" };
    html! {
        <>
            <Deferred><p id="beside">{ "beside" }</p></Deferred>
            <aside {style}><Deferred><p id="hidden">{ "hidden" }</p></Deferred></aside>
        </>
    }
}

#[wasm_bindgen_test]
async fn a_section_whose_place_is_not_displayed_mounts_once_it_is_shown() {
    let root = clean_mount_point();
    let mut app =
        yew::Renderer::<Place>::with_root_and_props(root.clone(), PlaceProps { displayed: false })
            .render();
    until("the displayed section", || {
        text(&root, "#beside") == "beside"
    })
    .await;
    // Several turns after the displayed one: the hidden one still waits.
    for _ in 0..5 {
        a_few_turns().await;
    }
    assert!(
        root.query_selector("#hidden").unwrap().is_none(),
        "a section out of display is not built"
    );
    app.update(PlaceProps { displayed: true });
    until("the section once its place is shown", || {
        text(&root, "#hidden") == "hidden"
    })
    .await;
}
