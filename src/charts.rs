//! The charts layer: an `Outcome` drawn with plotters into a `Scene` (keyed SVG shapes)
//! at the size it is shown at, each chart with its own words, a one-sentence summary and
//! a yearly table. The page renders a scene shape by shape, so that a new drawing updates
//! only what changed; `Chart::to_svg` writes the same scene as an SVG file.
//!
//! `draw` makes a `Chart` (kind, title, unit, scene, summary and table) of one outcome;
//! `compare::draw` makes one of two to four outcomes side by side; `Request` holds what
//! either needs except the size, so that the page can draw it once it has measured its
//! box. Each result chart lives in its own file (`coverage`, `cost`, `benefits`) with a
//! `draw` generic over the plotters backend (as in plotters' `examples/relative_size.rs`),
//! a `summary` and a `table`. What they share lives once: the recording backend (`scene`),
//! the size and the legend around the plot (`frame`, `legend`), the axes (`axes`), a
//! baseline's yearly markers (`baseline`), and the palette here. Every word a chart shows
//! is in `text`; numbers and dates are written by `crate::locale`.
//!
//! Charts read an `Outcome`; they must not know the engine's rules, the UI layer above them
//! or any browser crate (Yew, web-sys, Gloo, wasm-bindgen, js-sys), so that they are drawn
//! and snapshot-tested on the host. Money becomes `f64` only here, at the moment it is
//! drawn. Drawing never panics: a failed drawing yields a scene that says so.

pub mod axes;
pub mod baseline;
pub mod benefits;
pub mod compare;
pub mod cost;
pub mod coverage;
pub mod frame;
pub mod legend;
pub mod request;
pub mod scene;
pub mod text;

use crate::engine::uncertainty::Bands;
use crate::engine::Outcome;
use crate::locale::Lang;
use plotters::style::RGBColor;
use rust_decimal::Decimal;
use text::ChartText;

pub use request::{Request, Source};
pub use scene::Scene;

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
/// The Monte Carlo draws' median: a dark blue (11:1 on white), apart from the black target.
const MEDIAN: RGBColor = RGBColor(0x00, 0x3F, 0x63);
/// Money that was budgeted but not spent: a pale fill with a dark outline.
const UNSPENT_FILL: RGBColor = RGBColor(0xF4, 0xF4, 0xF4);

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

/// Every chart Payung draws: the three of the results page, and the two comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Coverage,
    Cost,
    Benefits,
    Compare(CompareKind),
}

/// Which of the two comparison charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareKind {
    Coverage,
    Cost,
}

impl ChartKind {
    /// The charts of the results page, in the order they are shown.
    pub const RESULTS: [ChartKind; 3] = [ChartKind::Coverage, ChartKind::Cost, ChartKind::Benefits];

    /// The name of the chart in page element ids ("chart-coverage", "compare-cost").
    pub fn code(self) -> &'static str {
        match self {
            ChartKind::Coverage => "chart-coverage",
            ChartKind::Cost => "chart-cost",
            ChartKind::Benefits => "chart-benefits",
            ChartKind::Compare(CompareKind::Coverage) => "compare-coverage",
            ChartKind::Compare(CompareKind::Cost) => "compare-cost",
        }
    }
}

/// A chart's numbers for the "show data" table, so that what it shows is also text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column headers.
    pub header: Vec<String>,
    /// One row per year, as many cells as headers.
    pub rows: Vec<Vec<String>>,
}

/// The size a chart is drawn at: the width of its box in CSS pixels and the size of its
/// text, so that text is drawn at the size it is read at; the height follows, unless the
/// box has a height of its own to fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub text_px: u32,
    /// The box's height when the layout sets it (the main chart on the first screen): a
    /// plot shorter than that grows to fill it; none: the height follows the width.
    pub height: Option<u32>,
}

impl Size {
    /// A chart in one of the printed brief's three columns on A4 (about 6 cm, 240 CSS
    /// px), text 12 px (9 pt; issue 10 asks for at least 7 pt on paper).
    pub const PRINT: Size = Size {
        width: 240,
        text_px: 12,
        height: None,
    };

    /// The smallest text any chart is drawn with, at any width (issue 10: 12 CSS px).
    pub const MIN_TEXT_PX: u32 = 12;

    /// `self` within `min_width..=max` and with text at least `MIN_TEXT_PX` and at most
    /// a tenth of the width.
    pub(crate) fn clamped(self, min_width: u32, max: u32) -> Size {
        let width = self.width.clamp(min_width, max);
        Size {
            width,
            text_px: self
                .text_px
                .clamp(Self::MIN_TEXT_PX, (width / 10).max(Self::MIN_TEXT_PX)),
            height: self.height.map(|h| h.min(max)),
        }
    }
}

