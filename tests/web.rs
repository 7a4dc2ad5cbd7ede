//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown --test web`):
//! real components are mounted and what the user sees is checked. Waits are on conditions:
//! each step yields to the browser until the DOM shows what is expected, or gives up.
#![cfg(target_arch = "wasm32")]

use payung::engine::scenario::limits::Bounds;
use payung::locale::Lang;
use payung::ui::components::number_field::{NumberField, Props as FieldProps};
use payung::ui::state::Display;
use payung::ui::App;
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use yew::Callback;

mod web_common;
use web_common::{clean_mount_point, input, text, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_app_opens_on_ambon_with_three_charts_and_the_package_cost() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the charts", || {
        root.query_selector_all(".chart svg").unwrap().length() == 3
    })
    .await;
    assert!(text(&root, ".region-title").contains("Kota Ambon"));
    assert_eq!(text(&root, "#cost-per-worker"), "Rp 16.800");
    assert!(text(&root, "#card-coverage").contains('%'));
    assert!(!root.inner_html().contains("NaN"));
}

#[wasm_bindgen_test]
async fn jht_raises_the_cost_and_english_replaces_indonesian() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app", || root.query_selector("#jht").unwrap().is_some()).await;
    input(&root, "#jht").click();
    until("Rp 36.800", || {
        text(&root, "#cost-per-worker") == "Rp 36.800"
    })
    .await;
    let lang: HtmlElement = root
        .query_selector("#toggle-lang")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    lang.click();
    until("English", || {
        text(&root, "#card-coverage").contains("Coverage at the end")
    })
    .await;
    // The charts below the first screen mount a few tasks after the first controls.
    until("the cost chart in English", || {
        text(&root, "#chart-cost").contains("Yearly cost by funding source")
    })
    .await;
    lang.click();
}

fn field(on_change: Callback<Decimal>) -> FieldProps {
    FieldProps {
        id: "budget".into(),
        label: "Anggaran per tahun".into(),
        value: Decimal::from(3_000_000_000u64),
        preset: Some(Decimal::from(2_000_000_000u64)),
        bounds: Bounds {
            min: Decimal::ZERO,
            max: Decimal::from(10_000_000_000_000u64),
        },
        display: Display::Rupiah,
        lang: Lang::Id,
        on_change,
        on_slide: None,
        info: Default::default(),
        problem: None,
        compact: false,
    }
}

#[wasm_bindgen_test]
async fn a_number_field_reads_indonesian_numbers_and_rejects_bad_ones_beside_the_field() {
    let got = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    let root = clean_mount_point();
    let props = field(Callback::from(move |v| sink.borrow_mut().push(v)));
    yew::Renderer::<NumberField>::with_root_and_props(root.clone(), props).render();
    until("the field", || {
        root.query_selector("#budget-text").unwrap().is_some()
    })
    .await;
    let typed = input(&root, "#budget-text");
    assert_eq!(typed.value(), "3.000.000.000");
    let slider = input(&root, "#budget");
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("Rp 3,0 miliar")
    );

    type_into(&typed, "1,5 miliar");
    until("1,5 miliar", || {
        got.borrow().last() == Some(&Decimal::from(1_500_000_000u64))
    })
    .await;

    type_into(&typed, "abc");
    until("the message", || {
        text(&root, ".field-error").contains("Bukan angka")
    })
    .await;
    assert_eq!(got.borrow().len(), 1, "a bad value is never passed on");

    type_into(&typed, "-5");
    until("the range message", || {
        text(&root, ".field-error").contains("Harus antara")
    })
    .await;

    let reset = root
        .query_selector("button.reset")
        .unwrap()
        .expect("a reset button while the value differs");
    reset.dyn_into::<HtmlElement>().unwrap().click();
    until("the preset value", || {
        got.borrow().last() == Some(&Decimal::from(2_000_000_000u64))
    })
    .await;
}

