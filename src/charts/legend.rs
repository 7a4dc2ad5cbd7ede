//! The legend of the result charts: one entry per series, each a swatch (a filled box, a
//! line, a dashed line or a marker) and a label that wraps to two lines or is cut with "…"
//! when room runs out. `frame` sets it beside or below the plot.

use super::frame::{Drawn, Legend, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

impl Legend for [Entry] {
    fn beside_width(&self, w: i32) -> i32 {
        (f64::from(w) * 0.27).clamp(150.0, 280.0) as i32
    }

    fn draw_beside<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        width: i32,
        h: i32,
    ) -> Drawn<DB> {
        let top = style.px(1.0);
        Layout::fit(self, style, 1, width, h - top).draw(area, self, style, top)
    }

    fn below_height(&self, style: &Style, w: i32, h: i32) -> i32 {
        let (layout, pad, room) = Layout::below(self, style, w, h);
        (layout.height(self) + pad).min(room)
    }

    fn draw_below<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        w: i32,
        h: i32,
    ) -> Drawn<DB> {
        let (layout, pad, _) = Layout::below(self, style, w, h);
        layout.draw(area, self, style, pad)
    }
}

/// How a legend is set: columns, text size and lines per entry.
struct Layout {
    columns: i32,
    width: i32,
    scale: f64,
    lines: usize,
    line: i32,
    gap: i32,
    max_chars: usize,
}

impl Layout {
    fn new(style: &Style, columns: i32, width: i32, scale: f64, lines: usize) -> Self {
        let column_w = width / columns.max(1);
        let text_x = style.px(2.2);
        let room = f64::from(column_w - text_x - style.px(0.8));
        Layout {
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
            let legend = Layout::new(style, columns, width, scale, lines);
            if legend.height(entries) <= height {
                return legend;
            }
            last = Some(legend);
        }
        last.unwrap_or_else(|| Layout::new(style, columns, width, 0.75, 1))
    }

    /// The layout of a band below the plot: two columns in at most 45% of the body's
    /// height `h`; with the padding above it and that room.
    fn below(entries: &[Entry], style: &Style, w: i32, h: i32) -> (Self, i32, i32) {
        let pad = style.px(0.5);
        let room = (h * 45 / 100).max(0);
        (Layout::fit(entries, style, 2, w, room - pad), pad, room)
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
pub(crate) fn wrap(label: &str, max: usize, lines: usize) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
