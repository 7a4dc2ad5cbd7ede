//! "Berkas": download the scenario JSON and the yearly CSV, import a scenario JSON by file
//! picker or by dropping it on the panel, and (`ChartDownloads`) each chart as SVG or as a
//! PNG rasterised in the browser from that same SVG.
//!
//! What a file means is decided in `ui::share::import_file` (pure, tested natively); this
//! file only moves bytes between the browser and those functions.

use crate::charts::{Request, Size};
use crate::engine::import::scenario_to_json;
use crate::engine::report::yearly_csv;
use crate::engine::{Outcome, Parameters, Scenario, ValidScenario};
use crate::locale::Lang;
use crate::ui::i18n;
use crate::ui::i18n::files::{file_error_message, text, Text};
use crate::ui::share::{self, FileError};
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement,
    HtmlInputElement,
};
use yew::prelude::*;

/// Starts a download of `contents` named `name`, through a Blob URL that is revoked a
/// minute later (revoking at once can cancel the download in some browsers).
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime)));
    click_link(name, &url)?;
    Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Clicks a temporary `<a download>`: the one way to save a file that every browser honours.
fn click_link(name: &str, href: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    Ok(())
}

/// The SVG with its root `width`/`height` set to its `viewBox` size, and that size. Charts
/// say `width="100%"` to fit the page; an image needs real pixels to be drawn at scale.
fn with_pixel_size(svg: &str) -> Option<(String, f64, f64)> {
    let start = svg.find("<svg")?;
    let end = start + svg[start..].find('>')?;
    let tag = &svg[start..end];
    let view_box = attribute(tag, "viewBox")?;
    // Read as exact decimals: the float parser's tables stay out of the app.
    let numbers: Vec<f64> = view_box
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<Decimal>().ok().and_then(|d| d.to_f64()))
        .collect::<Option<_>>()?;
    let [_, _, w, h] = numbers[..] else {
        return None;
    };
    if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
        return None;
    }
    let mut root = tag.to_string();
    for name in ["width", "height"] {
        if let Some(value) = attribute(&root, name) {
            root = root.replacen(&format!(" {name}=\"{value}\""), "", 1);
        }
    }
    let root = root.replacen("<svg", &format!("<svg width=\"{w}\" height=\"{h}\""), 1);
    Some((format!("{}{root}{}", &svg[..start], &svg[end..]), w, h))
}

/// The value of ` name="…"` inside one tag (not `stroke-width` when asking for `width`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

/// Renders an SVG to a PNG `data:` URL at `scale` × its size, on white: the browser draws
/// the very SVG shown on the page, so the PNG cannot drift from it.
pub async fn svg_to_png(svg: &str, scale: f64) -> Result<String, JsValue> {
    let (sized, w, h) =
        with_pixel_size(svg).ok_or_else(|| JsValue::from_str("the SVG has no usable viewBox"))?;
    let url = ObjectUrl::from(Blob::new_with_options(
        sized.as_str(),
        Some("image/svg+xml"),
    ));
    let image = HtmlImageElement::new()?;
    image.set_src(&url);
    JsFuture::from(image.decode()).await?;
    let (width, height) = ((w * scale).round(), (h * scale).round());
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .dyn_into()?;
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d canvas"))?
        .dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width, height);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
    canvas.to_data_url_with_type("image/png")
}

#[derive(Properties, PartialEq, Clone)]
pub struct ChartDownloadsProps {
    /// The chart, drawn for a file (`EXPORT_SIZE`) when a button is pressed.
    pub request: Rc<Request>,
    /// The file name without extension, e.g. `payung-kota-ambon-cakupan`.
    pub name: AttrValue,
    pub lang: Lang,
}

/// The size of downloaded charts: a slide's width, with text readable on it.
const EXPORT_SIZE: Size = Size {
    width: 960,
    text_px: 16,
    height: None,
};

/// "SVG" and "PNG" buttons for one chart; the PNG is drawn from the same SVG at 2×.
#[component]
pub fn ChartDownloads(props: &ChartDownloadsProps) -> Html {
    let lang = props.lang;
    let failed = use_state(|| false);
    let on_svg = {
        let (request, name, failed) = (props.request.clone(), props.name.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let svg = request.draw(EXPORT_SIZE, true).to_svg();
            let ok = download(&format!("{name}.svg"), "image/svg+xml", &svg).is_ok();
            failed.set(!ok);
        })
    };
    let on_png = {
        let (request, name, failed) = (props.request.clone(), props.name.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let svg = request.draw(EXPORT_SIZE, true).to_svg();
            let (name, failed) = (name.clone(), failed.clone());
            yew::platform::spawn_local(async move {
                let saved = match svg_to_png(&svg, 2.0).await {
                    Ok(data_url) => click_link(&format!("{name}.png"), &data_url).is_ok(),
                    Err(_) => false,
                };
                failed.set(!saved);
            });
        })
    };
    html! {
        <div class="chart-downloads" role="group" aria-label={text(Text::ChartDownloads, lang)}>
            <span class="muted">{ text(Text::ChartDownloads, lang) }{ ": " }</span>
            <button type="button" class="chart-download-svg" onclick={on_svg}>{ "SVG" }</button>
            <button type="button" class="chart-download-png" onclick={on_png}>{ "PNG" }</button>
            if *failed {
                <span class="field-error" role="alert">{ text(Text::PngFailed, lang) }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario downloaded as JSON: the last valid one.
    pub valid: Rc<ValidScenario>,
    /// Its outcome, downloaded as the yearly CSV.
    pub outcome: Rc<Outcome>,
    pub params: Rc<Parameters>,
    pub lang: Lang,
    /// A valid scenario read from a file; the app replaces the current one with it and
    /// returns the name under which it saved the work it replaced, if it did.
    pub on_import: Callback<Scenario, Option<String>>,
}

/// What the panel last did. Errors are kept, not their text, so a language switch
/// re-words them.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Reading,
    /// The file's name, and the saved name of the work it replaced (if saved).
    Loaded(String, Option<String>),
    Failed(FileError),
    Unreadable,
    DownloadFailed,
}

