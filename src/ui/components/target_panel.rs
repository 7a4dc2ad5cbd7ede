//! Target: the coverage ratio and the year it should be reached.

use super::scenario_field::scenario_field;
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
pub fn TargetPanel(props: &Props) -> Html {
    let state = &props.state;
    html! {
        <details class="group" open=true>
            <summary><h2>{ T::GroupTarget.get(state.lang) }</h2></summary>
            { scenario_field(state, Field::TargetCoverage, &props.on_action, Html::default()) }
            { scenario_field(state, Field::TargetYear, &props.on_action, Html::default()) }
        </details>
    }
}
