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
use super::in_place::InPlace;
use super::national_brief::{brief, make_host, print_now};
use super::national_edits::{
    editor, job as edits_job, link_problem as link_problem_banner, source_lines, use_checked,
    use_edits,
};
use super::national_map::{clicked, sentence, tile_map};
use super::national_table::{region_name, rows_of, table_html, Column, COLUMNS};
use super::national_ucj::{over_full_ucj, ucj_block};
use crate::engine::import::scenario_from_json;
use crate::engine::jobs::{Answer, Job};
use crate::engine::regions::{
    self, table, NationalOutcome, OwnSources, ProvinceOutcome, RegionResult,
};
use crate::engine::report::slug;
use crate::locale::Lang;
use crate::ui::compute::{use_job, Done};
use crate::ui::i18n::national::{text, unknown_province, Text};
use crate::ui::share::view::View;
use crate::ui::state::Action;
use crate::ui::storage;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub lang: Lang,
    pub on_action: Callback<Action>,
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
    /// Where the printed brief goes.
    host: Option<web_sys::Element>,
    /// Set when a heading was clicked: the new table's heading takes the focus back.
    refocus: Rc<std::cell::Cell<bool>>,
    /// The edited provinces, and why the engine refused the last edit.
    edits: UseStateHandle<Vec<OwnSources>>,
    refused: UseStateHandle<Option<String>>,
    /// Opens a kab/kota by its code ("Buka"), as the plan runs it.
    open_region: Callback<String>,
}

/// Opens the kab/kota of a `Job::KabKotaInPlan`'s answer; its own starting scenario if the
/// engine gave none (it gives one for every code in the table).
fn open_answer(done: &Done, on_action: &Callback<Action>) {
    let Job::KabKotaInPlan { code, .. } = &*done.job else {
        return;
    };
    let scenario = match &done.answer {
        Answer::Scenario(Ok(text)) => scenario_from_json(text).ok(),
        _ => None,
    };
    on_action.emit(match scenario {
        Some(sc) => Action::LoadPlanScenario(Box::new(sc)),
        None => Action::LoadRegion(code.clone()),
    });
    show_opened();
}