/// A slider's move is told at once to `on_slide` (the app asks for its answer then, while
/// the page paints the move) and reaches `on_change` only after that paint, with the same
/// value.
#[wasm_bindgen_test]
async fn a_slider_move_is_told_at_once_and_applied_after_the_paint() {
    let changed = Rc::new(RefCell::new(Vec::new()));
    let slid = Rc::new(RefCell::new(Vec::new()));
    let (to_changed, to_slid) = (changed.clone(), slid.clone());
    let root = clean_mount_point();
    let mut props = field(Callback::from(move |v| to_changed.borrow_mut().push(v)));
    props.on_slide = Some(Callback::from(move |v| to_slid.borrow_mut().push(v)));
    yew::Renderer::<NumberField>::with_root_and_props(root.clone(), props).render();
    until("the slider", || {
        root.query_selector("#budget").unwrap().is_some()
    })
    .await;
    let slider = input(&root, "#budget");
    let max: f64 = slider.max().parse().unwrap();
    slider.set_value(&(max / 2.0).round().to_string());
    slider
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    assert_eq!(slid.borrow().len(), 1, "the move is told at once");
    assert!(
        changed.borrow().is_empty(),
        "and applied only after the paint"
    );
    until("the move applied", || changed.borrow().len() == 1).await;
    assert_eq!(*changed.borrow(), *slid.borrow());
    assert_ne!(changed.borrow()[0], Decimal::from(3_000_000_000u64));
}

/// Chooses `value` in the select that `selector` names, as a user does.
fn choose(root: &web_sys::Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement =
        web_common::find(root, selector).unwrap_or_else(|| panic!("no {selector}"));
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_wage_earner_has_a_wage_and_its_rates_apply() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app", || {
        root.query_selector("#scheme").unwrap().is_some()
    })
    .await;
    let label = "label[for='f-declaredincome-text']";
    assert_eq!(text(&root, label), "Penghasilan yang dilaporkan");
    choose(&root, "#scheme", "wage_earner");
    until("the wage label", || text(&root, label) == "Upah per bulan").await;
    type_into(&input(&root, "#f-declaredincome-text"), "2.500.000");
    until("JKK 6.000 + JKM 7.500", || {
        text(&root, "#cost-per-worker") == "Rp 13.500"
    })
    .await;
    choose(&root, "#scheme", "bpu");
    until("the declared income again", || {
        text(&root, label) == "Penghasilan yang dilaporkan"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_co_funder_of_jht_only_says_it_pays_nothing_while_jht_is_off() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app", || {
        root.query_selector("#add-source").unwrap().is_some()
    })
    .await;
    choose(&root, "#new-source-kind", "apbd_provinsi");
    web_common::click(&root, "#add-source");
    until("a fifth source", || {
        root.query_selector("#src-4-rule").unwrap().is_some()
    })
    .await;
    choose(&root, "#src-4-rule", "co_fund");
    until("the co-funder's fields", || {
        root.query_selector("#source-4-part").unwrap().is_some()
    })
    .await;
    choose(&root, "#source-4-part", "jht");
    until("the note", || {
        text(&root, "#source-4-jht-off").contains("JHT tidak diikutkan")
    })
    .await;
    input(&root, "#jht").click();
    until("the note gone", || {
        root.query_selector("#source-4-jht-off").unwrap().is_none()
    })
    .await;
}

/// Adds a source of `kind` as source `i` and makes it co-fund `share` of APBD Kota Ambon.
async fn add_co_funder(root: &web_sys::Element, i: usize, kind: &str, share: &str) {
    choose(root, "#new-source-kind", kind);
    web_common::click(root, "#add-source");
    let rule = format!("#src-{i}-rule");
    until("the new source", || {
        root.query_selector(&rule).unwrap().is_some()
    })
    .await;
    choose(root, &rule, "co_fund");
    let of = format!("#source-{i}-of");
    until("the co-funder's fields", || {
        root.query_selector(&of).unwrap().is_some()
    })
    .await;
    type_into(&input(root, &format!("#f-source-{i}-coshare-text")), share);
    choose(root, &of, "APBD Kota Ambon");
}

#[wasm_bindgen_test]
async fn co_funding_over_100_percent_is_said_beside_every_share_that_adds_to_it() {
    let root = clean_mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app", || {
        root.query_selector("#add-source").unwrap().is_some()
    })
    .await;
    add_co_funder(&root, 4, "apbd_provinsi", "40%").await;
    add_co_funder(&root, 5, "csr", "70%").await;
    for i in [4, 5] {
        let error = format!("#f-source-{i}-coshare-error");
        until("the error beside the share", || {
            text(&root, &error).contains("110,0%")
        })
        .await;
    }
    type_into(&input(&root, "#f-source-5-coshare-text"), "30%");
    until("no error", || {
        root.query_selector(".field-error").unwrap().is_none()
    })
    .await;
}
