//! Charts of an `Outcome`, drawn with plotters into SVG strings that the page inlines.
//!
//! Each chart lives in its own file with a `draw` function generic over the plotters
//! backend (as in plotters' `examples/relative_size.rs`), a one-sentence `summary` and a
//! yearly `table`, so that what the chart shows is also available as text. This module
//! holds what they share: the palette, layout and legends, and the finishing of the SVG
//! (responsive size, `<title>` and `<desc>` for screen readers). Every word a chart shows
//! comes from the catalogue, `ui::i18n::charts` (`ChartText` is re-exported here).
//!
//! Charts read an `Outcome`; they must not know the engine's rules, the DOM or Yew.
//! Money becomes `f64` only here, at the moment it is drawn. Drawing never panics: a
//! failed drawing yields an SVG that says so.

pub mod benefits;
pub mod compare;
pub mod cost;
pub mod coverage;

use crate::engine::simulate::YearResult;
use crate::engine::Outcome;
use crate::locale::format;
use crate::locale::Lang;
pub use crate::ui::i18n::charts::ChartText;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The Okabe–Ito colours, safe for the common colour-vision deficiencies; the UI's
/// legends and tables use the same hex strings so that colours match the charts.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

const PALETTE_RGB: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x00, 0x00),
];

/// Text: #333333 on white has a contrast of 12.6:1 (WCAG AA needs 4.5:1).
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Axes and outlines: #595959 on white is 7:1.
const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// The baseline scenario, drawn faint so the current scenario stays in front.
const BASELINE: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
/// Money that was budgeted but not spent: a pale fill with a dark outline.
const UNSPENT_FILL: RGBColor = RGBColor(0xF4, 0xF4, 0xF4);

/// A chart's rows for the "show data" table: column headers, then one row per year.
pub type Table = (Vec<String>, Vec<Vec<String>>);

/// The three charts of the results page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Coverage,
    Cost,
    Benefits,
}

impl ChartKind {
    /// The stem of the element ids in the SVG, unique per chart on a page.
    fn id(self) -> &'static str {
        match self {
            ChartKind::Coverage => "payung-chart-coverage",
            ChartKind::Cost => "payung-chart-cost",
            ChartKind::Benefits => "payung-chart-benefits",
        }
    }
}

/// The coverage chart as SVG: covered, waiting and unverified workers month by month,
/// the target, and optionally a baseline scenario's covered workers.
pub fn coverage_svg(
    outcome: &Outcome,
    target: Decimal,
    lang: Lang,
    baseline: Option<&Outcome>,
    size: (u32, u32),
) -> String {
    let text = ChartText::new(ChartKind::Coverage, lang);
    let desc = summary_coverage(outcome, target, lang);
    render(ChartKind::Coverage, &text, &desc, size, |area| {
        coverage::draw(area, outcome, target, &text, baseline)
    })
}

/// The cost chart as SVG: each year's contributions stacked by funding source, with
/// unspent budget on top, and optionally a baseline scenario's totals.
pub fn cost_svg(
    outcome: &Outcome,
    lang: Lang,
    baseline: Option<&Outcome>,
    size: (u32, u32),
) -> String {
    let text = ChartText::new(ChartKind::Cost, lang);
    let desc = summary_cost(outcome, lang);
    render(ChartKind::Cost, &text, &desc, size, |area| {
        cost::draw(area, outcome, &text, baseline)
    })
}

/// The benefits chart as SVG: JKK and JKM contributions beside the benefits they are
/// expected to pay each year, and optionally a baseline scenario's benefits.
pub fn benefits_svg(
    outcome: &Outcome,
    lang: Lang,
    baseline: Option<&Outcome>,
    size: (u32, u32),
) -> String {
    let text = ChartText::new(ChartKind::Benefits, lang);
    let desc = summary_benefits(outcome, lang);
    render(ChartKind::Benefits, &text, &desc, size, |area| {
        benefits::draw(area, outcome, &text, baseline)
    })
}

/// Two to four scenarios' coverage ratios month by month, one line style each.
pub fn compare_coverage_svg(series: &[compare::Compared], lang: Lang, size: (u32, u32)) -> String {
    compare::coverage_svg(series, lang, size)
}

/// Two to four scenarios' yearly total cost, one line style each.
pub fn compare_cost_svg(series: &[compare::Compared], lang: Lang, size: (u32, u32)) -> String {
    compare::cost_svg(series, lang, size)
}

