//! Charts that set two to four scenarios side by side: the coverage ratio month by month,
//! and each year's total cost, one line per scenario, each in its own style (`lines`).
//!
//! Like the other charts, these read `Outcome`s only; they must not know the engine's rules.
//! Their words are in `text` (`ChartText` of `ChartKind::Compare`), their size and legend
//! are set by `frame`, and each scenario's line has its own key (`series-0` …), as for the
//! other charts.

mod lines;

pub use lines::{swatch_svg, LineStyle, Marker};

use super::axes::{axes, headroom, money, money_by_year, year_span};
use super::frame::{self, frame, note, note_if_empty, Area, Drawn, Legend, SceneResult, Style};
use super::legend::{wrap, wraps_whole};
use super::text::{compare_cost_summary, compare_coverage_summary, ChartText};
use super::{Chart, ChartKind, CompareKind, Size, Table};
use crate::engine::{ratio, YearResult};
use crate::engine::{Outcome, YearMonth};
use crate::locale::format;
use crate::locale::Lang;
use lines::{draw_line, draw_swatch, shift};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// One compared scenario: its name (the legend and column header) and its outcome.
pub type Compared<'a> = (&'a str, &'a Outcome);

/// The most scenarios compared at once; each has its own line style.
pub const MAX_COMPARED: usize = 4;

/// Draws comparison `kind` of `series` at `size`, with its summary and table.
pub fn draw(kind: CompareKind, series: &[Compared], lang: Lang, size: Size) -> Chart {
    let text = ChartText::new(ChartKind::Compare(kind), lang);
    match kind {
        CompareKind::Coverage => frame::chart(
            &text,
            summary_coverage(series, lang),
            table_coverage(series, lang),
            size,
            |area, style| draw_coverage(area, style, series, &text),
        ),
        CompareKind::Cost => frame::chart(
            &text,
            summary_cost(series, lang),
            table_cost(series, lang),
            size,
            |area, style| draw_cost(area, style, series, &text),
        ),
    }
}

/// Draws the coverage ratio of each scenario over a shared month axis.
pub(crate) fn draw_coverage(
    area: &Area,
    style: &Style,
    series: &[Compared],
    text: &ChartText,
) -> SceneResult {
    let lang = text.lang;
    let plot = frame(area, style, &Scenarios(series))?;
    let first = series
        .iter()
        .filter_map(|(_, o)| o.months.first().map(|m| m.date))
        .min();
    let last = series
        .iter()
        .filter_map(|(_, o)| o.months.last().map(|m| m.date))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return note(&plot, text.empty, style);
    };
    let span = last.months_since(first).max(1);
    let lines: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|(_, o)| {
            o.months
                .iter()
                .map(|m| {
                    let share = ratio(m.covered, m.population).to_f64().unwrap_or(0.0);
                    (m.date.months_since(first) as f64, share)
                })
                .collect()
        })
        .collect();
    let top = lines.iter().flatten().map(|p| p.1).fold(0.0, f64::max);
    let y_top = headroom(top).min(1.05);
    let ticks = month_ticks(first, span);
    let yearly = ticks.1;
    let x_label = |v: f64| {
        if v < 0.0 || (v - v.round()).abs() > 1e-6 {
            return String::new();
        }
        let date = first.plus_months(v.round() as u32);
        if yearly {
            date.year.to_string()
        } else {
            format::month_short(date, lang)
        }
    };
    let y_label = |v: f64| match Decimal::from_f64(v) {
        Some(d) if v.is_finite() => format::percent_compact(d, lang),
        _ => String::new(),
    };
    let text = &ChartText {
        x_axis: if yearly {
            text.x_axis
        } else {
            text.x_axis_months
        },
        ..text.clone()
    };
    let chart = axes(
        &plot,
        style,
        text,
        (0.0..span as f64, ticks.0),
        (y_top, 1.0),
        &x_label,
        &y_label,
    )?;
    // Markers about eight times along the axis, shifted for each scenario so that equal
    // lines still show every marker.
    let every = ((span + 1) as usize).div_ceil(8).max(1);
    let pixel = |p: &(f64, f64)| chart.backend_coord(p);
    let area = chart.plotting_area().strip_coord_spec();
    let base = chart.plotting_area().get_base_pixel();
    for (i, line) in lines.iter().enumerate() {
        let points: Vec<(i32, i32)> = line.iter().map(|p| shift(pixel(p), base)).collect();
        let shift_by = every * i / MAX_COMPARED;
        let marks: Vec<(i32, i32)> = line
            .iter()
            .filter(|p| (p.0 as usize + shift_by).is_multiple_of(every))
            .map(|p| shift(pixel(p), base))
            .collect();
        style.role(&format!("series-{i}"));
        draw_line(&area, &points, &marks, i, style)?;
    }
    Ok(())
}

