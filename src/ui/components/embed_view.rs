//! The compact view that other sites put in an `<iframe>` (`?embed=1&…`): the chosen
//! controls, the chosen charts, one or two headline figures, a link to the full simulator,
//! and a small box of notices about the address; with `?embed=national`, the national map
//! (`embed_national`) in place of the scenario's figures, controls and charts. Light by default; `dark` and an accent
//! colour come from the address as a class and CSS custom properties on the root
//! (`styles/embed.css`, scoped under `.embed`). It fits a 320 px column and redraws its
//! charts at the width of their boxes (`ChartCard`).
//!
//! The host page is trusted with nothing but the documented query parameters
//! (`ui::embed`). The view listens to no message; it posts one, to `window.parent`,
//! whenever its height changes: `{ "type": "payung:height", "height": <px> }`. It writes no
//! storage and makes no request.

use super::chart_card::ChartCard;
use super::embed_national::NationalEmbed;
use super::scenario_field::{jht_switch, number_input};
use crate::charts::{Request, Source};
use crate::engine::ratio;
use crate::engine::{Outcome, Parameters};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::embed::{self, ChartChoice, ControlInput, EmbedConfig, Headline, Notice, Theme};
use crate::ui::i18n::embed::{notice_text, Text};
use crate::ui::i18n::national::{text as national_text, Text as NationalText};
use crate::ui::i18n::summary::{covered_of, target_by};
use crate::ui::i18n::{field_label, month_name, scenario_error, T};
use crate::ui::outcomes::use_outcomes;
use crate::ui::share;
use crate::ui::state::{Action, Field, State};
use gloo::events::EventListener;
use js_sys::{Function, Object, Reflect};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's `ResizeObserver`, bound here because web-sys has it only behind a
    /// feature this crate does not enable.
    type ResizeObserver;
    #[wasm_bindgen(constructor, catch)]
    fn new(callback: &Function) -> Result<ResizeObserver, JsValue>;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's query string (`location.search`): the only input from the host page.
    pub query: AttrValue,
}

/// What the address asked for, and the state it starts from.
#[derive(PartialEq)]
struct Setup {
    config: EmbedConfig,
    notices: Vec<Notice>,
    state: Rc<State>,
}

