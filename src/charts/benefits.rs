//! The benefits chart: each year's JKK and JKM contributions beside the benefits they
//! are expected to pay, with a baseline scenario's benefits as faint markers. JHT is left
//! out of the comparison: it is the worker's savings, not insurance.
//!
//! `ChartText::series` order: contributions, benefits.
//! `ChartText::columns` order: year, JKK + JKM, JHT, benefits, benefits ÷ JKK + JKM.

use super::axes::{money, money_by_year, year_cell, year_range, year_span};
use super::baseline::Markers;
use super::frame::{frame, note, note_if_empty, Area, SceneResult, Style};
use super::legend::{Entry, Swatch};
use super::text::{benefits_summary, ChartText};
use super::{palette, Baseline, Table, BASELINE};
use crate::engine::Outcome;
use crate::engine::YearResult;
use crate::locale::format;
use crate::locale::Lang;
use plotters::prelude::*;
use rust_decimal::Decimal;

const CONTRIBUTIONS: usize = 0;
const BENEFITS: usize = 1;

/// Bars of one year sit between these offsets from the year, in years.
const LEFT_BAR: (f64, f64) = (-0.38, -0.02);
const RIGHT_BAR: (f64, f64) = (0.02, 0.38);

/// JKK and JKM contributions of a year: the insurance that pays the benefits.
fn insurance(y: &YearResult) -> Decimal {
    y.contributions_jkk + y.contributions_jkm
}

/// Draws the benefits chart of `outcome` into `area`, with `baseline`'s benefits if given.
pub(crate) fn draw(
    area: &Area,
    style: &Style,
    outcome: &Outcome,
    text: &ChartText,
    baseline: Option<Baseline>,
) -> SceneResult {
    let (paid_in, paid_out) = (palette(0), palette(5));
    let mut entries = vec![
        Entry::new(
            text.series[CONTRIBUTIONS],
            Swatch::Fill {
                fill: paid_in,
                edge: paid_in,
            },
        ),
        Entry::new(
            text.series[BENEFITS],
            Swatch::Fill {
                fill: paid_out,
                edge: paid_out,
            },
        ),
    ];
    if let Some(b) = baseline {
        entries.push(Entry::new(
            format!("{}: {}", text.baseline, b.name),
            Swatch::Marker(BASELINE),
        ));
    }
    let plot = frame(area, style, entries.as_slice())?;
    let Some((first, last)) = year_range(outcome) else {
        return note(&plot, text.empty, style);
    };
    let baseline = baseline.map(|b| b.outcome);

    // Contributions and benefits each in their own group, for stable keys.
    let mut bars: [Vec<Rectangle<(f64, f64)>>; 2] = [Vec::new(), Vec::new()];
    let mut top = 0.0_f64;
    for y in &outcome.years {
        let x = f64::from(y.year);
        for (group, value, (a, b), colour) in [
            (0, money(insurance(y)), LEFT_BAR, paid_in),
            (1, money(y.benefits_paid), RIGHT_BAR, paid_out),
        ] {
            if value > 0.0 {
                bars[group].push(Rectangle::new(
                    [(x + a, 0.0), (x + b, value)],
                    colour.filled(),
                ));
                top = top.max(value);
            }
        }
    }
    let base = Markers::yearly(
        baseline,
        (first, last),
        RIGHT_BAR.0 / 2.0 + RIGHT_BAR.1 / 2.0,
        |y| y.benefits_paid,
    );
    top = base.top(top);

    let mut chart = money_by_year(&plot, style, text, (first, last), top)?;
    let [paid_in, paid_out] = bars;
    style.role("bars-contributions");
    chart.draw_series(paid_in)?;
    style.role("bars-benefits");
    chart.draw_series(paid_out)?;
    base.draw(&mut chart, style)?;
    note_if_empty(
        &chart.plotting_area().strip_coord_spec(),
        top,
        text.empty,
        style,
    )
}

/// One sentence: expected benefits over the horizon against JKK and JKM contributions.
pub fn summary(outcome: &Outcome, lang: Lang) -> String {
    let span = year_span(outcome);
    let paid_in: Decimal = outcome.years.iter().map(insurance).sum();
    let paid_out = outcome.totals.benefits_paid;
    let money = |x: Decimal| format::rupiah_compact(x, lang);
    let contributions = (paid_in > Decimal::ZERO)
        .then(|| (money(paid_in), format::percent(paid_out / paid_in, lang)));
    benefits_summary(
        &span,
        &money(paid_out),
        contributions
            .as_ref()
            .map(|(paid_in, share)| (paid_in.as_str(), share.as_str())),
        lang,
    )
}

/// The chart's numbers, one row per year, with JHT savings shown apart.
pub fn table(outcome: &Outcome, text: &ChartText) -> Table {
    let lang = text.lang;
    let header: Vec<String> = text.columns.iter().map(|c| c.to_string()).collect();
    let rows = outcome
        .years
        .iter()
        .map(|y| {
            let paid_in = insurance(y);
            let share = if paid_in > Decimal::ZERO {
                format::percent(y.benefits_paid / paid_in, lang)
            } else {
                "–".to_string()
            };
            vec![
                year_cell(y, text),
                format::rupiah_in(paid_in, lang),
                format::rupiah_in(y.contributions_jht, lang),
                format::rupiah_in(y.benefits_paid, lang),
                share,
            ]
        })
        .collect();
    Table { header, rows }
}
