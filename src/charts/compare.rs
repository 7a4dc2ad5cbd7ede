//! Charts that set two to four scenarios side by side: the coverage ratio month by month,
//! and each year's total cost, one line per scenario.
//!
//! Scenario `i` has its own colour (`palette(i)`), dash pattern (`LineStyle::of(i)`: solid,
//! dashed, dotted, dash-dot) and marker shape (`Marker::of(i)`: circle, square, triangle,
//! diamond), so that the lines stay apart in greyscale print and for colour-blind readers.
//! Plotters has no dash style for a line series, so dashes are cut here, in pixels.
//!
//! Like the other charts, these read `Outcome`s only; they must not know the engine's rules.
//! Their words come from `ui::i18n::charts` (`ChartText::compare`).

use super::{
    axes, escape, headroom, money, money_by_year, palette, wrap, ChartText, Drawn, Framed, Style,
    Table,
};
use crate::engine::simulate::ratio;
use crate::engine::{Outcome, YearMonth};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::charts::{compare_cost_summary, compare_coverage_summary};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// One compared scenario: its name (the legend and column header) and its outcome.
pub type Compared<'a> = (&'a str, &'a Outcome);

/// The most scenarios compared at once; each has its own line style.
pub const MAX_COMPARED: usize = 4;

/// A line's dash pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

impl LineStyle {
    /// The style of scenario `i`.
    pub fn of(i: usize) -> Self {
        [
            LineStyle::Solid,
            LineStyle::Dashed,
            LineStyle::Dotted,
            LineStyle::DashDot,
        ][i % MAX_COMPARED]
    }

    /// On, off, on, off… lengths in multiples of the stroke width; empty for solid.
    fn pattern(self) -> &'static [f64] {
        match self {
            LineStyle::Solid => &[],
            LineStyle::Dashed => &[4.0, 2.5],
            LineStyle::Dotted => &[1.0, 1.8],
            LineStyle::DashDot => &[4.5, 2.0, 1.0, 2.0],
        }
    }

    /// The same pattern as an SVG `stroke-dasharray` for a line `width` pixels wide, so
    /// that HTML legends and tables can draw the swatch the chart uses.
    pub fn dasharray(self, width: f64) -> String {
        let parts: Vec<String> = self
            .pattern()
            .iter()
            .map(|p| format!("{}", (p * width * 10.0).round() / 10.0))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(" ")
        }
    }
}

/// A marker shape on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Marker {
    /// The marker of scenario `i`.
    pub fn of(i: usize) -> Self {
        [
            Marker::Circle,
            Marker::Square,
            Marker::Triangle,
            Marker::Diamond,
        ][i % MAX_COMPARED]
    }
}

/// A small inline SVG of scenario `i`'s line, colour and marker, for HTML legends.
pub fn swatch_svg(i: usize) -> String {
    let c = palette(i);
    let colour = format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    let dash = LineStyle::of(i).dasharray(2.5);
    let marker = match Marker::of(i) {
        Marker::Circle => format!("<circle cx=\"18\" cy=\"6\" r=\"4\" fill=\"{colour}\"/>"),
        Marker::Square => {
            format!("<rect x=\"14.5\" y=\"2.5\" width=\"7\" height=\"7\" fill=\"{colour}\"/>")
        }
        Marker::Triangle => {
            format!("<polygon points=\"18,1.5 22.5,9.5 13.5,9.5\" fill=\"{colour}\"/>")
        }
        Marker::Diamond => {
            format!("<polygon points=\"18,1.5 22.5,6 18,10.5 13.5,6\" fill=\"{colour}\"/>")
        }
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 36 12\" width=\"36\" height=\"12\" \
         aria-hidden=\"true\" focusable=\"false\"><line x1=\"1\" y1=\"6\" x2=\"35\" y2=\"6\" \
         stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\"/>{marker}</svg>"
    )
}

/// Which of the two comparison charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareKind {
    Coverage,
    Cost,
}

