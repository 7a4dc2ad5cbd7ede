//! "Seluruh Indonesia": every province and kab/kota on its starting plan, worked out on the
//! slow background lane only while the section is open. A tile map of the 38 provinces
//! (no map data: each province a tile on a fixed grid, coloured by final coverage), the
//! nation's or a province's sentence, and a sortable table of its regions with the final
//! coverage drawn as a bar (sorted by coverage, a ranked bar chart). Choosing a province
//! (tile or row) drills down to its kab/kota; "Buka" opens one region's own scenario.

use super::group::track_open;
use crate::engine::jobs::{Answer, Job};
use crate::engine::regions::{self, NationalOutcome, RegionResult};
use crate::engine::Rupiah;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::compute::use_job;
use crate::ui::i18n::national::{payers, summary, text, Text};
use crate::ui::i18n::regions::name as place_name;
use crate::ui::state::Action;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// Each province's tile: its code, grid row and column (1-based), and short name.
const TILES: [(&str, u8, u8, &str); 38] = [
    ("11", 1, 1, "Aceh"),
    ("12", 2, 2, "Sumut"),
    ("13", 3, 2, "Sumbar"),
    ("14", 3, 3, "Riau"),
    ("15", 4, 3, "Jambi"),
    ("16", 5, 3, "Sumsel"),
    ("17", 4, 2, "Bengkulu"),
    ("18", 6, 3, "Lampung"),
    ("19", 4, 4, "Babel"),
    ("21", 2, 4, "Kepri"),
    ("31", 6, 5, "Jakarta"),
    ("32", 7, 5, "Jabar"),
    ("33", 7, 6, "Jateng"),
    ("34", 8, 6, "DIY"),
    ("35", 7, 7, "Jatim"),
    ("36", 7, 4, "Banten"),
    ("51", 7, 8, "Bali"),
    ("52", 7, 9, "NTB"),
    ("53", 7, 10, "NTT"),
    ("61", 3, 5, "Kalbar"),
    ("62", 4, 6, "Kalteng"),
    ("63", 4, 7, "Kalsel"),
    ("64", 2, 7, "Kaltim"),
    ("65", 1, 7, "Kaltara"),
    ("71", 1, 10, "Sulut"),
    ("72", 3, 8, "Sulteng"),
    ("73", 5, 9, "Sulsel"),
    ("74", 4, 10, "Sultra"),
    ("75", 2, 9, "Gorontalo"),
    ("76", 4, 8, "Sulbar"),
    ("81", 4, 11, "Maluku"),
    ("82", 2, 11, "Malut"),
    ("91", 3, 13, "Papua"),
    ("92", 3, 12, "Pabar"),
    ("93", 5, 13, "Papsel"),
    ("94", 4, 12, "Papteng"),
    ("95", 4, 13, "Papeg"),
    ("96", 3, 11, "PBD"),
];

/// The table's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Region,
    Workers,
    Coverage,
    Gap,
    Cost,
    PerWorker,
}

const COLUMNS: [(Column, Text); 6] = [
    (Column::Region, Text::Region),
    (Column::Workers, Text::Workers),
    (Column::Coverage, Text::Coverage),
    (Column::Gap, Text::Gap),
    (Column::Cost, Text::Cost),
    (Column::PerWorker, Text::PerWorker),
];

/// One region's row.
struct Row {
    code: String,
    name: String,
    workers: u64,
    coverage: Decimal,
    gap: u64,
    cost: Rupiah,
    per_worker: Option<Rupiah>,
}

impl Row {
    fn of(r: &RegionResult, lang: Lang) -> Self {
        let last = r.years.last();
        let (workers, covered) = last.map_or((0, 0), |y| (y.workers, y.covered));
        let wanted = (r.target.coverage * Decimal::from(workers)).ceil();
        let gap = (wanted - Decimal::from(covered)).max(Decimal::ZERO);
        let per_worker = last
            .filter(|y| y.covered > 0)
            .map(|y| (y.contributions / Decimal::from(y.covered)).round());
        let name = regions::catalogue()
            .ok()
            .and_then(|c| c.place(&r.code).ok())
            .map_or_else(|| r.name.clone(), |p| place_name(p, lang));
        Row {
            code: r.code.clone(),
            name,
            workers,
            coverage: last.map_or(Decimal::ZERO, |y| y.coverage),
            gap: gap.to_u64().unwrap_or(0),
            cost: r.total_contributions(),
            per_worker,
        }
    }