/// The scenario a chart compares with: the preset the user started from, by name.
#[derive(Clone, Copy, Debug)]
pub struct Baseline<'a> {
    /// What the legend calls it: "Tanpa perubahan: Kota Ambon".
    pub name: &'a str,
    pub outcome: &'a Outcome,
}

/// One chart ready to show or print: the unit a chart card, a download and the printed
/// brief take, so that title, picture, sentence and table always travel together.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    /// Shown once, above the chart.
    pub title: String,
    /// What the values are counted in, under the title: "Rupiah per tahun".
    pub unit: String,
    /// The size it was drawn at.
    pub size: Size,
    pub scene: Scene,
    /// What the chart shows, in one sentence.
    pub summary: String,
    pub table: Table,
}

impl Chart {
    /// The chart as an SVG file, with its title and unit drawn above the plot and, for
    /// screen readers, its title and summary.
    pub fn to_svg(&self) -> String {
        let heading = self.heading();
        let heading: Vec<(&str, f64, bool)> = heading
            .iter()
            .map(|(l, s, b)| (l.as_str(), *s, *b))
            .collect();
        self.scene.to_svg(&self.title, &self.summary, &heading)
    }

    /// The height of `to_svg`'s picture, heading included, in its own pixels.
    pub fn svg_height(&self) -> u32 {
        self.scene.height + Scene::heading_top(self.heading().iter().map(|(_, px, _)| *px))
    }

    /// The title and unit lines above the plot, each with its text size and whether bold.
    /// They wrap to the chart's width, as the card's heading does on screen.
    fn heading(&self) -> Vec<(String, f64, bool)> {
        let px = f64::from(self.size.text_px);
        let fit = |scale: f64| ((f64::from(self.scene.width) - 8.0) / (px * scale * 0.6)) as usize;
        let mut heading: Vec<(String, f64, bool)> = Vec::new();
        for line in legend::wrap(&self.title, fit(1.25), 3) {
            heading.push((line, px * 1.25, true));
        }
        for line in legend::wrap(&self.unit, fit(1.0), 2) {
            heading.push((line, px, false));
        }
        heading
    }
}

/// Draws chart `kind` of `outcome` at `size`, with `baseline` drawn faintly for comparison
/// if given. `target` is the coverage target, a ratio of the vulnerable workers, that the
/// coverage chart shows.
///
/// A comparison kind draws `outcome` as the only, unnamed, scenario of the comparison;
/// `compare::draw` draws named scenarios side by side.
pub fn draw(
    kind: ChartKind,
    outcome: &Outcome,
    baseline: Option<Baseline>,
    target: Decimal,
    lang: Lang,
    size: Size,
) -> Chart {
    draw_with_bands(kind, outcome, baseline, target, None, lang, size)
}

/// `draw`, with the coverage chart showing `bands` (P10–P90 and P25–P75 of coverage at
/// each year's end) behind its line when given; the other charts ignore them.
pub fn draw_with_bands(
    kind: ChartKind,
    outcome: &Outcome,
    baseline: Option<Baseline>,
    target: Decimal,
    bands: Option<&Bands>,
    lang: Lang,
    size: Size,
) -> Chart {
    let text = ChartText::new(kind, lang);
    match kind {
        ChartKind::Coverage => frame::chart(
            &text,
            coverage::summary_with_bands(outcome, target, bands, lang),
            coverage::table(outcome, &text),
            size,
            |area, style| coverage::draw(area, style, outcome, target, &text, baseline, bands),
        ),
        ChartKind::Cost => frame::chart(
            &text,
            cost::summary_with_bands(outcome, bands, lang),
            cost::table(outcome, &text),
            size,
            |area, style| cost::draw(area, style, outcome, &text, baseline, bands),
        ),
        ChartKind::Benefits => frame::chart(
            &text,
            benefits::summary(outcome, lang),
            benefits::table(outcome, &text),
            size,
            |area, style| benefits::draw(area, style, outcome, &text, baseline),
        ),
        ChartKind::Compare(kind) => compare::draw(kind, &[("", outcome)], lang, size),
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
    fn tints_move_towards_white() {
        assert_eq!(tint(RGBColor(0, 100, 255), 0.0), RGBColor(0, 100, 255));
        assert_eq!(tint(RGBColor(0, 100, 255), 1.0), RGBColor(255, 255, 255));
    }
}
