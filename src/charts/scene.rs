//! A chart as a scene: the list of SVG shapes (lines, rectangles, polylines, polygons,
//! circles, text) that plotters drew, each with a key that names its role and stays the
//! same from one drawing to the next ("frame.line.0", "legend.text.2",
//! "series-covered.polyline.0"), so that the page can update a chart in place: only the
//! shapes whose attributes changed are touched, and the frame, axes and legend stay.
//!
//! `Recorder` is a plotters drawing backend that records shapes instead of writing SVG
//! text; `Roles` tells it which part of the chart is being drawn. `Scene::to_svg` writes
//! the same shapes as an SVG file, for snapshots, downloads and the printed brief, so that
//! one mechanism serves the page, the files and the tests.
//!
//! It knows SVG and plotters' backend trait; it must not know which chart it records, nor
//! anything of the layer above that renders it.

use super::escape;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// One SVG element of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable across drawings of the same chart: role, tag and rank within them.
    pub key: String,
    /// The SVG tag: `line`, `rect`, `polyline`, `polygon`, `circle` or `text`.
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    /// The content of a `text`.
    pub text: Option<String>,
}

/// A drawn chart: its size in CSS pixels and its shapes, back to front.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub items: Vec<Item>,
}

/// Which part of a chart is being drawn, and whether its lines are dashed; shared by the
/// chart code and the `Recorder`.
#[derive(Clone, Debug, Default)]
pub struct Roles(Rc<RefCell<Role>>);

#[derive(Debug, Default)]
struct Role {
    name: String,
    dash: Option<Dash>,
}

/// A dash pattern: the dash and the gap, in pixels.
pub type Dash = (i32, i32);

impl Roles {
    /// Names what is drawn from now on ("legend", "axes", "series-covered"), solid.
    pub fn set(&self, role: &str) {
        self.set_dashed(role, None);
    }

    /// Names what is drawn from now on, its lines dashed (`dash`, `gap` in pixels): each
    /// line stays one element, its dashes drawn by `stroke-dasharray`.
    pub fn set_dashed(&self, role: &str, dash: Option<Dash>) {
        let mut current = self.0.borrow_mut();
        current.name.clear();
        current.name.push_str(role);
        current.dash = dash;
    }

    fn get(&self) -> String {
        self.0.borrow().name.clone()
    }

    fn dash(&self) -> Option<Dash> {
        self.0.borrow().dash
    }
}

/// A plotters backend that records shapes into a `Scene`.
pub struct Recorder {
    scene: Rc<RefCell<Scene>>,
    roles: Roles,
    ranks: HashMap<(String, &'static str), u32>,
}

impl Recorder {
    /// A recorder of a `size` chart into `scene`, keyed by `roles`.
    pub fn new(size: (u32, u32), scene: Rc<RefCell<Scene>>, roles: Roles) -> Self {
        {
            let mut s = scene.borrow_mut();
            s.width = size.0;
            s.height = size.1;
            s.items.clear();
        }
        Recorder {
            scene,
            roles,
            ranks: HashMap::new(),
        }
    }

