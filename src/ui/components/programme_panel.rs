//! Program: JKK+JKM (always together), the JHT switch, the declared income, and a live
//! breakdown of what one worker-month costs, each rate with its legal source. Followed by
//! the worker groups, which set scheme, income and window per group when there are any.

use super::group::Group;
use super::groups_panel::GroupsPanel;
use super::param_info::ParamInfo;
use super::scenario_field::{jht_switch, number_input, scenario_field};
use crate::engine::scenario::Scheme;
use crate::locale::format;
use crate::ui::i18n::groups::GroupText;
use crate::ui::i18n::{field_label, problem_message, T};
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
pub fn ProgrammePanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let p = &state.params;
    let sc = &state.valid;
    let month = sc.horizon.start;
    let cost = p.contribution_for(month, &sc.programmes, false);
    let info = |param: &crate::engine::Parameter| html! { <ParamInfo param={param.clone()} {month} {lang} /> };
    let income_info = info(&p.income_minimum);
    let wage_earner = sc.programmes.scheme == Scheme::WageEarner;
    let income_problem = state
        .error
        .as_ref()
        .filter(|e| e.field == Field::DeclaredIncome)
        .map(|e| AttrValue::from(problem_message(e.field, &e.problem, lang)));
    let on_scheme = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let wage = e.target_unchecked_into::<HtmlSelectElement>().value() == "wage_earner";
            on_action.emit(Action::SetScheme(if wage {
                Scheme::WageEarner
            } else {
                Scheme::Bpu
            }));
        })
    };
    let on_transport = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetTransport(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    // The rates that apply under the chosen scheme, each with its legal source.
    let (jkk_param, jkm_param, jht_param) = if wage_earner {
        (
            &p.jkk_rate_wage_earner,
            &p.jkm_rate_wage_earner,
            &p.jht_rate_wage_earner,
        )
    } else {
        (&p.jkk_rate, &p.jkm_contribution, &p.jht_rate)
    };
    // With worker groups, scheme, income and window are each group's.
    let grouped = !state.scenario.groups.is_empty();
    html! {
        <>
        <Group key_name="programme" title={T::GroupProgramme.get(lang)}>
            <div class="field checkbox">
                <input id="jkk-jkm" type="checkbox" checked=true disabled=true />
                <label for="jkk-jkm">{ T::JkkJkm.get(lang) }{" — "}{ T::JkkJkmFixed.get(lang) }</label>
            </div>
            if grouped {
                { jht_switch(state, &props.on_action, info(jht_param)) }
                <p class="note" id="set-per-group">{ GroupText::SetPerGroup.get(lang) }</p>
            } else {
            <div class="field">
                <label for="scheme">{ field_label(Field::Scheme, lang) }</label>
                <select id="scheme" onchange={on_scheme}>
                    <option value="bpu" selected={!wage_earner}>{ T::SchemeBpu.get(lang) }</option>
                    <option value="wage_earner" selected={wage_earner}>{ T::SchemeWageEarner.get(lang) }</option>
                </select>
            </div>
            if !wage_earner {
                <div class="field checkbox">
                    <input id="transport" type="checkbox" checked={sc.programmes.transport} onchange={on_transport} />
                    <label for="transport">{ field_label(Field::Transport, lang) }</label>
                    { info(&p.pp50_discount_transport) }
                </div>
            }
            { jht_switch(state, &props.on_action, info(jht_param)) }
            if wage_earner {
                // Under the wage-earner scheme the amount is the wage, not a declared income.
                { number_input(state, Field::DeclaredIncome, &props.on_action, T::Wage.get(lang).to_string(),
                    income_problem, income_info) }
            } else {
                { scenario_field(state, Field::DeclaredIncome, &props.on_action, income_info) }
            }
            <table class="cost-breakdown" aria-label={T::CostPerWorker.get(lang)}>
                <caption>{ T::CostPerWorker.get(lang) }</caption>
                <tbody>
                    <tr><th scope="row">{"JKK "}{ info(jkk_param) }</th><td>{ format::rupiah_in(cost.jkk, lang) }</td></tr>
                    <tr><th scope="row">{"JKM "}{ info(jkm_param) }</th><td>{ format::rupiah_in(cost.jkm, lang) }</td></tr>
                    if sc.programmes.jht {
                        <tr><th scope="row">{"JHT "}{ info(jht_param) }</th><td>{ format::rupiah_in(cost.jht, lang) }</td></tr>
                    }
                    <tr class="total"><th scope="row">{ T::CostTotal.get(lang) }</th>
                        <td id="cost-per-worker">{ format::rupiah_in(cost.total(), lang) }</td></tr>
                </tbody>
            </table>
            }
        </Group>
        <GroupsPanel state={props.state.clone()} on_action={props.on_action.clone()} />
        </>
    }
}
