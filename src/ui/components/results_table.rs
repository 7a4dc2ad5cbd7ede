//! The yearly results table: the same columns as the CLI's CSV, headed in the user's
//! language and formatted for reading; estimates are rounded and marked "≈".

use super::groups_panel::GroupCoverage;
use crate::engine::report;
use crate::engine::Outcome;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::summary::round_estimate;
use crate::ui::i18n::table;
use crate::ui::i18n::T;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;
use std::str::FromStr;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
}

/// A CSV cell made readable: whole numbers grouped, ratios as percent, estimates rounded.
fn readable(column: &str, cell: &str, lang: Lang) -> String {
    let Ok(d) = Decimal::from_str(cell) else {
        return cell.to_string();
    };
    if column == "year" {
        cell.to_string()
    } else if column == "coverage_ratio" {
        format::percent(d, lang)
    } else if column == "benefits_paid" || column == "jht_balance_end" {
        format!("≈ {}", format::rupiah_compact(d, lang))
    } else if table::is_estimate(column) {
        format!(
            "≈ {}",
            format::number_f64(round_estimate(d.to_f64().unwrap_or(f64::NAN)), lang)
        )
    } else {
        format::decimal(d, 0, lang)
    }
}

/// The headings of `header`, in order: fixed columns by name, then each source's payments
/// and budgets by the source's name.
fn headings(outcome: &Outcome, header: &[String], lang: Lang) -> Vec<String> {
    let mut paid = outcome.source_names.iter();
    let mut budget = outcome.source_names.iter();
    header
        .iter()
        .map(|code| match table::column(code, lang) {
            Some(h) => h.to_string(),
            None if code.starts_with("budget_") => {
                table::source_column(budget.next().map_or("", String::as_str), true, lang)
            }
            None => table::source_column(paid.next().map_or("", String::as_str), false, lang),
        })
        .collect()
}

#[component]
pub fn ResultsTable(props: &Props) -> Html {
    let header = report::header(&props.outcome);
    let names = headings(&props.outcome, &header, props.lang);
    html! {
        <section class="results-table" aria-labelledby="yearly-title">
            <h2 id="yearly-title">{ T::YearlyResults.get(props.lang) }</h2>
            <div class="table-scroll" tabindex="0">
                <table id="yearly-table">
                    <thead><tr>{ for names.iter().zip(&header).map(|(h, code)| html! {
                        <th scope="col" data-column={code.clone()}>{ h }</th>
                    }) }</tr></thead>
                    <tbody>
                        { for props.outcome.years.iter().map(|y| html! {
                            <tr>{ for report::row(y).iter().zip(&header).map(|(c, h)| html! {
                                <td>{ readable(h, c, props.lang) }</td>
                            }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <GroupCoverage outcome={props.outcome.clone()} lang={props.lang} />
        </section>
    }
}
