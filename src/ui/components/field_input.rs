//! The input of one scenario field: a `NumberField` whose changes go to the reducer as
//! `Action::Set` (and each slider move at once as `Action::Foresee`). Its change handler is made once per field and reducer, so a move
//! elsewhere in the page leaves this input alone (its props compare equal).

use super::number_field::NumberField;
use crate::engine::scenario::limits::Bounds;
use crate::locale::Lang;
use crate::ui::state::{display, Action, Field};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: Field,
    /// The input's DOM id (`scenario_field::field_id`).
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Decimal,
    pub preset: Option<Decimal>,
    pub bounds: Bounds,
    pub problem: Option<AttrValue>,
    pub lang: Lang,
    pub info: Html,
    /// The reducer's dispatch; stable for the app's lifetime.
    pub on_action: Callback<Action>,
}

#[component]
pub fn FieldInput(props: &Props) -> Html {
    let on_change = use_callback(
        (props.field, props.on_action.clone()),
        |v: Decimal, (field, on_action)| on_action.emit(Action::Set(*field, v)),
    );
    let on_slide = use_callback(
        (props.field, props.on_action.clone()),
        |v: Decimal, (field, on_action)| on_action.emit(Action::Foresee(*field, v)),
    );
    html! {
        <NumberField
            id={props.id.clone()}
            label={props.label.clone()}
            value={props.value}
            preset={props.preset}
            bounds={props.bounds}
            display={display(props.field)}
            problem={props.problem.clone()}
            lang={props.lang}
            {on_change}
            on_slide={Some(on_slide)}
            info={props.info.clone()}
        />
    }
}