/// Reads the address and opens its scenario; never blank: a bad address becomes notices,
/// and only a build whose embedded data fails shows an error instead of the embed.
#[component]
pub fn EmbedView(props: &Props) -> Html {
    let setup = use_memo(props.query.clone(), |query| {
        let (config, mut notices) = embed::parse(query);
        let params = Parameters::embedded().map_err(|e| e.to_string())?;
        let started = embed::start(&config, &params)?;
        notices.extend(started.notices);
        notices.truncate(embed::MAX_NOTICES);
        let state = Rc::new(State::new(Rc::new(params), started.valid, config.lang));
        Ok::<_, String>(Rc::new(Setup {
            config,
            notices,
            state,
        }))
    });
    match &*setup {
        Ok(setup) => html! { <Embed setup={setup.clone()} /> },
        Err(message) => html! {
            <div class="embed"><p class="embed-fatal" role="alert">{ message }</p></div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct EmbedProps {
    setup: Rc<Setup>,
}

/// The chosen charts, each drawn by its card at the width of its box.
fn requests(
    choices: &[ChartChoice],
    outcome: &Rc<Outcome>,
    baseline: Option<(String, Rc<Outcome>)>,
    target: Decimal,
    lang: Lang,
) -> Vec<Rc<Request>> {
    choices
        .iter()
        .map(|choice| {
            Rc::new(Request {
                kind: choice.kind(),
                lang,
                source: Source::Outcome {
                    outcome: outcome.clone(),
                    baseline: baseline.clone(),
                    target,
                    bands: None,
                },
            })
        })
        .collect()
}

/// The bottom edge of `el` in the document, in whole CSS pixels (rounded up, so the host
/// never cuts a fraction of a pixel off).
fn bottom_of(el: &HtmlElement) -> Option<u32> {
    let measure = Reflect::get(el, &"getBoundingClientRect".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let rect = measure.call0(el).ok()?;
    let bottom = Reflect::get(&rect, &"bottom".into()).ok()?.as_f64()?;
    let scrolled = web_sys::window()?.scroll_y().unwrap_or(0.0);
    let px = (bottom + scrolled).ceil();
    (px.is_finite() && px > 0.0).then_some(px as u32)
}

/// Posts `{ type: "payung:height", height }` to the parent window when the height changed
/// since the last post. Outside a frame it posts nothing.
fn post_height(root: &NodeRef, last: &RefCell<u32>) {
    let Some(el) = root.cast::<HtmlElement>() else {
        return;
    };
    let Some(height) = bottom_of(&el) else {
        return;
    };
    if height == *last.borrow() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if Object::is(&parent, &window) {
        return;
    }
    let message = Object::new();
    let typed = Reflect::set(&message, &"type".into(), &embed::MESSAGE_TYPE.into())
        .and_then(|_| Reflect::set(&message, &"height".into(), &f64::from(height).into()));
    if typed.is_ok() && parent.post_message(&message, "*").is_ok() {
        *last.borrow_mut() = height;
    }
}

#[component]
fn Embed(props: &EmbedProps) -> Html {
    let setup = props.setup.clone();
    let config = &setup.config;
    let state = {
        let initial = setup.state.clone();
        use_reducer(move || (*initial).clone())
    };
    let outcomes = use_outcomes(&state);
    // The first answer shows once the preset's (the charts' faint baseline) is here too, so
    // that the charts do not move when it comes.
    let answer = outcomes
        .outcome
        .clone()
        .filter(|_| !outcomes.baseline_pending);
    let lang = state.lang;
    // The page's own language is the embed's (the loader guessed it from the browser's).
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let drawn = use_memo(
        (
            config.charts.clone(),
            answer.clone(),
            outcomes.baseline.clone(),
            state.preset.region.name.clone(),
            state.valid.target.coverage,
            lang,
        ),
        |(choices, answer, baseline, name, target, lang)| match answer {
            Some(outcome) => {
                let baseline = baseline.clone().map(|b| (name.clone(), b));
                requests(choices, outcome, baseline, *target, *lang)
            }
            None => Vec::new(),
        },
    );

    let root = use_node_ref();
    let last_height = use_mut_ref(|| 0u32);
    // After every render: the content may have grown or shrunk.
    {
        let root = root.clone();
        let last = last_height.clone();
        use_effect(move || post_height(&root, &last));
    }
    // Between renders: the host resizes the iframe, a data table opens, text reflows.
    {
        let root = root.clone();
        let last = last_height.clone();
        use_effect_with((), move |_| {
            let target = root.cast::<web_sys::Element>();
            let measure = Rc::new(move || post_height(&root, &last));
            let observed = {
                let measure = measure.clone();
                let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| measure());
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
                if let (Some(observer), Some(el)) = (&observer, &target) {
                    observer.observe(el);
                }
                observer.map(|o| (o, callback))
            };
            // Without ResizeObserver, window resizes are the next best signal.
            let fallback = observed.is_none().then(|| {
                let measure = measure.clone();
                EventListener::new(&gloo::utils::window(), "resize", move |_| measure())
            });
            move || {
                if let Some((observer, _callback)) = observed {
                    observer.disconnect();
                }
                drop(fallback);
            }
        });
    }

    let on_action = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let national = config.national;
    let full_link = if national {
        let edits = config
            .plans
            .as_ref()
            .map(|p| format!("{}={p}&", share::plans::KEY));
        let fragment = format!(
            "{}{}",
            edits.unwrap_or_default(),
            share::view::View::Nation.part()
        );
        format!("./#{}", share::language::with_lang(&fragment, lang))
    } else {
        let fragment = share::encode(state.valid.scenario());
        format!("./#{}", share::language::with_lang(&fragment, lang))
    };
    let sc = &state.scenario;

    html! {
        <div ref={root} id="embed" lang={lang.code()}
            class={classes!("embed", (config.theme == Theme::Dark).then_some("dark"))}
            style={embed::style(config)}>
            <p class="embed-title">{ if national { national_title(lang) } else { &state.valid.region.name } }</p>
            if !setup.notices.is_empty() {
                <aside class="embed-notices" id="embed-notices" aria-label={Text::NoticesTitle.get(lang)}>
                    <p class="embed-notices-title">{ Text::NoticesTitle.get(lang) }</p>
                    <ul>{ for setup.notices.iter().map(|n| html! { <li>{ with_code(&notice_text(n, lang)) }</li> }) }</ul>
                </aside>
            }
            if national {
                <NationalEmbed {lang} plans={config.plans.clone().map(AttrValue::from)} />
            } else {
            if config.headlines.is_empty() {
                if answer.is_none() {
                    <p class="embed-busy muted" aria-busy="true">{ T::Computing.get(lang) }</p>
                }
            } else {
                // Until the answer comes, the figures keep their place (titles, "…"), so
                // nothing below them moves when it does.
                <div class="embed-figures" aria-busy={answer.is_none().to_string()}>
                    { for config.headlines.iter().map(|h| headline(*h, answer.as_deref(), &state, lang)) }
                </div>
            }
            if !config.controls.is_empty() {
                <div class="embed-controls">
                    { for config.controls.iter().filter_map(|c| c.input(sc)).map(|input| control(input, &state, &on_action)) }
                </div>
            }
            if let Some(e) = &state.error {
                <p class="embed-error" role="alert">{ scenario_error(e, lang) }{ " " }{ T::InvalidShown.get(lang) }</p>
            }
            <div class="embed-charts">
                { for drawn.iter().map(|chart| html! {
                    <ChartCard request={chart.clone()} show_data={T::ShowData.get(lang)} />
                }) }
            </div>
            }
            <p class="embed-foot">
                <a id="embed-open" href={full_link} target="_blank" rel="noopener">
                    { Text::OpenFull.get(lang) }{ " ↗" }
                    <span class="sr-only">{ " " }{ Text::OpenFullHint.get(lang) }</span>
                </a>
                <span class="embed-brand">{ "☂ Payung" }</span>
            </p>
        </div>
    }
}

fn national_title(lang: Lang) -> &'static str {
    national_text(NationalText::Title, lang)
}

/// Text with `backticked` names shown as code, as the notices quote parameters.
fn with_code(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

/// One control: a slider with a typed field, or the JHT switch.
fn control(input: ControlInput, state: &State, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    match input {
        ControlInput::Jht => jht_switch(state, on_action, Html::default()),
        ControlInput::Number(field) => {
            let label = match field {
                Field::Source(i, _) => match state.scenario.sources.get(i) {
                    Some(s) => format!("{} — {}", field_label(field, lang), s.name),
                    None => field_label(field, lang).to_string(),
                },
                _ => field_label(field, lang).to_string(),
            };
            number_input(state, field, on_action, label, None, Html::default())
        }
    }
}

/// One headline figure; its title and "…" while the answer is worked out.
fn headline(which: Headline, outcome: Option<&Outcome>, state: &State, lang: Lang) -> Html {
    let pending = || "…".to_string();
    let (id, title, big, small) = match which {
        Headline::Coverage => {
            let last = outcome.map(|o| o.last_month());
            (
                "figure-coverage",
                T::CardCoverage.get(lang).to_string(),
                last.map_or_else(pending, |l| {
                    format::percent(ratio(l.covered, l.population), lang)
                }),
                last.map_or_else(pending, |l| covered_of(l.covered, l.population, lang)),
            )
        }
        Headline::Cost => {
            let first = outcome.and_then(|o| o.years.first());
            let year = first.map_or(state.valid.horizon.start.year, |y| y.year);
            (
                "figure-cost",
                format!("{} ({year})", T::CardCostYear.get(lang)),
                first.map_or_else(pending, |y| {
                    format::rupiah_compact(y.contributions_total, lang)
                }),
                String::new(),
            )
        }
        Headline::Target => {
            let target = &state.valid.target;
            let reached = outcome.map_or_else(pending, |o| match o.target_reached {
                Some(d) => format!("{} {}", month_name(d.month, lang), d.year),
                None => T::NotReached.get(lang).to_string(),
            });
            let goal = target_by(target, lang);
            (
                "figure-target",
                T::CardTarget.get(lang).to_string(),
                reached,
                goal,
            )
        }
        Headline::PerWorker => (
            "figure-per-worker",
            T::CardPerWorkerYear.get(lang).to_string(),
            outcome.map_or_else(pending, |o| {
                o.totals
                    .cost_per_worker_year
                    .map(|r| format::rupiah_in(r, lang))
                    .unwrap_or_else(|| "—".into())
            }),
            String::new(),
        ),
    };
    html! {
        <div class="embed-figure" {id}>
            <p class="embed-figure-title">{ title }</p>
            <p class="embed-figure-big">{ big }</p>
            if !small.is_empty() { <p class="embed-figure-small">{ small }</p> }
        </div>
    }
}
