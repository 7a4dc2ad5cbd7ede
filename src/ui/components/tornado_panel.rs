//! "Apa yang paling berpengaruh" / "What moves the answer most": a collapsible table of the
//! uncertain assumptions, each at its low and its high value (the others at their most
//! likely), sorted by how far they move coverage at the target year; with the total cost
//! at each end. Worked out (`engine::uncertainty::tornado`, on the slow background lane)
//! only while the section is open and once the inputs have settled.

use super::group::track_open;
use crate::engine::jobs::{Answer, Job};
use crate::engine::uncertainty::{Assumptions, TornadoBar, UncertaintyError};
use crate::engine::ValidScenario;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::compute::{kept_answer, use_settled_answer};
use crate::ui::i18n::uncertainty::{error, TornadoText};
use crate::ui::i18n::T;
use crate::ui::uncertainty::use_assumptions;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub valid: Rc<ValidScenario>,
    pub lang: Lang,
}

/// Milliseconds the inputs must stay still before the table is worked out.
const SETTLE_MS: u32 = 250;

type Bars = Result<Vec<TornadoBar>, UncertaintyError>;

#[component]
pub fn TornadoPanel(props: &Props) -> Html {
    let lang = props.lang;
    // Read here, not by the app, so that only the panels' chunk carries them.
    let assumptions = use_assumptions();
    let open = use_state(|| false);
    let job = use_memo((props.valid.clone(), *open), |(valid, open)| {
        open.then(|| Rc::new(Job::Tornado(valid.scenario().clone())))
    });
    // While a newer table settles, the last one stays in place, dimmed (as the goal-seek's).
    let done = use_settled_answer((*job).clone(), SETTLE_MS);
    let fresh = done.as_ref().is_some_and(|(_, fresh)| *fresh);
    let bars: Option<&Bars> = done.as_ref().and_then(|(d, _)| match &d.answer {
        Answer::Tornado(bars) => Some(bars),
        _ => None,
    });
    let ontoggle = track_open(&open);
    let text = TornadoText::new(props.valid.target.year, lang);
    let body = match (bars, &*assumptions) {
        (_, _) if !*open => Html::default(),
        (None, _) => html! { <p class="muted" aria-busy="true">{ T::Computing.get(lang) }</p> },
        (Some(bars), assumptions) => {
            let shown = match (bars, assumptions) {
                (Err(e), _) | (Ok(_), Err(e)) => {
                    html! { <p class="bad" role="alert">{ error(e, lang) }</p> }
                }
                (Ok(bars), Ok(assumptions)) => table(bars, assumptions, &text, lang),
            };
            kept_answer(fresh, shown)
        }
    };
    html! {
        <details class="goal-seek tornado" id="tornado" {ontoggle}>
            <summary><h2 id="tornado-title">{ text.title }</h2></summary>
            <p class="muted">{ text.intro }</p>
            <div aria-live="polite">{ body }</div>
        </details>
    }
}

/// The table, one row per assumption in the order of `bars`.
fn table(bars: &[TornadoBar], assumptions: &Assumptions, text: &TornadoText, lang: Lang) -> Html {
    let money = |x| format::rupiah_compact(x, lang);
    let share = |x| format::percent(x, lang);
    html! {
        <div class="table-scroll" tabindex="0">
            <table id="tornado-table">
                <thead><tr>
                    <th scope="col">{ text.assumption }</th>
                    <th scope="col">{ text.range }</th>
                    <th scope="col">{ &text.coverage_low }</th>
                    <th scope="col">{ &text.coverage_high }</th>
                    <th scope="col">{ text.cost_low }</th>
                    <th scope="col">{ text.cost_high }</th>
                </tr></thead>
                <tbody>
                    { for bars.iter().map(|bar| {
                        let a = assumptions.0.iter().find(|a| a.key == bar.key);
                        let (name, basis) = a.map_or((bar.key.as_str(), ""), |a| match lang {
                            Lang::Id => (a.description_id.as_str(), a.basis_id.as_str()),
                            Lang::En => (a.description_en.as_str(), a.basis_en.as_str()),
                        });
                        html! {
                            <tr data-key={bar.key.clone()}>
                                <th scope="row">{ name }</th>
                                <td>{ basis }</td>
                                <td>{ share(bar.coverage_low) }</td>
                                <td>{ share(bar.coverage_high) }</td>
                                <td>{ money(bar.cost_low) }</td>
                                <td>{ money(bar.cost_high) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
