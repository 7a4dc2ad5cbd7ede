//! The printed brief of the national section: the nation's or the chosen province's
//! sentence and UCJ line, and the table of its regions (workers, final coverage, cost, UCJ),
//! with the address that reopens the view and its QR code. It is drawn only when the
//! section's print button asks for it, into a host element of its own outside the app, and
//! while `print-national` is on the root element only it is printed (`@media print` in
//! styles/main.css); the scenario's brief prints otherwise.

use super::national_ucj::line;
use super::print_brief::svg_src;
use crate::engine::regions::{RegionResult, RegionYear};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, ucj_estimate, Text};
use crate::ui::i18n::T;
use crate::ui::share;
use yew::prelude::*;

/// The root element's class while the national brief is what prints.
pub const PRINT_CLASS: &str = "print-national";

/// A host for the brief, appended to the document's body (removed by `remove_host`).
pub fn make_host() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let host = document.create_element("div").ok()?;
    host.set_class_name("national-print");
    document.body()?.append_child(&host).ok()?;
    Some(host)
}

/// Prints with `PRINT_CLASS` on the root element, taken off again after printing.
pub fn print_now() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.class_list().add_1(PRINT_CLASS);
    gloo::events::EventListener::once(&window, "afterprint", move |_| {
        let _ = root.class_list().remove_1(PRINT_CLASS);
    })
    .forget();
    let _ = window.print();
}

/// The brief for `head` (the nation or a province, named `head_name`) and its regions in
/// the order given, with its headline `sentence`.
pub fn brief(
    head: &RegionResult,
    head_name: &str,
    sentence: &str,
    regions: &[(String, &RegionResult)],
    lang: Lang,
) -> Html {
    let link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let qr = share::qr_svg(&link);
    let ucj = head.ucj.as_ref().and_then(|p| {
        let estimate = ucj_estimate(p.base.workers_estimated, p.base.active_estimated, lang);
        Some(format!("{} {estimate}", line(p, lang)?))
    });
    let with_ucj = regions.iter().any(|(_, r)| r.ucj.is_some());
    let row = |(name, r): &(String, &RegionResult)| {
        let last = r.years.last();
        let cell = |f: &dyn Fn(&RegionYear) -> String| {
            html! { <td>{ last.map_or_else(|| "—".to_string(), f) }</td> }
        };
        let ucj = r
            .ucj
            .as_ref()
            .and_then(|u| u.years.last())
            .map_or_else(|| "—".to_string(), |u| format::percent(u.share, lang));
        html! {
            <tr>
                <th>{ name }</th>
                { cell(&|y| format::number(y.workers, lang)) }
                { cell(&|y| format::percent(y.coverage, lang)) }
                <td>{ format::rupiah_compact(r.total_contributions(), lang) }</td>
                if with_ucj { <td>{ ucj }</td> }
            </tr>
        }
    };
    html! {
        <section class="brief national-brief" aria-hidden="true">
            <header class="brief-head">
                <div>
                    <h1>{ text(Text::Title, lang) }</h1>
                    <p class="brief-region"><strong>{ head_name }</strong></p>
                </div>
                <p class="brief-date">{"Payung ☂"}</p>
            </header>
            <p>{ sentence }</p>
            if let Some(line) = ucj { <p>{ line }</p> }
            <table>
                <thead><tr>
                    <th>{ text(Text::Region, lang) }</th>
                    <th>{ text(Text::Workers, lang) }</th>
                    <th>{ text(Text::Coverage, lang) }</th>
                    <th>{ text(Text::Cost, lang) }</th>
                    if with_ucj { <th>{ text(Text::Ucj, lang) }</th> }
                </tr></thead>
                <tbody>{ for regions.iter().map(row) }</tbody>
            </table>
            <div class="brief-link">
                if let Some(qr) = qr {
                    <div class="brief-qr"><img src={svg_src(&qr)} alt="" /></div>
                }
                <p><strong>{ T::BriefLink.get(lang) }{ ":" }</strong><br/><span class="link-text">{ link }</span></p>
            </div>
        </section>
    }
}
