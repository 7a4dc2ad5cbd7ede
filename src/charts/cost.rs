//! The cost chart: each year's contributions as a bar stacked by funding source (in
//! `outcome.source_names` order, one palette colour each), budget left unspent as a pale
//! outlined segment on top, a baseline scenario's yearly totals as faint markers and, once
//! the uncertain assumptions have been run, each year's 80% range of cost as a capped
//! whisker with its 50% range as a box and the median across it, over the top of its bar.
//!
//! `ChartText::series` order: unspent.
//! `ChartText::columns` order: year, total, unspent (source columns go after the year).

use super::axes::{money, money_by_year, year_cell, year_range, year_span};
use super::baseline::Markers;
use super::frame::{frame, note, note_if_empty, Area, SceneResult, Style};
use super::legend::{Entry, Swatch};
use super::text::{
    cost_nothing, cost_spread_summary, cost_summary, median_legend, spread_legend, ChartText,
    CostFacts, LargestFunder,
};
use super::{palette, Baseline, Table, AXIS, BASELINE, MEDIAN, UNSPENT_FILL};
use crate::engine::uncertainty::{Bands, Percentiles};
use crate::engine::Outcome;
use crate::locale::format;
use crate::locale::Lang;
use plotters::prelude::*;
use rust_decimal::Decimal;

const UNSPENT: usize = 0;

/// Half the width of a bar, in years.
const HALF_BAR: f64 = 0.35;

/// Half the width of a year's 50% box and of the caps of its 80% whisker, in years.
const HALF_BOX: f64 = 0.1;
const HALF_CAP: f64 = 0.16;

/// Opacity of the 50% box's white fill over the bar.
const BOX_OPACITY: f64 = 0.75;

/// Each year's cost percentiles, when the bands are of the outcome's years (not an older
/// scenario's).
fn spreads<'a>(outcome: &Outcome, bands: Option<&'a Bands>) -> Option<Vec<(f64, &'a Percentiles)>> {
    let b = bands?;
    let same = b.years.len() == b.cost.len()
        && b.years.len() == outcome.years.len()
        && b.years
            .iter()
            .zip(&outcome.years)
            .all(|(a, y)| *a == y.year);
    same.then(|| {
        b.years
            .iter()
            .zip(&b.cost)
            .map(|(year, p)| (f64::from(*year), p))
            .collect()
    })
}

/// Draws the cost chart of `outcome` into `area`, with `baseline`'s yearly totals if given.
pub(crate) fn draw(
    area: &Area,
    style: &Style,
    outcome: &Outcome,
    text: &ChartText,
    baseline: Option<Baseline>,
    bands: Option<&Bands>,
) -> SceneResult {
    let spreads = spreads(outcome, bands);
    let mut entries: Vec<Entry> = outcome
        .source_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let c = palette(i);
            Entry::new(name.as_str(), Swatch::Fill { fill: c, edge: c })
        })
        .collect();
    entries.push(Entry::new(
        text.series[UNSPENT],
        Swatch::Fill {
            fill: UNSPENT_FILL,
            edge: AXIS,
        },
    ));
    if let Some(b) = baseline {
        entries.push(Entry::new(
            format!("{}: {}", text.baseline, b.name),
            Swatch::Marker(BASELINE),
        ));
    }
    if spreads.is_some() {
        entries.push(Entry::new(
            spread_legend(text.lang),
            Swatch::Fill {
                fill: WHITE,
                edge: BLACK,
            },
        ));
        entries.push(Entry::new(median_legend(text.lang), Swatch::Line(MEDIAN)));
    }
    let plot = frame(area, style, entries.as_slice())?;
    let Some((first, last)) = year_range(outcome) else {
        return note(&plot, text.empty, style);
    };
    let baseline = baseline.map(|b| b.outcome);

    // One group of bars per source, so that each keeps its keys when another changes.
    let mut bars: Vec<Vec<Rectangle<(f64, f64)>>> = (0..outcome.source_names.len())
        .map(|_| Vec::new())
        .collect();
    let mut unspent = Vec::new();
    let mut top = 0.0_f64;
    for y in &outcome.years {
        let x = f64::from(y.year);
        let mut level = 0.0;
        for (i, amount) in y.contributions_by_source.iter().enumerate() {
            let v = money(*amount);
            if v > 0.0 {
                while bars.len() <= i {
                    bars.push(Vec::new());
                }
                bars[i].push(Rectangle::new(
                    [(x - HALF_BAR, level), (x + HALF_BAR, level + v)],
                    palette(i).filled(),
                ));
                level += v;
            }
        }
        let left = money(y.unspent_total);
        if left > 0.0 {
            unspent.push([(x - HALF_BAR, level), (x + HALF_BAR, level + left)]);
            level += left;
        }
        top = top.max(level);
    }
    let base = Markers::yearly(baseline, (first, last), 0.0, |y| y.contributions_total);
    top = base.top(top);
    let spreads = spreads.unwrap_or_default();
    for (_, p) in &spreads {
        top = top.max(money(p[4]));
    }

    let mut chart = money_by_year(&plot, style, text, (first, last), top)?;
    for (i, source) in bars.into_iter().enumerate() {
        style.role(&format!("bars-source-{i}"));
        chart.draw_series(source)?;
    }
    style.role("bars-unspent");
    chart.draw_series(
        unspent
            .iter()
            .map(|r| Rectangle::new(*r, UNSPENT_FILL.filled())),
    )?;
    chart.draw_series(
        unspent
            .iter()
            .map(|r| Rectangle::new(*r, AXIS.stroke_width(1))),
    )?;
    base.draw(&mut chart, style)?;
    // The uncertain assumptions' ranges over each bar's top: P10–P90 as a capped whisker,
    // P25–P75 as a box. Hairlines in a small chart (the printed brief, a phone), where
    // lines of 2 px over a short range print as a dark blob.
    let line = if style.px >= 14.0 { 2 } else { 1 };
    style.role("spread-80");
    chart.draw_series(spreads.iter().map(|(x, p)| {
        let (low, high) = (money(p[0]), money(p[4]));
        PathElement::new(
            vec![
                (x - HALF_CAP, low),
                (x + HALF_CAP, low),
                (*x, low),
                (*x, high),
                (x - HALF_CAP, high),
                (x + HALF_CAP, high),
            ],
            BLACK.stroke_width(line),
        )
    }))?;
    style.role("spread-50");
    let boxes =
        |p: &Percentiles, x: f64| [(x - HALF_BOX, money(p[1])), (x + HALF_BOX, money(p[3]))];
    chart.draw_series(
        spreads
            .iter()
            .map(|(x, p)| Rectangle::new(boxes(p, *x), WHITE.mix(BOX_OPACITY).filled())),
    )?;
    chart.draw_series(
        spreads
            .iter()
            .map(|(x, p)| Rectangle::new(boxes(p, *x), BLACK.stroke_width(1))),
    )?;
    // The median across each box, as in a box plot.
    style.role("spread-median");
    chart.draw_series(spreads.iter().map(|(x, p)| {
        let mid = money(p[2]);
        PathElement::new(
            vec![(x - HALF_BOX, mid), (x + HALF_BOX, mid)],
            MEDIAN.stroke_width(line),
        )
    }))?;
    note_if_empty(
        &chart.plotting_area().strip_coord_spec(),
        top,
        text.empty,
        style,
    )
}

