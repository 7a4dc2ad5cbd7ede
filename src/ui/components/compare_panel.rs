//! Two to four scenarios side by side: coverage and cost curves overlaid (one colour, line
//! style and marker each), the headline figures with their differences from the first
//! scenario, and "Apa yang berbeda", the inputs that differ.
//!
//! The component has what it is given simulated (on the quick background lane, `compute`);
//! it holds no scenario state. What the tables
//! say (`summary_rows`, `differences`) is worked out in `ui::compare`, tested natively.

use crate::charts::{compare, ChartKind, CompareKind, Request, Source};
use crate::engine::jobs::{Answer, Job};
use crate::engine::{Outcome, Parameters, Scenario, ScenarioError};
use crate::locale::Lang;
use crate::ui::compare::{differences, summary_rows, Difference, SummaryRow};
use crate::ui::components::chart_card::ChartCard;
use crate::ui::compute::{use_job, Arrival};
use crate::ui::i18n::compare::{text, Text};
use crate::ui::i18n::{scenario_error, T};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Two to four scenarios with the names to show; the first is the reference.
    pub items: Rc<Vec<(String, Scenario)>>,
    pub params: Rc<Parameters>,
    pub lang: Lang,
}

/// A scenario simulated, or why it could not be.
type Simulated = Result<(String, Rc<Outcome>, Scenario), (String, ScenarioError)>;

/// Everything drawn, derived once per change of scenarios or language.
#[derive(PartialEq)]
struct Drawn {
    cards: Vec<Rc<Request>>,
    summary: Vec<SummaryRow>,
    differences: Vec<Difference>,
}

#[component]
pub fn ComparePanel(props: &Props) -> Html {
    let lang = props.lang;
    // Validated here, for the messages; simulated off the page's thread.
    let checked = use_memo(
        (props.items.clone(), props.params.clone()),
        |(items, params)| {
            items
                .iter()
                .map(|(name, sc)| {
                    (
                        name.clone(),
                        sc.clone().validate(params).map(|_| sc.clone()),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    let job = use_memo(checked.clone(), |checked| {
        let valid = checked
            .iter()
            .filter_map(|(_, sc)| sc.as_ref().ok().cloned());
        Rc::new(Job::Outcomes(valid.collect()))
    });
    let done = use_job(Some((*job).clone())).filter(|d| d.answers(&job));
    let answered = done.is_some();
    let simulated = use_memo((checked, done.map(Arrival)), |(checked, done)| {
        let Some(Answer::Outcomes(outcomes)) = done.as_ref().map(|d| &d.0.answer) else {
            return Vec::new();
        };
        let mut outcomes = outcomes.iter();
        checked
            .iter()
            .filter_map(|(name, sc)| match sc {
                Ok(sc) => match outcomes.next()? {
                    Ok(o) => Some(Ok((name.clone(), Rc::new(o.clone()), sc.clone()))),
                    Err(_) => None,
                },
                Err(e) => Some(Err((name.clone(), e.clone()))),
            })
            .collect::<Vec<Simulated>>()
    });
    let drawn = use_memo((simulated.clone(), lang), |(simulated, lang)| {
        let lang = *lang;
        let ok: Vec<&(String, Rc<Outcome>, Scenario)> =
            simulated.iter().filter_map(|s| s.as_ref().ok()).collect();
        let series: Vec<compare::Compared> = ok
            .iter()
            .map(|(n, o, _)| (n.as_str(), o.as_ref()))
            .collect();
        let scenarios: Vec<&Scenario> = ok.iter().map(|(_, _, s)| s).collect();
        Drawn {
            cards: [CompareKind::Coverage, CompareKind::Cost]
                .into_iter()
                .map(|kind| {
                    Rc::new(Request {
                        kind: ChartKind::Compare(kind),
                        lang,
                        source: Source::Compare(
                            ok.iter().map(|(n, o, _)| (n.clone(), o.clone())).collect(),
                        ),
                    })
                })
                .collect(),
            summary: summary_rows(&series, lang),
            differences: differences(&scenarios, lang),
        }
    });
    let names: Vec<&str> = simulated
        .iter()
        .filter_map(|s| s.as_ref().ok().map(|(n, _, _)| n.as_str()))
        .collect();
    let failed: Vec<String> = simulated
        .iter()
        .filter_map(|s| s.as_ref().err())
        .map(|(name, e)| {
            format!(
                "{name} {}: {}",
                text(Text::CannotCompare, lang),
                scenario_error(e, lang)
            )
        })
        .collect();
    let header = |first: &'static str| {
        html! {
            <thead><tr>
                <th scope="col">{ first }</th>
                { for names.iter().enumerate().map(|(i, name)| html! {
                    <th scope="col">
                        <span class="compare-swatch">{ Html::from_html_unchecked(compare::swatch_svg(i).into()) }</span>
                        { *name }
                    </th>
                }) }
            </tr></thead>
        }
    };

    html! {
        <section class="group compare" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ text(Text::Title, lang) }</h2>
            if !failed.is_empty() {
                <div class="banner error" role="alert">
                    { for failed.iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
            if !answered {
                <p class="muted" aria-busy="true">{ T::Computing.get(lang) }</p>
            }
            if names.len() >= 2 {
                <div class="charts">
                    { for drawn.cards.iter().map(|chart| html! {
                        <ChartCard request={chart.clone()} show_data={T::ShowData.get(lang)} />
                    }) }
                </div>
                <h3 id="compare-summary-title">{ text(Text::Summary, lang) }</h3>
                <div class="table-scroll" tabindex="0">
                    <table class="compare-summary" id="compare-summary" aria-labelledby="compare-summary-title">
                        { header(text(Text::Figure, lang)) }
                        <tbody>
                            { for drawn.summary.iter().map(|row| html! {
                                <tr>
                                    <th scope="row">{ &row.label }</th>
                                    { for row.cells.iter().map(|(value, delta)| html! {
                                        <td>
                                            { value }
                                            if let Some(d) = delta {
                                                <br />
                                                <small class="delta" title={text(Text::DifferenceFromFirst, lang)}>{ d }</small>
                                            }
                                        </td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <h3 id="compare-differences-title">{ text(Text::Differences, lang) }</h3>
                if drawn.differences.is_empty() {
                    <p class="muted" id="compare-no-differences">{ text(Text::NoDifferences, lang) }</p>
                } else {
                    <div class="table-scroll" tabindex="0">
                        <table class="compare-differences" id="compare-differences" aria-labelledby="compare-differences-title">
                            { header(text(Text::Input, lang)) }
                            <tbody>
                                { for drawn.differences.iter().map(|d| html! {
                                    <tr data-path={d.path.clone()}>
                                        <th scope="row">{ &d.label }</th>
                                        { for d.values.iter().enumerate().map(|(i, v)| html! {
                                            <td class={classes!((i > 0 && *v != d.values[0]).then_some("differs"))}>{ v }</td>
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
        </section>
    }
}