/// The coverage chart in one sentence, for screen readers and the page text.
pub fn summary_coverage(outcome: &Outcome, target: Decimal, lang: Lang) -> String {
    coverage::summary(outcome, target, lang)
}

/// The cost chart in one sentence.
pub fn summary_cost(outcome: &Outcome, lang: Lang) -> String {
    cost::summary(outcome, lang)
}

/// The benefits chart in one sentence.
pub fn summary_benefits(outcome: &Outcome, lang: Lang) -> String {
    benefits::summary(outcome, lang)
}

/// The coverage chart's numbers, one row per year.
pub fn table_coverage(outcome: &Outcome, lang: Lang) -> Table {
    coverage::table(outcome, &ChartText::new(ChartKind::Coverage, lang))
}

/// The cost chart's numbers, one row per year and one column per source.
pub fn table_cost(outcome: &Outcome, lang: Lang) -> Table {
    cost::table(outcome, &ChartText::new(ChartKind::Cost, lang))
}

/// The benefits chart's numbers, one row per year.
pub fn table_benefits(outcome: &Outcome, lang: Lang) -> Table {
    benefits::table(outcome, &ChartText::new(ChartKind::Benefits, lang))
}

// ---------------------------------------------------------------------------------------
// Rendering and finishing the SVG.

type SvgResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Sizes outside this range are clamped, so layout arithmetic always has room.
const MIN_SIZE: (u32, u32) = (240, 160);
const MAX_SIZE: u32 = 4000;

fn render<F>(kind: ChartKind, text: &ChartText, desc: &str, size: (u32, u32), draw: F) -> String
where
    F: for<'a, 'b> FnOnce(&'b DrawingArea<SVGBackend<'a>, Shift>) -> SvgResult,
{
    let size = (
        size.0.clamp(MIN_SIZE.0, MAX_SIZE),
        size.1.clamp(MIN_SIZE.1, MAX_SIZE),
    );
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => finish(&svg, kind, text.title, desc, size)
            .unwrap_or_else(|| failure_svg(kind, text, desc, size)),
        Err(_) => failure_svg(kind, text, desc, size),
    }
}

/// Escapes text for XML or HTML content and attribute values (the embed snippet uses it too).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The root tag that scales with its container, labelled by its title and description.
fn open_tag(kind: ChartKind, title: &str, desc: &str, (w, h): (u32, u32)) -> String {
    let id = kind.id();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc)
    )
}

/// Replaces plotters' fixed-size root tag with `open_tag`; `None` if there is none.
fn finish(svg: &str, kind: ChartKind, title: &str, desc: &str, size: (u32, u32)) -> Option<String> {
    let start = svg.find("<svg")?;
    let end = start + svg[start..].find('>')?;
    let rest = svg[end + 1..].trim_start_matches('\n');
    Some(format!("{}{}", open_tag(kind, title, desc, size), rest))
}

/// A chart-sized SVG that says the chart could not be drawn.
fn failure_svg(kind: ChartKind, text: &ChartText, desc: &str, size: (u32, u32)) -> String {
    format!(
        "{}<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n\
         <text x=\"50%\" y=\"50%\" text-anchor=\"middle\" font-family=\"sans-serif\" \
         font-size=\"16\" fill=\"#333333\">{}</text>\n</svg>\n",
        open_tag(kind, text.title, desc, size),
        escape(text.failed)
    )
}

// ---------------------------------------------------------------------------------------
// Shared layout: fonts, frame, legend, axes.

/// The result of a drawing step on backend `DB`.
pub(crate) type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Sizes derived from the drawing area, so charts stay legible small or large.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// Body text size in pixels.
    px: f64,
}

impl Style {
    fn of<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Self {
        let (w, h) = area.dim_in_pixel();
        let px = (f64::from(w.min(h.saturating_mul(2))) / 60.0).clamp(11.0, 18.0);
        Style { px }
    }

    /// Plotters divides SVG font sizes by 1.24; this asks for `px` pixels.
    fn font(&self, scale: f64) -> TextStyle<'static> {
        ("sans-serif", self.px * scale * 1.24)
            .into_font()
            .color(&TEXT)
    }

    fn bold(&self, scale: f64) -> TextStyle<'static> {
        ("sans-serif", self.px * scale * 1.24)
            .into_font()
            .style(FontStyle::Bold)
            .color(&TEXT)
    }

    fn text(&self) -> TextStyle<'static> {
        self.font(1.0)
    }

    fn px(&self, scale: f64) -> i32 {
        (self.px * scale).round() as i32
    }

    /// An estimate of a label's width; good enough for the sans-serif digits and
    /// letters of ticks and legends.
    fn width_of(&self, chars: usize, scale: f64) -> i32 {
        (chars as f64 * self.px * scale * 0.6).ceil() as i32
    }
}

