//! Sharing and files in headless Chromium (`cargo test --target wasm32-unknown-unknown --test
//! web_share`): the share panel's link opens the same scenario, its QR code shows and
//! downloads; the file panel imports by picker and by drop through the real handlers and
//! names what is wrong; a chart's PNG is drawn from its SVG at 2× on white; a national
//! edit reaches the address even when its section goes before the address's pause is over.
#![cfg(target_arch = "wasm32")]

use payung::charts::{self, ChartKind, Size};
use payung::engine::import::scenario_to_json;
use payung::engine::regions::{self, OwnSources, ProvinceScenario};
use payung::engine::{presets, simulate, Parameters, Scenario, ValidScenario};
use payung::locale::Lang;
use payung::ui::components::file_panel::{svg_to_png, FilePanel, Props as FileProps};
use payung::ui::components::national_edits::use_edits;
use payung::ui::components::share_panel::{Props as ShareProps, SharePanel};
use payung::ui::share;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, DataTransfer, DragEvent, DragEventInit, Element, HtmlCanvasElement,
    HtmlElement, HtmlImageElement, HtmlInputElement,
};
use yew::prelude::*;

mod web_common;
use web_common::{clean_mount_point, click, find, mount_point, text, until};

wasm_bindgen_test_configure!(run_in_browser);

fn params() -> Parameters {
    Parameters::embedded().unwrap()
}

fn edited() -> ValidScenario {
    let mut sc = presets::load("ambon").unwrap();
    sc.name = "Opsi C: CSR ganda".into();
    sc.sources.pop();
    let names: Vec<String> = sc.sources.iter().map(|s| s.name.clone()).collect();
    sc.region
        .covered_at_start
        .retain(|c| names.contains(&c.source));
    sc.enrolment.verification_per_month = 2_500;
    sc.validate(&params()).unwrap()
}

#[wasm_bindgen_test]
async fn the_share_link_opens_the_same_scenario_and_its_qr_code_shows_and_downloads() {
    let valid = edited();
    let root = mount_point();
    let props = ShareProps {
        valid: Rc::new(valid.clone()),
        lang: Lang::Id,
    };
    yew::Renderer::<SharePanel>::with_root_and_props(root.clone(), props).render();
    until("the link", || {
        find::<HtmlInputElement>(&root, "#share-link").is_some()
    })
    .await;

    let link: HtmlInputElement = find(&root, "#share-link").unwrap();
    let url = link.value();
    let page = gloo::utils::window().location();
    let expected_start = format!(
        "{}{}#s={}.",
        page.origin().unwrap(),
        page.pathname().unwrap(),
        share::LINK_VERSION
    );
    assert!(url.starts_with(&expected_start), "{url}");
    let opened = share::decode(&url, &params()).unwrap();
    assert_eq!(scenario_to_json(&opened), scenario_to_json(&valid));

    // Copy: either the clipboard takes it, or the link is selected for Ctrl+C, and the
    // user is told which.
    click(&root, "#share-copy");
    until("the copy status", || {
        !text(&root, "#share-status").is_empty()
    })
    .await;
    let status = text(&root, "#share-status");
    if status.starts_with("Peramban ini tidak mengizinkan") {
        assert_eq!(link.selection_start().unwrap(), Some(0));
        assert_eq!(link.selection_end().unwrap(), Some(url.len() as u32));
    } else {
        assert_eq!(status, "Tautan disalin.");
    }

    assert!(find::<Element>(&root, "#share-qr").is_none());
    let toggle: HtmlElement = find(&root, "#share-qr-toggle").unwrap();
    assert_eq!(toggle.text_content().unwrap(), "Tampilkan kode QR");
    toggle.click();
    until("the QR code", || {
        find::<Element>(&root, "#share-qr svg").is_some()
    })
    .await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let qr: Element = find(&root, "#share-qr").unwrap();
    assert_eq!(qr.get_attribute("role").as_deref(), Some("img"));
    let download: Element = find(&root, "#share-qr-download").unwrap();
    assert!(download
        .get_attribute("href")
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));
    assert_eq!(
        download.get_attribute("download").as_deref(),
        Some("payung-qr-opsi-c-csr-ganda.svg")
    );
    assert_eq!(download.text_content().unwrap(), "Unduh QR (SVG)");
}

/// A file panel whose imports land in the returned list.
fn mount_file_panel(root: &Element) -> Rc<RefCell<Vec<Scenario>>> {
    let imported = Rc::new(RefCell::new(Vec::new()));
    let sink = imported.clone();
    let params = Rc::new(params());
    let valid = presets::load("ambon").unwrap().validate(&params).unwrap();
    let outcome = Rc::new(simulate(&params, &valid));
    let props = FileProps {
        valid: Rc::new(valid),
        outcome,
        params,
        lang: Lang::Id,
        on_import: Callback::from(move |sc| {
            sink.borrow_mut().push(sc);
            None
        }),
    };
    yew::Renderer::<FilePanel>::with_root_and_props(root.clone(), props).render();
    imported
}

fn file(name: &str, contents: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&contents.into());
    web_sys::File::new_with_str_sequence(&parts, name).unwrap()
}

