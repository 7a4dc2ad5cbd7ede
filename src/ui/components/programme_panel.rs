//! Program: JKK+JKM (always together), the JHT switch, the declared income, and a live
//! breakdown of what one worker-month costs, each rate with its legal source.

use super::param_info::ParamInfo;
use super::scenario_field::{jht_switch, scenario_field};
use crate::locale::format;
use crate::ui::i18n::T;
use crate::ui::state::{Action, Field, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ProgrammePanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let p = &state.params;
    let sc = &state.valid;
    let month = sc.horizon.start;
    let cost = p.contribution(
        month,
        sc.programmes.declared_income,
        sc.programmes.jht,
        false,
    );
    let info = |param: &crate::engine::Parameter| html! { <ParamInfo param={param.clone()} {month} {lang} /> };
    let income_info = info(&p.income_minimum);
    html! {
        <details class="group" open=true>
            <summary><h2>{ T::GroupProgramme.get(lang) }</h2></summary>
            <div class="field checkbox">
                <input id="jkk-jkm" type="checkbox" checked=true disabled=true />
                <label for="jkk-jkm">{ T::JkkJkm.get(lang) }{" — "}{ T::JkkJkmFixed.get(lang) }</label>
            </div>
            { jht_switch(state, &props.on_action, info(&p.jht_rate)) }
            { scenario_field(state, Field::DeclaredIncome, &props.on_action, income_info) }
            <table class="cost-breakdown" aria-label={T::CostPerWorker.get(lang)}>
                <caption>{ T::CostPerWorker.get(lang) }</caption>
                <tbody>
                    <tr><th scope="row">{"JKK "}{ info(&p.jkk_rate) }</th><td>{ format::rupiah(cost.jkk) }</td></tr>
                    <tr><th scope="row">{"JKM "}{ info(&p.jkm_contribution) }</th><td>{ format::rupiah(cost.jkm) }</td></tr>
                    if sc.programmes.jht {
                        <tr><th scope="row">{"JHT "}{ info(&p.jht_rate) }</th><td>{ format::rupiah(cost.jht) }</td></tr>
                    }
                    <tr class="total"><th scope="row">{ T::CostTotal.get(lang) }</th>
                        <td id="cost-per-worker">{ format::rupiah(cost.total()) }</td></tr>
                </tbody>
            </table>
        </details>
    }
}
