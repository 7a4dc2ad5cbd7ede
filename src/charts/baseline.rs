//! A baseline scenario (the preset the user started from) drawn as faint grey markers over
//! a year-by-Rupiah chart: one marker a year, on the chart's own years, the same in the
//! cost and the benefits charts.
//!
//! It knows the yearly results and the axes, not which chart it is drawn on.

use super::axes::{money, Axes};
use super::frame::{Drawn, Style};
use super::BASELINE;
use crate::engine::{Outcome, YearResult};
use plotters::prelude::*;
use rust_decimal::Decimal;

/// The markers of a baseline, in chart coordinates (year, Rupiah as drawn).
pub(crate) struct Markers(Vec<(f64, f64)>);

impl Markers {
    /// `value` of each of `baseline`'s years in `first..=last`, `offset` years right of the
    /// year's centre (so that it sits over the bar it compares with); none without a baseline.
    pub(crate) fn yearly(
        baseline: Option<&Outcome>,
        (first, last): (i32, i32),
        offset: f64,
        value: impl Fn(&YearResult) -> Decimal,
    ) -> Self {
        Markers(
            baseline
                .map(|b| {
                    b.years
                        .iter()
                        .filter(|y| (first..=last).contains(&y.year))
                        .map(|y| (f64::from(y.year) + offset, money(value(y))))
                        .collect()
                })
                .unwrap_or_default(),
        )
    }

    /// The larger of `top` and the tallest marker, so that the y axis shows every marker.
    pub(crate) fn top(&self, top: f64) -> f64 {
        self.0.iter().map(|p| p.1).fold(top, f64::max)
    }

    /// Draws the markers joined by a line; nothing without a baseline.
    pub(crate) fn draw<DB: DrawingBackend>(
        self,
        chart: &mut ChartContext<'_, DB, Axes>,
        style: &Style,
    ) -> Drawn<DB> {
        if !self.0.is_empty() {
            style.role("baseline");
            chart.draw_series(
                LineSeries::new(self.0, BASELINE.stroke_width(2)).point_size(style.px(0.3) as u32),
            )?;
        }
        Ok(())
    }
}
