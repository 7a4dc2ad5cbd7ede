//! Pendaftaran & verifikasi: the list, the verification yield and capacity, and lapses.

use super::group::Group;
use super::scenario_field::scenario_field;
use crate::engine::outcome::Warning;
use crate::ui::i18n::{warning, T};
use crate::ui::state::{Action, Field, State};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// The simulation's warnings: verification holding enrolment back is shown here.
    #[prop_or_default]
    pub warnings: Vec<Warning>,
}

#[component]
pub fn EnrolmentPanel(props: &Props) -> Html {
    let state = &props.state;
    let on_reenrol = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetReenrol(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    let f = |field| scenario_field(state, field, &props.on_action, Html::default());
    html! {
        <Group key_name="enrolment" title={T::GroupEnrolment.get(state.lang)} open=false>
            { f(Field::Listed) }
            { f(Field::VerificationYield) }
            { f(Field::VerificationPerMonth) }
            { for props.warnings.iter().filter(|w| matches!(w, Warning::VerificationBinding { .. })).map(|w| html! {
                <ul class="field-warnings" id="verification-warning"><li><span role="status">{ warning(w, state.lang) }</span></li></ul>
            }) }
            { f(Field::LapseRate) }
            <div class="field checkbox">
                <input id="reenrol" type="checkbox" checked={state.scenario.enrolment.reenrol} onchange={on_reenrol} />
                <label for="reenrol">{ T::Reenrol.get(state.lang) }</label>
            </div>
        </Group>
    }
}
