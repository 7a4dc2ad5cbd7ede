//! Steps 7 and 8 of a month and the end of a run: the month's result, the fiscal year's
//! result from its integer sums, and the outcome with its totals, warnings and whether the
//! target is met. Money turns back into `Decimal` here. A run that keeps only the last month
//! (Monte Carlo draws) makes a month's result only when its year closes. It knows nothing of how a month's
//! workers or payments were found.

use super::prices::Programmes;
use super::{Events, Month, Pool, Run};
use crate::engine::calendar::YearMonth;
use crate::engine::outcome::{
    self, MonthCounts, MonthResult, Outcome, Totals, YearResult, YearSums,
};
use crate::engine::parameters::Contribution;
use crate::engine::scenario::Scenario;
use rust_decimal::Decimal;

impl Run<'_> {
    /// Whether `covered` of `population` is at least the target ratio (exactly, as
    /// `covered >= coverage × population` in `Decimal`).
    pub(super) fn meets_target(&self, covered: u64, population: u64) -> bool {
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
        self.years
            .last()
            .is_some_and(|y| self.meets_target(y.workers_covered_end, y.population_end))
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
        // Without every month, only each year's last is made (closing the year reads it,
        // and the outcome keeps the horizon's last).
        if !self.keep_months && !month.closes_year() {
            return;
        }
        let u = self.units;
        // Only the last month is kept: its vectors take this month's figures.
        let (mut by_source, mut by_source_paid) = match self.keep_months {
            true => Default::default(),
            false => self.months.pop().map_or_else(Default::default, |m| {
                (m.covered_by_source, m.contributions_by_source)
            }),
        };
        self.by_source(&mut by_source);
        by_source_paid.clear();
        by_source_paid.extend(self.paid.iter().map(|&p| u.rupiah(p)));
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
        let (target_met, target_fell_below) = held(sc, &self.years, self.target_reached);
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

/// Whether the target is met: reached, and at or above it at the end of the target year and
/// of every later fiscal year in the horizon (coverage is judged at each year's end, as
/// budgets are). Also the first such year end, after it was reached, that fell below it.
fn held(sc: &Scenario, years: &[YearResult], reached: Option<YearMonth>) -> (bool, Option<i32>) {
    let below = |y: &YearResult| {
        Decimal::from(y.workers_covered_end) < sc.target.coverage * Decimal::from(y.population_end)
    };
    let judged: Vec<&YearResult> = years.iter().filter(|y| y.year >= sc.target.year).collect();
    let fell = reached.and_then(|r| {
        judged
            .iter()
            .find(|y| y.year >= r.year && below(y))
            .map(|y| y.year)
    });
    let met = reached.is_some() && !judged.is_empty() && !judged.iter().any(|y| below(y));
    (met, fell)
}

#[cfg(test)]
mod tests {
    use crate::engine::scenario::Amount;
    use crate::engine::simulate::{simulate, simulate_years, PriceCache};
    use crate::engine::{presets, Parameters};
    use rust_decimal::Decimal;

    /// Monte Carlo draws make only each year's last month: their years, totals, target and
    /// last month are the whole run's, for every preset over 10 years at several budgets
    /// (with one price cache for all, as draws share it).
    #[test]
    fn a_run_without_every_month_has_the_whole_runs_years() {
        let params = Parameters::embedded().unwrap();
        let mut cache = PriceCache::default();
        for id in presets::IDS {
            for pct in [40, 100, 170] {
                let mut sc = presets::load(id).unwrap();
                sc.horizon.years = 10;
                sc.programmes.jht = pct == 170;
                for s in &mut sc.sources {
                    if let Amount::Rupiah { yearly } = &mut s.amount {
                        *yearly = (*yearly * Decimal::from(pct) / Decimal::from(100)).round();
                    }
                }
                let valid = sc.validate(&params).unwrap();
                let whole = simulate(&params, &valid);
                let years = simulate_years(&params, &valid, &mut cache);
                assert_eq!(years.years, whole.years, "{id} at {pct}%");
                assert_eq!(years.totals, whole.totals, "{id} at {pct}%");
                assert_eq!(years.target_met, whole.target_met, "{id} at {pct}%");
                assert_eq!(years.target_reached, whole.target_reached, "{id} at {pct}%");
                assert_eq!(years.warnings, whole.warnings, "{id} at {pct}%");
                assert_eq!(years.months.len(), 1, "{id} at {pct}%");
                assert_eq!(years.months.last(), whole.months.last(), "{id} at {pct}%");
            }
        }
    }
}
