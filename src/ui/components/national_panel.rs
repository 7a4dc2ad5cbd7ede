//! "Seluruh Indonesia": every province and kab/kota on its starting plan, worked out on the
//! slow background lane only while the section is open. A tile map of the 38 provinces
//! (no map data: each province a tile on a fixed grid, coloured by final coverage), the
//! nation's or a province's sentence, and a sortable table of its regions with the final
//! coverage drawn as a bar (sorted by coverage, a ranked bar chart). Choosing a province
//! (tile or row) drills down to its kab/kota; "Buka" opens one region's own scenario.
//! Provinces carry their Universal Coverage Jamsostek against the RPJMN targets
//! (`national_ucj`). The view downloads as CSV (one row per region and year, the engine's
//! `regions::table`), and the address says which view is open (`ui::share::view`), so a
//! copied address or a reload opens the section where it was.

use super::file_panel::download;
use super::group::track_open;
use super::national_brief::{brief, make_host, print_now};
use super::national_map::{sentence, tile_map};
use super::national_ucj::{final_share, ucj_block, ucj_cell};
use crate::engine::jobs::{Answer, Job};
use crate::engine::regions::{self, table, NationalOutcome, RegionResult};
use crate::engine::report::slug;
use crate::engine::Rupiah;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::compute::{use_job, Done};
use crate::ui::i18n::national::{text, unknown_province, Text};
use crate::ui::i18n::regions::name as place_name;
use crate::ui::share::view::View;
use crate::ui::state::Action;
use crate::ui::storage;
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

/// The table's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Region,
    Workers,
    Coverage,
    Gap,
    Cost,
    PerWorker,
    Ucj,
}

const COLUMNS: [(Column, Text); 7] = [
    (Column::Region, Text::Region),
    (Column::Workers, Text::Workers),
    (Column::Coverage, Text::Coverage),
    (Column::Ucj, Text::Ucj),
    (Column::Gap, Text::Gap),
    (Column::Cost, Text::Cost),
    (Column::PerWorker, Text::PerWorker),
];

/// One region's row.
struct Row<'a> {
    result: &'a RegionResult,
    name: String,
    workers: u64,
    coverage: Decimal,
    gap: u64,
    per_worker: Option<Rupiah>,
}

impl<'a> Row<'a> {
    fn of(r: &'a RegionResult, lang: Lang) -> Self {
        let last = r.years.last();
        let (workers, covered) = last.map_or((0, 0), |y| (y.workers, y.covered));
        let wanted = (r.target.coverage * Decimal::from(workers)).ceil();
        let gap = (wanted - Decimal::from(covered)).max(Decimal::ZERO);
        let per_worker = last
            .filter(|y| y.covered > 0)
            .map(|y| (y.contributions / Decimal::from(y.covered)).round());
        Row {
            result: r,
            name: region_name(r, lang),
            workers,
            coverage: last.map_or(Decimal::ZERO, |y| y.coverage),
            gap: gap.to_u64().unwrap_or(0),
            per_worker,
        }
    }

    fn cmp(&self, other: &Row, column: Column) -> Ordering {
        match column {
            Column::Region => self.name.cmp(&other.name),
            Column::Workers => self.workers.cmp(&other.workers),
            Column::Coverage => self.coverage.cmp(&other.coverage),
            Column::Gap => self.gap.cmp(&other.gap),
            Column::Cost => self
                .result
                .total_contributions()
                .cmp(&other.result.total_contributions()),
            Column::PerWorker => self.per_worker.cmp(&other.per_worker),
            Column::Ucj => {
                final_share(self.result.ucj.as_ref()).cmp(&final_share(other.result.ucj.as_ref()))
            }
        }
        .then_with(|| self.result.code.cmp(&other.result.code))
    }
}

/// A region's name in `lang` ("Maluku Province"), or the name it was run under.
fn region_name(r: &RegionResult, lang: Lang) -> String {
    regions::catalogue()
        .ok()
        .and_then(|c| c.place(&r.code).ok())
        .map_or_else(|| r.name.clone(), |p| place_name(p, lang))
}

