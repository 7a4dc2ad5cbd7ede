//! The scenario's validation problem (if the shown numbers are the last valid ones) and
//! the simulation's soft warnings.

use crate::engine::outcome::Warning;
use crate::engine::ScenarioError;
use crate::locale::Lang;
use crate::ui::i18n::{scenario_error, warning, T};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub error: Option<ScenarioError>,
    pub warnings: Vec<Warning>,
    pub lang: Lang,
}

#[component]
pub fn Notices(props: &Props) -> Html {
    let lang = props.lang;
    html! {
        <>
            if let Some(e) = &props.error {
                <div class="banner error" role="alert" id="scenario-error">
                    <p>{ scenario_error(e, lang) }</p>
                    <p>{ T::InvalidShown.get(lang) }</p>
                </div>
            }
            if !props.warnings.is_empty() {
                <details class="banner warnings" id="warnings">
                    <summary>{ format!("{} ({})", T::Warnings.get(lang), props.warnings.len()) }</summary>
                    <ul>{ for props.warnings.iter().map(|w| html! { <li>{ warning(w, lang) }</li> }) }</ul>
                </details>
            }
        </>
    }
}
