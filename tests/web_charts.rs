//! Charts in a real browser (`cargo test --target wasm32-unknown-unknown --test web_charts`):
//! a slider move updates the charts in place (the same `<svg>`, legend and axis nodes, only
//! a few shapes changed), and a chart is drawn for the width of its box, again when the box
//! is resized, with text of at least 12 px shown at its own size.
#![cfg(target_arch = "wasm32")]

use payung::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod web_common;
use web_common::{clean_mount_point, find, input, type_into, until};

wasm_bindgen_test_configure!(run_in_browser);

/// The shapes of a chart: the `<svg>`'s children.
fn shapes(svg: &Element) -> Vec<Element> {
    let list = svg.query_selector_all(":scope > *").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The `<text>` shape of `svg` that says `words`.
fn text_shape(svg: &Element, words: &str) -> Option<Element> {
    shapes(svg)
        .into_iter()
        .find(|e| e.tag_name() == "text" && e.text_content().as_deref() == Some(words))
}

/// The width of the chart's viewBox: the width it was drawn at.
fn drawn_width(svg: &Element) -> u32 {
    let view_box = svg.get_attribute("viewBox").unwrap_or_default();
    view_box
        .split(' ')
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or(0)
}

fn shown_width(el: &Element) -> f64 {
    el.get_bounding_client_rect().width()
}

#[wasm_bindgen_test]
async fn a_slider_move_updates_the_chart_in_place() {
    let root = clean_mount_point();
    // A fixed page width: the boxes keep their size (a resize redraws, tested below), so
    // what changes is only what the move changed.
    root.set_attribute("style", "width: 1200px").unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the charts", || {
        root.query_selector_all(".chart svg").unwrap().length() == 3
    })
    .await;
    let chart = |id: &str| find::<Element>(&root, &format!("#{id} svg")).unwrap();
    until("the charts drawn for their boxes", || {
        ["chart-coverage", "chart-cost", "chart-benefits"]
            .iter()
            .all(|id| {
                let svg = chart(id);
                u32::try_from(shown_width(&svg) as i64).ok() == Some(drawn_width(&svg))
            })
    })
    .await;

    // The Monte Carlo bands arrive on their own, once the inputs settle (and reach a chart
    // out of sight once it catches up): the snapshot is taken after the last of them is
    // drawn on both charts, so that what the move changes is only the move's.
    until("the final bands", || {
        find::<Element>(&root, "#target-chance")
            .and_then(|e| e.get_attribute("data-final"))
            .as_deref()
            == Some("true")
            && ["chart-coverage", "chart-cost"]
                .iter()
                .all(|id| text_shape(&chart(id), "Rentang 80% / 50%").is_some())
    })
    .await;

    let ids = ["chart-coverage", "chart-cost", "chart-benefits"];
    let svgs: Vec<Element> = ids.iter().map(|id| chart(id)).collect();
    let before: Vec<Vec<Element>> = svgs.iter().map(shapes).collect();
    let markup: Vec<Vec<String>> = before
        .iter()
        .map(|s| s.iter().map(|e| e.outer_html()).collect())
        .collect();
    let legend = text_shape(&svgs[1], "Dana Desa").expect("a legend entry");
    let axis = text_shape(&svgs[1], "Tahun").expect("the time axis");
    let summary = find::<Element>(&root, "#chart-cost-summary")
        .unwrap()
        .text_content();

    let slider = input(&root, "#f-source-0-yearly");
    // One step of a drag: the budget up by 2% of the slider's range.
    let max: f64 = slider.max().parse().unwrap();
    let value: f64 = slider.value().parse().unwrap();
    type_into(&slider, &format!("{}", (value + max * 0.02).round()));
    until("the cost chart to change", || {
        find::<Element>(&root, "#chart-cost-summary")
            .unwrap()
            .text_content()
            != summary
    })
    .await;

    assert!(legend.is_connected(), "the legend entry was replaced");
    assert!(axis.is_connected(), "the axis name was replaced");
    assert!(text_shape(&chart("chart-cost"), "Dana Desa")
        .unwrap()
        .is_same_node(Some(&legend)));
    let mut all = 0;
    for (i, id) in ids.iter().enumerate() {
        let now = chart(id);
        assert!(
            now.is_same_node(Some(&svgs[i])),
            "{id}: the <svg> was replaced"
        );
        let after = shapes(&now);
        let gone = before[i].iter().filter(|e| !e.is_connected()).count();
        let changed = before[i]
            .iter()
            .zip(&markup[i])
            .filter(|(e, html)| e.is_connected() && e.outer_html() != **html)
            .count();
        let added = after
            .iter()
            .filter(|e| !before[i].iter().any(|b| b.is_same_node(Some(e))))
            .count();
        let touched = gone + changed + added;

        all += touched;
        console_log!(
            "{id}, one slider step: {touched} of {} shapes touched ({changed} changed, \
             {added} added, {gone} removed)",
            after.len()
        );
        // The frame, axes and legend stay: at most the data shapes change.
        let changed_shapes: Vec<String> = before[i]
            .iter()
            .zip(&markup[i])
            .filter(|(e, html)| e.is_connected() && e.outer_html() != **html)
            .take(3)
            .map(|(e, html)| format!("{html} => {}", e.outer_html()))
            .collect();
        assert!(
            touched * 2 < after.len(),
            "{id}: {touched} of {} shapes touched; e.g. {changed_shapes:?}",
            after.len()
        );
    }
    assert!(all > 0, "nothing changed");
}

#[wasm_bindgen_test]
async fn a_chart_is_redrawn_for_a_narrower_box_with_its_legend_below() {
    let root = clean_mount_point();
    root.set_attribute("style", "width: 900px").unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // The cost chart: the coverage chart is the first screen's main chart, whose box also
    // has a height set by the layout (it may be drawn narrower to fit it, see chart_card).
    let coverage = || find::<Element>(&root, "#chart-cost svg");
    until("the cost chart", || coverage().is_some()).await;
    let boxed = || find::<Element>(&root, "#chart-cost .chart-svg").unwrap();
    until("the chart drawn for its box", || {
        coverage().map(|svg| drawn_width(&svg)) == Some(shown_width(&boxed()) as u32)
    })
    .await;
    let wide = drawn_width(&coverage().unwrap());

    // The box shrinks (a phone, a side panel opening): the chart is drawn again to fit.
    root.set_attribute("style", "width: 330px").unwrap();
    until("the chart redrawn narrower", || {
        let svg = coverage().unwrap();
        let w = drawn_width(&svg);
        w < wide && w == shown_width(&boxed()) as u32
    })
    .await;
    let svg = coverage().unwrap();
    let texts = shapes(&svg)
        .into_iter()
        .filter(|e| e.tag_name() == "text")
        .collect::<Vec<_>>();
    assert!(!texts.is_empty());
    for t in &texts {
        let px: f64 = t.get_attribute("font-size").unwrap().parse().unwrap();
        assert!(px >= 12.0, "{px} px: {:?}", t.text_content());
        // Shown at its own size: one drawn pixel is one CSS pixel.
        assert!((shown_width(&svg) - f64::from(drawn_width(&svg))).abs() < 1.0);
    }
    // The legend sits below the plot: its first entry is lower than the x axis name.
    let legend = text_shape(&svg, "APBD Kota Ambon").unwrap();
    let axis = text_shape(&svg, "Tahun").unwrap();
    let y = |e: &Element| e.get_bounding_client_rect().top();
    assert!(y(&legend) > y(&axis), "legend beside a narrow plot");
    assert!(texts
        .iter()
        .all(|t| !t.text_content().unwrap_or_default().ends_with('…')));
}