/// `summary`, followed when `bands` are given by the first year's cost in 80% of the draws.
pub fn summary_with_bands(outcome: &Outcome, bands: Option<&Bands>, lang: Lang) -> String {
    let sentence = summary(outcome, lang);
    match (spreads(outcome, bands), bands) {
        (Some(years), Some(b)) if !years.is_empty() => {
            let (year, p) = years[0];
            let spread = cost_spread_summary(
                year as i32,
                [
                    &format::rupiah_compact(p[0], lang),
                    &format::rupiah_compact(p[2], lang),
                    &format::rupiah_compact(p[4], lang),
                ],
                &format::number(u64::from(b.draws), lang),
                lang,
            );
            format!("{sentence} {spread}")
        }
        _ => sentence,
    }
}

/// One sentence: the total, the largest funder and any unspent budget.
pub fn summary(outcome: &Outcome, lang: Lang) -> String {
    let span = year_span(outcome);
    let totals = &outcome.totals;
    let money = |x: Decimal| format::rupiah_compact(x, lang);
    if totals.contributions <= Decimal::ZERO {
        return cost_nothing(&span, outcome.source_names.is_empty(), lang);
    }
    let largest = totals
        .contributions_by_source
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .and_then(|(i, amount)| Some((outcome.source_names.get(i)?, *amount)));
    let paying = totals
        .contributions_by_source
        .iter()
        .filter(|a| **a > Decimal::ZERO)
        .count();
    let largest = largest.map(|(name, amount)| {
        let share = format::percent(amount / totals.contributions, lang);
        (name, money(amount), share)
    });
    // Remainders below half a percent of the budget are rounding, not news.
    let budget = totals.contributions + totals.unspent;
    let unspent = (totals.unspent * Decimal::from(200) >= budget).then(|| money(totals.unspent));
    cost_summary(
        &CostFacts {
            span: &span,
            total: &money(totals.contributions),
            largest: largest.as_ref().map(|(name, amount, share)| LargestFunder {
                name,
                amount,
                share,
                alone: paying == 1,
            }),
            unspent: unspent.as_deref(),
        },
        lang,
    )
}

/// The chart's numbers: one row per year, one column per source, then the total and
/// the unspent budget.
pub fn table(outcome: &Outcome, text: &ChartText) -> Table {
    let lang = text.lang;
    let mut header = vec![text.columns[0].to_string()];
    header.extend(outcome.source_names.iter().cloned());
    header.extend(text.columns[1..].iter().map(|c| c.to_string()));
    let rows = outcome
        .years
        .iter()
        .map(|y| {
            let mut row = vec![year_cell(y, text)];
            row.extend((0..outcome.source_names.len()).map(|i| {
                let amount = y.contributions_by_source.get(i).copied();
                format::rupiah_in(amount.unwrap_or_default(), lang)
            }));
            row.push(format::rupiah_in(y.contributions_total, lang));
            row.push(format::rupiah_in(y.unspent_total, lang));
            row
        })
        .collect();
    Table { header, rows }
}
