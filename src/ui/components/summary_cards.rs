//! The headline figures: coverage against the target, when the target is reached, cost,
//! who pays, Rp per protected worker-year, and what families can expect back (an estimate,
//! rounded and marked as such), and the chance of reaching the target over the uncertain
//! assumptions (worked out by `ui::uncertainty` once the inputs settle).

use crate::charts::PALETTE;
use crate::engine::outcome::{ratio, Outcome};
use crate::engine::Scenario;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::summary::{
    covered_of, expected_deaths, per_worker_year, target_by, target_status,
};
use crate::ui::i18n::uncertainty::{chance, chance_label, draws_note, draws_note_full, error};
use crate::ui::i18n::{month_name, T};
use crate::ui::uncertainty::Chance;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub scenario: Scenario,
    pub lang: Lang,
    /// The chance of reaching the target; pending until worked out.
    #[prop_or(Chance::Pending)]
    pub chance: Chance,
}

#[component]
pub fn SummaryCards(props: &Props) -> Html {
    let o = &props.outcome;
    let lang = props.lang;
    let last = o.last_month();
    let coverage = ratio(last.covered, last.population);
    let target = &props.scenario.target;
    let reached = match o.target_reached {
        Some(d) => format!("{} {}", month_name(d.month, lang), d.year),
        None => T::NotReached.get(lang).to_string(),
    };
    let met_class = if o.target_met { "good" } else { "bad" };
    let status = target_status(
        target,
        o.target_reached,
        o.target_met,
        o.target_fell_below,
        lang,
    );
    let total = o.totals.contributions;
    let first_year = o
        .years
        .first()
        .map(|y| (y.year, y.contributions_total))
        .unwrap_or_default();
    let vs_target = target_by(target, lang);
    let of_workers = covered_of(last.covered, last.population, lang);
    let per_worker = o
        .totals
        .cost_per_worker_year
        .map(|r| per_worker_year(&format::rupiah_in(r, lang), lang))
        .unwrap_or_default();
    html! {
        <>
        <section class="cards" aria-label={T::Results.get(lang)}>
            <div class="card" id="card-coverage">
                <h3>{ T::CardCoverage.get(lang) }</h3>
                <p class="big">{ format::percent(coverage, lang) }</p>
                <p>{ of_workers }</p>
                <p class={met_class}>{ vs_target }</p>
            </div>
            <div class="card" id="card-target">
                <h3>{ T::CardTarget.get(lang) }</h3>
                <p class={classes!("big", met_class)}>{ reached }</p>
                if let Some(status) = status {
                    <p class={met_class} id="target-status">{ status }</p>
                }
            </div>
            <div class="card" id="card-cost">
                <h3>{ T::CardCostYear.get(lang) }{ format!(" ({})", first_year.0) }</h3>
                <p class="big">{ format::rupiah_compact(first_year.1, lang) }</p>
                <p>{ T::CardCostHorizon.get(lang) }{ ": " }{ format::rupiah_compact(total, lang) }</p>
                <p id="card-per-worker">{ per_worker }</p>
            </div>
            <div class="card wide" id="card-shares">
                <h3>{ T::CardShares.get(lang) }</h3>
                if o.source_names.is_empty() {
                    <p class="muted">{ T::NoSources.get(lang) }</p>
                }
                <ul class="shares">
                    { for o.source_names.iter().enumerate().map(|(i, name)| {
                        let paid = o.totals.contributions_by_source[i];
                        let share = if total > Decimal::ZERO { paid / total } else { Decimal::ZERO };
                        html! {
                            <li>
                                <span class="swatch" style={format!("background:{}", PALETTE[i % PALETTE.len()])}></span>
                                { name }{ ": " }<strong>{ format::percent(share, lang) }</strong>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <div class="card" id="card-benefits">
                <h3>{ T::CardBenefits.get(lang) }</h3>
                <p class="big">{ format!("≈ {}", format::rupiah_compact(o.totals.benefits_paid, lang)) }</p>
                <p>{ expected_deaths(o.totals.expected_deaths, lang) }</p>
            </div>
        </section>
        { chance_html(&props.chance, target.year, lang) }
        </>
    }
}

/// "Peluang mencapai target 2029: 72%", with how many draws it rests on: one line under
/// the cards, so that the headline keeps its height and the main chart its room.
fn chance_html(c: &Chance, year: i32, lang: Lang) -> Html {
    let label = chance_label(year, lang);
    let line = match c {
        Chance::Pending => html! {
            <span id="target-chance" aria-busy="true">
                { label }{ ": " }<span class="muted">{ T::Computing.get(lang) }</span>
            </span>
        },
        Chance::Ready {
            probability,
            draws,
            refining,
        } => html! {
            <>
                <span id="target-chance" data-draws={draws.to_string()} data-final={(!refining).to_string()}>
                    { label }{ ": " }<strong id="target-chance-value">{ chance(*probability, lang) }</strong>
                </span>
                { " " }
                <span class="muted" id="target-chance-note" title={draws_note_full(*draws, lang)}>{ draws_note(*draws, *refining, lang) }</span>
            </>
        },
        Chance::Failed(e) => html! {
            <span class="bad" id="target-chance" role="alert">{ error(e, lang) }</span>
        },
    };
    html! { <p class="chance-line" aria-live="polite">{ line }</p> }
}
