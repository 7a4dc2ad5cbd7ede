//! Amounts by year in headless Chromium (`cargo test --target wasm32-unknown-unknown --test
//! web_plan`): the goal-seek's plan by year for Ambon's APBD appears and, applied, becomes
//! exactly the APBD row of the ledger; an amount typed for one year in the source card
//! changes that year's budget, and ↺ returns it to yearly × growth; while a new plan is
//! worked out the last one stays in place, dimmed, its button off.
#![cfg(target_arch = "wasm32")]

use payung::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod web_common;
use web_common::{clean_mount_point, click, find, input, text, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

/// The texts of the cells that `selector` names, in order.
fn cells(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|k| list.item(k))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The APBD's amount row of the ledger (source 0 in Ambon), one cell per year.
fn apbd_budgets(root: &Element) -> Vec<String> {
    cells(root, "#ledger-budget-0 td")
}

#[wasm_bindgen_test]
async fn the_plan_for_ambons_apbd_appears_and_applied_it_is_the_apbd_row_of_the_ledger() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the plan table", || {
        find::<Element>(&root, "#plan-table").is_some()
    })
    .await;
    assert!(text(&root, "#goal-plan").contains("Rencana per tahun"));
    assert!(text(&root, "#plan-meaning").contains("Desember 2029"));
    let planned = cells(&root, "#plan-table .plan-amount");
    assert_eq!(planned.len(), 5, "one row per horizon year, 2026–2030");
    assert!(planned.iter().all(|a| a.contains('.')), "{planned:?}");
    assert_ne!(apbd_budgets(&root), planned, "not yet applied");

    click(&root, "#plan-apply");
    until("the ledger to show the plan", || {
        apbd_budgets(&root) == planned
    })
    .await;
    until("the plan to say it is applied", || {
        text(&root, "#plan-apply") == "Rencana sudah diterapkan"
    })
    .await;
    assert_eq!(cells(&root, "#plan-table .plan-amount"), planned);
    assert!(text(&root, "#src-0-by-year summary").contains("(5)"));
    // The flat amount's reach ("Dengan Rp 3,0 miliar per tahun …") is not what the source
    // now does, so it is no longer shown.
    until("the flat answer for the applied plan", || {
        find::<Element>(&root, r#".kept-answer[aria-busy="false"] #goal-answer"#).is_some()
    })
    .await;
    assert!(find::<Element>(&root, "#goal-current").is_none());
    // The flat amount is not what the source pays now: its button offers it again rather
    // than saying it is applied, and the years' own amounts are open to see.
    until("the flat amount offered again", || {
        text(&root, "#goal-apply") == "Terapkan"
    })
    .await;
    assert!(root
        .query_selector("#src-0-by-year[open]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn an_amount_typed_for_a_year_is_that_years_budget_and_clearing_it_returns_to_yearly() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the ledger", || apbd_budgets(&root).len() == 5).await;
    let before = apbd_budgets(&root);
    let year_2027 = input(&root, "#f-source-0-byyear-2027-text");
    assert_eq!(
        year_2027.value(),
        before[1],
        "the field shows what 2027 gets"
    );

    type_into(&year_2027, "5 miliar");
    until("2027's budget to change", || {
        apbd_budgets(&root)[1] == "5.000.000.000"
    })
    .await;
    let after = apbd_budgets(&root);
    assert_eq!(after[0], before[0]);
    assert_eq!(after[2], before[2], "other years keep yearly × growth");

    // The source's card follows the typed amount once the moves settle when it is out of
    // sight (as it is here, below the first test's app): wait for its clear button.
    until("the year's clear button", || {
        find::<Element>(&root, "#src-0-by-year .clear-year").is_some()
    })
    .await;
    click(&root, "#src-0-by-year .clear-year");
    until("2027 back to yearly × growth", || {
        apbd_budgets(&root) == before
    })
    .await;
    until("the field to follow", || {
        input(&root, "#f-source-0-byyear-2027-text").value() == before[1]
    })
    .await;
    assert!(root
        .query_selector("#src-0-by-year .clear-year")
        .unwrap()
        .is_none());

    // A bad amount gets a message beside its field; the ledger keeps the last valid one.
    type_into(&year_2027, "abc");
    until("the message", || {
        text(&root, "#src-0-by-year .field-error").contains("Bukan angka")
    })
    .await;
    assert_eq!(apbd_budgets(&root), before);
}

/// The plan's and the flat answer's wrappers: whether each says it is busy.
fn busy(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".goal-seek .kept-answer").unwrap();
    (0..list.length())
        .filter_map(|k| list.item(k))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|e| e.get_attribute("aria-busy").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn after_an_edit_the_last_plan_stays_in_place_dimmed_until_the_new_one_arrives() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the plan and the flat answer", || {
        busy(&root) == ["false", "false"] && find::<Element>(&root, "#plan-table").is_some()
    })
    .await;
    let table = root.query_selector("#plan-table").unwrap().unwrap();
    let before = cells(&root, "#plan-table .plan-amount");

    // Another budget: a new flat answer and plan, worked out once the edit settles.
    type_into(&input(&root, "#f-source-0-yearly-text"), "1 miliar");
    until("the last answers marked busy", || {
        busy(&root) == ["true", "true"]
    })
    .await;
    assert_eq!(
        cells(&root, "#plan-table .plan-amount"),
        before,
        "the last plan is still shown"
    );
    assert!(
        disabled(&root, "#plan-apply"),
        "no applying a plan for other inputs"
    );
    assert!(disabled(&root, "#goal-apply"));

    until("the new answers", || busy(&root) == ["false", "false"]).await;
    let now = root.query_selector("#plan-table").unwrap().unwrap();
    assert!(
        now.is_same_node(Some(&table)),
        "the table was updated in place"
    );
    assert!(!disabled(&root, "#plan-apply"));
}

fn disabled(root: &Element, selector: &str) -> bool {
    find::<Element>(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .has_attribute("disabled")
}
