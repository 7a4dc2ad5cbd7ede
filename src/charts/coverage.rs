//! The coverage chart: the vulnerable workers month by month, stacked as covered,
//! verified but waiting for money, and not yet verified, with the target as a dashed
//! line, a baseline scenario's covered workers as a faint line and, when the uncertain
//! assumptions have been run, their 80% and 50% ranges as shaded bands behind the lines
//! and their median as a dotted line (the headline run spends every budget in full and on
//! time, so it usually lies above the median).
//!
//! `ChartText::series` order: covered, waiting, unverified, target.
//! `ChartText::columns` order: year, vulnerable workers, covered, coverage, waiting,
//! unverified.

use super::axes::{axes, headroom, year_cell};
use super::frame::{frame, note, Area, SceneResult, Style};
use super::legend::{Entry, Swatch};
use super::text::{
    coverage_empty, coverage_summary, median_legend, spread_legend, spread_summary, ChartText,
    CoverageFacts,
};
use super::{palette, tint, Baseline, Table, AXIS, BASELINE, MEDIAN};
use crate::engine::uncertainty::Bands;
use crate::engine::Outcome;
use crate::engine::{ratio, MonthResult};
use crate::locale::format;
use crate::locale::Lang;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const COVERED: usize = 0;
const WAITING: usize = 1;
const UNVERIFIED: usize = 2;
const TARGET: usize = 3;

/// Opacity of the stacked bands.
const BAND_OPACITY: f64 = 0.45;

/// Opacity of each uncertainty range; the 50% range lies on the 80% one, so it is darker.
const SPREAD_OPACITY: f64 = 0.22;

/// The columns of `Percentiles` (P10, P25, P50, P75, P90) that bound the 80% and the 50%
/// range, with their roles in the scene.
const SPREADS: [(usize, usize, &str); 2] = [(0, 4, "spread-80"), (1, 3, "spread-50")];