impl CompareKind {
    fn id(self) -> &'static str {
        match self {
            CompareKind::Coverage => "payung-compare-coverage",
            CompareKind::Cost => "payung-compare-cost",
        }
    }
}

/// The coverage comparison as SVG: covered ÷ vulnerable workers, month by month.
pub fn coverage_svg(series: &[Compared], lang: Lang, size: (u32, u32)) -> String {
    let text = ChartText::compare(CompareKind::Coverage, lang);
    let desc = summary_coverage(series, lang);
    render(CompareKind::Coverage, &text, &desc, size, |area| {
        draw_coverage(area, series, &text)
    })
}

/// The cost comparison as SVG: each year's contributions from all sources.
pub fn cost_svg(series: &[Compared], lang: Lang, size: (u32, u32)) -> String {
    let text = ChartText::compare(CompareKind::Cost, lang);
    let desc = summary_cost(series, lang);
    render(CompareKind::Cost, &text, &desc, size, |area| {
        draw_cost(area, series, &text)
    })
}

/// Draws the coverage ratio of each scenario over a shared month axis.
pub fn draw_coverage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Compared],
    text: &ChartText,
) -> Drawn<DB> {
    let lang = text.lang;
    let (plot, style) = frame(area, text.title, series)?;
    let first = series
        .iter()
        .filter_map(|(_, o)| o.months.first().map(|m| m.date))
        .min();
    let last = series
        .iter()
        .filter_map(|(_, o)| o.months.last().map(|m| m.date))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return super::note(&plot, text.empty, &style);
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
    let chart = axes(
        &plot,
        &style,
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
        draw_line(&area, &points, &marks, i, &style)?;
    }
    Ok(())
}

/// Draws each scenario's yearly total cost over a shared year axis.
pub fn draw_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Compared],
    text: &ChartText,
) -> Drawn<DB> {
    let (plot, style) = frame(area, text.title, series)?;
    let first = series
        .iter()
        .filter_map(|(_, o)| o.years.first().map(|y| y.year))
        .min();
    let last = series
        .iter()
        .filter_map(|(_, o)| o.years.last().map(|y| y.year))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return super::note(&plot, text.empty, &style);
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
    let chart = money_by_year(&plot, &style, text, (first, last), top)?;
    let area = chart.plotting_area().strip_coord_spec();
    let base = chart.plotting_area().get_base_pixel();
    for (i, line) in lines.iter().enumerate() {
        let points: Vec<(i32, i32)> = line
            .iter()
            .map(|p| shift(chart.backend_coord(p), base))
            .collect();
        draw_line(&area, &points, &points, i, &style)?;
    }
    if top <= 0.0 {
        super::note(&area, text.empty, &style)?;
    }
    Ok(())
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
        return ChartText::compare(CompareKind::Coverage, lang)
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
                super::year_span(o)
            )
        })
        .collect();
    if parts.is_empty() {
        return ChartText::compare(CompareKind::Cost, lang)
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
    cell: impl Fn(&crate::engine::simulate::YearResult) -> String,
) -> Table {
    let text = ChartText::compare(kind, lang);
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
    (header, rows)
}

// ---------------------------------------------------------------------------------------
// Drawing.

type SvgResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Draws into an SVG string and finishes it as the other charts are finished: responsive,
/// with `<title>` and `<desc>`; a failed drawing becomes an SVG that says so.
fn render<F>(kind: CompareKind, text: &ChartText, desc: &str, size: (u32, u32), draw: F) -> String
where
    F: for<'a, 'b> FnOnce(&'b DrawingArea<SVGBackend<'a>, Shift>) -> SvgResult,
{
    let size = (size.0.clamp(320, 4000), size.1.clamp(200, 4000));
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present())
    };
    let id = kind.id();
    let (w, h) = size;
    let open = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(text.title),
        escape(desc)
    );
    let body = drawn.ok().and_then(|()| {
        let start = svg.find("<svg")?;
        let end = start + svg[start..].find('>')?;
        Some(svg[end + 1..].trim_start_matches('\n').to_string())
    });
    match body {
        Some(body) => format!("{open}{body}"),
        None => format!(
            "{open}<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n\
             <text x=\"50%\" y=\"50%\" text-anchor=\"middle\" font-family=\"sans-serif\" \
             font-size=\"16\" fill=\"#333333\">{}</text>\n</svg>\n",
            escape(text.failed)
        ),
    }
}

