//! The axes of the charts: an x axis with the ticks a chart chooses (years, Januaries),
//! the mesh with its grid and axis names, and the year-by-Rupiah axes of the money charts;
//! with the conversions their labels and tables need.

use super::frame::Style;
use super::text::ChartText;
use super::{AXIS, GRID};
use crate::engine::Outcome;
use crate::engine::YearResult;
use crate::locale::format;
use crate::locale::Lang;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An f64 axis with ticks that we choose (years, Januaries). Plotters'
/// `WithKeyPoints` does the same but cannot be given a label formatter for f64.
pub(crate) struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

/// The axis type of every chart: ticks we choose on x, plotters' own on y.
pub(crate) type Axes = Cartesian2d<Ticked, RangedCoordf64>;

/// Year × Rupiah axes, the frame of the cost, benefits and compared-cost charts.
pub(crate) fn money_by_year<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    style: &Style,
    text: &ChartText,
    (first, last): (i32, i32),
    top: f64,
) -> Result<ChartContext<'a, DB, Axes>, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = text.lang;
    let y_label = |v: f64| money_tick(v, lang);
    // As many year labels as fit beside each other, next to the widest money label.
    let fit = style.labels_fitting(plot.dim_in_pixel().0, 4) as i32;
    axes(
        plot,
        style,
        text,
        year_axis(first, last, fit),
        (headroom(top), EMPTY_MONEY),
        &year_label,
        &y_label,
    )
}

/// Builds the chart context and draws the mesh: grid, ticks and the time axis's name (the
/// unit of the values is the chart's subtitle, so the y axis has no name of its own).
///
/// `x` is the x range with its labelled key points; `y_top` the largest value shown, or
/// `y_empty` when there is nothing above zero.
#[allow(clippy::too_many_arguments)]
pub(crate) fn axes<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    style: &Style,
    text: &ChartText,
    x: (std::ops::Range<f64>, Vec<f64>),
    (y_top, y_empty): (f64, f64),
    x_label: &dyn Fn(f64) -> String,
    y_label: &dyn Fn(f64) -> String,
) -> Result<ChartContext<'a, DB, Axes>, DrawingAreaErrorKind<DB::ErrorType>> {
    let y_top = if y_top.is_finite() && y_top > 0.0 {
        y_top
    } else {
        y_empty
    };
    let longest = [0.0, y_top * 0.5, y_top]
        .iter()
        .map(|v| y_label(*v).chars().count())
        .max()
        .unwrap_or(4)
        + 1;
    let y_area = style.width_of(longest, 1.0) + style.px(0.8);
    let x_area = style.px(3.4);
    // Enough y labels to read values off, about two and a half lines of text apart
    // (plotters then picks round steps, which may be fewer).
    let (_, plot_h) = plot.dim_in_pixel();
    let y_labels = ((f64::from(plot_h) / (style.px * 2.5)) as usize).clamp(4, 10);
    style.role("axes");
    let mut chart = ChartBuilder::on(plot)
        .margin_top(style.px(0.8))
        .margin_right(style.px(1.2))
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(
            Ticked {
                inner: x.0.into(),
                ticks: x.1,
            },
            0.0..y_top,
        )?;
    let xf = |v: &f64| x_label(*v);
    let yf = |v: &f64| y_label(*v);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(y_labels)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf)
        .x_desc(text.x_axis)
        .label_style(style.text())
        .axis_desc_style(style.text())
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
    Ok(chart)
}

/// Years `first..=last` as bar positions with at most ten labelled ticks, and at most
/// `fit`, the labels that fit beside each other.
pub(crate) fn year_axis(first: i32, last: i32, fit: i32) -> (std::ops::Range<f64>, Vec<f64>) {
    let last = last.max(first);
    let span = last - first + 1;
    let most = fit.clamp(1, 10);
    let step = ((span + most - 1) / most).max(1);
    let ticks = (first..=last)
        .filter(|y| (y - first) % step == 0)
        .map(f64::from)
        .collect();
    ((f64::from(first) - 0.5)..(f64::from(last) + 0.5), ticks)
}

/// A year tick's label: the year, or nothing between years.
pub(crate) fn year_label(x: f64) -> String {
    if (x - x.round()).abs() < 1e-6 && x.is_finite() {
        format!("{}", x.round() as i64)
    } else {
        String::new()
    }
}

/// The y range of a money chart with nothing to show: Rp 0 to Rp 1 M.
pub(crate) const EMPTY_MONEY: f64 = 1e9;

