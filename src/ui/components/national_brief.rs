//! The printed brief of the national section: the nation's or the chosen province's
//! sentence and UCJ line, a province's own sources as planned, and the table of its regions (workers, final coverage, cost, UCJ),
//! with the address that reopens the view and its QR code. The section's print button
//! writes it (as markup: nothing in it is interactive) into a host element of its own
//! outside the app, and
//! while `print-national` is on the root element only it is printed (`@media print` in
//! styles/main.css); the scenario's brief prints otherwise.

use super::national_ucj::line;
use super::print_brief::{prints_link_text, svg_src};
use crate::charts::escape;
use crate::engine::regions::RegionResult;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, ucj_estimate, Text};
use crate::ui::i18n::province_sources::{text as sources_text, Text as SourcesText};
use crate::ui::i18n::T;
use crate::ui::share;

fn sources_title(lang: Lang) -> &'static str {
    sources_text(SourcesText::Title, lang)
}

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
/// the order given, with its headline `sentence` and a province's own sources (`sources`,
/// one sentence each; none for the nation), as markup for the host.
pub fn brief(
    head: &RegionResult,
    head_name: &str,
    sentence: &str,
    sources: &[String],
    regions: &[(String, &RegionResult)],
    lang: Lang,
) -> String {
    let sources = if sources.is_empty() {
        String::new()
    } else {
        let items: String = sources
            .iter()
            .map(|s| format!("<li>{}</li>", escape(s)))
            .collect();
        format!(
            r#"<h2>{}</h2><ul class="brief-sources">{items}</ul>"#,
            sources_title(lang)
        )
    };
    let link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let code = share::qr(&link);
    let qr = code
        .as_ref()
        .map(|q| {
            format!(
                r#"<div class="brief-qr"><img src="{}" alt="" style="{}"></div>"#,
                escape(&svg_src(&q.svg)),
                q.printed_style()
            )
        })
        .unwrap_or_default();
    let link_html = if prints_link_text(&link, code.as_ref()) {
        format!(r#"<span class="link-text">{}</span>"#, escape(&link))
    } else {
        format!(
            r#"<span class="link-scan">{}</span>"#,
            T::BriefLinkScan.get(lang)
        )
    };
    let ucj = head
        .ucj
        .as_ref()
        .and_then(|p| {
            let estimate = ucj_estimate(p.base.workers_estimated, p.base.active_estimated, lang);
            Some(format!(
                "<p>{} {}</p>",
                escape(&line(p, lang)?),
                escape(&estimate)
            ))
        })
        .unwrap_or_default();
    let with_ucj = regions.iter().any(|(_, r)| r.ucj.is_some());
    let cell = |t: &str| format!("<td>{t}</td>");
    let mut rows = String::new();
    for (name, r) in regions {
        let last = r.years.last();
        rows += &format!("<tr><th>{}</th>", escape(name));
        rows += &cell(&last.map_or_else(|| "—".into(), |y| format::number(y.workers, lang)));
        rows += &cell(&last.map_or_else(|| "—".into(), |y| format::percent(y.coverage, lang)));
        rows += &cell(&format::rupiah_compact(r.total_contributions(), lang));
        if with_ucj {
            let share = r.ucj.as_ref().and_then(|u| u.years.last());
            rows += &cell(&share.map_or_else(|| "—".into(), |u| format::percent(u.share, lang)));
        }
        rows += "</tr>";
    }
    let mut head_row = [Text::Region, Text::Workers, Text::Coverage, Text::Cost]
        .map(|t| format!("<th>{}</th>", text(t, lang)))
        .concat();
    if with_ucj {
        head_row += &format!("<th>{}</th>", text(Text::Ucj, lang));
    }
    format!(
        r#"<section class="brief national-brief" aria-hidden="true"><header class="brief-head"><div><h1>{}</h1><p class="brief-region"><strong>{}</strong></p></div><p class="brief-date">Payung ☂</p></header><p>{}</p>{ucj}{sources}<table><thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table><div class="brief-link">{qr}<p><strong>{}:</strong><br>{link_html}</p></div></section>"#,
        text(Text::Title, lang),
        escape(head_name),
        escape(sentence),
        T::BriefLink.get(lang),
    )
}
