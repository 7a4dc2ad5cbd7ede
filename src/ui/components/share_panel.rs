//! "Bagikan": the link that carries the current valid scenario, a button that copies it,
//! and its QR code to show and download for printed handouts. The link itself comes from
//! `ui::share`; this component knows only where the page lives and how to reach the
//! clipboard (and what to do when the browser offers none).

use crate::engine::ValidScenario;
use crate::locale::Lang;
use crate::ui::i18n::share::{text, Text};
use crate::ui::share;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario the link carries: always the last valid one.
    pub valid: Rc<ValidScenario>,
    pub lang: Lang,
}

/// What became of the last "copy" press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copy {
    Idle,
    Copied,
    ByHand,
}

/// This page's address without its fragment: `{origin}{pathname}`.
fn page_address() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Selects the link text so the user can copy it by hand.
fn select(input: &NodeRef) {
    if let Some(input) = input.cast::<HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

#[component]
pub fn SharePanel(props: &Props) -> Html {
    let lang = props.lang;
    // The link opens in the page's language (English says so; Indonesian is the default).
    let fragment = use_memo((props.valid.clone(), lang), |(valid, lang)| {
        share::language::with_lang(&share::encode(valid.scenario()), *lang)
    });
    let url = format!("{}#{}", page_address(), fragment);
    let copy = use_state(|| Copy::Idle);
    let show_qr = use_state(|| false);
    let input = use_node_ref();
    {
        let copy = copy.clone();
        use_effect_with(fragment.clone(), move |_| copy.set(Copy::Idle));
    }
    // Drawn only while shown; `Some(None)` means the link is too long for a QR code.
    let qr = use_memo((url.clone(), *show_qr), |(url, show)| {
        show.then(|| share::qr_svg(url))
    });

    let on_copy = {
        let (copy, input, url) = (copy.clone(), input.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            // `navigator.clipboard` is undefined outside secure contexts (plain http).
            if JsValue::from(clipboard.clone()).is_undefined() {
                select(&input);
                copy.set(Copy::ByHand);
                return;
            }
            let promise = clipboard.write_text(&url);
            let (copy, input) = (copy.clone(), input.clone());
            yew::platform::spawn_local(async move {
                match JsFuture::from(promise).await {
                    Ok(_) => copy.set(Copy::Copied),
                    Err(_) => {
                        select(&input);
                        copy.set(Copy::ByHand);
                    }
                }
            });
        })
    };
    let on_focus = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let on_toggle_qr = {
        let show_qr = show_qr.clone();
        Callback::from(move |_: MouseEvent| show_qr.set(!*show_qr))
    };

    let status = match *copy {
        Copy::Idle => "",
        Copy::Copied => text(Text::Copied, lang),
        Copy::ByHand => text(Text::CopyByHand, lang),
    };
    let qr_html = match &*qr {
        None => html! {},
        Some(None) => html! { <p class="share-qr-too-long">{ text(Text::QrTooLong, lang) }</p> },
        Some(Some(svg)) => {
            let href = format!("data:image/svg+xml;base64,{}", BASE64.encode(svg));
            let name = share::file_name(props.valid.scenario(), "svg").replacen(
                "payung-",
                "payung-qr-",
                1,
            );
            html! {
                <div class="share-qr-box">
                    <div class="share-qr" id="share-qr" role="img" aria-label={text(Text::QrLabel, lang)}>
                        { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                    </div>
                    <a class="button" id="share-qr-download" href={href} download={name}>{ text(Text::DownloadQr, lang) }</a>
                </div>
            }
        }
    };

    html! {
        <section class="group share-panel" aria-labelledby="share-title">
            <h3 id="share-title">{ text(Text::Title, lang) }</h3>
            <label for="share-link">{ text(Text::LinkLabel, lang) }</label>
            <div class="share-row">
                <input id="share-link" type="text" readonly=true value={url} ref={input}
                    onfocus={on_focus} aria-describedby="share-hint share-status" />
                <button type="button" id="share-copy" onclick={on_copy}>{ text(Text::Copy, lang) }</button>
            </div>
            <p id="share-status" class="share-status" role="status" aria-live="polite">{ status }</p>
            <p id="share-hint" class="muted">{ text(Text::Hint, lang) }</p>
            <button type="button" id="share-qr-toggle" aria-expanded={show_qr.to_string()}
                aria-controls={show_qr.then_some("share-qr")}
                onclick={on_toggle_qr}>
                { text(if *show_qr { Text::HideQr } else { Text::ShowQr }, lang) }
            </button>
            { qr_html }
        </section>
    }
}
