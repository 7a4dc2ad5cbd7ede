//! The phone's sticky summary: coverage against the target and this year's cost, always in
//! sight, and the switch between the results and the controls. Hidden on wider screens
//! (by CSS), where both are side by side. It knows nothing of how either view is drawn.

use crate::engine::outcome::{ratio, Outcome};
use crate::engine::scenario::Target;
use crate::locale::{format, Lang};
use crate::ui::i18n::summary::target_by;
use crate::ui::i18n::T;
use std::rc::Rc;
use yew::prelude::*;

/// Which half of the app a phone shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Results,
    Controls,
}

impl View {
    /// The value of the app's `data-view` attribute, which the phone's CSS reads.
    pub fn code(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Controls => "controls",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub target: Target,
    pub view: View,
    pub lang: Lang,
    pub on_view: Callback<View>,
}

#[component]
pub fn PhoneBar(props: &Props) -> Html {
    let lang = props.lang;
    let o = &props.outcome;
    let last = o.last_month();
    let coverage = format::percent(ratio(last.covered, last.population), lang);
    let cost = o
        .years
        .first()
        .map(|y| {
            format!(
                "{} {}: {}",
                T::CardCostYear.get(lang),
                y.year,
                format::rupiah_compact(y.contributions_total, lang)
            )
        })
        .unwrap_or_default();
    let met = if o.target_met { "good" } else { "bad" };
    let tab = |view: View, label: T| {
        let on_view = props.on_view.clone();
        html! {
            <button type="button" id={format!("show-{}", view.code())} class="tab"
                aria-pressed={(props.view == view).to_string()}
                onclick={Callback::from(move |_| on_view.emit(view))}>{ label.get(lang) }</button>
        }
    };
    html! {
        <div class="phone-bar" id="phone-bar">
            <p class="phone-figures">
                <strong class="phone-coverage">{ coverage }</strong>
                <span class={met}>{ format!(" ({})", target_by(&props.target, lang)) }</span>
                <br />
                <span class="phone-cost">{ cost }</span>
            </p>
            <div class="tabs" role="group" aria-label={T::Show.get(lang)}>
                { tab(View::Results, T::Results) }
                { tab(View::Controls, T::Controls) }
            </div>
        </div>
    }
}
