//! Steps 2–4 of a month, group by group: lapses, verification and enrolment. Money is
//! shared by the groups a source serves (`Run::left`); everything else here is per group.

use super::{Month, Run};
use crate::engine::enrolment::remove_workers;
use crate::engine::exact::{affordable, mul_div, mul_div_half_up, times};

impl Run<'_> {
    /// Step 2: a share of each group's verified workers (covered and waiting) leave; their
    /// sources get back what they had committed for the rest of the year. Returns how many
    /// left.
    pub(super) fn lapse(&mut self, month: Month) -> u64 {
        let mut total = 0;
        for pool in &mut self.pools {
            let covered_before = pool.covered();
            let known = covered_before + pool.waiting;
            // Fractions of a worker carry over to the next month, so small groups lapse too.
            let expected = self.monthly_lapse.times_plus(known, pool.lapse_carry);
            let (whole, rest) = expected.split();
            let lapses = whole.min(known);
            pool.lapse_carry = if lapses == whole {
                rest
            } else {
                expected.minus_whole(lapses)
            };
            let from_covered = if known == 0 {
                0
            } else {
                // The lapses' share of the covered, rounded half up.
                mul_div_half_up(lapses, covered_before, known)
            };
            let from_covered = from_covered
                .min(covered_before)
                .max(lapses.saturating_sub(pool.waiting));
            pool.waiting -= lapses - from_covered;
            remove_workers(&mut pool.workers, &self.order, from_covered, &mut self.gone);
            for (i, &gone) in self.gone.iter().enumerate() {
                if gone > 0 {
                    self.left[i] += times(gone, pool.prices.plans[i].remaining[month.m]);
                }
            }
            if self.sc.enrolment.reenrol {
                pool.relist += lapses;
            }
            total += lapses;
        }
        total
    }

    /// Each group's share of this month's verification capacity (several groups): in
    /// proportion to its entries still to check, the rounding remainder to groups in list
    /// order.
    fn verification_shares(&self) -> Vec<u64> {
        let capacity = self.sc.enrolment.verification_per_month;
        let pending: Vec<u64> = self.pools.iter().map(|p| p.relist + p.list).collect();
        let total: u64 = pending.iter().sum();
        if total == 0 {
            return vec![0; pending.len()];
        }
        let mut shares: Vec<u64> = pending
            .iter()
            .map(|&p| mul_div(capacity, p, total))
            .collect();
        let mut rest = capacity - shares.iter().sum::<u64>();
        for (share, &p) in shares.iter_mut().zip(&pending) {
            let extra = rest.min(p.saturating_sub(*share));
            *share += extra;
            rest -= extra;
        }
        shares
    }

    /// Step 3: in each group, lapsed workers who may re-enrol are re-checked first (they are
    /// known to be eligible); then raw list entries, of which only the yield is eligible.
    pub(super) fn verify(&mut self) {
        let verification_yield = self.verification_yield;
        // One group has the whole capacity (no allocation on the common path).
        let shares = match self.pools.len() {
            1 => None,
            _ => Some(self.verification_shares()),
        };
        let whole = self.sc.enrolment.verification_per_month;
        for (g, pool) in self.pools.iter_mut().enumerate() {
            let capacity = shares.as_ref().map_or(whole, |s| s[g]);
            let rechecked = capacity.min(pool.relist);
            pool.relist -= rechecked;
            let checked = (capacity - rechecked).min(pool.list);
            pool.list -= checked;
            // Fractions of an eligible worker carry over, so small monthly capacities still
            // find people. With no entry checked the carry (below one) stays as it is.
            let mut eligible = rechecked;
            if checked > 0 {
                let found = verification_yield.times_plus(checked, pool.yield_carry);
                let (whole, rest) = found.split();
                eligible += whole;
                pool.yield_carry = rest;
            }
            let room = pool
                .population
                .saturating_sub(pool.covered() + pool.waiting);
            pool.waiting += eligible.min(room);
        }
    }

    /// Step 4: enrolment by priority and, within a source, by group in list order, limited
    /// by verified workers, caps, no over-commitment and the money left. Counts the months
    /// in which verification, not money, held enrolment back. Returns how many joined.
    pub(super) fn enrol(&mut self, month: Month) -> u64 {
        let m = month.m;
        let mut new_enrolments = 0u64;
        for k in 0..self.order.len() {
            let i = self.order[k];
            for g in 0..self.pools.len() {
                if self.pools[g].waiting == 0 || !self.pools[g].prices.plans[i].funded[m] {
                    continue;
                }
                let room = self.room(g, i);
                if room == 0 {
                    continue;
                }
                let pool = &mut self.pools[g];
                let remaining = pool.prices.plans[i].remaining[m];
                let want = room.min(pool.waiting);
                // The division that counts affordable workers runs only when money is short.
                let take = if self.left[i] >= times(want, remaining) {
                    want
                } else {
                    affordable(self.left[i], remaining).min(want)
                };
                pool.workers[i] += take;
                self.left[i] -= times(take, remaining);
                pool.waiting -= take;
                new_enrolments += take;
            }
            if self.pools.iter().all(|p| p.waiting == 0) {
                break;
            }
        }
        // Verification binds when a group's verified workers ran out while some of its
        // workers were unverified and a source serving it could pay for one more.
        let binds = (0..self.pools.len()).any(|g| {
            let pool = &self.pools[g];
            pool.waiting == 0
                && pool.unverified() > 0
                && self.order.iter().any(|&i| {
                    let p = &pool.prices.plans[i];
                    p.funded[m] && self.room(g, i) > 0 && self.left[i] >= p.remaining[m]
                })
        });
        if binds {
            self.binding_months += 1;
            self.first_binding.get_or_insert(month.date);
        }
        new_enrolments
    }
}
