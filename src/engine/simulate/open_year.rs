//! Step 1 of a month, when a fiscal year opens: each group's population for the year, each
//! source's budget and each group's costs, how many workers each source may hold (no
//! over-commitment), and the re-commitment of carried workers.

use super::prices::{Money, PriceCache, YearPrices};
use super::{Keep, Month, Pool, Run};
use crate::engine::enrolment::remove_workers;
use crate::engine::exact::{affordable, div_round, times, Dec, Units};
use crate::engine::funding;
use crate::engine::parameters::Parameters;
use crate::engine::risk::{AmountsF64, BenefitAmounts};
use crate::engine::scenario::Scenario;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;

/// What reading a year's prices and money reuses: the year prices read so far, room for the
/// months each source pays, and the money and cap of each source that has the same in every
/// full year (`funding::same_every_year`), once read.
type Reused<'a> = (
    &'a mut PriceCache,
    &'a mut Vec<Option<[bool; 12]>>,
    &'a mut [Option<(i128, u64)>],
);

/// A group's prices and each source's money and cap (units) for fiscal `year` (kept from
/// the year before when read then; prices from `cache` when read for the same costs and
/// months before).
fn year_prices(
    run: (&Parameters, &Scenario, Units),
    (cache, funded, steady): Reused,
    pool: &mut Pool,
    year: i32,
) -> (Rc<YearPrices>, Money) {
    if let Some((y, prices, money)) = pool.next_year.take() {
        if y == year {
            return (prices, money);
        }
    }
    let (params, sc, units) = run;
    funded.clear();
    funded.extend(sc.sources.iter().map(|s| {
        s.serves(&pool.name)
            .then(|| funding::funded_months(s, year, sc.horizon.start))
            .flatten()
    }));
    let prices = cache.prices((params, sc), &pool.programmes, year, funded);
    // The list of a year gone by is filled again rather than a new one allocated.
    let mut money = std::mem::take(&mut pool.spare_money);
    money.clear();
    money.extend(
        sc.sources
            .iter()
            .zip(funded.iter())
            .zip(&prices.first_remaining)
            .zip(steady.iter_mut())
            .map(|(((s, f), &first), steady)| {
                if f.is_none() {
                    return (0, 0);
                }
                // A first year that starts after January is pro-rated.
                let full_year = year != s.first_year || s.first_month == 1;
                if let (Some(money), true) = (*steady, full_year) {
                    return money;
                }
                let (budget, cap) = funding::year_money(sc, s, year, first);
                let money = (units.of(budget), cap);
                if full_year && funding::same_every_year(s) {
                    *steady = Some(money);
                }
                money
            }),
    );
    (prices, money)
}