/// What the browser does when a user picks a file: set `files`, fire `change`.
fn pick(root: &Element, file: &web_sys::File) {
    let input: HtmlInputElement = find(root, "#import-json").unwrap();
    let transfer = DataTransfer::new().unwrap();
    transfer.items().add_with_file(file).unwrap();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn importing_by_picker_or_by_drop_loads_the_scenario_or_names_the_problem() {
    let root = mount_point();
    let imported = mount_file_panel(&root);
    until("the panel", || {
        find::<Element>(&root, "#import-json").is_some()
    })
    .await;
    assert_eq!(text(&root, "#download-json"), "Unduh JSON skenario");
    assert_eq!(text(&root, "#download-csv"), "Unduh CSV hasil");

    // By picker: a file exported from another scenario.
    let wanted = edited().into_inner();
    pick(&root, &file("opsi-c.json", &scenario_to_json(&wanted)));
    until("the import", || imported.borrow().len() == 1).await;
    assert_eq!(
        scenario_to_json(&imported.borrow()[0]),
        scenario_to_json(&wanted)
    );
    until("the status", || {
        text(&root, ".file-status").contains("opsi-c.json")
    })
    .await;

    // Not JSON.
    pick(&root, &file("catatan.json", "{nope"));
    until("the error", || {
        find::<Element>(&root, "[role=alert]").is_some()
    })
    .await;
    assert!(text(&root, "#import-error").starts_with("Berkas ini bukan JSON"));

    // A value out of range, named by its field's label, never its JSON path.
    let mut bad = wanted.clone();
    bad.sources[0].first_month = 13;
    pick(&root, &file("bad.json", &scenario_to_json(&bad)));
    until("the range error", || {
        text(&root, "#import-error").contains("Bulan mulai di tahun pertama")
    })
    .await;
    assert!(text(&root, "#import-error").contains("«Bulan mulai di tahun pertama (sumber ke-1)»"));
    assert!(!text(&root, "#import-error").contains("first_month"));

    // Too large: refused before it is read.
    pick(&root, &file("big.json", &" ".repeat(1_000_001)));
    until("the size error", || {
        text(&root, "#import-error").starts_with("Berkas terlalu besar")
    })
    .await;

    // By drop onto the panel.
    let transfer = DataTransfer::new().unwrap();
    let dropped = presets::load("maluku").unwrap();
    transfer
        .items()
        .add_with_file(&file("maluku.json", &scenario_to_json(&dropped)))
        .unwrap();
    let init = DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let panel: Element = find(&root, ".file-panel").unwrap();
    let drop = DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    panel.dispatch_event(&drop).unwrap();
    assert!(
        drop.default_prevented(),
        "the browser would open the file instead"
    );
    until("the dropped import", || imported.borrow().len() == 2).await;
    assert_eq!(imported.borrow()[1], dropped);
    assert!(find::<Element>(&root, "[role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn a_chart_png_is_its_svg_at_twice_the_size_on_white() {
    let params = params();
    let valid = presets::load("ambon").unwrap().validate(&params).unwrap();
    let outcome = simulate(&params, &valid);
    let target = valid.target.coverage;
    let size = Size {
        width: 800,
        text_px: 14,
        height: None,
    };
    let svg = charts::draw(ChartKind::Cost, &outcome, None, target, Lang::Id, size).to_svg();
    // The file's height: the scene's and its heading's, as its viewBox says.
    let view_box = svg.split("viewBox=\"0 0 800 ").nth(1).unwrap();
    let height: u32 = view_box.split('"').next().unwrap().parse().unwrap();
    assert!(height >= 400, "{height}");
    let png = svg_to_png(&svg, 2.0).await.unwrap();
    assert!(png.starts_with("data:image/png;base64,"));

    let image = HtmlImageElement::new().unwrap();
    image.set_src(&png);
    JsFuture::from(image.decode()).await.unwrap();
    assert_eq!(
        (image.natural_width(), image.natural_height()),
        (1600, 2 * height)
    );

    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(1600);
    canvas.set_height(800);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .unwrap();
    let pixels = context
        .get_image_data(0.0, 0.0, 1600.0, 800.0)
        .unwrap()
        .data();
    let at = |x: usize, y: usize| {
        let i = (y * 1600 + x) * 4;
        (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    };
    // Opaque white background in the corner, not transparency.
    assert_eq!(at(2, 2), (255, 255, 255, 255));
    // Ink in every quarter: the chart fills the image, not a corner of it.
    for (x0, y0) in [(0, 0), (800, 0), (0, 400), (800, 400)] {
        let inked = (y0..y0 + 400)
            .step_by(3)
            .flat_map(|y| (x0..x0 + 800).step_by(3).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let (r, g, b, _) = at(x, y);
                u32::from(r) + u32::from(g) + u32::from(b) < 600
            })
            .count();
        assert!(
            inked > 100,
            "quarter at ({x0}, {y0}) has {inked} inked pixels"
        );
    }
}

#[derive(Properties, PartialEq)]
struct EditsHostProps {
    edit: OwnSources,
}

/// Makes one national edit as soon as it mounts and says how many edits it holds.
#[yew::component]
fn EditsHost(props: &EditsHostProps) -> Html {
    let (edits, _) = use_edits();
    let held = edits.len();
    use_effect_with(props.edit.clone(), move |edit| {
        edits.set(vec![edit.clone()])
    });
    html! { <p id="edits">{ held }</p> }
}

#[wasm_bindgen_test]
async fn a_national_edit_reaches_the_address_when_its_section_goes_at_once() {
    let params = params();
    let catalogue = regions::catalogue().unwrap();
    let maluku = ProvinceScenario::starting(&params, catalogue, "81").unwrap();
    let edit = OwnSources {
        province: maluku.province,
        sources: maluku.sources,
    };
    let root = clean_mount_point();
    let app =
        yew::Renderer::<EditsHost>::with_root_and_props(root.clone(), EditsHostProps { edit })
            .render();
    until("the edit is held", || text(&root, "#edits") == "1").await;
    // Gone well before `storage::ADDRESS_MS`, when the address would have taken the edit.
    app.destroy();
    let href = || gloo::utils::window().location().href().unwrap();
    until("the address keeps the edit", || href().contains("nplan=")).await;
}
