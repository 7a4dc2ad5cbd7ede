//! "Berapa anggaran yang dibutuhkan agar X% terlindungi pada tahun Y?": goal-seek for one
//! source, and what its current amount keeps covered. The answer is computed just after
//! the inputs settle (so slider drags stay fast), and one click applies it.

use crate::engine::solve::{
    coverage_for_budget, solve_budget, with_amount, BudgetAnswer, CoverageAnswer, Unreachable,
};
use crate::engine::{Parameters, ValidScenario};
use crate::ui::format;
use crate::ui::i18n::{month_name, Lang, T};
use crate::ui::state::{Action, Field, SourceField};
use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub params: Rc<Parameters>,
    pub valid: Rc<ValidScenario>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

type Answer = (Result<BudgetAnswer, Unreachable>, Option<CoverageAnswer>);

/// Milliseconds the inputs must stay still before the goal-seek runs.
const SETTLE_MS: u32 = 120;

fn unreachable_text(why: &Unreachable, lang: Lang) -> String {
    match (why, lang) {
        (Unreachable::VerificationBinds { best_ratio, year }, Lang::Id) => format!(
            "Verifikasi menjadi hambatan: paling banyak {} pekerja terverifikasi pada akhir {year}, berapa pun anggarannya. Tambah kapasitas verifikasi atau data calon peserta.",
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::VerificationBinds { best_ratio, year }, Lang::En) => format!(
            "Verification binds: at most {} of workers are verified by the end of {year}, whatever the budget. Raise verification capacity or the list.",
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::SourceInactive { year }, Lang::Id) => format!("Sumber ini tidak membayar apa pun sebelum akhir {year}."),
        (Unreachable::SourceInactive { year }, Lang::En) => format!("This source pays nothing before the end of {year}."),
        (Unreachable::CapBinds { cap, best_ratio, .. }, Lang::Id) => format!(
            "Batas {} pekerja pada sumber ini menghalangi: paling tinggi {}.",
            format::number(*cap, lang),
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::CapBinds { cap, best_ratio, .. }, Lang::En) => format!(
            "This source's cap of {} workers stops it: at best {}.",
            format::number(*cap, lang),
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::TooExpensive { best_ratio, .. }, Lang::Id) => {
            format!("Tidak tercapai bahkan dengan Rp10 triliun per tahun (paling tinggi {}).", format::percent(*best_ratio, lang))
        }
        (Unreachable::TooExpensive { best_ratio, .. }, Lang::En) => {
            format!("Not reached even with Rp10 trillion a year (at best {}).", format::percent(*best_ratio, lang))
        }
        (Unreachable::NoSuchSource, _) => T::NoSources.get(lang).to_string(),
    }
}

#[component]
pub fn GoalSeek(props: &Props) -> Html {
    let lang = props.lang;
    let sc = &props.valid;
    let source = use_state(|| 0usize);
    let index = (*source).min(sc.sources.len().saturating_sub(1));
    let answer = use_state(|| None::<Answer>);
    {
        let answer = answer.clone();
        let params = props.params.clone();
        use_effect_with((props.valid.clone(), index), move |(valid, index)| {
            answer.set(None);
            let (valid, index) = (valid.clone(), *index);
            let timer = Timeout::new(SETTLE_MS, move || {
                let need = solve_budget(&params, &valid, index);
                let current = current_amount(&valid, index)
                    .and_then(|a| coverage_for_budget(&params, &valid, index, a).ok());
                answer.set(Some((need, current)));
            });
            move || drop(timer)
        });
    }
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
    let question = match lang {
        Lang::Id => format!(
            "Berapa anggaran yang dibutuhkan agar {} terlindungi pada tahun {}?",
            format::percent(sc.target.coverage, lang),
            sc.target.year
        ),
        Lang::En => format!(
            "What budget protects {} of workers by {}?",
            format::percent(sc.target.coverage, lang),
            sc.target.year
        ),
    };
    let body = match (&*answer, sc.sources.is_empty()) {
        (_, true) => html! { <p>{ T::NoSources.get(lang) }</p> },
        (None, _) => html! { <p class="muted" aria-busy="true">{ T::Computing.get(lang) }</p> },
        (Some((need, current)), _) => {
            let name = &sc.sources[index].name;
            let need_html = match need {
                Ok(a) => {
                    let applied = current_amount(sc, index) == Some(a.yearly_amount);
                    let apply = {
                        let on_action = props.on_action.clone();
                        let valid = sc.clone();
                        let amount = a.yearly_amount;
                        Callback::from(move |_| {
                            let next = with_amount(&valid, index, amount).into_inner();
                            on_action.emit(Action::Replace(Box::new(next)));
                        })
                    };
                    let sentence = match lang {
                        Lang::Id => format!(
                            "{name} perlu {} per tahun ({}); target tercapai pada {} {}.",
                            format::rupiah_compact(a.yearly_amount, lang),
                            format::rupiah(a.yearly_amount),
                            month_name(a.reached.month, lang),
                            a.reached.year
                        ),
                        Lang::En => format!(
                            "{name} needs {} a year ({}); the target is reached in {} {}.",
                            format::rupiah_compact(a.yearly_amount, lang),
                            format::rupiah(a.yearly_amount),
                            month_name(a.reached.month, lang),
                            a.reached.year
                        ),
                    };
                    html! {<>
                        <p id="goal-answer" class="answer">{ sentence }</p>
                        <button type="button" id="goal-apply" onclick={apply} disabled={applied}>
                            { if applied { T::Applied.get(lang) } else { T::Apply.get(lang) } }
                        </button>
                    </>}
                }
                Err(why) => html! {
                    <p id="goal-answer" class="answer bad"><strong>{ T::Unreachable.get(lang) }{": "}</strong>{ unreachable_text(why, lang) }</p>
                },
            };
            let current_html = current.as_ref().map(|c| {
                let text = match lang {
                    Lang::Id => format!(
                        "Dengan {} per tahun, {name} membiayai {} pekerja-tahun; di akhir horizon menanggung {} pekerja.",
                        format::rupiah_compact(c.yearly_amount, lang),
                        format::number(c.affordable_workers, lang),
                        format::number(c.workers_covered_by_source, lang)
                    ),
                    Lang::En => format!(
                        "With {} a year, {name} pays for {} worker-years; at the end of the horizon it covers {} workers.",
                        format::rupiah_compact(c.yearly_amount, lang),
                        format::number(c.affordable_workers, lang),
                        format::number(c.workers_covered_by_source, lang)
                    ),
                };
                html! { <p class="muted" id="goal-current">{ text }</p> }
            });
            html! {<>{ need_html }{ current_html }</>}
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
        </section>
    }
}

/// The source's yearly Rupiah amount, if it uses that rule.
fn current_amount(sc: &ValidScenario, index: usize) -> Option<Decimal> {
    Field::Source(index, SourceField::Yearly).get(sc)
}