/// How a legend entry shows its series.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A filled box with an outline.
    Fill {
        fill: RGBColor,
        edge: RGBColor,
    },
    Line(RGBColor),
    Dashed(RGBColor),
    /// A line with a dot: a series drawn with markers.
    Marker(RGBColor),
}

/// One legend line.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub label: String,
    pub swatch: Swatch,
}

impl Entry {
    pub(crate) fn new(label: impl Into<String>, swatch: Swatch) -> Self {
        Entry {
            label: label.into(),
            swatch,
        }
    }
}

/// The colour of series `i`: the palette, then (for sources 9 to 16) its lighter tints.
pub(crate) fn palette(i: usize) -> RGBColor {
    let n = PALETTE_RGB.len();
    let c = PALETTE_RGB[i % n];
    if (i / n) % 2 == 1 {
        tint(c, 0.5)
    } else {
        c
    }
}

/// `c` mixed with white: `amount` 0 is `c`, 1 is white.
pub(crate) fn tint(c: RGBColor, amount: f64) -> RGBColor {
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * amount).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// The area left for the plot, and the sizes it was laid out with.
pub(crate) type Framed<DB> = (DrawingArea<DB, Shift>, Style);

/// Draws the title and the legend and returns the area left for the plot.
///
/// Wide charts get the legend in a column on the right; narrow ones get it in two
/// columns below the plot. See `Legend::fit` for how long legends are made to fit.
pub(crate) fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    entries: &[Entry],
) -> Result<Framed<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let style = Style::of(area);
    let body = area.titled(title, style.bold(1.2))?;
    let (w, h) = body.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    if w >= 560 {
        let legend_w = (f64::from(w) * 0.27).clamp(150.0, 280.0) as i32;
        let (plot, legend) = body.split_horizontally(w - legend_w);
        let top = style.px(1.0);
        let layout = Legend::fit(entries, &style, 1, legend_w, h - top);
        layout.draw(&legend, entries, &style, top)?;
        Ok((plot, style))
    } else {
        let pad = style.px(0.5);
        let room = (h * 45 / 100).max(0);
        let layout = Legend::fit(entries, &style, 2, w, room - pad);
        let legend_h = (layout.height(entries) + pad).min(room);
        let (plot, legend) = body.split_vertically(h - legend_h);
        layout.draw(&legend, entries, &style, pad)?;
        Ok((plot, style))
    }
}

/// How a legend is set: columns, text size and lines per entry.
struct Legend {
    columns: i32,
    width: i32,
    scale: f64,
    lines: usize,
    line: i32,
    gap: i32,
    max_chars: usize,
}

impl Legend {
    fn new(style: &Style, columns: i32, width: i32, scale: f64, lines: usize) -> Self {
        let column_w = width / columns.max(1);
        let text_x = style.px(2.2);
        let room = f64::from(column_w - text_x - style.px(0.8));
        Legend {
            columns,
            width,
            scale,
            lines,
            line: (style.px * scale * 1.3).round() as i32,
            gap: (style.px * scale * 0.45).round() as i32,
            max_chars: (room / (style.px * scale * 0.6)).floor().max(4.0) as usize,
        }
    }

    /// The first layout that fits `height`: two lines per entry, then one, then
    /// smaller text; if none fits, the smallest, which cuts the list with "…".
    fn fit(entries: &[Entry], style: &Style, columns: i32, width: i32, height: i32) -> Self {
        let tries = [(0.95, 2), (0.95, 1), (0.85, 1), (0.75, 1)];
        let mut last = None;
        for (scale, lines) in tries {
            let legend = Legend::new(style, columns, width, scale, lines);
            if legend.height(entries) <= height {
                return legend;
            }
            last = Some(legend);
        }
        last.unwrap_or_else(|| Legend::new(style, columns, width, 0.75, 1))
    }

    fn labels(&self, entry: &Entry) -> Vec<String> {
        wrap(&entry.label, self.max_chars, self.lines)
    }