impl Run<'_> {
    /// Step 1: the fiscal year's population, budgets and commitments.
    pub(super) fn open_year(&mut self, month: Month) {
        if month.t > 0 {
            self.grow(month.date.year);
        }
        let (params, sc, year) = (self.params, self.sc, month.date.year);
        for pool in &mut self.pools {
            // Benefits are not read by draws (`Keep::Figures`).
            if self.keep == Keep::Months {
                let income = pool.programmes.declared_income;
                pool.amounts =
                    AmountsF64::of(&BenefitAmounts::on_income(params, sc, income, month.date));
            }
            let run = (params, sc, self.units);
            let reused = (
                &mut self.cache,
                &mut self.scratch.funded,
                &mut self.steady_money[..],
            );
            let (prices, money) = year_prices(run, reused, pool, year);
            pool.prices = prices;
            pool.spare_money = std::mem::replace(&mut pool.money, money);
        }
        // A source's money and cap are shared by its groups; a pledge of workers is worth
        // most at the dearest group's cost.
        for i in 0..self.left.len() {
            let (mut budget, mut cap) = (0i128, 0u64);
            for pool in &self.pools {
                budget = budget.max(pool.money[i].0);
                cap = cap.max(pool.money[i].1);
            }
            if self.pools.len() == 1 {
                budget = self.pools[0].money[i].0;
            }
            self.budget[i] = budget;
            self.left[i] = budget;
            self.cap[i] = cap;
        }
        self.set_sustain(year);
        self.recommit(month.m);
    }

    /// No over-commitment: a source enrols no more workers than its next fiscal year's money
    /// can keep paying for, so that nobody loses cover in January unless a source ends or
    /// shrinks. The horizon's last year has no next year to respect.
    fn set_sustain(&mut self, year: i32) {
        let next = year + 1;
        self.next_budget.fill(None);
        if next > self.sc.horizon.last_month().year {
            self.sustain.fill(u64::MAX);
            return;
        }
        let run = (self.params, self.sc, self.units);
        let single = self.pools.len() == 1;
        self.sustain.fill(u64::MAX);
        for pool in &mut self.pools {
            let reused = (
                &mut self.cache,
                &mut self.scratch.funded,
                &mut self.steady_money[..],
            );
            let (prices, money) = year_prices(run, reused, pool, next);
            for (i, (plan, &(budget, cap))) in prices.plans.iter().zip(&money).enumerate() {
                let first = plan.remaining[0];
                pool.next_first[i] = first;
                if !plan.funded[0] {
                    continue;
                }
                if single {
                    self.sustain[i] = cap.min(affordable(budget, first));
                } else {
                    self.sustain[i] = cap;
                    let most = self.next_budget[i].get_or_insert(budget);
                    *most = (*most).max(budget);
                }
            }
            pool.next_year = Some((next, prices, money));
        }
    }

    /// Sets this year's population of each group: new workers add list entries; when it
    /// shrinks, the workers beyond it leave, waiting ones first.
    fn grow(&mut self, year: i32) {
        let sc = self.sc;
        // `Decimal`'s product rounded half to even, in integers.
        let factor = Dec::from_decimal(self.growth.factor((year - sc.horizon.start.year) as u32));
        for pool in &mut self.pools {
            let grown = Dec::whole(pool.start_workers)
                .mul(factor)
                .round_dp(0)
                .floor()
                .max(1);
            if grown > pool.population {
                // Enough new list entries to yield the new workers.
                let new = grown - pool.population;
                let yield_ = sc.enrolment.verification_yield;
                pool.list += div_round(new, yield_)
                    .unwrap_or_else(|| round_u64(Decimal::from(new) / yield_));
            } else {
                let known = pool.covered() + pool.waiting;
                let excess = known.saturating_sub(grown);
                let from_waiting = excess.min(pool.waiting);
                pool.waiting -= from_waiting;
                let gone = &mut self.gone;
                remove_workers(&mut pool.workers, &self.order, excess - from_waiting, gone);
            }
            pool.population = grown;
        }
    }

    /// Carried workers stay with their source while it can pay for the rest of the year;
    /// the others move to sources with room (that serve their group), in priority order, or
    /// lose cover.
    fn recommit(&mut self, m: usize) {
        let n = self.left.len();
        let groups = self.pools.len();
        // Each source's kept workers, each group's shed by source (`shed[g * n + i]`) and
        // each group's workers without a place, in buffers kept from year to year.
        let mut scratch = std::mem::take(&mut self.scratch);
        let (kept, shed, excess) = scratch.zeroed(n, groups);
        for &i in &self.order {
            for (g, pool) in self.pools.iter_mut().enumerate() {
                let p = &pool.prices.plans[i];
                let keep = if p.funded[m] {
                    pool.workers[i]
                        .min(self.cap[i] - kept[i])
                        .min(affordable(self.left[i], p.remaining[m]))
                } else {
                    0
                };
                shed[g * n + i] = pool.workers[i] - keep;
                excess[g] += shed[g * n + i];
                pool.workers[i] = keep;
                kept[i] += keep;
                if keep > 0 {
                    self.left[i] -= times(keep, p.remaining[m]);
                }
            }
        }
        for k in 0..self.order.len() {
            let i = self.order[k];
            for (g, excess) in excess.iter_mut().enumerate() {
                let remaining = self.pools[g].prices.plans[i].remaining[m];
                if *excess == 0 || !self.pools[g].prices.plans[i].funded[m] {
                    continue;
                }
                let take = (*excess)
                    .min(self.room(g, i))
                    .min(affordable(self.left[i], remaining));
                self.pools[g].workers[i] += take;
                self.left[i] -= times(take, remaining);
                *excess -= take;
            }
        }
        // Those who found no place are counted against the sources that dropped them, in
        // priority order.
        for (g, pool) in self.pools.iter_mut().enumerate() {
            pool.waiting += excess[g];
            for &i in &self.order {
                let lost = shed[g * n + i].min(excess[g]);
                self.sums.cover_lost[i] += lost;
                excess[g] -= lost;
            }
        }
        self.scratch = scratch;
    }
}

fn round_u64(x: Decimal) -> u64 {
    x.round().to_u64().unwrap_or(0)
}
