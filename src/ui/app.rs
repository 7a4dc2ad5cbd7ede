//! The root component: one reducer holds the scenario; outcomes are worked out off the
//! page's thread (`compute`, through `outcomes`) and charts derived from them with
//! `use_memo`, so each answer redraws exactly once. Until the first outcome arrives the
//! loading screen stays.

use crate::charts::{ChartKind, Request, Size, Source};
use crate::engine::uncertainty::Bands;
use crate::engine::{presets, Outcome, Parameters, Scenario, ValidScenario};
use crate::locale::Lang;
use crate::ui::components::chart_card::ChartCard;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::embed_view::EmbedView;
use crate::ui::components::file_panel;
use crate::ui::components::goal_seek::{self, GoalAnswers};
use crate::ui::components::lazy;
use crate::ui::components::notices::Notices;
use crate::ui::components::phone_bar::{PhoneBar, View};
use crate::ui::components::sources_panel::SourcesPanel;
use crate::ui::components::summary_cards::SummaryCards;
use crate::ui::components::{
    budget_ledger, embed_generator, enrolment_panel, national_panel, preset_notes, print_brief,
    programme_panel, region_panel, results_table, risk_panel, saved_panel, share_panel,
    target_panel, tornado_panel,
};
use crate::ui::i18n::{self, T};
use crate::ui::outcomes::{outcome_job, use_outcomes};
use crate::ui::state::{Action, State};
use crate::ui::uncertainty::{use_bands, Chance};
use crate::ui::{compute, share, storage};
use std::rc::Rc;
use yew::prelude::*;

/// What the printed brief shows, prepared to be printed.
#[derive(PartialEq)]
struct Brief {
    scenario: Scenario,
    outcome: Rc<Outcome>,
    /// The charts it was drawn from (to tell whether it shows what the screen does).
    requests: Rc<Vec<Rc<Request>>>,
    charts: Vec<(String, u32)>,
    /// The goal-seek's answers for this scenario, when worked out.
    goal: Option<GoalAnswers>,
}

impl Brief {
    fn new(
        valid: &ValidScenario,
        outcome: Rc<Outcome>,
        requests: Rc<Vec<Rc<Request>>>,
        goal: Option<GoalAnswers>,
    ) -> Self {
        Self {
            goal,
            scenario: valid.scenario().clone(),
            outcome,
            charts: requests
                .iter()
                .map(|c| {
                    let chart = c.draw(Size::PRINT, false);
                    (chart.to_svg(), chart.svg_height())
                })
                .collect(),
            requests,
        }
    }
}

/// Milliseconds the inputs must stay still before the working scenario is remembered.
const AUTOSAVE_MS: u32 = 300;

