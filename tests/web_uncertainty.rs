//! The chance of reaching the target in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test web_uncertainty`): after the inputs settle the target card
//! shows "Peluang mencapai target …" from 1,000 draws; a change makes it be worked out
//! again, and the same inputs give the same figure (the seed is fixed); the coverage chart
//! then carries the 80% / 50% range.
#![cfg(target_arch = "wasm32")]

use payung::ui::App;
use wasm_bindgen_test::*;
use web_sys::Element;

mod web_common;
use web_common::{clean_mount_point, find, input, text, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

/// How many draws the shown chance rests on ("" while it is worked out).
fn draws(root: &Element) -> String {
    find::<Element>(root, "#target-chance")
        .and_then(|e| e.get_attribute("data-draws"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_chance_appears_after_settling_and_is_the_same_for_the_same_inputs() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the refined chance", || draws(&root) == "1000").await;
    let label = text(&root, "#target-chance");
    let first = text(&root, "#target-chance-value");
    assert!(label.starts_with("Peluang mencapai target 20"), "{label}");
    assert!(
        first.ends_with('%') && first[..first.len() - 1].parse::<u32>().is_ok(),
        "a whole percentage: {first}"
    );
    assert!(text(&root, "#target-chance-note").contains("1.000 simulasi"));
    until("the band legend on the coverage chart", || {
        text(&root, "#chart-coverage").contains("Rentang 80% / 50%")
    })
    .await;

    // Another target year: worked out again; the same year again: the same figure.
    let year = input(&root, "#f-targetyear-text");
    let original = year.value();
    let other = (original.parse::<i32>().unwrap() + 1).to_string();
    type_into(&year, &other);
    until("the chance to be worked out again", || {
        draws(&root).is_empty()
    })
    .await;
    until("the chance for the other year", || draws(&root) == "1000").await;
    type_into(&input(&root, "#f-targetyear-text"), &original);
    until("the chance to be worked out again", || {
        draws(&root).is_empty()
    })
    .await;
    until("the chance for the original year", || {
        draws(&root) == "1000"
    })
    .await;
    assert_eq!(text(&root, "#target-chance-value"), first);
    assert_eq!(text(&root, "#target-chance"), label);
}
