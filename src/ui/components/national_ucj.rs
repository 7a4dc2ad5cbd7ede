//! Universal Coverage Jamsostek in the national section: the nation's or a province's UCJ
//! now and at the end with the plan, against the RPJMN/RKP targets (drawn as ticks on a
//! 0–100% bar), each estimate said and the targets' source linked; and a province's cell
//! in the table. The figures come from `engine::regions::UcjPath`; the targets' source
//! from `engine::regions::ucj_data`. It knows nothing of the section around it.

use crate::engine::regions::{ucj_data, UcjPath};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, ucj_estimate, ucj_gap, ucj_line, Text};
use rust_decimal::Decimal;
use yew::prelude::*;

/// A ratio as a CSS width or position, capped at 100%.
fn at(ratio: Decimal) -> String {
    format!(
        "{}%",
        (ratio * Decimal::ONE_HUNDRED)
            .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)
            .round_dp(2)
    )
}

/// The bar: the share now, the share the plan adds, and a tick at each stated target in
/// the horizon (the last year's too, dashed when interpolated).
fn bar(path: &UcjPath, lang: Lang) -> Html {
    let Some(last) = path.years.last() else {
        return Html::default();
    };
    let ticks = path
        .years
        .iter()
        .filter(|y| !y.target.interpolated || y.year == last.year);
    html! {
        <div class="ucj-bar" aria-hidden="true">
            <span class="ucj-now" style={format!("width:{}", at(path.base.share))}></span>
            <span class="ucj-plan" style={format!("left:{};width:{}", at(path.base.share), at(last.share - path.base.share))}></span>
            { for ticks.map(|y| html! {
                <span class={classes!("ucj-tick", y.target.interpolated.then_some("interpolated"))}
                    style={format!("left:{}", at(y.target.target))}
                    title={format!("{} {}: {}", text(Text::UcjTargets, lang), y.year, format::percent(y.target.target, lang))}></span>
            }) }
        </div>
    }
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

/// The nation's or a province's UCJ, under its sentence.
pub fn ucj_block(path: &UcjPath, lang: Lang) -> Html {
    let Some(last) = path.years.last() else {
        return Html::default();
    };
    let base = &path.base;
    let line = line(path, lang).unwrap_or_default();
    let gap = (last.gap_members > 0).then(|| {
        ucj_gap(
            &format::number(last.gap_members, lang),
            last.year,
            &format::rupiah_compact(last.gap_cost, lang),
            lang,
        )
    });
    let stated: Vec<String> = path
        .years
        .iter()
        .filter(|y| !y.target.interpolated)
        .map(|y| format!("{} {}", y.year, format::percent(y.target.target, lang)))
        .collect();
    let source = ucj_data().ok().and_then(|d| d.targets.references.first());
    html! {
        <div class="ucj" id="national-ucj">
            <p class="ucj-label"><strong>{ "Universal Coverage Jamsostek (UCJ)" }</strong>
                <span class="muted">{ ": " }{ text(Text::UcjLabel, lang) }</span></p>
            <p class="ucj-line">{ line }</p>
            { bar(path, lang) }
            <p class="ucj-key muted">
                <span class="key-now"></span>{ text(Text::UcjNow, lang) }
                <span class="key-plan"></span>{ text(Text::UcjPlan, lang) }
                <span class="key-tick"></span>{ text(Text::UcjTargets, lang) }
                if !stated.is_empty() { { format!(" ({})", stated.join(", ")) } }
            </p>
            <p class="note">{ ucj_estimate(base.workers_estimated, base.active_estimated, lang) }
                if let Some(gap) = gap { { " " }{ gap } }</p>
            if let Some(r) = source {
                <p class="note ucj-source">{ text(Text::Source, lang) }{ ": " }
                    <a href={r.href.clone()} target="_blank" rel="noopener">{ &r.title }</a></p>
            }
        </div>
    }
}

/// A province's final UCJ with the plan, and the last year's target, for sorting.
pub fn final_share(path: Option<&UcjPath>) -> Option<Decimal> {
    path.and_then(|p| p.years.last()).map(|y| y.share)
}

/// A province's table cell: its final UCJ as a bar with the target tick, starred when its
/// starting figure is an estimate; a dash where there is none (a kab/kota).
pub fn ucj_cell(path: Option<&UcjPath>, lang: Lang) -> Html {
    let Some((p, last)) = path.and_then(|p| p.years.last().map(|l| (p, l))) else {
        return html! { <td class="num">{ "—" }</td> };
    };
    let star = if p.base.is_estimate() { "*" } else { "" };
    let title = format!(
        "{} {}: {}. {}",
        text(Text::UcjTargets, lang),
        last.year,
        format::percent(last.target.target, lang),
        ucj_estimate(p.base.workers_estimated, p.base.active_estimated, lang)
    );
    html! {
        <td class="num ucj-cell" {title}>
            <span class="cov-bar ucj-fill" style={format!("width:{}", at(last.share))}></span>
            <span class="ucj-tick" style={format!("left:{}", at(last.target.target))}></span>
            <span class="cov-text">{ format::percent(last.share, lang) }{ star }</span>
        </td>
    }
}