/// The three charts of an outcome, to be drawn at the size of their boxes.
fn chart_requests(
    outcome: &Rc<Outcome>,
    baseline: Option<(String, Rc<Outcome>)>,
    target: rust_decimal::Decimal,
    bands: Option<Rc<Bands>>,
    lang: Lang,
) -> Vec<Rc<Request>> {
    ChartKind::RESULTS
        .into_iter()
        .map(|kind| {
            Rc::new(Request {
                kind,
                lang,
                source: Source::Outcome {
                    outcome: outcome.clone(),
                    baseline: baseline.clone(),
                    target,
                    bands: bands.clone(),
                },
            })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct SimulatorProps {
    state: Rc<State>,
    /// What happened to the opening link: why it could not be used (an error), or where
    /// the work it replaced was saved.
    notice: Option<LinkNotice>,
    /// The page opened the default scenario at a plain address (no fragment) with nothing
    /// saved: a first visit.
    first_visit: bool,
}

/// The opening link's notice in both languages, so that it follows the language switch.
#[derive(Clone, PartialEq)]
struct LinkNotice {
    id: String,
    en: String,
    error: bool,
}

impl LinkNotice {
    fn new(text: impl Fn(Lang) -> String, error: bool) -> Self {
        LinkNotice {
            id: text(Lang::Id),
            en: text(Lang::En),
            error,
        }
    }

    fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

#[component]
fn Simulator(props: &SimulatorProps) -> Html {
    let initial = props.state.clone();
    let state = use_reducer(move || (*initial).clone());
    let params = state.params.clone();
    let outcomes = use_outcomes(&state);
    // How sure the answer is: worked out once the inputs settle, so the bands lag the line
    // during a drag and the chance says it is being worked out.
    let latest_run = use_bands(state.valid.clone());
    let chance = Chance::of(latest_run.as_ref(), &state.valid);
    let bands = latest_run.and_then(|r| r.bands.ok());
    let charts = use_memo(
        (
            outcomes.clone(),
            state.preset.region.name.clone(),
            state.valid.target.coverage,
            bands.clone(),
            state.lang,
        ),
        |(outcomes, name, target, bands, lang)| match &outcomes.outcome {
            Some(outcome) => {
                let baseline = outcomes.baseline.clone().map(|b| (name.clone(), b));
                chart_requests(outcome, baseline, *target, bands.clone(), *lang)
            }
            None => Vec::new(),
        },
    );

    // Remember the scenario being worked on once the inputs settle, and whenever the page
    // goes away (reload, closed tab) before that, so nothing is lost.
    let latest = use_mut_ref(|| (state.valid.clone(), state.preset.clone()));
    *latest.borrow_mut() = (state.valid.clone(), state.preset.clone());
    // On a first visit the default scenario, while it is not edited, is neither saved nor
    // put in the address (a plain address opens it): there is nothing to lose, the next
    // visit is still a first one, and the first load spares a long task (making the link
    // is the first use of its compression code).
    let opened = use_memo((), {
        let valid = state.valid.clone();
        let first_visit = props.first_visit;
        move |_| first_visit.then_some(valid)
    });
    let unedited = opened.as_ref().as_ref() == Some(&state.valid);
    use_effect_with(
        (state.valid.clone(), state.preset.clone(), unedited),
        |(valid, baseline, unedited)| {
            let (valid, baseline) = (valid.clone(), baseline.clone());
            let timer = (!*unedited).then(|| {
                gloo::timers::callback::Timeout::new(AUTOSAVE_MS, move || {
                    storage::save_current(valid.scenario());
                    storage::save_baseline(&baseline);
                })
            });
            move || drop(timer)
        },
    );
    // The address bar always holds what is on screen (replaced, never pushed), so copying
    // it shares this scenario and a reload reopens it.
    use_effect_with((state.valid.clone(), unedited), |(valid, unedited)| {
        let valid = valid.clone();
        let timer = (!*unedited).then(|| {
            gloo::timers::callback::Timeout::new(storage::ADDRESS_MS, move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let encode = lazy::encoder().await;
                    storage::replace_address(&encode(valid.scenario()));
                });
            })
        });
        move || drop(timer)
    });
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "pagehide", move |_| {
                    let (valid, baseline) = &*latest.borrow();
                    storage::save_current(valid.scenario());
                    storage::save_baseline(baseline);
                })
            });
            move || drop(listener)
        });
    }

    let lang = state.lang;
    use_effect_with(lang, |lang| {
        storage::save_lang(*lang);
        storage::replace_lang(*lang);
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(i18n::page_title(*lang));
    });

    // One callback for the app's lifetime, so that inputs whose own values did not change
    // are left alone on a move elsewhere (their props compare equal).
    // A slider's move (`Action::Foresee`) asks the engine's thread for its outcome at once,
    // while the page paints the move; the `Set` just after the paint then finds it asked.
    // When the answer is back before that `Set`, the answer makes the `Set` itself
    // (`compute::foresee`'s commit), so the move and its answer are rendered once.
    let shown = use_mut_ref(|| state.clone());
    *shown.borrow_mut() = state.clone();
    let latest = shown.clone();
    let on_action = use_callback(state.dispatcher(), move |a: Action, dispatcher| match a {
        Action::Foresee(field, value) => {
            let now = Rc::new((**shown.borrow()).clone());
            let next = now.clone().reduce(Action::Set(field, value));
            if next.valid != now.valid {
                let dispatcher = dispatcher.clone();
                let commit = move || dispatcher.dispatch(Action::Set(field, value));
                compute::foresee(outcome_job(&next.valid), Some(Box::new(commit)));
            } else {
                // Back to the shown scenario (or to a value it does not take): the shown job
                // again, and no earlier move's commit may run any more.
                compute::foresee(outcome_job(&now.valid), None);
            }
        }
        a => dispatcher.dispatch(a),
    });
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
    // A file replaces the scenario; work of the user's own (neither what the file holds nor
    // the unchanged baseline) is saved first, and the saved list is read again to show it.
    // The shown state is read when the file arrives: the file panel, below the fold, may
    // still hold the callback of a render before the latest edits (`Deferred`).
    let saved_revision = use_state(|| 0u32);
    let on_import = {
        let (on_action, saved_revision) = (on_action.clone(), saved_revision.clone());
        Callback::from(move |sc: Scenario| {
            let now = (**latest.borrow()).clone();
            let working = now.valid.scenario();
            let own = *working != sc && *working != *now.preset;
            let kept = own
                .then(|| keep_work(working, i18n::share::before_import_name(now.lang)))
                .flatten();
            if kept.is_some() {
                saved_revision.set(saved_revision.wrapping_add(1));
            }
            on_action.emit(Action::Replace(Box::new(sc)));
            kept
        })
    };
    // The printed brief (with its link and QR code) is prepared only to be printed, so none
    // of it is worked out while the page loads or a slider moves: by the print button, which
    // prints once it is rendered, and as the browser starts printing from its own menu or
    // Ctrl+P (`beforeprint`: the page is laid out for paper after its handlers and the
    // render they cause, which runs in the microtasks that follow them). It is prepared only
    // for the shown scenario's own outcome, never an older one's: while an answer is on its
    // way the brief already prepared stays, and the button prints once the answer is here.
    // The brief also shows what the goal-seek last answered, when it is this scenario's:
    // kept aside (not state), so an answer arriving re-renders nothing.
    let brief = use_state(|| None::<Rc<Brief>>);
    let goal_answers = use_mut_ref(|| None::<GoalAnswers>);
    let on_goal_answers = {
        let goal_answers = goal_answers.clone();
        use_callback((), move |answers: GoalAnswers, _| {
            *goal_answers.borrow_mut() = Some(answers);
        })
    };
    let print_now = use_state(|| false);
    let fresh = outcomes.fresh;
    // Prepares the brief for the shown scenario's outcome when it has one; returns whether
    // the brief on the page is already that (nothing to prepare).
    let prepare: Rc<dyn Fn() -> bool> = {
        let brief = brief.clone();
        let valid = state.valid.clone();
        let outcome = outcomes.outcome.clone().filter(|_| fresh);
        let charts = charts.clone();
        Rc::new(move || {
            let goal = goal_answers
                .borrow()
                .clone()
                .filter(|g| g.scenario == *valid.scenario());
            let shown = (*brief).as_ref().is_some_and(|b| {
                Rc::ptr_eq(&b.requests, &charts)
                    && b.scenario == *valid.scenario()
                    && b.goal == goal
            });
            if let (false, Some(outcome)) = (shown, outcome.clone()) {
                brief.set(Some(Rc::new(Brief::new(
                    &valid,
                    outcome,
                    charts.clone(),
                    goal,
                ))));
            }
            shown
        })
    };
    // The panels below the first screen come in a chunk of their own: fetch it now that
    // the first screen is up, so that none waits for the network later.
    use_effect_with((), |_| lazy::preload());
    let latest_prepare = use_mut_ref(|| prepare.clone());
    *latest_prepare.borrow_mut() = prepare.clone();
    use_effect_with((), {
        let latest_prepare = latest_prepare.clone();
        move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                    let prepare = latest_prepare.borrow().clone();
                    prepare();
                })
            });
            move || drop(listener)
        }
    });
    // A print asked for (the button, or Ctrl+P through it: web/boot.js) starts once the
    // brief on the page is the shown scenario's: when the answer came after the request (a
    // print asked for while it was on its way, or in the first moment after opening), the
    // brief is prepared here, and printed in the render that draws it.
    {
        let print_now = print_now.clone();
        let latest_prepare = latest_prepare.clone();
        use_effect_with(
            (brief.clone(), *print_now, fresh),
            move |(_, requested, fresh)| {
                // Runs on every answer (`fresh`); does nothing unless a print was asked for.
                if !(*requested && *fresh) {
                    return;
                }
                let prepare = latest_prepare.borrow().clone();
                if prepare() {
                    print_now.set(false);
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }
            },
        );
    }
    let print = {
        let print_now = print_now.clone();
        Callback::from(move |_| {
            // The brief is drawn by the panels' chunk: asked for once it is here (the effect
            // above prepares and prints it).
            if lazy::ready(lazy::Panel::Brief) {
                print_now.set(true);
            } else {
                let print_now = print_now.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    lazy::load(lazy::Panel::Brief).await;
                    print_now.set(true);
                });
            }
        })
    };

    // On a phone, results and controls take turns; wider screens show both.
    let view = use_state(|| View::Results);
    let on_view = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };
    let presentation = state.presentation;
    // Sections out of sight show another scenario or language at once, with its answer:
    // the epoch they are given moves on when the answer for the state's epoch is here.
    let answered = use_mut_ref(|| state.epoch);
    if outcomes.fresh {
        *answered.borrow_mut() = state.epoch;
    }
    let epoch = *answered.borrow();
    let chart_card = |chart: &Rc<Request>, fit_height: bool| {
        html! {
            <div class="chart-with-downloads">
                <ChartCard request={chart.clone()} show_data={T::ShowData.get(lang)} {presentation} {fit_height} />
                { lazy::downloads(file_panel::ChartDownloadsProps { request: chart.clone(), name: format!("payung-{}", chart.kind.code()).into(), lang }) }
            </div>
        }
    };
    // Until the first outcome arrives, the loading screen stays (it hides once `.app` shows).
    let Some(outcome) = outcomes.outcome.clone() else {
        return match &outcomes.failed {
            Some(why) => html! {
                <main class="fatal" role="alert"><p>{ T::EngineFailed.get(lang) }{ " " }{ why }</p></main>
            },
            None => html! { <div class="app-starting" aria-busy="true"></div> },
        };
    };
    let (main_chart, other_charts) = charts
        .split_first()
        .map_or((None, &[][..]), |(m, o)| (Some(m), o));

    html! {
        <div class={classes!("app", state.presentation.then_some("presentation"))} data-view={view.code()}>
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
            <PhoneBar outcome={outcome.clone()} target={state.valid.target.clone()} view={*view} {lang} {on_view} />
            <div class="layout">
                <aside class="controls" id="controls" aria-label={T::Controls.get(lang)}>
                    // Even the first controls mount a task after the answer, so that the
                    // answer paints first and no task is long (`Deferred`). Those after the
                    // funding sources, below the first screen at every size, come with the
                    // panels' chunk (`lazy`).
                    <Deferred {epoch}><SourcesPanel state={shared.clone()} on_action={on_action.clone()} warnings={outcome.warnings.clone()} /></Deferred>
                    <Deferred {epoch}>{ lazy::target(target_panel::Props { state: shared.clone(), on_action: on_action.clone() }) }</Deferred>
                    <Deferred {epoch}>{ lazy::region(region_panel::Props { state: shared.clone(), on_action: on_action.clone() }) }</Deferred>
                    <Deferred {epoch}>{ lazy::programme(programme_panel::Props { state: shared.clone(), on_action: on_action.clone() }) }</Deferred>
                    <Deferred {epoch}>{ lazy::enrolment(enrolment_panel::Props { state: shared.clone(), on_action: on_action.clone(), warnings: outcome.warnings.clone() }) }</Deferred>
                    <Deferred {epoch}>{ lazy::risk(risk_panel::Props { state: shared.clone(), on_action: on_action.clone() }) }</Deferred>
                </aside>
                <main id="results" aria-label={T::Results.get(lang)}>
                    <section class="answer" aria-label={T::Results.get(lang)}>
                        <div class="answer-head">
                            <h2 class="region-title">{ i18n::presets::heading(&state.valid.region.name, &state.valid.name, lang) }</h2>
                            <Notices error={state.error.clone()} warnings={outcome.warnings.clone()} {lang} />
                        </div>
                        if let Some(notice) = &props.notice {
                            <div class={classes!("banner", notice.error.then_some("error"), (!notice.error).then_some("info"))}
                                role={if notice.error { "alert" } else { "status" }} id="link-notice"><p>{ notice.text(lang) }</p></div>
                        }
                        <SummaryCards outcome={outcome.clone()} scenario={state.valid.scenario().clone()} {lang} chance={chance.clone()} />
                        if let Some(chart) = main_chart {
                            <div class="main-chart">{ chart_card(chart, true) }</div>
                        }
                    </section>
                    // Below the first screen: each section mounts in its own task and follows changes
                    // only while in sight or once they settle (`Deferred`).
                    <Deferred {epoch}>{ lazy::goal_seek(goal_seek::Props { valid: state.valid.clone(), lang, on_action: on_action.clone(), on_answers: on_goal_answers }) }</Deferred>
                    <Deferred {epoch}>{ lazy::tornado(tornado_panel::Props { valid: state.valid.clone(), lang }) }</Deferred>
                    <Deferred {epoch}><div class="charts">
                        { for other_charts.iter().map(|c| chart_card(c, false)) }
                    </div></Deferred>
                    <Deferred {epoch}>{ lazy::national(national_panel::Props { lang, on_action: on_action.clone() }) }</Deferred>
                    <Deferred {epoch}>{ keyed(*saved_revision, lazy::saved(saved_panel::Props {
                        scenario: state.valid.scenario().clone(), params: params.clone(), lang,
                        on_open: on_action.reform(|sc| Action::Replace(Box::new(sc))), store: Default::default(),
                    })) }</Deferred>
                    <Deferred {epoch}>{ lazy::results(results_table::Props { outcome: outcome.clone(), lang }) }</Deferred>
                    <Deferred {epoch}>{ lazy::ledger(budget_ledger::Props { outcome: outcome.clone(), lang }) }</Deferred>
                    <Deferred {epoch}>{ lazy::embed(embed_generator::Props { scenario: state.valid.scenario().clone(), lang }) }</Deferred>
                    <Deferred {epoch}>{ lazy::share(share_panel::Props { valid: state.valid.clone(), lang }) }</Deferred>
                    <Deferred {epoch}>{ lazy::files(file_panel::Props { valid: state.valid.clone(), outcome: outcome.clone(), params: params.clone(), lang, on_import }) }</Deferred>
                    <Deferred {epoch}>{ lazy::notes(preset_notes::Props { preset: state.valid.preset.clone().into(), lang }) }</Deferred>
                </main>
            </div>
            if let Some(b) = &*brief {
                { lazy::brief(print_brief::Props {
                    params: params.clone(), scenario: b.scenario.clone(), outcome: b.outcome.clone(),
                    charts: b.charts.clone(), linked: true, goal: b.goal.clone(), lang,
                    chance: (b.scenario == *state.valid.scenario()).then(|| chance.clone()),
                }) }
            }
        </div>
    }
}

