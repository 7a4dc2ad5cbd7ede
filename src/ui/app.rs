//! The root component: one reducer holds the scenario; outcomes and charts are derived
//! with `use_memo`, so each input change recomputes and redraws exactly once.

use crate::charts;
use crate::engine::{presets, simulate, Outcome, Parameters};
use crate::ui::components::chart_card::ChartCard;
use crate::ui::components::enrolment_panel::EnrolmentPanel;
use crate::ui::components::goal_seek::GoalSeek;
use crate::ui::components::notices::Notices;
use crate::ui::components::preset_notes::PresetNotes;
use crate::ui::components::print_brief::PrintBrief;
use crate::ui::components::programme_panel::ProgrammePanel;
use crate::ui::components::region_panel::RegionPanel;
use crate::ui::components::results_table::ResultsTable;
use crate::ui::components::risk_panel::RiskPanel;
use crate::ui::components::sources_panel::SourcesPanel;
use crate::ui::components::summary_cards::SummaryCards;
use crate::ui::components::target_panel::TargetPanel;
use crate::ui::i18n::{Lang, T};
use crate::ui::state::{Action, State};
use crate::ui::storage;
use std::rc::Rc;
use yew::prelude::*;

/// Chart size in SVG units; the SVG scales to its container.
const CHART_SIZE: (u32, u32) = (800, 400);

/// One chart ready to show: id, title, SVG text, summary sentence, and its data table.
type ChartParts = (
    String,
    String,
    String,
    String,
    Vec<String>,
    Vec<Vec<String>>,
);

/// The three charts for an outcome.
#[derive(PartialEq)]
struct Charts {
    cards: Vec<ChartParts>,
}

fn draw_charts(
    outcome: &Outcome,
    baseline: Option<&Outcome>,
    target: rust_decimal::Decimal,
    lang: Lang,
) -> Charts {
    let (ch, cr) = charts::table_coverage(outcome, lang);
    let (sh, sr) = charts::table_cost(outcome, lang);
    let (bh, br) = charts::table_benefits(outcome, lang);
    Charts {
        cards: vec![
            (
                "chart-coverage".into(),
                charts::ChartText::new(charts::ChartKind::Coverage, lang)
                    .title
                    .into(),
                charts::coverage_svg(outcome, target, lang, baseline, CHART_SIZE),
                charts::summary_coverage(outcome, target, lang),
                ch,
                cr,
            ),
            (
                "chart-cost".into(),
                charts::ChartText::new(charts::ChartKind::Cost, lang)
                    .title
                    .into(),
                charts::cost_svg(outcome, lang, baseline, CHART_SIZE),
                charts::summary_cost(outcome, lang),
                sh,
                sr,
            ),
            (
                "chart-benefits".into(),
                charts::ChartText::new(charts::ChartKind::Benefits, lang)
                    .title
                    .into(),
                charts::benefits_svg(outcome, lang, baseline, CHART_SIZE),
                charts::summary_benefits(outcome, lang),
                bh,
                br,
            ),
        ],
    }
}

#[derive(Properties, PartialEq)]
struct SimulatorProps {
    state: Rc<State>,
}