/// The view the address asks for: the province if this build knows it, else the nation
/// and the code it did not know.
fn from_address() -> (bool, Option<String>, Option<String>) {
    match storage::load_view() {
        None => (false, None, None),
        Some(View::Nation) => (true, None, None),
        Some(View::Province(code)) => {
            let known = regions::catalogue().is_ok_and(|c| c.province(&code).is_some());
            if known {
                (true, Some(code), None)
            } else {
                (true, None, Some(code))
            }
        }
    }
}

/// The download and print buttons' state, for `view`.
struct Actions<'a> {
    csv_failed: &'a UseStateHandle<bool>,
    /// The answer, kept for writing the CSV when asked.
    done: Option<Rc<Done>>,
    on_print: Callback<MouseEvent>,
    /// The brief's host, while a print is asked for.
    print: Option<web_sys::Element>,
}

#[component]
pub fn NationalPanel(props: &Props) -> Html {
    let lang = props.lang;
    let start = use_memo((), |_| from_address());
    let open = use_state(|| start.0);
    let province = use_state(|| start.1.clone());
    let sort = use_state(|| (Column::Coverage, false));
    let csv_failed = use_state(|| false);
    // The printed brief: drawn into its own host once asked for, then printed each time.
    let prints = use_state(|| 0u32);
    let host = use_memo((), |_| make_host());
    {
        let host = host.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(h) = &*host {
                    h.remove();
                }
            }
        });
    }
    use_effect_with(*prints, |n| {
        if *n > 0 {
            print_now();
        }
    });
    let details = use_node_ref();
    let job = use_memo(*open, |open| open.then(|| Rc::new(Job::National)));
    let done = use_job((*job).clone());
    // How long the background thread took, for the end-to-end test's report.
    use_effect_with(done.as_ref().map(|d| d.millis), |millis| {
        if let Some(ms) = millis {
            gloo::console::log!(format!("payung: national plan in {ms:.0} ms"));
        }
    });
    // Opened from the address: bring the section into view.
    let from_link = start.0;
    use_effect_with(details.clone(), move |details| {
        if from_link {
            if let Some(el) = details.cast::<web_sys::Element>() {
                el.scroll_into_view();
            }
        }
    });
    // The address says which view is open.
    use_effect_with((*open, (*province).clone()), |(open, province)| {
        let view = match province {
            Some(code) => View::Province(code.clone()),
            None => View::Nation,
        };
        storage::replace_view(open.then_some(&view));
    });
    let ontoggle = track_open(&open);
    let body = match done.as_deref().map(|d| &d.answer) {
        _ if !*open => Html::default(),
        Some(Answer::National(result)) => match &**result {
            Ok(nation) => {
                let print = (*prints > 0).then(|| (*host).clone()).flatten();
                let on_print = {
                    let prints = prints.clone();
                    Callback::from(move |_: MouseEvent| prints.set(*prints + 1))
                };
                let actions = Actions {
                    csv_failed: &csv_failed,
                    done: done.clone(),
                    on_print,
                    print,
                };
                view(props, nation, &province, &sort, actions)
            }
            Err(why) => html! { <p class="bad" role="alert">{ why }</p> },
        },
        _ => html! { <p class="muted" aria-busy="true">{ text(Text::Computing, lang) }</p> },
    };
    let unknown = start.2.as_deref().filter(|_| province.is_none());
    html! {
        <details class="group national" id="national" open={*open} ref={details} {ontoggle}>
            <summary><h2>{ text(Text::Title, lang) }</h2></summary>
            if *open {
                if let Some(code) = unknown {
                    <p class="banner info" role="status" id="national-unknown">{ unknown_province(code, lang) }</p>
                }
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
    actions: Actions,
) -> Html {
    let Actions {
        csv_failed,
        done,
        on_print,
        print,
    } = actions;
    let lang = props.lang;
    let chosen = province
        .as_deref()
        .and_then(|code| nation.provinces.iter().find(|p| p.province.code == code));
    let choose = {
        let province = province.clone();
        Callback::from(move |code: String| province.set(Some(code)))
    };
    let back = {
        let province = province.clone();
        Callback::from(move |_: MouseEvent| province.set(None))
    };
    let (head, results): (&RegionResult, Vec<&RegionResult>) = match chosen {
        Some(p) => (&p.province, p.kabkota.iter().collect()),
        None => (
            &nation.nation,
            nation.provinces.iter().map(|p| &p.province).collect(),
        ),
    };
    let head_name = match chosen {
        Some(_) => region_name(head, lang),
        None => "Indonesia".to_string(),
    };
    // Kab/kota have no UCJ of their own: the column is the provinces'.
    let columns: Vec<&(Column, Text)> = COLUMNS
        .iter()
        .filter(|(c, _)| *c != Column::Ucj || chosen.is_none())
        .collect();
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
    let header = columns.iter().map(|(c, t)| {
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
        let code = r.result.code.clone();
        let action = if chosen.is_some() {
            let on_action = props.on_action.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::LoadRegion(code.clone())));
            html! {
                <button type="button" class="open-region" {onclick}
                    aria-label={format!("{}: {}", text(Text::OpenHint, lang), r.name)}>{ text(Text::Open, lang) }</button>
            }
        } else {
            html! {
                <button type="button" class="open-region" onclick={choose.reform(move |_: MouseEvent| code.clone())}>{ "→" }</button>
            }
        };
        html! {
            <tr data-code={r.result.code.clone()}>
                <th scope="row">{ &r.name }{ " " }{ action }</th>
                <td class="num">{ format::number(r.workers, lang) }</td>
                <td class="num cov-cell">
                    <span class="cov-bar" style={format!("width:{pct}%")}></span>
                    <span class="cov-text">{ format::percent(r.coverage, lang) }</span>
                </td>
                if chosen.is_none() { { ucj_cell(r.result.ucj.as_ref(), lang) } }
                <td class="num">{ format::number(r.gap, lang) }</td>
                <td class="num">{ format::rupiah_compact(r.result.total_contributions(), lang) }</td>
                <td class="num">{ r.per_worker.map_or_else(|| "—".to_string(), |v| format::rupiah_in(v, lang)) }</td>
            </tr>
        }
    });
    let summary = sentence(head, &head_name, lang);
    let named: Vec<(String, &RegionResult)> = if print.is_some() {
        rows.iter().map(|r| (r.name.clone(), r.result)).collect()
    } else {
        Vec::new()
    };
    let starred = chosen.is_none()
        && rows
            .iter()
            .any(|r| r.result.ucj.as_ref().is_some_and(|u| u.base.is_estimate()));
    // The CSV is written only when asked for: the whole nation is 2,766 rows.
    let on_csv = {
        let (code, failed) = (province.as_ref().cloned(), csv_failed.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(Answer::National(result)) = done.as_deref().map(|d| &d.answer) else {
                return;
            };
            let Ok(nation) = &**result else { return };
            let chosen = code
                .as_deref()
                .and_then(|c| nation.provinces.iter().find(|p| p.province.code == c));
            let (csv, name) = match chosen {
                Some(p) => (table::province_csv(p), slug(&p.province.name)),
                None => (table::national_csv(nation), "indonesia".to_string()),
            };
            let name = format!("payung-{}.csv", name.replace('_', "-"));
            failed.set(download(&name, "text/csv", &csv).is_err());
        })
    };
    html! {<>
        { tile_map(nation, lang, province.as_deref(), Some(&choose)) }
        if chosen.is_some() {
            <button type="button" id="national-back" onclick={back}>{ text(Text::Back, lang) }</button>
        }
        <p id="national-summary" class="answer">{ summary.clone() }</p>
        if let Some(path) = &head.ucj { { ucj_block(path, lang) } }
        <div class="table-scroll" tabindex="0">
            <table id="national-table" class="national-table">
                <caption class="sr-only">{ &head_name }</caption>
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
        if starred { <p class="note">{ text(Text::UcjStarNote, lang) }</p> }
        <p class="national-actions">
            <button type="button" id="national-csv" onclick={on_csv}>{ text(Text::Csv, lang) }</button>
            { " " }
            <button type="button" id="national-print" class="print-button" onclick={on_print}>{ text(Text::Print, lang) }</button>
        </p>
        if let Some(host) = print {
            { create_portal(brief(head, &head_name, &summary, &named, lang), host) }
        }
        if **csv_failed { <p class="field-error" role="alert">{ text(Text::CsvFailed, lang) }</p> }
    </>}
}