/// Draws each scenario's yearly total cost over a shared year axis.
pub(crate) fn draw_cost(
    area: &Area,
    style: &Style,
    series: &[Compared],
    text: &ChartText,
) -> SceneResult {
    let plot = frame(area, style, &Scenarios(series))?;
    let first = series
        .iter()
        .filter_map(|(_, o)| o.years.first().map(|y| y.year))
        .min();
    let last = series
        .iter()
        .filter_map(|(_, o)| o.years.last().map(|y| y.year))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return note(&plot, text.empty, style);
    };
    let lines: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|(_, o)| {
            o.years
                .iter()
                .map(|y| (f64::from(y.year), money(y.contributions_total)))
                .collect()
        })
        .collect();
    let top = lines.iter().flatten().map(|p| p.1).fold(0.0, f64::max);
    let chart = money_by_year(&plot, style, text, (first, last), top)?;
    let area = chart.plotting_area().strip_coord_spec();
    let base = chart.plotting_area().get_base_pixel();
    for (i, line) in lines.iter().enumerate() {
        let points: Vec<(i32, i32)> = line
            .iter()
            .map(|p| shift(chart.backend_coord(p), base))
            .collect();
        style.role(&format!("series-{i}"));
        draw_line(&area, &points, &points, i, style)?;
    }
    note_if_empty(&area, top, text.empty, style)
}

/// Coverage at the end of each scenario, in one sentence.
pub fn summary_coverage(series: &[Compared], lang: Lang) -> String {
    let parts: Vec<String> = series
        .iter()
        .filter_map(|(name, o)| {
            let m = o.months.last()?;
            Some(format!(
                "{name} {} ({})",
                format::percent(ratio(m.covered, m.population), lang),
                format::month_year(m.date, lang)
            ))
        })
        .collect();
    if parts.is_empty() {
        return ChartText::new(ChartKind::Compare(CompareKind::Coverage), lang)
            .empty
            .to_string();
    }
    compare_coverage_summary(&parts.join("; "), lang)
}

/// The cost of each scenario over its horizon, in one sentence.
pub fn summary_cost(series: &[Compared], lang: Lang) -> String {
    let parts: Vec<String> = series
        .iter()
        .map(|(name, o)| {
            format!(
                "{name} {} ({})",
                format::rupiah_compact(o.totals.contributions, lang),
                year_span(o)
            )
        })
        .collect();
    if parts.is_empty() {
        return ChartText::new(ChartKind::Compare(CompareKind::Cost), lang)
            .empty
            .to_string();
    }
    compare_cost_summary(&parts.join("; "), lang)
}

/// Coverage at the end of each year, one column per scenario ("–" outside its horizon).
pub fn table_coverage(series: &[Compared], lang: Lang) -> Table {
    yearly_table(series, lang, CompareKind::Coverage, |y| {
        format::percent(y.coverage_ratio, lang)
    })
}

/// Each year's total cost in whole Rupiah, one column per scenario.
pub fn table_cost(series: &[Compared], lang: Lang) -> Table {
    yearly_table(series, lang, CompareKind::Cost, |y| {
        format::rupiah_in(y.contributions_total, lang)
    })
}