/// Draws the coverage chart of `outcome` into `area`, with `target` as a ratio of the
/// vulnerable workers and, if given, `baseline`'s covered workers for comparison.
pub(crate) fn draw(
    area: &Area,
    style: &Style,
    outcome: &Outcome,
    target: Decimal,
    text: &ChartText,
    baseline: Option<Baseline>,
    bands: Option<&Bands>,
) -> SceneResult {
    let lang = text.lang;
    let (covered_c, waiting_c, unverified_c) = (palette(0), palette(1), palette(3));
    // What the translucent bands look like on white, for the legend.
    let fills = (
        tint(covered_c, 1.0 - BAND_OPACITY),
        tint(waiting_c, 1.0 - BAND_OPACITY),
        tint(unverified_c, 1.0 - BAND_OPACITY),
    );
    let mut entries = vec![
        Entry::new(
            text.series[COVERED],
            Swatch::Fill {
                fill: fills.0,
                edge: covered_c,
            },
        ),
        Entry::new(
            text.series[WAITING],
            Swatch::Fill {
                fill: fills.1,
                edge: waiting_c,
            },
        ),
        Entry::new(
            text.series[UNVERIFIED],
            Swatch::Fill {
                fill: fills.2,
                edge: unverified_c,
            },
        ),
        Entry::new(
            format!(
                "{} {}",
                text.series[TARGET],
                format::percent_compact(target, lang)
            ),
            Swatch::Dashed(BLACK),
        ),
    ];
    if let Some(b) = baseline {
        entries.push(Entry::new(
            format!("{}: {}", text.baseline, b.name),
            Swatch::Line(BASELINE),
        ));
    }
    let (spreads, median) = bands.map(|b| spread_points(outcome, b)).unwrap_or_default();
    if !spreads.is_empty() {
        entries.push(Entry::new(
            spread_legend(lang),
            Swatch::Fill {
                fill: tint(AXIS, 1.0 - 2.0 * SPREAD_OPACITY),
                edge: AXIS,
            },
        ));
        entries.push(Entry::new(median_legend(lang), Swatch::Dotted(MEDIAN)));
    }
    let plot = frame(area, style, entries.as_slice())?;
    let months = &outcome.months;
    let Some(first) = months.first().map(|m| m.date) else {
        return note(&plot, text.empty, style);
    };
    let baseline = baseline.map(|b| b.outcome);

    let x = |i: usize| i as f64;
    let covered: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| (x(i), m.covered as f64))
        .collect();
    let waiting: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| (x(i), m.covered.saturating_add(m.waiting) as f64))
        .collect();
    let all: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let top = m
                .covered
                .saturating_add(m.waiting)
                .saturating_add(m.unverified);
            (x(i), top as f64)
        })
        .collect();
    let ratio_f = target.to_f64().unwrap_or(0.0).max(0.0);
    let targets: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| (x(i), ratio_f * m.population as f64))
        .collect();
    let base: Vec<(f64, f64)> = baseline
        .map(|b| {
            b.months
                .iter()
                .filter_map(|m| {
                    let i = usize::try_from(m.date.months_since(first)).ok()?;
                    (i < months.len()).then(|| (x(i), m.covered as f64))
                })
                .collect()
        })
        .unwrap_or_default();

    let y_max = all
        .iter()
        .chain(&targets)
        .chain(&base)
        .chain(spreads.iter().flat_map(|(_, upper, _)| upper))
        .map(|p| p.1)
        .chain(months.iter().map(|m| m.population as f64))
        .fold(0.0, f64::max);
    let x_max = x(months.len().saturating_sub(1)).max(1.0);
    // As many labels as fit beside each other next to the widest count label: a month's
    // ("Okt 2024") or a year's.
    let width = plot.dim_in_pixel().0;
    let fit = (
        style.labels_fitting(width, 8),
        style.labels_fitting(width, 4),
    );
    let (ticks, yearly) = month_ticks(months, fit);
    let x_label = |v: f64| {
        let i = v.round();
        if !(0.0..months.len() as f64).contains(&i) {
            return String::new();
        }
        let date = months[i as usize].date;
        if yearly {
            date.year.to_string()
        } else {
            format::month_short(date, lang)
        }
    };
    let y_label = |v: f64| format::number_f64(v, lang);
    let text = &ChartText {
        x_axis: if yearly {
            text.x_axis
        } else {
            text.x_axis_months
        },
        ..text.clone()
    };
    let mut chart = axes(
        &plot,
        style,
        text,
        (0.0..x_max, ticks),
        (headroom(y_max), 10.0),
        &x_label,
        &y_label,
    )?;

    // Bands between stacked boundaries, translucent so that the grid shows through.
    let zero: Vec<(f64, f64)> = covered.iter().map(|p| (p.0, 0.0)).collect();
    for (lower, upper, colour, role) in [
        (&zero, &covered, covered_c, "band-covered"),
        (&covered, &waiting, waiting_c, "band-waiting"),
        (&waiting, &all, unverified_c, "band-unverified"),
    ] {
        style.role(role);
        let outline: Vec<(f64, f64)> = upper.iter().chain(lower.iter().rev()).copied().collect();
        chart.draw_series(std::iter::once(Polygon::new(
            outline,
            colour.mix(BAND_OPACITY).filled(),
        )))?;
    }
    // The uncertain assumptions' ranges, behind the lines.
    for (lower, upper, role) in &spreads {
        style.role(role);
        let outline: Vec<(f64, f64)> = upper.iter().chain(lower.iter().rev()).copied().collect();
        chart.draw_series(std::iter::once(Polygon::new(
            outline,
            AXIS.mix(SPREAD_OPACITY).filled(),
        )))?;
    }
    style.role("series-unverified");
    chart.draw_series(LineSeries::new(all, unverified_c.stroke_width(1)))?;
    style.role("series-waiting");
    chart.draw_series(LineSeries::new(waiting, waiting_c.stroke_width(1)))?;
    style.role("series-covered");
    chart.draw_series(LineSeries::new(covered, covered_c.stroke_width(2)))?;
    // The draws' median over the covered band: where the headline run (every budget spent
    // in full and on time) stands among them.
    if !median.is_empty() {
        // Dotted, not dashed like the target line it runs beside.
        style.dashed("spread-median", 0.15, 0.3);
        chart.draw_series(LineSeries::new(median, MEDIAN.stroke_width(2)))?;
    }
    style.dashed("target-line", 0.6, 0.4);
    chart.draw_series(LineSeries::new(targets, BLACK.stroke_width(2)))?;
    if !base.is_empty() {
        style.role("baseline");
        chart.draw_series(LineSeries::new(base, BASELINE.stroke_width(2)))?;
    }
    Ok(())
}

