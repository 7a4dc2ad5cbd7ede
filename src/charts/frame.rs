//! What every chart shares around its plot: recording it into a `Scene` at the size it is
//! shown at (`Size`: a width in CSS pixels and a text size; the height follows from the
//! width and the legend), the sizes derived from that text size (`Style`), and the legend
//! set beside a wide plot or below a narrow one (`frame`). A failed drawing becomes a scene
//! that says so.
//!
//! The result charts and the comparison charts both go through here; each brings its own
//! legend (`Legend`), so that only what they show differs. The chart's title and unit are
//! not drawn here: the card around the chart (or `Chart::to_svg` for files) sets them once.

use super::scene::{Recorder, Roles, Scene};
use super::text::ChartText;
use super::{Chart, Size, Table, AXIS, TEXT};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The result of a drawing step on backend `DB`.
pub(crate) type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The area a chart is drawn into.
pub(crate) type Area = DrawingArea<Recorder, Shift>;

/// The result of drawing into a scene.
pub(crate) type SceneResult = Drawn<Recorder>;

/// Widths and heights above this are clamped, so that a bad size cannot exhaust memory.
const MAX_SIZE: u32 = 4000;

/// The narrowest chart drawn; narrower containers get this width, scaled down.
const MIN_WIDTH: u32 = 240;

/// Plots at least this wide get the legend in a column beside them, if it fits there.
const WIDE: i32 = 560;

/// The plot's height for a chart `w` wide with text `px` high: about half the width,
/// never so flat that ticks crowd, never taller than a laptop screen can show.
fn plot_height(w: u32, px: f64) -> i32 {
    let min = (px * 14.0).max(160.0);
    (f64::from(w) * 0.5).clamp(min, min.max(460.0)) as i32
}

/// Draws a chart with `draw` at `size` and puts it together with its words: its title and
/// unit, `summary` (also the SVG's `<desc>` in files) and `table`.
pub(crate) fn chart<F>(
    text: &ChartText,
    summary: String,
    table: Table,
    size: Size,
    draw: F,
) -> Chart
where
    F: FnOnce(&Area, &Style) -> SceneResult,
{
    let size = size.clamped(MIN_WIDTH, MAX_SIZE);
    let scene = Rc::new(RefCell::new(Scene::default()));
    let style = Style {
        px: f64::from(size.text_px),
        roles: Roles::default(),
        height: Rc::new(Cell::new(0)),
        fill: size.height,
    };
    let drawn = {
        let backend = Recorder::new((size.width, MAX_SIZE), scene.clone(), style.roles.clone());
        let root = backend.into_drawing_area();
        draw(&root, &style)
    };
    let mut scene = scene.take();
    scene.height = style.height.get().clamp(1, MAX_SIZE);
    if drawn.is_err() {
        scene = failure(text, size);
    }
    Chart {
        kind: text.kind,
        title: text.title.to_string(),
        unit: text.unit.to_string(),
        size,
        scene,
        summary,
        table,
    }
}

/// A chart-sized scene that says the chart could not be drawn.
fn failure(text: &ChartText, size: Size) -> Scene {
    let height = plot_height(size.width, f64::from(size.text_px)).max(1) as u32;
    let scene = Rc::new(RefCell::new(Scene::default()));
    let roles = Roles::default();
    roles.set("failed");
    let root = Recorder::new((size.width, height), scene.clone(), roles).into_drawing_area();
    let font = ("sans-serif", f64::from(size.text_px) * 1.24)
        .into_font()
        .color(&TEXT)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let at = (size.width as i32 / 2, height as i32 / 2);
    // The recorder cannot fail; a scene without the message is still a valid scene.
    let _ = root.draw(&Text::new(text.failed, at, font));
    scene.take()
}

/// Sizes derived from the chart's text size, and the roles that key what is drawn.
#[derive(Clone, Debug)]
pub(crate) struct Style {
    /// Body text size in CSS pixels: tick labels, legend, notes.
    pub(crate) px: f64,
    /// Names the part being drawn, for the keys of the scene.
    pub(crate) roles: Roles,
    /// The height the chart takes, once `frame` has laid it out.
    height: Rc<Cell<u32>>,
    /// The height to fill, when the box has one (`Size::height`).
    fill: Option<u32>,
}