fn yearly_table(
    series: &[Compared],
    lang: Lang,
    kind: CompareKind,
    cell: impl Fn(&YearResult) -> String,
) -> Table {
    let text = ChartText::new(ChartKind::Compare(kind), lang);
    let mut header = vec![text.columns[0].to_string()];
    header.extend(series.iter().map(|(name, _)| name.to_string()));
    let mut years: Vec<i32> = series
        .iter()
        .flat_map(|(_, o)| o.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let rows = years
        .into_iter()
        .map(|year| {
            let mut row = vec![year.to_string()];
            row.extend(series.iter().map(|(_, o)| {
                o.years
                    .iter()
                    .find(|y| y.year == year)
                    .map_or_else(|| "–".to_string(), &cell)
            }));
            row
        })
        .collect();
    Table { header, rows }
}

/// The legend of a comparison: each scenario's line and marker beside its name.
struct Scenarios<'a>(&'a [Compared<'a>]);

/// Sizes of a comparison legend's rows, in pixels.
struct Rows {
    line: i32,
    gap: i32,
    swatch_w: i32,
    text_x: i32,
}

impl Rows {
    fn of(style: &Style) -> Self {
        let swatch_w = style.px(3.0);
        Rows {
            line: style.px(1.25),
            gap: style.px(0.5),
            swatch_w,
            text_x: swatch_w + style.px(0.7),
        }
    }

    /// How many characters of a name fit a column `width` wide.
    fn chars(&self, style: &Style, width: i32) -> usize {
        (f64::from(width - self.text_x) / (style.px * 0.6))
            .floor()
            .max(4.0) as usize
    }
}

fn legend_font(style: &Style) -> TextStyle<'static> {
    style.font(1.0).pos(Pos::new(HPos::Left, VPos::Center))
}

/// Scenarios in a legend below the plot.
const COLUMNS: usize = 2;

impl Scenarios<'_> {
    /// Draws the names in `columns` columns of a band `width` wide, from `top`.
    fn draw_rows<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        (columns, width, top): (usize, i32, i32),
    ) -> Drawn<DB> {
        let rows = Rows::of(style);
        let font = legend_font(style);
        let column_w = width / columns.max(1) as i32;
        let max = rows.chars(style, column_w - style.px(0.6));
        let mut y = top;
        for row in self.0.chunks(columns.max(1)).enumerate() {
            let (first, names) = row;
            let labels: Vec<Vec<String>> = names.iter().map(|(n, _)| wrap(n, max, 3)).collect();
            for (k, label) in labels.iter().enumerate() {
                let i = first * columns + k;
                let x = k as i32 * column_w;
                draw_swatch(area, (x, y + rows.line / 2), rows.swatch_w, i, style)?;
                for (j, line) in label.iter().enumerate() {
                    let pos = (x + rows.text_x, y + rows.line * j as i32 + rows.line / 2);
                    area.draw(&Text::new(line.clone(), pos, font.clone()))?;
                }
            }
            let lines = labels.iter().map(|l| l.len().max(1)).max().unwrap_or(1) as i32;
            y += rows.line * lines + rows.gap;
        }
        Ok(())
    }

    /// The height of the names in `columns` columns of a band `width` wide.
    fn rows_height(&self, style: &Style, columns: usize, width: i32) -> i32 {
        let rows = Rows::of(style);
        let max = rows.chars(style, width / columns.max(1) as i32 - style.px(0.6));
        self.0
            .chunks(columns.max(1))
            .map(|names| {
                let lines = names
                    .iter()
                    .map(|(n, _)| wrap(n, max, 3).len().max(1))
                    .max()
                    .unwrap_or(1) as i32;
                rows.line * lines + rows.gap
            })
            .sum()
    }

    /// Two columns below a plot `w` wide when every name wraps whole in one (else one).
    fn below_columns(&self, style: &Style, w: i32) -> usize {
        let column = (w - style.px(0.6)) / COLUMNS as i32;
        if w >= 320 && self.wraps_whole(style, column) {
            COLUMNS
        } else {
            1
        }
    }

    /// Whether every name wraps between words in a column `column_w` wide (`draw_rows`).
    fn wraps_whole(&self, style: &Style, column_w: i32) -> bool {
        let max = Rows::of(style).chars(style, column_w - style.px(0.6));
        self.0.iter().all(|(name, _)| wraps_whole(name, max, 3))
    }
}

impl Legend for Scenarios<'_> {
    fn beside_width(&self, w: i32) -> i32 {
        (f64::from(w) * 0.25).clamp(160.0, 280.0) as i32
    }

    fn beside_height(&self, style: &Style, width: i32) -> i32 {
        style.px(1.0) + self.rows_height(style, 1, width - style.px(0.6))
    }

    fn wraps_whole_beside(&self, style: &Style, width: i32) -> bool {
        self.wraps_whole(style, width - style.px(0.6))
    }

    fn draw_beside<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        width: i32,
    ) -> Drawn<DB> {
        self.draw_rows(area, style, (1, width - style.px(0.6), style.px(1.0)))
    }

    fn below_height(&self, style: &Style, w: i32) -> i32 {
        let rows = Rows::of(style);
        rows.gap + self.rows_height(style, self.below_columns(style, w), w - style.px(0.6))
    }

    fn draw_below<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        w: i32,
    ) -> Drawn<DB> {
        let rows = Rows::of(style);
        let columns = self.below_columns(style, w);
        self.draw_rows(area, style, (columns, w - style.px(0.6), rows.gap))
    }
}

/// Labelled months across `span` months from `first`: quarters for short spans, then
/// Januaries every one or more years (at most ten labels). Returns whether labels are years.
fn month_ticks(first: YearMonth, span: i64) -> (Vec<f64>, bool) {
    let months = 0..=span.max(0);
    if span <= 30 {
        let step = if span <= 15 { 3 } else { 6 };
        let ticks: Vec<f64> = months
            .filter(|&i| (first.plus_months(i as u32).month - 1).is_multiple_of(step))
            .map(|i| i as f64)
            .collect();
        return (ticks, false);
    }
    let years = span / 12 + 1;
    let every = ((years + 9) / 10).max(1) as i32;
    let ticks: Vec<f64> = months
        .filter(|&i| {
            let d = first.plus_months(i as u32);
            d.month == 1 && (d.year - first.year).rem_euclid(every) == 0
        })
        .map(|i| i as f64)
        .collect();
    (ticks, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ticks_label_quarters_or_years() {
        let (ticks, yearly) = month_ticks(YearMonth::new(2026, 1), 11);
        assert!(!yearly);
        assert_eq!(ticks, vec![0.0, 3.0, 6.0, 9.0]);
        let (ticks, yearly) = month_ticks(YearMonth::new(2026, 7), 119);
        assert!(yearly);
        assert_eq!(ticks.len(), 10);
        assert_eq!(ticks[0], 6.0);
        let (ticks, _) = month_ticks(YearMonth::new(2026, 1), 239);
        assert!(ticks.len() <= 10);
    }
}
