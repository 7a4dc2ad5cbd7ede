//! Asumsi risiko: the risk model's assumptions, and the benefit rules they feed, each with
//! its legal source.

use super::group::Group;
use super::param_info::ParamInfo;
use super::scenario_field::scenario_field;
use crate::ui::i18n::T;
use crate::ui::state::{Action, Field, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RiskPanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let p = &state.params;
    let month = state.valid.horizon.start;
    let info = |param: &crate::engine::Parameter| html! { <ParamInfo param={param.clone()} {month} {lang} /> };
    let f = |field, extra| scenario_field(state, field, &props.on_action, extra);
    html! {
        <Group key_name="risk" title={T::GroupRisk.get(lang)} open=false>
            { f(Field::DeathsPerThousand, info(&p.jkm_lump_sum)) }
            { f(Field::WorkDeathShare, info(&p.jkk_death_multiple)) }
            { f(Field::AccidentsPerThousand, Html::default()) }
            { f(Field::AccidentCost, Html::default()) }
            { f(Field::ClaimShare, Html::default()) }
            { f(Field::ClaimLag, Html::default()) }
            { f(Field::ScholarshipShare, html! { <>{ info(&p.scholarship_maximum) }{ info(&p.scholarship_min_membership) }</> }) }
            { f(Field::JhtReturn, Html::default()) }
        </Group>
    }
}