/// Saves the work in progress among the saved scenarios as `name` before a link or a file
/// replaces it, and returns the name it got; none when storage is unavailable.
fn keep_work(scenario: &crate::engine::Scenario, name: &str) -> Option<String> {
    let store = storage::SavedStore::default();
    let (mut list, _) = store.load().ok()?;
    let id = list.save(name, scenario, &storage::now_iso()).ok()?;
    let entry = list.get(&id)?.clone();
    store.insert(&entry).ok()?;
    Some(entry.name)
}

/// The scenario fragment of the page address (`#s=…`), if there is one.
fn link_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains("s=").then_some(hash)
}

/// The embed (`src/bin/embed.rs`): the compact view for the page's query (see `ui::embed`).
/// It reads nothing but the query string.
#[component]
pub fn EmbedApp() -> Html {
    let search = use_memo((), |_| {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    });
    html! { <EmbedView query={(*search).clone()} /> }
}

/// The full app (`src/main.rs`): loads the embedded parameters, then the scenario in the
/// page's link if there is one (a bad link opens the default preset with a message saying what
/// was wrong). An embed address (`?embed=…`) loads the embed's own, smaller bundle instead
/// (`web/boot.js`, `src/bin/embed.rs`, `EmbedApp`).
#[component]
pub fn App() -> Html {
    // A link pasted into this tab only changes the fragment: open it as a fresh start. So
    // does a view typed into the address (`#national`); the app's own changes to the address
    // fire no `hashchange`.
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            gloo::events::EventListener::new(&w, "hashchange", |_| {
                let asked = link_fragment().is_some() || storage::load_view().is_some();
                if let (Some(w), true) = (web_sys::window(), asked) {
                    let _ = w.location().reload();
                }
            })
        });
        move || drop(listener)
    });
    let start = use_memo((), |_| {
        PREPARED
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(opening)
    });
    match &*start {
        Ok((state, notice, first_visit)) => {
            html! { <Simulator state={state.clone()} notice={notice.clone()} first_visit={*first_visit} /> }
        }
        Err(message) => html! { <main class="fatal" role="alert"><p>{ message }</p></main> },
    }
}

