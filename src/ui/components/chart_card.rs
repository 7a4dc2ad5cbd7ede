//! One chart: title, the inline SVG, a one-sentence summary, and a "show data" table.

use crate::charts::Chart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub chart: Rc<Chart>,
    pub show_data: AttrValue,
}

#[component]
pub fn ChartCard(props: &Props) -> Html {
    let chart = &props.chart;
    html! {
        <figure class="chart" id={chart.kind.code()}>
            <figcaption><h3>{ &chart.title }</h3></figcaption>
            <div class="chart-svg">{ Html::from_html_unchecked(AttrValue::from(chart.svg.clone())) }</div>
            <p class="chart-summary">{ &chart.summary }</p>
            <details class="chart-data">
                <summary>{ &props.show_data }</summary>
                <div class="table-scroll" tabindex="0">
                    <table>
                        <thead><tr>{ for chart.table.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for chart.table.rows.iter().map(|r| html! {
                                <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
