//! "Rencana per tahun": the goal-seek as a plan for one Rupiah source, the least amount each
//! fiscal year that reaches the target by December of its year and holds it, as a table
//! with what it means and where no money helps; one click writes it into the source's
//! amounts by year. Computed just after the inputs settle, like the flat answer, which it
//! also follows in keeping the last plan in place meanwhile.

use crate::engine::jobs::{Answer, Job};
use crate::engine::plan::Plan;
use crate::engine::ValidScenario;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::budgets::{plan_amounts, plan_applied};
use crate::ui::compute::{kept_answer, use_settled_answer};
use crate::ui::i18n::goal_seek::{limit_word, plan_error, plan_meaning, shortfall, PlanText};
use crate::ui::i18n::T;
use crate::ui::state::Action;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub valid: Rc<ValidScenario>,
    /// The chosen source.
    pub source: usize,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// Milliseconds the inputs must stay still before the plan is made.
const SETTLE_MS: u32 = 150;

#[component]
pub fn GoalPlan(props: &Props) -> Html {
    let lang = props.lang;
    let job = use_memo((props.valid.clone(), props.source), |(valid, source)| {
        Some(Rc::new(Job::Plan {
            scenario: valid.scenario().clone(),
            sources: vec![*source],
        }))
    });
    // While a newer plan settles, the last one stays, dimmed and its button off: the table
    // is then updated in place, not removed and built again on every move.
    let done = use_settled_answer((*job).clone(), SETTLE_MS);
    let fresh = done.as_ref().is_some_and(|(_, fresh)| *fresh);
    let answer = done.as_ref().and_then(|(d, _)| match &d.answer {
        Answer::Plan(plan) => Some(&**plan),
        _ => None,
    });
    let body = match answer {
        None => html! { <p class="muted" aria-busy="true">{ T::Computing.get(lang) }</p> },
        Some(answer) => {
            let shown = match answer {
                Err(e) => html! { <p id="plan-error" class="note">{ plan_error(e, lang) }</p> },
                Ok(plan) => plan_view(props, plan, fresh),
            };
            kept_answer(fresh, shown)
        }
    };
    html! {
        <div class="goal-plan" id="goal-plan">
            <h3>{ PlanText::Title.get(lang) }</h3>
            { body }
        </div>
    }
}

fn plan_view(props: &Props, plan: &Plan, fresh: bool) -> Html {
    let lang = props.lang;
    let sc = props.valid.scenario();
    let i = props.source;
    let name = &sc.sources[i].name;
    let planned = plan_amounts(plan, i);
    let target = &sc.target;
    let best = plan
        .years
        .iter()
        .find(|y| y.year == target.year)
        .map_or(Decimal::ZERO, |y| y.coverage_end);
    let meaning = plan_meaning(name, target, plan.met, best, lang);
    let notes: Vec<String> = plan
        .years
        .iter()
        .filter_map(|y| {
            let short = y.short.as_ref()?;
            Some(shortfall(y.year, short, lang))
        })
        .collect();
    let applied = plan_applied(sc, plan, i);
    let apply = {
        let on_action = props.on_action.clone();
        let planned = planned.clone();
        Callback::from(move |_| on_action.emit(Action::ApplyPlan(i, planned.clone())))
    };
    html! {<>
        <p id="plan-meaning" class={classes!("answer", (!plan.met).then_some("bad"))}>{ meaning }</p>
        <div class="table-scroll" tabindex="0">
            <table id="plan-table" class="plan-table">
                <caption class="sr-only">{ PlanText::Caption.get(lang) }{ ": " }{ name }</caption>
                <thead><tr>
                    <th scope="col">{ T::Year.get(lang) }</th>
                    <th scope="col" class="num">{ PlanText::Amount.get(lang) }</th>
                    <th scope="col" class="num">{ PlanText::CoverageEnd.get(lang) }</th>
                    <th scope="col" class="num">{ PlanText::Idle.get(lang) }</th>
                    <th scope="col">{ PlanText::LimitColumn.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for plan.years.iter().map(|y| {
                        let amount = planned.iter().find(|(year, _)| *year == y.year).map(|(_, a)| *a);
                        html! {
                            <tr class={classes!(y.short.is_some().then_some("short"))} data-year={y.year.to_string()}>
                                <th scope="row">{ y.year }{ if y.short.is_some() { " *" } else { "" } }</th>
                                <td class="num plan-amount">{ amount.map(|a| format::whole_rupiah(a, lang)).unwrap_or_else(|| "—".into()) }</td>
                                <td class="num">{ format::percent(y.coverage_end, lang) }</td>
                                <td class="num">{ format::whole_rupiah(y.idle, lang) }</td>
                                <td class="plan-limit">{ y.short.as_ref().map_or("—", |s| limit_word(s.limit, lang)) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        if !notes.is_empty() {
            <ul class="plan-short" id="plan-short">
                { for notes.iter().map(|n| html! { <li>{ "* " }{ n }</li> }) }
            </ul>
        }
        <button type="button" id="plan-apply" onclick={apply} disabled={applied || planned.is_empty() || !fresh}>
            { if applied { PlanText::Applied.get(lang) } else { PlanText::Apply.get(lang) } }
        </button>
    </>}
}
