//! One chart: title, the inline SVG, a one-sentence summary, and a "show data" table.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub title: AttrValue,
    pub svg: AttrValue,
    pub summary: AttrValue,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub show_data: AttrValue,
}

#[component]
pub fn ChartCard(props: &Props) -> Html {
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption><h3>{ &props.title }</h3></figcaption>
            <div class="chart-svg">{ Html::from_html_unchecked(props.svg.clone()) }</div>
            <p class="chart-summary">{ &props.summary }</p>
            <details class="chart-data">
                <summary>{ &props.show_data }</summary>
                <div class="table-scroll">
                    <table>
                        <thead><tr>{ for props.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for props.rows.iter().map(|r| html! {
                                <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