    /// Height of all rows; a row is as tall as its tallest entry.
    fn height(&self, entries: &[Entry]) -> i32 {
        entries
            .chunks(self.columns.max(1) as usize)
            .map(|row| {
                let lines = row
                    .iter()
                    .map(|e| self.labels(e).len().max(1))
                    .max()
                    .unwrap_or(1);
                self.line * lines as i32 + self.gap
            })
            .sum()
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        entries: &[Entry],
        style: &Style,
        top: i32,
    ) -> Drawn<DB> {
        let (_, h) = area.dim_in_pixel();
        let h = h as i32;
        let font = style
            .font(self.scale)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let swatch_w = style.px(1.6);
        let text_x = style.px(2.2);
        let column_w = self.width / self.columns.max(1);
        let mut y = top;
        for row in entries.chunks(self.columns.max(1) as usize) {
            let labels: Vec<Vec<String>> = row.iter().map(|e| self.labels(e)).collect();
            let lines = labels.iter().map(|l| l.len().max(1)).max().unwrap_or(1) as i32;
            if y + self.line * lines > h {
                let x = style.px(0.6);
                area.draw(&Text::new("…", (x, y + self.line / 2), font.clone()))?;
                break;
            }
            for (column, (entry, label)) in row.iter().zip(&labels).enumerate() {
                let x = column as i32 * column_w + style.px(0.6);
                draw_swatch(area, entry.swatch, (x, y + self.line / 2), swatch_w, style)?;
                for (k, text) in label.iter().enumerate() {
                    let pos = (x + text_x, y + self.line * k as i32 + self.line / 2);
                    area.draw(&Text::new(text.clone(), pos, font.clone()))?;
                }
            }
            y += self.line * lines + self.gap;
        }
        Ok(())
    }
}

/// Splits `label` into at most `lines` lines of at most `max` characters, cutting the
/// last with an ellipsis when it does not fit.
fn wrap(label: &str, max: usize, lines: usize) -> Vec<String> {
    let max = max.max(4);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in label.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if candidate.chars().count() <= max {
            current = candidate;
            continue;
        }
        if !current.is_empty() && out.len() + 1 < lines {
            out.push(std::mem::take(&mut current));
            current = word.to_string();
            if current.chars().count() <= max {
                continue;
            }
        } else if current.is_empty() {
            current = word.to_string();
        } else {
            current = candidate;
        }
        // `current` is too long for its line.
        if out.len() + 1 < lines {
            let head: String = current.chars().take(max).collect();
            let tail: String = current.chars().skip(max).collect();
            out.push(head);
            current = tail;
        } else {
            let head: String = current.chars().take(max - 1).collect();
            out.push(format!("{}…", head.trim_end()));
            return out;
        }
    }
    if current.chars().count() > max {
        let head: String = current.chars().take(max - 1).collect();
        current = format!("{}…", head.trim_end());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    (x, y): (i32, i32),
    width: i32,
    style: &Style,
) -> Drawn<DB> {
    let half = style.px(0.4);
    match swatch {
        Swatch::Fill { fill, edge } => {
            area.draw(&Rectangle::new(
                [(x, y - half), (x + width, y + half)],
                fill.filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(x, y - half), (x + width, y + half)],
                edge.stroke_width(1),
            ))?;
        }
        Swatch::Line(c) => {
            area.draw(&PathElement::new(
                vec![(x, y), (x + width, y)],
                c.stroke_width(3),
            ))?;
        }
        Swatch::Dashed(c) => {
            let third = width / 3;
            for (a, b) in [(x, x + third), (x + 2 * third, x + width)] {
                area.draw(&PathElement::new(vec![(a, y), (b, y)], c.stroke_width(2)))?;
            }
        }
        Swatch::Marker(c) => {
            area.draw(&PathElement::new(
                vec![(x, y), (x + width, y)],
                c.stroke_width(2),
            ))?;
            area.draw(&Circle::new((x + width / 2, y), half.max(3), c.filled()))?;
        }
    }
    Ok(())
}

/// Writes `message` in the middle of `area`.
pub(crate) fn note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    message: &str,
    style: &Style,
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let font = style
        .font(1.1)
        .color(&AXIS)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        message.to_string(),
        (w as i32 / 2, h as i32 / 2),
        font,
    ))
}

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
    axes(
        plot,
        style,
        text,
        year_axis(first, last),
        (headroom(top), EMPTY_MONEY),
        &year_label,
        &y_label,
    )
}