/// Draws the title and a legend of the scenarios (right of the plot when wide, below it
/// when narrow) and returns the area left for the plot.
fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    series: &[Compared],
) -> Result<Framed<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let style = Style::of(area);
    let body = area.titled(title, style.bold(1.2))?;
    let (w, h) = body.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let line = style.px(1.25);
    let gap = style.px(0.5);
    let swatch_w = style.px(3.0);
    let text_x = swatch_w + style.px(0.7);
    let chars = |width: i32| {
        (f64::from(width - text_x) / (style.px * 0.6))
            .floor()
            .max(4.0) as usize
    };
    let font = style.font(1.0).pos(Pos::new(HPos::Left, VPos::Center));
    if w >= 560 {
        let legend_w = (f64::from(w) * 0.25).clamp(150.0, 260.0) as i32;
        let (plot, legend) = body.split_horizontally(w - legend_w);
        let max = chars(legend_w - style.px(0.6));
        let mut y = style.px(1.0);
        for (i, (name, _)) in series.iter().enumerate() {
            let labels = wrap(name, max, 2);
            let rows = labels.len().max(1) as i32;
            draw_swatch(&legend, (0, y + line / 2), swatch_w, i, &style)?;
            for (k, label) in labels.into_iter().enumerate() {
                let pos = (text_x, y + line * k as i32 + line / 2);
                legend.draw(&Text::new(label, pos, font.clone()))?;
            }
            y += line * rows + gap;
        }
        Ok((plot, style))
    } else {
        let columns = 2;
        let rows = series.len().div_ceil(columns) as i32;
        let legend_h = rows * (line + gap) + gap;
        let (plot, legend) = body.split_vertically(h - legend_h);
        let column_w = w / columns as i32;
        let max = chars(column_w - style.px(0.6));
        for (i, (name, _)) in series.iter().enumerate() {
            let x = (i % columns) as i32 * column_w + style.px(0.6);
            let y = gap + (i / columns) as i32 * (line + gap);
            let label = wrap(name, max, 1).into_iter().next().unwrap_or_default();
            draw_swatch(&legend, (x, y + line / 2), swatch_w, i, &style)?;
            legend.draw(&Text::new(label, (x + text_x, y + line / 2), font.clone()))?;
        }
        Ok((plot, style))
    }
}

/// The stroke width of the compared lines, in pixels.
fn stroke(style: &Style) -> u32 {
    (style.px / 5.0).round().clamp(2.0, 4.0) as u32
}

fn marker_size(style: &Style) -> i32 {
    style.px(0.42).max(4)
}

fn shift((x, y): (i32, i32), (bx, by): (i32, i32)) -> (i32, i32) {
    (x - bx, y - by)
}

/// Scenario `i`'s line through `points` and its markers at `marks`, in pixels of `area`.
fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(i32, i32)],
    marks: &[(i32, i32)],
    i: usize,
    style: &Style,
) -> Drawn<DB> {
    let colour = palette(i);
    let width = stroke(style);
    let pattern: Vec<f64> = LineStyle::of(i)
        .pattern()
        .iter()
        .map(|p| p * f64::from(width))
        .collect();
    let points: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| (f64::from(x), f64::from(y)))
        .collect();
    for piece in dash(&points, &pattern) {
        let piece: Vec<(i32, i32)> = piece
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        area.draw(&PathElement::new(piece, colour.stroke_width(width)))?;
    }
    for &at in marks {
        draw_marker(area, at, Marker::of(i), colour, marker_size(style))?;
    }
    Ok(())
}

