//! The yearly results table: the same columns as the CLI's CSV, formatted for reading.

use super::groups_panel::GroupCoverage;
use crate::engine::report;
use crate::engine::Outcome;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::T;
use rust_decimal::Decimal;
use std::rc::Rc;
use std::str::FromStr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
}

/// A CSV cell made readable: whole numbers grouped, ratios as percent.
fn readable(column: &str, cell: &str, lang: Lang) -> String {
    let Ok(d) = Decimal::from_str(cell) else {
        return cell.to_string();
    };
    if column == "year" {
        cell.to_string()
    } else if column == "coverage_ratio" {
        format::percent(d, lang)
    } else if column.starts_with("expected_") {
        format::decimal(d, 1, lang)
    } else {
        format::decimal(d, 0, lang)
    }
}

#[component]
pub fn ResultsTable(props: &Props) -> Html {
    let header = report::header(&props.outcome);
    html! {
        <section class="results-table" aria-labelledby="yearly-title">
            <h2 id="yearly-title">{ T::YearlyResults.get(props.lang) }</h2>
            <div class="table-scroll" tabindex="0">
                <table id="yearly-table">
                    <thead><tr>{ for header.iter().map(|h| html! { <th scope="col"><code>{ h }</code></th> }) }</tr></thead>
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
