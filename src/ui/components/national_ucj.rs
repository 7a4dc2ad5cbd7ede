//! Universal Coverage Jamsostek in the national section: the nation's or a province's UCJ
//! now and at the end with the plan, against the RPJMN/RKP targets (drawn as ticks on a
//! 0–100% bar), each estimate said and the targets' source linked; and a province's cell
//! in the table. The figures come from `engine::regions::UcjPath`; the targets' source
//! from `engine::regions::ucj_data`. It knows nothing of the section around it.

use crate::charts::escape;
use crate::engine::regions::{ucj_data, UcjPath, UcjYear};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, ucj_estimate, ucj_gap, ucj_line, Text};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A ratio as a CSS width or position, capped at 0–100%.
fn at(ratio: Decimal) -> String {
    format!("{:.2}%", pct(ratio))
}

fn pct(ratio: Decimal) -> f64 {
    (ratio.to_f64().unwrap_or(0.0) * 100.0).clamp(0.0, 100.0)
}

/// The bar: the share now, the share the plan adds, and a tick at each stated target in
/// the horizon (the last year's too, dashed when interpolated).
fn bar(path: &UcjPath, last: &UcjYear, lang: Lang) -> String {
    let ticks: String = path
        .years
        .iter()
        .filter(|y| !y.target.interpolated || y.year == last.year)
        .map(|y| {
            format!(
                r#"<span class="ucj-tick{}" style="left:{}" title="{} {}: {}"></span>"#,
                if y.target.interpolated {
                    " interpolated"
                } else {
                    ""
                },
                at(y.target.target),
                text(Text::UcjTargets, lang),
                y.year,
                format::percent(y.target.target, lang)
            )
        })
        .collect();
    let now = at(path.base.share);
    let plan = (pct(last.share) - pct(path.base.share)).max(0.0);
    format!(
        r#"<div class="ucj-bar" aria-hidden="true"><span class="ucj-now" style="width:{now}"></span><span class="ucj-plan" style="left:{now};width:{plan:.2}%"></span>{ticks}</div>"#
    )
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

/// The nation's or a province's UCJ, under its sentence. Nothing in it is interactive, so
/// it is written as one piece of markup (smaller in the bundle than a tree of nodes), kept
/// up to date in place (`in_place`).
pub fn ucj_block(path: &UcjPath, lang: Lang) -> String {
    let Some(last) = path.years.last() else {
        return String::new();
    };
    let base = &path.base;
    let mut note = ucj_estimate(base.workers_estimated, base.active_estimated, lang);
    if last.gap_members > 0 {
        note.push(' ');
        note.push_str(&ucj_gap(
            &format::number(last.gap_members, lang),
            last.year,
            &format::rupiah_compact(last.gap_cost, lang),
            lang,
        ));
    }
    let stated: Vec<String> = path
        .years
        .iter()
        .filter(|y| !y.target.interpolated)
        .map(|y| format!("{} {}", y.year, format::percent(y.target.target, lang)))
        .collect();
    let stated = if stated.is_empty() {
        String::new()
    } else {
        format!(" ({})", stated.join(", "))
    };
    let source = ucj_data()
        .ok()
        .and_then(|d| d.targets.references.first())
        .map(|r| {
            format!(
                r#"<p class="note ucj-source">{}: <a class="note-source" href="{}" target="_blank" rel="noopener">{}</a></p>"#,
                text(Text::Source, lang),
                escape(&r.href),
                escape(&r.title)
            )
        })
        .unwrap_or_default();
    let markup = format!(
        r#"<div class="ucj" id="national-ucj"><p class="ucj-label"><strong>Universal Coverage Jamsostek (UCJ)</strong><span class="muted">: {}</span></p><p class="ucj-line">{}</p>{}<p class="ucj-key muted"><span class="key-now"></span>{}<span class="key-plan"></span>{}<span class="key-tick"></span>{}{}</p><p class="note">{}</p>{}</div>"#,
        text(Text::UcjLabel, lang),
        escape(&line(path, lang).unwrap_or_default()),
        bar(path, last, lang),
        text(Text::UcjNow, lang),
        text(Text::UcjPlan, lang),
        text(Text::UcjTargets, lang),
        stated,
        escape(&note),
        source,
    );
    markup
}

/// A province's final UCJ with the plan, and the last year's target, for sorting.
pub fn final_share(path: Option<&UcjPath>) -> Option<Decimal> {
    path.and_then(|p| p.years.last()).map(|y| y.share)
}

/// Whether a path ends with more active members than workers (UCJ over 100%): members are
/// counted where their employer is registered, so a province that employs workers living
/// in its neighbours (Jakarta) counts more members than its own workers.
pub fn over_full_ucj(path: &UcjPath) -> bool {
    final_share(Some(path)).is_some_and(|share| share > Decimal::ONE)
}

/// A province's table cell (markup): its final UCJ as a small 0–100% bar with the target
/// tick, beside (not under) the figure, marked
/// "*" when its starting figure is an estimate and "†" when it ends over 100%; a dash where
/// there is none.
pub fn ucj_cell(path: Option<&UcjPath>, lang: Lang) -> String {
    let Some((p, last)) = path.and_then(|p| p.years.last().map(|l| (p, l))) else {
        return r#"<td class="num">—</td>"#.to_string();
    };
    let star = match (p.base.is_estimate(), over_full_ucj(p)) {
        (true, true) => "*†",
        (true, false) => "*",
        (false, true) => "†",
        (false, false) => "",
    };
    let title = format!(
        "{} {}: {}. {}",
        text(Text::UcjTargets, lang),
        last.year,
        format::percent(last.target.target, lang),
        ucj_estimate(p.base.workers_estimated, p.base.active_estimated, lang)
    );
    format!(
        r#"<td class="num ucj-cell" title="{}"><span class="ucj-track" aria-hidden="true"><span class="ucj-fill" style="width:{}"></span><span class="ucj-tick" style="left:{}"></span></span><span class="cov-text">{}{star}</span></td>"#,
        escape(&title),
        at(last.share),
        at(last.target.target),
        format::percent(last.share, lang)
    )
}
