//! The legend of the result charts: one entry per series, each a swatch (a filled box, a
//! line, a dashed line or a marker) and a label that wraps onto as many lines as it needs,
//! in the chart's text size. `frame` sets it beside the plot or, when it does not fit
//! there, below it, as tall as its entries need.

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
    /// Short dashes close together, told apart from `Dashed` (the draws' median beside the
    /// target line).
    Dotted(RGBColor),
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

/// Lines one label may take before it is cut with "…"; only names of absurd length are.
const MAX_LINES: usize = 4;

/// Legends below plots at least this wide are set in two columns.
const TWO_COLUMNS: i32 = 320;

impl Legend for [Entry] {
    fn beside_width(&self, w: i32) -> i32 {
        (f64::from(w) * 0.28).clamp(160.0, 300.0) as i32
    }

    fn beside_height(&self, style: &Style, width: i32) -> i32 {
        style.px(1.0) + Layout::new(style, 1, width).height(self)
    }

    fn wraps_whole_beside(&self, style: &Style, width: i32) -> bool {
        let layout = Layout::new(style, 1, width);
        self.iter()
            .all(|e| wraps_whole(&e.label, layout.max_chars, MAX_LINES))
    }

    fn draw_beside<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        width: i32,
    ) -> Drawn<DB> {
        Layout::new(style, 1, width).draw(area, self, style, style.px(1.0))
    }

    fn below_height(&self, style: &Style, w: i32) -> i32 {
        style.px(0.5) + Layout::below(style, w).height(self)
    }

    fn draw_below<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        w: i32,
    ) -> Drawn<DB> {
        Layout::below(style, w).draw(area, self, style, style.px(0.5))
    }
}

/// How a legend is set: columns and the room of a label.
struct Layout {
    columns: i32,
    width: i32,
    line: i32,
    gap: i32,
    max_chars: usize,
}

impl Layout {
    fn new(style: &Style, columns: i32, width: i32) -> Self {
        let column_w = width / columns.max(1);
        let text_x = style.px(2.2);
        let room = f64::from(column_w - text_x - style.px(0.8));
        Layout {
            columns,
            width,
            line: (style.px * 1.3).round() as i32,
            gap: (style.px * 0.45).round() as i32,
            max_chars: (room / (style.px * 0.6)).floor().max(4.0) as usize,
        }
    }

    /// The layout of a band below a plot `w` wide.
    fn below(style: &Style, w: i32) -> Self {
        Layout::new(style, if w >= TWO_COLUMNS { 2 } else { 1 }, w)
    }

    fn labels(&self, entry: &Entry) -> Vec<String> {
        wrap(&entry.label, self.max_chars, MAX_LINES)
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
        let font = style.font(1.0).pos(Pos::new(HPos::Left, VPos::Center));
        let swatch_w = style.px(1.6);
        let text_x = style.px(2.2);
        let column_w = self.width / self.columns.max(1);
        let mut y = top;
        for row in entries.chunks(self.columns.max(1) as usize) {
            let labels: Vec<Vec<String>> = row.iter().map(|e| self.labels(e)).collect();
            let lines = labels.iter().map(|l| l.len().max(1)).max().unwrap_or(1) as i32;
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

/// Whether `label` fits `lines` lines of `max` characters by wrapping between words: no
/// word split, nothing cut (as `wrap` sets it).
pub(crate) fn wraps_whole(label: &str, max: usize, lines: usize) -> bool {
    let max = max.max(4);
    label.split_whitespace().all(|w| w.chars().count() <= max)
        && !wrap(label, max, lines)
            .last()
            .is_some_and(|l| l.ends_with('…'))
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
        Swatch::Dotted(c) => {
            let step = (width / 4).max(2);
            for a in (x..x + width).step_by(step as usize) {
                let b = (a + step / 2).min(x + width);
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
