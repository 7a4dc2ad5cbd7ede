//! A `NumberField` bound to one scenario field: label, unit, bounds and preset value all
//! come from the field, and changes go to the reducer as `Action::Set`.

use super::number_field::NumberField;
use crate::ui::i18n::field_label;
use crate::ui::state::{Action, Field, State};
use yew::prelude::*;

/// A stable DOM id for a field, e.g. `f-source-0-yearly`.
pub fn field_id(field: Field) -> String {
    let raw = format!("f-{field:?}").to_lowercase();
    let mut id = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// The input for `field`, or nothing when the scenario has no such field.
pub fn scenario_field(
    state: &State,
    field: Field,
    on_action: &Callback<Action>,
    info: Html,
) -> Html {
    let Some(value) = field.get(&state.scenario) else {
        return Html::default();
    };
    let preset = field.get(&state.preset);
    let on_action = on_action.clone();
    html! {
        <NumberField
            id={field_id(field)}
            label={field_label(field, state.lang)}
            {value}
            {preset}
            bounds={field.bounds(&state.params, &state.scenario)}
            display={field.display()}
            lang={state.lang}
            on_change={Callback::from(move |v| on_action.emit(Action::Set(field, v)))}
            {info}
        />
    }
}
