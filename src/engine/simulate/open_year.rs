//! Step 1 of a month, when a fiscal year opens: the population for the year, each source's
//! budget and costs, how many workers each source may hold (no over-commitment), and the
//! re-commitment of carried workers.

use super::{round_u64, Month, Run};
use crate::engine::enrolment::remove_workers;
use crate::engine::funding::{self, affordable, YearCosts};
use crate::engine::risk::BenefitAmounts;
use rust_decimal::Decimal;

impl Run<'_> {
    /// Step 1: the fiscal year's population, budgets and commitments.
    pub(super) fn open_year(&mut self, month: Month) {
        if month.t > 0 {
            self.grow(month.date.year);
        }
        self.amounts = BenefitAmounts::at(self.params, self.sc, month.date);
        self.costs = YearCosts::new(self.params, self.sc, month.date.year);
        for (i, s) in self.sc.sources.iter().enumerate() {
            self.plans[i] = funding::year_plan(
                &self.costs,
                self.sc,
                s,
                month.date.year,
                self.sc.horizon.start,
            );
            self.left[i] = self.plans[i].budget;
        }
        self.set_sustain(month.date.year);
        self.recommit(month.m);
    }

    /// No over-commitment: a source enrols no more workers than its next fiscal year's money
    /// can keep paying for, so that nobody loses cover in January unless a source ends or
    /// shrinks. The horizon's last year has no next year to respect.
    fn set_sustain(&mut self, year: i32) {
        let next = year + 1;
        if next > self.sc.horizon.last_month().year {
            self.sustain.fill(u64::MAX);
            return;
        }
        let costs = YearCosts::new(self.params, self.sc, next);
        for (i, s) in self.sc.sources.iter().enumerate() {
            let plan = funding::year_plan(&costs, self.sc, s, next, self.sc.horizon.start);
            self.sustain[i] = if plan.funded[0] {
                plan.cap.min(affordable(plan.budget, plan.remaining[0]))
            } else {
                u64::MAX
            };
        }
    }

    /// Sets this year's population: new workers add list entries; when it shrinks, the
    /// workers beyond it leave, waiting ones first.
    fn grow(&mut self, year: i32) {
        let sc = self.sc;
        let grown = Decimal::from(sc.region.vulnerable_workers)
            * funding::growth_factor(
                sc.region.worker_growth,
                (year - sc.horizon.start.year) as u32,
            );
        let grown = round_u64(grown).max(1);
        if grown > self.population {
            // Enough new list entries to yield the new workers.
            self.list +=
                round_u64(Decimal::from(grown - self.population) / sc.enrolment.verification_yield);
        } else {
            let known = self.covered() + self.waiting;
            let excess = known.saturating_sub(grown);
            let from_waiting = excess.min(self.waiting);
            self.waiting -= from_waiting;
            remove_workers(&mut self.workers, &self.order, excess - from_waiting);
        }
        self.population = grown;
    }

    /// Carried workers stay with their source while it can pay for the rest of the year;
    /// the others move to sources with room, in priority order, or lose cover.
    fn recommit(&mut self, m: usize) {
        let mut excess = 0u64;
        let mut shed = vec![0u64; self.workers.len()];
        for &i in &self.order {
            let p = &self.plans[i];
            let keep = if p.funded[m] {
                self.workers[i]
                    .min(p.cap)
                    .min(affordable(self.left[i], p.remaining[m]))
            } else {
                0
            };
            shed[i] = self.workers[i] - keep;
            excess += shed[i];
            self.workers[i] = keep;
            self.left[i] -= Decimal::from(keep) * p.remaining[m];
        }
        for &i in &self.order {
            let p = &self.plans[i];
            if excess == 0 || !p.funded[m] {
                continue;
            }
            let take = excess
                .min(p.cap.min(self.sustain[i]).saturating_sub(self.workers[i]))
                .min(affordable(self.left[i], p.remaining[m]));
            self.workers[i] += take;
            self.left[i] -= Decimal::from(take) * p.remaining[m];
            excess -= take;
        }
        self.waiting += excess;
        // Those who found no place are counted against the sources that dropped them, in
        // priority order.
        for &i in &self.order {
            let lost = shed[i].min(excess);
            self.sums.cover_lost[i] += lost;
            excess -= lost;
        }
    }
}
