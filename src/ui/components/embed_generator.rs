//! "Sematkan" / "Embed": builds an embed of the current scenario for someone else's page.
//! The user picks controls, charts, headline figures, language, theme, accent and size,
//! sees a live preview (an `<iframe>` of the embed on this origin) and copies a ready
//! snippet. The addresses and the snippet come from `ui::embed`; this file only holds the
//! form and the browser parts (clipboard, the preview's height messages).
//!
//! The preview is rendered only while the panel is open, so a closed panel costs nothing.

use crate::engine::Scenario;
use crate::locale::{format, Lang};
use crate::ui::embed::{self, ChartChoice, Control, EmbedConfig, Headline, Theme};
use crate::ui::i18n::embed::{
    chart_label, control_label, frame_title, headline_label, theme_label, Text,
};
use crate::ui::i18n::language_name;
use crate::ui::i18n::{input_error, not_a_number, not_whole, InputError};
use crate::ui::{share, storage};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; throws where there is no Clipboard API.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_text(text: &str) -> Result<Thenable, JsValue>;

    /// The promise `writeText` returns; only `then` is needed.
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, on_done: &JsValue, on_failed: &JsValue);

    /// Any element with `select()` (the snippet's `<textarea>`).
    type Selectable;
    #[wasm_bindgen(method)]
    fn select(this: &Selectable);
}

/// The preview waits this long after the last change before it reloads.
const PREVIEW_DELAY_MS: u32 = 400;
const WIDTH_RANGE: (u32, u32) = (280, 1200);

/// A width or height typed in CSS pixels: a whole number within `range`, or why not, in the
/// user's language (the browser gives an empty value for text that is not a number).
fn size_of(raw: &str, range: (u32, u32), label: &str, lang: Lang) -> Result<u32, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(input_error(lang, InputError::Empty, "", ""));
    }
    let px = |n: u32| format!("{} px", format::number(u64::from(n), lang));
    match raw.parse::<i64>() {
        Ok(v) if (i64::from(range.0)..=i64::from(range.1)).contains(&v) => Ok(v as u32),
        Ok(_) => Err(input_error(
            lang,
            InputError::OutOfRange,
            &px(range.0),
            &px(range.1),
        )),
        Err(_) => Err(not_whole(label, raw, "480", lang)),
    }
}
const HEIGHT_RANGE: (u32, u32) = (200, 3000);

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario to embed: the last valid one.
    pub scenario: Scenario,
    pub lang: Lang,
}

/// The user's choices, apart from the scenario.
#[derive(Clone, Debug, PartialEq)]
struct Choice {
    config: EmbedConfig,
    /// The colour picker's value, kept while the accent is switched off.
    accent: String,
    use_accent: bool,
    width: u32,
    height: u32,
    /// The embed's language, once the user chose one; until then it follows the app's
    /// (the config given to the embed is built with it).
    chosen_lang: Option<Lang>,
}

/// Whether the clipboard took the snippet.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Clip {
    Idle,
    Done,
    Failed,
}

/// The app's own address without query or fragment: the base of every embed address.
/// The national section's edited provinces in this page's address (`nplan=` payload).
fn address_plans() -> Option<String> {
    let address = storage::load_address()?;
    let part = share::plans::part_of(&address)?;
    Some(part[share::plans::KEY.len() + 1..].to_string())
}

fn base_url() -> String {
    let Some(window) = web_sys::window() else {
        return "./".into();
    };
    let location = window.location();
    match (location.origin(), location.pathname()) {
        (Ok(origin), Ok(path)) => format!("{origin}{path}"),
        _ => "./".into(),
    }
}

fn toggled<T: Copy + PartialEq>(all: &[T], current: &[T], item: T, on: bool) -> Vec<T> {
    all.iter()
        .copied()
        .filter(|x| if *x == item { on } else { current.contains(x) })
        .collect()
}

