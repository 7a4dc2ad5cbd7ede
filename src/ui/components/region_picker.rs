//! "Pilih wilayah": a search over all 514 kab/kota and 38 provinces. Typing lists the best
//! matches; choosing one opens its starting scenario (`engine::regions`). Under the field,
//! for a scenario started from a region, how its pekerja rentan were estimated.

use crate::engine::regions::{self, Place};
use crate::ui::i18n::regions::{estimate_note, result_line, text, Text};
use crate::ui::state::{Action, State};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many matches are listed.
const SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RegionPicker(props: &Props) -> Html {
    let lang = props.state.lang;
    let query = use_state(String::new);
    // The tables are read at the first search (or for a region's scenario), not at load.
    let searching = !query.trim().is_empty();
    let catalogue = if searching || props.state.scenario.preset == "custom" {
        match regions::catalogue() {
            Ok(c) => Some(c),
            Err(_) => return Html::default(),
        }
    } else {
        None
    };
    let at = props.state.scenario.horizon.start;
    let params = &props.state.params;
    // Each match with its estimated pekerja rentan.
    let matches: Vec<(Place<'_>, u64)> = match catalogue {
        Some(c) if searching => c
            .search(&query, SHOWN)
            .into_iter()
            .map(|place| (place, regions::estimate(params, c, place, at).workers))
            .collect(),
        _ => Vec::new(),
    };

    let choose = {
        let on_action = props.on_action.clone();
        let query = query.clone();
        Callback::from(move |code: String| {
            query.set(String::new());
            on_action.emit(Action::LoadRegion(code));
        })
    };
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // Enter takes the best match.
    let on_keydown = {
        let first = matches.first().map(|(p, _)| p.code().to_string());
        let choose = choose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                if let Some(code) = &first {
                    e.prevent_default();
                    choose.emit(code.clone());
                }
            }
        })
    };

    // The note on the estimate, when the scenario is a region's (they carry the `custom`
    // preset) and its count is still the estimate (worked out again only when one of those
    // changes, not on every move).
    let note = {
        let region = &props.state.scenario.region;
        let params = params.clone();
        use_memo(
            (
                region.name.clone(),
                region.vulnerable_workers,
                at,
                lang,
                catalogue.is_some(),
            ),
            move |(name, workers, at, lang, _)| {
                let catalogue = catalogue?;
                let place = catalogue.all().into_iter().find(|p| p.name() == *name)?;
                let e = regions::estimate(&params, catalogue, place, *at);
                (e.workers == *workers).then(|| estimate_note(place, &e, *lang))
            },
        )
    };
    let note = (*note).clone();

    html! {
        <div class="field region-picker">
            <label for="region-search">{ text(Text::Label, lang) }</label>
            <input id="region-search" type="search" autocomplete="off" value={(*query).clone()}
                placeholder={text(Text::Placeholder, lang)} oninput={on_input} onkeydown={on_keydown}
                aria-describedby="region-search-hint"
                aria-controls={(!query.trim().is_empty()).then_some("region-results")} />
            // The matches come right under the box (on a phone, in sight of the keyboard);
            // the hint under them.
            if searching {
                if matches.is_empty() {
                    <p class="hint" id="region-results" role="status">{ text(Text::NoMatch, lang) }</p>
                } else {
                    <ul id="region-results" class="region-results">
                        { for matches.iter().map(|&(place, workers)| {
                            let code = place.code().to_string();
                            let onclick = { let choose = choose.clone(); let code = code.clone(); Callback::from(move |_| choose.emit(code.clone())) };
                            html! {
                                <li><button type="button" class="region-result" data-code={code} {onclick}>
                                    { result_line(place, workers, lang) }
                                </button></li>
                            }
                        }) }
                    </ul>
                }
            }
            <p id="region-search-hint" class="hint">{ text(Text::Hint, lang) }</p>
            if let Some(note) = note {
                <p id="region-estimate" class="hint estimate">{ note }</p>
            }
        </div>
    }
}
