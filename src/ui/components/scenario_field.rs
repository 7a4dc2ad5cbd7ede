//! An input bound to one scenario field: a `NumberField` whose unit, bounds and preset value
//! come from the field, and whose changes go to the reducer as `Action::Set`; and the JHT
//! switch. The full app and the embed both make their inputs here.

use super::field_input::FieldInput;
use crate::engine::error::Problem;
use crate::engine::ScenarioError;
use crate::ui::i18n::{field_label, problem_message, T};
use crate::ui::state::{Action, Field, SourceField, State};
use web_sys::HtmlInputElement;
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

/// Whether the scenario's problem `e` is about `field`: the field it names, and the other
/// fields whose change can cause it (a start year past the target year marks the start,
/// the horizon and the target; a last year before the first marks both years).
pub fn concerns(e: &ScenarioError, field: Field) -> bool {
    e.field == field
        || match (&e.problem, field) {
            (Problem::TargetOutsideHorizon { .. }, Field::StartYear | Field::HorizonYears) => true,
            (Problem::LastBeforeFirst { .. }, Field::Source(i, SourceField::FirstYear)) => {
                e.field == Field::Source(i, SourceField::LastYear)
            }
            _ => false,
        }
}

/// The scenario's problem with `field`, if it has one.
pub fn problem_with(state: &State, field: Field) -> Option<&ScenarioError> {
    state.error.as_ref().filter(|e| concerns(e, field))
}

/// `aria-invalid` for an input of `field`: "true" while the scenario's problem is about it.
pub fn aria_invalid(state: &State, field: Field) -> Option<AttrValue> {
    problem_with(state, field).map(|_| AttrValue::from("true"))
}

/// The DOM id of the message beside `field`'s input.
pub fn error_id(field: Field) -> String {
    format!("{}-error", field_id(field))
}

/// The validation message for an input that is not a number (a name, a choice, a
/// checkbox), to place beside it; nothing when the scenario's problem is elsewhere.
pub fn field_problem(state: &State, field: Field) -> Html {
    match problem_with(state, field) {
        Some(e) => html! {
            <p class="field-error" role="alert" id={error_id(field)}>{ problem_message(e.field, &e.problem, state.lang) }</p>
        },
        None => Html::default(),
    }
}

/// The input for `field` with its label, `info` and, beside it, a validation error about
/// it; nothing when the scenario has no such field.
pub fn scenario_field(
    state: &State,
    field: Field,
    on_action: &Callback<Action>,
    info: Html,
) -> Html {
    let problem = problem_with(state, field)
        .map(|e| AttrValue::from(problem_message(e.field, &e.problem, state.lang)));
    let label = field_label(field, state.lang).to_string();
    number_input(state, field, on_action, label, problem, info)
}

/// A `NumberField` for `field` under `label`; nothing when the scenario has no such field.
pub fn number_input(
    state: &State,
    field: Field,
    on_action: &Callback<Action>,
    label: String,
    problem: Option<AttrValue>,
    info: Html,
) -> Html {
    let (Some(value), Some(bounds)) = (
        field.get(&state.scenario),
        field.bounds(&state.params, &state.scenario),
    ) else {
        return Html::default();
    };
    html! {
        <FieldInput
            {field}
            id={field_id(field)}
            label={AttrValue::from(label)}
            {value}
            preset={field.get(&state.preset)}
            {bounds}
            {problem}
            lang={state.lang}
            on_action={on_action.clone()}
            {info}
        />
    }
}

/// The JHT switch (`Action::SetJht`), with `info` after its label.
pub fn jht_switch(state: &State, on_action: &Callback<Action>, info: Html) -> Html {
    let on_action = on_action.clone();
    let onchange = Callback::from(move |e: Event| {
        on_action.emit(Action::SetJht(
            e.target_unchecked_into::<HtmlInputElement>().checked(),
        ))
    });
    html! {
        <div class="field checkbox">
            <input id="jht" type="checkbox" checked={state.scenario.programmes.jht} {onchange} />
            <label for="jht">{ T::Jht.get(state.lang) }</label>
            { info }
        </div>
    }
}
