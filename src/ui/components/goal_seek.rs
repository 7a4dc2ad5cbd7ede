//! "Berapa anggaran yang dibutuhkan agar X% terlindungi pada tahun Y?": goal-seek for one
//! source, and what its current amount keeps covered. The answer is computed just after
//! the inputs settle (so slider drags stay fast), and one click applies it. Meanwhile the
//! last answer stays in place, dimmed and marked busy, with its button off. Under the flat
//! amount, when asked, the flat amount with an 80% chance of reaching the target over the
//! uncertain assumptions' draws (the flat amount takes each at its most likely value, so its
//! chance can be low); below, the plan by year for the same source (`GoalPlan`). What it has
//! answered for the scenario shown goes up to the app (`on_answers`) for the printed brief.

use super::goal_plan::GoalPlan;
use crate::engine::jobs::{Answer, Job};
use crate::engine::scenario::{Amount, Scenario};
use crate::engine::solve::{with_amount, BudgetAnswer, Unreachable};
use crate::engine::uncertainty::{ChanceSearch, ChanceStep, UncertaintyError};
use crate::engine::{Rupiah, ValidScenario};
use crate::locale::Lang;
use crate::ui::compute::{kept_answer, use_job, use_settled_answer, Done};
use crate::ui::i18n::goal_seek::{
    budget_answer, chance_answer, chance_unreachable, coverage_answer, question, why_unreachable,
    ChanceText, PlanText,
};
use crate::ui::i18n::uncertainty::error as uncertainty_error;
use crate::ui::i18n::T;
use crate::ui::state::{Action, Field, SourceField};
use crate::ui::uncertainty::{FULL_DRAWS, SEED};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub valid: Rc<ValidScenario>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// Told what has been answered for the scenario shown, each time that changes.
    #[prop_or_default]
    pub on_answers: Callback<GoalAnswers>,
}

/// What the goal-seek has answered for a scenario: the flat amount of the source asked
/// about and, once asked, the flat amount with an 80% chance (the printed brief shows them).
#[derive(Clone, Debug, PartialEq)]
pub struct GoalAnswers {
    pub scenario: Scenario,
    /// The source's name.
    pub source: String,
    pub need: Result<BudgetAnswer, Unreachable>,
    /// The amount for a `CHANCE_PCT`% chance, when asked for this scenario (or applied to
    /// make it).
    pub for_chance: Option<Result<Rupiah, UncertaintyError>>,
}

/// Milliseconds the inputs must stay still before the goal-seek runs.
const SETTLE_MS: u32 = 120;

/// The chance of reaching the target that "Hitung anggaran untuk peluang" asks for, in
/// percent.
pub const CHANCE_PCT: u32 = 80;