/// Brings the opened region's answer into view, its title focused, once the page has drawn
/// it (in the next task): the table the button was in may be far below.
fn show_opened() {
    let show = wasm_bindgen::closure::Closure::once_into_js(|| {
        let title = gloo::utils::document()
            .query_selector("#results .region-title")
            .ok()
            .flatten();
        if let Some(title) = title.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = title.set_attribute("tabindex", "-1");
            title.scroll_into_view();
            let _ = title.focus();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(show.unchecked_ref());
    }
}

#[component]
pub fn NationalPanel(props: &Props) -> Html {
    let lang = props.lang;
    let start = use_memo((), |_| from_address());
    let open = use_state(|| start.0);
    let province = use_state(|| start.1.clone());
    let sort = use_state(|| (Column::Coverage, false));
    let csv_failed = use_state(|| false);
    // The printed brief's own host, outside the app, filled when a print is asked for.
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
    let details = use_node_ref();
    // A sort rewrites the table's markup: its clicked heading keeps (or gets back) the focus.
    let refocus = use_memo((), |_| Rc::new(std::cell::Cell::new(false)));
    {
        let refocus = (*refocus).clone();
        use_effect_with(*sort, move |(column, _)| {
            if refocus.replace(false) {
                let selector = format!("#national-table button[data-sort=\"{}\"]", *column as u8);
                let button = gloo::utils::document()
                    .query_selector(&selector)
                    .ok()
                    .flatten();
                if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = b.focus();
                }
            }
        });
    }
    let (edits, link_problem) = use_edits();
    let job = use_memo((*open, (*edits).clone()), |(open, edits)| {
        open.then(|| edits_job(edits))
    });
    let answer = use_job((*job).clone());
    let (done, refused) = use_checked(answer, &edits);
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
    // "Buka": the kab/kota's scenario as the plan runs it, asked of the engine's thread
    // (which has the provinces' plans), opened when it comes back.
    let opening = use_state(|| None::<Rc<Job>>);
    let opened = use_job((*opening).clone());
    {
        let (on_action, opening) = (props.on_action.clone(), opening.clone());
        use_effect_with(opened.clone(), move |done| {
            if let Some(done) = done.as_deref() {
                if opening.as_deref() == Some(&*done.job) {
                    open_answer(done, &on_action);
                    opening.set(None);
                }
            }
        });
    }
    let open_region = {
        // The provinces' sources of the plan the table shows (a newer edit may still be
        // worked out), so that the region opens with its row's figures.
        let shown = done.as_ref().and_then(|d| match &*d.job {
            Job::National(edited) => Some(edited.clone()),
            _ => None,
        });
        let (opening, opened) = (opening.clone(), opened.clone());
        let on_action = props.on_action.clone();
        Callback::from(move |code: String| {
            let job = Job::KabKotaInPlan {
                code,
                edited: shown.clone().unwrap_or_default(),
            };
            // The same region again: its answer is here already (and is not asked twice);
            // a region asked for meanwhile is no longer wanted.
            match opened.as_deref().filter(|d| *d.job == job) {
                Some(done) => {
                    opening.set(None);
                    open_answer(done, &on_action);
                }
                None => opening.set(Some(Rc::new(job))),
            }
        })
    };
    let ontoggle = track_open(&open);
    let body = match done.as_deref().map(|d| &d.answer) {
        _ if !*open => Html::default(),
        Some(Answer::National(result)) => match &**result {
            Ok(nation) => {
                let actions = Actions {
                    csv_failed: &csv_failed,
                    done: done.clone(),
                    host: (*host).clone(),
                    refocus: (*refocus).clone(),
                    edits: edits.clone(),
                    refused: refused.clone(),
                    open_region,
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
                { link_problem_banner(&link_problem, lang) }
                <p class="note">{ text(Text::Intro, lang) }</p>
                <div aria-live="polite">{ body }</div>
            }
        </details>
    }
}

/// The national answer and the province shown, if the answer has arrived.
fn shown<'a>(
    done: &'a Option<Rc<Done>>,
    code: Option<&str>,
) -> Option<(&'a NationalOutcome, Option<&'a ProvinceOutcome>)> {
    let Some(Answer::National(result)) = done.as_deref().map(|d| &d.answer) else {
        return None;
    };
    let nation = result.as_ref().as_ref().ok()?;
    let chosen = code.and_then(|c| nation.provinces.iter().find(|p| p.province.code == c));
    Some((nation, chosen))
}

/// The head of the view (the nation or the chosen province), its name, and its regions.
fn parts<'a>(
    nation: &'a NationalOutcome,
    chosen: Option<&'a ProvinceOutcome>,
    lang: Lang,
) -> (&'a RegionResult, String, Vec<&'a RegionResult>) {
    match chosen {
        Some(p) => (
            &p.province,
            region_name(&p.province, lang),
            p.kabkota.iter().collect(),
        ),
        None => (
            &nation.nation,
            "Indonesia".to_string(),
            nation.provinces.iter().map(|p| &p.province).collect(),
        ),
    }
}