#[component]
pub fn FilePanel(props: &Props) -> Html {
    let lang = props.lang;
    let status = use_state(|| Status::Idle);
    let dragging = use_state(|| false);
    // Dropping the reader aborts the read, so it lives until the next import.
    let reader = use_mut_ref(|| None::<FileReader>);

    let on_file = {
        let (status, reader) = (status.clone(), reader.clone());
        let (params, on_import) = (props.params.clone(), props.on_import.clone());
        Callback::from(move |file: web_sys::File| {
            if let Err(e) = share::check_file_size(file.size() as u64) {
                status.set(Status::Failed(e.into()));
                return;
            }
            status.set(Status::Reading);
            let name = file.name();
            let (status, params, on_import) = (status.clone(), params.clone(), on_import.clone());
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_text(&file, move |read| match read {
                Err(_) => status.set(Status::Unreadable),
                Ok(text) => match share::import_file(&text, &params) {
                    Ok(valid) => {
                        let kept = on_import.emit(valid.into_inner());
                        status.set(Status::Loaded(name, kept));
                    }
                    Err(e) => status.set(Status::Failed(e)),
                },
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let on_pick = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default(); // allows the drop
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, on_file) = (dragging.clone(), on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default(); // keeps the browser from opening the file
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };

    let on_json = {
        let (valid, status) = (props.valid.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let name = share::file_name(valid.scenario(), "json");
            if download(
                &name,
                "application/json",
                &scenario_to_json(valid.scenario()),
            )
            .is_err()
            {
                status.set(Status::DownloadFailed);
            }
        })
    };
    let on_csv = {
        let (valid, outcome, status) = (props.valid.clone(), props.outcome.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let name = share::file_name(valid.scenario(), "csv");
            if download(&name, "text/csv", &yearly_csv(&outcome)).is_err() {
                status.set(Status::DownloadFailed);
            }
        })
    };

    let message = match &*status {
        Status::Idle => html! {},
        Status::Reading => {
            html! { <p class="muted" role="status">{ text(Text::Reading, lang) }</p> }
        }
        Status::Loaded(name, kept) => html! {
            <p class="file-status" role="status">{ text(Text::Imported, lang) }{ " " }<strong>{ name }</strong>{ "." }
                if let Some(kept) = kept {
                    { " " }{ i18n::share::file_work_saved_as(kept, lang) }
                }
            </p>
        },
        Status::Failed(e) => html! {
            <p class="field-error" id="import-error" role="alert">{ file_error_message(e, lang) }</p>
        },
        Status::Unreadable => html! {
            <p class="field-error" id="import-error" role="alert">{ text(Text::Unreadable, lang) }</p>
        },
        Status::DownloadFailed => html! {
            <p class="field-error" role="alert">{ text(Text::DownloadFailed, lang) }</p>
        },
    };

    let failed = matches!(&*status, Status::Failed(_) | Status::Unreadable);
    html! {
        <section class={classes!("group", "file-panel", dragging.then_some("dragging"))}
            aria-labelledby="file-title"
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <h3 id="file-title">{ text(Text::Title, lang) }</h3>
            <div class="file-actions">
                <button type="button" id="download-json" onclick={on_json}>{ text(Text::DownloadJson, lang) }</button>
                <button type="button" id="download-csv" onclick={on_csv}>{ text(Text::DownloadCsv, lang) }</button>
            </div>
            <div class="file-import">
                // The browser's own picker says "Choose File" in the browser's language: it is
                // hidden (still focusable), and its label is the button, in the page's.
                <input id="import-json" class="file-input" type="file" accept=".json,application/json"
                    onchange={on_pick} aria-describedby={if failed { "import-error import-hint" } else { "import-hint" }}
                    aria-invalid={failed.then_some("true")} />
                <label for="import-json" class="file-button">{ text(Text::Import, lang) }</label>
            </div>
            <p id="import-hint" class="muted">{ text(Text::DropHint, lang) }</p>
            { message }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_is_drawn_at_the_charts_own_size() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400" width="100%" role="img"><line stroke-width="2"/></svg>"#;
        let (sized, w, h) = with_pixel_size(svg).unwrap();
        assert_eq!((w, h), (800.0, 400.0));
        assert_eq!(
            sized,
            r#"<svg width="800" height="400" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400" role="img"><line stroke-width="2"/></svg>"#
        );
        assert!(with_pixel_size("<svg width=\"10\">").is_none());
        assert!(with_pixel_size("<svg viewBox=\"0 0 0 5\">").is_none());
        assert!(with_pixel_size("not svg").is_none());
        let qr = share::qr_svg("x").unwrap();
        assert!(with_pixel_size(&qr).is_some());
    }
}