    fn cmp(&self, other: &Row, column: Column) -> Ordering {
        match column {
            Column::Region => self.name.cmp(&other.name),
            Column::Workers => self.workers.cmp(&other.workers),
            Column::Coverage => self.coverage.cmp(&other.coverage),
            Column::Gap => self.gap.cmp(&other.gap),
            Column::Cost => self.cost.cmp(&other.cost),
            Column::PerWorker => self.per_worker.cmp(&other.per_worker),
        }
        .then_with(|| self.code.cmp(&other.code))
    }
}

/// The colour step of a final coverage (0–4, by fifths).
fn step(coverage: Decimal) -> u8 {
    let fifths = (coverage * Decimal::from(5)).floor();
    fifths.to_u8().unwrap_or(0).min(4)
}

/// The sentence for the nation or a province.
fn sentence(r: &RegionResult, name: &str, lang: Lang) -> String {
    let (Some(first), Some(last)) = (r.years.first(), r.years.last()) else {
        return name.to_string();
    };
    let mut by = [Decimal::ZERO; 4];
    for y in &r.years {
        by[0] += y.by_payer.province;
        by[1] += y.by_payer.kab_kota;
        by[2] += y.by_payer.desa;
        by[3] += y.by_payer.other;
    }
    let words = payers(lang);
    let parts: Vec<String> = by
        .iter()
        .zip(words)
        .filter(|(amount, _)| **amount > Decimal::ZERO)
        .map(|(amount, who)| format!("{who} {}", format::rupiah_compact(*amount, lang)))
        .collect();
    summary(
        name,
        &format::number(last.workers, lang),
        &format::percent(last.coverage, lang),
        last.year,
        &format::rupiah_compact(r.total_contributions(), lang),
        &format!("{}–{}", first.year, last.year),
        &parts.join(", "),
        lang,
    )
}

#[component]
pub fn NationalPanel(props: &Props) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let province = use_state(|| None::<String>);
    let sort = use_state(|| (Column::Coverage, false));
    let job = use_memo(*open, |open| open.then(|| Rc::new(Job::National)));
    let done = use_job((*job).clone());
    // How long the background thread took, for the end-to-end test's report.
    use_effect_with(done.as_ref().map(|d| d.millis), |millis| {
        if let Some(ms) = millis {
            gloo::console::log!(format!("payung: national plan in {ms:.0} ms"));
        }
    });
    let ontoggle = track_open(&open);
    let body = match done.as_deref().map(|d| &d.answer) {
        _ if !*open => Html::default(),
        Some(Answer::National(result)) => match &**result {
            Ok(nation) => view(props, nation, &province, &sort),
            Err(why) => html! { <p class="bad" role="alert">{ why }</p> },
        },
        _ => html! { <p class="muted" aria-busy="true">{ text(Text::Computing, lang) }</p> },
    };
    html! {
        <details class="group national" id="national" {ontoggle}>
            <summary><h2>{ text(Text::Title, lang) }</h2></summary>
            if *open {
                <p class="note">{ text(Text::Intro, lang) }</p>
                <div aria-live="polite">{ body }</div>
            }
        </details>
    }
}