#[component]
fn Simulator(props: &SimulatorProps) -> Html {
    let initial = props.state.clone();
    let state = use_reducer(move || (*initial).clone());
    let params = state.params.clone();
    let outcome = {
        let params = params.clone();
        use_memo(state.valid.clone(), move |valid| simulate(&params, valid))
    };
    let baseline = {
        let params = params.clone();
        use_memo(state.preset.clone(), move |preset| {
            (**preset)
                .clone()
                .validate(&params)
                .ok()
                .map(|v| simulate(&params, &v))
        })
    };
    let charts = use_memo(
        (
            outcome.clone(),
            baseline.clone(),
            state.valid.target.coverage,
            state.lang,
        ),
        |(outcome, baseline, target, lang)| {
            draw_charts(outcome, baseline.as_ref().as_ref(), *target, *lang)
        },
    );

    let lang = state.lang;
    use_effect_with(lang, |lang| {
        storage::save_lang(*lang);
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let on_action = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let toggle_lang = {
        let on_action = on_action.clone();
        let next = if lang == Lang::Id { Lang::En } else { Lang::Id };
        Callback::from(move |_| on_action.emit(Action::SetLang(next)))
    };
    let toggle_presentation = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::TogglePresentation))
    };
    let shared = Rc::new((*state).clone());
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let chart_svgs: Vec<String> = charts.cards.iter().map(|c| c.2.clone()).collect();

    html! {
        <div class={classes!("app", state.presentation.then_some("presentation"))}>
            <a class="skip" href="#results">{ T::SkipToResults.get(lang) }</a>
            <header class="top">
                <div class="brand">
                    <h1>{"☂ "}{ T::AppTitle.get(lang) }</h1>
                    <p>{ T::AppSubtitle.get(lang) }</p>
                </div>
                <div class="top-actions">
                    <button type="button" id="toggle-lang" onclick={toggle_lang}
                        aria-label={format!("{}: {}", T::Language.get(lang), T::OtherLanguage.get(lang))}>
                        { T::OtherLanguage.get(lang) }
                    </button>
                    <button type="button" id="toggle-presentation" aria-pressed={state.presentation.to_string()}
                        onclick={toggle_presentation}>{ T::Presentation.get(lang) }</button>
                    <button type="button" id="print" class="print-button" onclick={print}>{ T::Print.get(lang) }</button>
                </div>
            </header>
            <div class="layout">
                <aside class="controls" aria-label={T::Controls.get(lang)}>
                    <RegionPanel state={shared.clone()} on_action={on_action.clone()} />
                    <ProgrammePanel state={shared.clone()} on_action={on_action.clone()} />
                    <SourcesPanel state={shared.clone()} on_action={on_action.clone()} />
                    <EnrolmentPanel state={shared.clone()} on_action={on_action.clone()} />
                    <RiskPanel state={shared.clone()} on_action={on_action.clone()} />
                    <TargetPanel state={shared.clone()} on_action={on_action.clone()} />
                </aside>
                <main id="results" aria-label={T::Results.get(lang)}>
                    <h2 class="region-title">{ &state.valid.region.name }{ " — " }{ &state.valid.name }</h2>
                    <Notices error={state.error.clone()} warnings={outcome.warnings.clone()} {lang} />
                    <SummaryCards outcome={outcome.clone()} scenario={state.valid.scenario().clone()} {lang} />
                    <GoalSeek params={params.clone()} valid={state.valid.clone()} {lang} on_action={on_action.clone()} />
                    <div class="charts">
                        { for charts.cards.iter().map(|(id, title, svg, summary, header, rows)| html! {
                            <ChartCard id={id.clone()} title={title.clone()} svg={svg.clone()} summary={summary.clone()}
                                header={header.clone()} rows={rows.clone()} show_data={T::ShowData.get(lang)} />
                        }) }
                    </div>
                    <ResultsTable outcome={outcome.clone()} {lang} />
                    <PresetNotes preset={state.valid.preset.clone()} {lang} />
                </main>
            </div>
            <PrintBrief params={params.clone()} scenario={state.valid.scenario().clone()} outcome={outcome.clone()}
                charts={chart_svgs} {lang} />
        </div>
    }
}

/// The app: loads the embedded parameters and the default preset, then the simulator.
#[component]
pub fn App() -> Html {
    let state = use_memo((), |_| {
        let params = Parameters::embedded().map_err(|e| e.to_string())?;
        let valid = presets::load(presets::DEFAULT)
            .map_err(|e| e.to_string())?
            .validate(&params)
            .map_err(|e| e.to_string())?;
        let lang = storage::load_lang().unwrap_or_default();
        Ok::<_, String>(Rc::new(State::new(Rc::new(params), valid, lang)))
    });
    match &*state {
        Ok(state) => html! { <Simulator state={state.clone()} /> },
        Err(message) => html! { <main class="fatal" role="alert"><p>{ message }</p></main> },
    }
}
