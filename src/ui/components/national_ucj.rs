//! Universal Coverage Jamsostek in the national section: the nation's or a province's UCJ
//! now and at the end with the plan against the RPJMN/RKP target, on a 0–100% bar with a
//! tick at the target, each estimate said and the targets' source linked. The figures come from `engine::regions::UcjPath`; the targets' source
//! from `engine::regions::ucj_data`. It knows nothing of the section around it.

use crate::engine::regions::{ucj_data, UcjPath};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, ucj_estimate, ucj_line, Text};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

/// A ratio as a CSS width or position, capped at 0–100%.
fn at(ratio: Decimal) -> String {
    format!("{:.2}%", pct(ratio))
}

fn pct(ratio: Decimal) -> f64 {
    (ratio.to_f64().unwrap_or(0.0) * 100.0).clamp(0.0, 100.0)
}

/// The UCJ line: now, at the end with the plan, the target that year.
pub fn line(path: &UcjPath, lang: Lang) -> Option<String> {
    let last = path.years.last()?;
    Some(ucj_line(
        &format::percent(path.base.share, lang),
        &format::percent(last.share, lang),
        last.year,
        &format::percent(last.target.target, lang),
        last.target.interpolated,
        lang,
    ))
}

/// The nation's or a province's UCJ, under its sentence: the line, the bar, what in it is
/// an estimate, and the targets' source. (The members still short of the target and their
/// cost are in the CSV: `ucj_gap_members`, `ucj_gap_cost`.)
pub fn ucj_block(path: &UcjPath, lang: Lang) -> Html {
    let Some(last) = path.years.last() else {
        return Html::default();
    };
    let base = &path.base;
    let note = ucj_estimate(base.workers_estimated, base.active_estimated, lang);
    let source = ucj_data().ok().and_then(|d| d.targets.references.first());
    html! {
        <div class="ucj" id="national-ucj">
            <p class="ucj-line"><strong>{ "Universal Coverage Jamsostek" }</strong>{ " (" }{ text(Text::UcjLabel, lang) }{ "): " }
                { line(path, lang).unwrap_or_default() }</p>
            <div class="ucj-bar" aria-hidden="true">
                <span class="ucj-now" style={format!("width:{}", at(base.share))}></span>
                <span class="ucj-plan" style={format!("width:{}", at(last.share))}></span>
                <span class="ucj-tick" style={format!("left:{}", at(last.target.target))}></span>
            </div>
            <p class="note">{ note }
                if let Some(r) = source {
                    { " " }{ text(Text::Source, lang) }{ ": " }
                    <a href={r.href.clone()} target="_blank" rel="noopener">{ &r.title }</a>
                }
            </p>
        </div>
    }
}
