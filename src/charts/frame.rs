//! What every chart shares around its plot: drawing into an SVG string and finishing it
//! (responsive size, `<title>` and `<desc>` for screen readers, or an SVG that says the
//! drawing failed), the sizes of text derived from the chart's size (`Style`), and the
//! title and legend set beside or below the plot (`frame`).
//!
//! The result charts and the comparison charts both go through here; each brings its own
//! legend (`Legend`), so that only what they show differs.

use super::text::ChartText;
use super::{escape, Chart, ChartKind, Table, AXIS, TEXT};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The result of a drawing step on backend `DB`.
pub(crate) type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The result of drawing into an SVG string.
pub(crate) type SvgResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Sizes above this are clamped, so that a bad size cannot exhaust memory.
const MAX_SIZE: u32 = 4000;

/// Bodies at least this wide get the legend in a column beside the plot.
const WIDE: i32 = 560;

/// The smallest size chart `kind` is drawn at, so layout arithmetic always has room; a
/// comparison needs more, for its several lines and their legend.
fn min_size(kind: ChartKind) -> (u32, u32) {
    match kind {
        ChartKind::Compare(_) => (320, 200),
        _ => (240, 160),
    }
}

/// Draws a chart with `draw` at `size` and puts it together with its words, `summary`
/// (also the SVG's `<desc>`) and `table`.
pub(crate) fn chart<F>(
    text: &ChartText,
    summary: String,
    table: Table,
    size: (u32, u32),
    draw: F,
) -> Chart
where
    F: for<'a, 'b> FnOnce(&'b DrawingArea<SVGBackend<'a>, Shift>) -> SvgResult,
{
    Chart {
        kind: text.kind,
        title: text.title.to_string(),
        svg: render(text, &summary, size, draw),
        summary,
        table,
    }
}

/// Draws into an SVG string and finishes it; a failed drawing becomes an SVG that says so.
fn render<F>(text: &ChartText, desc: &str, size: (u32, u32), draw: F) -> String
where
    F: for<'a, 'b> FnOnce(&'b DrawingArea<SVGBackend<'a>, Shift>) -> SvgResult,
{
    let min = min_size(text.kind);
    let size = (size.0.clamp(min.0, MAX_SIZE), size.1.clamp(min.1, MAX_SIZE));
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => finish(&svg, text.kind, text.title, desc, size)
            .unwrap_or_else(|| failure_svg(text, desc, size)),
        Err(_) => failure_svg(text, desc, size),
    }
}

/// The root tag that scales with its container, labelled by its title and description.
fn open_tag(kind: ChartKind, title: &str, desc: &str, (w, h): (u32, u32)) -> String {
    let id = kind.svg_id();
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
fn failure_svg(text: &ChartText, desc: &str, size: (u32, u32)) -> String {
    format!(
        "{}<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n\
         <text x=\"50%\" y=\"50%\" text-anchor=\"middle\" font-family=\"sans-serif\" \
         font-size=\"16\" fill=\"#333333\">{}</text>\n</svg>\n",
        open_tag(text.kind, text.title, desc, size),
        escape(text.failed)
    )
}

/// Sizes derived from the drawing area, so charts stay legible small or large.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// Body text size in pixels.
    pub(crate) px: f64,
}

impl Style {
    fn of<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Self {
        let (w, h) = area.dim_in_pixel();
        let px = (f64::from(w.min(h.saturating_mul(2))) / 60.0).clamp(11.0, 18.0);
        Style { px }
    }

    /// Plotters divides SVG font sizes by 1.24; this asks for `px` pixels.
    pub(crate) fn font(&self, scale: f64) -> TextStyle<'static> {
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

    pub(crate) fn text(&self) -> TextStyle<'static> {
        self.font(1.0)
    }

    pub(crate) fn px(&self, scale: f64) -> i32 {
        (self.px * scale).round() as i32
    }

    /// An estimate of a label's width; good enough for the sans-serif digits and
    /// letters of ticks and legends.
    pub(crate) fn width_of(&self, chars: usize, scale: f64) -> i32 {
        (chars as f64 * self.px * scale * 0.6).ceil() as i32
    }
}

/// A legend that `frame` sets in a column beside a wide plot or in a band below a narrow
/// one. Sizes are in pixels; `(w, h)` is the chart's body under its title.
pub(crate) trait Legend {
    /// The width of the column beside the plot.
    fn beside_width(&self, w: i32) -> i32;

    /// Draws the legend in the column `area`, `width` wide, beside a body `h` high.
    fn draw_beside<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        width: i32,
        h: i32,
    ) -> Drawn<DB>;

    /// The height of the band below the plot.
    fn below_height(&self, style: &Style, w: i32, h: i32) -> i32;

    /// Draws the legend in the band `area` below the plot.
    fn draw_below<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        w: i32,
        h: i32,
    ) -> Drawn<DB>;
}

/// The area left for the plot, and the sizes it was laid out with.
pub(crate) type Framed<DB> = (DrawingArea<DB, Shift>, Style);

/// Draws the title and the legend and returns the area left for the plot: the legend in a
/// column on the right of wide charts, in a band below narrow ones.
pub(crate) fn frame<DB: DrawingBackend, L: Legend + ?Sized>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    legend: &L,
) -> Result<Framed<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let style = Style::of(area);
    let body = area.titled(title, style.bold(1.2))?;
    let (w, h) = body.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    if w >= WIDE {
        let legend_w = legend.beside_width(w);
        let (plot, beside) = body.split_horizontally(w - legend_w);
        legend.draw_beside(&beside, &style, legend_w, h)?;
        Ok((plot, style))
    } else {
        let legend_h = legend.below_height(&style, w, h);
        let (plot, below) = body.split_vertically(h - legend_h);
        legend.draw_below(&below, &style, w, h)?;
        Ok((plot, style))
    }
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

/// Says `message` over a plot whose values never rise above zero (`top`), so that an empty
/// chart reads as empty rather than broken.
pub(crate) fn note_if_empty<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    top: f64,
    message: &str,
    style: &Style,
) -> Drawn<DB> {
    if top <= 0.0 {
        note(area, message, style)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
