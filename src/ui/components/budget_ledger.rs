//! The ledger of each funding source by fiscal year: the amount it had (pagu), the
//! contributions it paid and what it left unspent, in whole Rupiah. This is where an amount
//! set for a year, by hand or by the goal-seek's plan, can be read back exactly.

use crate::engine::Outcome;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::sources::SourceText;
use crate::ui::i18n::T;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
}

#[component]
pub fn BudgetLedger(props: &Props) -> Html {
    let o = &props.outcome;
    let lang = props.lang;
    let row = |id: String, label: &'static str, cells: Vec<Decimal>| {
        html! {
            <tr {id}>
                <th scope="row">{ label }</th>
                { for cells.into_iter().map(|c| html! { <td class="num">{ format::whole_rupiah(c, lang) }</td> }) }
            </tr>
        }
    };
    let pick = |f: fn(&crate::engine::YearResult) -> &Vec<Decimal>, i: usize| -> Vec<Decimal> {
        o.years
            .iter()
            .map(|y| f(y).get(i).copied().unwrap_or_default())
            .collect()
    };
    html! {
        <section class="results-table ledger" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{ SourceText::LedgerTitle.get(lang) }</h2>
            <p class="note">{ SourceText::LedgerNote.get(lang) }</p>
            <div class="table-scroll" tabindex="0">
                <table id="budget-ledger">
                    <thead><tr>
                        <th scope="col">{ T::BriefSource.get(lang) }</th>
                        { for o.years.iter().map(|y| html! { <th scope="col" class="num">{ y.year }</th> }) }
                    </tr></thead>
                    { for o.source_names.iter().enumerate().map(|(i, name)| html! {
                        <tbody>
                            <tr class="ledger-source"><th scope="rowgroup" colspan={(o.years.len() + 1).to_string()}>{ name }</th></tr>
                            { row(format!("ledger-budget-{i}"), SourceText::LedgerBudget.get(lang), pick(|y| &y.budget_by_source, i)) }
                            { row(format!("ledger-paid-{i}"), SourceText::LedgerPaid.get(lang), pick(|y| &y.contributions_by_source, i)) }
                            { row(format!("ledger-unspent-{i}"), SourceText::LedgerUnspent.get(lang), pick(|y| &y.unspent_by_source, i)) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}