/// Builds the chart context and draws the mesh: grid, ticks and axis names.
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
    let y_area = style.width_of(longest, 1.0) + style.px(2.2);
    let x_area = style.px(3.4);
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
        .y_labels(6)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf)
        .x_desc(text.x_axis)
        .y_desc(text.y_axis)
        .label_style(style.text())
        .axis_desc_style(style.text())
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
    Ok(chart)
}

/// Years `first..=last` as bar positions with at most ten labelled ticks.
pub(crate) fn year_axis(first: i32, last: i32) -> (std::ops::Range<f64>, Vec<f64>) {
    let last = last.max(first);
    let span = last - first + 1;
    let step = ((span + 9) / 10).max(1);
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

/// A y-axis tick in money: "Rp 3 M", "Rp 200 jt".
pub(crate) fn money_tick(y: f64, lang: Lang) -> String {
    use rust_decimal::prelude::FromPrimitive;
    match Decimal::from_f64(y) {
        Some(d) if y.is_finite() => format::rupiah_short(d, lang),
        _ => String::new(),
    }
}

/// Room above the tallest value so that bars and lines do not touch the top.
pub(crate) fn headroom(max: f64) -> f64 {
    if max.is_finite() && max > 0.0 {
        max * 1.08
    } else {
        0.0
    }
}

/// A year's label in tables: "2023 (3 bulan)" for a year the horizon covers in part.
pub(crate) fn year_cell(year: &YearResult, text: &ChartText) -> String {
    if year.months < 12 {
        format!("{} ({} {})", year.year, year.months, text.months)
    } else {
        year.year.to_string()
    }
}

/// "2026–2030", or "2026" for a single year; empty without years.
pub(crate) fn year_span(outcome: &Outcome) -> String {
    match (outcome.years.first(), outcome.years.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!("{}–{}", a.year, b.year),
        (Some(a), _) => a.year.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_strings_match_the_drawn_colours() {
        for (hex, rgb) in PALETTE.iter().zip(PALETTE_RGB) {
            assert_eq!(*hex, format!("#{:02X}{:02X}{:02X}", rgb.0, rgb.1, rgb.2));
        }
    }

    #[test]
    fn finishing_makes_the_svg_responsive_and_labelled() {
        let raw = "<svg width=\"800\" height=\"400\" viewBox=\"0 0 800 400\" \
                   xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let svg = finish(raw, ChartKind::Cost, "A & B", "x < y \"q\"", (800, 400)).unwrap();
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 400\" width=\"100%\""
        ));
        assert!(!svg.contains("height=\"400\""));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"payung-chart-cost-title\">A &amp; B</title>"));
        assert!(svg.contains("<desc id=\"payung-chart-cost-desc\">x &lt; y &quot;q&quot;</desc>"));
        assert!(svg.ends_with("<rect/>\n</svg>\n"));
        assert_eq!(finish("no svg here", ChartKind::Cost, "", "", (1, 1)), None);
    }

    #[test]
    fn labels_wrap_and_cut() {
        assert_eq!(wrap("Tercakup", 20, 2), vec!["Tercakup"]);
        assert_eq!(
            wrap("Terverifikasi, menunggu dana", 16, 2),
            vec!["Terverifikasi,", "menunggu dana"]
        );
        assert_eq!(
            wrap("Dana Desa dari semua desa di kabupaten ini", 16, 2),
            vec!["Dana Desa dari", "semua desa di k…"]
        );
        assert_eq!(wrap("Supercalifragilistic", 8, 1), vec!["Superca…"]);
        assert_eq!(wrap("", 8, 2), Vec::<String>::new());
    }

    #[test]
    fn tints_move_towards_white() {
        assert_eq!(tint(RGBColor(0, 100, 255), 0.0), RGBColor(0, 100, 255));
        assert_eq!(tint(RGBColor(0, 100, 255), 1.0), RGBColor(255, 255, 255));
    }

    #[test]
    fn year_axes_label_at_most_ten_years() {
        assert_eq!(year_axis(2026, 2030).1.len(), 5);
        assert!(year_axis(2026, 2045).1.len() <= 10);
        assert_eq!(year_axis(2026, 2026).1, vec![2026.0]);
        assert_eq!(year_label(2026.0), "2026");
        assert_eq!(year_label(2026.5), "");
    }
}