    fn push(
        &mut self,
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        text: Option<String>,
    ) {
        let role = self.roles.get();
        let rank = self.ranks.entry((role.clone(), tag)).or_insert(0);
        let key = format!("{role}.{tag}.{rank}");
        *rank += 1;
        self.scene.borrow_mut().items.push(Item {
            key,
            tag,
            attrs,
            text,
        });
    }
}

fn colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The opacity attribute, left out when opaque so that the scene stays small.
fn opacity(attrs: &mut Vec<(&'static str, String)>, c: BackendColor) {
    if c.alpha < 1.0 {
        attrs.push(("opacity", format!("{:.3}", c.alpha)));
    }
}

/// `(fill, stroke)` attribute values: the colour filling the shape, or outlining it.
fn fill_and_stroke(c: BackendColor, fill: bool) -> (String, String) {
    if fill {
        (colour(c), "none".to_string())
    } else {
        ("none".to_string(), colour(c))
    }
}

fn points<I: IntoIterator<Item = BackendCoord>>(path: I) -> String {
    let mut out = String::new();
    for (x, y) in path {
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = write!(out, "{x},{y}");
    }
    out
}

/// The recorder never fails; plotters still asks for an error type.
#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

impl DrawingBackend for Recorder {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        let s = self.scene.borrow();
        (s.width, s.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        at: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_rect(at, (at.0 + 1, at.1 + 1), &c, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let mut attrs = vec![
            ("x1", from.0.to_string()),
            ("y1", from.1.to_string()),
            ("x2", to.0.to_string()),
            ("y2", to.1.to_string()),
            ("stroke", colour(c)),
            ("stroke-width", style.stroke_width().to_string()),
        ];
        opacity(&mut attrs, c);
        self.push("line", attrs, None);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = fill_and_stroke(c, fill);
        let mut attrs = vec![
            ("x", upper_left.0.to_string()),
            ("y", upper_left.1.to_string()),
            ("width", (bottom_right.0 - upper_left.0).to_string()),
            ("height", (bottom_right.1 - upper_left.1).to_string()),
            ("fill", fill),
            ("stroke", stroke),
        ];
        opacity(&mut attrs, c);
        self.push("rect", attrs, None);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let mut attrs = vec![
            ("points", points(path)),
            ("fill", "none".to_string()),
            ("stroke", colour(c)),
            ("stroke-width", style.stroke_width().to_string()),
        ];
        if let Some((dash, gap)) = self.roles.dash() {
            attrs.push(("stroke-dasharray", format!("{dash} {gap}")));
        }
        opacity(&mut attrs, c);
        self.push("polyline", attrs, None);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let mut attrs = vec![("points", points(path)), ("fill", colour(c))];
        opacity(&mut attrs, c);
        self.push("polygon", attrs, None);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = fill_and_stroke(c, fill);
        let mut attrs = vec![
            ("cx", center.0.to_string()),
            ("cy", center.1.to_string()),
            ("r", radius.to_string()),
            ("fill", fill),
            ("stroke", stroke),
        ];
        opacity(&mut attrs, c);
        self.push("circle", attrs, None);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.35em",
            VPos::Bottom => "-0.2em",
        };
        // Plotters' SVG backend divides font sizes by 1.24; the charts ask for sizes with
        // that in mind (`Style::font`), so the scene does the same.
        let size = (style.size() / 1.24 * 10.0).round() / 10.0;
        let mut attrs = vec![
            ("x", x.to_string()),
            ("y", y.to_string()),
            ("dy", dy.to_string()),
            ("text-anchor", anchor.to_string()),
            ("font-size", size.to_string()),
            ("fill", colour(c)),
        ];
        opacity(&mut attrs, c);
        match style.style() {
            FontStyle::Bold => attrs.push(("font-weight", "bold".to_string())),
            FontStyle::Normal => {}
            other => attrs.push(("font-style", other.as_str().to_string())),
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            FontTransform::None => None,
        };
        if let Some(deg) = turn {
            attrs.push(("transform", format!("rotate({deg}, {x}, {y})")));
        }
        self.push("text", attrs, Some(text.to_string()));
        Ok(())
    }
}

impl Scene {
    /// The room above the plot for heading lines of these text sizes (none without any).
    pub fn heading_top(sizes: impl IntoIterator<Item = f64>) -> u32 {
        let mut lines = sizes.into_iter().peekable();
        if lines.peek().is_none() {
            return 0;
        }
        let text_h: f64 = lines.map(|px| px * 1.4).sum();
        (text_h + 8.0).ceil() as u32
    }

    /// The scene as a standalone SVG file of its own size, labelled for screen readers
    /// with `title` and `desc`; `heading` lines (title, unit) are set above the plot,
    /// for files and paper where no card heading surrounds the chart.
    pub fn to_svg(&self, title: &str, desc: &str, heading: &[(&str, f64, bool)]) -> String {
        let top = Self::heading_top(heading.iter().map(|(_, px, _)| *px));
        let (w, h) = (self.width, self.height + top);
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
             height=\"{h}\" role=\"img\" font-family=\"sans-serif\">\n<title>{}</title>\n\
             <desc>{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n",
            escape(title),
            escape(desc)
        );
        let mut y = 0.0;
        for (line, px, bold) in heading {
            y += px * 1.4;
            let weight = if *bold { " font-weight=\"bold\"" } else { "" };
            let _ = writeln!(
                out,
                "<text x=\"4\" y=\"{:.0}\" font-size=\"{px}\" fill=\"#333333\"{weight}>{}</text>",
                y - px * 0.35,
                escape(line)
            );
        }
        if top > 0 {
            let _ = writeln!(out, "<g transform=\"translate(0, {top})\">");
        }
        for item in &self.items {
            out.push('<');
            out.push_str(item.tag);
            for (name, value) in &item.attrs {
                let _ = write!(out, " {name}=\"{}\"", escape(value));
            }
            match &item.text {
                Some(text) => {
                    let _ = writeln!(out, ">{}</{}>", escape(text), item.tag);
                }
                None => out.push_str("/>\n"),
            }
        }
        if top > 0 {
            out.push_str("</g>\n");
        }
        out.push_str("</svg>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn keys_name_the_role_and_stay_unique() {
        let scene = Rc::new(RefCell::new(Scene::default()));
        let roles = Roles::default();
        let root = Recorder::new((100, 50), scene.clone(), roles.clone()).into_drawing_area();
        roles.set("frame");
        root.draw(&Rectangle::new([(0, 0), (10, 10)], BLACK))
            .unwrap();
        root.draw(&Rectangle::new([(0, 0), (20, 20)], BLACK))
            .unwrap();
        roles.set("series-a");
        root.draw(&PathElement::new(vec![(0, 0), (5, 5)], RED))
            .unwrap();
        let keys: Vec<String> = scene.borrow().items.iter().map(|i| i.key.clone()).collect();
        assert_eq!(
            keys,
            ["frame.rect.0", "frame.rect.1", "series-a.polyline.0"]
        );
        let svg = scene.borrow().to_svg("T & t", "d", &[]);
        assert!(svg.contains("viewBox=\"0 0 100 50\""));
        assert!(svg.contains("<title>T &amp; t</title>"));
        assert!(svg.contains("<polyline points=\"0,0 5,5\" fill=\"none\" stroke=\"#FF0000\""));
    }
}