/// The chosen province's sources editor, or nothing on the nation.
fn chosen_editor(
    code: Option<&str>,
    nation: &NationalOutcome,
    done: Option<&Rc<Done>>,
    (edits, refused): (
        &UseStateHandle<Vec<OwnSources>>,
        &UseStateHandle<Option<String>>,
    ),
    lang: Lang,
) -> Html {
    let known = code.filter(|c| nation.provinces.iter().any(|p| p.province.code == *c));
    known.map_or_else(Html::default, |c| {
        editor(c, nation, done, edits, refused, lang)
    })
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
        host,
        refocus,
        edits,
        refused,
        open_region,
    } = actions;
    let editing = chosen_editor(
        province.as_deref(),
        nation,
        done.as_ref(),
        (&edits, &refused),
        props.lang,
    );
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
    let (head, head_name, results) = parts(nation, chosen, lang);
    let rows = rows_of(&results, **sort, lang);
    let table = table_html(&rows, chosen.is_some(), **sort, &head_name, lang);
    let on_table = {
        let (choose, drill, sort) = (choose.clone(), chosen.is_none(), sort.clone());
        let refocus = refocus.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(c) = clicked(&e, "data-sort")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| COLUMNS.iter().map(|(c, _)| *c).find(|c| *c as usize == i))
            {
                let (now, down) = *sort;
                let first = c != Column::Coverage && c != Column::Region;
                refocus.set(true);
                sort.set((c, if now == c { !down } else { first }));
            } else if let Some(code) = clicked(&e, "data-code") {
                if drill {
                    choose.emit(code);
                } else {
                    open_region.emit(code);
                }
            }
        })
    };
    let on_tile = {
        let choose = choose.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(code) = clicked(&e, "data-code") {
                choose.emit(code);
            }
        })
    };
    let starred = chosen.is_none()
        && rows
            .iter()
            .any(|r| r.result.ucj.as_ref().is_some_and(|u| u.base.is_estimate()));
    let over_full = chosen.is_none()
        && rows
            .iter()
            .any(|r| r.result.ucj.as_ref().is_some_and(over_full_ucj));
    // The CSV and the brief are written only when asked for: the nation is 2,766 rows.
    let on_csv = {
        let (code, failed, done) = (province.as_ref().cloned(), csv_failed.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((nation, chosen)) = shown(&done, code.as_deref()) else {
                return;
            };
            let (csv, name) = match chosen {
                Some(p) => (table::province_csv(p), slug(&p.province.name)),
                None => (table::national_csv(nation), "indonesia".to_string()),
            };
            let name = format!("payung-{}.csv", name.replace('_', "-"));
            failed.set(download(&name, "text/csv", &csv).is_err());
        })
    };
    let on_print = {
        let (code, order, edits) = (province.as_ref().cloned(), **sort, (*edits).clone());
        Callback::from(move |_: MouseEvent| {
            let (Some((nation, chosen)), Some(host)) = (shown(&done, code.as_deref()), &host)
            else {
                return;
            };
            let (head, head_name, results) = parts(nation, chosen, lang);
            let rows = rows_of(&results, order, lang);
            let named: Vec<(String, &RegionResult)> =
                rows.iter().map(|r| (r.name.clone(), r.result)).collect();
            host.set_inner_html(&brief(
                head,
                &head_name,
                &sentence(head, &head_name, lang),
                &chosen.map_or_else(Vec::new, |p| source_lines(p, &edits, lang)),
                &named,
                lang,
            ));
            print_now();
        })
    };
    html! {<>
        <div onclick={on_tile}><InPlace markup={tile_map(nation, lang, province.as_deref(), true)} /></div>
        if chosen.is_some() {
            <button type="button" id="national-back" onclick={back}>{ text(Text::Back, lang) }</button>
        }
        <p id="national-summary" class="answer">{ sentence(head, &head_name, lang) }</p>
        { editing }
        if let Some(path) = &head.ucj { <InPlace markup={ucj_block(path, lang)} /> }
        <div class="table-scroll" tabindex="0" onclick={on_table}>
            <InPlace markup={table} />
        </div>
        if starred { <p class="note">{ text(Text::UcjStarNote, lang) }</p> }
        if over_full { <p class="note" id="ucj-over-note">{ text(Text::UcjOverNote, lang) }</p> }
        <p class="national-actions">
            <button type="button" id="national-csv" onclick={on_csv}>{ text(Text::Csv, lang) }</button>
            { " " }
            <button type="button" id="national-print" class="print-button" onclick={on_print}>{ text(Text::Print, lang) }</button>
        </p>

        if **csv_failed { <p class="field-error" role="alert">{ text(Text::CsvFailed, lang) }</p> }
    </>}
}
