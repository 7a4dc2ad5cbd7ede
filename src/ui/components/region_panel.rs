//! Wilayah: the preset, the region's name and its workers, desa, kelurahan and ASN. With
//! worker groups the region's workers are their sum, shown but set per group.

use super::group::Group;
use super::region_picker::RegionPicker;
use super::scenario_field::{aria_invalid, field_problem, scenario_field};
use crate::engine::presets;
use crate::locale::format;
use crate::ui::i18n::groups::sum_of_groups;
use crate::ui::i18n::presets as presets_text;
use crate::ui::i18n::T;
use crate::ui::state::{Action, Field, State};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RegionPanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let on_preset = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_action.emit(Action::LoadPreset(id));
        })
    };
    let on_name = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            on_action.emit(Action::SetRegionName(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let f = |field| scenario_field(state, field, &props.on_action, Html::default());
    html! {
        <Group key_name="region" title={T::GroupRegion.get(lang)}>
            <RegionPicker state={props.state.clone()} on_action={props.on_action.clone()} />
            <div class="field">
                <label for="preset">{ T::Preset.get(lang) }</label>
                <select id="preset" onchange={on_preset}>
                    { for presets::IDS.iter().filter_map(|id| presets::title(id).map(|t| (*id, t))).map(|(id, title)| html! {
                        <option value={id} selected={id == state.scenario.preset}>{ presets_text::title(id, title, lang) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="region-name">{ T::RegionName.get(lang) }</label>
                <input id="region-name" type="text" value={state.scenario.region.name.clone()} oninput={on_name}
                    aria-invalid={aria_invalid(state, Field::RegionName)} />
            </div>
            { field_problem(state, Field::RegionName) }
            if state.scenario.groups.is_empty() {
                { f(Field::VulnerableWorkers) }
            } else {
                <p class="note" id="region-workers-sum">{ sum_of_groups(
                    &format::number(state.scenario.region.vulnerable_workers, lang), lang) }</p>
                { field_problem(state, Field::VulnerableWorkers) }
            }
            { f(Field::WorkerGrowth) }
            { f(Field::Desa) }
            { f(Field::Kelurahan) }
            { f(Field::Asn) }
            { f(Field::StartYear) }
            { f(Field::HorizonYears) }
        </Group>
    }
}