fn view(
    props: &Props,
    nation: &NationalOutcome,
    province: &UseStateHandle<Option<String>>,
    sort: &UseStateHandle<(Column, bool)>,
) -> Html {
    let lang = props.lang;
    let chosen = province
        .as_deref()
        .and_then(|code| nation.provinces.iter().find(|p| p.province.code == code));
    let choose = |code: Option<String>| {
        let province = province.clone();
        Callback::from(move |_: MouseEvent| province.set(code.clone()))
    };
    let (head, results): (&RegionResult, Vec<&RegionResult>) = match chosen {
        Some(p) => (&p.province, p.kabkota.iter().collect()),
        None => (
            &nation.nation,
            nation.provinces.iter().map(|p| &p.province).collect(),
        ),
    };
    let head_name = match chosen {
        Some(_) => Row::of(head, lang).name,
        None => "Indonesia".to_string(),
    };
    let (column, descending) = **sort;
    let mut rows: Vec<Row> = results.iter().map(|r| Row::of(r, lang)).collect();
    rows.sort_by(|a, b| {
        let o = a.cmp(b, column);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    let coverage_of = |code: &str| {
        nation
            .provinces
            .iter()
            .find(|p| p.province.code == code)
            .and_then(|p| p.province.years.last())
            .map(|y| y.coverage)
    };
    let tiles = TILES.iter().map(|(code, row, col, short)| {
        let coverage = coverage_of(code).unwrap_or_default();
        let name = regions::catalogue()
            .ok()
            .and_then(|c| c.place(code).ok())
            .map_or_else(|| short.to_string(), |p| place_name(p, lang));
        let pressed = province.as_deref() == Some(*code);
        let label = format!("{name}: {}", format::percent(coverage, lang));
        html! {
            <button type="button" class={classes!("tile", format!("cov-{}", step(coverage)))}
                style={format!("grid-row:{row};grid-column:{col}")} data-code={*code}
                aria-pressed={pressed.to_string()} aria-label={label.clone()} title={label}
                onclick={choose(Some(code.to_string()))}>
                <span class="tile-name">{ *short }</span>
                <span class="tile-value">{ format::percent_compact(coverage, lang) }</span>
            </button>
        }
    });
    let header = COLUMNS.iter().map(|(c, t)| {
        let on = column == *c;
        let aria = on.then_some(if descending {
            "descending"
        } else {
            "ascending"
        });
        let onclick = {
            let sort = sort.clone();
            let c = *c;
            Callback::from(move |_: MouseEvent| {
                let (now, down) = *sort;
                sort.set((
                    c,
                    if now == c {
                        !down
                    } else {
                        c != Column::Coverage && c != Column::Region
                    },
                ));
            })
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick} title={text(Text::Sort, lang)}>
                    { text(*t, lang) }{ if on { if descending { " ▼" } else { " ▲" } } else { "" } }
                </button>
            </th>
        }
    });
    let body = rows.iter().map(|r| {
        let pct = (r.coverage * Decimal::from(100)).min(Decimal::from(100));
        let action = if chosen.is_some() {
            let on_action = props.on_action.clone();
            let code = r.code.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::LoadRegion(code.clone())));
            html! {
                <button type="button" class="open-region" {onclick}
                    aria-label={format!("{}: {}", text(Text::OpenHint, lang), r.name)}>{ text(Text::Open, lang) }</button>
            }
        } else {
            html! {
                <button type="button" class="open-region" onclick={choose(Some(r.code.clone()))}>{ "→" }</button>
            }
        };
        html! {
            <tr data-code={r.code.clone()}>
                <th scope="row">{ &r.name }{ " " }{ action }</th>
                <td class="num">{ format::number(r.workers, lang) }</td>
                <td class="num cov-cell">
                    <span class="cov-bar" style={format!("width:{pct}%")}></span>
                    <span class="cov-text">{ format::percent(r.coverage, lang) }</span>
                </td>
                <td class="num">{ format::number(r.gap, lang) }</td>
                <td class="num">{ format::rupiah_compact(r.cost, lang) }</td>
                <td class="num">{ r.per_worker.map_or_else(|| "—".to_string(), |v| format::rupiah_in(v, lang)) }</td>
            </tr>
        }
    });
    html! {<>
        <div class="tile-map" role="group" aria-label={text(Text::MapLabel, lang)}>{ for tiles }</div>
        <p class="tile-legend muted">{ text(Text::Legend, lang) }
            { for (0..5u8).map(|s| html! { <span class={classes!("cov-key", format!("cov-{s}"))}>{ format!("{}–{}%", s * 20, s * 20 + 20) }</span> }) }
        </p>
        if chosen.is_some() {
            <button type="button" id="national-back" onclick={choose(None)}>{ text(Text::Back, lang) }</button>
        }
        <p id="national-summary" class="answer">{ sentence(head, &head_name, lang) }</p>
        <div class="table-scroll" tabindex="0">
            <table id="national-table" class="national-table">
                <caption class="sr-only">{ &head_name }</caption>
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    </>}
}