/// A range's lower and upper boundary and its role.
type Spread = (Vec<(f64, f64)>, Vec<(f64, f64)>, &'static str);

/// The column of `Percentiles` that is the median.
const MEDIAN_COLUMN: usize = 2;

/// The 80% and 50% ranges of covered workers and their median: from the first month
/// (known, no spread) to each year's last month, the coverage percentiles times that
/// month's workers. Empty when the bands are of other years than the outcome (an older
/// scenario's).
fn spread_points(outcome: &Outcome, bands: &Bands) -> (Vec<Spread>, Vec<(f64, f64)>) {
    let months = &outcome.months;
    let Some(first) = months.first() else {
        return Default::default();
    };
    let mut at: Vec<(f64, f64, &[Decimal; 5])> = Vec::with_capacity(bands.years.len());
    for (year, p) in bands.years.iter().zip(&bands.coverage) {
        let Some((i, m)) = months
            .iter()
            .enumerate()
            .rfind(|(_, m)| m.date.year == *year)
        else {
            return Default::default();
        };
        at.push((i as f64, m.population as f64, p));
    }
    if at.is_empty() || bands.coverage.len() != bands.years.len() {
        return Default::default();
    }
    let start = (0.0, first.covered as f64);
    let boundary = |column: usize| -> Vec<(f64, f64)> {
        std::iter::once(start)
            .chain(at.iter().map(|(x, population, p)| {
                (*x, p[column].to_f64().unwrap_or(0.0).max(0.0) * population)
            }))
            .collect()
    };
    let spreads = SPREADS
        .iter()
        .map(|&(low, high, role)| (boundary(low), boundary(high), role))
        .collect();
    (spreads, boundary(MEDIAN_COLUMN))
}

/// Labelled months: a few "Okt 2023"-style ticks for short horizons, Januaries labelled
/// with the year for long ones; at most six months or ten years, and at most as many as
/// `fit` (months, years) say fit beside each other. Returns the indices and whether labels
/// are years.
fn month_ticks(
    months: &[MonthResult],
    (fit_months, fit_years): (usize, usize),
) -> (Vec<f64>, bool) {
    let n = months.len();
    let step = [1usize, 3, 6, 12, 24, 36, 60, 120]
        .into_iter()
        .find(|&s| {
            let most = if s < 12 {
                fit_months.min(6)
            } else {
                fit_years.min(10)
            };
            n.div_ceil(s) <= most
        })
        .unwrap_or(120);
    let yearly = step >= 12;
    let first_january = months
        .iter()
        .find(|m| m.date.month == 1)
        .map_or(0, |m| m.date.year);
    let every = (step / 12).max(1) as i32;
    let ticks: Vec<f64> = months
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            if yearly {
                m.date.month == 1 && (m.date.year - first_january).rem_euclid(every) == 0
            } else {
                usize::from(m.date.month.saturating_sub(1)) % step == 0
            }
        })
        .map(|(i, _)| i as f64)
        .collect();
    if ticks.is_empty() {
        (vec![0.0], false)
    } else {
        (ticks, yearly)
    }
}

/// `summary`, followed when `bands` are given by where coverage ends in 80% of the draws.
pub fn summary_with_bands(
    outcome: &Outcome,
    target: Decimal,
    bands: Option<&Bands>,
    lang: Lang,
) -> String {
    let sentence = summary(outcome, target, lang);
    let last = bands.and_then(|b| Some((b, *b.years.last()?, b.coverage.last()?)));
    match last {
        // Only bands of this outcome's years (not an older scenario's) are summarised.
        Some((b, year, p))
            if b.years.len() == b.coverage.len()
                && b.years.iter().eq(outcome.years.iter().map(|y| &y.year)) =>
        {
            let spread = spread_summary(
                year,
                [
                    &format::percent(p[0], lang),
                    &format::percent(p[MEDIAN_COLUMN], lang),
                    &format::percent(p[4], lang),
                ],
                &format::number(u64::from(b.draws), lang),
                lang,
            );
            format!("{sentence} {spread}")
        }
        _ => sentence,
    }
}