/// What the app opens with: its state (parameters, scenario, language), what to say about
/// the link it was opened with, and whether this is a first visit (the default scenario, no
/// link, nothing saved); or why it cannot open.
type Opening = Result<(Rc<State>, Option<LinkNotice>, bool), String>;

thread_local! {
    /// `prepare`'s work, taken by the app's first render.
    static PREPARED: std::cell::RefCell<Option<Opening>> = const { std::cell::RefCell::new(None) };
}

/// Works out what the app opens with ahead of its first render (`src/main.rs` runs it in a
/// task of its own, so that reading the parameters and the scenario and rendering the first
/// screen are two shorter tasks rather than one long one).
pub fn prepare() {
    let opened = opening();
    PREPARED.with(|p| *p.borrow_mut() = Some(opened));
}

/// The embedded parameters, then the scenario in the page's link if there is one (a bad
/// link opens the default preset with a message saying what was wrong).
fn opening() -> Opening {
    let params = Parameters::embedded().map_err(|e| e.to_string())?;
    // A link copied from the English page opens in English; otherwise the reader's own.
    let lang = storage::load_link_lang()
        .or_else(storage::load_lang)
        .unwrap_or_default();
    let fallback = || {
        presets::load(presets::DEFAULT)
            .map_err(|e| e.to_string())?
            .validate(&params)
            .map_err(|e| e.to_string())
    };
    // A link wins, and the work in progress it replaces is saved first; a bad link keeps
    // the work in progress open (and says why); otherwise the scenario from last time,
    // if it is still valid, or the default preset. Nothing is lost either way.
    let working = storage::load_current().and_then(|sc| sc.validate(&params).ok());
    let link = link_fragment().map(|f| share::decode(&f, &params));
    let (valid, notice, first_visit) = match (link, working) {
        (Some(Ok(valid)), working) => {
            let kept = working
                .filter(|w| w.scenario() != valid.scenario())
                .and_then(|w| keep_work(w.scenario(), i18n::share::before_link_name(lang)));
            let notice =
                kept.map(|name| LinkNotice::new(|l| i18n::share::work_saved_as(&name, l), false));
            (valid, notice, false)
        }
        (Some(Err(e)), Some(working)) => {
            let text = |l| {
                let why = i18n::share::message(&e, l);
                format!("{why} {}", i18n::share::work_kept_open(l))
            };
            (working, Some(LinkNotice::new(text, true)), false)
        }
        (Some(Err(e)), None) => (
            fallback()?,
            Some(LinkNotice::new(|l| i18n::share::message(&e, l), true)),
            false,
        ),
        (None, Some(working)) => (working, None, false),
        // A first visit, unless the address holds a view's own fragment (`#national=81`),
        // which gets the scenario beside it at once.
        (None, None) => {
            let plain = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .is_none_or(|h| h.len() <= 1);
            (fallback()?, None, plain)
        }
    };
    let state = State::with_baseline(Rc::new(params), valid, lang, storage::load_baseline());
    Ok((Rc::new(state), notice, first_visit))
}

/// `html` under `key`: a new key builds it anew.
fn keyed(key: impl Into<yew::virtual_dom::Key>, html: Html) -> Html {
    Html::VList(Rc::new(yew::virtual_dom::VList::with_children(
        vec![html],
        Some(key.into()),
    )))
}
