//! Steps 5 and 6 of a month: what each source pays for each group's workers (at that
//! group's costs, co-funders included), and the expected events among the covered with the
//! benefits they lead to. It knows nothing of enrolment or of how budgets are set.

use super::{Events, Month, Payment, Run};
use crate::engine::funding;
use crate::engine::parameters::Contribution;
use crate::engine::risk::{self, ExpectedEvents};
use rust_decimal::Decimal;

impl Run<'_> {
    /// Step 5: each source pays for its covered workers; the JHT part earns its return.
    pub(super) fn pay(&mut self, month: Month) -> Payment {
        let m = month.m;
        let mut by_source = vec![Decimal::ZERO; self.left.len()];
        let mut programmes: Option<Contribution> = None;
        // Contributions by group are kept only for scenarios that declare groups.
        let by_group = !self.sc.groups.is_empty();
        for (g, pool) in self.pools.iter().enumerate() {
            // Every paying source pays either the full or the discounted rate: split the
            // programmes once per rate instead of once per source.
            let (mut at_full, mut at_discount) = (0u64, 0u64);
            let mut paid = Decimal::ZERO;
            for (i, &workers) in pool.workers.iter().enumerate() {
                if workers == 0 {
                    continue;
                }
                let cost = Decimal::from(workers) * pool.plans[i].cost[m].total();
                by_source[i] += cost;
                if by_group {
                    paid += cost;
                }
                if self.sc.sources[i].discount {
                    at_discount += workers;
                } else {
                    at_full += workers;
                }
            }
            // Co-funders pay their share of the workers they help (whose own sources' costs
            // were lowered by as much when the year opened).
            for (i, helper) in self.sc.sources.iter().enumerate() {
                if !pool.plans[i].funded[m] || helper.co_funding().is_none() {
                    continue;
                }
                for (j, helped) in self.sc.sources.iter().enumerate() {
                    if pool.workers[j] > 0 && helper.co_funds(helped) {
                        let base = if helped.discount {
                            &pool.costs.discounted[m]
                        } else {
                            &pool.costs.full[m]
                        };
                        let due = funding::co_funded(helper, base, pool.workers[j]);
                        by_source[i] += due;
                        if by_group {
                            paid += due;
                        }
                    }
                }
            }
            if by_group {
                self.paid_by_group[g] += paid;
            }
            let split = funding::split_by_programme(&pool.costs, m, at_full, at_discount);
            programmes = Some(match programmes {
                None => split,
                Some(sum) => Contribution {
                    jkk: sum.jkk + split.jkk,
                    jkm: sum.jkm + split.jkm,
                    jht: sum.jht + split.jht,
                },
            });
        }
        let programmes = programmes.unwrap_or_default();
        self.cumulative += programmes.total();
        self.jht_balance =
            (self.jht_balance * (Decimal::ONE + self.monthly_return) + programmes.jht).round_dp(2);
        Payment {
            by_source,
            programmes,
        }
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
            self.pending[t + self.lag] +=
                risk::expected_benefits_f64(&pool.rates, &pool.amounts, &events);
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