/// Money as a float for drawing; amounts beyond f64 do not occur (Rupiah < 10^29).
pub(crate) fn money(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// Large units in words, never abbreviated: an English reader takes "M" for million.
const MONEY_UNITS: [(i64, &str, &str); 3] = [
    (1_000_000_000_000, "triliun", "trillion"),
    (1_000_000_000, "miliar", "billion"),
    (1_000_000, "juta", "million"),
];

/// A y-axis tick in money, in the language's words: "Rp 2,5 miliar", "Rp 500 juta";
/// "Rp 2.5 billion", "Rp 500 million".
pub(crate) fn money_tick(y: f64, lang: Lang) -> String {
    use rust_decimal::prelude::FromPrimitive;
    let Some(d) = Decimal::from_f64(y).filter(|_| y.is_finite()) else {
        return String::new();
    };
    for (size, id, en) in MONEY_UNITS {
        let size = Decimal::from(size);
        if d.abs() >= size {
            let value = (d / size).round_dp(2).normalize();
            let number = format::decimal(value, value.scale(), lang);
            return format!("Rp {number} {}", lang.pick(id, en));
        }
    }
    format::rupiah_in(d.round(), lang)
}

/// The top of a y axis over values up to `max`: a little room above them, rounded up to
/// a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ), so that bars and lines do not
/// touch the top and a small change of the values keeps the axis, its ticks and its grid
/// as they are (only the shapes of the values move).
pub(crate) fn headroom(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 0.0;
    }
    let wanted = max * 1.05;
    let scale = 10f64.powf(wanted.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * scale)
        .find(|top| *top >= wanted)
        .unwrap_or(wanted)
}

/// A year's label in tables: "2023 (3 bulan)" for a year the horizon covers in part.
pub(crate) fn year_cell(year: &YearResult, text: &ChartText) -> String {
    if year.months < 12 {
        format!("{} ({} {})", year.year, year.months, text.months)
    } else {
        year.year.to_string()
    }
}

/// The first and last year of `outcome`; `None` when it has no years.
pub(crate) fn year_range(outcome: &Outcome) -> Option<(i32, i32)> {
    Some((outcome.years.first()?.year, outcome.years.last()?.year))
}

/// "2026–2030", or "2026" for a single year; empty without years.
pub(crate) fn year_span(outcome: &Outcome) -> String {
    match year_range(outcome) {
        Some((first, last)) if first != last => format!("{first}–{last}"),
        Some((first, _)) => first.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_axes_label_at_most_ten_years() {
        assert_eq!(year_axis(2026, 2030, 10).1.len(), 5);
        assert!(year_axis(2026, 2045, 10).1.len() <= 10);
        assert_eq!(year_axis(2026, 2026, 10).1, vec![2026.0]);
        assert_eq!(year_axis(2026, 2030, 3).1, vec![2026.0, 2028.0, 2030.0]);
        assert_eq!(year_axis(2026, 2030, 0).1, vec![2026.0]);
        assert_eq!(year_label(2026.0), "2026");
        assert_eq!(year_label(2026.5), "");
    }

    #[test]
    fn axis_tops_are_round_and_above_the_values() {
        assert_eq!(headroom(0.0), 0.0);
        assert_eq!(headroom(f64::NAN), 0.0);
        assert_eq!(headroom(9.0e9), 1.0e10);
        assert_eq!(headroom(9.6e9), 1.2e10);
        assert_eq!(headroom(70_000.0), 80_000.0);
        assert!((headroom(0.5) - 0.6).abs() < 1e-12);
        for v in [1.0, 3.3, 47.0, 9.99e12] {
            assert!(headroom(v) >= v * 1.05);
        }
        // A small change keeps the axis.
        assert_eq!(headroom(8.1e9), headroom(8.3e9));
    }

    #[test]
    fn money_ticks_say_their_unit_in_words() {
        assert_eq!(money_tick(8e9, Lang::Id), "Rp 8 miliar");
        assert_eq!(money_tick(8e9, Lang::En), "Rp 8 billion");
        assert_eq!(money_tick(2.5e9, Lang::Id), "Rp 2,5 miliar");
        assert_eq!(money_tick(2.5e9, Lang::En), "Rp 2.5 billion");
        assert_eq!(money_tick(5e8, Lang::Id), "Rp 500 juta");
        assert_eq!(money_tick(5e8, Lang::En), "Rp 500 million");
        assert_eq!(money_tick(1.2e12, Lang::En), "Rp 1.2 trillion");
        assert_eq!(money_tick(0.0, Lang::Id), "Rp 0");
        assert_eq!(money_tick(f64::NAN, Lang::Id), "");
    }
}
