//! Steps 5 and 6 of a month: what each source pays for each group's workers (at that
//! group's costs, co-funders included), and the expected events among the covered with the
//! benefits they lead to. It knows nothing of enrolment or of how budgets are set.

use super::prices::Programmes;
use super::{Events, Keep, Month, Run};
use crate::engine::exact::{times, Dec};
use crate::engine::risk::{self, ExpectedEvents};

impl Run<'_> {
    /// Step 5: each source pays for its covered workers (into `paid`); the JHT part earns
    /// its return. Returns the month's contributions by programme (none for draws, which
    /// read neither them nor the JHT balance: `Keep::Figures`).
    pub(super) fn pay(&mut self, month: Month) -> Programmes {
        let m = month.m;
        self.paid.fill(0);
        let mut programmes: Programmes = [0; 3];
        let by_programme = self.keep == Keep::Months;
        // Contributions by group are kept only for scenarios that declare groups.
        let by_group = by_programme && !self.sc.groups.is_empty();
        for (g, pool) in self.pools.iter().enumerate() {
            // Every paying source pays either the full or the discounted rate: split the
            // programmes once per rate instead of once per source.
            let (mut at_full, mut at_discount) = (0u64, 0u64);
            let mut paid = 0i128;
            for (i, &workers) in pool.workers.iter().enumerate() {
                if workers == 0 {
                    continue;
                }
                let cost = times(workers, pool.prices.plans[i].cost[m]);
                self.paid[i] += cost;
                paid += cost;
                // Only an outcome's contributions by programme read the split.
                if by_programme {
                    if self.sc.sources[i].discount {
                        at_discount += workers;
                    } else {
                        at_full += workers;
                    }
                }
            }
            // Co-funders pay their share of the workers they help (whose own sources' costs
            // were lowered by as much when the year opened).
            for c in &pool.prices.co_funds {
                let workers = pool.workers[c.helped];
                if workers > 0 && pool.prices.plans[c.helper].funded[m] {
                    let due = times(workers, c.due[m]);
                    self.paid[c.helper] += due;
                    paid += due;
                }
            }
            if by_group {
                self.paid_by_group[g] += paid;
            }
            if !by_programme {
                self.year_paid += paid;
                continue;
            }
            let (cf, cd) = (&pool.prices.full[m], &pool.prices.discounted[m]);
            for k in 0..3 {
                programmes[k] += times(at_full, cf[k]) + times(at_discount, cd[k]);
            }
        }
        if let Some(region) = &mut self.region {
            for (sum, paid) in region.paid.iter_mut().zip(&self.paid) {
                *sum += paid;
            }
        }
        if !by_programme {
            return programmes;
        }
        self.cumulative += programmes.iter().sum::<i128>();
        let jht = programmes[2];
        if !(self.jht_balance.is_zero() && jht == 0) {
            let paid_in = Dec::from_decimal(self.units.rupiah(jht));
            self.jht_balance = self
                .jht_balance
                .mul(self.jht_growth)
                .add(paid_in)
                .round_dp(2);
        }
        programmes
    }

    /// Step 6: expected events among the covered, and the benefits they lead to, paid after
    /// the claim lag.
    pub(super) fn expect_events(&mut self, month: Month, new_enrolments: u64) -> Events {
        let t = month.t as usize;
        let covered = self.covered();
        let tenured = self.tenure.step(
            i64::from(month.t),
            covered - new_enrolments,
            new_enrolments,
            self.min_tenure,
        );
        let mut expected: Option<ExpectedEvents> = None;
        for pool in &self.pools {
            let events = risk::expected_events(&pool.rates, pool.covered(), tenured);
            let benefits = risk::expected_whole_rupiah_f64(&pool.rates, &pool.amounts, &events);
            self.pending[t + self.lag] += self.units.whole(benefits);
            expected = Some(match expected {
                None => events,
                Some(sum) => ExpectedEvents {
                    deaths: sum.deaths + events.deaths,
                    work_deaths: sum.work_deaths + events.work_deaths,
                    accidents: sum.accidents + events.accidents,
                    tenured_share: tenured,
                },
            });
        }
        Events {
            expected: expected.unwrap_or_default(),
            benefits_paid: self.pending[t],
        }
    }
}
