//! Component tests of worker groups in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test web_groups`): adding a group,
//! limiting a source to some groups, and what the results show by group.
#![cfg(target_arch = "wasm32")]

use payung::ui::App;
use wasm_bindgen_test::*;

mod web_common;
use web_common::{clean_mount_point, click, input, text, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_group_is_added_a_source_limited_to_it_and_coverage_shown_by_group() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app", || {
        root.query_selector("#add-group").unwrap().is_some()
    })
    .await;
    // One group: no checkboxes on the source cards, the package set in Program.
    assert!(root.query_selector("#source-0-groups").unwrap().is_none());
    assert!(root.query_selector("#scheme").unwrap().is_some());

    click(&root, "#add-group");
    until("two group cards", || {
        root.query_selector("#group-1-name").unwrap().is_some()
    })
    .await;
    assert_eq!(input(&root, "#group-0-name").value(), "Pekerja rentan");
    assert_eq!(input(&root, "#group-1-name").value(), "Kelompok baru");
    assert!(root.query_selector("#set-per-group").unwrap().is_some());
    // The region's workers are the groups' sum: shown, set per group.
    until("the region's workers as the sum", || {
        text(&root, "#region-workers-sum").contains("71.000")
    })
    .await;
    assert!(input(&root, "#source-0-group-0").checked());
    assert!(input(&root, "#source-0-group-1").checked());
    until("coverage by group", || {
        text(&root, "#group-coverage").contains("Kelompok baru")
    })
    .await;

    // Renaming the group renames its checkbox on every source card.
    type_into(&input(&root, "#group-1-name"), "Nelayan");
    until("the renamed checkbox", || {
        text(&root, "label[for='source-0-group-1']") == "Nelayan"
    })
    .await;

    // The group's risk is a multiplier typed in the language's digits ("1,5").
    let risk = "#f-group-1-riskfactor";
    type_into(&input(&root, &format!("{risk}-text")), "1,5");
    until("the risk taken", || {
        input(&root, risk)
            .get_attribute("aria-valuetext")
            .as_deref()
            == Some("1,5 ×")
    })
    .await;

    // The first source stops paying for the first group, whose starting cover it paid:
    // a message beside that cover, in the user's language.
    click(&root, "#source-0-group-0");
    until("the message beside the starting cover", || {
        root.inner_html()
            .contains("tidak membayar untuk kelompok «Pekerja rentan»")
    })
    .await;
    click(&root, "#source-0-group-0");
    until("the message gone", || {
        !root.inner_html().contains("tidak membayar untuk kelompok")
    })
    .await;

    // An empty group name is refused beside the name.
    type_into(&input(&root, "#group-1-name"), "");
    until("the name's message", || {
        text(&root, "#group-1-card").contains("Isi 1 sampai 120 karakter.")
    })
    .await;
    type_into(&input(&root, "#group-1-name"), "Nelayan");

    // Removing the groups brings the one-group view back.
    click(&root, "#group-1-remove");
    until("one group card", || {
        root.query_selector("#group-1-name").unwrap().is_none()
    })
    .await;
    click(&root, "#group-0-remove");
    until("the package back in Program", || {
        root.query_selector("#scheme").unwrap().is_some()
            && root.query_selector("#group-coverage").unwrap().is_none()
    })
    .await;
}