#[component]
pub fn EmbedGenerator(props: &Props) -> Html {
    let lang = props.lang;
    let open = use_state_eq(|| false);
    let choice = use_state(|| Choice {
        config: EmbedConfig::default(),
        accent: "#0072b2".into(),
        use_accent: false,
        width: 480,
        height: 720,
        chosen_lang: None,
    });
    // The embed's language: the one chosen, else the app's.
    let embed_lang = choice.chosen_lang.unwrap_or(lang);
    let base = use_memo((), |_| base_url());
    // The address carries the scenario as a share link: build it only while the panel is
    // open, not on every slider move of the main app.
    let (url, snippet) = if *open {
        let config = EmbedConfig {
            accent: choice.use_accent.then(|| choice.accent.clone()),
            plans: choice.config.national.then(address_plans).flatten(),
            lang: embed_lang,
            ..choice.config.clone()
        }
        .with_scenario(&props.scenario);
        (
            embed::embed_url(&config, &base),
            embed::iframe_snippet(&config, &base, choice.width, choice.height),
        )
    } else {
        (String::new(), String::new())
    };

    // The preview follows the address after a pause, so dragging a slider does not
    // reload it on every step.
    let preview = use_state_eq(String::new);
    {
        let preview = preview.clone();
        use_effect_with((url.clone(), *open), move |(url, open)| {
            let timer = open.then(|| {
                let url = url.clone();
                Timeout::new(PREVIEW_DELAY_MS, move || preview.set(url))
            });
            move || drop(timer)
        });
    }

    // The preview's height messages, checked as the snippet's script checks them.
    let frame = use_node_ref();
    let posted = use_state_eq(|| None::<u32>);
    {
        let frame = frame.clone();
        let posted = posted.clone();
        use_effect_with(*open, move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    let Some(el) = frame.cast::<web_sys::Element>() else {
                        return;
                    };
                    let get = |target: &JsValue, key: &str| {
                        Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
                    };
                    let source = get(event.as_ref(), "source");
                    if source.is_null() || !Object::is(&source, &get(el.as_ref(), "contentWindow"))
                    {
                        return;
                    }
                    let data = get(event.as_ref(), "data");
                    if !data.is_object() {
                        return;
                    }
                    let kind = get(&data, "type").as_string();
                    if let Some(h) =
                        embed::read_height(kind.as_deref(), get(&data, "height").as_f64())
                    {
                        posted.set(Some(h));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let copy = use_state_eq(|| Clip::Idle);
    let snippet_ref = use_node_ref();
    let on_copy = {
        let copy = copy.clone();
        let snippet = snippet.clone();
        let snippet_ref = snippet_ref.clone();
        Callback::from(move |_| {
            let select = {
                let snippet_ref = snippet_ref.clone();
                move || {
                    if let Some(el) = snippet_ref.cast::<web_sys::Element>() {
                        el.unchecked_ref::<Selectable>().select();
                    }
                }
            };
            match write_text(&snippet) {
                Ok(promise) => {
                    let done = copy.clone();
                    let failed = copy.clone();
                    let ok = Closure::once_into_js(move |_: JsValue| done.set(Clip::Done));
                    let err = Closure::once_into_js(move |_: JsValue| {
                        select();
                        failed.set(Clip::Failed);
                    });
                    promise.then(&ok, &err);
                }
                Err(_) => {
                    select();
                    copy.set(Clip::Failed);
                }
            }
        })
    };
    let on_focus_snippet = Callback::from(|e: FocusEvent| {
        if let Some(el) = e.target_dyn_into::<web_sys::Element>() {
            el.unchecked_ref::<Selectable>().select();
        }
    });
    {
        // A changed snippet has not been copied yet.
        let copy = copy.clone();
        use_effect_with(snippet.clone(), move |_| copy.set(Clip::Idle));
    }

    // The width or height last refused, and why (shown beside its field).
    // The width or height last refused: its field, what was typed, and whether the browser
    // found no number in it (a number field gives such text as "").
    let refused_size = use_state(|| None::<(&'static str, String, bool)>);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let is_open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|el| el.has_attribute("open"));
            open.set(is_open);
        })
    };
    let update = {
        let choice = choice.clone();
        move |f: Box<dyn Fn(&mut Choice)>| {
            let mut next = (*choice).clone();
            f(&mut next);
            choice.set(next);
        }
    };
    let checkbox = |id: String,
                    label: &'static str,
                    checked: bool,
                    disabled: bool,
                    on: Callback<bool>| {
        html! {
            <label class="embed-check" for={id.clone()}>
                <input type="checkbox" id={id} {checked} {disabled}
                    onchange={Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))} />
                { label }
            </label>
        }
    };

    let c = &choice.config;
    let controls = Control::ALL.iter().map(|&item| {
        let update = update.clone();
        let on = Callback::from(move |on: bool| {
            update(Box::new(move |ch: &mut Choice| {
                ch.config.controls = toggled(&Control::ALL, &ch.config.controls, item, on);
            }))
        });
        checkbox(
            format!("embed-control-{}", item.code()),
            control_label(item, lang),
            c.controls.contains(&item),
            false,
            on,
        )
    });
    let charts = ChartChoice::ALL.iter().map(|&item| {
        let update = update.clone();
        let checked = c.charts.contains(&item);
        let on = Callback::from(move |on: bool| {
            update(Box::new(move |ch: &mut Choice| {
                let next = toggled(&ChartChoice::ALL, &ch.config.charts, item, on);
                if !next.is_empty() {
                    ch.config.charts = next;
                }
            }))
        });
        let only = checked && c.charts.len() == 1;
        checkbox(
            format!("embed-chart-{}", item.code()),
            chart_label(item, lang),
            checked,
            only,
            on,
        )
    });
    let headlines = Headline::ALL.iter().map(|&item| {
        let update = update.clone();
        let checked = c.headlines.contains(&item);
        let on = Callback::from(move |on: bool| {
            update(Box::new(move |ch: &mut Choice| {
                let next = toggled(&Headline::ALL, &ch.config.headlines, item, on);
                if next.len() <= embed::MAX_HEADLINES {
                    ch.config.headlines = next;
                }
            }))
        });
        let full = !checked && c.headlines.len() >= embed::MAX_HEADLINES;
        checkbox(
            format!("embed-headline-{}", item.code()),
            headline_label(item, lang),
            checked,
            full,
            on,
        )
    });
    let on_lang = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Lang::from_code(&code) {
                update(Box::new(move |ch: &mut Choice| ch.chosen_lang = Some(l)));
            }
        })
    };
    let on_theme = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(t) = Theme::from_code(&code) {
                update(Box::new(move |ch: &mut Choice| ch.config.theme = t));
            }
        })
    };
    let on_use_accent = {
        let update = update.clone();
        Callback::from(move |on: bool| update(Box::new(move |ch: &mut Choice| ch.use_accent = on)))
    };
    let on_accent = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            update(Box::new(move |ch: &mut Choice| {
                ch.accent = value.clone();
                ch.use_accent = true;
            }))
        })
    };
    let size_input = |id: &'static str,
                      label: &'static str,
                      value: u32,
                      range: (u32, u32),
                      set: fn(&mut Choice, u32)| {
        let (update, refused) = (update.clone(), refused_size.clone());
        let onchange = Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let (raw, not_a_number) = (input.value(), input.validity().bad_input());
            match size_of(&raw, range, label, lang) {
                Ok(v) if !not_a_number => {
                    if refused.as_ref().is_some_and(|(i, ..)| *i == id) {
                        refused.set(None);
                    }
                    update(Box::new(move |ch: &mut Choice| set(ch, v)));
                }
                _ => refused.set(Some((id, raw, not_a_number))),
            }
        });
        // A refused size keeps what was typed, says why beside it (in the language shown
        // now), and leaves the code as it was.
        let why = refused_size
            .as_ref()
            .filter(|(i, ..)| *i == id)
            .map(|(_, raw, nan)| match nan {
                true => not_a_number("480", lang),
                false => size_of(raw, range, label, lang).err().unwrap_or_default(),
            });
        let error_id = format!("{id}-error");
        html! {
            <label class="embed-size" for={id}>
                { label }
                <input type="number" {id} min={range.0.to_string()} max={range.1.to_string()} step="10"
                    value={value.to_string()} {onchange}
                    aria-invalid={why.is_some().then_some("true")}
                    aria-describedby={why.is_some().then(|| error_id.clone())} />
                if let Some(why) = why {
                    <span class="field-error" role="alert" id={error_id}>{ why }</span>
                }
            </label>
        }
    };
    let preview_height = posted.unwrap_or(choice.height);
    let show = |id: &'static str, label: &'static str, national: bool| {
        let update = update.clone();
        let onchange = Callback::from(move |_: Event| {
            update(Box::new(move |ch: &mut Choice| {
                ch.config.national = national
            }))
        });
        html! {
            <label class="embed-check" for={id}>
                <input type="radio" name="embed-shows" {id} checked={c.national == national} {onchange} />
                { label }
            </label>
        }
    };

    html! {
        <details class="group embed-generator" id="embed-generator" {ontoggle}>
            <summary><h2>{ Text::Generator.get(lang) }</h2></summary>
            if *open {
                <p class="note">{ Text::GeneratorIntro.get(lang) }</p>
                <div class="embed-options">
                    <fieldset>
                        <legend>{ Text::Shows.get(lang) }</legend>
                        { show("embed-shows-scenario", Text::ShowScenario.get(lang), false) }
                        { show("embed-shows-national", Text::ShowNational.get(lang), true) }
                    </fieldset>
                    if !c.national {
                        <fieldset>
                            <legend>{ Text::Controls.get(lang) }</legend>
                            { for controls }
                        </fieldset>
                        <fieldset>
                            <legend>{ Text::Charts.get(lang) }</legend>
                            { for charts }
                            if c.charts.len() == 1 { <p class="note">{ Text::NoChart.get(lang) }</p> }
                        </fieldset>
                        <fieldset>
                            <legend>{ Text::Headlines.get(lang) }</legend>
                            { for headlines }
                            if c.headlines.len() >= embed::MAX_HEADLINES {
                                <p class="note" id="embed-headlines-full">{ crate::ui::i18n::embed::headlines_full(embed::MAX_HEADLINES, lang) }</p>
                            }
                        </fieldset>
                    }
                    <fieldset>
                        <legend>{ Text::Appearance.get(lang) }</legend>
                        <label class="embed-size" for="embed-lang">{ Text::Language.get(lang) }
                            <select id="embed-lang" onchange={on_lang}>
                                <option value="id" selected={embed_lang == Lang::Id}>{ language_name(Lang::Id) }</option>
                                <option value="en" selected={embed_lang == Lang::En}>{ language_name(Lang::En) }</option>
                            </select>
                        </label>
                        <label class="embed-size" for="embed-theme">{ Text::Theme.get(lang) }
                            <select id="embed-theme" onchange={on_theme}>
                                { for Theme::ALL.iter().map(|t| html! {
                                    <option value={t.code()} selected={c.theme == *t}>{ theme_label(*t, lang) }</option>
                                }) }
                            </select>
                        </label>
                        { checkbox("embed-use-accent".into(), Text::UseAccent.get(lang), choice.use_accent, false, on_use_accent) }
                        <label class="embed-size" for="embed-accent">{ Text::Accent.get(lang) }
                            <input type="color" id="embed-accent" value={choice.accent.clone()} onchange={on_accent} />
                        </label>
                        { size_input("embed-width", Text::Width.get(lang), choice.width, WIDTH_RANGE, |ch, v| ch.width = v) }
                        { size_input("embed-height", Text::Height.get(lang), choice.height, HEIGHT_RANGE, |ch, v| ch.height = v) }
                    </fieldset>
                </div>
                <h3>{ Text::Preview.get(lang) }</h3>
                <div class="embed-preview-box">
                    if !preview.is_empty() {
                        <iframe ref={frame} class="embed-preview" id="embed-preview" src={(*preview).clone()}
                            title={frame_title(embed_lang)} width={choice.width.to_string()}
                            height={preview_height.to_string()}
                            style={format!("width:{}px;height:{}px", choice.width, preview_height)} />
                    }
                </div>
                if let Some(h) = *posted {
                    <p class="note" id="embed-preview-height">{ format!("{}: {h} px", Text::PreviewHeight.get(lang)) }</p>
                }
                <p class="note embed-address">{ Text::Address.get(lang) }{ ": " }<code id="embed-url">{ url }</code></p>
                <label for="embed-snippet"><h3>{ Text::Snippet.get(lang) }</h3></label>
                <p class="note">{ Text::SnippetHelp.get(lang) }</p>
                <textarea id="embed-snippet" ref={snippet_ref} readonly=true rows="12" spellcheck="false"
                    value={snippet} onfocus={on_focus_snippet} />
                <div class="embed-copy">
                    <button type="button" id="embed-copy" onclick={on_copy}>{ Text::Copy.get(lang) }</button>
                    <span role="status" id="embed-copy-status">
                        { match *copy {
                            Clip::Idle => "",
                            Clip::Done => Text::Copied.get(lang),
                            Clip::Failed => Text::CopyFailed.get(lang),
                        } }
                    </span>
                </div>
            }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A size is a whole number of pixels within its range, else a message in the user's
    /// language; nothing is quietly changed (99999 used to become 1200).
    #[test]
    fn a_bad_size_says_why() {
        assert_eq!(
            size_of(" 640 ", WIDTH_RANGE, "Lebar (px)", Lang::Id),
            Ok(640)
        );
        assert_eq!(
            size_of("99999", WIDTH_RANGE, "Lebar (px)", Lang::Id),
            Err("Harus antara 280 px dan 1.200 px.".into())
        );
        assert_eq!(
            size_of("-5", WIDTH_RANGE, "Width (px)", Lang::En),
            Err("Must be between 280 px and 1,200 px.".into())
        );
        assert_eq!(
            size_of("300.5", WIDTH_RANGE, "Width (px)", Lang::En),
            Err("Width (px) must be a whole number, such as 480, not 300.5.".into())
        );
        assert_eq!(
            size_of("", HEIGHT_RANGE, "Tinggi (px)", Lang::Id),
            Err("Isian ini tidak boleh kosong.".into())
        );
    }
}
