//! What a chart is drawn from, without its size: the page decides the size once it has
//! measured the chart's box, and draws again when the box changes, from the same request.
//!
//! It holds outcomes already computed; it must not know how the page measures or renders.

use super::compare::{self, Compared};
use super::text::ChartText;
use super::{draw_with_bands, Baseline, Chart, ChartKind, CompareKind, Size};
use crate::engine::uncertainty::Bands;
use crate::engine::Outcome;
use crate::locale::Lang;
use rust_decimal::Decimal;
use std::rc::Rc;

/// The data of a chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// One outcome, its coverage target, named, the outcome it is compared with and, if
    /// worked out, the bands of its uncertain assumptions (drawn on the coverage chart).
    Outcome {
        outcome: Rc<Outcome>,
        baseline: Option<(String, Rc<Outcome>)>,
        target: Decimal,
        bands: Option<Rc<Bands>>,
    },
    /// Two to four named outcomes side by side.
    Compare(Vec<(String, Rc<Outcome>)>),
}

/// A chart to draw: its kind, language and data.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub kind: ChartKind,
    pub lang: Lang,
    pub source: Source,
}

impl Request {
    /// Whether the chart has a baseline that a switch can hide.
    pub fn has_baseline(&self) -> bool {
        matches!(
            &self.source,
            Source::Outcome {
                baseline: Some(_),
                ..
            }
        )
    }

    /// The chart's fixed words (title, unit…), known before it is drawn, so that a card
    /// shows its title while it waits for its size.
    pub fn text(&self) -> ChartText {
        match &self.source {
            Source::Compare(_) => {
                ChartText::new(ChartKind::Compare(compared(self.kind)), self.lang)
            }
            Source::Outcome { .. } => ChartText::new(self.kind, self.lang),
        }
    }

    /// Draws the chart at `size`, with its baseline if it has one and `with_baseline`.
    pub fn draw(&self, size: Size, with_baseline: bool) -> Chart {
        match (&self.source, self.kind) {
            (Source::Compare(series), kind) => {
                let kind = compared(kind);
                let series: Vec<Compared> = series
                    .iter()
                    .map(|(n, o)| (n.as_str(), o.as_ref()))
                    .collect();
                compare::draw(kind, &series, self.lang, size)
            }
            (
                Source::Outcome {
                    outcome,
                    baseline,
                    target,
                    bands,
                },
                kind,
            ) => {
                let baseline = baseline
                    .as_ref()
                    .filter(|_| with_baseline)
                    .map(|(name, o)| Baseline {
                        name,
                        outcome: o.as_ref(),
                    });
                draw_with_bands(
                    kind,
                    outcome,
                    baseline,
                    *target,
                    bands.as_deref(),
                    self.lang,
                    size,
                )
            }
        }
    }
}

/// Compared outcomes are drawn as a comparison, whatever kind was asked.
fn compared(kind: ChartKind) -> CompareKind {
    match kind {
        ChartKind::Compare(kind) => kind,
        ChartKind::Coverage => CompareKind::Coverage,
        ChartKind::Cost | ChartKind::Benefits => CompareKind::Cost,
    }
}