/// More, fewer or about as many: a change of less than 1% (40.040 to 40.041 workers) is
/// not called a rise.
fn trend(first: u64, last: u64) -> std::cmp::Ordering {
    if last.abs_diff(first).saturating_mul(100) < first {
        std::cmp::Ordering::Equal
    } else {
        last.cmp(&first)
    }
}

/// One sentence: where coverage starts and ends, and whether the target is met.
pub fn summary(outcome: &Outcome, target: Decimal, lang: Lang) -> String {
    let (Some(first), Some(last)) = (outcome.months.first(), outcome.months.last()) else {
        return coverage_empty(lang).into();
    };
    let n = |v: u64| format::number(v, lang);
    let reached = outcome.target_reached.map(|m| format::month_year(m, lang));
    coverage_summary(
        &CoverageFacts {
            first: &n(first.covered),
            last: &n(last.covered),
            trend: trend(first.covered, last.covered),
            share: &format::percent(ratio(last.covered, last.population), lang),
            when: &format::month_year(last.date, lang),
            goal: &format::percent_compact(target, lang),
            met: outcome.target_met,
            reached: reached.as_deref(),
        },
        lang,
    )
}

/// The chart's numbers at the end of each year.
pub fn table(outcome: &Outcome, text: &ChartText) -> Table {
    let lang = text.lang;
    let header: Vec<String> = text.columns.iter().map(|c| c.to_string()).collect();
    let rows = outcome
        .years
        .iter()
        .map(|y| {
            vec![
                year_cell(y, text),
                format::number(y.population_end, lang),
                format::number(y.workers_covered_end, lang),
                format::percent(y.coverage_ratio, lang),
                format::number(y.waitlist, lang),
                format::number(y.unverified, lang),
            ]
        })
        .collect();
    Table { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{presets, simulate, Parameters};

    #[test]
    fn a_change_under_one_percent_is_not_a_rise() {
        let p = Parameters::embedded().unwrap();
        let ambon = simulate(&p, &presets::load("ambon").unwrap().validate(&p).unwrap());
        let (first, last) = (
            ambon.months[0].covered,
            ambon.months.last().unwrap().covered,
        );
        assert!(
            first != last && last.abs_diff(first) * 100 < first,
            "{first} → {last}"
        );
        let id = summary(&ambon, Decimal::ONE, Lang::Id);
        assert!(
            id.starts_with("Cakupan hampir tetap, 40.040 menjadi "),
            "{id}"
        );
        let en = summary(&ambon, Decimal::ONE, Lang::En);
        assert!(en.starts_with("Coverage holds steady, 40,040 to "), "{en}");
        assert_eq!(trend(40_040, 40_041), std::cmp::Ordering::Equal);
        assert_eq!(trend(40_040, 40_441), std::cmp::Ordering::Greater);
        assert_eq!(trend(40_040, 30_000), std::cmp::Ordering::Less);
        assert_eq!(trend(0, 5), std::cmp::Ordering::Greater);
    }

    /// A year's months: quarters where four labels fit, half-years where two do, the year
    /// alone where one does; long horizons label Januaries, fewer where fewer fit.
    #[test]
    fn month_labels_are_as_many_as_fit() {
        let params = Parameters::embedded().unwrap();
        let run = |years| {
            let mut sc = presets::load("ambon").unwrap();
            sc.horizon.years = years;
            sc.target.year = 2026;
            simulate(&params, &sc.validate(&params).unwrap())
        };
        let year = run(1);
        assert_eq!(
            month_ticks(&year.months, (6, 10)),
            (vec![0.0, 3.0, 6.0, 9.0], false)
        );
        assert_eq!(month_ticks(&year.months, (2, 4)), (vec![0.0, 6.0], false));
        assert_eq!(month_ticks(&year.months, (1, 2)), (vec![0.0], true));
        let decade = run(10);
        assert_eq!(month_ticks(&decade.months, (6, 10)).0.len(), 10);
        let (few, yearly) = month_ticks(&decade.months, (2, 4));
        assert!(yearly && few.len() <= 4 && few.len() >= 3, "{few:?}");
    }
}