/// A legend swatch: a stretch of the line with its marker in the middle.
fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    width: i32,
    i: usize,
    style: &Style,
) -> Drawn<DB> {
    draw_line(
        area,
        &[(x, y), (x + width, y)],
        &[(x + width / 2, y)],
        i,
        style,
    )
}

fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    marker: Marker,
    colour: RGBColor,
    r: i32,
) -> Drawn<DB> {
    let fill = colour.filled();
    match marker {
        Marker::Circle => area.draw(&Circle::new((x, y), r, fill)),
        Marker::Square => {
            let s = (f64::from(r) * 0.85).round() as i32;
            area.draw(&Rectangle::new([(x - s, y - s), (x + s, y + s)], fill))
        }
        Marker::Triangle => {
            let t = (f64::from(r) * 1.2).round() as i32;
            area.draw(&Polygon::new(
                vec![(x, y - t), (x + t, y + t * 3 / 4), (x - t, y + t * 3 / 4)],
                fill,
            ))
        }
        Marker::Diamond => {
            let d = (f64::from(r) * 1.25).round() as i32;
            area.draw(&Polygon::new(
                vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
                fill,
            ))
        }
    }
}

/// Cuts a polyline into the "on" pieces of a dash `pattern` (pixel lengths, on first);
/// the pattern runs on across the polyline's corners. An empty pattern keeps it whole.
fn dash(points: &[(f64, f64)], pattern: &[f64]) -> Vec<Vec<(f64, f64)>> {
    if points.len() < 2 {
        return Vec::new();
    }
    if pattern.is_empty() || pattern.iter().any(|p| !p.is_finite() || *p <= 0.0) {
        return vec![points.to_vec()];
    }
    let mut pieces = Vec::new();
    let mut current = vec![points[0]];
    let mut k = 0;
    let mut left = pattern[0];
    let mut on = true;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut at = 0.0;
        while length - at > left {
            at += left;
            let t = at / length;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if on {
                current.push(p);
                pieces.push(std::mem::take(&mut current));
            } else {
                current = vec![p];
            }
            on = !on;
            k = (k + 1) % pattern.len();
            left = pattern[k];
        }
        left -= length - at;
        if on {
            current.push(b);
        }
    }
    if on && current.len() >= 2 {
        pieces.push(current);
    }
    pieces
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

    fn length(piece: &[(f64, f64)]) -> f64 {
        piece
            .windows(2)
            .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
            .sum()
    }

    #[test]
    fn dashes_follow_the_pattern_across_corners() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        let pieces = dash(&line, &[4.0, 2.0]);
        // 20 px of line: on 0–4, 6–10 (through the corner), 12–16, 18–20.
        assert_eq!(pieces.len(), 4);
        let lengths: Vec<f64> = pieces.iter().map(|p| length(p)).collect();
        for (got, want) in lengths.iter().zip([4.0, 4.0, 4.0, 2.0]) {
            assert!((got - want).abs() < 1e-9, "{lengths:?}");
        }
        assert_eq!(pieces[1].len(), 3, "the second dash turns the corner");
        assert_eq!(dash(&line, &[]), vec![line.to_vec()]);
        assert!(dash(&line[..1], &[1.0, 1.0]).is_empty());
    }

    #[test]
    fn each_scenario_looks_different() {
        for i in 0..MAX_COMPARED {
            for j in 0..i {
                assert_ne!(LineStyle::of(i), LineStyle::of(j));
                assert_ne!(Marker::of(i), Marker::of(j));
            }
        }
        assert_eq!(LineStyle::Solid.dasharray(2.0), "none");
        assert_eq!(LineStyle::Dashed.dasharray(2.0), "8 5");
        assert!(swatch_svg(1).contains("stroke-dasharray=\"10 6.3\""));
    }

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
