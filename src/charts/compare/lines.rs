//! How each compared scenario looks: its colour (`palette(i)`), dash pattern
//! (`LineStyle::of(i)`: solid, dashed, dotted, dash-dot) and marker shape (`Marker::of(i)`:
//! circle, square, triangle, diamond), so that the lines stay apart in greyscale print and
//! for colour-blind readers; and the drawing of such a line. Plotters has no dash style for
//! a line series, so dashes are cut here, in pixels.

use super::MAX_COMPARED;
use crate::charts::frame::{Drawn, Style};
use crate::charts::palette;
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// The stroke width of the compared lines, in pixels.
fn stroke(style: &Style) -> u32 {
    (style.px / 5.0).round().clamp(2.0, 4.0) as u32
}

fn marker_size(style: &Style) -> i32 {
    style.px(0.42).max(4)
}

pub(super) fn shift((x, y): (i32, i32), (bx, by): (i32, i32)) -> (i32, i32) {
    (x - bx, y - by)
}

/// Scenario `i`'s line through `points` and its markers at `marks`, in pixels of `area`.
pub(super) fn draw_line<DB: DrawingBackend>(
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
pub(super) fn draw_swatch<DB: DrawingBackend>(
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
}
