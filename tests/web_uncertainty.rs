//! The chance of reaching the target in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test web_uncertainty`): after the inputs settle the line under
//! the headline cards shows "Peluang mencapai target …", and it is the engine's seeded
//! figure for the draws it names (1,000, or 100 where this build is too slow to refine
//! without freezing the page); a change makes it be worked out again, and the same inputs
//! give the same figure; the coverage chart then carries the 80% / 50% range.
#![cfg(target_arch = "wasm32")]

use payung::engine::uncertainty::{bands, Assumptions};
use payung::engine::{presets, Parameters};
use payung::locale::Lang;
use payung::ui::i18n::uncertainty::chance;
use payung::ui::uncertainty::{FIRST_DRAWS, FULL_DRAWS, SEED};
use payung::ui::App;
use wasm_bindgen_test::*;
use web_sys::Element;

mod web_common;
use web_common::{clean_mount_point, find, input, text, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

fn attribute(root: &Element, name: &str) -> String {
    find::<Element>(root, "#target-chance")
        .and_then(|e| e.get_attribute(name))
        .unwrap_or_default()
}

/// How many draws the shown chance rests on ("" while it is worked out).
fn draws(root: &Element) -> String {
    attribute(root, "data-draws")
}

/// Whether the shown chance is the last word (no more draws follow).
fn settled(root: &Element) -> bool {
    attribute(root, "data-final") == "true"
}

/// The engine's chance for the default preset with `target_year`, over `draws` draws.
fn expected(target_year: i32, draws: u32) -> String {
    let p = Parameters::embedded().unwrap();
    let mut sc = presets::load(presets::DEFAULT).unwrap();
    sc.target.year = target_year;
    let valid = sc.validate(&p).unwrap();
    let b = bands(&p, &valid, &Assumptions::embedded().unwrap(), draws, SEED).unwrap();
    chance(b.probability_target_met, Lang::Id)
}

/// Waits for the final chance and checks it against the engine's; returns the draws.
async fn check_final(root: &Element, year: i32) -> u32 {
    until("the final chance", || settled(root)).await;
    let n: u32 = draws(root).parse().unwrap();
    assert!(n == FULL_DRAWS || n == FIRST_DRAWS, "{n} draws");
    assert_eq!(text(root, "#target-chance-value"), expected(year, n));
    n
}

#[wasm_bindgen_test]
async fn the_chance_appears_after_settling_and_is_the_seeded_figure_for_the_same_inputs() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the chance", || !draws(&root).is_empty()).await;
    let year = input(&root, "#f-targetyear-text");
    let original = year.value();
    let original_year: i32 = original.parse().unwrap();
    let label = text(&root, "#target-chance");
    assert!(
        label.starts_with(&format!("Peluang mencapai target {original}: ")),
        "{label}"
    );
    let n = check_final(&root, original_year).await;
    let first = text(&root, "#target-chance-value");
    let note = text(&root, "#target-chance-note");
    assert!(
        note.contains(&format!(
            "{} simulasi",
            if n == 1000 { "1.000" } else { "100" }
        )),
        "{note}"
    );
    until("the band legend on the coverage chart", || {
        text(&root, "#chart-coverage").contains("Rentang 80% / 50%")
    })
    .await;

    // Another target year: worked out again; the same year again: the same figure.
    type_into(&year, &(original_year + 1).to_string());
    until("the chance to be worked out again", || {
        draws(&root).is_empty()
    })
    .await;
    check_final(&root, original_year + 1).await;
    type_into(&input(&root, "#f-targetyear-text"), &original);
    until("the chance to be worked out again", || {
        draws(&root).is_empty()
    })
    .await;
    if check_final(&root, original_year).await == n {
        assert_eq!(text(&root, "#target-chance-value"), first);
    }
}
