//! Steps 7 and 8 of a month and the end of a run: the month's result, the fiscal year's
//! result from its integer sums, and the outcome with its totals, warnings and whether the
//! target is met. Money turns back into `Decimal` here. It knows nothing of how a month's
//! workers or payments were found.

use super::figures::{held, YearFigures};
use super::prices::Programmes;
use super::{Events, Keep, Month, Pool, Run};
use crate::engine::outcome::{
    self, BySource, MonthCounts, MonthResult, Outcome, Totals, YearResult, YearSums,
};
use crate::engine::parameters::Contribution;
use rust_decimal::Decimal;

impl Run<'_> {
    /// Whether `covered` of `population` is at least the target ratio (exactly, as
    /// `covered >= coverage × population` in `Decimal`).
    pub(super) fn meets_target(&self, covered: u64, population: u64) -> bool {
        // Every factor below 2^32: both products fit 64 bits.
        if let Some((numerator, one)) = self.target_small {
            if (covered | population) >> 32 == 0 {
                return covered * one >= numerator * population;
            }
        }
        let (numerator, scale) = self.target;
        let scaled = 10u128
            .checked_pow(scale)
            .and_then(|p| u128::from(covered).checked_mul(p));
        match (scaled, numerator.checked_mul(u128::from(population))) {
            (Some(a), Some(b)) => a >= b,
            _ => Decimal::from(covered) >= self.sc.target.coverage * Decimal::from(population),
        }
    }

    /// Whether the last closed year ended at or above the target.
    pub(super) fn year_end_meets_target(&self) -> bool {
        let end = match self.keep {
            Keep::Months => self.years.last().map(year_end),
            Keep::Figures => self.figures.last().map(YearFigures::end),
        };
        end.is_some_and(|(_, covered, population)| self.meets_target(covered, population))
    }

    /// Step 7: the month's result, the first month the target was reached, and the
    /// fiscal year's running sums.
    pub(super) fn record(
        &mut self,
        month: Month,
        lapses: u64,
        new_enrolments: u64,
        programmes: Programmes,
        events: Events,
    ) {
        let covered = self.covered();
        let population = self.population();
        let waiting = self.waiting();
        let unverified = population.saturating_sub(covered + waiting);
        if self.target_reached.is_none() && self.meets_target(covered, population) {
            self.target_reached = Some(month.date);
        }
        self.sums.add(
            &MonthCounts {
                new_enrolments,
                lapses,
                covered,
                expected_deaths: events.expected.deaths,
                expected_accidents: events.expected.accidents,
            },
            &self.paid,
            programmes,
            events.benefits_paid,
        );
        let u = self.units;
        let by_source = match self.pools.as_slice() {
            [one] => BySource::from_slice(&one.workers),
            _ => (0..self.left.len()).map(|i| self.held(i)).collect(),
        };
        let by_source_paid = self.paid.iter().map(|&p| u.rupiah(p)).collect();
        let result = MonthResult {
            date: month.date,
            population,
            covered,
            covered_by_source: by_source,
            new_enrolments,
            lapses,
            waiting,
            unverified,
            contributions_by_source: by_source_paid,
            contributions: Contribution {
                jkk: u.rupiah(programmes[0]),
                jkm: u.rupiah(programmes[1]),
                jht: u.rupiah(programmes[2]),
            },
            expected_deaths: events.expected.deaths,
            expected_accidents: events.expected.accidents,
            benefits_paid: u.rupiah(events.benefits_paid),
            cumulative_cost: u.rupiah(self.cumulative),
        };
        self.months.push(result);
    }

    /// Step 8: the fiscal year's result from its sums and its last month.
    pub(super) fn close_year(&mut self, year: i32) {
        let sums = std::mem::replace(&mut self.sums, YearSums::new(self.left.len()));
        let last = &self.months[self.months.len() - 1];
        let u = self.units;
        // A co-funder's money for the year is what fell due.
        let budgets = self
            .budget
            .iter()
            .zip(&self.sc.sources)
            .zip(sums.paid_by_source())
            .map(|((b, s), paid)| match s.co_funding() {
                Some(_) => u.rupiah(*paid),
                None => u.rupiah(*b),
            })
            .collect();
        let jht = self.jht_balance.to_decimal();
        let mut result = sums.close(year, last, u, budgets, &self.left, jht);
        result.unchecked_end = self.pools.iter().map(|p| p.list + p.relist).sum();
        // By group only when the scenario declares groups.
        if !self.sc.groups.is_empty() {
            result.covered_by_group_end = self.pools.iter().map(Pool::covered).collect();
            result.population_by_group_end = self.pools.iter().map(|p| p.population).collect();
            result.contributions_by_group =
                self.paid_by_group.iter().map(|&p| u.rupiah(p)).collect();
        }
        self.paid_by_group.fill(0);
        self.years.push(result);
    }

    /// After the last month: totals over the horizon and the warnings.
    pub(super) fn finish(self) -> Outcome {
        let sc = self.sc;
        let totals = Totals::over(&self.years, sc.sources.len(), self.jht_balance.to_decimal());
        let warnings = outcome::warnings(
            self.params,
            sc,
            &self.years,
            self.binding_months,
            self.first_binding,
        );
        let (target_met, target_fell_below) = held(sc, &self.years, year_end, self.target_reached);
        Outcome {
            source_names: sc.sources.iter().map(|s| s.name.clone()).collect(),
            source_kinds: sc.sources.iter().map(|s| s.kind).collect(),
            group_names: sc.groups.iter().map(|g| g.name.clone()).collect(),
            months: self.months,
            years: self.years,
            target_reached: self.target_reached,
            target_met,
            target_fell_below,
            totals,
            warnings,
        }
    }
}

/// `numerator / 10^scale` as `(numerator, 10^scale)` when both are below 2^32.
pub(super) fn small_ratio((numerator, scale): (u128, u32)) -> Option<(u64, u64)> {
    let one = 10u64.checked_pow(scale)?;
    (numerator >> 32 == 0 && one >> 32 == 0).then_some((numerator as u64, one))
}

/// A year's end: the year, its covered workers and its population.
pub(super) fn year_end(y: &YearResult) -> (i32, u64, u64) {
    (y.year, y.workers_covered_end, y.population_end)
}
