//! Target: the coverage ratio and the year it should be reached.

use super::group::Group;
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
pub fn TargetPanel(props: &Props) -> Html {
    let state = &props.state;
    html! {
        <Group key_name="target" title={T::GroupTarget.get(state.lang)}>
            { scenario_field(state, Field::TargetCoverage, &props.on_action, Html::default()) }
            { scenario_field(state, Field::TargetYear, &props.on_action, Html::default()) }
        </Group>
    }
}
