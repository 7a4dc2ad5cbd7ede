//! One chart as a card: its title and unit once, a switch for the baseline, the chart
//! drawn for the width of its box and rendered shape by shape (`scene_view`), a
//! one-sentence summary and a "show data" table (made only while open).
//!
//! The card measures its box (`measure`) and draws the chart at that width in CSS pixels,
//! with text at the size it is read at, again whenever the box is resized; a new request
//! (a slider move) is drawn at the same size, and Yew's keyed diff then touches only the
//! shapes that changed. It holds no scenario state.

mod measure;
mod scene_view;

use super::group::track_open;
use crate::charts::{Request, Size};
use std::rc::Rc;
use yew::prelude::*;

/// Boxes narrower than this are phones: slightly smaller text, still above 12 px.
const NARROW: u32 = 480;

/// The text size of a chart `width` CSS pixels wide: at least 12 px anywhere (issue 10),
/// 14 px on a laptop, 20 px (at least 18) in presentation mode.
pub fn text_px(width: u32, presentation: bool) -> u32 {
    if presentation {
        20
    } else if width < NARROW {
        13
    } else {
        14
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub request: Rc<Request>,
    pub show_data: AttrValue,
    /// Draws text for a projector (also when the box is found inside `.presentation`,
    /// as the comparison's charts are).
    #[prop_or_default]
    pub presentation: bool,
    /// The layout sets the box's height (the main chart on the first screen): the chart is
    /// drawn narrower when its natural height would not fit, so that it is shown at 1:1
    /// rather than scaled down with its text.
    #[prop_or_default]
    pub fit_height: bool,
}

/// The media query of the phone layout in `styles/main.css`, where the main chart's box
/// takes the chart's own height (so there is no height to fit).
const PHONE_LAYOUT: &str = "(max-width: 800px)";

fn phone_layout() -> bool {
    gloo::utils::window()
        .match_media(PHONE_LAYOUT)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The narrowest a chart is drawn to fit a box's height.
const FIT_MIN_WIDTH: u32 = 320;

/// The chart of `request` at `size`, filling `fit_height` when it is shorter, and drawn
/// narrower when its natural height would not fit it (height follows width), so that it
/// is shown at 1:1.
fn draw(
    request: &Request,
    size: Size,
    with_baseline: bool,
    fit_height: Option<u32>,
) -> Rc<crate::charts::Chart> {
    let size = Size {
        height: fit_height.filter(|h| *h >= 100),
        ..size
    };
    let chart = request.draw(size, with_baseline);
    match fit_height {
        Some(h) if h >= 100 && chart.scene.height > h => {
            let width =
                (u64::from(size.width) * u64::from(h) / u64::from(chart.scene.height)) as u32;
            let width = width.max(FIT_MIN_WIDTH);
            Rc::new(request.draw(Size { width, ..size }, with_baseline))
        }
        _ => Rc::new(chart),
    }
}

#[component]
pub fn ChartCard(props: &Props) -> Html {
    let boxed = use_node_ref();
    let measured = measure::use_width(boxed.clone());
    let with_baseline = use_state_eq(|| true);
    let width = measured.map_or(0, |m| m.width);
    let presentation = props.presentation || measured.is_some_and(|m| m.presentation);
    let size = Size {
        width,
        text_px: text_px(width, presentation),
        height: None,
    };
    let fit_height = measured
        .filter(|_| props.fit_height && !phone_layout())
        .map(|m| m.height);
    // Drawn once the box is measured (right after mounting), not first at a guessed width.
    let chart = use_memo(
        (
            props.request.clone(),
            size,
            *with_baseline,
            fit_height,
            measured.is_some(),
        ),
        |(request, size, with_baseline, fit_height, measured)| {
            measured.then(|| draw(request, *size, *with_baseline, *fit_height))
        },
    );
    let code = props.request.kind.code();
    let (title_id, unit_id, summary_id) = (
        format!("{code}-title"),
        format!("{code}-unit"),
        format!("{code}-summary"),
    );
    // The data table is made only while it is open.
    let data_open = use_state_eq(|| false);
    let toggle = {
        let with_baseline = with_baseline.clone();
        Callback::from(move |_: Event| with_baseline.set(!*with_baseline))
    };
    // Until measured, the card's frame only, with the same elements in the same places, so
    // that the measured box is kept (Yew matches unkeyed children from the end).
    let chart = (*chart).clone();
    let text = |f: fn(&crate::charts::Chart) -> &str| {
        chart.as_deref().map(f).unwrap_or_default().to_string()
    };
    // The title, unit and baseline switch show at once (they need no drawing), so the
    // chart's box does not move down when the chart arrives.
    let words = props.request.text();
    html! {
        <figure class="chart" id={code}>
            <figcaption>
                <h3 id={title_id.clone()}>{ words.title }</h3>
                <p class="chart-unit" id={unit_id.clone()}>{ words.unit }</p>
            </figcaption>
            if props.request.has_baseline() {
                <label class="chart-baseline-switch">
                    <input type="checkbox" checked={*with_baseline} onchange={toggle} />
                    { " " }{ words.show_baseline }
                </label>
            }
            <div class="chart-svg" ref={boxed}>
                if let Some(chart) = &chart {
                    { scene_view::render(&chart.scene, &format!("{title_id} {unit_id}"), &summary_id, chart.scene.width < width) }
                }
            </div>
            <p class="chart-summary" id={summary_id}>{ text(|c| &c.summary) }</p>
            <details class="chart-data" open={*data_open} ontoggle={track_open(&data_open)}>
                <summary>{ &props.show_data }</summary>
                if let (true, Some(chart)) = (*data_open, &chart) {
                    <div class="table-scroll" tabindex="0">
                        <table>
                            <thead><tr>{ for chart.table.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>
                                { for chart.table.rows.iter().map(|r| html! {
                                    <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </details>
        </figure>
    }
}