impl Style {
    /// Plotters divides SVG font sizes by 1.24; this asks for `px` pixels.
    pub(crate) fn font(&self, scale: f64) -> TextStyle<'static> {
        ("sans-serif", self.px * scale * 1.24)
            .into_font()
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

    /// How many x labels of `chars` characters fit beside each other on a plot `width` px
    /// wide, next to the widest y label (at least one).
    pub(crate) fn labels_fitting(&self, width: u32, chars: usize) -> usize {
        let room = width as i32 - self.width_of(14, 1.0);
        (room / (self.width_of(chars, 1.0) + self.px(1.0))).max(1) as usize
    }

    /// Names what is drawn from now on, for the keys of the scene.
    pub(crate) fn role(&self, role: &str) {
        self.roles.set(role);
    }

    /// Names what is drawn from now on, its lines dashed: `dash` and `gap` scale the text
    /// size, as `px` does. A dashed line stays one SVG element (not one per dash), so a
    /// redraw updates one element.
    pub(crate) fn dashed(&self, role: &str, dash: f64, gap: f64) {
        self.roles
            .set_dashed(role, Some((self.px(dash).max(1), self.px(gap).max(1))));
    }
}

/// A legend that `frame` sets in a column beside a wide plot or in a band below a narrow
/// one. Sizes are in pixels. Labels wrap onto as many lines as they need; none is cut.
pub(crate) trait Legend {
    /// The width of the column beside a plot `w` wide.
    fn beside_width(&self, w: i32) -> i32;

    /// The height the legend needs in a column `width` wide.
    fn beside_height(&self, style: &Style, width: i32) -> i32;

    /// Whether every label fits a column `width` wide by wrapping between words (none has a
    /// word split or is cut); else the legend goes below the plot.
    fn wraps_whole_beside(&self, _style: &Style, _width: i32) -> bool {
        true
    }

    /// Draws the legend in the column `area`, `width` wide.
    fn draw_beside<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        width: i32,
    ) -> Drawn<DB>;

    /// The height of the band below a plot `w` wide.
    fn below_height(&self, style: &Style, w: i32) -> i32;

    /// Draws the legend in the band `area` below a plot `w` wide.
    fn draw_below<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        w: i32,
    ) -> Drawn<DB>;
}

/// Draws the legend and returns the area left for the plot: the legend in a column on the
/// right of wide charts when it fits beside the plot, else in a band below, as tall as
/// its entries need. Sets the chart's height.
pub(crate) fn frame<L: Legend + ?Sized>(
    area: &Area,
    style: &Style,
    legend: &L,
) -> Result<Area, DrawingAreaErrorKind<<Recorder as DrawingBackend>::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let plot_h = plot_height(w, style.px);
    let w = w as i32;
    // A box with a height of its own: the plot grows to fill what the legend leaves.
    let filled = |legend_h: i32| {
        style
            .fill
            .map_or(plot_h, |fill| plot_h.max(fill as i32 - legend_h))
    };
    style.role("legend");
    let legend_w = legend.beside_width(w);
    if w >= WIDE
        && legend.wraps_whole_beside(style, legend_w)
        && legend.beside_height(style, legend_w) <= plot_h
    {
        let plot_h = filled(0);
        style.height.set(plot_h as u32);
        let (body, _) = area.split_vertically(plot_h);
        let (plot, beside) = body.split_horizontally(w - legend_w);
        legend.draw_beside(&beside, style, legend_w)?;
        Ok(plot)
    } else {
        let legend_h = legend.below_height(style, w);
        let plot_h = filled(legend_h);
        style.height.set((plot_h + legend_h) as u32);
        let (plot, rest) = area.split_vertically(plot_h);
        let (below, _) = rest.split_vertically(legend_h);
        legend.draw_below(&below, style, w)?;
        Ok(plot)
    }
}

/// Writes `message` in the middle of `area`.
pub(crate) fn note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    message: &str,
    style: &Style,
) -> Drawn<DB> {
    style.role("note");
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
    fn plots_are_about_half_as_tall_as_wide_within_limits() {
        assert_eq!(plot_height(800, 14.0), 400);
        assert_eq!(plot_height(2000, 14.0), 460);
        assert_eq!(plot_height(300, 13.0), 182);
        assert_eq!(plot_height(340, 12.0), 170);
        assert_eq!(plot_height(800, 20.0), 400);
        assert_eq!(plot_height(400, 20.0), 280);
    }
}