#[component]
pub fn GoalSeek(props: &Props) -> Html {
    let lang = props.lang;
    let sc = &props.valid;
    let source = use_state(|| 0usize);
    let index = (*source).min(sc.sources.len().saturating_sub(1));
    let job = use_memo((props.valid.clone(), index), |(valid, index)| {
        Some(Rc::new(Job::GoalSeek {
            scenario: valid.scenario().clone(),
            source: *index,
            current: current_amount(valid, *index),
        }))
    });
    // While a newer answer settles, the last one stays, dimmed and its button off.
    let done = use_settled_answer((*job).clone(), SETTLE_MS);
    let fresh = done.as_ref().is_some_and(|(_, fresh)| *fresh);
    let answer = done.as_ref().and_then(|(d, _)| match &d.answer {
        Answer::GoalSeek { need, current } => Some((need, current)),
        _ => None,
    });
    let on_source = {
        let source = source.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                source.set(i);
            }
        })
    };
    // The budget for a chance of reaching the target, worked out on the draws' lane when
    // asked (it runs the draws for each amount tried: seconds, not milliseconds), with the
    // draws and seed of the chance shown beside the target, so an applied answer shows it.
    // It is asked one step (one amount tried) at a time: each answer that says where the
    // search goes on asks the next step while the scenario is still the one asked about, so
    // a move in between stops the search, and the bands of the move wait for one step at
    // most, not for the whole search.
    let chance_asked = use_state(|| None::<Rc<Job>>);
    let chance_done = use_job((*chance_asked).clone());
    // Whether a job asked for is this scenario's (compared only once one is asked).
    let is_current = |job: &Job| {
        matches!(job, Job::BudgetForChance { scenario, source, .. }
            if *source == index && scenario == sc.scenario())
    };
    let next_step = chance_done.as_ref().and_then(|d| match &d.answer {
        Answer::BudgetForChance(Ok(ChanceStep::Searching(next)))
            if is_current(&d.job) && chance_asked.as_deref() == Some(d.job.as_ref()) =>
        {
            let mut job = d.job.as_ref().clone();
            if let Job::BudgetForChance { search, .. } = &mut job {
                *search = *next;
            }
            Some(Rc::new(job))
        }
        _ => None,
    });
    use_effect_with(next_step, {
        let chance_asked = chance_asked.clone();
        move |next: &Option<Rc<Job>>| {
            if let Some(next) = next {
                chance_asked.set(Some(next.clone()));
            }
        }
    });
    let (chance_html, for_chance) = {
        // Or the answer that made this scenario: its amount applied to the scenario asked for.
        let applied = |d: &Done| match (d.job.as_ref(), &d.answer) {
            (
                Job::BudgetForChance {
                    scenario, source, ..
                },
                Answer::BudgetForChance(Ok(ChanceStep::Found(amount))),
            ) => *source == index && amount_applied(scenario, index, *amount, sc.scenario()),
            _ => false,
        };
        // A search's end: its amount, or why there is none.
        let ended = |d: &Done| match &d.answer {
            Answer::BudgetForChance(Ok(ChanceStep::Found(amount))) => Some(Ok(*amount)),
            Answer::BudgetForChance(Err(e)) => Some(Err(e.clone())),
            _ => None,
        };
        let answered = chance_done
            .as_ref()
            .filter(|d| is_current(&d.job) || applied(d))
            .and_then(|d| Some((ended(d)?, !is_current(&d.job))));
        let name = sc.sources.get(index).map(|s| s.name.as_str()).unwrap_or("");
        let for_chance = answered.as_ref().map(|(result, _)| result.clone());
        let html = match answered {
            Some((Ok(amount), applied)) => {
                let apply = {
                    let (on_action, valid) = (props.on_action.clone(), sc.clone());
                    Callback::from(move |_| {
                        let next = with_amount(&valid, index, amount).into_inner();
                        on_action.emit(Action::Replace(Box::new(next)));
                    })
                };
                html! {<>
                    <p id="goal-chance-answer" class="answer">{ chance_answer(name, amount, CHANCE_PCT, FULL_DRAWS, lang) }</p>
                    <button type="button" id="goal-chance-apply" onclick={apply} disabled={applied}>
                        { if applied { T::Applied.get(lang) } else { T::Apply.get(lang) } }
                    </button>
                </>}
            }
            Some((Err(UncertaintyError::Unreachable(_)), _)) => html! {
                <p id="goal-chance-answer" class="answer bad">{ chance_unreachable(name, CHANCE_PCT, lang) }</p>
            },
            Some((Err(e), _)) => html! {
                <p id="goal-chance-answer" class="answer bad">{ uncertainty_error(&e, lang) }</p>
            },
            _ if chance_asked.as_deref().is_some_and(is_current) => html! {
                <p class="muted" id="goal-chance-answer" aria-busy="true">{ ChanceText::Working.get(CHANCE_PCT, FULL_DRAWS, lang) }</p>
            },
            _ => {
                let ask = {
                    let (asked, valid) = (chance_asked.clone(), sc.clone());
                    Callback::from(move |_| {
                        asked.set(Some(Rc::new(Job::BudgetForChance {
                            scenario: valid.scenario().clone(),
                            source: index,
                            probability: Decimal::new(i64::from(CHANCE_PCT), 2),
                            draws: FULL_DRAWS,
                            seed: SEED,
                            search: ChanceSearch::default(),
                        })))
                    })
                };
                html! {
                    <button type="button" id="goal-chance" class="print-button" onclick={ask}>{ ChanceText::Ask.get(CHANCE_PCT, FULL_DRAWS, lang) }</button>
                }
            }
        };
        (html, for_chance)
    };
    // What is answered for the scenario shown (none while a newer answer settles).
    let answers = answer.filter(|_| fresh).and_then(|(need, _)| {
        Some(GoalAnswers {
            scenario: sc.scenario().clone(),
            source: sc.sources.get(index)?.name.clone(),
            need: need.clone(),
            for_chance: for_chance.clone(),
        })
    });
    use_effect_with(answers, {
        let on_answers = props.on_answers.clone();
        move |answers: &Option<GoalAnswers>| {
            if let Some(answers) = answers {
                on_answers.emit(answers.clone());
            }
        }
    });
    let question = question(&sc.target, lang);
    let body = match (answer, sc.sources.is_empty()) {
        (_, true) => html! { <p>{ T::NoSources.get(lang) }</p> },
        (None, _) => html! { <p class="muted" aria-busy="true">{ T::Computing.get(lang) }</p> },
        (Some((need, current)), _) => {
            let name = &sc.sources[index].name;
            // With amounts set by year (an applied plan) the flat amount is not what the
            // source pays: not "applied", and its reach is not shown.
            let by_year = !sc.sources[index].by_year.is_empty();
            let need_html = match need {
                Ok(a) => {
                    // Applied: the source pays this amount every year (no year of an
                    // applied plan has an amount of its own).
                    let applied = current_amount(sc, index) == Some(a.yearly_amount) && !by_year;
                    let apply = {
                        let on_action = props.on_action.clone();
                        let valid = sc.clone();
                        let amount = a.yearly_amount;
                        Callback::from(move |_| {
                            let next = with_amount(&valid, index, amount).into_inner();
                            on_action.emit(Action::Replace(Box::new(next)));
                        })
                    };
                    let sentence = budget_answer(name, a, lang);
                    html! {<>
                        <p id="goal-answer" class="answer">{ sentence }</p>
                        <button type="button" id="goal-apply" onclick={apply} disabled={applied || !fresh}>
                            { if applied { T::Applied.get(lang) } else { T::Apply.get(lang) } }
                        </button>
                    </>}
                }
                Err(why) => html! {
                    <p id="goal-answer" class="answer bad"><strong>{ T::Unreachable.get(lang) }{": "}</strong>{ why_unreachable(why, lang) }</p>
                },
            };
            let current_html = current.as_ref().filter(|_| !by_year).map(|c| {
                let text = coverage_answer(
                    name,
                    c,
                    sc.horizon.start.year,
                    sc.horizon.last_month(),
                    lang,
                );
                html! { <p class="muted" id="goal-current">{ text }</p> }
            });
            kept_answer(
                fresh,
                html! {<>
                    <h3>{ PlanText::FlatTitle.get(lang) }</h3>
                    { need_html }{ current_html }
                    if need.is_ok() {
                        <div class="goal-chance">{ chance_html.clone() }</div>
                    }
                </>},
            )
        }
    };
    html! {
        <section class="goal-seek" aria-labelledby="goal-title" aria-live="polite">
            <h2 id="goal-title">{ T::GoalSeek.get(lang) }</h2>
            <p class="question">{ question }</p>
            if !sc.sources.is_empty() {
                <div class="field">
                    <label for="goal-source">{ T::GoalSeekSource.get(lang) }</label>
                    <select id="goal-source" onchange={on_source}>
                        { for sc.sources.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == index}>{ &s.name }</option>
                        }) }
                    </select>
                </div>
            }
            { body }
            if !sc.sources.is_empty() {
                <GoalPlan valid={props.valid.clone()} source={index}
                    {lang} on_action={props.on_action.clone()} />
            }
        </section>
    }
}

/// The source's yearly Rupiah amount, if it uses that rule.
fn current_amount(sc: &ValidScenario, index: usize) -> Option<Decimal> {
    Field::Source(index, SourceField::Yearly).get(sc)
}

/// Whether `now` is `asked` with source `index` paying `amount` a year (as "Terapkan" sets
/// it), so that an applied answer stays shown as applied.
fn amount_applied(asked: &Scenario, index: usize, amount: Decimal, now: &Scenario) -> bool {
    let mut applied = asked.clone();
    match applied.sources.get_mut(index) {
        Some(source) => {
            source.amount = Amount::Rupiah { yearly: amount };
            source.by_year.clear();
            applied == *now
        }
        None => false,
    }
}
